//! The trust-region subproblem over growing Krylov spaces (SciPy
//! `method='trust-krylov'`; Gould, Lucidi, Roma, Toint, "Solving the
//! trust-region subproblem using the Lanczos method", SIAM J. Optim. 9,
//! 1999: GLTR).
//!
//! Lanczos builds an orthonormal basis `Q_k` of `span{g, Bg, …, B^{k−1}g}`
//! with `Q_kᵀ B Q_k = T_k` tridiagonal; the subproblem restricted to that
//! space, `min ‖g‖ e₁ᵀh + ½ hᵀT_k h, ‖h‖ ≤ Δ`, is solved exactly through the
//! eigen-decomposition of the small `T_k`. The residual of the full problem
//! is `β_k |e_kᵀ h|`, so the loop stops without forming `p = Q_k h` until it
//! is small enough.

use super::trust_region::{Ctx, Quad, norm2};
use crate::linalg::eigh;
use ndarray::{Array1, Array2};

/// Exact solution of `min cᵀh + ½ hᵀ T h, ‖h‖ ≤ Δ` for a small symmetric
/// `T`, with the Lagrange multiplier found on the eigen-decomposition
/// (safeguarded Newton on `1/‖h(λ)‖ − 1/Δ`), hard case included.
fn small_trs(t: &Array2<f64>, c: &Array1<f64>, delta: f64) -> Option<(Array1<f64>, bool)> {
    let e = eigh(t).ok()?;
    let (w, v) = (e.w, e.v);
    let k = w.len();
    let cb = v.t().dot(c);
    let step = |lam: f64| -> Array1<f64> { Array1::from_shape_fn(k, |i| -cb[i] / (w[i] + lam)) };
    let lmin = w[0];
    if lmin > 0.0 {
        let y = step(0.0);
        if norm2(&y) <= delta {
            return Some((v.dot(&y), false));
        }
    }
    let lo0 = (-lmin).max(0.0);
    // Hard case: no component along the lowest eigenvectors, and the step
    // at λ = −λ_min still inside.
    let scale = cb
        .iter()
        .fold(0.0f64, |m, v| m.max(v.abs()))
        .max(f64::MIN_POSITIVE);
    let small = |i: usize| {
        (w[i] - lmin).abs() <= 1e-12 * w[k - 1].abs().max(1.0) && cb[i].abs() <= 1e-12 * scale
    };
    if (0..k)
        .filter(|&i| (w[i] - lmin).abs() <= 1e-12 * w[k - 1].abs().max(1.0))
        .all(small)
    {
        let y = Array1::from_shape_fn(k, |i| if small(i) { 0.0 } else { -cb[i] / (w[i] + lo0) });
        let yn = norm2(&y);
        if yn <= delta {
            let tau = (delta * delta - yn * yn).max(0.0).sqrt();
            return Some((v.dot(&y) + &(v.column(0).to_owned() * tau), true));
        }
    }
    // ‖h(λ)‖ decreases on (lo0, ∞); bracket the root and refine.
    let norm_at = |lam: f64| norm2(&step(lam));
    let mut lo = lo0;
    let mut hi = lo0 + norm2(c) / delta + w[k - 1].abs() + 1.0;
    while norm_at(hi) > delta {
        hi *= 2.0;
        if !hi.is_finite() {
            return None;
        }
    }
    let mut lam = hi;
    for _ in 0..200 {
        let y = step(lam);
        let yn = norm2(&y);
        if (yn - delta).abs() <= 1e-12 * delta {
            break;
        }
        if yn > delta {
            lo = lam;
        } else {
            hi = lam;
        }
        // Newton on φ(λ) = 1/‖h‖ − 1/Δ: φ' = (Σ y_i²/(w_i+λ)) / ‖h‖³.
        let dsum: f64 = (0..k).map(|i| y[i] * y[i] / (w[i] + lam)).sum();
        let newton = lam + (yn / delta - 1.0) * yn * yn / dsum;
        lam = if newton > lo && newton < hi {
            newton
        } else {
            0.5 * (lo + hi)
        };
        if hi - lo <= 1e-15 * hi.abs().max(1.0) {
            break;
        }
    }
    Some((v.dot(&step(lam)), true))
}

/// GLTR-style solve of the trust-region subproblem at `q` with radius `Δ`.
/// `inexact` uses the forcing terms SciPy passes to its solver (interior
/// `min(½, √‖g‖)·‖g‖`, boundary `min(½, ‖g‖)·‖g‖`); otherwise relative
/// tolerances 1e-8 (interior) and 1e-6 (boundary).
pub(crate) fn gltr(
    q: &mut Quad,
    delta: f64,
    inexact: bool,
    ctx: &mut Ctx<'_, '_>,
) -> (Array1<f64>, bool) {
    let n = q.x.len();
    let gn = q.gmag;
    let (tol_i, tol_b) = if inexact {
        (0.5f64.min(gn.sqrt()) * gn, 0.5f64.min(gn) * gn)
    } else {
        (1e-8 * gn, 1e-6 * gn)
    };
    let mut basis: Vec<Array1<f64>> = vec![&q.g / gn];
    let (mut alpha, mut beta) = (Vec::<f64>::new(), Vec::<f64>::new());
    let mut best = (Array1::zeros(n), false);
    let mut h_small = Array1::zeros(0);
    for j in 0..n {
        let qj = basis[j].clone();
        let mut w = q.hessp(&qj, ctx);
        let a = qj.dot(&w);
        alpha.push(a);
        // Full reorthogonalisation: keeps Q orthonormal at O(n·k) a step.
        for b in &basis {
            let c = b.dot(&w);
            w.scaled_add(-c, b);
        }
        let bnext = norm2(&w);
        let k = j + 1;
        let mut t = Array2::zeros((k, k));
        for i in 0..k {
            t[[i, i]] = alpha[i];
            if i + 1 < k {
                t[[i, i + 1]] = beta[i];
                t[[i + 1, i]] = beta[i];
            }
        }
        let mut c = Array1::zeros(k);
        c[0] = gn;
        let Some((h, hits)) = small_trs(&t, &c, delta) else {
            break;
        };
        let resid = bnext * h[k - 1].abs();
        h_small = h;
        best.1 = hits;
        let tol = if hits { tol_b } else { tol_i };
        if resid <= tol || bnext <= 1e-14 * (a.abs() + gn) || bnext.is_nan() || k == n {
            break;
        }
        beta.push(bnext);
        basis.push(w / bnext);
    }
    for (i, b) in basis.iter().enumerate().take(h_small.len()) {
        best.0.scaled_add(h_small[i], b);
    }
    best
}
