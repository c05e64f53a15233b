"""Worked-example notebooks: Markdown sources in notebooks/ → executed .ipynb in docs/notebooks/."""
