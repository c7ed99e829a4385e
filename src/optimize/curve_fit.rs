//! Nonlinear curve fitting with parameter covariance (SciPy `curve_fit`).

use super::diff::FdScheme;
use super::dogbox::dogbox;
use super::least_squares::{LsqMethod, check_box, minpack_to_common, termination_message};
use super::lm::{LmSettings, lm};
use super::lsq_common::{JacSource, Loss, ResidualFn, call_fun, svd_uf};
use super::result::Bounds;
use super::trf::{TrfSettings, trf};
use crate::linalg::{
    CholeskyOptions, SolveTriangularOptions, cholesky_with, solve_triangular_with,
};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef1, Zip};

/// The uncertainty of `ydata` (SciPy `sigma`, 1-D or 2-D).
///
/// # Examples
/// ```
/// use ferrosci::optimize::Sigma;
/// use ndarray::array;
///
/// let s: Sigma = array![0.1, 0.2].into();
/// assert!(matches!(s, Sigma::Std(_)));
/// let c: Sigma = array![[0.01, 0.0], [0.0, 0.04]].into();
/// assert!(matches!(c, Sigma::Cov(_)));
/// ```
/// A fit whose errors are correlated (SciPy `curve_fit(f, x, y, sigma=cov)`):
/// ```
/// use ferrosci::optimize::{curve_fit_with, CurveFitOptions};
/// use ndarray::{array, Array1, Array2, ArrayRef1};
///
/// let x = Array1::linspace(0.0, 1.0, 8);
/// let y = x.mapv(|v: f64| 2.0 * v + 1.0 + 0.01 * (9.0 * v).sin());
/// let cov = Array2::from_shape_fn((8, 8), |(i, j)| 1e-4 * 0.5f64.powi(i.abs_diff(j) as i32));
/// let opts = CurveFitOptions { sigma: Some(cov.into()), absolute_sigma: true, ..Default::default() };
/// let line = |x: f64, p: &ArrayRef1<f64>| p[0] * x + p[1];
/// let fit = curve_fit_with(line, &x, &y, &array![1.0, 0.0], &opts)?;
/// assert!((fit.popt[0] - 2.0).abs() < 0.05 && fit.pcov[[0, 0]] > 0.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Sigma {
    /// Standard deviations (SciPy's 1-D `sigma`): the residuals are divided
    /// by them.
    Std(Array1<f64>),
    /// Covariance matrix of `ydata` (SciPy's 2-D `sigma`): the residuals are
    /// whitened by its Cholesky factor, `r ← L⁻¹ r` with `sigma = L Lᵀ`, so
    /// the fit minimizes `rᵀ sigma⁻¹ r`.
    Cov(Array2<f64>),
}

impl From<Array1<f64>> for Sigma {
    fn from(s: Array1<f64>) -> Sigma {
        Sigma::Std(s)
    }
}

impl From<Array2<f64>> for Sigma {
    fn from(c: Array2<f64>) -> Sigma {
        Sigma::Cov(c)
    }
}

/// Keywords of [`curve_fit_with`]; `Default` is SciPy's defaults.
#[derive(Debug, Clone, Default)]
pub struct CurveFitOptions {
    /// Uncertainty of `ydata` (SciPy `sigma`): standard deviations or a
    /// covariance matrix, see [`Sigma`]; `Array1` and `Array2` convert with
    /// `.into()`. `None`: all standard deviations 1.
    pub sigma: Option<Sigma>,
    /// Whether `sigma` is absolute (SciPy `absolute_sigma`); if false the
    /// covariance is rescaled by the reduced chi-square.
    pub absolute_sigma: bool,
    /// Bounds on the parameters (SciPy `bounds`); force `trf`.
    pub bounds: Option<Bounds>,
    /// SciPy `method`: `None` is `lm` without bounds and `trf` with them;
    /// `dogbox` works too.
    pub method: Option<LsqMethod>,
    /// Budget of model evaluations (SciPy `maxfev`/`max_nfev`; `None`:
    /// `200·(n+1)` for `lm`, `100·n` for `trf`).
    pub max_nfev: Option<usize>,
}

