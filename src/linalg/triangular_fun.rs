//! Matrix functions of upper-triangular complex matrices: the cores of the
//! Schur methods (`A = Z·T·Zᴴ`, `f(A) = Z·f(T)·Zᴴ`). Square root by recursive
//! blocks, triangular Sylvester equations, the inverse scaling and squaring
//! of the logarithm and of fractional powers, and the Parlett recurrence.

use super::matfun_util::{mm, mm_acc, norm1, normest_product};
use super::{SolveTriangularOptions, solve_triangular_with};
use ndarray::{Array2, ArrayRef2, s};
use num_complex::Complex64 as C;
use std::f64::consts::PI;

/// Below this order the recursive algorithms use point formulas.
const LEAF: usize = 32;

/// Solves `A·X + X·B = C` for upper-triangular `A` (`m × m`) and `B`
/// (`n × n`), recursively so that most flops are GEMM flops.
/// `Err((i, j))` if `aᵢᵢ + bⱼⱼ = 0` (no unique solution).
pub(crate) fn trsyl(
    a: &ArrayRef2<C>,
    b: &ArrayRef2<C>,
    c: &ArrayRef2<C>,
) -> Result<Array2<C>, (usize, usize)> {
    let (m, n) = c.dim();
    if m == 0 || n == 0 {
        return Ok(Array2::zeros((m, n)));
    }
    if m <= LEAF && n <= LEAF {
        return trsyl_point(a, b, c);
    }
    let one = C::new(1.0, 0.0);
    if m >= n {
        // [A₁₁ A₁₂; 0 A₂₂]: the bottom block row first.
        let h = m / 2;
        let x2 =
            trsyl(&a.slice(s![h.., h..]), b, &c.slice(s![h.., ..])).map_err(|(i, j)| (i + h, j))?;
        let mut c1 = c.slice(s![..h, ..]).to_owned();
        mm_acc(-one, &a.slice(s![..h, h..]).to_owned(), &x2, one, &mut c1);
        let x1 = trsyl(&a.slice(s![..h, ..h]), b, &c1)?;
        let mut x = Array2::zeros((m, n));
        x.slice_mut(s![..h, ..]).assign(&x1);
        x.slice_mut(s![h.., ..]).assign(&x2);
        Ok(x)
    } else {
        // [B₁₁ B₁₂; 0 B₂₂]: the left block column first.
        let h = n / 2;
        let x1 = trsyl(a, &b.slice(s![..h, ..h]), &c.slice(s![.., ..h]))?;
        let mut c2 = c.slice(s![.., h..]).to_owned();
        mm_acc(-one, &x1, &b.slice(s![..h, h..]).to_owned(), one, &mut c2);
        let x2 = trsyl(a, &b.slice(s![h.., h..]), &c2).map_err(|(i, j)| (i, j + h))?;
        let mut x = Array2::zeros((m, n));
        x.slice_mut(s![.., ..h]).assign(&x1);
        x.slice_mut(s![.., h..]).assign(&x2);
        Ok(x)
    }
}

/// Column by column: `(A + bⱼⱼ·I)·xⱼ = cⱼ − Σ_{k<j} xₖ·bₖⱼ`, back substitution.
fn trsyl_point(
    a: &ArrayRef2<C>,
    b: &ArrayRef2<C>,
    c: &ArrayRef2<C>,
) -> Result<Array2<C>, (usize, usize)> {
    let (m, n) = c.dim();
    let mut x = c.to_owned();
    for j in 0..n {
        for k in 0..j {
            let bkj = b[[k, j]];
            if bkj != C::new(0.0, 0.0) {
                for i in 0..m {
                    let v = x[[i, k]];
                    x[[i, j]] -= v * bkj;
                }
            }
        }
        for i in (0..m).rev() {
            let mut v = x[[i, j]];
            for k in i + 1..m {
                v -= a[[i, k]] * x[[k, j]];
            }
            let d = a[[i, i]] + b[[j, j]];
            if d == C::new(0.0, 0.0) {
                if v == C::new(0.0, 0.0) {
                    x[[i, j]] = v; // 0/0: any value solves it; take 0 (SciPy's sqrtm does too)
                    continue;
                }
                return Err((i, j));
            }
            x[[i, j]] = v / d;
        }
    }
    Ok(x)
}

