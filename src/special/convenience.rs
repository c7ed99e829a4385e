//! Convenience functions of `scipy.special`: logistic functions, `x·log y`
//! forms, accurate `exp`/`log` variants, trigonometry in degrees, Box–Cox
//! transforms, entropy terms, Huber losses and the arithmetic-geometric mean.

use super::kernels::sinpi;
use std::f64::consts::PI;

/// Logistic sigmoid `1/(1 + e^(-x))`.
///
/// SciPy: `scipy.special.expit`.
///
/// ```text
/// expit(x) = 1/(1 + e^(-x)) = e^x/(1 + e^x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::expit;
/// assert_eq!(expit(0.0), 0.5);
/// assert!((expit(-800.0)) >= 0.0);
/// ```
pub fn expit(x: f64) -> f64 {
    if x >= 0.0 {
        1.0 / (1.0 + (-x).exp())
    } else {
        let e = x.exp();
        e / (1.0 + e)
    }
}

/// Logit, the inverse of [`expit`]: `ln(p/(1-p))`; NaN outside `[0, 1]`.
///
/// SciPy: `scipy.special.logit`.
///
/// ```text
/// logit(p) = ln(p/(1-p)) = 2 artanh(2p - 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{expit, logit};
/// assert!((expit(logit(0.3)) - 0.3).abs() < 1e-16);
/// assert_eq!(logit(1.0), f64::INFINITY);
/// ```
pub fn logit(p: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if (0.3..=0.7).contains(&p) {
        // p - 1/2 is exact here; avoids the cancellation in p/(1-p) → 1.
        return 2.0 * (2.0 * (p - 0.5)).atanh();
    }
    (p / (1.0 - p)).ln()
}

/// Logarithm of the logistic sigmoid, `-ln(1 + e^(-x))`, without overflow.
///
/// SciPy: `scipy.special.log_expit`.
///
/// ```text
/// log_expit(x) = -log1p(e^(-x))    (x ≥ 0);   x - log1p(e^x)   (x < 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::log_expit;
/// assert_eq!(log_expit(-1000.0), -1000.0);
/// assert!((log_expit(0.0) + 2f64.ln()).abs() < 1e-16);
/// ```
pub fn log_expit(x: f64) -> f64 {
    if x >= 0.0 {
        -(-x).exp().ln_1p()
    } else {
        x - x.exp().ln_1p()
    }
}

/// `x·ln(y)`, defined as 0 when `x = 0` (unless `y` is NaN).
///
/// SciPy: `scipy.special.xlogy`.
///
/// ```text
/// xlogy(x, y) = x ln y,   xlogy(0, y) = 0
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::xlogy;
/// assert_eq!(xlogy(0.0, 0.0), 0.0);
/// assert!((xlogy(2.0, 3.0) - 2.0 * 3f64.ln()).abs() < 1e-15);
/// ```
pub fn xlogy(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() {
        0.0
    } else {
        x * y.ln()
    }
}

/// `x·ln(1 + y)`, defined as 0 when `x = 0` (unless `y` is NaN).
///
/// SciPy: `scipy.special.xlog1py`.
///
/// ```text
/// xlog1py(x, y) = x log1p(y)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::xlog1py;
/// assert_eq!(xlog1py(0.0, -1.0), 0.0);
/// assert!((xlog1py(2.0, 1e-20) - 2e-20).abs() < 1e-35);
/// ```
pub fn xlog1py(x: f64, y: f64) -> f64 {
    if x == 0.0 && !y.is_nan() {
        0.0
    } else {
        x * y.ln_1p()
    }
}

/// Relative error exponential `(e^x - 1)/x`, with its limit 1 at 0.
///
/// SciPy: `scipy.special.exprel`.
///
/// ```text
/// exprel(x) = expm1(x)/x = 1 + x/2 + x²/6 + …
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::exprel;
/// assert_eq!(exprel(0.0), 1.0);
/// assert!((exprel(1e-10) - (1.0 + 5e-11)).abs() < 1e-16);
/// ```
pub fn exprel(x: f64) -> f64 {
    if x.abs() < 1e-16 {
        return 1.0;
    }
    if x > 717.0 {
        return f64::INFINITY;
    }
    x.exp_m1() / x
}

