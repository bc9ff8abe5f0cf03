"""Pure builders of what the pages and exports show: tables in, Plotly figures, HTML or tables out.

Nothing here imports Streamlit, so every builder is tested on frames written in the test.
"""
