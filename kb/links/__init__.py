"""Cross-linking of the site: glossary, term links, related questions, bank links, link checks."""
