//! Generalized Schur (QZ) decomposition: `qz`, `ordqz` (real generalized
//! Schur form for real input) and `qz_complex`, `ordqz_complex`.

use super::kernels::qz::{hessenberg_triangular, qz_complex as qz_iterate, reorder_pencil};
use super::kernels::qz_real::{RealPencil, pencil_values, qz_real, reorder_real_pencil};
use super::schur::arr;
use super::util::{eye, finite};
use super::{RealScalar, Scalar};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef2};
use num_complex::{Complex, Complex64};
use num_traits::Zero;

/// The generalized Schur decomposition from [`qz`] and [`qz_complex`]:
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
    /// Generalized Schur form of `a`: upper triangular (complex), or upper
    /// quasi-triangular with a 2 × 2 block per complex-conjugate pair (real).
    pub aa: Array2<T>,
    /// Generalized Schur form of `b`: upper triangular with real
    /// non-negative diagonal, diagonal within `aa`'s 2 × 2 blocks.
    pub bb: Array2<T>,
    /// Left Schur vectors (unitary).
    pub q: Array2<T>,
    /// Right Schur vectors (unitary).
    pub z: Array2<T>,
}

/// The reordered generalized Schur decomposition from [`ordqz`] and
/// [`ordqz_complex`].
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
    /// The eigenvalues are `alpha / beta`: `aa`'s diagonal (complex), or
    /// `alphar + i·alphai` as LAPACK's `tgsen` (real; a complex pair's
    /// `alpha`s are conjugate multiples of their `beta`s).
    pub alpha: Array1<Complex<T::Real>>,
    /// `bb`'s diagonal (real, non-negative).
    pub beta: Array1<T>,
    /// Left Schur vectors (unitary).
    pub q: Array2<T>,
    /// Right Schur vectors (unitary).
    pub z: Array2<T>,
}

/// Which eigenvalues `α/β` [`ordqz`] and [`ordqz_complex`] move to the top (SciPy's
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
    let n = validate(a, b)?;
    let c = |x: &T| Complex::new(x.re(), x.im());
    Ok((n, a.iter().map(c).collect(), b.iter().map(c).collect()))
}

/// Checks that `a` is square, `b` has its shape and both are finite; returns
/// the order.
pub(crate) fn validate<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Result<usize> {
    let n = check::square("a", a)?;
    check::shape("b", &[n, n], b.shape())?;
    finite("a", a)?;
    finite("b", b)?;
    Ok(n)
}

/// The real generalized Schur form `(s, p, q, z)` of a real pair, row-major.
pub(crate) type RealForm<R> = (Vec<R>, Vec<R>, Vec<R>, Vec<R>);

/// Hessenberg-triangular reduction and real QZ iteration of real input.
pub(crate) fn decompose_real<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    n: usize,
) -> Result<RealForm<T::Real>> {
    let mut s: Vec<T::Real> = a.iter().map(|v| v.re()).collect();
    let mut p: Vec<T::Real> = b.iter().map(|v| v.re()).collect();
    let mut q = eye::<T::Real>(n).into_raw_vec_and_offset().0;
    let mut z = q.clone();
    hessenberg_triangular(&mut s, &mut p, n, &mut q, &mut z);
    let mut pc = RealPencil {
        s: &mut s,
        p: &mut p,
        q: &mut q,
        z: &mut z,
        n,
    };
    qz_real(&mut pc).map_err(|it| Error::NotConverged {
        iterations: it,
        residual: (1..n).fold(0.0, |m: f64, i| {
            m.max(s[i * n + i - 1].abs1().to_f64_real())
        }),
    })?;
    Ok((s, p, q, z))
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

/// Generalized Schur decomposition; real input gives the real form.
///
/// SciPy: `scipy.linalg.qz(a, b)` (`output='real'`), returning
/// `(AA, BB, Q, Z)`. For real input `aa` is upper quasi-triangular: each
/// complex-conjugate pair of eigenvalues is a 2 × 2 block whose block in
/// `bb` is diagonal and positive (as LAPACK's `gges`); `bb` is upper
/// triangular with non-negative diagonal, `q` and `z` orthogonal. Householder
/// QR of `b`, Givens reduction to Hessenberg-triangular form, then
/// double-shift QZ sweeps (Moler & Stewart 1973). Complex input gives the
/// complex form of [`qz_complex`].
///
/// ```text
/// a = q·aa·zᵀ,  b = q·bb·zᵀ,  qᵀ·q = zᵀ·z = I
/// ```
///
/// # Errors
/// As [`qz_complex`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{qz, Qz};
/// use ndarray::array;
///
/// // Eigenvalues of (a, b): ±i/2 and 3.
/// let a = array![[0.0_f64, -1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 3.0]];
/// let b = array![[2.0_f64, 0.0, 0.0], [0.0, 2.0, 0.0], [1.0, 0.0, 1.0]];
/// let Qz { aa, bb, q, z } = qz(&a, &b)?;
/// assert!((q.dot(&aa).dot(&z.t()) - &a).iter().all(|e| e.abs() < 1e-14));
/// assert!((q.dot(&bb).dot(&z.t()) - &b).iter().all(|e| e.abs() < 1e-14));
/// assert!((0..3).all(|i| bb[[i, i]] >= 0.0)); // bb triangular, aa quasi-triangular:
/// assert_eq!((0..2).filter(|&i| aa[[i + 1, i]] != 0.0).count(), 1);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn qz<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Result<Qz<T>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    if T::IS_COMPLEX {
        let r = qz_complex(a, b)?;
        let back = |m: Array2<Complex<T::Real>>| m.mapv(|v| T::from_parts(v.re, v.im));
        return Ok(Qz {
            aa: back(r.aa),
            bb: back(r.bb),
            q: back(r.q),
            z: back(r.z),
        });
    }
    let n = validate(a, b)?;
    let (s, p, q, z) = decompose_real(a, b, n)?;
    let back = |v: Vec<T::Real>| arr(v.into_iter().map(T::from_real).collect(), n);
    Ok(Qz {
        aa: back(s),
        bb: back(p),
        q: back(q),
        z: back(z),
    })
}

