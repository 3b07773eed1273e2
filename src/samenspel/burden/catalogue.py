"""The shipped instrument catalogue: every JSON file in ``instruments/``.

Django-free on purpose, so management commands, tests and the FHIR export can use
it without settings. Files are loaded once per process; a broken file raises
InstrumentError on first use, which the app should trigger at start-up.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from samenspel.domain.instruments import Instrument, InstrumentError, load_instrument_file

# Display order: validated screenings first, our own check-in last.
DISPLAY_ORDER = ("csi", "ediz", "ediz_plus", "cra_d", "checkin")


def instruments_dir() -> Path:
    return Path(__file__).resolve().parent / "instruments"


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def load_directory(directory: Path) -> dict[tuple[str, str], Instrument]:
    """Load every ``*.json`` in ``directory``; duplicate (id, version) is an error."""
    found: dict[tuple[str, str], Instrument] = {}
    origin: dict[tuple[str, str], str] = {}
    for path in sorted(Path(directory).glob("*.json")):
        instrument = load_instrument_file(path)
        if instrument.key in found:
            raise InstrumentError(
                f"{path.name}: instrument {instrument.id!r} version {instrument.version!r} "
                f"is also defined in {origin[instrument.key]}"
            )
        found[instrument.key] = instrument
        origin[instrument.key] = path.name
    return found


@lru_cache(maxsize=1)
def all_instruments() -> dict[tuple[str, str], Instrument]:
    return load_directory(instruments_dir())


def get(instrument_id: str, version: str | None = None) -> Instrument:
    """One instrument; the newest version when ``version`` is None.

    Stored responses pass their own version, so old answers keep being scored with
    the definition they were given with.
    """
    catalogue = all_instruments()
    if version is not None:
        try:
            return catalogue[(instrument_id, version)]
        except KeyError:
            raise LookupError(
                f"no instrument {instrument_id!r} version {version!r} in {instruments_dir()}"
            ) from None
    versions = [inst for (iid, _), inst in catalogue.items() if iid == instrument_id]
    if not versions:
        raise LookupError(f"no instrument {instrument_id!r} in {instruments_dir()}")
    return max(versions, key=lambda inst: _version_key(inst.version))


def _display_key(instrument: Instrument) -> tuple:
    known = instrument.id in DISPLAY_ORDER
    return (
        instrument.kind != "validated",
        DISPLAY_ORDER.index(instrument.id) if known else len(DISPLAY_ORDER),
        instrument.id,
    )


def latest() -> list[Instrument]:
    """The newest version of every instrument, in display order."""
    ids = {iid for iid, _ in all_instruments()}
    return sorted((get(iid) for iid in ids), key=_display_key)


def screening_instruments() -> list[Instrument]:
    """Validated instruments a carer can actually fill in (all item texts present)."""
    return [inst for inst in latest() if inst.kind == "validated" and inst.items_complete]