/// `e^x - 1`, accurate for small `x`.
///
/// SciPy: `scipy.special.expm1`.
///
/// ```text
/// expm1(x) = e^x - 1
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::expm1;
/// assert_eq!(expm1(1e-20), 1e-20);
/// ```
#[inline]
pub fn expm1(x: f64) -> f64 {
    x.exp_m1()
}

/// `ln(1 + x)`, accurate for small `x`.
///
/// SciPy: `scipy.special.log1p`.
///
/// ```text
/// log1p(x) = ln(1 + x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::log1p;
/// assert_eq!(log1p(1e-20), 1e-20);
/// assert_eq!(log1p(-1.0), f64::NEG_INFINITY);
/// ```
#[inline]
pub fn log1p(x: f64) -> f64 {
    x.ln_1p()
}

/// `cos(x) - 1`, accurate for small `x`.
///
/// SciPy: `scipy.special.cosm1`.
///
/// ```text
/// cosm1(x) = cos x - 1 = -2 sin²(x/2)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::cosm1;
/// assert!((cosm1(1e-8) + 5e-17).abs() < 1e-31);
/// ```
pub fn cosm1(x: f64) -> f64 {
    let s = (0.5 * x).sin();
    -2.0 * s * s
}

/// Real cube root.
///
/// SciPy: `scipy.special.cbrt`.
///
/// ```text
/// cbrt(x) = x^(1/3), cbrt(-x) = -cbrt(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::cbrt;
/// assert_eq!(cbrt(-27.0), -3.0);
/// ```
#[inline]
pub fn cbrt(x: f64) -> f64 {
    x.cbrt()
}

/// `2^x`.
///
/// SciPy: `scipy.special.exp2`.
///
/// ```text
/// exp2(x) = 2^x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::exp2;
/// assert_eq!(exp2(10.0), 1024.0);
/// ```
#[inline]
pub fn exp2(x: f64) -> f64 {
    x.exp2()
}

/// `10^x`.
///
/// SciPy: `scipy.special.exp10`.
///
/// ```text
/// exp10(x) = 10^x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::exp10;
/// assert_eq!(exp10(3.0), 1000.0);
/// ```
#[inline]
pub fn exp10(x: f64) -> f64 {
    10f64.powf(x)
}

/// Normalized sinc function `sin(πx)/(πx)`, 1 at 0 (NumPy's `sinc`).
///
/// SciPy: `numpy.sinc` (re-exported by older `scipy.special`).
///
/// ```text
/// sinc(x) = sin(πx)/(πx)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::sinc;
/// assert_eq!(sinc(0.0), 1.0);
/// assert_eq!(sinc(3.0), 0.0);
/// ```
pub fn sinc(x: f64) -> f64 {
    if x == 0.0 {
        return 1.0;
    }
    if x.is_infinite() {
        return 0.0;
    }
    sinpi(x) / (PI * x)
}

