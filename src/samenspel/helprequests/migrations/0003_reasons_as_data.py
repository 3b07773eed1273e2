"""Proposals keep their reasons as data (`matching.Text.to_data`), no longer as
Dutch sentences. An older sentence cannot be turned back into its msgid
safely, so it becomes ``{"text": sentence}`` and is shown as it was."""

from django.db import migrations

BATCH = 500


def _convert(apps, change) -> None:
    Proposal = apps.get_model("helprequests", "Proposal")
    changed = []
    for proposal in Proposal.objects.only("id", "reasons").iterator(chunk_size=BATCH):
        reasons = [change(r) for r in proposal.reasons or ()]
        if reasons != (proposal.reasons or []):
            proposal.reasons = reasons
            changed.append(proposal)
        if len(changed) >= BATCH:
            Proposal.objects.bulk_update(changed, ["reasons"])
            changed = []
    Proposal.objects.bulk_update(changed, ["reasons"])


def _wrap(reason):
    return {"text": reason} if isinstance(reason, str) else reason


def _unwrap(reason):
    from samenspel.domain.matching import Text

    if isinstance(reason, dict) and "msgid" in reason:
        return str(Text.from_data(reason))
    if isinstance(reason, dict) and "text" in reason:
        return reason["text"]
    return reason


def forwards(apps, schema_editor):
    _convert(apps, _wrap)


def backwards(apps, schema_editor):
    _convert(apps, _unwrap)


class Migration(migrations.Migration):
    dependencies = [
        ("helprequests", "0002_end_note_and_member_revoked_at"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
