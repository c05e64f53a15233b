"""The MkDocs plugin that builds the site: every feature, in one stated order."""
