//! Bessel functions of real order and complex argument: `J`, `Y`, `I`, `K`,
//! the Hankel functions `H⁽¹⁾`, `H⁽²⁾`, their exponentially scaled forms and
//! derivatives.
//!
//! Everything comes from one kernel, the scaled pair
//! `(I_ν(w)·e^{-w}, K_ν(w)·e^{w})` for `ν ≥ 0` in the closed right half-plane
//! (the organisation of Amos's algorithm 644, written afresh):
//!
//! - `K_μ, K_μ₊₁` with `μ = ν - round(ν)` from Temme's series (`|w| ≤ 2`) or
//!   Steed's continued fraction CF2, then upward recurrence to `K_ν`;
//! - `I_ν` from its power series where `|w|` is small against `ν`, Hankel's
//!   expansion where `|w|` is large (DLMF 10.40.5, both exponentials, so it
//!   holds up to the imaginary axis), and otherwise the ratio `I_ν₊₁/I_ν` by
//!   CF1, downward ratio recurrence to `μ` and the Wronskian
//!   `I_μ K_μ₊₁ + I_μ₊₁ K_μ = 1/w`.
//!
//! Connection formulas carry the pair to the left half-plane (DLMF 10.34),
//! to `J`, `Y`, `H⁽¹⁾`, `H⁽²⁾` (DLMF 10.27.6–8) and to negative orders
//! (DLMF 10.4.6–7, 10.27.2–3). Every intermediate is kept exponentially
//! scaled, so the scaled functions never overflow; the plain ones overflow to
//! infinity only where their value does.

use super::bessel_util::{hankel_sums_complex, pow_half_over_gamma, sinc_pi, temme_gammas};
use super::kernels::{cospi, sinpi};
use num_complex::Complex64 as C;
use std::f64::consts::{FRAC_2_PI, PI};

const EPS: f64 = 1e-16;
/// Work budget: orders or moduli above it give NaN rather than a hang.
const MAX_STEPS: f64 = 2.0e7;
const I: C = C::new(0.0, 1.0);
const NAN: C = C::new(f64::NAN, f64::NAN);

/// `e^{iπt}`, exact at integer and half-integer `t`.
fn cispi(t: f64) -> C {
    C::new(cospi(t), sinpi(t))
}

/// `v·e^{t}` for real `t`, without `0·∞ = NaN` when `e^t` overflows while a
/// component of `v` is zero.
fn mul_exp(v: C, t: f64) -> C {
    let half = (0.5 * t).exp();
    let part = |a: f64| if a == 0.0 { a } else { a * half * half };
    C::new(part(v.re), part(v.im))
}

/// `sinh(s)/s`, 1 at 0.
fn sinhc(s: C) -> C {
    if s.norm() < 1e-4 {
        let s2 = s * s;
        1.0 + s2 / 6.0 * (1.0 + s2 / 20.0)
    } else {
        s.sinh() / s
    }
}

/// Temme's series for `(K_μ(w), K_μ₊₁(w))`, `|μ| ≤ 1/2`, `0 < |w| ≤ 2`.
fn temme_k(mu: f64, w: C) -> (C, C) {
    let (gam1, gam2, gampl, gammi) = temme_gammas(mu);
    let ln2w = (2.0 / w).ln();
    let sigma = mu * ln2w;
    let e = sigma.exp();
    let mut f = (sigma.cosh() * gam1 + sinhc(sigma) * ln2w * gam2) / sinc_pi(mu);
    let mut p = 0.5 * e / gampl;
    let mut q = 0.5 / (e * gammi);
    let zz = 0.25 * w * w;
    let mut c = C::new(1.0, 0.0);
    let mut sum = f;
    let mut sum1 = p;
    for k in 1..200 {
        let kf = k as f64;
        f = (kf * f + p + q) / (kf * kf - mu * mu);
        p /= kf - mu;
        q /= kf + mu;
        c *= zz / kf;
        let del = c * f;
        sum += del;
        let del1 = c * (p - kf * f);
        sum1 += del1;
        if del.norm() < EPS * sum.norm() && del1.norm() < EPS * sum1.norm() {
            break;
        }
    }
    (sum, 2.0 / w * sum1)
}

