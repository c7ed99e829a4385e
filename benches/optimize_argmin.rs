//! ferrosci's optimizers against the `argmin` crate's closest solvers on the
//! same problems, start points and (as near as argmin allows) tolerances.
//!
//! Criterion times each side (`optimize_argmin/<workload>/{ferrosci,argmin}`);
//! before that the bench prints one table of iteration and evaluation counts
//! with its own median timings, so that time per iteration and per function
//! evaluation can be compared (a run that stops early is not faster).
//!
//! argmin works on `Vec<f64>` here: its ndarray backend supports ndarray
//! ≤ 0.16 and this crate uses 0.17. Both sides call the same `rosen` and
//! `rosen_der` (argmin's through a borrowed view, no copy of `x`).
//! argmin has no trust-region least-squares solver (`trf`, `lm`); its
//! Gauss–Newton needs a matrix inverse that the `Vec` backend lacks, so
//! `least_squares` and `curve_fit` have no argmin counterpart here.
use argmin::core::{CostFunction, Executor, Gradient, OptimizationResult, State};
use argmin::solver::brent::BrentRoot;
use argmin::solver::linesearch::MoreThuenteLineSearch;
use argmin::solver::neldermead::NelderMead;
use argmin::solver::quasinewton::{BFGS, LBFGS};
use criterion::{Criterion, criterion_group, criterion_main};
use ferrosci::optimize::{
    Method, MinimizeOptions, RootOptions, brentq, minimize, minimize_with, rosen, rosen_der,
};
use ndarray::{Array1, ArrayView1};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn alternating(n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| if i % 2 == 0 { -1.2 } else { 1.0 })
        .collect()
}

/// Rosenbrock for argmin, on the same kernels as ferrosci's side.
struct Rosen;

impl CostFunction for Rosen {
    type Param = Vec<f64>;
    type Output = f64;
    fn cost(&self, p: &Vec<f64>) -> Result<f64, argmin::core::Error> {
        Ok(rosen(&ArrayView1::from(p.as_slice())))
    }
}

impl Gradient for Rosen {
    type Param = Vec<f64>;
    type Gradient = Vec<f64>;
    fn gradient(&self, p: &Vec<f64>) -> Result<Vec<f64>, argmin::core::Error> {
        Ok(rosen_der(&ArrayView1::from(p.as_slice()))
            .into_raw_vec_and_offset()
            .0)
    }
}

/// `cos(x) − x` for argmin's Brent root finder.
struct CosMinusX;

impl CostFunction for CosMinusX {
    type Param = f64;
    type Output = f64;
    fn cost(&self, x: &f64) -> Result<f64, argmin::core::Error> {
        Ok(x.cos() - x)
    }
}

/// What one run reports: iterations, objective evaluations, gradient
/// evaluations (0 where none), final objective (or root).
struct Counts {
    nit: u64,
    nfev: u64,
    ngev: u64,
    f: f64,
}

/// ferrosci's `method` with the exact gradient (BFGS, L-BFGS-B).
fn ours_grad(x0: &Array1<f64>, method: Method) -> Counts {
    let opts = MinimizeOptions {
        jac: Some(Box::new(rosen_der)),
        ..Default::default()
    };
    let r = minimize_with(rosen, x0, method, opts).unwrap();
    Counts {
        nit: r.nit as u64,
        nfev: r.nfev as u64,
        ngev: r.njev as u64,
        f: r.fun,
    }
}

fn ours_nelder_mead(x0: &Array1<f64>) -> Counts {
    let r = minimize(rosen, x0, Method::NelderMead).unwrap();
    Counts {
        nit: r.nit as u64,
        nfev: r.nfev as u64,
        ngev: 0,
        f: r.fun,
    }
}

fn ours_brentq() -> Counts {
    let r = brentq(
        |x| x.cos() - x,
        black_box(0.0),
        1.0,
        &RootOptions::default(),
    )
    .unwrap();
    Counts {
        nit: r.iterations as u64,
        nfev: r.function_calls as u64,
        ngev: 0,
        f: r.root,
    }
}

