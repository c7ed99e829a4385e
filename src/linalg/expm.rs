//! The matrix exponential and its Fréchet derivative: scaling and squaring
//! with Padé approximants (Al-Mohy and Higham, 2009).

use super::matfun_util::{
    exp_s, eye, is_upper_triangular, mm, mm_acc, norm1, norm1_abs_power, normest_product,
};
use super::solve::solve;
use super::util::finite;
use super::{RealScalar, Scalar};
use crate::{Result, check};
use ndarray::{Array2, ArrayRef2, s};
use num_complex::Complex;
use num_traits::Float;

/// Padé degrees and the largest `‖A‖` (in Al-Mohy–Higham's `η` sense) each
/// handles to unit roundoff in double precision (their Table 3.1).
const THETA: [(usize, f64); 5] = [
    (3, 1.495585217958292e-2),
    (5, 2.53939833006323e-1),
    (7, 9.504178996162932e-1),
    (9, 2.097847961257068),
    (13, 5.371920351148152),
];

/// `ℓ_m` of Al-Mohy and Higham's Fréchet-derivative algorithm (their Table
/// 6.1), indexed by the Padé degree `m`.
const ELL_FRECHET: [(usize, f64); 5] = [
    (3, 1.08e-2),
    (5, 2.00e-1),
    (7, 7.83e-1),
    (9, 1.78),
    (13, 4.74),
];

/// Coefficients `b₀ … b_m` of the `[m/m]` Padé approximant to `eˣ`:
/// `b_j = (2m − j)!·m! / ((2m)!·j!·(m − j)!)`.
fn pade_coefficients(m: usize) -> Vec<f64> {
    let mut b = vec![1.0; m + 1];
    for j in 0..m {
        b[j + 1] = b[j] * (m - j) as f64 / ((2 * m - j) as f64 * (j + 1) as f64);
    }
    b
}

/// `Σ_k c_k·P_k` over matrices of equal shape.
fn combo<T: Scalar>(terms: &[(f64, &Array2<T>)]) -> Array2<T> {
    let mut out = Array2::zeros(terms[0].1.raw_dim());
    for &(c, p) in terms {
        let c = T::from_f64(c);
        out.zip_mut_with(p, |o, &v| *o += c * v);
    }
    out
}

/// `U` (odd part) and `V` (even part) of the degree-`m` Padé approximant at
/// `A`, from the even powers `pw = [I, A², A⁴, A⁶, …]`.
fn pade_uv<T: Scalar>(a: &Array2<T>, pw: &[Array2<T>], m: usize) -> (Array2<T>, Array2<T>) {
    let b = pade_coefficients(m);
    if m == 13 {
        let (i, a2, a4, a6) = (&pw[0], &pw[1], &pw[2], &pw[3]);
        let w1 = combo(&[(b[13], a6), (b[11], a4), (b[9], a2)]);
        let mut w = combo(&[(b[7], a6), (b[5], a4), (b[3], a2), (b[1], i)]);
        mm_acc(T::one(), a6, &w1, T::one(), &mut w);
        let z1 = combo(&[(b[12], a6), (b[10], a4), (b[8], a2)]);
        let mut v = combo(&[(b[6], a6), (b[4], a4), (b[2], a2), (b[0], i)]);
        mm_acc(T::one(), a6, &z1, T::one(), &mut v);
        return (mm(a, &w), v);
    }
    let odd: Vec<(f64, &Array2<T>)> = (0..=m / 2).map(|k| (b[2 * k + 1], &pw[k])).collect();
    let even: Vec<(f64, &Array2<T>)> = (0..=m / 2).map(|k| (b[2 * k], &pw[k])).collect();
    (mm(a, &combo(&odd)), combo(&even))
}

/// `r_m = (V − U)⁻¹·(V + U)`; `V − U` is well conditioned for the degrees
/// and norms used here, so a singular pivot cannot occur for finite input.
fn pade_ratio<T: Scalar>(u: &Array2<T>, v: &Array2<T>) -> Array2<T> {
    let p = v + u;
    let q = v - u;
    solve(&q, &p).expect("V − U is nonsingular for the Padé degrees used")
}

