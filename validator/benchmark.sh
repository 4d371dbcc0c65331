#!/usr/bin/env bash
# Validator benchmark: stock HAPI vs this engine vs parse only, one run, one generated corpus.
# Usage: [ROUNDS=3] [CORPUS=file.ndjson] [STANDARD=folder|base] validator/benchmark.sh [resources] (default 10000).
# Without CORPUS the project's own generated corpus (made when missing); with it, the first
# [resources] lines of that file, e.g. the realistic Synthea corpus of validator/corpus/synthea.sh.
# Results: docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
mvn -q -B -pl validator -am -DskipTests install
mvn -q -B -pl validator test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath
corpus=validator/target/bench-corpus-$n.ndjson
if [ -n "${CORPUS:-}" ]; then
  corpus=validator/target/bench-realistic-$n.ndjson
  head -n "$n" "$CORPUS" > "$corpus"
fi
java -Xmx2g -Drounds="${ROUNDS:-3}" -cp "validator/target/test-classes:validator/target/classes:$(cat validator/target/bench.classpath)" \
    org.hmbd.validator.bench.ValidatorBenchmark "${STANDARD:-standards/hmbd-core-sample/0.1.0}" "$corpus" "$n" 2>&1 \
    | grep -v -E ' (DEBUG|INFO) '
