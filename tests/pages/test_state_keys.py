"""The session_state keys shared by the sidebar, the meeting bar and the page context are named
in one module (issue #23): no page or component spells one itself."""

import re
from pathlib import Path

from pages.common import state_keys

PAGES = Path(__file__).resolve().parents[2] / "pages"
SHARED = re.compile(r"[\"'](?:flt|w)_[a-z_]+[\"']")


def test_shared_state_keys_are_spelled_only_in_state_keys():
    spelled = {
        str(path.relative_to(PAGES)): SHARED.findall(path.read_text(encoding="utf-8"))
        for path in PAGES.rglob("*.py")
        if path.name != "state_keys.py"
    }
    assert {name: keys for name, keys in spelled.items() if keys} == {}


def test_each_key_is_named_once_and_after_itself():
    names = {name: value for name, value in vars(state_keys).items() if name.isupper()}
    assert len(set(names.values())) == len(names)
    assert all(value.upper() == name for name, value in names.items())
