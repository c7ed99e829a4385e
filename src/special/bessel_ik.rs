//! Modified Bessel functions `I_ν(x)` and `K_ν(x)` of real order and real
//! argument, plain and exponentially scaled.
//!
//! `K_μ`, `K_μ₊₁` for `μ = ν - round(ν)` come from Temme's series (`x ≤ 2`,
//! Temme 1975) or Steed's continued fraction CF2 in Temme's form (`x > 2`,
//! and every `x` at half-integer `ν`, where it terminates);
//! upward recurrence gives `K_ν`. `I_ν` comes from its power series when `x`
//! is small against `ν`, from the asymptotic expansion for large `x`, and
//! otherwise from CF1 (`I_ν₊₁/I_ν`), downward recurrence to `μ` and the
//! Wronskian `I_μ K_μ₊₁ + I_μ₊₁ K_μ = 1/x`.

use super::bessel_util::{hankel_sums, is_int, pow_half_over_gamma, sinc_pi, sinhc, temme_gammas};
use super::kernels::sinpi;
use std::f64::consts::{FRAC_2_PI, PI};

const EPS: f64 = 1e-16;
/// Work budget (orders or arguments above ~10⁷ give NaN instead of a hang).
const MAX_STEPS: f64 = 2.0e7;

/// Temme's series for `(K_μ(x), K_μ₊₁(x))`, `|μ| ≤ 1/2`, `0 < x ≤ 2`.
fn temme_k(mu: f64, x: f64) -> (f64, f64) {
    let (gam1, gam2, gampl, gammi) = temme_gammas(mu);
    let ln2x = (2.0 / x).ln();
    let sigma = mu * ln2x;
    let e = sigma.exp();
    let mut f = (sigma.cosh() * gam1 + sinhc(sigma) * ln2x * gam2) / sinc_pi(mu);
    let mut p = 0.5 * e / gampl;
    let mut q = 0.5 / (e * gammi);
    let z = 0.25 * x * x;
    let mut c = 1.0;
    let mut sum = f;
    let mut sum1 = p;
    for k in 1..200 {
        let kf = k as f64;
        f = (kf * f + p + q) / (kf * kf - mu * mu);
        p /= kf - mu;
        q /= kf + mu;
        c *= z / kf;
        let del = c * f;
        sum += del;
        let del1 = c * (p - kf * f);
        sum1 += del1;
        if del.abs() < EPS * sum.abs() && del1.abs() < EPS * sum1.abs() {
            break;
        }
    }
    (sum, 2.0 / x * sum1)
}

/// Steed's CF2 for `(K_μ(x)e^x, K_μ₊₁(x)e^x)`, `|μ| ≤ 1/2`, `x > 2`
/// (Temme 1975; Thompson and Barnett 1987): the ratio from the continued
/// fraction and the normalisation from the companion series of `q_k`.
fn steed_k_scaled(mu: f64, x: f64) -> (f64, f64) {
    let a1 = 0.25 - mu * mu;
    let mut b = 2.0 * (1.0 + x);
    let mut d = 1.0 / b;
    let mut delh = d;
    let mut h = d;
    let (mut q1, mut q2) = (0.0, 1.0);
    let mut q = a1;
    let mut c = a1;
    let mut a = -a1;
    // s = 1 + tail: the tail (a few per cent of s) is summed on its own, so
    // its ~40 additions round at its own scale, not at 1's (4 ulp before).
    let mut tail = q * delh;
    for i in 1..10_000 {
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
        tail += dels;
        if dels.abs() < EPS * (1.0 + tail).abs() {
            break;
        }
    }
    let kmu = (PI / (2.0 * x)).sqrt() / (1.0 + tail);
    // (μ + 1/2 first: exact 0 at μ = -1/2, where x may be tiny)
    let kmu1 = kmu * ((mu + 0.5) + x - a1 * h) / x;
    (kmu, kmu1)
}

