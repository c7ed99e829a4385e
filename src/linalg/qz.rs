//! Generalized Schur (QZ) decomposition: `qz_complex`, `ordqz_complex`.

use super::kernels::qz::{hessenberg_triangular, qz_complex as qz_iterate, reorder_pencil};
use super::schur::arr;
use super::util::{eye, finite};
use super::{RealScalar, Scalar};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef2};
use num_complex::{Complex, Complex64};
use num_traits::Zero;

/// The generalized Schur decomposition from [`qz_complex`]:
/// `a = q·aa·zᴴ`, `b = q·bb·zᴴ`.
///
/// ```
/// use ferrosci::linalg::{qz_complex, Qz};
/// use ndarray::array;
///
/// let Qz { aa, bb, q, z } = qz_complex(&array![[1.0_f64, 2.0], [3.0, 4.0]], &array![[1.0, 0.0], [0.0, 1.0]])?;
/// assert!(aa[[1, 0]].norm() == 0.0 && bb[[1, 0]].norm() == 0.0);
/// assert!(q.dim() == (2, 2) && z.dim() == (2, 2));
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Qz<T: Scalar> {
    /// Generalized Schur form of `a`: upper triangular.
    pub aa: Array2<T>,
    /// Generalized Schur form of `b`: upper triangular, real non-negative diagonal.
    pub bb: Array2<T>,
    /// Left Schur vectors (unitary).
    pub q: Array2<T>,
    /// Right Schur vectors (unitary).
    pub z: Array2<T>,
}

/// The reordered generalized Schur decomposition from [`ordqz_complex`].
///
/// ```
/// use ferrosci::linalg::{ordqz_complex, QzSort};
/// use ndarray::array;
///
/// let r = ordqz_complex(&array![[2.0_f64, 0.0], [0.0, -1.0]], &array![[1.0, 0.0], [0.0, 1.0]], QzSort::Lhp)?;
/// assert!((r.alpha[0] / r.beta[0]).re < 0.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct OrdQz<T: Scalar> {
    /// Generalized Schur form of `a`, selected eigenvalues leading.
    pub aa: Array2<T>,
    /// Generalized Schur form of `b`.
    pub bb: Array2<T>,
    /// `aa`'s diagonal: the eigenvalues are `alpha / beta`.
    pub alpha: Array1<T>,
    /// `bb`'s diagonal (real, non-negative).
    pub beta: Array1<T>,
    /// Left Schur vectors (unitary).
    pub q: Array2<T>,
    /// Right Schur vectors (unitary).
    pub z: Array2<T>,
}

/// Which eigenvalues `α/β` [`ordqz_complex`] moves to the top (SciPy's
/// `ordqz` `sort`; note the strict inequalities, unlike [`SchurSort`](crate::linalg::SchurSort)).
///
/// ```
/// use ferrosci::linalg::QzSort;
/// use num_complex::Complex64;
///
/// // SciPy's callable takes (alpha, beta).
/// let finite_only = QzSort::Custom(|_alpha: Complex64, beta: Complex64| beta.norm() > 0.0);
/// assert!(matches!(finite_only, QzSort::Custom(_)));
/// ```
#[derive(Debug, Clone, Copy)]
pub enum QzSort {
    /// `'lhp'`: `Re(α/β) < 0` (never for `β = 0`).
    Lhp,
    /// `'rhp'`: `Re(α/β) > 0` (never for `β = 0`).
    Rhp,
    /// `'iuc'`: `|α/β| < 1` (never for `β = 0`).
    Iuc,
    /// `'ouc'`: `|α/β| > 1`, and infinite eigenvalues (`β = 0 ≠ α`).
    Ouc,
    /// A predicate on `(α, β)` (SciPy's callable).
    Custom(fn(Complex64, Complex64) -> bool),
}

impl QzSort {
    fn select(&self, a: Complex64, b: Complex64) -> bool {
        let zero = b == Complex64::zero();
        match self {
            QzSort::Lhp => !zero && (a / b).re < 0.0,
            QzSort::Rhp => !zero && (a / b).re > 0.0,
            QzSort::Iuc => !zero && (a / b).norm() < 1.0,
            QzSort::Ouc => {
                if zero {
                    a != Complex64::zero()
                } else {
                    (a / b).norm() > 1.0
                }
            }
            QzSort::Custom(f) => f(a, b),
        }
    }
}

/// The triangular pair `(s, p)`, unitary `q`, `z` and the diagonals.
pub(crate) struct Pencil<C: Scalar> {
    pub s: Vec<C>,
    pub p: Vec<C>,
    pub q: Vec<C>,
    pub z: Vec<C>,
    pub alpha: Vec<C>,
    pub beta: Vec<C>,
}

/// Order `n` and complex row-major copies of `a` and `b`.
pub(crate) type PencilCopy<R> = (usize, Vec<Complex<R>>, Vec<Complex<R>>);

/// Validated complex row-major copies of the square pair `(a, b)`.
pub(crate) fn pencil_input<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
) -> Result<PencilCopy<T::Real>> {
    let n = check::square("a", a)?;
    check::shape("b", &[n, n], b.shape())?;
    finite("a", a)?;
    finite("b", b)?;
    let c = |x: &T| Complex::new(x.re(), x.im());
    Ok((n, a.iter().map(c).collect(), b.iter().map(c).collect()))
}

