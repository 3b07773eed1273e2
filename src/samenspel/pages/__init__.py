"""Pages that gather many apps: the start page per role, the circle page, the signals.

The composition layer: it may read from every record app; no record app reads from
it. Templates of other apps load its tag library (``{% load samenspel %}``).
"""
