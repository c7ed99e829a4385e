//! Triangular solves with many right-hand sides (`X ← T⁻¹·B`, T on the left),
//! recursive so that all but O(n²·LEAF) flops are GEMM flops.

use super::MatMut;
use super::gemm::{gemm, gemm_h};
use super::simd::axpy;
use crate::linalg::Scalar;

/// Below this order the solve is plain substitution on rows.
const LEAF: usize = 48;

/// Which triangle of the matrix holds the factor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Uplo {
    Lower,
    Upper,
}

/// Overwrites `b` (`n × k`) with `op(T)⁻¹·b`, where `T` is the `uplo` triangle
/// of the `n × n` block `t` (its diagonal taken as ones if `unit`) and
/// `op(T)` is `T` or, if `conj_trans`, `Tᴴ`.
///
/// # Safety
/// `t` and `b` are valid, non-overlapping views; `b` is exclusive.
pub(crate) unsafe fn trsm_left<T: Scalar>(
    uplo: Uplo,
    conj_trans: bool,
    unit: bool,
    t: MatMut<T>,
    b: MatMut<T>,
) {
    let n = t.rows;
    debug_assert!(t.cols == n && b.rows == n);
    if b.cols == 0 || n == 0 {
        return;
    }
    if n <= LEAF {
        // SAFETY: forwarded contract.
        unsafe { substitute(uplo, conj_trans, unit, t, b) };
        return;
    }
    let n1 = n / 2;
    let n2 = n - n1;
    let k = b.cols;
    let (b1, b2) = (b.sub(0, 0, n1, k), b.sub(n1, 0, n2, k));
    let (t11, t22) = (t.sub(0, 0, n1, n1), t.sub(n1, n1, n2, n2));
    // SAFETY: b1, b2 are disjoint row ranges of `b`; t's blocks do not overlap b.
    unsafe {
        match (uplo, conj_trans) {
            (Uplo::Lower, false) => {
                trsm_left(uplo, false, unit, t11, b1);
                gemm(-T::one(), t.sub(n1, 0, n2, n1), b1, T::one(), b2);
                trsm_left(uplo, false, unit, t22, b2);
            }
            (Uplo::Upper, true) => {
                // Tᴴ is lower: its (2,1) block is T₁₂ᴴ.
                trsm_left(uplo, true, unit, t11, b1);
                gemm_h(-T::one(), t.sub(0, n1, n1, n2), b1, T::one(), b2);
                trsm_left(uplo, true, unit, t22, b2);
            }
            (Uplo::Upper, false) => {
                trsm_left(uplo, false, unit, t22, b2);
                gemm(-T::one(), t.sub(0, n1, n1, n2), b2, T::one(), b1);
                trsm_left(uplo, false, unit, t11, b1);
            }
            (Uplo::Lower, true) => {
                // Tᴴ is upper: its (1,2) block is T₂₁ᴴ.
                trsm_left(uplo, true, unit, t22, b2);
                gemm_h(-T::one(), t.sub(n1, 0, n2, n1), b2, T::one(), b1);
                trsm_left(uplo, true, unit, t11, b1);
            }
        }
    }
}

/// Overwrites `x` (`n × n`, the identity on entry) with `L⁻¹`, where `L` is
/// the unit lower triangle of `l`: `[L₁₁ 0; L₂₁ L₂₂]⁻¹ = [L₁₁⁻¹ 0;
/// −L₂₂⁻¹·L₂₁·L₁₁⁻¹ L₂₂⁻¹]`, recursively, in n³/3 flops instead of the n³ of
/// a solve against the full identity.
///
/// # Safety
/// `l` and `x` are valid, non-overlapping square views; `x` is exclusive.
pub(crate) unsafe fn inv_lower_unit<T: Scalar>(l: MatMut<T>, x: MatMut<T>) {
    let n = l.rows;
    if n <= LEAF {
        // SAFETY: forwarded contract.
        unsafe { trsm_left(Uplo::Lower, false, true, l, x) };
        return;
    }
    let n1 = n / 2;
    let n2 = n - n1;
    let (x11, x21, x22) = (
        x.sub(0, 0, n1, n1),
        x.sub(n1, 0, n2, n1),
        x.sub(n1, n1, n2, n2),
    );
    // SAFETY: x11, x21, x22 are disjoint blocks of `x`; l's blocks are read only.
    unsafe {
        inv_lower_unit(l.sub(0, 0, n1, n1), x11);
        gemm(-T::one(), l.sub(n1, 0, n2, n1), x11, T::zero(), x21);
        trsm_left(Uplo::Lower, false, true, l.sub(n1, n1, n2, n2), x21);
        inv_lower_unit(l.sub(n1, n1, n2, n2), x22);
    }
}

