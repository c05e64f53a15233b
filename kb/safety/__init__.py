"""What may be published: an allow-list of HTML checked on the final pages and the files copied from docs/."""
