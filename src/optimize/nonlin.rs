//! Large-scale nonlinear solvers `F(x) = 0` (SciPy `scipy.optimize`'s
//! `broyden1`, `broyden2`, `anderson`, `linearmixing`, `diagbroyden`,
//! `excitingmixing`, `newton_krylov`, and `root`'s methods of those names).
//!
//! All share one outer iteration: a step `dx = −J⁻¹F(x)` from an
//! approximate Jacobian, a line search on `‖F‖²` (Armijo backtracking or
//! Moré–Thuente's strong-Wolfe search), then a
//! Jacobian update from the secant pair `(Δx, ΔF)`. They differ in `J`:
//! Broyden's rank-one updates of the inverse (good and bad Broyden),
//! Anderson mixing over the last `M` steps, diagonal and scalar
//! approximations, or Jacobian-vector products by finite differences
//! solved with (L)GMRES (Newton–Krylov, Knoll & Keyes 2004).
//!
//! Termination (SciPy's): stop when `‖F‖ ≤ f_tol`, `‖F‖ ≤ f_rtol·‖F₀‖`,
//! `‖dx‖ ≤ x_tol` and `‖dx‖ ≤ x_rtol·‖x‖` all hold (norm `tol_norm`,
//! max-norm by default; `f_tol = ε^⅓`, the others off).

use super::lsq_common::ResidualFn;
use super::newton_krylov::Krylov;
use super::nonlin_search::{NonlinLineSearch, search};
use super::trust_region::norm2;
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef1};
use std::collections::VecDeque;

/// Norm used in the termination test (SciPy `tol_norm`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TolNorm {
    /// `max |vᵢ|` (SciPy's default).
    #[default]
    Max,
    /// The Euclidean norm.
    L2,
}

impl TolNorm {
    fn of(self, v: &Array1<f64>) -> f64 {
        match self {
            TolNorm::Max => v.iter().fold(0.0f64, |m, x| {
                if x.is_nan() || m.is_nan() {
                    f64::NAN
                } else {
                    m.max(x.abs())
                }
            }),
            TolNorm::L2 => norm2(v),
        }
    }
}

/// How Broyden's methods keep the rank of their update bounded (SciPy
/// `reduction_method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReductionMethod {
    /// Drop all updates when the rank would exceed `max_rank` (default).
    #[default]
    Restart,
    /// Drop the oldest update.
    Simple,
}

/// The inner linear solver of [`newton_krylov`] (SciPy `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KrylovMethod {
    /// GMRES augmented with the previous corrections (LGMRES: 30 inner
    /// steps including up to `outer_k` kept vectors; default).
    #[default]
    Lgmres,
    /// GMRES restarted never, `inner_maxiter` steps.
    Gmres,
}

/// Keywords of the nonlinear solvers (SciPy's keyword arguments of
/// `broyden1`, `anderson`, `newton_krylov`, ...; in `root`, `fatol` is
/// `f_tol`, `ftol` is `f_rtol`, `xatol` is `x_tol`, `xtol` is `x_rtol`,
/// `nit` is `iter`, and the `jac_options` are the method fields here).
/// `Default` is SciPy's; each method reads the fields that belong to it.
#[derive(Debug, Clone, PartialEq)]
pub struct NonlinOptions {
    /// Make exactly this many iterations and stop, converged or not (SciPy `iter`).
    pub iter: Option<usize>,
    /// Iteration cap (SciPy `maxiter`; `None`: `100·(n+1)`).
    pub maxiter: Option<usize>,
    /// Absolute tolerance on the residual (SciPy `f_tol`; `None`: `ε^⅓ ≈ 6e-6`).
    pub f_tol: Option<f64>,
    /// Relative tolerance on the residual (SciPy `f_rtol`; `None`: off).
    pub f_rtol: Option<f64>,
    /// Absolute step tolerance (SciPy `x_tol`; `None`: off).
    pub x_tol: Option<f64>,
    /// Relative step tolerance (SciPy `x_rtol`; `None`: off).
    pub x_rtol: Option<f64>,
    /// Norm of the termination tests (SciPy `tol_norm`).
    pub tol_norm: TolNorm,
    /// Line search on `‖F‖²` (SciPy `line_search`: Armijo by default);
    /// `None` takes full steps (SciPy `None`).
    pub line_search: Option<NonlinLineSearch>,
    /// Initial Jacobian guess `−1/α` (Broyden, Anderson, mixing methods;
    /// `None`: `α = ½·max(‖x₀‖, 1)/‖F(x₀)‖`, as SciPy).
    pub alpha: Option<f64>,
    /// Rank control of Broyden's update (broyden1/2).
    pub reduction_method: ReductionMethod,
    /// Largest rank of Broyden's update (broyden1/2; `None`: unbounded).
    pub max_rank: Option<usize>,
    /// Regularisation weight (anderson `w0`, default 0.01).
    pub w0: f64,
    /// Number of previous steps kept (anderson `M`, default 5).
    pub m: usize,
    /// Largest mixing coefficient (excitingmixing `alphamax`, default 1).
    pub alphamax: f64,
    /// Relative finite-difference step (newton_krylov `rdiff`; `None`: √ε).
    pub rdiff: Option<f64>,
    /// Inner linear solver (newton_krylov `method`).
    pub method: KrylovMethod,
    /// Inner iterations for GMRES (newton_krylov `inner_maxiter`, 20).
    pub inner_maxiter: usize,
    /// Corrections kept between LGMRES solves (newton_krylov `outer_k`, 10).
    pub outer_k: usize,
}

