//! The real QZ algorithm (Moler & Stewart 1973; Golub & Van Loan,
//! *Matrix Computations*, §7.7): implicit double-shift sweeps on a real
//! Hessenberg-triangular pair, giving the real generalized Schur form
//! `A = Q·S·Zᵀ`, `B = Q·P·Zᵀ` with `S` upper quasi-triangular and `P` upper
//! triangular. As LAPACK's `gges`, each 2 × 2 block of `S` holds a
//! complex-conjugate pair and the matching block of `P` is diagonal and
//! positive; `P`'s other diagonal entries are non-negative.
//!
//! Reordering swaps adjacent 1 × 1 / 2 × 2 blocks of the pencil by the direct
//! method of Kågström (1993): the generalized Sylvester equation
//! `S₁₁·R − L·S₂₂ = −S₁₂`, `P₁₁·R − L·P₂₂ = −P₁₂` gives the deflating
//! subspaces `[R; I]` (right) and `[L; I]` (left) of the second block, whose
//! orthogonal completions swap the blocks. A swap failing the weak test (the
//! new subdiagonal block is negligible) or the strong test (the swapped form
//! reproduces the old block) is refused, as in LAPACK's `tgex2`.

use super::qz::{Active, chase_infinite, deflate_one};
use super::reorder::{orth_basis, solve_small};
use super::schur_vectors::blocks;
use crate::linalg::RealScalar;
use num_complex::Complex;
use std::ops::Range;

/// A plane rotation `G = [[c, s], [−s, c]]`.
#[derive(Clone, Copy)]
struct Rot<R> {
    c: R,
    s: R,
}

impl<R: RealScalar> Rot<R> {
    /// `G` with `G·(x, y)ᵀ = (hypot(x, y), 0)ᵀ`.
    fn new(x: R, y: R) -> Self {
        let r = x.hypot(y);
        if r == R::zero() {
            Rot {
                c: R::one(),
                s: R::zero(),
            }
        } else {
            Rot { c: x / r, s: y / r }
        }
    }

    /// Rows `a`, `b` of the `n`-column `m`, columns `cols`: `rows ← G·rows`.
    fn rows(self, m: &mut [R], n: usize, a: usize, b: usize, cols: Range<usize>) {
        for j in cols {
            let (x, y) = (m[a * n + j], m[b * n + j]);
            m[a * n + j] = self.c * x + self.s * y;
            m[b * n + j] = self.c * y - self.s * x;
        }
    }

    /// Columns `a`, `b` of `m`, rows `rows`: `columns ← columns·Gᵀ`.
    fn cols(self, m: &mut [R], n: usize, a: usize, b: usize, rows: Range<usize>) {
        for r in rows {
            let (x, y) = (m[r * n + a], m[r * n + b]);
            m[r * n + a] = self.c * x + self.s * y;
            m[r * n + b] = self.c * y - self.s * x;
        }
    }
}

/// The pair `(s, p)` being reduced and the accumulated `q`, `z`, all
/// row-major `n × n`; every update keeps `A = Q·S·Zᵀ`, `B = Q·P·Zᵀ`.
pub(crate) struct RealPencil<'a, R> {
    pub s: &'a mut [R],
    pub p: &'a mut [R],
    pub q: &'a mut [R],
    pub z: &'a mut [R],
    pub n: usize,
}

