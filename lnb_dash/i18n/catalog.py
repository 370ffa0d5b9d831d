"""The gettext catalogs: ``lnb_dash/locale/<lang>/LC_MESSAGES/lnb.po``, the single source of every label.

Message ids are the short keys the code passes to :func:`lnb_dash.i18n.t` (``"page_map"``), not English sentences:
the 300 callers keep their keys, Albanian (the default language) is not a translation of English, and rewording
English never orphans an Albanian text. Translators see the English of each key as a ``#.`` comment in the
Albanian catalog. ``make translations`` extracts the keys (pybabel, ``babel.cfg``), updates and compiles both catalogs.
"""

from __future__ import annotations

import ast
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "lnb"
LANGS = ("sq", "en")
ENGLISH_NOTE = "English: "


def catalog_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(lang: str, locale_dir: Path = LOCALE_DIR) -> Catalog:
    path = catalog_path(lang, locale_dir)
    if not path.exists():
        return Catalog(locale=lang, domain=DOMAIN, project="LNB municipal dashboard", fuzzy=False)
    with path.open("rb") as f:
        return read_po(f, locale=lang, domain=DOMAIN)


def write_catalog(catalog: Catalog, lang: str, locale_dir: Path = LOCALE_DIR) -> None:
    path = catalog_path(lang, locale_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        write_po(f, catalog, width=120, sort_output=True, omit_header=False, ignore_obsolete=True)


def messages(catalog: Catalog) -> dict[str, str]:
    """key -> text for every translated entry; fuzzy and empty ones are left out (the key then counts as missing)."""
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


def annotate(sq: Catalog, en: Catalog) -> None:
    """Put each key's English beside its Albanian entry as a translator comment (``#. English: …``)."""
    english = messages(en)
    for message in sq:
        if not message.id:
            continue
        others = [c for c in message.auto_comments if not c.startswith(ENGLISH_NOTE)]
        note = [ENGLISH_NOTE + line for line in english[message.id].split("\n")] if message.id in english else []
        message.auto_comments = note + others


def problems(sq: Catalog, en: Catalog, used_keys=()) -> list[str]:
    """Every missing, empty or fuzzy entry in either language, and every key the code uses that no catalog has."""
    found = []
    keys = sorted({m.id for c in (sq, en) for m in c if m.id} | set(used_keys))
    for lang, catalog in (("sq", sq), ("en", en)):
        for key in keys:
            message = catalog.get(key)
            if message is None:
                found.append(f"{lang}: {key} is missing")
            elif not message.string:
                found.append(f"{lang}: {key} is empty")
            elif message.fuzzy:
                found.append(f"{lang}: {key} is fuzzy")
    return found


def _constant_keys(node) -> list[str]:
    """The string keys an argument can be: a literal, or either branch of ``"a" if c else "b"``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _constant_keys(node.body) + _constant_keys(node.orelse)
    return []


def extract_keys(fileobj, keywords, comment_tags, options):
    """A Babel extraction method (``babel.cfg``): the literal first argument of every ``t(...)``/``N_(...)`` call,
    read from the syntax tree, so calls inside f-strings and conditional keys are found too (Babel's own
    Python extractor sees neither)."""
    tree = ast.parse(fileobj.read().decode(options.get("encoding", "utf-8")))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if name in keywords:
            for key in _constant_keys(node.args[0]):
                yield node.lineno, name, key, []


def annotate_catalogs(locale_dir: Path = LOCALE_DIR) -> None:
    """After ``pybabel update``: the English comments back into the Albanian catalog, both files in one layout."""
    sq, en = read_catalog("sq", locale_dir), read_catalog("en", locale_dir)
    annotate(sq, en)
    write_catalog(sq, "sq", locale_dir)
    write_catalog(en, "en", locale_dir)


if __name__ == "__main__":  # `make translations` runs `python -m lnb_dash.i18n.catalog` between update and compile
    annotate_catalogs()
