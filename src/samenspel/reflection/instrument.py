"""The shipped equality-reflection statements, loaded once with the shared engine."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from samenspel.domain.instruments import Instrument, load_instrument_file

PATH = Path(__file__).resolve().parent / "instruments" / "reflection.json"


@lru_cache(maxsize=1)
def instrument() -> Instrument:
    return load_instrument_file(PATH)


def dimension_ids() -> list[str]:
    return [s.id for s in instrument().subscales]
