//! Nonlinear least squares with bounds (SciPy `least_squares`).

use super::diff::FdScheme;
use super::dogbox::dogbox;
use super::lm::{LmSettings, lm};
use super::lsq_common::{EPS, JacSource, Loss, ResidualFn, make_strictly_feasible};
use super::result::Bounds;
use super::trf::{TrfSettings, trf};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef1};

/// A Jacobian function `x -> J(x)`, `J[i, j] = ∂fᵢ/∂xⱼ` (`m × n`).
pub type JacobianFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a>;

/// How `least_squares` gets the Jacobian (SciPy `jac=`).
#[derive(Default)]
pub enum Jacobian<'a> {
    /// Forward differences (SciPy `'2-point'`, the default).
    #[default]
    TwoPoint,
    /// Central differences, one-sided next to a bound (SciPy `'3-point'`).
    ThreePoint,
    /// A user function (SciPy: a callable).
    Callable(JacobianFn<'a>),
}

impl std::fmt::Debug for Jacobian<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Jacobian::TwoPoint => "TwoPoint",
            Jacobian::ThreePoint => "ThreePoint",
            Jacobian::Callable(_) => "Callable",
        })
    }
}

/// The algorithm of `least_squares` (SciPy `method=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum LsqMethod {
    /// Trust Region Reflective: bounds, robust losses (SciPy `'trf'`, default).
    #[default]
    Trf,
    /// Levenberg–Marquardt as MINPACK: no bounds, linear loss, `m ≥ n`
    /// (SciPy `'lm'`).
    Lm,
    /// Dogleg in a rectangular trust region: bounds, robust losses
    /// (SciPy `'dogbox'`).
    Dogbox,
}

/// Characteristic scale of the variables (SciPy `x_scale=`).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum XScale {
    /// SciPy's `None`: 1 for `trf`, `Jac` for `lm`.
    #[default]
    Default,
    /// Inverse column norms of the Jacobian, updated as it goes (SciPy `'jac'`).
    Jac,
    /// One positive scale per variable, or a single one for all.
    Values(Array1<f64>),
}

/// Keywords of [`least_squares_with`]; `Default` is SciPy's defaults.
#[derive(Debug)]
pub struct LeastSquaresOptions<'a> {
    /// How the Jacobian is computed (SciPy `jac`).
    pub jac: Jacobian<'a>,
    /// Box constraints (SciPy `bounds`); `None` = unbounded.
    pub bounds: Option<Bounds>,
    /// Algorithm (SciPy `method`).
    pub method: LsqMethod,
    /// Tolerance on the relative change of the cost; 0 disables it for `trf`
    /// (SciPy `ftol`; `None` means 1e-8).
    pub ftol: Option<f64>,
    /// Tolerance on the relative change of `x` (SciPy `xtol`; `None` means 1e-8).
    pub xtol: Option<f64>,
    /// Tolerance on the scaled gradient (SciPy `gtol`; `None` means 1e-8).
    pub gtol: Option<f64>,
    /// Variable scaling (SciPy `x_scale`).
    pub x_scale: XScale,
    /// Robust loss (SciPy `loss`).
    pub loss: Loss,
    /// Soft margin between inlier and outlier residuals (SciPy `f_scale`, 1).
    pub f_scale: f64,
    /// Relative finite-difference step (SciPy `diff_step`).
    pub diff_step: Option<f64>,
    /// Budget of residual evaluations (SciPy `max_nfev`; `None` means `100·n`).
    pub max_nfev: Option<usize>,
}

impl Default for LeastSquaresOptions<'_> {
    fn default() -> Self {
        LeastSquaresOptions {
            jac: Jacobian::TwoPoint,
            bounds: None,
            method: LsqMethod::Trf,
            ftol: None,
            xtol: None,
            gtol: None,
            x_scale: XScale::Default,
            loss: Loss::Linear,
            f_scale: 1.0,
            diff_step: None,
            max_nfev: None,
        }
    }
}