/// Steed's CF2 in Temme's form for `(K_μ(w)e^w, K_μ₊₁(w)e^w)`, `|μ| ≤ 1/2`,
/// `|w| > 2`, `Re w ≥ 0`: the ratio from the continued fraction, the
/// normalisation from the companion series (Thompson and Barnett 1987).
fn steed_k_scaled(mu: f64, w: C) -> (C, C) {
    let a1 = 0.25 - mu * mu;
    let mut b = 2.0 * (1.0 + w);
    let mut d = 1.0 / b;
    let mut delh = d;
    let mut h = d;
    let (mut q1, mut q2) = (C::new(0.0, 0.0), C::new(1.0, 0.0));
    let mut q = C::new(a1, 0.0);
    let mut c = a1;
    let mut a = -a1;
    let mut s = 1.0 + q * delh;
    for i in 1..20_000 {
        let fi = i as f64;
        a -= 2.0 * fi;
        c = -a * c / (fi + 1.0);
        let qnew = (q1 - b * q2) / a;
        q1 = q2;
        q2 = qnew;
        q += c * qnew;
        b += 2.0;
        d = 1.0 / (b + a * d);
        delh *= b * d - 1.0;
        h += delh;
        let dels = q * delh;
        s += dels;
        if dels.norm() < EPS * s.norm() {
            break;
        }
    }
    let kmu = (PI / (2.0 * w)).sqrt() / s;
    let kmu1 = kmu * (mu + w + 0.5 - a1 * h) / w;
    (kmu, kmu1)
}

/// `I_ν(w)e^{-w}` by the power series, `ν ≥ 0`.
fn i_series_scaled(nu: f64, w: C) -> C {
    let zz = 0.25 * w * w;
    let mut term = C::new(1.0, 0.0);
    let mut sum = term;
    for k in 1..500 {
        let kf = k as f64;
        term *= zz / (kf * (nu + kf));
        sum += term;
        if term.norm() < EPS * sum.norm() {
            break;
        }
    }
    // (w/2)^ν/Γ(ν+1) = |w/2|^ν/Γ(ν+1) · e^{iν arg w}; e^{-w} folded into the
    // modulus so that neither factor overflows on its own.
    let modulus = if w.re > 600.0 {
        (nu * (0.5 * w.norm()).ln() - super::gamma::gammaln(nu + 1.0) - w.re).exp()
    } else {
        pow_half_over_gamma(nu, w.norm()) * (-w.re).exp()
    };
    sum * C::from_polar(modulus, nu * w.arg() - w.im)
}

/// `I_ν₊₁(w)/I_ν(w)` by CF1, `Re w ≥ 0`: the reciprocal of
/// `b₁ + 1/(b₂ + 1/(b₃ + …))`, `b_k = 2(ν+k)/w`, by modified Lentz.
fn cf1_i(nu: f64, w: C) -> Option<C> {
    // Squares of TINY must stay normal: complex division forms |c|².
    const TINY: f64 = 1e-150;
    let wi = 1.0 / w;
    let mut f = 2.0 * (nu + 1.0) * wi;
    let mut c = f;
    let mut d = C::new(0.0, 0.0);
    let limit = (w.norm() + nu).mul_add(4.0, 1000.0).min(MAX_STEPS) as usize;
    for k in 2..limit {
        let b = 2.0 * (nu + k as f64) * wi;
        d = b + d;
        if d.norm() < TINY {
            d = C::new(TINY, 0.0);
        }
        c = b + 1.0 / c;
        if c.norm() < TINY {
            c = C::new(TINY, 0.0);
        }
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).norm() < 4.0 * EPS {
            return Some(1.0 / f);
        }
    }
    None
}

