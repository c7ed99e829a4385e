//! SciPy's special matrices built from vectors: `toeplitz`, `hankel`,
//! `circulant`, `companion`, `convolution_matrix`, `leslie`, `fiedler`,
//! `block_diag`. The named families (`hilbert`, `pascal`, `dft`, ...) are in
//! `named_matrices.rs`.

use super::Scalar;
use super::util::div;
use crate::{Result, check};
use ndarray::{Array2, ArrayRef1, ArrayRef2, s};

/// A Toeplitz matrix: constant along each diagonal, first column `c`, first
/// row `r`.
///
/// SciPy: `scipy.linalg.toeplitz(c, r=None)`. As SciPy, `r[0]` is ignored
/// (the corner is `c[0]`), and `r = None` means `conj(c)`, giving a Hermitian
/// (for real `c`, symmetric) matrix. Empty `c` or `r` give `0 × len(r)` or
/// `len(c) × 0`.
///
/// ```text
/// T[i, j] = c[i − j]  if i ≥ j,   r[j − i]  if i < j      (shape len(c) × len(r))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::linalg::toeplitz;
/// use ndarray::array;
///
/// let t = toeplitz(&array![1.0, 2.0, 3.0], Some(&array![9.0, 5.0]));
/// assert_eq!(t, array![[1.0, 5.0], [2.0, 1.0], [3.0, 2.0]]);
/// assert_eq!(toeplitz(&array![1.0, 2.0], None), array![[1.0, 2.0], [2.0, 1.0]]);
/// ```
pub fn toeplitz<T: Scalar>(c: &ArrayRef1<T>, r: Option<&ArrayRef1<T>>) -> Array2<T> {
    let conj;
    let r = match r {
        Some(r) => r,
        None => {
            conj = c.mapv(T::conj);
            &*conj
        }
    };
    Array2::from_shape_fn(
        (c.len(), r.len()),
        |(i, j)| {
            if i >= j { c[i - j] } else { r[j - i] }
        },
    )
}

/// A Hankel matrix: constant along each anti-diagonal, first column `c`,
/// last row `r`.
///
/// SciPy: `scipy.linalg.hankel(c, r=None)`. As SciPy, `r[0]` is ignored (the
/// anti-diagonal through `c`'s last entry takes `c[-1]`), and `r = None`
/// means zeros below the first anti-diagonal.
///
/// ```text
/// H[i, j] = c[i + j]  if i + j < len(c),   r[i + j − len(c) + 1]  otherwise
/// ```
///
/// # Examples
/// ```
/// use ferrosci::linalg::hankel;
/// use ndarray::array;
///
/// let h = hankel(&array![1.0, 2.0], Some(&array![9.0, 3.0, 4.0]));
/// assert_eq!(h, array![[1.0, 2.0, 3.0], [2.0, 3.0, 4.0]]);
/// assert_eq!(hankel(&array![1.0, 2.0], None), array![[1.0, 2.0], [2.0, 0.0]]);
/// ```
pub fn hankel<T: Scalar>(c: &ArrayRef1<T>, r: Option<&ArrayRef1<T>>) -> Array2<T> {
    let m = c.len();
    let cols = r.map_or(m, |r| r.len());
    Array2::from_shape_fn((m, cols), |(i, j)| {
        let k = i + j;
        if k < m {
            c[k]
        } else {
            r.map_or(T::zero(), |r| r[k + 1 - m])
        }
    })
}

/// A circulant matrix: each column is the previous one shifted down by one,
/// wrapping around; the first column is `c`.
///
/// SciPy: `scipy.linalg.circulant(c)`.
///
/// ```text
/// C[i, j] = c[(i − j) mod n]
/// ```
///
/// # Examples
/// ```
/// use ferrosci::linalg::circulant;
/// use ndarray::array;
///
/// let c = circulant(&array![1.0, 2.0, 3.0]);
/// assert_eq!(c, array![[1.0, 3.0, 2.0], [2.0, 1.0, 3.0], [3.0, 2.0, 1.0]]);
/// ```
pub fn circulant<T: Scalar>(c: &ArrayRef1<T>) -> Array2<T> {
    let n = c.len();
    Array2::from_shape_fn((n, n), |(i, j)| c[(i + n - j) % n])
}

