//! Bessel functions of the first and second kind, `J_ν(x)` and `Y_ν(x)`, of
//! real order and real argument.
//!
//! Three regimes:
//! - small `x` relative to `ν` (`J` only): the power series, no cancellation;
//! - large `x` (`x ≥ max(22, ν²)`): Hankel's asymptotic expansion;
//! - otherwise Steed's method (Barnett, Feng, Steed and Goldfarb 1974): the
//!   continued fraction CF1 for `J_ν'/J_ν`, downward recurrence to
//!   `μ = ν - round(ν)`, then `J_μ`, `Y_μ` from Temme's series (`x < 2`,
//!   Temme 1975) or the complex continued fraction CF2 (`x ≥ 2`) and the
//!   Wronskian, and upward recurrence for `Y`.

use super::bessel_util::{hankel_sums, is_int, pow_half_over_gamma, sinc_pi, sinhc, temme_gammas};
use super::kernels::{cospi, sinpi};
use num_complex::Complex64;
use std::f64::consts::{FRAC_2_PI, PI};

const EPS: f64 = 1e-16;
/// Iteration budget of the continued fractions and recurrences: beyond it the
/// result is NaN rather than a hang (orders or arguments above ~10⁷).
const MAX_STEPS: f64 = 2.0e7;

/// Whether Hankel's expansion is accurate at `(ν, x)`.
pub(super) fn hankel_region(nu: f64, x: f64) -> bool {
    x >= 22.0 && x >= nu * nu
}

/// `J_ν(x)` and `Y_ν(x)` by Hankel's expansion (DLMF 10.17.3-4); `None` if it
/// does not converge.
fn jy_hankel(nu: f64, x: f64) -> Option<(f64, f64)> {
    let (p, q, _) = hankel_sums(nu, x)?;
    // χ = x - (ν/2 + 1/4)π; expand cos/sin(x - φ) so that large x keeps
    // full accuracy (sin/cos of x are correctly reduced by libm).
    let phase = 0.5 * nu + 0.25;
    let (sf, cf) = (sinpi(phase), cospi(phase));
    let (sx, cx) = x.sin_cos();
    let cos_chi = cx * cf + sx * sf;
    let sin_chi = sx * cf - cx * sf;
    let amp = (FRAC_2_PI / x).sqrt();
    Some((
        amp * (p * cos_chi - q * sin_chi),
        amp * (p * sin_chi + q * cos_chi),
    ))
}

/// `J_ν(x)` by its power series; accurate for `x² ≤ 2(ν+1)`.
fn j_series(nu: f64, x: f64) -> f64 {
    let z = -0.25 * x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..200 {
        let kf = k as f64;
        term *= z / (kf * (nu + kf));
        sum += term;
        if term.abs() <= EPS * 0.5 * sum.abs() {
            break;
        }
    }
    sum * pow_half_over_gamma(nu, x)
}

/// `J_ν₊₁(x)/J_ν(x)` by CF1 with the sign of `J_ν(x)` (Lentz's method; the
/// product of the denominators' signs is the sign of `J_ν`, as the forward
/// solution is dominated by `-Y` once the fraction has converged).
fn cf1_ratio(nu: f64, x: f64) -> Option<(f64, f64)> {
    const TINY: f64 = 1e-300;
    let xi = 1.0 / x;
    let mut f = TINY;
    let mut c = f;
    let mut d = 0.0;
    let mut sign = 1.0;
    let max_iter = (x + 2.0 * x.cbrt() + 100.0).min(MAX_STEPS) as usize * 2;
    for k in 1..=max_iter {
        let b = 2.0 * (nu + k as f64) * xi;
        let a = if k == 1 { 1.0 } else { -1.0 };
        d = b + a * d;
        if d == 0.0 {
            d = TINY;
        }
        c = b + a / c;
        if c == 0.0 {
            c = TINY;
        }
        d = 1.0 / d;
        if d < 0.0 {
            sign = -sign;
        }
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < EPS {
            return Some((f, sign));
        }
    }
    None
}

