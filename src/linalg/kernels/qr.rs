//! Householder QR, blocked with the compact WY representation (Schreiber &
//! Van Loan 1989): a panel of `NB` columns is factored column by column, its
//! reflectors are gathered as `H₁⋯H_b = I − V·T·Vᴴ`, and the trailing columns
//! are updated with two GEMMs. Reflectors follow LAPACK's convention
//! (`beta = −sign(Re α)·‖x‖`, real), so `R` matches SciPy's, signs included.

use super::MatMut;
use super::gemm::{gemm, gemm_h};
use super::simd;
use crate::linalg::Scalar;
use num_traits::{Float, One, Zero};

/// Panel width: trailing updates are GEMMs with this inner dimension (64
/// measured faster than 32 at n = 1000: fewer passes over the trailing matrix).
const NB: usize = 64;

/// Generates the reflector of column `j` below row `j` of `a` (LAPACK
/// `larfg`): afterwards `a[j, j] = beta` and `a[j+1.., j]` holds `v` (with
/// `v₀ = 1` implied). Returns `tau`; `H = I − tau·v·vᴴ`, `Hᴴ·x = beta·e₀`.
pub(crate) unsafe fn reflector<T: Scalar>(a: MatMut<T>, j: usize) -> T {
    let m = a.rows;
    // SAFETY: rows j.. of column j lie inside the view.
    unsafe {
        let alpha = *a.at(j, j);
        let mut scale = T::Real::zero();
        for i in j + 1..m {
            scale = scale.max((*a.at(i, j)).modulus());
        }
        if scale == T::Real::zero() && alpha.im() == T::Real::zero() {
            return T::zero();
        }
        scale = scale.max(alpha.modulus());
        let inv = scale.recip();
        let mut ss = T::Real::zero();
        for i in j..m {
            ss += (*a.at(i, j)).scale_real(inv).abs2();
        }
        let norm = scale * ss.sqrt();
        let beta = if alpha.re() >= T::Real::zero() {
            -norm
        } else {
            norm
        };
        let tau = T::from_parts((beta - alpha.re()) / beta, -alpha.im() / beta);
        let d = T::one() / (alpha - T::from_real(beta));
        for i in j + 1..m {
            *a.at(i, j) *= d;
        }
        *a.at(j, j) = T::from_real(beta);
        tau
    }
}

/// Unblocked QR of the view (LAPACK `geqr2`): reflectors for each of the
/// first `min(m, n)` columns, each applied (as `Hᴴ`) to the columns right of it.
unsafe fn geqr2<T: Scalar>(a: MatMut<T>, tau: &mut [T], w: &mut Vec<T>) {
    let (m, n) = (a.rows, a.cols);
    for (j, tj) in tau.iter_mut().enumerate().take(m.min(n)) {
        // SAFETY: all indices stay inside the view; rows are read and written
        // one at a time.
        unsafe {
            let t = reflector(a, j);
            *tj = t;
            if t == T::zero() || j + 1 == n {
                continue;
            }
            apply_reflector_h(a.sub(j, j, m - j, n - j), t, w);
        }
    }
}

/// Copies the `b` reflectors stored below the diagonal of the panel
/// (`rows × b`) into an explicit `V` (unit diagonal, zeros above), and builds
/// the upper-triangular `T` with `H₁⋯H_b = I − V·T·Vᴴ` (LAPACK `larft`).
unsafe fn wy<T: Scalar>(panel: MatMut<T>, tau: &[T], v: &mut Vec<T>, t: &mut Vec<T>) {
    let (rows, b) = (panel.rows, tau.len());
    v.clear();
    v.resize(rows * b, T::zero());
    for i in 0..rows {
        for c in 0..b.min(i + 1) {
            // SAFETY: (i, c) is inside the panel.
            v[i * b + c] = if c == i {
                T::one()
            } else {
                unsafe { *panel.at(i, c) }
            };
        }
    }
    t.clear();
    t.resize(b * b, T::zero());
    // G = Vᴴ·V by GEMM: column i of G above the diagonal is Vᴴ·v_i.
    let mut g = vec![T::zero(); b * b];
    let vm = MatMut {
        ptr: v.as_mut_ptr(),
        rows,
        cols: b,
        ld: b,
    };
    let gm = MatMut {
        ptr: g.as_mut_ptr(),
        rows: b,
        cols: b,
        ld: b,
    };
    // SAFETY: `v` and `g` are separate buffers of the stated shapes.
    unsafe { gemm_h(T::one(), vm, vm, T::zero(), gm) };
    for i in 0..b {
        t[i * b + i] = tau[i];
        // T[..i, i] = −tau_i · T[..i, ..i] · G[..i, i].
        for l in 0..i {
            let s: T = (l..i).map(|p| t[l * b + p] * g[p * b + i]).sum();
            t[l * b + i] = -tau[i] * s;
        }
    }
}

