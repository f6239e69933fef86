"""Stage glossary: terms from the hot-search line, article keywords and the curated file; term discovery."""
