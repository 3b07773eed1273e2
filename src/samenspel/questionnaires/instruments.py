"""Instrument files that an app ships beside its code, loaded once per process."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from samenspel.domain.instruments import Instrument, load_instrument_file


@cache
def shipped(path: Path) -> Instrument:
    """The instrument in ``path``; a broken file raises InstrumentError on first use,
    which each app triggers in its ``ready()`` so it fails at start-up."""
    return load_instrument_file(path)
