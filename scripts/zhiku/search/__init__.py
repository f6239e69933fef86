"""Stage search: the Chinese word cuts and the dictionary the site's search is built from."""
