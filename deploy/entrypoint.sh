#!/bin/sh
# First start on an empty volume: copy the shipped sources (lnb_dash init) and build the database; then run the command.
set -e
if [ ! -d "$LNB_DATA_DIR/sources" ]; then
  python -m lnb_dash init "$LNB_DATA_DIR"
fi
if [ ! -f "$LNB_DB_PATH" ]; then
  python -m lnb_dash build
fi
exec "$@"
