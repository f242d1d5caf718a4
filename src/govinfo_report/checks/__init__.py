"""Checks on a parsed report: arithmetic, structure and prose."""
