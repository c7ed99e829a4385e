//! Confluent hypergeometric function of the second kind `U(a, b, x)`
//! (Tricomi's function) for real parameters and `x ≥ 0`.
//!
//! - A terminating case (`a` or `a - b + 1` a non-positive integer) is the
//!   finite sum of its asymptotic series, exactly a polynomial in `1/x`.
//! - Large `x`: the asymptotic series (DLMF 13.7.3), accepted when its
//!   smallest term is below `ε·|sum|`.
//! - `a > 0`: the integral (DLMF 13.4.4)
//!   `U = 1/Γ(a) ∫_0^∞ e^{-xt} t^{a-1} (1+t)^{b-a-1} dt`, whose integrand is
//!   positive, by the exp-sinh rule (double-exponential decay at both ends for
//!   any `a > 0`, whatever `b`, integer or not).
//! - `a < 0`, `x < 1`, `b` not within 0.05 of an integer: Kummer's form
//!   `Γ(1-b)/Γ(a-b+1) M(a, b, x) + Γ(b-1)/Γ(a) x^{1-b} M(a-b+1, 2-b, x)`.
//! - `a < 0`, `x < 5`, integer `b`: the logarithmic series DLMF 13.2.9 (for
//!   `b ≤ 0` after Kummer's transformation `U(a, b, x) = x^{1-b} U(a-b+1,
//!   2-b, x)`); for small `x` its `x^{-k}` part dominates and has terms of
//!   one sign.
//! - other `a < 0`: the integral at `a + k`, `a + k + 1` (`k` the shift to `(0, 1]`)
//!   and the recurrence DLMF 13.3.7 down to `a`; `U` is the minimal solution
//!   for increasing `a`, so the downward direction is stable, but each step
//!   cancels by about `|b - a|` when `b ≫ |a|` (hence the series above).

use super::gamma::{digamma, gamma, gammaln, rgamma};
use super::hypergeometric::hyp1f1;
use super::kernels::{exp_sinh, is_nonpositive_int};

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
    // t·(integrand), scaled by c^a (restored at the end); powf of 1 + t:
    // exp(e·ln(1+t)) would lose |e·ln(1+t)|·ε
    let value = exp_sinh(c, |r, t| (-x * t).exp() * r.powf(a) * (1.0 + t).powf(e));
    // U = c^a / Γ(a) · value
    let lp = a * c.ln();
    let pre = c.powf(a) * rgamma(a);
    if pre.is_finite() && pre != 0.0 {
        pre * value
    } else {
        (lp - gammaln(a) + value.ln()).exp()
    }
}

/// Below this `x` the logarithmic series replaces the `a` recurrence (its
/// terms grow like `x^k/k!²` before they fall: little cancellation up to here).
const LOG_SERIES_MAX_X: f64 = 5.0;

/// Largest `n = b - 1` for the logarithmic series (its `x^{-n}` and `n!`
/// stay finite for the `x ≥ 1e-300` that reach it only while `n` is moderate).
const LOG_SERIES_MAX_N: f64 = 60.0;

/// `U(a, n+1, x)` for integer `n ≥ 0`, `0 < x < 5`, `a` not an integer (DLMF
/// 13.2.9):
///
/// ```text
/// (-1)^{n+1}/(n! Γ(a-n)) Σ_k (a)_k x^k/((n+1)_k k!) [ln x + ψ(a+k) - ψ(1+k) - ψ(n+k+1)]
///   + 1/Γ(a) Σ_{k=1..n} (k-1)! (1-a+k)_{n-k}/(n-k)! x^{-k}
/// ```
///
/// `None` if a part overflows.
fn integer_b_series(a: f64, n: f64, x: f64) -> Option<f64> {
    // finite part, from k = n down: T_n = (n-1)! x^{-n}, T_k = T_{k+1} x (1-a+k)/(k (n-k))
    let mut finite = 0.0;
    if n >= 1.0 {
        let mut t = gamma(n) * x.powf(-n);
        let mut k = n;
        while k >= 1.0 {
            finite += t;
            k -= 1.0;
            t *= x * (1.0 - a + k) / (k * (n - k));
        }
        finite *= rgamma(a);
    }
    // logarithmic part
    let sign = if n % 2.0 == 0.0 { -1.0 } else { 1.0 };
    let pre = sign * rgamma(a - n) / gamma(n + 1.0);
    let lnx = x.ln();
    let (mut term, mut sum) = (1.0, 0.0);
    let mut k = 0.0;
    while k < 500.0 {
        let bracket = lnx + digamma(a + k) - digamma(1.0 + k) - digamma(n + k + 1.0);
        let add = term * bracket;
        sum += add;
        if add.abs() <= 1e-17 * sum.abs() && k > 0.0 {
            break;
        }
        term *= (a + k) * x / ((n + 1.0 + k) * (k + 1.0));
        k += 1.0;
    }
    let u = pre * sum + finite;
    u.is_finite().then_some(u)
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
    if x < LOG_SERIES_MAX_X && b == b.round() {
        // integer b: the logarithmic series at n = b - 1 (after Kummer's
        // transformation for b ≤ 0); a and c are not integers here
        let u = if b >= 1.0 && b - 1.0 <= LOG_SERIES_MAX_N {
            integer_b_series(a, b - 1.0, x)
        } else if b <= 0.0 && 1.0 - b <= LOG_SERIES_MAX_N {
            integer_b_series(c, 1.0 - b, x).map(|u| u * x.powf(1.0 - b))
        } else {
            None
        };
        if let Some(u) = u {
            return u;
        }
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
