#!/usr/bin/env bash
# Regenerates the kernels' PTX that the gpu-worker jar ships (src/main/resources/dev/zkcluster/gpu/kernels.ptx).
# Needs nvcc (CUDA 13). The PTX targets the virtual architecture compute_75, so the driver JIT-compiles it for any
# GPU from Turing on; run this after every change under src/main/cuda and commit the result (a test checks it).
# Usage: build-ptx.sh [output file]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../resources/dev/zkcluster/gpu/kernels.ptx}"
nvcc --ptx -arch=compute_75 -O3 -std=c++17 -o "$out" "$here/kernels.cu"
