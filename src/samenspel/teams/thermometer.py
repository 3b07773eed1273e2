"""The shipped thermometer instrument (18 statements, two per success factor)."""

from pathlib import Path

from samenspel.domain.instruments import Instrument
from samenspel.questionnaires.instruments import shipped

PATH = Path(__file__).resolve().parent / "instruments" / "thermometer.json"


def instrument() -> Instrument:
    return shipped(PATH)
