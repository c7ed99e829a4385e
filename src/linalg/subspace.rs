//! `subspace_angles`: principal angles between the column spaces of two
//! matrices (Knyazev & Argentati, SIAM J. Sci. Comput. 23, 2002).

use super::{RealScalar, Scalar, orth, svdvals};
use crate::{Error, Result};
use ndarray::{Array1, ArrayRef2};
use num_traits::Float;

/// Principal angles between the column spaces of `a` and `b`, in radians,
/// largest first.
///
/// SciPy: `scipy.linalg.subspace_angles(A, B)`. With orthonormal bases `Qa`,
/// `Qb` ([`orth`]) and `σ` the singular values of `Qaᴴ·Qb`, small angles
/// come from sines (accurate near 0) and large ones from cosines:
///
/// ```text
/// θᵢ = arcsin(μᵢ)  if σᵢ² ≥ ½,   θᵢ = arccos(σ_{k−1−i})  otherwise
/// μ = singular values of Qb − Qa·(Qaᴴ·Qb)   (or the same with a, b swapped)
/// ```
///
/// The result has `min(rank a, rank b)` angles; `angles[0]` is MATLAB's
/// `subspace`.
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` and `b` have different numbers of rows;
/// [`Error::InvalidArgument`] for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::subspace_angles;
/// use ndarray::array;
///
/// // The x axis against the plane spanned by (1, 1, 0) and z: 45°.
/// let a = array![[1.0_f64], [0.0], [0.0]];
/// let b = array![[1.0_f64, 0.0], [1.0, 0.0], [0.0, 1.0]];
/// let t = subspace_angles(&a, &b)?;
/// assert!((t[0] - std::f64::consts::FRAC_PI_4).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn subspace_angles<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Result<Array1<T::Real>> {
    if a.nrows() != b.nrows() {
        return Err(Error::ShapeMismatch {
            name: "b",
            expected: vec![a.nrows(), b.ncols()],
            got: b.shape().to_vec(),
        });
    }
    let qa = orth(a, None)?;
    let qb = orth(b, None)?;
    let qaqb = qa.t().mapv(|v| v.conj()).dot(&qb);
    let sigma = svdvals(&qaqb)?;
    let resid = if qa.ncols() >= qb.ncols() {
        &qb - &qa.dot(&qaqb)
    } else {
        &qa - &qb.dot(&qaqb.t().mapv(|v| v.conj()))
    };
    let half = T::Real::from_f64_real(0.5);
    let one = T::Real::from_f64_real(1.0);
    let k = sigma.len();
    let mask: Vec<bool> = sigma.iter().map(|&s| s * s >= half).collect();
    let mu = if mask.iter().any(|&m| m) {
        svdvals(&resid)?
    } else {
        Array1::zeros(0)
    };
    Ok(Array1::from_shape_fn(k, |i| {
        if mask[i] {
            mu[i].min(one).max(-one).asin()
        } else {
            sigma[k - 1 - i].min(one).max(-one).acos()
        }
    }))
}
