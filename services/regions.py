"""The configured region tree (city > district > [towns]): resolve a place, expand an area.

A place name is written as the parser normalizes it (no trailing 市/区/县/镇).
Searching a city includes its districts and towns; a district includes its towns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.config import Settings

_SUFFIX = re.compile(r"(?:工业园区|街道|开发区|市|区|县|镇)$")


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

    def names(self) -> list[str]:
        return list(self._places)

    def cities(self) -> list[str]:
        return sorted({p.city for p in self._places.values()})


@lru_cache(maxsize=8)
def _cached(key: tuple) -> RegionTree:
    return RegionTree({city: {d: list(t) for d, t in districts} for city, districts in key})


def tree(settings: Settings) -> RegionTree:
    """The tree of ``settings.regions``, built once per distinct configuration."""
    key = tuple(
        (city, tuple((d, tuple(t or [])) for d, t in (districts or {}).items()))
        for city, districts in settings.regions.items()
    )
    return _cached(key)
