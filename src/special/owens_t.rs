//! Owen's T function.
//!
//! For `|a| ≤ 1` the defining integral has a smooth, positive integrand, so
//! composite Gauss–Legendre quadrature gives full relative accuracy: after
//! taking out `e^(-h²/2)`, it is `e^(-h²x²/2)/(1+x²)` on `[0, a]`, cut where
//! the Gaussian falls below 1e-18 and split into panels narrow against both
//! the poles at `±i` and the Gaussian's width `1/h`. For `|a| > 1` the
//! identity `T(h, a) + T(ah, 1/a) = ½Q(h) + ½Q(ah) - Q(h)Q(ah)` (`Q` the
//! normal upper tail, `h, a ≥ 0`) reduces to `|a| < 1`, with no cancellation.

use super::erf::ndtr;
use std::f64::consts::PI;
use std::sync::OnceLock;

/// Gauss–Legendre order per panel.
const ORDER: usize = 20;

/// Nodes and weights of the `ORDER`-point Gauss–Legendre rule on `[-1, 1]`
/// (Newton's method on the three-term recurrence; computed once).
pub(super) fn gauss_legendre() -> &'static [(f64, f64); ORDER] {
    static RULE: OnceLock<[(f64, f64); ORDER]> = OnceLock::new();
    RULE.get_or_init(|| {
        let n = ORDER as f64;
        let mut rule = [(0.0, 0.0); ORDER];
        for (i, r) in rule.iter_mut().enumerate() {
            // Tricomi's initial guess for the i-th root
            let mut x = (PI * (i as f64 + 0.75) / (n + 0.5)).cos();
            let mut dp = 1.0;
            for _ in 0..100 {
                let (mut p0, mut p1) = (1.0, x);
                for k in 2..=ORDER {
                    let k = k as f64;
                    let p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                dp = n * (x * p1 - p0) / (x * x - 1.0);
                let dx = p1 / dp;
                x -= dx;
                if dx.abs() < 1e-16 {
                    break;
                }
            }
            *r = (x, 2.0 / ((1.0 - x * x) * dp * dp));
        }
        rule
    })
}

/// `∫₀^a e^(-h²x²/2)/(1+x²) dx` for `h ≥ 0`, `0 < a ≤ 1`.
fn integral(h: f64, a: f64) -> f64 {
    // e^(-h²x²/2) < 1e-18 past x = 9.1/h
    let end = if h > 0.0 { a.min(9.1 / h) } else { a };
    let panels = ((end / 0.5).max(h * end / 1.5)).ceil().max(1.0);
    let width = end / panels;
    let rule = gauss_legendre();
    let mut total = 0.0;
    for k in 0..panels as usize {
        let mid = (k as f64 + 0.5) * width;
        let mut s = 0.0;
        for &(x, w) in rule {
            let t = mid + 0.5 * width * x;
            s += w * (-0.5 * h * h * t * t).exp() / (1.0 + t * t);
        }
        total += s * 0.5 * width;
    }
    total
}

/// Owen's T function `T(h, a)`.
///
/// SciPy: `scipy.special.owens_t`. Even in `h`, odd in `a`; `T(h, ±∞) =
/// ±Q(|h|)/2`, `T(±∞, a) = 0`, NaN for NaN input.
///
/// ```text
/// T(h, a) = 1/(2π) ∫₀^a e^(-h²(1+x²)/2) / (1+x²) dx
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{ndtr, owens_t};
/// // T(h, 1) = Φ(h)(1 - Φ(h))/2
/// let h = 0.8f64;
/// assert!((owens_t(h, 1.0) - 0.5 * ndtr(h) * ndtr(-h)).abs() < 1e-16);
/// // T(0, a) = atan(a)/(2π)
/// assert!((owens_t(0.0, 0.5) - 0.5f64.atan() / (2.0 * std::f64::consts::PI)).abs() < 1e-17);
/// ```
pub fn owens_t(h: f64, a: f64) -> f64 {
    if h.is_nan() || a.is_nan() {
        return f64::NAN;
    }
    let sign = if a < 0.0 { -1.0 } else { 1.0 };
    let (h, a) = (h.abs(), a.abs());
    sign * owens_t_pos(h, a)
}

/// `T(h, a)` for `h, a ≥ 0`.
fn owens_t_pos(h: f64, a: f64) -> f64 {
    if a == 0.0 || h == f64::INFINITY {
        return 0.0;
    }
    if h == 0.0 {
        return a.atan() / (2.0 * PI);
    }
    if a <= 1.0 {
        return (-0.5 * h * h).exp() / (2.0 * PI) * integral(h, a);
    }
    let ah = a * h;
    let (qh, qah) = (ndtr(-h), ndtr(-ah));
    let rest = if a == f64::INFINITY {
        0.0
    } else {
        owens_t_pos(ah, 1.0 / a)
    };
    0.5 * qh + 0.5 * qah - qh * qah - rest
}
