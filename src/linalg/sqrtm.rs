//! The principal matrix square root by the Schur method.

use super::MaybeComplex;
use super::Scalar;
use super::matfun_util::{schur_c64, to_c64, unschur};
use super::triangular_fun::sqrt_tri;
use super::util::finite;
use crate::{Result, check};
use ndarray::ArrayRef2;

/// Computes the principal matrix square root `X` (`X·X = A`, eigenvalues of
/// `X` in the open right half-plane where possible).
///
/// SciPy: `scipy.linalg.sqrtm(A)` (SciPy 1.17: real input gives a real
/// result unless an eigenvalue is on the negative real axis; then the result
/// is complex, here [`MaybeComplex::Complex`]).
///
/// Method: complex Schur form `A = Z·T·Zᴴ`, then the square root of `T` by
/// recursive blocks (Deadman, Higham and Ralha, 2013): `R₁₁ = √T₁₁`,
/// `R₂₂ = √T₂₂` and the triangular Sylvester equation
/// `R₁₁·R₁₂ + R₁₂·R₂₂ = T₁₂`, so most flops are GEMM flops. Triangular input
/// skips the Schur step. Singular matrices are accepted when a square root
/// exists (a zero eigenvalue with 1 × 1 Jordan blocks).
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `A` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity, or if `A` has no square root (a nilpotent Jordan block such
/// as `[[0, 1], [0, 0]]`, where SciPy warns and returns infinities).
///
/// # Examples
/// ```
/// use ferrosci::linalg::sqrtm;
/// use ndarray::array;
///
/// // SciPy's docstring example.
/// let a = array![[1.0_f64, 3.0], [1.0, 4.0]];
/// let r = sqrtm(&a)?.into_real().expect("real root");
/// assert!((r[[0, 0]] - 0.75592895).abs() < 1e-8 && (r[[1, 1]] - 1.88982237).abs() < 1e-8);
/// assert!((r.dot(&r) - &a).iter().all(|d| d.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn sqrtm<T: Scalar>(a: &ArrayRef2<T>) -> Result<MaybeComplex<T::Real>> {
    check::square("A", a)?;
    finite("A", a)?;
    let (t, z) = schur_c64(to_c64(a), !T::IS_COMPLEX)?;
    let r = sqrt_tri(&t).map_err(|j| {
        check::invalid(
            "A",
            format!(
                "has no square root: a zero eigenvalue with a nontrivial Jordan block (Schur index {j})"
            ),
        )
    })?;
    Ok(MaybeComplex::from_c64(unschur(r, &z), !T::IS_COMPLEX))
}
