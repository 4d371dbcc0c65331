#!/usr/bin/env bash
# Catalog search benchmark: a catalog of N items (default 50,000) fed through the real pipeline
# (a draft edition's package uploaded through the API, projected into PostgreSQL, indexed into the
# server's embedded Elasticsearch), then the same queries on Elasticsearch, on PostgreSQL ILIKE (the
# baseline) and through the server's search endpoint, at several concurrencies, in one run.
# Usage: registry/benchmark-search.sh [items] [seconds per measurement] (defaults 50000, 20).
# Needs curl and jq. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-50000}
secs=${2:-20}
mvn -q -B -DskipTests install
mvn -q -B -pl registry dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="registry/target/test-classes:registry/target/classes:$(cat registry/target/bench.classpath)"
work=$(mktemp -d "$PWD/registry/target/bench-search-XXXX")
free() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free); pg=$(free); es=$(free)
B=http://127.0.0.1:$port
java -cp "$cp" org.hmbd.registry.catalog.CatalogSearchBenchmark generate "$work/package.tgz" "$n"

cp registry/target/registry-0.1.0-SNAPSHOT.jar "$work/server.jar"
java -Xmx1g -jar "$work/server.jar" --server.port="$port" --hmbd.data-dir="$work/data" \
    --hmbd.auth.bootstrap-admin-password=Initial-Passw0rd --hmbd.embedded-database.port="$pg" \
    --hmbd.search.embedded.port="$es" --hmbd.standards.max-artifact-size=100MB > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -sf "$B/actuator/health/readiness" > /dev/null; do sleep 1; done
token() { curl -s -X POST "$B/api/v1/auth/token" -H 'Content-Type: application/json' \
            -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .token; }
api() { local t=$1; shift; curl -sf -H "Authorization: Bearer $t" -H 'Content-Type: application/json' "$@"; }
T=$(token admin Initial-Passw0rd)
api "$T" -X POST "$B/api/v1/auth/password" -d '{"currentPassword":"Initial-Passw0rd","newPassword":"Admin-Passw0rd-2026"}'
ADMIN=$(token admin Admin-Passw0rd-2026)
ORG=$(api "$ADMIN" -X POST "$B/api/v1/organizations" -d '{"nameZh":"基准测试标准组","kind":"HEALTH_ADMINISTRATION","level":"NATIONAL","regionCode":"100000"}' | jq .id)
LEAD=$(api "$ADMIN" -X POST "$B/api/v1/users" -d "{\"username\":\"lead\",\"displayName\":\"牵头人\",\"organizationId\":$ORG,\"roles\":[],\"initialPassword\":\"Lead-Passw0rd-1\"}" | jq .user.id)
T=$(token lead Lead-Passw0rd-1)
api "$T" -X POST "$B/api/v1/auth/password" -d '{"currentPassword":"Lead-Passw0rd-1","newPassword":"Lead-Passw0rd-2"}'
L=$(token lead Lead-Passw0rd-2)
P=$(api "$L" -X POST "$B/api/v1/proposals" -d '{"kind":"NEW","titleZh":"基准测试数据元目录","category":"DATA_SET","intendedLevel":"WS","scope":"s","rationale":"r","proposingOrganization":"o"}' | jq .id)
api "$ADMIN" -X POST "$B/api/v1/proposals/$P/accept" -d "{\"year\":$(date +%Y),\"leadOrganizationId\":$ORG,\"leadUserId\":$LEAD,\"dueDate\":\"$(date -d '+60 days' +%F)\"}" > /dev/null
ITEM=$(api "$ADMIN" "$B/api/v1/proposals/$P" | jq .planItemId)
ED=$(api "$ADMIN" "$B/api/v1/work-plan?size=200" | jq ".items[] | select(.id == $ITEM) | .editionId")
until [ "$(api "$ADMIN" "$B/api/v1/catalog/index" | jq .reachable)" = true ] \
      && [ "$(api "$ADMIN" "$B/api/v1/catalog/index" | jq '.pendingIndexing + .pendingProjection')" = 0 ]; do sleep 1; done
before=$(api "$ADMIN" "$B/api/v1/catalog/index" | jq .documents)

start=$(date +%s%N)
curl -sf -X PUT -H "Authorization: Bearer $L" -H 'Content-Type: application/gzip' --data-binary @"$work/package.tgz" \
    "$B/api/v1/editions/$ED/artifacts/fhir-package.tgz" > /dev/null
until [ "$(api "$ADMIN" "$B/api/v1/catalog/index" | jq "(.documents // 0) >= $before + $n and .pendingIndexing == 0")" = true ]; do
  sleep 1
done
indexed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
status=$(api "$ADMIN" "$B/api/v1/catalog/index")
echo "catalog: $(echo "$status" | jq .catalogItems) items in PostgreSQL, $(echo "$status" | jq .documents) documents in Elasticsearch"
echo "upload to searchable (projection + indexing of $n items): ${indexed_ms} ms"
start=$(date +%s%N)
api "$ADMIN" -X POST "$B/api/v1/catalog/index/rebuild" > /dev/null
until [ "$(api "$ADMIN" "$B/api/v1/catalog/index" | jq .lastRebuild.running)" = false ]; do sleep 0.5; done
echo "rebuild of the whole index: $(( ($(date +%s%N) - start) / 1000000 )) ms ($(api "$ADMIN" "$B/api/v1/catalog/index" | jq .lastRebuild.itemsDone) items)"

java -cp "$cp" org.hmbd.registry.catalog.CatalogSearchBenchmark measure "http://127.0.0.1:$es" \
    "jdbc:postgresql://127.0.0.1:$pg/postgres" "$B" "$ADMIN" "$secs" 1 8