/// `(I_ν(w)e^{-w}, K_ν(w)e^{w})` for `ν ≥ 0`, finite `w ≠ 0`, `Re w ≥ 0`.
fn ik_right(nu: f64, w: C) -> (C, C) {
    let r = w.norm();
    if r >= 22.0
        && r >= nu * nu
        && let Some((alt, plain)) = hankel_sums_complex(nu, w)
    {
        // DLMF 10.40.2 and 10.40.5, upper sign for Im w ≥ 0.
        let m = if w.im >= 0.0 { 1.0 } else { -1.0 };
        let root = (2.0 * PI * w).sqrt();
        let second = m * I * cispi(m * nu) * (-2.0 * w).exp() * plain;
        let is = (alt + second) / root;
        let ks = PI / root * plain;
        return (is, ks);
    }
    let nl = (nu + 0.5).floor();
    if nl > MAX_STEPS || r > MAX_STEPS {
        return (NAN, NAN);
    }
    let mu = nu - nl;
    let (kmu, kmu1) = if r <= 2.0 {
        let (k0, k1) = temme_k(mu, w);
        let e = w.exp();
        (k0 * e, k1 * e)
    } else {
        steed_k_scaled(mu, w)
    };
    let (mut k0, mut k1) = (kmu, kmu1);
    for k in 1..=nl as u64 {
        let k2 = 2.0 * (mu + k as f64) / w * k1 + k0;
        k0 = k1;
        k1 = k2;
        if !k0.norm().is_finite() {
            k0 = C::new(f64::INFINITY, 0.0);
            break;
        }
    }
    if r * r <= 4.0 * (nu + 1.0).max(1.0) {
        return (i_series_scaled(nu, w), k0);
    }
    let Some(ratio) = cf1_i(nu, w) else {
        return (NAN, k0);
    };
    // Downward ratio recurrence ρ_{k-1} = 1/(ρ_k + 2(μ+k)/w) from ρ_ν to ρ_μ,
    // collecting I_ν/I_μ = Π ρ_k on the way.
    let mut rho = ratio;
    let mut prod = C::new(1.0, 0.0);
    for k in (1..=nl as u64).rev() {
        let denom = rho + 2.0 * (mu + k as f64) / w;
        rho = 1.0 / denom;
        prod *= rho;
    }
    let i_mu = 1.0 / (w * (kmu1 + rho * kmu));
    (i_mu * prod, k0)
}

/// `(I_ν(z)e^{-|Re z|}, K_ν(z)e^{z})` for `ν ≥ 0`, finite `z ≠ 0`.
fn ik_scaled(nu: f64, z: C) -> (C, C) {
    if z.re >= 0.0 {
        let (is, ks) = ik_right(nu, z);
        return (is * C::from_polar(1.0, z.im), ks);
    }
    // z = w·e^{mπi}, w in the right half-plane (DLMF 10.34.1-2).
    let w = -z;
    let m = if z.im >= 0.0 { 1.0 } else { -1.0 };
    let (is, ks) = ik_right(nu, w);
    let ive = cispi(m * nu) * is * C::from_polar(1.0, w.im);
    let kve = cispi(-m * nu) * ks * (-2.0 * w).exp() - m * PI * I * is;
    (ive, kve)
}

