"""The page every address first receives (Streamlit's ``index.html``), with the dashboard's own first words.

Streamlit answers every page with one static ``index.html`` whose body is empty until ~1.5 MB of JavaScript has arrived:
on a venue's slow network a presenter stares at a white page for most of a minute. The served copy says, in its first
bytes and in Albanian and English, that the dashboard is opening, and names itself in the tab; a small script (a file,
so the nginx CSP needs no new hash) rewrites Streamlit's connection dialog ("… Are you connected to the internet?"),
which would send people looking for an internet connection the dashboard never needs, into the page's language.

Streamlit's icon and text fonts are replaced by subsets (lnb_dash.ops.fonts): 366 + 166 KB become 9 + 58 KB. The
stylesheet that names them is rewritten under its own name (Streamlit's scripts load it by that name too), so it is
served to be revalidated, not kept for a year; the subsets carry new names and are. Everything else in Streamlit's
static folder is linked, not copied; the server is pointed at the folder with :func:`serve_front_page` before it
starts (``lnb_dash.ui.serve``).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from lnb_dash import config
from lnb_dash.i18n import N_, t
from lnb_dash.ops import fonts
from lnb_dash.ops.files import write_atomically

FRONT_DIR = config.ROOT / "front"
FONTS = "fonts"  # the subsets, under static/ beside Streamlit's css/, js/ and media/
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
  // An icon the subset font lacks would be blank: the full icon font replaces it (a later @font-face wins).
  const icons = new Set(JSON.parse(document.getElementById('lnb-front').dataset.icons || '[]'));
  const fullFont = document.getElementById('lnb-front').dataset.iconFont;
  let full = !fullFont;
  const checkIcons = (root) => {
    if (full) return;
    for (const el of root.querySelectorAll('[translate="no"]')) {
      if (icons.has(el.textContent.trim()) || !getComputedStyle(el).fontFamily.includes('Material Symbols')) continue;
      full = true;
      const style = document.createElement('style');
      style.textContent = '@font-face{font-family:"Material Symbols Rounded";font-style:normal;font-weight:400;font-display:block;'
        + `src:url(${fullFont})format("woff2")}`;
      document.head.appendChild(style);
      document.documentElement.dataset.lnbFullIcons = el.textContent.trim();
      return;
    }
  };
  new MutationObserver(() => { rewrite(document.body); checkIcons(document.body); })
    .observe(document.body, {childList: true, subtree: true, characterData: true});
})();
"""


def loading_html() -> str:
    """What shows until Streamlit draws the page: the dashboard's name and that it is opening, in both languages."""
    parts = "".join(f'<p lang="{lang}" style="margin:.4rem 0">{html.escape(t("front_loading", lang))}</p>' for lang in LANGS)
    return (f'<div style="font-family:sans-serif;padding:3rem 1.5rem;color:#262730"><h1 style="font-size:1.5rem;margin:0 0 1rem">'
            f'{html.escape(t("app_title", "sq"))}</h1>{parts}</div>')


def dialog_texts() -> dict[str, dict[str, str]]:
    return {lang: {english: t(key, lang) for english, key in DIALOG_TEXTS.items()} for lang in LANGS}


def front_page(streamlit_index: str, script_url: str, subset_fonts: dict[str, str] | None = None, icons: Iterable[str] = (),
               full_icon_font: str = "") -> str:
    """Streamlit's ``index.html`` in Albanian by default, titled, with the loading words inside the root Streamlit
    replaces, and the dialog script; refuses an index it does not recognise rather than serve a half-changed page.

    The font it preloads is the subset (``subset_fonts``: Streamlit's media name to the subset's path under
    ``static/``); the icons the subset draws and the full icon font are given to the script, which swaps the full
    font in when any other icon shows."""
    marks = ('<html lang="en">', "<title>Streamlit</title>", '<div id="root"></div>', "</body>")
    missing = [m for m in marks if m not in streamlit_index]
    if missing:
        raise ValueError(f"Streamlit's index.html has changed: {missing} not found")
    texts = html.escape(json.dumps(dialog_texts(), ensure_ascii=False), quote=True)
    names = html.escape(json.dumps(sorted(icons)), quote=True)
    for media, subset in (subset_fonts or {}).items():
        streamlit_index = streamlit_index.replace(f'"./static/media/{media}"', f'"./static/{subset}"')
    return (streamlit_index.replace(marks[0], '<html lang="sq">')
            .replace(marks[1], f"<title>{html.escape(t('app_title', 'sq'))}</title>")
            .replace(marks[2], f'<div id="root">{loading_html()}</div>')
            .replace(marks[3], f'<div id="lnb-front" hidden data-texts="{texts}" data-icons="{names}" '
                               f'data-icon-font="{html.escape(full_icon_font, quote=True)}"></div>'
                               f'<script defer src="{script_url}"></script></body>'))


def _link(entry: Path, link: Path) -> None:
    if link.is_symlink() and link.resolve() == entry.resolve():
        return
    if link.is_dir() and not link.is_symlink():
        shutil.rmtree(link, ignore_errors=True)  # a folder made by an earlier layout
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(entry)
    tmp.replace(link)


def _folder(path: Path) -> Path:
    """A real folder at ``path`` (an earlier start may have left a link to Streamlit's there)."""
    if path.is_symlink():
        path.unlink(missing_ok=True)
    path.mkdir(parents=True, exist_ok=True)
    return path


