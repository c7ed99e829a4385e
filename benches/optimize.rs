//! Optimizer benchmarks; the SciPy side is tools/bench/optimize.py.
use criterion::{Criterion, criterion_group, criterion_main};
use ferrosci::optimize::{
    Jacobian, LeastSquaresOptions, Method, MinimizeOptions, RootOptions, brentq, curve_fit,
    curve_fit_array, least_squares, least_squares_with, minimize, minimize_with, rosen, rosen_der,
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
    g.bench_function("cobyla_tutorial_ineq", |b| {
        b.iter(|| {
            use ferrosci::optimize::{Bounds, ConstraintDict, ConstraintType::Ineq};
            let opts = MinimizeOptions {
                constraints: vec![
                    ConstraintDict::new(Ineq, |x: &ArrayRef1<f64>| {
                        ndarray::array![x[0] - 2.0 * x[1] + 2.0]
                    })
                    .into(),
                    ConstraintDict::new(Ineq, |x: &ArrayRef1<f64>| {
                        ndarray::array![-x[0] - 2.0 * x[1] + 6.0]
                    })
                    .into(),
                    ConstraintDict::new(Ineq, |x: &ArrayRef1<f64>| {
                        ndarray::array![-x[0] + 2.0 * x[1] + 2.0]
                    })
                    .into(),
                ],
                bounds: Some(
                    Bounds::new(
                        &ndarray::array![0.0, 0.0],
                        &ndarray::array![f64::INFINITY, f64::INFINITY],
                    )
                    .unwrap(),
                ),
                ..Default::default()
            };
            let f = |x: &ArrayRef1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2);
            minimize_with(
                f,
                black_box(&ndarray::array![2.0, 0.0]),
                Method::Cobyla,
                opts,
            )
            .unwrap()
        })
    });
    g.bench_function("cobyqa_rosen2", |b| {
        b.iter(|| {
            minimize_with(
                rosen,
                black_box(&ndarray::array![-1.2, 1.0]),
                Method::Cobyqa,
                MinimizeOptions::default(),
            )
            .unwrap()
        })
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
    // A 4-parameter Gaussian plus offset fitted to 10 000 points; the
    // "noise" is deterministic so that SciPy sees the same data.
    let x = Array1::linspace(-5.0, 5.0, 10_000);
    let y = x.mapv(|x: f64| gauss4(x, &[2.0, 0.4, 0.7, 0.3]) + 0.05 * (37.0 * x * x).sin());
    let p0 = ndarray::array![1.0, 0.0, 1.0, 0.0];
    let resid = |p: &ArrayRef1<f64>| {
        let q = [p[0], p[1], p[2], p[3]];
        ndarray::Zip::from(&x)
            .and(&y)
            .map_collect(|&x, &y| gauss4(x, &q) - y)
    };
    g.bench_function("least_squares_trf_gauss4_10000", |b| {
        b.iter(|| least_squares(resid, black_box(&p0)).unwrap())
    });
    // The same fit with the analytic Jacobian (one exp per point per call).
    g.bench_function("least_squares_trf_gauss4_10000_jac", |b| {
        b.iter(|| {
            let opts = LeastSquaresOptions {
                jac: Jacobian::Callable(Box::new(|p: &ArrayRef1<f64>| gauss4_jac(&x, p))),
                ..Default::default()
            };
            least_squares_with(resid, black_box(&p0), opts).unwrap()
        })
    });
    g.bench_function("curve_fit_gauss4_10000", |b| {
        b.iter(|| {
            curve_fit(
                |x, p: &ArrayRef1<f64>| gauss4(x, &[p[0], p[1], p[2], p[3]]),
                &x,
                &y,
                black_box(&p0),
            )
            .unwrap()
        })
    });
    g.bench_function("curve_fit_array_gauss4_10000", |b| {
        b.iter(|| {
            curve_fit_array(
                |x: &ArrayRef1<f64>, p: &ArrayRef1<f64>| {
                    let q = [p[0], p[1], p[2], p[3]];
                    x.mapv(|x| gauss4(x, &q))
                },
                &x,
                &y,
                black_box(&p0),
            )
            .unwrap()
        })
    });
    // One model evaluation on the 10 000 points: the floor of the fits
    // above is their evaluation count times this.
    g.bench_function("gauss4_eval_10000", |b| {
        b.iter(|| {
            let q = [2.0, 0.4, 0.7, black_box(0.3)];
            ndarray::Zip::from(&x)
                .and(&y)
                .map_collect(|&x, &y| gauss4(x, &q) - y)
        })
    });
    g.finish();
}

/// The Jacobian of [`gauss4`] at every point (columns ∂/∂a, ∂/∂μ, ∂/∂s, ∂/∂c).
fn gauss4_jac(x: &Array1<f64>, p: &ArrayRef1<f64>) -> ndarray::Array2<f64> {
    use ndarray::ShapeBuilder;
    let (a, mu, s) = (p[0], p[1], p[2]);
    let mut j = ndarray::Array2::zeros((x.len(), 4).f());
    for (i, &xi) in x.iter().enumerate() {
        let z = (xi - mu) / s;
        let e = (-0.5 * z * z).exp();
        j[[i, 0]] = e;
        j[[i, 1]] = a * e * z / s;
        j[[i, 2]] = a * e * z * z / s;
        j[[i, 3]] = 1.0;
    }
    j
}

/// `a·exp(−½((x − μ)/s)²) + c`.
fn gauss4(x: f64, p: &[f64; 4]) -> f64 {
    let z = (x - p[1]) / p[2];
    p[0] * (-0.5 * z * z).exp() + p[3]
}

criterion_group!(benches, bench_optimize);
criterion_main!(benches);
