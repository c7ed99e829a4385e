//! Hermitian eigenproblem: blocked Householder tridiagonalisation
//! `A = Q·T·Qᴴ` (real `T`, also for complex `A`), then implicit symmetric QR
//! with Wilkinson shifts on `T` (Golub & Van Loan, *Matrix Computations*,
//! §8.3) for eigenvalues, divide and conquer ([`super::tridiag_dc`]) when
//! eigenvectors are wanted beyond small orders.

use super::MatMut;
use super::gemm::gemm;
use super::implicit_qr::{hypot, rot_rows, unreduced_block};
use crate::linalg::{RealScalar, Scalar};
use num_traits::Zero;

/// Panel width of the blocked tridiagonalisation: each panel's symmetric
/// rank-2·`NB` trailing update is a pair of GEMMs with this inner dimension.
const NB: usize = 32;

/// Row-block height of the trailing update: only the lower triangle is kept
/// current, block row by block row, so tiles of this height bound the
/// redundant work on the diagonal blocks.
const TILE: usize = 96;

/// Reduces the full Hermitian `n × n` view to tridiagonal form in place;
/// the reflector of step `k` is stored in column `k` below the subdiagonal
/// (`v₀ = 1` implied at row `k + 1`), its `τ` in `tau[k]`. Returns the
/// diagonal `d` and subdiagonal `e`, both real.
///
/// Blocked as LAPACK's `sytrd`/`latrd`: a panel of `NB` reflectors is built
/// against the trailing matrix with its pending update `A − V·Yᴴ − Y·Vᴴ`
/// applied implicitly, then the update is made with GEMMs on the lower
/// triangle. The matrix–vector product per reflector reads the lower
/// triangle once. Only the lower triangle of the input is read after the
/// first panel; the strict upper triangle is left unspecified.
///
/// # Safety
/// `a` is a valid, exclusive, square view holding a Hermitian matrix (its
/// lower triangle at least); `tau.len() == n.saturating_sub(1)`.
pub(crate) unsafe fn tridiagonalize<T: Scalar>(
    a: MatMut<T>,
    tau: &mut [T],
) -> (Vec<T::Real>, Vec<T::Real>) {
    let n = a.rows;
    let mut d = vec![T::Real::zero(); n];
    let mut e = vec![T::Real::zero(); n.saturating_sub(1)];
    if n == 0 {
        return (d, e);
    }
    // Panel buffers, row r ↔ matrix row k0 + r, NB columns each.
    let (mut vb, mut yb) = (vec![T::zero(); n * NB], vec![T::zero(); n * NB]);
    let (mut vh, mut yh) = (Vec::new(), Vec::new());
    let (mut x, mut w) = (vec![T::zero(); n], vec![T::zero(); n]);
    let (mut t1, mut t2) = ([T::zero(); NB], [T::zero(); NB]);
    let mut k0 = 0;
    while k0 + 1 < n {
        let b = NB.min(n - 1 - k0);
        let rows = n - k0;
        vb[..rows * NB].fill(T::zero());
        yb[..rows * NB].fill(T::zero());
        for j in 0..b {
            let k = k0 + j;
            let rk = j;
            let m = n - k - 1;
            // SAFETY: every element read or written lies in rows/columns
            // k.. of the view; the panel buffers are separate.
            unsafe {
                // Column k with the panel's pending update applied.
                for (i, xi) in x[..=m].iter_mut().enumerate() {
                    *xi = *a.at(k + i, k);
                }
                if j > 0 {
                    for l in 0..j {
                        t1[l] = yb[rk * NB + l].conj();
                        t2[l] = vb[rk * NB + l].conj();
                    }
                    for (i, xi) in x[..=m].iter_mut().enumerate() {
                        let r = (rk + i) * NB;
                        let (vr, yr) = (&vb[r..r + j], &yb[r..r + j]);
                        let s: T = vr
                            .iter()
                            .zip(&t1[..j])
                            .chain(yr.iter().zip(&t2[..j]))
                            .map(|(&p, &q)| p * q)
                            .sum();
                        *xi -= s;
                    }
                }
                d[k] = x[0].re();
                *a.at(k, k) = T::from_real(d[k]);
                let t = super::svd::reflector_slice(&mut x[1..=m]);
                tau[k] = t;
                e[k] = x[1].re();
                for (i, &xi) in x[1..=m].iter().enumerate() {
                    *a.at(k + 1 + i, k) = xi;
                }
                if t == T::zero() {
                    continue;
                }
                // v (length m, v₀ = 1) into V's column j, rows rk + 1...
                x[1] = T::one();
                let v = &x[1..=m];
                for (i, &vi) in v.iter().enumerate() {
                    vb[(rk + 1 + i) * NB + j] = vi;
                }
                // w = (A − V·Yᴴ − Y·Vᴴ)·v on rows/columns k + 1...
                symv_lower(a.sub(k + 1, k + 1, m, m), v, &mut w[..m]);
                if j > 0 {
                    t1[..j].fill(T::zero());
                    t2[..j].fill(T::zero());
                    for (i, &vi) in v.iter().enumerate() {
                        let r = (rk + 1 + i) * NB;
                        for l in 0..j {
                            t1[l] += yb[r + l].conj() * vi;
                            t2[l] += vb[r + l].conj() * vi;
                        }
                    }
                    for (i, wi) in w[..m].iter_mut().enumerate() {
                        let r = (rk + 1 + i) * NB;
                        let s: T = vb[r..r + j]
                            .iter()
                            .zip(&t1[..j])
                            .chain(yb[r..r + j].iter().zip(&t2[..j]))
                            .map(|(&p, &q)| p * q)
                            .sum();
                        *wi -= s;
                    }
                }
                // y = τ·w − ½·|τ|²·(vᴴ·w)·v, so that Hᴴ·A·H = A − y·vᴴ − v·yᴴ.
                let vw: T = v.iter().zip(&w[..m]).map(|(&p, &q)| p.conj() * q).sum();
                let half = T::Real::from_f64_real(0.5) * t.abs2();
                for (i, (&wi, &vi)) in w[..m].iter().zip(v).enumerate() {
                    yb[(rk + 1 + i) * NB + j] = t * wi - (vw * vi).scale_real(half);
                }
            }
        }
        // Trailing update of the lower triangle: A ← A − V·Yᴴ − Y·Vᴴ.
        let s0 = k0 + b;
        let nt = n - s0;
        vh.clear();
        yh.clear();
        vh.resize(b * nt, T::zero());
        yh.resize(b * nt, T::zero());
        for c in 0..nt {
            let r = (b + c) * NB;
            for l in 0..b {
                vh[l * nt + c] = vb[r + l].conj();
                yh[l * nt + c] = yb[r + l].conj();
            }
        }
        let panel = |buf: &mut Vec<T>, r0: usize, r: usize| MatMut {
            ptr: buf.as_mut_ptr().wrapping_add((b + r0) * NB),
            rows: r,
            cols: b,
            ld: NB,
        };
        let wide = |buf: &mut Vec<T>, c: usize| MatMut {
            ptr: buf.as_mut_ptr(),
            rows: b,
            cols: c,
            ld: nt,
        };
        let mut i0 = 0;
        while i0 < nt {
            let i1 = (i0 + TILE).min(nt);
            let c = a.sub(s0 + i0, s0, i1 - i0, i1);
            // SAFETY: `c` lies in the trailing block of `a`; the panel
            // buffers are separate allocations.
            unsafe {
                gemm(
                    -T::one(),
                    panel(&mut vb, i0, i1 - i0),
                    wide(&mut yh, i1),
                    T::one(),
                    c,
                );
                gemm(
                    -T::one(),
                    panel(&mut yb, i0, i1 - i0),
                    wide(&mut vh, i1),
                    T::one(),
                    c,
                );
            }
            i0 = i1;
        }
        k0 += b;
    }
    // SAFETY: the last diagonal element, current after the final update.
    d[n - 1] = unsafe { (*a.at(n - 1, n - 1)).re() };
    (d, e)
}

