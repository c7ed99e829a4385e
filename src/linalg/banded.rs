//! Banded systems: `solve_banded` (LU with partial pivoting inside the band)
//! and `solveh_banded` (banded Cholesky), in O(n·bandwidth²);
//! `cholesky_banded` and `cho_solve_banded` expose the Cholesky factor.

use super::Scalar;
use super::util::{finite, rhs_back, rhs_copy};
use crate::{Error, Result, check};
use ndarray::{Array, ArrayRef, ArrayRef2, Dimension};
use num_traits::{Float, Zero};

/// Solves `a·x = b` for a banded `a` with `l` sub- and `u` superdiagonals,
/// given in LAPACK's band storage: `ab[u + i − j, j] = a[i, j]`.
///
/// SciPy: `scipy.linalg.solve_banded((l, u), ab, b)`. `ab` has `l + u + 1`
/// rows and `N` columns; `b` is a vector of length `N` or an `N × K` matrix.
/// Gaussian elimination with partial pivoting within the band (as LAPACK's
/// `gbsv`), in O(N·l·(l + u)) operations.
///
/// # Errors
/// [`Error::ShapeMismatch`] if `ab` does not have `l + u + 1` rows or `b`
/// does not have `N` rows; [`Error::Singular`] for an exactly singular
/// matrix; [`Error::InvalidArgument`] for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve_banded;
/// use ndarray::array;
///
/// // Tridiagonal [[4, 1, 0, 0], [1, 4, 1, 0], [0, 1, 4, 1], [0, 0, 1, 4]].
/// let ab = array![[0.0_f64, 1.0, 1.0, 1.0], [4.0, 4.0, 4.0, 4.0], [1.0, 1.0, 1.0, 0.0]];
/// let x = solve_banded((1, 1), &ab, &array![1.0, 1.0, 1.0, 1.0])?;
/// assert!((x[0] - 4.0 / 19.0).abs() < 1e-15 && (x[1] - 3.0 / 19.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_banded<T: Scalar, D: Dimension>(
    l_and_u: (usize, usize),
    ab: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    let (l, u) = l_and_u;
    let n = ab.ncols();
    check::shape("ab", &[l + u + 1, n], ab.shape())?;
    finite("ab", ab)?;
    let mut x = rhs_copy("b", b, n, true)?;
    let k = x.ncols();
    // Row-band working storage: row i holds columns i − l ..= i + l + u
    // (the upper part widened by l for the fill-in that pivoting creates).
    let w = 2 * l + u + 1;
    let mut band = vec![T::zero(); n * w];
    for j in 0..n {
        for i in j.saturating_sub(u)..(j + l + 1).min(n) {
            band[i * w + (j + l - i)] = ab[[u + i - j, j]];
        }
    }
    let at = |i: usize, j: usize| i * w + (j + l - i); // valid for i − l ≤ j ≤ i + l + u
    let mut tmp = vec![T::zero(); l + u + 1];
    for c in 0..n {
        let last = (c + l).min(n - 1);
        let p = (c..=last).fold(c, |best, i| {
            if band[at(i, c)].abs1() > band[at(best, c)].abs1() {
                i
            } else {
                best
            }
        });
        if band[at(p, c)] == T::zero() {
            return Err(Error::Singular { pivot: c });
        }
        let hi = (c + l + u).min(n - 1); // last column either row can reach
        if p != c {
            // Rows p and c both hold columns c..=hi in their windows.
            for (t, j) in (c..=hi).enumerate() {
                tmp[t] = band[at(p, j)];
                band[at(p, j)] = band[at(c, j)];
            }
            for (t, j) in (c..=hi).enumerate() {
                band[at(c, j)] = tmp[t];
            }
            for col in 0..k {
                x.swap([c, col], [p, col]);
            }
        }
        let piv = band[at(c, c)];
        for i in c + 1..=last {
            let f = band[at(i, c)] / piv;
            if f == T::zero() {
                continue;
            }
            band[at(i, c)] = T::zero();
            for j in c + 1..=hi {
                let v = band[at(c, j)];
                band[at(i, j)] -= f * v;
            }
            for col in 0..k {
                let v = x[[c, col]];
                x[[i, col]] -= f * v;
            }
        }
    }
    // Back substitution with upper bandwidth l + u.
    for i in (0..n).rev() {
        let hi = (i + l + u).min(n - 1);
        for col in 0..k {
            let mut s = x[[i, col]];
            for j in i + 1..=hi {
                s -= band[at(i, j)] * x[[j, col]];
            }
            x[[i, col]] = s / band[at(i, i)];
        }
    }
    Ok(rhs_back(x, b))
}

/// Options for [`solveh_banded_with`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SolvehBandedOptions {
    /// `ab` holds the lower form `ab[i − j, j] = a[i, j]` (SciPy `lower`,
    /// default `false`: upper form `ab[u + i − j, j] = a[i, j]`).
    pub lower: bool,
}

