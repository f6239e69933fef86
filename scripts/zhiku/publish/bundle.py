"""The offline bundle: the built site as one zip that works unzipped anywhere, opened from file://.

The site itself is made for that (mkdocs.yml: no directory URLs, the offline plugin's search index
as a script, the site's own iframe-worker shim, no request outside the site); this only packs it,
byte for byte the same for the same site: entries sorted, one timestamp, fixed permissions.
"""
from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def write_bundle(site_dir: Path, zip_file: Path, *, folder: str | None = None,
                 newest: datetime | None = None) -> int:
    """Zip site_dir into zip_file under one top folder (default: the zip's name); files written."""
    folder = folder or zip_file.stem
    stamp = newest.timetuple()[:6] if newest and newest.year >= 1980 else _EPOCH
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    zip_file.parent.mkdir(parents=True, exist_ok=True)
    partial = zip_file.with_name(f".{zip_file.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", date_time=stamp)
            info.external_attr = 0o100644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            bundle.writestr(info, path.read_bytes(), compresslevel=9)
    partial.replace(zip_file)
    return len(files)
