//! The gamma function and its logarithm, reciprocal, sign and logarithmic
//! derivative.
//!
//! On `1/2 ≤ x ≤ 20.5`, `Γ(m + t)` (`m` the nearest integer) is one
//! degree-(7, 7) rational function of `t` per `m` (`gamma_table.rs`): no
//! product of shifts, two independent Horner chains and one division. Negative
//! `x ≥ -20` shift up to `1 + t` (`x - k` is exact for integer `k` and `|x - k|
//! ≤ |x|`); the reflection formula covers large negative `x`, Stirling's series
//! `x > 20`. `1/Γ(1+t)` on `|t| ≤ 1/2` (entire: a degree-18 Chebyshev
//! interpolant) serves `ln Γ` near its zeros. Coefficients come from
//! `tools/fixtures/special_a_fit.py` (mpmath, 60 digits).

use super::gamma_table::GAMMA_RAT;
use super::kernels::{
    cospi, estrin, is_nonpositive_int, is_odd, nearest_int, polevl, polevl_eo, sinpi,
};
use super::zeta::zeta;
use std::f64::consts::PI;

/// `1/Γ(1+t)` for `|t| ≤ 1/2` (Chebyshev interpolant, degree 18, max rel. error 1.9e-16).
const RGAMMA1P: [f64; 19] = [
    1.0,
    0.5772156649015329,
    -0.6558780715202539,
    -0.04200263503409524,
    0.16653861138229148,
    -0.0421977345555443,
    -0.00962197152787699,
    0.007218943246661848,
    -0.001165167591858509,
    -0.00021524167409330347,
    0.0001280502823784794,
    -2.013485500066021e-05,
    -1.2504933840432148e-06,
    1.1330285797748513e-06,
    -2.0563444518505314e-07,
    6.111199295960832e-09,
    5.004213403164851e-09,
    -1.171619039742315e-09,
    9.993643393836402e-11,
];
/// `Γ(x)/(√(2π) x^(x-1/2) e^(-x))` as a polynomial in `u = 1/x`, `x ≥ 10` (max rel. error 1.1e-16).
const STIRLING: [f64; 12] = [
    1.0,
    0.08333333333333333,
    0.003472222222221805,
    -0.0026813271604161112,
    -0.0002294721010819453,
    0.0007840396432921253,
    6.971308821005036e-05,
    -0.0005918147317589908,
    -5.7147668990953455e-05,
    0.000893785699676796,
    -0.00025593394838443036,
    -0.0009544827155865389,
];
/// `ψ(1+t)/(t - (x₀ - 1))` in powers of `t - 1/2` for `t ∈ [0, 1]`, where `x₀` is ψ's positive root.
const DIGAMMA_ROOT: [f64; 25] = [
    0.9510558760318328,
    -0.42362742128146047,
    0.24054248424078692,
    -0.1484049230539187,
    0.09498872445291558,
    -0.061922133271544284,
    0.04076083393821673,
    -0.026975796849706184,
    0.01790724844392596,
    -0.011908215027359153,
    0.007927018411136843,
    -0.005280020192518892,
    0.0035181618550874957,
    -0.0023446252179885993,
    0.001562789950608375,
    -0.0010424323828753985,
    0.000694908174082211,
    -0.0004591975036646912,
    0.0003061242075543146,
    -0.00022001895005109955,
    0.0001466781049062341,
    -5.7709404612698156e-05,
    3.847275205849602e-05,
    -8.394009422598467e-05,
    5.596002350342592e-05,
];
/// ψ's positive root `x₀ = 1.46163214496836234126…` minus one, as a double-double.
const DIGAMMA_ROOT_HI: f64 = 0.46163214496836236;
const DIGAMMA_ROOT_LO: f64 = -1.5522348162858677e-17;
/// `B_{2k}/(2k)`, k = 1..8: digamma's asymptotic series in `1/x²`.
const DIGAMMA_ASYMP: [f64; 8] = [
    0.08333333333333333,
    -0.008333333333333333,
    0.003968253968253968,
    -0.004166666666666667,
    0.007575757575757576,
    -0.021092796092796094,
    0.08333333333333333,
    -0.4432598039215686,
];
/// `B_{2k}/(2k(2k-1))`, k = 1..10: Stirling's series for `ln Γ` in `1/x²`.
const LGAMMA_ASYMP: [f64; 10] = [
    0.08333333333333333,
    -0.002777777777777778,
    0.0007936507936507937,
    -0.0005952380952380953,
    0.0008417508417508417,
    -0.0019175269175269176,
    0.00641025641025641,
    -0.029550653594771242,
    0.17964437236883057,
    -1.3924322169059011,
];
/// The first five terms of [`LGAMMA_ASYMP`], enough from `x = 20` on.
const LGAMMA_ASYMP_SHORT: [f64; 5] = [
    LGAMMA_ASYMP[0],
    LGAMMA_ASYMP[1],
    LGAMMA_ASYMP[2],
    LGAMMA_ASYMP[3],
    LGAMMA_ASYMP[4],
];
const SQRT_2PI: f64 = 2.5066282746310007;
const HALF_LN_2PI: f64 = 0.9189385332046728;
const LN_PI: f64 = 1.1447298858494002;
/// `1 - γ` (Euler's constant γ), correctly rounded.
const ONE_MINUS_EULER: f64 = 0.42278433509846713;
/// Largest `x` with finite `Γ(x)`.
const GAMMA_MAX: f64 = 171.6243769563027;
/// Below this `|x|` the shift-and-multiply path is used; above, Stirling/reflection.
const SHIFT_MAX: f64 = 20.0;