/// `(K_μ, K_μ₊₁)` at `x > 0`, times `e^x` if `scaled`.
fn k_mu(mu: f64, x: f64, scaled: bool) -> (f64, f64) {
    // At |μ| = 1/2 CF2 stops after one step with the closed form
    // K_{1/2} = √(π/2x)·e^{-x}, at any x; Temme's series would cancel
    // (8 ulp at x = 2).
    if x <= 2.0 && mu.abs() != 0.5 {
        let (k0, k1) = temme_k(mu, x);
        if scaled {
            let e = x.exp();
            (k0 * e, k1 * e)
        } else {
            (k0, k1)
        }
    } else {
        let (k0, k1) = steed_k_scaled(mu, x);
        if scaled {
            (k0, k1)
        } else {
            // e^{-x} may underflow only where K itself does.
            let e = (-x).exp();
            (k0 * e, k1 * e)
        }
    }
}

/// `K_ν(x)` (times `e^x` if `scaled`) for `ν ≥ 0`, finite `x > 0`.
pub(super) fn k_pos(nu: f64, x: f64, scaled: bool) -> f64 {
    let nl = (nu + 0.5).floor();
    if nl > MAX_STEPS {
        return f64::NAN;
    }
    if !scaled && x > 710.0 {
        return 0.0;
    }
    let mu = nu - nl;
    let (mut k0, mut k1) = k_mu(mu, x, scaled);
    let mut k = mu + 1.0;
    for _ in 0..nl as u64 {
        let k2 = 2.0 * k / x * k1 + k0;
        k0 = k1;
        k1 = k2;
        k += 1.0;
        if k0 > f64::MAX {
            return f64::INFINITY;
        }
    }
    k0
}

/// `I_ν₊₁(x)/I_ν(x)` by CF1 (positive terms, Lentz's method).
fn cf1_i(nu: f64, x: f64) -> Option<f64> {
    const TINY: f64 = 1e-300;
    let xi = 1.0 / x;
    let mut f = TINY;
    let mut c = f;
    let mut d = 0.0;
    let max_iter = ((2.0 * x + 200.0).min(MAX_STEPS)) as usize;
    for k in 1..=max_iter {
        let b = 2.0 * (nu + k as f64) * xi;
        d = 1.0 / (b + d);
        c = b + 1.0 / c;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() < EPS {
            return Some(f);
        }
    }
    None
}

/// `I_ν(x)·e^{-x}` by the series (`x² ≤ 4(ν+1)`), no cancellation.
fn i_series(nu: f64, x: f64) -> f64 {
    let z = 0.25 * x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..500 {
        let kf = k as f64;
        term *= z / (kf * (nu + kf));
        sum += term;
        if term <= EPS * 0.5 * sum {
            break;
        }
    }
    sum * pow_half_over_gamma(nu, x)
}

/// `I_ν(x)` (times `e^{-x}` if `scaled`) for `ν ≥ 0`, finite `x > 0`.
pub(super) fn i_pos(nu: f64, x: f64, scaled: bool) -> f64 {
    if x * x <= 4.0 * (nu + 1.0) {
        let r = i_series(nu, x);
        return if scaled { r * (-x).exp() } else { r };
    }
    if x >= 22.0
        && x >= nu * nu
        && let Some((_, _, alt)) = hankel_sums(nu, x)
    {
        {
            let r = alt / (2.0 * PI * x).sqrt();
            if scaled {
                return r;
            }
            // e^x in two halves so that results near f64::MAX survive.
            let e = (0.5 * x).exp();
            return r * e * e;
        }
    }
    let nl = (nu + 0.5).floor();
    if nl > MAX_STEPS {
        return f64::NAN;
    }
    let mu = nu - nl;
    let Some(ratio) = cf1_i(nu, x) else {
        return f64::NAN;
    };
    // Downward recurrence I_{k-1} = (2k/x) I_k + I_{k+1} from I_ν = 1.
    let mut scale = 1.0;
    let mut ik = 1.0;
    let mut ik1 = ratio;
    let mut k = nu;
    for _ in 0..nl as u64 {
        let im = 2.0 * k / x * ik + ik1;
        ik1 = ik;
        ik = im;
        k -= 1.0;
        if ik > 1e250 {
            ik *= 1e-250;
            ik1 *= 1e-250;
            scale *= 1e-250;
        }
    }
    // x > 2 here unless ν is small, so the unscaled K never underflows
    // before I overflows; use the scaled pair and undo it at the end.
    let (kmu, kmu1) = k_mu(mu, x, true);
    let imu = 1.0 / (x * (kmu1 + ik1 / ik * kmu));
    let r = scale * (imu / ik);
    if scaled {
        r
    } else {
        let e = (0.5 * x).exp();
        r * e * e
    }
}

