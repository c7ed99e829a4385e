//! Divide and conquer for the symmetric tridiagonal eigenproblem (Cuppen
//! 1981): tear `T` into two halves plus a rank-one term, solve the halves
//! recursively, and merge through the eigenproblem of `D + ρ·z·zᵀ`. Merges
//! deflate small `z` components and nearly equal `D` entries (Dongarra &
//! Sorensen 1987), find the remaining eigenvalues as roots of the secular
//! equation with safeguarded two-pole rational steps, and build the
//! eigenvectors from the `z` recomputed from those roots (Löwner's formula,
//! Gu & Eisenstat 1995), which keeps them orthogonal to working accuracy.
//! The eigenvector update of each merge is a GEMM. The deflation, secular
//! solver, Löwner step and vector update are shared with the bidiagonal SVD
//! merge ([`super::svd_dc`]).

use super::MatMut;
use super::eigh::tridiagonal_qr;
use super::gemm::gemm;
use crate::linalg::RealScalar;

/// Subproblems this small are solved by implicit QR.
const LEAF: usize = 32;

/// Whether divide and conquer pays for an order-`n` problem with vectors.
pub(crate) fn worth_it(n: usize) -> bool {
    n > LEAF
}

/// Eigenvalues (ascending, in `d`) and eigenvectors (as the columns of the
/// `n × n` row-major `q`) of the symmetric tridiagonal `(d, e)`.
/// `Err(sweeps)` if a leaf's QR iteration runs out of budget.
pub(crate) fn tridiagonal_dc<R: RealScalar>(
    d: &mut [R],
    e: &[R],
    q: &mut [R],
) -> Result<(), usize> {
    let n = d.len();
    debug_assert!(e.len() + 1 == n.max(1) && q.len() == n * n);
    q.fill(R::zero());
    // Scale to unit max-norm so that no intermediate overflows.
    let scale = d.iter().chain(e).fold(R::zero(), |s, v| s.max(v.abs()));
    if scale == R::zero() {
        (0..n).for_each(|i| q[i * n + i] = R::one());
        return Ok(());
    }
    d.iter_mut().for_each(|v| *v /= scale);
    let mut e: Vec<R> = e.iter().map(|&v| v / scale).collect();
    let qm = MatMut {
        ptr: q.as_mut_ptr(),
        rows: n,
        cols: n,
        ld: n,
    };
    // SAFETY: `qm` views the whole of the exclusive buffer `q`.
    unsafe { solve(d, &mut e, qm)? };
    d.iter_mut().for_each(|v| *v *= scale);
    Ok(())
}

/// Solves the subproblem in place; `q` is its (zeroed) diagonal block.
unsafe fn solve<R: RealScalar>(d: &mut [R], e: &mut [R], q: MatMut<R>) -> Result<(), usize> {
    let n = d.len();
    if n <= LEAF {
        let mut z = vec![R::zero(); n * n];
        (0..n).for_each(|i| z[i * n + i] = R::one());
        tridiagonal_qr(d, e, Some(&mut z))?;
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|&a, &b| d[a].partial_cmp(&d[b]).expect("finite eigenvalues"));
        let sorted: Vec<R> = order.iter().map(|&k| d[k]).collect();
        d.copy_from_slice(&sorted);
        for i in 0..n {
            // SAFETY: row `i` of the exclusive view.
            let row = unsafe { q.row(i) };
            for (c, &k) in order.iter().enumerate() {
                row[c] = z[k * n + i];
            }
        }
        return Ok(());
    }
    let m = n / 2;
    // T = diag(T₁, T₂) + |ρ|·u·uᵀ with u = e_{m−1} + sign(ρ)·e_m.
    let rho = e[m - 1];
    let r = rho.abs();
    d[m - 1] -= r;
    d[m] -= r;
    let (d1, d2) = d.split_at_mut(m);
    let (e1, e2) = e.split_at_mut(m - 1);
    // SAFETY: the two diagonal blocks of `q` are disjoint.
    unsafe {
        solve(d1, e1, q.sub(0, 0, m, m))?;
        solve(d2, &mut e2[1..], q.sub(m, m, n - m, n - m))?;
        merge(d, q, m, r, rho < R::zero());
    }
    Ok(())
}

/// Which rows of a column of the merged vectors can be non-zero: those of
/// the top half, the bottom half, or both.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Support {
    Top,
    Both,
    Bottom,
}

