"""The sentences of the matching: Dutch as they are, translatable later.

A reason is shown in Dutch, stored in the database and read by a volunteer in
English; so each `Text` keeps its msgid and values next to the Dutch sentence,
and the labels inside it stay msgids (`Labels`) until it is rendered. See
"Texts" in `samenspel.domain.matching`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from samenspel.domain.i18n import gettext_noop as _


def _identity(text: str) -> str:
    return text


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Labels:
    """Label msgids that go into a sentence: each is translated when the
    sentence is rendered (never a Dutch label inside an English sentence),
    then lowercased at the start if `lower`, and joined with commas, the last
    two with "en" when `conjunction`."""

    msgids: tuple[str, ...]
    lower: bool = False
    conjunction: bool = False

    def render(self, translate: Callable[[str], str] = _identity) -> str:
        names = [translate(m) for m in self.msgids]
        if self.lower:
            names = [_lower_first(name) for name in names]
        if self.conjunction and len(names) > 1:
            return ", ".join(names[:-1]) + " " + translate(_("en")) + " " + names[-1]
        return ", ".join(names)

    def __str__(self) -> str:
        return self.render()

    def to_data(self) -> dict:
        return {"labels": list(self.msgids), "lower": self.lower, "conjunction": self.conjunction}

    @classmethod
    def from_data(cls, data: Mapping) -> Labels:
        return cls(tuple(data["labels"]), bool(data["lower"]), bool(data["conjunction"]))


class Text(str):
    """A Dutch sentence that remembers its msgid and values for translation.

    `you` is the same sentence spoken to the volunteer ("U kunt helpen met");
    the volunteer reads that variant about themselves, everyone else the
    third-person one. Values are strings (translated as they are) or `Labels`.
    """

    msgid: str
    you: str | None
    params: tuple[tuple[str, str | Labels], ...]

    def __new__(cls, msgid: str, /, *, you: str | None = None, **params: str | Labels) -> Text:
        values = {key: str(value) for key, value in params.items()}
        text = super().__new__(cls, msgid.format(**values) if params else msgid)
        text.msgid = msgid
        text.you = you
        text.params = tuple(params.items())
        return text

    def render(self, translate: Callable[[str], str] = _identity, *, you: bool = False) -> str:
        values = {
            key: value.render(translate) if isinstance(value, Labels) else translate(value)
            for key, value in self.params
        }
        msgid = self.you if you and self.you else self.msgid
        return translate(msgid).format(**values)

    def to_data(self) -> dict:
        """Plain, JSON-safe data (for the database): msgids and values, not the
        rendered sentence, so it is translated when it is shown."""
        params = {
            key: value.to_data() if isinstance(value, Labels) else value
            for key, value in self.params
        }
        return {"msgid": self.msgid, "you": self.you, "params": params}

    @classmethod
    def from_data(cls, data: Mapping) -> Text:
        """The `Text` that `to_data` gave; it renders exactly like the original."""
        params = {
            key: Labels.from_data(value) if isinstance(value, Mapping) else str(value)
            for key, value in (data.get("params") or {}).items()
        }
        return cls(data["msgid"], you=data.get("you"), **params)


def render_text(
    text: str | Mapping, translate: Callable[[str], str] = _identity, *, you: bool = False
) -> str:
    """Translate a reason: a `Text`, its stored data (`Text.to_data`), or a
    plain msgid (translated as it is).

    A stored sentence from before reasons kept their msgid (``{"text": ...}``)
    is shown as it was written: it has no msgid to translate.
    """
    if isinstance(text, Mapping):
        if "msgid" not in text:
            return str(text.get("text", ""))
        text = Text.from_data(text)
    if isinstance(text, Text):
        return text.render(translate, you=you)
    return translate(text)


def format_km(km: float) -> str:
    """Dutch decimal comma, one decimal: 1.25 → '1,2'; whole numbers without ',0'."""
    text = f"{km:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


# Product choice: below this a distance reads "minder dan 1 km", never "0 km".
NEAR_KM = 1.0


def km_words(km: float) -> str:
    """'3,5' or, under 1 km, 'minder dan 1' (a msgid, translated with the sentence)."""
    return _("minder dan 1") if km < NEAR_KM else format_km(km)
