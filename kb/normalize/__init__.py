"""Normalizers: each fixes one kind of form defect and keeps the meaning."""
