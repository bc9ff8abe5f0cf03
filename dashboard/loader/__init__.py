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
from dashboard.loader.reading.folder import briefing_folders, folder_signature, read_folder
from dashboard.loader.reading.sources import ARTICLE_SUFFIXES, IGNORED_NAMES, read_article
from dashboard.loader.reading.uploads import (
    UPLOAD_SUFFIXES, UploadResult, default_max_bytes, existing_articles, folder_is_writable, save_pasted, save_upload,
    size_text, upload_limit_mb,
)
from dashboard.loader.settings import Settings

__all__ = [
    "CORRECTIONS_FILE", "META_FIELDS", "META_FILE", "UNKNOWN_SPEAKER", "BriefingMeta", "Correction",
    "CorrectionError", "EditFileError", "load_corrections", "load_meta", "save_meta", "update_corrections",
    "ARTICLE_SUFFIXES", "IGNORED_NAMES", "KINDS", "REGISTRY_BACKUP_NAME", "REGISTRY_FILE", "UPLOAD_SUFFIXES",
    "Briefing", "Entry", "FolderNotFound", "ModelNotFound", "RegistryError", "Settings", "UploadResult",
    "briefing_folders", "build_nlp", "default_max_bytes", "existing_articles", "folder_is_writable", "folder_signature",
    "load_briefing", "load_registry", "read_article", "read_folder", "save_pasted", "save_registry", "save_upload",
    "size_text", "upload_limit_mb",
]