/// The principal square root of an upper-triangular matrix: recursive
/// blocking (Deadman, Higham and Ralha, 2013): `R₁₁ = √T₁₁`, `R₂₂ = √T₂₂`,
/// and `R₁₁·R₁₂ + R₁₂·R₂₂ = T₁₂`. `Err(j)` if no square root exists
/// (a zero eigenvalue whose Jordan block is larger than one).
pub(crate) fn sqrt_tri(t: &ArrayRef2<C>) -> Result<Array2<C>, usize> {
    let n = t.nrows();
    if n <= LEAF {
        let mut r = Array2::<C>::zeros((n, n));
        for i in 0..n {
            r[[i, i]] = t[[i, i]].sqrt();
        }
        let zero = C::new(0.0, 0.0);
        for j in 1..n {
            for i in (0..j).rev() {
                let mut v = t[[i, j]];
                for k in i + 1..j {
                    v -= r[[i, k]] * r[[k, j]];
                }
                let d = r[[i, i]] + r[[j, j]];
                r[[i, j]] = if d != zero {
                    v / d
                } else if v == zero {
                    zero
                } else {
                    return Err(j);
                };
            }
        }
        return Ok(r);
    }
    let h = n / 2;
    let r11 = sqrt_tri(&t.slice(s![..h, ..h]))?;
    let r22 = sqrt_tri(&t.slice(s![h.., h..])).map_err(|j| j + h)?;
    let r12 = trsyl(&r11, &r22, &t.slice(s![..h, h..])).map_err(|(_, j)| j + h)?;
    let mut r = Array2::zeros((n, n));
    r.slice_mut(s![..h, ..h]).assign(&r11);
    r.slice_mut(s![h.., h..]).assign(&r22);
    r.slice_mut(s![..h, h..]).assign(&r12);
    Ok(r)
}

/// `a^{1/2^s} − 1` without cancellation: `(a − 1) / Π_{j=1}^{s} (1 + a^{1/2^j})`.
fn briggs(a: C, s: u32) -> C {
    if s == 0 {
        return a - 1.0;
    }
    let mut z = a;
    let mut den = C::new(1.0, 0.0);
    for _ in 0..s {
        z = z.sqrt();
        den *= 1.0 + z;
    }
    (a - 1.0) / den
}

/// The unwinding number of `z`: `(z − log eᶻ) / (2πi)`.
fn unwind(z: C) -> f64 {
    ((z.im - PI) / (2.0 * PI)).ceil()
}

/// `t₁₂·(λ₂ᵖ − λ₁ᵖ)/(λ₂ − λ₁)`, the (1,2) entry of `[λ₁ t₁₂; 0 λ₂]ᵖ`, with
/// Higham and Lin's cancellation-free formula for close eigenvalues.
fn power_superdiag(l1: C, l2: C, t12: C, p: f64) -> C {
    if l1 == l2 {
        return t12 * p * l1.powf(p - 1.0);
    }
    if (l2 - l1).norm() > (l1 + l2).norm() / 2.0 {
        return t12 * (l2.powf(p) - l1.powf(p)) / (l2 - l1);
    }
    let (log1, log2) = (l1.ln(), l2.ln());
    let z = (l2 - l1) / (l2 + l1);
    let w = z.atanh() + C::new(0.0, PI * unwind(log2 - log1));
    let tmp = (p * w).sinh() * 2.0 * ((log1 + log2) * (p / 2.0)).exp();
    t12 * tmp / (l2 - l1)
}

/// `t₁₂·(log λ₂ − log λ₁)/(λ₂ − λ₁)` likewise (their equation for the log).
fn log_superdiag(l1: C, l2: C, t12: C) -> C {
    if l1 == l2 {
        return t12 / l1;
    }
    if (l2 - l1).norm() > (l1 + l2).norm() / 2.0 {
        return t12 * (l2.ln() - l1.ln()) / (l2 - l1);
    }
    let z = (l2 - l1) / (l2 + l1);
    let u = unwind(l2.ln() - l1.ln());
    t12 * 2.0 * (z.atanh() + C::new(0.0, PI * u)) / (l2 - l1)
}

/// `‖(T − I)^p‖₁` estimated.
fn normest_m1(t: &Array2<C>, p: usize) -> f64 {
    let mut tm = t.clone();
    for i in 0..t.nrows() {
        tm[[i, i]] -= 1.0;
    }
    let factors: Vec<&Array2<C>> = std::iter::repeat_n(&tm, p).collect();
    normest_product(&factors)
}

/// Whether every diagonal entry has a principal logarithm / power
/// (is not on the closed negative real axis).
fn has_principal_branch(t: &Array2<C>) -> bool {
    t.diag().iter().all(|z| z.re > 0.0 || z.im != 0.0)
}

