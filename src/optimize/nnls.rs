//! Non-negative least squares (SciPy `nnls`), by the active-set method of
//! Lawson and Hanson (*Solving Least Squares Problems*, 1974, ch. 23).

use crate::linalg::lstsq;
use crate::{Error, Result, check};
use ndarray::{Array1, ArrayRef1, ArrayRef2, Axis};

/// Keywords of [`nnls_with`]; `Default` is SciPy's defaults.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct NnlsOptions {
    /// Iteration cap (SciPy `maxiter`; `None` means `3·n`).
    pub maxiter: Option<usize>,
    /// Tolerance on the dual variables `w = Aᵀ(b − A x)`: a variable enters
    /// the passive set only if `wⱼ > atol` (`None`:
    /// `10·max(m, n)·ε·‖A‖₁·max(1, ‖b‖₂)`, a scale-aware zero).
    pub atol: Option<f64>,
}

/// Solves `min ‖A x − b‖₂` subject to `x ≥ 0` (SciPy `nnls(A, b)`); returns
/// `(x, rnorm)` with `rnorm = ‖A x − b‖₂`.
///
/// # Errors
/// As [`nnls_with`].
///
/// # Examples
/// SciPy's example:
/// ```
/// use ferrosci::optimize::nnls;
/// use ndarray::array;
///
/// let a = array![[1.0, 0.0], [1.0, 0.0], [0.0, 1.0]];
/// let (x, rnorm) = nnls(&a, &array![2.0, 1.0, 1.0])?;
/// assert!((x[0] - 1.5).abs() < 1e-12 && (x[1] - 1.0).abs() < 1e-12);
/// assert!((rnorm - 0.5f64.sqrt()).abs() < 1e-12);
/// let (x, _) = nnls(&a, &array![-1.0, -1.0, -1.0])?;
/// assert_eq!(x, array![0.0, 0.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn nnls(a: &ArrayRef2<f64>, b: &ArrayRef1<f64>) -> Result<(Array1<f64>, f64)> {
    nnls_with(a, b, &NnlsOptions::default())
}

/// [`nnls`] with SciPy's keywords.
///
/// ```text
/// minimize ‖A x − b‖₂  subject to  x ≥ 0
/// ```
/// Variables move one at a time from the active set (`xⱼ = 0`) to the
/// passive set, whose unconstrained least-squares solution is kept feasible
/// by interpolating back to the boundary.
///
/// # Errors
/// [`Error::InvalidArgument`] if `A` or `b` is not finite;
/// [`Error::ShapeMismatch`] if `b.len() != A.nrows()`;
/// [`Error::NotConverged`] if `maxiter` is reached (SciPy's
/// `RuntimeError`).
///
/// # Examples
/// ```
/// use ferrosci::optimize::{nnls_with, NnlsOptions};
/// use ndarray::array;
///
/// let a = array![[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let (x, _) = nnls_with(&a, &array![-1.0, 0.0, 1.0], &NnlsOptions::default())?;
/// assert!(x.iter().all(|&v| v >= 0.0));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn nnls_with(
    a: &ArrayRef2<f64>,
    b: &ArrayRef1<f64>,
    opts: &NnlsOptions,
) -> Result<(Array1<f64>, f64)> {
    check::finite("A", a)?;
    check::finite("b", b)?;
    let (m, n) = a.dim();
    check::shape("b", &[m], b.shape())?;
    let maxiter = opts.maxiter.unwrap_or(3 * n);
    let anorm1 = (0..n)
        .map(|j| a.column(j).iter().map(|v| v.abs()).sum::<f64>())
        .fold(0.0, f64::max);
    let bnorm = b.dot(b).sqrt();
    let tol = opts
        .atol
        .unwrap_or(10.0 * m.max(n) as f64 * f64::EPSILON * anorm1 * bnorm.max(1.0));
    let mut x = Array1::<f64>::zeros(n);
    let mut passive = vec![false; n];
    let residual = |x: &Array1<f64>| -(a.dot(x) - b);
    let mut w = a.t().dot(&residual(&x));
    let mut iter = 0;
    // Solves the unconstrained problem on the passive columns.
    let solve_passive = |passive: &[bool]| -> Result<Array1<f64>> {
        let idx: Vec<usize> = (0..n).filter(|&j| passive[j]).collect();
        let sub = a.select(Axis(1), &idx);
        let sol = lstsq(&sub, b)?.x;
        let mut z = Array1::zeros(n);
        for (k, &j) in idx.iter().enumerate() {
            z[j] = sol[k];
        }
        Ok(z)
    };
    loop {
        let enter = (0..n)
            .filter(|&j| !passive[j] && w[j] > tol)
            .max_by(|&i, &j| w[i].total_cmp(&w[j]));
        let Some(t) = enter else { break };
        passive[t] = true;
        let mut z = solve_passive(&passive)?;
        // Keep x feasible: step back to the first passive variable that
        // z would make non-positive, and drop it from the passive set.
        while (0..n).any(|j| passive[j] && z[j] <= 0.0) {
            iter += 1;
            if iter > maxiter {
                return Err(Error::NotConverged {
                    iterations: iter - 1,
                    residual: residual(&x).dot(&residual(&x)).sqrt(),
                });
            }
            let (blocking, alpha) = (0..n)
                .filter(|&j| passive[j] && z[j] <= 0.0)
                .map(|j| (j, x[j] / (x[j] - z[j])))
                .fold((n, f64::INFINITY), |a, c| if c.1 < a.1 { c } else { a });
            x = &x + &((&z - &x) * alpha);
            // The blocking variable lands on 0 exactly; others that rounding
            // pushed to or below 0 leave with it.
            x[blocking] = 0.0;
            for j in 0..n {
                if passive[j] && x[j] <= 0.0 {
                    passive[j] = false;
                    x[j] = 0.0;
                }
            }
            if !passive.iter().any(|&p| p) {
                z.fill(0.0);
                break;
            }
            z = solve_passive(&passive)?;
        }
        x = z;
        iter += 1;
        if iter > maxiter {
            return Err(Error::NotConverged {
                iterations: iter - 1,
                residual: residual(&x).dot(&residual(&x)).sqrt(),
            });
        }
        w = a.t().dot(&residual(&x));
    }
    let r = residual(&x);
    Ok((x, r.dot(&r).sqrt()))
}