fn i_real(v: f64, x: f64, scaled: bool) -> f64 {
    if v.is_nan() || x.is_nan() || v.is_infinite() {
        return f64::NAN;
    }
    let vint = is_int(v);
    if x < 0.0 {
        if !vint {
            return f64::NAN;
        }
        let r = i_real(v, -x, scaled);
        return if is_int(v * 0.5) { r } else { -r };
    }
    if x.is_infinite() {
        return if scaled { 0.0 } else { f64::INFINITY };
    }
    let n = v.abs();
    if x == 0.0 {
        return if v == 0.0 {
            1.0
        } else if v < 0.0 && !vint {
            f64::INFINITY
        } else {
            0.0
        };
    }
    let i = i_pos(n, x, scaled);
    if v >= 0.0 || vint {
        return i;
    }
    // I_{-ν} = I_ν + (2/π) sin(νπ) K_ν; the scaled form multiplies K by e^{-2x}.
    let kk = k_pos(n, x, scaled);
    let kk = if scaled { kk * (-2.0 * x).exp() } else { kk };
    i + FRAC_2_PI * sinpi(n) * kk
}

fn k_real(v: f64, x: f64, scaled: bool) -> f64 {
    if v.is_nan() || x.is_nan() || v.is_infinite() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x.is_infinite() {
        return 0.0;
    }
    k_pos(v.abs(), x, scaled)
}

/// Modified Bessel function of the first kind of real order, `I_v(x)`.
///
/// SciPy: `scipy.special.iv` (real argument). For `x < 0` real only for
/// integer `v`; otherwise NaN. Overflows to `∞` for large `x`.
///
/// ```text
/// I_v(x) = Σ_k (x/2)^(2k+v) / (k! Γ(k+v+1))
/// I_{-v}(x) = I_v(x) + (2/π) sin(vπ) K_v(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::iv;
/// let x = 1.3;
/// assert!((iv(0.5, x) - (2.0 / (std::f64::consts::PI * x)).sqrt() * x.sinh()).abs() < 1e-15);
/// ```
pub fn iv(v: f64, x: f64) -> f64 {
    i_real(v, x, false)
}

/// Exponentially scaled modified Bessel function, `I_v(x)·e^{-|x|}`.
///
/// SciPy: `scipy.special.ive` (real argument).
///
/// ```text
/// ive(v, x) = I_v(x) e^{-|x|} ~ 1/√(2π|x|) as x → ∞
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::ive;
/// let x = 1e4;
/// assert!((ive(1.0, x) * (2.0 * std::f64::consts::PI * x).sqrt() - 1.0).abs() < 1e-4);
/// ```
pub fn ive(v: f64, x: f64) -> f64 {
    i_real(v, x, true)
}

/// Modified Bessel function of the second kind of real order, `K_v(x)`.
///
/// SciPy: `scipy.special.kv` (real argument). NaN for `x < 0`, `∞` at 0.
///
/// ```text
/// K_v(x) = (π/2) (I_{-v}(x) - I_v(x)) / sin(vπ),   K_{-v} = K_v
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::kv;
/// let x = 2.0;
/// let want = (std::f64::consts::PI / (2.0 * x)).sqrt() * (-x).exp();
/// assert!((kv(0.5, x) - want).abs() < 1e-14 * want);
/// ```
pub fn kv(v: f64, x: f64) -> f64 {
    k_real(v, x, false)
}

/// Exponentially scaled modified Bessel function, `K_v(x)·e^x`.
///
/// SciPy: `scipy.special.kve` (real argument).
///
/// ```text
/// kve(v, x) = K_v(x) e^x ~ √(π/(2x)) as x → ∞
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::kve;
/// assert!((kve(0.5, 1e3) - (std::f64::consts::PI / 2e3).sqrt()).abs() < 1e-16);
/// ```
pub fn kve(v: f64, x: f64) -> f64 {
    k_real(v, x, true)
}

