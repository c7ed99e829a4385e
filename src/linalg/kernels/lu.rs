//! LU factorization with partial pivoting, `P·A = L·U`, recursive
//! (Toledo 1997; the scheme of LAPACK's `getrf2`): the left half of the
//! columns is factored recursively, the right half is updated with one
//! triangular solve and one GEMM, then factored recursively. Almost all
//! flops land in GEMM, with no block size to tune beyond the leaf width.

use super::MatMut;
use super::gemm::gemm;
use super::trsm::{Uplo, trsm_left};
use crate::linalg::{RealScalar, Scalar};
use num_traits::Float;

/// Panels this narrow are factored column by column.
const LEAF: usize = 32;

/// Factors the `m × n` block `a` in place: on return its strict lower part
/// holds `L` (unit diagonal implied) and its upper part `U`. `piv[i]` (for
/// `i < min(m, n)`) is the row that was swapped with row `i`, as LAPACK's
/// `ipiv` but 0-based. Returns the index of the first exactly-zero pivot, if
/// any; the factorization is still completed, as LAPACK does.
///
/// # Safety
/// `a` is a valid, exclusive view; `piv.len() >= min(m, n)`.
pub(crate) unsafe fn getrf<T: Scalar>(a: MatMut<T>, piv: &mut [usize]) -> Option<usize> {
    let (m, n) = (a.rows, a.cols);
    let k = m.min(n);
    if k <= LEAF {
        // SAFETY: forwarded contract.
        return unsafe { getf2(a, piv) };
    }
    let n1 = k / 2;
    let n2 = n - n1;
    let left = a.sub(0, 0, m, n1);
    let right = a.sub(0, n1, m, n2);
    // SAFETY: `left` and `right` are disjoint column ranges of `a`; each block
    // below is a disjoint sub-block of one of them.
    unsafe {
        let mut zero = getrf(left, &mut piv[..n1]);
        for (i, &p) in piv[..n1].iter().enumerate() {
            right.swap_rows(i, p);
        }
        let a12 = right.sub(0, 0, n1, n2);
        trsm_left(Uplo::Lower, false, true, a.sub(0, 0, n1, n1), a12);
        let a22 = right.sub(n1, 0, m - n1, n2);
        gemm(-T::one(), a.sub(n1, 0, m - n1, n1), a12, T::one(), a22);
        let z2 = getrf(a22, &mut piv[n1..k]);
        let a21 = a.sub(n1, 0, m - n1, n1);
        for (i, p) in piv[n1..k].iter_mut().enumerate() {
            a21.swap_rows(i, *p);
            *p += n1;
        }
        if zero.is_none() {
            zero = z2.map(|z| z + n1);
        }
        zero
    }
}

/// Unblocked right-looking LU on a narrow or small block: for each column,
/// pick the largest `|re| + |im|` as pivot, swap whole rows, scale the column,
/// and apply the rank-one update row by row (contiguous in row-major storage).
unsafe fn getf2<T: Scalar>(a: MatMut<T>, piv: &mut [usize]) -> Option<usize> {
    let (m, n) = (a.rows, a.cols);
    let mut zero = None;
    for j in 0..m.min(n) {
        // SAFETY: every index below is inside the `m × n` view; row `j` and
        // row `i > j` are distinct, so the slices do not alias.
        unsafe {
            let mut p = j;
            let mut best = <T::Real as num_traits::Zero>::zero();
            for i in j..m {
                let v = (*a.at(i, j)).abs1();
                // `!(v <= best)` also selects a NaN, which then propagates.
                if v > best || (v.is_nan() && !best.is_nan()) {
                    best = v;
                    p = i;
                }
            }
            piv[j] = p;
            let d = *a.at(p, j);
            if d == T::zero() {
                zero.get_or_insert(j);
                continue;
            }
            a.swap_rows(j, p);
            let rj = &a.row(j)[j + 1..];
            for i in j + 1..m {
                let ri = a.row(i);
                let l = ri[j] / d;
                ri[j] = l;
                for (x, &u) in ri[j + 1..].iter_mut().zip(rj) {
                    *x -= l * u;
                }
            }
        }
    }
    zero
}

/// Sign of the permutation encoded by LAPACK-style swap indices.
pub(crate) fn swap_parity<R: RealScalar>(piv: &[usize]) -> R {
    let odd = piv.iter().enumerate().filter(|&(i, &p)| i != p).count() % 2 == 1;
    if odd { -R::one() } else { R::one() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn reconstructs_rectangular_and_square() {
        for &(m, n) in &[
            (1usize, 1usize),
            (3, 3),
            (40, 40),
            (100, 37),
            (37, 100),
            (129, 129),
        ] {
            let a = Array2::from_shape_fn((m, n), |(i, j)| {
                ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin()
            });
            let mut f = a.clone();
            let k = m.min(n);
            let mut piv = vec![0; k];
            // SAFETY: `f` is an owned row-major array.
            let zero = unsafe { getrf(MatMut::from_array(&mut f), &mut piv) };
            assert!(zero.is_none());
            let l = Array2::from_shape_fn((m, k), |(i, j)| {
                if i == j {
                    1.0
                } else if i > j {
                    f[[i, j]]
                } else {
                    0.0
                }
            });
            let u = Array2::from_shape_fn((k, n), |(i, j)| if j >= i { f[[i, j]] } else { 0.0 });
            let mut pa = a.clone();
            for (i, &p) in piv.iter().enumerate() {
                for c in 0..n {
                    pa.swap([i, c], [p, c]);
                }
            }
            let err = (&pa - &l.dot(&u))
                .iter()
                .fold(0.0f64, |s, v| s.max(v.abs()));
            assert!(err < 1e-11 * (m.max(n) as f64), "{m}x{n}: {err:e}");
            assert!(
                l.iter().all(|v| v.abs() <= 1.0 + 1e-15),
                "partial pivoting bounds |L| by 1"
            );
        }
    }
}