impl<R: RealScalar> RealPencil<'_, R> {
    /// `G` from the left on rows `a`, `b` (columns `from..`), `Q ← Q·Gᵀ`.
    fn left(&mut self, g: Rot<R>, a: usize, b: usize, from: usize) {
        let n = self.n;
        g.rows(self.s, n, a, b, from..n);
        g.rows(self.p, n, a, b, from..n);
        g.cols(self.q, n, a, b, 0..n);
    }

    /// `Gᵀ` from the right on columns `a`, `b` (rows `..rows`), `Z ← Z·Gᵀ`.
    fn right(&mut self, g: Rot<R>, a: usize, b: usize, rows: usize) {
        let n = self.n;
        let rows = rows.min(n);
        g.cols(self.s, n, a, b, 0..rows);
        g.cols(self.p, n, a, b, 0..rows);
        g.cols(self.z, n, a, b, 0..n);
    }

    /// Negates column `k` of `s`, `p` and `z`.
    fn flip(&mut self, k: usize) {
        let n = self.n;
        for r in 0..(k + 2).min(n) {
            self.s[r * n + k] = -self.s[r * n + k];
            self.p[r * n + k] = -self.p[r * n + k];
        }
        for r in 0..n {
            self.z[r * n + k] = -self.z[r * n + k];
        }
    }

    /// Makes `p[k, k]` non-negative.
    fn fix_sign(&mut self, k: usize) {
        if self.p[k * self.n + k] < R::zero() {
            self.flip(k);
        }
    }
}

/// Real QZ iteration on a Hessenberg-triangular pair, ending in the
/// standardised real generalized Schur form; `Err(iterations)` if the
/// budget (30 sweeps per eigenvalue) runs out.
pub(crate) fn qz_real<R: RealScalar>(pc: &mut RealPencil<R>) -> Result<(), usize> {
    let n = pc.n;
    let eps = R::epsilon();
    let safmin = R::min_positive_value();
    let fro = |m: &[R]| m.iter().fold(R::zero(), |s, v| s.hypot(*v));
    let btol = (eps * fro(pc.p)).max(safmin);
    let itmax = 30 * n.max(10);
    let (mut total, mut its, mut end) = (0, 0_usize, n);
    while end > 0 {
        let i = end - 1;
        // Negligible subdiagonal of s: split there.
        // Negligible next to its diagonal neighbours (LAPACK `hgeqz`'s local
        // test): a normwise test loses the small eigenvalues of graded pencils.
        let mut l = 0;
        for k in (1..=i).rev() {
            let near = pc.s[(k - 1) * n + k - 1].abs() + pc.s[k * n + k].abs();
            if pc.s[k * n + k - 1].abs() <= (eps * near).max(safmin) {
                pc.s[k * n + k - 1] = R::zero();
                l = k;
                break;
            }
        }
        if l == i {
            deflate_one(pc.s, pc.p, n, i, 0, Some(&mut *pc.z));
            end -= 1;
            its = 0;
            continue;
        }
        // A negligible diagonal entry of p: an infinite eigenvalue.
        if let Some(k) = (l..=i).find(|&k| pc.p[k * n + k].abs() <= btol) {
            let act = Active { l, i, i1: 0, i2: n };
            chase_infinite(pc.s, pc.p, n, act, k, Some(&mut *pc.q), Some(&mut *pc.z));
            continue;
        }
        if l + 1 == i {
            standardise(pc, l);
            end -= 2;
            its = 0;
            continue;
        }
        total += 1;
        if total > itmax {
            return Err(total - 1);
        }
        its += 1;
        sweep(pc, l, i, its.is_multiple_of(10));
    }
    Ok(())
}