/// The companion matrix of the polynomial `a[0]·xⁿ + a[1]·xⁿ⁻¹ + … + a[n]`,
/// whose eigenvalues are the polynomial's roots.
///
/// SciPy: `scipy.linalg.companion(a)`. The first row is `−a[1..] / a[0]`,
/// the subdiagonal is ones; the result is `n × n` for `len(a) = n + 1`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `a` if
/// `len(a) < 2` or `a[0] == 0` (SciPy's `ValueError`s).
///
/// # Examples
/// ```
/// use ferrosci::linalg::companion;
/// use ndarray::array;
///
/// // 2x² + 4x + 6
/// assert_eq!(companion(&array![2.0, 4.0, 6.0])?, array![[-2.0, -3.0], [1.0, 0.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn companion<T: Scalar>(a: &ArrayRef1<T>) -> Result<Array2<T>> {
    if a.len() < 2 {
        return Err(check::invalid(
            "a",
            format!("must have at least 2 coefficients, got {}", a.len()),
        ));
    }
    if a[0] == T::zero() {
        return Err(check::invalid(
            "a",
            "the first coefficient a[0] must not be zero",
        ));
    }
    let n = a.len() - 1;
    let mut out = Array2::zeros((n, n));
    for j in 0..n {
        out[[0, j]] = -div(a[j + 1], a[0]);
    }
    for i in 1..n {
        out[[i, i - 1]] = T::one();
    }
    Ok(out)
}

/// Which part of the full convolution [`convolution_matrix_with`] keeps
/// (SciPy's `mode`, as `numpy.convolve`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ConvolutionMode {
    /// All `len(a) + n − 1` outputs (SciPy `'full'`, the default).
    #[default]
    Full,
    /// The central `max(len(a), n)` outputs (SciPy `'same'`).
    Same,
    /// Only outputs that do not depend on zero padding:
    /// `max(len(a), n) − min(len(a), n) + 1` of them (SciPy `'valid'`).
    Valid,
}

/// Options for [`convolution_matrix_with`]: SciPy's keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ConvolutionMatrixOptions {
    /// Which rows of the full convolution to keep (SciPy `mode`).
    pub mode: ConvolutionMode,
}

/// The matrix `A` with `A·v = convolve(a, v)` for vectors `v` of length `n`
/// (SciPy's default `mode='full'`).
///
/// SciPy: `scipy.linalg.convolution_matrix(a, n)`.
///
/// ```text
/// A[i, j] = a[i − j]  for 0 ≤ i − j < len(a), else 0      (shape (len(a) + n − 1) × n)
/// ```
///
/// # Errors
/// As [`convolution_matrix_with`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::convolution_matrix;
/// use ndarray::array;
///
/// let a = convolution_matrix(&array![1.0, 2.0], 3)?;
/// // convolve([1, 2], [1, 1, 1]) = [1, 3, 3, 2]
/// assert_eq!(a.dot(&array![1.0, 1.0, 1.0]), array![1.0, 3.0, 3.0, 2.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn convolution_matrix<T: Scalar>(a: &ArrayRef1<T>, n: usize) -> Result<Array2<T>> {
    convolution_matrix_with(a, n, &ConvolutionMatrixOptions::default())
}

/// [`convolution_matrix`] with SciPy's `mode`: the rows of the full matrix
/// that `numpy.convolve(a, v, mode)` would return.
///
/// SciPy: `scipy.linalg.convolution_matrix(a, n, mode)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `a` if it
/// is empty, or `n` if it is zero.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{convolution_matrix_with, ConvolutionMatrixOptions, ConvolutionMode};
/// use ndarray::array;
///
/// let opts = ConvolutionMatrixOptions { mode: ConvolutionMode::Valid };
/// let a = convolution_matrix_with(&array![1.0, 2.0, 3.0], 5, &opts)?;
/// assert_eq!(a.row(0), array![3.0, 2.0, 1.0, 0.0, 0.0]);
/// assert_eq!(a.dim(), (3, 5));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn convolution_matrix_with<T: Scalar>(
    a: &ArrayRef1<T>,
    n: usize,
    opts: &ConvolutionMatrixOptions,
) -> Result<Array2<T>> {
    let m = a.len();
    if m == 0 {
        return Err(check::invalid("a", "must have at least one element"));
    }
    if n == 0 {
        return Err(check::invalid("n", "must be a positive integer, got 0"));
    }
    let (short, long) = (m.min(n), m.max(n));
    // Rows `start .. start + rows` of the full (m + n − 1) × n matrix, the
    // same slice numpy.convolve takes of the full convolution.
    let (start, rows) = match opts.mode {
        ConvolutionMode::Full => (0, m + n - 1),
        ConvolutionMode::Same => ((short - 1) / 2, long),
        ConvolutionMode::Valid => (short - 1, long - short + 1),
    };
    Ok(Array2::from_shape_fn((rows, n), |(i, j)| {
        let k = (start + i).wrapping_sub(j);
        if k < m { a[k] } else { T::zero() }
    }))
}

