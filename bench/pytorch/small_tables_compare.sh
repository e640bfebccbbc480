#!/usr/bin/env bash
# The small tables (iris, wine, breast cancer, digits: 32 tanh units, Adam 0.01, batches of 32, 200 epochs,
# float64) beside PyTorch, interleaved: for each table and repeat, `./jgrad train` and then
# small_tables_train.py, each timed whole (JVM or interpreter start, import torch, reading, writing the
# model) and by its own training loop (jgrad: metrics.csv's last elapsed_s). Prints a line per run with
# the load average, then the medians and their ratios (jgrad ÷ PyTorch: below 1 is jgrad faster).
# Usage: bench/pytorch/small_tables_compare.sh [REPEATS] [DIR]   (DIR: where the CSVs are made, /tmp/…)
set -euo pipefail
repeats="${1:-3}"; dir="${2:-${TMPDIR:-/tmp}/jgrad-small-tables}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
py=/usr/bin/python3
[ -f "$dir/digits-test.csv" ] || "$py" "$root/bench/pytorch/small_tables_data.py" "$dir"
# Outside the timings: build the jar, and let the launcher make its class-data archive (the first train
# lists its classes, the next start archives them in the background).
for i in 1 2; do
  "$root/jgrad" train --csv "$dir/iris-train.csv" --epochs 1 --val 0 --out "$dir/warm-up" > /dev/null
done
for i in $(seq 120); do
  compgen -G "$root/cli/target/jgrad.jsa.*" > /dev/null || break
  sleep 1
done
now() { date +%s.%N; }
runs="$dir/runs.txt"; : > "$runs"
for r in $(seq "$repeats"); do
  for t in iris wine cancer digits; do
    load="$(cut -d' ' -f1 /proc/loadavg)"
    s=$(now)
    "$root/jgrad" train --csv "$dir/$t-train.csv" --test "$dir/$t-test.csv" --hidden 32 --activation tanh \
        --optimizer adam --lr 0.01 --batch 32 --epochs 200 --val 0 --seed "$r" --out "$dir/jgrad-$t" > /dev/null
    jw=$(echo "$(now) - $s" | bc)
    jl=$(tail -1 "$dir/jgrad-$t/metrics.csv" | awk -F, '{print $NF}')
    s=$(now)
    pl=$("$py" "$root/bench/pytorch/small_tables_train.py" "$dir/$t-train.csv" "$dir/$t-test.csv" "$dir/torch-$t" "$r" \
        | sed 's/.*training \([0-9.]*\) s/\1/')
    pw=$(echo "$(now) - $s" | bc)
    printf '%s %s load=%s jgrad_loop=%.3f torch_loop=%.3f jgrad_whole=%.3f torch_whole=%.3f\n' \
        "$t" "$r" "$load" "$jl" "$pl" "$jw" "$pw" | tee -a "$runs"
  done
done
# the median of one field (jgrad_loop=…) over a table's runs
median() { grep "^$1 " "$runs" | tr ' ' '\n' | sed -n "s/^$2=//p" | sort -g | awk '{ v[NR] = $1 }
  END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "medians in seconds, jgrad / PyTorch (below 1: jgrad faster):"
for t in iris wine cancer digits; do
  jl=$(median "$t" jgrad_loop); tl=$(median "$t" torch_loop); jw=$(median "$t" jgrad_whole); tw=$(median "$t" torch_whole)
  printf '%-7s loop %.3f / %.3f = %.2fx   whole command %.2f / %.2f = %.2fx\n' "$t" "$jl" "$tl" \
      "$(echo "$jl / $tl" | bc -l)" "$jw" "$tw" "$(echo "$jw / $tw" | bc -l)"
done
