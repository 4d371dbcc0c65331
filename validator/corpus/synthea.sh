#!/usr/bin/env bash
# Makes the realistic third-party FHIR R4 corpus: Synthea (org.mitre.synthea:synthea, Maven Central)
# patients, offline, with fixed seeds, as transaction Bundles and as Bulk Data NDJSON.
#
#   validator/corpus/synthea.sh [OUT] [PATIENTS]      (default: validator/target/realistic-corpus, 40)
#
# OUT/bundles/fhir/*.json   one transaction Bundle per patient (seed 20261201)
# OUT/bulk/fhir/*.ndjson    one NDJSON file per resource type (seed 20261202, 1.5 x PATIENTS)
# OUT/bulk-mixed.ndjson     the same resources, every type interleaved (the benchmark's realistic corpus)
#
# Use it with:  mvn -pl validator test -Dtest='RealisticEquivalenceTest,ChineseTextsTest' \
#                   -DargLine="-Xmx6g -Dhmbd.realistic.corpus=OUT"
#               CORPUS=OUT/bulk-mixed.ndjson validator/benchmark.sh 5000   (docs/benchmarks.md)
# The slice in validator/src/test/resources/corpus/third-party was cut from such a run (its README).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../target/realistic-corpus}
patients=${2:-40}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work="$out/.synthea"
mkdir -p "$work"
cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local</groupId><artifactId>synthea-run</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.mitre.synthea</groupId><artifactId>synthea</artifactId><version>3.3.0</version></dependency>
  </dependencies>
</project>
POM
if [ ! -d "$work/lib" ]; then
  (cd "$work" && mvn -B -q -ntp dependency:copy-dependencies -DoutputDirectory=lib)
fi
common=(--exporter.years_of_history=1 --exporter.fhir.export=true --exporter.hospital.fhir.export=false
        --exporter.practitioner.fhir.export=false --exporter.csv.export=false)
cd "$work"
rm -rf "$out/bundles" "$out/bulk"
java -Xmx4g -cp 'lib/*' App -s 20261201 -cs 20261201 -p "$patients" "${common[@]}" \
     --exporter.baseDirectory="$out/bundles/" > "$out/synthea-bundles.log"
java -Xmx4g -cp 'lib/*' App -s 20261202 -cs 20261202 -p $((patients * 3 / 2)) "${common[@]}" \
     --exporter.fhir.bulk_data=true --exporter.baseDirectory="$out/bulk/" > "$out/synthea-bulk.log"
# one NDJSON of every type interleaved (line by line, round robin), for the benchmark
paste -d '\n' "$out"/bulk/fhir/*.ndjson | grep -v '^$' > "$out/bulk-mixed.ndjson"
echo "bundles: $(ls "$out/bundles/fhir" | wc -l) files; bulk: $(wc -l < "$out/bulk-mixed.ndjson") resources"
echo "corpus in $out"
