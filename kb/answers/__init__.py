"""Answers written by this project (answers/<topic>/<slug>.md), merged into topic pages by the importer."""
