"""Print the README's data dictionary from dashboard/loader/schema.py (paste it into README.md)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.loader import schema  # noqa: E402

for table, columns in schema.TABLES.items():
    key = ", ".join(f"`{c}`" for c in schema.KEYS[table])
    print(f"### `{table}`\n\nOne row per {schema.ROW_MEANING[table]}; key: {key}.\n")
    print("| column | dtype | meaning |\n|---|---|---|")
    for column in columns:
        field = schema.field(table, column)
        print(f"| `{column}` | {field.dtype} | {field.description} |")
    print()
