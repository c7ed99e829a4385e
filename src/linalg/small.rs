//! Small square matrices (order ≤ [`MAX`]): the LU front-end of `det`,
//! `slogdet`, `inv` and `solve`, and the real symmetric eigenproblem of
//! `eigh`/`eigvalsh`, on stack copies.
//!
//! At these orders the generic front-ends cost more than the arithmetic
//! (heap copies, a separate finiteness pass, pivot vectors, the blocked
//! kernels' work buffers, recursive triangular inversion), so here:
//! - the copy into a stack buffer checks finiteness in the same pass;
//! - the factorization is the crate's LU kernel (`getrf`, unblocked at
//!   these orders), so pivots, factors, determinants and `Error::Singular`
//!   are bit for bit those of the generic path;
//! - the inverse is one forward pass (`L⁻¹`, n³/3 flops) and one backward
//!   pass (`U⁻¹·L⁻¹`, n³ flops) on rows of the output;
//! - the symmetric eigenproblem is unblocked Householder tridiagonalization
//!   with `Qᵀ` formed explicitly, then the crate's implicit QR
//!   (`tridiagonal_qr`) rotating the rows of `Qᵀ` into the eigenvectors;
//!   eigenvalues alone take the same QR (bisection, the generic path's
//!   choice for eigenvalues only, costs more at these orders).
//!
//! [`MAX`] = 16 is the bound for "small" (and keeps the stack
//! buffers at 2 KiB for f64); the crossover has not been tuned above it.
//! Timings: docs/BENCHMARKS.md, "linalg small matrices".

use super::kernels::MatMut;
use super::kernels::eigh::tridiagonal_qr;
use super::kernels::lu::getrf;
use super::kernels::simd::dispatch;
use super::kernels::svd::reflector_slice;
use super::kernels::tridiagonal::ascending;
use super::util::{div, finite};
use super::{RealScalar, Scalar};
use crate::{Error, Result};
use ndarray::{Array1, Array2, ArrayRef2};

/// Eigenvalues, and eigenvectors when asked for.
pub(crate) type Spectrum<T> = (Array1<<T as Scalar>::Real>, Option<Array2<T>>);

/// The largest order taken by the stack paths.
pub(crate) const MAX: usize = 16;

/// Copies the square `a` (order n ≤ [`MAX`]) row-major into `dst` through
/// `f`; with `check`, fails as [`finite`] does on NaN or infinity, tested in
/// the same pass.
fn copy_map<T: Scalar, U>(
    name: &'static str,
    a: &ArrayRef2<T>,
    check: bool,
    dst: &mut [U],
    f: impl Fn(T) -> U,
) -> Result<()> {
    let mut ok = true;
    let n = a.ncols();
    match (a.as_slice(), a.t().as_slice()) {
        (Some(s), _) => {
            for (d, &v) in dst.iter_mut().zip(s) {
                ok &= v.is_finite_value();
                *d = f(v);
            }
        }
        (None, Some(s)) if n > 0 => {
            // Column-major `a`: transpose on the way.
            for (j, col) in s.chunks_exact(a.nrows()).enumerate() {
                for (i, &v) in col.iter().enumerate() {
                    ok &= v.is_finite_value();
                    dst[i * n + j] = f(v);
                }
            }
        }
        _ => {
            for (d, &v) in dst.iter_mut().zip(a.iter()) {
                ok &= v.is_finite_value();
                *d = f(v);
            }
        }
    }
    if check && !ok {
        finite(name, a)?; // the error message of the generic path
    }
    Ok(())
}

/// Runs `body(f, piv, zero)` on the LU factorization (`getrf`) of a
/// row-major stack copy of `a` (order n ≤ [`MAX`], already checked square):
/// `f` holds `L` and `U` (n × n), `piv` the row swaps, `zero` the first
/// exactly-zero pivot.
pub(crate) fn with_lu<T: Scalar, R>(
    name: &'static str,
    a: &ArrayRef2<T>,
    check: bool,
    body: impl FnOnce(&[T], &[usize], Option<usize>) -> R,
) -> Result<R> {
    let n = a.nrows();
    debug_assert!(n <= MAX && a.ncols() == n);
    let mut buf = [T::zero(); MAX * MAX];
    let mut piv = [0usize; MAX];
    let f = &mut buf[..n * n];
    copy_map(name, a, check, f, |v| v)?;
    // SAFETY: `f` is an exclusive n × n row-major buffer; `piv` has n entries.
    let zero = unsafe { getrf(MatMut::of(f, n.max(1)), &mut piv[..n]) };
    Ok(body(f, &piv[..n], zero))
}