/// Scaled `(J, Y, H⁽¹⁾, H⁽²⁾)` for `ν ≥ 0`, finite `z ≠ 0`: `J·e^{-|Im z|}`,
/// `Y·e^{-|Im z|}`, `H⁽¹⁾·e^{-iz}`, `H⁽²⁾·e^{iz}`.
fn jyh_scaled(nu: f64, z: C) -> [C; 4] {
    let (x, y) = (z.re, z.im);
    if y >= 0.0 {
        // J = e^{iνπ/2} I(w), H⁽¹⁾ = (2/πi) e^{-iνπ/2} K(w), w = -iz.
        let w = -I * z;
        let (is, ks) = ik_right(nu, w);
        let jve = cispi(0.5 * nu) * is * C::from_polar(1.0, w.im);
        let h1e = -I * FRAC_2_PI * cispi(-0.5 * nu) * ks;
        let h1_part = h1e * C::from_polar((-2.0 * y).exp(), x);
        let yve = -I * (h1_part - jve);
        let h2e =
            2.0 * jve * C::from_polar(1.0, x) - h1e * C::from_polar((-2.0 * y).exp(), 2.0 * x);
        [jve, yve, h1e, h2e]
    } else {
        // J = e^{-iνπ/2} I(w), H⁽²⁾ = -(2/πi) e^{iνπ/2} K(w), w = iz.
        let w = I * z;
        let (is, ks) = ik_right(nu, w);
        let jve = cispi(-0.5 * nu) * is * C::from_polar(1.0, w.im);
        let h2e = I * FRAC_2_PI * cispi(0.5 * nu) * ks;
        let h2_part = h2e * C::from_polar((2.0 * y).exp(), -x);
        let yve = -I * (jve - h2_part);
        let h1e =
            2.0 * jve * C::from_polar(1.0, -x) - h2e * C::from_polar((2.0 * y).exp(), -2.0 * x);
        [jve, yve, h1e, h2e]
    }
}

/// Which of the functions a public entry point wants.
#[derive(Clone, Copy)]
enum Kind {
    J,
    Y,
    H1,
    H2,
}

/// Scaled `J`, `Y`, `H⁽¹⁾` or `H⁽²⁾` of any real order, with SciPy's values
/// at `z = 0` and NaN for non-finite input.
fn cylinder_scaled(kind: Kind, v: f64, z: C) -> C {
    if !v.is_finite() || !z.re.is_finite() || !z.im.is_finite() {
        return NAN;
    }
    if z == C::new(0.0, 0.0) {
        let int = v == v.floor();
        return match kind {
            Kind::J if v == 0.0 => C::new(1.0, 0.0),
            Kind::J if v > 0.0 || int => C::new(0.0, 0.0),
            Kind::Y if v >= 0.0 || int => C::new(f64::NEG_INFINITY, 0.0),
            _ => NAN,
        };
    }
    let a = v.abs();
    let [j, y, h1, h2] = jyh_scaled(a, z);
    if v >= 0.0 {
        return match kind {
            Kind::J => j,
            Kind::Y => y,
            Kind::H1 => h1,
            Kind::H2 => h2,
        };
    }
    // DLMF 10.4.6-7 and 10.4.8.
    let (c, s) = (cospi(a), sinpi(a));
    match kind {
        Kind::J => c * j - s * y,
        Kind::Y => s * j + c * y,
        Kind::H1 => cispi(a) * h1,
        Kind::H2 => cispi(-a) * h2,
    }
}

/// `(I_ν(z)e^{-|Re z|}, K_ν(z)e^{z})` of any real order, SciPy's values at 0.
fn modified_scaled(v: f64, z: C) -> (C, C) {
    if !v.is_finite() || !z.re.is_finite() || !z.im.is_finite() {
        return (NAN, NAN);
    }
    if z == C::new(0.0, 0.0) {
        let i0 = if v == 0.0 {
            C::new(1.0, 0.0)
        } else if v > 0.0 || v == v.floor() {
            C::new(0.0, 0.0)
        } else {
            NAN
        };
        return (i0, NAN);
    }
    let a = v.abs();
    let (ive, kve) = ik_scaled(a, z);
    if v >= 0.0 || a == a.floor() {
        return (ive, kve);
    }
    // I_{-ν} = I_ν + (2/π) sin(νπ) K_ν (DLMF 10.27.2); K e^{-|Re z|} = kve·e^{-z-|Re z|}.
    let k_part = kve * (-z - z.re.abs()).exp();
    (ive + FRAC_2_PI * sinpi(a) * k_part, kve)
}

macro_rules! complex_bessel_doc {
    ($what:literal, $scipy:literal, $formula:literal) => {
        concat!(
            $what,
            "\n\nSciPy: `scipy.special.",
            $scipy,
            "` with complex `z` (principal branch, cut along the negative real axis).\n\n```text\n",
            $formula,
            "\n```"
        )
    };
}

