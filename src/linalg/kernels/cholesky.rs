//! Cholesky factorization `A = Uᴴ·U` (upper triangle, row-major), recursive:
//! factor the leading half, solve for the off-diagonal block with one
//! triangular solve, update the trailing block with one GEMM, recurse.
//! The lower factor is `L = Uᴴ`.

use super::MatMut;
use super::gemm::gemm_h;
use super::trsm::{Uplo, trsm_left};
use crate::linalg::Scalar;
use num_traits::{Float, Zero};

/// Blocks this small are factored row by row.
const LEAF: usize = 32;

/// Overwrites the upper triangle of the `n × n` block `a` with `U` such that
/// `A = Uᴴ·U`, reading only the upper triangle of `A` (the strict lower part
/// is used as scratch and left unspecified). Returns `Err(j)` if the leading
/// minor of order `j + 1` is not positive definite.
///
/// # Safety
/// `a` is a valid, exclusive, square view.
pub(crate) unsafe fn potrf_upper<T: Scalar>(a: MatMut<T>) -> Result<(), usize> {
    let n = a.rows;
    if n <= LEAF {
        // SAFETY: forwarded contract.
        return unsafe { potf2_upper(a) };
    }
    let n1 = n / 2;
    let n2 = n - n1;
    let (a11, a12, a22) = (
        a.sub(0, 0, n1, n1),
        a.sub(0, n1, n1, n2),
        a.sub(n1, n1, n2, n2),
    );
    // SAFETY: a11, a12, a22 are disjoint blocks of `a`.
    unsafe {
        potrf_upper(a11)?;
        trsm_left(Uplo::Upper, true, false, a11, a12);
        herk_upper(a12, a22);
        potrf_upper(a22).map_err(|j| j + n1)
    }
}

/// Below this order the Hermitian update is one full GEMM.
const HERK_LEAF: usize = 96;

/// `C ← C − Aᴴ·A` on the upper triangle of the square `c` only (LAPACK
/// `herk`), recursively: half the flops of the full product, nearly all of
/// them still in GEMM. The strict lower part of `c` may be overwritten.
///
/// # Safety
/// `a` (`k × n`) and `c` (`n × n`) are valid, non-overlapping views; `c` is
/// exclusive.
unsafe fn herk_upper<T: Scalar>(a: MatMut<T>, c: MatMut<T>) {
    let n = c.rows;
    // SAFETY: the blocks below are disjoint blocks of `c` and column ranges of `a`.
    unsafe {
        if n <= HERK_LEAF {
            gemm_h(-T::one(), a, a, T::one(), c);
            return;
        }
        let h = n / 2;
        let (a1, a2) = (a.sub(0, 0, a.rows, h), a.sub(0, h, a.rows, n - h));
        herk_upper(a1, c.sub(0, 0, h, h));
        gemm_h(-T::one(), a1, a2, T::one(), c.sub(0, h, h, n - h));
        herk_upper(a2, c.sub(h, h, n - h, n - h));
    }
}

/// Row-oriented unblocked Cholesky of a small block.
unsafe fn potf2_upper<T: Scalar>(a: MatMut<T>) -> Result<(), usize> {
    let n = a.rows;
    for j in 0..n {
        // SAFETY: rows `j` and `i > j` are distinct rows of the valid view.
        unsafe {
            let rj = a.row(j);
            let d = rj[j].re();
            // Also rejects NaN.
            if d.partial_cmp(&T::Real::zero()) != Some(std::cmp::Ordering::Greater) {
                return Err(j);
            }
            let d = d.sqrt();
            rj[j] = T::from_real(d);
            let inv = d.recip();
            for x in &mut rj[j + 1..] {
                *x = x.scale_real(inv);
            }
            for i in j + 1..n {
                let ri = a.row(i);
                let f = rj[i].conj();
                for (x, &u) in ri[i..].iter_mut().zip(&rj[i..]) {
                    *x -= f * u;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;
    use num_complex::Complex64;

    #[test]
    fn reconstructs_hermitian_positive_definite() {
        for n in [1usize, 5, 33, 100, 300] {
            let b = Array2::from_shape_fn((n, n), |(i, j)| {
                Complex64::new(((i * 7 + j) % 5) as f64, (i as f64 - j as f64) * 0.3)
            });
            let a = b.t().mapv(|v| v.conj()).dot(&b)
                + Array2::<Complex64>::eye(n) * Complex64::new(n as f64, 0.0);
            let mut f = a.clone();
            // SAFETY: owned row-major array.
            unsafe { potrf_upper(MatMut::from_array(&mut f)) }.unwrap();
            let u =
                Array2::from_shape_fn(
                    (n, n),
                    |(i, j)| if j >= i { f[[i, j]] } else { Complex64::zero() },
                );
            let r = u.t().mapv(|v| v.conj()).dot(&u);
            let err = (&r - &a).iter().fold(0.0f64, |m, v| m.max(v.norm()));
            assert!(err < 1e-12 * n as f64 * n as f64, "n={n}: {err:e}");
        }
        let mut bad = Array2::from_shape_vec((2, 2), vec![1.0, 2.0, 2.0, 1.0]).unwrap();
        // SAFETY: owned row-major array.
        assert_eq!(unsafe { potrf_upper(MatMut::from_array(&mut bad)) }, Err(1));
    }
}