/// Hessenberg-triangular reduction and complex QZ iteration.
pub(crate) fn decompose_pencil<C: Scalar>(
    mut s: Vec<C>,
    mut p: Vec<C>,
    n: usize,
    wantt: bool,
) -> Result<Pencil<C>> {
    let mut q = eye::<C>(n).into_raw_vec_and_offset().0;
    let mut z = q.clone();
    hessenberg_triangular(&mut s, &mut p, n, &mut q, &mut z);
    let (alpha, beta) =
        qz_iterate(&mut s, &mut p, n, Some(&mut q), Some(&mut z), wantt).map_err(|it| {
            Error::NotConverged {
                iterations: it,
                residual: (1..n).fold(0.0, |m: f64, i| {
                    m.max(s[i * n + i - 1].abs1().to_f64_real())
                }),
            }
        })?;
    Ok(Pencil {
        s,
        p,
        q,
        z,
        alpha,
        beta,
    })
}

/// Generalized Schur decomposition in complex arithmetic.
///
/// SciPy: `scipy.linalg.qz(a, b, output='complex')` (for complex input
/// also plain `qz(a, b)`). Householder QR of `b`, Givens reduction to
/// Hessenberg-triangular form, then single-shift QZ sweeps (Moler &
/// Stewart 1973); negligible diagonal entries of `b` (infinite
/// eigenvalues) are chased to the bottom and deflated. `bb`'s diagonal is
/// made real and non-negative, as LAPACK.
///
/// ```text
/// a = q·aa·zᴴ,  b = q·bb·zᴴ,  aa, bb upper triangular,  λᵢ = aa[i, i]/bb[i, i]
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square or `b` has another shape;
/// [`Error::InvalidArgument`] for NaN or infinity; [`Error::NotConverged`]
/// if the iteration runs out of its budget (30 sweeps per eigenvalue).
///
/// # Examples
/// ```
/// use ferrosci::linalg::qz_complex;
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let a = array![[1.0_f64, 2.0], [3.0, 4.0]];
/// let b = array![[1.0_f64, 0.0], [0.0, 0.0]]; // singular: one infinite eigenvalue
/// let r = qz_complex(&a, &b)?;
/// let ac = a.mapv(|v| Complex64::new(v, 0.0));
/// let zh = r.z.t().mapv(|v| v.conj());
/// assert!((r.q.dot(&r.aa).dot(&zh) - &ac).iter().all(|e| e.norm() < 1e-14));
/// let finite: Vec<Complex64> = (0..2).filter(|&i| r.bb[[i, i]].norm() > 0.0)
///     .map(|i| r.aa[[i, i]] / r.bb[[i, i]]).collect();
/// assert!(finite.len() == 1 && (finite[0] + 0.5).norm() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn qz_complex<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Result<Qz<Complex<T::Real>>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let (n, s, p) = pencil_input(a, b)?;
    let r = decompose_pencil(s, p, n, true)?;
    Ok(Qz {
        aa: arr(r.s, n),
        bb: arr(r.p, n),
        q: arr(r.q, n),
        z: arr(r.z, n),
    })
}

/// Reordered generalized Schur decomposition, complex output.
///
/// SciPy: `scipy.linalg.ordqz(a, b, sort, output='complex')`, returning
/// `(AA, BB, alpha, beta, Q, Z)`: the eigenvalues selected by `sort` lead,
/// in their original relative order, moved by unitary swaps of adjacent
/// diagonal pairs (Van Dooren 1981).
///
/// # Errors
/// As [`qz_complex`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{ordqz_complex, QzSort};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0, 0.0], [0.0, 3.0, 1.0], [1.0, 0.0, -2.0]];
/// let b = array![[2.0_f64, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
/// let r = ordqz_complex(&a, &b, QzSort::Ouc)?;
/// let lam: Vec<f64> = (0..3).map(|i| (r.alpha[i] / r.beta[i]).norm()).collect();
/// let k = lam.iter().take_while(|&&m| m > 1.0).count();
/// assert!(lam[k..].iter().all(|&m| m <= 1.0)); // selected first
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ordqz_complex<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    sort: QzSort,
) -> Result<OrdQz<Complex<T::Real>>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let (n, s, p) = pencil_input(a, b)?;
    let mut r = decompose_pencil(s, p, n, true)?;
    let c64 = |v: &Complex<T::Real>| Complex64::new(v.re.to_f64_real(), v.im.to_f64_real());
    let select: Vec<bool> = r
        .alpha
        .iter()
        .zip(&r.beta)
        .map(|(a, b)| sort.select(c64(a), c64(b)))
        .collect();
    reorder_pencil(&mut r.s, &mut r.p, n, &mut r.q, &mut r.z, &select);
    let alpha = Array1::from_iter((0..n).map(|i| r.s[i * n + i]));
    let beta = Array1::from_iter((0..n).map(|i| r.p[i * n + i]));
    Ok(OrdQz {
        aa: arr(r.s, n),
        bb: arr(r.p, n),
        alpha,
        beta,
        q: arr(r.q, n),
        z: arr(r.z, n),
    })
}

/// SciPy's `w = α/β`: `inf` where `β = 0 ≠ α`, NaN where both vanish
/// (`nan + 0i` if every `α` is real, else `nan + nan·i`).
pub(crate) fn eigenvalues_from_pencil<R: RealScalar>(
    alpha: &[Complex<R>],
    beta: &[Complex<R>],
) -> Array1<Complex<R>>
where
    Complex<R>: Scalar<Real = R>,
{
    let all_real = alpha.iter().all(|a| a.im == R::zero());
    let nan = R::nan();
    Array1::from_iter(alpha.iter().zip(beta).map(|(&a, &b)| {
        if b != Complex::zero() {
            super::util::div(a, b)
        } else if a != Complex::zero() {
            Complex::new(R::infinity(), R::zero())
        } else if all_real {
            Complex::new(nan, R::zero())
        } else {
            Complex::new(nan, nan)
        }
    }))
}
