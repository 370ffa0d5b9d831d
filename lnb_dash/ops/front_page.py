"""The page every address first receives (Streamlit's ``index.html``), with the dashboard's own first words.

Streamlit answers every page with one static ``index.html`` whose body is empty until ~1.5 MB of JavaScript has arrived:
on a venue's slow network a presenter stares at a white page for most of a minute. The served copy says, in its first
bytes and in Albanian and English, that the dashboard is opening, and names itself in the tab; a small script (a file,
so the nginx CSP needs no new hash) rewrites Streamlit's connection dialog ("… Are you connected to the internet?"),
which would send people looking for an internet connection the dashboard never needs, into the page's language.

Everything else in Streamlit's static folder is linked, not copied; the server is pointed at the folder with
:func:`serve_front_page` before it starts (``lnb_dash.ui.serve``).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
from pathlib import Path

from lnb_dash import config
from lnb_dash.i18n import N_, t

FRONT_DIR = config.ROOT / "front"
LANGS = ("sq", "en")
# Streamlit's English texts of its connection dialog, each replaced by the label named.
DIALOG_TEXTS = {
    "Connection error": N_("front_lost_title"),
    "Streamlit server is not responding. Are you connected to the internet?": N_("front_lost_text"),
    "Is Streamlit still running? If you accidentally stopped Streamlit, just restart it in your terminal:": N_("front_lost_text"),
}

DIALOG_SCRIPT = """(() => {
  const texts = JSON.parse(document.getElementById('lnb-front').dataset.texts);
  const lang = () => (new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'sq');
  const rewrite = (root) => {
    for (const dialog of root.querySelectorAll('[role="dialog"]')) {
      const walker = document.createTreeWalker(dialog, NodeFilter.SHOW_TEXT);
      const found = [];
      while (walker.nextNode()) if (texts[lang()][walker.currentNode.nodeValue.trim()]) found.push(walker.currentNode);
      for (const node of found) node.nodeValue = texts[lang()][node.nodeValue.trim()];
      if (found.length) for (const code of dialog.querySelectorAll('pre, code')) code.remove();
    }
  };
  new MutationObserver(() => rewrite(document.body)).observe(document.body, {childList: true, subtree: true, characterData: true});
})();
"""


def loading_html() -> str:
    """What shows until Streamlit draws the page: the dashboard's name and that it is opening, in both languages."""
    parts = "".join(f'<p lang="{lang}" style="margin:.4rem 0">{html.escape(t("front_loading", lang))}</p>' for lang in LANGS)
    return (f'<div style="font-family:sans-serif;padding:3rem 1.5rem;color:#262730"><h1 style="font-size:1.5rem;margin:0 0 1rem">'
            f'{html.escape(t("app_title", "sq"))}</h1>{parts}</div>')


def dialog_texts() -> dict[str, dict[str, str]]:
    return {lang: {english: t(key, lang) for english, key in DIALOG_TEXTS.items()} for lang in LANGS}


def front_page(streamlit_index: str, script_url: str) -> str:
    """Streamlit's ``index.html`` in Albanian by default, titled, with the loading words inside the root Streamlit
    replaces, and the dialog script; refuses an index it does not recognise rather than serve a half-changed page."""
    marks = ('<html lang="en">', "<title>Streamlit</title>", '<div id="root"></div>', "</body>")
    missing = [m for m in marks if m not in streamlit_index]
    if missing:
        raise ValueError(f"Streamlit's index.html has changed: {missing} not found")
    texts = html.escape(json.dumps(dialog_texts(), ensure_ascii=False), quote=True)
    return (streamlit_index.replace(marks[0], '<html lang="sq">')
            .replace(marks[1], f"<title>{html.escape(t('app_title', 'sq'))}</title>")
            .replace(marks[2], f'<div id="root">{loading_html()}</div>')
            .replace(marks[3], f'<div id="lnb-front" hidden data-texts="{texts}"></div>'
                               f'<script defer src="{script_url}"></script></body>'))


def _write(path: Path, text: str) -> None:
    """Written in one step (replicas start together and may serve the file while another writes it)."""
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def install_front_page(streamlit_static: Path, static_dir: Path, front_dir: Path = FRONT_DIR) -> Path:
    """Write ``front_dir``: Streamlit's static folder by links, with the changed ``index.html``; the dialog script goes
    under the app's static files (``/app/static/``) by a name that carries its hash."""
    digest = hashlib.sha256(DIALOG_SCRIPT.encode()).hexdigest()[:12]
    script = f"lnb-front.{digest}.js"
    _write(static_dir / script, DIALOG_SCRIPT)
    front_dir.mkdir(parents=True, exist_ok=True)
    for entry in streamlit_static.iterdir():
        link = front_dir / entry.name
        if entry.name == "index.html" or (link.is_symlink() and link.resolve() == entry.resolve()):
            continue
        tmp = front_dir / f".{entry.name}.{os.getpid()}.tmp"
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(entry)
        tmp.replace(link)
    _write(front_dir / "index.html", front_page((streamlit_static / "index.html").read_text(encoding="utf-8"),
                                                 f"./app/static/{script}"))
    return front_dir


COMPRESSED = (".js", ".css", ".json", ".svg", ".ttf", ".map", ".txt")


def gzipped(source: Path, relative: str, cache_dir: Path) -> Path | None:
    """A gzip copy of one of Streamlit's bundle files (hash-named, so never stale), written once on first request.

    Streamlit serves its bundle uncompressed (it re-compresses per request otherwise, and expects a proxy to do it);
    without a proxy (``make run``) the map page's first visit would be ~4 MB. Already-compressed formats are left alone.
    """
    if not relative.startswith("static/") or not relative.endswith(COMPRESSED) or ".." in relative:
        return None
    target = cache_dir / f"{relative}.gz"
    if not target.is_file():
        import gzip

        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(gzip.compress(source.read_bytes(), compresslevel=9, mtime=0))
        tmp.replace(target)
    return target