impl Default for NonlinOptions {
    fn default() -> Self {
        NonlinOptions {
            iter: None,
            maxiter: None,
            f_tol: None,
            f_rtol: None,
            x_tol: None,
            x_rtol: None,
            tol_norm: TolNorm::Max,
            line_search: Some(NonlinLineSearch::Armijo),
            alpha: None,
            reduction_method: ReductionMethod::Restart,
            max_rank: None,
            w0: 0.01,
            m: 5,
            alphamax: 1.0,
            rdiff: None,
            method: KrylovMethod::Lgmres,
            inner_maxiter: 20,
            outer_k: 10,
        }
    }
}

/// Which Jacobian approximation a nonlinear solve uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NonlinKind {
    Broyden1,
    Broyden2,
    Anderson,
    LinearMixing,
    DiagBroyden,
    ExcitingMixing,
    Krylov,
}

/// Outcome of a nonlinear solve.
pub(crate) struct NonlinOutcome {
    pub(crate) x: Array1<f64>,
    pub(crate) fun: Array1<f64>,
    pub(crate) nit: usize,
    pub(crate) nfev: usize,
    /// 1 converged, 2 iteration cap, 3 the Jacobian solve gave a zero or
    /// non-finite step.
    pub(crate) status: i32,
}

impl NonlinOutcome {
    pub(crate) fn message(&self) -> &'static str {
        match self.status {
            1 => "A solution was found at the specified tolerance.",
            2 => "The maximum number of iterations allowed has been reached.",
            _ => "Jacobian inversion yielded a zero or non-finite step.",
        }
    }
}

/// The counted residual function.
pub(crate) struct Counted<'f, 'a> {
    f: &'f mut ResidualFn<'a>,
    nfev: usize,
}

impl Counted<'_, '_> {
    pub(crate) fn call(&mut self, x: &Array1<f64>) -> Array1<f64> {
        self.nfev += 1;
        let v = (self.f)(x);
        if v.len() == x.len() {
            v
        } else {
            Array1::from_elem(x.len(), f64::NAN)
        }
    }
}

/// The approximate Jacobian's state.
enum Jac {
    /// Inverse-Jacobian `G = α₀ I + Σ cᵢ dᵢᵀ` (α₀ = −α), or dense once the
    /// rank passes `n`.
    Broyden {
        second: bool,
        alpha: f64,
        cs: Vec<Array1<f64>>,
        ds: Vec<Array1<f64>>,
        dense: Option<Array2<f64>>,
        max_rank: usize,
        reduction: ReductionMethod,
    },
    Anderson {
        alpha: f64,
        w0: f64,
        m: usize,
        dx: VecDeque<Array1<f64>>,
        df: VecDeque<Array1<f64>>,
    },
    Linear(f64),
    Diag(Array1<f64>),
    Exciting {
        alpha: f64,
        alphamax: f64,
        beta: Array1<f64>,
    },
    Krylov(Krylov),
}

/// `G v` and `Gᵀ v` of Broyden's low-rank inverse.
fn lowrank(alpha: f64, cs: &[Array1<f64>], ds: &[Array1<f64>], v: &Array1<f64>) -> Array1<f64> {
    let mut w = v * alpha;
    for (c, d) in cs.iter().zip(ds) {
        w.scaled_add(d.dot(v), c);
    }
    w
}

