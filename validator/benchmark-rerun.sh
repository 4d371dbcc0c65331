#!/usr/bin/env bash
# Re-run benchmark (issue #15): the command-line jar on a corpus, then on the same corpus with
# every 10th resource changed (90% byte-identical), without and with the result cache, 1 and 2
# threads. Prints validation time (the report's durationMillis) and wall time per run, and checks
# that the re-run's report is the report of a run without the cache (reports compared without
# generatedAt, durationMillis, resourcesPerSecond; needs python3).
# Then the same in one virtual machine, as in the server (RerunBenchmark: the engine warm, the
# baseline run in the same JVM).
# Usage: [STANDARD=folder] validator/benchmark-rerun.sh <corpus.ndjson> [resources] (default 10000).
# Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:?corpus.ndjson}
n=${2:-10000}
jar=validator/target/hmbd-validate-0.1.0-SNAPSHOT.jar
mvn -q -B -pl validator -am -DskipTests install
mvn -q -B -pl validator test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n "$n" "$corpus" > "$work/month1.ndjson"
# month 2: every 10th resource changed (a language code added: the resource's text and findings differ)
awk 'NR % 10 == 4 && /^\{/ { sub(/^\{/, "{\"language\":\"zz-changed\","); } { print }' "$work/month1.ndjson" > "$work/month2.ndjson"
changed=$(grep -c '"language":"zz-changed"' "$work/month2.ndjson" || true)
echo "resources: $n; changed in month 2: $changed"
std=${STANDARD:-standards/hmbd-core-sample/0.1.0}
run() { # name threads input [cache]
  local name=$1 threads=$2 input=$3 cache=${4:-}
  local start end
  start=$(date +%s.%N)
  java -jar "$jar" --standard "$std" --threads "$threads" --max-findings 10000000 --quiet \
      ${cache:+--cache "$cache"} --out "$work/$name" "$input" > /dev/null 2> "$work/$name.err" || true
  end=$(date +%s.%N)
  python3 - "$work/$name/report.json" "$name" "$start" "$end" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{sys.argv[2]:<28} validation {r['summary']['durationMillis'] / 1000:7.1f} s   wall {float(sys.argv[4]) - float(sys.argv[3]):7.1f} s")
PY
}
same() {
  python3 - "$work/$1/report.json" "$work/$2/report.json" <<'PY'
import json, sys
def load(p):
    r = json.load(open(p)); r.pop('generatedAt', None)
    for k in ('durationMillis', 'resourcesPerSecond'): r['summary'].pop(k, None)
    return r
print("  reports identical:", load(sys.argv[1]) == load(sys.argv[2]))
PY
}
for t in 1 2; do
  echo "--- $t thread(s)"
  run "fresh-month2-t$t" "$t" "$work/month2.ndjson"
  run "cached-month1-t$t" "$t" "$work/month1.ndjson" "$work/cache-t$t"
  run "cached-month2-t$t" "$t" "$work/month2.ndjson" "$work/cache-t$t"
  grep -h "result cache" "$work/cached-month2-t$t.err" || true
  same "cached-month2-t$t" "fresh-month2-t$t"
  du -sh "$work/cache-t$t" | awk '{print "  cache folder: " $1}'
done
echo "--- in one virtual machine (as in the server)"
java -Xmx2g -cp "validator/target/test-classes:validator/target/classes:$(cat validator/target/bench.classpath)" \
    org.hmbd.validator.engine.RerunBenchmark "$std" "$work/month1.ndjson" "$work/month2.ndjson" 2>&1 \
    | grep -v -E ' (DEBUG|INFO|WARN) '
