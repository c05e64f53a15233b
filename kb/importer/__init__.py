"""The import pipeline: sources/ → parsed documents → docs/."""
