"""Briefing dashboard: a loader that turns news articles into tidy tables, and a Streamlit app."""
