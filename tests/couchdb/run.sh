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

# The files whose fixtures take COUCHDB_URL (sync-server/testing.ts, test-fixture.ts): they talk to
# the real server here, and tests/unit/run.sh leaves them out of the embedded server's run.
mapfile -t files < <(tests/couchdb/unit-files.sh)
# The parity suite compares the embedded server with the real one: once, against the single node.
# (Each unit file runs once against CouchDB: on the cluster, below.)
without_parity=()
for f in "${files[@]}"; do [ "$f" != sync-server/parity.test.ts ] && without_parity+=("$f"); done

# End-to-end files: on the single node, every file that talks to a central server
# (startCentralServer); on the cluster, those marked `@cluster` in their header — where two
# workstations or a cut network meet the cluster's shard copies. The others sign in and sync
# through the same code on one node already; a file without a server (the camera) ran in `npm test`.
mapfile -t e2e_single < <(grep -l "startCentralServer" tests/e2e/*.e2e.ts | sort)
mapfile -t e2e_cluster < <(grep -l "@cluster" tests/e2e/*.e2e.ts | sort)

run() { # label port nodes workers e2e-files-var unit-files…
  local label=$1 port=$2 nodes=$3 workers=$4 url started
  local -n e2e=$5
  shift 5
  started=$(date +%s)
  url=$("$couch" start --port "$port" --nodes "$nodes")
  trap '"$couch" stop --port '"$port"' >/dev/null 2>&1 || true' EXIT
  echo "== Apache CouchDB 3.5, $label ($url) =="
  export COUCHDB_URL=$url HWS_COUCHDB_SH=$couch HWS_COUCHDB_PORT=$port HWS_COUCHDB_NODES=$nodes
  # Each file uses its own offices and users, so two files share the server safely; the time
  # is mostly spent waiting on the server (one worker per core leaves it idle on 2 cores). The
  # cluster gets one worker: loaded, its shard copies lag behind acknowledged writes.
  npx vitest run --maxWorkers="$workers" "$@"
  npx vitest run -c vitest.e2e.config.ts "${e2e[@]}"
  unset COUCHDB_URL HWS_COUCHDB_SH HWS_COUCHDB_PORT HWS_COUCHDB_NODES
  "$couch" stop --port "$port"
  trap - EXIT
  echo "== Apache CouchDB 3.5, $label: passed in $(( $(date +%s) - started )) s =="
}

# The unit suites run once, on the cluster (the stricter server: shard copies lag behind
# acknowledged writes); the single node runs the parity suite and every end-to-end file that has a
# central server (tests/e2e/run.sh leaves them to this stage).
run "one node" "${HWS_COUCHDB_SINGLE_PORT:-25984}" 1 2 e2e_single sync-server/parity.test.ts
run "3-node cluster" "${HWS_COUCHDB_CLUSTER_PORT:-27984}" 3 1 e2e_cluster "${without_parity[@]}"