impl Jac {
    fn new(kind: NonlinKind, o: &NonlinOptions, x0: &Array1<f64>, f0: &Array1<f64>) -> Jac {
        let n = x0.len();
        let alpha = o.alpha.unwrap_or_else(|| {
            let nf = norm2(f0);
            if nf != 0.0 {
                0.5 * norm2(x0).max(1.0) / nf
            } else {
                1.0
            }
        });
        match kind {
            NonlinKind::Broyden1 | NonlinKind::Broyden2 => Jac::Broyden {
                second: kind == NonlinKind::Broyden2,
                alpha,
                cs: Vec::new(),
                ds: Vec::new(),
                dense: None,
                max_rank: o.max_rank.unwrap_or(usize::MAX),
                reduction: o.reduction_method,
            },
            NonlinKind::Anderson => Jac::Anderson {
                alpha,
                w0: o.w0,
                m: o.m,
                dx: VecDeque::new(),
                df: VecDeque::new(),
            },
            NonlinKind::LinearMixing => Jac::Linear(alpha),
            NonlinKind::DiagBroyden => Jac::Diag(Array1::from_elem(n, 1.0 / alpha)),
            NonlinKind::ExcitingMixing => Jac::Exciting {
                alpha,
                alphamax: o.alphamax,
                beta: Array1::from_elem(n, alpha),
            },
            NonlinKind::Krylov => {
                let mut k = Krylov {
                    x0: x0.clone(),
                    f0: f0.clone(),
                    rdiff: o.rdiff.unwrap_or(f64::EPSILON.sqrt()),
                    omega: 0.0,
                    method: o.method,
                    inner_maxiter: o.inner_maxiter,
                    outer_k: o.outer_k,
                    outer: VecDeque::new(),
                    failed: false,
                };
                k.update_step();
                Jac::Krylov(k)
            }
        }
    }

    /// `J⁻¹ f` (to relative accuracy `tol` for Newton–Krylov).
    fn solve(&mut self, f: &Array1<f64>, tol: f64, fun: &mut Counted<'_, '_>) -> Array1<f64> {
        match self {
            Jac::Broyden {
                alpha,
                cs,
                ds,
                dense,
                ..
            } => {
                let apply =
                    |cs: &[Array1<f64>], ds: &[Array1<f64>], dense: &Option<Array2<f64>>| {
                        match dense {
                            Some(g) => g.dot(f),
                            None => lowrank(-*alpha, cs, ds, f),
                        }
                    };
                let r = apply(cs, ds, dense);
                if r.iter().all(|v| v.is_finite()) {
                    return r;
                }
                // A broken update: start again from −α⁻¹ I (as SciPy).
                cs.clear();
                ds.clear();
                *dense = None;
                apply(cs, ds, dense)
            }
            Jac::Anderson {
                alpha, dx, df, w0, ..
            } => {
                let mut out = f * -*alpha;
                let k = dx.len();
                if k == 0 {
                    return out;
                }
                let mut a = Array2::zeros((k, k));
                for i in 0..k {
                    for j in i..k {
                        let wd = if i == j { *w0 * *w0 } else { 0.0 };
                        a[[i, j]] = (1.0 + wd) * df[i].dot(&df[j]);
                        a[[j, i]] = a[[i, j]];
                    }
                }
                let rhs = Array1::from_shape_fn(k, |i| df[i].dot(f));
                match crate::linalg::solve(&a, &rhs) {
                    Ok(gamma) if gamma.iter().all(|v| v.is_finite()) => {
                        for m in 0..k {
                            out.scaled_add(gamma[m], &dx[m]);
                            out.scaled_add(gamma[m] * *alpha, &df[m]);
                        }
                        out
                    }
                    _ => {
                        dx.clear();
                        df.clear();
                        out
                    }
                }
            }
            Jac::Linear(alpha) => f * -*alpha,
            Jac::Diag(d) => -(f / &*d),
            Jac::Exciting { beta, .. } => -(f * &*beta),
            Jac::Krylov(k) => k.solve(f, tol, fun),
        }
    }

