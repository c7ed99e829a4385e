//! QR iteration on an upper Hessenberg matrix: Francis' implicit
//! double-shift step for real matrices (giving the real Schur form, with
//! 2 × 2 blocks for complex pairs) and the implicit single-shift step for
//! complex matrices (giving the triangular complex Schur form), with
//! deflation at negligible subdiagonals and exceptional shifts
//! (Francis 1961; Golub & Van Loan, *Matrix Computations*, §7.5).
//!
//! Matrices are square row-major slices; `h` is upper Hessenberg and its
//! rows/columns outside `ilo..=ihi` are already triangular. With `wantt`
//! the whole of `h` is updated (so that it ends as the Schur form `T`);
//! without, only the active block (eigenvalues only). `z`, if given, is
//! multiplied on the right by every transformation.
//!
//! Real active blocks above [`multishift::NMIN`] rows take the multishift
//! path (aggressive early deflation and chains of small bulges); the step
//! here finishes the smaller blocks, and serves as its fallback.
//!
//! Both form the first column of `(H − s₁)(H − s₂)` from the shifts in
//! factored form ([`shift_column`]): from their sum and product it cancels
//! to noise inside tight clusters of eigenvalues (say 1e-9 apart), and the
//! iteration then stagnates until its budget runs out.

use super::multishift;
use crate::linalg::{RealScalar, Scalar};
use num_traits::{Float, One, Zero};

/// The standardised form of a real 2 × 2 block `[[a, b], [c, d]]`:
/// `[[a, b], [c, d]] = R·[[aa, bb], [cc, dd]]·Rᵀ` with `R = [[cs, −sn], [sn, cs]]`,
/// and either `cc = 0` (real eigenvalues `aa`, `dd`) or `aa = dd` and
/// `bb·cc < 0` (eigenvalues `aa ± i·√(−bb·cc)`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Std2<R> {
    pub a: R,
    pub b: R,
    pub c: R,
    pub d: R,
    pub cs: R,
    pub sn: R,
}

/// `Rᵀ·M·R` for the rotation `R = [[cs, −sn], [sn, cs]]`.
fn rotate2<R: RealScalar>(m: [R; 4], cs: R, sn: R) -> [R; 4] {
    let [a, b, c, d] = m;
    // M·R
    let (a1, b1) = (a * cs + b * sn, -a * sn + b * cs);
    let (c1, d1) = (c * cs + d * sn, -c * sn + d * cs);
    // Rᵀ·(M·R)
    [
        cs * a1 + sn * c1,
        cs * b1 + sn * d1,
        -sn * a1 + cs * c1,
        -sn * b1 + cs * d1,
    ]
}

/// Standardises a real 2 × 2 block (see [`Std2`]).
pub(crate) fn std2<R: RealScalar>(a: R, b: R, c: R, d: R) -> Std2<R> {
    let zero = R::zero();
    let one = R::one();
    let half = R::from_f64_real(0.5);
    if c == zero {
        return Std2 {
            a,
            b,
            c,
            d,
            cs: one,
            sn: zero,
        };
    }
    if b == zero {
        // Swap rows and columns.
        return Std2 {
            a: d,
            b: -c,
            c: zero,
            d: a,
            cs: zero,
            sn: one,
        };
    }
    if a == d && (b < zero) != (c < zero) {
        return Std2 {
            a,
            b,
            c,
            d,
            cs: one,
            sn: zero,
        };
    }
    let p = half * (a - d);
    let bc = b * c;
    let disc = p * p + bc;
    let split = |m: [R; 4]| -> (Std2<R>, bool) {
        // Real eigenvalues: the first Schur vector is the eigenvector
        // (z, c) of the eigenvalue d + z.
        let [a, b, c, d] = m;
        let p = half * (a - d);
        let disc = p * p + b * c;
        let r = disc.max(zero).sqrt();
        let z = p + if p >= zero { r } else { -r };
        let tau = z.hypot(c);
        if tau == zero {
            return (
                Std2 {
                    a,
                    b,
                    c,
                    d,
                    cs: one,
                    sn: zero,
                },
                false,
            );
        }
        let (cs, sn) = (z / tau, c / tau);
        let [aa, bb, _, dd] = rotate2([a, b, c, d], cs, sn);
        (
            Std2 {
                a: aa,
                b: bb,
                c: zero,
                d: dd,
                cs,
                sn,
            },
            true,
        )
    };
    if disc >= zero {
        return split([a, b, c, d]).0;
    }
    // Complex or nearly equal eigenvalues: rotate to equal diagonal entries.
    let sigma = b + c;
    let tau = sigma.hypot(a - d);
    let cs = (half * (one + sigma.abs() / tau)).sqrt();
    let sn = -(p / (tau * cs)) * if sigma >= zero { one } else { -one };
    let [aa, bb, cc, dd] = rotate2([a, b, c, d], cs, sn);
    let mid = half * (aa + dd);
    if cc != zero && bb != zero && (bb < zero) == (cc < zero) {
        // Real after all: split, composing the two rotations.
        let (s, _) = split([mid, bb, cc, mid]);
        return Std2 {
            cs: cs * s.cs - sn * s.sn,
            sn: sn * s.cs + cs * s.sn,
            ..s
        };
    }
    if cc == zero || bb == zero {
        let s = split([mid, bb, cc, mid]).0;
        return Std2 {
            cs: cs * s.cs - sn * s.sn,
            sn: sn * s.cs + cs * s.sn,
            ..s
        };
    }
    Std2 {
        a: mid,
        b: bb,
        c: cc,
        d: mid,
        cs,
        sn,
    }
}

