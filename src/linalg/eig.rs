//! General (nonsymmetric) eigenproblem: `eig`, `eigvals`, with left
//! eigenvectors and the generalized problem `a·v = λ·b·v`.

use super::kernels::hessenberg::unbalance;
use super::kernels::pencil_vectors::{SplitVectors, pencil_vectors};
use super::kernels::qz::pencil_eigenvectors;
use super::kernels::qz_real::pencil_values;
use super::kernels::schur_vectors::{blocks, eigenvector, left_eigenvectors};
use super::qz::{
    decompose_pencil, decompose_real, eigenvalues_from_pencil, pencil_input, validate,
};
use super::schur::{arr, decompose, input};
use super::{RealScalar, Scalar};
use crate::Result;
use ndarray::{Array1, Array2, ArrayRef2};
use num_complex::Complex;
use num_traits::Zero;

/// Eigenvalues and right eigenvectors from [`eig`] (and
/// [`eig_generalized`](crate::linalg::eig_generalized)).///
/// ```
/// use ferrosci::linalg::{eig, Eig};
/// use ndarray::array;
///
/// let Eig { w, vr } = eig(&array![[2.0_f64, 0.0], [0.0, 3.0]])?;
/// assert_eq!((w[0].re, w[1].re), (2.0, 3.0));
/// assert_eq!(vr[[0, 0]].re.abs(), 1.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Eig<R: RealScalar> {
    /// Eigenvalues, complex also for real input, not sorted.
    pub w: Array1<Complex<R>>,
    /// Right eigenvectors as columns, unit 2-norm: `vr[:, i]` belongs to `w[i]`.
    pub vr: Array2<Complex<R>>,
}

/// Eigenvalues with left and right eigenvectors from [`eig_left`] (and
/// [`eig_generalized_left`](crate::linalg::eig_generalized_left)).///
/// ```
/// use ferrosci::linalg::{eig_left, EigLeft};
/// use ndarray::array;
///
/// // Symmetric: left and right eigenvectors coincide (up to sign).
/// let EigLeft { w, vl, vr } = eig_left(&array![[2.0_f64, 1.0], [1.0, 2.0]])?;
/// assert_eq!(w.len(), 2);
/// assert!((vl[[0, 0]].norm() - vr[[0, 0]].norm()).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct EigLeft<R: RealScalar> {
    /// Eigenvalues, complex also for real input, not sorted.
    pub w: Array1<Complex<R>>,
    /// Left eigenvectors as columns (`vl[:, i]ᴴ·a = w[i]·vl[:, i]ᴴ`), unit 2-norm.
    pub vl: Array2<Complex<R>>,
    /// Right eigenvectors as columns, unit 2-norm.
    pub vr: Array2<Complex<R>>,
}

/// Scales each column to unit 2-norm; complex columns (and only those) are
/// also turned so that their largest entry is real and positive, as LAPACK
/// `geev` does.
pub(crate) fn normalize<R: RealScalar>(v: &mut Array2<Complex<R>>) {
    for mut col in v.columns_mut() {
        // Scaled sum of squares: no overflow, and no `hypot` per entry.
        let scale = col
            .iter()
            .fold(R::zero(), |s, x| s.max(x.re.abs()).max(x.im.abs()));
        if scale == R::zero() {
            continue;
        }
        let norm = scale
            * col
                .iter()
                .fold(R::zero(), |s, x| s + x.unscale(scale).norm_sqr())
                .sqrt();
        let complex = col.iter().any(|x| x.im != R::zero());
        if !complex {
            col.mapv_inplace(|x| x.unscale(norm));
            continue;
        }
        // The entry of largest modulus (the first of equals) becomes real.
        let k = col
            .iter()
            .enumerate()
            .fold((0, R::zero()), |(k, m), (i, x)| {
                let a = x.unscale(scale).norm_sqr();
                if a > m { (i, a) } else { (k, m) }
            })
            .0;
        let big = col[k];
        let f = big.conj().unscale(big.norm()).unscale(norm);
        col.mapv_inplace(|x| x * f);
        col[k].im = R::zero();
    }
}

/// The shared driver: balanced Schur form, then eigenvectors of the Schur
/// form back-transformed (right and/or left).
type Spectrum<R> = (
    Array1<Complex<R>>,
    Option<Array2<Complex<R>>>,
    Option<Array2<Complex<R>>>,
);

