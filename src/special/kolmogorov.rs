//! Kolmogorov–Smirnov distributions: the limiting Kolmogorov distribution of
//! `√n·D_n` and the exact one-sided Smirnov distribution of `D_n^+`, with
//! their inverses.
//!
//! * `kolmogorov`: the alternating series `2 Σ (-1)^(k-1) e^(-2k²y²)` for
//!   `y ≥ 1`; below, the Jacobi-transformed series of the cdf,
//!   `√(2π)/y Σ e^(-(2k-1)²π²/(8y²))`, which converges fast there.
//! * `smirnov`: the Birnbaum–Tingey sum (all terms positive), `O(n)` terms.
//! * inverses: Newton's method on the log of the smaller tail (shared with
//!   the incomplete-function inverses), variable `ln y` or `ln(d/(1-d))`.

use super::incomplete::two_prod;
use super::inverse_incomplete::newton_increasing;
use std::f64::consts::PI;

/// `(sf, cdf, pdf)` of the Kolmogorov distribution at `y > 0`.
fn kolmogorov_parts(y: f64) -> (f64, f64, f64) {
    if y >= 1.0 {
        // sf = 2 Σ (-1)^(k-1) e^(-2k²y²), pdf = 8y Σ (-1)^(k-1) k² e^(-2k²y²);
        // the leading term carries the result, so y² is formed exactly
        let (mut sf, mut pdf) = (0.0, 0.0);
        let mut sign = 1.0;
        for k in 1..=12 {
            let k2 = f64::from(k * k);
            let e = if k == 1 {
                exp_neg_2sq(y)
            } else {
                (-2.0 * k2 * y * y).exp()
            };
            sf += sign * e;
            pdf += sign * k2 * e;
            sign = -sign;
            if e < 1e-17 * sf {
                break;
            }
        }
        (2.0 * sf, 1.0 - 2.0 * sf, 8.0 * y * pdf)
    } else {
        // cdf = √(2π)/y Σ e^(-c_k/y²), c_k = (2k-1)²π²/8
        let w = 1.0 / (y * y);
        let (mut s, mut ds) = (0.0, 0.0);
        for k in 1..=12 {
            let m = f64::from(2 * k - 1);
            let c = m * m * PI * PI / 8.0;
            let e = (-c * w).exp();
            s += e;
            ds += e * (2.0 * c * w - 1.0);
            if e < 1e-17 * s {
                break;
            }
        }
        let r = (2.0 * PI).sqrt() / y;
        let cdf = r * s;
        (1.0 - cdf, cdf, r * ds / y)
    }
}

/// `e^(-2y²)` with `y²` split exactly into `hi + lo`, so
/// the result keeps full relative accuracy where `2y²` is large.
fn exp_neg_2sq(y: f64) -> f64 {
    let (hi, lo) = two_prod(y, y);
    (-2.0 * hi).exp() * (1.0 - 2.0 * lo)
}

/// Survival function of the limiting Kolmogorov distribution.
///
/// SciPy: `scipy.special.kolmogorov`. `1` for `y ≤ 0`, `0` at `+∞`, NaN for NaN.
///
/// ```text
/// kolmogorov(y) = lim P(√n·D_n > y) = 2 Σ_{k≥1} (-1)^(k-1) e^(-2k²y²)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::kolmogorov;
/// let y = 1.5f64;
/// let series: f64 = (1..20).map(|k| {
///     let k = k as f64;
///     2.0 * (-1f64).powf(k - 1.0) * (-2.0 * k * k * y * y).exp()
/// }).sum();
/// assert!((kolmogorov(y) - series).abs() < 1e-16);
/// ```
pub fn kolmogorov(y: f64) -> f64 {
    if y.is_nan() {
        return f64::NAN;
    }
    if y <= 0.0 {
        return 1.0;
    }
    if y == f64::INFINITY {
        return 0.0;
    }
    kolmogorov_parts(y).0
}

/// Inverse of [`kolmogorov`]: `y` with `kolmogorov(y) = p`.
///
/// SciPy: `scipy.special.kolmogi`. NaN for `p ∉ [0, 1]`; `∞` at `p = 0` and
/// `0` at `p = 1`.
///
/// ```text
/// kolmogi(p) = y  with  2 Σ_{k≥1} (-1)^(k-1) e^(-2k²y²) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{kolmogi, kolmogorov};
/// let y = kolmogi(0.05);
/// assert!((kolmogorov(y) - 0.05).abs() < 1e-16);
/// ```
pub fn kolmogi(p: f64) -> f64 {
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::INFINITY;
    }
    if p == 1.0 {
        return 0.0;
    }
    let q = 1.0 - p;
    let upper = p <= q;
    let y0 = if upper {
        (-0.5 * (0.5 * p).ln()).sqrt()
    } else {
        // cdf ≈ √(2π)/y e^(-π²/(8y²))
        let mut y = 0.5;
        for _ in 0..3 {
            y = PI / (8.0 * ((2.0 * PI).sqrt() / y / q).ln()).sqrt();
        }
        y
    };
    let (u, step) = newton_increasing(y0.ln(), |u| {
        let y = u.exp();
        let (sf, cdf, pdf) = kolmogorov_parts(y);
        if upper {
            (-(sf / p).ln(), y * pdf / sf)
        } else {
            ((cdf / q).ln(), y * pdf / cdf)
        }
    });
    u.exp() * (-step).exp()
}

