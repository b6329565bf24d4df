"""Turns YAML specs of vendor API doc pages into typed Python clients under generated/."""
