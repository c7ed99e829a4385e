//! Eigenvectors of a real generalized Schur form `(S, P)` (`S` upper
//! quasi-triangular, `P` upper triangular, as [`super::qz_real`] leaves
//! them) by back-substitution, as LAPACK's `tgevc` does (Moler & Stewart
//! 1973; Golub & Van Loan, *Matrix Computations*, §7.7.8).
//!
//! The vector of the eigenvalue `λ = α/β` of diagonal block `k` solves
//! `(β·S − α·P)·x = 0` with `x` zero below the block: its top part spans
//! the null space of the block's own `2 × 2` (or `1 × 1`) pencil, the rest
//! follows block by block upwards. `S` and `P` stay real; a complex
//! eigenvalue's vector is kept as separate real and imaginary parts, so that
//! each row costs four real dot products (two for a real eigenvalue). Tiny
//! pivots (repeated eigenvalues) are perturbed and the growing vector is
//! rescaled against overflow. A complex pair's second vector is the
//! conjugate of the first.

use super::schur_vectors::blocks;
use super::simd::dot;
use crate::linalg::util::div;
use crate::linalg::{RealScalar, Scalar};
use num_complex::Complex;

/// Eigenvectors as `n × n` row-major real and imaginary parts: column `k`
/// belongs to eigenvalue `k` (in [`super::qz_real::pencil_values`] order).
pub(crate) type SplitVectors<R> = (Vec<R>, Vec<R>);

/// Right eigenvectors, `(β_k·S − α_k·P)·x_k = 0`, or with `left` the left
/// ones, `y_kᴴ·(β_k·S − α_k·P) = 0`; not normalised. The left vectors are
/// the right vectors of the flipped transposes `J·Sᵀ·J`, `J·Pᵀ·J` (`J`
/// reverses the order, keeping them upper quasi-triangular) for `ᾱ_k`,
/// reversed.
pub(crate) fn pencil_vectors<R: RealScalar>(
    s: &[R],
    p: &[R],
    n: usize,
    alpha: &[Complex<R>],
    beta: &[R],
    left: bool,
) -> SplitVectors<R>
where
    Complex<R>: Scalar<Real = R>,
{
    let flip = |m: &[R]| -> Vec<R> {
        (0..n * n)
            .map(|e| m[(n - 1 - e % n) * n + (n - 1 - e / n)])
            .collect()
    };
    let flipped;
    let (s, p) = if left {
        flipped = (flip(s), flip(p));
        (&flipped.0[..], &flipped.1[..])
    } else {
        (s, p)
    };
    let blk = blocks(s, n);
    let (mut re, mut im) = (vec![R::zero(); n * n], vec![R::zero(); n * n]);
    let mut x = Work::new(s, p, n);
    for (b, &(jb, size)) in blk.iter().enumerate() {
        // Column `j` of the result; the block's eigenvalue.
        let (j, al) = if left {
            let j = n - jb - size;
            (j, alpha[j].conj())
        } else {
            (jb, alpha[jb])
        };
        x.solve(&blk, b, al, beta[j]);
        for r in 0..n {
            let k = if left { n - 1 - r } else { r };
            let (xr, xi) = (x.re[k], x.im[k]);
            re[r * n + j] = xr;
            im[r * n + j] = xi;
            if size == 2 {
                re[r * n + j + 1] = xr;
                im[r * n + j + 1] = -xi;
            }
        }
    }
    (re, im)
}

/// The pencil, its norms and one vector being solved for.
struct Work<'a, R> {
    s: &'a [R],
    p: &'a [R],
    n: usize,
    /// Max-row-sum norms of `S` and `P`, for the pivot threshold.
    snorm: R,
    pnorm: R,
    re: Vec<R>,
    im: Vec<R>,
}

