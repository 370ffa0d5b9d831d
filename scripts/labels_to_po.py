"""Merge a Python ``LABELS`` dict ({key: {"sq": ..., "en": ...}}) into the gettext catalogs, one command.

Branches written before the catalogs add their labels as a block at the end of ``LABELS`` in ``lnb_dash/i18n.py``;
this moves such a block into ``lnb_dash/locale/{sq,en}/LC_MESSAGES/lnb.po``::

    .venv/bin/python scripts/labels_to_po.py --git county            # what branch county added to LABELS
    .venv/bin/python scripts/labels_to_po.py --git county --base f6966d5   # the same after the merge commit
    .venv/bin/python scripts/labels_to_po.py path/to/file.py         # a file with a LABELS = {...} literal
    .venv/bin/python scripts/labels_to_po.py file.py --name EXTRA    # another dict name

The dict is read with ``ast`` (never imported or run). Keys already in a catalog with the same text are skipped; a key
whose text differs is reported and left alone unless ``--overwrite``. Then run ``make translations``.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from lnb_dash.i18n import catalog as po


def labels_from_source(text: str, name: str = "LABELS") -> dict[str, dict[str, str]]:
    """The literal assigned to ``name`` in Python source text (``x = {...}`` or ``x: dict = {...}``)."""
    for node in ast.walk(ast.parse(text)):
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == name and node.value is not None:
            return ast.literal_eval(node.value)
    raise SystemExit(f"no {name} = {{...}} in the given source")


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def labels_added_on_branch(ref: str, name: str = "LABELS", base: str | None = None) -> dict[str, dict[str, str]]:
    """Labels the branch ``ref`` added or changed since ``base`` (default: where it left HEAD), so keys removed or
    reworded here are not brought back. Run it while merging (before the merge commit) or name ``base``."""
    base = base or _git("merge-base", "HEAD", ref).strip()
    before = labels_from_source(_git("show", f"{base}:lnb_dash/i18n.py"), name)
    after = labels_from_source(_git("show", f"{ref}:lnb_dash/i18n.py"), name)
    return {key: text for key, text in after.items() if before.get(key) != text}


def merge(labels: dict[str, dict[str, str]], overwrite: bool = False, locale_dir: Path = po.LOCALE_DIR) -> list[str]:
    """Add ``labels`` to both catalogs; returns the messages about keys left alone."""
    problems = [f"{key}: needs both 'sq' and 'en'" for key, text in labels.items() if not (text.get("sq") and text.get("en"))]
    labels = {k: v for k, v in labels.items() if v.get("sq") and v.get("en")}
    catalogs = {lang: po.read_catalog(lang, locale_dir) for lang in po.LANGS}
    for key, text in labels.items():
        for lang, catalog in catalogs.items():
            old = catalog.get(key)
            if old is not None and old.string and old.string != text[lang] and not overwrite:
                problems.append(f"{key} ({lang}): catalog has {old.string!r}, the dict {text[lang]!r}; kept the catalog's")
                continue
            if old is None:
                catalog.add(key, text[lang])
            else:
                old.string, old.flags = text[lang], old.flags - {"fuzzy"}
    po.annotate(catalogs["sq"], catalogs["en"])
    for lang, catalog in catalogs.items():
        po.write_catalog(catalog, lang, locale_dir)
    return problems


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file", nargs="?", help="a Python file holding the dict literal")
    parser.add_argument("--git", metavar="REF", help="read lnb_dash/i18n.py at this git ref (a branch) instead of a file")
    parser.add_argument("--base", metavar="REF", help="with --git: compare with this commit (default: the merge base with HEAD)")
    parser.add_argument("--name", default="LABELS", help="the dict's name (default LABELS)")
    parser.add_argument("--overwrite", action="store_true", help="replace catalog texts that differ")
    args = parser.parse_args(argv)
    if bool(args.file) == bool(args.git):
        parser.error("give a file or --git REF")
    if args.git:
        labels = labels_added_on_branch(args.git, args.name, args.base)
    else:
        labels = labels_from_source(Path(args.file).read_text(encoding="utf-8"), args.name)
    problems = merge(labels, args.overwrite)
    print(f"{len(labels)} labels read; catalogs written to {po.LOCALE_DIR.relative_to(ROOT)}")
    for problem in problems:
        print("  " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
