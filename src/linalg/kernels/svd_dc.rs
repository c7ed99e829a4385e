//! Divide and conquer for the SVD of a real upper-bidiagonal matrix (Jessup &
//! Sorensen 1994; Gu & Eisenstat 1995), the bidiagonal counterpart of
//! [`super::tridiag_dc`].
//!
//! An `n × (n + sqre)` upper-bidiagonal `B` (`sqre` ∈ {0, 1}: square, or one
//! extra column) is split at its middle row `k`:
//!
//! ```text
//!     ⎡ B₁       0  ⎤   B₁: k × (k + 1),  B₂: (n − k − 1) × (n − k − 1 + sqre)
//! B = ⎢ α·eₖᵀ  β·e₀ᵀ⎥   (α, β) = (d_k, e_k), the entries of row k
//!     ⎣ 0        B₂ ⎦
//! ```
//!
//! With the halves' SVDs `Bᵢ = Uᵢ·[Σᵢ 0]·Vᵢᵀ`, `B` is orthogonally equivalent
//! to `M = diag(0, Σ₁, Σ₂) + e₀·zᵀ` (row `k` of `B` in the halves' right
//! vectors; the `0` column is `B₁`'s null vector, combined with `B₂`'s by one
//! rotation when `sqre = 1`). `MᵀM = diag(0, Σ₁, Σ₂)² + z·zᵀ`, so its singular
//! values solve the same secular equation as the symmetric merge, with the
//! squared singular values as poles; the shared solver finds them as offsets
//! from the nearer pole, so small singular values keep their relative accuracy
//! (never `σ² − D²` formed by cancellation). Singular vectors come from the
//! Löwner-recomputed `ẑ`:
//! `vⱼ ∝ (ẑᵢ / (Dᵢ² − σⱼ²))ᵢ`, `uⱼ ∝ (−1, (Dᵢ·ẑᵢ / (Dᵢ² − σⱼ²))ᵢ≥₁)`. Deflation
//! works on the singular values themselves (not their squares): `zᵢ` below
//! `8ε‖M‖`, or two `Dᵢ` close enough that one rotation of both the left and
//! the right vectors zeroes a `z` entry. Vector updates are GEMMs that skip
//! the halves' zero blocks.

use super::MatMut;
use super::implicit_qr::{hypot, rot_rows};
use super::svd::{bidiagonal_qr, chase_column};
use super::tridiag_dc::{Support, deflate, loewner_z, rot_cols, secular_roots, update_vectors};
use crate::linalg::RealScalar;

/// Subproblems this small are solved by implicit QR.
const LEAF: usize = 32;

/// Whether divide and conquer pays for an order-`n` bidiagonal with vectors.
pub(crate) fn worth_it(n: usize) -> bool {
    n > LEAF
}

/// Singular values (ascending, in `d`) and vectors of the upper-bidiagonal
/// `(d, e)`: `B = U·diag(d)·Vᵀ`, with `u` and `v` (`n × n`, row-major) holding
/// the vectors as columns. `Err(sweeps)` if a leaf's QR runs out of budget.
pub(crate) fn bidiagonal_dc<R: RealScalar>(
    d: &mut [R],
    e: &[R],
    u: &mut [R],
    v: &mut [R],
) -> Result<(), usize> {
    let n = d.len();
    debug_assert!(e.len() + 1 == n.max(1) && u.len() == n * n && v.len() == n * n);
    u.fill(R::zero());
    v.fill(R::zero());
    // Unit max-norm: no intermediate over- or underflows needlessly.
    let scale = d.iter().chain(e).fold(R::zero(), |s, x| s.max(x.abs()));
    if scale == R::zero() {
        for i in 0..n {
            u[i * n + i] = R::one();
            v[i * n + i] = R::one();
        }
        return Ok(());
    }
    d.iter_mut().for_each(|x| *x /= scale);
    let mut e: Vec<R> = e.iter().map(|&x| x / scale).collect();
    let view = |b: &mut [R]| MatMut {
        ptr: b.as_mut_ptr(),
        rows: n,
        cols: n,
        ld: n,
    };
    // SAFETY: the two views cover the whole of separate exclusive buffers.
    unsafe { solve(d, &mut e, 0, view(u), view(v))? };
    d.iter_mut().for_each(|x| *x *= scale);
    Ok(())
}

