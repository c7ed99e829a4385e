//! Systems of nonlinear equations `F(x) = 0` (SciPy `root`, `fsolve`).
//!
//! `hybr` is Powell's hybrid method in the manner of MINPACK's `hybrd`
//! (Moré, Garbow, Hillstrom, *User Guide for MINPACK-1*, 1980): a dogleg
//! between the Gauss–Newton step and the scaled steepest-descent step inside
//! a trust region `‖D p‖ ≤ Δ`, a forward-difference Jacobian recomputed only
//! when progress stalls, and Broyden rank-one updates in between. `lm` is
//! the Levenberg–Marquardt solver of [`least_squares`](super::least_squares)
//! applied to `F` with MINPACK `leastsq`'s defaults.

use super::dfsane::DfSaneOptions;
use super::lm::{LmSettings, fd_jacobian, lm};
use super::lsq_common::{JacSource, ResidualFn, call_fun};
use super::nonlin::{NonlinKind, NonlinOptions};
use crate::linalg::qr;
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef1};

/// The algorithm of [`root_with`] (SciPy `method=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum RootMethod {
    /// Powell's hybrid method, MINPACK `hybrd` (SciPy `'hybr'`, default).
    #[default]
    Hybr,
    /// Levenberg–Marquardt least squares, MINPACK `lmdif` (SciPy `'lm'`).
    Lm,
    /// Broyden's good method (SciPy `'broyden1'`); keywords in `RootOptionsNd::nonlin`.
    Broyden1,
    /// Broyden's bad method (SciPy `'broyden2'`).
    Broyden2,
    /// Anderson mixing (SciPy `'anderson'`).
    Anderson,
    /// Scalar Jacobian `−1/α` (SciPy `'linearmixing'`).
    LinearMixing,
    /// Diagonal Broyden (SciPy `'diagbroyden'`).
    DiagBroyden,
    /// Tuned diagonal mixing (SciPy `'excitingmixing'`).
    ExcitingMixing,
    /// Newton–Krylov with (L)GMRES inner solves (SciPy `'krylov'`).
    Krylov,
    /// Derivative-free spectral residual method (SciPy `'df-sane'`);
    /// keywords in `RootOptionsNd::dfsane`, budget `maxfev` (default 1000).
    DfSane,
}

/// Keywords of [`root_with`] and [`fsolve_with`]; `Default` is SciPy's.
#[derive(Debug, Clone, PartialEq)]
pub struct RootOptionsNd {
    /// Relative tolerance on `x` between iterates (SciPy `xtol`, 1.49012e-8).
    pub xtol: f64,
    /// Budget of `F` evaluations, finite differences included (SciPy
    /// `maxfev`; `None`: `200·(n+1)`, MINPACK's default without a Jacobian).
    pub maxfev: Option<usize>,
    /// Relative finite-difference step squared (SciPy `epsfcn`; `None`: ε).
    pub epsfcn: Option<f64>,
    /// Initial trust-region radius factor (SciPy `factor`, 100).
    pub factor: f64,
    /// Variable scales (SciPy `diag`); `None`: the Jacobian's column norms.
    pub diag: Option<Array1<f64>>,
    /// Keywords of the quasi-Newton and Krylov methods (SciPy's `nit`,
    /// `maxiter`, `fatol`, `ftol`, `xatol`, `xtol`, `tol_norm`,
    /// `line_search` and `jac_options`, under the names of the standalone
    /// functions: `f_tol`, `f_rtol`, `x_tol`, `x_rtol`, ...).
    pub nonlin: NonlinOptions,
    /// Keywords of `df-sane`.
    pub dfsane: DfSaneOptions,
}

impl Default for RootOptionsNd {
    fn default() -> Self {
        RootOptionsNd {
            xtol: 1.49012e-8,
            maxfev: None,
            epsfcn: None,
            factor: 100.0,
            diag: None,
            nonlin: NonlinOptions::default(),
            dfsane: DfSaneOptions::default(),
        }
    }
}

