#!/usr/bin/env bash
# The sync, permission, batch and end-to-end suites again, against a real Apache CouchDB 3.5 from
# ../shared/couchdb: first one node, then a 3-node cluster (where renderer/sync/cluster.test.ts
# also stops and restarts a node during a sync). Where ../shared/couchdb is absent (a user's
# machine) this says so in one line and passes: `npm test` has already run everything against
# the embedded server.
set -euo pipefail
cd "$(dirname "$0")/../.."
couch=$(realpath -m ../shared/couchdb/couchdb.sh)
if [ ! -x "$couch" ]; then
  echo "../shared/couchdb is absent: the runs against Apache CouchDB 3.5 are skipped (npm test ran everything on the embedded server)."
  exit 0
fi

SUITES=(sync-server renderer/sync renderer/audit/audit-sync.test.ts main/handlers/session.test.ts cli/seed.test.ts cli/audit.test.ts cli/batch.test.ts)
existing=()
for s in "${SUITES[@]}"; do [ -e "$s" ] && existing+=("$s"); done

run() { # label port nodes
  local label=$1 port=$2 nodes=$3 url started
  started=$(date +%s)
  url=$("$couch" start --port "$port" --nodes "$nodes")
  trap '"$couch" stop --port '"$port"' >/dev/null 2>&1 || true' EXIT
  echo "== Apache CouchDB 3.5, $label ($url) =="
  export COUCHDB_URL=$url HWS_COUCHDB_SH=$couch HWS_COUCHDB_PORT=$port HWS_COUCHDB_NODES=$nodes
  npx vitest run "${existing[@]}"
  npx vitest run -c vitest.e2e.config.ts
  unset COUCHDB_URL HWS_COUCHDB_SH HWS_COUCHDB_PORT HWS_COUCHDB_NODES
  "$couch" stop --port "$port"
  trap - EXIT
  echo "== Apache CouchDB 3.5, $label: passed in $(( $(date +%s) - started )) s =="
}

run "one node" "${HWS_COUCHDB_SINGLE_PORT:-25984}" 1
run "3-node cluster" "${HWS_COUCHDB_CLUSTER_PORT:-27984}" 3
