//! Struve functions `H_ν(x)` and modified Struve functions `L_ν(x)` of real
//! order and argument.
//!
//! Two regimes, chosen by measured accuracy (`tests/special_new.rs`):
//! - the power series (DLMF 11.2.1, 11.2.2) summed in double-double
//!   arithmetic: the alternating series of `H_ν` cancels by up to ~`e^x`,
//!   which double-double absorbs up to the point where
//! - the asymptotic expansions take over (DLMF 11.6.1, 11.6.2):
//!   `H_ν = Y_ν + K_ν`, `L_ν = I_ν + M_ν` with `K_ν`, `M_ν` summed until the
//!   smallest term of the divergent series is below `ε·|K_ν|`; where it does
//!   not get there (`ν` near `x`, or `x` not far past 30), `K_ν` is the
//!   integral DLMF 11.5.2 of a positive function (exp-sinh rule), also used
//!   for `30 ≤ x < ν` wherever `Y_ν` cancels less than a tenth of it.
//!
//! Half-integer orders `ν = -(n + 1/2)` are Bessel functions (DLMF 11.4.4,
//! 11.4.5), where the series' leading coefficients vanish.

use super::bessel_ik::iv;
use super::bessel_jy::{jv, yv};
use super::gamma::{gammaln, gammastar, rgamma};
use super::incomplete::two_prod;
use super::kernels::{exp_sinh, is_odd};
use super::legendre::two_sum;
use std::f64::consts::FRAC_2_PI;

/// `√π`, the value of `Γ(1/2)`.
const SQRT_PI: f64 = 1.772_453_850_905_516;
/// `√(2π)`.
const SQRT_2PI: f64 = 2.506_628_274_631_000_7;
/// Term budget of the power series (it needs ~`x` terms; `x` is below the
/// asymptotic switch or the order is large, so this is never reached on
/// finite input but bounds the loop).
const MAX_TERMS: usize = 2_000;

/// Double-double value `hi + lo`.
#[derive(Clone, Copy)]
pub(super) struct Dd(pub(super) f64, pub(super) f64);

impl Dd {
    fn norm(hi: f64, lo: f64) -> Dd {
        let s = hi + lo;
        Dd(s, lo - (s - hi))
    }
    pub(super) fn add(self, o: Dd) -> Dd {
        let (s, e) = two_sum(self.0, o.0);
        Dd::norm(s, e + self.1 + o.1)
    }
    pub(super) fn mul(self, o: Dd) -> Dd {
        let (p, e) = two_prod(self.0, o.0);
        Dd::norm(p, e + self.0 * o.1 + self.1 * o.0)
    }
    pub(super) fn div(self, o: Dd) -> Dd {
        let q = self.0 / o.0;
        let r = self.add(o.mul(Dd(-q, 0.0)));
        Dd::norm(q, r.0 / o.0)
    }
}

/// `Σ_k (±z)^k / ((3/2)_k (ν+3/2)_k)`, `z = x²/4`, in double-double (`-` for
/// `H`, `+` for `L`), with every factor (`z` and `k + ν + 3/2`) kept exact.
fn series_sum(v: f64, x: f64, alternating: bool) -> f64 {
    let h = 0.5 * x;
    let (zh, zl) = two_prod(h, h);
    let z = if alternating {
        Dd(-zh, -zl)
    } else {
        Dd(zh, zl)
    };
    let (mut term, mut sum) = (Dd(1.0, 0.0), Dd(1.0, 0.0));
    for k in 0..MAX_TERMS {
        let kf = k as f64 + 1.5;
        let (ph, pl) = two_sum(kf, v);
        let den = Dd(ph, pl).mul(Dd(kf, 0.0));
        term = term.mul(z).div(den);
        sum = sum.add(term);
        if term.0.abs() <= 1e-33 * sum.0.abs() || !sum.0.is_finite() {
            break;
        }
    }
    sum.0 + sum.1
}

/// The power series `(x/2)^{ν+1} Σ (±1)^k (x/2)^{2k} / (Γ(k+3/2) Γ(k+ν+3/2))`.
fn series(v: f64, x: f64, alternating: bool) -> f64 {
    let s = series_sum(v, x, alternating);
    // (x/2)^{ν+1} / Γ(ν+3/2) as one factor: each part alone may overflow
    2.0 / SQRT_PI * half_x_pow_over_gamma(v + 1.0, x) * s
}

