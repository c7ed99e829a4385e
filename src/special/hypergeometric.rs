//! Confluent and Gauss hypergeometric functions `0F1`, `1F1`, `2F1` of real
//! parameters and argument.
//!
//! `0F1` by its series or through `J`/`I` (DLMF 10.16.9); `1F1` by its series
//! after Kummer's transformation for `x < 0` (DLMF 13.2.39); `2F1` by its
//! series on `|x| ≤ 1/2`, Pfaff's transformation for `x < 0` (DLMF 15.8.1)
//! and the `1 - x` connection formula (DLMF 15.8.4) near `x = 1`, or its
//! limit with digamma terms and `ln(1 - x)` (DLMF 15.8.10) when `c - a - b`
//! is an integer up to the rounding of that difference.

use super::bessel_ik::iv;
use super::bessel_jy::jv;
use super::gamma::{digamma, gamma, gammaln, gammasgn};

const EPS: f64 = 1e-16;
/// Series budget: past it the partial sum is returned as is (very close to a
/// singularity of the series; see the module docs).
const MAX_TERMS: usize = 20_000;

fn is_nonpos_int(x: f64) -> bool {
    x <= 0.0 && x == x.floor()
}

/// `Π Γ(num) / Π Γ(den)`, through logarithms when a factor would overflow.
fn gamma_ratio(num: &[f64], den: &[f64]) -> f64 {
    let direct = num.iter().map(|&v| gamma(v)).product::<f64>()
        / den.iter().map(|&v| gamma(v)).product::<f64>();
    if direct.is_finite() && direct != 0.0 {
        return direct;
    }
    let mut lg = 0.0;
    let mut sign = 1.0;
    for &v in num {
        lg += gammaln(v);
        sign *= gammasgn(v);
    }
    for &v in den {
        if is_nonpos_int(v) {
            return 0.0;
        }
        lg -= gammaln(v);
        sign *= gammasgn(v);
    }
    sign * lg.exp()
}

/// Confluent hypergeometric limit function `0F1(; b; x)`.
///
/// SciPy: `scipy.special.hyp0f1` (real arguments). NaN for `b` a
/// non-positive integer.
///
/// ```text
/// 0F1(; b; x) = Σ_k x^k / ((b)_k k!) = Γ(b) x^{(1-b)/2} I_{b-1}(2√x)   (x > 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::hyp0f1;
/// let x = 2.0f64;
/// assert!((hyp0f1(0.5, x) - (2.0 * x.sqrt()).cosh()).abs() < 1e-14);
/// ```
pub fn hyp0f1(b: f64, x: f64) -> f64 {
    if b.is_nan() || x.is_nan() || is_nonpos_int(b) {
        return f64::NAN;
    }
    let series_ok = if x >= 0.0 {
        b > 0.0 && x <= 50.0
    } else {
        -x <= 1.0 || -x <= 0.25 * b.abs()
    };
    if series_ok || x == 0.0 {
        let mut term = 1.0;
        let mut sum = 1.0;
        for k in 0..MAX_TERMS {
            let kf = k as f64;
            term *= x / ((b + kf) * (kf + 1.0));
            sum += term;
            if term.abs() <= EPS * 0.5 * sum.abs() {
                break;
            }
        }
        return sum;
    }
    if x.is_infinite() {
        return if x > 0.0 { f64::INFINITY } else { 0.0 };
    }
    let s = x.abs().sqrt();
    let (bessel, pw) = if x > 0.0 {
        (iv(b - 1.0, 2.0 * s), s.powf(1.0 - b))
    } else {
        (jv(b - 1.0, 2.0 * s), s.powf(1.0 - b))
    };
    let r = gamma(b) * pw * bessel;
    if r.is_finite() {
        return r;
    }
    // Γ(b)·|x|^{(1-b)/2} overflows on its own: combine in logarithms.
    gammasgn(b) * (gammaln(b) + (1.0 - b) * s.ln()).exp() * bessel
}