/// Inverse scaling: square roots of `T₀` until a Padé degree `m ≤ 7`
/// suffices for the bounds `θ` (Al-Mohy and Higham 2012, Algorithm 4.1;
/// Higham and Lin 2011). Returns `T₀^{1/2ˢ} − I` (diagonal and first
/// superdiagonal recomputed accurately), `s` and `m`.
fn inverse_squaring(t0: &Array2<C>, theta: &[f64; 8]) -> (Array2<C>, u32, usize) {
    let n = t0.nrows();
    let mut diag: Vec<C> = t0.diag().to_vec();
    let mut s0 = 0u32;
    while diag.iter().map(|d| (d - 1.0).norm()).fold(0.0, f64::max) > theta[7] {
        diag.iter_mut().for_each(|d| *d = d.sqrt());
        s0 += 1;
    }
    let sqrt =
        |t: &Array2<C>| sqrt_tri(t).expect("nonsingular triangular matrix has a square root");
    let mut t = t0.clone();
    for _ in 0..s0 {
        t = sqrt(&t);
    }
    let mut s = s0;
    let mut k = 0;
    let root = |x: f64, p: usize| x.powf(1.0 / p as f64);
    let mut d3 = root(normest_m1(&t, 3), 3);
    let a2 = root(normest_m1(&t, 2), 2).max(d3);
    let mut m = (1..=2).find(|&i| a2 <= theta[i]);
    while m.is_none() {
        if s > s0 {
            d3 = root(normest_m1(&t, 3), 3);
        }
        let d4 = root(normest_m1(&t, 4), 4);
        let a3 = d3.max(d4);
        if a3 <= theta[7] {
            let j1 = (3..=7).find(|&i| a3 <= theta[i]).expect("a3 ≤ θ₇");
            if j1 <= 6 {
                m = Some(j1);
                break;
            }
            if a3 / 2.0 <= theta[5] && k < 2 {
                k += 1;
                t = sqrt(&t);
                s += 1;
                continue;
            }
        }
        let d5 = root(normest_m1(&t, 5), 5);
        let eta = a3.min(d4.max(d5));
        m = (6..=7).find(|&i| eta <= theta[i]);
        if m.is_none() {
            t = sqrt(&t);
            s += 1;
        }
    }
    let mut r = t;
    for i in 0..n {
        r[[i, i]] -= 1.0;
    }
    if has_principal_branch(t0) {
        for j in 0..n {
            r[[j, j]] = briggs(t0[[j, j]], s);
        }
        let p = 0.5f64.powi(s as i32);
        for j in 0..n.saturating_sub(1) {
            r[[j, j + 1]] = power_superdiag(t0[[j, j]], t0[[j + 1, j + 1]], t0[[j, j + 1]], p);
        }
    }
    (r, s, m.expect("loop ends with a degree"))
}

/// Nodes and weights of `m`-point Gauss–Legendre quadrature on `[0, 1]`.
fn gauss_legendre01(m: usize) -> Vec<(f64, f64)> {
    (0..m)
        .map(|i| {
            let mut x = (PI * (i as f64 + 0.75) / (m as f64 + 0.5)).cos();
            let mut dp = 1.0;
            for _ in 0..100 {
                // P_m(x) and P_m'(x) by the three-term recurrence.
                let (mut p0, mut p1) = (1.0, x);
                for k in 2..=m {
                    let p2 = ((2 * k - 1) as f64 * x * p1 - (k - 1) as f64 * p0) / k as f64;
                    p0 = p1;
                    p1 = p2;
                }
                let pm = if m == 1 { x } else { p1 };
                let pm1 = if m == 1 { 1.0 } else { p0 };
                dp = m as f64 * (x * pm - pm1) / (x * x - 1.0);
                let dx = pm / dp;
                x -= dx;
                if dx.abs() < 1e-16 {
                    break;
                }
            }
            let w = 2.0 / ((1.0 - x * x) * dp * dp);
            ((1.0 + x) / 2.0, w / 2.0)
        })
        .collect()
}

/// Solves `U·X = B` for upper-triangular `U` (nonsingular by construction)
/// with the crate's blocked triangular solve.
fn solve_upper(u: &Array2<C>, b: &Array2<C>) -> Array2<C> {
    let opts = SolveTriangularOptions {
        check_finite: false,
        ..Default::default()
    };
    solve_triangular_with(u, b, &opts).expect("I + x·R has a nonzero diagonal")
}

