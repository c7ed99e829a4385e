//! Hermitian band eigenproblem: `eig_banded`, `eigvals_banded`.

use super::kernels::band::{LowerBand, band_to_tridiagonal};
use super::tridiagonal_eig::{EigSelect, kernel_select, tridiagonal_eigen};
use super::util::{eye, finite};
use super::{Eigh, Scalar};
use crate::{Result, check};
use ndarray::{Array1, Array2, ArrayRef2};
use num_traits::Zero;

/// Options for [`eig_banded_with`] and [`eigvals_banded_with`].
#[derive(Debug, Clone, PartialEq)]
pub struct EigBandedOptions {
    /// `a_band` holds the lower form `a_band[i − j, j] = a[i, j]` (SciPy
    /// `lower`, default `false`: the upper form `a_band[u + i − j, j] = a[i, j]`).
    pub lower: bool,
    /// Which eigenvalues (SciPy `select` and `select_range`, default all).
    /// SciPy's `max_ev` only sizes LAPACK's workspace and has no counterpart.
    pub select: EigSelect,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for EigBandedOptions {
    fn default() -> Self {
        EigBandedOptions {
            lower: false,
            select: EigSelect::All,
            check_finite: true,
        }
    }
}

/// The lower band (with room for the reduction's bulge) of the Hermitian
/// matrix held in `a_band`.
fn lower_band<T: Scalar>(a_band: &ArrayRef2<T>, opts: &EigBandedOptions) -> Result<LowerBand<T>> {
    let (rows, n) = a_band.dim();
    if rows == 0 {
        return Err(check::invalid(
            "a_band",
            format!(
                "must have at least one row (the diagonal), got shape {:?}",
                a_band.shape()
            ),
        ));
    }
    if opts.check_finite {
        finite("a_band", a_band)?;
    }
    let u = rows - 1;
    let mut band = LowerBand::zeros(n, u);
    for j in 0..n {
        for i in j..(j + u + 1).min(n) {
            // a[i, j] for i ≥ j (lower triangle).
            let v = if opts.lower {
                a_band[[i - j, j]]
            } else {
                a_band[[u + j - i, i]].conj()
            };
            *band.at(i, j) = if i == j { T::from_real(v.re()) } else { v };
        }
    }
    Ok(band)
}

/// Eigenvalues, and eigenvectors when asked for.
type Spectrum<T> = (Array1<<T as Scalar>::Real>, Option<Array2<T>>);

fn solve<T: Scalar>(
    a_band: &ArrayRef2<T>,
    opts: &EigBandedOptions,
    vectors: bool,
) -> Result<Spectrum<T>> {
    let mut band = lower_band(a_band, opts)?;
    let n = a_band.ncols();
    let select = kernel_select("select_range", opts.select, n)?;
    let mut qt = vectors.then(|| eye::<T>(n));
    let (d, e) = band_to_tridiagonal(
        &mut band,
        qt.as_mut().map(|q| q.as_slice_mut().expect("row-major")),
    );
    let (w, z) = tridiagonal_eigen(&d, &e, select, T::Real::zero(), vectors)?;
    let v = match (qt, z) {
        (Some(qt), Some(z)) => Some(qt.t().dot(&z.mapv(T::from_real))),
        _ => None,
    };
    Ok((w, v))
}

/// Eigenvalues and eigenvectors of a Hermitian (real symmetric) band matrix.
///
/// SciPy: `scipy.linalg.eig_banded(a_band)`. With `u` superdiagonals,
/// `a_band` is `(u + 1) × n` in LAPACK's upper band storage (SciPy's default
/// `lower=False`):
///
/// ```text
/// a_band[u + i − j, j] = a[i, j]   for max(0, j − u) ≤ i ≤ j
/// ```
///
/// Givens rotations reduce the band to tridiagonal form in O(n²·u), then
/// implicit QR (all eigenvalues) or bisection and inverse iteration (a
/// selection, [`eig_banded_with`]) finish.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `a_band` has
/// no rows or holds NaN or infinity;
/// [`Error::NotConverged`](crate::Error::NotConverged) if the QR iteration
/// exceeds its budget (not seen in practice).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eig_banded, Eigh};
/// use ndarray::{array, Array2};
///
/// // [[4, 1, 2], [1, 5, 1], [2, 1, 6]]: two superdiagonals.
/// let a_band = array![[0.0_f64, 0.0, 2.0], [0.0, 1.0, 1.0], [4.0, 5.0, 6.0]];
/// let Eigh { w, v } = eig_banded(&a_band)?;
/// let a = array![[4.0_f64, 1.0, 2.0], [1.0, 5.0, 1.0], [2.0, 1.0, 6.0]];
/// assert!((a.dot(&v) - v.dot(&Array2::from_diag(&w))).iter().all(|x| x.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eig_banded<T: Scalar>(a_band: &ArrayRef2<T>) -> Result<Eigh<T>> {
    eig_banded_with(a_band, &EigBandedOptions::default())
}

