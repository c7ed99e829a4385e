//! `pinvh`: pseudo-inverse of a Hermitian matrix through its eigenvalues.

use super::{EighOptions, RealScalar, Scalar, eigh_with};
use crate::{Result, check};
use ndarray::{Array2, ArrayRef2};
use num_traits::Float;

/// Options for [`pinvh_with`]: SciPy's keywords.
#[derive(Debug, Clone, PartialEq)]
pub struct PinvhOptions {
    /// Absolute cut-off for small eigenvalues (SciPy `atol`; `None` = 0).
    pub atol: Option<f64>,
    /// Relative cut-off, times `max |λ|` (SciPy `rtol`; `None` = `N·ε`).
    pub rtol: Option<f64>,
    /// Read the lower triangle of `a` (SciPy `lower`, default `true`).
    pub lower: bool,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for PinvhOptions {
    fn default() -> Self {
        PinvhOptions {
            atol: None,
            rtol: None,
            lower: true,
            check_finite: true,
        }
    }
}

/// Moore–Penrose pseudo-inverse of a Hermitian (real symmetric) matrix.
///
/// SciPy: `scipy.linalg.pinvh(a)`. From `a = V·diag(λ)·Vᴴ`, eigenvalues with
/// `|λ| ≤ atol + rtol·max|λ|` (defaults `0` and `N·ε`) are dropped:
///
/// ```text
/// pinvh(a) = Σ_{|λᵢ| > cut} vᵢ · vᵢᴴ / λᵢ
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::pinvh;
/// use ndarray::array;
///
/// // Singular: rank 1, eigenvalues 0 and 2.
/// let a = array![[1.0_f64, 1.0], [1.0, 1.0]];
/// let b = pinvh(&a)?;
/// assert!((b - array![[0.25, 0.25], [0.25, 0.25]]).iter().all(|x| x.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn pinvh<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    pinvh_with(a, &PinvhOptions::default())
}

/// [`pinvh`] with SciPy's keywords (`atol`, `rtol`, `lower`, `check_finite`).
///
/// # Errors
/// As [`pinvh`], and for negative or non-finite tolerances.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{pinvh_with, PinvhOptions};
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 0.0], [0.0, 1e-10]];
/// let b = pinvh_with(&a, &PinvhOptions { atol: Some(1e-8), ..Default::default() })?;
/// assert_eq!(b[[1, 1]], 0.0);
/// assert!((b[[0, 0]] - 0.25).abs() < 1e-16);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn pinvh_with<T: Scalar>(a: &ArrayRef2<T>, opts: &PinvhOptions) -> Result<Array2<T>> {
    let n = check::square("a", a)?;
    let atol = opts.atol.unwrap_or(0.0);
    let rtol = opts
        .rtol
        .unwrap_or(n as f64 * T::Real::epsilon().to_f64_real());
    check::non_negative("atol", atol)?;
    check::non_negative("rtol", rtol)?;
    let e = eigh_with(
        a,
        &EighOptions {
            lower: opts.lower,
            check_finite: opts.check_finite,
            ..Default::default()
        },
    )?;
    let smax =
        e.w.iter()
            .fold(0.0_f64, |m, v| m.max(v.abs().to_f64_real()));
    let cut = atol + rtol * smax;
    // B = Σ vᵢ·vᵢᴴ/λᵢ over the kept eigenvalues: (V·Λ⁺)·Vᴴ.
    let keep: Vec<usize> = (0..n)
        .filter(|&i| e.w[i].abs().to_f64_real() > cut)
        .collect();
    let vk = Array2::from_shape_fn((n, keep.len()), |(i, c)| e.v[[i, keep[c]]]);
    let scaled = Array2::from_shape_fn((n, keep.len()), |(i, c)| {
        vk[[i, c]].scale_real(<T::Real as RealScalar>::from_f64_real(1.0) / e.w[keep[c]])
    });
    Ok(scaled.dot(&vk.t().mapv(|v| v.conj())))
}