fn solve<T: Scalar>(a: &ArrayRef2<T>, left: bool, right: bool) -> Result<Spectrum<T::Real>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let (n, v) = input("a", a)?;
    let vectors = left || right;
    let d = decompose(v, n, true, vectors, vectors)?;
    let w = Array1::from(d.w.clone());
    if !vectors {
        return Ok((w, None, None));
    }
    let to_c = |x: &T| Complex::new(x.re(), x.im());
    let t: Vec<Complex<T::Real>> = d.t.iter().map(to_c).collect();
    let z = d.z.expect("z was asked for");
    let blk = blocks(&t, n);
    let back = |x: Array2<Complex<T::Real>>, is_left: bool| {
        let mut v = if T::IS_COMPLEX {
            arr(z.iter().map(to_c).collect(), n).dot(&x)
        } else {
            // Real Z: two real products instead of one complex one.
            let zr = arr(z.iter().map(|v| v.re()).collect(), n);
            let re = zr.dot(&x.mapv(|v| v.re));
            let im = zr.dot(&x.mapv(|v| v.im));
            ndarray::Zip::from(&re)
                .and(&im)
                .map_collect(|&r, &i| Complex::new(r, i))
        };
        let flat = v.as_slice_mut().expect("standard layout");
        unbalance(&d.bal, flat, n, n, is_left);
        normalize(&mut v);
        v
    };
    let vr = right.then(|| {
        let mut x = Array2::zeros((n, n));
        for (b, &(s, size)) in blk.iter().enumerate() {
            let col = eigenvector(&t, n, &blk, b, d.w[s]);
            for (i, c) in col.iter().enumerate() {
                x[[i, s]] = *c;
                if size == 2 {
                    x[[i, s + 1]] = c.conj();
                }
            }
        }
        back(x, false)
    });
    let vl = left.then(|| {
        let lambdas: Vec<(usize, Complex<T::Real>)> = blk
            .iter()
            .enumerate()
            .map(|(b, &(s, _))| (b, d.w[s]))
            .collect();
        let ys = left_eigenvectors(&t, n, &blk, &lambdas);
        let mut x = Array2::zeros((n, n));
        for (y, &(s, size)) in ys.iter().zip(&blk) {
            for (i, c) in y.iter().enumerate() {
                x[[i, s]] = *c;
                if size == 2 {
                    x[[i, s + 1]] = c.conj();
                }
            }
        }
        back(x, true)
    });
    Ok((w, vl, vr))
}

/// Eigenvalues and right eigenvectors of a square matrix.
///
/// SciPy: `scipy.linalg.eig(a)`. Balancing (permutation and scaling, as
/// LAPACK's `geev`), Hessenberg reduction, QR iteration to the Schur form,
/// then back-substitution on it. Real input gives complex eigenvalues in
/// conjugate pairs (positive imaginary part first) with conjugate
/// eigenvectors; the vectors are always complex here (SciPy returns a real
/// array when every eigenvalue is real: the imaginary parts are then exactly
/// zero). Each vector has unit 2-norm; a complex vector's largest entry is
/// real. Defective matrices give (nearly) parallel vectors, as LAPACK.
///
/// ```text
/// a·vr[:, i] = w[i]·vr[:, i]
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity; [`Error::NotConverged`](crate::Error::NotConverged) if the QR
/// iteration runs out of its budget.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eig, Eig};
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let a = array![[0.0_f64, -1.0], [1.0, 0.0]]; // rotation: eigenvalues ±i
/// let Eig { w, vr } = eig(&a)?;
/// assert!((w[0] - Complex64::i()).norm() < 1e-15 && (w[1] + Complex64::i()).norm() < 1e-15);
/// let ac = a.mapv(|v| Complex64::new(v, 0.0));
/// for k in 0..2 {
///     let r = ac.dot(&vr.column(k)) - vr.column(k).mapv(|v| v * w[k]);
///     assert!(r.iter().all(|e| e.norm() < 1e-15));
/// }
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eig<T: Scalar>(a: &ArrayRef2<T>) -> Result<Eig<T::Real>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let (w, _, vr) = solve(a, false, true)?;
    Ok(Eig {
        w,
        vr: vr.expect("right vectors were asked for"),
    })
}

