"""Resolve any spelling of a municipality, county or former unit to its code, through the one alias table.

Sources write Tiranë, Tirana, TIRANE, "Bashkia e Tiranës" or "Qarku i Tiranës"; AL315 is Dimal today and Ura
Vajgurore in older data. Every entry point (importer, command line, search box, URL parameters) goes through
:class:`NameResolver`: a name resolves at one level (``municipality``, ``county`` or ``former_unit``) or is refused
with the closest names and their codes, never silently taken for an area of another level.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from lnb_dash import levels
from lnb_dash.levels import CODE_PATTERNS

# Alias kinds, most telling first: when several aliases fold to one key, the resolution reports the first kind.
KINDS = ("official", "old_name", "definite", "genitive", "variant", "qualified", "eurostat", "source", "ascii", "prefixed", "english")

# Words that name the kind of area, not the area ("Bashkia e Tiranës", "Qarku i Tiranës", "Tirana County"), as folded
# text; longest first. They also tell the level a text means, so "Qarku Korçë" is never taken for the municipality.
_MARKERS = {
    "municipality": (("bashkia e ", "bashkise se ", "bashkia ", "bashkise ", "bashki ", "municipality of ", "municipality "),
                     (" municipality",)),
    "county": (("qarku i ", "qarkut te ", "qarku ", "qarkut ", "qark ", "prefektura e ", "prefektura ", "county of "),
               (" county", " qark")),
    "former_unit": (("njesia administrative ", "njesise administrative ", "administrative unit ", "komuna e ", "komunes se ",
                     "komuna ", "komunes ", "commune of ", "commune ", "nj a ", "nja "),
                    (" administrative unit", " commune")),
}
# Which markers a level accepts: the 65 former units that were municipalities before 2015 were "Bashkia …" too.
_ACCEPTS = {"municipality": {"municipality"}, "county": {"county"}, "former_unit": {"former_unit", "municipality"}}
# Former units whose names repeat elsewhere have no code of their own in the table; this many may be listed.
_SUGGESTIONS = 5


@functools.lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Case, diacritics, punctuation and extra spaces folded away: 'Fushë-Arrëz ' -> 'fushe arrez'."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\W_]+", " ", text).strip()


def split_marker(key: str) -> tuple[str | None, str]:
    """(level named by a prefix or suffix such as 'bashkia e' or 'county', the rest) of a folded text."""
    level = None
    changed = True
    while changed:
        changed = False
        for lvl, (prefixes, suffixes) in _MARKERS.items():
            for p in prefixes:
                if key.startswith(p) and len(key) > len(p):
                    key, level, changed = key[len(p):], level or lvl, True
            for s in suffixes:
                if key.endswith(s) and len(key) > len(s):
                    key, level, changed = key[: -len(s)], level or lvl, True
    return level, key


@functools.lru_cache(maxsize=65_536)
def normalize_name(name: str) -> str:
    """Comparison key: folded, without the words that name the kind of area ('Bashkia e Tiranës' -> 'tiranes')."""
    return split_marker(fold(name))[1]


@dataclass(frozen=True)
class Resolution:
    """What a text resolved to: the code, its official name, and which kind of alias matched (official, definite, code…)."""

    code: str
    level: str
    kind: str
    name: str


@dataclass(frozen=True)
class Candidate:
    """A suggested or searched area: code, official name, level, score (100 = exact) and the alias that matched."""

    code: str
    name: str
    level: str
    score: float = 0.0
    matched: str = ""

    def __str__(self) -> str:
        return f"{self.name!r} ({self.code})"


class UnknownName(ValueError):
    """A text that names no area of the requested level; carries the closest names with their codes."""

    def __init__(self, text: str, level: str = "municipality", suggestions: list[Candidate] | None = None,
                 elsewhere: list[Candidate] | None = None):
        self.text = self.name = text
        self.level = level
        self.suggestions = list(suggestions or [])
        self.elsewhere = list(elsewhere or [])
        super().__init__(self._message())

    def _message(self) -> str:
        message = f"Unknown {levels.get(self.level).english} {self.text!r}."
        if self.elsewhere:
            message += " It names " + "; ".join(_describe(c) for c in self.elsewhere) + f", not a {levels.get(self.level).english}."
        if self.suggestions:
            message += f" Did you mean {', '.join(str(c) for c in self.suggestions)}?"
        return message


class AmbiguousName(UnknownName):
    """A text that names several areas of one level (seven former units are called Qendër); lists them all."""

    def _message(self) -> str:
        listed = ", ".join(f"{c.matched!r} ({c.code})" for c in self.suggestions)
        return f"Ambiguous {levels.get(self.level).english} {self.text!r}: it names {len(self.suggestions)} of them. Write one of {listed}."


UnknownNameError = UnknownName


def _describe(c: Candidate) -> str:
    return f"the {levels.get(c.level).english} {c.name} ({c.code})" + (f" in {c.matched}" if c.matched else "")


@dataclass(frozen=True)
class NameResolver:
    """Folded alias -> code, per level; built from ``data/reference/aliases.csv`` and the official names."""

    keys: dict[str, dict[str, tuple[str, str, str]]]
    names: dict[str, dict[str, str]]
    ambiguous: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)
    genitives: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_reference(cls, reference: dict[str, pd.DataFrame]) -> NameResolver:
        """From the frames of :func:`read_reference`."""
        return cls.from_frames(reference["municipalities"], reference["aliases"], reference.get("counties"), reference.get("former_units"))

    @classmethod
    def from_frames(cls, municipalities: pd.DataFrame, aliases: pd.DataFrame, counties: pd.DataFrame | None = None,
                    former_units: pd.DataFrame | None = None) -> NameResolver:
        """Raises ValueError when an alias names two areas of one level or an area that does not exist."""
        frames = dict(zip(levels.AREA, (municipalities, counties, former_units)))
        names = {lvl: dict(zip(f[levels.get(lvl).key], f["name"])) if f is not None else {} for lvl, f in frames.items()}
        genitives = {code: g for lvl, f in frames.items() if f is not None and "name_genitive" in f
                     for code, g in zip(f[levels.get(lvl).key], f["name_genitive"])}
        parents = {}
        if municipalities is not None and "county_code" in municipalities:
            parents.update(zip(municipalities["lau_code"], municipalities["county_code"]))
        if former_units is not None:
            parents.update(zip(former_units["unit_code"], former_units["lau_code"]))
        alias_levels = aliases["level"] if "level" in aliases else pd.Series("municipality", index=aliases.index)
        codes = aliases["code"] if "code" in aliases else aliases["lau_code"]
        kinds = aliases["kind"] if "kind" in aliases else pd.Series("source", index=aliases.index)

        keys: dict[str, dict[str, tuple[str, str, str]]] = {lvl: {} for lvl in levels.AREA}
        official: dict[str, dict[str, set[str]]] = {lvl: {} for lvl in levels.AREA}
        for lvl in levels.AREA:
            for code, name in names[lvl].items():
                official[lvl].setdefault(normalize_name(name), set()).add(code)
        ambiguous = {lvl: {k: tuple(sorted(v)) for k, v in official[lvl].items() if len(v) > 1} for lvl in levels.AREA}
        rows = [(lvl, code, "official", name) for lvl in levels.AREA for code, name in names[lvl].items()
                if normalize_name(name) not in ambiguous[lvl]]
        rows += list(zip(alias_levels, codes, kinds, aliases["alias"]))
        for lvl, code, kind, alias in rows:
            if lvl not in levels.AREA:
                raise ValueError(f"alias {alias!r} has level {lvl!r}; expected one of {', '.join(levels.AREA)}")
            if not names[lvl]:
                continue
            if code not in names[lvl]:
                raise ValueError(f"alias {alias!r} points to {code!r}, which is not a known {levels.get(lvl).english} code")
            key = normalize_name(alias)
            previous = keys[lvl].get(key)
            if previous and previous[0] != code:
                raise ValueError(f"alias {alias!r} points to both {previous[0]} and {code} ({levels.get(lvl).english})")
            if previous is None or _rank(kind) < _rank(previous[1]):
                keys[lvl][key] = (code, kind, alias)
        return cls(keys, names, ambiguous, parents, genitives)

    def resolve(self, text: str, level: str = "municipality") -> Resolution:
        """The area ``text`` names at ``level``; codes (AL221, al-11, AL22101) resolve to themselves.

        Raises :class:`UnknownName` (with suggestions) or :class:`AmbiguousName` (with the candidates).
        """
        if level not in levels.AREA:
            raise ValueError(f"unknown level {level!r}; expected one of {', '.join(levels.AREA)}")
        raw = str(text).strip()
        code = raw.upper()
        for lvl, pattern in CODE_PATTERNS.items():
            if pattern.match(code):
                if lvl == level and code in self.names[level]:
                    return Resolution(code, level, "code", self.names[level][code])
                elsewhere = [self._candidate(lvl, code)] if code in self.names[lvl] and lvl != level else []
                raise UnknownName(raw, level, [], elsewhere)
        marker, key = split_marker(fold(raw))
        if marker is None or marker in _ACCEPTS[level]:
            hit = self.keys[level].get(key)
            if hit:
                return Resolution(hit[0], level, hit[1], self.names[level][hit[0]])
            if key in self.ambiguous[level]:
                raise AmbiguousName(raw, level, [self._candidate(level, c, qualified=True) for c in self.ambiguous[level][key]])
        elsewhere = [] if not key else [self._candidate(lvl, self.keys[lvl][key][0]) for lvl in levels.AREA
                                        if lvl != level and key in self.keys[lvl] and (marker is None or marker in _ACCEPTS[lvl])]
        raise UnknownName(raw, level, self.suggest(key, level), elsewhere)

    def code(self, text: str, level: str = "municipality") -> str:
        """Shorthand for ``resolve(text, level).code``."""
        return self.resolve(text, level).code

    def suggest(self, text: str, level: str = "municipality", n: int = _SUGGESTIONS) -> list[Candidate]:
        """Areas of ``level`` whose aliases are closest to ``text`` (difflib ratio ≥ 0.6), best first."""
        key = normalize_name(text)
        pool = list(self.keys[level]) + list(self.ambiguous[level])
        out: list[Candidate] = []
        for match in difflib.get_close_matches(key, pool, n=4 * n, cutoff=0.6) if key else []:
            codes = (self.keys[level][match][0],) if match in self.keys[level] else self.ambiguous[level][match]
            for code in codes:
                if all(c.code != code for c in out):
                    out.append(self._candidate(level, code, qualified=len(codes) > 1))
        return out[:n]

    def search(self, text: str, level: str = "municipality", n: int = 8) -> list[Candidate]:
        """What a search box offers while someone types: the area ``text`` names exactly (a name, an alias, a code),
        then areas with an alias starting with it, then with it inside, else the closest ones; each area once, by
        its official name, so typing 'korca', 'dibra' or 'AL343' offers 'Korçë' or 'Dibër', never the typed text."""
        out: list[Candidate] = []

        def add(code: str, score: float) -> None:
            if len(out) < n and all(c.code != code for c in out):
                out.append(Candidate(code, self.names[level][code], level, score))

        try:
            add(self.resolve(text, level).code, 100)
        except UnknownName as problem:
            if isinstance(problem, AmbiguousName):
                for c in problem.suggestions:
                    add(c.code, 100)
        key = normalize_name(text)
        if key:
            for test, score in ((str.startswith, 90), (str.__contains__, 80)):
                for alias, (code, _, _) in sorted(self.keys[level].items()):
                    if test(alias, key):
                        add(code, score)
            for c in self.suggest(text, level, n) if not out else []:
                add(c.code, 50)
        return out

    def genitive(self, code: str) -> str:
        """The Albanian genitive form of an area's name ('Kamzës'), for phrases such as 'Vendndodhja e Kamzës'."""
        return self.genitives[code]

    def _candidate(self, level: str, code: str, qualified: bool = False) -> Candidate:
        name = self.names[level][code]
        parent = self.parents.get(code)
        parent_name = next((self.names[lvl][parent] for lvl in levels.AREA if parent in self.names[lvl]), None) if parent else None
        where = f"{parent_name} ({parent})" if parent_name else ""
        return Candidate(code, name, level, matched=f"{name} ({parent_name})" if qualified and parent_name else where)