/// Result of [`root`] / [`fsolve`] (SciPy `OptimizeResult` of `root` and
/// the `infodict` of `fsolve(full_output=True)`).
#[derive(Debug, Clone)]
pub struct RootResult {
    /// The solution (last iterate).
    pub x: Array1<f64>,
    /// `F(x)` (SciPy `fun`, `infodict['fvec']`).
    pub fun: Array1<f64>,
    /// Evaluations of `F`, finite differences included.
    pub nfev: usize,
    /// Jacobian evaluations (finite-difference ones, for `hybr`).
    pub njev: usize,
    /// Orthogonal factor `Q` of the final Jacobian approximation `Q R`
    /// (SciPy `fjac`).
    pub fjac: Array2<f64>,
    /// Upper triangle of `R`, packed by rows (SciPy `r`).
    pub r: Array1<f64>,
    /// `Qᵀ F(x)` (SciPy `qtf`).
    pub qtf: Array1<f64>,
    /// MINPACK's `info`/`ier`. `hybr`: 1 converged; 2 `maxfev` reached;
    /// 3 `xtol` too small; 4, 5 no progress (Jacobian evaluations,
    /// iterations). `lm`: 1–4 converged (by ftol, xtol, both, gtol);
    /// 5 `maxfev` reached; 6–8 tolerances too small.
    /// Quasi-Newton and Krylov methods: 1 converged, 2 `maxiter` (or
    /// `nit`) reached, 3 the Jacobian solve gave a zero or non-finite step.
    /// `df-sane`: 1 converged, 2 `maxfev` reached. (`fjac`, `r`, `qtf` are
    /// empty for these methods.)
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
    /// The method that produced this result (SciPy `method`).
    pub method: RootMethod,
    /// Iterations (SciPy `nit`; 0 for `hybr` and `lm`, which do not report them).
    pub nit: usize,
}

impl RootResult {
    /// Whether the solver converged (SciPy `success`): `status == 1` for
    /// `hybr`, `status` in 1..=4 for `lm` (MINPACK `leastsq`'s `ier`).
    pub fn success(&self) -> bool {
        match self.method {
            RootMethod::Hybr => self.status == 1,
            RootMethod::Lm => (1..=4).contains(&self.status),
            _ => self.status == 1,
        }
    }
}

fn hybr_message(info: i32, maxfev: usize, xtol: f64) -> String {
    match info {
        1 => "The solution converged.".into(),
        2 => format!("The number of calls to function has reached maxfev = {maxfev}."),
        3 => format!(
            "xtol={xtol:.6} is too small, no further improvement in the approximate\n  solution is possible."
        ),
        4 => "The iteration is not making good progress, as measured by the \n  improvement from the last five Jacobian evaluations.".into(),
        _ => "The iteration is not making good progress, as measured by the \n  improvement from the last ten iterations.".into(),
    }
}

