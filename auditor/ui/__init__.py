"""Streamlit pages: thin views over the library (one module per page)."""
