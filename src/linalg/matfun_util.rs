//! Small pieces shared by the matrix functions and matrix equations: products
//! through the GEMM kernel, 1-norms and their estimation, promotion to complex
//! and SciPy's "drop a negligible imaginary part" rule.

use super::kernels::MatMut;
use super::kernels::gemm::gemm;
use super::{RealScalar, Scalar};
use crate::Result;
use ndarray::{Array2, ArrayRef2};
use num_complex::{Complex, Complex64};
use num_traits::{Float, One, Zero};

/// A complex matrix of `T`'s precision.
pub(crate) type CMat<T> = Array2<Complex<<T as Scalar>::Real>>;

/// `a·b` through the crate's GEMM (any layout in, row-major out).
pub(crate) fn mm<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Array2<T> {
    let (m, k) = a.dim();
    let n = b.ncols();
    debug_assert_eq!(k, b.nrows());
    let mut a = a.as_standard_layout().into_owned();
    let mut b = b.as_standard_layout().into_owned();
    let mut c = Array2::zeros((m, n));
    if m == 0 || n == 0 {
        return c;
    }
    // SAFETY: three distinct owned row-major arrays of the stated shapes.
    unsafe {
        gemm(
            T::one(),
            MatMut::from_array(&mut a),
            MatMut::from_array(&mut b),
            T::zero(),
            MatMut::from_array(&mut c),
        )
    };
    c
}

/// `a·b + b·a`-style sums need many products; this is `α·a·b + β·c` in place.
pub(crate) fn mm_acc<T: Scalar>(
    alpha: T,
    a: &Array2<T>,
    b: &Array2<T>,
    beta: T,
    c: &mut Array2<T>,
) {
    if c.is_empty() {
        return;
    }
    let mut a = a.as_standard_layout().into_owned();
    let mut b = b.as_standard_layout().into_owned();
    if !c.is_standard_layout() {
        *c = c.as_standard_layout().into_owned();
    }
    // SAFETY: `a`, `b` are fresh copies; `c` is an owned row-major array.
    unsafe {
        gemm(
            alpha,
            MatMut::from_array(&mut a),
            MatMut::from_array(&mut b),
            beta,
            MatMut::from_array(c),
        )
    };
}

/// The conjugate transpose, row-major.
pub(crate) fn ct<T: Scalar>(a: &ArrayRef2<T>) -> Array2<T> {
    let t = a.t().mapv(|v| v.conj());
    t.as_standard_layout().into_owned()
}

/// `a` in `Complex64` (f32 inputs are widened; the Schur-based functions
/// work in double precision).
pub(crate) fn to_c64<T: Scalar>(a: &ArrayRef2<T>) -> Array2<Complex64> {
    a.mapv(|v| Complex64::new(v.re().to_f64_real(), v.im().to_f64_real()))
}

/// A `Complex64` matrix as `T` (imaginary parts dropped for real `T`).
pub(crate) fn from_c64<T: Scalar>(a: &ArrayRef2<Complex64>) -> Array2<T> {
    a.mapv(|z| T::from_parts(T::Real::from_f64_real(z.re), T::Real::from_f64_real(z.im)))
}

/// The complex Schur form `a = z·t·zᴴ`; triangular input is its own form
/// (`z = None`), as in SciPy's matrix functions. For real input (`real`),
/// the real Schur form converted by `rsf2csf`, as SciPy: real eigenvalues
/// stay exactly real (a negative one must not pick up a rounding-level
/// imaginary part that flips the branch of `√` or `log`), and conjugate
/// pairs stay exact conjugates.
pub(crate) fn schur_c64(
    a: Array2<Complex64>,
    real: bool,
) -> Result<(Array2<Complex64>, Option<Array2<Complex64>>)> {
    if is_upper_triangular(&a) {
        return Ok((a, None));
    }
    let s = if real {
        let r = super::schur(&a.mapv(|z| z.re))?;
        super::rsf2csf(&r.t, &r.z)?
    } else {
        super::schur(&a)?
    };
    Ok((s.t, Some(s.z)))
}

/// `z·f·zᴴ` (or `f` itself when there is no `z`).
pub(crate) fn unschur(f: Array2<Complex64>, z: &Option<Array2<Complex64>>) -> Array2<Complex64> {
    match z {
        None => f,
        Some(z) => mm(&mm(z, &f), &ct(z)),
    }
}

/// Maximum absolute column sum, as `f64`.
pub(crate) fn norm1<T: Scalar>(a: &ArrayRef2<T>) -> f64 {
    a.columns()
        .into_iter()
        .map(|c| c.iter().map(|v| v.modulus().to_f64_real()).sum::<f64>())
        .fold(0.0, f64::max)
}