/// Temme's series for `(Y_μ(x), Y_μ₊₁(x))`, `|μ| ≤ 1/2`, `0 < x < 2`.
fn temme_y(mu: f64, x: f64) -> (f64, f64) {
    let (gam1, gam2, gampl, gammi) = temme_gammas(mu);
    let ln2x = (2.0 / x).ln();
    let sigma = mu * ln2x;
    let e = sigma.exp();
    let mut f = FRAC_2_PI / sinc_pi(mu) * (sigma.cosh() * gam1 + sinhc(sigma) * ln2x * gam2);
    let mut p = e / (PI * gampl);
    let mut q = 1.0 / (e * PI * gammi);
    // (2/μ) sin²(μπ/2), written to stay exact as μ → 0.
    let half = 0.5 * PI * mu;
    let s = sinc_pi(0.5 * mu);
    let ee = half * PI * s * s;
    let z = -0.25 * x * x;
    let mut c = 1.0;
    let mut sum = f + ee * q;
    let mut sum1 = p;
    for k in 1..200 {
        let kf = k as f64;
        f = (kf * f + p + q) / (kf * kf - mu * mu);
        p /= kf - mu;
        q /= kf + mu;
        c *= z / kf;
        let g = f + ee * q;
        let del = c * g;
        sum += del;
        let del1 = c * (p - kf * g);
        sum1 += del1;
        if del.abs() < EPS * sum.abs() && del1.abs() < EPS * sum1.abs() {
            break;
        }
    }
    (-sum, -2.0 / x * sum1)
}

/// CF2 of Steed's method: `p + iq = (J_μ' + iY_μ')/(J_μ + iY_μ)` for `x ≥ 2`.
fn cf2_pq(mu: f64, x: f64) -> Complex64 {
    let term = |k: f64| {
        (
            (k - 0.5) * (k - 0.5) - mu * mu,
            Complex64::new(2.0 * x, 2.0 * k),
        )
    };
    let (a1, b1) = term(1.0);
    // Lentz on b1 + a2/(b2 + …); |b_k| ≥ 2x ≥ 4 keeps every denominator away from 0.
    let mut f = b1;
    let mut c = b1;
    let mut d = Complex64::new(0.0, 0.0);
    for k in 2..10_000 {
        let (a, b) = term(k as f64);
        d = (b + a * d).inv();
        c = b + a / c;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).norm() < EPS {
            break;
        }
    }
    Complex64::new(-0.5 / x, 1.0) + Complex64::new(0.0, 1.0 / x) * (a1 / f)
}

/// `(J_ν(x), Y_ν(x))` for `ν ≥ 0` and finite `x > 0` by Steed's method.
fn jy_steed(nu: f64, x: f64) -> (f64, f64) {
    let nl = (nu + 0.5).floor();
    if nl > MAX_STEPS {
        return (f64::NAN, f64::NAN);
    }
    let mu = nu - nl;
    let Some((ratio, sign)) = cf1_ratio(nu, x) else {
        return (f64::NAN, f64::NAN);
    };
    // Downward recurrence J_{k-1} = (2k/x) J_k - J_{k+1} from J_ν = sign.
    let mut scale = sign; // the value assigned to J_ν, rescaled with the others
    let mut jk = sign;
    let mut jk1 = sign * ratio;
    let mut k = nu;
    for _ in 0..nl as u64 {
        let jm = 2.0 * k / x * jk - jk1;
        jk1 = jk;
        jk = jm;
        k -= 1.0;
        if jk.abs() > 1e250 {
            jk *= 1e-250;
            jk1 *= 1e-250;
            scale *= 1e-250;
        }
    }
    let f = mu / x - jk1 / jk; // J_μ'/J_μ
    let w = FRAC_2_PI / x; // Wronskian J Y' - J' Y
    let (jmu, ymu, ymu1) = if x < 2.0 {
        let (ymu, ymu1) = temme_y(mu, x);
        let dy = mu / x * ymu - ymu1;
        (w / (dy - f * ymu), ymu, ymu1)
    } else {
        let pq = cf2_pq(mu, x);
        let (p, q) = (pq.re, pq.im);
        let gam = (p - f) / q;
        let jmu = (w / (q + gam * (p - f))).sqrt().copysign(jk);
        let ymu = gam * jmu;
        let dy = p * ymu + q * jmu;
        (jmu, ymu, mu / x * ymu - dy)
    };
    let j = scale * (jmu / jk);
    // Upward recurrence Y_{k+1} = (2k/x) Y_k - Y_{k-1}, stable for Y.
    let (mut y0, mut y1) = (ymu, ymu1);
    let mut k = mu + 1.0;
    for _ in 0..nl as u64 {
        let y2 = 2.0 * k / x * y1 - y0;
        y0 = y1;
        y1 = y2;
        k += 1.0;
        if y0.is_infinite() {
            return (j, f64::NEG_INFINITY);
        }
    }
    (j, y0)
}