/// `1/Γ(1+t)` for `|t| ≤ 1/2`.
#[inline(always)]
fn rgamma1p(t: f64) -> f64 {
    estrin(t, &RGAMMA1P)
}

/// `ln Γ(1+t)` for `|t| ≤ 1/2`, accurate relative to the result near `t = 0`:
/// `-log1p(t·q(t))` where `1/Γ(1+t) = 1 + t·q(t)`.
#[inline(always)]
fn lgamma1p(t: f64) -> f64 {
    -(t * polevl(t, &RGAMMA1P[1..])).ln_1p()
}

/// `ln Γ(2+t)` for `|t| ≤ 1/2`, accurate relative to the result near `t = 0`:
/// `Γ(2+t) - 1 = t(1 - q(t))/(1 + t·q(t))`.
#[inline(always)]
fn lgamma2p(t: f64) -> f64 {
    let q1 = polevl(t, &RGAMMA1P[2..]);
    let one_minus_q = ONE_MINUS_EULER - t * q1;
    (t * one_minus_q / rgamma1p(t)).ln_1p()
}

/// Product `∏ (x - k)` for `k` in `from..=to` (four chains for latency).
#[inline(always)]
fn shifted_product(x: f64, from: i32, to: i32) -> f64 {
    let mut p = [1.0f64; 4];
    let mut k = from;
    while k + 3 <= to {
        p[0] *= x - f64::from(k);
        p[1] *= x - f64::from(k + 1);
        p[2] *= x - f64::from(k + 2);
        p[3] *= x - f64::from(k + 3);
        k += 4;
    }
    let mut i = 0;
    while k <= to {
        p[i] *= x - f64::from(k);
        k += 1;
        i += 1;
    }
    (p[0] * p[1]) * (p[2] * p[3])
}

/// `Γ(x)` and `1/Γ(x)` for `|x| ≤ SHIFT_MAX`, `x` not a pole, as
/// `(numerator, denominator)` with `Γ(x) = num/den`: `x = m + t`, `|t| ≤ 1/2`.
#[inline(always)]
fn gamma_ratio_small(x: f64) -> (f64, f64) {
    let (m, t) = nearest_int(x);
    let m = m as i32;
    if m >= 1 {
        // Horner: a little slower than Estrin here, but half an ulp better
        let [p, q] = &GAMMA_RAT[(m - 1) as usize];
        (polevl(t, p), polevl(t, q))
    } else {
        // Γ(x) = Γ(1+t) / (x (x+1) … (x-m))
        let [p, q] = &GAMMA_RAT[0];
        (polevl(t, p), polevl(t, q) * shifted_product(x, m, 0))
    }
}