/// Solves the `n × (n + sqre)` subproblem in place: `u` (`n × n`) and `v`
/// (`(n + sqre)²`) are its zeroed diagonal blocks; on return `d` is ascending
/// and, when `sqre = 1`, the last column of `v` spans `B`'s null space.
unsafe fn solve<R: RealScalar>(
    d: &mut [R],
    e: &mut [R],
    sqre: usize,
    u: MatMut<R>,
    v: MatMut<R>,
) -> Result<(), usize> {
    let n = d.len();
    if n <= LEAF {
        // SAFETY: forwarded.
        return unsafe { leaf(d, e, sqre, u, v) };
    }
    let k = n / 2;
    let nr = n - k - 1;
    let (alpha, beta) = (d[k], e[k]);
    let (dl, dr) = d.split_at_mut(k);
    let (el, er) = e.split_at_mut(k);
    // SAFETY: the halves' blocks of `u` and `v` are disjoint.
    unsafe {
        solve(dl, el, 1, u.sub(0, 0, k, k), v.sub(0, 0, k + 1, k + 1))?;
        solve(
            &mut dr[1..],
            &mut er[1..],
            sqre,
            u.sub(k + 1, k + 1, nr, nr),
            v.sub(k + 1, k + 1, nr + sqre, nr + sqre),
        )?;
        merge(d, k, alpha, beta, sqre, u, v);
    }
    Ok(())
}