/// `(sf, pdf)` of the one-sided Kolmogorov–Smirnov statistic `D_n^+` at
/// `0 < d < 1`: the Birnbaum–Tingey sum
/// `sf = d Σ_{j=0}^{⌊n(1-d)⌋} C(n, j) (d + j/n)^(j-1) (1 - d - j/n)^(n-j)`.
fn smirnov_parts(n: f64, d: f64) -> (f64, f64) {
    let jmax = (n * (1.0 - d)).floor().min(n);
    let (mut s, mut ds) = (0.0, 0.0);
    // C(n, j) by its product recurrence while it stays finite, then by logs.
    let mut c = 1.0f64;
    let mut ln_c = 0.0f64;
    let (nd_hi, nd_lo) = two_prod(n, d);
    let mut j = 0.0;
    while j <= jmax {
        let x = d + j / n;
        // y = 1 - d - j/n from n·d = nd_hi + nd_lo exactly: no cancellation
        let y = (((n - j) - nd_hi) - nd_lo) / n;
        if y <= 0.0 {
            break;
        }
        let term = if n <= 1000.0 {
            // C(n, j) ≤ 3e299: multiply it out, taking y^(n-j) in pieces of
            // at least 1e-150 so no intermediate goes subnormal
            let mut t = c * x.powf(j - 1.0);
            let e = n - j;
            let pieces = (e * -y.ln() / 345.0).ceil().max(1.0);
            let chunk = (e / pieces).floor();
            t *= y.powf(e - chunk * (pieces - 1.0));
            for _ in 1..pieces as usize {
                t *= y.powf(chunk);
            }
            t
        } else {
            (ln_c + (j - 1.0) * x.ln() + (n - j) * y.ln()).exp()
        };
        s += term;
        // d/dd of the term: term · ((j-1)/x - (n-j)/y)
        ds += term * ((j - 1.0) / x - (n - j) / y);
        ln_c += ((n - j) / (j + 1.0)).ln();
        c *= (n - j) / (j + 1.0);
        j += 1.0;
    }
    (d * s, -(s + d * ds))
}

/// Validated `(n, d)` for the Smirnov functions: `n` truncated, `None` for
/// NaN, `n < 1` and `n > 2^31 - 1` (SciPy's C `int` argument: NaN there; the
/// exact sum has `n(1-d)` terms, so such `n` would also run for minutes).
fn smirnov_n(n: f64) -> Option<f64> {
    let n = n.trunc();
    (1.0..=f64::from(i32::MAX)).contains(&n).then_some(n)
}

/// Survival function of the exact one-sided Kolmogorov–Smirnov statistic.
///
/// SciPy: `scipy.special.smirnov`. `n` is truncated to an integer; NaN for
/// `n < 1`, `n > 2^31 - 1` (as SciPy) or `d ∉ [0, 1]`; `1` at `d = 0`, `0` at `d = 1`. Cost is
/// linear in `n`.
///
/// ```text
/// smirnov(n, d) = P(D_n^+ ≥ d)
///   = d Σ_{j=0}^{⌊n(1-d)⌋} C(n, j) (d + j/n)^(j-1) (1 - d - j/n)^(n-j)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::smirnov;
/// // n = 1: D⁺ is uniform on [0, 1]
/// assert!((smirnov(1.0, 0.3) - 0.7).abs() < 4e-16);
/// // n = 2, d ≥ 1/2: only j = 0 contributes, d (1-d)²/d = (1-d)²
/// assert!((smirnov(2.0, 0.6) - 0.16).abs() < 4e-16);
/// ```
pub fn smirnov(n: f64, d: f64) -> f64 {
    let Some(n) = smirnov_n(n) else {
        return f64::NAN;
    };
    if !(0.0..=1.0).contains(&d) {
        return f64::NAN;
    }
    if d == 0.0 {
        return 1.0;
    }
    if d == 1.0 {
        return 0.0;
    }
    smirnov_parts(n, d).0
}

/// Inverse of [`smirnov`] in `d`: `d` with `smirnov(n, d) = p`.
///
/// SciPy: `scipy.special.smirnovi`. NaN for `n < 1`, `n > 2^31 - 1` or `p ∉ [0, 1]`;
/// `1` at `p = 0` and `0` at `p = 1`.
///
/// ```text
/// smirnovi(n, p) = d  with  P(D_n^+ ≥ d) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{smirnov, smirnovi};
/// let d = smirnovi(20.0, 0.05);
/// assert!((smirnov(20.0, d) - 0.05).abs() < 1e-16);
/// ```
pub fn smirnovi(n: f64, p: f64) -> f64 {
    let Some(n) = smirnov_n(n) else {
        return f64::NAN;
    };
    if !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return 1.0;
    }
    if p == 1.0 {
        return 0.0;
    }
    let q = 1.0 - p;
    let upper = p <= q;
    // Start from the limiting law: P(√n D⁺ ≥ y) ≈ e^(-2y²).
    let d0 = ((-0.5 * p.ln()) / n).sqrt().clamp(1e-3 / n, 0.999);
    let (t, step) = newton_increasing((d0 / (1.0 - d0)).ln(), |t| {
        let d = 1.0 / (1.0 + (-t).exp());
        let (sf, pdf) = smirnov_parts(n, d);
        let scale = d * (1.0 - d) * pdf;
        if upper {
            (-(sf / p).ln(), scale / sf)
        } else {
            let cdf = 1.0 - sf;
            ((cdf / q).ln(), scale / cdf)
        }
    });
    let d = 1.0 / (1.0 + (-t).exp());
    d * (1.0 - (1.0 - d) * step)
}
