"""Stage write: escaped Markdown with front matter for articles, index pages, glossary pages and feeds."""
