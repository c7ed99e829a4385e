//! Reordering of a Schur form `A = Z·T·Zᴴ` by orthogonal swaps of adjacent
//! diagonal blocks, so that selected eigenvalues lead (LAPACK's `trsen`).
//!
//! Complex triangular forms swap two diagonal entries with one Givens
//! rotation. Real quasi-triangular forms swap 1 × 1 / 2 × 2 blocks by the
//! direct method of Bai & Demmel (1993): solve the small Sylvester equation
//! `T₁₁·X − X·T₂₂ = T₁₂`, then the orthogonal factor of `[X; −I]` swaps the
//! blocks; a swap whose result is not triangular to working accuracy is
//! refused (ill-conditioned eigenvalues), as LAPACK does.

use super::francis::{apply_std2, givens, rot_cols, rot_rows, std2};
use super::hessenberg::reflector;
use crate::linalg::{RealScalar, Scalar};

/// Swaps the diagonal entries `k`, `k+1` of the upper-triangular `t`.
fn swap_complex<C: Scalar>(t: &mut [C], n: usize, k: usize, z: &mut [C]) {
    let (a, d) = (t[k * n + k], t[(k + 1) * n + k + 1]);
    if a == d {
        return;
    }
    // The first new basis vector is the eigenvector (t[k, k+1], d − a) of d.
    let (c, s, _) = givens(t[k * n + k + 1], d - a);
    rot_rows(t, n, k, k..n, c, s);
    rot_cols(t, n, k, 0..k + 2, c, s);
    rot_cols(z, n, k, 0..n, c, s);
    t[(k + 1) * n + k] = C::zero();
    t[k * n + k] = d;
    t[(k + 1) * n + k + 1] = a;
}

/// Moves the entries with `select[i]` to the top of the complex triangular
/// Schur form, keeping the relative order; returns their number.
pub(crate) fn reorder_complex<C: Scalar>(
    t: &mut [C],
    n: usize,
    z: &mut [C],
    select: &[bool],
) -> usize {
    let mut ks = 0;
    for (k, &sel) in select.iter().enumerate().take(n) {
        if sel {
            for j in (ks..k).rev() {
                swap_complex(t, n, j, z);
            }
            ks += 1;
        }
    }
    ks
}

/// Solves the `p·q ≤ 4` unknowns of `T₁₁·X − X·T₂₂ = T₁₂` (blocks of the
/// `m × m` row-major `b`, `m = p + q`).
fn sylvester<R: RealScalar>(b: &[R], p: usize, q: usize) -> Vec<R> {
    let m = p + q;
    let k = p * q;
    let mut a = vec![R::zero(); k * k];
    let mut rhs = vec![R::zero(); k];
    for i in 0..p {
        for l in 0..q {
            let row = i * q + l;
            rhs[row] = b[i * m + p + l];
            for mm in 0..p {
                a[row * k + mm * q + l] += b[i * m + mm];
            }
            for mm in 0..q {
                a[row * k + i * q + mm] -= b[(p + mm) * m + p + l];
            }
        }
    }
    solve_small(a, rhs)
}

/// Solves the small dense system `a·x = rhs` (`a` row-major `k × k`) by
/// Gaussian elimination with complete pivoting, tiny pivots perturbed.
pub(crate) fn solve_small<R: RealScalar>(mut a: Vec<R>, mut rhs: Vec<R>) -> Vec<R> {
    let k = rhs.len();
    let norm = a.iter().fold(R::zero(), |s, v| s.max(v.abs()));
    let smin = (R::epsilon() * norm).max(R::min_positive_value());
    let mut colperm: Vec<usize> = (0..k).collect();
    for c in 0..k {
        // Complete pivoting.
        let (mut pr, mut pc, mut best) = (c, c, R::zero());
        for r in c..k {
            for cc in c..k {
                if a[r * k + cc].abs() > best {
                    (pr, pc, best) = (r, cc, a[r * k + cc].abs());
                }
            }
        }
        for j in 0..k {
            a.swap(c * k + j, pr * k + j);
        }
        rhs.swap(c, pr);
        for r in 0..k {
            a.swap(r * k + c, r * k + pc);
        }
        colperm.swap(c, pc);
        if a[c * k + c].abs() < smin {
            a[c * k + c] = smin;
        }
        for r in c + 1..k {
            let f = a[r * k + c] / a[c * k + c];
            for j in c..k {
                let v = a[c * k + j];
                a[r * k + j] -= f * v;
            }
            let v = rhs[c];
            rhs[r] -= f * v;
        }
    }
    let mut y = vec![R::zero(); k];
    for c in (0..k).rev() {
        let s = (c + 1..k).fold(rhs[c], |s, j| s - a[c * k + j] * y[j]);
        y[c] = s / a[c * k + c];
    }
    let mut x = vec![R::zero(); k];
    for (c, &v) in colperm.iter().zip(&y) {
        x[*c] = v;
    }
    x
}