/// A Leslie matrix (population model): fecundities `f` on the first row,
/// survival rates `s` on the subdiagonal.
///
/// SciPy: `scipy.linalg.leslie(f, s)`. The result is `n × n` for
/// `len(f) = n`, `len(s) = n − 1`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `s` if
/// `len(s) ≠ len(f) − 1` or `s` is empty (SciPy's `ValueError`s).
///
/// # Examples
/// ```
/// use ferrosci::linalg::leslie;
/// use ndarray::array;
///
/// let l = leslie(&array![0.1, 2.0, 1.0], &array![0.2, 0.8])?;
/// assert_eq!(l, array![[0.1, 2.0, 1.0], [0.2, 0.0, 0.0], [0.0, 0.8, 0.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn leslie<T: Scalar>(f: &ArrayRef1<T>, s: &ArrayRef1<T>) -> Result<Array2<T>> {
    let n = f.len();
    if s.len() + 1 != n {
        return Err(check::invalid(
            "s",
            format!(
                "length must be one less than the length of f ({n}), got {}",
                s.len()
            ),
        ));
    }
    if s.is_empty() {
        return Err(check::invalid("s", "must have at least one element"));
    }
    let mut out = Array2::zeros((n, n));
    out.row_mut(0).assign(f);
    for (i, &v) in s.iter().enumerate() {
        out[[i + 1, i]] = v;
    }
    Ok(out)
}

/// The Fiedler matrix of `a`: the distances `|a[i] − a[j]|`.
///
/// SciPy: `scipy.linalg.fiedler(a)`. The result is real (moduli) for
/// complex `a`. Empty `a` gives a 0 × 0 matrix (SciPy returns an empty 1-D
/// array there).
///
/// # Examples
/// ```
/// use ferrosci::linalg::fiedler;
/// use ndarray::array;
///
/// let f = fiedler(&array![1.0, 4.0, 12.0]);
/// assert_eq!(f, array![[0.0, 3.0, 11.0], [3.0, 0.0, 8.0], [11.0, 8.0, 0.0]]);
/// ```
pub fn fiedler<T: Scalar>(a: &ArrayRef1<T>) -> Array2<T::Real> {
    let n = a.len();
    Array2::from_shape_fn((n, n), |(i, j)| (a[i] - a[j]).modulus())
}

/// The block-diagonal matrix with the given blocks in order along the
/// diagonal, zeros elsewhere.
///
/// SciPy: `scipy.linalg.block_diag(*arrs)`. Empty blocks are not skipped:
/// a `2 × 0` block adds two zero rows. No blocks at all give a `1 × 0`
/// matrix, as SciPy's `block_diag()` (pass 1-D inputs as `1 × n` rows).
///
/// # Examples
/// ```
/// use ferrosci::linalg::block_diag;
/// use ndarray::array;
///
/// let (a, b) = (array![[1.0, 2.0]], array![[3.0], [4.0]]);
/// let d = block_diag(&[&a, &b]);
/// assert_eq!(d, array![[1.0, 2.0, 0.0], [0.0, 0.0, 3.0], [0.0, 0.0, 4.0]]);
/// ```
pub fn block_diag<T: Scalar>(arrs: &[&ArrayRef2<T>]) -> Array2<T> {
    if arrs.is_empty() {
        return Array2::zeros((1, 0));
    }
    let rows = arrs.iter().map(|a| a.nrows()).sum();
    let cols = arrs.iter().map(|a| a.ncols()).sum();
    let mut out = Array2::zeros((rows, cols));
    let (mut r, mut c) = (0, 0);
    for a in arrs {
        let (m, n) = a.dim();
        out.slice_mut(s![r..r + m, c..c + n]).assign(*a);
        r += m;
        c += n;
    }
    out
}