/// Result of [`curve_fit`]: SciPy's `popt`, `pcov` and the `full_output` info.
#[derive(Debug, Clone)]
pub struct CurveFit {
    /// Best-fit parameters.
    pub popt: Array1<f64>,
    /// Their estimated covariance; all `inf` when it cannot be estimated
    /// (singular Jacobian, or no more points than parameters without
    /// `absolute_sigma`).
    pub pcov: Array2<f64>,
    /// Model evaluations (SciPy `infodict['nfev']`).
    pub nfev: usize,
    /// Weighted residuals `(f(x, popt) − y) / sigma` at the solution
    /// (SciPy `infodict['fvec']`).
    pub fvec: Array1<f64>,
    /// MINPACK's `ier` for `lm`, `least_squares`' status for `trf`.
    pub ier: i32,
    /// The solver's message.
    pub mesg: String,
}

/// Fits `ydata ≈ f(xdata, p)` by nonlinear least squares from `p0`
/// (SciPy `curve_fit(f, xdata, ydata, p0)`); see [`curve_fit_with`].
///
/// # Errors
/// As [`curve_fit_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::curve_fit;
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let x = Array1::<f64>::linspace(0.0, 4.0, 30);
/// let y = x.mapv(|x| 2.5 * (-1.3 * x).exp() + 0.5);
/// let model = |x: f64, p: &ArrayRef1<f64>| p[0] * (-p[1] * x).exp() + p[2];
/// let fit = curve_fit(model, &x, &y, &array![1.0, 1.0, 1.0])?;
/// assert!((fit.popt[0] - 2.5).abs() < 1e-6 && (fit.popt[1] - 1.3).abs() < 1e-6);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn curve_fit<F>(
    f: F,
    xdata: &ArrayRef1<f64>,
    ydata: &ArrayRef1<f64>,
    p0: &ArrayRef1<f64>,
) -> Result<CurveFit>
where
    F: FnMut(f64, &ArrayRef1<f64>) -> f64,
{
    curve_fit_with(f, xdata, ydata, p0, &CurveFitOptions::default())
}

/// Fits `ydata ≈ f(xdata, p)` with SciPy's keywords (SciPy `curve_fit`).
///
/// The model is evaluated point by point: `f(xᵢ, p)` ([`curve_fit_array_with`]
/// takes a model of the whole array). The parameters minimize
/// `Σ ((f(xᵢ, p) − yᵢ) / σᵢ)²`, or `rᵀ Σ⁻¹ r` for a covariance matrix
/// [`Sigma::Cov`] (through its Cholesky factor, as SciPy); the covariance is computed as
/// SciPy does, from the SVD `J = U S Vᵀ` of the weighted Jacobian at the
/// solution, dropping singular values below `ε·max(m, n)·s₀`:
///
/// ```text
/// pcov = V S⁻² Vᵀ · (absolute_sigma ? 1 : Σ rᵢ² / (m − n))
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] if `p0`, `xdata` or `ydata` is empty or not
/// finite, `sigma` is not positive (or, as a matrix, not positive
/// definite), or `lm` is asked for bounds or more
/// parameters than points; [`Error::ShapeMismatch`] if `xdata`, `ydata`,
/// `sigma` (`m` or `m × m`) or the bounds disagree in length; [`Error::NotConverged`] when
/// the solver ends without meeting a tolerance (SciPy's `RuntimeError`
/// "Optimal parameters not found").
///
/// # Examples
/// Bounded fit with uncertainties:
/// ```
/// use ferrosci::optimize::{curve_fit_with, Bounds, CurveFitOptions};
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let x = Array1::linspace(-2.0, 2.0, 21);
/// let y = x.mapv(|x| 1.5 * x * x - 0.3 * x);
/// let opts = CurveFitOptions {
///     sigma: Some(Array1::from_elem(21, 0.1).into()),
///     absolute_sigma: true,
///     bounds: Some(Bounds::new(&array![0.0, -1.0], &array![2.0, 1.0])?),
///     ..Default::default()
/// };
/// let model = |x: f64, p: &ArrayRef1<f64>| p[0] * x * x + p[1] * x;
/// let fit = curve_fit_with(model, &x, &y, &array![1.0, 0.0], &opts)?;
/// assert!((fit.popt[0] - 1.5).abs() < 1e-6);
/// assert!(fit.pcov[[0, 0]] > 0.0 && fit.pcov[[0, 0]] < 1e-3);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn curve_fit_with<F>(
    mut f: F,
    xdata: &ArrayRef1<f64>,
    ydata: &ArrayRef1<f64>,
    p0: &ArrayRef1<f64>,
    opts: &CurveFitOptions,
) -> Result<CurveFit>
where
    F: FnMut(f64, &ArrayRef1<f64>) -> f64,
{
    check::finite("xdata", xdata)?;
    check::shape("ydata", xdata.shape(), ydata.shape())?;
    let mut resid = |p: &ArrayRef1<f64>| -> Array1<f64> {
        Zip::from(xdata)
            .and(ydata)
            .map_collect(|&x, &y| f(x, p) - y)
    };
    fit(&mut resid, ydata, p0, opts)
}

