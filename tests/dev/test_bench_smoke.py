"""A small-size run of the benchmark: it must make its workbook, measure and write its JSON.

The timing targets are checked by `make bench`, not here: CI only proves the benchmark works.
"""

import json
import subprocess
import sys


def test_benchmark_smoke_size(tmp_path):
    out = tmp_path / "results.json"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "model",
            "bench",
            "--sizes",
            "smoke",
            "--folder",
            str(tmp_path),
            "--json",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    assert "| smoke |" in run.stdout
    result = json.loads(out.read_text())["results"][0]
    assert result["size"] == "smoke"
    assert result["members"] == 36  # 6 groups × 6 members
    assert result["participation_rows"] > 0
    for key in (
        "read_validate_s",
        "report_s",
        "end_to_end_cli_s",
        "fastexcel_bare_s",
        "openpyxl_pandas_s",
    ):
        assert result[key] > 0
    assert result["peak_mb"] > 50
