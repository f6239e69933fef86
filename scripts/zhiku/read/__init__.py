"""Stage read: find the pages of an input folder, decode them, and turn each into an Article or a problem."""
