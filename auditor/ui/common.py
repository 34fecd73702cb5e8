"""State shared by the pages: language, the store, the signed-in user, upload limits."""

from __future__ import annotations

import os
from collections.abc import Callable

import streamlit as st

from auditor.store import Store
from auditor.store_models import User
from auditor.ui.i18n import LANGUAGES, translate

DEMO_ACCOUNTS = {"demo-startup": "startup", "demo-reviewer": "reviewer"}
MAX_UPLOAD_MB = int(os.environ.get("AUDITOR_MAX_UPLOAD_MB", "200"))


def t(key: str, **values: object) -> str:
    return translate(st.session_state.get("lang", "en"), key, **values)


@st.cache_resource
def get_store() -> Store:
    store = Store()
    if os.environ.get("AUDITOR_DEMO") == "1":  # demo accounts only in demo mode (make demo)
        for username, role in DEMO_ACCOUNTS.items():
            if store.user(username) is None:
                store.create_user(username, "demo", role, "Demo")
    return store


def progress_bar() -> Callable[[str, float], None]:
    """A progress callback ``(label, fraction)`` drawing an ``st.progress`` bar."""
    bar = st.progress(0.0)
    return lambda label, fraction: bar.progress(min(max(fraction, 0.0), 1.0), text=label)


def current_user() -> User | None:
    return st.session_state.get("user")


def require_user(role: str | None = None) -> User | None:
    """The signed-in user with the role, or None after telling the visitor what is needed."""
    user = current_user()
    if user is None:
        st.info(t("need_login"))
        return None
    if role and user.role != role:
        st.warning(t("need_role", role=role))
        return None
    return user


def sidebar() -> None:
    with st.sidebar:
        st.selectbox(t("language"), list(LANGUAGES), format_func=LANGUAGES.get, key="lang")
        user = current_user()
        if user:
            st.caption(t("signed_in_as", user=user.username, role=user.role))
            if st.button(t("logout"), key="logout"):
                for key in ("user", "audit_id"):
                    st.session_state.pop(key, None)
                st.rerun()
            return
        with st.form("login", border=True):
            st.text_input(t("username"), key="login_user")
            st.text_input(t("password"), type="password", key="login_password")
            submitted = st.form_submit_button(t("login"))
        if submitted:
            found = get_store().authenticate(st.session_state.login_user, st.session_state.login_password)
            if found:
                st.session_state.user = found
                st.rerun()
            st.error(t("bad_login"))
        if os.environ.get("AUDITOR_DEMO") == "1":
            st.caption("Demo: demo-startup / demo, demo-reviewer / demo")
        with st.expander(t("register")):
            with st.form("register"):
                name = st.text_input(t("username"), key="reg_user")
                password = st.text_input(t("password"), type="password", key="reg_password")
                organisation = st.text_input(t("organisation"), key="reg_org")
                if st.form_submit_button(t("register")):
                    if not name or len(password) < 8 or get_store().user(name):
                        st.error(t("register_invalid"))
                    else:
                        get_store().create_user(name, password, "startup", organisation)
                        st.success(t("created_account"))