/// Result of [`least_squares`] (SciPy's `OptimizeResult` fields).
#[derive(Debug, Clone)]
pub struct LeastSquaresResult {
    /// The solution.
    pub x: Array1<f64>,
    /// `½ Σ ρ(fᵢ²)` at `x` (½ of the sum of squares for the linear loss).
    pub cost: f64,
    /// Residuals at `x`.
    pub fun: Array1<f64>,
    /// Jacobian at `x` (rescaled by the loss, as SciPy's, for robust losses).
    pub jac: Array2<f64>,
    /// Gradient of the cost at `x`.
    pub grad: Array1<f64>,
    /// First-order optimality: `‖v·g‖∞` with Coleman–Li's `v` under bounds.
    pub optimality: f64,
    /// −1/+1 where a lower/upper bound is active, 0 elsewhere.
    pub active_mask: Array1<i32>,
    /// Residual evaluations (finite-difference ones not counted, as SciPy).
    pub nfev: usize,
    /// Jacobian evaluations (SciPy reports `None` for `lm` with finite
    /// differences; here the count).
    pub njev: usize,
    /// SciPy's code: 0 `max_nfev` reached, 1 `gtol`, 2 `ftol`, 3 `xtol`,
    /// 4 `ftol` and `xtol`.
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
}

impl LeastSquaresResult {
    /// Whether a convergence test passed (`status > 0`, SciPy `success`).
    pub fn success(&self) -> bool {
        self.status > 0
    }
}

/// SciPy's termination message for a status code.
pub(crate) fn termination_message(status: i32) -> &'static str {
    match status {
        0 => "The maximum number of function evaluations is exceeded.",
        1 => "`gtol` termination condition is satisfied.",
        2 => "`ftol` termination condition is satisfied.",
        3 => "`xtol` termination condition is satisfied.",
        4 => "Both `ftol` and `xtol` termination conditions are satisfied.",
        _ => "Improper input parameters status returned from `leastsq`",
    }
}

/// Minimizes `½ Σ fᵢ(x)²` with the Trust Region Reflective method (SciPy
/// `least_squares(fun, x0)`); see [`least_squares_with`] for the keywords.
///
/// # Errors
/// As [`least_squares_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::least_squares;
/// use ndarray::{array, ArrayRef1};
///
/// // Rosenbrock as residuals: 10(x₁ − x₀²), 1 − x₀.
/// let f = |x: &ArrayRef1<f64>| array![10.0 * (x[1] - x[0] * x[0]), 1.0 - x[0]];
/// let res = least_squares(f, &array![2.0, 2.0])?;
/// assert!(res.success());
/// assert!((res.x[0] - 1.0).abs() < 1e-7 && (res.x[1] - 1.0).abs() < 1e-7);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn least_squares<F>(fun: F, x0: &ArrayRef1<f64>) -> Result<LeastSquaresResult>
where
    F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    least_squares_with(fun, x0, LeastSquaresOptions::default())
}

