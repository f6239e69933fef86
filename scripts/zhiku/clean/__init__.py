"""Stage clean: the portal's chrome stripped, white space normalised, lines joined into paragraphs."""