/// Eigenvalues of a standardised block: `(re1, im1, re2, im2)`.
pub(crate) fn std2_eigenvalues<R: RealScalar>(s: &Std2<R>) -> (R, R, R, R) {
    if s.c == R::zero() {
        (s.a, R::zero(), s.d, R::zero())
    } else {
        let im = s.b.abs().sqrt() * s.c.abs().sqrt();
        (s.a, im, s.d, -im)
    }
}

/// Applies the rotation of a standardised block at rows/columns `(i, i+1)`
/// to the rest of `h` (`Rᵀ` to rows `i, i+1` right of the block, `R` to
/// columns `i, i+1` above it, from row `lo`) and to the columns of `z`.
pub(crate) fn apply_std2<R: RealScalar>(
    h: &mut [R],
    n: usize,
    i: usize,
    s: &Std2<R>,
    lo: usize,
    hi: usize,
    z: Option<&mut [R]>,
) {
    let (cs, sn) = (s.cs, s.sn);
    h[i * n + i] = s.a;
    h[i * n + i + 1] = s.b;
    h[(i + 1) * n + i] = s.c;
    h[(i + 1) * n + i + 1] = s.d;
    if sn == R::zero() && cs == R::one() {
        return;
    }
    for j in i + 2..=hi {
        let (x, y) = (h[i * n + j], h[(i + 1) * n + j]);
        h[i * n + j] = cs * x + sn * y;
        h[(i + 1) * n + j] = -sn * x + cs * y;
    }
    for r in lo..i {
        let (x, y) = (h[r * n + i], h[r * n + i + 1]);
        h[r * n + i] = cs * x + sn * y;
        h[r * n + i + 1] = -sn * x + cs * y;
    }
    if let Some(z) = z {
        for r in 0..n {
            let (x, y) = (z[r * n + i], z[r * n + i + 1]);
            z[r * n + i] = cs * x + sn * y;
            z[r * n + i + 1] = -sn * x + cs * y;
        }
    }
}

/// Rows `i, i+1` of `zt` (columns of `Z`) times the rotation of a
/// standardised block.
fn rotate_rows_real<R: RealScalar>(zt: &mut [R], n: usize, i: usize, cs: R, sn: R) {
    let (a, b) = zt[i * n..(i + 2) * n].split_at_mut(n);
    for (x, y) in a.iter_mut().zip(b.iter_mut()) {
        let (u, v) = (*x, *y);
        *x = cs * u + sn * v;
        *y = -sn * u + cs * v;
    }
}

/// Index of the first row of the unreduced block ending at row `i`,
/// zeroing the negligible subdiagonal entry that separates it.
fn deflate<T: Scalar>(h: &mut [T], n: usize, ilo: usize, i: usize) -> usize {
    let eps = T::Real::epsilon();
    let small = T::Real::min_positive_value() * T::Real::from_f64_real(n as f64) / eps;
    for k in (ilo + 1..=i).rev() {
        let sub = h[k * n + k - 1].abs1();
        if sub <= small {
            h[k * n + k - 1] = T::zero();
            return k;
        }
        let mut tst = h[(k - 1) * n + k - 1].abs1() + h[k * n + k].abs1();
        if tst == T::Real::zero() {
            if k >= ilo + 2 {
                tst += h[(k - 1) * n + k - 2].abs1();
            }
            if k < i {
                tst += h[(k + 1) * n + k].abs1();
            }
        }
        if sub <= eps * tst {
            h[k * n + k - 1] = T::zero();
            return k;
        }
    }
    ilo
}

