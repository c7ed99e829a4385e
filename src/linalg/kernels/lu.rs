//! LU factorization with partial pivoting, `P·A = L·U`, recursive
//! (Toledo 1997; the scheme of LAPACK's `getrf2`): the left half of the
//! columns is factored recursively, the right half is updated with one
//! triangular solve and one GEMM, then factored recursively. Almost all
//! flops land in GEMM, with no block size to tune beyond the leaf width.
//!
//! Threads (the `rayon` feature): the update of the right half (row swaps,
//! triangular solve, GEMM) acts on each column independently, so wide right
//! halves are cut into one column block per thread. Every element is then
//! computed by the same operations in the same order as on one thread (a
//! packed GEMM sums each element of `C` alike wherever its tile falls, and
//! with α = −1, β = 1 full and edge tiles round alike), so the factors are
//! bitwise identical whatever the number of threads.

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
    let (n1, n2) = split(n, k);
    let left = a.sub(0, 0, m, n1);
    // SAFETY: `left` and the right columns `n1..n` are disjoint; each block
    // below is a disjoint sub-block of one of them.
    unsafe {
        let mut zero = getrf(left, &mut piv[..n1]);
        update(left, a.sub(0, n1, m, n2), &piv[..n1]);
        let z2 = getrf(a.sub(n1, n1, m - n1, n2), &mut piv[n1..k]);
        let a21 = a.sub(n1, 0, m - n1, n1);
        let big = a21.rows * a21.cols >= SWAP_MIN;
        on_columns(a21, big, &|b| permute(b, &piv[n1..k]));
        for p in &mut piv[n1..k] {
            *p += n1;
        }
        if zero.is_none() {
            zero = z2.map(|z| z + n1);
        }
        zero
    }
}

/// Column widths `(n1, n2)` of the left and right halves of a block with
/// `n` columns and `k = min(m, n)` pivots: `n1 ≈ k / 2`, moved so that the
/// right half (the column count of every GEMM's `C` in the update) is a whole
/// number of the f64 micro-kernel's 24-column tiles; at n = 50, halves of 25
/// would spend 48 columns of work on each product.
fn split(n: usize, k: usize) -> (usize, usize) {
    const TILE: usize = 24;
    let n1 = k / 2;
    let n2 = (n - n1) / TILE * TILE;
    if n2 > 0 && n - n2 < k {
        (n - n2, n2)
    } else {
        (n1, n - n1)
    }
}

/// Multiply-adds below which an update stays on one thread.
const UPDATE_MIN: usize = 1 << 20;
/// Elements below which row swaps stay on one thread.
const SWAP_MIN: usize = 1 << 16;

/// Updates the block `right` (`m × c`) beside the factored `left`
/// (`m × n1`): applies the left block's row swaps `piv`, then
/// `A₁₂ ← L₁₁⁻¹·A₁₂` and `A₂₂ ← A₂₂ − L₂₁·A₁₂`.
///
/// # Safety
/// `left` and `right` are valid, disjoint views of the same rows; `right` is
/// exclusive.
unsafe fn update<T: Scalar>(left: MatMut<T>, right: MatMut<T>, piv: &[usize]) {
    let (m, n1) = (left.rows, left.cols);
    let big = (m * n1).saturating_mul(right.cols) >= UPDATE_MIN;
    let left = Par(left);
    let block = |b: MatMut<T>| {
        let left = left.get();
        // SAFETY: `b` is a column block of `right`; `left` is only read.
        unsafe {
            permute(b, piv);
            let a12 = b.sub(0, 0, n1, b.cols);
            trsm_left(Uplo::Lower, false, true, left.sub(0, 0, n1, n1), a12);
            let l21 = left.sub(n1, 0, m - n1, n1);
            gemm(-T::one(), l21, a12, T::one(), b.sub(n1, 0, m - n1, b.cols));
        }
    };
    // SAFETY: column blocks of `right` are disjoint.
    unsafe { on_columns(right, big, &block) };
}

/// Applies the swaps `piv` (row `i` with row `piv[i]`) to `b`.
///
/// # Safety
/// `b` is a valid, exclusive view holding every row that `piv` names.
unsafe fn permute<T: Scalar>(b: MatMut<T>, piv: &[usize]) {
    for (i, &p) in piv.iter().enumerate() {
        // SAFETY: forwarded contract.
        unsafe { b.swap_rows(i, p) };
    }
}

/// Columns per block when work is split across threads.
#[cfg(feature = "rayon")]
const MIN_COLS: usize = 32;

/// Runs `f` on `b`, or, if the work is `big`, there is more than one thread
/// and `b` holds two blocks of `MIN_COLS` columns, on one column block of `b`
/// per thread of rayon's pool.
///
/// # Safety
/// `b` is valid and exclusive; `f` is sound on any column block of `b` while
/// other threads run it on the other blocks.
unsafe fn on_columns<T: Scalar>(b: MatMut<T>, big: bool, f: &(dyn Fn(MatMut<T>) + Sync)) {
    #[cfg(feature = "rayon")]
    {
        let parts = rayon::current_num_threads();
        if big && parts > 1 {
            // SAFETY: forwarded contract.
            unsafe { split_columns(Par(b), parts, f) };
            return;
        }
    }
    let _ = big;
    f(b);
}

