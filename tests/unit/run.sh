#!/usr/bin/env bash
# `npm run test:unit`: every unit file on the embedded server — except, where ../shared/couchdb is
# present, the files that talk to a central server (tests/couchdb/unit-files.sh): they run against
# Apache CouchDB 3.5 in tests/couchdb/run.sh, on the 3-node cluster (the parity suite on the single
# node holds the embedded server to CouchDB's answers). HWS_UNIT_ALL=1 runs them here too, as on a
# user's machine without CouchDB. Arguments go to vitest as they are.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$#" -gt 0 ]; then exec npx vitest run "$@"; fi
excluded=()
# With COUCHDB_URL given, every file runs here against that server (sync-server/README.md).
if [ -x ../shared/couchdb/couchdb.sh ] && [ -z "${HWS_UNIT_ALL:-}" ] && [ -z "${COUCHDB_URL:-}" ]; then
  mapfile -t central < <(tests/couchdb/unit-files.sh)
  for f in "${central[@]}"; do excluded+=(--exclude "$f"); done
  echo "unit files on the embedded server: all but ${#central[@]} (those run on Apache CouchDB 3.5 in tests/couchdb/run.sh)"
fi
npx vitest run "${excluded[@]}"