/// `a⁻¹` from the factors of [`with_lu`] (no zero pivot).
pub(crate) fn inverse<T: Scalar>(f: &[T], piv: &[usize]) -> Array2<T> {
    let n = piv.len();
    let mut x = [T::zero(); MAX * MAX];
    invert(f, piv, &mut x);
    Array2::from_shape_fn((n, n), |(i, j)| x[i * MAX + j])
}

dispatch! {
    /// `a = Pᵀ·L·U` ⇒ `a⁻¹ = U⁻¹·L⁻¹·P`, into `x` (rows of [`MAX`] entries,
    /// zero on entry): `L⁻¹` row by row (row i is `eᵢ − Σ_{j<i} l_ij·(row j)`),
    /// then `U⁻¹·L⁻¹` from the bottom row up (row i is
    /// `(row i − Σ_{j>i} u_ij·(row j)) / u_ii`), then `P`'s column swaps in
    /// reverse order. Rows are handled whole (`MAX` entries, zeros past the
    /// order), which keeps each in registers.
    fn invert<T>(f: &[T], piv: &[usize], x: &mut [T]) -> () {
        let n = piv.len();
        for i in 0..n {
            let (done, rest) = x.split_at_mut(i * MAX);
            let mut acc = [T::zero(); MAX];
            acc[i] = T::one();
            for (j, row) in done.chunks_exact(MAX).enumerate() {
                let l = f[i * n + j];
                for (p, &q) in acc.iter_mut().zip(row) {
                    *p -= l * q;
                }
            }
            rest[..MAX].copy_from_slice(&acc);
        }
        for i in (0..n).rev() {
            let (head, done) = x.split_at_mut((i + 1) * MAX);
            let xi = &mut head[i * MAX..];
            let mut acc = [T::zero(); MAX];
            acc.copy_from_slice(xi);
            for (k, row) in done.chunks_exact(MAX).take(n - i - 1).enumerate() {
                let u = f[i * n + i + 1 + k];
                for (p, &q) in acc.iter_mut().zip(row) {
                    *p -= u * q;
                }
            }
            let r = div(T::one(), f[i * n + i]);
            for (p, &q) in xi.iter_mut().zip(&acc) {
                *p = q * r;
            }
        }
        for (i, &p) in piv.iter().enumerate().rev() {
            if i != p {
                for row in x.chunks_exact_mut(MAX).take(n) {
                    row.swap(i, p);
                }
            }
        }
    }
}

/// Eigenvalues (ascending) and, with `vectors`, orthonormal eigenvectors
/// (columns) of the real symmetric matrix held in the `lower` (else upper)
/// triangle of `a`, of order 1 ≤ n ≤ [`MAX`], already checked square. `T`
/// must be real.
pub(crate) fn eigh<T: Scalar>(
    a: &ArrayRef2<T>,
    lower: bool,
    check: bool,
    vectors: bool,
) -> Result<Spectrum<T>> {
    debug_assert!(!T::IS_COMPLEX);
    let n = a.nrows();
    debug_assert!((1..=MAX).contains(&n) && a.ncols() == n);
    let zero = <T::Real as num_traits::Zero>::zero();
    let mut s = [zero; MAX * MAX];
    copy_map("a", a, check, &mut s[..n * n], |v| v.re())?;
    for i in 0..n {
        for j in 0..i {
            let (lo, up) = (i * n + j, j * n + i);
            if lower {
                s[up] = s[lo];
            } else {
                s[lo] = s[up];
            }
        }
    }
    let (mut d, mut e) = ([zero; MAX], [zero; MAX]);
    let mut z = [zero; MAX * MAX];
    tridiagonalize(
        &mut s[..n * n],
        &mut d[..n],
        &mut e[..n],
        vectors,
        &mut z[..n * n],
    );
    let zs = vectors.then_some(&mut z[..n * n]);
    tridiagonal_qr(&mut d[..n], &mut e[..n - 1], zs).map_err(|it| Error::NotConverged {
        iterations: it,
        residual: e[..n - 1]
            .iter()
            .fold(0.0, |m, v| m.max(v.modulus().to_f64_real())),
    })?;
    // Stable insertion sort of the eigenvalue indices.
    let mut order = [0usize; MAX];
    for i in 0..n {
        let mut k = i;
        while k > 0 && ascending(d[order[k - 1]], d[i]).is_gt() {
            order[k] = order[k - 1];
            k -= 1;
        }
        order[k] = i;
    }
    let order = &order[..n];
    let w = Array1::from_iter(order.iter().map(|&k| d[k]));
    let v =
        vectors.then(|| Array2::from_shape_fn((n, n), |(r, c)| T::from_real(z[order[c] * n + r])));
    Ok((w, v))
}