    /// The secant update with the step `dx` and the change `df`, at the
    /// new point `(x, f)` whose previous residual was `f_old`.
    fn update(
        &mut self,
        x: &Array1<f64>,
        f: &Array1<f64>,
        dx: &Array1<f64>,
        df: &Array1<f64>,
        f_old: &Array1<f64>,
    ) {
        match self {
            Jac::Broyden {
                second,
                alpha,
                cs,
                ds,
                dense,
                max_rank,
                reduction,
            } => {
                // Reduce first, so that the new pair satisfies the secant equation.
                if dense.is_none() {
                    let rank = max_rank.saturating_sub(1).max(1);
                    match reduction {
                        ReductionMethod::Restart if cs.len() > rank => {
                            cs.clear();
                            ds.clear();
                        }
                        ReductionMethod::Simple => {
                            while cs.len() > rank {
                                cs.remove(0);
                                ds.remove(0);
                            }
                        }
                        _ => {}
                    }
                }
                let a0 = -*alpha;
                let gdf = match dense {
                    Some(g) => g.dot(df),
                    None => lowrank(a0, cs, ds, df),
                };
                let c = dx - &gdf;
                let d = if *second {
                    df / df.dot(df)
                } else {
                    // Good Broyden: d = Gᵀdx / (dfᵀ Gᵀ dx).
                    let v = match dense {
                        Some(g) => g.t().dot(dx),
                        None => lowrank(a0, ds, cs, dx),
                    };
                    &v / df.dot(&v)
                };
                match dense {
                    Some(g) => {
                        for i in 0..c.len() {
                            for j in 0..d.len() {
                                g[[i, j]] += c[i] * d[j];
                            }
                        }
                    }
                    None => {
                        cs.push(c);
                        ds.push(d);
                        let n = x.len();
                        if cs.len() > n {
                            let mut g = Array2::<f64>::eye(n) * a0;
                            for (c, d) in cs.iter().zip(ds.iter()) {
                                for i in 0..n {
                                    for j in 0..n {
                                        g[[i, j]] += c[i] * d[j];
                                    }
                                }
                            }
                            cs.clear();
                            ds.clear();
                            *dense = Some(g);
                        }
                    }
                }
            }
            Jac::Anderson {
                m, dx: xs, df: fs, ..
            } => {
                if *m == 0 {
                    return;
                }
                xs.push_back(dx.clone());
                fs.push_back(df.clone());
                while xs.len() > *m {
                    xs.pop_front();
                    fs.pop_front();
                }
            }
            Jac::Linear(_) => {}
            Jac::Diag(d) => {
                let dxn2 = dx.dot(dx);
                let corr = (df + &(&*d * dx)) * dx / dxn2;
                *d -= &corr;
            }
            Jac::Exciting {
                alpha,
                alphamax,
                beta,
            } => {
                for i in 0..beta.len() {
                    beta[i] = if f[i] * f_old[i] > 0.0 {
                        beta[i] + *alpha
                    } else {
                        *alpha
                    };
                    beta[i] = beta[i].clamp(0.0, *alphamax);
                }
            }
            Jac::Krylov(k) => {
                k.x0 = x.clone();
                k.f0 = f.clone();
                k.update_step();
            }
        }
    }
}

/// SciPy's termination test; 1 converged, 2 `iter` reached, 0 go on.
struct Termination {
    f_tol: f64,
    f_rtol: f64,
    x_tol: f64,
    x_rtol: f64,
    iter: Option<usize>,
    norm: TolNorm,
    f0_norm: Option<f64>,
    iteration: usize,
}

impl Termination {
    fn check(&mut self, f: &Array1<f64>, x: &Array1<f64>, dx: &Array1<f64>) -> i32 {
        self.iteration += 1;
        let f_norm = self.norm.of(f);
        let x_norm = self.norm.of(x);
        let dx_norm = self.norm.of(dx);
        let f0 = *self.f0_norm.get_or_insert(f_norm);
        if f_norm == 0.0 {
            return 1;
        }
        if let Some(it) = self.iter {
            return if self.iteration > it { 2 } else { 0 };
        }
        // Written as SciPy's: with x_rtol = ∞ the first test (dx = ∞) is NaN.
        let ok = f_norm <= self.f_tol
            && f_norm / self.f_rtol <= f0
            && dx_norm <= self.x_tol
            && dx_norm / self.x_rtol <= x_norm;
        i32::from(ok)
    }
}

/// Validates the shared keywords.
pub(crate) fn check_options(o: &NonlinOptions) -> Result<()> {
    for (name, v) in [
        ("f_tol", o.f_tol),
        ("f_rtol", o.f_rtol),
        ("x_tol", o.x_tol),
        ("x_rtol", o.x_rtol),
        ("rdiff", o.rdiff),
    ] {
        if let Some(v) = v {
            check::non_negative(name, v)?;
        }
    }
    if let Some(a) = o.alpha
        && (!a.is_finite() || a == 0.0)
    {
        return Err(check::invalid(
            "alpha",
            format!("must be finite and non-zero, got {a}"),
        ));
    }
    if o.max_rank == Some(0) {
        return Err(check::invalid("max_rank", "must be at least 1"));
    }
    check::non_negative("w0", o.w0)?;
    check::non_negative("alphamax", o.alphamax)?;
    Ok(())
}