/// `(x^(x/2-1/4), √(2π) S(1/x) e^(-x))`: `Γ(x) = a·b·a` for `x ≥ SHIFT_MAX`,
/// split so that nothing overflows before the end.
#[inline(always)]
fn stirling_parts(x: f64) -> (f64, f64) {
    let a = x.powf(0.5 * x - 0.25);
    let b = SQRT_2PI * polevl(1.0 / x, &STIRLING) * (-x).exp();
    (a, b)
}

/// Stirling's correction factor `Γ*(x) = Γ(x)/(√(2π) x^(x-1/2) e^(-x))` for
/// `x ≥ 10`; it tends to 1, so ratios of gamma functions built from it keep
/// full relative accuracy for large arguments.
#[inline]
pub(crate) fn gammastar(x: f64) -> f64 {
    polevl(1.0 / x, &STIRLING)
}

/// `1/Γ(1+t) - 1` for `|t| ≤ 1/2`, with full relative accuracy near `t = 0`.
#[inline]
pub(crate) fn rgamma1pm1(t: f64) -> f64 {
    t * polevl(t, &RGAMMA1P[1..])
}

/// Γ(x) for `x ≥ SHIFT_MAX`.
#[inline(always)]
fn gamma_large(x: f64) -> f64 {
    if x > GAMMA_MAX {
        return f64::INFINITY;
    }
    let (a, b) = stirling_parts(x);
    a * b * a
}

/// 1/Γ(x) for `x ≥ SHIFT_MAX`.
fn rgamma_large(x: f64) -> f64 {
    if x <= GAMMA_MAX {
        return 1.0 / gamma_large(x);
    }
    if x > 200.0 {
        return 0.0;
    }
    // Subnormal results: x^-(x/2-1/4) · e^x/(√(2π) S) · x^-(x/2-1/4).
    let a = x.powf(0.25 - 0.5 * x);
    let b = x.exp() / (SQRT_2PI * polevl(1.0 / x, &STIRLING));
    a * b * a
}

/// Whether `x` is zero or a negative integer (a pole of Γ), or `-∞`.
#[inline(always)]
fn is_pole(x: f64) -> bool {
    is_nonpositive_int(x)
}

/// Gamma function Γ(x) for real `x`.
///
/// SciPy: `scipy.special.gamma`.
///
/// ```text
/// Γ(x) = ∫₀^∞ t^(x-1) e^(-t) dt,   Γ(n+1) = n!,   Γ(x+1) = x Γ(x)
/// ```
///
/// Poles: `gamma(±0) = ±∞`, NaN at negative integers and `-∞` (as SciPy);
/// overflows to `+∞` for `x > 171.624…`; underflows to `±0` for large negative `x`.
///
/// # Examples
/// ```
/// use ferrosci::special::gamma;
/// assert_eq!(gamma(5.0), 24.0);
/// assert!((gamma(0.5) - std::f64::consts::PI.sqrt()).abs() < 1e-15);
/// assert!(gamma(-1.0).is_nan());
/// ```
pub fn gamma(x: f64) -> f64 {
    if x.abs() <= SHIFT_MAX {
        if x == 0.0 {
            return 1.0 / x;
        }
        if is_pole(x) {
            return f64::NAN;
        }
        let (num, den) = gamma_ratio_small(x);
        return num / den;
    }
    if x > SHIFT_MAX {
        return gamma_large(x);
    }
    if x.is_nan() || is_pole(x) {
        return f64::NAN;
    }
    // Reflection: Γ(x) = -π / (x sin(πx) Γ(-x)).
    let s = -PI / (x * sinpi(x));
    if -x > GAMMA_MAX {
        s * rgamma_large(-x)
    } else {
        s / gamma_large(-x)
    }
}