/// `J_ν(x)` for `ν ≥ 0`, finite `x > 0`.
pub(super) fn j_pos(nu: f64, x: f64) -> f64 {
    if x * x <= 2.0 * (nu + 1.0) {
        return j_series(nu, x);
    }
    if hankel_region(nu, x) {
        if let Some((j, _)) = jy_hankel(nu, x) {
            return j;
        }
    }
    jy_steed(nu, x).0
}

/// `Y_ν(x)` for `ν ≥ 0`, finite `x > 0`.
pub(super) fn y_pos(nu: f64, x: f64) -> f64 {
    if hankel_region(nu, x) {
        if let Some((_, y)) = jy_hankel(nu, x) {
            return y;
        }
    }
    jy_steed(nu, x).1
}

/// `(J_ν(x), Y_ν(x))` for `ν ≥ 0`, finite `x > 0`.
pub(super) fn jy_pos(nu: f64, x: f64) -> (f64, f64) {
    if hankel_region(nu, x) {
        if let Some(jy) = jy_hankel(nu, x) {
            return jy;
        }
    }
    let (j, y) = jy_steed(nu, x);
    if x * x <= 2.0 * (nu + 1.0) {
        (j_series(nu, x), y)
    } else {
        (j, y)
    }
}

/// Bessel function of the first kind of real order, `J_v(x)`.
///
/// SciPy: `scipy.special.jv` (real argument). For `x < 0` the result is real
/// only for integer `v` (`J_n(-x) = (-1)^n J_n(x)`); otherwise NaN.
///
/// ```text
/// J_v(x) = Σ_k (-1)^k (x/2)^(2k+v) / (k! Γ(k+v+1))
/// J_{-v}(x) = cos(vπ) J_v(x) - sin(vπ) Y_v(x)
/// ```
///
/// `J_v(±∞) = 0` (SciPy returns NaN there for non-integer orders).
///
/// # Examples
/// ```
/// use ferrosci::special::jv;
/// assert!((jv(0.5, 1.0) - (2.0 / std::f64::consts::PI).sqrt() * 1f64.sin()).abs() < 1e-15);
/// assert_eq!(jv(0.0, 0.0), 1.0);
/// assert!(jv(0.5, -1.0).is_nan());
/// ```
pub fn jv(v: f64, x: f64) -> f64 {
    if v.is_nan() || x.is_nan() || v.is_infinite() {
        return f64::NAN;
    }
    let vint = is_int(v);
    if x < 0.0 {
        if !vint {
            return f64::NAN;
        }
        let r = jv(v, -x);
        return if is_int(v * 0.5) { r } else { -r };
    }
    if x.is_infinite() {
        return 0.0;
    }
    if v < 0.0 {
        let n = -v;
        if vint {
            let r = jv(n, x);
            return if is_int(n * 0.5) { r } else { -r };
        }
        if x == 0.0 {
            return f64::INFINITY;
        }
        let (j, y) = jy_pos(n, x);
        let (s, c) = (sinpi(n), cospi(n));
        let y_part = if s == 0.0 { 0.0 } else { s * y };
        return c * j - y_part;
    }
    if x == 0.0 {
        return if v == 0.0 { 1.0 } else { 0.0 };
    }
    j_pos(v, x)
}

/// Bessel function of the second kind of real order, `Y_v(x)`.
///
/// SciPy: `scipy.special.yv` (real argument). NaN for `x < 0`, `-∞` at
/// `x = 0`.
///
/// ```text
/// Y_v(x) = (J_v(x) cos(vπ) - J_{-v}(x)) / sin(vπ)    (limit at integer v)
/// Y_{-v}(x) = sin(vπ) J_v(x) + cos(vπ) Y_v(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::yv;
/// assert!((yv(0.5, 2.0) + (2.0 / (std::f64::consts::PI * 2.0)).sqrt() * 2f64.cos()).abs() < 1e-15);
/// assert_eq!(yv(1.0, 0.0), f64::NEG_INFINITY);
/// ```
pub fn yv(v: f64, x: f64) -> f64 {
    if v.is_nan() || x.is_nan() || v.is_infinite() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if v < 0.0 {
        let n = -v;
        if is_int(n) {
            let r = y_pos(n, x);
            return if is_int(n * 0.5) { r } else { -r };
        }
        let (j, y) = jy_pos(n, x);
        let (s, c) = (sinpi(n), cospi(n));
        let y_part = if c == 0.0 { 0.0 } else { c * y };
        return s * j + y_part;
    }
    y_pos(v, x)
}

