"""What is kept: published versions (publish, history, restore), users and the audit log."""

from typing import TYPE_CHECKING

from model._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__,
    {
        "auth": ["DEMO_USER", "Accounts", "LastAdmin", "User"],
        "current": ["current_groups"],
        "publishing": [
            "Prepared",
            "prepare",
            "publish",
            "published_diff",
            "version_diff",
        ],
        "recording": [
            "ATTENDANCE",
            "COMMENTS",
            "FieldError",
            "Mark",
            "NotYourSession",
            "Opened",
            "OutreachRow",
            "RecordOutcome",
            "RecordRejected",
            "SessionRecord",
            "StaleRecord",
            "allowed",
            "base_side_raws",
            "default_session",
            "open_session",
            "preview_record",
            "record_session",
        ],
        "sessions": ["SESSION_IDLE_MINUTES", "Resolved", "SessionStore", "idle_minutes"],
        "scoped": [
            "Outcome",
            "ScopedRejected",
            "ScopedUpload",
            "check_upload",
            "download_rows",
            "last_updates",
            "preview",
            "publish_scoped",
        ],
        "versions": [
            "IdenticalToCurrent",
            "StaleUpload",
            "Store",
            "Version",
            "default_data_dir",
        ],
        "workbook_diff": [
            "CellChange",
            "ParamChange",
            "RowChange",
            "StatusChange",
            "WorkbookDiff",
            "diff_workbooks",
        ],
    },
)

if TYPE_CHECKING:
    from model.store.auth import DEMO_USER, Accounts, LastAdmin, User
    from model.store.current import current_groups
    from model.store.publishing import (
        Prepared,
        prepare,
        publish,
        published_diff,
        version_diff,
    )
    from model.store.recording import (
        ATTENDANCE,
        COMMENTS,
        FieldError,
        Mark,
        NotYourSession,
        Opened,
        OutreachRow,
        RecordOutcome,
        RecordRejected,
        SessionRecord,
        StaleRecord,
        allowed,
        base_side_raws,
        default_session,
        open_session,
        preview_record,
        record_session,
    )
    from model.store.scoped import (
        Outcome,
        ScopedRejected,
        ScopedUpload,
        check_upload,
        download_rows,
        last_updates,
        preview,
        publish_scoped,
    )
    from model.store.sessions import SESSION_IDLE_MINUTES, Resolved, SessionStore, idle_minutes
    from model.store.versions import (
        IdenticalToCurrent,
        StaleUpload,
        Store,
        Version,
        default_data_dir,
    )
    from model.store.workbook_diff import (
        CellChange,
        ParamChange,
        RowChange,
        StatusChange,
        WorkbookDiff,
        diff_workbooks,
    )
