"""MkDocs hooks, one concern per file (registered in mkdocs.yml `hooks:`)."""
