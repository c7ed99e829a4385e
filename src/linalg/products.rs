//! Matrix products that build larger matrices: `kron`, `khatri_rao`.

use super::Scalar;
use crate::{Error, Result};
use ndarray::{Array2, ArrayRef2, s};

/// The Kronecker product: the block matrix whose `(i, j)` block is
/// `a[i, j]·b`.
///
/// numpy: `numpy.kron(a, b)` for matrices (SciPy's `scipy.linalg.kron`, the
/// same function, was removed in SciPy 1.17).
///
/// ```text
/// K[i·p + k, j·q + l] = a[i, j]·b[k, l]        (a: m × n, b: p × q, K: mp × nq)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::linalg::kron;
/// use ndarray::array;
///
/// let k = kron(&array![[1.0, 2.0]], &array![[3.0], [4.0]]);
/// assert_eq!(k, array![[3.0, 6.0], [4.0, 8.0]]);
/// ```
pub fn kron<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Array2<T> {
    let ((m, n), (p, q)) = (a.dim(), b.dim());
    let mut out = Array2::zeros((m * p, n * q));
    for ((i, j), &v) in a.indexed_iter() {
        out.slice_mut(s![i * p..(i + 1) * p, j * q..(j + 1) * q])
            .zip_mut_with(b, |o, &w| *o = v * w);
    }
    out
}

/// The Khatri–Rao product: the column-wise Kronecker product of two
/// matrices with the same number of columns.
///
/// SciPy: `scipy.linalg.khatri_rao(a, b)`.
///
/// ```text
/// C[:, j] = kron(a[:, j], b[:, j])        (a: m × k, b: p × k, C: mp × k)
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] naming `b` if its number of columns differs from
/// `a`'s (SciPy's `ValueError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::khatri_rao;
/// use ndarray::array;
///
/// let c = khatri_rao(&array![[1.0, 2.0], [3.0, 4.0]], &array![[5.0, 6.0]])?;
/// assert_eq!(c, array![[5.0, 12.0], [15.0, 24.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn khatri_rao<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Result<Array2<T>> {
    let ((m, k), (p, kb)) = (a.dim(), b.dim());
    if k != kb {
        return Err(Error::ShapeMismatch {
            name: "b",
            expected: vec![p, k],
            got: vec![p, kb],
        });
    }
    Ok(Array2::from_shape_fn((m * p, k), |(r, j)| {
        a[[r / p, j]] * b[[r % p, j]]
    }))
}
