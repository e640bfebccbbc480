"""Dense float64 n x n products in NumPy (OpenBLAS), GFLOP/s per size and thread count: the figures
jgrad bench's matmul rows are set beside in docs/performance.md. Prints the BLAS threadpoolctl finds."""
import argparse
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits


def gflops(n, seconds):
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((n, n)), rng.standard_normal((n, n))
    a @ b  # warm-up
    times, end = [], time.perf_counter() + seconds
    while time.perf_counter() < end or len(times) < 3:
        t0 = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - t0)
    return 2 * n ** 3 / sorted(times)[len(times) // 2] / 1e9


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--sizes', default='256,1024,2048')
    ap.add_argument('--threads', default='1,2')
    ap.add_argument('--seconds', type=float, default=1.0)
    args = ap.parse_args()
    for info in threadpool_info():
        print(f"# {info.get('internal_api')} {info.get('version')} core={info.get('architecture')} "
              f"threads={info.get('num_threads')}")
    for t in map(int, args.threads.split(',')):
        with threadpool_limits(limits=t, user_api='blas'):
            for n in map(int, args.sizes.split(',')):
                print(f"matmul n={n} threads={t} gflops={gflops(n, args.seconds):.1f}")


if __name__ == '__main__':
    main()
