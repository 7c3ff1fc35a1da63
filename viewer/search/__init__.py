"""The whoosh index: schema, writing, query parsing, searching, snippets and facets."""
