#!/usr/bin/env bash
# Runs the scalar C yardstick and the JMH benchmarks of the proof-system primitives back to back, so that
# docs/BENCHMARKS.md can quote both from one session on one machine.
# Usage: bench/run-primitives.sh [OUT_DIR]   (the shared folder is taken from ZKCLUSTER_SHARED_DIR or ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${ZKCLUSTER_SHARED_DIR:-../shared}
out=${1:-bench/target/results}
jar=bench/target/benchmarks.jar
mkdir -p "$out"
[ -f "$jar" ] || mvn -B -q install -DskipTests

echo "== machine"
{ nproc; grep -m1 'model name' /proc/cpuinfo; java -version 2>&1 | sed -n 1p; uptime; } | tee "$out/machine.txt"

echo "== C yardstick: NTT 2^20 x 1 column, Poseidon2 x 1,000,000"
bash "$shared/bench/run-reference.sh" 20 1 1000000 | tee "$out/reference-20.txt"
echo "== C yardstick: NTT 2^16 x 1 column and 2^16 x 64 columns"
bash "$shared/bench/run-reference.sh" 16 1 1 | tee "$out/reference-16.txt"
bash "$shared/bench/run-reference.sh" 16 64 1 | tee "$out/reference-16x64.txt"

echo "== JMH: field, NTT, Poseidon2"
java -jar "$jar" 'FieldBench|NttBench|Poseidon2Bench' -f 1 -rf json -rff "$out/jmh-primitives.json" | tee "$out/jmh-primitives.txt"
echo "== JMH: Merkle tree 2^16 x 135, FRI prove at degree 2^16"
java -jar "$jar" 'MerkleBench|FriBench' -f 1 -wi 1 -i 3 -w 5 -r 5 -rf json -rff "$out/jmh-merkle-fri.json" | tee "$out/jmh-merkle-fri.txt"
