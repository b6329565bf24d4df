"""Tests of the doc-update workflow: ``generate diff`` findings, reports, changelog."""
