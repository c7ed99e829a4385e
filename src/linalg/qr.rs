//! QR decomposition by Householder reflections: `qr` (full, economic,
//! r-only, column pivoting), and `rq` through the QR of the flipped adjoint.

use super::Scalar;
use super::kernels::MatMut;
use super::kernels::qr::{geqp2, geqrf, orgqr};
use super::util::finite;
use crate::Result;
use ndarray::{Array1, Array2, ArrayRef2, s};

/// The factors of [`qr`] and [`qr_economic`]: `a = q·r`.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr<T> {
    /// Unitary (`M × M`) or, economic, orthonormal columns (`M × K`).
    pub q: Array2<T>,
    /// Upper-trapezoidal `M × N` or, economic, `K × N`; `K = min(M, N)`.
    pub r: Array2<T>,
}

/// The factors of [`qr_pivoting`] and [`qr_pivoting_economic`]:
/// `a[:, p] = q·r`, with `|r[0,0]| ≥ |r[1,1]| ≥ …`.
#[derive(Debug, Clone, PartialEq)]
pub struct QrPivoted<T> {
    /// Unitary (`M × M`) or, economic, orthonormal columns (`M × K`).
    pub q: Array2<T>,
    /// Upper-trapezoidal, with non-increasing diagonal magnitudes.
    pub r: Array2<T>,
    /// Column permutation: column `j` of `q·r` is column `p[j]` of `a`.
    pub p: Array1<usize>,
}

enum Mode {
    Full,
    Economic,
}

/// Compact QR: `R` and the reflectors in one array, `tau`, and the pivots.
type Compact<T> = (Array2<T>, Vec<T>, Option<Vec<usize>>);

/// Factors a copy of `a`: compact storage, `tau`, and the pivots if asked.
fn factor<T: Scalar>(a: &ArrayRef2<T>, pivoting: bool) -> Result<Compact<T>> {
    finite("a", a)?;
    let mut f = a.as_standard_layout().into_owned();
    let (m, n) = f.dim();
    let mut tau = vec![T::zero(); m.min(n)];
    let perm = if pivoting {
        let mut perm = vec![0; n];
        // SAFETY: `f` is an owned row-major array; buffer lengths as required.
        unsafe { geqp2(MatMut::from_array(&mut f), &mut tau, &mut perm) };
        Some(perm)
    } else {
        // SAFETY: `f` is an owned row-major array; `tau` has min(m, n) entries.
        unsafe { geqrf(MatMut::from_array(&mut f), &mut tau) };
        None
    };
    Ok((f, tau, perm))
}

fn r_of<T: Scalar>(f: &Array2<T>, rows: usize) -> Array2<T> {
    let n = f.ncols();
    Array2::from_shape_fn(
        (rows, n),
        |(i, j)| if j >= i { f[[i, j]] } else { T::zero() },
    )
}

fn q_of<T: Scalar>(f: &mut Array2<T>, tau: &[T], mode: Mode) -> Array2<T> {
    let m = f.nrows();
    let qc = match mode {
        Mode::Full => m,
        Mode::Economic => tau.len(),
    };
    let mut q = Array2::from_shape_fn((m, qc), |(i, j)| if i == j { T::one() } else { T::zero() });
    if m > 0 && qc > 0 {
        // SAFETY: `f` and `q` are separate owned row-major arrays; k ≤ qc ≤ m.
        unsafe { orgqr(MatMut::from_array(f), tau, MatMut::from_array(&mut q)) };
    }
    q
}

/// QR decomposition `a = q·r` with a full unitary `q` (`M × M`) and
/// upper-trapezoidal `r` (`M × N`).
///
/// SciPy: `scipy.linalg.qr(a)` (`mode='full'`). Blocked Householder
/// (compact WY); `r`'s diagonal has LAPACK's signs, so results match SciPy's.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `a` holds NaN
/// or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{qr, Qr};
/// use ndarray::array;
///
/// let a = array![[12.0_f64, -51.0, 4.0], [6.0, 167.0, -68.0], [-4.0, 24.0, -41.0]];
/// let Qr { q, r } = qr(&a)?;
/// assert!((q.dot(&r) - &a).iter().all(|e| e.abs() < 1e-12));
/// assert!((r[[0, 0]] + 14.0).abs() < 1e-12); // SciPy's r[0, 0] is -14
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn qr<T: Scalar>(a: &ArrayRef2<T>) -> Result<Qr<T>> {
    let (mut f, tau, _) = factor(a, false)?;
    let r = r_of(&f, f.nrows());
    Ok(Qr {
        q: q_of(&mut f, &tau, Mode::Full),
        r,
    })
}

/// Economic QR: `q` is `M × K` with orthonormal columns, `r` is `K × N`.
///
/// SciPy: `scipy.linalg.qr(a, mode='economic')`.
///
/// # Errors
/// As [`qr`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{qr_economic, Qr};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let Qr { q, r } = qr_economic(&a)?;
/// assert_eq!((q.dim(), r.dim()), ((3, 2), (2, 2)));
/// assert!((q.dot(&r) - &a).iter().all(|e| e.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn qr_economic<T: Scalar>(a: &ArrayRef2<T>) -> Result<Qr<T>> {
    let (mut f, tau, _) = factor(a, false)?;
    let r = r_of(&f, tau.len());
    Ok(Qr {
        q: q_of(&mut f, &tau, Mode::Economic),
        r,
    })
}

