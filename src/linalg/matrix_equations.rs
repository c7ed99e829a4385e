//! Sylvester and Lyapunov equations by the Bartels–Stewart method.

use super::Scalar;
use super::matfun_util::{ct, from_c64, mm, schur_c64, to_c64};
use super::triangular_fun::trsyl;
use super::util::{eye, finite};
use super::{kron, solve};
use crate::{Result, check};
use ndarray::{Array2, ArrayRef2};
use num_complex::Complex64;

/// `A·X + X·B = Q` in complex arithmetic: Schur forms `A = U·S·Uᴴ`,
/// `B = V·T·Vᴴ`, the triangular equation `S·Y + Y·T = Uᴴ·Q·V`, `X = U·Y·Vᴴ`.
fn sylvester_c64(
    a: Array2<Complex64>,
    b: Array2<Complex64>,
    q: Array2<Complex64>,
    real: bool,
) -> Result<Array2<Complex64>> {
    let (s, u) = schur_c64(a, real)?;
    let (t, v) = schur_c64(b, real)?;
    let mut f = q;
    if let Some(u) = &u {
        f = mm(&ct(u), &f);
    }
    if let Some(v) = &v {
        f = mm(&f, v);
    }
    let y = trsyl(&s, &t, &f).map_err(|(i, j)| {
        check::invalid(
            "a",
            format!(
                "a and −b share the eigenvalue {} (Schur indices {i}, {j}): the solution is not unique",
                s[[i, i]]
            ),
        )
    })?;
    let mut x = y;
    if let Some(u) = &u {
        x = mm(u, &x);
    }
    if let Some(v) = &v {
        x = mm(&x, &ct(v));
    }
    Ok(x)
}

/// `A·X + X·Aᴴ = Q` for finite, square, matching inputs.
pub(crate) fn lyapunov_c_unchecked<T: Scalar>(
    a: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
) -> Result<Array2<T>> {
    let ac = to_c64(a);
    let x = sylvester_c64(ac.clone(), ct(&ac), to_c64(q), !T::IS_COMPLEX)?;
    Ok(from_c64(&x))
}

/// Solves the Sylvester equation `A·X + X·B = Q`.
///
/// SciPy: `scipy.linalg.solve_sylvester(a, b, q)`.
///
/// Method: Bartels–Stewart. Complex Schur forms of `A` and `B`, the
/// triangular equation solved by recursive blocks (GEMM updates, point
/// substitution at the leaves), and back-transformation. Real input gives the
/// real solution (the complex arithmetic's imaginary parts are rounding).
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) unless `a` is
/// `M × M`, `b` `N × N` and `q` `M × N`;
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or
/// infinity, or if `A` and `−B` share an eigenvalue (no unique solution).
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve_sylvester;
/// use ndarray::array;
///
/// // SciPy's docstring example.
/// let a = array![[-3.0_f64, -2.0, 0.0], [-1.0, -1.0, 3.0], [3.0, -5.0, -1.0]];
/// let b = array![[1.0_f64]];
/// let q = array![[1.0_f64], [2.0], [3.0]];
/// let x = solve_sylvester(&a, &b, &q)?;
/// assert!((a.dot(&x) + x.dot(&b) - &q).iter().all(|d| d.abs() < 1e-13));
/// assert!((x[[0, 0]] - 0.0625).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_sylvester<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
) -> Result<Array2<T>> {
    let m = check::square("a", a)?;
    let n = check::square("b", b)?;
    check::shape("q", &[m, n], q.shape())?;
    finite("a", a)?;
    finite("b", b)?;
    finite("q", q)?;
    let x = sylvester_c64(to_c64(a), to_c64(b), to_c64(q), !T::IS_COMPLEX)?;
    Ok(from_c64(&x))
}

fn lyapunov_checks<T: Scalar>(a: &ArrayRef2<T>, q: &ArrayRef2<T>) -> Result<usize> {
    let n = check::square("a", a)?;
    check::shape("q", &[n, n], q.shape())?;
    finite("a", a)?;
    finite("q", q)?;
    Ok(n)
}

/// Solves the continuous Lyapunov equation `A·X + X·Aᴴ = Q`.
///
/// SciPy: `scipy.linalg.solve_continuous_lyapunov(a, q)` (a Sylvester
/// equation with `B = Aᴴ`, solved by Bartels–Stewart).
///
/// # Errors
/// As [`solve_sylvester`] (`q` must be `M × M`); no unique solution if `A`
/// has eigenvalues `λ`, `μ` with `λ + μ̄ = 0`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve_continuous_lyapunov;
/// use ndarray::array;
///
/// let a = array![[-3.0_f64, 1.0], [0.5, -2.0]];
/// let q = array![[-1.0_f64, 0.0], [0.0, -2.0]];
/// let x = solve_continuous_lyapunov(&a, &q)?;
/// assert!((a.dot(&x) + x.dot(&a.t()) - &q).iter().all(|d| d.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_continuous_lyapunov<T: Scalar>(
    a: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
) -> Result<Array2<T>> {
    lyapunov_checks(a, q)?;
    lyapunov_c_unchecked(a, q)
}