/// Row-oriented forward/back substitution: each step is an axpy on a
/// contiguous row of `b` (AVX2 when the CPU has it).
unsafe fn substitute<T: Scalar>(
    uplo: Uplo,
    conj_trans: bool,
    unit: bool,
    t: MatMut<T>,
    b: MatMut<T>,
) {
    let n = t.rows;
    // The triangle op(T) occupies: lower iff (stored lower) xor (transposed).
    let lower = (uplo == Uplo::Lower) != conj_trans;
    #[cfg(target_arch = "x86_64")]
    if std::any::TypeId::of::<T>() == std::any::TypeId::of::<f64>()
        && std::is_x86_feature_detected!("avx512f")
    {
        // op(T)(i, j) sits at `i·rs + j·cs`; for f64, Tᴴ = Tᵀ.
        let (rs, cs) = if conj_trans { (1, t.ld) } else { (t.ld, 1) };
        let cast = |v: MatMut<T>| MatMut {
            ptr: v.ptr.cast::<f64>(),
            rows: v.rows,
            cols: v.cols,
            ld: v.ld,
        };
        // SAFETY: `T` is `f64`, so the views are unchanged; the CPU has
        // AVX-512F; the rest is the caller's contract.
        unsafe { avx512::substitute(lower, unit, cast(t).ptr, rs, cs, cast(b)) };
        return;
    }
    let step = |i: usize| {
        // SAFETY: rows i and j ≠ i of `b` are disjoint; `t` is read only.
        unsafe {
            let bi = b.row(i);
            let range = if lower { 0..i } else { i + 1..n };
            for j in range {
                let tij = if conj_trans {
                    (*t.at(j, i)).conj()
                } else {
                    *t.at(i, j)
                };
                if tij != T::zero() {
                    axpy(-tij, b.row(j), bi);
                }
            }
            if !unit {
                let d = if conj_trans {
                    (*t.at(i, i)).conj()
                } else {
                    *t.at(i, i)
                };
                for x in bi.iter_mut() {
                    *x /= d;
                }
            }
        }
    };
    if lower {
        (0..n).for_each(step)
    } else {
        (0..n).rev().for_each(step)
    }
}

/// [`substitute`] for `f64`: each row of `b` is computed 32 columns at a
/// time in four 512-bit registers, with one fused multiply-add per earlier
/// row, instead of a load and store of the row per earlier row.
#[cfg(target_arch = "x86_64")]
mod avx512 {
    use super::MatMut;
    use std::arch::x86_64::*;

