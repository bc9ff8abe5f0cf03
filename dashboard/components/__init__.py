"""The app's Streamlit pieces: the cached briefing and the view, the sidebar filter and date range, layout
helpers and the registry editor. Anything that needs no Streamlit lives in dashboard/views."""
