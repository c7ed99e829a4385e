//! Hermitian eigenproblem: Householder tridiagonalisation `A = Q·T·Qᴴ` (real
//! `T`, also for complex `A`), then implicit symmetric QR with Wilkinson
//! shifts on `T` (Golub & Van Loan, *Matrix Computations*, §8.3).

use super::MatMut;
use super::implicit_qr::{rot_rows, unreduced_block};
use super::qr::reflector;
use crate::linalg::{RealScalar, Scalar};
use num_traits::Zero;

/// Reduces the full Hermitian `n × n` view to tridiagonal form in place;
/// the reflector of step `k` is stored in column `k` below the subdiagonal
/// (`v₀ = 1` implied at row `k + 1`), its `τ` in `tau[k]`. Returns the
/// diagonal `d` and subdiagonal `e`, both real.
///
/// # Safety
/// `a` is a valid, exclusive, square view holding a Hermitian matrix (both
/// triangles); `tau.len() == n.saturating_sub(1)`.
pub(crate) unsafe fn tridiagonalize<T: Scalar>(
    a: MatMut<T>,
    tau: &mut [T],
) -> (Vec<T::Real>, Vec<T::Real>) {
    let n = a.rows;
    let mut e = vec![T::Real::zero(); n.saturating_sub(1)];
    let (mut w, mut y) = (vec![T::zero(); n], vec![T::zero(); n]);
    let mut v = vec![T::zero(); n];
    for k in 0..n.saturating_sub(1) {
        let m = n - k - 1;
        // SAFETY: all blocks lie inside the view; rows are borrowed one at a time.
        unsafe {
            let t = reflector(a.sub(k + 1, k, m, 1), 0);
            tau[k] = t;
            e[k] = (*a.at(k + 1, k)).re();
            if t == T::zero() {
                continue;
            }
            v[0] = T::one();
            for (i, vi) in v.iter_mut().enumerate().take(m).skip(1) {
                *vi = *a.at(k + 1 + i, k);
            }
            // A₂₂ ← Hᴴ·A₂₂·H = A₂₂ − y·vᴴ − v·yᴴ, with w = A₂₂·v and
            // y = τ·w − ½·|τ|²·(vᴴ·w)·v.
            let a22 = a.sub(k + 1, k + 1, m, m);
            for (i, wi) in w.iter_mut().enumerate().take(m) {
                *wi = a22.row(i).iter().zip(&v[..m]).map(|(&x, &vj)| x * vj).sum();
            }
            let vw: T = v[..m]
                .iter()
                .zip(&w[..m])
                .map(|(&vi, &wi)| vi.conj() * wi)
                .sum();
            let half = T::Real::from_f64_real(0.5) * t.abs2();
            for ((yi, &wi), &vi) in y.iter_mut().zip(&w).zip(&v).take(m) {
                *yi = t * wi - (vw * vi).scale_real(half);
            }
            for i in 0..m {
                let (yi, vi) = (y[i], v[i]);
                for ((x, &vj), &yj) in a22.row(i).iter_mut().zip(&v[..m]).zip(&y[..m]) {
                    *x -= yi * vj.conj() + vi * yj.conj();
                }
            }
        }
    }
    // SAFETY: diagonal elements of the view.
    let d = (0..n).map(|i| unsafe { (*a.at(i, i)).re() }).collect();
    (d, e)
}

/// Eigenvalues (unsorted, in `d`) of the real symmetric tridiagonal `(d, e)`
/// by implicit QR; with `z` (`n × n` row-major, identity on entry) the
/// rotations accumulate so that `T₀ = zᵀ·diag(d)·z`: row `i` of `z` is the
/// eigenvector of `d[i]`. `Err(sweeps)` if the budget runs out.
pub(crate) fn tridiagonal_qr<R: RealScalar>(
    d: &mut [R],
    e: &mut [R],
    mut z: Option<&mut [R]>,
) -> Result<usize, usize> {
    let n = d.len();
    let eps = R::epsilon();
    let tiny = R::min_positive_value();
    let max_iter = 30 * n.max(1);
    let mut iter = 0;
    let mut hi = n.saturating_sub(1);
    // The unreduced block lo..=hi, after deflating negligible off-diagonals.
    while let Some(lo) = unreduced_block(d, e, &mut hi, eps, tiny) {
        iter += 1;
        if iter > max_iter {
            return Err(iter);
        }
        // Wilkinson shift from the trailing 2×2.
        let half = R::from_f64_real(0.5);
        let delta = (d[hi - 1] - d[hi]) * half;
        let b = e[hi - 1];
        let rad = delta.hypot(b);
        let mu = d[hi] - b * b / (delta + if delta >= R::zero() { rad } else { -rad });
        let mu = if mu.is_finite() { mu } else { d[hi] };
        let mut x = d[lo] - mu;
        let mut zz = e[lo];
        for k in lo..hi {
            let r = x.hypot(zz);
            let (c, s) = if r == R::zero() {
                (R::one(), R::zero())
            } else {
                (x / r, zz / r)
            };
            if k > lo {
                e[k - 1] = r;
            }
            let (a, bb, d2) = (d[k], e[k], d[k + 1]);
            let cs = c * s;
            d[k] = c * c * a + (cs + cs) * bb + s * s * d2;
            d[k + 1] = s * s * a - (cs + cs) * bb + c * c * d2;
            e[k] = cs * (d2 - a) + (c * c - s * s) * bb;
            if k + 1 < hi {
                zz = s * e[k + 1];
                e[k + 1] *= c;
                x = e[k];
            }
            if let Some(z) = z.as_deref_mut() {
                rot_rows(z, n, k, k + 1, c, s);
            }
        }
    }
    Ok(iter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tridiagonal_qr_diagonalises() {
        let n = 25;
        let d0: Vec<f64> = (0..n).map(|i| ((i * 7 + 3) as f64 * 0.37).sin()).collect();
        let mut e0: Vec<f64> = (0..n - 1)
            .map(|i| ((i * 5 + 1) as f64 * 0.71).cos())
            .collect();
        e0[9] = 0.0;
        let (mut d, mut e) = (d0.clone(), e0.clone());
        let mut z: Vec<f64> = (0..n * n)
            .map(|k| if k % (n + 1) == 0 { 1.0 } else { 0.0 })
            .collect();
        tridiagonal_qr(&mut d, &mut e, Some(&mut z)).unwrap();
        for i in 0..n {
            for j in 0..n {
                let t = (0..n)
                    .map(|k| z[k * n + i] * d[k] * z[k * n + j])
                    .sum::<f64>();
                let want = if i == j {
                    d0[i]
                } else if i == j + 1 {
                    e0[j]
                } else if j == i + 1 {
                    e0[i]
                } else {
                    0.0
                };
                assert!((t - want).abs() < 1e-13, "({i}, {j}): {t} vs {want}");
            }
        }
    }
}
