//! Finite-difference gradients (SciPy `approx_fprime`, `check_grad`, and the
//! `jac='2-point'`/`'3-point'` schemes of `minimize`), and the counted
//! objective that every minimizer evaluates through.

use super::result::Bounds;
use crate::{Result, check};
use ndarray::{Array1, ArrayRef1};

/// A finite-difference scheme for gradients (SciPy `jac='2-point'`/`'3-point'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FdScheme {
    /// Forward differences, step `√ε·max(1, |x|)`: one extra evaluation per
    /// variable, error O(h).
    #[default]
    TwoPoint,
    /// Central differences, step `ε^(1/3)·max(1, |x|)`: two extra evaluations
    /// per variable, error O(h²).
    ThreePoint,
}

/// Forward-difference gradient of `f` at `xk` with absolute step `epsilon`
/// (SciPy `approx_fprime`; SciPy's default step is `√ε ≈ 1.49e-8`).
///
/// ```text
/// g[i] = (f(xk + ε e_i) − f(xk)) / ε
/// ```
///
/// # Errors
/// [`crate::Error::InvalidArgument`] if `xk` is empty or not finite, or
/// `epsilon` is not positive.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{approx_fprime, rosen, rosen_der};
/// use ndarray::array;
///
/// let x = array![-1.2, 1.0];
/// let g = approx_fprime(&x, rosen, f64::EPSILON.sqrt())?;
/// assert!((&g - &rosen_der(&x)).iter().all(|d| d.abs() < 1e-4));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn approx_fprime<F>(xk: &ArrayRef1<f64>, mut f: F, epsilon: f64) -> Result<Array1<f64>>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
{
    check::nonempty("xk", xk)?;
    check::finite("xk", xk)?;
    check::positive("epsilon", epsilon)?;
    let f0 = f(xk);
    let mut x = xk.to_owned();
    Ok(Array1::from_shape_fn(xk.len(), |i| {
        let xi = x[i];
        x[i] = xi + epsilon;
        let dx = x[i] - xi;
        let fi = f(&x);
        x[i] = xi;
        (fi - f0) / dx
    }))
}

/// The 2-norm of the difference between `grad(x0)` and a forward-difference
/// gradient of `func` (SciPy `check_grad`, step `epsilon`).
///
/// # Errors
/// As [`approx_fprime`]; [`crate::Error::ShapeMismatch`] if `grad` returns
/// the wrong length.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{check_grad, rosen, rosen_der};
/// use ndarray::array;
///
/// let err = check_grad(rosen, rosen_der, &array![0.5, 0.3], f64::EPSILON.sqrt())?;
/// assert!(err < 1e-5);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn check_grad<F, G>(func: F, mut grad: G, x0: &ArrayRef1<f64>, epsilon: f64) -> Result<f64>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
    G: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    let approx = approx_fprime(x0, func, epsilon)?;
    let g = grad(x0);
    check::shape("grad(x0)", approx.shape(), g.shape())?;
    Ok(g.iter()
        .zip(&approx)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        .sqrt())
}

/// A boxed objective.
pub(crate) type ObjFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> f64 + 'a>;
/// A boxed gradient (or any vector-valued function of the variables).
pub(crate) type VecFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a>;

/// The user's gradient, or how to approximate it.
pub(crate) enum Grad<'a> {
    Exact(VecFn<'a>),
    Fd(FdScheme),
}

/// An objective with its gradient, counting evaluations as SciPy does
/// (finite-difference evaluations count in `nfev`).
pub(crate) struct Objective<'a> {
    fun: ObjFn<'a>,
    grad: Grad<'a>,
    bounds: Option<Bounds>,
    pub(crate) nfev: usize,
    pub(crate) njev: usize,
}

impl<'a> Objective<'a> {
    pub(crate) fn new(fun: ObjFn<'a>, grad: Grad<'a>, bounds: Option<Bounds>) -> Self {
        Objective {
            fun,
            grad,
            bounds,
            nfev: 0,
            njev: 0,
        }
    }

    pub(crate) fn f(&mut self, x: &ArrayRef1<f64>) -> f64 {
        self.nfev += 1;
        (self.fun)(x)
    }

    /// Gradient at `x`, where `fx = f(x)` is already known (the base point of
    /// forward differences).
    pub(crate) fn grad(&mut self, x: &ArrayRef1<f64>, fx: f64) -> Array1<f64> {
        self.njev += 1;
        match &mut self.grad {
            Grad::Exact(g) => g(x),
            Grad::Fd(scheme) => {
                let scheme = *scheme;
                let n = x.len();
                let mut xp = x.to_owned();
                let mut g = Array1::zeros(n);
                for i in 0..n {
                    let xi = x[i];
                    let (lb, ub) = match &self.bounds {
                        Some(b) => (b.lb[i], b.ub[i]),
                        None => (f64::NEG_INFINITY, f64::INFINITY),
                    };
                    if lb == ub {
                        // A fixed variable: no feasible step, and no use for one.
                        g[i] = 0.0;
                        continue;
                    }
                    let sign = if xi >= 0.0 { 1.0 } else { -1.0 };
                    match scheme {
                        FdScheme::TwoPoint => {
                            let mut h = f64::EPSILON.sqrt() * sign * xi.abs().max(1.0);
                            if xi + h > ub || xi + h < lb {
                                h = -h;
                            }
                            xp[i] = xi + h;
                            let dx = xp[i] - xi;
                            self.nfev += 1;
                            let fi = (self.fun)(&xp);
                            g[i] = (fi - fx) / dx;
                        }
                        FdScheme::ThreePoint => {
                            let h = f64::EPSILON.cbrt() * sign * xi.abs().max(1.0);
                            let (x1, x2) = if xi - h.abs() < lb {
                                (xi + h.abs(), xi + 2.0 * h.abs())
                            } else if xi + h.abs() > ub {
                                (xi - h.abs(), xi - 2.0 * h.abs())
                            } else {
                                (xi - h, xi + h)
                            };
                            xp[i] = x1;
                            let f1 = (self.fun)(&xp);
                            xp[i] = x2;
                            let f2 = (self.fun)(&xp);
                            self.nfev += 2;
                            g[i] = if (x1 - xi) * (x2 - xi) < 0.0 {
                                (f2 - f1) / (x2 - x1)
                            } else {
                                // One-sided second-order formula at a bound.
                                let d = x1 - xi;
                                (-3.0 * fx + 4.0 * f1 - f2) / (2.0 * d)
                            };
                        }
                    }
                    xp[i] = xi;
                }
                g
            }
        }
    }
}