/// Merges the solved halves: `q = diag(Q₁, Q₂)` (columns are eigenvectors,
/// `d` their eigenvalues, each half ascending) of `diag(T₁, T₂) + ρ·u·uᵀ`.
unsafe fn merge<R: RealScalar>(d: &mut [R], q: MatMut<R>, m: usize, rho: R, flip: bool) {
    let n = d.len();
    let eps = R::epsilon();
    let (two, half) = (R::from_f64_real(2.0), R::from_f64_real(0.5));
    // z = Qᵀ·u / ‖u‖ and ρ·‖u‖², ‖u‖² = 2.
    let inv_sqrt2 = half.sqrt();
    let mut z: Vec<R> = (0..n)
        .map(|c| {
            // SAFETY: rows m − 1 and m of the view.
            let v = unsafe { if c < m { *q.at(m - 1, c) } else { *q.at(m, c) } };
            let v = if c >= m && flip { -v } else { v };
            v * inv_sqrt2
        })
        .collect();
    let rho = rho * two;
    let mut support: Vec<Support> = (0..n)
        .map(|c| if c < m { Support::Top } else { Support::Bottom })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| d[a].partial_cmp(&d[b]).expect("finite eigenvalues"));
    let dmax = d.iter().fold(R::zero(), |s, v| s.max(v.abs()));
    let tol = R::from_f64_real(8.0) * eps * dmax.max(rho);
    // ρ·|zⱼ| ≤ tol deflates zⱼ (ρ = 0 deflates everything).
    let (kept, deflated) = deflate(&order, d, &mut z, tol / rho, tol, |p, j, c, s| {
        // SAFETY: two distinct columns of the view.
        unsafe { rot_cols(q, p, j, c, s) };
        if support[p] != support[j] {
            support[p] = Support::Both;
            support[j] = Support::Both;
        }
    });

    let k = kept.len();
    let ds: Vec<R> = kept.iter().map(|&c| d[c]).collect();
    let zs: Vec<R> = kept.iter().map(|&c| z[c]).collect();
    // delta[j·k + i] = d_i − λ_j, accurate through the root's origin.
    let (lam, delta) = secular_roots(&ds, &zs, rho);
    let zhat = loewner_z(&ds, &zs, &delta, rho);
    // U[i, j] = ẑᵢ / (dᵢ − λⱼ), columns normalised.
    let mut u = vec![R::zero(); k * k];
    for j in 0..k {
        let mut nrm = R::zero();
        for i in 0..k {
            let v = zhat[i] / delta[j * k + i];
            u[i * k + j] = v;
            nrm += v * v;
        }
        let inv = nrm.sqrt().recip();
        for i in 0..k {
            u[i * k + j] *= inv;
        }
    }
    let mut out = vec![R::zero(); n * n];
    let outm = MatMut {
        ptr: out.as_mut_ptr(),
        rows: n,
        cols: n,
        ld: n,
    };
    // SAFETY: `q` and `out` are separate; the output block is inside `out`.
    unsafe { update_vectors(q, m, &kept, &support, &u, outm.sub(0, 0, n, k)) };
    // Deflated columns follow the secular ones; then sort everything.
    let mut vals: Vec<R> = lam;
    for (t, &c) in deflated.iter().enumerate() {
        vals.push(d[c]);
        for i in 0..n {
            // SAFETY: (i, c) is inside the view.
            out[i * n + k + t] = unsafe { *q.at(i, c) };
        }
    }
    let mut fin: Vec<usize> = (0..n).collect();
    fin.sort_by(|&a, &b| vals[a].partial_cmp(&vals[b]).expect("finite eigenvalues"));
    for (c, &s) in fin.iter().enumerate() {
        d[c] = vals[s];
    }
    for i in 0..n {
        // SAFETY: row `i` of the exclusive view.
        let row = unsafe { q.row(i) };
        for (c, &s) in fin.iter().enumerate() {
            row[c] = out[i * n + s];
        }
    }
}

/// `(xₚ, xⱼ) ← (c·xₚ − s·xⱼ, s·xₚ + c·xⱼ)` on columns `p ≠ j` of `q`.
///
/// # Safety
/// `q` is a valid, exclusive view containing both columns.
pub(crate) unsafe fn rot_cols<R: RealScalar>(q: MatMut<R>, p: usize, j: usize, c: R, s: R) {
    for i in 0..q.rows {
        // SAFETY: two distinct elements of row `i` of the view.
        unsafe {
            let (x, y) = (*q.at(i, p), *q.at(i, j));
            *q.at(i, p) = c * x - s * y;
            *q.at(i, j) = s * x + c * y;
        }
    }
}

