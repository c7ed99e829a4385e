//! The one GEMM entry point of `linalg`: every blocked kernel sends its
//! level-3 flops through [`gemm`].
//!
//! # Which GEMM
//! f64 products run on the crate's own packed kernel with an AVX-512 FMA
//! micro-kernel ([`super::dgemm`]), picked at run time; other CPUs and the
//! other element types use `matrixmultiply` (the crate behind ndarray's
//! `dot`, AVX2 at best). Both take arbitrary strides, which lets the blocked
//! factorizations multiply sub-blocks in place. On this machine's Zen 5 core
//! (one thread, quiet), `matrixmultiply` ran n = 200 / 1000 / 2000 at
//! 91 / 78 / 77 GFLOP/s, against 56 / 49 / 44 for the `gemm` crate; the
//! AVX-512 kernel reaches about 114 GFLOP/s (peak 122) where it fits in
//! cache and about 1.7–2× `matrixmultiply` on a loaded machine. With the
//! `rayon` feature, large products are split into one block of `C` per
//! thread of rayon's global pool.

use super::MatMut;
use crate::linalg::Scalar;
use ndarray::{Array2, ArrayRef2};

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
        strided(
            alpha,
            beta,
            Raw {
                m,
                k,
                n,
                a: a.ptr,
                rsa: a.ld as isize,
                csa: 1,
                b: b.ptr,
                rsb: b.ld as isize,
                csb: 1,
                c: c.ptr,
                rsc: c.ld as isize,
            },
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
            strided(
                alpha,
                beta,
                Raw {
                    m,
                    k,
                    n,
                    a: a.ptr,
                    rsa: 1,
                    csa: a.ld as isize,
                    b: b.ptr,
                    rsb: b.ld as isize,
                    csb: 1,
                    c: c.ptr,
                    rsc: c.ld as isize,
                },
            )
        }
    }
}

/// `a·b` through [`gemm`] (threads included), for benches/linalg.rs' GEMM
/// rate; not part of the API.
#[doc(hidden)]
pub fn matmul(a: &ArrayRef2<f64>, b: &ArrayRef2<f64>) -> Array2<f64> {
    assert_eq!(a.ncols(), b.nrows(), "matmul: inner dimensions differ");
    // Borrowed as is when already row-major.
    let (a, b) = (a.as_standard_layout(), b.as_standard_layout());
    let view = |x: &ArrayRef2<f64>| MatMut {
        ptr: x.as_ptr().cast_mut(),
        rows: x.nrows(),
        cols: x.ncols(),
        ld: x.ncols().max(1),
    };
    let mut c = Array2::zeros((a.nrows(), b.ncols()));
    // SAFETY: `a` and `b` are contiguous row-major and only read; `c` is a
    // fresh array.
    unsafe { gemm(1.0, view(&a), view(&b), 0.0, MatMut::from_array(&mut c)) };
    c
}

/// A GEMM on raw strided storage (C has unit column stride).
#[derive(Clone, Copy)]
struct Raw<T> {
    m: usize,
    k: usize,
    n: usize,
    a: *const T,
    rsa: isize,
    csa: isize,
    b: *const T,
    rsb: isize,
    csb: isize,
    c: *mut T,
    rsc: isize,
}

// SAFETY: a `Raw` is only sent to the other half of a `rayon::join` while the
// caller's exclusive borrow of `c` (and shared borrows of `a`, `b`) is held;
// the two halves write disjoint parts of `c`.
unsafe impl<T: Send> Send for Raw<T> {}

/// Products below this many multiply-adds stay on one thread.
#[cfg(feature = "rayon")]
const PAR_MIN: usize = 128 * 128 * 128;

/// `C ← β·C + α·A·B`; with the `rayon` feature, large products are split
/// along the longer of C's sides into one part per thread of the global
/// pool (matrixmultiply itself runs single-threaded).
unsafe fn strided<T: Scalar>(alpha: T, beta: T, r: Raw<T>) {
    #[cfg(feature = "rayon")]
    {
        let parts = rayon::current_num_threads();
        if parts > 1 && r.m * r.n * r.k >= PAR_MIN {
            // SAFETY: forwarded; the parts write disjoint blocks of `c`.
            unsafe { split(alpha, beta, r, parts) };
            return;
        }
    }
    // SAFETY: forwarded contract.
    unsafe {
        T::gemm_raw(
            r.m, r.k, r.n, alpha, r.a, r.rsa, r.csa, r.b, r.rsb, r.csb, beta, r.c, r.rsc, 1,
        )
    }
}

/// Splits the product into `parts` row or column blocks of C, run through
/// `rayon::join`.
#[cfg(feature = "rayon")]
unsafe fn split<T: Scalar>(alpha: T, beta: T, r: Raw<T>, parts: usize) {
    const MIN_SIDE: usize = 64;
    let by_cols = r.n >= r.m;
    let side = if by_cols { r.n } else { r.m };
    if parts <= 1 || side < 2 * MIN_SIDE {
        // SAFETY: forwarded contract.
        unsafe {
            T::gemm_raw(
                r.m, r.k, r.n, alpha, r.a, r.rsa, r.csa, r.b, r.rsb, r.csb, beta, r.c, r.rsc, 1,
            )
        };
        return;
    }
    let p1 = parts / 2;
    let cut = side * p1 / parts;
    let (first, second) = if by_cols {
        (
            Raw { n: cut, ..r },
            Raw {
                n: r.n - cut,
                b: r.b.wrapping_offset(cut as isize * r.csb),
                c: r.c.wrapping_add(cut),
                ..r
            },
        )
    } else {
        (
            Raw { m: cut, ..r },
            Raw {
                m: r.m - cut,
                a: r.a.wrapping_offset(cut as isize * r.rsa),
                c: r.c.wrapping_offset(cut as isize * r.rsc),
                ..r
            },
        )
    };
    // SAFETY: the two halves cover disjoint rows (or columns) of `c`.
    rayon::join(
        move || unsafe { split(alpha, beta, first, p1) },
        move || unsafe { split(alpha, beta, second, parts - p1) },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;
    use num_complex::Complex64;

    #[test]
    fn large_products_split_across_threads_match_dot() {
        // Large enough to be split (with the `rayon` feature) in both shapes.
        for &(m, k, n) in &[(300usize, 200usize, 250usize), (260, 150, 140)] {
            let a = Array2::from_shape_fn((m, k), |(i, j)| ((i * 7 + j * 3) as f64 * 0.01).sin());
            let b = Array2::from_shape_fn((k, n), |(i, j)| ((i + 2 * j) as f64 * 0.02).cos());
            let mut c = Array2::from_shape_fn((m, n), |(i, j)| (i + j) as f64);
            let want = c.mapv(|x| 0.5 * x) + a.dot(&b) * 2.0;
            let mut at = a.t().as_standard_layout().into_owned();
            let (mut aa, mut bb) = (a.clone(), b.clone());
            let mut c2 = c.clone();
            // SAFETY: separate owned row-major arrays.
            unsafe {
                gemm(
                    2.0,
                    MatMut::from_array(&mut aa),
                    MatMut::from_array(&mut bb),
                    0.5,
                    MatMut::from_array(&mut c),
                );
                gemm_h(
                    2.0,
                    MatMut::from_array(&mut at),
                    MatMut::from_array(&mut bb),
                    0.5,
                    MatMut::from_array(&mut c2),
                );
            }
            for got in [&c, &c2] {
                let err = (got - &want).iter().fold(0.0f64, |s, v| s.max(v.abs()));
                assert!(err < 1e-11, "{m}x{k}x{n}: {err:e}");
            }
        }
    }

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
