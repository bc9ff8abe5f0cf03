"""Actors page."""
import streamlit as st

from dashboard.components.context import current_view

view = current_view()
st.title("Actors")
st.info("Coming soon.")
