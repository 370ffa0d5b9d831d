"""Resolve the many spellings of a municipality to its LAU code, through one alias table.

Sources write Tiranë, Tirana, TIRANE or "Bashkia Tiranë"; AL315 is Dimal today and Ura Vajgurore in
older data. Every name goes through :class:`NameResolver`, never through ad-hoc string matching.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

LAU_CODE = re.compile(r"^AL[1-3]\d\d$")
# Prefixes that name the kind of unit, not the unit ("Bashkia Tiranë", "Municipality of Korçë").
_PREFIXES = re.compile(r"^(bashkia e |bashkia |bashki |municipality of |municipality |komuna e |komuna )")


class UnknownNameError(ValueError):
    """A name that is not in the alias table; carries the closest known names."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"Unknown municipality {name!r}.{hint}")


def normalize_name(name: str) -> str:
    """Comparison key: no diacritics, lower case, no 'Bashkia' prefix, hyphens as spaces."""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[-_.,'’]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _PREFIXES.sub("", text).strip()


@dataclass(frozen=True)
class NameResolver:
    """Maps alias keys to LAU codes; built from ``data/reference/aliases.csv`` and the official names."""

    codes_by_key: dict[str, str]
    names_by_code: dict[str, str]

    @classmethod
    def from_frames(cls, municipalities: pd.DataFrame, aliases: pd.DataFrame) -> "NameResolver":
        names_by_code = dict(zip(municipalities["lau_code"], municipalities["name"]))
        codes_by_key: dict[str, str] = {}
        pairs = list(zip(municipalities["name"], municipalities["lau_code"])) + list(zip(aliases["alias"], aliases["lau_code"]))
        for alias, code in pairs:
            key = normalize_name(alias)
            if codes_by_key.setdefault(key, code) != code:
                raise ValueError(f"alias {alias!r} points to both {codes_by_key[key]} and {code}")
        return cls(codes_by_key, names_by_code)

    def resolve(self, name: str) -> str:
        """LAU code for a name or a code; raises :class:`UnknownNameError` with suggestions."""
        text = str(name).strip()
        if LAU_CODE.match(text.upper()) and text.upper() in self.names_by_code:
            return text.upper()
        code = self.codes_by_key.get(normalize_name(text))
        if code is None:
            raise UnknownNameError(text, self.suggest(text))
        return code

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Official names closest to ``name`` (by their best-matching alias)."""
        keys = difflib.get_close_matches(normalize_name(name), list(self.codes_by_key), n=10, cutoff=0.6)
        names: list[str] = []
        for key in keys:
            official = self.names_by_code[self.codes_by_key[key]]
            if official not in names:
                names.append(official)
        return names[:n]
