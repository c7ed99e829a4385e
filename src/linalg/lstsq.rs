//! What the SVD gives: `lstsq`, `pinv`, `matrix_rank`, `null_space`, `orth`.

use super::svd::{Svd, SvdOptions, svd_with, svdvals};
use super::util::{finite, rhs_copy};
use super::{RealScalar, Scalar};
use crate::{Result, check};
use ndarray::{Array, Array1, Array2, ArrayRef, ArrayRef2, Dimension, s};
use num_traits::{Float, Zero};

fn thin<T: Scalar>(a: &ArrayRef2<T>) -> Result<Svd<T>> {
    svd_with(
        a,
        &SvdOptions {
            full_matrices: false,
            check_finite: false,
        },
    )
}

fn eps_f64<T: Scalar>() -> f64 {
    T::Real::epsilon().to_f64_real()
}

/// Number of singular values above `cutoff`.
fn count_above<R: RealScalar>(s: &Array1<R>, cutoff: f64) -> usize {
    s.iter().filter(|v| v.to_f64_real() > cutoff).count()
}

/// `V[:, ..r] · diag(1/s[..r]) · U[:, ..r]ᴴ · b`.
fn apply_pinv<T: Scalar>(f: &Svd<T>, r: usize, b: &Array2<T>) -> Array2<T> {
    let u = f.u.slice(s![.., ..r]);
    let mut c = u.t().mapv(|v| v.conj()).dot(b);
    for (mut row, &sv) in c.outer_iter_mut().zip(f.s.iter()) {
        row.mapv_inplace(|v| v.scale_real(sv.recip()));
    }
    f.vt.slice(s![..r, ..]).t().mapv(|v| v.conj()).dot(&c)
}

/// Options for [`lstsq_with`]: SciPy's keywords of `scipy.linalg.lstsq`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LstsqOptions {
    /// Singular values below `cond · s_max` count as zero (SciPy `cond`);
    /// `None` means the machine epsilon of the element type.
    pub cond: Option<f64>,
}

/// The result of [`lstsq`], named like SciPy's tuple `(x, residues, rank, s)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Lstsq<T: Scalar, D: Dimension> {
    /// Minimum-norm least-squares solution, `N` or `N × K` like `b`.
    pub x: Array<T, D>,
    /// Squared 2-norm of each column of `b − a·x` when `rank == N < M`;
    /// empty otherwise (as SciPy).
    pub residues: Array1<T::Real>,
    /// Effective rank of `a`.
    pub rank: usize,
    /// Singular values of `a`, non-increasing.
    pub s: Array1<T::Real>,
}

/// Least-squares solution of `a·x ≈ b`: minimises `‖b − a·x‖₂`, and `‖x‖₂`
/// among the minimisers when `a` is rank-deficient.
///
/// SciPy: `scipy.linalg.lstsq(a, b)`. Computed from the SVD of `a`
/// (as SciPy's default `gelsd` driver).
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `b` does not have
/// `M` rows; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::lstsq;
/// use ndarray::array;
///
/// // Fit y = c0 + c1·x to three points.
/// let a = array![[1.0_f64, 0.0], [1.0, 1.0], [1.0, 2.0]];
/// let r = lstsq(&a, &array![1.0, 2.0, 4.0])?;
/// assert!((r.x[0] - 5.0 / 6.0).abs() < 1e-14 && (r.x[1] - 1.5).abs() < 1e-14);
/// assert_eq!(r.rank, 2);
/// assert!((r.residues[0] - 1.0 / 6.0).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lstsq<T: Scalar, D: Dimension>(a: &ArrayRef2<T>, b: &ArrayRef<T, D>) -> Result<Lstsq<T, D>> {
    lstsq_with(a, b, &LstsqOptions::default())
}

