"""Reads that several views share (querysets and filters)."""
