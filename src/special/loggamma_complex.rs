//! The principal branch of `ln Γ(z)` for complex `z`.
//!
//! Stirling's series for `|z| ≥ 17`, `Re z ≥ 0`; the recurrence
//! `ln Γ(z) = ln Γ(z + n) - Σ ln(z + k)` (a sum of principal logarithms, which
//! is the continuous branch) to reach it; Taylor series about 1 and 2 where
//! `ln Γ` vanishes; for `Re z < -5` the reflection formula, with the multiple
//! of `2πi` fixed by the leading Stirling terms at `z` (Hare 1997 describes
//! the branch bookkeeping).

use super::faddeeva::cdiv;
use super::gamma::gammaln;
use super::kernels::{cospi, sinpi};
use super::zeta::zetac;
use num_complex::Complex64;
use std::f64::consts::PI;
use std::sync::OnceLock;

const HALF_LN_2PI: f64 = 0.9189385332046728;
const LN_PI: f64 = 1.1447298858494002;
const EULER: f64 = 0.5772156649015329;
/// `B_{2k}/(2k(2k-1))`, k = 1..10.
const STIRLING: [f64; 10] = [
    1.0 / 12.0,
    -1.0 / 360.0,
    1.0 / 1260.0,
    -1.0 / 1680.0,
    1.0 / 1188.0,
    -691.0 / 360360.0,
    1.0 / 156.0,
    -3617.0 / 122400.0,
    43867.0 / 244188.0,
    -174611.0 / 125400.0,
];
/// Stirling's series (10 terms) is below rounding for `|z| ≥ 17`, `Re z ≥ 0`,
/// or for `Re z ≥ 8` (error ≤ 1e-17 there).
const STIRLING_MIN: f64 = 17.0;
const STIRLING_RE: f64 = 8.0;
/// Radius of the Taylor series about 1 and 2 (100 terms).
const TAYLOR_R: f64 = 0.7;
const N_ZETA: usize = 100;

fn c(re: f64, im: f64) -> Complex64 {
    Complex64::new(re, im)
}

/// `ζ(k)` for k = 2..=101 (index k - 2).
fn zetas() -> &'static [f64; N_ZETA] {
    static Z: OnceLock<[f64; N_ZETA]> = OnceLock::new();
    Z.get_or_init(|| std::array::from_fn(|i| 1.0 + zetac((i + 2) as f64)))
}

/// `ln Γ(1 + t)` for `|t| ≤ 0.7`: `-γt + Σ_{k≥2} (-1)^k ζ(k) t^k / k`.
fn lgamma1p_taylor(t: Complex64) -> Complex64 {
    let z = zetas();
    let mut sum = c(0.0, 0.0);
    for k in (2..=N_ZETA + 1).rev() {
        let sgn = if k % 2 == 0 { 1.0 } else { -1.0 };
        sum = (sum + sgn * z[k - 2] / k as f64) * t;
    }
    (sum - EULER) * t
}

/// Stirling's series, `|z| ≥ 17` or `Re z ≥ 8`, `Re z ≥ 0`.
fn stirling(z: Complex64) -> Complex64 {
    let r = cdiv(c(1.0, 0.0), z);
    let r2 = r * r;
    let mut s = c(0.0, 0.0);
    for &b in STIRLING.iter().rev() {
        s = s * r2 + b;
    }
    (z - 0.5) * z.ln() - z + HALF_LN_2PI + s * r
}

/// `ln Γ(z)` for `Re z ≥ -5`, `Im z ≥ 0`, off the poles.
fn loggamma_right(z: Complex64) -> Complex64 {
    if (z - 1.0).norm() <= TAYLOR_R {
        return lgamma1p_taylor(z - 1.0);
    }
    if (z - 2.0).norm() <= TAYLOR_R {
        // ln Γ(2 + t) = ln Γ(1 + t) + ln(1 + t)
        let t = z - 2.0;
        return lgamma1p_taylor(t) + ln1p(t);
    }
    if z.im.abs() <= 0.45 && z.re < 1.0 {
        // recur up into the Taylor discs (x + n ∈ [1, 2), |y| ≤ 0.45): no
        // cancellation against a large ln Γ(z + n)
        let n = (1.0 - z.re).ceil() as usize;
        let mut logs = c(0.0, 0.0);
        for k in 0..n {
            logs += (z + k as f64).ln();
        }
        return loggamma_right(z + n as f64) - logs;
    }
    if z.re >= STIRLING_RE || (z.re >= 0.0 && z.norm() >= STIRLING_MIN) {
        return stirling(z);
    }
    // shift right until Re(z + n) ≥ 8 (or |z + n| ≥ 17 with Re(z + n) ≥ 0)
    let need = if z.im.abs() >= STIRLING_MIN {
        0.0
    } else {
        STIRLING_RE
    };
    let n = (need - z.re).ceil().max((-z.re).ceil()).max(0.0) as usize;
    let mut logs = c(0.0, 0.0);
    for k in 0..n {
        logs += (z + k as f64).ln();
    }
    stirling(z + n as f64) - logs
}

