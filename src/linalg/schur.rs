//! Schur decomposition: `schur` (real and complex forms, sorted) and
//! `rsf2csf`.

use super::kernels::francis::{csqrt, hqr_complex, hqr_real};
use super::kernels::hessenberg::{Balance, balance, hessenberg, unbalance};
use super::kernels::reorder::{reorder_complex, reorder_real};
use super::kernels::schur_vectors::blocks;
use super::util::finite;
use super::{RealScalar, Scalar};
use crate::{Error, Result, check};
use ndarray::{Array2, ArrayRef2};
use num_complex::{Complex, Complex64};
use num_traits::Zero;

/// The Schur decomposition from [`schur`]: `a = z·t·zᴴ`.///
/// ```
/// use ferrosci::linalg::{schur, Schur};
/// use ndarray::array;
///
/// let Schur { t, z } = schur(&array![[4.0_f64, 1.0], [2.0, 3.0]])?; // eigenvalues 5 and 2
/// assert_eq!(t[[1, 0]], 0.0);
/// assert!((t[[0, 0]] + t[[1, 1]] - 7.0).abs() < 1e-14 && z.dim() == (2, 2));
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Schur<T: Scalar> {
    /// Schur form: upper triangular (complex), or upper quasi-triangular
    /// with 2 × 2 blocks for complex-conjugate pairs (real).
    pub t: Array2<T>,
    /// Unitary (orthogonal for real input) Schur vectors.
    pub z: Array2<T>,
}

/// The sorted Schur decomposition from [`schur_sorted`]: `a = z·t·zᴴ` with
/// the selected eigenvalues first.///
/// ```
/// use ferrosci::linalg::{schur_sorted, SchurSort, SortedSchur};
/// use ndarray::array;
///
/// let SortedSchur { t, sdim, .. } = schur_sorted(&array![[3.0_f64, 1.0], [0.0, 0.5]], SchurSort::Iuc)?;
/// assert_eq!(sdim, 1);
/// assert!((t[[0, 0]] - 0.5).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SortedSchur<T: Scalar> {
    /// Schur form, selected eigenvalues in its leading `sdim` diagonal entries.
    pub t: Array2<T>,
    /// Unitary (orthogonal for real input) Schur vectors.
    pub z: Array2<T>,
    /// Number of eigenvalues that satisfy the sort condition (a complex pair
    /// counts 2 if either satisfies it).
    pub sdim: usize,
}

/// Which eigenvalues [`schur_sorted`] moves to the top (SciPy `sort`).///
/// ```
/// use ferrosci::linalg::{schur_sorted, SchurSort};
/// use ndarray::array;
///
/// // SciPy's callable: here, eigenvalues above 2.
/// let s = schur_sorted(&array![[1.0_f64, 5.0], [0.0, 4.0]], SchurSort::Custom(|z| z.re > 2.0))?;
/// assert_eq!(s.sdim, 1);
/// assert!((s.t[[0, 0]] - 4.0).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub enum SchurSort {
    /// `'lhp'`: real part `< 0`.
    Lhp,
    /// `'rhp'`: real part `≥ 0`.
    Rhp,
    /// `'iuc'`: inside the unit circle, `|λ| ≤ 1`.
    Iuc,
    /// `'ouc'`: outside the unit circle, `|λ| > 1`.
    Ouc,
    /// A predicate on the eigenvalue (SciPy's callable).
    Custom(fn(Complex64) -> bool),
}

impl SchurSort {
    /// Whether `lambda` is selected.
    fn select(&self, lambda: Complex64) -> bool {
        match self {
            SchurSort::Lhp => lambda.re < 0.0,
            SchurSort::Rhp => lambda.re >= 0.0,
            SchurSort::Iuc => lambda.norm() <= 1.0,
            SchurSort::Ouc => lambda.norm() > 1.0,
            SchurSort::Custom(f) => f(lambda),
        }
    }
}

/// Balanced Hessenberg–QR outcome: the Schur form (if asked) in `t`, the
/// accumulated transform (if asked) in `z`, eigenvalues in diagonal order.
pub(crate) struct Decomposed<T: Scalar> {
    pub t: Vec<T>,
    pub z: Option<Vec<T>>,
    pub w: Vec<Complex<T::Real>>,
    pub bal: Balance<T::Real>,
}

