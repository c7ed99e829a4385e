//! Riemann and Hurwitz zeta functions.
//!
//! Euler–Maclaurin summation (DLMF 25.11.5 with the Bernoulli tail) for
//! `ζ(s, a)`, `a > 0`, which also continues `ζ(s)` analytically to
//! `-1 ≤ s < 1`; Riemann's functional equation (DLMF 25.4.1) below that.

use super::gamma::{gamma, gammaln};
use super::kernels::sinpi;
use std::f64::consts::PI;

/// `B_2j / (2j)!` for `j = 1..15` (mpmath, 30 digits).
const BERN_OVER_FACT: [f64; 15] = [
    0.08333333333333333,
    -0.001388888888888889,
    3.306878306878307e-05,
    -8.267195767195768e-07,
    2.08767569878681e-08,
    -5.284190138687493e-10,
    1.3382536530684679e-11,
    -3.3896802963225827e-13,
    8.586062056277845e-15,
    -2.174868698558062e-16,
    5.5090028283602295e-18,
    -1.3954464685812522e-19,
    3.534707039629467e-21,
    -8.953517427037546e-23,
    2.267952452337683e-24,
];

/// Direct terms before the Euler–Maclaurin tail.
const N_DIRECT: usize = 12;

/// `ζ(s, a)` for finite `s > 0`, `s ≠ 1`, and `a > 0` finite.
fn hurwitz_em(s: f64, a: f64) -> f64 {
    hurwitz_em_pole(s, s - 1.0, a)
}

/// [`hurwitz_em`] with `s - 1` passed exactly (the pole term needs it when
/// `s = 1 - t` for tiny `t`).
fn hurwitz_em_pole(s: f64, sm1: f64, a: f64) -> f64 {
    let mut sum = 0.0;
    let mut k = 0;
    while k < N_DIRECT {
        let t = (a + k as f64).powf(-s);
        sum += t;
        // Stop once the integral bound of the remaining terms is negligible.
        if s > 1.0 && t * (a + k as f64 + 1.0) < 1e-17 * sm1 * sum {
            return sum;
        }
        k += 1;
    }
    let w = a + N_DIRECT as f64;
    let wps = w.powf(-s);
    let mut tail = w * wps / sm1 + 0.5 * wps;
    // Σ_j B_2j/(2j)! · s(s+1)…(s+2j-2) · w^{-s-2j+1}
    let mut fac = s * wps / w; // s · w^{-s-1}
    let w2 = 1.0 / (w * w);
    for (j, &b) in BERN_OVER_FACT.iter().enumerate() {
        let d = b * fac;
        tail += d;
        if d.abs() < 1e-17 * (sum + tail).abs() {
            break;
        }
        let jf = j as f64;
        fac *= (s + 2.0 * jf + 1.0) * (s + 2.0 * jf + 2.0) * w2;
    }
    sum + tail
}

/// Riemann `ζ(s)` for all real `s`.
fn riemann(s: f64) -> f64 {
    if s.is_nan() {
        return f64::NAN;
    }
    if s == 1.0 {
        return f64::INFINITY;
    }
    if s == f64::INFINITY {
        return 1.0;
    }
    if s == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if s == 0.0 {
        return -0.5;
    }
    if s > 0.0 {
        if s > 60.0 {
            // 1 + 2^{-s} + 3^{-s} + … with the rest below rounding.
            return 1.0 + 2f64.powf(-s) + 3f64.powf(-s);
        }
        return hurwitz_em(s, 1.0);
    }
    // ζ(s) = 2^s π^{s-1} sin(πs/2) Γ(1-s) ζ(1-s)
    let sn = sinpi(0.5 * s);
    if sn == 0.0 {
        return 0.0;
    }
    let z1 = if s > -1.0 {
        hurwitz_em_pole(1.0 - s, -s, 1.0)
    } else {
        riemann(1.0 - s)
    };
    if 1.0 - s < 340.0 {
        // Legendre's duplication Γ(1-s) = 2^{-s} Γ((1-s)/2) Γ(1-s/2)/√π gives
        // ζ(s) = π^{s-3/2} sin(πs/2) Γ((1-s)/2) Γ(1-s/2) ζ(1-s): no overflow
        // before the value does, no exp of a large logarithm. The rounding of
        // π (π = π_d(1 + δ)) would cost (s - 3/2)·δ: restore it to first order.
        const PI_REL_LO: f64 = 1.2246467991473532e-16 / PI;
        let t = s - 1.5;
        let pw = PI.powf(t) * (1.0 + t * PI_REL_LO);
        pw * sn * gamma(0.5 - 0.5 * s) * gamma(1.0 - 0.5 * s) * z1
    } else {
        let lg = s * (2.0 * PI).ln() - PI.ln() + gammaln(1.0 - s);
        lg.exp() * sn * z1
    }
}

/// Riemann or Hurwitz zeta function.
///
/// SciPy: `scipy.special.zeta(x, q=None)`. With `q = None` the Riemann zeta
/// function for every real `x` (analytically continued); with `q = Some(q)`
/// the Hurwitz zeta function, defined for `x > 1` (NaN for `x < 1`, `∞` at
/// `x = 1` and at non-positive integer `q`; for other negative `q` and integer
/// `x` the finitely many negative terms are summed directly, as SciPy).
///
/// ```text
/// ζ(x, q) = Σ_{k≥0} (k + q)^{-x},   ζ(x) = ζ(x, 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::zeta;
/// let pi = std::f64::consts::PI;
/// assert!((zeta(2.0, None) - pi * pi / 6.0).abs() < 1e-15);
/// assert!((zeta(2.0, Some(0.5)) - pi * pi / 2.0).abs() < 1e-14);
/// assert_eq!(zeta(-2.0, None), 0.0);
/// ```
pub fn zeta(x: f64, q: Option<f64>) -> f64 {
    let Some(q) = q else {
        return riemann(x);
    };
    if x.is_nan() || q.is_nan() || x < 1.0 {
        return f64::NAN;
    }
    if x == 1.0 {
        return f64::INFINITY;
    }
    if q == f64::INFINITY {
        return 0.0;
    }
    if x == f64::INFINITY {
        return if q == 1.0 {
            1.0
        } else if q > 1.0 {
            0.0
        } else {
            f64::INFINITY
        };
    }
    if q <= 0.0 {
        if q == q.floor() {
            return f64::INFINITY;
        }
        if x != x.floor() || q < -1e6 {
            return f64::NAN;
        }
        // Sum the terms with negative base (integer x keeps them real).
        let mut sum = 0.0;
        let mut a = q;
        while a < 0.0 {
            sum += a.powf(-x);
            a += 1.0;
        }
        return sum + hurwitz_em(x, a);
    }
    hurwitz_em(x, q)
}

/// Riemann zeta function minus one, `ζ(x) - 1`, accurate for large `x`.
///
/// SciPy: `scipy.special.zetac`.
///
/// ```text
/// zetac(x) = Σ_{k≥2} k^{-x}   (x > 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::zetac;
/// let want = 2f64.powi(-60) + 3f64.powi(-60);
/// assert!((zetac(60.0) - want).abs() < 1e-15 * want);
/// assert!((zetac(0.0) + 1.5).abs() < 1e-15);
/// ```
pub fn zetac(x: f64) -> f64 {
    if x.is_nan() || x == f64::NEG_INFINITY {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x > 1.0 {
        return hurwitz_em(x, 2.0);
    }
    riemann(x) - 1.0
}