/// `ln(1 + t)`, accurate for small `|t|`.
fn ln1p(t: Complex64) -> Complex64 {
    if t.norm() > 0.25 {
        return (1.0 + t).ln();
    }
    // ln(1+t) = 2 atanh(t/(2+t)) = 2 Σ u^{2k+1}/(2k+1)
    let u = cdiv(t, 2.0 + t);
    let u2 = u * u;
    let mut p = u;
    let mut sum = c(0.0, 0.0);
    for k in 0..40 {
        let term = p / (2 * k + 1) as f64;
        sum += term;
        if term.norm() <= 1e-17 * sum.norm() {
            break;
        }
        p *= u2;
    }
    2.0 * sum
}

/// `ln Γ(z)` for `Re z < -5`, `Im z ≥ 0`, by reflection:
/// `ln Γ(z) = ln π - ln sin(πz) - ln Γ(1 - z) + 2πik`, with
/// `ln sin(πz) ≡ ln(i/2) - iπz + ln(1 - e^{2πiz})` (mod 2πi).
fn loggamma_reflect(z: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    // e^{2πiz} = e^{-2πy} (cos 2πx + i sin 2πx), phase without rounding 2πx
    let m = (-2.0 * PI * y).exp();
    let u = c(m * cospi(2.0 * x), m * sinpi(2.0 * x));
    let l1 = if u.norm() < 0.25 {
        ln1p(-u)
    } else {
        // near the poles 1 - u → 0: 1 - m e^{iθ} = (1 - m) + 2m sin²(θ/2) - i m sin θ
        let sh = sinpi(x);
        c(
            -(-2.0 * PI * y).exp_m1() + 2.0 * m * sh * sh,
            -m * sinpi(2.0 * x),
        )
        .ln()
    };
    // ln(i/2) - iπz = (-ln 2 + πy) + i(π/2 - πx)
    let base = c(
        LN_PI + std::f64::consts::LN_2 - PI * y,
        -(PI / 2.0) + PI * x,
    ) - loggamma_right(1.0 - z);
    // the branch: match the leading Stirling terms at z
    let est = (z - 0.5) * z.ln() - z;
    let k = ((est.im - base.im) / (2.0 * PI)).round();
    base - l1 + c(0.0, 2.0 * PI * k)
}

/// Principal branch of the logarithm of the gamma function, complex argument.
///
/// SciPy: `scipy.special.loggamma` on complex input. Analytic except for a
/// branch cut along the negative real axis (the value at `x + 0i` is the limit
/// from above, at `x - 0i` from below); `exp(loggamma(z)) = Γ(z)`, and unlike
/// `ln(Γ(z))` it has no jumps of `2πi` elsewhere. NaN at the poles
/// `0, -1, -2, …` and at infinite or NaN components (as SciPy; `x ± i∞` gives
/// `-∞ + NaN i`). The real function is [`loggamma`](crate::special::loggamma).
///
/// ```text
/// loggamma(z) = ln Γ(z) continued from the positive real axis;
/// loggamma(z + 1) = loggamma(z) + ln z
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::loggamma_complex;
/// use num_complex::Complex64;
/// let v = loggamma_complex(Complex64::new(0.5, 0.0));
/// assert!((v.re - 0.5 * std::f64::consts::PI.ln()).abs() < 1e-16 && v.im == 0.0);
/// // no 2πi jumps: Im loggamma(-2.5 + 0i) = -3π
/// let v = loggamma_complex(Complex64::new(-2.5, 0.0));
/// assert!((v.im + 3.0 * std::f64::consts::PI).abs() < 1e-14);
/// ```
pub fn loggamma_complex(z: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    if x.is_nan() || y.is_nan() {
        return c(f64::NAN, f64::NAN);
    }
    if y.is_infinite() && x.is_finite() {
        return c(f64::NEG_INFINITY, f64::NAN);
    }
    if x.is_infinite() || y.is_infinite() {
        return c(f64::NAN, f64::NAN);
    }
    if y == 0.0 {
        if x > 0.0 {
            return c(gammaln(x), y);
        }
        if x == x.floor() {
            return c(f64::NAN, f64::NAN);
        }
    }
    if y.is_sign_negative() {
        return loggamma_complex(z.conj()).conj();
    }
    if x < -5.0 {
        loggamma_reflect(z)
    } else {
        loggamma_right(z)
    }
}
