"""Stage publish: MkDocs over the written Markdown, into a fresh folder; the offline zip."""
