#!/usr/bin/env bash
# `npm run test:e2e`: the end-to-end files in headless Chromium. A file that talks to a central
# server (startCentralServer) runs once, against Apache CouchDB 3.5, in tests/couchdb/run.sh —
# where ../shared/couchdb is present; here it runs on the embedded server only where CouchDB is
# absent (a user's machine), or with HWS_E2E_ALL=1. The files that start the workstation's own
# embedded server (the demo path of `hws start`) and language.e2e (every page of every role) run
# here always. The embedded server's answers are held to CouchDB's by the parity suite.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "$#" -gt 0 ]; then exec npx vitest run -c vitest.e2e.config.ts "$@"; fi
mapfile -t all < <(ls tests/e2e/*.e2e.ts | sort)
if [ -x ../shared/couchdb/couchdb.sh ] && [ -z "${HWS_E2E_ALL:-}" ]; then
  files=()
  for f in "${all[@]}"; do
    if ! grep -q "startCentralServer" "$f" || [ "$f" = tests/e2e/language.e2e.ts ]; then files+=("$f"); fi
  done
  echo "e2e on the embedded server: ${#files[@]} of ${#all[@]} files (the others run on Apache CouchDB 3.5 in tests/couchdb/run.sh)"
else
  files=("${all[@]}")
fi
npx vitest run -c vitest.e2e.config.ts "${files[@]}"
