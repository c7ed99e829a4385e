//! SciPy's named special matrices of a given order: `dft`, `hadamard`,
//! `helmert`, `hilbert`, `invhilbert`, `pascal`, `invpascal`.
//!
//! Integer-valued families (Hadamard, Pascal) are returned as `f64`: exact
//! while the entries stay below 2⁵³, correctly rounded sums beyond.

use crate::{Result, check};
use ndarray::Array2;
use num_complex::Complex64;

/// How [`dft_with`] normalizes the matrix (SciPy's `scale`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DftScale {
    /// Divide by `√n`, making the matrix unitary (SciPy `'sqrtn'`).
    Sqrtn,
    /// Divide by `n` (SciPy `'n'`).
    N,
}

/// Options for [`dft_with`]: SciPy's keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DftOptions {
    /// Normalization; `None` (SciPy's default) leaves the entries unscaled.
    pub scale: Option<DftScale>,
}

/// The `n × n` discrete Fourier transform matrix: `dft(n).dot(x)` is the
/// FFT of `x`.
///
/// SciPy: `scipy.linalg.dft(n)`.
///
/// ```text
/// F[j, k] = ω^(j·k),   ω = exp(−2πi / n)
/// ```
///
/// The exponent `j·k` is reduced mod `n` before the sine and cosine, so every
/// entry is accurate to a few ulps (SciPy's powers of `ω` drift slightly).
///
/// # Examples
/// ```
/// use ferrosci::linalg::dft;
/// use num_complex::Complex64;
///
/// let f = dft(4);
/// assert!((f[[1, 1]] - Complex64::new(0.0, -1.0)).norm() < 1e-15);
/// assert!((f[[2, 3]] - Complex64::new(-1.0, 0.0)).norm() < 1e-15);
/// ```
pub fn dft(n: usize) -> Array2<Complex64> {
    dft_with(n, &DftOptions::default())
}

/// [`dft`] with SciPy's `scale`.
///
/// SciPy: `scipy.linalg.dft(n, scale)`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{dft_with, DftOptions, DftScale};
///
/// // Unitary: F·Fᴴ = I.
/// let f = dft_with(5, &DftOptions { scale: Some(DftScale::Sqrtn) });
/// let p = f.dot(&f.t().mapv(|z| z.conj()));
/// assert!((p[[2, 2]].re - 1.0).abs() < 1e-14 && p[[1, 3]].norm() < 1e-14);
/// ```
pub fn dft_with(n: usize, opts: &DftOptions) -> Array2<Complex64> {
    let scale = match opts.scale {
        None => 1.0,
        Some(DftScale::Sqrtn) => 1.0 / (n as f64).sqrt(),
        Some(DftScale::N) => 1.0 / n as f64,
    };
    let roots: Vec<Complex64> = (0..n)
        .map(|k| {
            let t = -2.0 * std::f64::consts::PI * k as f64 / n as f64;
            Complex64::new(t.cos(), t.sin()) * scale
        })
        .collect();
    Array2::from_shape_fn((n, n), |(j, k)| roots[(j * k) % n.max(1)])
}

/// The `n × n` Sylvester Hadamard matrix of ±1 entries with orthogonal
/// rows, `H·Hᵀ = n·I`.
///
/// SciPy: `scipy.linalg.hadamard(n)` (integers there, `f64` here).
///
/// ```text
/// H[i, j] = (−1)^popcount(i AND j)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n`
/// unless `n` is a positive power of 2 (`n = 1` gives `[[1]]`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::hadamard;
/// use ndarray::array;
///
/// assert_eq!(hadamard(2)?, array![[1.0, 1.0], [1.0, -1.0]]);
/// assert!(hadamard(6).is_err());
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hadamard(n: usize) -> Result<Array2<f64>> {
    if !n.is_power_of_two() {
        return Err(check::invalid(
            "n",
            format!("must be a positive power of 2, got {n}"),
        ));
    }
    Ok(Array2::from_shape_fn((n, n), |(i, j)| {
        if (i & j).count_ones().is_multiple_of(2) {
            1.0
        } else {
            -1.0
        }
    }))
}

/// Options for [`helmert_with`]: SciPy's keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HelmertOptions {
    /// Return the full `n × n` orthogonal matrix, whose first row is
    /// `1/√n`, instead of the `(n − 1) × n` contrasts (SciPy `full`).
    pub full: bool,
}