/// Solves `a·x = b` for a Hermitian positive-definite banded `a` in upper
/// band storage, by banded Cholesky.
///
/// SciPy: `scipy.linalg.solveh_banded(ab, b)`: with `u` superdiagonals,
/// `ab` is `(u + 1) × N` with `ab[u + i − j, j] = a[i, j]` for `i ≤ j`.
///
/// # Errors
/// [`Error::InvalidArgument`] if `a` is not positive definite or holds NaN
/// or infinity; [`Error::ShapeMismatch`] if `b` does not have `N` rows.
///
/// # Examples
/// ```
/// use ferrosci::linalg::solveh_banded;
/// use ndarray::array;
///
/// let ab = array![[0.0_f64, 1.0, 1.0, 1.0], [4.0, 4.0, 4.0, 4.0]];
/// let x = solveh_banded(&ab, &array![1.0, 1.0, 1.0, 1.0])?;
/// assert!((x[0] - 4.0 / 19.0).abs() < 1e-15 && (x[1] - 3.0 / 19.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solveh_banded<T: Scalar, D: Dimension>(
    ab: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    solveh_banded_with(ab, b, &SolvehBandedOptions::default())
}

/// [`solveh_banded`] with SciPy's `lower` keyword.
///
/// # Errors
/// As [`solveh_banded`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{solveh_banded_with, SolvehBandedOptions};
/// use ndarray::array;
///
/// let ab = array![[4.0_f64, 4.0, 4.0, 4.0], [1.0, 1.0, 1.0, 0.0]]; // lower form
/// let x = solveh_banded_with(&ab, &array![1.0, 1.0, 1.0, 1.0], &SolvehBandedOptions { lower: true })?;
/// assert!((x[3] - 4.0 / 19.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solveh_banded_with<T: Scalar, D: Dimension>(
    ab: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
    opts: &SolvehBandedOptions,
) -> Result<Array<T, D>> {
    let (c, w) = band_cholesky(ab, opts.lower)?;
    let mut x = rhs_copy("b", b, ab.ncols(), true)?;
    band_cho_solve(&c, w, &mut x);
    Ok(rhs_back(x, b))
}

/// Row-wise copy of the upper band `r[j·w + t] = m[j, j + t]` (`t ≤ u`,
/// `w = u + 1`) of a Hermitian matrix (or of an upper factor) held in band
/// storage of either form.
fn upper_rows<T: Scalar>(ab: &ArrayRef2<T>, lower: bool) -> Result<(Vec<T>, usize)> {
    let (rows, n) = ab.dim();
    if rows == 0 {
        return Err(check::invalid(
            "ab",
            "must have at least one row (the diagonal)",
        ));
    }
    let u = rows - 1;
    let w = u + 1;
    let mut c = vec![T::zero(); n * w];
    for j in 0..n {
        for t in 0..w.min(n - j) {
            c[j * w + t] = if lower {
                ab[[t, j]].conj()
            } else {
                ab[[u - t, j + t]]
            };
        }
    }
    Ok((c, w))
}

/// Banded Cholesky `a = Uᴴ·U` of the Hermitian band matrix in `ab`: the rows
/// of `U` as in [`upper_rows`], and `w`.
fn band_cholesky<T: Scalar>(ab: &ArrayRef2<T>, lower: bool) -> Result<(Vec<T>, usize)> {
    finite("ab", ab)?;
    let n = ab.ncols();
    let (mut c, w) = upper_rows(ab, lower)?;
    let u = w - 1;
    for j in 0..n {
        // Row j of U: subtract the contributions of rows k < j that reach it:
        // U[j, j + t] −= conj(U[k, j])·U[k, j + t] for j + t ≤ k + u.
        for k in j.saturating_sub(u)..j {
            let (done, rest) = c.split_at_mut(j * w);
            let rk = &done[k * w + (j - k)..k * w + w];
            let ukj = rk[0].conj();
            let len = rk.len().min(n - j);
            for (x, &v) in rest[..len].iter_mut().zip(&rk[..len]) {
                *x -= ukj * v;
            }
        }
        let d = c[j * w].re();
        if d.partial_cmp(&T::Real::zero()) != Some(std::cmp::Ordering::Greater) {
            return Err(check::invalid(
                "ab",
                format!(
                    "matrix is not positive definite: the leading minor of order {} is not positive",
                    j + 1
                ),
            ));
        }
        let d = d.sqrt();
        c[j * w] = T::from_real(d);
        for t in 1..w.min(n - j) {
            c[j * w + t] = c[j * w + t].scale_real(d.recip());
        }
    }
    Ok((c, w))
}

/// `x ← (Uᴴ·U)⁻¹·x` for the band factor from [`band_cholesky`].
fn band_cho_solve<T: Scalar>(c: &[T], w: usize, x: &mut ndarray::Array2<T>) {
    let (n, k) = x.dim();
    let u = w - 1;
    // Uᴴ·y = b (forward), then U·x = y (backward).
    for col in 0..k {
        for i in 0..n {
            let mut s = x[[i, col]];
            for kk in i.saturating_sub(u)..i {
                s -= c[kk * w + (i - kk)].conj() * x[[kk, col]];
            }
            x[[i, col]] = s / c[i * w];
        }
        for i in (0..n).rev() {
            let mut s = x[[i, col]];
            for t in 1..w.min(n - i) {
                s -= c[i * w + t] * x[[i + t, col]];
            }
            x[[i, col]] = s / c[i * w];
        }
    }
}