/// Blocked Householder QR in place (LAPACK `geqrf`): `R` on and above the
/// diagonal, the reflectors below it, `tau` (length `min(m, n)`) beside.
///
/// # Safety
/// `a` is a valid, exclusive view; `tau.len() == min(m, n)`.
pub(crate) unsafe fn geqrf<T: Scalar>(a: MatMut<T>, tau: &mut [T]) {
    let (m, n) = (a.rows, a.cols);
    let k = m.min(n);
    let mut w = Vec::new();
    let (mut v, mut t, mut work) = (Vec::new(), Vec::new(), Vec::new());
    let mut j0 = 0;
    while j0 < k {
        let b = NB.min(k - j0);
        let rows = m - j0;
        let n2 = n - j0 - b;
        // Small trailing parts are cheaper without the WY machinery.
        if n2 == 0 || rows * n2 < 64 * 64 || k - j0 <= NB {
            // SAFETY: the remaining block is inside `a`.
            unsafe { geqr2(a.sub(j0, j0, rows, n - j0), &mut tau[j0..], &mut w) };
            return;
        }
        let panel = a.sub(j0, j0, rows, b);
        let a2 = a.sub(j0, j0 + b, rows, n2);
        // SAFETY: `panel` and `a2` are disjoint column ranges of `a`; v, t
        // and work are separate buffers.
        unsafe {
            geqr2(panel, &mut tau[j0..j0 + b], &mut w);
            wy(panel, &tau[j0..j0 + b], &mut v, &mut t);
            let vm = MatMut {
                ptr: v.as_mut_ptr(),
                rows,
                cols: b,
                ld: b,
            };
            work.clear();
            work.resize(b * n2, T::zero());
            let wm = MatMut {
                ptr: work.as_mut_ptr(),
                rows: b,
                cols: n2,
                ld: n2,
            };
            // A2 ← (I − V·T·Vᴴ)ᴴ·A2 = A2 − V·(Tᴴ·(Vᴴ·A2)).
            gemm_h(T::one(), vm, a2, T::zero(), wm);
            tri_mul(&t, b, true, wm);
            gemm(-T::one(), vm, wm, T::one(), a2);
        }
        j0 += b;
    }
}

/// `W ← T·W` (or `Tᴴ·W` if `conj_trans`) for the upper-triangular `b × b`
/// `T` stored densely, in place, row by row.
pub(crate) unsafe fn tri_mul<T: Scalar>(t: &[T], b: usize, conj_trans: bool, w: MatMut<T>) {
    // SAFETY: rows of the exclusive view `w` are touched one at a time, each
    // combined with rows that the order of the loop has not yet overwritten.
    unsafe {
        if conj_trans {
            // (Tᴴ·W)[i] = Σ_{l ≤ i} conj(T[l, i])·W[l]: go bottom-up.
            for i in (0..b).rev() {
                let wi = w.row(i);
                let d = t[i * b + i].conj();
                wi.iter_mut().for_each(|x| *x *= d);
                for l in 0..i {
                    simd::axpy(t[l * b + i].conj(), w.row(l), wi);
                }
            }
        } else {
            // (T·W)[i] = Σ_{l ≥ i} T[i, l]·W[l]: go top-down.
            for i in 0..b {
                let wi = w.row(i);
                let d = t[i * b + i];
                wi.iter_mut().for_each(|x| *x *= d);
                for l in i + 1..b {
                    simd::axpy(t[i * b + l], w.row(l), wi);
                }
            }
        }
    }
}

/// Overwrites `q` (`m × qc`, initially the first `qc` columns of the
/// identity) with the first `qc` columns of `Q = H₁⋯H_k`, the reflectors
/// being stored below the diagonal of `f` (`m × ≥k`) (LAPACK `orgqr`).
///
/// # Safety
/// `f` and `q` are valid, non-overlapping views, `q` exclusive; `k ≤ qc ≤ m`.
pub(crate) unsafe fn orgqr<T: Scalar>(f: MatMut<T>, tau: &[T], q: MatMut<T>) {
    // SAFETY: forwarded; columns left of block j0 of the identity stay
    // untouched by the blocks from j0 on.
    unsafe { apply_q(f, tau, q, true) }
}

