//! Confluent hypergeometric function of the second kind `U(a, b, x)`
//! (Tricomi's function) for real parameters and `x ≥ 0`.
//!
//! - A terminating case (`a` or `a - b + 1` a non-positive integer) is the
//!   finite sum of its asymptotic series, exactly a polynomial in `1/x`.
//! - Large `x`: the asymptotic series (DLMF 13.7.3), accepted when its
//!   smallest term is below `ε·|sum|`.
//! - `a > 0`: the integral (DLMF 13.4.4)
//!   `U = 1/Γ(a) ∫_0^∞ e^{-xt} t^{a-1} (1+t)^{b-a-1} dt`, whose integrand is
//!   positive, by the trapezoidal rule after the exp-sinh substitution
//!   `t = c·exp(π/2·sinh s)` (double-exponential decay at both ends for any
//!   `a > 0`, whatever `b`, integer or not), halving the step until two
//!   levels agree.
//! - `a < 0`, `x < 1`, `b` not within 0.05 of an integer: Kummer's form
//!   `Γ(1-b)/Γ(a-b+1) M(a, b, x) + Γ(b-1)/Γ(a) x^{1-b} M(a-b+1, 2-b, x)`.
//! - other `a < 0`: the integral at `a + k`, `a + k + 1` (`k` the shift to `(0, 1]`)
//!   and the recurrence DLMF 13.3.7 down to `a`; `U` is the minimal solution
//!   for increasing `a`, so the downward direction is stable.

use super::gamma::{gamma, gammaln, rgamma};
use super::hypergeometric::hyp1f1;
use super::kernels::is_nonpositive_int;
use std::f64::consts::FRAC_PI_2;

/// `Σ_{k<K} (a)_k (a-b+1)_k / k! (-1/x)^k`, the asymptotic series of
/// `x^a U(a, b, x)`; `None` when it does not reach `ε` before diverging.
fn asymptotic(a: f64, b: f64, x: f64, terminating: bool) -> Option<f64> {
    let c = a - b + 1.0;
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    for k in 0..10_000 {
        let kf = k as f64;
        let next = -term * (a + kf) * (c + kf) / ((kf + 1.0) * x);
        if next == 0.0 {
            return Some(sum);
        }
        if !terminating && (next.abs() > term.abs() || !next.is_finite()) {
            return None;
        }
        sum += next;
        if !terminating && next.abs() <= 1e-17 * sum.abs() {
            return Some(sum);
        }
        term = next;
    }
    None
}

/// `x^{-a} · s` without overflow in the intermediate power.
fn times_x_pow(s: f64, x: f64, a: f64) -> f64 {
    let p = x.powf(-a);
    if p.is_finite() && p != 0.0 {
        s * p
    } else {
        s.signum() * (s.abs().ln() - a * x.ln()).exp()
    }
}

/// `U(a, b, x)` for `a > 0`, `x > 0` by the exp-sinh trapezoidal rule.
fn integral(a: f64, b: f64, x: f64) -> f64 {
    // Centre the substitution on the bulk of the integrand: t ~ a/x when the
    // exponential dominates, t ~ 1 otherwise.
    let c = (a / x)
        .clamp(1e-3, 1e300)
        .min(1.0 / x.max(1e-300))
        .max(1e-3);
    let e = b - a - 1.0;
    // the integrand times dt/ds, scaled by c^a (restored at the end)
    let g = |s: f64| -> f64 {
        let u = FRAC_PI_2 * s.sinh();
        let r = u.exp();
        let t = c * r;
        if t == 0.0 || !t.is_finite() {
            return 0.0;
        }
        // powf of 1 + t: exp(e·ln(1+t)) would lose |e·ln(1+t)|·ε
        let v = (-x * t).exp() * r.powf(a) * (1.0 + t).powf(e);
        v * FRAC_PI_2 * s.cosh()
    };
    // sum over s = j·h, j from 0 outwards, stopping when the terms vanish
    let sweep = |h: f64, offset: f64| -> f64 {
        let mut total = 0.0;
        for dir in [1.0, -1.0] {
            let mut j = if offset == 0.0 && dir < 0.0 { 1.0 } else { 0.0 };
            let mut small = 0;
            while j * h < 12.0 {
                let s = dir * (j * h + offset);
                let v = g(s);
                total += v;
                if v <= 1e-18 * total.abs() {
                    small += 1;
                    if small > 3 {
                        break;
                    }
                } else {
                    small = 0;
                }
                j += 1.0;
            }
        }
        total
    };
    let mut h = 0.5;
    let mut sum = sweep(h, 0.0);
    let mut value = h * sum;
    for _ in 0..9 {
        sum += sweep(h, 0.5 * h);
        h *= 0.5;
        let next = h * sum;
        let done = (next - value).abs() <= 1e-15 * next.abs();
        value = next;
        if done {
            break;
        }
    }
    // U = c^a / Γ(a) · value
    let lp = a * c.ln();
    let pre = c.powf(a) * rgamma(a);
    if pre.is_finite() && pre != 0.0 {
        pre * value
    } else {
        (lp - gammaln(a) + value.ln()).exp()
    }
}

