"""The shipped thermometer instrument, loaded once with the shared engine."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from samenspel.domain.instruments import Instrument, load_instrument_file

PATH = Path(__file__).resolve().parent / "instruments" / "thermometer.json"


@lru_cache(maxsize=1)
def instrument() -> Instrument:
    return load_instrument_file(PATH)
