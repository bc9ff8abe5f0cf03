"""The loader: a folder of news articles in, tidy pandas tables out. It never imports streamlit.

The app and the exports use only the names exported here; everything else is the loader's own.
"""
from dashboard.loader.actors.registry import BACKUP_NAME as REGISTRY_BACKUP_NAME
from dashboard.loader.actors.registry import FILE_NAME as REGISTRY_FILE
from dashboard.loader.actors.registry import KINDS, Entry, RegistryError, load_registry, save_registry
from dashboard.loader.edits import (
    CORRECTIONS_FILE, META_FIELDS, META_FILE, UNKNOWN_SPEAKER, BriefingMeta, Correction, CorrectionError,
    EditFileError, load_corrections, load_meta, save_meta, update_corrections,
)
from dashboard.loader.assembly.briefing import Briefing, FolderNotFound, load_briefing
from dashboard.loader.parsing.pipeline import ModelNotFound, build_nlp
from dashboard.loader.reading.sources import ARTICLE_SUFFIXES, IGNORED_NAMES, read_article, read_folder
from dashboard.loader.settings import Settings

__all__ = [
    "CORRECTIONS_FILE", "META_FIELDS", "META_FILE", "UNKNOWN_SPEAKER", "BriefingMeta", "Correction",
    "CorrectionError", "EditFileError", "load_corrections", "load_meta", "save_meta", "update_corrections",
    "ARTICLE_SUFFIXES", "IGNORED_NAMES", "KINDS", "REGISTRY_BACKUP_NAME", "REGISTRY_FILE", "Briefing", "Entry",
    "FolderNotFound", "ModelNotFound", "RegistryError", "Settings", "build_nlp", "load_briefing", "load_registry",
    "read_article", "read_folder", "save_registry",
]