#[doc = complex_bessel_doc!(
    "Bessel function of the first kind `J_v(z)` of real order and complex argument.",
    "jv(v, z)",
    "J_v(z) = (z/2)^v Σ_k (-z²/4)^k / (k! Γ(v+k+1))"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{jv, jv_complex};
/// use num_complex::Complex64;
/// // On the positive real axis it is the real function.
/// let z = jv_complex(1.5, Complex64::new(2.0, 0.0));
/// assert!((z.re - jv(1.5, 2.0)).abs() < 1e-15 && z.im.abs() < 1e-15);
/// // J_{1/2}(z) = √(2/(πz)) sin z
/// let z = Complex64::new(1.0, 2.0);
/// let want = (2.0 / (std::f64::consts::PI * z)).sqrt() * z.sin();
/// assert!((jv_complex(0.5, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn jv_complex(v: f64, z: C) -> C {
    mul_exp(cylinder_scaled(Kind::J, v, z), z.im.abs())
}

#[doc = complex_bessel_doc!(
    "Exponentially scaled Bessel function of the first kind, `J_v(z)·e^{-|Im z|}`.",
    "jve(v, z)",
    "jve(v, z) = J_v(z) · exp(-|Im z|)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{jv_complex, jve_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(3.0, -4.0);
/// let want = jv_complex(2.0, z) * (-4.0f64).exp();
/// assert!((jve_complex(2.0, z) - want).norm() < 1e-14 * want.norm());
/// // Far from the real axis the scaled value stays finite.
/// assert!(jve_complex(0.0, Complex64::new(0.0, 1e4)).norm().is_finite());
/// ```
pub fn jve_complex(v: f64, z: C) -> C {
    cylinder_scaled(Kind::J, v, z)
}

#[doc = complex_bessel_doc!(
    "Bessel function of the second kind `Y_v(z)` of real order and complex argument.",
    "yv(v, z)",
    "Y_v(z) = (J_v(z) cos(vπ) - J_{-v}(z)) / sin(vπ)   (limit at integer v)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{yv, yv_complex};
/// use num_complex::Complex64;
/// let z = yv_complex(0.0, Complex64::new(3.0, 0.0));
/// assert!((z.re - yv(0.0, 3.0)).abs() < 1e-15 && z.im.abs() < 1e-15);
/// // Y_{1/2}(z) = -√(2/(πz)) cos z
/// let z = Complex64::new(-1.0, 0.5);
/// let want = -(2.0 / (std::f64::consts::PI * z)).sqrt() * z.cos();
/// assert!((yv_complex(0.5, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn yv_complex(v: f64, z: C) -> C {
    mul_exp(cylinder_scaled(Kind::Y, v, z), z.im.abs())
}

#[doc = complex_bessel_doc!(
    "Exponentially scaled Bessel function of the second kind, `Y_v(z)·e^{-|Im z|}`.",
    "yve(v, z)",
    "yve(v, z) = Y_v(z) · exp(-|Im z|)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{yv_complex, yve_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(1.0, 2.0);
/// let want = yv_complex(1.0, z) * (-2.0f64).exp();
/// assert!((yve_complex(1.0, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn yve_complex(v: f64, z: C) -> C {
    // SciPy's scaled Y is NaN at the origin, where the plain one is -∞.
    if z == C::new(0.0, 0.0) {
        return NAN;
    }
    cylinder_scaled(Kind::Y, v, z)
}

#[doc = complex_bessel_doc!(
    "Hankel function of the first kind `H⁽¹⁾_v(z) = J_v(z) + i·Y_v(z)`.",
    "hankel1(v, z)",
    "H1_v(z) = J_v(z) + i Y_v(z) ~ √(2/(πz)) exp(i(z - vπ/2 - π/4))   (|z| → ∞)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{hankel1, jv, yv};