/// A view shared with the other half of a `rayon::join`.
#[derive(Clone, Copy)]
struct Par<T>(MatMut<T>);

// SAFETY: a `Par` is only shared with the other half of a `rayon::join`;
// the two halves write disjoint column blocks of one exclusive view and
// only read the views they share.
unsafe impl<T: Send> Send for Par<T> {}
// SAFETY: as for `Send`.
unsafe impl<T: Sync> Sync for Par<T> {}

impl<T> Par<T> {
    /// The view (a method, so that closures capture the whole `Par`).
    fn get(self) -> MatMut<T> {
        self.0
    }
}

/// `f` on `parts` column blocks of `b` (fewer if `b` is narrow).
#[cfg(feature = "rayon")]
unsafe fn split_columns<T: Scalar>(b: Par<T>, parts: usize, f: &(dyn Fn(MatMut<T>) + Sync)) {
    let v = b.get();
    if parts <= 1 || v.cols < 2 * MIN_COLS {
        f(v);
        return;
    }
    let p1 = parts / 2;
    let cut = v.cols * p1 / parts;
    let first = Par(v.sub(0, 0, v.rows, cut));
    let second = Par(v.sub(0, cut, v.rows, v.cols - cut));
    // SAFETY: the two halves are disjoint column blocks of `b`.
    rayon::join(
        move || unsafe { split_columns(first, p1, f) },
        move || unsafe { split_columns(second, parts - p1, f) },
    );
}

/// Row of the pivot in column `j` of `a`, searched from row `j` down: the
/// largest `|re| + |im|`, the first one on ties.
///
/// # Safety
/// `a` is a valid view with `j < min(rows, cols)`.
#[inline(always)]
unsafe fn pivot<T: Scalar>(a: MatMut<T>, j: usize) -> usize {
    let mut p = j;
    let mut best = <T::Real as num_traits::Zero>::zero();
    for i in j..a.rows {
        // SAFETY: `(i, j)` is inside the view.
        let v = unsafe { (*a.at(i, j)).abs1() };
        // `!(v <= best)` also selects a NaN, which then propagates.
        if v > best || (v.is_nan() && !best.is_nan()) {
            best = v;
            p = i;
        }
    }
    p
}