/// `ℓ(A, m)`: extra squarings needed so that the Padé approximant's backward
/// error, bounded through `‖ |A|^{2m+1} ‖₁`, stays at unit roundoff.
fn ell<T: Scalar>(a: &Array2<T>, m: usize, scale: f64) -> i32 {
    let norm_a = norm1(a) * scale;
    if norm_a == 0.0 {
        return 0;
    }
    let p = 2 * m + 1;
    // |c_{2m+1}| = (m!)² / ((2m)!·(2m+1)!), built up as a product to stay finite.
    let mut c = 1.0;
    for j in 1..=m {
        c *= j as f64 / (m + j) as f64;
    }
    for j in 1..=p {
        c /= j as f64;
    }
    let alpha = c * norm1_abs_power(a, p) * scale.powi(p as i32) / norm_a;
    let u = f64::EPSILON / 2.0;
    ((alpha / u).log2() / (2 * m) as f64).ceil().max(0.0) as i32
}

/// The exponential of a finite square matrix (no checks).
pub(crate) fn expm_unchecked<T: Scalar>(a: &ArrayRef2<T>) -> Array2<T> {
    let n = a.nrows();
    if n == 0 {
        return Array2::zeros((0, 0));
    }
    let lower = !is_upper_triangular(a) && is_upper_triangular(&a.t());
    if lower {
        return expm_unchecked(&a.t()).t().as_standard_layout().into_owned();
    }
    let upper = is_upper_triangular(a);
    if upper && a.indexed_iter().all(|((p, q), v)| p == q || v.is_zero()) {
        let mut d = Array2::zeros((n, n));
        for i in 0..n {
            d[[i, i]] = exp_s(a[[i, i]]);
        }
        return d;
    }
    let a = a.as_standard_layout().into_owned();
    let a2 = mm(&a, &a);
    let i = eye::<T>(n);
    let root = |x: f64, k: i32| x.powf(1.0 / k as f64);

    // Al-Mohy & Higham (2009), Algorithm 5.1: the cheapest degree whose bound holds.
    let d4_est = root(normest_product(&[&a2, &a2]), 4);
    let d6_est = root(normest_product(&[&a2, &a2, &a2]), 6);
    let eta1 = d4_est.max(d6_est);
    let (m, s, pw) = 'pick: {
        if eta1 <= THETA[0].1 && ell(&a, 3, 1.0) == 0 {
            break 'pick (3, 0, vec![i, a2]);
        }
        let a4 = mm(&a2, &a2);
        let d4 = root(norm1(&a4), 4);
        let eta2 = d4.max(d6_est);
        if eta2 <= THETA[1].1 && ell(&a, 5, 1.0) == 0 {
            break 'pick (5, 0, vec![i, a2, a4]);
        }
        let a6 = mm(&a2, &a4);
        let d6 = root(norm1(&a6), 6);
        let d8 = root(normest_product(&[&a4, &a4]), 8);
        let eta3 = d6.max(d8);
        if eta3 <= THETA[2].1 && ell(&a, 7, 1.0) == 0 {
            break 'pick (7, 0, vec![i, a2, a4, a6]);
        }
        if eta3 <= THETA[3].1 && ell(&a, 9, 1.0) == 0 {
            let a8 = mm(&a4, &a4);
            break 'pick (9, 0, vec![i, a2, a4, a6, a8]);
        }
        let d10 = root(normest_product(&[&a4, &a6]), 10);
        let eta5 = eta3.min(d8.max(d10));
        let mut s = ((eta5 / THETA[4].1).log2().ceil()).max(0.0) as i32;
        s += ell(&a, 13, 0.5f64.powi(s));
        (13, s, vec![i, a2, a4, a6])
    };
    let (a_s, pw) = if s > 0 {
        let f = 0.5f64.powi(s);
        let scaled: Vec<Array2<T>> = pw
            .into_iter()
            .enumerate()
            .map(|(k, p)| p.mapv(|v| v.scale_real(T::Real::from_f64_real(f.powi(2 * k as i32)))))
            .collect();
        (a.mapv(|v| v.scale_real(T::Real::from_f64_real(f))), scaled)
    } else {
        (a.clone(), pw)
    };
    let (u, v) = pade_uv(&a_s, &pw, m);
    let mut r = pade_ratio(&u, &v);
    if upper {
        // Code Fragment 2.1: recompute the diagonal and first superdiagonal
        // exactly at every squaring, which keeps triangular inputs accurate.
        fix_triangular(&mut r, &a, s);
        for k in (0..s).rev() {
            r = mm(&r, &r);
            fix_triangular(&mut r, &a, k);
        }
        for ((p, q), x) in r.indexed_iter_mut() {
            if p > q {
                *x = T::zero();
            }
        }
    } else {
        for _ in 0..s {
            r = mm(&r, &r);
        }
    }
    r
}

