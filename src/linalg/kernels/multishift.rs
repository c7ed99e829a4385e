//! Small-bulge multishift QR with aggressive early deflation for large real
//! Hessenberg matrices (Braman, Byers & Mathias, "The multishift QR
//! algorithm", parts I and II, SIAM J. Matrix Anal. Appl. 23, 2002), the
//! scheme LAPACK's `dhseqr` uses above 75 rows.
//!
//! Two ideas make it fast next to the one-bulge Francis step of
//! [`super::francis`]:
//! - **Aggressive early deflation** (AED): the trailing `nw × nw` window is
//!   brought to Schur form; its eigenvalues whose "spike" entry (the
//!   subdiagonal entry above the window carried along by the window's Schur
//!   vectors) is negligible deflate at once, often many per sweep, and the
//!   others serve as the next sweep's shifts.
//! - **Chains of small bulges**: many double-shift bulges, 3 rows apart,
//!   are chased together through a sliding window; the window's reflectors
//!   are accumulated into one orthogonal `U`, and the parts of `H` right of
//!   and above the window, and the Schur vectors, are updated with GEMM.
//!
//! Works on `zt = Zᵀ`, as [`super::francis::hqr_real`]'s inner loop.

use super::MatMut;
use super::francis::{bulge_reflector, hqr_real};
use super::gemm::{gemm, gemm_h};
use super::hessenberg::hessenberg;
use crate::linalg::RealScalar;

/// Active blocks above this many rows use AED and multishift sweeps (as
/// LAPACK's `NMIN`).
pub(crate) const NMIN: usize = 75;

/// `(window size, number of shifts)` for an active block of `nh` rows, after
/// LAPACK's `iparmq` recommendations: about `nh / log₂ nh` shifts, and a
/// deflation window half as large again.
fn params(nh: usize) -> (usize, usize) {
    let ns = if nh < 150 {
        10
    } else if nh < 590 {
        (nh / nh.ilog2() as usize).max(10)
    } else if nh < 3000 {
        64
    } else {
        128
    };
    let ns = (ns - ns % 2).max(2);
    let nw = (ns * 3 / 2).min(nh / 2);
    (nw, ns)
}

/// A view of rows `r`, columns `c` of the `ld`-wide row-major buffer `m`.
fn view<R: RealScalar>(
    m: &mut [R],
    ld: usize,
    r: usize,
    c: usize,
    rows: usize,
    cols: usize,
) -> MatMut<R> {
    MatMut::of(m, ld).sub(r, c, rows, cols)
}

/// Applies the `w × w` orthogonal `u` of a window at rows/columns `r0..r0+w`
/// to the rest of `h`: `h[r0.., c]·` for columns `r0+w..=i2` from the left
/// (`Uᵀ·`), rows `i1..r0` from the right (`·U`), and to rows `r0..r0+w` of
/// `zt` (`Uᵀ·Zᵀ`).
#[allow(clippy::too_many_arguments)]
fn apply_outside<R: RealScalar>(
    h: &mut [R],
    n: usize,
    r0: usize,
    w: usize,
    u: &mut [R],
    (i1, i2): (usize, usize),
    zt: Option<&mut [R]>,
    tmp: &mut Vec<R>,
) {
    let (one, zero) = (R::one(), R::zero());
    let um = view(u, w, 0, 0, w, w);
    let c0 = r0 + w;
    let left = |m: &mut [R], c0: usize, nc: usize, tmp: &mut Vec<R>| {
        if nc == 0 {
            return;
        }
        tmp.clear();
        tmp.resize(w * nc, zero);
        let t = view(tmp, nc, 0, 0, w, nc);
        // SAFETY: `u`, the block of `m` and `tmp` are distinct live buffers.
        unsafe { gemm_h(one, um, view(m, n, r0, c0, w, nc), zero, t) };
        for r in 0..w {
            m[(r0 + r) * n + c0..(r0 + r) * n + c0 + nc]
                .copy_from_slice(&tmp[r * nc..(r + 1) * nc]);
        }
    };
    left(h, c0, (i2 + 1).saturating_sub(c0), tmp);
    if let Some(zt) = zt {
        left(zt, 0, n, tmp);
    }
    if r0 > i1 {
        let nr = r0 - i1;
        tmp.clear();
        tmp.resize(nr * w, zero);
        let t = view(tmp, w, 0, 0, nr, w);
        // SAFETY: as above.
        unsafe { gemm(one, view(h, n, i1, r0, nr, w), um, zero, t) };
        for r in 0..nr {
            h[(i1 + r) * n + r0..(i1 + r) * n + r0 + w].copy_from_slice(&tmp[r * w..(r + 1) * w]);
        }
    }
}