/// `K_ν(x) = H_ν - Y_ν` (or `M_ν = L_ν - I_ν` when `modified`) by its
/// asymptotic expansion, or `None` when the smallest term is not below
/// `ε·|sum|`.
///
/// `(1/π) (x/2)^{ν-1} Σ (∓1)^k Γ(k+1/2) (x/2)^{-2k} / Γ(ν+1/2-k)`
fn asymptotic(v: f64, x: f64, modified: bool) -> Option<f64> {
    let z = 0.25 * x * x;
    // terms relative to the first, Γ(1/2)/Γ(ν+1/2) (folded into the scale,
    // which would otherwise overflow against an underflowing 1/Γ)
    let mut c = 1.0;
    let mut sum = c;
    let mut k = 0.0;
    loop {
        let next = c * (k + 0.5) * (v - 0.5 - k) / z;
        let next = if modified { -next } else { next };
        if next.abs() > c.abs() && k > 0.0 {
            return None;
        }
        sum += next;
        if next.abs() <= 1e-17 * sum.abs() || next == 0.0 {
            break;
        }
        if k > 200.0 {
            return None;
        }
        c = next;
        k += 1.0;
    }
    // (x/2)^{ν-1} Γ(1/2) / (π Γ(ν+1/2))
    let scale = half_x_pow_over_gamma(v, x) / (0.5 * x) / SQRT_PI;
    let sum = if modified { -sum } else { sum };
    Some(scale * sum)
}

/// `(x/2)^ν / Γ(ν+1/2)` without overflow in the parts: the bases `x/2` and
/// `ν + 1/2` are exact, so the powers keep full accuracy.
fn half_x_pow_over_gamma(v: f64, x: f64) -> f64 {
    let h = 0.5 * x;
    let y = v + 0.5;
    let direct = h.powf(v) * rgamma(y);
    if direct.is_finite() && direct != 0.0 {
        return direct;
    }
    if y < 10.0 {
        // far out in x only (small orders): logarithms suffice
        return (v * h.ln() - gammaln(y)).exp() * rgamma(y).signum();
    }
    // Γ(y) = √(2π) y^ν e^{-y} Γ*(y):  (h/y)^ν e^y / (√(2π) Γ*(y)), with h/y
    // as r + r_lo (exact remainder) so its rounding is not raised to the ν
    let r = h / y;
    let (p, e) = two_prod(r, y);
    let r_lo = ((h - p) - e) / y;
    let half = 0.5 * v;
    let corr = (half * (r_lo / r).ln_1p()).exp();
    let mut q = r.powf(half) * corr * (0.5 * y).exp();
    if !q.is_finite() || q == 0.0 {
        // the value itself is near over- or underflow: logarithms
        q = (half * r.ln() + 0.5 * y).exp() * corr;
    }
    q * q / (SQRT_2PI * gammastar(y))
}

/// `K_ν(x) = H_ν - Y_ν` for `x ≥ 30` (DLMF 11.5.2): `2 (x/2)^ν / (√π
/// Γ(ν+1/2) x) ∫_0^∞ e^{-u} (1 + u²/x²)^{ν-1/2} du`, a positive integrand
/// (decreasing for `x ≥ ν - 1/2`), where the asymptotic series does not
/// reach `ε` and the power series would cancel by ~`e^x`.
fn k_integral(v: f64, x: f64) -> f64 {
    let e = v - 0.5;
    let x2 = x * x;
    let i = exp_sinh(1.0, |_, u| {
        let w = (-u).exp();
        // past u ≈ 745 the power could overflow where the weight is zero
        if w == 0.0 {
            0.0
        } else {
            u * w * (1.0 + u * u / x2).powf(e)
        }
    });
    2.0 / SQRT_PI * half_x_pow_over_gamma(v, x) * (i / x)
}

