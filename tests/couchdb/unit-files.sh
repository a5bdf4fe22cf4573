#!/usr/bin/env bash
# Prints the unit test files that talk to a central server through a fixture that takes
# COUCHDB_URL (sync-server/testing.ts, test-fixture.ts): tests/couchdb/run.sh runs them against
# Apache CouchDB 3.5, and tests/unit/run.sh leaves them to it where CouchDB is present. The
# embedded server's own tests (sync-server/embedded, the child-server fault test) are not listed.
set -euo pipefail
cd "$(dirname "$0")/../.."
SUITES=(sync-server renderer/sync renderer/reference renderer/policy renderer/audit/audit-sync.test.ts main/handlers/session.test.ts cli/seed.test.ts cli/seed-enrol.test.ts cli/audit.test.ts cli/batch.test.ts)
existing=()
for s in "${SUITES[@]}"; do [ -e "$s" ] && existing+=("$s"); done
find "${existing[@]}" -name '*.test.ts' | sort | xargs grep -lE "startTestCouch|useCouchBehindProxy|COUCHDB_URL|test-fixture|sync-server/testing|from '\./testing'|from '\.\./testing'"
