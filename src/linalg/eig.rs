//! General (nonsymmetric) eigenproblem: `eig`, `eigvals`, with left
//! eigenvectors and the generalized problem `a·v = λ·b·v`.

use super::kernels::hessenberg::unbalance;
use super::kernels::schur_vectors::{blocks, eigenvector, left_eigenvectors};
use super::schur::{arr, decompose, input};
use super::{RealScalar, Scalar};
use crate::Result;
use ndarray::{Array1, Array2, ArrayRef2};
use num_complex::Complex;
use num_traits::Zero;

/// Eigenvalues and right eigenvectors from [`eig`] (and
/// [`eig_generalized`](crate::linalg::eig_generalized)).
#[derive(Debug, Clone, PartialEq)]
pub struct Eig<R: RealScalar> {
    /// Eigenvalues, complex also for real input, not sorted.
    pub w: Array1<Complex<R>>,
    /// Right eigenvectors as columns, unit 2-norm: `vr[:, i]` belongs to `w[i]`.
    pub vr: Array2<Complex<R>>,
}

/// Eigenvalues with left and right eigenvectors from [`eig_left`] (and
/// [`eig_generalized_left`](crate::linalg::eig_generalized_left)).
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
        let norm = col.iter().fold(R::zero(), |s, x| s.hypot(x.norm()));
        if norm == R::zero() {
            continue;
        }
        let complex = col.iter().any(|x| x.im != R::zero());
        let mut f = Complex::new(R::one() / norm, R::zero());
        if complex {
            let big =
                col.iter().copied().fold(
                    Complex::zero(),
                    |b: Complex<R>, x| if x.norm() > b.norm() { x } else { b },
                );
            f = f * big.conj() / big.norm();
        }
        col.mapv_inplace(|x| x * f);
        if complex {
            // Make the rotated entry exactly real.
            let k = col
                .iter()
                .enumerate()
                .fold((0, R::zero()), |(k, m), (i, x)| {
                    if x.norm() > m { (i, x.norm()) } else { (k, m) }
                })
                .0;
            col[k].im = R::zero();
        }
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
    let z = arr(d.z.expect("z was asked for").iter().map(to_c).collect(), n);
    let blk = blocks(&t, n);
    let back = |x: Array2<Complex<T::Real>>, is_left: bool| {
        let mut v = z.dot(&x);
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