/// use num_complex::Complex64;
/// let h = hankel1(2.5, Complex64::new(4.0, 0.0));
/// assert!((h.re - jv(2.5, 4.0)).abs() < 1e-15 && (h.im - yv(2.5, 4.0)).abs() < 1e-15);
/// ```
pub fn hankel1(v: f64, z: C) -> C {
    let h = cylinder_scaled(Kind::H1, v, z);
    mul_exp(h, -z.im) * C::from_polar(1.0, z.re)
}

#[doc = complex_bessel_doc!(
    "Exponentially scaled Hankel function of the first kind, `H⁽¹⁾_v(z)·e^{-iz}`.",
    "hankel1e(v, z)",
    "hankel1e(v, z) = H1_v(z) · exp(-i z)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{hankel1, hankel1e};
/// use num_complex::Complex64;
/// let z = Complex64::new(2.0, 1.0);
/// let want = hankel1(0.0, z) * (-Complex64::i() * z).exp();
/// assert!((hankel1e(0.0, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn hankel1e(v: f64, z: C) -> C {
    cylinder_scaled(Kind::H1, v, z)
}

#[doc = complex_bessel_doc!(
    "Hankel function of the second kind `H⁽²⁾_v(z) = J_v(z) - i·Y_v(z)`.",
    "hankel2(v, z)",
    "H2_v(z) = J_v(z) - i Y_v(z) ~ √(2/(πz)) exp(-i(z - vπ/2 - π/4))   (|z| → ∞)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{hankel2, jv, yv};
/// use num_complex::Complex64;
/// let h = hankel2(1.0, Complex64::new(0.5, 0.0));
/// assert!((h.re - jv(1.0, 0.5)).abs() < 1e-15 && (h.im + yv(1.0, 0.5)).abs() < 1e-14);
/// ```
pub fn hankel2(v: f64, z: C) -> C {
    let h = cylinder_scaled(Kind::H2, v, z);
    mul_exp(h, z.im) * C::from_polar(1.0, -z.re)
}

#[doc = complex_bessel_doc!(
    "Exponentially scaled Hankel function of the second kind, `H⁽²⁾_v(z)·e^{iz}`.",
    "hankel2e(v, z)",
    "hankel2e(v, z) = H2_v(z) · exp(i z)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{hankel2, hankel2e};
/// use num_complex::Complex64;
/// let z = Complex64::new(-3.0, -1.0);
/// let want = hankel2(1.5, z) * (Complex64::i() * z).exp();
/// assert!((hankel2e(1.5, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn hankel2e(v: f64, z: C) -> C {
    cylinder_scaled(Kind::H2, v, z)
}

#[doc = complex_bessel_doc!(
    "Modified Bessel function of the first kind `I_v(z)` of real order and complex argument.",
    "iv(v, z)",
    "I_v(z) = (z/2)^v Σ_k (z²/4)^k / (k! Γ(v+k+1))"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{iv_complex, jv_complex};
/// use num_complex::Complex64;
/// // I_v(z) = e^{-ivπ/2} J_v(iz) for -π < arg z ≤ π/2
/// let z = Complex64::new(1.5, -0.5);
/// let i = Complex64::i();
/// let want = (-i * std::f64::consts::FRAC_PI_2 * 2.0).exp() * jv_complex(2.0, i * z);
/// assert!((iv_complex(2.0, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn iv_complex(v: f64, z: C) -> C {
    mul_exp(modified_scaled(v, z).0, z.re.abs())
}

#[doc = complex_bessel_doc!(
    "Exponentially scaled modified Bessel function of the first kind, `I_v(z)·e^{-|Re z|}`.",
    "ive(v, z)",
    "ive(v, z) = I_v(z) · exp(-|Re z|)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::{ive, ive_complex};
/// use num_complex::Complex64;
/// let z = ive_complex(0.0, Complex64::new(1e4, 0.0));
/// assert!((z.re - ive(0.0, 1e4)).abs() < 1e-15 * ive(0.0, 1e4));
/// ```
pub fn ive_complex(v: f64, z: C) -> C {
    modified_scaled(v, z).0
}