/// Reciprocal of the gamma function, `1/Γ(x)`, an entire function.
///
/// SciPy: `scipy.special.rgamma`.
///
/// ```text
/// rgamma(x) = 1/Γ(x);   rgamma(-n) = 0 for n = 0, 1, 2, …
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::rgamma;
/// assert_eq!(rgamma(4.0), 1.0 / 6.0);
/// assert_eq!(rgamma(-3.0), 0.0);
/// ```
pub fn rgamma(x: f64) -> f64 {
    if x.abs() <= SHIFT_MAX {
        if x == 0.0 {
            return x;
        }
        if is_pole(x) {
            return 0.0;
        }
        let (num, den) = gamma_ratio_small(x);
        return den / num;
    }
    if x > SHIFT_MAX {
        return rgamma_large(x);
    }
    if x.is_nan() {
        return f64::NAN;
    }
    if is_pole(x) {
        return 0.0;
    }
    // 1/Γ(x) = -x sin(πx) Γ(-x) / π
    (-x * sinpi(x) / PI) * gamma_large(-x)
}

/// Sign of the gamma function: `+1` or `-1` (Γ has no zeros).
///
/// SciPy: `scipy.special.gammasgn`. NaN at the poles `x = -1, -2, …`, at `-∞`
/// and for NaN; `gammasgn(-0.0) = -1` and `gammasgn(0.0) = +1` as `Γ(±0) = ±∞`.
///
/// ```text
/// gammasgn(x) = (-1)^⌈-x⌉ for non-integer x < 0,   +1 for x > 0
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::gammasgn;
/// assert_eq!(gammasgn(-0.5), -1.0);
/// assert_eq!(gammasgn(-1.5), 1.0);
/// assert_eq!(gammasgn(3.0), 1.0);
/// ```
pub fn gammasgn(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x == 0.0 {
        1.0f64.copysign(x)
    } else if x.is_nan() || is_pole(x) {
        f64::NAN
    } else if is_odd(x.floor()) {
        -1.0
    } else {
        1.0
    }
}

/// Logarithm of the absolute value of the gamma function, `ln |Γ(x)|`.
///
/// SciPy: `scipy.special.gammaln`. Finite where `gamma` overflows (any
/// `x > 171.6`); `+∞` at the poles, `-∞` at `-∞` (as SciPy). Accurate relative
/// to the result also near its zeros `x = 1` and `x = 2`.
///
/// ```text
/// gammaln(x) = ln |Γ(x)|  ~  (x - 1/2) ln x - x + ln(2π)/2 + 1/(12x) - …
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::gammaln;
/// assert_eq!(gammaln(1.0), 0.0);
/// assert!((gammaln(1000.0) - 5905.220423209181).abs() < 1e-11);
/// ```
pub fn gammaln(x: f64) -> f64 {
    if x > 0.5 {
        if x <= 1.5 {
            return lgamma1p(x - 1.0);
        }
        if x <= 2.5 {
            return lgamma2p(x - 2.0);
        }
        if x < 8.0 {
            let (num, den) = gamma_ratio_small(x);
            return (num / den).ln();
        }
        return lgamma_stirling(x);
    }
    if x.abs() <= 0.5 {
        if x == 0.0 {
            return f64::INFINITY;
        }
        return lgamma1p(x) - x.abs().ln();
    }
    if x.is_nan() {
        return f64::NAN;
    }
    if x == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    if is_pole(x) {
        return f64::INFINITY;
    }
    if x >= -SHIFT_MAX {
        let (num, den) = gamma_ratio_small(x);
        return (num / den).abs().ln();
    }
    // ln|Γ(x)| = ln π - ln|x sin(πx)| - ln Γ(-x)
    LN_PI - (x * sinpi(x)).abs().ln() - lgamma_stirling(-x)
}

/// Stirling's series for `ln Γ(x)`, `x ≥ 8`.
#[inline(always)]
fn lgamma_stirling(x: f64) -> f64 {
    if x == f64::INFINITY {
        return x;
    }
    let r = 1.0 / x;
    // From x = 20 on, five terms reach 1e-17 relative (the sixth is 9e-18
    // absolute against ln Γ(20) = 39): a shorter chain on the common path.
    let series = if x >= 20.0 {
        r * estrin(r * r, &LGAMMA_ASYMP_SHORT)
    } else {
        r * polevl_eo(r * r, &LGAMMA_ASYMP)
    };
    (x - 0.5) * x.ln() - x + (HALF_LN_2PI + series)
}

