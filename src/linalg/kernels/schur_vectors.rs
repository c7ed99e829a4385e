//! Eigenvectors of an upper (quasi-)triangular Schur form by
//! back-substitution, with perturbed tiny pivots (defective and
//! near-defective matrices) and rescaling against overflow, as LAPACK's
//! `trevc` does (Golub & Van Loan, *Matrix Computations*, §7.6.4).
//!
//! The Schur form is given in complex arithmetic (a real quasi-triangular
//! `T` converted entry by entry), with its diagonal blocks (`start`,
//! `size ∈ {1, 2}`); each eigenvector is computed for one block and one of
//! its eigenvalues.

use crate::linalg::util::div;
use crate::linalg::{RealScalar, Scalar};
use num_traits::{Float, One, Zero};

/// Diagonal blocks of a quasi-triangular `t` (`n × n`, row-major): a block
/// of size 2 wherever the subdiagonal is nonzero.
pub(crate) fn blocks<T: Scalar>(t: &[T], n: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(n);
    let mut j = 0;
    while j < n {
        if j + 1 < n && t[(j + 1) * n + j] != T::zero() {
            out.push((j, 2));
            j += 2;
        } else {
            out.push((j, 1));
            j += 1;
        }
    }
    out
}

/// `p` or, if `|p|` is below `smin`, `smin` (keeps the substitution finite
/// when an eigenvalue is repeated).
fn pivot<C: Scalar>(p: C, smin: C::Real) -> C {
    if p.abs1() < smin {
        C::from_real(smin)
    } else {
        p
    }
}

/// The right eigenvector `x` (`(T − λ)·x = 0`, zero below block `b`) of the
/// eigenvalue `lambda` of diagonal block `blocks[b]`, not normalised.
pub(crate) fn eigenvector<C: Scalar>(
    t: &[C],
    n: usize,
    blocks: &[(usize, usize)],
    b: usize,
    lambda: C,
) -> Vec<C> {
    let eps = C::Real::epsilon();
    let small = C::Real::min_positive_value() * C::Real::from_f64_real(n as f64) / eps;
    let smin = (eps * lambda.abs1()).max(small);
    let big = C::Real::max_value().sqrt();
    let mut x = vec![C::zero(); n];
    let (j, size) = blocks[b];
    let last = j + size;
    if size == 1 {
        x[j] = C::one();
    } else {
        let (a, bb, c, d) = (
            t[j * n + j],
            t[j * n + j + 1],
            t[(j + 1) * n + j],
            t[(j + 1) * n + j + 1],
        );
        if bb.abs1() + (a - lambda).abs1() >= c.abs1() + (d - lambda).abs1() {
            x[j] = bb;
            x[j + 1] = lambda - a;
        } else {
            x[j] = lambda - d;
            x[j + 1] = c;
        }
    }
    let rescale = |x: &mut [C], f: C::Real| {
        for v in x.iter_mut() {
            *v = v.scale_real(f);
        }
    };
    for &(r, sz) in blocks[..b].iter().rev() {
        let dot = |x: &[C], row: usize| {
            let tr = &t[row * n..row * n + last];
            (r + sz..last).fold(C::zero(), |s, c| s + tr[c] * x[c])
        };
        if sz == 1 {
            let rhs = -dot(&x, r);
            let p = pivot(t[r * n + r] - lambda, smin);
            x[r] = div(rhs, p);
        } else {
            let r1 = -dot(&x, r);
            let r2 = -dot(&x, r + 1);
            let (a, bb, c, d) = (
                t[r * n + r] - lambda,
                t[r * n + r + 1],
                t[(r + 1) * n + r],
                t[(r + 1) * n + r + 1] - lambda,
            );
            // Gaussian elimination with partial pivoting on the 2 × 2 system.
            let (x0, x1) = if a.abs1() >= c.abs1() {
                let a = pivot(a, smin);
                let m = div(c, a);
                let d2 = pivot(d - m * bb, smin);
                let x1 = div(r2 - m * r1, d2);
                (div(r1 - bb * x1, a), x1)
            } else {
                let m = div(a, c);
                let b2 = pivot(bb - m * d, smin);
                let x1 = div(r1 - m * r2, b2);
                (div(r2 - d * x1, c), x1)
            };
            x[r] = x0;
            x[r + 1] = x1;
        }
        let m = x[r..r + sz]
            .iter()
            .fold(C::Real::zero(), |s, v| s.max(v.abs1()));
        if m > big {
            rescale(&mut x[r..last], C::Real::one() / m);
        }
    }
    x
}

/// Left eigenvector `y` (`yᴴ·T = λ·yᴴ`) of block `blocks[b]`: the right
/// eigenvector of the flipped conjugate transpose `P·Tᴴ·P` (`P` reverses
/// the order), which is upper quasi-triangular, for `λ̄`.
pub(crate) fn left_eigenvectors<C: Scalar>(
    t: &[C],
    n: usize,
    blocks: &[(usize, usize)],
    lambdas: &[(usize, C)],
) -> Vec<Vec<C>> {
    let mut f = vec![C::zero(); n * n];
    for i in 0..n {
        for j in 0..n {
            f[i * n + j] = t[(n - 1 - j) * n + (n - 1 - i)].conj();
        }
    }
    let flipped: Vec<(usize, usize)> = blocks.iter().rev().map(|&(s, z)| (n - s - z, z)).collect();
    let nb = blocks.len();
    lambdas
        .iter()
        .map(|&(b, lambda)| {
            let x = eigenvector(&f, n, &flipped, nb - 1 - b, lambda.conj());
            x.into_iter().rev().collect()
        })
        .collect()
}