/// Counts from an argmin run (its problem counts every call).
fn argmin_counts<O, S: State<Float = f64>>(r: &OptimizationResult<O, impl Sized, S>) -> Counts {
    let c = &r.problem.counts;
    Counts {
        nit: r.state.get_iter(),
        nfev: c.get("cost_count").copied().unwrap_or(0),
        ngev: c.get("gradient_count").copied().unwrap_or(0),
        f: r.state.get_cost(),
    }
}

/// argmin BFGS, Moré–Thuente line search (c₁ = 1e-4, c₂ = 0.9 as SciPy's
/// BFGS), `H₀ = I`, stop at ‖g‖₂ < 1e-5 (SciPy: ‖g‖∞ ≤ 1e-5) or at no
/// change in f; SciPy's `maxiter = 200·n`.
fn argmin_bfgs(x0: &[f64]) -> Counts {
    let n = x0.len();
    let ls = MoreThuenteLineSearch::new().with_c(1e-4, 0.9).unwrap();
    let solver = BFGS::new(ls)
        .with_tolerance_grad(1e-5)
        .unwrap()
        .with_tolerance_cost(0.0)
        .unwrap();
    let eye: Vec<Vec<f64>> = (0..n)
        .map(|i| (0..n).map(|j| f64::from(i == j)).collect())
        .collect();
    let r = Executor::new(Rosen, solver)
        .configure(|s| {
            s.param(x0.to_vec())
                .inv_hessian(eye)
                .max_iters(200 * n as u64)
        })
        .run()
        .unwrap();
    argmin_counts(&r)
}

/// argmin L-BFGS, memory 10, Moré–Thuente with L-BFGS-B's c₁ = 1e-3,
/// c₂ = 0.9; stop at ‖g‖₂ < 1e-5 or |Δf| < 2.2e-9 (L-BFGS-B: ‖g‖∞ ≤ 1e-5
/// or relative Δf ≤ 2.2e-9); L-BFGS-B's `maxiter = 15000`.
fn argmin_lbfgs(x0: &[f64]) -> Counts {
    let ls = MoreThuenteLineSearch::new().with_c(1e-3, 0.9).unwrap();
    let solver = LBFGS::new(ls, 10)
        .with_tolerance_grad(1e-5)
        .unwrap()
        .with_tolerance_cost(2.220446049250313e-09)
        .unwrap();
    let r = Executor::new(Rosen, solver)
        .configure(|s| s.param(x0.to_vec()).max_iters(15000))
        .run()
        .unwrap();
    argmin_counts(&r)
}

/// argmin Nelder–Mead from SciPy's initial simplex (each coordinate of x0
/// moved by 5 %), stopping when the standard deviation of the simplex's
/// values is below 1e-4 (SciPy: spread of f and of x both ≤ 1e-4);
/// SciPy's `maxiter = 200·n`.
fn argmin_nelder_mead(x0: &[f64]) -> Counts {
    let n = x0.len();
    let mut simplex = vec![x0.to_vec()];
    for k in 0..n {
        let mut v = x0.to_vec();
        v[k] = if v[k] != 0.0 { 1.05 * v[k] } else { 0.00025 };
        simplex.push(v);
    }
    let solver = NelderMead::new(simplex).with_sd_tolerance(1e-4).unwrap();
    let r = Executor::new(Rosen, solver)
        .configure(|s| s.max_iters(200 * n as u64))
        .run()
        .unwrap();
    argmin_counts(&r)
}

/// argmin Brent root on [0, 1] with tol 2e-12: its stopping width
/// `2ε|b| + tol/2` is brentq's `(xtol + 4ε|x|)/2` at SciPy's defaults.
fn argmin_brent() -> Counts {
    let r = Executor::new(CosMinusX, BrentRoot::new(black_box(0.0), 1.0, 2e-12))
        .configure(|s| s.max_iters(100))
        .run()
        .unwrap();
    let mut c = argmin_counts(&r);
    c.f = *r.state.get_best_param().unwrap();
    c
}

