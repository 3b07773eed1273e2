"""What the agreements app tells the apps built on it (see ``samenspel.common.events``)."""

from dataclasses import dataclass

from samenspel.agreements.models import Agreement


@dataclass(frozen=True)
class AgreementChanged:
    """An agreement was created, changed or ended: its planned moments must follow.

    Handlers return how many planned moments they opened again because the person on
    them may not do the (changed) task; the agreement reports the sum to its author.
    """

    agreement: Agreement
    ended: bool = False
