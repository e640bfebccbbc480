/* The machine's float64 FMA peak on one core, best of 3000 short runs (so a busy machine's
   preemptions drop out). The yardstick for the matmul kernel in README's Benchmarks section.
   gcc -O2 -mavx2 -mfma bench/fma-peak.c -o /tmp/fma-peak && /tmp/fma-peak */
#include <immintrin.h>
#include <stdio.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
int main(void) {
    __m256d m = _mm256_set1_pd(0.999999), c = _mm256_set1_pd(1e-7);
    __m256d a[12]; double best = 1e9, sink = 0; const int iters = 20000;
    for (int rep = 0; rep < 3000; rep++) {
        for (int j = 0; j < 12; j++) a[j] = c;
        double t0 = now();
        for (int i = 0; i < iters; i++) {
            a[0] = _mm256_fmadd_pd(a[0], m, c); a[1] = _mm256_fmadd_pd(a[1], m, c);
            a[2] = _mm256_fmadd_pd(a[2], m, c); a[3] = _mm256_fmadd_pd(a[3], m, c);
            a[4] = _mm256_fmadd_pd(a[4], m, c); a[5] = _mm256_fmadd_pd(a[5], m, c);
            a[6] = _mm256_fmadd_pd(a[6], m, c); a[7] = _mm256_fmadd_pd(a[7], m, c);
            a[8] = _mm256_fmadd_pd(a[8], m, c); a[9] = _mm256_fmadd_pd(a[9], m, c);
            a[10] = _mm256_fmadd_pd(a[10], m, c); a[11] = _mm256_fmadd_pd(a[11], m, c);
        }
        double t = now() - t0; if (t < best) best = t;
        for (int j = 0; j < 12; j++) sink += a[j][0];
    }
    printf("float64 FMA peak, one core: %.1f GFLOP/s (best of 3000 runs; sink %g)\n", 12.0 * 4 * 2 * iters / best / 1e9, sink);
    return 0;
}