/// The Householder reflector `I − τ·v·vᵀ`, `v = (1, v₁, v₂)`, that maps
/// `(x, y, z)` to `(β, 0, 0)`: returns `(β, τ, v₁, v₂)`.
pub(crate) fn house3<R: RealScalar>(x: R, y: R, z: R) -> (R, R, R, R) {
    let xnorm = y.hypot(z);
    if xnorm == R::zero() {
        return (x, R::zero(), R::zero(), R::zero());
    }
    let norm = x.hypot(xnorm);
    let beta = if x >= R::zero() { -norm } else { norm };
    let tau = (beta - x) / beta;
    let f = R::one() / (x - beta);
    (beta, tau, y * f, z * f)
}

/// Eigenvalues `(wr, wi)` of the real Hessenberg matrix `h` by Francis
/// double-shift QR; see the module docs for `wantt` and `z`.
/// `Err(iterations)` if the iteration budget (30 per row, as LAPACK) runs out.
pub(crate) fn hqr_real<R: RealScalar>(
    h: &mut [R],
    n: usize,
    ilo: usize,
    ihi: usize,
    mut z: Option<&mut [R]>,
    wantt: bool,
) -> Result<(Vec<R>, Vec<R>), usize> {
    let mut wr: Vec<R> = (0..n).map(|i| h[i * n + i]).collect();
    let mut wi = vec![R::zero(); n];
    if n == 0 {
        return Ok((wr, wi));
    }
    // Work on Zᵀ: a rotation of two or three columns of Z then streams
    // through contiguous rows.
    if let Some(z) = z.as_deref_mut() {
        transpose(z, n);
    }
    let out = hqr_real_t(h, n, ilo, ihi, z.as_deref_mut(), wantt, &mut wr, &mut wi);
    if let Some(z) = z {
        transpose(z, n);
    }
    out.map(|()| (wr, wi))
}

/// In-place transpose of a square row-major matrix.
fn transpose<T: Copy>(m: &mut [T], n: usize) {
    for i in 0..n {
        for j in i + 1..n {
            m.swap(i * n + j, j * n + i);
        }
    }
}

/// [`hqr_real`] with `zt = Zᵀ`.
#[allow(clippy::too_many_arguments)]
fn hqr_real_t<R: RealScalar>(
    h: &mut [R],
    n: usize,
    ilo: usize,
    ihi: usize,
    mut z: Option<&mut [R]>,
    wantt: bool,
    wr: &mut [R],
    wi: &mut [R],
) -> Result<(), usize> {
    let itmax = 30 * (ihi + 1 - ilo).max(10);
    let mut total = 0;
    let mut end = ihi + 1; // active rows ilo..end
    let mut its = 0;
    while end > ilo {
        let i = end - 1;
        let l = deflate(h, n, ilo, i);
        if l == i {
            wr[i] = h[i * n + i];
            end -= 1;
            its = 0;
            continue;
        }
        if l + 1 == i {
            let s = std2(
                h[(i - 1) * n + i - 1],
                h[(i - 1) * n + i],
                h[i * n + i - 1],
                h[i * n + i],
            );
            let (hi, lo) = if wantt { (n - 1, 0) } else { (i, l) };
            apply_std2(h, n, i - 1, &s, lo, hi, None);
            if let Some(zt) = z.as_deref_mut() {
                rotate_rows_real(zt, n, i - 1, s.cs, s.sn);
            }
            let (r1, i1, r2, i2) = std2_eigenvalues(&s);
            (wr[i - 1], wi[i - 1], wr[i], wi[i]) = (r1, i1, r2, i2);
            end -= 2;
            its = 0;
            continue;
        }
        total += 1;
        if total > itmax {
            return Err(total - 1);
        }
        its += 1;
        let multi = i + 1 - l > multishift::NMIN
            && multishift::iterate(h, n, l, i, z.as_deref_mut(), wantt, its % 10 == 0);
        if !multi {
            francis_step(h, n, l, i, its, z.as_deref_mut(), wantt);
        }
    }
    Ok(())
}

