//! The QZ algorithm for the generalized eigenproblem `A·x = λ·B·x`
//! (Moler & Stewart 1973; Golub & Van Loan, *Matrix Computations*, §7.7):
//! reduction of `(A, B)` to Hessenberg-triangular form, then implicit
//! single-shift QZ sweeps in complex arithmetic, with deflation at
//! negligible subdiagonal entries of `A` and at negligible diagonal entries
//! of `B` (infinite eigenvalues), which are chased to the bottom first.
//!
//! On exit `A = Q·S·Zᴴ`, `B = Q·P·Zᴴ` with `S`, `P` upper triangular and
//! `P`'s diagonal real and non-negative (as LAPACK's `hgeqz`); the
//! eigenvalues are `αᵢ/βᵢ = S[i, i]/P[i, i]`. Matrices are square row-major
//! slices; `q` and `z` start as the identity (or any unitary matrix to
//! multiply).

use super::francis::{csqrt, givens, rot_cols, rot_rows};
use super::hessenberg::reflector;
use crate::linalg::util::div;
use crate::linalg::{RealScalar, Scalar};
use num_traits::{Float, One, Zero};

/// Right-multiplies columns `k, k+1` of `m` by `G = [[c, s], [−s̄, c]]`.
fn rot_cols_g<T: Scalar>(
    m: &mut [T],
    n: usize,
    k: usize,
    rows: std::ops::Range<usize>,
    c: T::Real,
    s: T,
) {
    rot_cols(m, n, k, rows, c, -s);
}

/// Reduces `(a, b)` to Hessenberg-triangular form: `a ← Qᴴ·a·Z`
/// (upper Hessenberg), `b ← Qᴴ·b·Z` (upper triangular), accumulating into
/// `q` and `z`.
pub(crate) fn hessenberg_triangular<T: Scalar>(
    a: &mut [T],
    b: &mut [T],
    n: usize,
    q: &mut [T],
    z: &mut [T],
) {
    // QR of b by Householder reflections, applied to a and q.
    let mut x = Vec::with_capacity(n);
    for k in 0..n {
        x.clear();
        x.extend((k..n).map(|i| b[i * n + k]));
        let tau = reflector(&mut x);
        b[k * n + k] = x[0];
        for i in k + 1..n {
            b[i * n + k] = T::zero();
        }
        if tau == T::zero() {
            continue;
        }
        x[0] = T::one();
        // Left by Hᴴ on b (columns k+1..) and a (all columns).
        let tc = tau.conj();
        for (m, from) in [(&mut *b, k + 1), (&mut *a, 0)] {
            for j in from..n {
                let s = (k..n).fold(T::zero(), |s, i| s + x[i - k].conj() * m[i * n + j]) * tc;
                for i in k..n {
                    m[i * n + j] -= s * x[i - k];
                }
            }
        }
        // Q ← Q·H.
        for r in 0..n {
            let s = (k..n).fold(T::zero(), |s, i| s + q[r * n + i] * x[i - k]) * tau;
            for i in k..n {
                q[r * n + i] -= s * x[i - k].conj();
            }
        }
    }
    // Zero a below the subdiagonal, column by column, bottom up, keeping b
    // triangular with column rotations.
    for j in 0..n.saturating_sub(2) {
        for i in (j + 2..n).rev() {
            let (c, s, r) = givens(a[(i - 1) * n + j], a[i * n + j]);
            a[(i - 1) * n + j] = r;
            a[i * n + j] = T::zero();
            rot_rows(a, n, i - 1, j + 1..n, c, s);
            rot_rows(b, n, i - 1, i - 1..n, c, s);
            rot_cols(q, n, i - 1, 0..n, c, s);
            // b[i, i−1] is now fill: a column rotation removes it.
            let (c, s, r) = givens(b[i * n + i], b[i * n + i - 1]);
            b[i * n + i] = r;
            b[i * n + i - 1] = T::zero();
            rot_cols_g(b, n, i - 1, 0..i, c, s);
            rot_cols_g(a, n, i - 1, 0..n, c, s);
            rot_cols_g(z, n, i - 1, 0..n, c, s);
        }
    }
}