def install_fonts(streamlit_static: Path, fonts_dir: Path) -> tuple[dict[str, str], set[str]]:
    """The subset fonts in ``fonts_dir`` (made once: named by what went into them) and the icons the icon font draws.

    Returns Streamlit's media name of each font replaced, mapped to the subset's name, and the icon names kept."""
    from fontTools import version as fonttools_version

    icons = fonts.app_icons() | fonts.streamlit_icons(streamlit_static)
    chars = "".join(sorted(fonts.shown_characters()))
    _folder(fonts_dir)
    renamed = {}
    for source in sorted((streamlit_static / "static" / "media").glob("*.woff2")):
        stem = source.name.split(".")[0]
        if stem == fonts.ICON_FONT:
            keep, make = "\n".join(sorted(icons)), fonts.subset_icon_font
        elif stem in fonts.TEXT_FONTS:
            keep, make = chars, fonts.subset_text_font
        else:
            continue
        digest = hashlib.sha256(f"{source.name}\n{fonts.RECIPE}\n{fonttools_version}\n{keep}".encode()).hexdigest()[:12]
        name = f"{stem}.lnb-{digest}.woff2"
        if not (fonts_dir / name).is_file():
            write_atomically(fonts_dir / name, make(source, icons if stem == fonts.ICON_FONT else set(chars)))
            for old in fonts_dir.glob(f"{stem}.lnb-*.woff2"):
                if old.name != name:
                    old.unlink(missing_ok=True)
        renamed[source.name] = name
    return renamed, icons


def install_front_page(streamlit_static: Path, static_dir: Path, front_dir: Path = FRONT_DIR) -> Path:
    """Write ``front_dir``: Streamlit's static folder by links, with the changed ``index.html``, the stylesheet that
    names the subset fonts and the subsets (``static/fonts/``); the dialog script goes under the app's static files
    (``/app/static/``) by a name that carries its hash."""
    digest = hashlib.sha256(DIALOG_SCRIPT.encode()).hexdigest()[:12]
    script = f"lnb-front.{digest}.js"
    write_atomically(static_dir / script, DIALOG_SCRIPT)
    front_dir.mkdir(parents=True, exist_ok=True)
    for entry in streamlit_static.iterdir():
        if entry.name not in ("index.html", "static"):
            _link(entry, front_dir / entry.name)
    bundle = _folder(front_dir / "static")
    for entry in (streamlit_static / "static").iterdir():
        if entry.name == "js":
            _folder(bundle / "js")
            for file in entry.iterdir():
                _link(file, bundle / "js" / file.name)
                _gzip_beside(bundle / "js" / file.name)
        elif entry.name != "css":
            _link(entry, bundle / entry.name)
    renamed, icons = install_fonts(streamlit_static, bundle / FONTS)
    css = _folder(bundle / "css")
    for entry in (streamlit_static / "static" / "css").iterdir():
        text = entry.read_text(encoding="utf-8") if entry.suffix == ".css" else ""
        if any(f"../media/{media}" in text for media in renamed):
            for media, subset in renamed.items():
                text = text.replace(f"../media/{media}", f"../{FONTS}/{subset}")
            if (css / entry.name).is_symlink():
                (css / entry.name).unlink(missing_ok=True)
            write_atomically(css / entry.name, text)
        else:
            _link(entry, css / entry.name)
        _gzip_beside(css / entry.name)
    icon_font = next((media for media in renamed if media.startswith(fonts.ICON_FONT)), "")
    write_atomically(front_dir / "index.html", front_page((streamlit_static / "index.html").read_text(encoding="utf-8"), f"./app/static/{script}",
                                                {media: f"{FONTS}/{subset}" for media, subset in renamed.items()}, icons,
                                                f"./static/media/{icon_font}" if icon_font else ""))
    return front_dir


def _gzip_beside(path: Path) -> None:
    """``<file>.gz`` beside a bundle file (all of Streamlit's scripts: ~1 s once), which nginx serves as it is
    (``gzip_static``) and the bare server too (:func:`gzipped`), instead of compressing each request."""
    if path.name.endswith(COMPRESSED):
        _pack(path, path.with_name(path.name + ".gz"))


def rewritten_stylesheets(front_dir: Path = FRONT_DIR) -> list[str]:
    """The stylesheets written here under Streamlit's names (``static/css/…``): to be revalidated, never kept for a year."""
    return sorted(f"static/css/{p.name}" for p in (front_dir / "static" / "css").glob("*.css") if not p.is_symlink())


COMPRESSED = (".js", ".css", ".json", ".svg", ".ttf", ".map", ".txt")


def gzipped(source: Path, relative: str, cache_dir: Path) -> Path | None:
    """A gzip copy of one of Streamlit's bundle or a component's files: the one made beside it at start, else one
    written on first request (and again if the file is newer).

    Streamlit serves its bundle uncompressed (it re-compresses per request otherwise, and expects a proxy to do it);
    without a proxy (``make run``) the map page's first visit would be ~4 MB. Already-compressed formats are left alone.
    """
    if not relative.startswith(("static/", "component/")) or not relative.endswith(COMPRESSED) or ".." in relative:
        return None
    beside = source.with_name(source.name + ".gz")
    target = beside if beside.is_file() else cache_dir / f"{relative}.gz"
    _pack(source, target)
    return target


def _pack(source: Path, target: Path) -> None:
    """Written if missing or older than its file (a stylesheet rewritten since), in one step."""
    if target.is_file() and target.stat().st_mtime_ns >= source.stat().st_mtime_ns:
        return
    import gzip

    write_atomically(target, gzip.compress(source.read_bytes(), compresslevel=9, mtime=0))
