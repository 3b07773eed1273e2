"""One questionnaire engine for every app that asks statements or questions.

Scoring and instrument files live in ``domain.instruments`` (plain Python). This app
adds what Django needs around it: the form (one radio group per item, a draft may be
partly filled in), abstract round and response models, the round rules (one open
round per scope, a submitted response is final), the answer page and one template
include for the items. Used by burden (screenings), teams (thermometer), reflection
and profiles.
"""