/// Row-major copy of a square, finite matrix.
pub(crate) fn input<T: Scalar>(name: &'static str, a: &ArrayRef2<T>) -> Result<(usize, Vec<T>)> {
    let n = check::square(name, a)?;
    finite(name, a)?;
    Ok((n, a.iter().copied().collect()))
}

/// An `n × n` array from row-major data.
pub(crate) fn arr<T>(v: Vec<T>, n: usize) -> Array2<T> {
    Array2::from_shape_vec((n, n), v).expect("n·n elements")
}

/// Balances (`permute` always, `scale` if asked), reduces to Hessenberg form
/// and runs the QR iteration: the real double-shift one for real types, the
/// complex single-shift one for complex types.
pub(crate) fn decompose<T: Scalar>(
    mut a: Vec<T>,
    n: usize,
    scale: bool,
    wantt: bool,
    wantz: bool,
) -> Result<Decomposed<T>> {
    let bal = balance(&mut a, n, true, scale);
    let mut z = hessenberg(&mut a, n, bal.ilo, bal.ihi, wantz);
    let fail = |h: &[T], it: usize| Error::NotConverged {
        iterations: it,
        residual: (1..n).fold(0.0, |s: f64, i| {
            s.max(h[i * n + i - 1].abs1().to_f64_real())
        }),
    };
    let w = if T::IS_COMPLEX {
        let w = hqr_complex(&mut a, n, bal.ilo, bal.ihi, z.as_deref_mut(), wantt)
            .map_err(|it| fail(&a, it))?;
        w.iter().map(|v| Complex::new(v.re(), v.im())).collect()
    } else {
        // Real types: run the real kernel on the same values (T == T::Real).
        let mut h: Vec<T::Real> = a.iter().map(|v| v.re()).collect();
        let mut zr: Option<Vec<T::Real>> = z.as_ref().map(|z| z.iter().map(|v| v.re()).collect());
        let res = hqr_real(&mut h, n, bal.ilo, bal.ihi, zr.as_deref_mut(), wantt);
        a = h.into_iter().map(T::from_real).collect();
        z = zr.map(|z| z.into_iter().map(T::from_real).collect());
        let (wr, wi) = res.map_err(|it| fail(&a, it))?;
        wr.into_iter()
            .zip(wi)
            .map(|(r, i)| Complex::new(r, i))
            .collect()
    };
    Ok(Decomposed { t: a, z, w, bal })
}

/// Schur form and vectors, balanced by permutation only (as `gees`).
fn schur_parts<T: Scalar>(a: &ArrayRef2<T>) -> Result<(usize, Decomposed<T>)> {
    let (n, v) = input("a", a)?;
    Ok((n, decompose(v, n, false, true, true)?))
}

/// Schur decomposition of a square matrix.
///
/// SciPy: `scipy.linalg.schur(a)`. Real input gives the real Schur form
/// (`output='real'`): `t` is upper quasi-triangular, each complex-conjugate
/// pair of eigenvalues a 2 × 2 block with equal diagonal entries and
/// off-diagonal entries of opposite signs; complex input gives the
/// triangular complex Schur form. Permutation balancing, Householder
/// Hessenberg reduction, then Francis double-shift QR (real) or
/// single-shift QR (complex).
///
/// ```text
/// a = z·t·zᴴ,   zᴴ·z = I
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square; [`Error::InvalidArgument`]
/// for NaN or infinity; [`Error::NotConverged`] if the QR iteration runs out
/// of its budget (30 sweeps per eigenvalue).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{schur, Schur};
/// use ndarray::array;
///
/// let a = array![[0.0_f64, 2.0, 2.0], [0.0, 1.0, 2.0], [1.0, 0.0, 1.0]];
/// let Schur { t, z } = schur(&a)?;
/// assert!((z.dot(&t).dot(&z.t()) - &a).iter().all(|e| e.abs() < 1e-13));
/// assert!((t[[0, 0]] - 2.65896708).abs() < 1e-8); // the real eigenvalue
/// assert!(t[[2, 1]] != 0.0); // a 2 × 2 block for the complex pair
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn schur<T: Scalar>(a: &ArrayRef2<T>) -> Result<Schur<T>> {
    let (n, d) = schur_parts(a)?;
    let mut z = d.z.expect("z was asked for");
    unbalance(&d.bal, &mut z, n, n, false);
    Ok(Schur {
        t: arr(d.t, n),
        z: arr(z, n),
    })
}

