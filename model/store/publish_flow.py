"""One publish flow for every way a version is made (issue #23): the upload page, a group
clerk's upload, 学习记录, a restore, and their commands.

Each of them publishes through ``Store.commit`` and can end four ways: published; nothing
changed (the result equals the current version); stale (another version landed since the
upload was checked or the session opened: ask, then publish again with ``confirm_stale``); or
rejected (errors, or a session of another group: nothing published). ``attempt`` turns the
store's exceptions into one ``Attempt`` so no caller catches them itself; callers choose words
and exit codes from ``Attempt.ending``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, TypeVar

from model.store.record_types import NotYourSession, RecordRejected, StaleRecord
from model.store.scoped import ScopedRejected
from model.store.versions import IdenticalToCurrent, StaleUpload, Version

Landed = TypeVar("Landed")


class Ending(StrEnum):
    PUBLISHED = "published"
    UNCHANGED = "unchanged"
    STALE = "stale"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Attempt(Generic[Landed]):
    """How one publish ended. ``version``: the new version (PUBLISHED); ``current``: the version
    it equals (UNCHANGED) or the one that landed meanwhile (STALE); ``base``: the version the
    upload was checked against (STALE); ``refusal``: the store's exception with its details
    (STALE, REJECTED); ``landed``: what the caller's publish returned beside the version."""

    ending: Ending
    version: Version | None = None
    current: int | None = None
    base: int | None = None
    refusal: Exception | None = None
    landed: Landed | None = None

    @property
    def published(self) -> bool:
        return self.ending is Ending.PUBLISHED


def attempt(
    publish: Callable[[bool], tuple[Version, Landed]], confirm_stale: bool = False
) -> Attempt[Landed]:
    """Run ``publish(confirm_stale)`` and say how it ended; never raises for the four endings."""
    try:
        version, landed = publish(confirm_stale)
    except IdenticalToCurrent as same:
        return Attempt(Ending.UNCHANGED, current=same.version.version)
    except StaleUpload as stale:
        return Attempt(Ending.STALE, current=stale.current, base=stale.expected, refusal=stale)
    except StaleRecord as stale:
        return Attempt(Ending.STALE, current=stale.current, refusal=stale)
    except (ScopedRejected, RecordRejected, NotYourSession) as rejected:
        return Attempt(Ending.REJECTED, refusal=rejected)
    return Attempt(Ending.PUBLISHED, version=version, landed=landed)