/// One implicit double-shift sweep over the unreduced block `l..=i`
/// (`i ≥ l + 2`, `p`'s diagonal there nonzero). The shifts are the
/// eigenvalues of the trailing 2 × 2 pencil, or an ad hoc real pair on
/// `exceptional` sweeps.
fn sweep<R: RealScalar>(pc: &mut RealPencil<R>, l: usize, i: usize, exceptional: bool) {
    let n = pc.n;
    let mut x = {
        let (s, p) = (&*pc.s, &*pc.p);
        let at = |m: &[R], r: usize, c: usize| m[r * n + c];
        // Sum and product of the shifts.
        let (sum, prod) = if exceptional {
            let mu = at(s, i, i) / at(p, i, i)
                + R::from_f64_real(0.75) * (at(s, i, i - 1) / at(p, i - 1, i - 1)).abs();
            (mu + mu, mu * mu)
        } else {
            // M = S₂₂·P₂₂⁻¹ on the trailing 2 × 2 block.
            let (a, b, d) = (at(p, i - 1, i - 1), at(p, i - 1, i), at(p, i, i));
            let (h11, h12) = (at(s, i - 1, i - 1), at(s, i - 1, i));
            let (h21, h22) = (at(s, i, i - 1), at(s, i, i));
            let (m11, m21) = (h11 / a, h21 / a);
            let m12 = (h12 - h11 * b / a) / d;
            let m22 = (h22 - h21 * b / a) / d;
            (m11 + m22, m11 * m22 - m12 * m21)
        };
        // First column of (M − σ₁)(M − σ₂) for M = S·P⁻¹: with v = M·e₁
        // and w = P⁻¹·v, it is S·w − (σ₁ + σ₂)·v + σ₁σ₂·e₁.
        let (t11, t12, t22) = (at(p, l, l), at(p, l, l + 1), at(p, l + 1, l + 1));
        let (v1, v2) = (at(s, l, l) / t11, at(s, l + 1, l) / t11);
        let w2 = v2 / t22;
        let w1 = (v1 - t12 * w2) / t11;
        [
            at(s, l, l) * w1 + at(s, l, l + 1) * w2 - sum * v1 + prod,
            at(s, l + 1, l) * w1 + at(s, l + 1, l + 1) * w2 - sum * v2,
            at(s, l + 2, l + 1) * w2,
        ]
    };
    for k in l..i {
        let last = k + 1 == i;
        let from = if k > l { k - 1 } else { l };
        if k > l {
            let bulge = |r: usize| pc.s[r * n + k - 1];
            x = [
                bulge(k),
                bulge(k + 1),
                if last { R::zero() } else { bulge(k + 2) },
            ];
        }
        // Rows k..k+2: move x onto e₁.
        if !last {
            let g = Rot::new(x[1], x[2]);
            pc.left(g, k + 1, k + 2, from);
            x[1] = x[1].hypot(x[2]);
        }
        pc.left(Rot::new(x[0], x[1]), k, k + 1, from);
        if k > l {
            pc.s[(k + 1) * n + k - 1] = R::zero();
            if !last {
                pc.s[(k + 2) * n + k - 1] = R::zero();
            }
        }
        // Restore p's triangularity: zero p[k+2, k+1], then p[k+1, k], by
        // column rotations (these push the bulge of s one column on).
        let zero_col = |pc: &mut RealPencil<R>, r: usize, a: usize, b: usize| {
            let g = Rot::new(pc.p[r * n + b], -pc.p[r * n + a]);
            pc.right(g, a, b, b + 3);
            pc.p[r * n + a] = R::zero();
        };
        if !last {
            zero_col(pc, k + 2, k + 1, k + 2);
        }
        zero_col(pc, k + 1, k, k + 1);
    }
}

/// Rotations `(G_U, G_V)` with `G_U·B·G_Vᵀ` diagonal for the 2 × 2 `B`
/// (row-major): the angles of its singular value decomposition.
fn svd2<R: RealScalar>(b: [R; 4]) -> (Rot<R>, Rot<R>) {
    let half = R::from_f64_real(0.5);
    let (e, f) = ((b[0] + b[3]) * half, (b[0] - b[3]) * half);
    let (g, h) = ((b[2] + b[1]) * half, (b[2] - b[1]) * half);
    let (a1, a2) = (g.atan2(f), h.atan2(e));
    let (theta, phi) = ((a2 - a1) * half, (a2 + a1) * half);
    (
        Rot {
            c: phi.cos(),
            s: phi.sin(),
        },
        Rot {
            c: theta.cos(),
            s: -theta.sin(),
        },
    )
}