/// Deflation of a rank-one merge, visiting the columns in `order` (ascending
/// `d`): `|zⱼ| ≤ ztol` deflates column `j`; for neighbours `p`, `j` a rotation
/// of the pair zeroes `z_p`, deflating `p` when the off-diagonal it creates,
/// `c·s·(dⱼ − d_p)`, is at most `tol` (`rotate(p, j, c, s)` applies it to the
/// vectors, as [`rot_cols`]). Returns the kept columns in ascending order of
/// the updated `d` (distinct and more than `tol` apart) and the deflated ones.
pub(crate) fn deflate<R: RealScalar>(
    order: &[usize],
    d: &mut [R],
    z: &mut [R],
    ztol: R,
    tol: R,
    mut rotate: impl FnMut(usize, usize, R, R),
) -> (Vec<usize>, Vec<usize>) {
    let (mut kept, mut deflated) = (Vec::with_capacity(order.len()), Vec::new());
    let mut prev: Option<usize> = None;
    for &j in order {
        if z[j].abs() <= ztol {
            deflated.push(j);
            continue;
        }
        let Some(p) = prev else {
            prev = Some(j);
            continue;
        };
        let r = z[p].hypot(z[j]);
        let (c, s) = (z[j] / r, z[p] / r);
        if (c * s * (d[j] - d[p])).abs() <= tol {
            z[j] = r;
            z[p] = R::zero();
            let (dp, dj) = (d[p], d[j]);
            d[p] = c * c * dp + s * s * dj;
            d[j] = s * s * dp + c * c * dj;
            rotate(p, j, c, s);
            deflated.push(p);
        } else {
            kept.push(p);
        }
        prev = Some(j);
    }
    if let Some(p) = prev {
        kept.push(p);
    }
    // Rotations may have perturbed the kept d's order slightly: re-sort.
    kept.sort_by(|&a, &b| d[a].partial_cmp(&d[b]).expect("finite values"));
    (kept, deflated)
}

/// Löwner's formula (Gu & Eisenstat): the `ẑ` for which the computed roots
/// (given through `delta[j·k + i] = dᵢ − λⱼ`) are the exact eigenvalues of
/// `diag(d) + ρ·ẑ·ẑᵀ`, with the signs of `z`.
pub(crate) fn loewner_z<R: RealScalar>(d: &[R], z: &[R], delta: &[R], rho: R) -> Vec<R> {
    let k = d.len();
    (0..k)
        .map(|i| {
            let mut w = -delta[(k - 1) * k + i];
            for j in 0..k - 1 {
                let dj = if j < i { d[j] } else { d[j + 1] };
                w *= -delta[j * k + i] / (dj - d[i]);
            }
            let w = (w / rho).max(R::zero()).sqrt();
            if z[i] < R::zero() { -w } else { w }
        })
        .collect()
}

/// `out ← q[:, kept]·u` (`u` row-major `k × k`, `k = kept.len()`), with the
/// zero blocks of `q` skipped: rows `..m` only meet `Top`/`Both` columns,
/// rows `m..` only `Both`/`Bottom` ones.
///
/// # Safety
/// `q` (`r × ≥kept`) and `out` (`r × k`) are valid, non-overlapping views,
/// `out` exclusive.
pub(crate) unsafe fn update_vectors<R: RealScalar>(
    q: MatMut<R>,
    m: usize,
    kept: &[usize],
    support: &[Support],
    u: &[R],
    out: MatMut<R>,
) {
    let (n, k) = (q.rows, kept.len());
    for (rows, skip) in [(0..m, Support::Bottom), (m..n, Support::Top)] {
        let idx: Vec<usize> = (0..k).filter(|&i| support[kept[i]] != skip).collect();
        let (h, w) = (rows.len(), idx.len());
        if w == 0 || h == 0 {
            continue;
        }
        let mut qg = vec![R::zero(); h * w];
        let mut ug = vec![R::zero(); w * k];
        for (a, r) in rows.clone().enumerate() {
            for (b, &i) in idx.iter().enumerate() {
                // SAFETY: (r, kept[i]) is inside the view.
                qg[a * w + b] = unsafe { *q.at(r, kept[i]) };
            }
        }
        for (b, &i) in idx.iter().enumerate() {
            ug[b * k..b * k + k].copy_from_slice(&u[i * k..i * k + k]);
        }
        let mk = |buf: &mut Vec<R>, rows, cols| MatMut {
            ptr: buf.as_mut_ptr(),
            rows,
            cols,
            ld: cols,
        };
        // SAFETY: separate buffers; the output block is inside `out`.
        unsafe {
            gemm(
                R::one(),
                mk(&mut qg, h, w),
                mk(&mut ug, w, k),
                R::zero(),
                out.sub(rows.start, 0, h, k),
            )
        };
    }
}

