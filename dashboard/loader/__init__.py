"""The loader: a folder of news articles in, tidy pandas tables out. It never imports streamlit."""
from .briefing import Briefing, FolderNotFound, load_briefing
from .pipeline import ModelNotFound, build_nlp
from .settings import Settings

__all__ = ["Briefing", "FolderNotFound", "ModelNotFound", "Settings", "build_nlp", "load_briefing"]
