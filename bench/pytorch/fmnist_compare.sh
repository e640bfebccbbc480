#!/usr/bin/env bash
# W5 beside PyTorch, interleaved in one run: jgrad's Fashion-MNIST epochs (jgrad bench --workload fmnist,
# both dtypes) and torch_fmnist.py's (the shared recipe), on 1 thread and then on 2, with the load
# average before each. Usage: bench/pytorch/fmnist_compare.sh DATA_DIR [EPOCHS] [TORCH_FMNIST_PY]
# DATA_DIR holds the .npy files bench/pytorch/fmnist_data.py makes from Debian's dataset-fashion-mnist.
set -euo pipefail
data="$1"; epochs="${2:-3}"; script="${3:-../shared/bench/torch_fmnist.py}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
for t in 1 2; do
  echo "== load $(cut -d' ' -f1-3 /proc/loadavg), $t thread(s): jgrad"
  JGRAD_JAVA_OPTS="-Djgrad.threads=$t" "$root/jgrad" bench --workload fmnist --dtype float32,float64 \
      --epochs "$epochs" --matmul 0
  for d in float32 float64; do
    echo "== load $(cut -d' ' -f1-3 /proc/loadavg), $t thread(s): PyTorch $d"
    OPENBLAS_NUM_THREADS=$t /usr/bin/python3 "$script" "$data" "$d" "$epochs" 128 128 0.001 1 "$t"
  done
done