/// The shared outer iteration (SciPy `nonlin_solve`), from `x0` with
/// `f0 = F(x0)` already evaluated and checked.
pub(crate) fn nonlin_solve(
    fun: &mut ResidualFn<'_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    kind: NonlinKind,
    o: &NonlinOptions,
) -> NonlinOutcome {
    let n = x0.len();
    let mut fun = Counted { f: fun, nfev: 1 };
    let mut cond = Termination {
        f_tol: o.f_tol.unwrap_or(f64::EPSILON.cbrt()),
        f_rtol: o.f_rtol.unwrap_or(f64::INFINITY),
        x_tol: o.x_tol.unwrap_or(f64::INFINITY),
        x_rtol: o.x_rtol.unwrap_or(f64::INFINITY),
        iter: o.iter,
        norm: o.tol_norm,
        f0_norm: None,
        iteration: 0,
    };
    let maxiter = o
        .maxiter
        .unwrap_or_else(|| o.iter.map_or(100 * (n + 1), |i| i + 1));
    let mut jac = Jac::new(kind, o, &x0, &f0);
    let (mut x, mut f) = (x0, f0);
    let mut fnorm = norm2(&f);
    let mut dx = Array1::from_elem(n, f64::INFINITY);
    // Forcing term of the inexact (Krylov) solves, Eisenstat–Walker style.
    let (gamma, eta_max, eta_threshold): (f64, f64, f64) = (0.9, 0.9999, 0.1);
    let mut eta: f64 = 1e-3;
    let mut status = 2;
    for _ in 0..maxiter {
        let s = cond.check(&f, &x, &dx);
        if s != 0 {
            status = s;
            break;
        }
        let tol = eta.min(eta * fnorm);
        dx = -jac.solve(&f, tol, &mut fun);
        let dxn = norm2(&dx);
        if dxn == 0.0 || !dxn.is_finite() || matches!(&jac, Jac::Krylov(k) if k.failed) {
            status = 3;
            break;
        }
        let (x_new, f_new) = if let Some(kind) = o.line_search {
            let (s, last) = search(kind, &mut fun, &x, &dx, fnorm * fnorm);
            // No acceptable step: take the full one and hope (as SciPy).
            let s = s.unwrap_or(1.0);
            let x_new = &x + &(&dx * s);
            let f_new = match last {
                Some((ls, v)) if ls == s => v,
                _ => fun.call(&x_new),
            };
            (x_new, f_new)
        } else {
            let x_new = &x + &dx;
            let f_new = fun.call(&x_new);
            (x_new, f_new)
        };
        let step = &x_new - &x;
        let df = &f_new - &f;
        jac.update(&x_new, &f_new, &step, &df, &f);
        let fnorm_new = norm2(&f_new);
        let eta_a = gamma * fnorm_new * fnorm_new / (fnorm * fnorm);
        eta = if gamma * eta * eta < eta_threshold {
            eta_max.min(eta_a)
        } else {
            eta_max.min(eta_a.max(gamma * eta * eta))
        };
        x = x_new;
        f = f_new;
        fnorm = fnorm_new;
    }
    NonlinOutcome {
        x,
        fun: f,
        nit: cond.iteration,
        nfev: fun.nfev,
        status,
    }
}

/// Checks `x0` and `F(x0)` and runs the solver.
pub(crate) fn run(
    fun: &mut ResidualFn<'_>,
    x0: &ArrayRef1<f64>,
    kind: NonlinKind,
    o: &NonlinOptions,
) -> Result<NonlinOutcome> {
    check::nonempty("xin", x0)?;
    check::finite("xin", x0)?;
    check_options(o)?;
    let f0 = fun(x0);
    if f0.len() != x0.len() {
        return Err(Error::ShapeMismatch {
            name: "F",
            expected: vec![x0.len()],
            got: vec![f0.len()],
        });
    }
    if f0.iter().any(|v| !v.is_finite()) {
        return Err(check::invalid("F", "not finite at the initial point"));
    }
    Ok(nonlin_solve(fun, x0.to_owned(), f0, kind, o))
}
