//! Solvers for structured matrices given by their first column (and row):
//! `solve_toeplitz` (Levinson recursion, O(n²)) and `solve_circulant`
//! (diagonalisation by the DFT, done directly in O(n²)).

use super::util::{div, finite, rhs_back, rhs_copy};
use super::{RealScalar, Scalar};
use crate::{Error, Result, check};
use ndarray::{Array, Array1, Array2, ArrayRef, ArrayRef1, Dimension};
use num_complex::Complex64;

/// Solves `T·x = b` for the Toeplitz matrix `T = toeplitz(c, r)` by
/// Levinson recursion, in O(n²) operations per right-hand side.
///
/// SciPy: `scipy.linalg.solve_toeplitz((c, r), b)`, or
/// `solve_toeplitz(c, b)` with `r = None`: then `r = conj(c)` and `T` is
/// Hermitian. As in [`toeplitz`](crate::linalg::toeplitz), `r[0]` is
/// ignored. `b` is a vector of length `n` or an `n × k` matrix.
///
/// ```text
/// T[i, j] = c[i − j] (i ≥ j),  r[j − i] (i < j);  x grows one order at a time:
/// forward/backward vectors f, g of the leading k × k block give the next order's
/// in O(k) work; x_(k+1) = [x_k; 0] + (b_k − ε)·g_(k+1)
/// ```
///
/// Like SciPy's, the recursion needs every leading principal submatrix to be
/// non-singular, and it is not backward stable for indefinite matrices
/// (use [`solve`](crate::linalg::solve) on `toeplitz(c, r)` there).
///
/// # Errors
/// [`Error::ShapeMismatch`] naming `r` if its length differs from `c`'s, or
/// `b` if its first dimension does; [`Error::InvalidArgument`] for NaN or
/// infinity; [`Error::Singular`] with the order of the first singular leading
/// principal submatrix, minus one (SciPy's "Singular principal minor").
///
/// # Examples
/// ```
/// use ferrosci::linalg::{solve_toeplitz, toeplitz};
/// use ndarray::array;
///
/// let (c, r) = (array![1.0, 3.0, 6.0], array![1.0, -1.0, 2.0]);
/// let b = array![1.0, 2.0, 2.0];
/// let x = solve_toeplitz(&c, Some(&r), &b)?;
/// let resid = toeplitz(&c, Some(&r)).dot(&x) - &b;
/// assert!(resid.iter().all(|v: &f64| v.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_toeplitz<T: Scalar, D: Dimension>(
    c: &ArrayRef1<T>,
    r: Option<&ArrayRef1<T>>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    let n = c.len();
    finite("c", c)?;
    // t(k) = T[i, i − k] for k ≥ 0 (column), T[i, i + |k|] for k < 0 (row).
    let row: Array1<T> = match r {
        Some(r) => {
            check::shape("r", &[n], r.shape())?;
            finite("r", r)?;
            r.to_owned()
        }
        None => c.mapv(T::conj),
    };
    let t = |k: isize| {
        if k >= 0 {
            c[k as usize]
        } else {
            row[(-k) as usize]
        }
    };
    let y = rhs_copy("b", b, n, true)?;
    if n == 0 {
        return Ok(rhs_back(y, b));
    }
    if t(0) == T::zero() {
        return Err(Error::Singular { pivot: 0 });
    }
    let k = y.ncols();
    let inv0 = div(T::one(), t(0));
    // Forward vector f (T_m·f = e_0), backward vector g (T_m·g = e_(m−1)),
    // solution rows x[..m] for the leading m × m block.
    let mut f = vec![inv0];
    let mut g = vec![inv0];
    let mut x = Array2::<T>::zeros((n, k));
    for j in 0..k {
        x[[0, j]] = y[[0, j]] * inv0;
    }
    let mut ex = vec![T::zero(); k];
    for m in 1..n {
        // Last row of T_(m+1)·[f; 0] and first row of T_(m+1)·[0; g].
        let ef: T = (0..m).map(|i| t((m - i) as isize) * f[i]).sum();
        let eg: T = (0..m).map(|i| t(-((i + 1) as isize)) * g[i]).sum();
        let denom = T::one() - ef * eg;
        if denom == T::zero() || !denom.is_finite_value() {
            return Err(Error::Singular { pivot: m });
        }
        let scale = div(T::one(), denom);
        let mut f_next = Vec::with_capacity(m + 1);
        let mut g_next = Vec::with_capacity(m + 1);
        for i in 0..=m {
            let fi = if i < m { f[i] } else { T::zero() };
            let gi = if i > 0 { g[i - 1] } else { T::zero() };
            f_next.push((fi - ef * gi) * scale);
            g_next.push((gi - eg * fi) * scale);
        }
        f = f_next;
        g = g_next;
        // Row m of T_(m+1)·[x; 0], then the correction along g.
        ex.iter_mut().for_each(|e| *e = T::zero());
        for i in 0..m {
            let ti = t((m - i) as isize);
            for (e, &xi) in ex.iter_mut().zip(x.row(i)) {
                *e += ti * xi;
            }
        }
        for j in 0..k {
            let d = y[[m, j]] - ex[j];
            for i in 0..=m {
                x[[i, j]] += d * g[i];
            }
        }
    }
    Ok(rhs_back(x, b))
}

/// What [`solve_circulant_with`] does with a (near) singular matrix
/// (SciPy's `singular`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CirculantSingular {
    /// Fail with [`Error::Singular`] (SciPy `'raise'`, the default).
    #[default]
    Raise,
    /// Return the least-squares (minimum-norm) solution (SciPy `'lstsq'`).
    Lstsq,
}

