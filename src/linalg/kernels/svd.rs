//! Singular value decomposition: Householder bidiagonalisation `A = Q·B·Pᴴ`
//! (with a real bidiagonal `B`, also for complex `A`), then implicit-shift QR
//! on `B` (Golub & Kahan 1965; Golub & Van Loan, *Matrix Computations*,
//! §8.6), with Wilkinson shifts and the zero-diagonal deflation. Never via
//! the eigenvalues of `AᴴA`, which would square the condition number.

use super::MatMut;
use super::implicit_qr::{rot_rows, unreduced_block};
use crate::linalg::{RealScalar, Scalar};
use num_traits::{Float, Zero};

/// Reduces the `m × n` (`m ≥ n`) view to upper-bidiagonal form in place:
/// left reflectors below the diagonal (as `geqrf`, with `tau_q`), right
/// reflectors right of the superdiagonal (with `tau_p`); returns the
/// diagonal `d` and superdiagonal `e`, both real.
///
/// # Safety
/// `a` is a valid, exclusive view with `m ≥ n`; `tau_q.len() == n`,
/// `tau_p.len() == n.saturating_sub(1)`.
pub(crate) unsafe fn bidiagonalize<T: Scalar>(
    a: MatMut<T>,
    tau_q: &mut [T],
    tau_p: &mut [T],
) -> (Vec<T::Real>, Vec<T::Real>) {
    let (m, n) = (a.rows, a.cols);
    debug_assert!(m >= n);
    let mut d = vec![T::Real::zero(); n];
    let mut e = vec![T::Real::zero(); n.saturating_sub(1)];
    let (mut w, mut vc) = (Vec::new(), Vec::new());
    for j in 0..n {
        // SAFETY: every block below lies inside the view.
        unsafe {
            // Left: zero column j below the diagonal.
            let sub = a.sub(j, j, m - j, n - j);
            let t = super::qr::reflector(sub, 0);
            tau_q[j] = t;
            if t != T::zero() && j + 1 < n {
                super::qr::apply_reflector_h(sub, t, &mut w);
            }
            d[j] = (*a.at(j, j)).re();
            if j + 1 >= n {
                continue;
            }
            // Right: zero row j beyond the superdiagonal. With x = conj(row),
            // Hᴴ·x = β·e₀ gives row·H = β·e₀ᵀ.
            let row = &mut a.row(j)[j + 1..];
            row.iter_mut().for_each(|x| *x = x.conj());
            let t = reflector_slice(row);
            tau_p[j] = t;
            e[j] = row[0].re();
            if t != T::zero() {
                // Rows below: r ← r·H = r − τ·(r·v)·vᴴ, with v = (1, row[1..]).
                vc.clear();
                vc.extend(row[1..].iter().map(|v| v.conj()));
                for i in j + 1..m {
                    let r = &mut a.row(i)[j + 1..];
                    let f = t * (r[0] + super::simd::dot(&r[1..], &row[1..]));
                    r[0] -= f;
                    super::simd::axpy(-f, &vc, &mut r[1..]);
                }
            }
        }
    }
    (d, e)
}

/// LAPACK-style reflector of a contiguous vector: afterwards `x[0] = β`
/// (real) and `x[1..]` holds `v` (`v₀ = 1`); returns `τ`.
pub(crate) fn reflector_slice<T: Scalar>(x: &mut [T]) -> T {
    let alpha = x[0];
    let scale = x[1..]
        .iter()
        .fold(T::Real::zero(), |s, v| s.max(v.modulus()));
    if scale == T::Real::zero() && alpha.im() == T::Real::zero() {
        return T::zero();
    }
    let scale = scale.max(alpha.modulus());
    let inv = scale.recip();
    let ss = x
        .iter()
        .fold(T::Real::zero(), |s, v| s + v.scale_real(inv).abs2());
    let norm = scale * ss.sqrt();
    let beta = if alpha.re() >= T::Real::zero() {
        -norm
    } else {
        norm
    };
    let tau = T::from_parts((beta - alpha.re()) / beta, -alpha.im() / beta);
    let f = T::one() / (alpha - T::from_real(beta));
    x[1..].iter_mut().for_each(|v| *v *= f);
    x[0] = T::from_real(beta);
    tau
}

/// `(c, s, r)` with `c·f + s·g = r`, `−s·f + c·g = 0`.
fn givens<R: RealScalar>(f: R, g: R) -> (R, R, R) {
    if g == R::zero() {
        return (R::one(), R::zero(), f);
    }
    let r = f.hypot(g);
    (f / r, g / r, r)
}

