//! ferrosci::fft against SciPy (tools/bench/fft.py) and raw rustfft:
//! `python3 tools/bench/compare.py fft`.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ferrosci::fft;
use ndarray::{Array1, Array2};
use num_complex::Complex64;
use rustfft::FftPlanner;
use std::hint::black_box;
use std::time::Duration;

fn signal(n: usize) -> Array1<Complex64> {
    Array1::from_shape_fn(n, |k| {
        Complex64::new((k as f64 * 0.37).sin(), (k as f64 * 0.11).cos())
    })
}

fn bench_fft(c: &mut Criterion) {
    let mut g = c.benchmark_group("fft");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    for n in [1usize << 10, 1 << 16, 1 << 20, 1_000_000, 999_983] {
        let x = signal(n);
        g.bench_with_input(BenchmarkId::new("c2c", n), &x, |b, x| {
            b.iter(|| fft::fft(black_box(x)).unwrap())
        });
        // Raw rustfft on the same input: copy (the input is borrowed) + in-place FFT.
        let plan = FftPlanner::new().plan_fft_forward(n);
        let v = x.to_vec();
        let mut scratch = vec![Complex64::default(); plan.get_inplace_scratch_len()];
        g.bench_with_input(BenchmarkId::new("rustfft_c2c", n), &v, |b, v| {
            b.iter(|| {
                let mut buf = black_box(v).clone();
                plan.process_with_scratch(&mut buf, &mut scratch);
                buf
            })
        });
    }
    let n = 1 << 20;
    let xr = signal(n).mapv(|z| z.re);
    g.bench_with_input(BenchmarkId::new("r2c", n), &xr, |b, x| {
        b.iter(|| fft::rfft(black_box(x)).unwrap())
    });
    let n = 1 << 16;
    let xr = signal(n).mapv(|z| z.re);
    g.bench_with_input(BenchmarkId::new("dct2", n), &xr, |b, x| {
        b.iter(|| fft::dct(black_box(x)).unwrap())
    });
    for n in [1024usize, 4096] {
        let x = Array2::from_shape_fn((n, n), |(i, j)| {
            Complex64::new(((i * 7 + j) as f64).sin(), (j as f64).cos())
        });
        g.bench_with_input(BenchmarkId::new("fft2", n), &x, |b, x| {
            b.iter(|| fft::fft2(black_box(x)).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, bench_fft);
criterion_main!(benches);