/// Standardises the 2 × 2 block at `j` (as LAPACK's `lagv2`): `p`'s block
/// is made diagonal; if the block's eigenvalues are real it is split into
/// two 1 × 1 blocks instead. `p`'s diagonal ends non-negative. Returns
/// whether the block stays 2 × 2 (a complex pair).
fn standardise<R: RealScalar>(pc: &mut RealPencil<R>, j: usize) -> bool {
    let n = pc.n;
    let j1 = j + 1;
    let block = |m: &[R]| [m[j * n + j], m[j * n + j1], m[j1 * n + j], m[j1 * n + j1]];
    let (gu, gv) = svd2(block(pc.p));
    pc.left(gu, j, j1, j);
    pc.right(gv, j, j1, j + 2);
    pc.p[j * n + j1] = R::zero();
    pc.p[j1 * n + j] = R::zero();
    // Scaled blocks (the scale changes neither the eigenvalues' kind nor the
    // null vectors below).
    let scaled = |m: [R; 4]| {
        let mx = m.iter().fold(R::zero(), |s, v| s.max(v.abs()));
        let f = if mx > R::zero() { mx.recip() } else { R::one() };
        (m.map(|v| v * f), mx)
    };
    let ([a11, a12, a21, a22], anorm) = scaled(block(pc.s));
    let ([b1, _, _, b2], bnorm) = scaled(block(pc.p));
    // det(A − λ·B) = b1·b2·λ² − c1·λ + c0.
    let c1 = a11 * b2 + a22 * b1;
    let c0 = a11 * a22 - a12 * a21;
    let d = a11 * b2 - a22 * b1;
    let disc = d * d + R::from_f64_real(4.0) * b1 * b2 * a12 * a21;
    if disc < R::zero() {
        pc.fix_sign(j);
        pc.fix_sign(j1);
        return true;
    }
    // Real eigenvalues: λ = α/β, the smaller root c0/qq, in a form that
    // stays finite when B is singular; for a double root (a discriminant at
    // rounding level next to its terms, c0 and qq then both noise) the mean
    // root c1/(2·b1·b2).
    let qq = (c1 + c1.signum() * disc.sqrt()) * R::from_f64_real(0.5);
    let terms = d * d + (R::from_f64_real(4.0) * b1 * b2 * a12 * a21).abs();
    let double = disc <= R::from_f64_real(8.0) * R::epsilon() * terms && b1 * b2 != R::zero();
    let (al, be) = if double {
        (c1, R::from_f64_real(2.0) * b1 * b2)
    } else if qq != R::zero() {
        (c0, qq)
    } else if c0 == R::zero() {
        (R::zero(), R::one())
    } else {
        (R::one(), R::zero())
    };
    // A null vector of β·A − α·B spans the first new column.
    let m = [be * a11 - al * b1, be * a12, be * a21, be * a22 - al * b2];
    let (u, v) = if m[0].hypot(m[1]) >= m[2].hypot(m[3]) {
        (m[0], m[1])
    } else {
        (m[2], m[3])
    };
    pc.right(Rot::new(-v, u), j, j1, j + 2);
    // A·z and B·z are parallel: rotate the better scaled one onto e₁.
    let col = |m: &[R]| (m[j * n + j], m[j1 * n + j]);
    let (sa, sb) = (col(pc.s), col(pc.p));
    let rel = |c: (R, R), nrm: R| {
        if nrm > R::zero() {
            c.0.hypot(c.1) / nrm
        } else {
            R::zero()
        }
    };
    let (x, y) = if rel(sa, anorm) >= rel(sb, bnorm) {
        sa
    } else {
        sb
    };
    pc.left(Rot::new(x, y), j, j1, j);
    pc.s[j1 * n + j] = R::zero();
    pc.p[j1 * n + j] = R::zero();
    pc.fix_sign(j);
    pc.fix_sign(j1);
    false
}