/// Fits `ydata ≈ f(xdata, p)` from `p0` with a model that maps the whole
/// `xdata` at once, as SciPy's `curve_fit(f, xdata, ydata, p0)` calls it;
/// see [`curve_fit_array_with`].
///
/// # Errors
/// As [`curve_fit_array_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::curve_fit_array;
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let x = Array1::<f64>::linspace(0.0, 4.0, 30);
/// let y = x.mapv(|x| 2.5 * (-1.3 * x).exp() + 0.5);
/// let model = |x: &ArrayRef1<f64>, p: &ArrayRef1<f64>| {
///     let (a, k, c) = (p[0], p[1], p[2]);
///     x.mapv(|x| a * (-k * x).exp() + c)
/// };
/// let fit = curve_fit_array(model, &x, &y, &array![1.0, 1.0, 1.0])?;
/// assert!((fit.popt[1] - 1.3).abs() < 1e-6);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn curve_fit_array<F>(
    f: F,
    xdata: &ArrayRef1<f64>,
    ydata: &ArrayRef1<f64>,
    p0: &ArrayRef1<f64>,
) -> Result<CurveFit>
where
    F: FnMut(&ArrayRef1<f64>, &ArrayRef1<f64>) -> Array1<f64>,
{
    curve_fit_array_with(f, xdata, ydata, p0, &CurveFitOptions::default())
}

/// [`curve_fit_with`] for a model that maps all of `xdata` in one call,
/// `f(xdata, p) → [f(x₀, p), …]`, as SciPy calls its model. The parameters
/// can be read once per call rather than once per point, and `xdata` need
/// not be one value per point: its length is free (it may hold several
/// coordinates per point, SciPy's multi-dimensional `xdata` flattened),
/// only the model's output must match `ydata`.
///
/// # Errors
/// As [`curve_fit_with`], and [`Error::ShapeMismatch`] if the model's
/// output does not have `ydata`'s length.
///
/// # Examples
/// Two coordinates per point, stored one after the other:
/// ```
/// use ferrosci::optimize::{curve_fit_array_with, CurveFitOptions};
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let pts: Vec<(f64, f64)> = (0..20).map(|i| (i as f64 * 0.1, (i % 5) as f64)).collect();
/// let xy: Array1<f64> = pts.iter().flat_map(|&(u, v)| [u, v]).collect();
/// let z: Array1<f64> = pts.iter().map(|&(u, v)| 3.0 * u - 0.5 * v + 1.0).collect();
/// let plane = |xy: &ArrayRef1<f64>, p: &ArrayRef1<f64>| -> Array1<f64> {
///     xy.exact_chunks(2).into_iter().map(|c| p[0] * c[0] + p[1] * c[1] + p[2]).collect()
/// };
/// let fit = curve_fit_array_with(plane, &xy, &z, &array![0.0, 0.0, 0.0], &CurveFitOptions::default())?;
/// assert!((fit.popt[0] - 3.0).abs() < 1e-8 && (fit.popt[1] + 0.5).abs() < 1e-8);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn curve_fit_array_with<F>(
    mut f: F,
    xdata: &ArrayRef1<f64>,
    ydata: &ArrayRef1<f64>,
    p0: &ArrayRef1<f64>,
    opts: &CurveFitOptions,
) -> Result<CurveFit>
where
    F: FnMut(&ArrayRef1<f64>, &ArrayRef1<f64>) -> Array1<f64>,
{
    check::finite("xdata", xdata)?;
    let m = ydata.len();
    // A model output of the wrong length is passed on as it is: the
    // solvers' length check turns it into an error.
    let mut resid = |p: &ArrayRef1<f64>| -> Array1<f64> {
        let mut r = f(xdata, p);
        if r.len() == m {
            r.zip_mut_with(ydata, |a, &b| *a -= b);
        }
        r
    };
    fit(&mut resid, ydata, p0, opts)
}