/// `C ← Q·C` for `Q = H₁⋯H_k` stored as in [`orgqr`] and any `m × nc` `C`
/// (LAPACK `ormqr`, left side, no transpose): 2·m·nc·k flops, against the
/// 4·m·nc·k of forming `Q` and multiplying.
///
/// # Safety
/// `f` and `c` are valid, non-overlapping views, `c` exclusive; `k ≤ m`.
pub(crate) unsafe fn ormqr<T: Scalar>(f: MatMut<T>, tau: &[T], c: MatMut<T>) {
    // SAFETY: forwarded.
    unsafe { apply_q(f, tau, c, false) }
}

/// The blocked `C ← Q·C`; with `identity`, `C` holds leading columns of the
/// identity and each block only touches columns `j0..`.
unsafe fn apply_q<T: Scalar>(f: MatMut<T>, tau: &[T], q: MatMut<T>, identity: bool) {
    let (m, qc) = (q.rows, q.cols);
    let k = tau.len();
    let (mut v, mut t, mut work) = (Vec::new(), Vec::new(), Vec::new());
    // Blocks in reverse order: Q ← (I − V·T·Vᴴ)·Q on rows j0...
    let mut starts: Vec<usize> = (0..k).step_by(NB).collect();
    starts.reverse();
    for j0 in starts {
        let b = NB.min(k - j0);
        let rows = m - j0;
        let c0 = if identity { j0 } else { 0 };
        let cols = qc - c0;
        // SAFETY: blocks lie inside `f` and `q`, which do not overlap.
        unsafe {
            wy(f.sub(j0, j0, rows, b), &tau[j0..j0 + b], &mut v, &mut t);
            let vm = MatMut {
                ptr: v.as_mut_ptr(),
                rows,
                cols: b,
                ld: b,
            };
            work.clear();
            work.resize(b * cols, T::zero());
            let wm = MatMut {
                ptr: work.as_mut_ptr(),
                rows: b,
                cols,
                ld: cols,
            };
            let qs = q.sub(j0, c0, rows, cols);
            gemm_h(T::one(), vm, qs, T::zero(), wm);
            tri_mul(&t, b, false, wm);
            gemm(-T::one(), vm, wm, T::one(), qs);
        }
    }
}

/// Householder QR with column pivoting (LAPACK `geqp2`): at step `j` the
/// remaining column of largest norm is swapped into place. Column norms are
/// downdated and recomputed when cancellation makes the downdate unreliable.
/// `perm[j]` is the original index of column `j` of the result.
///
/// # Safety
/// `a` is a valid, exclusive view; `tau.len() == min(m, n)`, `perm.len() == n`.
pub(crate) unsafe fn geqp2<T: Scalar>(a: MatMut<T>, tau: &mut [T], perm: &mut [usize]) {
    let (m, n) = (a.rows, a.cols);
    let col_norm = |j: usize, from: usize| {
        // SAFETY: column `j`, rows `from..m`, of the valid view.
        let ss: T::Real = (from..m)
            .map(|i| unsafe { (*a.at(i, j)).abs2() })
            .fold(T::Real::zero(), |s, x| s + x);
        ss.sqrt()
    };
    let mut norms: Vec<T::Real> = (0..n).map(|j| col_norm(j, 0)).collect();
    let mut exact = norms.clone();
    perm.iter_mut().enumerate().for_each(|(j, p)| *p = j);
    let tol3z = T::Real::epsilon().sqrt();
    let mut w = Vec::new();
    for (j, tj) in tau.iter_mut().enumerate().take(m.min(n)) {
        let p = (j..n).fold(j, |best, c| if norms[c] > norms[best] { c } else { best });
        if p != j {
            for i in 0..m {
                // SAFETY: two distinct elements of row `i`.
                unsafe { std::ptr::swap(a.at(i, j), a.at(i, p)) };
            }
            perm.swap(j, p);
            norms.swap(j, p);
            exact.swap(j, p);
        }
        // SAFETY: the block right of and below (j, j) is inside the view.
        unsafe {
            let sub = a.sub(j, j, m - j, n - j);
            let t = reflector(sub, 0);
            *tj = t;
            if t != T::zero() && j + 1 < n {
                apply_reflector_h(sub, t, &mut w);
            }
        }
        for c in j + 1..n {
            if norms[c] == T::Real::zero() {
                continue;
            }
            // SAFETY: (j, c) is inside the view.
            let r = unsafe { (*a.at(j, c)).modulus() } / norms[c];
            let temp = (T::Real::one() - r * r).max(T::Real::zero());
            let ratio = norms[c] / exact[c];
            if temp * ratio * ratio <= tol3z {
                norms[c] = col_norm(c, j + 1);
                exact[c] = norms[c];
            } else {
                norms[c] *= temp.sqrt();
            }
        }
    }
}

