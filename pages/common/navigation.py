"""Every page of the app, with the permission it needs: one list for the navigation
(dashboard.py) and for the server's sign-in gate (pages.common.web), which must know the
pages' addresses before Streamlit runs. Light on purpose: no Streamlit, no pandas."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath


@dataclass(frozen=True)
class PageSpec:
    path: str  # the script, relative to the app's root
    title_key: str  # in pages/common/labels.py
    icon: str
    permission: str  # model.store.auth.PERMISSIONS
    default: bool = False

    @property
    def url_path(self) -> str:
        """Its address below the app's root: "" for the default page, else the file's stem."""
        return "" if self.default else PurePosixPath(self.path).stem


PAGES: tuple[PageSpec, ...] = (
    PageSpec("pages/overview.py", "page_overview", ":material/dashboard:", "view", default=True),
    PageSpec("pages/sessions.py", "page_sessions", ":material/event:", "view"),
    PageSpec("pages/todo.py", "page_todo", ":material/checklist:", "view"),
    PageSpec("pages/plan.py", "page_plan", ":material/edit_calendar:", "view"),
    PageSpec("pages/members.py", "page_members", ":material/groups:", "view"),
    PageSpec("pages/risk.py", "page_risk", ":material/warning:", "view"),
    PageSpec("pages/shifts.py", "page_shifts", ":material/trending_up:", "view"),
    PageSpec("pages/rules.py", "page_rules", ":material/menu_book:", "view"),
    PageSpec("pages/upload.py", "page_upload", ":material/upload_file:", "publish"),
    PageSpec("pages/record.py", "page_record", ":material/edit_note:", "publish"),
    PageSpec("pages/history.py", "page_history", ":material/history:", "publish"),
    PageSpec("pages/admin.py", "page_admin", ":material/admin_panel_settings:", "audit"),
)
URL_PATHS = frozenset(page.url_path for page in PAGES)
