"""openpyxl parses with defusedxml, never lxml, though python-docx brings lxml (issue #27)."""

import subprocess
import sys


def test_openpyxl_keeps_defusedxml_although_lxml_is_installed():
    import lxml  # noqa: F401  (installed, by python-docx)

    probe = (
        "import model.outputs.annotate, openpyxl.xml.functions as f, openpyxl;"
        "print(openpyxl.LXML, openpyxl.DEFUSEDXML, f.fromstring.__module__)"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown[:2] == ["False", "True"] and shown[2].startswith("defusedxml")
