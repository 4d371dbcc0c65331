#!/usr/bin/env bash
# Catalog search benchmark: a catalog of N items (default 50,000) fed through the real pipeline
# (a draft edition's package uploaded through the API, projected into PostgreSQL, indexed into the
# server's embedded Elasticsearch), then the same queries on Elasticsearch, on PostgreSQL ILIKE (the
# baseline) and through the server's search endpoint, at several concurrencies, in one run.
# Usage: registry/benchmark-search.sh [items] [seconds per measurement] (defaults 50000, 20).
# Needs curl and jq. Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
. registry/bench-lib.sh
n=${1:-50000}
secs=${2:-20}
mvn -q -B -DskipTests install
mvn -q -B -pl registry dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
cp="registry/target/test-classes:registry/target/classes:$(cat registry/target/bench.classpath)"
work=$(mktemp -d "$PWD/registry/target/bench-search-XXXX")
port=$(free_port); pg=$(free_port); es=$(free_port)
java -cp "$cp" org.hmbd.registry.catalog.CatalogSearchBenchmark generate "$work/package.tgz" "$n"

cp registry/target/registry-0.1.0-SNAPSHOT.jar "$work/server.jar"
SERVER_JVM=-Xmx1g start_server "$work/server.jar" "$work" "$port" --hmbd.embedded-database.port="$pg" \
    --hmbd.search.embedded.port="$es" --hmbd.standards.max-artifact-size=100MB
sign_in_admin
ORG=$(api "$ADMIN" -X POST "$B/api/v1/organizations" -d '{"nameZh":"基准测试标准组","kind":"HEALTH_ADMINISTRATION","level":"NATIONAL","regionCode":"100000"}' | jq .id)
L=$(new_user lead "$ORG" '[]')
STD=$(new_user standards "$(api "$ADMIN" "$B/api/v1/me" | jq .organizationId)" '["STANDARDS_ADMIN"]')
LEAD=$(api "$L" "$B/api/v1/me" | jq .id)
P=$(api "$L" -X POST "$B/api/v1/proposals" -d '{"kind":"NEW","titleZh":"基准测试数据元目录","category":"DATA_SET","intendedLevel":"WS","scope":"s","rationale":"r","proposingOrganization":"o"}' | jq .id)
api "$STD" -X POST "$B/api/v1/proposals/$P/accept" -d "{\"year\":$(date +%Y),\"leadOrganizationId\":$ORG,\"leadUserId\":$LEAD,\"dueDate\":\"$(date -d '+60 days' +%F)\"}" > /dev/null
ITEM=$(api "$STD" "$B/api/v1/proposals/$P" | jq .planItemId)
ED=$(api "$STD" "$B/api/v1/work-plan?size=200" | jq ".items[] | select(.id == $ITEM) | .editionId")
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

# the embedded database: its application role, with the password from the key folder
PGPASSWORD=$(cat "$work/data.keys/database.password") java -cp "$cp" org.hmbd.registry.catalog.CatalogSearchBenchmark measure "http://127.0.0.1:$es" \
    "jdbc:postgresql://127.0.0.1:$pg/postgres" "$B" "$ADMIN" "$secs" 1 8