impl<'a, R: RealScalar> Work<'a, R>
where
    Complex<R>: Scalar<Real = R>,
{
    fn new(s: &'a [R], p: &'a [R], n: usize) -> Self {
        let norm = |m: &[R]| {
            (0..n).fold(R::zero(), |acc, r| {
                acc.max(
                    m[r * n..(r + 1) * n]
                        .iter()
                        .fold(R::zero(), |t, v| t + v.abs()),
                )
            })
        };
        Work {
            s,
            p,
            n,
            snorm: norm(s),
            pnorm: norm(p),
            re: vec![R::zero(); n],
            im: vec![R::zero(); n],
        }
    }

    /// `β·S[i, c] − α·P[i, c]`.
    fn entry(&self, i: usize, c: usize, alpha: Complex<R>, beta: R) -> Complex<R> {
        let n = self.n;
        Complex::new(beta * self.s[i * n + c], R::zero()) - alpha.scale_real(self.p[i * n + c])
    }

    /// Row `i` of `(β·S − α·P)·x` over the columns `from..to` already known.
    fn row(
        &self,
        i: usize,
        from: usize,
        to: usize,
        alpha: Complex<R>,
        beta: R,
        cplx: bool,
    ) -> Complex<R> {
        let n = self.n;
        let (sr, pr) = (
            &self.s[i * n + from..i * n + to],
            &self.p[i * n + from..i * n + to],
        );
        let (xr, xi) = (&self.re[from..to], &self.im[from..to]);
        let sx = Complex::new(dot(sr, xr), if cplx { dot(sr, xi) } else { R::zero() });
        let px = Complex::new(dot(pr, xr), if cplx { dot(pr, xi) } else { R::zero() });
        sx.scale_real(beta) - alpha * px
    }

    /// Solves for the vector of block `blk[b]` and eigenvalue `(α, β)` into
    /// `self.re`, `self.im`.
    fn solve(&mut self, blk: &[(usize, usize)], b: usize, alpha: Complex<R>, beta: R) {
        let eps = R::epsilon();
        let small = R::min_positive_value() * R::from_f64_real(self.n as f64) / eps;
        let smin = (eps * (alpha.norm() * self.pnorm + beta.abs() * self.snorm)).max(small);
        let big = R::max_value().sqrt();
        let pivot = |v: Complex<R>| {
            if v.abs1() < smin {
                Complex::new(smin, R::zero())
            } else {
                v
            }
        };
        let cplx = alpha.im != R::zero();
        self.re.iter_mut().for_each(|v| *v = R::zero());
        self.im.iter_mut().for_each(|v| *v = R::zero());
        let (j, size) = blk[b];
        let last = j + size;
        let set = |w: &mut Self, i: usize, v: Complex<R>| {
            w.re[i] = v.re;
            w.im[i] = v.im;
        };
        if size == 1 {
            self.re[j] = R::one();
        } else {
            // A null vector of the block's singular 2 × 2 pencil, from its
            // larger row.
            let m = |r: usize, c: usize| self.entry(j + r, j + c, alpha, beta);
            let (m11, m12, m21, m22) = (m(0, 0), m(0, 1), m(1, 0), m(1, 1));
            let (x0, x1) = if m11.abs1() + m12.abs1() >= m21.abs1() + m22.abs1() {
                (m12, -m11)
            } else {
                (m22, -m21)
            };
            set(self, j, x0);
            set(self, j + 1, x1);
        }
        for &(r, sz) in blk[..b].iter().rev() {
            let r1 = -self.row(r, r + sz, last, alpha, beta, cplx);
            if sz == 1 {
                let v = div(r1, pivot(self.entry(r, r, alpha, beta)));
                set(self, r, v);
            } else {
                let r2 = -self.row(r + 1, r + sz, last, alpha, beta, cplx);
                let m = |a: usize, c: usize| self.entry(r + a, r + c, alpha, beta);
                let (a, bb, c, d) = (m(0, 0), m(0, 1), m(1, 0), m(1, 1));
                // Gaussian elimination with partial pivoting on the 2 × 2 system.
                let (x0, x1) = if a.abs1() >= c.abs1() {
                    let a = pivot(a);
                    let f = div(c, a);
                    let x1 = div(r2 - f * r1, pivot(d - f * bb));
                    (div(r1 - bb * x1, a), x1)
                } else {
                    let f = div(a, c);
                    let x1 = div(r1 - f * r2, pivot(bb - f * d));
                    (div(r2 - d * x1, c), x1)
                };
                set(self, r, x0);
                set(self, r + 1, x1);
            }
            let m = (r..r + sz).fold(R::zero(), |acc, i| {
                acc.max(self.re[i].abs() + self.im[i].abs())
            });
            if m > big {
                let f = R::one() / m;
                for i in r..last {
                    self.re[i] *= f;
                    self.im[i] *= f;
                }
            }
        }
    }
}
