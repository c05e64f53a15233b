"""Importer and tools for the LLM interview knowledge base."""
