#!/usr/bin/env bash
# Installs what the dashboard needs, then opens it on a folder of articles (default: seeds/).
# Usage: scripts/start.sh [FOLDER] [--server.port PORT ...]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
folder="seeds"
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then folder=$1; shift; fi
exec .venv/bin/streamlit run dashboard/app.py "$@" -- "$folder"
