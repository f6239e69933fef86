"""zhiku (知库): scraped Chinese AI-news pages in, a searchable knowledge site out."""
