//! Balancing and Householder reduction to upper Hessenberg form, the first
//! two stages of the nonsymmetric eigenproblem (Parlett & Reinsch 1969;
//! Golub & Van Loan, *Matrix Computations*, §7.4–7.5).
//!
//! Matrices are square, row-major slices of `n·n` elements.

use super::MatMut;
use super::gemm::{gemm, gemm_h};
use super::qr::{orgqr, tri_mul};
use crate::linalg::norm::two_norm;
use crate::linalg::{RealScalar, Scalar};
use num_traits::{Float, One, Zero};

/// The outcome of [`balance`]: rows and columns outside `ilo..=ihi` hold
/// isolated eigenvalues; `perm[i]` is the row swapped with `i` (for
/// `i < ilo` or `i > ihi`) and `scale[i]` the diagonal scaling of row `i`.
#[derive(Debug, Clone)]
pub(crate) struct Balance<R> {
    pub ilo: usize,
    pub ihi: usize,
    pub perm: Vec<usize>,
    pub scale: Vec<R>,
}

/// Swaps rows and columns `i` and `j` of the `n × n` matrix `a` (a
/// symmetric permutation, hence a similarity).
fn swap_sym<T: Scalar>(a: &mut [T], n: usize, i: usize, j: usize) {
    if i == j {
        return;
    }
    for c in 0..n {
        a.swap(i * n + c, j * n + c);
    }
    for r in 0..n {
        a.swap(r * n + i, r * n + j);
    }
}

/// Balances `a` in place as LAPACK's `gebal`: permutes isolated
/// eigenvalues to the ends (`permute`), then scales rows and columns of the
/// remaining block by powers of 2 so that their norms are close (`scale`).
/// The result is `D⁻¹·Pᵀ·A·P·D`, with the same eigenvalues.
pub(crate) fn balance<T: Scalar>(
    a: &mut [T],
    n: usize,
    permute: bool,
    scale: bool,
) -> Balance<T::Real> {
    let one = T::Real::one();
    let mut bal = Balance {
        ilo: 0,
        ihi: n.saturating_sub(1),
        perm: (0..n).collect(),
        scale: vec![one; n],
    };
    if n == 0 {
        return bal;
    }
    let zero = T::zero();
    if permute {
        // Rows whose off-diagonal part inside the active block is zero go
        // to the bottom.
        'rows: while bal.ihi > bal.ilo {
            for j in (bal.ilo..=bal.ihi).rev() {
                if (bal.ilo..=bal.ihi).all(|k| k == j || a[j * n + k] == zero) {
                    bal.perm[bal.ihi] = j;
                    swap_sym(a, n, j, bal.ihi);
                    bal.ihi -= 1;
                    continue 'rows;
                }
            }
            break;
        }
        // Columns likewise go to the top.
        'cols: while bal.ihi > bal.ilo {
            for j in bal.ilo..=bal.ihi {
                if (bal.ilo..=bal.ihi).all(|k| k == j || a[k * n + j] == zero) {
                    bal.perm[bal.ilo] = j;
                    swap_sym(a, n, j, bal.ilo);
                    bal.ilo += 1;
                    continue 'cols;
                }
            }
            break;
        }
    }
    if !scale || bal.ihi == bal.ilo {
        return bal;
    }
    let two = one + one;
    let eps = T::Real::epsilon();
    let sfmin = T::Real::min_positive_value() / eps * two;
    let sfmax = one / sfmin;
    let (lo, hi) = (bal.ilo, bal.ihi);
    loop {
        let mut changed = false;
        for i in lo..=hi {
            let others = (lo..=hi).filter(|&k| k != i);
            let mut c = two_norm(others.clone().map(|k| &a[k * n + i]));
            let mut r = two_norm(others.map(|k| &a[i * n + k]));
            if c == T::Real::zero() || r == T::Real::zero() {
                continue;
            }
            let s = c + r;
            let mut f = one;
            let mut g = r / two;
            while c < g && f < sfmax && c < sfmax && r > sfmin {
                f *= two;
                c *= two;
                r /= two;
                g /= two;
            }
            g = c / two;
            while g >= r && f > sfmin && r < sfmax && c > sfmin {
                f /= two;
                c /= two;
                g /= two;
                r *= two;
            }
            if c + r >= T::Real::from_f64_real(0.95) * s {
                continue;
            }
            changed = true;
            bal.scale[i] *= f;
            let inv = one / f;
            for k in lo..n {
                a[i * n + k] = a[i * n + k].scale_real(inv);
            }
            for k in 0..=hi {
                a[k * n + i] = a[k * n + i].scale_real(f);
            }
        }
        if !changed {
            break;
        }
    }
    bal
}

