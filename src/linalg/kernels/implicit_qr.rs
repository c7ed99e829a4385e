//! Pieces shared by the implicit-QR iterations on symmetric tridiagonal
//! (`eigh`) and bidiagonal (`svd`) matrices.

use crate::linalg::RealScalar;

/// Rotates rows `i < j` of the row-major `n`-column buffer `m`:
/// `(rᵢ, rⱼ) ← (c·rᵢ + s·rⱼ, −s·rᵢ + c·rⱼ)`.
pub(crate) fn rot_rows<R: RealScalar>(m: &mut [R], n: usize, i: usize, j: usize, c: R, s: R) {
    debug_assert!(i < j);
    let (top, bottom) = m.split_at_mut(j * n);
    super::simd::rot(&mut top[i * n..i * n + n], &mut bottom[..n], c, s);
}

/// `√(a² + b²)` without libm's `hypot` (a call that dominated the rotation
/// setup) when squaring can neither overflow nor lose `b` entirely to
/// underflow; `hypot` otherwise.
#[inline]
pub(crate) fn hypot<R: RealScalar>(a: R, b: R) -> R {
    let big = a.abs().max(b.abs());
    let (lo, hi) = (R::from_f64_real(1e-140), R::from_f64_real(1e140));
    if big > lo && big < hi {
        (a * a + b * b).sqrt()
    } else {
        a.hypot(b)
    }
}

/// Deflates: zeroes the off-diagonal entries `e[..hi]` that are negligible
/// next to their diagonal neighbours (or below `tiny`), lowers `hi` past the
/// converged bottom, and returns `lo` of the unreduced block `lo..=hi`
/// (`None` once every entry has converged).
pub(crate) fn unreduced_block<R: RealScalar>(
    d: &[R],
    e: &mut [R],
    hi: &mut usize,
    eps: R,
    tiny: R,
) -> Option<usize> {
    while *hi > 0 {
        for i in 0..*hi {
            if e[i].abs() <= eps * (d[i].abs() + d[i + 1].abs()) || e[i].abs() < tiny {
                e[i] = R::zero();
            }
        }
        if e[*hi - 1] == R::zero() {
            *hi -= 1;
            continue;
        }
        let mut lo = *hi - 1;
        while lo > 0 && e[lo - 1] != R::zero() {
            lo -= 1;
        }
        return Some(lo);
    }
    None
}