    /// Overwrites `b` (`n × k`) with `op(T)⁻¹·b`, where `op(T)(i, j)` is at
    /// `t + i·rs + j·cs` and is triangular (`lower` or upper), with ones on
    /// the diagonal if `unit`.
    ///
    /// # Safety
    /// The CPU has AVX-512F; `t` is valid for the `n × n` triangle, `b` is a
    /// valid, exclusive view not overlapping it.
    #[target_feature(enable = "avx512f")]
    pub(super) unsafe fn substitute(
        lower: bool,
        unit: bool,
        t: *const f64,
        rs: usize,
        cs: usize,
        b: MatMut<f64>,
    ) {
        let (n, k) = (b.rows, b.cols);
        for step in 0..n {
            let i = if lower { step } else { n - 1 - step };
            let range = if lower { 0..i } else { i + 1..n };
            // SAFETY: `(i, j)` and `(i, i)` are inside the triangle; rows of
            // `b` are inside the view and only row `i` is written.
            unsafe {
                let d = _mm512_set1_pd(if unit { 1.0 } else { *t.add(i * rs + i * cs) });
                for c in (0..k).step_by(32) {
                    let masks: [__mmask8; 4] = std::array::from_fn(|v| {
                        let w = (k - c).saturating_sub(8 * v).min(8);
                        ((1u16 << w) - 1) as __mmask8
                    });
                    let bi = b.at(i, c);
                    let mut acc: [__m512d; 4] =
                        std::array::from_fn(|v| _mm512_maskz_loadu_pd(masks[v], bi.add(8 * v)));
                    for j in range.clone() {
                        let tij = *t.add(i * rs + j * cs);
                        // Skipping zeros keeps 0·∞ out, as the generic loop.
                        if tij == 0.0 {
                            continue;
                        }
                        let s = _mm512_set1_pd(tij);
                        let bj = b.at(j, c);
                        for (v, x) in acc.iter_mut().enumerate() {
                            let y = _mm512_maskz_loadu_pd(masks[v], bj.add(8 * v));
                            *x = _mm512_fnmadd_pd(s, y, *x);
                        }
                    }
                    for (v, x) in acc.into_iter().enumerate() {
                        let y = if unit { x } else { _mm512_div_pd(x, d) };
                        _mm512_mask_storeu_pd(bi.add(8 * v), masks[v], y);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    #[test]
    fn recursive_solve_inverts_the_product() {
        for &(n, k) in &[(5usize, 3usize), (130, 7), (97, 1)] {
            for uplo in [Uplo::Lower, Uplo::Upper] {
                for (unit, ct) in [(false, false), (true, false), (false, true), (true, true)] {
                    let mut t = Array2::from_shape_fn((n, n), |(i, j)| {
                        let inside = if uplo == Uplo::Lower { j <= i } else { j >= i };
                        if i == j {
                            2.0 + (i % 3) as f64
                        } else if inside {
                            (((i * 7 + j * 3) % 11) as f64 / 11.0 - 0.5) * 0.1
                        } else {
                            0.0
                        }
                    });
                    if unit {
                        t.diag_mut().fill(1.0);
                    }
                    let x = Array2::from_shape_fn((n, k), |(i, j)| (i as f64 - j as f64).sin());
                    let mut b = if ct { t.t().dot(&x) } else { t.dot(&x) };
                    let tm = MatMut::from_array(&mut t);
                    // SAFETY: separate arrays.
                    unsafe { trsm_left(uplo, ct, unit, tm, MatMut::from_array(&mut b)) };
                    let err = (&b - &x).iter().fold(0.0f64, |m, v| m.max(v.abs()));
                    assert!(err < 1e-12, "n={n} {uplo:?} unit={unit} ct={ct}: {err:e}");
                }
            }
        }
    }

    #[test]
    fn recursive_unit_lower_inverse() {
        for n in [1usize, 7, 130] {
            let mut l = Array2::from_shape_fn((n, n), |(i, j)| {
                if i > j {
                    ((i * 13 + j * 7) % 17) as f64 / 17.0 - 0.5
                } else if i == j {
                    99.0
                } else {
                    -7.0
                }
            });
            let mut x = Array2::<f64>::eye(n);
            // SAFETY: separate owned row-major arrays.
            unsafe { inv_lower_unit(MatMut::from_array(&mut l), MatMut::from_array(&mut x)) };
            // The diagonal (99) and upper part (−7) of `l` must be ignored.
            let unit_l = Array2::from_shape_fn((n, n), |(i, j)| {
                if i > j {
                    l[[i, j]]
                } else if i == j {
                    1.0
                } else {
                    0.0
                }
            });
            let err = (unit_l.dot(&x) - Array2::<f64>::eye(n))
                .iter()
                .fold(0.0f64, |m, v| m.max(v.abs()));
            assert!(err < 1e-12, "n={n}: {err:e}");
            assert!(
                (0..n).all(|i| (i + 1..n).all(|j| x[[i, j]] == 0.0)),
                "inverse stays lower triangular"
            );
        }
    }
}