/// Shared domain handling; `f` evaluates the function at `x > 0` finite.
fn struve_common(v: f64, x: f64, modified: bool, f: impl Fn(f64, f64) -> f64) -> f64 {
    if v.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        // H_ν(-x) = (-1)^{ν+1} H_ν(x) for integer ν; complex otherwise.
        if v != v.floor() || v.is_infinite() {
            return f64::NAN;
        }
        let r = struve_common(v, -x, modified, f);
        return if is_odd(v) { r } else { -r };
    }
    if x == 0.0 {
        return if v > -1.0 {
            0.0
        } else if v == -1.0 {
            FRAC_2_PI
        } else if (v + 0.5) == (v + 0.5).floor() {
            0.0 // ±J or I of positive half-integer order
        } else {
            // leading term (x/2)^{ν+1} / (Γ(3/2) Γ(ν+3/2))
            rgamma(v + 1.5).signum() * f64::INFINITY
        };
    }
    if x.is_infinite() {
        return if modified || v > 1.0 {
            f64::INFINITY
        } else if v == 1.0 {
            FRAC_2_PI
        } else {
            0.0
        };
    }
    if v.is_infinite() {
        return f64::NAN;
    }
    if v < 0.0 && v + 0.5 == (v + 0.5).floor() {
        // DLMF 11.4.4-5: H_{-(n+1/2)} = (-1)^n J_{n+1/2}, L_{-(n+1/2)} = I_{n+1/2}
        let n = -(v + 0.5);
        return if modified {
            iv(n + 0.5, x)
        } else if is_odd(n) {
            -jv(n + 0.5, x)
        } else {
            jv(n + 0.5, x)
        };
    }
    f(v, x)
}

/// Past this argument (and past the order) the asymptotic expansions are
/// tried first; below it the double-double series is accurate.
const ASYMPTOTIC_FROM: f64 = 30.0;

/// Struve function `H_ν(x)`.
///
/// SciPy: `scipy.special.struve(v, x)`. For `x < 0`, `H_ν(-x) = (-1)^{ν+1}
/// H_ν(x)` for integer `ν` and NaN otherwise (the value is complex).
/// `H_ν(0)` is 0 for `ν > -1`, `2/π` for `ν = -1`, `±∞` below. At `x = ∞`
/// the limit (0 for `ν < 1`, `2/π` at `ν = 1`, `∞` above; SciPy returns NaN
/// or `∞`).
///
/// ```text
/// H_ν(x) = (x/2)^{ν+1} Σ_{k≥0} (-1)^k (x/2)^{2k} / (Γ(k+3/2) Γ(k+ν+3/2))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{struve, jv};
/// // H_{1/2}(x) = √(2/(πx)) (1 - cos x)
/// let x = 3.0f64;
/// let h = (2.0 / (std::f64::consts::PI * x)).sqrt() * (1.0 - x.cos());
/// assert!((struve(0.5, x) - h).abs() < 1e-15);
/// // H_{-1/2} = J_{1/2}
/// assert!((struve(-0.5, x) - jv(0.5, x)).abs() < 1e-15);
/// ```
pub fn struve(v: f64, x: f64) -> f64 {
    struve_common(v, x, false, |v, x| {
        if x >= ASYMPTOTIC_FROM.max(v) {
            let k = asymptotic(v, x, false).unwrap_or_else(|| k_integral(v, x));
            return yv(v, x) + k;
        }
        if x >= ASYMPTOTIC_FROM {
            // x < ν, where the series cancels like the growth of its terms:
            // Y + K when Y (large and negative far below ν) hardly cancels K
            let (y, k) = (yv(v, x), k_integral(v, x));
            if y.is_finite() && k.is_finite() && y.abs() <= 0.1 * k.abs() {
                return y + k;
            }
        }
        series(v, x, true)
    })
}

/// Modified Struve function `L_ν(x)`.
///
/// SciPy: `scipy.special.modstruve(v, x)`. Same conventions as [`struve`]
/// for `x ≤ 0`; `L_ν(∞) = ∞`.
///
/// ```text
/// L_ν(x) = (x/2)^{ν+1} Σ_{k≥0} (x/2)^{2k} / (Γ(k+3/2) Γ(k+ν+3/2))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::modstruve;
/// // L_{1/2}(x) = √(2/(πx)) (cosh x - 1)
/// let x = 3.0f64;
/// let l = (2.0 / (std::f64::consts::PI * x)).sqrt() * (x.cosh() - 1.0);
/// assert!((modstruve(0.5, x) - l).abs() < 1e-14 * l);
/// ```
pub fn modstruve(v: f64, x: f64) -> f64 {
    struve_common(v, x, true, |v, x| {
        if x >= ASYMPTOTIC_FROM.max(v)
            && let Some(m) = asymptotic(v, x, true)
        {
            return iv(v, x) + m;
        }
        series(v, x, false)
    })
}