/// The principal logarithm of a nonsingular upper-triangular matrix by
/// inverse scaling and squaring (Al-Mohy and Higham, 2012, Algorithm 4.1).
pub(crate) fn logm_tri(t0: &Array2<C>) -> Array2<C> {
    const THETA: [f64; 8] = [
        0.0, 1.59e-5, 2.31e-3, 1.94e-2, 6.21e-2, 1.28e-1, 2.06e-1, 2.88e-1,
    ];
    let n = t0.nrows();
    if n == 0 {
        return t0.clone();
    }
    let (r, s, m) = inverse_squaring(t0, &THETA);
    // r_m(R) = Σ_j w_j·(I + x_j·R)⁻¹·R, the Padé approximant of log(I + R).
    let mut u = Array2::<C>::zeros((n, n));
    for (x, w) in gauss_legendre01(m) {
        let mut lhs = r.mapv(|v| v * x);
        for i in 0..n {
            lhs[[i, i]] += 1.0;
        }
        let y = solve_upper(&lhs, &r);
        u.zip_mut_with(&y, |a, &b| *a += b * w);
    }
    let scale = 2f64.powi(s as i32);
    u.mapv_inplace(|v| v * scale);
    if has_principal_branch(t0) {
        for i in 0..n {
            u[[i, i]] = t0[[i, i]].ln();
        }
        for i in 0..n - 1 {
            u[[i, i + 1]] = log_superdiag(t0[[i, i]], t0[[i + 1, i + 1]], t0[[i, i + 1]]);
        }
    }
    for ((i, j), v) in u.indexed_iter_mut() {
        if i > j {
            *v = C::new(0.0, 0.0);
        }
    }
    u
}

/// `T^t` for `−1 < t < 1` and nonsingular upper-triangular `T` (Higham and
/// Lin's Schur–Padé algorithm, 2011): inverse scaling, the continued
/// fraction of `(1 − x)^t`, then squaring back with exact diagonals.
pub(crate) fn power_tri(t0: &Array2<C>, t: f64) -> Array2<C> {
    const THETA: [f64; 8] = [
        0.0, 1.51e-5, 2.24e-3, 1.88e-2, 6.04e-2, 1.24e-1, 2.00e-1, 2.79e-1,
    ];
    let n = t0.nrows();
    let d = t0.diag().to_owned();
    if t0
        .indexed_iter()
        .all(|((i, j), v)| i == j || *v == C::new(0.0, 0.0))
    {
        let mut u = Array2::zeros((n, n));
        for i in 0..n {
            u[[i, i]] = d[i].powf(t);
        }
        return u;
    }
    let (r, s, m) = inverse_squaring(t0, &THETA);
    // Continued fraction 1 + c₁x/(1 + c₂x/(1 + … c_{2m}x)) at x = −R.
    let coef = |i: usize| -> f64 {
        if i == 1 {
            -t
        } else if i.is_multiple_of(2) {
            let j = (i / 2) as f64;
            (-j + t) / (2.0 * (2.0 * j - 1.0))
        } else {
            let j = ((i - 1) / 2) as f64;
            (-j - t) / (2.0 * (2.0 * j + 1.0))
        }
    };
    let x = r.mapv(|v| -v);
    let mut y = x.mapv(|v| v * coef(2 * m));
    for j in (1..2 * m).rev() {
        let mut lhs = y;
        for i in 0..n {
            lhs[[i, i]] += 1.0;
        }
        y = solve_upper(&lhs, &x.mapv(|v| v * coef(j)));
    }
    let mut u = y;
    for i in 0..n {
        u[[i, i]] += 1.0;
    }
    let principal = has_principal_branch(t0);
    for i in (0..=s).rev() {
        if i < s {
            u = mm(&u, &u);
        }
        if principal {
            let p = t * 0.5f64.powi(i as i32);
            for j in 0..n {
                u[[j, j]] = d[j].powf(p);
            }
            for j in 0..n - 1 {
                u[[j, j + 1]] = power_superdiag(d[j], d[j + 1], t0[[j, j + 1]], p);
            }
        }
    }
    for ((i, j), v) in u.indexed_iter_mut() {
        if i > j {
            *v = C::new(0.0, 0.0);
        }
    }
    u
}