/// Exponentially scaled `J_v(x)·e^{-|Im x|}`; for real `x` this equals [`jv`].
///
/// SciPy: `scipy.special.jve` (real argument).
///
/// # Examples
/// ```
/// use ferrosci::special::{jv, jve};
/// assert_eq!(jve(1.5, 3.0), jv(1.5, 3.0));
/// ```
pub fn jve(v: f64, x: f64) -> f64 {
    jv(v, x)
}

/// Exponentially scaled `Y_v(x)·e^{-|Im x|}`; for real `x` this equals [`yv`].
///
/// SciPy: `scipy.special.yve` (real argument).
///
/// # Examples
/// ```
/// use ferrosci::special::{yv, yve};
/// assert_eq!(yve(1.5, 3.0), yv(1.5, 3.0));
/// ```
pub fn yve(v: f64, x: f64) -> f64 {
    yv(v, x)
}

/// Bessel function of the first kind of order 0, `J_0(x)`.
///
/// SciPy: `scipy.special.j0`.
///
/// ```text
/// J_0(x) = (1/π) ∫_0^π cos(x sin θ) dθ
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::j0;
/// assert_eq!(j0(0.0), 1.0);
/// assert!(j0(2.404825557695773).abs() < 1e-15);
/// ```
pub fn j0(x: f64) -> f64 {
    jv(0.0, x.abs())
}

/// Bessel function of the first kind of order 1, `J_1(x)`.
///
/// SciPy: `scipy.special.j1`.
///
/// ```text
/// J_1(x) = -J_0'(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::j1;
/// assert_eq!(j1(0.0), 0.0);
/// assert!((j1(-1.0) + j1(1.0)).abs() == 0.0);
/// ```
pub fn j1(x: f64) -> f64 {
    jv(1.0, x)
}

/// Bessel function of the first kind of integer order, `J_n(x)`.
///
/// SciPy: `scipy.special.jn`.
///
/// ```text
/// J_{-n}(x) = (-1)^n J_n(x),   J_n(-x) = (-1)^n J_n(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{jn, j0, j1};
/// let x = 3.7;
/// // The three-term recurrence J_{n-1} + J_{n+1} = (2n/x) J_n
/// assert!((j0(x) + jn(2, x) - 2.0 / x * j1(x)).abs() < 1e-15);
/// ```
pub fn jn(n: i32, x: f64) -> f64 {
    jv(f64::from(n), x)
}

/// Bessel function of the second kind of order 0, `Y_0(x)`.
///
/// SciPy: `scipy.special.y0`. NaN for `x < 0`, `-∞` at 0.
///
/// ```text
/// Y_0(x) ≈ (2/π)(ln(x/2) + γ) as x → 0
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::y0;
/// assert!((y0(1.0) - 0.08825696421567697).abs() < 1e-16);
/// ```
pub fn y0(x: f64) -> f64 {
    yv(0.0, x)
}

/// Bessel function of the second kind of order 1, `Y_1(x)`.
///
/// SciPy: `scipy.special.y1`.
///
/// ```text
/// Y_1(x) = -Y_0'(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::y1;
/// assert!((y1(1.0) + 0.7812128213002887).abs() < 1e-15);
/// ```
pub fn y1(x: f64) -> f64 {
    yv(1.0, x)
}

/// Bessel function of the second kind of integer order, `Y_n(x)`.
///
/// SciPy: `scipy.special.yn`.
///
/// ```text
/// Y_{-n}(x) = (-1)^n Y_n(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{yn, y0, y1};
/// let x = 2.5;
/// assert!((y0(x) + yn(2, x) - 2.0 / x * y1(x)).abs() < 1e-15);
/// ```
pub fn yn(n: i32, x: f64) -> f64 {
    yv(f64::from(n), x)
}
