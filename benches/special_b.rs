//! ferrosci::special part B (Bessel, elliptic, hypergeometric) against SciPy
//! (tools/bench/special_b.py): `python3 tools/bench/compare.py special_b`.
//! Each workload maps one function over 10⁶ points, single-threaded.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ferrosci::special;
use ndarray::Array1;
use std::hint::black_box;
use std::time::Duration;

const N: usize = 1_000_000;

fn grid(lo: f64, hi: f64) -> Array1<f64> {
    Array1::linspace(lo, hi, N)
}

fn bench_special_b(c: &mut Criterion) {
    let mut g = c.benchmark_group("special");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(3))
        .warm_up_time(Duration::from_secs(1));
    let x = grid(0.01, 50.0);
    g.bench_with_input(BenchmarkId::new("jv_2.5", N), &x, |b, x| {
        b.iter(|| black_box(x).mapv(|v| special::jv(2.5, v)))
    });
    let x = grid(0.01, 20.0);
    g.bench_with_input(BenchmarkId::new("kv_1.5", N), &x, |b, x| {
        b.iter(|| black_box(x).mapv(|v| special::kv(1.5, v)))
    });
    let x = grid(-0.99, 0.99);
    g.bench_with_input(BenchmarkId::new("hyp2f1", N), &x, |b, x| {
        b.iter(|| black_box(x).mapv(|v| special::hyp2f1(0.5, 1.5, 2.5, v)))
    });
    let x = grid(0.0, 0.999);
    g.bench_with_input(BenchmarkId::new("ellipk", N), &x, |b, x| {
        b.iter(|| black_box(x).mapv(special::ellipk))
    });
    g.finish();
}

criterion_group!(benches, bench_special_b);
criterion_main!(benches);
