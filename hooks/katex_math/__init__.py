"""Build-time KaTeX: find math in Markdown, render it in one Node process, report errors."""