/// Maps the rows of `v` (`n × m`, row-major) from the balanced matrix back
/// to the original one: `v ← P·D·v` for right eigenvectors (and Schur
/// vectors), `v ← P·D⁻¹·v` for left eigenvectors (`left`).
pub(crate) fn unbalance<R: RealScalar, T: Scalar<Real = R>>(
    bal: &Balance<R>,
    v: &mut [T],
    n: usize,
    m: usize,
    left: bool,
) {
    if n == 0 {
        return;
    }
    for i in bal.ilo..=bal.ihi {
        let s = if left {
            R::one() / bal.scale[i]
        } else {
            bal.scale[i]
        };
        if s != R::one() {
            for x in &mut v[i * m..(i + 1) * m] {
                *x = x.scale_real(s);
            }
        }
    }
    let swap = |v: &mut [T], i: usize, k: usize| {
        if i != k {
            for c in 0..m {
                v.swap(i * m + c, k * m + c);
            }
        }
    };
    for i in (0..bal.ilo).rev() {
        swap(v, i, bal.perm[i]);
    }
    for i in bal.ihi + 1..n {
        swap(v, i, bal.perm[i]);
    }
}

/// A Householder reflector `H = I − τ·v·vᴴ` (`v[0] = 1`) with
/// `Hᴴ·x = β·e₁`; overwrites `x` with `(β, v[1..])` and returns `τ`.
pub(crate) fn reflector<T: Scalar>(x: &mut [T]) -> T {
    let alpha = x[0];
    let xnorm = two_norm(x[1..].iter());
    if xnorm == T::Real::zero() && alpha.im() == T::Real::zero() {
        return T::zero();
    }
    let norm = alpha.modulus().hypot(xnorm);
    let beta = if alpha.re() >= T::Real::zero() {
        -norm
    } else {
        norm
    };
    let tau = T::from_parts((beta - alpha.re()) / beta, -alpha.im() / beta);
    let d = alpha - T::from_real(beta);
    for v in &mut x[1..] {
        *v = crate::linalg::util::div(*v, d);
    }
    x[0] = T::from_real(beta);
    tau
}