/// The fit behind both front ends; `resid(p) = f(xdata, p) − ydata`.
fn fit(
    resid: &mut dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>,
    ydata: &ArrayRef1<f64>,
    p0: &ArrayRef1<f64>,
    opts: &CurveFitOptions,
) -> Result<CurveFit> {
    check::nonempty("p0", p0)?;
    check::finite("p0", p0)?;
    check::nonempty("ydata", ydata)?;
    check::finite("ydata", ydata)?;
    let (m, n) = (ydata.len(), p0.len());
    let weight = match &opts.sigma {
        Some(Sigma::Std(s)) => {
            check::shape("sigma", &[m], s.shape())?;
            if s.iter().any(|&v| !(v > 0.0 && v.is_finite())) {
                return Err(check::invalid("sigma", "must be finite and positive"));
            }
            Some(Weight::Inverse(s.mapv(|v| 1.0 / v)))
        }
        Some(Sigma::Cov(c)) => {
            check::shape("sigma", &[m, m], c.shape())?;
            check::finite("sigma", c)?;
            let lower = CholeskyOptions {
                lower: true,
                ..Default::default()
            };
            let l = cholesky_with(c, &lower)
                .map_err(|_| check::invalid("sigma", "`sigma` must be positive definite"))?;
            Some(Weight::Cholesky(l))
        }
        None => None,
    };
    let method = opts.method.unwrap_or(if opts.bounds.is_some() {
        LsqMethod::Trf
    } else {
        LsqMethod::Lm
    });
    let mut weighted = |p: &ArrayRef1<f64>| -> Array1<f64> {
        let r = resid(p);
        match &weight {
            Some(w) if r.len() == m => w.apply(r),
            _ => r,
        }
    };
    let fun: &mut ResidualFn<'_> = &mut weighted;
    let mut jsrc = JacSource::Fd(FdScheme::TwoPoint, None);
    let (popt, fvec, jac, nfev, ier, mesg, ok) = match method {
        LsqMethod::Lm => {
            if opts.bounds.is_some() {
                return Err(check::invalid(
                    "bounds",
                    "method 'lm' does not handle bounds",
                ));
            }
            if n > m {
                return Err(check::invalid(
                    "p0",
                    format!(
                        "the number of parameters ({n}) must not exceed the number of data points ({m})"
                    ),
                ));
            }
            let f0 = call_fun(fun, p0, m)?;
            if f0.iter().any(|v| !v.is_finite()) {
                return Err(check::invalid("f", "the model is not finite at p0"));
            }
            let st = LmSettings {
                ftol: 1.49012e-8,
                xtol: 1.49012e-8,
                gtol: 0.0,
                max_nfev: opts.max_nfev.unwrap_or(200 * (n + 1)),
                x_scale: None,
                diff_step: None,
                minpack_fd: true,
                factor: 100.0,
            };
            let o = lm(fun, &mut jsrc, p0.to_owned(), f0, &st)?;
            let ok = (1..=4).contains(&o.info);
            let mesg = termination_message(minpack_to_common(o.info)).to_string();
            (o.x, o.fun, o.jac, o.nfev, o.info, mesg, ok)
        }
        LsqMethod::Trf | LsqMethod::Dogbox => {
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
            check_box(p0, &lb, &ub, "p0")?;
            let x0 = if method == LsqMethod::Trf {
                super::lsq_common::make_strictly_feasible(p0, &lb, &ub, 1e-10)
            } else {
                p0.to_owned()
            };
            let f0 = call_fun(fun, &x0, m)?;
            if f0.iter().any(|v| !v.is_finite()) {
                return Err(check::invalid("f", "the model is not finite at p0"));
            }
            let st = TrfSettings {
                lb: &lb,
                ub: &ub,
                ftol: 1e-8,
                xtol: 1e-8,
                gtol: 1e-8,
                max_nfev: opts.max_nfev.unwrap_or(100 * n),
                x_scale: Some(&Array1::ones(n)),
                loss: Loss::Linear,
                f_scale: 1.0,
            };
            let o = if method == LsqMethod::Trf {
                trf(fun, &mut jsrc, x0, f0, &st)?
            } else {
                dogbox(fun, &mut jsrc, x0, f0, &st)?
            };
            let mesg = termination_message(o.status).to_string();
            (o.x, o.fun, o.jac, o.nfev, o.status, mesg, o.status > 0)
        }
    };
    let cost = fvec.dot(&fvec);
    if !ok {
        return Err(Error::NotConverged {
            iterations: nfev,
            residual: cost,
        });
    }
    let mut pcov = covariance(&jac, method == LsqMethod::Lm)?;
    if pcov.iter().any(|v| v.is_nan()) {
        pcov.fill(f64::INFINITY);
    } else if !opts.absolute_sigma {
        if m > n {
            pcov *= cost / (m - n) as f64;
        } else {
            pcov.fill(f64::INFINITY);
        }
    }
    Ok(CurveFit {
        popt,
        pcov,
        nfev,
        fvec,
        ier,
        mesg,
    })
}