/// Sets the diagonal and superdiagonal of `r ≈ exp(2^-k·A)` (A upper
/// triangular) to their exact values.
fn fix_triangular<T: Scalar>(r: &mut Array2<T>, a: &Array2<T>, k: i32) {
    let n = a.nrows();
    let h = T::Real::from_f64_real(0.5f64.powi(k));
    for i in 0..n {
        r[[i, i]] = exp_s(a[[i, i]].scale_real(h));
    }
    for i in 0..n.saturating_sub(1) {
        let l1 = super::matfun_util::to_c(a[[i, i]].scale_real(h));
        let l2 = super::matfun_util::to_c(a[[i + 1, i + 1]].scale_real(h));
        let t = super::matfun_util::to_c(a[[i, i + 1]].scale_real(h));
        r[[i, i + 1]] = super::matfun_util::from_c(t * exp_sinch(l1, l2));
    }
}

/// `(e^{λ₂} − e^{λ₁}) / (λ₂ − λ₁)` without cancellation:
/// `e^{(λ₁+λ₂)/2} · sinh(δ)/δ` with `δ = (λ₂ − λ₁)/2`.
pub(crate) fn exp_sinch<R: Float>(l1: Complex<R>, l2: Complex<R>) -> Complex<R> {
    let two = R::one() + R::one();
    let mid = (l1 + l2) / two;
    let d = (l2 - l1) / two;
    let sinch = if d.norm() < R::from(1e-5).expect("small constant") {
        Complex::new(R::one(), R::zero()) + d * d / R::from(6.0).expect("6")
    } else {
        d.sinh() / d
    };
    mid.exp() * sinch
}

/// Computes the matrix exponential `e^A` by scaling and squaring.
///
/// SciPy: `scipy.linalg.expm(A)`. The Padé degree `m ∈ {3, 5, 7, 9, 13}`
/// and the number of squarings `s` are chosen from the norms of powers of `A`
/// as in Al-Mohy and Higham's algorithm (SciPy's choice too), so large norms
/// are scaled down (`s` squarings of `r₁₃(2⁻ˢA)`) and small ones take a cheap
/// low-degree approximant. Diagonal input is exponentiated entrywise;
/// triangular input keeps its diagonal and first off-diagonal exact through
/// the squarings (their Code Fragment 2.1).
///
/// ```text
/// e^A ≈ r_m(2⁻ˢA)^(2ˢ),   r_m(X) = (V − U)⁻¹ (V + U)
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not square;
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if it holds NaN or
/// infinity (SciPy would propagate them).
///
/// # References
/// A. H. Al-Mohy, N. J. Higham, "A new scaling and squaring algorithm for
/// the matrix exponential", SIAM J. Matrix Anal. Appl. 31(3), 2009.
///
/// # Examples
/// ```
/// use ferrosci::linalg::expm;
/// use ndarray::array;
///
/// // A rotation generator: exp([[0, -t], [t, 0]]) = [[cos t, -sin t], [sin t, cos t]].
/// let t = 0.7_f64;
/// let e = expm(&array![[0.0, -t], [t, 0.0]])?;
/// assert!((e[[0, 0]] - t.cos()).abs() < 1e-15 && (e[[1, 0]] - t.sin()).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn expm<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    check::square("a", a)?;
    finite("a", a)?;
    Ok(expm_unchecked(a))
}

/// How [`expm_frechet_with`] computes the derivative (SciPy `method`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum FrechetMethod {
    /// Scaling–Padé–squaring of the pair `(A, E)`, Al-Mohy and Higham's
    /// Algorithm 6.4 (SciPy `'SPS'`, the default).
    #[default]
    Sps,
    /// The upper-right block of `exp([[A, E], [0, A]])` (SciPy `'blockEnlarge'`).
    BlockEnlarge,
}

