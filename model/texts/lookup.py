"""One lookup over the catalogues of one shape (code → {zh, en}): ``text(kind, code, lang,
**fields)``. The catalogues are data; this is the one place that picks a language and fills the
fields in. Older helpers (``notice_text``, ``status_label``) read the same catalogues."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from model.texts.cli import CLI_TEXTS
from model.texts.domain import STATUSES, Lang
from model.texts.labels import LABELS
from model.texts.notices import ACCOUNT_ERRORS, NOTICES

CATALOGUES: dict[str, Mapping[str, Mapping[Any, str]]] = {
    "cli": CLI_TEXTS,
    "label": LABELS,
    "notice": NOTICES,
    "account": ACCOUNT_ERRORS,
    "status": STATUSES,
}


def text(kind: str, code: str, lang: Lang = "zh", **fields: object) -> str:
    """The words for ``code`` in the catalogue ``kind``, in ``lang``, with ``fields`` filled in."""
    words = CATALOGUES[kind][code][lang]
    return words.format(**fields) if fields else words