/// Options for [`cholesky_banded_with`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CholeskyBandedOptions {
    /// `ab` holds the lower form `ab[i − j, j] = a[i, j]` and the result is
    /// `L` (`a = L·Lᴴ`) in the same form (SciPy `lower`, default `false`:
    /// upper form and `U` with `a = Uᴴ·U`).
    pub lower: bool,
}

/// Cholesky factor of a Hermitian positive-definite band matrix, in band
/// storage.
///
/// SciPy: `scipy.linalg.cholesky_banded(ab)`. With `u` superdiagonals, `ab`
/// is `(u + 1) × N` in upper band storage and so is the result `c`, holding
/// `U` with `a = Uᴴ·U`:
///
/// ```text
/// ab[u + i − j, j] = a[i, j],   c[u + i − j, j] = U[i, j]   (i ≤ j)
/// ```
///
/// The unused corner of the storage (`j < u − t` in row `t`) is copied from
/// `ab`, as LAPACK's `pbtrf` leaves it.
///
/// # Errors
/// [`Error::InvalidArgument`] if `a` is not positive definite (SciPy's
/// `LinAlgError`), `ab` has no rows, or holds NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::cholesky_banded;
/// use ndarray::array;
///
/// // [[4, 2, 0], [2, 5, 2], [0, 2, 5]] = Uᵀ·U with U = [[2, 1, 0], [0, 2, 1], [0, 0, 2]].
/// let ab = array![[0.0_f64, 2.0, 2.0], [4.0, 5.0, 5.0]];
/// let c = cholesky_banded(&ab)?;
/// assert_eq!(c, array![[0.0, 1.0, 1.0], [2.0, 2.0, 2.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cholesky_banded<T: Scalar>(ab: &ArrayRef2<T>) -> Result<ndarray::Array2<T>> {
    cholesky_banded_with(ab, &CholeskyBandedOptions::default())
}

/// [`cholesky_banded`] with SciPy's `lower` keyword.
///
/// # Errors
/// As [`cholesky_banded`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cholesky_banded_with, CholeskyBandedOptions};
/// use ndarray::array;
///
/// let ab = array![[4.0_f64, 5.0, 5.0], [2.0, 2.0, 0.0]]; // lower form
/// let c = cholesky_banded_with(&ab, &CholeskyBandedOptions { lower: true })?;
/// assert_eq!(c, array![[2.0, 2.0, 2.0], [1.0, 1.0, 0.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cholesky_banded_with<T: Scalar>(
    ab: &ArrayRef2<T>,
    opts: &CholeskyBandedOptions,
) -> Result<ndarray::Array2<T>> {
    let (c, w) = band_cholesky(ab, opts.lower)?;
    let n = ab.ncols();
    let u = w - 1;
    let mut out = ab.to_owned();
    for j in 0..n {
        for t in 0..w.min(n - j) {
            let v = c[j * w + t];
            if opts.lower {
                out[[t, j]] = v.conj();
            } else {
                out[[u - t, j + t]] = v;
            }
        }
    }
    Ok(out)
}

/// Solves `a·x = b` given the band Cholesky factor from [`cholesky_banded`].
///
/// SciPy: `scipy.linalg.cho_solve_banded((cb, lower), b)`. `b` is a vector
/// of length `N` or an `N × K` matrix; `x` has its shape.
///
/// # Errors
/// [`Error::ShapeMismatch`] if `b` does not have `N` rows;
/// [`Error::Singular`] if the factor has a zero on its diagonal;
/// [`Error::InvalidArgument`] if `cb` has no rows, or for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cho_solve_banded, cholesky_banded};
/// use ndarray::array;
///
/// let ab = array![[0.0_f64, 2.0, 2.0], [4.0, 5.0, 5.0]];
/// let cb = cholesky_banded(&ab)?;
/// let x = cho_solve_banded((&cb, false), &array![6.0_f64, 9.0, 7.0])?;
/// assert!(x.iter().all(|v| (v - 1.0).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cho_solve_banded<T: Scalar, D: Dimension>(
    cb_and_lower: (&ArrayRef2<T>, bool),
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    let (cb, lower) = cb_and_lower;
    finite("cb", cb)?;
    let (c, w) = upper_rows(cb, lower).map_err(|e| match e {
        Error::InvalidArgument { reason, .. } => Error::InvalidArgument { name: "cb", reason },
        other => other,
    })?;
    let n = cb.ncols();
    let mut x = rhs_copy("b", b, n, true)?;
    if let Some(p) = (0..n).find(|&i| c[i * w] == T::zero()) {
        return Err(Error::Singular { pivot: p });
    }
    band_cho_solve(&c, w, &mut x);
    Ok(rhs_back(x, b))
}