fn norm(v: &ArrayRef1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// MINPACK's dogleg: the point on the path from the scaled Cauchy point to
/// the Gauss–Newton point where `‖D p‖ = Δ` (or the Gauss–Newton point if
/// it lies inside). Solves with `R` (upper triangular) and `qtf = Qᵀ F`.
fn dogleg(r: &Array2<f64>, diag: &Array1<f64>, qtf: &Array1<f64>, delta: f64) -> Array1<f64> {
    let n = qtf.len();
    // Gauss–Newton: R x = qtf by back substitution, zero pivots replaced by
    // a tiny multiple of the largest diagonal entry.
    let rmax = (0..n).fold(0.0f64, |a, j| a.max(r[[j, j]].abs()));
    let tiny = f64::EPSILON * if rmax == 0.0 { 1.0 } else { rmax };
    let mut xg = Array1::zeros(n);
    for j in (0..n).rev() {
        let mut s = qtf[j];
        for k in j + 1..n {
            s -= r[[j, k]] * xg[k];
        }
        let d = if r[[j, j]] == 0.0 { tiny } else { r[[j, j]] };
        xg[j] = s / d;
    }
    let qnorm = norm(&(diag * &xg));
    if qnorm <= delta {
        return -xg;
    }
    // Scaled gradient direction Rᵀ qtf / D.
    let mut g = r.t().dot(qtf) / diag;
    let gnorm = norm(&g);
    let mut sgnorm = 0.0;
    let mut alpha = delta / qnorm;
    if gnorm != 0.0 {
        g.mapv_inplace(|v| v / gnorm);
        g /= diag;
        let rg = r.dot(&g);
        let t = norm(&rg);
        sgnorm = (gnorm / t) / t;
        alpha = 0.0;
        if sgnorm < delta {
            let bnorm = norm(qtf);
            let dq = delta / qnorm;
            let sd = sgnorm / delta;
            let mut t = (bnorm / gnorm) * (bnorm / qnorm) * sd;
            t = t - dq * sd * sd + ((t - dq).powi(2) + (1.0 - dq * dq) * (1.0 - sd * sd)).sqrt();
            alpha = dq * (1.0 - sd * sd) / t;
        }
    }
    let t = (1.0 - alpha) * sgnorm.min(delta);
    -(t * &g + alpha * &xg)
}

fn pack_upper(r: &Array2<f64>) -> Array1<f64> {
    let n = r.nrows();
    let mut out = Vec::with_capacity(n * (n + 1) / 2);
    for i in 0..n {
        for j in i..n {
            out.push(r[[i, j]]);
        }
    }
    Array1::from(out)
}

/// Powell's hybrid method from `x0` with `f0 = F(x0)`.
fn hybr(
    fun: &mut ResidualFn<'_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    o: &RootOptionsNd,
) -> Result<RootResult> {
    let n = x0.len();
    let maxfev = o.maxfev.unwrap_or(200 * (n + 1));
    let rel = o.epsfcn.unwrap_or(0.0).max(f64::EPSILON).sqrt();
    let mut x = x0;
    let mut f = f0;
    let mut nfev = 1;
    let mut njev = 0;
    let mut fnorm = norm(&f);
    let mut first = true;
    let mut delta = 0.0;
    let mut xnorm = 0.0;
    let mut diag = Array1::ones(n);
    let (mut nslow1, mut nslow2) = (0, 0);
    loop {
        let mut jac = fd_jacobian(fun, &x, &f, rel, &mut nfev)?;
        njev += 1;
        let colnorm = Array1::from_shape_fn(n, |j| norm(&jac.column(j)));
        if first {
            diag = match &o.diag {
                Some(d) => d.clone(),
                None => colnorm.mapv(|c| if c == 0.0 { 1.0 } else { c }),
            };
            xnorm = norm(&(&diag * &x));
            delta = o.factor * xnorm;
            if delta == 0.0 {
                delta = o.factor;
            }
        }
        if o.diag.is_none() {
            diag.zip_mut_with(&colnorm, |d, &c| *d = d.max(c));
        }
        let (mut ncsuc, mut ncfail) = (0, 0);
        let mut jeval = true;
        loop {
            let d = qr(&jac)?;
            let qtf = d.q.t().dot(&f);
            let finish = |info: i32, x: Array1<f64>, f: Array1<f64>, nfev: usize| RootResult {
                fjac: d.q.clone(),
                r: pack_upper(&d.r),
                qtf: d.q.t().dot(&f),
                x,
                fun: f,
                nfev,
                njev,
                status: info,
                message: hybr_message(info, maxfev, o.xtol),
                method: RootMethod::Hybr,
                nit: 0,
            };
            let p = dogleg(&d.r, &diag, &qtf, delta);
            let x_new = &x + &p;
            let f_new = call_fun(fun, &x_new, n)?;
            nfev += 1;
            let pnorm = norm(&(&diag * &p));
            if first {
                delta = delta.min(pnorm);
            }
            let fnorm1 = if f_new.iter().all(|v| v.is_finite()) {
                norm(&f_new)
            } else {
                f64::INFINITY
            };
            let actred = if fnorm1 < fnorm {
                1.0 - (fnorm1 / fnorm).powi(2)
            } else {
                -1.0
            };
            let lin = &qtf + &d.r.dot(&p);
            let fnorm1p = norm(&lin);
            let prered = if fnorm1p < fnorm {
                1.0 - (fnorm1p / fnorm).powi(2)
            } else {
                0.0
            };
            let ratio = if prered > 0.0 { actred / prered } else { 0.0 };
            if ratio < 0.1 {
                ncsuc = 0;
                ncfail += 1;
                delta *= 0.5;
            } else {
                ncfail = 0;
                ncsuc += 1;
                if ratio >= 0.5 || ncsuc > 1 {
                    delta = delta.max(pnorm / 0.5);
                }
                if (ratio - 1.0).abs() <= 0.1 {
                    delta = pnorm / 0.5;
                }
            }
            let df = &f_new - &f;
            if ratio >= 1e-4 {
                x = x_new;
                f = f_new.clone();
                xnorm = norm(&(&diag * &x));
                fnorm = fnorm1;
                first = false;
            }
            nslow1 = if actred >= 0.001 { 0 } else { nslow1 + 1 };
            if jeval {
                nslow2 = if actred >= 0.1 { 0 } else { nslow2 + 1 };
            }
            let info = if delta <= o.xtol * xnorm || fnorm == 0.0 {
                1
            } else if nfev >= maxfev {
                2
            } else if 0.1 * (0.1 * delta).max(pnorm) <= f64::EPSILON * xnorm {
                3
            } else if nslow2 == 5 {
                4
            } else if nslow1 == 10 {
                5
            } else {
                0
            };
            if info != 0 {
                return Ok(finish(info, x, f, nfev));
            }
            if ncfail == 2 {
                break;
            }
            // Broyden update J ← J + (ΔF − J p)(D² p)ᵀ / ‖D p‖² (on the
            // trial step, accepted or not, as MINPACK).
            if f_new.iter().all(|v| v.is_finite()) && pnorm > 0.0 {
                let u = df - jac.dot(&p);
                let w = &diag * &diag * &p / (pnorm * pnorm);
                for i in 0..n {
                    for j in 0..n {
                        jac[[i, j]] += u[i] * w[j];
                    }
                }
            }
            jeval = false;
        }
    }
}

/// Finds a root of `F: ℝⁿ → ℝⁿ` with Powell's hybrid method (SciPy
/// `root(fun, x0)`); see [`root_with`].
///
/// # Errors
/// As [`root_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::root;
/// use ndarray::{array, ArrayRef1};
///
/// // x₀ + ½(x₀ − x₁)³ = 1, ½(x₁ − x₀)³ + x₁ = 0 (SciPy's root example).
/// let f = |x: &ArrayRef1<f64>| {
///     array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]]
/// };
/// let sol = root(f, &array![0.0, 0.0])?;
/// assert!(sol.success());
/// assert!((sol.x[0] - 0.8411639).abs() < 1e-6 && (sol.x[1] - 0.1588361).abs() < 1e-6);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn root<F>(fun: F, x0: &ArrayRef1<f64>) -> Result<RootResult>
where
    F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    root_with(fun, x0, RootMethod::Hybr, &RootOptionsNd::default())
}

