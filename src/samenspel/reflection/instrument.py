"""The shipped equality-reflection statements (eight dimensions of seed 000)."""

from pathlib import Path

from samenspel.domain.instruments import Instrument
from samenspel.questionnaires.instruments import shipped

PATH = Path(__file__).resolve().parent / "instruments" / "reflection.json"


def instrument() -> Instrument:
    return shipped(PATH)


def dimension_ids() -> list[str]:
    return [s.id for s in instrument().subscales]