/// Confluent hypergeometric function of the second kind `U(a, b, x)`.
///
/// SciPy: `scipy.special.hyperu(a, b, x)`. NaN for `x < 0` (complex there)
/// and NaN arguments. `U(a, b, 0) = Γ(1-b)/Γ(a-b+1)` for `b < 1` and `∞`
/// for `b ≥ 1` (`a > 0`), as SciPy; `U(0, b, x) = 1`. At `x = ∞` the limit
/// of `x^{-a}` (SciPy: NaN).
///
/// ```text
/// U(a, b, x) = 1/Γ(a) ∫_0^∞ e^{-xt} t^{a-1} (1+t)^{b-a-1} dt    (a > 0)
/// U(a, b, x) ~ x^{-a} Σ_k (a)_k (a-b+1)_k / k! (-x)^{-k}        (x → ∞)
/// U(a, b, x) = x^{1-b} U(a-b+1, 2-b, x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::hyperu;
/// // U(1, 1, x) = e^x E_1(x);  U(a, a+1, x) = x^{-a}
/// let x = 2.5f64;
/// assert!((hyperu(1.0, 1.0, x) - x.exp() * ferrosci::special::exp1(x)).abs() < 1e-15);
/// assert!((hyperu(0.7, 1.7, x) - x.powf(-0.7)).abs() < 1e-15);
/// ```
pub fn hyperu(a: f64, b: f64, x: f64) -> f64 {
    if a.is_nan() || b.is_nan() || x.is_nan() || x < 0.0 || a.is_infinite() || b.is_infinite() {
        return f64::NAN;
    }
    if a == 0.0 {
        return 1.0;
    }
    let c = a - b + 1.0;
    let terminating = is_nonpositive_int(a) || is_nonpositive_int(c);
    if x == 0.0 {
        if is_nonpositive_int(a) {
            if a < -1e6 {
                return f64::NAN; // past the loop budget (and far past overflow)
            }
            // the polynomial's constant term (-1)^n (b)_n
            let mut p = 1.0;
            let mut k = 0.0;
            while k < -a {
                p *= -(b + k);
                k += 1.0;
            }
            return p;
        }
        return if b < 1.0 {
            gamma(1.0 - b) * rgamma(c)
        } else {
            f64::INFINITY
        };
    }
    if x.is_infinite() {
        return if a > 0.0 { 0.0 } else { f64::INFINITY };
    }
    if terminating {
        if let Some(s) = asymptotic(a, b, x, true) {
            return times_x_pow(s, x, a);
        }
        return f64::NAN;
    }
    if x > 2.0 * (a.abs() + c.abs()) + 20.0
        && let Some(s) = asymptotic(a, b, x, false)
    {
        return times_x_pow(s, x, a);
    }
    if a > 0.0 {
        return integral(a, b, x);
    }
    if x < 1.0 && (b - b.round()).abs() > 0.05 {
        // Kummer's form (DLMF 13.2.42): no cancellation to speak of for small
        // x away from integer b, where the recurrence below loses digits
        return gamma(1.0 - b) * rgamma(c) * hyp1f1(a, b, x)
            + gamma(b - 1.0) * rgamma(a) * x.powf(1.0 - b) * hyp1f1(c, 2.0 - b, x);
    }
    // DLMF 13.3.7: U(a-1) = (2a - b + x) U(a) - a (a-b+1) U(a+1), downward
    let k = (1.0 - a).floor();
    if k > 1e6 {
        return f64::NAN;
    }
    let top = a + k;
    let (mut u1, mut u0) = (integral(top + 1.0, b, x), integral(top, b, x));
    let mut ak = top;
    while ak > a {
        let next = (2.0 * ak - b + x) * u0 - ak * (ak - b + 1.0) * u1;
        u1 = u0;
        u0 = next;
        ak -= 1.0;
    }
    u0
}
