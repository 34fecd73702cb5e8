"""Streamlit entry: routes to the page modules in auditor/ui; no logic here."""

import streamlit as st

from auditor.ui.common import sidebar, t

st.set_page_config(page_title="Child-rights AI auditor", page_icon="🧒", layout="wide")
sidebar()
st.navigation(
    [
        st.Page("auditor/ui/workshop.py", title=t("nav_workshop"), url_path="workshop", default=True),
        st.Page("auditor/ui/wizard.py", title=t("nav_wizard"), url_path="wizard"),
        st.Page("auditor/ui/results.py", title=t("nav_results"), url_path="results"),
        st.Page("auditor/ui/review.py", title=t("nav_review"), url_path="review"),
        st.Page("auditor/ui/summary.py", title=t("nav_summary"), url_path="summary"),
    ]
).run()