/// [`lstsq`] with SciPy's `cond` cut-off.
///
/// # Errors
/// As [`lstsq`], and [`Error::InvalidArgument`](crate::Error::InvalidArgument)
/// for a negative or non-finite `cond`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{lstsq_with, LstsqOptions};
/// use ndarray::array;
///
/// // Nearly dependent columns: a loose cut-off treats them as rank 1.
/// let a = array![[1.0_f64, 1.0], [1.0, 1.0 + 1e-10]];
/// let r = lstsq_with(&a, &array![2.0, 2.0], &LstsqOptions { cond: Some(1e-8) })?;
/// assert_eq!(r.rank, 1);
/// assert!((r.x[0] - 1.0).abs() < 1e-8 && (r.x[1] - 1.0).abs() < 1e-8);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lstsq_with<T: Scalar, D: Dimension>(
    a: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
    opts: &LstsqOptions,
) -> Result<Lstsq<T, D>> {
    let (m, n) = a.dim();
    finite("a", a)?;
    let bm = rhs_copy("b", b, m, true)?;
    let cond = opts.cond.unwrap_or_else(eps_f64::<T>);
    check::non_negative("cond", cond)?;
    let k = bm.ncols();
    let f = thin(a)?;
    let smax = f.s.first().map_or(0.0, |v| v.to_f64_real());
    let rank = count_above(&f.s, cond * smax);
    let x = apply_pinv(&f, rank, &bm);
    let residues = if rank == n && m > n {
        let r = &bm - &a.dot(&x);
        Array1::from_iter((0..k).map(|j| {
            r.column(j)
                .iter()
                .fold(T::Real::zero(), |s, v| s + v.abs2())
        }))
    } else {
        Array1::zeros(0)
    };
    let mut shape = b.shape().to_vec();
    shape[0] = n;
    let x = x.into_shape_with_order(shape).expect("n·k elements");
    let x = x.into_dimensionality::<D>().expect("same dimension as b");
    Ok(Lstsq {
        x,
        residues,
        rank,
        s: f.s,
    })
}

/// Options for [`pinv_with`]: SciPy's keywords of `scipy.linalg.pinv`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PinvOptions {
    /// Absolute cut-off for small singular values (SciPy `atol`; `None` = 0).
    pub atol: Option<f64>,
    /// Relative cut-off, times `s_max` (SciPy `rtol`; `None` = `max(M, N)·ε`).
    pub rtol: Option<f64>,
}

/// Moore–Penrose pseudo-inverse, from the SVD.
///
/// SciPy: `scipy.linalg.pinv(a)`. Singular values at or below
/// `atol + rtol·s_max` (defaults `0` and `max(M, N)·ε`) are treated as zero.
///
/// ```text
/// pinv(a) = V · diag(1/s) · Uᴴ    (over the singular values kept)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::pinv;
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let p = pinv(&a)?;
/// assert!((p.dot(&a) - ndarray::Array2::<f64>::eye(2)).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn pinv<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    pinv_with(a, &PinvOptions::default())
}

/// [`pinv`] with SciPy's `atol` and `rtol` cut-offs.
///
/// # Errors
/// As [`pinv`], and for negative or non-finite tolerances.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{pinv_with, PinvOptions};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 0.0], [0.0, 1e-12]];
/// let p = pinv_with(&a, &PinvOptions { atol: Some(1e-9), ..Default::default() })?;
/// assert_eq!(p[[1, 1]], 0.0); // the tiny singular value is cut
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn pinv_with<T: Scalar>(a: &ArrayRef2<T>, opts: &PinvOptions) -> Result<Array2<T>> {
    let (m, n) = a.dim();
    finite("a", a)?;
    let atol = opts.atol.unwrap_or(0.0);
    let rtol = opts.rtol.unwrap_or(m.max(n) as f64 * eps_f64::<T>());
    check::non_negative("atol", atol)?;
    check::non_negative("rtol", rtol)?;
    let f = thin(a)?;
    let smax = f.s.first().map_or(0.0, |v| v.to_f64_real());
    let r = count_above(&f.s, atol + rtol * smax);
    let mut eye = Array2::<T>::zeros((m, m));
    eye.diag_mut().fill(T::one());
    Ok(apply_pinv(&f, r, &eye))
}

/// Options for [`matrix_rank_with`]: numpy's keywords of `matrix_rank`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MatrixRankOptions {
    /// Absolute threshold (numpy `tol`); overrides `rtol`.
    pub tol: Option<f64>,
    /// Relative threshold times `s_max` (numpy `rtol`; `None` = `max(M, N)·ε`).
    pub rtol: Option<f64>,
}