/// The first column of `(H − s₁)(H − s₂)` at rows `l..l+3` of the block
/// starting at row `l`, for the shifts `(re₁, im₁, re₂, im₂)` (a real pair,
/// or a complex-conjugate one), scaled against overflow. Factored form
/// (`(h₁₁ − s₁)(h₁₁ − s₂) + h₁₂h₂₁`, not `h₁₁² + h₁₂h₂₁ − (s₁ + s₂)h₁₁ +
/// s₁s₂`): the expanded one cancels to rounding noise when the shifts sit
/// in a tight cluster far from 0, and the iteration then stagnates.
pub(crate) fn shift_column<R: RealScalar>(
    h: &[R],
    n: usize,
    l: usize,
    (r1, m1, r2, m2): (R, R, R, R),
) -> (R, R, R) {
    let at = |r: usize, c: usize| h[r * n + c];
    let (h11, h12, h21) = (at(l, l), at(l, l + 1), at(l + 1, l));
    let sc = (h11 - r2).abs() + m2.abs() + h21.abs();
    let sc = if sc == R::zero() { R::one() } else { sc };
    let h21s = h21 / sc;
    (
        h21s * h12 + (h11 - r1) * ((h11 - r2) / sc) - m1 * (m2 / sc),
        h21s * (h11 + at(l + 1, l + 1) - r1 - r2),
        h21s * at(l + 2, l + 1),
    )
}

/// One double-shift sweep over the unreduced block `l..=i` (`i ≥ l + 2`).
fn francis_step<R: RealScalar>(
    h: &mut [R],
    n: usize,
    l: usize,
    i: usize,
    its: usize,
    mut z: Option<&mut [R]>,
    wantt: bool,
) {
    let at = |h: &[R], r: usize, c: usize| h[r * n + c];
    let (i1, i2) = if wantt { (0, n - 1) } else { (l, i) };
    // Shifts: eigenvalues of the trailing 2 × 2 block, or an exceptional
    // pair every 10 iterations to break cycles.
    let (h11, h12, h21, h22) = if its.is_multiple_of(10) {
        let s = if its.is_multiple_of(20) {
            at(h, i, i - 1).abs() + at(h, i - 1, i - 2).abs()
        } else {
            at(h, l + 1, l).abs() + at(h, l + 2, l + 1).abs()
        };
        let d = R::from_f64_real(0.75) * s + at(h, i, i);
        (d, R::from_f64_real(-0.4375) * s, s, d)
    } else {
        (
            at(h, i - 1, i - 1),
            at(h, i - 1, i),
            at(h, i, i - 1),
            at(h, i, i),
        )
    };
    let shifts = std2_eigenvalues(&std2(h11, h12, h21, h22));
    for k in l..i {
        let Some(p) = bulge_reflector(h, n, (l, i), k, shifts) else {
            continue;
        };
        p.rows(h, n, k, k..i2 + 1);
        p.cols(h, n, k, i1..(k + 3).min(i) + 1);
        if let Some(zt) = z.as_deref_mut() {
            p.rows(zt, n, k, 0..n);
        }
    }
}

/// A Householder reflector `P = I − τ·v·vᵀ`, `v = (1, v₁, v₂)` (or
/// `(1, v₁)` when `nr = 2`), acting on `nr` consecutive rows or columns.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reflector<R> {
    nr: usize,
    tau: R,
    v1: R,
    v2: R,
}

impl<R: RealScalar> Reflector<R> {
    /// `P·m` on rows `k..k+nr`, columns `cols`, of the `ld`-wide row-major `m`.
    pub(crate) fn rows(self, m: &mut [R], ld: usize, k: usize, cols: std::ops::Range<usize>) {
        let Reflector { nr, tau, v1, v2 } = self;
        let (a, rest) = m[k * ld..].split_at_mut(ld);
        let (b, rest) = rest.split_at_mut(ld);
        let (a, b) = (&mut a[cols.clone()], &mut b[cols.clone()]);
        if nr == 3 {
            let c = &mut rest[cols];
            for ((x, y), z) in a.iter_mut().zip(b.iter_mut()).zip(c.iter_mut()) {
                let s = tau * (*x + v1 * *y + v2 * *z);
                *x -= s;
                *y -= s * v1;
                *z -= s * v2;
            }
        } else {
            for (x, y) in a.iter_mut().zip(b.iter_mut()) {
                let s = tau * (*x + v1 * *y);
                *x -= s;
                *y -= s * v1;
            }
        }
    }