/// Applies `Hᴴ` of the reflector stored in column 0 of `a` to columns 1...
pub(crate) unsafe fn apply_reflector_h<T: Scalar>(a: MatMut<T>, tau: T, w: &mut Vec<T>) {
    let m = a.rows;
    // SAFETY: rows of the valid view, one at a time.
    unsafe {
        w.clear();
        w.extend_from_slice(&a.row(0)[1..]);
        for i in 1..m {
            simd::axpy((*a.at(i, 0)).conj(), &a.row(i)[1..], w);
        }
        let ct = tau.conj();
        simd::axpy(-ct, w, &mut a.row(0)[1..]);
        for i in 1..m {
            simd::axpy(-(ct * *a.at(i, 0)), w, &mut a.row(i)[1..]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;
    use num_complex::Complex64;

    fn check(m: usize, n: usize) {
        let a = Array2::from_shape_fn((m, n), |(i, j)| {
            Complex64::new(
                ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin(),
                (i as f64 - j as f64) * 0.01,
            )
        });
        let mut f = a.clone();
        let k = m.min(n);
        let mut tau = vec![Complex64::zero(); k];
        let mut q = Array2::from_shape_fn((m, m), |(i, j)| {
            if i == j {
                Complex64::one()
            } else {
                Complex64::zero()
            }
        });
        // SAFETY: separate owned row-major arrays.
        unsafe {
            geqrf(MatMut::from_array(&mut f), &mut tau);
            orgqr(MatMut::from_array(&mut f), &tau, MatMut::from_array(&mut q));
        }
        let r = Array2::from_shape_fn(
            (m, n),
            |(i, j)| if j >= i { f[[i, j]] } else { Complex64::zero() },
        );
        let err = (q.dot(&r) - &a).iter().fold(0.0f64, |s, v| s.max(v.norm()));
        assert!(err < 1e-13 * m.max(n) as f64, "{m}x{n}: {err:e}");
        let qhq = q.t().mapv(|v| v.conj()).dot(&q) - Array2::<Complex64>::eye(m);
        let orth = qhq.iter().fold(0.0f64, |s, v| s.max(v.norm()));
        assert!(orth < 1e-13 * m as f64, "{m}x{n}: orthogonality {orth:e}");
    }

    #[test]
    fn ormqr_matches_explicit_q() {
        let (m, n, nc) = (150, 140, 37);
        let a = Array2::from_shape_fn((m, n), |(i, j)| {
            Complex64::new(((i * 7 + j * 3) as f64).sin(), ((i + 2 * j) as f64).cos())
        });
        let c0 =
            Array2::from_shape_fn((m, nc), |(i, j)| Complex64::new((i * j) as f64 * 0.01, 1.0));
        let mut f = a.clone();
        let mut tau = vec![Complex64::zero(); n];
        let mut q = Array2::from_shape_fn((m, m), |(i, j)| Complex64::from(f64::from(i == j)));
        let mut c = c0.clone();
        // SAFETY: separate owned row-major arrays.
        unsafe {
            geqrf(MatMut::from_array(&mut f), &mut tau);
            orgqr(MatMut::from_array(&mut f), &tau, MatMut::from_array(&mut q));
            ormqr(MatMut::from_array(&mut f), &tau, MatMut::from_array(&mut c));
        }
        let err = (q.dot(&c0) - &c)
            .iter()
            .fold(0.0f64, |s, v| s.max(v.norm()));
        assert!(err < 1e-12, "{err:e}");
    }

    #[test]
    fn blocked_qr_reconstructs_and_q_is_unitary() {
        for &(m, n) in &[
            (1, 1),
            (5, 3),
            (3, 5),
            (70, 70),
            (150, 90),
            (90, 150),
            (200, 200),
        ] {
            check(m, n);
        }
    }
}