/// Dispatches to an AVX2 compilation of `tridiagonalize_body` when the CPU
/// has it (the rank-2 updates and dot products on rows of ≤ 16 entries are
/// most of the work), as [`super::kernels::simd`] does.
fn tridiagonalize<R: RealScalar>(
    s: &mut [R],
    d: &mut [R],
    e: &mut [R],
    vectors: bool,
    qt: &mut [R],
) {
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    fn avx2<R: RealScalar>(s: &mut [R], d: &mut [R], e: &mut [R], vectors: bool, qt: &mut [R]) {
        tridiagonalize_body(s, d, e, vectors, qt)
    }
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") {
        // SAFETY: the CPU supports AVX2 (checked just above).
        return unsafe { avx2(s, d, e, vectors, qt) };
    }
    tridiagonalize_body(s, d, e, vectors, qt)
}

/// Reduces the full symmetric `s` (n × n, row-major) to tridiagonal form
/// `T = Qᵀ·s·Q`: diagonal into `d` (n), subdiagonal into `e[..n − 1]`, and
/// with `vectors` `Qᵀ` into `qt` (n × n). Reflector `k` annihilates row `k`
/// right of the superdiagonal (the same as column `k` below the
/// subdiagonal: both triangles are kept current), and stays there.
#[inline(always)]
fn tridiagonalize_body<R: RealScalar>(
    s: &mut [R],
    d: &mut [R],
    e: &mut [R],
    vectors: bool,
    qt: &mut [R],
) {
    let n = d.len();
    let half = R::from_f64_real(0.5);
    let mut tau = [R::zero(); MAX];
    let (mut p, mut v) = ([R::zero(); MAX], [R::zero(); MAX]);
    for k in 0..n.saturating_sub(1) {
        let m = n - k - 1;
        d[k] = s[k * n + k];
        let (head, tail) = s.split_at_mut((k + 1) * n);
        let x = &mut head[k * n + k + 1..];
        let t = reflector_slice(x);
        e[k] = x[0];
        tau[k] = t;
        if t == R::zero() {
            continue;
        }
        v[0] = R::one();
        v[1..m].copy_from_slice(&x[1..]);
        let v = &v[..m];
        // p = τ·A₂₂·v, then w = p − ½·τ·(pᵀ·v)·v, and A₂₂ ← A₂₂ − v·wᵀ − w·vᵀ.
        let a22 = |i: usize| i * n + k + 1..i * n + n;
        for (i, pi) in p[..m].iter_mut().enumerate() {
            *pi = t * dot(&tail[a22(i)], v);
        }
        let alpha = -(half * t * dot(&p[..m], v));
        for (pi, &vi) in p[..m].iter_mut().zip(v) {
            *pi += alpha * vi;
        }
        let w = &p[..m];
        for i in 0..m {
            let (vi, wi) = (v[i], w[i]);
            for ((a, &vj), &wj) in tail[a22(i)].iter_mut().zip(v).zip(w) {
                *a -= vi * wj + wi * vj;
            }
        }
    }
    d[n - 1] = s[n * n - 1];
    if !vectors {
        return;
    }
    // Qᵀ = H_{n−2}···H₀ accumulated from the right, starting from H_{n−2}:
    // before H_k is applied the product is the identity outside rows and
    // columns k + 2.., so only rows k + 1.. and columns k + 1.. change.
    qt.fill(R::zero());
    qt.iter_mut().step_by(n + 1).for_each(|q| *q = R::one());
    for k in (0..n.saturating_sub(1)).rev() {
        let t = tau[k];
        if t == R::zero() {
            continue;
        }
        let m = n - k - 1;
        let mut u = [R::zero(); MAX];
        u[0] = R::one();
        u[1..m].copy_from_slice(&s[k * n + k + 2..k * n + n]);
        let u = &u[..m];
        for i in k + 1..n {
            let row = &mut qt[i * n + k + 1..i * n + n];
            let y = t * dot(row, u);
            for (q, &uj) in row.iter_mut().zip(u) {
                *q -= y * uj;
            }
        }
    }
}

/// `Σ aⱼ·bⱼ` with four partial sums (vectorisable, and shorter chains).
#[inline(always)]
fn dot<R: RealScalar>(a: &[R], b: &[R]) -> R {
    let mut acc = [R::zero(); 4];
    let (ac, bc) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ar, br) = (ac.remainder(), bc.remainder());
    for (x, y) in ac.zip(bc) {
        for l in 0..4 {
            acc[l] += x[l] * y[l];
        }
    }
    let mut s = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for (&x, &y) in ar.iter().zip(br) {
        s += x * y;
    }
    s
}