/// Aggressive early deflation on the trailing `nw` rows of the unreduced
/// block `l..=i`. Returns the number of deflated eigenvalues (now isolated
/// at the bottom by exact zeros on the subdiagonal) and the remaining
/// eigenvalues of the window, `(re, im)` from the top, as shifts; `None` if
/// the window's QR iteration failed (nothing changed).
#[allow(clippy::too_many_arguments)]
fn aed<R: RealScalar>(
    h: &mut [R],
    n: usize,
    l: usize,
    i: usize,
    nw: usize,
    zt: Option<&mut [R]>,
    wantt: bool,
    tmp: &mut Vec<R>,
) -> Option<(usize, Vec<(R, R)>)> {
    let kw = i + 1 - nw;
    debug_assert!(kw > l);
    let s = h[kw * n + kw - 1];
    let mut t = vec![R::zero(); nw * nw];
    for r in 0..nw {
        let c0 = r.saturating_sub(1);
        t[r * nw + c0..(r + 1) * nw]
            .copy_from_slice(&h[(kw + r) * n + kw + c0..(kw + r) * n + kw + nw]);
    }
    let mut v = vec![R::zero(); nw * nw];
    for r in 0..nw {
        v[r * nw + r] = R::one();
    }
    let (wr, wi) = hqr_real(&mut t, nw, 0, nw - 1, Some(&mut v), true).ok()?;
    // Deflation test from the bottom: the spike entries `s·v[0, j]` of a
    // block are negligible next to the block's eigenvalue.
    let ulp = R::epsilon();
    let smlnum = R::min_positive_value() * R::from_f64_real(n as f64) / ulp;
    let mut ns = nw;
    while ns > 0 {
        let j = ns - 1;
        let pair = j > 0 && t[j * nw + j - 1] != R::zero();
        let (spike, size) = if pair {
            let size = t[j * nw + j].abs()
                + t[(j - 1) * nw + j].abs().sqrt() * t[j * nw + j - 1].abs().sqrt();
            ((s * v[j - 1]).abs().max((s * v[j]).abs()), size)
        } else {
            ((s * v[j]).abs(), t[j * nw + j].abs())
        };
        let size = if size == R::zero() { s.abs() } else { size };
        if spike > smlnum.max(ulp * size) {
            break;
        }
        ns -= if pair { 2 } else { 1 };
    }
    let shifts: Vec<(R, R)> = (0..ns).map(|j| (wr[j], wi[j])).collect();
    let nd = nw - ns;
    if nd == 0 {
        return Some((0, shifts));
    }
    // Back to Hessenberg form: the undeflated part bordered by its spike
    // column is reduced as one (ns+1)-square matrix whose first row is zero,
    // so that the spike folds into a single subdiagonal entry.
    let mut top = R::zero();
    if ns > 0 {
        let m = ns + 1;
        let mut mm = vec![R::zero(); m * m];
        for r in 0..ns {
            mm[(r + 1) * m] = s * v[r];
            mm[(r + 1) * m + 1..(r + 2) * m].copy_from_slice(&t[r * nw..r * nw + ns]);
        }
        let q = hessenberg(&mut mm, m, 0, ns, true).expect("q was asked for");
        top = mm[m];
        for r in 0..ns {
            t[r * nw..r * nw + ns].copy_from_slice(&mm[(r + 1) * m + 1..(r + 2) * m]);
        }
        // T₁₂ ← Q₁ᵀ·T₁₂ and V₁ ← V₁·Q₁, with Q₁ = q[1.., 1..].
        let q1 = |a: usize, b: usize| q[(a + 1) * m + b + 1];
        let mut col = vec![R::zero(); ns];
        for c in ns..nw {
            for (a, x) in col.iter_mut().enumerate() {
                *x = (0..ns).fold(R::zero(), |acc, b| acc + q1(b, a) * t[b * nw + c]);
            }
            for (a, x) in col.iter().enumerate() {
                t[a * nw + c] = *x;
            }
        }
        for r in 0..nw {
            for (a, x) in col.iter_mut().enumerate() {
                *x = (0..ns).fold(R::zero(), |acc, b| acc + v[r * nw + b] * q1(b, a));
            }
            v[r * nw..r * nw + ns].copy_from_slice(&col);
        }
    }
    for r in 0..nw {
        h[(kw + r) * n + kw..(kw + r) * n + kw + nw].copy_from_slice(&t[r * nw..(r + 1) * nw]);
    }
    h[kw * n + kw - 1] = top;
    let range = if wantt { (0, n - 1) } else { (l, i) };
    apply_outside(h, n, kw, nw, &mut v, range, zt, tmp);
    Some((nd, shifts))
}