/// Options for [`solve_circulant_with`]: SciPy's keywords (`caxis`, `baxis`,
/// `outaxis` are not offered: `c` is a vector, `b` runs along its rows).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SolveCirculantOptions {
    /// Handling of eigenvalues `|λ| ≤ tol` (SciPy `singular`).
    pub singular: CirculantSingular,
    /// Eigenvalues at most `tol` in modulus count as zero; `None` (SciPy's
    /// default) means `n·ε·max|λ|`.
    pub tol: Option<f64>,
}

/// Solves `C·x = b` for the circulant matrix `C = circulant(c)`.
///
/// SciPy: `scipy.linalg.solve_circulant(c, b)`. `b` is a vector of length
/// `n` or an `n × k` matrix.
///
/// ```text
/// C = F⁻¹·diag(λ)·F,  λ = F·c   ⇒   x = F⁻¹·((F·b) / λ)      (F the DFT matrix)
/// ```
///
/// The transforms are evaluated directly (O(n²) per right-hand side, with
/// twiddles reduced mod `n`), not by an FFT.
///
/// # Errors
/// As [`solve_circulant_with`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{circulant, solve_circulant};
/// use ndarray::array;
///
/// let c = array![2.0, -1.0, 0.0, 0.5];
/// let b = array![1.0, 2.0, 3.0, 4.0];
/// let x = solve_circulant(&c, &b)?;
/// assert!((circulant(&c).dot(&x) - &b).iter().all(|v: &f64| v.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_circulant<T: Scalar, D: Dimension>(
    c: &ArrayRef1<T>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    solve_circulant_with(c, b, &SolveCirculantOptions::default())
}

/// [`solve_circulant`] with SciPy's `singular` and `tol`.
///
/// SciPy: `scipy.linalg.solve_circulant(c, b, singular, tol)`. For real `c`
/// and `b` the result is real (the imaginary round-off is dropped).
///
/// # Errors
/// [`Error::ShapeMismatch`] naming `b` if its first dimension is not
/// `len(c)`; [`Error::InvalidArgument`] for NaN or infinity in `c` or `b`,
/// or a negative `tol`; with [`CirculantSingular::Raise`],
/// [`Error::Singular`] with the index of the first eigenvalue `|λₖ| ≤ tol`
/// (SciPy: "near singular circulant matrix").
///
/// # Examples
/// ```
/// use ferrosci::linalg::{solve_circulant_with, CirculantSingular, SolveCirculantOptions};
/// use ndarray::array;
///
/// let opts = SolveCirculantOptions { singular: CirculantSingular::Lstsq, ..Default::default() };
/// let x = solve_circulant_with(&array![1.0, 1.0, 1.0], &array![1.0, 2.0, 3.0], &opts)?;
/// assert!(x.iter().all(|v: &f64| (v - 2.0 / 3.0).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_circulant_with<T: Scalar, D: Dimension>(
    c: &ArrayRef1<T>,
    b: &ArrayRef<T, D>,
    opts: &SolveCirculantOptions,
) -> Result<Array<T, D>> {
    let n = c.len();
    finite("c", c)?;
    if let Some(tol) = opts.tol {
        check::non_negative("tol", tol)?;
    }
    let mut y = rhs_copy("b", b, n, true)?;
    if n == 0 {
        return Ok(rhs_back(y, b));
    }
    let z = |v: T| Complex64::new(v.re().to_f64_real(), v.im().to_f64_real());
    // ω^k for k < n, ω = exp(−2πi/n); index products mod n for accuracy.
    let roots: Vec<Complex64> = (0..n)
        .map(|k| Complex64::from_polar(1.0, -2.0 * std::f64::consts::PI * k as f64 / n as f64))
        .collect();
    let dft = |v: &[Complex64], inverse: bool| -> Vec<Complex64> {
        (0..n)
            .map(|j| {
                (0..n)
                    .map(|k| {
                        let w = roots[(j * k) % n];
                        v[k] * if inverse { w.conj() } else { w }
                    })
                    .sum()
            })
            .collect()
    };
    let cz: Vec<Complex64> = c.iter().map(|&v| z(v)).collect();
    let lam = dft(&cz, false);
    let lam_max = lam.iter().map(|l| l.norm()).fold(0.0, f64::max);
    let tol = opts.tol.unwrap_or(n as f64 * f64::EPSILON * lam_max);
    let small = |l: &Complex64| l.norm() <= tol;
    if opts.singular == CirculantSingular::Raise
        && let Some(pivot) = lam.iter().position(small)
    {
        return Err(Error::Singular { pivot });
    }
    for mut col in y.columns_mut() {
        let bz: Vec<Complex64> = col.iter().map(|&v| z(v)).collect();
        let q: Vec<Complex64> = dft(&bz, false)
            .iter()
            .zip(&lam)
            .map(|(q, l)| {
                if small(l) {
                    Complex64::new(0.0, 0.0)
                } else {
                    // Through |l|: num_complex's `q / l` squares |l| and
                    // overflows for |l| > 1e154.
                    let m = l.norm();
                    (q / m) * (l.conj() / m)
                }
            })
            .collect();
        for (o, v) in col.iter_mut().zip(dft(&q, true)) {
            let v = v / n as f64;
            *o = T::from_parts(T::Real::from_f64_real(v.re), T::Real::from_f64_real(v.im));
        }
    }
    Ok(rhs_back(y, b))
}