/// Complex QZ iteration on a Hessenberg-triangular pair; returns
/// `(α, β)` with `β` real and non-negative, or `Err(iterations)` if the
/// budget (30 sweeps per eigenvalue) runs out. Without `wantt` only the
/// active blocks are updated (eigenvalues only); `q`, `z` as available.
pub(crate) fn qz_complex<T: Scalar>(
    h: &mut [T],
    t: &mut [T],
    n: usize,
    mut q: Option<&mut [T]>,
    mut z: Option<&mut [T]>,
    wantt: bool,
) -> Result<(Vec<T>, Vec<T>), usize> {
    let mut alpha = vec![T::zero(); n];
    let mut beta = vec![T::zero(); n];
    if n == 0 {
        return Ok((alpha, beta));
    }
    let eps = T::Real::epsilon();
    let safmin = T::Real::min_positive_value();
    let hnorm = h.iter().fold(T::Real::zero(), |s, v| s.hypot(v.modulus()));
    let tnorm = t.iter().fold(T::Real::zero(), |s, v| s.hypot(v.modulus()));
    let atol = (eps * hnorm).max(safmin);
    let btol = (eps * tnorm).max(safmin);
    let itmax = 30 * n.max(10);
    let mut total = 0;
    let mut its = 0_usize;
    let mut end = n;
    while end > 0 {
        let i = end - 1;
        let (i1, i2) = if wantt { (0, n) } else { (0, i + 1) };
        // Negligible subdiagonal of h: split there.
        let mut l = 0;
        for k in (1..=i).rev() {
            if h[k * n + k - 1].abs1() <= atol {
                h[k * n + k - 1] = T::zero();
                l = k;
                break;
            }
        }
        if l == i {
            (alpha[i], beta[i]) = deflate_one(h, t, n, i, i1, z.as_deref_mut());
            end -= 1;
            its = 0;
            continue;
        }
        // A negligible diagonal entry of t in l..=i: an infinite eigenvalue,
        // chased to the bottom row and deflated there.
        if let Some(k) = (l..=i).find(|&k| t[k * n + k].abs1() <= btol) {
            let act = Active { l, i, i1, i2 };
            chase_infinite(h, t, n, act, k, q.as_deref_mut(), z.as_deref_mut());
            continue;
        }
        total += 1;
        if total > itmax {
            return Err(total - 1);
        }
        its += 1;
        let mu = if its.is_multiple_of(10) {
            let base = div(h[i * n + i], t[i * n + i]);
            base + T::from_real(
                T::Real::from_f64_real(0.75) * div(h[i * n + i - 1], t[i * n + i]).abs1(),
            )
        } else {
            shift(h, t, n, i)
        };
        for k in l..i {
            let (c, s) = if k == l {
                let (c, s, _) = givens(h[l * n + l] - mu * t[l * n + l], h[(l + 1) * n + l]);
                (c, s)
            } else {
                let (c, s, r) = givens(h[k * n + k - 1], h[(k + 1) * n + k - 1]);
                h[k * n + k - 1] = r;
                h[(k + 1) * n + k - 1] = T::zero();
                (c, s)
            };
            rot_rows(h, n, k, k..i2, c, s);
            rot_rows(t, n, k, k..i2, c, s);
            if let Some(q) = q.as_deref_mut() {
                rot_cols(q, n, k, 0..n, c, s);
            }
            // Fill t[k+1, k]: a column rotation restores triangularity.
            let (c, s, r) = givens(t[(k + 1) * n + k + 1], t[(k + 1) * n + k]);
            t[(k + 1) * n + k + 1] = r;
            t[(k + 1) * n + k] = T::zero();
            rot_cols_g(t, n, k, i1..k + 1, c, s);
            rot_cols_g(h, n, k, i1..(k + 3).min(i + 1), c, s);
            if let Some(z) = z.as_deref_mut() {
                rot_cols_g(z, n, k, 0..n, c, s);
            }
        }
    }
    Ok((alpha, beta))
}

/// The active window of a QZ sweep: unreduced block `l..=i`, rows/columns
/// `i1..i2` updated.
#[derive(Clone, Copy)]
pub(crate) struct Active {
    pub l: usize,
    pub i: usize,
    pub i1: usize,
    pub i2: usize,
}

/// Deflates the converged `1 × 1` block at `i`: makes `β = t[i, i]` real and
/// non-negative (a phase on column `i` of `h`, `t`, `z`) and returns `(α, β)`.
pub(crate) fn deflate_one<T: Scalar>(
    h: &mut [T],
    t: &mut [T],
    n: usize,
    i: usize,
    i1: usize,
    z: Option<&mut [T]>,
) -> (T, T) {
    let safmin = T::Real::min_positive_value();
    let b = t[i * n + i];
    if b.abs1() > safmin {
        let m = b.modulus();
        let ph = b.conj().scale_real(T::Real::one() / m);
        for r in i1..=i {
            t[r * n + i] *= ph;
            h[r * n + i] *= ph;
        }
        t[i * n + i] = T::from_real(m);
        if let Some(z) = z {
            for r in 0..n {
                z[r * n + i] *= ph;
            }
        }
    } else {
        t[i * n + i] = T::zero();
    }
    (h[i * n + i], t[i * n + i])
}

