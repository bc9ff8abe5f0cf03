"""Add_articles page."""
import streamlit as st

from dashboard.components.context import current_view

view = current_view()
st.title("Add_articles")
st.info("Coming soon.")
