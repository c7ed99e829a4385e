//! The one GEMM entry point of `linalg`: every blocked kernel sends its
//! level-3 flops through [`gemm`].
//!
//! # Why `matrixmultiply`
//! Measured on this machine (Zen 5, AVX-512, default `cargo` build, runtime CPU
//! detection in both crates), f64, `C = A·B`, best of several runs:
//!
//! ```text
//!               single thread                      2 threads
//! n      matrixmultiply 0.3.11   gemm 0.18.2    matrixmultiply  gemm (rayon)
//! 200    0.18 ms  91 GFLOP/s     0.29 ms  56    0.17 ms         0.16 ms
//! 1000   25.6 ms  78 GFLOP/s     41.2 ms  49    13.8 ms         19.5 ms
//! 2000   207  ms  77 GFLOP/s     361  ms  44    114  ms         193  ms
//! ```
//!
//! `matrixmultiply` (the crate behind ndarray's `dot`) is 1.6–1.8× faster on one
//! core and faster on two at n ≥ 1000, and is already in the dependency tree
//! through ndarray, so it is the GEMM here. It takes arbitrary strides, which
//! lets the blocked factorizations multiply sub-blocks in place.

use super::MatMut;
use crate::linalg::Scalar;

/// `C ← β·C + α·A·B` for blocks of row-major buffers.
///
/// # Safety
/// `a` (`m × k`), `b` (`k × n`) and `c` (`m × n`) are valid views; `c` does not
/// overlap `a` or `b` and no other live reference touches it.
#[inline]
pub(crate) unsafe fn gemm<T: Scalar>(alpha: T, a: MatMut<T>, b: MatMut<T>, beta: T, c: MatMut<T>) {
    debug_assert!(a.rows == c.rows && b.cols == c.cols && a.cols == b.rows);
    let (m, k, n) = (c.rows, a.cols, c.cols);
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        // matrixmultiply handles k = 0 as `C ← β·C` too, but be explicit.
        for i in 0..m {
            // SAFETY: row `i` of the exclusive view `c`.
            for x in unsafe { c.row(i) } {
                *x *= beta;
            }
        }
        return;
    }
    // SAFETY: the caller guarantees valid, non-overlapping views; strides are
    // (ld, 1) for each row-major block.
    unsafe {
        T::gemm_raw(
            m,
            k,
            n,
            alpha,
            a.ptr,
            a.ld as isize,
            1,
            b.ptr,
            b.ld as isize,
            1,
            beta,
            c.ptr,
            c.ld as isize,
            1,
        )
    }
}

/// `C ← β·C + α·Aᴴ·B`, where `a` is stored `k × m`.
///
/// Real types multiply through transposed strides; complex ones copy `Aᴴ`
/// into a scratch buffer first (O(m·k) next to the O(m·k·n) product).
///
/// # Safety
/// As [`gemm`], with `a` a valid `k × m` view.
pub(crate) unsafe fn gemm_h<T: Scalar>(
    alpha: T,
    a: MatMut<T>,
    b: MatMut<T>,
    beta: T,
    c: MatMut<T>,
) {
    debug_assert!(a.cols == c.rows && b.cols == c.cols && a.rows == b.rows);
    let (m, k, n) = (c.rows, a.rows, c.cols);
    if m == 0 || n == 0 || k == 0 {
        // SAFETY: forwarded; a zero-sized product only scales `c`.
        unsafe {
            gemm(
                alpha,
                MatMut {
                    rows: m,
                    cols: 0,
                    ..a
                },
                MatMut { rows: 0, ..b },
                beta,
                c,
            )
        };
        return;
    }
    if T::IS_COMPLEX {
        let mut ah = vec![T::zero(); m * k];
        for p in 0..k {
            // SAFETY: row `p` of the valid view `a`, read only.
            for (i, &v) in unsafe { a.row(p) }.iter().enumerate() {
                ah[i * k + p] = v.conj();
            }
        }
        let ahm = MatMut {
            ptr: ah.as_mut_ptr(),
            rows: m,
            cols: k,
            ld: k,
        };
        // SAFETY: `ah` is a separate buffer; the rest is forwarded.
        unsafe { gemm(alpha, ahm, b, beta, c) };
    } else {
        // SAFETY: `a` read with swapped strides is its transpose; forwarded.
        unsafe {
            T::gemm_raw(
                m,
                k,
                n,
                alpha,
                a.ptr,
                1,
                a.ld as isize,
                b.ptr,
                b.ld as isize,
                1,
                beta,
                c.ptr,
                c.ld as isize,
                1,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;
    use num_complex::Complex64;

    #[test]
    fn matches_ndarray_dot_on_sub_blocks() {
        let a = Array2::from_shape_fn((7, 9), |(i, j)| {
            Complex64::new((i * 3 + j) as f64 * 0.1, j as f64 - 2.0)
        });
        let mut big =
            Array2::from_shape_fn((10, 12), |(i, j)| Complex64::new(i as f64, -(j as f64)));
        let want = {
            let blk = big.slice(ndarray::s![1..8, 2..6]).to_owned();
            let b = big.slice(ndarray::s![0..9, 8..12]).to_owned();
            // c ← 2·c − a·b on the block at (1, 2) of size 7×4... with b read
            // from a disjoint column range of the same buffer.
            blk.mapv(|x| x * 2.0) - a.dot(&b)
        };
        let mut aa = a.clone();
        let am = MatMut::from_array(&mut aa);
        let m = MatMut::from_array(&mut big);
        // SAFETY: `c` (rows 1..8, cols 2..6) and `b` (rows 0..9, cols 8..12) are
        // disjoint blocks of `big`; `a` is a separate array.
        unsafe {
            gemm(
                Complex64::new(-1.0, 0.0),
                am,
                m.sub(0, 8, 9, 4),
                Complex64::new(2.0, 0.0),
                m.sub(1, 2, 7, 4),
            )
        };
        let got = big.slice(ndarray::s![1..8, 2..6]);
        for (g, w) in got.iter().zip(want.iter()) {
            assert!((g - w).norm() < 1e-12, "{g} vs {w}");
        }
    }
}