/// `w ← A·v` for the Hermitian `A` whose lower triangle (with a real
/// diagonal) the square view holds: one pass over the rows, each row feeding
/// a dot product (for `wᵢ`) and an update (for `w_{<i}`).
unsafe fn symv_lower<T: Scalar>(a: MatMut<T>, v: &[T], w: &mut [T]) {
    let m = a.rows;
    w.fill(T::zero());
    for i in 0..m {
        // SAFETY: row `i` of the view, read only.
        let row = unsafe { &a.row(i)[..i + 1] };
        let s = super::simd::dot_update(&row[..i], &v[..i], &mut w[..i], v[i]);
        w[i] += s + v[i].scale_real(row[i].re());
    }
}

/// Eigenvalues (unsorted, in `d`) of the real symmetric tridiagonal `(d, e)`
/// by implicit QR; with `z` (`n × n` row-major, identity on entry) the
/// rotations accumulate so that `T₀ = zᵀ·diag(d)·z`: row `i` of `z` is the
/// eigenvector of `d[i]`. `Err(sweeps)` if the budget runs out.
///
/// With `z` and `n` above a few dozen, the eigenvectors come from divide and
/// conquer instead ([`super::tridiag_dc`], several times faster, as LAPACK's
/// `stedc`); `d` then comes out ascending and the sweep count is 0.
pub(crate) fn tridiagonal_qr<R: RealScalar>(
    d: &mut [R],
    e: &mut [R],
    mut z: Option<&mut [R]>,
) -> Result<usize, usize> {
    let n = d.len();
    if let Some(zz) = z.as_deref_mut()
        && super::tridiag_dc::worth_it(n)
    {
        let mut q = vec![R::zero(); n * n];
        super::tridiag_dc::tridiagonal_dc(d, e, &mut q)?;
        e.fill(R::zero());
        let identity = zz.iter().enumerate().all(|(k, &v)| {
            v == if k % (n + 1) == 0 {
                R::one()
            } else {
                R::zero()
            }
        });
        if identity {
            for (i, row) in zz.chunks_exact_mut(n).enumerate() {
                for (r, x) in row.iter_mut().enumerate() {
                    *x = q[r * n + i];
                }
            }
        } else {
            // z ← Eᵀ·z, E the eigenvectors as columns.
            let mut old = zz.to_vec();
            let mk = |p: *mut R| MatMut {
                ptr: p,
                rows: n,
                cols: n,
                ld: n,
            };
            // SAFETY: three separate n × n buffers.
            unsafe {
                super::gemm::gemm_h(
                    R::one(),
                    mk(q.as_mut_ptr()),
                    mk(old.as_mut_ptr()),
                    R::zero(),
                    mk(zz.as_mut_ptr()),
                )
            };
        }
        return Ok(0);
    }
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
            let r = hypot(x, zz);
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
    use ndarray::{Array2, s};
    use num_complex::Complex64;

    /// `Q·T·Qᴴ` from the output of [`tridiagonalize`].
    fn rebuild(
        f: &Array2<Complex64>,
        tau: &[Complex64],
        d: &[f64],
        e: &[f64],
    ) -> Array2<Complex64> {
        let n = d.len();
        let mut q = Array2::<Complex64>::eye(n);
        if n > 1 {
            let mut w = Array2::<Complex64>::zeros((n - 1, n - 1));
            for j in 0..n - 1 {
                for t in 1..n - 1 - j {
                    w[[j + t, j]] = f[[j + 1 + t, j]];
                }
            }
            let mut q1 = Array2::<Complex64>::eye(n - 1);
            // SAFETY: separate owned row-major arrays.
            unsafe {
                super::super::qr::orgqr(
                    MatMut::from_array(&mut w),
                    tau,
                    MatMut::from_array(&mut q1),
                )
            };
            q.slice_mut(s![1.., 1..]).assign(&q1);
        }
        let t = Array2::from_shape_fn((n, n), |(i, j)| {
            Complex64::from(if i == j {
                d[i]
            } else if i == j + 1 {
                e[j]
            } else if j == i + 1 {
                e[i]
            } else {
                0.0
            })
        });
        q.dot(&t).dot(&q.t().mapv(|v| v.conj()))
    }

    #[test]
    fn blocked_tridiagonalisation_reconstructs() {
        for n in [1usize, 2, 3, 33, 34, 100, 131] {
            for graded in [false, true] {
                let g = Array2::from_shape_fn((n, n), |(i, j)| {
                    Complex64::new(
                        ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin(),
                        ((i * 17 + j * 5) as f64 * 0.3).cos(),
                    )
                });
                let mut a = &g + &g.t().mapv(|v| v.conj());
                if graded {
                    // Rows and columns scaled over 12 orders of magnitude.
                    let sc: Vec<f64> = (0..n)
                        .map(|i| 10f64.powf(-12.0 * i as f64 / n as f64))
                        .collect();
                    a = Array2::from_shape_fn((n, n), |(i, j)| a[[i, j]] * sc[i] * sc[j]);
                }
                let mut f = a.clone();
                let mut tau = vec![Complex64::zero(); n.saturating_sub(1)];
                // SAFETY: owned row-major array; tau has n − 1 entries.
                let (d, e) = unsafe { tridiagonalize(MatMut::from_array(&mut f), &mut tau) };
                let back = rebuild(&f, &tau, &d, &e);
                let scale = a.iter().fold(0.0f64, |s, v| s.max(v.norm()));
                let err = (&back - &a).iter().fold(0.0f64, |s, v| s.max(v.norm()));
                assert!(
                    err <= 1e-14 * n as f64 * scale,
                    "n = {n}, graded {graded}: {err:e}"
                );
            }
        }
    }

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