/// Eigenvalues with left and right eigenvectors.
///
/// SciPy: `scipy.linalg.eig(a, left=True)`, returning `(w, vl, vr)`. The
/// left eigenvectors satisfy `vl[:, i]ᴴ·a = w[i]·vl[:, i]ᴴ`.
///
/// # Errors
/// As [`eig`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eig_left;
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let a = array![[1.0_f64, 2.0], [0.0, 3.0]];
/// let r = eig_left(&a)?;
/// let ac = a.mapv(|v| Complex64::new(v, 0.0));
/// for k in 0..2 {
///     let yh = r.vl.column(k).mapv(|v| v.conj());
///     let res = yh.dot(&ac) - yh.mapv(|v| v * r.w[k]);
///     assert!(res.iter().all(|e| e.norm() < 1e-14));
/// }
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eig_left<T: Scalar>(a: &ArrayRef2<T>) -> Result<EigLeft<T::Real>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let (w, vl, vr) = solve(a, true, true)?;
    Ok(EigLeft {
        w,
        vl: vl.expect("left vectors were asked for"),
        vr: vr.expect("right vectors were asked for"),
    })
}

/// Eigenvalues only of a square matrix.
///
/// SciPy: `scipy.linalg.eigvals(a)` (the same values as [`eig`]'s `w`, in
/// the same order).
///
/// # Errors
/// As [`eig`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eigvals;
/// use ndarray::array;
///
/// // Companion matrix of x² − 3x + 2 = (x − 1)(x − 2).
/// let a = array![[3.0_f32, -2.0], [1.0, 0.0]];
/// let mut w: Vec<f32> = eigvals(&a)?.iter().map(|z| z.re).collect();
/// w.sort_by(f32::total_cmp);
/// assert!((w[0] - 1.0).abs() < 1e-6 && (w[1] - 2.0).abs() < 1e-6);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvals<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array1<Complex<T::Real>>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    Ok(solve(a, false, false)?.0)
}

/// The generalized driver for real input: real QZ, then eigenvectors of
/// the quasi-triangular pair (complex pairs from its 2 × 2 blocks),
/// back-transformed (right by `Z`, left by `Q`) with real products.
fn solve_generalized_real<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    left: bool,
    right: bool,
) -> Result<Spectrum<T::Real>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let n = validate(a, b)?;
    let (s, p, q, z) = decompose_real(a, b, n)?;
    let (alpha, beta) = pencil_values(&s, &p, n);
    let beta_c: Vec<_> = beta
        .iter()
        .map(|&v| Complex::new(v, T::Real::zero()))
        .collect();
    let w = eigenvalues_from_pencil(&alpha, &beta_c);
    let back = |m: Vec<T::Real>, (re, im): SplitVectors<T::Real>| {
        let m = arr(m, n);
        let (re, im) = (m.dot(&arr(re, n)), m.dot(&arr(im, n)));
        let mut v = ndarray::Zip::from(&re)
            .and(&im)
            .map_collect(|&r, &i| Complex::new(r, i));
        normalize(&mut v);
        v
    };
    let vr = right.then(|| back(z, pencil_vectors(&s, &p, n, &alpha, &beta, false)));
    let vl = left.then(|| back(q, pencil_vectors(&s, &p, n, &alpha, &beta, true)));
    Ok((w, vl, vr))
}

/// The generalized driver: real input through [`solve_generalized_real`];
/// complex input by complex QZ, then eigenvectors of the triangular pair
/// back-transformed (right by `Z`, left by `Q`).
fn solve_generalized<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    left: bool,
    right: bool,
) -> Result<Spectrum<T::Real>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    if !T::IS_COMPLEX {
        return solve_generalized_real(a, b, left, right);
    }
    let (n, s, p) = pencil_input(a, b)?;
    let vectors = left || right;
    let r = decompose_pencil(s, p, n, vectors)?;
    let w = eigenvalues_from_pencil(&r.alpha, &r.beta);
    let back = |m: &[Complex<T::Real>], x: Vec<Complex<T::Real>>| {
        let mut v = arr(m.to_vec(), n).dot(&arr(x, n));
        normalize(&mut v);
        v
    };
    let vr = right.then(|| back(&r.z, pencil_eigenvectors(&r.s, &r.p, n, &r.alpha, &r.beta)));
    let vl = left.then(|| {
        // yᴴ·(β·S − α·P) = 0: right vectors of the flipped conjugate transposes.
        let flip = |m: &[Complex<T::Real>]| -> Vec<Complex<T::Real>> {
            (0..n * n)
                .map(|e| m[(n - 1 - e % n) * n + (n - 1 - e / n)].conj())
                .collect()
        };
        let ar: Vec<_> = r.alpha.iter().rev().map(|v| v.conj()).collect();
        let br: Vec<_> = r.beta.iter().rev().map(|v| v.conj()).collect();
        let x = pencil_eigenvectors(&flip(&r.s), &flip(&r.p), n, &ar, &br);
        let y: Vec<_> = (0..n * n)
            .map(|e| x[(n - 1 - e / n) * n + (n - 1 - e % n)])
            .collect();
        back(&r.q, y)
    });
    Ok((w, vl, vr))
}

