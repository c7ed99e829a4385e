//! Optimizer benchmarks; the SciPy side is tools/bench/optimize.py.
use criterion::{Criterion, criterion_group, criterion_main};
use ferrosci::optimize::{
    Method, MinimizeOptions, RootOptions, brentq, minimize, minimize_with, rosen, rosen_der,
    rosen_hess_prod,
};
use ndarray::{Array1, ArrayRef1};
use std::hint::black_box;
use std::time::Duration;

fn alternating(n: usize) -> Array1<f64> {
    (0..n)
        .map(|i| if i % 2 == 0 { -1.2 } else { 1.0 })
        .collect()
}

fn bench_optimize(c: &mut Criterion) {
    let mut g = c.benchmark_group("optimize");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    let x10 = alternating(10);
    g.bench_function("bfgs_rosen10_jac", |b| {
        b.iter(|| {
            let opts = MinimizeOptions {
                jac: Some(Box::new(rosen_der)),
                ..Default::default()
            };
            minimize_with(rosen, black_box(&x10), Method::Bfgs, opts).unwrap()
        })
    });
    let x2 = alternating(2);
    g.bench_function("nelder_mead_rosen2", |b| {
        b.iter(|| minimize(rosen, black_box(&x2), Method::NelderMead).unwrap())
    });
    let x1000 = alternating(1000);
    g.bench_function("lbfgsb_rosen1000_jac", |b| {
        b.iter(|| {
            let opts = MinimizeOptions {
                jac: Some(Box::new(rosen_der)),
                ..Default::default()
            };
            minimize_with(rosen, black_box(&x1000), Method::LBfgsB, opts).unwrap()
        })
    });
    g.bench_function("newton_cg_rosen10_hessp", |b| {
        b.iter(|| {
            let opts = MinimizeOptions {
                jac: Some(Box::new(rosen_der)),
                hessp: Some(Box::new(|x: &ArrayRef1<f64>, p: &ArrayRef1<f64>| {
                    rosen_hess_prod(x, p).unwrap()
                })),
                ..Default::default()
            };
            minimize_with(rosen, black_box(&x10), Method::NewtonCg, opts).unwrap()
        })
    });
    g.bench_function("powell_rosen2", |b| {
        b.iter(|| minimize(rosen, black_box(&x2), Method::Powell).unwrap())
    });
    g.bench_function("brentq_cos", |b| {
        b.iter(|| {
            brentq(
                |x| x.cos() - x,
                black_box(0.0),
                1.0,
                &RootOptions::default(),
            )
            .unwrap()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_optimize);
criterion_main!(benches);
