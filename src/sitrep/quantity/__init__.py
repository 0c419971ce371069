"""Helpers for the quantities stage: number parsing, unit tables and the extractor."""