/// How [`solve_discrete_lyapunov_with`] solves (SciPy `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiscreteLyapunovMethod {
    /// The `M² × M²` linear system `(I − A ⊗ Ā)·vec X = vec Q` (SciPy `'direct'`).
    Direct,
    /// The bilinear (Cayley) transformation to a continuous equation
    /// `B·X + X·Bᴴ = −C`, `B = (A + I)⁻¹(A − I)`,
    /// `C = 2·(A + I)⁻¹·Q·(Aᴴ + I)⁻¹` (SciPy `'bilinear'`).
    Bilinear,
}

/// Options for [`solve_discrete_lyapunov_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DiscreteLyapunovOptions {
    /// The method; `None` (SciPy's default) picks `Direct` for `M < 10` and
    /// `Bilinear` otherwise.
    pub method: Option<DiscreteLyapunovMethod>,
}

/// Solves the discrete Lyapunov (Stein) equation `A·X·Aᴴ − X + Q = 0`.
///
/// SciPy: `scipy.linalg.solve_discrete_lyapunov(a, q)`: direct for
/// `M < 10`, bilinear transformation otherwise (see
/// [`DiscreteLyapunovMethod`]).
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) unless `a` and `q`
/// are `M × M`; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for
/// NaN or infinity; [`Error::Singular`](crate::Error::Singular) (direct, or
/// `A + I` singular in the bilinear method) or
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) (bilinear) if
/// `A` has eigenvalues with `λ·μ̄ = 1`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve_discrete_lyapunov;
/// use ndarray::array;
///
/// // SciPy's docstring example.
/// let a = array![[0.2_f64, 0.5], [0.7, -0.9]];
/// let q = ndarray::Array2::<f64>::eye(2);
/// let x = solve_discrete_lyapunov(&a, &q)?;
/// assert!((a.dot(&x).dot(&a.t()) - &x + &q).iter().all(|d| d.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_discrete_lyapunov<T: Scalar>(a: &ArrayRef2<T>, q: &ArrayRef2<T>) -> Result<Array2<T>> {
    solve_discrete_lyapunov_with(a, q, &DiscreteLyapunovOptions::default())
}

/// [`solve_discrete_lyapunov`] with SciPy's `method`.
///
/// SciPy: `scipy.linalg.solve_discrete_lyapunov(a, q, method=...)`.
///
/// # Errors
/// As [`solve_discrete_lyapunov`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{
///     solve_discrete_lyapunov_with, DiscreteLyapunovMethod, DiscreteLyapunovOptions,
/// };
/// use ndarray::array;
///
/// let a = array![[0.5_f64, 0.1, 0.0], [0.0, -0.3, 0.2], [0.1, 0.0, 0.4]];
/// let q = array![[2.0_f64, 0.5, 0.0], [0.5, 1.0, 0.0], [0.0, 0.0, 1.0]];
/// let direct = DiscreteLyapunovOptions { method: Some(DiscreteLyapunovMethod::Direct) };
/// let bilinear = DiscreteLyapunovOptions { method: Some(DiscreteLyapunovMethod::Bilinear) };
/// let x1 = solve_discrete_lyapunov_with(&a, &q, &direct)?;
/// let x2 = solve_discrete_lyapunov_with(&a, &q, &bilinear)?;
/// assert!((&x1 - &x2).iter().all(|d| d.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_discrete_lyapunov_with<T: Scalar>(
    a: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    opts: &DiscreteLyapunovOptions,
) -> Result<Array2<T>> {
    let n = lyapunov_checks(a, q)?;
    let method = opts.method.unwrap_or(if n < 10 {
        DiscreteLyapunovMethod::Direct
    } else {
        DiscreteLyapunovMethod::Bilinear
    });
    if n == 0 {
        return Ok(Array2::zeros((0, 0)));
    }
    match method {
        DiscreteLyapunovMethod::Direct => {
            // Row-major vec: (A·X·Aᴴ)_ij = Σ A_ik·X_kl·conj(A_jl) = (A ⊗ Ā)·vec X.
            let abar = a.mapv(|v| v.conj());
            let lhs = eye::<T>(n * n) - kron(a, &abar);
            let rhs: ndarray::Array1<T> = q.iter().copied().collect();
            let x = solve(&lhs, &rhs)?;
            Ok(x.into_shape_with_order((n, n)).expect("n² entries"))
        }
        DiscreteLyapunovMethod::Bilinear => {
            let i = eye::<T>(n);
            let ap = a.to_owned() + &i;
            let am = a.to_owned() - &i;
            let b = solve(&ap, &am)?; // (A + I)⁻¹(A − I)
            let w = solve(&ap, q)?; // (A + I)⁻¹·Q
            let c = ct(&solve(&ap, &ct(&w))?); // ((A + I)⁻¹·wᴴ)ᴴ = w·(Aᴴ + I)⁻¹
            let rhs = c.mapv(|v| -v - v);
            lyapunov_c_unchecked(&b, &rhs)
        }
    }
}