    /// `m·P` on columns `k..k+nr`, rows `rows`, of the `ld`-wide row-major `m`.
    pub(crate) fn cols(self, m: &mut [R], ld: usize, k: usize, rows: std::ops::Range<usize>) {
        let Reflector { nr, tau, v1, v2 } = self;
        for r in rows {
            let row = &mut m[r * ld + k..r * ld + k + nr];
            if nr == 3 {
                let s = tau * (row[0] + v1 * row[1] + v2 * row[2]);
                row[0] -= s;
                row[1] -= s * v1;
                row[2] -= s * v2;
            } else {
                let s = tau * (row[0] + v1 * row[1]);
                row[0] -= s;
                row[1] -= s * v1;
            }
        }
    }
}

/// The reflector of one bulge-chasing step at row `k` of the unreduced
/// block `l..=i` (`i ≥ l + 2`), shared by the Francis step and the
/// multishift sweeps: at `k = l` it introduces the bulge of the double shift
/// `shifts` ([`shift_column`]); below, it returns column `k − 1` to
/// Hessenberg form, writing the result there. `None` if it is the identity.
pub(crate) fn bulge_reflector<R: RealScalar>(
    h: &mut [R],
    n: usize,
    (l, i): (usize, usize),
    k: usize,
    shifts: (R, R, R, R),
) -> Option<Reflector<R>> {
    let at = |h: &[R], r: usize, c: usize| h[r * n + c];
    let nr = (i - k + 1).min(3);
    let (x, y, z) = if k == l {
        shift_column(h, n, l, shifts)
    } else {
        let z = if nr == 3 {
            at(h, k + 2, k - 1)
        } else {
            R::zero()
        };
        (at(h, k, k - 1), at(h, k + 1, k - 1), z)
    };
    let (beta, tau, v1, v2) = house3(x, y, z);
    if k > l {
        h[k * n + k - 1] = beta;
        h[(k + 1) * n + k - 1] = R::zero();
        if nr == 3 {
            h[(k + 2) * n + k - 1] = R::zero();
        }
    }
    (tau != R::zero()).then_some(Reflector { nr, tau, v1, v2 })
}

/// A complex Givens rotation `G = [[c, s], [−s̄, c]]` (`c` real) with
/// `G·(f, g)ᵀ = (r, 0)ᵀ`: returns `(c, s, r)`.
pub(crate) fn givens<T: Scalar>(f: T, g: T) -> (T::Real, T, T) {
    let zero = T::Real::zero();
    if g == T::zero() {
        return (T::Real::one(), T::zero(), f);
    }
    let ga = g.modulus();
    if f == T::zero() {
        return (
            zero,
            g.conj().scale_real(T::Real::one() / ga),
            T::from_real(ga),
        );
    }
    let fa = f.modulus();
    let norm = fa.hypot(ga);
    let alpha = f.scale_real(T::Real::one() / fa);
    (
        fa / norm,
        alpha * g.conj().scale_real(T::Real::one() / norm),
        alpha.scale_real(norm),
    )
}

/// Applies `G` (from [`givens`]) to rows `k, k+1` of the `n`-column matrix
/// `m`, columns `cols`.
pub(crate) fn rot_rows<T: Scalar>(
    m: &mut [T],
    n: usize,
    k: usize,
    cols: std::ops::Range<usize>,
    c: T::Real,
    s: T,
) {
    let sc = s.conj();
    for j in cols {
        let (x, y) = (m[k * n + j], m[(k + 1) * n + j]);
        m[k * n + j] = x.scale_real(c) + s * y;
        m[(k + 1) * n + j] = y.scale_real(c) - sc * x;
    }
}

/// Applies `Gᴴ` on the right to columns `k, k+1` of the `n`-column matrix
/// `m`, rows `rows`.
pub(crate) fn rot_cols<T: Scalar>(
    m: &mut [T],
    n: usize,
    k: usize,
    rows: std::ops::Range<usize>,
    c: T::Real,
    s: T,
) {
    let sc = s.conj();
    for r in rows {
        let (x, y) = (m[r * n + k], m[r * n + k + 1]);
        m[r * n + k] = x.scale_real(c) + sc * y;
        m[r * n + k + 1] = y.scale_real(c) - s * x;
    }
}

