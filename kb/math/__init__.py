"""Build-time KaTeX: render formulas in one Node process, report errors, serve KaTeX's CSS and fonts."""