/// Reordered generalized Schur decomposition; real input gives the real form.
///
/// SciPy: `scipy.linalg.ordqz(a, b, sort)` (`output='real'`), returning
/// `(AA, BB, alpha, beta, Q, Z)`: [`qz`]'s form with the eigenvalues
/// selected by `sort` leading, in their original relative order. Adjacent
/// 1 × 1 and 2 × 2 blocks are swapped by orthogonal transformations from
/// the generalized Sylvester equation (Kågström 1993, as LAPACK's `tgsen`);
/// a complex pair moves if either of its eigenvalues is selected. As in
/// SciPy, a [`QzSort::Custom`] predicate sees `alphar + i·alphai` and the
/// real `beta` (as a complex number). Complex input gives
/// [`ordqz_complex`]'s result.
///
/// # Errors
/// As [`qz`]; [`Error::InvalidArgument`] naming `sort` if a swap would be
/// inaccurate (eigenvalues too close; SciPy's `ValueError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{ordqz, QzSort};
/// use ndarray::array;
///
/// let a = array![[2.0_f64, 1.0, 0.0], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0]];
/// let b = array![[1.0_f64, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
/// // Eigenvalues 2 and ±i: 'rhp' (Re > 0) selects 2 alone.
/// let r = ordqz(&a, &b, QzSort::Rhp)?;
/// assert!((r.alpha[0].re / r.beta[0] - 2.0).abs() < 1e-14);
/// assert!((r.q.dot(&r.aa).dot(&r.z.t()) - &a).iter().all(|e| e.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ordqz<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>, sort: QzSort) -> Result<OrdQz<T>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    if T::IS_COMPLEX {
        let r = ordqz_complex(a, b, sort)?;
        let back = |m: Array2<Complex<T::Real>>| m.mapv(|v| T::from_parts(v.re, v.im));
        return Ok(OrdQz {
            aa: back(r.aa),
            bb: back(r.bb),
            alpha: r.alpha,
            beta: r.beta.mapv(|v| T::from_parts(v.re, v.im)),
            q: back(r.q),
            z: back(r.z),
        });
    }
    let n = validate(a, b)?;
    let (mut s, mut p, mut q, mut z) = decompose_real(a, b, n)?;
    let c64 = |v: T::Real| v.to_f64_real();
    let (alpha, beta) = pencil_values(&s, &p, n);
    let select: Vec<bool> = alpha
        .iter()
        .zip(&beta)
        .map(|(a, &b)| {
            sort.select(
                Complex64::new(c64(a.re), c64(a.im)),
                Complex64::new(c64(b), 0.0),
            )
        })
        .collect();
    let mut pc = RealPencil {
        s: &mut s,
        p: &mut p,
        q: &mut q,
        z: &mut z,
        n,
    };
    reorder_real_pencil(&mut pc, &select).map_err(|()| {
        check::invalid(
            "sort",
            "eigenvalues too close to be reordered accurately (ill-conditioned pencil)",
        )
    })?;
    let (alpha, beta) = pencil_values(&s, &p, n);
    let back = |v: Vec<T::Real>| arr(v.into_iter().map(T::from_real).collect(), n);
    Ok(OrdQz {
        aa: back(s),
        bb: back(p),
        alpha: Array1::from(alpha),
        beta: beta.into_iter().map(T::from_real).collect(),
        q: back(q),
        z: back(z),
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