/// Options for [`expm_frechet_with`]: SciPy's keywords of `expm_frechet`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpmFrechetOptions {
    /// The algorithm (SciPy `method`, default `'SPS'`).
    pub method: FrechetMethod,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for ExpmFrechetOptions {
    fn default() -> Self {
        ExpmFrechetOptions {
            method: FrechetMethod::Sps,
            check_finite: true,
        }
    }
}

/// `e^A` and the Fréchet derivative `L(A, E)` (SciPy's `(expm_A, expm_frechet_AE)`).
#[derive(Debug, Clone, PartialEq)]
pub struct ExpmFrechet<T> {
    /// `e^A` (SciPy's first output; `compute_expm=False` simply drops it).
    pub expm: Array2<T>,
    /// `L(A, E) = d/dt e^{A + tE}` at `t = 0`.
    pub frechet: Array2<T>,
}

/// Computes `e^A` and the Fréchet derivative of the exponential at `A` in the
/// direction `E`.
///
/// SciPy: `scipy.linalg.expm_frechet(A, E)` (`compute_expm=True`; the
/// derivative alone is the `frechet` field, whose cost already includes `e^A`).
///
/// ```text
/// L(A, E) = ∫₀¹ e^{sA} E e^{(1−s)A} ds,   e^{A+E} = e^A + L(A, E) + O(‖E‖²)
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not square
/// or `e` has another shape; [`Error::InvalidArgument`](crate::Error::InvalidArgument)
/// for NaN or infinity.
///
/// # References
/// A. H. Al-Mohy, N. J. Higham, "Computing the Fréchet derivative of the
/// matrix exponential, with an application to condition number estimation",
/// SIAM J. Matrix Anal. Appl. 30(4), 2009.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{expm, expm_frechet};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [-1.0, 0.5]];
/// let e = array![[0.0_f64, 1.0], [0.0, 0.0]];
/// let r = expm_frechet(&a, &e)?;
/// // Compare with a central difference.
/// let h = 1e-6;
/// let fd = (expm(&(&a + &(&e * h)))? - expm(&(&a - &(&e * h)))?) / (2.0 * h);
/// assert!((&r.frechet - &fd).iter().all(|d| d.abs() < 1e-8));
/// assert!((&r.expm - &expm(&a)?).iter().all(|d| d.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn expm_frechet<T: Scalar>(a: &ArrayRef2<T>, e: &ArrayRef2<T>) -> Result<ExpmFrechet<T>> {
    expm_frechet_with(a, e, &ExpmFrechetOptions::default())
}

/// [`expm_frechet`] with SciPy's keywords (`method`, `check_finite`).
///
/// SciPy: `scipy.linalg.expm_frechet(A, E, method=..., check_finite=...)`.
///
/// # Errors
/// As [`expm_frechet`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{expm_frechet, expm_frechet_with, ExpmFrechetOptions, FrechetMethod};
/// use ndarray::array;
///
/// let a = array![[0.3_f64, 1.0, 0.0], [0.0, -0.2, 2.0], [1.0, 0.0, 0.1]];
/// let e = array![[1.0_f64, 0.0, 0.0], [0.5, 0.0, 0.0], [0.0, 0.0, -1.0]];
/// let opts = ExpmFrechetOptions { method: FrechetMethod::BlockEnlarge, ..Default::default() };
/// let block = expm_frechet_with(&a, &e, &opts)?;
/// let sps = expm_frechet(&a, &e)?;
/// assert!((&block.frechet - &sps.frechet).iter().all(|d| d.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn expm_frechet_with<T: Scalar>(
    a: &ArrayRef2<T>,
    e: &ArrayRef2<T>,
    opts: &ExpmFrechetOptions,
) -> Result<ExpmFrechet<T>> {
    let n = check::square("A", a)?;
    check::shape("E", &[n, n], e.shape())?;
    if opts.check_finite {
        finite("A", a)?;
        finite("E", e)?;
    }
    let a = a.as_standard_layout().into_owned();
    let e = e.as_standard_layout().into_owned();
    if n == 0 {
        return Ok(ExpmFrechet {
            expm: a.clone(),
            frechet: e,
        });
    }
    Ok(match opts.method {
        FrechetMethod::Sps => frechet_sps(a, e),
        FrechetMethod::BlockEnlarge => {
            let mut big = Array2::zeros((2 * n, 2 * n));
            big.slice_mut(s![..n, ..n]).assign(&a);
            big.slice_mut(s![n.., n..]).assign(&a);
            big.slice_mut(s![..n, n..]).assign(&e);
            let x = expm_unchecked(&big);
            ExpmFrechet {
                expm: x.slice(s![..n, ..n]).to_owned(),
                frechet: x.slice(s![..n, n..]).to_owned(),
            }
        }
    })
}

