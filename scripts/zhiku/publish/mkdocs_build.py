"""Publishing: run MkDocs on the written Markdown, into a fresh folder that replaces the old site."""
from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..layout import SiteConfig

MKDOCS_CONFIG = Path(__file__).resolve().parents[3] / "mkdocs.yml"  # the repository's


class PublishError(RuntimeError):
    pass


def read_site_config(config_file: Path = MKDOCS_CONFIG) -> SiteConfig:
    """site_name and site_url from the MkDocs configuration, its !ENV tags resolved as MkDocs does."""
    from mkdocs.utils.yaml import yaml_load

    with open(config_file, encoding="utf-8") as handle:
        config = yaml_load(handle) or {}
    url = config.get("site_url")
    return SiteConfig(str(config.get("site_name") or ""), str(url) if url else None)


def build_site(config_file: Path, docs_dir: Path, site_dir: Path, *, strict: bool = True,
               newest: datetime | None = None, overrides: dict | None = None, leave_out: tuple[str, ...] = (),
               finish: Callable[[Path], None] | None = None) -> None:
    """Build with MkDocs into a temporary folder; the old site is replaced only if that succeeded.
    `leave_out`: folders of the docs folder that MkDocs does not see (being written meanwhile);
    `finish(folder)`: adds what else the site holds to the built folder before it is published
    (PublishError if it fails)."""
    import pathspec
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # Sitemap dates follow the newest article, not the clock: the same input gives the same site.
    os.environ["SOURCE_DATE_EPOCH"] = str(int(newest.timestamp()) if newest else 0)
    site_dir = site_dir.resolve()
    staging = site_dir.with_name(f".{site_dir.name}.building")
    shutil.rmtree(staging, ignore_errors=True)
    _show_mkdocs_warnings()
    try:
        config = load_config(str(config_file), docs_dir=str(docs_dir.resolve()), site_dir=str(staging),
                             strict=strict, **(overrides or {}))
        if leave_out:
            left_out = pathspec.gitignore.GitIgnoreSpec.from_lines([f"/{folder}/" for folder in leave_out])
            config.exclude_docs = config.exclude_docs + left_out if config.exclude_docs else left_out
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    except (MkDocsException, SystemExit, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(f"mkdocs build failed: {exc}") from None
    if finish is not None:
        try:
            finish(staging)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    old = site_dir.with_name(f".{site_dir.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)
    shutil.rmtree(old, ignore_errors=True)


def _show_mkdocs_warnings() -> None:
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    if not any(getattr(h, "_zhiku", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("mkdocs: %(levelname)s: %(message)s"))
        handler._zhiku = True
        logger.addHandler(handler)


def copy_folder(source: Path, target: Path) -> None:
    """Copy a folder of the docs folder into the built site as MkDocs would have (its dot files
    left out)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(".*"), dirs_exist_ok=True)
