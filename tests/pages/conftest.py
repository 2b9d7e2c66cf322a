"""Fixtures of the page tests."""

import pytest
import streamlit as st


@pytest.fixture
def data_dir(monkeypatch, tmp_path):
    """An empty data folder the app reads (XUEXI_DATA_DIR), with Streamlit's caches emptied."""
    monkeypatch.setenv("XUEXI_DATA_DIR", str(tmp_path / "data"))
    st.cache_data.clear()
    st.cache_resource.clear()
    return tmp_path / "data"