/// The bulge step of one double shift (`(re₁, im₁, re₂, im₂)`) at row
/// `k` of the block `l..=i`, restricted to the window `r0..r1` of `h`;
/// the reflector is accumulated into the window's `ut = Uᵀ` (`w × w`).
fn bulge_step<R: RealScalar>(
    h: &mut [R],
    n: usize,
    block: (usize, usize),
    k: usize,
    shifts: (R, R, R, R),
    (r0, r1): (usize, usize),
    ut: &mut [R],
) {
    let Some(p) = bulge_reflector(h, n, block, k, shifts) else {
        return;
    };
    // Left on rows k..k+nr, columns k..r1 of `h`; the same on rows
    // k−r0.. of `ut = Uᵀ` (U ← U·P); right on columns k..k+nr, rows
    // r0..=min(k+3, i) of `h`.
    p.rows(h, n, k, k..r1);
    p.rows(ut, r1 - r0, k - r0, 0..r1 - r0);
    p.cols(h, n, k, r0..(k + 3).min(block.1) + 1);
}

/// One sweep chasing a chain of double-shift bulges (one shift pair each)
/// from the top to the bottom of the unreduced block `l..=i` (`i ≥ l + 2`).
#[allow(clippy::too_many_arguments)]
fn sweep<R: RealScalar>(
    h: &mut [R],
    n: usize,
    l: usize,
    i: usize,
    shifts: &[(R, R, R, R)],
    mut zt: Option<&mut [R]>,
    wantt: bool,
    tmp: &mut Vec<R>,
) {
    let nb = shifts.len();
    let len = i - l; // steps of one bulge: k = l..i
    let steps = len + 3 * (nb - 1);
    let chunk = (3 * nb).max(12);
    let range = if wantt { (0, n - 1) } else { (l, i) };
    let (mut u, mut ut) = (Vec::new(), Vec::new());
    let mut t0 = 0;
    while t0 < steps {
        let t1 = (t0 + chunk).min(steps);
        // Bulge b sits at k = l + t − 3b during steps 3b ≤ t < 3b + len.
        let (mut r0, mut r1) = (usize::MAX, 0);
        for b in 0..nb {
            let (first, last) = ((3 * b).max(t0), (3 * b + len - 1).min(t1 - 1));
            if first <= last {
                r0 = r0.min((l + first - 3 * b).saturating_sub(1).max(l));
                r1 = r1.max((l + last - 3 * b + 3).min(i) + 1);
            }
        }
        let w = r1 - r0;
        ut.clear();
        ut.resize(w * w, R::zero());
        for d in 0..w {
            ut[d * w + d] = R::one();
        }
        u.resize(w * w, R::zero());
        for t in t0..t1 {
            for (b, &shift) in shifts.iter().enumerate() {
                if t >= 3 * b && t - 3 * b < len {
                    bulge_step(h, n, (l, i), l + t - 3 * b, shift, (r0, r1), &mut ut);
                }
            }
        }
        for r in 0..w {
            for c in 0..w {
                u[r * w + c] = ut[c * w + r];
            }
        }
        apply_outside(h, n, r0, w, &mut u, range, zt.as_deref_mut(), tmp);
        t0 = t1;
    }
}

/// Pairs eigenvalues `(re, im)` into double shifts `(re₁, im₁, re₂, im₂)`:
/// complex-conjugate pairs as they come, real ones two by two (an odd one
/// out is dropped). At most `max` pairs, taken from the end (the bottom of
/// the window, nearest to convergence).
fn pair_shifts<R: RealScalar>(eigs: &[(R, R)], max: usize) -> Vec<(R, R, R, R)> {
    let mut out = Vec::new();
    let mut real: Option<R> = None;
    let mut j = eigs.len();
    while j > 0 && out.len() < max {
        let (re, im) = eigs[j - 1];
        if im != R::zero() && j >= 2 {
            out.push((re, im, re, -im));
            j -= 2;
            continue;
        }
        j -= 1;
        match real.take() {
            Some(r) => out.push((r, R::zero(), re, R::zero())),
            None => real = Some(re),
        }
    }
    out
}

/// One iteration on the unreduced block `l..=i` (more than [`NMIN`] rows):
/// AED, then (unless AED deflated enough) a multishift sweep. Returns
/// `false` if the caller should fall back to a Francis step instead (the
/// window's iteration failed or gave fewer than two shifts, or `exceptional`
/// asks for exceptional shifts).
pub(crate) fn iterate<R: RealScalar>(
    h: &mut [R],
    n: usize,
    l: usize,
    i: usize,
    mut zt: Option<&mut [R]>,
    wantt: bool,
    exceptional: bool,
) -> bool {
    let nh = i + 1 - l;
    let (nw, ns) = params(nh);
    let mut tmp = Vec::new();
    let Some((nd, eigs)) = aed(h, n, l, i, nw, zt.as_deref_mut(), wantt, &mut tmp) else {
        return false;
    };
    // LAPACK's rule: skip the sweep if more than 14% of the window deflated.
    if nd > 0 && (nd * 100 > nw * 14 || exceptional) {
        return true;
    }
    if exceptional {
        return false;
    }
    let i = i - nd;
    if i < l + 2 {
        return true;
    }
    let shifts = pair_shifts(&eigs, ns / 2);
    if shifts.is_empty() {
        return nd > 0;
    }
    sweep(h, n, l, i, &shifts, zt, wantt, &mut tmp);
    true
}
