"""Marking of user-facing strings without importing Django.

`gettext_noop` is one of the keywords Django's ``makemessages`` extracts, so
strings wrapped in it land in the translation catalogue; the Django layer
translates them at render time with the real ``gettext``.
"""


def gettext_noop(message: str) -> str:
    return message