/// Generalized eigenvalues and right eigenvectors: `a·v = λ·b·v`.
///
/// SciPy: `scipy.linalg.eig(a, b)`. QZ to the generalized Schur form (real
/// QZ for real input, as LAPACK's `ggev`: real eigenvalues stay real,
/// complex ones come in conjugate pairs from 2 × 2 blocks; complex QZ for
/// complex input), then back-substitution on the (quasi-)triangular pair. As SciPy,
/// `w = α/β` is `inf` for an infinite eigenvalue (`β = 0 ≠ α`, a singular
/// `b`) and NaN for a singular pencil (`α = β = 0`); the vectors have unit
/// 2-norm.
///
/// ```text
/// β_i·a·vr[:, i] = α_i·b·vr[:, i],   w[i] = α_i/β_i
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not
/// square or `b` has another shape; [`Error::InvalidArgument`](crate::Error::InvalidArgument)
/// for NaN or infinity; [`Error::NotConverged`](crate::Error::NotConverged)
/// if the QZ iteration runs out of its budget.
///
/// # Examples
/// ```
/// use ferrosci::linalg::eig_generalized;
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let a = array![[1.0_f64, 2.0], [3.0, 4.0]];
/// let b = array![[1.0_f64, 0.0], [0.0, 0.0]];
/// let r = eig_generalized(&a, &b)?;
/// let (fin, inf): (Vec<Complex64>, Vec<Complex64>) = r.w.iter().partition(|w| w.re.is_finite());
/// assert!((fin[0].re + 0.5).abs() < 1e-14 && fin[0].im.abs() < 1e-14);
/// assert!(inf[0].re == f64::INFINITY);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eig_generalized<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Result<Eig<T::Real>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let (w, _, vr) = solve_generalized(a, b, false, true)?;
    Ok(Eig {
        w,
        vr: vr.expect("right vectors were asked for"),
    })
}

/// Generalized eigenvalues with left and right eigenvectors.
///
/// SciPy: `scipy.linalg.eig(a, b, left=True)`; the left vectors satisfy
/// `vl[:, i]ᴴ·a = w[i]·vl[:, i]ᴴ·b`.
///
/// # Errors
/// As [`eig_generalized`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eig_generalized_left;
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let a = array![[2.0_f64, 1.0], [0.0, 3.0]];
/// let b = array![[1.0_f64, 0.0], [1.0, 1.0]];
/// let r = eig_generalized_left(&a, &b)?;
/// let (ac, bc) = (a.mapv(|v| Complex64::new(v, 0.0)), b.mapv(|v| Complex64::new(v, 0.0)));
/// for k in 0..2 {
///     let yh = r.vl.column(k).mapv(|v| v.conj());
///     let res = yh.dot(&ac) - yh.dot(&bc).mapv(|v| v * r.w[k]);
///     assert!(res.iter().all(|e| e.norm() < 1e-13));
/// }
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eig_generalized_left<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
) -> Result<EigLeft<T::Real>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let (w, vl, vr) = solve_generalized(a, b, true, true)?;
    Ok(EigLeft {
        w,
        vl: vl.expect("left vectors were asked for"),
        vr: vr.expect("right vectors were asked for"),
    })
}

/// Generalized eigenvalues only.
///
/// SciPy: `scipy.linalg.eigvals(a, b)`.
///
/// # Errors
/// As [`eig_generalized`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eigvals_generalized;
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 0.0], [0.0, 9.0]];
/// let b = array![[2.0_f64, 0.0], [0.0, 3.0]];
/// let mut w: Vec<f64> = eigvals_generalized(&a, &b)?.iter().map(|z| z.re).collect();
/// w.sort_by(f64::total_cmp);
/// assert!((w[0] - 2.0).abs() < 1e-14 && (w[1] - 3.0).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvals_generalized<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
) -> Result<Array1<Complex<T::Real>>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    Ok(solve_generalized(a, b, false, false)?.0)
}