/// Singular values (and, if `lt`/`rt` are given, the rotations) of the real
/// upper-bidiagonal `(d, e)`: on return `d` holds `σ ≥ 0` (unsorted) and
/// `B₀ = Ltᵀ·diag(d)·Rt`, where `lt` and `rt` (`n × n`, row-major, identity on
/// entry) accumulate the left and right rotations. Returns the number of
/// sweeps, or `Err(sweeps)` if the iteration budget ran out.
pub(crate) fn bidiagonal_qr<R: RealScalar>(
    d: &mut [R],
    e: &mut [R],
    mut acc: Option<(&mut [R], &mut [R])>,
) -> Result<usize, usize> {
    let n = d.len();
    let eps = R::epsilon();
    let norm = d
        .iter()
        .chain(e.iter())
        .fold(R::zero(), |s, v| s.max(v.abs()));
    let tiny = R::min_positive_value() / eps;
    let max_iter = 30 * n.max(1) * n.max(1);
    let mut iter = 0;
    let mut hi = n.saturating_sub(1);
    // The unreduced block lo..=hi, after deflating negligible off-diagonals.
    while let Some(lo) = unreduced_block(d, e, &mut hi, eps, tiny) {
        iter += 1;
        if iter > max_iter {
            return Err(iter);
        }
        // A zero on the diagonal: chase the row's superdiagonal out with
        // left rotations, which splits the block.
        if let Some(k) = (lo..hi).find(|&k| d[k].abs() <= eps * norm) {
            d[k] = R::zero();
            let mut f = e[k];
            e[k] = R::zero();
            for j in k + 1..=hi {
                // Rotate rows j and k: (d_j, f) → (r, 0).
                let (c, s, r) = givens(d[j], f);
                d[j] = r;
                if j < hi {
                    f = -s * e[j];
                    e[j] *= c;
                }
                if let Some((lt, _)) = acc.as_mut() {
                    // Rows (k, j): r_k ← c·r_k − s·r_j, r_j ← s·r_k + c·r_j.
                    rot_rows(lt, n, k, j, c, -s);
                }
            }
            continue;
        }
        // A zero at the bottom: chase the column's superdiagonal up with
        // right rotations.
        if d[hi].abs() <= eps * norm {
            d[hi] = R::zero();
            let mut f = e[hi - 1];
            e[hi - 1] = R::zero();
            for j in (lo..hi).rev() {
                let (c, s, r) = givens(d[j], f);
                d[j] = r;
                if j > lo {
                    f = -s * e[j - 1];
                    e[j - 1] *= c;
                }
                if let Some((_, rt)) = acc.as_mut() {
                    rot_rows(rt, n, j, hi, c, s);
                }
            }
            continue;
        }
        gk_step(d, e, lo, hi, &mut acc);
    }
    Ok(iter)
}

/// One implicit-shift Golub–Kahan sweep on the unreduced block `lo..=hi`.
fn gk_step<R: RealScalar>(
    d: &mut [R],
    e: &mut [R],
    lo: usize,
    hi: usize,
    acc: &mut Option<(&mut [R], &mut [R])>,
) {
    let n = d.len();
    // Wilkinson shift: the eigenvalue of the trailing 2×2 of BᵀB nearer its
    // last diagonal entry.
    let em2 = if hi >= lo + 2 { e[hi - 2] } else { R::zero() };
    let t11 = d[hi - 1] * d[hi - 1] + em2 * em2;
    let t12 = d[hi - 1] * e[hi - 1];
    let t22 = d[hi] * d[hi] + e[hi - 1] * e[hi - 1];
    let half = R::from_f64_real(0.5);
    let delta = (t11 - t22) * half;
    let rad = delta.hypot(t12);
    let mu = if delta >= R::zero() {
        t22 - t12 * t12 / (delta + rad)
    } else {
        t22 + t12 * t12 / (rad - delta)
    };
    let mu = if mu.is_finite() { mu } else { t22 };
    let mut y = d[lo] * d[lo] - mu;
    let mut z = d[lo] * e[lo];
    for k in lo..hi {
        // Right rotation on columns k, k+1: (y, z) → (r, 0).
        let (c, s, r) = givens(y, z);
        if k > lo {
            e[k - 1] = r;
        }
        let (dk, ek) = (d[k], e[k]);
        d[k] = c * dk + s * ek;
        e[k] = c * ek - s * dk;
        let bulge = s * d[k + 1];
        d[k + 1] *= c;
        if let Some((_, rt)) = acc.as_mut() {
            rot_rows(rt, n, k, k + 1, c, s);
        }
        // Left rotation on rows k, k+1: (d_k, bulge) → (r, 0).
        let (c, s, r) = givens(d[k], bulge);
        d[k] = r;
        let (ek, dk1) = (e[k], d[k + 1]);
        e[k] = c * ek + s * dk1;
        d[k + 1] = c * dk1 - s * ek;
        if let Some((lt, _)) = acc.as_mut() {
            rot_rows(lt, n, k, k + 1, c, s);
        }
        if k + 1 < hi {
            y = e[k];
            z = s * e[k + 1];
            e[k + 1] *= c;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bidiagonal_qr_reconstructs() {
        let n = 30;
        let d0: Vec<f64> = (0..n)
            .map(|i| ((i * 7 + 3) as f64 * 0.37).sin() + if i == 11 { -0.7 } else { 0.0 })
            .collect();
        let mut e0: Vec<f64> = (0..n - 1)
            .map(|i| ((i * 5 + 1) as f64 * 0.71).cos())
            .collect();
        e0[20] = 0.0;
        let mut d0z = d0.clone();
        d0z[5] = 0.0; // a zero on the diagonal
        for d_init in [d0, d0z] {
            let (mut d, mut e) = (d_init.clone(), e0.clone());
            let eye: Vec<f64> = (0..n * n)
                .map(|k| if k % (n + 1) == 0 { 1.0 } else { 0.0 })
                .collect();
            let (mut lt, mut rt) = (eye.clone(), eye);
            bidiagonal_qr(&mut d, &mut e, Some((&mut lt, &mut rt))).unwrap();
            // B₀ = Ltᵀ·diag(d)·Rt.
            for i in 0..n {
                for j in 0..n {
                    let b = (0..n)
                        .map(|k| lt[k * n + i] * d[k] * rt[k * n + j])
                        .sum::<f64>();
                    let want = if i == j {
                        d_init[i]
                    } else if j == i + 1 {
                        e0[i]
                    } else {
                        0.0
                    };
                    assert!((b - want).abs() < 1e-13, "({i}, {j}): {b} vs {want}");
                }
            }
        }
    }
}