def _rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


# The reference tables of a data folder: the name layer (official, definite and genitive names; the alias table).
REFERENCE_TABLES = ("municipalities", "counties", "former_units", "aliases")


def read_reference(data_dir: Path) -> dict[str, pd.DataFrame]:
    """``data_dir/reference/*.csv`` with every column as text, so validation sees exactly what the files say."""
    ref = Path(data_dir) / "reference"
    return {name: pd.read_csv(ref / f"{name}.csv", dtype=str, keep_default_na=False, encoding="utf-8") for name in REFERENCE_TABLES}


def load_resolver(data_dir: Path | None = None) -> NameResolver:
    """The resolver for a data folder (default: the project's).

    Read once per process and folder: the reference tables ship with the data and no import changes them
    (imports add sources), so unlike the database's caches (lnb_dash.ui.cached) this one never needs dropping.
    """
    from lnb_dash import config

    return _resolver(Path(data_dir or config.DATA_DIR).resolve())


@functools.lru_cache(maxsize=8)
def _resolver(data_dir: Path) -> NameResolver:
    return NameResolver.from_reference(read_reference(data_dir))


def genitive(code: str, data_dir: Path | None = None) -> str:
    """The Albanian genitive of an area's name by its code ('AL221' -> 'Kamzës'), from the reference tables,
    for the templates that put a place in the genitive (``{name_gen}``: "Vendndodhja e Kamzës")."""
    return load_resolver(data_dir).genitive(code)