/// The Helmert contrasts: the `(n − 1) × n` matrix whose orthonormal rows
/// are orthogonal to the all-ones vector.
///
/// SciPy: `scipy.linalg.helmert(n)`.
///
/// ```text
/// row i (1 ≤ i < n):  1/√(i(i+1)) in columns 0..i,  −i/√(i(i+1)) in column i,  0 after
/// ```
///
/// # Errors
/// As [`helmert_with`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::helmert;
///
/// let h = helmert(4)?;
/// assert_eq!(h.dim(), (3, 4));
/// assert!(h.rows().into_iter().all(|r| r.sum().abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn helmert(n: usize) -> Result<Array2<f64>> {
    helmert_with(n, &HelmertOptions::default())
}

/// [`helmert`] with SciPy's `full`.
///
/// SciPy: `scipy.linalg.helmert(n, full)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n` if
/// it is 0 (SciPy fails there with an `IndexError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{helmert_with, HelmertOptions};
///
/// let h = helmert_with(3, &HelmertOptions { full: true })?;
/// let p = h.dot(&h.t()); // orthogonal
/// assert!((p[[0, 0]] - 1.0).abs() < 1e-15 && p[[0, 2]].abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn helmert_with(n: usize, opts: &HelmertOptions) -> Result<Array2<f64>> {
    if n == 0 {
        return Err(check::invalid("n", "must be a positive integer, got 0"));
    }
    let first = usize::from(!opts.full);
    Ok(Array2::from_shape_fn((n - first, n), |(r, j)| {
        let i = r + first;
        if i == 0 {
            return 1.0 / (n as f64).sqrt();
        }
        let d = ((i * (i + 1)) as f64).sqrt();
        match j.cmp(&i) {
            std::cmp::Ordering::Less => 1.0 / d,
            std::cmp::Ordering::Equal => -(i as f64) / d,
            std::cmp::Ordering::Greater => 0.0,
        }
    }))
}

/// The `n × n` Hilbert matrix `H[i, j] = 1 / (i + j + 1)`, a classic
/// ill-conditioned test matrix (cond(H₁₂) ≈ 1.7·10¹⁶).
///
/// SciPy: `scipy.linalg.hilbert(n)`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::hilbert;
/// use ndarray::array;
///
/// assert_eq!(hilbert(2), array![[1.0, 0.5], [0.5, 1.0 / 3.0]]);
/// ```
pub fn hilbert(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| 1.0 / (i + j + 1) as f64)
}

/// Binomial coefficients `C(k, j)` for `k < rows`, `j < cols`, by Pascal's
/// rule: exact while they stay below 2⁵³, then correctly rounded sums.
fn binomials(rows: usize, cols: usize) -> Array2<f64> {
    let mut c = Array2::zeros((rows, cols));
    for k in 0..rows {
        if cols > 0 {
            c[[k, 0]] = 1.0;
        }
        for j in 1..=k.min(cols.saturating_sub(1)) {
            c[[k, j]] = c[[k - 1, j - 1]] + c[[k - 1, j]];
        }
    }
    c
}

/// The exact inverse of the `n × n` Hilbert matrix, in `f64`.
///
/// SciPy: `scipy.linalg.invhilbert(n)` (`exact=False`: a float
/// approximation; the entries are integers, exact up to 2⁵³).
///
/// ```text
/// H⁻¹[i, j] = (−1)^(i+j) (i+j+1) C(n+i, n−j−1) C(n+j, n−i−1) C(i+j, i)²
/// ```
///
/// # Examples
/// ```
/// use ferrosci::linalg::{hilbert, invhilbert};
/// use ndarray::array;
///
/// assert_eq!(invhilbert(2), array![[4.0, -6.0], [-6.0, 12.0]]);
/// let p = invhilbert(4).dot(&hilbert(4));
/// assert!((p[[3, 3]] - 1.0).abs() < 1e-10 && p[[0, 3]].abs() < 1e-10);
/// ```
pub fn invhilbert(n: usize) -> Array2<f64> {
    let c = binomials(2 * n, n);
    Array2::from_shape_fn((n, n), |(i, j)| {
        let sign = if (i + j).is_multiple_of(2) { 1.0 } else { -1.0 };
        let b = c[[i + j, i]];
        sign * (i + j + 1) as f64 * c[[n + i, n - j - 1]] * c[[n + j, n - i - 1]] * b * b
    })
}