/// An orthogonal `m × m` matrix (`m = p + q`, row-major) whose first `q`
/// columns span `[X; −I]` (`X` is `p × q`): the Householder QR of that stack.
pub(crate) fn orth_basis<R: RealScalar>(x: &[R], p: usize, q: usize) -> Vec<R> {
    let m = p + q;
    let mut s = vec![R::zero(); m * q];
    for i in 0..p {
        for l in 0..q {
            s[i * q + l] = x[i * q + l];
        }
    }
    for l in 0..q {
        s[(p + l) * q + l] = -R::one();
    }
    let mut refl = Vec::new();
    for c in 0..q {
        let mut v: Vec<R> = (c..m).map(|r| s[r * q + c]).collect();
        let tau = reflector(&mut v);
        v[0] = R::one();
        for cc in c + 1..q {
            let d = (c..m).fold(R::zero(), |acc, r| acc + v[r - c] * s[r * q + cc]) * tau;
            for r in c..m {
                s[r * q + cc] -= d * v[r - c];
            }
        }
        refl.push((c, tau, v));
    }
    let mut qm = vec![R::zero(); m * m];
    for i in 0..m {
        qm[i * m + i] = R::one();
    }
    for (c, tau, v) in refl.iter().rev() {
        for col in 0..m {
            let d = (*c..m).fold(R::zero(), |acc, r| acc + v[r - c] * qm[r * m + col]) * *tau;
            for r in *c..m {
                qm[r * m + col] -= d * v[r - c];
            }
        }
    }
    qm
}

/// Swaps the adjacent blocks of sizes `p` and `q` starting at row `j` of
/// the real quasi-triangular `t`; `false` (and nothing changed) if the swap
/// would not be accurate.
fn swap_real<R: RealScalar>(
    t: &mut [R],
    n: usize,
    j: usize,
    p: usize,
    q: usize,
    z: &mut [R],
) -> bool {
    let m = p + q;
    let blk: Vec<R> = (0..m * m).map(|e| t[(j + e / m) * n + j + e % m]).collect();
    let x = sylvester(&blk, p, q);
    let qm = orth_basis(&x, p, q);
    // Trial on the block: Qᵀ·B·Q must be block upper triangular.
    let mul = |l: &[R], r: &[R], lt: bool| -> Vec<R> {
        (0..m * m)
            .map(|e| {
                let (i, k) = (e / m, e % m);
                (0..m).fold(R::zero(), |acc, h| {
                    let lv = if lt { l[h * m + i] } else { l[i * m + h] };
                    acc + lv * r[h * m + k]
                })
            })
            .collect()
    };
    let d = mul(&qm, &mul(&blk, &qm, false), true);
    let bnorm = blk.iter().fold(R::zero(), |acc, v| acc.max(v.abs()));
    let mut resid = R::zero();
    for i in q..m {
        for k in 0..q {
            resid = resid.max(d[i * m + k].abs());
        }
    }
    let tol = R::from_f64_real(10.0) * R::epsilon() * bnorm.max(R::min_positive_value());
    if resid > tol {
        return false;
    }
    // Apply to the whole of T and Z.
    let mut tmp = vec![R::zero(); m];
    for col in j..n {
        for i in 0..m {
            tmp[i] = (0..m).fold(R::zero(), |acc, h| {
                acc + qm[h * m + i] * t[(j + h) * n + col]
            });
        }
        for i in 0..m {
            t[(j + i) * n + col] = tmp[i];
        }
    }
    let cols = |mat: &mut [R], rows: usize, tmp: &mut [R]| {
        for r in 0..rows {
            for k in 0..m {
                tmp[k] = (0..m).fold(R::zero(), |acc, h| acc + mat[r * n + j + h] * qm[h * m + k]);
            }
            mat[r * n + j..r * n + j + m].copy_from_slice(tmp);
        }
    };
    cols(t, j + m, &mut tmp);
    cols(z, n, &mut tmp);
    for i in q..m {
        for k in 0..q {
            t[(j + i) * n + j + k] = R::zero();
        }
    }
    for (start, size) in [(j, q), (j + q, p)] {
        if size == 2 {
            let i = start;
            let s = std2(
                t[i * n + i],
                t[i * n + i + 1],
                t[(i + 1) * n + i],
                t[(i + 1) * n + i + 1],
            );
            apply_std2(t, n, i, &s, 0, n - 1, Some(&mut *z));
        }
    }
    true
}

/// Moves the blocks whose flag is set to the top of the real
/// quasi-triangular Schur form (keeping their order); returns the number of
/// eigenvalues moved, or `Err(())` if a swap was refused.
pub(crate) fn reorder_real<R: RealScalar>(
    t: &mut [R],
    n: usize,
    z: &mut [R],
    flags: &[(usize, bool)],
) -> Result<usize, ()> {
    // Current order of (size, flag).
    let mut list: Vec<(usize, bool)> = flags.to_vec();
    let mut ks = 0; // index in `list` where the next selected block goes
    let mut bi = 0;
    let mut sdim = 0;
    while bi < list.len() {
        if list[bi].1 {
            let mut cur = bi;
            while cur > ks {
                let start: usize = list[..cur - 1].iter().map(|b| b.0).sum();
                let (p, q) = (list[cur - 1].0, list[cur].0);
                if !swap_real(t, n, start, p, q, z) {
                    return Err(());
                }
                list.swap(cur - 1, cur);
                cur -= 1;
            }
            sdim += list[ks].0;
            ks += 1;
        }
        bi += 1;
    }
    Ok(sdim)
}