#[doc = complex_bessel_doc!(
    "Modified Bessel function of the second kind `K_v(z)` of real order and complex argument.",
    "kv(v, z)",
    "K_v(z) = (π/2) (I_{-v}(z) - I_v(z)) / sin(vπ)   (limit at integer v)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::kv_complex;
/// use num_complex::Complex64;
/// // K_{1/2}(z) = √(π/(2z)) e^{-z}
/// let z = Complex64::new(0.3, 2.0);
/// let want = (std::f64::consts::PI / (2.0 * z)).sqrt() * (-z).exp();
/// assert!((kv_complex(0.5, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn kv_complex(v: f64, z: C) -> C {
    let k = modified_scaled(v, z).1;
    mul_exp(k, -z.re) * C::from_polar(1.0, -z.im)
}

#[doc = complex_bessel_doc!(
    "Exponentially scaled modified Bessel function of the second kind, `K_v(z)·e^{z}`.",
    "kve(v, z)",
    "kve(v, z) = K_v(z) · exp(z)"
)]
///
/// # Examples
/// ```
/// use ferrosci::special::kve_complex;
/// use num_complex::Complex64;
/// // K_{1/2}(z)e^z = √(π/(2z)), even where K itself underflows.
/// let z = Complex64::new(2000.0, 50.0);
/// let want = (std::f64::consts::PI / (2.0 * z)).sqrt();
/// assert!((kve_complex(0.5, z) - want).norm() < 1e-14 * want.norm());
/// ```
pub fn kve_complex(v: f64, z: C) -> C {
    modified_scaled(v, z).1
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Wronskian `J_ν Y_ν' - J_ν' Y_ν = 2/(πz)` through the recurrences,
    /// in every quadrant and across the algorithm regions.
    #[test]
    fn wronskian_jy_everywhere() {
        for &nu in &[0.0, 0.3, 1.0, 2.5, 7.2] {
            for &(r, t) in &[
                (0.5, 0.3),
                (1.9, 2.0),
                (3.0, -1.0),
                (10.0, 3.0),
                (30.0, -2.5),
                (60.0, 1.5),
            ] {
                let z = C::from_polar(r, t);
                let (j0, j1) = (jv_complex(nu, z), jv_complex(nu + 1.0, z));
                let (y0, y1) = (yv_complex(nu, z), yv_complex(nu + 1.0, z));
                // J_{ν+1} Y_ν - J_ν Y_{ν+1} = 2/(πz) (DLMF 10.5.3)
                let w = j1 * y0 - j0 * y1;
                let want = 2.0 / (PI * z);
                let scale = (j0.norm() * y1.norm()).max(j1.norm() * y0.norm());
                assert!(
                    (w - want).norm() <= 1e-13 * scale.max(want.norm()),
                    "ν={nu} z={z}: {w} vs {want}"
                );
            }
        }
    }

    #[test]
    fn wronskian_ik_everywhere() {
        for &nu in &[0.0, 0.4, 1.0, 3.5] {
            for &(r, t) in &[
                (0.7, 0.3),
                (2.5, 2.8),
                (5.0, -1.5),
                (15.0, 1.2),
                (40.0, -3.0),
            ] {
                let z = C::from_polar(r, t);
                // I_ν K_{ν+1} + I_{ν+1} K_ν = 1/z (DLMF 10.28.2)
                let w = iv_complex(nu, z) * kv_complex(nu + 1.0, z)
                    + iv_complex(nu + 1.0, z) * kv_complex(nu, z);
                let want = 1.0 / z;
                let scale = (iv_complex(nu, z) * kv_complex(nu + 1.0, z)).norm();
                assert!(
                    (w - want).norm() <= 1e-13 * scale.max(want.norm()),
                    "ν={nu} z={z}: {w} vs {want}"
                );
            }
        }
    }
}