/// Relative condition number of the matrix exponential in the Frobenius norm.
///
/// SciPy: `scipy.linalg.expm_cond(A)`.
///
/// ```text
/// κ(A) = ‖K(A)‖₂ · ‖A‖_F / ‖e^A‖_F,   K(A)·vec(E) = vec(L(A, E))
/// ```
///
/// `K(A)` (`N² × N²`, the Kronecker form of the Fréchet derivative) is built
/// column by column from `N²` calls of the Fréchet algorithm, as SciPy does,
/// so the cost is O(N⁵): meant for small matrices.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `A` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::expm_cond;
/// use ndarray::array;
///
/// // For a normal matrix ‖K‖₂ = ‖e^A‖₂ (Van Loan), so diag(1, 2) gives
/// // κ = √5·e² / √(e² + e⁴).
/// let k = expm_cond(&array![[1.0_f64, 0.0], [0.0, 2.0]])?;
/// let (e1, e2) = (1f64.exp(), 2f64.exp());
/// assert!((k - 5f64.sqrt() * e2 / (e1 * e1 + e2 * e2).sqrt()).abs() < 1e-12);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn expm_cond<T: Scalar>(a: &ArrayRef2<T>) -> Result<f64> {
    let n = check::square("A", a)?;
    finite("A", a)?;
    if n == 0 {
        return Ok(f64::NAN); // 0/0, as SciPy's norms of empty arrays
    }
    let a = a.as_standard_layout().into_owned();
    let x = expm_unchecked(&a);
    let mut k = Array2::<T>::zeros((n * n, n * n));
    for i in 0..n {
        for j in 0..n {
            let mut e = Array2::<T>::zeros((n, n));
            e[[i, j]] = T::one();
            let l = frechet_sps(a.clone(), e).frechet;
            for (r, v) in l.iter().enumerate() {
                k[[r, i * n + j]] = *v;
            }
        }
    }
    let fro = |m: &Array2<T>| m.iter().map(|v| v.abs2().to_f64_real()).sum::<f64>().sqrt();
    let k2 = super::svdvals(&k)?
        .iter()
        .map(|v| v.to_f64_real())
        .fold(0.0, f64::max);
    Ok(k2 * fro(&a) / fro(&x))
}

