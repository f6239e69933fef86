"""The cache: cached steps whose versions come from their code, their journals and entry files, site-wide sums."""
