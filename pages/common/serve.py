"""Start the dashboard with its heavy modules imported and the shown workbook parsed.

    python -m pages.common.serve [streamlit options]

Streamlit runs dashboard.py only when the first browser connects, so that visitor would wait
for pandas, Altair and the first parse. Doing that work here, before the server answers, makes
the first visit as quick as every later one (the caches are process-wide). It also tells
Streamlit from the start that navigation is by st.navigation, not by the pages/ folder.

What it serves is app.py: dashboard.py in Streamlit's Starlette app (st.App) with the sign-in
routes and gate of pages/common/web.py; `streamlit run app.py` finds that app and runs it under
uvicorn in this same process, so the warmed caches are the ones the pages use.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def warm() -> None:
    # Bare-mode cache calls log a warning about the missing script context; it is expected here.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    logging.getLogger("streamlit.runtime.caching.cache_data_api").setLevel(logging.ERROR)
    logging.getLogger("streamlit.runtime.state.session_state_proxy").setLevel(logging.ERROR)
    import altair  # noqa: F401  (imported for its import time)

    from model.workbook.isolation import warm as warm_reader
    from pages.common import charts, layout, web  # noqa: F401
    from pages.common.prebuild import build_default_view, prebuild_in_background

    # The default view (report, 成效, 待办) for users who see every group: the first of them
    # after a start finds it built, sign-in included. The earlier years follow meanwhile.
    build_default_view()
    prebuild_in_background(default_view=False)
    warm_reader()  # the isolated reader's zygote, so the first upload does not wait for it


def main() -> int:
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    # Streamlit treats a folder named pages/ as a v1 multipage app until the first run reaches
    # st.navigation; a first visit straight to /upload would then run that page on its own,
    # with a navigation made of raw file names. This app always navigates with st.navigation.
    PagesManager.uses_pages_directory = False
    sys.path.insert(0, str(ROOT))
    try:
        warm()
    except Exception as exc:  # never keep the server from starting
        print(f"warm-up skipped: {exc}", file=sys.stderr)
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *sys.argv[1:]]
    return cli.main()


if __name__ == "__main__":
    raise SystemExit(main())