/// Which Pascal matrix [`pascal_with`] and [`invpascal_with`] build (SciPy's
/// `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PascalKind {
    /// `P[i, j] = C(i + j, i)` (SciPy `'symmetric'`, the default).
    #[default]
    Symmetric,
    /// `L[i, j] = C(i, j)`, lower triangular (SciPy `'lower'`).
    Lower,
    /// `Lᵀ`, upper triangular (SciPy `'upper'`).
    Upper,
}

/// Options for [`pascal_with`] and [`invpascal_with`]: SciPy's keywords.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PascalOptions {
    /// Symmetric, lower or upper triangular (SciPy `kind`).
    pub kind: PascalKind,
}

/// The `n × n` symmetric Pascal matrix of binomial coefficients,
/// `P[i, j] = C(i + j, i)`.
///
/// SciPy: `scipy.linalg.pascal(n)` (integers there; `f64` here, exact
/// while the entries stay below 2⁵³, i.e. for `n ≤ 29`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::pascal;
/// use ndarray::array;
///
/// assert_eq!(pascal(3), array![[1.0, 1.0, 1.0], [1.0, 2.0, 3.0], [1.0, 3.0, 6.0]]);
/// ```
pub fn pascal(n: usize) -> Array2<f64> {
    pascal_with(n, &PascalOptions::default())
}

/// [`pascal`] with SciPy's `kind`; `P = L·Lᵀ` with `L` the lower one.
///
/// SciPy: `scipy.linalg.pascal(n, kind)`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{pascal, pascal_with, PascalKind, PascalOptions};
///
/// let l = pascal_with(5, &PascalOptions { kind: PascalKind::Lower });
/// assert_eq!(l.dot(&l.t()), pascal(5));
/// ```
pub fn pascal_with(n: usize, opts: &PascalOptions) -> Array2<f64> {
    match opts.kind {
        PascalKind::Lower => binomials(n, n),
        PascalKind::Upper => binomials(n, n).t().as_standard_layout().into_owned(),
        PascalKind::Symmetric => {
            // C(i + j, i) = C(i + j − 1, i − 1) + C(i + j − 1, i): Pascal's
            // rule along anti-diagonals, in place.
            let mut p = Array2::ones((n, n));
            for i in 1..n {
                for j in 1..n {
                    p[[i, j]] = p[[i - 1, j]] + p[[i, j - 1]];
                }
            }
            p
        }
    }
}

/// The inverse of the `n × n` symmetric Pascal matrix, built from its
/// closed form (integer entries).
///
/// SciPy: `scipy.linalg.invpascal(n)`.
///
/// ```text
/// L⁻¹[i, j] = (−1)^(i+j) C(i, j);   P⁻¹ = L⁻ᵀ·L⁻¹:
/// P⁻¹[i, j] = (−1)^(i+j) Σ_{k ≥ max(i, j)} C(k, i)·C(k, j)
/// ```
///
/// The sum has no cancellation, so entries are exact while below 2⁵³.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{invpascal, pascal};
/// use ndarray::Array2;
///
/// assert_eq!(invpascal(6).dot(&pascal(6)), Array2::eye(6));
/// ```
pub fn invpascal(n: usize) -> Array2<f64> {
    invpascal_with(n, &PascalOptions::default())
}

/// [`invpascal`] with SciPy's `kind`.
///
/// SciPy: `scipy.linalg.invpascal(n, kind)`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{invpascal_with, PascalKind, PascalOptions};
/// use ndarray::array;
///
/// let u = invpascal_with(3, &PascalOptions { kind: PascalKind::Upper });
/// assert_eq!(u, array![[1.0, -1.0, 1.0], [0.0, 1.0, -2.0], [0.0, 0.0, 1.0]]);
/// ```
pub fn invpascal_with(n: usize, opts: &PascalOptions) -> Array2<f64> {
    let c = binomials(n, n);
    let sign = |i: usize, j: usize| if (i + j).is_multiple_of(2) { 1.0 } else { -1.0 };
    Array2::from_shape_fn((n, n), |(i, j)| match opts.kind {
        PascalKind::Lower => sign(i, j) * c[[i, j]],
        PascalKind::Upper => sign(i, j) * c[[j, i]],
        PascalKind::Symmetric => {
            let s: f64 = (i.max(j)..n).map(|k| c[[k, i]] * c[[k, j]]).sum();
            sign(i, j) * s
        }
    })
}
