"""中心组“1+X”学习台账 — entry point (placeholder until the pages land)."""

import streamlit as st

from model.reader import read_workbook_file
from model.sample import SAMPLE_PATH

st.set_page_config(page_title="中心组“1+X”学习台账", layout="wide")
st.title("中心组“1+X”学习台账")
st.caption("示例数据")
result = read_workbook_file(SAMPLE_PATH)
if result.ok:
    for sheet, rows in result.workbook.counts().items():
        st.metric(sheet, rows)
else:
    st.error("示例台账有错误")
