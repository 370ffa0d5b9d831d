"""Each page's view as a frozen dataclass, to and from URL query parameters (pure, no Streamlit).

Parsing is lenient: a bad or unknown parameter falls back to the default instead of breaking the
page, so any shared link opens something sensible.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Mapping

from lnb_dash.names import LAU_CODE


def _parse(kind: str, raw: str, default):
    try:
        if kind == "bool":
            return raw.lower() in ("1", "true", "yes", "on")
        if kind in ("int", "int | None"):
            return int(raw)
        if kind == "tuple[str, ...]":
            return tuple(v.strip().upper() for v in raw.split(",") if LAU_CODE.match(v.strip().upper()))
        return raw.strip()
    except (ValueError, AttributeError):
        return default


class View:
    """Shared conversions for the page views below."""

    @classmethod
    def from_query_params(cls, params: Mapping[str, str]):
        values = {}
        for f in dataclasses.fields(cls):
            default = f.default
            raw = params.get(f.name)
            if isinstance(raw, list):
                raw = raw[-1] if raw else None
            values[f.name] = default if raw in (None, "") else _parse(str(f.type), str(raw), default)
        return cls(**values)

    def to_query_params(self) -> dict[str, str]:
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None or value == () or value == f.default and f.name not in self.always:
                continue
            out[f.name] = ",".join(value) if isinstance(value, tuple) else ("1" if value is True else str(value))
        return out

    always: tuple[str, ...] = ()


@dataclass(frozen=True)
class MapView(View):
    indicator: str = "population"
    year: int | None = None
    breakdown: str = "total"
    scheme: str = "quantiles"
    k: int = 5
    priority: bool = False
    basemap: bool = False
    always = ("indicator", "year")


@dataclass(frozen=True)
class ProfileView(View):
    m: str = "AL224"
    always = ("m",)


@dataclass(frozen=True)
class TrendsView(View):
    indicator: str = "parl_turnout"
    m: tuple[str, ...] = ("AL224", "AL343")
    breakdown: str = "total"
    national: bool = True
    county: bool = False
    indexed: bool = False
    always = ("indicator", "m")


@dataclass(frozen=True)
class CompareView(View):
    m: tuple[str, ...] = ("AL343", "AL345")
    always = ("m",)


@dataclass(frozen=True)
class DataView(View):
    indicator: str = ""
    year: int | None = None
    status: str = ""