/// Finds a root of `F: ℝⁿ → ℝⁿ` (SciPy `root(fun, x0, method=...)`).
///
/// Not converging is a [`RootResult::status`], not an error.
///
/// # Errors
/// [`Error::InvalidArgument`] if `x0` is empty or not finite, `F(x0)` is
/// not finite, `xtol` is negative, `factor` or a `diag` entry is not
/// positive; [`Error::ShapeMismatch`] if `F` returns a vector of another
/// length than `x0` (SciPy: "fsolve: there is a mismatch between the input
/// and output shape") or `diag` has the wrong length.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{root_with, RootMethod, RootOptionsNd};
/// use ndarray::{array, ArrayRef1};
///
/// let f = |x: &ArrayRef1<f64>| array![x[0] * x[0] - 2.0, x[0] * x[1] - 1.0];
/// let sol = root_with(f, &array![1.0, 1.0], RootMethod::Lm, &RootOptionsNd::default())?;
/// assert!((sol.x[0] - 2f64.sqrt()).abs() < 1e-7 && (sol.x[1] - 0.5f64.sqrt()).abs() < 1e-7);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn root_with<F>(
    mut fun: F,
    x0: &ArrayRef1<f64>,
    method: RootMethod,
    opts: &RootOptionsNd,
) -> Result<RootResult>
where
    F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    check::nonempty("x0", x0)?;
    check::finite("x0", x0)?;
    check::non_negative("xtol", opts.xtol)?;
    check::positive("factor", opts.factor)?;
    let n = x0.len();
    if let Some(d) = &opts.diag {
        check::shape("diag", &[n], d.shape())?;
        if d.iter().any(|&v| !(v > 0.0 && v.is_finite())) {
            return Err(check::invalid("diag", "must be finite and positive"));
        }
    }
    let fun: &mut ResidualFn<'_> = &mut fun;
    let f0 = fun(x0);
    if f0.len() != n {
        return Err(Error::ShapeMismatch {
            name: "fun",
            expected: vec![n],
            got: vec![f0.len()],
        });
    }
    if f0.iter().any(|v| !v.is_finite()) {
        return Err(check::invalid("fun", "not finite at the initial point"));
    }
    match method {
        RootMethod::Hybr => hybr(fun, x0.to_owned(), f0, opts),
        RootMethod::Lm => {
            let st = LmSettings {
                ftol: opts.xtol,
                xtol: opts.xtol,
                gtol: 0.0,
                max_nfev: opts.maxfev.unwrap_or(200 * (n + 1)),
                x_scale: None,
                diff_step: opts.epsfcn.map(f64::sqrt),
                minpack_fd: true,
                factor: opts.factor,
            };
            let inv;
            let st = match &opts.diag {
                Some(d) => {
                    inv = d.mapv(|v| 1.0 / v);
                    LmSettings {
                        x_scale: Some(&inv),
                        ..st
                    }
                }
                None => st,
            };
            let mut jsrc = JacSource::Fd(super::diff::FdScheme::TwoPoint, None);
            let o = lm(fun, &mut jsrc, x0.to_owned(), f0, &st)?;
            let d = qr(&o.jac)?;
            let message = match o.info {
                1 => {
                    "Both actual and predicted relative reductions in the sum of squares\n  are at most 0.000000"
                }
                2 => "The relative error between two consecutive iterates is at most 0.000000",
                3 => {
                    "Both actual and predicted relative reductions in the sum of squares\n  are at most 0.000000 and the relative error between two consecutive iterates is at \n  most 0.000000"
                }
                4 => {
                    "The cosine of the angle between func(x) and any column of the\n  Jacobian is at most 0.000000 in absolute value"
                }
                5 => "Number of calls to function has reached maxfev.",
                _ => "The tolerance is too small: no further improvement is possible.",
            };
            Ok(RootResult {
                qtf: d.q.t().dot(&o.fun),
                fjac: d.q,
                r: pack_upper(&d.r),
                x: o.x,
                fun: o.fun,
                nfev: o.nfev,
                njev: o.njev,
                status: o.info,
                message: message.to_string(),
                method: RootMethod::Lm,
                nit: 0,
            })
        }
        RootMethod::DfSane => {
            let maxfev = opts.maxfev.unwrap_or(1000);
            let o = super::dfsane::dfsane(fun, x0.to_owned(), f0, maxfev, &opts.dfsane);
            let message = o.message().to_string();
            Ok(iterative_result(
                method, o.x, o.fun, o.nfev, o.nit, o.status, message,
            ))
        }
        _ => {
            let kind = match method {
                RootMethod::Broyden1 => NonlinKind::Broyden1,
                RootMethod::Broyden2 => NonlinKind::Broyden2,
                RootMethod::Anderson => NonlinKind::Anderson,
                RootMethod::LinearMixing => NonlinKind::LinearMixing,
                RootMethod::DiagBroyden => NonlinKind::DiagBroyden,
                RootMethod::ExcitingMixing => NonlinKind::ExcitingMixing,
                _ => NonlinKind::Krylov,
            };
            super::nonlin::check_options(&opts.nonlin)?;
            let o = super::nonlin::nonlin_solve(fun, x0.to_owned(), f0, kind, &opts.nonlin);
            let message = o.message().to_string();
            Ok(iterative_result(
                method, o.x, o.fun, o.nfev, o.nit, o.status, message,
            ))
        }
    }
}