/// Principal square root of a complex number given by its parts.
pub(crate) fn csqrt<T: Scalar>(z: T) -> T {
    let (re, im) = (z.re(), z.im());
    let zero = T::Real::zero();
    if re == zero && im == zero {
        return T::zero();
    }
    let half = T::Real::from_f64_real(0.5);
    let m = re.hypot(im);
    let t = (half * (m + re.abs())).sqrt();
    if re >= zero {
        T::from_parts(t, half * im / t)
    } else {
        T::from_parts(half * im.abs() / t, if im >= zero { t } else { -t })
    }
}

/// Eigenvalues of the complex Hessenberg matrix `h` by single-shift QR
/// (Wilkinson shifts); see the module docs for `wantt` and `z`.
/// `Err(iterations)` if the iteration budget runs out.
pub(crate) fn hqr_complex<T: Scalar>(
    h: &mut [T],
    n: usize,
    ilo: usize,
    ihi: usize,
    mut z: Option<&mut [T]>,
    wantt: bool,
) -> Result<Vec<T>, usize> {
    let mut w: Vec<T> = (0..n).map(|i| h[i * n + i]).collect();
    if n == 0 {
        return Ok(w);
    }
    // Work on Zᵀ, as in [`hqr_real`].
    if let Some(z) = z.as_deref_mut() {
        transpose(z, n);
    }
    let out = hqr_complex_t(h, n, ilo, ihi, z.as_deref_mut(), wantt, &mut w);
    if let Some(z) = z {
        transpose(z, n);
    }
    out.map(|()| w)
}

/// [`hqr_complex`] with `zt = Zᵀ`.
fn hqr_complex_t<T: Scalar>(
    h: &mut [T],
    n: usize,
    ilo: usize,
    ihi: usize,
    mut z: Option<&mut [T]>,
    wantt: bool,
    w: &mut [T],
) -> Result<(), usize> {
    let itmax = 30 * (ihi + 1 - ilo).max(10);
    let mut total = 0;
    let mut end = ihi + 1;
    let mut its = 0;
    let half = T::Real::from_f64_real(0.5);
    while end > ilo {
        let i = end - 1;
        let l = deflate(h, n, ilo, i);
        if l == i {
            w[i] = h[i * n + i];
            end -= 1;
            its = 0;
            continue;
        }
        total += 1;
        if total > itmax {
            return Err(total - 1);
        }
        its += 1;
        let (i1, i2) = if wantt { (0, n) } else { (l, i + 1) };
        let mu = if its % 10 == 0 {
            let base = if its % 20 == 0 {
                h[i * n + i]
            } else {
                h[l * n + l]
            };
            base + T::from_real(T::Real::from_f64_real(0.75) * h[i * n + i - 1].abs1())
        } else {
            // The eigenvalue of the trailing 2 × 2 block nearer h[i, i].
            let (a, b, c, d) = (
                h[(i - 1) * n + i - 1],
                h[(i - 1) * n + i],
                h[i * n + i - 1],
                h[i * n + i],
            );
            let t = (a - d).scale_real(half);
            let r = csqrt(t * t + b * c);
            let (p, q) = (t + r, t - r);
            let den = if p.abs1() >= q.abs1() { p } else { q };
            if den == T::zero() {
                d
            } else {
                d - crate::linalg::util::div(b * c, den)
            }
        };
        for k in l..i {
            let (f, g) = if k == l {
                (h[l * n + l] - mu, h[(l + 1) * n + l])
            } else {
                (h[k * n + k - 1], h[(k + 1) * n + k - 1])
            };
            let (c, s, r) = givens(f, g);
            if k > l {
                h[k * n + k - 1] = r;
                h[(k + 1) * n + k - 1] = T::zero();
            }
            rot_rows(h, n, k, k..i2, c, s);
            rot_cols(h, n, k, i1..(k + 3).min(i + 1), c, s);
            if let Some(zt) = z.as_deref_mut() {
                let (r0, r1) = zt[k * n..(k + 2) * n].split_at_mut(n);
                let sc = s.conj();
                for (x, y) in r0.iter_mut().zip(r1.iter_mut()) {
                    let (u, v) = (*x, *y);
                    *x = u.scale_real(c) + sc * v;
                    *y = v.scale_real(c) - s * u;
                }
            }
        }
    }
    Ok(())
}
