//! ferrosci::linalg matrix functions and matrix equations; the SciPy side is
//! tools/bench/linalg_matfun.py (`python3 tools/bench/compare.py linalg_matfun`).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ferrosci::linalg::{
    expm, logm, solve_continuous_are, solve_discrete_are, solve_sylvester, sqrtm,
};
use ndarray::{Array2, s};
use std::hint::black_box;
use std::time::Duration;

/// The same deterministic matrices as tools/bench/linalg_matfun.py:
/// entries in [−1, 1], scaled by 1/√n so the spectrum stays near the unit disc.
fn matrix(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| {
        ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin() / (n as f64).sqrt()
    })
}

fn shifted(n: usize, shift: f64) -> Array2<f64> {
    matrix(n) + Array2::<f64>::eye(n) * shift
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("linalg_matfun");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    for n in [10usize, 100, 500] {
        let a = matrix(n) * 4.0;
        g.bench_with_input(BenchmarkId::new("expm", n), &a, |b, a| {
            b.iter(|| expm(black_box(a)).unwrap())
        });
    }
    let n = 200;
    let p = shifted(n, 3.0);
    g.bench_with_input(BenchmarkId::new("sqrtm", n), &p, |b, a| {
        b.iter(|| sqrtm(black_box(a)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("logm", n), &p, |b, a| {
        b.iter(|| logm(black_box(a)).unwrap())
    });
    let q = matrix(n);
    let bm = shifted(n, 2.0).t().to_owned();
    g.bench_with_input(BenchmarkId::new("solve_sylvester", n), &p, |b, a| {
        b.iter(|| solve_sylvester(black_box(a), &bm, &q).unwrap())
    });
    let n = 100;
    let a = matrix(n);
    let bb = matrix(n).slice(s![.., ..5]).to_owned();
    let (qq, rr) = (Array2::<f64>::eye(n), Array2::<f64>::eye(5));
    g.bench_with_input(BenchmarkId::new("solve_continuous_are", n), &a, |b, a| {
        b.iter(|| solve_continuous_are(black_box(a), &bb, &qq, &rr).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("solve_discrete_are", n), &a, |b, a| {
        b.iter(|| solve_discrete_are(black_box(a), &bb, &qq, &rr).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