/// An infinite eigenvalue (`t[k, k] = 0`, `l ≤ k ≤ i`): chases the zero down
/// `t`'s diagonal to row `i` and deflates it there by zeroing `h[i, i−1]`.
pub(crate) fn chase_infinite<T: Scalar>(
    h: &mut [T],
    t: &mut [T],
    n: usize,
    act: Active,
    k: usize,
    mut q: Option<&mut [T]>,
    mut z: Option<&mut [T]>,
) {
    let Active { l, i, i1, i2 } = act;
    t[k * n + k] = T::zero();
    for j in k..i {
        let (c, s, r) = givens(t[j * n + j + 1], t[(j + 1) * n + j + 1]);
        t[j * n + j + 1] = r;
        t[(j + 1) * n + j + 1] = T::zero();
        rot_rows(t, n, j, j + 2..i2, c, s);
        rot_rows(h, n, j, j.saturating_sub(1).max(l)..i2, c, s);
        if let Some(q) = q.as_deref_mut() {
            rot_cols(q, n, j, 0..n, c, s);
        }
        if j > l {
            // Fill at h[j+1, j−1]: rotate columns j−1, j.
            let (c, s, r) = givens(h[(j + 1) * n + j], h[(j + 1) * n + j - 1]);
            h[(j + 1) * n + j] = r;
            h[(j + 1) * n + j - 1] = T::zero();
            rot_cols_g(h, n, j - 1, i1..j + 1, c, s);
            rot_cols_g(t, n, j - 1, i1..j + 1, c, s);
            if let Some(z) = z.as_deref_mut() {
                rot_cols_g(z, n, j - 1, 0..n, c, s);
            }
        }
    }
    // Now t[i, i] = 0: zero h[i, i−1] with a column rotation.
    let (c, s, r) = givens(h[i * n + i], h[i * n + i - 1]);
    h[i * n + i] = r;
    h[i * n + i - 1] = T::zero();
    rot_cols_g(h, n, i - 1, i1..i, c, s);
    rot_cols_g(t, n, i - 1, i1..i, c, s);
    if let Some(z) = z {
        rot_cols_g(z, n, i - 1, 0..n, c, s);
    }
}

/// The eigenvalue of the trailing 2 × 2 pencil nearer `h[i, i]/t[i, i]`:
/// an eigenvalue of `M = H₂₂·T₂₂⁻¹`.
fn shift<T: Scalar>(h: &[T], t: &[T], n: usize, i: usize) -> T {
    let (t11, t12, t22) = (t[(i - 1) * n + i - 1], t[(i - 1) * n + i], t[i * n + i]);
    let (h11, h12, h21, h22) = (
        h[(i - 1) * n + i - 1],
        h[(i - 1) * n + i],
        h[i * n + i - 1],
        h[i * n + i],
    );
    // T⁻¹ = [[1/t11, −t12/(t11·t22)], [0, 1/t22]].
    let u11 = div(T::one(), t11);
    let u22 = div(T::one(), t22);
    let u12 = -t12 * u11 * u22;
    let (a, b) = (h11 * u11, h11 * u12 + h12 * u22);
    let (c, d) = (h21 * u11, h21 * u12 + h22 * u22);
    let half = T::Real::from_f64_real(0.5);
    let p = (a - d).scale_real(half);
    let r = csqrt(p * p + b * c);
    let (x, y) = (p + r, p - r);
    let den = if x.abs1() >= y.abs1() { x } else { y };
    if den == T::zero() {
        d
    } else {
        d - div(b * c, den)
    }
}

