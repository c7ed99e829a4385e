//! Polar decomposition `a = u·p` (or `p·u`), from the SVD.

use super::{Scalar, SvdOptions, svd_with};
use crate::Result;
use ndarray::{Array2, ArrayRef2};

/// Which side the positive semidefinite factor sits on (SciPy `side`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PolarSide {
    /// `a = u·p`, `p` is `N × N` (SciPy `side='right'`, the default).
    #[default]
    Right,
    /// `a = p·u`, `p` is `M × M` (SciPy `side='left'`).
    Left,
}

/// Options for [`polar_with`]: SciPy's keywords.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolarOptions {
    /// `a = u·p` or `a = p·u` (SciPy `side`, default `'right'`).
    pub side: PolarSide,
}

/// The factors of [`polar`]: SciPy's tuple `(u, p)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Polar<T> {
    /// `M × N` with orthonormal columns (`M ≥ N`) or rows (`M < N`).
    pub u: Array2<T>,
    /// Hermitian positive semidefinite.
    pub p: Array2<T>,
}

/// Polar decomposition `a = u·p` with `u` unitary and `p` Hermitian
/// positive semidefinite.
///
/// SciPy: `scipy.linalg.polar(a)`. From the thin SVD `a = W·Σ·Vᴴ`:
///
/// ```text
/// u = W·Vᴴ,   p = V·Σ·Vᴴ   (side right: a = u·p)
///             p = W·Σ·Wᴴ   (side left:  a = p·u)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or
/// infinity; [`Error::NotConverged`](crate::Error::NotConverged) if the SVD
/// does not converge.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{polar, Polar};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, -1.0], [2.0, 4.0]];
/// let Polar { u, p } = polar(&a)?;
/// assert!((u.dot(&p) - &a).iter().all(|x| x.abs() < 1e-14));
/// assert!((u.t().dot(&u) - ndarray::Array2::<f64>::eye(2)).iter().all(|x| x.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn polar<T: Scalar>(a: &ArrayRef2<T>) -> Result<Polar<T>> {
    polar_with(a, &PolarOptions::default())
}

/// [`polar`] with SciPy's `side` keyword.
///
/// SciPy: `scipy.linalg.polar(a, side='left')`.
///
/// # Errors
/// As [`polar`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{polar_with, PolarOptions, PolarSide};
/// use ndarray::array;
///
/// let a = array![[0.5_f64, 1.0, 2.0], [1.5, 3.0, 1.0]];
/// let r = polar_with(&a, &PolarOptions { side: PolarSide::Left })?;
/// assert_eq!(r.p.dim(), (2, 2));
/// assert!((r.p.dot(&r.u) - &a).iter().all(|x| x.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn polar_with<T: Scalar>(a: &ArrayRef2<T>, opts: &PolarOptions) -> Result<Polar<T>> {
    let f = svd_with(
        a,
        &SvdOptions {
            full_matrices: false,
            ..Default::default()
        },
    )?;
    let u = f.u.dot(&f.vt);
    let scaled = |m: &Array2<T>| {
        // m·diag(s)
        let mut out = m.clone();
        for (mut col, &s) in out.columns_mut().into_iter().zip(&f.s) {
            col.mapv_inplace(|v| v.scale_real(s));
        }
        out
    };
    let p = match opts.side {
        PolarSide::Right => {
            let v = f.vt.t().mapv(|x| x.conj());
            scaled(&v).dot(&f.vt)
        }
        PolarSide::Left => scaled(&f.u).dot(&f.u.t().mapv(|x| x.conj())),
    };
    Ok(Polar { u, p })
}
