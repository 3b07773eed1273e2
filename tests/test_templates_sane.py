"""Template hygiene: Django's {# #} comment is one line only; a comment that spans
lines is printed on the page as text."""

from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[1] / "src" / "samenspel" / "templates"


def test_no_multiline_hash_comments():
    offenders = [
        f"{path.relative_to(TEMPLATES)}:{n}"
        for path in TEMPLATES.rglob("*.html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "{#" in line and "#}" not in line[line.index("{#") :]
    ]
    assert offenders == []