/// Minimizes `½ Σ ρ(fᵢ(x)²)` subject to `lb ≤ x ≤ ub` (SciPy `least_squares`).
///
/// ```text
/// minimize  F(x) = ½ Σᵢ f_scale² ρ((fᵢ(x) / f_scale)²)   subject to  lb ≤ x ≤ ub
/// ```
/// `trf` (default) and `dogbox` handle bounds and robust losses; `lm` is unconstrained
/// Levenberg–Marquardt for `m ≥ n` with the linear loss. Running out of
/// `max_nfev` is `status == 0`, not an error.
///
/// # Errors
/// [`Error::InvalidArgument`] if `x0` is empty or not finite, outside the
/// bounds, the residuals at `x0` are not finite, a tolerance is negative (or
/// all below machine epsilon), `f_scale` or `x_scale` is not positive, or
/// `lm` is asked for bounds, a robust loss or `m < n`;
/// [`Error::ShapeMismatch`] if the bounds, `x_scale`, the residuals or the
/// Jacobian have the wrong length or shape.
///
/// # Examples
/// A robust fit of `y = a·e^(b t)` with bounds `a ≥ 0`, `b ≤ 0`:
/// ```
/// use ferrosci::optimize::{least_squares_with, Bounds, LeastSquaresOptions, Loss};
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let t = Array1::<f64>::linspace(0.0, 3.0, 16);
/// let mut y = t.mapv(|t| 2.0 * (-1.3 * t).exp());
/// y[4] += 3.0; // an outlier
/// let f = |p: &ArrayRef1<f64>| t.mapv(|t| p[0] * (p[1] * t).exp()) - &y;
/// let opts = LeastSquaresOptions {
///     loss: Loss::SoftL1,
///     f_scale: 0.1,
///     bounds: Some(Bounds::new(&array![0.0, f64::NEG_INFINITY], &array![f64::INFINITY, 0.0])?),
///     ..Default::default()
/// };
/// let res = least_squares_with(f, &array![1.0, -0.5], opts)?;
/// assert!((res.x[0] - 2.0).abs() < 0.05 && (res.x[1] + 1.3).abs() < 0.05);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn least_squares_with<F>(
    mut fun: F,
    x0: &ArrayRef1<f64>,
    opts: LeastSquaresOptions<'_>,
) -> Result<LeastSquaresResult>
where
    F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    check::nonempty("x0", x0)?;
    check::finite("x0", x0)?;
    let n = x0.len();
    let f_scale = opts.f_scale;
    check::positive("f_scale", f_scale)?;
    let mut tols = [opts.ftol, opts.xtol, opts.gtol].map(|t| t.unwrap_or(1e-8));
    for (name, t) in ["ftol", "xtol", "gtol"].iter().zip(tols) {
        check::non_negative(name, t)?;
    }
    if opts.method == LsqMethod::Lm {
        if let Some(i) = tols.iter().position(|&t| t < EPS) {
            return Err(check::invalid(
                ["ftol", "xtol", "gtol"][i],
                "all tolerances must be at least machine epsilon with method 'lm'",
            ));
        }
    } else {
        if tols.iter().all(|&t| t < EPS) {
            return Err(check::invalid(
                "ftol",
                "at least one of ftol, xtol, gtol must be at least machine epsilon",
            ));
        }
        tols.iter_mut().for_each(|t| {
            if *t < EPS {
                *t = 0.0
            }
        });
    }
    let [ftol, xtol, gtol] = tols;
    let (lb, ub) = match &opts.bounds {
        Some(b) => {
            b.check_len(n)?;
            (b.lb.clone(), b.ub.clone())
        }
        None => (
            Array1::from_elem(n, f64::NEG_INFINITY),
            Array1::from_elem(n, f64::INFINITY),
        ),
    };
    check_box(x0, &lb, &ub, "x0")?;
    let x_scale = match &opts.x_scale {
        XScale::Jac => None,
        XScale::Default if opts.method == LsqMethod::Lm => None,
        XScale::Default => Some(Array1::ones(n)),
        XScale::Values(v) => {
            if v.iter().any(|&s| !(s.is_finite() && s > 0.0)) {
                return Err(check::invalid("x_scale", "must be finite and positive"));
            }
            match v.len() {
                1 => Some(Array1::from_elem(n, v[0])),
                l if l == n => Some(v.clone()),
                l => {
                    return Err(Error::ShapeMismatch {
                        name: "x_scale",
                        expected: vec![n],
                        got: vec![l],
                    });
                }
            }
        }
    };
    let bounded = lb.iter().chain(&ub).any(|v| v.is_finite());
    if opts.method == LsqMethod::Lm {
        if bounded {
            return Err(check::invalid(
                "bounds",
                "method 'lm' does not handle bounds",
            ));
        }
        if opts.loss != Loss::Linear {
            return Err(check::invalid(
                "loss",
                "method 'lm' supports only the linear loss",
            ));
        }
    }
    let x0 = if opts.method == LsqMethod::Trf {
        make_strictly_feasible(x0, &lb, &ub, 1e-10)
    } else {
        x0.to_owned()
    };
    let f0 = fun(&x0);
    let m = f0.len();
    if m == 0 {
        return Err(check::invalid("fun", "returned no residuals"));
    }
    if f0.iter().any(|v| !v.is_finite()) {
        return Err(check::invalid(
            "fun",
            "residuals are not finite at the initial point",
        ));
    }
    if opts.method == LsqMethod::Lm && m < n {
        return Err(check::invalid(
            "method",
            format!("'lm' needs at least as many residuals as variables, got m = {m} < n = {n}"),
        ));
    }
    let max_nfev = opts.max_nfev.unwrap_or(100 * n);
    let mut jac_fn;
    let mut jsrc = match opts.jac {
        Jacobian::TwoPoint => JacSource::Fd(FdScheme::TwoPoint, opts.diff_step),
        Jacobian::ThreePoint => JacSource::Fd(FdScheme::ThreePoint, opts.diff_step),
        Jacobian::Callable(j) => {
            jac_fn = j;
            JacSource::Callable(&mut jac_fn)
        }
    };
    let fun: &mut ResidualFn<'_> = &mut fun;
    match opts.method {
        LsqMethod::Trf | LsqMethod::Dogbox => {
            let st = TrfSettings {
                lb: &lb,
                ub: &ub,
                ftol,
                xtol,
                gtol,
                max_nfev,
                x_scale: x_scale.as_ref(),
                loss: opts.loss,
                f_scale,
            };
            let o = if opts.method == LsqMethod::Trf {
                trf(fun, &mut jsrc, x0, f0, &st)?
            } else {
                dogbox(fun, &mut jsrc, x0, f0, &st)?
            };
            Ok(LeastSquaresResult {
                x: o.x,
                cost: o.cost,
                fun: o.fun,
                jac: o.jac,
                grad: o.grad,
                optimality: o.optimality,
                active_mask: o.active_mask,
                nfev: o.nfev,
                njev: o.njev,
                status: o.status,
                message: termination_message(o.status).to_string(),
            })
        }
        LsqMethod::Lm => {
            let st = LmSettings {
                ftol,
                xtol,
                gtol,
                max_nfev,
                x_scale: x_scale.as_ref(),
                diff_step: opts.diff_step,
                minpack_fd: false,
                factor: 100.0,
            };
            let o = lm(fun, &mut jsrc, x0, f0, &st)?;
            let free = Array1::from_elem(n, f64::INFINITY);
            let jm = super::lsq_common::jacobian(&mut jsrc, fun, &o.x, &o.fun, &(-&free), &free)?;
            let njev = o.njev + 1;
            let grad = jm.t().dot(&o.fun);
            let status = minpack_to_common(o.info);
            Ok(LeastSquaresResult {
                cost: 0.5 * o.fun.dot(&o.fun),
                optimality: grad.iter().fold(0.0, |a, b| a.max(b.abs())),
                x: o.x,
                fun: o.fun,
                jac: jm,
                grad,
                active_mask: Array1::zeros(n),
                nfev: o.nfev,
                njev,
                status,
                message: termination_message(status).to_string(),
            })
        }
    }
}

/// SciPy's checks on the box: `lb < ub` strictly, `x0` inside.
pub(crate) fn check_box(
    x0: &ArrayRef1<f64>,
    lb: &ArrayRef1<f64>,
    ub: &ArrayRef1<f64>,
    name: &'static str,
) -> Result<()> {
    if let Some(i) = (0..lb.len()).find(|&i| lb[i] >= ub[i]) {
        return Err(check::invalid(
            "bounds",
            format!(
                "each lower bound must be strictly less than each upper bound, got lb[{i}] = {} >= ub[{i}] = {}",
                lb[i], ub[i]
            ),
        ));
    }
    if x0
        .iter()
        .zip(lb)
        .zip(ub)
        .any(|((&x, &l), &u)| x < l || x > u)
    {
        return Err(check::invalid(
            name,
            "initial guess is outside of the bounds",
        ));
    }
    Ok(())
}

/// SciPy's map from MINPACK's `info` to `least_squares`' status; the
/// "tolerance too small" codes count as the test they stand for.
pub(crate) fn minpack_to_common(info: i32) -> i32 {
    match info {
        1 | 6 => 2,
        2 | 7 => 3,
        3 => 4,
        4 | 8 => 1,
        5 => 0,
        _ => -1,
    }
}