/// `Σ x[i]·y[i]` with four independent accumulators, so that the sum is
/// not bound by the latency of one chain of additions.
#[inline]
fn dot<T: Scalar>(x: &[T], y: &[T]) -> T {
    let mut acc = [T::zero(); 4];
    let (xc, xr) = x.split_at(x.len() / 4 * 4);
    let (yc, yr) = y.split_at(xc.len());
    for (a, b) in xc.chunks_exact(4).zip(yc.chunks_exact(4)) {
        for l in 0..4 {
            acc[l] += a[l] * b[l];
        }
    }
    let tail = xr.iter().zip(yr).fold(T::zero(), |s, (a, b)| s + *a * *b);
    (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
}

/// Reduces rows and columns `ilo..=ihi` of `a` to upper Hessenberg form,
/// `a ← Qᴴ·a·Q`, and returns `Q` (row-major `n × n`). Entries below the
/// subdiagonal are set to zero.
pub(crate) fn hessenberg<T: Scalar>(
    a: &mut [T],
    n: usize,
    ilo: usize,
    ihi: usize,
    want_q: bool,
) -> Option<Vec<T>> {
    let mut vs: Vec<(usize, T, Vec<T>)> = Vec::new();
    let mut w = vec![T::zero(); n];
    let mut x = Vec::with_capacity(n);
    let mut k0 = ilo;
    while ihi - k0 > NB + NX {
        panel(a, n, k0, ihi, &mut vs);
        k0 += NB;
    }
    // The last reflector has length 1: the identity for real types, a
    // phase that makes the last subdiagonal entry real for complex ones.
    for k in k0..ihi {
        // Reflector on rows k+1..=ihi of column k.
        x.clear();
        x.extend((k + 1..=ihi).map(|i| a[i * n + k]));
        let tau = reflector(&mut x);
        a[(k + 1) * n + k] = x[0];
        for i in k + 2..=ihi {
            a[i * n + k] = T::zero();
        }
        if tau == T::zero() {
            continue;
        }
        x[0] = T::one();
        let m = x.len();
        // Left: A ← Hᴴ·A on rows k+1..=ihi, columns k+1..n:
        // w = vᴴ·A (row vector), A −= conj(τ)·v·w.
        let cols = k + 1..n;
        for wj in &mut w[cols.clone()] {
            *wj = T::zero();
        }
        for (t, vi) in x.iter().enumerate() {
            let vc = vi.conj();
            let row = &a[(k + 1 + t) * n..(k + 2 + t) * n];
            for j in cols.clone() {
                w[j] += vc * row[j];
            }
        }
        let tc = tau.conj();
        for (t, vi) in x.iter().enumerate() {
            let f = tc * *vi;
            let row = &mut a[(k + 1 + t) * n..(k + 2 + t) * n];
            for j in cols.clone() {
                row[j] -= f * w[j];
            }
        }
        // Right: A ← A·H on rows 0..=ihi, columns k+1..=ihi.
        for i in 0..=ihi {
            let row = &mut a[i * n + k + 1..i * n + k + 1 + m];
            let s = dot(row, &x) * tau;
            for (r, v) in row.iter_mut().zip(&x) {
                *r -= s * v.conj();
            }
        }
        if want_q {
            vs.push((k, tau, x.clone()));
        }
    }
    if !want_q {
        return None;
    }
    // Q = H_ilo ⋯ H_last acts on rows and columns ilo+1..=ihi: the reflectors
    // are those of a QR factorization there (`v` of reflector j from row j),
    // so the blocked `orgqr` forms that block.
    let mut q = vec![T::zero(); n * n];
    for i in 0..n {
        q[i * n + i] = T::one();
    }
    let m = ihi.saturating_sub(ilo);
    if m == 0 {
        return Some(q);
    }
    let mut f = vec![T::zero(); m * m];
    let mut taus = vec![T::zero(); m];
    for (k, tau, v) in &vs {
        let j = k - ilo;
        taus[j] = *tau;
        for (t, x) in v.iter().enumerate() {
            f[(j + t) * m + j] = *x;
        }
    }
    let fm = MatMut {
        ptr: f.as_mut_ptr(),
        rows: m,
        cols: m,
        ld: m,
    };
    let qm = MatMut {
        ptr: q.as_mut_ptr(),
        rows: n,
        cols: n,
        ld: n,
    }
    .sub(ilo + 1, ilo + 1, m, m);
    // SAFETY: `f` and `q` are separate buffers; `qm` is the identity block
    // of `q` that `orgqr` overwrites, `m` reflectors for `m` columns.
    unsafe { orgqr(fm, &taus, qm) };
    Some(q)
}

/// Columns per panel of the blocked reduction, and the size below which the
/// rest is reduced unblocked (LAPACK `gehrd`'s defaults).
const NB: usize = 32;
const NX: usize = 128;

/// Reduces the `NB` columns `p..p+NB` (with `p + NB < ihi`) as LAPACK's
/// `lahr2` + `gehrd` do: the panel's reflectors `H_j = I − τ_j·v_j·v_jᴴ`
/// are gathered as `Q = I − V·T·Vᴴ` together with `Y = A·V·T`, each panel
/// column being brought up to date from them just before its reflector is
/// formed; then `A ← Qᴴ·(A − Y·Vᴴ)` is applied to the rest with GEMMs.
/// Pushes `(column, τ, v)` of each reflector onto `vs`.
fn panel<T: Scalar>(a: &mut [T], n: usize, p: usize, ihi: usize, vs: &mut Vec<(usize, T, Vec<T>)>) {
    let nb = NB;
    let m = ihi - p; // rows p+1..=ihi; V's row ρ is A's row p+1+ρ
    let zero = T::zero();
    let mut v = vec![zero; m * nb];
    let mut y = vec![zero; (ihi + 1) * nb]; // Y's rows 0..=ihi
    let mut t = vec![zero; nb * nb];
    let mut u = vec![zero; nb];
    let mut col = vec![zero; m];
    let mut x = Vec::with_capacity(m);
    for j in 0..nb {
        let c = p + j;
        for (r, e) in col.iter_mut().enumerate() {
            *e = a[(p + 1 + r) * n + c];
        }
        if j > 0 {
            // Right: col −= Y·conj(V[c, ..j]) (A's row c is V's row j − 1).
            let vc: Vec<T> = (0..j).map(|s| v[(j - 1) * nb + s].conj()).collect();
            for (r, e) in col.iter_mut().enumerate() {
                let yr = &y[(p + 1 + r) * nb..(p + 1 + r) * nb + j];
                *e -= yr.iter().zip(&vc).fold(zero, |acc, (a, b)| acc + *a * *b);
            }
            // Left: col ← (I − V·Tᴴ·Vᴴ)·col.
            u[..j].fill(zero);
            for (r, e) in col.iter().enumerate() {
                for (us, vs) in u[..j].iter_mut().zip(&v[r * nb..r * nb + j]) {
                    *us += vs.conj() * *e;
                }
            }
            for s in (0..j).rev() {
                u[s] = (0..=s).fold(zero, |acc, q| acc + t[q * nb + s].conj() * u[q]);
            }
            for (r, e) in col.iter_mut().enumerate() {
                let vr = &v[r * nb..r * nb + j];
                *e -= vr
                    .iter()
                    .zip(&u[..j])
                    .fold(zero, |acc, (a, b)| acc + *a * *b);
            }
        }
        x.clear();
        x.extend_from_slice(&col[j..]);
        let tau = reflector(&mut x);
        for (r, e) in col.iter().enumerate().take(j) {
            a[(p + 1 + r) * n + c] = *e;
        }
        a[(c + 1) * n + c] = x[0];
        for r in j + 1..m {
            a[(p + 1 + r) * n + c] = zero;
        }
        x[0] = T::one();
        for (q, e) in x.iter().enumerate() {
            v[(j + q) * nb + j] = *e;
        }
        // u = V[.., ..j]ᴴ·v_j; Y[.., j] = τ·(A[.., c+1..]·v_j − Y[.., ..j]·u)
        // (those columns of A are still untouched by this panel).
        u[..j].fill(zero);
        for (q, e) in x.iter().enumerate() {
            for (us, vs) in u[..j].iter_mut().zip(&v[(j + q) * nb..(j + q) * nb + j]) {
                *us += vs.conj() * *e;
            }
        }
        for r in p + 1..=ihi {
            let d = dot(&a[r * n + c + 1..r * n + ihi + 1], &x);
            let yr = &y[r * nb..r * nb + j];
            let corr = yr
                .iter()
                .zip(&u[..j])
                .fold(zero, |acc, (a, b)| acc + *a * *b);
            y[r * nb + j] = tau * (d - corr);
        }
        // T[..j, j] = −τ·T[..j, ..j]·u, T[j, j] = τ.
        for s in 0..j {
            let acc = (s..j).fold(zero, |acc, q| acc + t[s * nb + q] * u[q]);
            t[s * nb + j] = -tau * acc;
        }
        t[j * nb + j] = tau;
        vs.push((c, tau, x.clone()));
    }
    let mut vh = vec![zero; nb * m];
    for r in 0..m {
        for s in 0..nb {
            vh[s * m + r] = v[r * nb + s].conj();
        }
    }
    let (one, am) = (T::one(), MatMut::of(a, n));
    let (vm, vhm, ym) = (
        MatMut::of(&mut v, nb),
        MatMut::of(&mut vh, m),
        MatMut::of(&mut y, nb),
    );
    let mut tmp = vec![zero; (p + 1) * nb];
    let tm = MatMut::of(&mut tmp, nb);
    let nc = n - p - nb;
    let mut w = vec![zero; nb * nc];
    let wm = MatMut::of(&mut w, nc);
    // SAFETY: `a`, `v`, `vh`, `y`, `t`, `tmp` and `w` are separate buffers
    // and every block below lies inside its buffer; the blocks of `a` read
    // and written by one call are disjoint.
    unsafe {
        // Y's rows 0..=p: A[..=p, p+1..=ihi]·V·T.
        gemm(one, am.sub(0, p + 1, p + 1, m), vm, zero, tm);
        gemm(
            one,
            tm,
            MatMut::of(&mut t, nb),
            zero,
            ym.sub(0, 0, p + 1, nb),
        );
        // Right: A −= Y·Vᴴ on rows ..=p (columns p+1..=ihi) and on rows
        // p+1..=ihi of the trailing columns p+nb..=ihi.
        gemm(
            -one,
            ym.sub(0, 0, p + 1, nb),
            vhm,
            one,
            am.sub(0, p + 1, p + 1, m),
        );
        let rest = m - nb + 1;
        gemm(
            -one,
            ym.sub(p + 1, 0, m, nb),
            vhm.sub(0, nb - 1, nb, rest),
            one,
            am.sub(p + 1, p + nb, m, rest),
        );
        // Left: A[p+1..=ihi, p+nb..] ← (I − V·Tᴴ·Vᴴ)·A.
        let a2 = am.sub(p + 1, p + nb, m, nc);
        gemm_h(one, vm, a2, zero, wm);
        tri_mul(&t, nb, true, wm);
        gemm(-one, vm, wm, one, a2);
    }
}