/// `(α, β)` of the standardised form, eigenvalues `α/β` in diagonal order;
/// a complex pair has `Im α > 0` first.
pub(crate) fn pencil_values<R: RealScalar>(
    s: &[R],
    p: &[R],
    n: usize,
) -> (Vec<Complex<R>>, Vec<R>) {
    let mut alpha = Vec::with_capacity(n);
    let mut beta = Vec::with_capacity(n);
    for (j, size) in blocks(s, n) {
        if size == 1 {
            alpha.push(Complex::new(s[j * n + j], R::zero()));
            beta.push(p[j * n + j]);
            continue;
        }
        let j1 = j + 1;
        let (b1, b2) = (p[j * n + j], p[j1 * n + j1]);
        let (m11, m12) = (s[j * n + j] / b1, s[j * n + j1] / b1);
        let (m21, m22) = (s[j1 * n + j] / b2, s[j1 * n + j1] / b2);
        let half = R::from_f64_real(0.5);
        let re = (m11 + m22) * half;
        let d = (m11 - m22) * half;
        let im = (-(d * d + m12 * m21)).max(R::zero()).sqrt();
        alpha.push(Complex::new(re * b1, im * b1));
        alpha.push(Complex::new(re * b2, -im * b2));
        beta.extend([b1, b2]);
    }
    (alpha, beta)
}

/// `x·y` (or `xᵀ·y`, `x·yᵀ` as flagged) for `m × m` row-major matrices.
fn mul<R: RealScalar>(m: usize, x: &[R], xt: bool, y: &[R], yt: bool) -> Vec<R> {
    let at = |v: &[R], t: bool, i: usize, k: usize| if t { v[k * m + i] } else { v[i * m + k] };
    (0..m * m)
        .map(|e| {
            (0..m).fold(R::zero(), |s, h| {
                s + at(x, xt, e / m, h) * at(y, yt, h, e % m)
            })
        })
        .collect()
}