/// `(sin, cos)` of `x` degrees: exact reduction to `d ∈ [-45°, 45°]` plus a
/// quadrant (`x mod 360` and `r - 90q` are exact), then `sin`/`cos` of
/// `d·π/180` with a two-term `π/180`. Exact at multiples of 90°.
fn sincos_deg(x: f64) -> (f64, f64) {
    const DEG_HI: f64 = std::f64::consts::PI / 180.0;
    const DEG_LO: f64 = 2.9486522708701687e-19; // π/180 - DEG_HI
    let r = x % 360.0;
    let q = (r / 90.0).round();
    let d = r - 90.0 * q;
    let a = d * DEG_HI + d * DEG_LO;
    let (s, c) = if d.abs() == 45.0 {
        let h = std::f64::consts::FRAC_1_SQRT_2;
        (h.copysign(d), h)
    } else {
        a.sin_cos()
    };
    match (q as i64).rem_euclid(4) {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// Sine of an angle in degrees, exact at multiples of 90°.
///
/// SciPy: `scipy.special.sindg`.
///
/// ```text
/// sindg(x) = sin(πx/180)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::sindg;
/// assert_eq!(sindg(90.0), 1.0);
/// assert_eq!(sindg(180.0), 0.0);
/// ```
pub fn sindg(x: f64) -> f64 {
    sincos_deg(x).0
}

/// Cosine of an angle in degrees, exact at multiples of 90°.
///
/// SciPy: `scipy.special.cosdg`.
///
/// ```text
/// cosdg(x) = cos(πx/180)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::cosdg;
/// assert_eq!(cosdg(90.0), 0.0);
/// assert_eq!(cosdg(360.0), 1.0);
/// ```
pub fn cosdg(x: f64) -> f64 {
    sincos_deg(x).1
}

/// Tangent of an angle in degrees; `+∞` at odd multiples of 90° (as SciPy),
/// exactly `±1` at odd multiples of 45°.
///
/// SciPy: `scipy.special.tandg`.
///
/// ```text
/// tandg(x) = tan(πx/180)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::tandg;
/// assert_eq!(tandg(45.0), 1.0);
/// assert_eq!(tandg(90.0), f64::INFINITY);
/// ```
pub fn tandg(x: f64) -> f64 {
    let (s, c) = sincos_deg(x);
    if c == 0.0 {
        return f64::INFINITY; // SciPy: +∞ at every pole
    }
    if s.abs() == c.abs() {
        return if (s > 0.0) == (c > 0.0) { 1.0 } else { -1.0 };
    }
    s / c
}

/// Cotangent of an angle in degrees; `+∞` at multiples of 180° (as SciPy).
///
/// SciPy: `scipy.special.cotdg`.
///
/// ```text
/// cotdg(x) = cot(πx/180)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::cotdg;
/// assert_eq!(cotdg(45.0), 1.0);
/// assert_eq!(cotdg(90.0), 0.0);
/// ```
pub fn cotdg(x: f64) -> f64 {
    let (s, c) = sincos_deg(x);
    if s == 0.0 {
        return if c.is_nan() { c } else { f64::INFINITY };
    }
    if s.abs() == c.abs() {
        return if (s > 0.0) == (c > 0.0) { 1.0 } else { -1.0 };
    }
    c / s
}

/// Converts degrees, minutes and seconds to radians.
///
/// SciPy: `scipy.special.radian`.
///
/// ```text
/// radian(d, m, s) = (d + m/60 + s/3600) π/180
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::radian;
/// assert!((radian(180.0, 0.0, 0.0) - std::f64::consts::PI).abs() < 1e-15);
/// ```
pub fn radian(d: f64, m: f64, s: f64) -> f64 {
    (d + m / 60.0 + s / 3600.0) * (PI / 180.0)
}

/// Rounds to the nearest integer, halves to even (as SciPy's `round`).
///
/// SciPy: `scipy.special.round`.
///
/// ```text
/// round(2.5) = 2,  round(3.5) = 4
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::round;
/// assert_eq!(round(2.5), 2.0);
/// assert_eq!(round(-3.5), -4.0);
/// ```
#[inline]
pub fn round(x: f64) -> f64 {
    x.round_ties_even()
}

/// Box–Cox transform `(x^λ - 1)/λ`, `ln x` at `λ = 0`.
///
/// SciPy: `scipy.special.boxcox`. NaN for `x < 0`.
///
/// ```text
/// boxcox(x, λ) = expm1(λ ln x)/λ
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::boxcox;
/// assert!((boxcox(4.0, 0.5) - 2.0).abs() < 1e-15);
/// assert_eq!(boxcox(1.0, 0.0), 0.0);
/// ```
pub fn boxcox(x: f64, lmbda: f64) -> f64 {
    if x < 0.0 {
        return f64::NAN;
    }
    if lmbda == 0.0 {
        return x.ln();
    }
    (lmbda * x.ln()).exp_m1() / lmbda
}

/// Box–Cox transform of `1 + x`: `((1+x)^λ - 1)/λ`, `log1p(x)` at `λ = 0`.
///
/// SciPy: `scipy.special.boxcox1p`. NaN for `x < -1`.
///
/// ```text
/// boxcox1p(x, λ) = expm1(λ log1p(x))/λ
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::boxcox1p;
/// assert!((boxcox1p(1e-10, 2.0) - 1e-10).abs() < 1e-19);
/// ```
pub fn boxcox1p(x: f64, lmbda: f64) -> f64 {
    if x < -1.0 {
        return f64::NAN;
    }
    let l = x.ln_1p();
    if lmbda == 0.0 {
        return l;
    }
    (lmbda * l).exp_m1() / lmbda
}

/// Inverse Box–Cox transform: `(1 + λy)^(1/λ)`, `e^y` at `λ = 0`.
///
/// SciPy: `scipy.special.inv_boxcox`.
///
/// ```text
/// inv_boxcox(y, λ) = exp(log1p(λy)/λ)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{boxcox, inv_boxcox};
/// assert!((inv_boxcox(boxcox(3.0, 0.7), 0.7) - 3.0).abs() < 1e-14);
/// ```
pub fn inv_boxcox(y: f64, lmbda: f64) -> f64 {
    if lmbda == 0.0 {
        return y.exp();
    }
    ((lmbda * y).ln_1p() / lmbda).exp()
}

/// Inverse of [`boxcox1p`]: `(1 + λy)^(1/λ) - 1`, `expm1(y)` at `λ = 0`.
///
/// SciPy: `scipy.special.inv_boxcox1p`.
///
/// ```text
/// inv_boxcox1p(y, λ) = expm1(log1p(λy)/λ)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{boxcox1p, inv_boxcox1p};
/// assert!((inv_boxcox1p(boxcox1p(1e-12, 0.3), 0.3) - 1e-12).abs() < 1e-26);
/// ```
pub fn inv_boxcox1p(y: f64, lmbda: f64) -> f64 {
    if lmbda == 0.0 {
        return y.exp_m1();
    }
    ((lmbda * y).ln_1p() / lmbda).exp_m1()
}

/// Elementwise entropy term `-x ln x` (0 at 0, `-∞` for `x < 0`).
///
/// SciPy: `scipy.special.entr`.
///
/// ```text
/// entr(x) = -x ln x  (x > 0),   0  (x = 0),   -∞  (x < 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::entr;
/// assert_eq!(entr(1.0), 0.0);
/// assert_eq!(entr(-1.0), f64::NEG_INFINITY);
/// ```
pub fn entr(x: f64) -> f64 {
    if x > 0.0 {
        -x * x.ln()
    } else if x == 0.0 {
        0.0
    } else if x.is_nan() {
        x
    } else {
        f64::NEG_INFINITY
    }
}

/// Relative entropy term `x ln(x/y)` (0 at `x = 0, y ≥ 0`; `+∞` otherwise).
///
/// SciPy: `scipy.special.rel_entr`.
///
/// ```text
/// rel_entr(x, y) = x ln(x/y)   (x, y > 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::rel_entr;
/// assert_eq!(rel_entr(0.0, 3.0), 0.0);
/// assert_eq!(rel_entr(1.0, 0.0), f64::INFINITY);
/// ```
pub fn rel_entr(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x > 0.0 && y > 0.0 {
        x * (x / y).ln()
    } else if x == 0.0 && y >= 0.0 {
        0.0
    } else {
        f64::INFINITY
    }
}

/// Kullback–Leibler divergence term `x ln(x/y) - x + y`.
///
/// SciPy: `scipy.special.kl_div`.
///
/// ```text
/// kl_div(x, y) = x ln(x/y) - x + y   (x, y > 0);   y  (x = 0, y ≥ 0);   +∞ otherwise
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::kl_div;
/// assert_eq!(kl_div(2.0, 2.0), 0.0);
/// assert_eq!(kl_div(0.0, 3.0), 3.0);
/// ```
pub fn kl_div(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x > 0.0 && y > 0.0 {
        x * (x / y).ln() - x + y
    } else if x == 0.0 && y >= 0.0 {
        y
    } else {
        f64::INFINITY
    }
}

/// Huber loss with threshold `delta` (`+∞` for `delta < 0`).
///
/// SciPy: `scipy.special.huber`.
///
/// ```text
/// huber(δ, r) = r²/2  (|r| ≤ δ),   δ(|r| - δ/2)  (|r| > δ)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::huber;
/// assert_eq!(huber(1.0, 0.5), 0.125);
/// assert_eq!(huber(1.0, 3.0), 2.5);
/// ```
pub fn huber(delta: f64, r: f64) -> f64 {
    if delta.is_nan() || r.is_nan() {
        f64::NAN
    } else if delta < 0.0 {
        f64::INFINITY
    } else if r.abs() <= delta {
        0.5 * r * r
    } else {
        delta * (r.abs() - 0.5 * delta)
    }
}

/// Pseudo-Huber loss `δ²(√(1 + (r/δ)²) - 1)` (`+∞` for `δ < 0`).
///
/// SciPy: `scipy.special.pseudo_huber`.
///
/// ```text
/// pseudo_huber(δ, r) = δ² (√(1 + (r/δ)²) - 1) = r² / (√(1 + (r/δ)²) + 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::pseudo_huber;
/// assert!((pseudo_huber(1.0, 1e-10) - 5e-21).abs() < 1e-35);
/// ```
pub fn pseudo_huber(delta: f64, r: f64) -> f64 {
    if delta.is_nan() || r.is_nan() {
        return f64::NAN;
    }
    if delta < 0.0 {
        return f64::INFINITY;
    }
    if delta == 0.0 || r == 0.0 {
        return 0.0;
    }
    let t = r / delta;
    if t.abs() > 1e150 {
        return delta * r.abs() - delta * delta;
    }
    // r²/(√(1+t²) + 1): no cancellation for small t
    r * r / ((1.0 + t * t).sqrt() + 1.0)
}

/// Arithmetic–geometric mean of `a` and `b`.
///
/// SciPy: `scipy.special.agm`. `agm(-a, -b) = -agm(a, b)`; NaN if the signs
/// differ; 0 if either is 0.
///
/// ```text
/// a₀ = a, b₀ = b,  aₙ₊₁ = (aₙ + bₙ)/2,  bₙ₊₁ = √(aₙ bₙ)  →  agm(a, b)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::agm;
/// assert!((agm(24.0, 6.0) - 13.458171481725614).abs() < 1e-14);
/// ```
pub fn agm(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() || (a < 0.0 && b > 0.0) || (a > 0.0 && b < 0.0) {
        return f64::NAN;
    }
    if a == 0.0 || b == 0.0 {
        return 0.0;
    }
    if a < 0.0 {
        return -agm(-a, -b);
    }
    if a == b {
        return a;
    }
    if a.is_infinite() || b.is_infinite() {
        return f64::INFINITY;
    }
    // Scale into a safe range so a·b neither overflows nor underflows.
    let s = a.max(b);
    let (mut x, mut y) = (a / s, b / s);
    for _ in 0..64 {
        let m = 0.5 * (x + y);
        y = (x * y).sqrt();
        x = m;
        if (x - y).abs() <= 2.0 * f64::EPSILON * x {
            break;
        }
    }
    0.5 * (x + y) * s
}
