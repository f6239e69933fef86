"""Stage extract: metadata and body blocks of a page, by format (text dump, saved HTML, Markdown)."""