/// The Parlett recurrence (Golub and Van Loan, Algorithm 11.1.1, as SciPy's
/// `funm`): `f(T)` from `f` on the diagonal and
/// `fᵢⱼ = (tᵢⱼ(fⱼⱼ − fᵢᵢ) + Σ_{i<k<j} (tᵢₖfₖⱼ − fᵢₖtₖⱼ)) / (tⱼⱼ − tᵢᵢ)`
/// (from `T·F = F·T`).
/// Also returns the smallest `|tⱼⱼ − tᵢᵢ|` met (SciPy's `minden`), which
/// drives the error estimate; a zero denominator gives infinities.
pub(crate) fn parlett(t: &Array2<C>, fdiag: &[C]) -> (Array2<C>, f64) {
    let n = t.nrows();
    let mut f = Array2::<C>::zeros((n, n));
    for i in 0..n {
        f[[i, i]] = fdiag[i];
    }
    let mut minden = if n > 0 { t[[0, 0]].norm() } else { 0.0 };
    for p in 1..n {
        for i in 0..n - p {
            let j = i + p;
            let mut sn = t[[i, j]] * (f[[j, j]] - f[[i, i]]);
            for k in i + 1..j {
                sn += t[[i, k]] * f[[k, j]] - f[[i, k]] * t[[k, j]];
            }
            let den = t[[j, j]] - t[[i, i]];
            if den != C::new(0.0, 0.0) {
                sn /= den;
            } else {
                // As NumPy's division: x/0 is ±inf (NaN for 0/0).
                sn = C::new(sn.re / 0.0, sn.im / 0.0);
            }
            minden = minden.min(den.norm());
            f[[i, j]] = sn;
        }
    }
    (f, minden)
}

/// `‖strictly upper part of T‖₁`, for funm's error estimate.
pub(crate) fn norm1_strict_upper(t: &Array2<C>) -> f64 {
    let mut u = t.clone();
    for ((i, j), v) in u.indexed_iter_mut() {
        if i >= j {
            *v = C::new(0.0, 0.0);
        }
    }
    norm1(&u)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upper(n: usize, seed: u64) -> Array2<C> {
        let mut x = seed;
        let mut next = || {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((x >> 11) as f64 / (1u64 << 53) as f64) - 0.5
        };
        Array2::from_shape_fn((n, n), |(i, j)| {
            if i > j {
                C::new(0.0, 0.0)
            } else if i == j {
                C::new(1.0 + next(), next())
            } else {
                C::new(next(), next())
            }
        })
    }

    #[test]
    fn triangular_sqrt_squares_back_at_every_size() {
        for n in [1, 5, 33, 70] {
            let t = upper(n, n as u64);
            let r = sqrt_tri(&t).unwrap();
            let err = (&mm(&r, &r) - &t)
                .iter()
                .map(|v| v.norm())
                .fold(0.0, f64::max);
            assert!(err < 1e-12, "n={n}: {err}");
        }
    }

    #[test]
    fn triangular_sylvester_residual() {
        for (m, n) in [(3, 4), (40, 35), (20, 70)] {
            let a = upper(m, 3);
            let b = upper(n, 4);
            let c = Array2::from_shape_fn((m, n), |(i, j)| C::new(i as f64 - j as f64, 1.0));
            let x = trsyl(&a, &b, &c).unwrap();
            let res = &mm(&a, &x) + &mm(&x, &b) - &c;
            let err = res.iter().map(|v| v.norm()).fold(0.0, f64::max);
            assert!(err < 1e-11, "{m}x{n}: {err}");
        }
    }

    #[test]
    fn gauss_legendre_integrates_polynomials() {
        for m in 1..=7 {
            let q = gauss_legendre01(m);
            // ∫₀¹ x^(2m−1) dx = 1/(2m).
            let got: f64 = q.iter().map(|(x, w)| w * x.powi(2 * m as i32 - 1)).sum();
            assert!((got - 1.0 / (2 * m) as f64).abs() < 1e-14, "m={m}");
        }
    }

    #[test]
    fn log_and_power_of_triangular_invert_each_other() {
        for n in [1, 4, 12] {
            let t = upper(n, 10 + n as u64);
            let l = logm_tri(&t);
            let e = super::super::expm::expm_unchecked(&l);
            let err = (&e - &t).iter().map(|v| v.norm()).fold(0.0, f64::max);
            assert!(err < 1e-12, "n={n}: {err}");
            let h = power_tri(&t, 0.5);
            let r = sqrt_tri(&t).unwrap();
            let err = (&h - &r).iter().map(|v| v.norm()).fold(0.0, f64::max);
            assert!(err < 1e-12, "n={n}: {err}");
        }
    }
}
