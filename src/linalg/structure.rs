//! Structure tests of a matrix: `bandwidth`, `issymmetric`, `ishermitian`.

use super::{RealScalar, Scalar};
use crate::{Result, check};
use ndarray::ArrayRef2;

/// Lower and upper bandwidth: how far the farthest non-zero entry lies
/// below and above the diagonal.
///
/// SciPy: `scipy.linalg.bandwidth(a)`. A diagonal matrix gives `(0, 0)`; a
/// rectangular matrix is allowed.
///
/// # Examples
/// ```
/// use ferrosci::linalg::bandwidth;
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 0.0, 0.0], [2.0, 3.0, 0.0], [0.0, 4.0, 5.0]];
/// assert_eq!(bandwidth(&a), (1, 0));
/// ```
pub fn bandwidth<T: Scalar>(a: &ArrayRef2<T>) -> (usize, usize) {
    a.indexed_iter()
        .filter(|(_, v)| **v != T::zero())
        .fold((0, 0), |(l, u), ((i, j), _)| {
            (l.max(i.saturating_sub(j)), u.max(j.saturating_sub(i)))
        })
}

/// Tolerances for [`issymmetric_with`] and [`ishermitian_with`] (SciPy
/// `atol`, `rtol`): entries match if `|x − y| ≤ atol + rtol·|y|`; both
/// `None` means exact equality.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SymmetryOptions {
    /// Absolute tolerance (SciPy `atol`).
    pub atol: Option<f64>,
    /// Relative tolerance (SciPy `rtol`).
    pub rtol: Option<f64>,
}

fn mirrored<T: Scalar>(
    a: &ArrayRef2<T>,
    opts: &SymmetryOptions,
    diagonal: bool,
    op: impl Fn(T) -> T,
) -> Result<bool> {
    let n = check::square("a", a)?;
    let exact = opts.atol.is_none() && opts.rtol.is_none();
    let atol = opts.atol.unwrap_or(0.0);
    let rtol = opts.rtol.unwrap_or(0.0);
    check::non_negative("atol", atol)?;
    check::non_negative("rtol", rtol)?;
    for i in 0..n {
        let start = if diagonal { i } else { i + 1 };
        for j in start..n {
            let (x, y) = (a[[i, j]], op(a[[j, i]]));
            let ok = if exact {
                x == y
            } else {
                (x - y).modulus().to_f64_real() <= atol + rtol * y.modulus().to_f64_real()
            };
            if !ok {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// Whether the square matrix `a` equals its transpose (exactly; complex
/// entries are compared as they are, not conjugated).
///
/// SciPy: `scipy.linalg.issymmetric(a)`. The diagonal is not examined; a
/// NaN off the diagonal makes the answer `false`. A 0 × 0 matrix is symmetric.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not square
/// (SciPy raises `ValueError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::issymmetric;
/// use ndarray::array;
///
/// assert!(issymmetric(&array![[1.0_f64, 2.0], [2.0, 5.0]])?);
/// assert!(!issymmetric(&array![[1.0_f64, 2.0], [2.0 + 1e-12, 5.0]])?);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn issymmetric<T: Scalar>(a: &ArrayRef2<T>) -> Result<bool> {
    issymmetric_with(a, &SymmetryOptions::default())
}

/// [`issymmetric`] with SciPy's `atol` / `rtol`.
///
/// # Errors
/// As [`issymmetric`], and for negative or non-finite tolerances.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{issymmetric_with, SymmetryOptions};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [2.0 + 1e-12, 5.0]];
/// assert!(issymmetric_with(&a, &SymmetryOptions { atol: Some(1e-9), ..Default::default() })?);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn issymmetric_with<T: Scalar>(a: &ArrayRef2<T>, opts: &SymmetryOptions) -> Result<bool> {
    mirrored(a, opts, false, |v| v)
}

/// Whether the square matrix `a` equals its conjugate transpose (its
/// diagonal must then be real).
///
/// SciPy: `scipy.linalg.ishermitian(a)`. For real matrices this is
/// [`issymmetric`].
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not square.
///
/// # Examples
/// ```
/// use ferrosci::linalg::ishermitian;
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let i = Complex64::new(0.0, 1.0);
/// let one = Complex64::new(1.0, 0.0);
/// assert!(ishermitian(&array![[one, i], [-i, one]])?);
/// assert!(!ishermitian(&array![[i, one], [one, one]])?); // imaginary diagonal
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ishermitian<T: Scalar>(a: &ArrayRef2<T>) -> Result<bool> {
    ishermitian_with(a, &SymmetryOptions::default())
}

/// [`ishermitian`] with SciPy's `atol` / `rtol`.
///
/// # Errors
/// As [`ishermitian`], and for negative or non-finite tolerances.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{ishermitian_with, SymmetryOptions};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [2.1, 5.0]];
/// assert!(ishermitian_with(&a, &SymmetryOptions { rtol: Some(0.1), ..Default::default() })?);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ishermitian_with<T: Scalar>(a: &ArrayRef2<T>, opts: &SymmetryOptions) -> Result<bool> {
    mirrored(a, opts, T::IS_COMPLEX, |v| v.conj())
}