/// Rank of a matrix: the number of singular values above
/// `s_max · max(M, N) · ε`.
///
/// numpy: `numpy.linalg.matrix_rank(a)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::matrix_rank;
/// use ndarray::array;
///
/// assert_eq!(matrix_rank(&array![[1.0_f64, 2.0], [2.0, 4.0]])?, 1);
/// assert_eq!(matrix_rank(&array![[1.0_f64, 2.0], [3.0, 4.0]])?, 2);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn matrix_rank<T: Scalar>(a: &ArrayRef2<T>) -> Result<usize> {
    matrix_rank_with(a, &MatrixRankOptions::default())
}

/// [`matrix_rank`] with numpy's `tol` / `rtol`.
///
/// # Errors
/// As [`matrix_rank`], and for negative or non-finite thresholds.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{matrix_rank_with, MatrixRankOptions};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 0.0], [0.0, 1e-6]];
/// assert_eq!(matrix_rank_with(&a, &MatrixRankOptions { tol: Some(1e-3), ..Default::default() })?, 1);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn matrix_rank_with<T: Scalar>(a: &ArrayRef2<T>, opts: &MatrixRankOptions) -> Result<usize> {
    let (m, n) = a.dim();
    let s = svdvals(a)?;
    let smax = s.first().map_or(0.0, |v| v.to_f64_real());
    let cutoff = match opts.tol {
        Some(t) => {
            check::non_negative("tol", t)?;
            t
        }
        None => {
            let r = opts.rtol.unwrap_or(m.max(n) as f64 * eps_f64::<T>());
            check::non_negative("rtol", r)?;
            r * smax
        }
    };
    Ok(count_above(&s, cutoff))
}

/// Orthonormal basis of the null space of `a` (columns), from the SVD.
///
/// SciPy: `scipy.linalg.null_space(a)`; singular values at or below
/// `s_max · max(M, N) · ε` count as zero (`rcond` overrides the factor).
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN/inf or a
/// negative `rcond`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::null_space;
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 1.0], [1.0, 1.0]];
/// let z = null_space(&a, None)?;
/// assert_eq!(z.dim(), (2, 1));
/// assert!(a.dot(&z).iter().all(|e| e.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn null_space<T: Scalar>(a: &ArrayRef2<T>, rcond: Option<f64>) -> Result<Array2<T>> {
    let (m, n) = a.dim();
    finite("a", a)?;
    let rcond = rcond.unwrap_or(m.max(n) as f64 * eps_f64::<T>());
    check::non_negative("rcond", rcond)?;
    let f = svd_with(
        a,
        &SvdOptions {
            full_matrices: true,
            check_finite: false,
        },
    )?;
    let smax = f.s.first().map_or(0.0, |v| v.to_f64_real());
    let r = count_above(&f.s, rcond * smax);
    Ok(f.vt.slice(s![r.., ..]).t().mapv(|v| v.conj()))
}

/// Orthonormal basis of the range of `a` (columns), from the SVD.
///
/// SciPy: `scipy.linalg.orth(a)`; the same cut-off as [`null_space`].
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN/inf or a
/// negative `rcond`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::orth;
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [2.0, 4.0], [0.0, 0.0]];
/// let q = orth(&a, None)?;
/// assert_eq!(q.dim(), (3, 1));
/// assert!((q[[0, 0]].abs() - 1.0 / 5f64.sqrt()).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn orth<T: Scalar>(a: &ArrayRef2<T>, rcond: Option<f64>) -> Result<Array2<T>> {
    let (m, n) = a.dim();
    finite("a", a)?;
    let rcond = rcond.unwrap_or(m.max(n) as f64 * eps_f64::<T>());
    check::non_negative("rcond", rcond)?;
    let f = thin(a)?;
    let smax = f.s.first().map_or(0.0, |v| v.to_f64_real());
    let r = count_above(&f.s, rcond * smax);
    Ok(f.u.slice(s![.., ..r]).to_owned())
}
