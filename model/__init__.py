"""中心组“1+X”学习台账: the core, pure Python and no Streamlit.

One way through (ARCHITECTURE.md): ``workbook`` reads and validates the clerk's file,
``engine`` computes findings, credits, statuses and progress as codes and numbers,
``texts`` turns codes into Chinese or English, ``outputs`` writes files, ``store`` keeps
versions and users, ``dev`` makes sample data and benchmarks. ``python -m model`` is the CLI.
"""

import os

# python-docx (the 通报) brings lxml, and openpyxl, finding it, would parse a workbook's XML with
# lxml.etree.fromstring, which expands internal entities. Keep openpyxl on defusedxml: this runs
# before any of our modules can import openpyxl.
os.environ.setdefault("OPENPYXL_LXML", "False")
