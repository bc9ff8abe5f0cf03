"""An analyst's edits kept beside the articles: the briefing's title page and corrections to rows."""
from dashboard.loader.edits.corrections import (
    CORRECTIONS_FILE, UNKNOWN_SPEAKER, Correction, CorrectionError, apply_corrections, load_corrections,
    update_corrections,
)
from dashboard.loader.edits.meta import META_FIELDS, META_FILE, BriefingMeta, load_meta, save_meta
from dashboard.loader.edits.store import MAX_BYTES, EditFileError, backup_name

__all__ = [
    "CORRECTIONS_FILE", "MAX_BYTES", "META_FIELDS", "META_FILE", "UNKNOWN_SPEAKER", "BriefingMeta", "Correction",
    "CorrectionError", "EditFileError", "apply_corrections", "backup_name", "load_corrections", "load_meta",
    "save_meta", "update_corrections",
]