/// [`eig_banded`] with SciPy's keywords (`lower`, `select`, `select_range`,
/// `check_finite`).
///
/// SciPy: `scipy.linalg.eig_banded(a_band, lower=True, select='i', select_range=(lo, hi))`.
///
/// # Errors
/// As [`eig_banded`]; also
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for an index
/// range outside `0..n` or with `lo > hi`, or a value range with `lo > hi`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eig_banded_with, EigBandedOptions, EigSelect};
/// use ndarray::array;
///
/// // Lower storage of the 1-D Laplacian of order 4; its two largest eigenpairs.
/// let a_band = array![[2.0_f64, 2.0, 2.0, 2.0], [-1.0, -1.0, -1.0, 0.0]];
/// let opts = EigBandedOptions { lower: true, select: EigSelect::Index(2, 3), ..Default::default() };
/// let r = eig_banded_with(&a_band, &opts)?;
/// let want = 2.0 - 2.0 * (4.0 * std::f64::consts::PI / 5.0).cos();
/// assert!((r.w[1] - want).abs() < 1e-14 && r.v.dim() == (4, 2));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eig_banded_with<T: Scalar>(
    a_band: &ArrayRef2<T>,
    opts: &EigBandedOptions,
) -> Result<Eigh<T>> {
    let (w, v) = solve(a_band, opts, true)?;
    Ok(Eigh {
        w,
        v: v.expect("vectors were asked for"),
    })
}

/// Eigenvalues only of a Hermitian (real symmetric) band matrix, ascending.
///
/// SciPy: `scipy.linalg.eigvals_banded(a_band)` (also
/// `eig_banded(a_band, eigvals_only=True)`); no rotations are accumulated.
///
/// # Errors
/// As [`eig_banded`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eigvals_banded;
/// use ndarray::array;
///
/// let w = eigvals_banded(&array![[0.0_f64, 1.0], [1.0, 1.0]])?; // [[1, 1], [1, 1]]
/// assert!(w[0].abs() < 1e-15 && (w[1] - 2.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvals_banded<T: Scalar>(a_band: &ArrayRef2<T>) -> Result<Array1<T::Real>> {
    eigvals_banded_with(a_band, &EigBandedOptions::default())
}

/// [`eigvals_banded`] with SciPy's keywords.
///
/// # Errors
/// As [`eig_banded_with`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eigvals_banded_with, EigBandedOptions, EigSelect};
/// use ndarray::array;
///
/// let opts = EigBandedOptions { select: EigSelect::Value(1.5, 10.0), ..Default::default() };
/// let w = eigvals_banded_with(&array![[0.0_f64, 1.0], [1.0, 1.0]], &opts)?;
/// assert_eq!(w.len(), 1);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvals_banded_with<T: Scalar>(
    a_band: &ArrayRef2<T>,
    opts: &EigBandedOptions,
) -> Result<Array1<T::Real>> {
    Ok(solve(a_band, opts, false)?.0)
}
