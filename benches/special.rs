//! ferrosci::special against scipy.special on 10⁶ points per function
//! (SciPy side: tools/bench/special.py; run `python3 tools/bench/compare.py special`).
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ferrosci::special;
use ndarray::Array1;
use std::hint::black_box;
use std::time::Duration;

const N: usize = 1_000_000;

/// A workload: name, function, input grid.
type Workload = (&'static str, fn(f64) -> f64, Array1<f64>);

/// `N` evenly spaced points on `[lo, hi]` (the same grid as the SciPy side).
fn grid(lo: f64, hi: f64) -> Array1<f64> {
    Array1::linspace(lo, hi, N)
}

fn bench_special(c: &mut Criterion) {
    let mut group = c.benchmark_group("special");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    let cases: [Workload; 17] = [
        ("gamma", special::gamma, grid(0.1, 20.0)),
        ("gammaln", special::gammaln, grid(0.1, 100.0)),
        ("erf", special::erf, grid(-3.0, 3.0)),
        ("erfinv", special::erfinv, grid(-0.999, 0.999)),
        ("ndtri", special::ndtri, grid(1e-6, 1.0 - 1e-6)),
        (
            "betainc_2_3",
            |x| special::betainc(2.0, 3.0, x),
            grid(0.0, 1.0),
        ),
        ("jv_2.5", |x| special::jv(2.5, x), grid(0.01, 50.0)),
        ("kv_1.5", |x| special::kv(1.5, x), grid(0.01, 20.0)),
        (
            "hyp2f1",
            |x| special::hyp2f1(0.5, 1.5, 2.5, x),
            grid(-0.99, 0.99),
        ),
        ("ellipk", special::ellipk, grid(0.0, 0.999)),
        ("dawsn", special::dawsn, grid(-10.0, 10.0)),
        (
            "eval_legendre_10",
            |x| special::eval_legendre(10.0, x),
            grid(-1.0, 1.0),
        ),
        (
            "eval_laguerre_10",
            |x| special::eval_laguerre(10.0, x),
            grid(0.0, 40.0),
        ),
        (
            "eval_legendre_10.5",
            |x| special::eval_legendre(10.5, x),
            grid(-0.99, 1.0),
        ),
        (
            "eval_laguerre_10.5",
            |x| special::eval_laguerre(10.5, x),
            grid(0.0, 40.0),
        ),
        ("struve_0.7", |x| special::struve(0.7, x), grid(0.01, 50.0)),
        (
            "lpmv_2_5.5",
            |x| special::lpmv(2.0, 5.5, x),
            grid(-0.9, 0.9),
        ),
    ];
    for (name, f, x) in cases {
        group.bench_with_input(BenchmarkId::new(name, N), &x, |b, x| {
            b.iter(|| black_box(x).mapv(f))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_special);
criterion_main!(benches);