/// Kummer's confluent hypergeometric function `M(a, b, x) = 1F1(a; b; x)`.
///
/// SciPy: `scipy.special.hyp1f1` (real arguments). `∞` for `b` a
/// non-positive integer (unless `a` terminates the series first).
///
/// ```text
/// 1F1(a; b; x) = Σ_k (a)_k x^k / ((b)_k k!);   1F1(a; b; x) = e^x 1F1(b-a; b; -x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::hyp1f1;
/// assert!((hyp1f1(1.0, 1.0, 0.7) - 0.7f64.exp()).abs() < 1e-15);
/// assert!((hyp1f1(-2.0, 1.0, 3.0) - (1.0 - 6.0 + 4.5)).abs() < 1e-14);
/// ```
pub fn hyp1f1(a: f64, b: f64, x: f64) -> f64 {
    if a.is_nan() || b.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 || a == 0.0 {
        return 1.0;
    }
    let a_poly = is_nonpos_int(a);
    if is_nonpos_int(b) && !(a_poly && a >= b) {
        return f64::INFINITY;
    }
    if a == b {
        return x.exp();
    }
    if x < 0.0 && !a_poly {
        // Kummer: positive argument, terms of one sign when b > a > 0.
        let r = hyp1f1_series(b - a, b, -x);
        return if r.is_finite() {
            x.exp() * r
        } else {
            (x + r.ln()).exp()
        };
    }
    hyp1f1_series(a, b, x)
}

fn hyp1f1_series(a: f64, b: f64, x: f64) -> f64 {
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 0..MAX_TERMS {
        let kf = k as f64;
        term *= (a + kf) * x / ((b + kf) * (kf + 1.0));
        sum += term;
        if term == 0.0 || (term.abs() <= EPS * 0.5 * sum.abs() && kf > x - b) {
            break;
        }
        if !sum.is_finite() {
            return sum;
        }
    }
    sum
}

/// `Σ (a)_k (b)_k / ((c)_k k!) x^k`, stopping when the terms are negligible
/// (or at the last term of a terminating series).
fn f21_series(a: f64, b: f64, c: f64, x: f64) -> f64 {
    f21_series_budget::<false>(a, b, c, x).0
}

/// [`f21_series`], whether it stopped before [`MAX_TERMS`], and (with
/// `BIG`) its largest term's magnitude, which bounds the cancellation.
fn f21_series_budget<const BIG: bool>(a: f64, b: f64, c: f64, x: f64) -> (f64, bool, f64) {
    let mut term = 1.0f64;
    let mut sum = 1.0;
    let mut big = 1.0f64;
    for k in 0..MAX_TERMS {
        let kf = k as f64;
        term *= (a + kf) * (b + kf) / ((c + kf) * (kf + 1.0)) * x;
        sum += term;
        if BIG {
            big = big.max(term.abs());
        }
        if term == 0.0 || term.abs() <= EPS * 0.5 * sum.abs() {
            return (sum, true, big);
        }
    }
    (sum, false, big)
}

/// `2F1` for `1/2 < x < 1` by DLMF 15.8.4 (`c - a - b` not an integer).
fn f21_one_minus_x(a: f64, b: f64, c: f64, y: f64) -> f64 {
    let s = c - a - b;
    let t1 = gamma_ratio(&[c, s], &[c - a, c - b]) * f21_series(a, b, 1.0 - s, y);
    let t2 = gamma_ratio(&[c, -s], &[a, b]) * y.powf(s) * f21_series(c - a, c - b, 1.0 + s, y);
    t1 + t2
}

/// `2F1` for `0 ≤ x < 1` with `a`, `b`, `c` already screened; `y = 1 - x`
/// (passed separately: callers often know it more accurately than `1 - x`).
fn f21_unit(a: f64, b: f64, c: f64, x: f64, y: f64) -> f64 {
    // With positive parameters the series has no cancellation at all and
    // beats the two-term connection formula up to x = 3/4.
    if x <= 0.5 || (x <= 0.75 && a > 0.0 && b > 0.0 && c > 0.0) {
        return f21_series(a, b, c, x);
    }
    let s = c - a - b;
    let m = s.round();
    // An integer up to the rounding of `c - a - b` itself (c = 4, a = -1.7,
    // b = 8.7 gives -2.999999999999999): the connection formula's gamma
    // poles are then only rounding away, so take the limit formula.
    if (s - m).abs() <= 8.0 * f64::EPSILON * (a.abs() + b.abs() + c.abs()) && m.abs() < 1e4 {
        if m < 0.0 {
            // Euler: F(a,b;c;x) = (1-x)^{c-a-b} F(c-a,c-b;c;x) flips the sign of m.
            return y.powf(s) * f21_log_case(c - a, c - b, -m as u64, y);
        }
        return f21_log_case(a, b, m as u64, y);
    }
    if (s - s.round()).abs() < 1e-3 {
        // Near-integer c - a - b makes the connection formula cancel; the
        // direct series still converges (slowly, within MAX_TERMS to x ≈ 0.998).
        return f21_series(a, b, c, x);
    }
    f21_one_minus_x(a, b, c, y)
}

