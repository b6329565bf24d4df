"""Tests of the generator: spec errors, reproducibility, --check, OpenAPI, naming, examples."""