/// Right eigenvectors of the upper-triangular pencil `(s, p)`: column `k`
/// of the result solves `(β_k·S − α_k·P)·x = 0` with `x_k = 1`, below-`k`
/// entries zero; tiny pivots perturbed, growth rescaled.
pub(crate) fn pencil_eigenvectors<T: Scalar>(
    s: &[T],
    p: &[T],
    n: usize,
    alpha: &[T],
    beta: &[T],
) -> Vec<T> {
    let eps = T::Real::epsilon();
    let small = T::Real::min_positive_value() * T::Real::from_f64_real(n as f64) / eps;
    let big = T::Real::max_value().sqrt();
    let mut x = vec![T::zero(); n * n];
    let mut col = vec![T::zero(); n];
    for k in 0..n {
        let (a, b) = (alpha[k], beta[k]);
        let smin = (eps * (a.abs1() + b.abs1())).max(small);
        col.iter_mut().for_each(|v| *v = T::zero());
        col[k] = T::one();
        for r in (0..k).rev() {
            let row_s = &s[r * n..r * n + k + 1];
            let row_p = &p[r * n..r * n + k + 1];
            let rhs = (r + 1..=k).fold(T::zero(), |acc, c| {
                acc + (b * row_s[c] - a * row_p[c]) * col[c]
            });
            let mut piv = b * row_s[r] - a * row_p[r];
            if piv.abs1() < smin {
                piv = T::from_real(smin);
            }
            col[r] = -div(rhs, piv);
            if col[r].abs1() > big {
                let f = T::Real::one() / col[r].abs1();
                for v in &mut col[r..=k] {
                    *v = v.scale_real(f);
                }
            }
        }
        for r in 0..n {
            x[r * n + k] = col[r];
        }
    }
    x
}

/// Moves the eigenvalues with `select[i]` to the top of the triangular pair
/// `(s, p)` (Van Dooren's swaps of adjacent 1 × 1 blocks), updating `q`
/// and `z`; returns their number.
pub(crate) fn reorder_pencil<T: Scalar>(
    s: &mut [T],
    p: &mut [T],
    n: usize,
    q: &mut [T],
    z: &mut [T],
    select: &[bool],
) -> usize {
    let mut ks = 0;
    for (k, &sel) in select.iter().enumerate().take(n) {
        if sel {
            for j in (ks..k).rev() {
                swap_pencil(s, p, n, j, q, z);
            }
            ks += 1;
        }
    }
    ks
}

/// Swaps the eigenvalues at `j`, `j+1` of the triangular pair.
fn swap_pencil<T: Scalar>(s: &mut [T], p: &mut [T], n: usize, j: usize, q: &mut [T], z: &mut [T]) {
    let (s11, s12, s22) = (s[j * n + j], s[j * n + j + 1], s[(j + 1) * n + j + 1]);
    let (p11, p12, p22) = (p[j * n + j], p[j * n + j + 1], p[(j + 1) * n + j + 1]);
    // Column rotation: the new first column spans the eigenvector of the
    // second eigenvalue, x = (p22·s12 − s22·p12, p11·s22 − s11·p22)-ish:
    // (β₂·S − α₂·P)·x = 0 on the 2 × 2 block.
    let (a2, b2) = (s22, p22);
    let f = b2 * s12 - a2 * p12;
    let g = a2 * p11 - b2 * s11;
    // x = (f, g)/(β₂s11 − α₂p11) up to scale: x ∝ (f, −(b2·s11 − a2·p11)) = (f, g).
    if f == T::zero() && g == T::zero() {
        return;
    }
    let (c, sn, _) = givens(f, g);
    // Z·Gᴴ makes the first column ∝ (f, g): use Gᴴ = [[c, −s], [s̄, c]].
    rot_cols(s, n, j, 0..j + 2, c, sn);
    rot_cols(p, n, j, 0..j + 2, c, sn);
    rot_cols(z, n, j, 0..n, c, sn);
    // Row rotation zeroing the subdiagonal of the larger-norm matrix.
    let (u, v) = if s[j * n + j].abs1() >= p[j * n + j].abs1() {
        (s[j * n + j], s[(j + 1) * n + j])
    } else {
        (p[j * n + j], p[(j + 1) * n + j])
    };
    let (c, sn, _) = givens(u, v);
    rot_rows(s, n, j, j..n, c, sn);
    rot_rows(p, n, j, j..n, c, sn);
    rot_cols(q, n, j, 0..n, c, sn);
    s[(j + 1) * n + j] = T::zero();
    p[(j + 1) * n + j] = T::zero();
    // Keep P's diagonal real and non-negative.
    for k in [j, j + 1] {
        let b = p[k * n + k];
        let m = b.modulus();
        if m > T::Real::zero() && (b.im() != T::Real::zero() || b.re() < T::Real::zero()) {
            let ph = b.conj().scale_real(T::Real::one() / m);
            for r in 0..=k {
                p[r * n + k] *= ph;
                s[r * n + k] *= ph;
            }
            p[k * n + k] = T::from_real(m);
            for r in 0..n {
                z[r * n + k] *= ph;
            }
        }
    }
}