/// Digamma function ψ(x) = Γ'(x)/Γ(x), the logarithmic derivative of Γ.
///
/// SciPy: `scipy.special.digamma` (alias `psi`). `ψ(±0) = ∓∞`, NaN at negative
/// integers and `-∞`; accurate relative to the result near its positive root
/// `x₀ = 1.4616…`.
///
/// ```text
/// ψ(x) = d/dx ln Γ(x),   ψ(1) = -γ,   ψ(x+1) = ψ(x) + 1/x,
/// ψ(1-x) - ψ(x) = π cot(πx)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::digamma;
/// assert!((digamma(1.0) + 0.5772156649015329).abs() < 1e-16);
/// assert!((digamma(2.0) - (1.0 - 0.5772156649015329)).abs() < 1e-16);
/// ```
pub fn digamma(x: f64) -> f64 {
    if x >= 1.0 {
        if x <= 2.0 {
            return digamma1p(x - 1.0);
        }
        if x < 10.0 {
            // ψ(x) = ψ(1+t) + Σ_{j=1..n} 1/(x - j),  t = x - 1 - n ∈ [0, 1)
            let n = (x - 1.0).floor();
            let t = x - 1.0 - n;
            let mut sum = 0.0;
            let mut j = 1.0;
            while j <= n {
                sum += 1.0 / (x - j);
                j += 1.0;
            }
            return digamma1p(t) + sum;
        }
        if x == f64::INFINITY {
            return x;
        }
        let r2 = 1.0 / (x * x);
        return x.ln() - 0.5 / x - r2 * polevl(r2, &DIGAMMA_ASYMP);
    }
    if x > 0.0 {
        return digamma1p(x) - 1.0 / x;
    }
    if x == 0.0 {
        return -1.0 / x;
    }
    if x.is_nan() || is_pole(x) {
        return f64::NAN;
    }
    // ψ(x) = ψ(1-x) - π cot(πx)
    digamma(1.0 - x) - PI * cospi(x) / sinpi(x)
}

/// ψ(1+t) for `t ∈ [0, 1]`, relative accuracy kept at its root.
#[inline(always)]
fn digamma1p(t: f64) -> f64 {
    ((t - DIGAMMA_ROOT_HI) - DIGAMMA_ROOT_LO) * polevl(t - 0.5, &DIGAMMA_ROOT)
}

/// Digamma function ψ(x); SciPy's other name for [`digamma`].
///
/// SciPy: `scipy.special.psi`.
///
/// ```text
/// psi(x) = digamma(x) = Γ'(x)/Γ(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{digamma, psi};
/// assert_eq!(psi(3.5), digamma(3.5));
/// ```
#[inline]
pub fn psi(x: f64) -> f64 {
    digamma(x)
}

/// Polygamma function ψ⁽ⁿ⁾(x), the `n`-th derivative of the digamma function.
///
/// SciPy: `scipy.special.polygamma`. `n` must be a non-negative integer (NaN
/// otherwise); `n = 0` is [`digamma`].
///
/// ```text
/// ψ⁽ⁿ⁾(x) = (-1)^(n+1) n! ζ(n+1, x),   n ≥ 1
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::polygamma;
/// // ψ'(1) = π²/6
/// let pi2_6 = std::f64::consts::PI.powi(2) / 6.0;
/// assert!((polygamma(1.0, 1.0) - pi2_6).abs() < 1e-15);
/// ```
pub fn polygamma(n: f64, x: f64) -> f64 {
    if n.is_nan() || x.is_nan() || n < 0.0 || n.fract() != 0.0 {
        return f64::NAN;
    }
    if n == 0.0 {
        return digamma(x);
    }
    let sign = if is_odd(n) { 1.0 } else { -1.0 };
    sign * gamma(n + 1.0) * zeta(n + 1.0, Some(x))
}