/// Only the `M × N` triangular factor `r` of the QR decomposition.
///
/// SciPy: `scipy.linalg.qr(a, mode='r')` (which returns the 1-tuple `(r,)`).
///
/// # Errors
/// As [`qr`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::qr_r;
/// use ndarray::array;
///
/// let r = qr_r(&array![[3.0_f64, 1.0], [4.0, 2.0]])?;
/// assert!((r[[0, 0]] + 5.0).abs() < 1e-15 && r[[1, 0]] == 0.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn qr_r<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    let (f, _, _) = factor(a, false)?;
    Ok(r_of(&f, f.nrows()))
}

/// QR with column pivoting, `a[:, p] = q·r`, full `q`: the rank-revealing
/// factorization (diagonal of `r` non-increasing in magnitude).
///
/// SciPy: `scipy.linalg.qr(a, pivoting=True)`.
///
/// # Errors
/// As [`qr`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{qr_pivoting, QrPivoted};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 10.0], [1.0, 20.0], [1.0, 30.0]];
/// let QrPivoted { q, r, p } = qr_pivoting(&a)?;
/// assert_eq!(p.to_vec(), vec![1, 0]); // the larger column comes first
/// let ap = ndarray::stack![ndarray::Axis(1), a.column(1), a.column(0)];
/// assert!((q.dot(&r) - &ap).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn qr_pivoting<T: Scalar>(a: &ArrayRef2<T>) -> Result<QrPivoted<T>> {
    let (mut f, tau, p) = factor(a, true)?;
    let r = r_of(&f, f.nrows());
    Ok(QrPivoted {
        q: q_of(&mut f, &tau, Mode::Full),
        r,
        p: Array1::from(p.expect("pivoting was asked for")),
    })
}

/// Economic QR with column pivoting: `q` is `M × K`, `r` is `K × N`.
///
/// SciPy: `scipy.linalg.qr(a, mode='economic', pivoting=True)`.
///
/// # Errors
/// As [`qr`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{qr_pivoting_economic, QrPivoted};
/// use ndarray::array;
///
/// // Rank 1: the second diagonal entry of r vanishes.
/// let a = array![[1.0_f64, 2.0], [2.0, 4.0], [3.0, 6.0]];
/// let QrPivoted { q, r, p } = qr_pivoting_economic(&a)?;
/// assert_eq!((q.dim(), p.to_vec()), ((3, 2), vec![1, 0]));
/// assert!(r[[1, 1]].abs() < 1e-14 * r[[0, 0]].abs());
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn qr_pivoting_economic<T: Scalar>(a: &ArrayRef2<T>) -> Result<QrPivoted<T>> {
    let (mut f, tau, p) = factor(a, true)?;
    let r = r_of(&f, tau.len());
    Ok(QrPivoted {
        q: q_of(&mut f, &tau, Mode::Economic),
        r,
        p: Array1::from(p.expect("pivoting was asked for")),
    })
}

/// The factors of [`rq`] and [`rq_economic`]: `a = r·q`.
#[derive(Debug, Clone, PartialEq)]
pub struct Rq<T> {
    /// Upper-trapezoidal `M × N` (its last `min(M, N)` columns hold the
    /// triangle) or, economic, `M × K`.
    pub r: Array2<T>,
    /// Unitary `N × N` or, economic, `K × N` with orthonormal rows.
    pub q: Array2<T>,
}

/// Reverses rows and columns.
fn flip<T: Scalar>(a: &Array2<T>) -> Array2<T> {
    a.slice(s![..;-1, ..;-1]).to_owned()
}

fn rq_impl<T: Scalar>(a: &ArrayRef2<T>, mode: Mode) -> Result<Rq<T>> {
    // With J the reversal, a = J·(J·a·J)·J; the QR of b = (J·a·J)ᴴ gives
    // a = (J·r̃ᴴ·J)·(J·q̃ᴴ·J), and J·r̃ᴴ·J is upper trapezoidal. The reflector
    // order matches LAPACK's gerqf (last row first), and so do the signs.
    let b = a.slice(s![..;-1, ..;-1]).t().mapv(|v| v.conj());
    let Qr { q, r } = match mode {
        Mode::Full => qr(&b)?,
        Mode::Economic => qr_economic(&b)?,
    };
    let conj_t = |x: &Array2<T>| x.t().mapv(|v| v.conj());
    Ok(Rq {
        r: flip(&conj_t(&r)),
        q: flip(&conj_t(&q)),
    })
}

/// RQ decomposition `a = r·q`: `r` upper-trapezoidal `M × N`, `q` unitary `N × N`.
///
/// SciPy: `scipy.linalg.rq(a)`.
///
/// # Errors
/// As [`qr`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{rq, Rq};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let Rq { r, q } = rq(&a)?;
/// assert_eq!((r.dim(), q.dim()), ((2, 3), (3, 3)));
/// assert!((r.dot(&q) - &a).iter().all(|e| e.abs() < 1e-13));
/// assert!(r[[0, 0]] == 0.0 && r[[1, 0]] == 0.0 && r[[1, 1]] == 0.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rq<T: Scalar>(a: &ArrayRef2<T>) -> Result<Rq<T>> {
    rq_impl(a, Mode::Full)
}

/// Economic RQ: `r` is `M × K`, `q` is `K × N` with orthonormal rows.
///
/// SciPy: `scipy.linalg.rq(a, mode='economic')`.
///
/// # Errors
/// As [`qr`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{rq_economic, Rq};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let Rq { r, q } = rq_economic(&a)?;
/// assert_eq!((r.dim(), q.dim()), ((2, 2), (2, 3)));
/// assert!((r.dot(&q) - &a).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rq_economic<T: Scalar>(a: &ArrayRef2<T>) -> Result<Rq<T>> {
    rq_impl(a, Mode::Economic)
}