/// Al-Mohy and Higham's Algorithm 6.4: Padé approximants of `e^A` and of
/// their derivatives, differentiated term by term, then squared together.
fn frechet_sps<T: Scalar>(mut a: Array2<T>, mut e: Array2<T>) -> ExpmFrechet<T> {
    let n = a.nrows();
    let na = norm1(&a);
    let mut s = 0;
    let m = match ELL_FRECHET.iter().find(|&&(_, l)| na <= l) {
        Some(&(m, _)) if m < 13 => m,
        _ => {
            s = (na / ELL_FRECHET[4].1).log2().ceil().max(0.0) as i32;
            let f = T::Real::from_f64_real(0.5f64.powi(s));
            a.mapv_inplace(|v| v.scale_real(f));
            e.mapv_inplace(|v| v.scale_real(f));
            13
        }
    };
    let b = pade_coefficients(m);
    // Even powers A^{2k} and their derivatives M_{2k} in the direction E.
    let i = eye::<T>(n);
    let a2 = mm(&a, &a);
    let mut m2 = mm(&a, &e);
    mm_acc(T::one(), &e, &a, T::one(), &mut m2);
    let mut pw = vec![i, a2];
    let mut dm = vec![Array2::zeros((n, n)), m2];
    let top = if m == 13 { 3 } else { m / 2 };
    for k in 2..=top {
        // A^{2k} = A^{2(k−1)}·A², d/dE: M_{2(k−1)}·A² + A^{2(k−1)}·M₂.
        let p = mm(&pw[k - 1], &pw[1]);
        let mut d = mm(&dm[k - 1], &pw[1]);
        mm_acc(T::one(), &pw[k - 1], &dm[1], T::one(), &mut d);
        pw.push(p);
        dm.push(d);
    }
    let (u, v, lu, lv) = if m == 13 {
        let (a2, a4, a6) = (&pw[1], &pw[2], &pw[3]);
        let (m2, m4, m6) = (&dm[1], &dm[2], &dm[3]);
        let w1 = combo(&[(b[13], a6), (b[11], a4), (b[9], a2)]);
        let w2 = combo(&[(b[7], a6), (b[5], a4), (b[3], a2), (b[1], &pw[0])]);
        let z1 = combo(&[(b[12], a6), (b[10], a4), (b[8], a2)]);
        let z2 = combo(&[(b[6], a6), (b[4], a4), (b[2], a2), (b[0], &pw[0])]);
        let lw1 = combo(&[(b[13], m6), (b[11], m4), (b[9], m2)]);
        let lw2 = combo(&[(b[7], m6), (b[5], m4), (b[3], m2)]);
        let lz1 = combo(&[(b[12], m6), (b[10], m4), (b[8], m2)]);
        let lz2 = combo(&[(b[6], m6), (b[4], m4), (b[2], m2)]);
        let mut w = w2;
        mm_acc(T::one(), a6, &w1, T::one(), &mut w);
        let mut v = z2;
        mm_acc(T::one(), a6, &z1, T::one(), &mut v);
        let mut lw = lw2;
        mm_acc(T::one(), a6, &lw1, T::one(), &mut lw);
        mm_acc(T::one(), m6, &w1, T::one(), &mut lw);
        let mut lv = lz2;
        mm_acc(T::one(), a6, &lz1, T::one(), &mut lv);
        mm_acc(T::one(), m6, &z1, T::one(), &mut lv);
        let mut lu = mm(&a, &lw);
        mm_acc(T::one(), &e, &w, T::one(), &mut lu);
        (mm(&a, &w), v, lu, lv)
    } else {
        let h = m / 2;
        let odd: Vec<(f64, &Array2<T>)> = (0..=h).map(|k| (b[2 * k + 1], &pw[k])).collect();
        let even: Vec<(f64, &Array2<T>)> = (0..=h).map(|k| (b[2 * k], &pw[k])).collect();
        let dodd: Vec<(f64, &Array2<T>)> = (1..=h).map(|k| (b[2 * k + 1], &dm[k])).collect();
        let deven: Vec<(f64, &Array2<T>)> = (1..=h).map(|k| (b[2 * k], &dm[k])).collect();
        let w = combo(&odd);
        let mut lu = mm(&a, &combo(&dodd));
        mm_acc(T::one(), &e, &w, T::one(), &mut lu);
        (mm(&a, &w), combo(&even), lu, combo(&deven))
    };
    // r = (V − U)⁻¹(V + U); L = (V − U)⁻¹(Lu + Lv + (Lu − Lv)·r).
    let q = &v - &u;
    let lu_f = super::lu::lu_factor(&q).expect("square input");
    let mut r = super::lu::lu_solve(&lu_f, &(&v + &u)).expect("V − U is nonsingular");
    let mut rhs = &lu + &lv;
    mm_acc(T::one(), &(&lu - &lv), &r, T::one(), &mut rhs);
    let mut l = super::lu::lu_solve(&lu_f, &rhs).expect("V − U is nonsingular");
    for _ in 0..s {
        let mut nl = mm(&r, &l);
        mm_acc(T::one(), &l, &r, T::one(), &mut nl);
        l = nl;
        r = mm(&r, &r);
    }
    ExpmFrechet {
        expm: r,
        frechet: l,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pade_coefficients_match_higham() {
        let b = pade_coefficients(13);
        // b_j / b_0 against Higham's integer table (b_0 = 64764752532480000).
        let b0 = 64764752532480000.0;
        for (j, want) in [
            (1, 32382376266240000.0),
            (5, 10559470521600.0),
            (6, 670442572800.0),
            (13, 1.0),
        ] {
            assert!((b[j] * b0 - want).abs() <= 1e-14 * want, "b_{j}");
        }
    }
}