/// A small subproblem by implicit QR; an extra column is first chased out
/// with right rotations (so `B·G = [B' 0]`, `B'` square).
unsafe fn leaf<R: RealScalar>(
    d: &mut [R],
    e: &mut [R],
    sqre: usize,
    u: MatMut<R>,
    v: MatMut<R>,
) -> Result<(), usize> {
    let n = d.len();
    let nv = n + sqre;
    let eye = |k: usize| -> Vec<R> {
        (0..k * k)
            .map(|i| {
                if i % (k + 1) == 0 {
                    R::one()
                } else {
                    R::zero()
                }
            })
            .collect()
    };
    // Rows of `g` are the right basis after the chase: B = [B' 0]·g.
    let mut g = eye(nv);
    if sqre == 1 {
        let f = e[n - 1];
        e[n - 1] = R::zero();
        chase_column(d, &mut e[..n - 1], f, |j, c, s| {
            rot_rows(&mut g, nv, j, n, c, s)
        });
    }
    let (mut lt, mut rt) = (eye(n), eye(n));
    bidiagonal_qr(d, &mut e[..n - 1], Some((&mut lt, &mut rt)))?;
    for (i, x) in d.iter_mut().enumerate() {
        if *x < R::zero() {
            *x = -*x;
            rt[i * n..i * n + n].iter_mut().for_each(|y| *y = -*y);
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| d[a].partial_cmp(&d[b]).expect("finite singular values"));
    let sorted: Vec<R> = order.iter().map(|&i| d[i]).collect();
    d.copy_from_slice(&sorted);
    // B' = Ltᵀ·diag(d)·Rt, so U's columns are Lt's rows and V's columns the
    // rows of diag(Rt, 1)·g.
    for i in 0..n {
        // SAFETY: row `i` of the exclusive view.
        let row = unsafe { u.row(i) };
        for (c, &o) in order.iter().enumerate() {
            row[c] = lt[o * n + i];
        }
    }
    for r in 0..nv {
        // SAFETY: row `r` of the exclusive view.
        let row = unsafe { v.row(r) };
        for (c, &o) in order.iter().enumerate() {
            row[c] = (0..n).fold(R::zero(), |s, l| s + rt[o * n + l] * g[l * nv + r]);
        }
        if sqre == 1 {
            row[n] = g[n * nv + r];
        }
    }
    Ok(())
}

/// Merges the solved halves around row `k` (entries `alpha`, `beta`); see the
/// module docs. `d[..k]` and `d[k + 1..]` hold the halves' singular values,
/// `u` and `v` their vectors in the diagonal blocks.
unsafe fn merge<R: RealScalar>(
    d: &mut [R],
    k: usize,
    alpha: R,
    beta: R,
    sqre: usize,
    u: MatMut<R>,
    v: MatMut<R>,
) {
    let n = d.len();
    let nv = n + sqre;
    // SAFETY (whole body): every index is inside the views, which are
    // exclusive; the work buffers are separate allocations.
    unsafe {
        // z: row k of B in the halves' right vectors. Column k of v is B₁'s
        // null vector, which also makes column k the D = 0 slot; column k of
        // u becomes the unit vector of row k.
        let mut z: Vec<R> = (0..n)
            .map(|c| {
                if c <= k {
                    alpha * *v.at(k, c)
                } else {
                    beta * *v.at(k + 1, c)
                }
            })
            .collect();
        let mut dd = d.to_vec();
        dd[k] = R::zero();
        *u.at(k, k) = R::one();
        let side = |c: usize| {
            if c <= k {
                Support::Top
            } else {
                Support::Bottom
            }
        };
        let mut usup: Vec<Support> = (0..n).map(side).collect();
        let mut vsup = usup.clone();
        if sqre == 1 {
            // Fold B₂'s null vector into the D = 0 slot; what is left of the
            // pair is B's null vector (column n).
            let zx = beta * *v.at(k + 1, n);
            let r = hypot(z[k], zx);
            if r != R::zero() {
                rot_cols(v, k, n, z[k] / r, -zx / r);
                z[k] = r;
                vsup[k] = Support::Both;
            }
        }
        let scale = dd.iter().chain(&z).fold(R::zero(), |s, x| s.max(x.abs()));
        if scale == R::zero() {
            // B = 0 here: every singular value is zero, the vectors are fine.
            d.fill(R::zero());
            return;
        }
        dd.iter_mut().for_each(|x| *x /= scale);
        z.iter_mut().for_each(|x| *x /= scale);
        let tol = R::from_f64_real(8.0) * R::epsilon();

        // Deflation among the halves' singular values; the D = 0 slot stays
        // (a z₀ below tol is raised to tol, a backward perturbation).
        let mut order: Vec<usize> = (0..n).filter(|&c| c != k).collect();
        order.sort_by(|&a, &b| dd[a].partial_cmp(&dd[b]).expect("finite singular values"));
        let (rest, deflated) = deflate(&order, &mut dd, &mut z, tol, tol, |p, j, c, s| {
            rot_cols(u, p, j, c, s);
            rot_cols(v, p, j, c, s);
            for sup in [&mut usup, &mut vsup] {
                if sup[p] != sup[j] {
                    sup[p] = Support::Both;
                    sup[j] = Support::Both;
                }
            }
        });
        if z[k].abs() <= tol {
            z[k] = tol;
        }
        let mut kept = Vec::with_capacity(rest.len() + 1);
        kept.push(k);
        kept.extend(rest);
        // Keep the smallest pole apart from the zero one (perturbs B by ≤ tol).
        let half_tol = tol * R::from_f64_real(0.5);
        if kept.len() > 1 && dd[kept[1]] <= half_tol {
            dd[kept[1]] = half_tol;
        }

        let kk = kept.len();
        let ds: Vec<R> = kept.iter().map(|&c| dd[c] * dd[c]).collect();
        let zs: Vec<R> = kept.iter().map(|&c| z[c]).collect();
        // delta[j·kk + i] = Dᵢ² − σⱼ², accurate through the roots' origins.
        let (lam, delta) = secular_roots(&ds, &zs, R::one());
        let zhat = loewner_z(&ds, &zs, &delta, R::one());
        let (mut um, mut vm) = (vec![R::zero(); kk * kk], vec![R::zero(); kk * kk]);
        for j in 0..kk {
            let (mut nu, mut nv2) = (R::one(), R::zero());
            um[j] = -R::one();
            for i in 0..kk {
                let x = zhat[i] / delta[j * kk + i];
                vm[i * kk + j] = x;
                nv2 += x * x;
                if i > 0 {
                    let y = dd[kept[i]] * x;
                    um[i * kk + j] = y;
                    nu += y * y;
                }
            }
            let (iu, iv) = (nu.sqrt().recip(), nv2.sqrt().recip());
            for i in 0..kk {
                um[i * kk + j] *= iu;
                vm[i * kk + j] *= iv;
            }
        }
        // New vectors: [secular columns | deflated columns], then sorted.
        let mut uo = vec![R::zero(); n * n];
        let mut vo = vec![R::zero(); nv * n];
        let uom = MatMut {
            ptr: uo.as_mut_ptr(),
            rows: n,
            cols: n,
            ld: n,
        };
        let vom = MatMut {
            ptr: vo.as_mut_ptr(),
            rows: nv,
            cols: n,
            ld: n,
        };
        update_vectors(u, k + 1, &kept, &usup, &um, uom.sub(0, 0, n, kk));
        update_vectors(v, k + 1, &kept, &vsup, &vm, vom.sub(0, 0, nv, kk));
        let mut vals: Vec<R> = lam.iter().map(|&l| l.sqrt() * scale).collect();
        for (t, &c) in deflated.iter().enumerate() {
            vals.push(dd[c] * scale);
            for i in 0..n {
                uo[i * n + kk + t] = *u.at(i, c);
            }
            for i in 0..nv {
                vo[i * n + kk + t] = *v.at(i, c);
            }
        }
        let mut fin: Vec<usize> = (0..n).collect();
        fin.sort_by(|&a, &b| {
            vals[a]
                .partial_cmp(&vals[b])
                .expect("finite singular values")
        });
        for (c, &s) in fin.iter().enumerate() {
            d[c] = vals[s];
        }
        for (buf, view, rows) in [(&uo, u, n), (&vo, v, nv)] {
            for i in 0..rows {
                let row = view.row(i);
                for (c, &s) in fin.iter().enumerate() {
                    row[c] = buf[i * n + s];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Max of `|B·V − U·Σ|`, `|UᵀU − I|`, `|VᵀV − I|` for [`bidiagonal_dc`].
    fn errors(d0: &[f64], e0: &[f64]) -> (f64, f64, Vec<f64>) {
        let n = d0.len();
        let mut d = d0.to_vec();
        let (mut u, mut v) = (vec![0.0; n * n], vec![0.0; n * n]);
        bidiagonal_dc(&mut d, e0, &mut u, &mut v).unwrap();
        assert!(d.windows(2).all(|w| w[0] <= w[1]) && d[0] >= 0.0);
        let (mut res, mut orth) = (0.0f64, 0.0f64);
        for c in 0..n {
            for i in 0..n {
                let mut bv = d0[i] * v[i * n + c];
                if i + 1 < n {
                    bv += e0[i] * v[(i + 1) * n + c];
                }
                res = res.max((bv - d[c] * u[i * n + c]).abs());
            }
            for c2 in 0..n {
                let id = if c == c2 { 1.0 } else { 0.0 };
                for m in [&u, &v] {
                    let dot: f64 = (0..n).map(|i| m[i * n + c] * m[i * n + c2]).sum();
                    orth = orth.max((dot - id).abs());
                }
            }
        }
        (res, orth, d)
    }

    fn check(name: &str, d0: Vec<f64>, e0: Vec<f64>) {
        let n = d0.len();
        let norm = d0.iter().chain(&e0).fold(0.0f64, |s, v| s.max(v.abs()));
        let (res, orth, d) = errors(&d0, &e0);
        let eps = f64::EPSILON;
        assert!(
            res <= 4.0 * eps * n as f64 * norm.max(1e-300),
            "{name} n={n}: residual {res:e}"
        );
        assert!(
            orth <= 4.0 * eps * n as f64,
            "{name} n={n}: orthogonality {orth:e}"
        );
        // Agreement with the QR path's singular values to O(nε‖B‖): squaring
        // the condition number would miss small ones by about ε‖B‖²/σ.
        let (mut dq, mut eq) = (d0.clone(), e0.clone());
        bidiagonal_qr(&mut dq, &mut eq, None).unwrap();
        let mut dq: Vec<f64> = dq.iter().map(|x| x.abs()).collect();
        dq.sort_by(|a, b| a.partial_cmp(b).unwrap());
        for (a, b) in d.iter().zip(&dq) {
            assert!(
                (a - b).abs() <= 4.0 * eps * n as f64 * norm,
                "{name} n={n}: {a} vs {b}"
            );
        }
    }

    #[test]
    fn random_graded_clustered_and_split_bidiagonals() {
        let mut seed = 2024u64;
        let mut rnd = move || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.5
        };
        for n in [33usize, 34, 65, 100, 201] {
            let d: Vec<f64> = (0..n).map(|_| rnd()).collect();
            let e: Vec<f64> = (0..n - 1).map(|_| rnd()).collect();
            check("random", d, e);
            let g = |i: usize| 10f64.powf(-20.0 * i as f64 / n as f64);
            check(
                "graded",
                (0..n).map(g).collect(),
                (0..n - 1).map(|i| 0.5 * g(i)).collect(),
            );
            check("ones", vec![1.0; n], vec![1.0; n - 1]);
            check("identity", vec![1.0; n], vec![0.0; n - 1]);
            let d: Vec<f64> = (0..n).map(|i| (i % 3) as f64).collect();
            let e: Vec<f64> = (0..n - 1)
                .map(|i| if i % 7 == 0 { 0.0 } else { 1e-3 })
                .collect();
            check("split, zero diagonal", d, e);
        }
        check("zero", vec![0.0; 40], vec![0.0; 39]);
    }
}