/// The complex Schur decomposition, also for real input.
///
/// SciPy: `scipy.linalg.schur(a, output='complex')`: real input is cast to
/// complex first, so `t` is upper triangular with the eigenvalues on its
/// diagonal.
///
/// # Errors
/// As [`schur`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::schur_complex;
/// use ndarray::array;
///
/// // A rotation by 90°: eigenvalues ±i.
/// let a = array![[0.0_f64, -1.0], [1.0, 0.0]];
/// let s = schur_complex(&a)?;
/// assert!(s.t[[1, 0]].norm() == 0.0);
/// assert!((s.t[[0, 0]].im.abs() - 1.0).abs() < 1e-15);
/// assert!((s.t[[0, 0]] + s.t[[1, 1]]).norm() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn schur_complex<T: Scalar>(a: &ArrayRef2<T>) -> Result<Schur<Complex<T::Real>>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    schur(&a.mapv(|v| Complex::new(v.re(), v.im())))
}

/// Sorted Schur decomposition: the eigenvalues selected by `sort` first.
///
/// SciPy: `scipy.linalg.schur(a, sort=...)`, returning `(t, z, sdim)`.
/// The Schur form is reordered by orthogonal swaps of adjacent diagonal
/// blocks (as LAPACK's `trsen`); a complex pair stays together and is
/// selected if either of its eigenvalues is.
///
/// # Errors
/// As [`schur`]; [`Error::InvalidArgument`] naming `sort` if two
/// eigenvalues are too close to be swapped accurately (SciPy's
/// `LinAlgError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{schur_sorted, SchurSort};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0, 0.0], [0.0, -3.0, 1.0], [0.0, 0.0, 2.0]];
/// let s = schur_sorted(&a, SchurSort::Lhp)?;
/// assert_eq!(s.sdim, 1);
/// assert!((s.t[[0, 0]] + 3.0).abs() < 1e-14);
/// assert!((s.z.dot(&s.t).dot(&s.z.t()) - &a).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn schur_sorted<T: Scalar>(a: &ArrayRef2<T>, sort: SchurSort) -> Result<SortedSchur<T>> {
    let (n, d) = schur_parts(a)?;
    let (mut t, mut z) = (d.t, d.z.expect("z was asked for"));
    let c64 = |w: &Complex<T::Real>| Complex64::new(w.re.to_f64_real(), w.im.to_f64_real());
    let sdim = if T::IS_COMPLEX {
        let select: Vec<bool> = d.w.iter().map(|w| sort.select(c64(w))).collect();
        reorder_complex(&mut t, n, &mut z, &select)
    } else {
        let mut tr: Vec<T::Real> = t.iter().map(|v| v.re()).collect();
        let mut zr: Vec<T::Real> = z.iter().map(|v| v.re()).collect();
        let flags: Vec<(usize, bool)> = blocks(&tr, n)
            .into_iter()
            .map(|(s, size)| (size, (s..s + size).any(|i| sort.select(c64(&d.w[i])))))
            .collect();
        let res = reorder_real(&mut tr, n, &mut zr, &flags);
        t = tr.into_iter().map(T::from_real).collect();
        z = zr.into_iter().map(T::from_real).collect();
        res.map_err(|()| {
            check::invalid(
                "sort",
                "eigenvalues too close to be reordered accurately (ill-conditioned)",
            )
        })?
    };
    unbalance(&d.bal, &mut z, n, n, false);
    Ok(SortedSchur {
        t: arr(t, n),
        z: arr(z, n),
        sdim,
    })
}

