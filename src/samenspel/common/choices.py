"""Turn the domain vocabulary's label maps into translated Django choices."""

from collections.abc import Mapping

from django.utils.functional import lazy
from django.utils.translation import gettext

gettext_lazy = lazy(gettext, str)


def choices(labels: Mapping) -> list[tuple[str, str]]:
    return [(str(value), gettext_lazy(label)) for value, label in labels.items()]


def label(labels: Mapping, value: str) -> str:
    """Translated label of one stored value; unknown values are shown as they are."""
    for key, text in labels.items():
        if str(key) == value:
            return gettext(text)
    return value