/// `2F1(a, b; a+b+m; 1-y)` for integer `m ≥ 0`, `0 < y < 1/2` (DLMF 15.8.10).
fn f21_log_case(a: f64, b: f64, m: u64, y: f64) -> f64 {
    let mf = m as f64;
    let c = a + b + mf;
    // Finite part: Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{k<m} (a)_k (b)_k / (k! (1-m)_k) y^k
    let mut finite = 0.0;
    if m > 0 {
        let mut t = 1.0;
        let mut sum = 1.0;
        for k in 0..m - 1 {
            let kf = k as f64;
            t *= (a + kf) * (b + kf) / ((kf + 1.0) * (1.0 - mf + kf)) * y;
            sum += t;
        }
        finite = gamma_ratio(&[mf, c], &[a + mf, b + mf]) * sum;
    }
    // Log part: -(-1)^m Γ(c)/(Γ(a)Γ(b)) Σ_k (a+m)_k (b+m)_k / (k! (k+m)!) y^{k+m}
    //   × [ln y - ψ(k+1) - ψ(k+m+1) + ψ(a+k+m) + ψ(b+k+m)]
    let ly = y.ln();
    let mut psi1 = digamma(1.0);
    let mut psim = digamma(mf + 1.0);
    let mut psia = digamma(a + mf);
    let mut psib = digamma(b + mf);
    let mut t = y.powi(m as i32) / gamma(mf + 1.0);
    let mut sum = 0.0;
    for k in 0..MAX_TERMS {
        let kf = k as f64;
        let d = t * (ly - psi1 - psim + psia + psib);
        sum += d;
        if d.abs() <= EPS * 0.5 * sum.abs() && k > 2 {
            break;
        }
        t *= (a + mf + kf) * (b + mf + kf) / ((kf + 1.0) * (kf + mf + 1.0)) * y;
        psi1 += 1.0 / (kf + 1.0);
        psim += 1.0 / (kf + mf + 1.0);
        psia += 1.0 / (a + mf + kf);
        psib += 1.0 / (b + mf + kf);
    }
    let sign = if m.is_multiple_of(2) { -1.0 } else { 1.0 };
    finite + sign * gamma_ratio(&[c], &[a, b]) * sum
}

/// Parameter magnitude from which [`f21_huge`] takes over from the usual
/// routes: their gamma ratios and slowly converging or cancelling series give
/// no digits there (SciPy returns NaN for most such inputs).
const HUGE_PARAM: f64 = 1e7;

/// `(1-x)^e` (`y = 1 - x`), through `ln(1+t)` for small `|x|`, where `1 - x`
/// rounds and a huge `e` would magnify that.
fn pow_1m(x: f64, y: f64, e: f64) -> f64 {
    if x.abs() < 0.5 {
        (e * (-x).ln_1p()).exp()
    } else {
        y.powf(e)
    }
}

/// Non-terminating `2F1` for `x < 1` with a parameter `≥` [`HUGE_PARAM`] in
/// magnitude: the exact reductions `c = b`, `c = a`, else the first of the
/// direct, Euler (DLMF 15.8.1) and (for `x < 0`) Pfaff sums that converges
/// within the term budget without heavy cancellation; NaN when none does.
#[cold]
#[inline(never)]
fn f21_huge(a: f64, b: f64, c: f64, x: f64, y: f64) -> f64 {
    if x.is_infinite() {
        return f64::NAN;
    }
    if c == b {
        return pow_1m(x, y, -a);
    }
    if c == a {
        return pow_1m(x, y, -b);
    }
    // The sum, if it converged with its largest term within 1e3 of it.
    let clean = |a: f64, b: f64, c: f64, x: f64| {
        let (sum, done, big) = f21_series_budget::<true>(a, b, c, x);
        (done && sum.is_finite() && big <= 1e3 * sum.abs()).then_some(sum)
    };
    if let Some(v) = clean(a, b, c, x) {
        return v;
    }
    if let Some(v) = clean(c - a, c - b, c, x) {
        return y.powf(c - a - b) * v;
    }
    if x < 0.0 {
        let w = x / (x - 1.0);
        for (p, q) in [(a, b), (b, a)] {
            if let Some(v) = clean(p, c - q, c, w) {
                return y.powf(-p) * v;
            }
        }
    }
    f64::NAN
}