/// [`schur_sorted`] with complex output, also for real input.
///
/// SciPy: `scipy.linalg.schur(a, output='complex', sort=...)`.
///
/// # Errors
/// As [`schur_sorted`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{schur_complex_sorted, SchurSort};
/// use ndarray::array;
///
/// // Eigenvalues ±2i and 0.5: only 0.5 is inside the unit circle.
/// let a = array![[0.0_f64, -2.0, 1.0], [2.0, 0.0, 0.0], [0.0, 0.0, 0.5]];
/// let s = schur_complex_sorted(&a, SchurSort::Iuc)?;
/// assert_eq!(s.sdim, 1);
/// assert!((s.t[[0, 0]].re - 0.5).abs() < 1e-14 && s.t[[0, 0]].im.abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn schur_complex_sorted<T: Scalar>(
    a: &ArrayRef2<T>,
    sort: SchurSort,
) -> Result<SortedSchur<Complex<T::Real>>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    schur_sorted(&a.mapv(|v| Complex::new(v.re(), v.im())), sort)
}

/// Converts a real Schur form to the complex Schur form.
///
/// SciPy: `scipy.linalg.rsf2csf(T, Z)`. Each 2 × 2 block of `t` whose
/// subdiagonal entry is not negligible (`> ε·(|t[m−1,m−1]| + |t[m,m]|)`) is
/// triangularised by a complex Givens rotation, applied to `t` and `z`, so
/// that `z·t·zᴴ` is unchanged; the eigenvalue with positive imaginary part
/// comes first, as SciPy.
///
/// # Errors
/// [`Error::ShapeMismatch`] if `t` is not square or `z` has another shape;
/// [`Error::InvalidArgument`] for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{rsf2csf, schur};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [-3.0, 1.0]];
/// let s = schur(&a)?;
/// let c = rsf2csf(&s.t, &s.z)?;
/// assert_eq!(c.t[[1, 0]].norm(), 0.0);
/// assert!((c.t[[0, 0]].re - 1.0).abs() < 1e-14 && (c.t[[0, 0]].im - 6.0_f64.sqrt()).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rsf2csf<R: RealScalar>(t: &ArrayRef2<R>, z: &ArrayRef2<R>) -> Result<Schur<Complex<R>>>
where
    Complex<R>: Scalar<Real = R>,
{
    let n = check::square("t", t)?;
    check::shape("z", &[n, n], z.shape())?;
    finite("t", t)?;
    finite("z", z)?;
    let mut tc: Vec<Complex<R>> = t.iter().map(|&v| Complex::new(v, R::zero())).collect();
    let mut zc: Vec<Complex<R>> = z.iter().map(|&v| Complex::new(v, R::zero())).collect();
    let half = R::from_f64_real(0.5);
    for m in (1..n).rev() {
        let sub = tc[m * n + m - 1];
        let (a, d) = (tc[(m - 1) * n + m - 1], tc[m * n + m]);
        if sub.norm() > R::epsilon() * (a.norm() + d.norm()) {
            let b = tc[(m - 1) * n + m];
            let p = (a - d).scale_real(half);
            let r = csqrt(p * p + b * sub);
            let mid = (a + d).scale_real(half);
            let (l1, l2) = (mid + r, mid - r);
            // SciPy's rotation G = [[c̄, s], [−s, c]], c = μ/ρ, s = t[m, m−1]/ρ,
            // with μ = λ − t[m, m] for the eigenvalue λ of positive imaginary part.
            let mu = if l1.im >= l2.im { l1 } else { l2 } - d;
            let rho = mu.norm().hypot(sub.norm());
            let (c, s) = (mu.unscale(rho), sub.unscale(rho));
            let g = [[c.conj(), s], [-s, c]];
            for j in m - 1..n {
                let (x, y) = (tc[(m - 1) * n + j], tc[m * n + j]);
                tc[(m - 1) * n + j] = g[0][0] * x + g[0][1] * y;
                tc[m * n + j] = g[1][0] * x + g[1][1] * y;
            }
            // Right: · Gᴴ, whose (i, k) entry is conj(g[k][i]).
            let gh = |mat: &mut [Complex<R>], rows: usize| {
                for i in 0..rows {
                    let (x, y) = (mat[i * n + m - 1], mat[i * n + m]);
                    mat[i * n + m - 1] = x * g[0][0].conj() + y * g[0][1].conj();
                    mat[i * n + m] = x * g[1][0].conj() + y * g[1][1].conj();
                }
            };
            gh(&mut tc, m + 1);
            gh(&mut zc, n);
        }
        tc[m * n + m - 1] = Complex::zero();
    }
    Ok(Schur {
        t: arr(tc, n),
        z: arr(zc, n),
    })
}
