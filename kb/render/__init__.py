"""Markdown writers for the pages the importer generates."""
