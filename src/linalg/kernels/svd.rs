//! Singular value decomposition: Householder bidiagonalisation `A = Q·B·Pᴴ`
//! (blocked, with a real bidiagonal `B`, also for complex `A`), then implicit-shift QR
//! on `B` (Golub & Kahan 1965; Golub & Van Loan, *Matrix Computations*,
//! §8.6), with Wilkinson shifts and the zero-diagonal deflation. Never via
//! the eigenvalues of `AᴴA`, which would square the condition number.

use super::MatMut;
use super::gemm::gemm;
use super::implicit_qr::{hypot, rot_rows, unreduced_block};
use crate::linalg::{RealScalar, Scalar};
use num_traits::{Float, Zero};

/// Panel width of the blocked bidiagonalisation.
const NB: usize = 32;

/// Reduces the `m × n` (`m ≥ n`) view to upper-bidiagonal form in place:
/// left reflectors below the diagonal (as `geqrf`, with `tau_q`), right
/// reflectors right of the superdiagonal (with `tau_p`); returns the
/// diagonal `d` and superdiagonal `e`, both real.
///
/// Blocked as LAPACK's `gebrd`/`labrd`: a panel of `NB` left and right
/// reflectors is built against the trailing matrix with its pending update
/// `A − V·Yᴴ − X·Uᴴ` applied implicitly, then the update is made with two
/// GEMMs, so half the flops are level 3.
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
    let (mut vb, mut xb) = (vec![T::zero(); m * NB], vec![T::zero(); m * NB]);
    let (mut yb, mut ub) = (vec![T::zero(); n * NB], vec![T::zero(); n * NB]);
    let (mut tall, mut wide) = (Vec::new(), Vec::new());
    let (mut col, mut acc) = (vec![T::zero(); m], vec![T::zero(); n]);
    let (mut t1, mut t2) = ([T::zero(); NB], [T::zero(); NB]);
    let mut k0 = 0;
    // Below a few panels the unblocked code is as fast.
    while n - k0 > 2 * NB {
        let (rm, rn) = (m - k0, n - k0);
        vb[..rm * NB].fill(T::zero());
        xb[..rm * NB].fill(T::zero());
        yb[..rn * NB].fill(T::zero());
        ub[..rn * NB].fill(T::zero());
        for j in 0..NB {
            let i = k0 + j;
            // SAFETY: every element touched lies in rows/columns i.. of the
            // view; the panel buffers are separate allocations.
            unsafe {
                // 1. Column i, rows i.., with the pending update.
                let h = m - i;
                for (r, c) in col[..h].iter_mut().enumerate() {
                    *c = *a.at(i + r, i);
                }
                for l in 0..j {
                    t1[l] = yb[j * NB + l].conj();
                    t2[l] = ub[j * NB + l].conj();
                }
                for (r, c) in col[..h].iter_mut().enumerate() {
                    let q = (j + r) * NB;
                    *c -= super::simd::dot(&vb[q..q + j], &t1[..j])
                        + super::simd::dot(&xb[q..q + j], &t2[..j]);
                }
                // 2. Left reflector.
                let tq = reflector_slice(&mut col[..h]);
                tau_q[i] = tq;
                d[i] = col[0].re();
                for (r, &c) in col[..h].iter().enumerate() {
                    *a.at(i + r, i) = c;
                }
                col[0] = T::one();
                for (r, &c) in col[..h].iter().enumerate() {
                    vb[(j + r) * NB + j] = c;
                }
                let w = n - i - 1;
                // 3. y = τ·A_curᴴ·v on columns i + 1..:
                // Σ_r conj(v_r)·A[r, :] accumulated, then conjugated.
                acc[..w].fill(T::zero());
                let rows =
                    |r: usize| -> [&[T]; 4] { [0, 1, 2, 3].map(|t| &a.row(i + r + t)[i + 1..]) };
                let mut r = 0;
                while r + 4 <= h {
                    let s = [0, 1, 2, 3].map(|t| col[r + t].conj());
                    super::simd::axpy4(s, rows(r), &mut acc[..w]);
                    r += 4;
                }
                for (r, &vr) in col[..h].iter().enumerate().skip(r) {
                    super::simd::axpy(vr.conj(), &a.row(i + r)[i + 1..], &mut acc[..w]);
                }
                t1[..j].fill(T::zero());
                t2[..j].fill(T::zero());
                for (r, &vr) in col[..h].iter().enumerate() {
                    let q = (j + r) * NB;
                    for l in 0..j {
                        t1[l] += vb[q + l].conj() * vr;
                        t2[l] += xb[q + l].conj() * vr;
                    }
                }
                for (c, &ac) in acc[..w].iter().enumerate() {
                    let q = (j + 1 + c) * NB;
                    let s = ac.conj()
                        - super::simd::dot(&yb[q..q + j], &t1[..j])
                        - super::simd::dot(&ub[q..q + j], &t2[..j]);
                    yb[q + j] = tq * s;
                }
                if w == 0 {
                    continue;
                }
                // 4. Row i, columns i + 1.., with the update through step i.
                let row = &mut a.row(i)[i + 1..];
                for l in 0..=j {
                    t1[l] = vb[j * NB + l];
                }
                for l in 0..j {
                    t2[l] = xb[j * NB + l];
                }
                for (c, x) in row.iter_mut().enumerate() {
                    let q = (j + 1 + c) * NB;
                    let mut s = T::zero();
                    for l in 0..=j {
                        s += t1[l] * yb[q + l].conj();
                    }
                    for l in 0..j {
                        s += t2[l] * ub[q + l].conj();
                    }
                    *x -= s;
                }
                // 5. Right reflector (on the conjugated row, as unblocked).
                row.iter_mut().for_each(|x| *x = x.conj());
                let tp = reflector_slice(row);
                tau_p[i] = tp;
                e[i] = row[0].re();
                let beta = row[0];
                row[0] = T::one();
                for (c, &u) in row.iter().enumerate() {
                    ub[(j + 1 + c) * NB + j] = u;
                }
                // 6. x = τ·A_cur·u on rows i + 1.., A_cur including step i's
                // left update.
                for l in 0..=j {
                    let mut sy = T::zero();
                    let mut su = T::zero();
                    for (c, &u) in row.iter().enumerate() {
                        let q = (j + 1 + c) * NB;
                        sy += yb[q + l].conj() * u;
                        if l < j {
                            su += ub[q + l].conj() * u;
                        }
                    }
                    t1[l] = sy;
                    t2[l] = su;
                }
                let urow: &[T] = row;
                let mut r = 1;
                while r < h {
                    // Four rows per pass over u where there are four.
                    let cnt = (h - r).min(4);
                    let au = if cnt == 4 {
                        super::simd::dot4(rows(r), urow)
                    } else {
                        let mut o = [T::zero(); 4];
                        for (t, x) in o[..cnt].iter_mut().enumerate() {
                            *x = super::simd::dot(&a.row(i + r + t)[i + 1..], urow);
                        }
                        o
                    };
                    for (t, &x) in au[..cnt].iter().enumerate() {
                        let q = (j + r + t) * NB;
                        let s = x
                            - super::simd::dot(&vb[q..q + j + 1], &t1[..=j])
                            - super::simd::dot(&xb[q..q + j], &t2[..j]);
                        xb[q + j] = tp * s;
                    }
                    r += cnt;
                }
                a.row(i)[i + 1] = beta;
            }
        }
        // Trailing update A ← A − [V X]·[Yᴴ; Uᴴ] on rows and columns
        // k0 + NB.., as one GEMM of inner dimension 2·NB.
        let s0 = k0 + NB;
        let (hm, wn) = (m - s0, n - s0);
        tall.clear();
        wide.clear();
        tall.resize(hm * 2 * NB, T::zero());
        wide.resize(2 * NB * wn, T::zero());
        for r in 0..hm {
            let q = (NB + r) * NB;
            tall[r * 2 * NB..r * 2 * NB + NB].copy_from_slice(&vb[q..q + NB]);
            tall[r * 2 * NB + NB..(r + 1) * 2 * NB].copy_from_slice(&xb[q..q + NB]);
        }
        for c in 0..wn {
            let q = (NB + c) * NB;
            for l in 0..NB {
                wide[l * wn + c] = yb[q + l].conj();
                wide[(NB + l) * wn + c] = ub[q + l].conj();
            }
        }
        let view = |buf: &mut Vec<T>, rows, cols| MatMut {
            ptr: buf.as_mut_ptr(),
            rows,
            cols,
            ld: cols,
        };
        let c = a.sub(s0, s0, hm, wn);
        // SAFETY: `c` is the trailing block of `a`; the factors are separate buffers.
        unsafe {
            gemm(
                -T::one(),
                view(&mut tall, hm, 2 * NB),
                view(&mut wide, 2 * NB, wn),
                T::one(),
                c,
            )
        };
        k0 = s0;
    }
    // SAFETY: the remaining block is inside the view; slices as required.
    let (dt, et) = unsafe {
        bidiagonalize_unblocked(
            a.sub(k0, k0, m - k0, n - k0),
            &mut tau_q[k0..],
            &mut tau_p[k0.min(n.saturating_sub(1))..],
        )
    };
    d[k0..].copy_from_slice(&dt);
    e[k0.min(n.saturating_sub(1))..].copy_from_slice(&et);
    (d, e)
}

