"""Turn domain results into what templates show, translated."""

from django.utils.translation import gettext

from samenspel.domain.network import NetworkReport, stored_signal


def rendered_signals(report: NetworkReport) -> list:
    return [signal.render(gettext) for signal in report.signals]


def stored_signal_title(stored) -> str:
    """Title of a signal saved in a scan snapshot (a dict or a SignalRef), translated."""

    def get(key, default=None):
        if isinstance(stored, dict):
            return stored.get(key, default)
        return getattr(stored, key, default)

    signal = stored_signal(get("code", ""), dict(get("params") or {}), get("domains") or ())
    if signal is not None:
        try:
            return signal.render(gettext).title
        except KeyError:  # saved before values were kept: show the saved text
            pass
    return get("title", "")