/// How the residuals are weighted.
enum Weight {
    /// Multiplied by `1/σᵢ`.
    Inverse(Array1<f64>),
    /// Solved with the lower Cholesky factor of the covariance.
    Cholesky(Array2<f64>),
}

impl Weight {
    fn apply(&self, mut r: Array1<f64>) -> Array1<f64> {
        match self {
            Weight::Inverse(w) => {
                r *= w;
                r
            }
            Weight::Cholesky(l) => {
                let opts = SolveTriangularOptions {
                    lower: true,
                    check_finite: false,
                    ..Default::default()
                };
                // L has a positive diagonal, so this only fails for a
                // non-finite r, which the solvers treat as such.
                solve_triangular_with(l, &r, &opts)
                    .unwrap_or_else(|_| Array1::from_elem(r.len(), f64::NAN))
            }
        }
    }
}

/// `V S⁻² Vᵀ` over the singular values above SciPy's threshold. For `lm`
/// (SciPy's `leastsq`, which inverts the QR factor), a rank-deficient
/// Jacobian gives NaN (so an infinite `pcov`).
fn covariance(jac: &Array2<f64>, strict: bool) -> Result<Array2<f64>> {
    let n = jac.ncols();
    let (_, s, v) = svd_uf(jac, &Array1::zeros(jac.nrows()), None)?;
    let threshold = f64::EPSILON * jac.nrows().max(n) as f64 * s.first().copied().unwrap_or(0.0);
    let k = s.iter().take_while(|&&si| si > threshold).count();
    if strict && k < n {
        return Ok(Array2::from_elem((n, n), f64::NAN));
    }
    let mut pcov = Array2::zeros((n, n));
    for r in 0..k {
        let w = 1.0 / (s[r] * s[r]);
        for i in 0..n {
            let vi = v[[i, r]] * w;
            for j in 0..n {
                pcov[[i, j]] += vi * v[[j, r]];
            }
        }
    }
    Ok(pcov)
}
