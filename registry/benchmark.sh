#!/usr/bin/env bash
# Conformance service benchmark: an NDJSON submission end to end through the API (upload, queue,
# validation, storing results) versus the validator engine alone on the same file, in one run.
# Usage: registry/benchmark.sh [resources] (default 100000). Results: docs/benchmarks.md.
# Needs curl and jq. Uses a fresh data folder under registry/target and a free port.
set -euo pipefail
cd "$(dirname "$0")/.."
. registry/bench-lib.sh
n=${1:-100000}
threads=${THREADS:-2}
mvn -q -B -DskipTests install
mvn -q -B -pl validator dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
corpus=validator/target/bench-corpus-$n.ndjson
[ -f "$corpus" ] || java -cp "validator/target/test-classes:validator/target/classes:$(cat validator/target/bench.classpath)" \
    org.hmbd.validator.bench.CorpusGenerator "$corpus" "$n"
work=$(mktemp -d "$PWD/registry/target/bench-XXXX")
port=$(free_port)
echo "corpus: $corpus ($(wc -c < "$corpus") bytes, $n resources); validator threads: $threads; work: $work"

# --- the engine alone (the CLI on the same file; its report's own duration, load excluded) ----------
java -Xmx"${SERVER_XMX:-2g}" -jar validator/target/hmbd-validate-0.1.0-SNAPSHOT.jar --standard standards/hmbd-core-sample/0.1.0 \
    --threads "$threads" --format json --out "$work/engine" "$corpus" > /dev/null 2> "$work/engine.log" || true
engine_ms=$(jq .summary.durationMillis "$work/engine/report.json")
engine_res=$(jq .summary.resources "$work/engine/report.json")

# --- the service -------------------------------------------------------------------------------------
xmx=${SERVER_XMX:-2g}
SERVER_JVM="-Xmx$xmx -Xlog:gc:file=$work/gc.log" start_server registry/target/registry-0.1.0-SNAPSHOT.jar "$work" "$port" \
    --hmbd.conformance.validator-threads="$threads"
sign_in_admin
ORG=$(api "$ADMIN" -X POST "$B/api/v1/organizations" -d '{"nameZh":"基准测试医院","kind":"HEALTHCARE_INSTITUTION","level":"INSTITUTION","regionCode":"350102"}' | jq .id)
SUB=$(new_user bench "$ORG" '["SUBMITTER"]')
until [ "$(curl -s "$B/api/v1/conformance/suites" | jq -r '.[0].state')" = READY ]; do sleep 1; done
ED=$(curl -s "$B/api/v1/conformance/suites" | jq '.[0].editionId')

start=$(date +%s%N)
RUN=$(curl -s -X POST -H "Authorization: Bearer $SUB" -H 'Content-Type: application/x-ndjson' \
        --data-binary @"$corpus" "$B/api/v1/conformance/runs?editionId=$ED&fileName=corpus.ndjson" | jq .id)
uploaded=$(date +%s%N)
if ! [[ "$RUN" =~ ^[0-9]+$ ]]; then
  echo "the run was not created (sign-in or upload refused); see $work/server.log" >&2
  exit 1
fi
while true; do
  # polled sparingly: the client must not take CPU from the server it measures
  sleep 2
  status=$(api "$SUB" "$B/api/v1/conformance/runs/$RUN" | jq -r .status)
  case $status in SUCCEEDED|FAILED|CANCELLED) break;; esac
done
upload_ms=$(( (uploaded - start) / 1000000 ))
run=$(api "$SUB" "$B/api/v1/conformance/runs/$RUN")
# end to end on the server's clock: from the run's creation (the upload starts streaming then) to
# its result stored, plus the request's own set-up before the run was created
created=$(echo "$run" | jq -r .createdAt); finished=$(echo "$run" | jq -r .finishedAt)
service_ms=$(python3 -c "
from datetime import datetime
f=lambda s: datetime.fromisoformat(s.replace('Z','+00:00'))
print(int((f('$finished')-f('$created')).total_seconds()*1000))")
service_res=$(echo "$run" | jq .result.resources)
# peak: the most the heap held (before a collection); after marking: an upper bound of the live set
# (objects allocated while marking count too; jcmd GC.class_histogram gives the exact live set)
peak_before=$(grep -oE '[0-9]+M->[0-9]+M' "$work/gc.log" | sed 's/->.*//; s/M//' | sort -n | tail -1)
marked=$(grep -E 'Pause (Remark|Full)' "$work/gc.log" | grep -oE '[0-9]+M->[0-9]+M' | sed 's/.*->//; s/M//' | sort -n | tail -1)
fulls=$(grep -c 'Pause Full' "$work/gc.log" || true)

echo "status: $status; resources: engine $engine_res, service $service_res"
echo "engine alone:       ${engine_ms} ms  ($(( engine_res * 1000 / (engine_ms > 0 ? engine_ms : 1) )) res/s)"
echo "service end to end: ${service_ms} ms  (upload ${upload_ms} ms; $(( service_res * 1000 / (service_ms > 0 ? service_ms : 1) )) res/s)"
echo "service / engine:   $(python3 -c "print(f'{$service_ms/$engine_ms:.3f}')")"
echo "server heap (-Xmx$xmx): peak ${peak_before} MB, highest occupancy after marking ${marked:-?} MB, full GCs ${fulls}"