/// Roots `λ₀ < … < λ_{k−1}` of `1 + ρ·Σ zᵢ²/(dᵢ − λ) = 0` for ascending,
/// distinct `d`, non-zero `z` and `ρ > 0`, and `delta[j·k + i] = dᵢ − λⱼ`.
/// Each root is held as an offset `τ` from its nearer pole so that the
/// differences come out to full relative accuracy.
pub(crate) fn secular_roots<R: RealScalar>(d: &[R], z: &[R], rho: R) -> (Vec<R>, Vec<R>) {
    let k = d.len();
    let mut lam = vec![R::zero(); k];
    let mut delta = vec![R::zero(); k * k];
    if k == 1 {
        lam[0] = d[0] + rho * z[0] * z[0];
        delta[0] = -rho * z[0] * z[0];
        return (lam, delta);
    }
    let half = R::from_f64_real(0.5);
    let zz: Vec<R> = z.iter().map(|&v| v * v).collect();
    let znorm2: R = zz.iter().fold(R::zero(), |s, &v| s + v);
    let mut shifted = vec![R::zero(); k];
    for j in 0..k {
        // The pair of poles the model keeps exact: (p, p + 1).
        let p = if j + 1 < k { j } else { k - 2 };
        // Origin and bracket (in offsets from the origin).
        let (origin, mut lo, mut hi, mut tau) = if j + 1 < k {
            let gap = d[j + 1] - d[j];
            let mid = gap * half;
            for (s, &di) in shifted.iter_mut().zip(d) {
                *s = di - d[j];
            }
            let (f, ..) = eval(&shifted, &zz, rho, p, mid);
            if f >= R::zero() {
                (j, R::zero(), mid, mid)
            } else {
                (j + 1, -mid, R::zero(), -mid)
            }
        } else {
            (j, R::zero(), rho * znorm2, rho * znorm2)
        };
        for (s, &di) in shifted.iter_mut().zip(d) {
            *s = di - d[origin];
        }
        let eps = R::epsilon();
        for it in 0..200 {
            let (f, psi, dpsi, phi, dphi) = eval(&shifted, &zz, rho, p, tau);
            if f == R::zero() {
                break;
            }
            if f < R::zero() {
                lo = lo.max(tau);
            } else {
                hi = hi.min(tau);
            }
            let small = R::from_f64_real(8.0) * eps * R::from_f64_real(k as f64);
            if f.abs() <= small * (R::one() + psi.abs() + phi.abs()) {
                break;
            }
            if hi - lo <= R::from_f64_real(2.0) * eps * lo.abs().max(hi.abs()) {
                break;
            }
            // Two-pole rational model c + s/(δₚ − x) + S/(δₚ₊₁ − x) matching
            // f and the slopes of both sums at τ; its root nearer τ.
            let (da, db) = (shifted[p] - tau, shifted[p + 1] - tau);
            let s = dpsi * da * da;
            let big_s = dphi * db * db;
            let c = f - dpsi * da - dphi * db;
            let b = c * (da + db) + s + big_s;
            let cc = da * db * f;
            let disc = (b * b - R::from_f64_real(4.0) * c * cc)
                .max(R::zero())
                .sqrt();
            let den = if b >= R::zero() { b + disc } else { b - disc };
            let eta = (cc + cc) / den;
            let next = tau + eta;
            tau = if it < 60 && next > lo && next < hi && next.is_finite() {
                next
            } else {
                (lo + hi) * half
            };
        }
        lam[j] = d[origin] + tau;
        for i in 0..k {
            delta[j * k + i] = shifted[i] - tau;
        }
    }
    (lam, delta)
}

