//! Reduction to upper Hessenberg form: `hessenberg`.

use super::Scalar;
use super::kernels::hessenberg::hessenberg as reduce;
use super::util::square_copy;
use crate::Result;
use ndarray::{Array2, ArrayRef2};

/// The Hessenberg decomposition from [`hessenberg_q`]: `a = q·h·qᴴ`.///
/// ```
/// use ferrosci::linalg::{hessenberg_q, Hessenberg};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]];
/// let Hessenberg { h, q } = hessenberg_q(&a)?;
/// assert_eq!(h[[2, 0]], 0.0);
/// assert!((q.dot(&h).dot(&q.t()) - &a).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Hessenberg<T: Scalar> {
    /// Upper Hessenberg matrix (zero below the first subdiagonal).
    pub h: Array2<T>,
    /// Unitary (orthogonal for real input) similarity transform.
    pub q: Array2<T>,
}

/// Runs the reduction on a validated copy; `Q` only when asked for.
fn run<T: Scalar>(a: &ArrayRef2<T>, want_q: bool) -> Result<(Array2<T>, Option<Array2<T>>)> {
    let a = square_copy("a", a, true)?;
    let n = a.nrows();
    let mut h: Vec<T> = a.iter().copied().collect();
    let q = reduce(&mut h, n, 0, n.saturating_sub(1), want_q);
    let h = Array2::from_shape_vec((n, n), h).expect("n·n elements");
    Ok((
        h,
        q.map(|q| Array2::from_shape_vec((n, n), q).expect("n·n elements")),
    ))
}

/// Upper Hessenberg form of a square matrix.
///
/// SciPy: `scipy.linalg.hessenberg(a)`. Householder reflections from
/// both sides, as LAPACK's `gehrd` (same reflector signs, so the same `h`
/// as SciPy up to rounding); no balancing, as SciPy.
///
/// ```text
/// a = q·h·qᴴ,   h[i, j] = 0 for i > j + 1
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not square;
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::hessenberg;
/// use ndarray::array;
///
/// let a = array![[2.0_f64, 5.0, 8.0, 7.0], [5.0, 2.0, 2.0, 8.0], [7.0, 5.0, 6.0, 6.0], [5.0, 4.0, 4.0, 8.0]];
/// let h = hessenberg(&a)?;
/// assert!(h[[2, 0]] == 0.0 && h[[3, 0]] == 0.0 && h[[3, 1]] == 0.0);
/// // A similarity keeps the trace.
/// assert!((h.diag().sum() - a.diag().sum()).abs() < 1e-12);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hessenberg<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    Ok(run(a, false)?.0)
}

/// Upper Hessenberg form and the unitary transform `q`.
///
/// SciPy: `scipy.linalg.hessenberg(a, calc_q=True)`.
///
/// # Errors
/// As [`hessenberg`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{hessenberg_q, Hessenberg};
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let c = |re: f64, im: f64| Complex64::new(re, im);
/// let a = array![[c(1.0, 1.0), c(2.0, 0.0), c(0.0, 3.0)],
///                [c(4.0, 0.0), c(5.0, -1.0), c(6.0, 0.0)],
///                [c(7.0, 2.0), c(8.0, 0.0), c(9.0, 0.0)]];
/// let Hessenberg { h, q } = hessenberg_q(&a)?;
/// let qh = q.t().mapv(|v| v.conj());
/// let back = q.dot(&h).dot(&qh);
/// assert!((&back - &a).iter().all(|e| e.norm() < 1e-13));
/// assert_eq!(h[[2, 0]], c(0.0, 0.0));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hessenberg_q<T: Scalar>(a: &ArrayRef2<T>) -> Result<Hessenberg<T>> {
    let (h, q) = run(a, true)?;
    Ok(Hessenberg {
        h,
        q: q.expect("q was asked for"),
    })
}
