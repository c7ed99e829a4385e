//! Nonlinear curve fitting with parameter covariance (SciPy `curve_fit`).

use super::diff::FdScheme;
use super::dogbox::dogbox;
use super::least_squares::{LsqMethod, check_box, minpack_to_common, termination_message};
use super::lm::{LmSettings, lm};
use super::lsq_common::{JacSource, Loss, ResidualFn, svd_uf};
use super::result::Bounds;
use super::trf::{TrfSettings, trf};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef1};

/// Keywords of [`curve_fit_with`]; `Default` is SciPy's defaults.
#[derive(Debug, Clone, Default)]
pub struct CurveFitOptions {
    /// Standard deviations of `ydata` (SciPy `sigma`, 1-D): residuals are
    /// divided by them. `None`: all 1.
    pub sigma: Option<Array1<f64>>,
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
/// The model is evaluated point by point: `f(xᵢ, p)`. The parameters
/// minimize `Σ ((f(xᵢ, p) − yᵢ) / σᵢ)²`; the covariance is computed as
/// SciPy does, from the SVD `J = U S Vᵀ` of the weighted Jacobian at the
/// solution, dropping singular values below `ε·max(m, n)·s₀`:
///
/// ```text
/// pcov = V S⁻² Vᵀ · (absolute_sigma ? 1 : Σ rᵢ² / (m − n))
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] if `p0`, `xdata` or `ydata` is empty or not
/// finite, `sigma` is not positive, or `lm` is asked for bounds or more
/// parameters than points; [`Error::ShapeMismatch`] if `xdata`, `ydata`,
/// `sigma` or the bounds disagree in length; [`Error::NotConverged`] when
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
///     sigma: Some(Array1::from_elem(21, 0.1)),
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
    check::nonempty("p0", p0)?;
    check::finite("p0", p0)?;
    check::nonempty("ydata", ydata)?;
    check::finite("xdata", xdata)?;
    check::finite("ydata", ydata)?;
    check::shape("ydata", xdata.shape(), ydata.shape())?;
    let (m, n) = (ydata.len(), p0.len());
    let inv_sigma = match &opts.sigma {
        Some(s) => {
            check::shape("sigma", &[m], s.shape())?;
            if s.iter().any(|&v| !(v > 0.0 && v.is_finite())) {
                return Err(check::invalid("sigma", "must be finite and positive"));
            }
            Some(s.mapv(|v| 1.0 / v))
        }
        None => None,
    };
    let method = opts.method.unwrap_or(if opts.bounds.is_some() {
        LsqMethod::Trf
    } else {
        LsqMethod::Lm
    });
    let mut resid = |p: &ArrayRef1<f64>| -> Array1<f64> {
        let mut r = ndarray::Zip::from(xdata)
            .and(ydata)
            .map_collect(|&x, &y| f(x, p) - y);
        if let Some(w) = &inv_sigma {
            r *= w;
        }
        r
    };
    let fun: &mut ResidualFn<'_> = &mut resid;
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
            let f0 = fun(p0);
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
            let f0 = fun(&x0);
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

/// `V S⁻² Vᵀ` over the singular values above SciPy's threshold. For `lm`
/// (SciPy's `leastsq`, which inverts the QR factor), a rank-deficient
/// Jacobian gives NaN (so an infinite `pcov`).
fn covariance(jac: &Array2<f64>, strict: bool) -> Result<Array2<f64>> {
    let n = jac.ncols();
    let (_, s, v) = svd_uf(jac, &Array1::zeros(jac.nrows()))?;
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
