//! Pieces shared by the Bessel families: Temme's gamma combinations, the
//! Hankel asymptotic series and the small-argument power-series prefactor.

use super::gamma::{gammaln, rgamma};
use num_complex::Complex64;

/// Taylor coefficients of `1/Γ(1+z) = Σ d_k z^k` (Wrench 1968, Abramowitz and
/// Stegun 6.1.34 shifted by one; recomputed with mpmath at 40 digits).
const RGAMMA1P_TAYLOR: [f64; 24] = [
    1.0,
    0.5772156649015329,
    -0.6558780715202539,
    -0.04200263503409524,
    0.16653861138229148,
    -0.04219773455554433,
    -0.009621971527876973,
    0.0072189432466631,
    -0.0011651675918590652,
    -0.00021524167411495098,
    0.0001280502823881162,
    -2.013485478078824e-05,
    -1.2504934821426706e-06,
    1.133027231981696e-06,
    -2.056338416977607e-07,
    6.116095104481416e-09,
    5.002007644469223e-09,
    -1.18127457048702e-09,
    1.0434267116911005e-10,
    7.782263439905071e-12,
    -3.696805618642206e-12,
    5.100370287454476e-13,
    -2.0583260535665066e-14,
    -5.348122539423018e-15,
];

/// Temme's gamma combinations for `|μ| ≤ 1/2`:
/// `(Γ1, Γ2, 1/Γ(1+μ), 1/Γ(1-μ))` with
///
/// ```text
/// Γ1(μ) = (1/Γ(1-μ) - 1/Γ(1+μ)) / (2μ),   Γ2(μ) = (1/Γ(1-μ) + 1/Γ(1+μ)) / 2
/// ```
///
/// Both come from the even and odd parts of the Taylor series of `1/Γ(1+z)`,
/// so there is no cancellation at `μ → 0` (Temme 1975).
pub(super) fn temme_gammas(mu: f64) -> (f64, f64, f64, f64) {
    let m2 = mu * mu;
    let mut even = 0.0;
    let mut odd = 0.0;
    for k in (0..RGAMMA1P_TAYLOR.len() / 2).rev() {
        even = even * m2 + RGAMMA1P_TAYLOR[2 * k];
        odd = odd * m2 + RGAMMA1P_TAYLOR[2 * k + 1];
    }
    let gam1 = -odd;
    let gam2 = even;
    (gam1, gam2, gam2 - mu * gam1, gam2 + mu * gam1)
}

/// `sin(πμ)/(πμ)` for `|μ| ≤ 1/2` (1 at 0).
pub(super) fn sinc_pi(mu: f64) -> f64 {
    let t = std::f64::consts::PI * mu;
    if t.abs() < 1e-4 {
        let t2 = t * t;
        1.0 - t2 / 6.0 * (1.0 - t2 / 20.0)
    } else {
        t.sin() / t
    }
}

/// `sinh(σ)/σ`, 1 at 0, accurate for small `σ`.
pub(super) fn sinhc(s: f64) -> f64 {
    if s.abs() < 1e-4 {
        let s2 = s * s;
        1.0 + s2 / 6.0 * (1.0 + s2 / 20.0)
    } else {
        s.sinh() / s
    }
}

/// Sums of the Hankel asymptotic series for order `ν` at large `x`:
/// `(Σ (-1)^k a_2k / x^2k, Σ (-1)^k a_2k+1 / x^2k+1, Σ a_k/x^k (-1)^k)`, with
///
/// ```text
/// a_k(ν) = (4ν² - 1²)(4ν² - 3²)…(4ν² - (2k-1)²) / (k! 8^k)     (DLMF 10.17.1)
/// ```
///
/// The third sum serves the modified functions (DLMF 10.40.1). Returns `None`
/// when the terms stop decreasing before reaching full precision.
pub(super) fn hankel_sums(nu: f64, x: f64) -> Option<(f64, f64, f64)> {
    let mu4 = 4.0 * nu * nu;
    let mut t = 1.0;
    let (mut p, mut q, mut alt) = (1.0, 0.0, 1.0);
    let mut prev = f64::INFINITY;
    for k in 1..200 {
        let kf = k as f64;
        let odd = 2.0 * kf - 1.0;
        t *= (mu4 - odd * odd) / (8.0 * kf * x);
        let at = t.abs();
        if at > prev && k as f64 > nu {
            return None;
        }
        prev = at;
        // (-1)^k for `alt`; P takes even k with sign (-1)^(k/2), Q odd k with (-1)^((k-1)/2).
        match k % 4 {
            0 => p += t,
            1 => q += t,
            2 => p -= t,
            _ => q -= t,
        }
        alt += if k % 2 == 0 { t } else { -t };
        if at <= 1e-17 * p.abs().max(q.abs()).max(1e-300) && at <= 1e-17 * alt.abs() {
            return Some((p, q, alt));
        }
    }
    None
}

/// Complex Hankel sums for the modified functions at large `|w|`:
/// `(Σ (-1)^k a_k(ν)/w^k, Σ a_k(ν)/w^k)` (DLMF 10.40.2, 10.40.5), or `None`
/// when the terms stop decreasing before reaching full precision.
pub(super) fn hankel_sums_complex(nu: f64, w: Complex64) -> Option<(Complex64, Complex64)> {
    let mu4 = 4.0 * nu * nu;
    let wi = 1.0 / w;
    let mut t = Complex64::new(1.0, 0.0);
    let (mut alt, mut plain) = (t, t);
    let mut prev = f64::INFINITY;
    for k in 1..200 {
        let kf = k as f64;
        let odd = 2.0 * kf - 1.0;
        t *= (mu4 - odd * odd) / (8.0 * kf) * wi;
        let at = t.norm();
        if at > prev && kf > nu {
            return None;
        }
        prev = at;
        plain += t;
        alt += if k % 2 == 0 { t } else { -t };
        if at <= 1e-17 * alt.norm().min(plain.norm()) {
            return Some((alt, plain));
        }
    }
    None
}

/// `(x/2)^ν / Γ(ν+1)` for `ν ≥ 0`, `x > 0`, without intermediate overflow.
pub(super) fn pow_half_over_gamma(nu: f64, x: f64) -> f64 {
    let half = 0.5 * x;
    if nu <= 170.0 {
        let p = half.powf(nu);
        if p.is_finite() && p > 1e-300 {
            return p * rgamma(nu + 1.0);
        }
    }
    (nu * half.ln() - gammaln(nu + 1.0)).exp()
}

/// Whether `x` is an integer (finite).
pub(super) fn is_int(x: f64) -> bool {
    x == x.floor()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temme_gammas_match_direct_formula() {
        for &mu in &[-0.5, -0.3, -1e-3, 0.0, 0.2, 0.5] {
            let (g1, g2, gp, gm) = temme_gammas(mu);
            assert!((gp - rgamma(1.0 + mu)).abs() < 1e-15, "{mu}");
            assert!((gm - rgamma(1.0 - mu)).abs() < 1e-15, "{mu}");
            assert!((g2 - 0.5 * (gm + gp)).abs() < 1e-15);
            if mu != 0.0 {
                assert!((g1 - (gm - gp) / (2.0 * mu)).abs() < 1e-11 / mu.abs().max(1e-3));
            }
        }
    }
}