/// Swaps the adjacent diagonal blocks of sizes `p1`, `q1` at `j`; returns
/// the block sizes now at `j` (the moved block) and after it (a 2 × 2 block
/// may split into two 1 × 1), or `None`, nothing changed, if the swap fails
/// the stability tests.
fn swap_blocks<R: RealScalar>(
    pc: &mut RealPencil<R>,
    j: usize,
    p1: usize,
    q1: usize,
) -> Option<(Vec<usize>, Vec<usize>)> {
    let n = pc.n;
    let m = p1 + q1;
    let blk = |x: &[R]| -> Vec<R> { (0..m * m).map(|e| x[(j + e / m) * n + j + e % m]).collect() };
    let (a, b) = (blk(pc.s), blk(pc.p));
    // Unknowns (R, L), each p1 × q1 row-major: X₁₁·R − L·X₂₂ = −X₁₂ for X = A, B.
    let k = p1 * q1;
    let mut mat = vec![R::zero(); 4 * k * k];
    let mut rhs = vec![R::zero(); 2 * k];
    for (e, x) in [&a, &b].into_iter().enumerate() {
        for i in 0..p1 {
            for c in 0..q1 {
                let row = e * k + i * q1 + c;
                rhs[row] = -x[i * m + p1 + c];
                for h in 0..p1 {
                    mat[row * 2 * k + h * q1 + c] += x[i * m + h];
                }
                for h in 0..q1 {
                    mat[row * 2 * k + k + i * q1 + h] -= x[(p1 + h) * m + p1 + c];
                }
            }
        }
    }
    let sol: Vec<R> = solve_small(mat, rhs).into_iter().map(|v| -v).collect();
    // First q1 columns span [R; I] (right) and [L; I] (left).
    let zm = orth_basis(&sol[..k], p1, q1);
    let qm = orth_basis(&sol[k..], p1, q1);
    let fro = |v: &[R]| v.iter().fold(R::zero(), |s, x| s.hypot(*x));
    let mut new = Vec::with_capacity(2);
    for x in [&a, &b] {
        let mut t = mul(m, &qm, true, &mul(m, x, false, &zm, false), false);
        let thresh = (R::from_f64_real(20.0) * R::epsilon() * fro(x)).max(R::min_positive_value());
        let mut weak = R::zero();
        for r in q1..m {
            for c in 0..q1 {
                weak = weak.hypot(t[r * m + c]);
                t[r * m + c] = R::zero();
            }
        }
        let back = mul(m, &qm, false, &mul(m, &t, false, &zm, true), false);
        let strong = fro(&back.iter().zip(x).map(|(u, v)| *u - *v).collect::<Vec<_>>());
        if weak > thresh || strong > thresh {
            return None;
        }
        new.push(t);
    }
    // Apply to the rest of the pencil and to q, z; write the blocks exactly.
    let mut tmp = vec![R::zero(); m];
    for mat in [&mut *pc.s, &mut *pc.p] {
        for col in j + m..n {
            for (i, v) in tmp.iter_mut().enumerate() {
                *v = (0..m).fold(R::zero(), |s, h| s + qm[h * m + i] * mat[(j + h) * n + col]);
            }
            for (i, v) in tmp.iter().enumerate() {
                mat[(j + i) * n + col] = *v;
            }
        }
    }
    let times = |mat: &mut [R], rows: usize, w: &[R], tmp: &mut [R]| {
        for r in 0..rows {
            for (c, v) in tmp.iter_mut().enumerate() {
                *v = (0..m).fold(R::zero(), |s, h| s + mat[r * n + j + h] * w[h * m + c]);
            }
            mat[r * n + j..r * n + j + m].copy_from_slice(tmp);
        }
    };
    times(pc.s, j, &zm, &mut tmp);
    times(pc.p, j, &zm, &mut tmp);
    times(pc.z, n, &zm, &mut tmp);
    times(pc.q, n, &qm, &mut tmp);
    for (mat, t) in [(&mut *pc.s, &new[0]), (&mut *pc.p, &new[1])] {
        for r in 0..m {
            mat[(j + r) * n + j..(j + r) * n + j + m].copy_from_slice(&t[r * m..r * m + m]);
        }
    }
    // Standardise the new diagonal blocks.
    let mut sizes = |start: usize, size: usize| -> Vec<usize> {
        if size == 1 {
            pc.fix_sign(start);
            vec![1]
        } else if standardise(pc, start) {
            vec![2]
        } else {
            vec![1, 1]
        }
    };
    let top = sizes(j, q1);
    let bottom = sizes(j + q1, p1);
    Some((top, bottom))
}

/// Moves the blocks with a selected eigenvalue to the top of the
/// standardised real generalized Schur form, keeping their order (a complex
/// pair moves if either of its eigenvalues is selected); returns the number
/// of eigenvalues moved, or `Err(())` if a swap was refused.
pub(crate) fn reorder_real_pencil<R: RealScalar>(
    pc: &mut RealPencil<R>,
    select: &[bool],
) -> Result<usize, ()> {
    let mut list: Vec<(usize, bool)> = blocks(pc.s, pc.n)
        .into_iter()
        .map(|(j, size)| (size, select[j..j + size].iter().any(|&x| x)))
        .collect();
    loop {
        let ks = list.iter().take_while(|b| b.1).count();
        let Some(bi) = (ks..list.len()).find(|&b| list[b].1) else {
            break;
        };
        let start = list[..bi - 1].iter().map(|b| b.0).sum();
        let (top, bottom) = swap_blocks(pc, start, list[bi - 1].0, list[bi].0).ok_or(())?;
        let moved = top.into_iter().map(|s| (s, true));
        list.splice(
            bi - 1..=bi,
            moved.chain(bottom.into_iter().map(|s| (s, false))),
        );
    }
    Ok(list.iter().filter(|b| b.1).map(|b| b.0).sum())
}
