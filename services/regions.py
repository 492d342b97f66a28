"""The configured region tree (city > district > [towns]): resolve a place, expand an area.

A place name is written as the parser normalizes it (no trailing 市/区/县/镇).
Searching a city includes its districts and towns; a district includes its towns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.config import Settings

SUFFIXES = ("工业园区", "街道", "开发区", "市", "区", "县", "镇")
_SUFFIX = re.compile(f"(?:{'|'.join(SUFFIXES)})$")


@dataclass(frozen=True)
class Place:
    """Where a name sits in the tree; the deeper levels are None for a city or district."""

    city: str
    district: str | None = None
    town: str | None = None

    @property
    def level(self) -> str:
        return "town" if self.town else "district" if self.district else "city"

    @property
    def name(self) -> str:
        return self.town or self.district or self.city


class RegionTree:
    def __init__(self, tree: dict) -> None:
        self._places: dict[str, Place] = {}
        for city, districts in (tree or {}).items():
            self._places.setdefault(str(city), Place(str(city)))
            for district, towns in (districts or {}).items():
                self._places.setdefault(str(district), Place(str(city), str(district)))
                for town in towns or []:
                    self._places.setdefault(str(town), Place(str(city), str(district), str(town)))

    def resolve(self, name: str | None) -> Place | None:
        """The place a name means, or None when the tree does not know it."""
        if not name:
            return None
        name = name.strip()
        for candidate in (name, name[:-1] if name[-1:] in "市区县镇" else name, _SUFFIX.sub("", name)):
            if candidate in self._places:
                return self._places[candidate]
        return None

    @staticmethod
    def spellings(name: str) -> list[str]:
        """Every way of writing a place of the tree that ``resolve`` reads as it: the name, and the name
        with one of the suffixes ``resolve`` takes off (昆山, 昆山市, 昆山开发区...)."""
        return [name, *(name + suffix for suffix in SUFFIXES)]

    def names(self) -> list[str]:
        return list(self._places)

    def cities(self) -> list[str]:
        return sorted({p.city for p in self._places.values()})


@lru_cache(maxsize=8)
def _cached(key: tuple) -> RegionTree:
    return RegionTree({city: {d: list(t) for d, t in districts} for city, districts in key})


_by_identity: dict[int, tuple[dict, RegionTree]] = {}
"""The tree of each configuration object seen lately, found without rebuilding its key (the reverse match
asks once per requirement it checks)."""


def tree(settings: Settings) -> RegionTree:
    """The tree of ``settings.regions``, built once per distinct configuration."""
    config = settings.regions
    known = _by_identity.get(id(config))
    if known is not None and known[0] is config:
        return known[1]
    key = tuple(
        (city, tuple((d, tuple(t or [])) for d, t in (districts or {}).items())) for city, districts in config.items()
    )
    if len(_by_identity) >= 8:
        _by_identity.clear()
    _by_identity[id(config)] = (config, _cached(key))
    return _by_identity[id(config)][1]