/// A result of the iterative methods, which keep no factorisation.
fn iterative_result(
    method: RootMethod,
    x: Array1<f64>,
    fun: Array1<f64>,
    nfev: usize,
    nit: usize,
    status: i32,
    message: String,
) -> RootResult {
    RootResult {
        x,
        fun,
        nfev,
        njev: 0,
        fjac: Array2::zeros((0, 0)),
        r: Array1::zeros(0),
        qtf: Array1::zeros(0),
        status,
        message,
        method,
        nit,
    }
}

/// Finds a root of `F: ℝⁿ → ℝⁿ` with Powell's hybrid method and returns
/// `x` (SciPy `fsolve(func, x0)`); [`fsolve_with`] gives the full output.
///
/// # Errors
/// As [`root_with`].
///
/// # Examples
/// The lecture notes' roots of `x² + 10 sin x`:
/// ```
/// use ferrosci::optimize::fsolve;
/// use ndarray::{array, ArrayRef1};
///
/// let f = |x: &ArrayRef1<f64>| x.mapv(|x| x * x + 10.0 * x.sin());
/// assert!(fsolve(f, &array![1.0])?[0].abs() < 1e-10);
/// assert!((fsolve(f, &array![-2.5])?[0] + 2.47948183).abs() < 1e-8);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fsolve<F>(func: F, x0: &ArrayRef1<f64>) -> Result<Array1<f64>>
where
    F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    Ok(root_with(func, x0, RootMethod::Hybr, &RootOptionsNd::default())?.x)
}

/// [`fsolve`] with SciPy's keywords, returning `x` and the `full_output`
/// information (`nfev`, `fjac`, `r`, `qtf`, `fvec` as `fun`, `ier` as
/// `status`, `mesg` as `message`) in a [`RootResult`].
///
/// # Errors
/// As [`root_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::{fsolve_with, RootOptionsNd};
/// use ndarray::{array, ArrayRef1};
///
/// let f = |x: &ArrayRef1<f64>| x.mapv(|x| x * x + 10.0 * x.sin());
/// let out = fsolve_with(f, &array![-2.5], &RootOptionsNd::default())?;
/// assert_eq!(out.status, 1);
/// assert!(out.fun[0].abs() < 1e-10 && out.nfev < 20);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fsolve_with<F>(func: F, x0: &ArrayRef1<f64>, opts: &RootOptionsNd) -> Result<RootResult>
where
    F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    root_with(func, x0, RootMethod::Hybr, opts)
}