/// Modified Bessel function of order 0, `I_0(x)`.
///
/// SciPy: `scipy.special.i0`.
///
/// ```text
/// I_0(x) = Σ_k (x²/4)^k / (k!)²
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::i0;
/// assert_eq!(i0(0.0), 1.0);
/// assert!((i0(1.0) - 1.2660658777520082).abs() < 1e-15);
/// ```
pub fn i0(x: f64) -> f64 {
    i_real(0.0, x.abs(), false)
}

/// Exponentially scaled `I_0(x)·e^{-|x|}`.
///
/// SciPy: `scipy.special.i0e`.
///
/// ```text
/// i0e(x) = I_0(x) e^{-|x|}
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{i0, i0e};
/// assert!((i0e(3.0) - i0(3.0) * (-3f64).exp()).abs() < 1e-16);
/// ```
pub fn i0e(x: f64) -> f64 {
    i_real(0.0, x.abs(), true)
}

/// Modified Bessel function of order 1, `I_1(x)`.
///
/// SciPy: `scipy.special.i1`.
///
/// ```text
/// I_1(x) = I_0'(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::i1;
/// assert!((i1(1.0) - 0.5651591039924851).abs() < 1e-15);
/// assert_eq!(i1(-1.0), -i1(1.0));
/// ```
pub fn i1(x: f64) -> f64 {
    i_real(1.0, x, false)
}

/// Exponentially scaled `I_1(x)·e^{-|x|}`.
///
/// SciPy: `scipy.special.i1e`.
///
/// ```text
/// i1e(x) = I_1(x) e^{-|x|}
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{i1, i1e};
/// assert!((i1e(-2.0) - i1(-2.0) * (-2f64).exp()).abs() < 1e-16);
/// ```
pub fn i1e(x: f64) -> f64 {
    i_real(1.0, x, true)
}

/// Modified Bessel function of the second kind of order 0, `K_0(x)`.
///
/// SciPy: `scipy.special.k0`.
///
/// ```text
/// K_0(x) = ∫_0^∞ e^{-x cosh t} dt
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::k0;
/// assert!((k0(1.0) - 0.42102443824070834).abs() < 1e-16);
/// assert_eq!(k0(0.0), f64::INFINITY);
/// ```
pub fn k0(x: f64) -> f64 {
    k_real(0.0, x, false)
}

/// Exponentially scaled `K_0(x)·e^x`.
///
/// SciPy: `scipy.special.k0e`.
///
/// ```text
/// k0e(x) = K_0(x) e^x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{k0, k0e};
/// assert!((k0e(2.0) - k0(2.0) * 2f64.exp()).abs() < 1e-15);
/// ```
pub fn k0e(x: f64) -> f64 {
    k_real(0.0, x, true)
}

/// Modified Bessel function of the second kind of order 1, `K_1(x)`.
///
/// SciPy: `scipy.special.k1`.
///
/// ```text
/// K_1(x) = -K_0'(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::k1;
/// assert!((k1(1.0) - 0.6019072301972346).abs() < 1e-15);
/// ```
pub fn k1(x: f64) -> f64 {
    k_real(1.0, x, false)
}

/// Exponentially scaled `K_1(x)·e^x`.
///
/// SciPy: `scipy.special.k1e`.
///
/// ```text
/// k1e(x) = K_1(x) e^x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{k1, k1e};
/// assert!((k1e(0.5) - k1(0.5) * 0.5f64.exp()).abs() < 1e-15);
/// ```
pub fn k1e(x: f64) -> f64 {
    k_real(1.0, x, true)
}

/// Modified Bessel function of the second kind of integer order, `K_n(x)`.
///
/// SciPy: `scipy.special.kn`.
///
/// ```text
/// K_{n+1}(x) = K_{n-1}(x) + (2n/x) K_n(x),   K_{-n} = K_n
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{kn, k0, k1};
/// let x = 1.5;
/// assert!((kn(2, x) - (k0(x) + 2.0 / x * k1(x))).abs() < 1e-15);
/// ```
pub fn kn(n: i32, x: f64) -> f64 {
    k_real(f64::from(n), x, false)
}