/// Gauss hypergeometric function `2F1(a, b; c; x)` of real argument `x ≤ 1`.
///
/// SciPy: `scipy.special.hyp2f1` (real arguments). NaN for `x > 1` unless
/// the series terminates; `∞` at `c` a non-positive integer (unless `a` or `b`
/// terminates the series first) and at `x = 1` when `c - a - b ≤ 0`.
///
/// ```text
/// 2F1(a, b; c; x) = Σ_k (a)_k (b)_k / ((c)_k k!) x^k
/// 2F1(a, b; c; x) = (1-x)^{-a} 2F1(a, c-b; c; x/(x-1))      (Pfaff)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::hyp2f1;
/// let x = 0.3f64;
/// // 2F1(1, 1; 2; x) = -ln(1-x)/x
/// assert!((hyp2f1(1.0, 1.0, 2.0, x) + (1.0 - x).ln() / x).abs() < 1e-15);
/// ```
pub fn hyp2f1(a: f64, b: f64, c: f64, x: f64) -> f64 {
    hyp2f1_split(a, b, c, x, 1.0 - x)
}

/// [`hyp2f1`] with `y = 1 - x` given by the caller, who may know it exactly
/// where `x` next to 1 has already lost it to rounding.
pub(crate) fn hyp2f1_split(a: f64, b: f64, c: f64, x: f64, y: f64) -> f64 {
    if a.is_nan() || b.is_nan() || c.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 || a == 0.0 || b == 0.0 {
        return 1.0;
    }
    let poly = |p: f64| is_nonpos_int(p) && (!is_nonpos_int(c) || p >= c);
    let terminating = poly(a) || poly(b);
    if is_nonpos_int(c) && !terminating {
        return f64::INFINITY;
    }
    if terminating {
        // A polynomial. Near x = 1 re-expand it in 1 - x (DLMF 15.8.7),
        // F(-m, b; c; x) = (c-b)_m/(c)_m F(-m, b; b-c-m+1; 1-x), which stays
        // well-conditioned where the plain sum cancels.
        let (m, q) = if poly(a) { (-a, b) } else { (-b, a) };
        if m >= MAX_TERMS as f64 {
            // More terms than the budget: the sum must end early on its own
            // (small |x|), else NaN, as SciPy mostly gives there.
            if c == a || c == b {
                return pow_1m(x, y, if c == a { -b } else { -a });
            }
            let (sum, done, _) = f21_series_budget::<false>(a, b, c, x);
            return if done && sum.is_finite() {
                sum
            } else {
                f64::NAN
            };
        }
        let c2 = q - c - m + 1.0;
        if x > 0.5 && x <= 1.0 && !is_nonpos_int(c2) && !is_nonpos_int(c) {
            let mut ratio = 1.0;
            for k in 0..m as u64 {
                let kf = k as f64;
                ratio *= (c - q + kf) / (c + kf);
            }
            return ratio * f21_series(-m, q, c2, y);
        }
        return f21_series(a, b, c, x);
    }
    if x > 1.0 {
        return f64::NAN;
    }
    if x == 1.0 {
        let s = c - a - b;
        return if s > 0.0 {
            gamma_ratio(&[c, s], &[c - a, c - b])
        } else {
            f64::INFINITY
        };
    }
    if a.abs().max(b.abs()).max(c.abs()) >= HUGE_PARAM {
        return f21_huge(a, b, c, x, y);
    }
    if x >= 0.0 {
        return f21_unit(a, b, c, x, y);
    }
    if x >= -0.5 {
        return f21_series(a, b, c, x);
    }
    // Pfaff: the new argument x/(x-1) lies in (1/2, 1); pick the ordering of
    // a and b whose connection formula is not degenerate.
    let w = x / (x - 1.0);
    let (p, q) = if ((b - a) - (b - a).round()).abs() >= 1e-3 || a.abs() <= b.abs() {
        (a, b)
    } else {
        (b, a)
    };
    if x.is_infinite() {
        return f64::NAN;
    }
    // 1 - w = 1/(1 - x), without the rounding of w
    y.powf(-p) * f21_unit(p, c - q, c, w, 1.0 / y)
}