/// The unblocked reduction (LAPACK `gebd2`) with the contract of
/// [`bidiagonalize`].
///
/// # Safety
/// As [`bidiagonalize`].
unsafe fn bidiagonalize_unblocked<T: Scalar>(
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
    let r = hypot(f, g);
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
            let f = e[hi - 1];
            e[hi - 1] = R::zero();
            chase_column(&mut d[lo..hi], &mut e[lo..hi - 1], f, |j, c, s| {
                if let Some((_, rt)) = acc.as_mut() {
                    rot_rows(rt, n, lo + j, hi, c, s);
                }
            });
            continue;
        }
        gk_step(d, e, lo, hi, &mut acc);
    }
    Ok(iter)
}

/// Removes `f`, an entry in the last row of `d`'s block just right of it (in
/// a column beyond the block, whose other entries are zero), by right
/// rotations of that column with columns `len − 1, …, 0`, each rotation
/// moving the fill one row up until it leaves at the top.
/// `rot(j, c, s)` reports the rotation of column `j` with the extra column
/// (as [`rot_rows`] on the accumulated right factor).
pub(crate) fn chase_column<R: RealScalar>(
    d: &mut [R],
    e: &mut [R],
    mut f: R,
    mut rot: impl FnMut(usize, R, R),
) {
    debug_assert!(e.len() + 1 == d.len());
    for j in (0..d.len()).rev() {
        let (c, s, r) = givens(d[j], f);
        d[j] = r;
        if j > 0 {
            f = -s * e[j - 1];
            e[j - 1] *= c;
        }
        rot(j, c, s);
    }
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
    use ndarray::Array2;
    use num_complex::Complex64;

    #[test]
    fn blocked_bidiagonalisation_matches_unblocked() {
        for &(m, n, graded) in &[
            (150usize, 130usize, false),
            (200, 200, true),
            (300, 97, false),
        ] {
            let a = Array2::from_shape_fn((m, n), |(i, j)| {
                let g = if graded {
                    10f64.powf(-10.0 * j as f64 / n as f64)
                } else {
                    1.0
                };
                Complex64::new(
                    ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin() * g,
                    ((i * 17 + j * 5) as f64 * 0.3).cos() * g,
                )
            });
            let (mut f1, mut f2) = (a.clone(), a.clone());
            let (mut q1, mut p1) = (vec![Complex64::zero(); n], vec![Complex64::zero(); n - 1]);
            let (mut q2, mut p2) = (q1.clone(), p1.clone());
            // SAFETY: owned row-major arrays with m ≥ n; buffers as required.
            let ((d1, e1), (d2, e2)) = unsafe {
                (
                    bidiagonalize(MatMut::from_array(&mut f1), &mut q1, &mut p1),
                    bidiagonalize_unblocked(MatMut::from_array(&mut f2), &mut q2, &mut p2),
                )
            };
            // Deep reflectors of the graded matrix are sensitive to rounding
            // (both results are backward stable; d and e still agree closely).
            let tol = if graded { 1e-8 } else { 1e-11 };
            let close = |x: Complex64, y: Complex64, scale: f64| (x - y).norm() <= tol * scale;
            for k in 0..n {
                assert!(
                    (d1[k] - d2[k]).abs() <= tol * d2[k].abs().max(1e-3),
                    "{m}x{n} d[{k}]"
                );
                assert!(close(q1[k], q2[k], 1.0), "{m}x{n} tau_q[{k}]");
            }
            for k in 0..n - 1 {
                assert!(
                    (e1[k] - e2[k]).abs() <= tol * e2[k].abs().max(1e-3),
                    "{m}x{n} e[{k}]"
                );
                assert!(close(p1[k], p2[k], 1.0), "{m}x{n} tau_p[{k}]");
            }
            for (x, y) in f1.iter().zip(f2.iter()) {
                // Relative to the entry where it is large (d and e sit here too).
                assert!(close(*x, *y, y.norm().max(1.0)), "{m}x{n}: {x} vs {y}");
            }
        }
    }

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
