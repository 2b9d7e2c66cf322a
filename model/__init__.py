"""中心组“1+X”学习台账: the core, pure Python and no Streamlit.

One way through (ARCHITECTURE.md): ``workbook`` reads and validates the clerk's file,
``engine`` computes findings, credits, statuses and progress as codes and numbers,
``texts`` turns codes into Chinese or English, ``outputs`` writes files, ``store`` keeps
versions and users, ``dev`` makes sample data and benchmarks. ``python -m model`` is the CLI.
"""