/// Estimates `‖B‖₁` of the operator `B = M₁·M₂·…·Mₖ` without forming it, by
/// Hager's method with Higham's refinements (the estimator behind LAPACK's
/// `xLACON`): a few products with `B` and `Bᴴ` instead of `k − 1` GEMMs.
/// Never above the true norm; exact for most matrices met in practice.
pub(crate) fn normest_product<T: Scalar>(factors: &[&Array2<T>]) -> f64 {
    let n = factors[0].nrows();
    if n == 0 {
        return 0.0;
    }
    // Row-major sweeps only: `M·v` as dot products of rows, `Mᴴ·v` as a sum
    // of conjugated rows scaled by `v` (no strided column access).
    let owned: Vec<Array2<T>> = factors
        .iter()
        .map(|m| m.as_standard_layout().into_owned())
        .collect();
    let apply = |x: Vec<T>, herm: bool| -> Vec<T> {
        let mut v = x;
        let mut order: Vec<&Array2<T>> = owned.iter().collect();
        if !herm {
            order.reverse();
        }
        for m in order {
            let rows = m.as_slice().expect("standard layout");
            v = if herm {
                let mut out = vec![T::zero(); n];
                for (row, &vj) in rows.chunks_exact(n).zip(&v) {
                    for (o, &mij) in out.iter_mut().zip(row) {
                        *o += mij.conj() * vj;
                    }
                }
                out
            } else {
                rows.chunks_exact(n)
                    .map(|row| row.iter().zip(&v).map(|(&mij, &vj)| mij * vj).sum())
                    .collect()
            };
        }
        v
    };
    let l1 = |v: &[T]| v.iter().map(|x| x.modulus().to_f64_real()).sum::<f64>();
    let inv_n = T::from_f64(1.0 / n as f64);
    let mut x = vec![inv_n; n];
    let mut est = 0.0;
    let mut last_j = usize::MAX;
    for _ in 0..5 {
        let y = apply(x.clone(), false);
        let new = l1(&y);
        if new <= est && last_j != usize::MAX {
            break;
        }
        est = new;
        let xi: Vec<T> = y
            .iter()
            .map(|&v| {
                let m = v.modulus();
                if m == T::Real::zero() {
                    T::one()
                } else {
                    v.scale_real(T::Real::one() / m)
                }
            })
            .collect();
        let z = apply(xi, true);
        let (j, zmax) = z
            .iter()
            .map(|v| v.re().to_f64_real().abs().max(v.modulus().to_f64_real()))
            .enumerate()
            .fold(
                (0, f64::NEG_INFINITY),
                |b, (i, v)| if v > b.1 { (i, v) } else { b },
            );
        let ztx: f64 = z
            .iter()
            .zip(&x)
            .map(|(a, b)| (*a * b.conj()).re().to_f64_real())
            .sum();
        if zmax <= ztx || j == last_j {
            break;
        }
        last_j = j;
        x = vec![T::zero(); n];
        x[j] = T::one();
    }
    // Higham's extra test vector guards against the rare bad cases.
    let alt: Vec<T> = (0..n)
        .map(|i| {
            let s = if i % 2 == 0 { 1.0 } else { -1.0 };
            T::from_f64(s * (1.0 + i as f64 / (n.max(2) - 1) as f64))
        })
        .collect();
    let alt_est = 2.0 * l1(&apply(alt, false)) / (3.0 * n as f64);
    est.max(alt_est)
}

/// `‖ |A|^p ‖₁`, exactly, by `p` vector–matrix products with `|A|`.
pub(crate) fn norm1_abs_power<T: Scalar>(a: &ArrayRef2<T>, p: usize) -> f64 {
    let n = a.nrows();
    let abs = a.as_standard_layout().mapv(|v| v.modulus().to_f64_real());
    let rows = abs
        .as_slice()
        .expect("mapv of a row-major array is row-major");
    let mut v = vec![1.0; n];
    for _ in 0..p {
        // vᵀ ← vᵀ·|A|, accumulated row by row.
        let mut out = vec![0.0; n];
        for (row, &vi) in rows.chunks_exact(n.max(1)).zip(&v) {
            for (o, &x) in out.iter_mut().zip(row) {
                *o += vi * x;
            }
        }
        v = out;
    }
    v.into_iter().fold(0.0, f64::max)
}

/// `x` as a complex number of the same precision.
#[inline]
pub(crate) fn to_c<T: Scalar>(x: T) -> Complex<T::Real> {
    Complex::new(x.re(), x.im())
}

/// The complex number `z` as a `T` (the imaginary part dropped for real `T`).
#[inline]
pub(crate) fn from_c<T: Scalar>(z: Complex<T::Real>) -> T {
    T::from_parts(z.re, z.im)
}

/// `eˣ` for any scalar type.
#[inline]
pub(crate) fn exp_s<T: Scalar>(x: T) -> T
where
    T::Real: Float,
{
    from_c(to_c(x).exp())
}

/// The identity of order `n`.
pub(crate) fn eye<T: Scalar>(n: usize) -> Array2<T> {
    super::util::eye(n)
}

/// Whether all entries strictly below the diagonal are zero.
pub(crate) fn is_upper_triangular<T: Scalar>(a: &ArrayRef2<T>) -> bool {
    a.indexed_iter()
        .all(|((i, j), v)| i <= j || *v == T::zero())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use num_complex::Complex64;

    #[test]
    fn normest_is_exact_on_small_products() {
        let a = array![[1.0, -2.0, 0.5], [0.0, 3.0, 1.0], [4.0, 1.0, -1.0]];
        let b = array![[0.5, 1.0, 0.0], [-1.0, 2.0, 1.0], [0.0, 1.0, 3.0]];
        let exact = norm1(&mm(&a, &b));
        let est = normest_product(&[&a, &b]);
        assert!(
            est <= exact * (1.0 + 1e-14) && est >= 0.3 * exact,
            "{est} vs {exact}"
        );
        let c = a.mapv(|x| Complex64::new(x, -x / 3.0));
        let exact = norm1(&mm(&c, &c));
        let est = normest_product(&[&c, &c]);
        assert!(
            est <= exact * (1.0 + 1e-14) && est >= 0.3 * exact,
            "{est} vs {exact}"
        );
    }

    #[test]
    fn abs_power_norm_matches_explicit_product() {
        let a = array![[1.0, -2.0], [3.0, 0.5]];
        let abs = a.mapv(f64::abs);
        let want = norm1(&mm(&mm(&abs, &abs), &abs));
        assert!((norm1_abs_power(&a, 3) - want).abs() < 1e-12 * want);
    }
}
