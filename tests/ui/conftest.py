from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from auditor.store import Store

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture
def store(tmp_path, monkeypatch) -> Store:
    """A fresh SQLite store that the app under test also opens (same URL, cache cleared)."""
    from auditor.ui.common import get_store

    url = f"sqlite:///{tmp_path / 'ui.db'}"
    monkeypatch.setenv("AUDITOR_DATABASE_URL", url)
    monkeypatch.setenv("AUDITOR_DEMO", "1")
    get_store.clear()
    return Store(url)


@pytest.fixture
def app(store) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=300)
    at.run()
    assert not at.exception
    return at


def sign_in(at: AppTest, store: Store, username: str, role: str) -> None:
    if store.user(username) is None:
        store.create_user(username, "password-123", role, "Org")
    at.session_state["user"] = store.authenticate(username, "password-123")