/// Median wall time of `f` over enough runs to fill about `budget`.
fn median_time(mut f: impl FnMut(), budget: Duration) -> f64 {
    let t0 = Instant::now();
    f();
    let one = t0.elapsed().as_secs_f64().max(1e-7);
    let runs = ((budget.as_secs_f64() / one) as usize).clamp(5, 2001);
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            f();
            s.elapsed().as_secs_f64()
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

fn fmt(sec: f64) -> String {
    if sec >= 1e-3 {
        format!("{:.3} ms", sec * 1e3)
    } else {
        format!("{:.3} µs", sec * 1e6)
    }
}

/// The counts table (own median timings; see the module docs).
fn print_table() {
    let x10 = alternating(10);
    let x1000 = alternating(1000);
    let x2 = alternating(2);
    let (a10, a1000, a2) = (
        Array1::from(x10.clone()),
        Array1::from(x1000.clone()),
        Array1::from(x2.clone()),
    );
    let budget = Duration::from_millis(1500);
    type Run<'a> = Box<dyn Fn() -> Counts + 'a>;
    let rows: Vec<(&str, &str, Run<'_>)> = vec![
        (
            "BFGS 10-D",
            "ferrosci",
            Box::new(|| ours_grad(&a10, Method::Bfgs)),
        ),
        ("BFGS 10-D", "argmin", Box::new(|| argmin_bfgs(&x10))),
        (
            "L-BFGS(-B) 1000-D",
            "ferrosci",
            Box::new(|| ours_grad(&a1000, Method::LBfgsB)),
        ),
        (
            "L-BFGS(-B) 1000-D",
            "argmin",
            Box::new(|| argmin_lbfgs(&x1000)),
        ),
        (
            "Nelder-Mead 2-D",
            "ferrosci",
            Box::new(|| ours_nelder_mead(&a2)),
        ),
        (
            "Nelder-Mead 2-D",
            "argmin",
            Box::new(|| argmin_nelder_mead(&x2)),
        ),
        ("brentq cos(x)−x", "ferrosci", Box::new(ours_brentq)),
        ("brentq cos(x)−x", "argmin", Box::new(argmin_brent)),
    ];
    println!(
        "\n| workload | crate | time/run | nit | nfev | ngev | final f (root) | time/iter | time/eval |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (w, who, run) in &rows {
        let c = run();
        let t = median_time(
            || {
                black_box(run());
            },
            budget,
        );
        let evals = c.nfev.max(c.ngev).max(1);
        println!(
            "| {w} | {who} | {} | {} | {} | {} | {:.3e} | {} | {} |",
            fmt(t),
            c.nit,
            c.nfev,
            c.ngev,
            c.f,
            fmt(t / c.nit.max(1) as f64),
            fmt(t / evals as f64),
        );
    }
    println!();
}

fn bench_vs_argmin(c: &mut Criterion) {
    print_table();
    let mut g = c.benchmark_group("optimize_argmin");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    let x10 = alternating(10);
    let a10 = Array1::from(x10.clone());
    g.bench_function("bfgs_rosen10_jac/ferrosci", |b| {
        b.iter(|| ours_grad(black_box(&a10), Method::Bfgs))
    });
    g.bench_function("bfgs_rosen10_jac/argmin", |b| {
        b.iter(|| argmin_bfgs(black_box(&x10)))
    });
    let x1000 = alternating(1000);
    let a1000 = Array1::from(x1000.clone());
    g.bench_function("lbfgs_rosen1000_jac/ferrosci", |b| {
        b.iter(|| ours_grad(black_box(&a1000), Method::LBfgsB))
    });
    g.bench_function("lbfgs_rosen1000_jac/argmin", |b| {
        b.iter(|| argmin_lbfgs(black_box(&x1000)))
    });
    let x2 = alternating(2);
    let a2 = Array1::from(x2.clone());
    g.bench_function("nelder_mead_rosen2/ferrosci", |b| {
        b.iter(|| ours_nelder_mead(black_box(&a2)))
    });
    g.bench_function("nelder_mead_rosen2/argmin", |b| {
        b.iter(|| argmin_nelder_mead(black_box(&x2)))
    });
    g.bench_function("brentq_cos/ferrosci", |b| b.iter(ours_brentq));
    g.bench_function("brentq_cos/argmin", |b| b.iter(argmin_brent));
    g.finish();
}

criterion_group!(benches, bench_vs_argmin);
criterion_main!(benches);
