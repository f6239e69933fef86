"""Stage pictures: the term graph, trend charts and the archive chart, drawn at build time as SVG."""