/// Unblocked right-looking LU on a narrow or small block: for each column,
/// pick the largest `|re| + |im|` as pivot, swap whole rows, scale the column,
/// and apply the rank-one update row by row (contiguous in row-major storage).
unsafe fn getf2<T: Scalar>(a: MatMut<T>, piv: &mut [usize]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<f64>()
        && a.rows > 16
        && std::is_x86_feature_detected!("avx512f")
    {
        let a = MatMut {
            ptr: a.ptr.cast::<f64>(),
            rows: a.rows,
            cols: a.cols,
            ld: a.ld,
        };
        // SAFETY: `T` is `f64`, so this is the same view; the CPU has
        // AVX-512F.
        return unsafe { avx512::getf2(a, piv) };
    }
    let (m, n) = (a.rows, a.cols);
    let mut zero = None;
    for j in 0..m.min(n) {
        // SAFETY: every index below is inside the `m × n` view; row `j` and
        // row `i > j` are distinct, so the slices do not alias.
        unsafe {
            let p = pivot(a, j);
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

/// [`getf2`] for `f64` with 512-bit fused multiply-adds: the leaves' rows
/// are 8–32 doubles, too short for the baseline build's 2-wide loops. The
/// column is scaled by the pivot's reciprocal (as LAPACK's `getf2`): a
/// division per element cost more than the rank-one update at n = 200.
/// Blocks of at most 16 rows (the small-matrix path) stay on the generic
/// loop: there the 512-bit setup and masked tails cost more than they save
/// (`det` n = 16: 0.87 µs against 0.54 µs).
#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::{MatMut, pivot};
    use std::arch::x86_64::*;

    /// # Safety
    /// The CPU has AVX-512F; as [`super::getf2`].
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn getf2(a: MatMut<f64>, piv: &mut [usize]) -> Option<usize> {
        let (m, n) = (a.rows, a.cols);
        let k = m.min(n);
        let mut zero = None;
        // The pivot row of column `j`, found while column `j − 1` was
        // applied (by `pivot`'s rule, on the same rows in the same order).
        let mut next = None;
        for (j, pj) in piv.iter_mut().enumerate().take(k) {
            // SAFETY: every pointer below is inside the `m × n` view; row `j`
            // and rows `i > j` are distinct.
            unsafe {
                let p = next.take().unwrap_or_else(|| pivot(a, j));
                *pj = p;
                let d = *a.at(p, j);
                if d == 0.0 {
                    zero.get_or_insert(j);
                    continue;
                }
                a.swap_rows(j, p);
                let u = a.at(j, j).add(1);
                // One division per column, as LAPACK, unless 1/d overflows.
                let (scale, inv) = (d.abs() >= f64::MIN_POSITIVE, 1.0 / d);
                let (mut best, mut row) = (0.0f64, j + 1);
                for i in j + 1..m {
                    let r = a.at(i, j);
                    let l = if scale { *r * inv } else { *r / d };
                    *r = l;
                    let v = sub_scaled(l, u, r.add(1), n - j - 1).abs();
                    if v > best || (v.is_nan() && !best.is_nan()) {
                        best = v;
                        row = i;
                    }
                }
                if j + 1 < k {
                    next = Some(row);
                }
            }
        }
        zero
    }

    /// `x[..len] −= l·u[..len]`; returns the new `x[0]` (0 if `len = 0`).
    ///
    /// # Safety
    /// The CPU has AVX-512F; `u` and `x` are valid for `len` doubles.
    #[target_feature(enable = "avx512f")]
    #[inline]
    unsafe fn sub_scaled(l: f64, u: *const f64, x: *mut f64, len: usize) -> f64 {
        let lv = _mm512_set1_pd(l);
        let mut first = 0.0;
        let mut c = 0;
        // SAFETY: every access is below `len` (masked in the tail).
        unsafe {
            while c + 8 <= len {
                let y = _mm512_fnmadd_pd(lv, _mm512_loadu_pd(u.add(c)), _mm512_loadu_pd(x.add(c)));
                _mm512_storeu_pd(x.add(c), y);
                if c == 0 {
                    first = _mm512_cvtsd_f64(y);
                }
                c += 8;
            }
            if c < len {
                let k: __mmask8 = (1u8 << (len - c)) - 1;
                let uv = _mm512_maskz_loadu_pd(k, u.add(c));
                let y = _mm512_fnmadd_pd(lv, uv, _mm512_maskz_loadu_pd(k, x.add(c)));
                _mm512_mask_storeu_pd(x.add(c), k, y);
                if c == 0 {
                    first = _mm512_cvtsd_f64(y);
                }
            }
        }
        first
    }
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

    /// A deterministic, non-symmetric test matrix (as benches/linalg.rs).
    fn matrix(m: usize, n: usize) -> Array2<f64> {
        Array2::from_shape_fn((m, n), |(i, j)| {
            ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin()
        })
    }

    /// Factors a copy of `a` on `pool`.
    #[cfg(feature = "rayon")]
    fn factor_on<T: Scalar>(
        pool: &rayon::ThreadPool,
        a: &Array2<T>,
    ) -> (Array2<T>, Vec<usize>, Option<usize>) {
        pool.install(|| {
            let mut f = a.clone();
            let mut piv = vec![0; a.nrows().min(a.ncols())];
            // SAFETY: `f` is an owned row-major array.
            let zero = unsafe { getrf(MatMut::from_array(&mut f), &mut piv) };
            (f, piv, zero)
        })
    }

    /// The threaded path splits updates of at least `UPDATE_MIN`
    /// multiply-adds (square n ≥ 162) and row swaps of at least `SWAP_MIN`
    /// elements (n ≥ 512) into column blocks; each element is computed as on
    /// one thread, so the factors must agree bit for bit.
    #[cfg(feature = "rayon")]
    #[test]
    fn threads_give_bitwise_identical_factors() {
        use num_complex::Complex64;
        let pool = |t| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(t)
                .build()
                .unwrap()
        };
        let (one, two, three) = (pool(1), pool(2), pool(3));
        let shapes = [
            (161usize, 161usize),
            (162, 162),
            (200, 200),
            (300, 300),
            (520, 520),
            (700, 180),
            (180, 700),
            (600, 400),
        ];
        for &(m, n) in &shapes {
            let mut a = matrix(m, n);
            if m == 300 {
                // A zero column stays exactly zero: a zero pivot at 250.
                a.column_mut(250).fill(0.0);
            }
            let want = factor_on(&one, &a);
            assert_eq!(want.2, (m == 300).then_some(250), "{m}x{n}: zero pivot");
            for p in [&two, &three] {
                let got = factor_on(p, &a);
                assert_eq!((&got.1, got.2), (&want.1, want.2), "{m}x{n} pivots");
                let same = got
                    .0
                    .iter()
                    .zip(&want.0)
                    .all(|(x, y)| x.to_bits() == y.to_bits());
                assert!(same, "{m}x{n} on {} threads", p.current_num_threads());
            }
        }
        // Complex goes through the generic leaf and matrixmultiply.
        let a = matrix(260, 240).mapv(|x| Complex64::new(x, 0.5 - x * x));
        let want = factor_on(&one, &a);
        let got = factor_on(&two, &a);
        assert_eq!(got.1, want.1);
        let bits = |z: &Complex64| (z.re.to_bits(), z.im.to_bits());
        let same = got.0.iter().zip(&want.0).all(|(x, y)| bits(x) == bits(y));
        assert!(same, "complex 260x240");
    }
}