/// `f(τ) = 1 + ψ + φ` with `ψ = ρ·Σ_{i ≤ p} zᵢ²/(δᵢ − τ)` and `φ` the rest,
/// plus the slopes `ψ'`, `φ'`: `(f, ψ, ψ', φ, φ')`.
fn eval<R: RealScalar>(shifted: &[R], zz: &[R], rho: R, p: usize, tau: R) -> (R, R, R, R, R) {
    let (mut psi, mut dpsi, mut phi, mut dphi) = (R::zero(), R::zero(), R::zero(), R::zero());
    for (i, (&s, &w)) in shifted.iter().zip(zz).enumerate() {
        let t = (s - tau).recip();
        let a = w * t;
        if i <= p {
            psi += a;
            dpsi += a * t;
        } else {
            phi += a;
            dphi += a * t;
        }
    }
    let (psi, dpsi, phi, dphi) = (rho * psi, rho * dpsi, rho * phi, rho * dphi);
    (R::one() + psi + phi, psi, dpsi, phi, dphi)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Max of `|T·Q − Q·Λ|` and `|QᵀQ − I|` for the result of [`tridiagonal_dc`].
    fn errors(d0: &[f64], e0: &[f64]) -> (f64, f64, Vec<f64>) {
        let n = d0.len();
        let mut d = d0.to_vec();
        let mut q = vec![0.0; n * n];
        tridiagonal_dc(&mut d, e0, &mut q).unwrap();
        assert!(d.windows(2).all(|w| w[0] <= w[1]));
        let (mut res, mut orth) = (0.0f64, 0.0f64);
        for c in 0..n {
            for i in 0..n {
                let mut tq = d0[i] * q[i * n + c];
                if i > 0 {
                    tq += e0[i - 1] * q[(i - 1) * n + c];
                }
                if i + 1 < n {
                    tq += e0[i] * q[(i + 1) * n + c];
                }
                res = res.max((tq - d[c] * q[i * n + c]).abs());
            }
            for c2 in 0..n {
                let dot: f64 = (0..n).map(|i| q[i * n + c] * q[i * n + c2]).sum();
                orth = orth.max((dot - if c == c2 { 1.0 } else { 0.0 }).abs());
            }
        }
        (res, orth, d)
    }

    fn check(name: &str, d0: Vec<f64>, e0: Vec<f64>) {
        let n = d0.len();
        let norm = d0.iter().chain(&e0).fold(0.0f64, |s, v| s.max(v.abs()));
        let (res, orth, d) = errors(&d0, &e0);
        assert!(
            res <= 1e-14 * n as f64 * norm.max(1e-300),
            "{name}: residual {res:e}"
        );
        assert!(orth <= 1e-14 * n as f64, "{name}: orthogonality {orth:e}");
        // Agreement with the QR path's eigenvalues.
        let (mut dq, mut eq) = (d0.clone(), e0.clone());
        tridiagonal_qr(&mut dq, &mut eq, None).unwrap();
        dq.sort_by(|a, b| a.partial_cmp(b).unwrap());
        for (a, b) in d.iter().zip(&dq) {
            assert!(
                (a - b).abs() <= 1e-14 * n as f64 * norm,
                "{name}: {a} vs {b}"
            );
        }
    }

    #[test]
    fn random_graded_clustered_and_split_matrices() {
        let mut seed = 12345u64;
        let mut rnd = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        for n in [33usize, 64, 150, 257] {
            let d: Vec<f64> = (0..n).map(|_| rnd()).collect();
            let e: Vec<f64> = (0..n - 1).map(|_| rnd()).collect();
            check("random", d, e);
            // Graded over 20 orders of magnitude.
            let d: Vec<f64> = (0..n)
                .map(|i| 10f64.powf(-20.0 * i as f64 / n as f64))
                .collect();
            let e: Vec<f64> = (0..n - 1)
                .map(|i| 0.5 * 10f64.powf(-20.0 * i as f64 / n as f64))
                .collect();
            check("graded", d, e);
            // Wilkinson-like: pairs of nearly equal eigenvalues.
            let h = (n / 2) as f64;
            let d: Vec<f64> = (0..n).map(|i| (i as f64 - h).abs()).collect();
            check("wilkinson", d, vec![1.0; n - 1]);
            // Clustered: (1, 2, 1) Toeplitz scaled to a tiny spread plus a constant.
            let d: Vec<f64> = vec![1.0; n];
            let e: Vec<f64> = vec![1e-9; n - 1];
            check("clustered", d, e);
            // Rank-deficient-like: many zero off-diagonals and repeated diagonal.
            let d: Vec<f64> = (0..n).map(|i| (i % 3) as f64).collect();
            let e: Vec<f64> = (0..n - 1)
                .map(|i| if i % 7 == 0 { 0.0 } else { 1e-3 })
                .collect();
            check("split", d, e);
        }
        check("zero", vec![0.0; 40], vec![0.0; 39]);
    }
}
