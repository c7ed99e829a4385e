//! Exponential, sine/cosine and hyperbolic sine/cosine integrals, and
//! Spence's function (the dilogarithm).
//!
//! Power series at small argument, continued fractions (Lentz's method) for
//! `E_n` and the complex `E_1(ix)` at large argument (DLMF 6.9.1, 8.19.17),
//! and the asymptotic series of `Ei` for large positive `x` (DLMF 6.12.2).

use super::gamma::digamma;
use num_complex::Complex64;
use std::f64::consts::{FRAC_PI_2, PI};

const EULER: f64 = 0.577_215_664_901_532_9;
const EPS: f64 = 1e-16;

/// `E_1(x)` for `x > 0` finite.
fn e1_pos(x: f64) -> f64 {
    if x <= 1.0 {
        // E1 = -γ - ln x - Σ_{k≥1} (-x)^k / (k·k!)
        let mut term = 1.0;
        let mut sum = 0.0;
        for k in 1..60 {
            let kf = f64::from(k);
            term *= -x / kf;
            let d = term / kf;
            sum += d;
            if d.abs() < EPS * sum.abs() {
                break;
            }
        }
        return -EULER - x.ln() - sum;
    }
    en_cf(1, x)
}

/// `E_n(x)` for `x > 0` by its continued fraction (DLMF 8.19.17), in the
/// even form `e^{-x} / (x+n - 1·n/(x+n+2 - 2(n+1)/(x+n+4 - …)))`. Lentz's
/// method finds the depth that converges; the fraction is then evaluated
/// bottom-up at that depth, which rounds far less (≤ 1 ulp where the forward
/// product drifts to 18 ulp near x = 1).
fn en_cf(n: u64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let nf = n as f64;
    let mut b = x + nf;
    let mut c = 1.0 / TINY;
    let mut d = 1.0 / b;
    let mut depth = 10_000u64;
    for i in 1..10_000u64 {
        let fi = i as f64;
        let a = -fi * (nf - 1.0 + fi);
        b += 2.0;
        d = 1.0 / (a * d + b);
        c = b + a / c;
        if (c * d - 1.0).abs() < EPS {
            depth = i;
            break;
        }
    }
    let mut tail = 0.0;
    for i in (1..=depth + 4).rev() {
        let fi = i as f64;
        tail = -fi * (nf - 1.0 + fi) / (x + nf + 2.0 * fi + tail);
    }
    (-x).exp() / (x + nf + tail)
}

/// `Ei(x)` for `x > 0` finite.
/// The positive zero of `Ei`, as a double-double (mpmath, 40 digits).
const EI_ROOT: (f64, f64) = (0.3725074107813666, 1.3140183414386028e-17);

fn ei_pos(x: f64) -> f64 {
    let dx = (x - EI_ROOT.0) - EI_ROOT.1;
    if dx.abs() < 0.1 {
        // Near the root: Ei(x) = ln(x/x0) + Σ (x^k - x0^k)/(k·k!), with
        // x^k - x0^k = x·(x^{k-1} - x0^{k-1}) + x0^{k-1}·(x - x0) free of cancellation.
        let x0 = EI_ROOT.0;
        let mut diff = dx; // x^k - x0^k
        let mut x0k = 1.0; // x0^{k-1}
        let mut fact = 1.0;
        let mut sum = dx;
        for k in 2..40 {
            let kf = f64::from(k);
            x0k *= x0;
            diff = x * diff + x0k * dx;
            fact *= kf;
            let d = diff / (kf * fact);
            sum += d;
            if d.abs() < EPS * sum.abs() {
                break;
            }
        }
        return (dx / x0).ln_1p() + sum;
    }
    if x < 40.0 {
        // Ei = γ + ln x + Σ x^k/(k·k!), all terms positive
        let mut term = 1.0;
        let mut sum = 0.0;
        for k in 1..200 {
            let kf = f64::from(k);
            term *= x / kf;
            let d = term / kf;
            sum += d;
            if d < EPS * sum {
                break;
            }
        }
        return EULER + x.ln() + sum;
    }
    // Ei(x) ~ e^x/x Σ k!/x^k, truncated at the smallest term (≤ e^{-40}).
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..80 {
        let prev = term;
        term *= f64::from(k) / x;
        if term >= prev {
            break;
        }
        sum += term;
        if term < EPS * sum {
            break;
        }
    }
    // e^x/x in two halves so that values near f64::MAX survive.
    let e = (0.5 * x).exp();
    e * (e / x) * sum
}

/// Exponential integral `E_1(x)`.
///
/// SciPy: `scipy.special.exp1` (real argument). NaN for `x < 0`, `∞` at 0.
///
/// ```text
/// E_1(x) = ∫_x^∞ e^{-t}/t dt = -γ - ln x - Σ_{k≥1} (-x)^k/(k·k!)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::exp1;
/// assert!((exp1(1.0) - 0.21938393439552029).abs() < 1e-15);
/// assert_eq!(exp1(0.0), f64::INFINITY);
/// ```
pub fn exp1(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x > 745.0 {
        return 0.0;
    }
    e1_pos(x)
}

/// Exponential integral `Ei(x)`.
///
/// SciPy: `scipy.special.expi` (real argument). `Ei(x) = -E_1(-x)` for `x < 0`.
///
/// ```text
/// Ei(x) = -PV ∫_{-x}^∞ e^{-t}/t dt = γ + ln|x| + Σ_{k≥1} x^k/(k·k!)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{exp1, expi};
/// assert_eq!(expi(-2.0), -exp1(2.0));
/// assert!((expi(1.0) - 1.8951178163559368).abs() < 1e-15);
/// ```
pub fn expi(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x < 0.0 {
        return -exp1(-x);
    }
    if x > 720.0 {
        return f64::INFINITY;
    }
    ei_pos(x)
}

/// Generalized exponential integral `E_n(x)` of integer order `n ≥ 0`.
///
/// SciPy: `scipy.special.expn`. NaN for `n < 0` or `x < 0`;
/// `E_n(0) = 1/(n-1)` for `n ≥ 2` and `∞` for `n ≤ 1`.
///
/// ```text
/// E_n(x) = ∫_1^∞ e^{-xt}/t^n dt,   E_0(x) = e^{-x}/x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{exp1, expn};
/// assert_eq!(expn(1, 0.7), exp1(0.7));
/// assert_eq!(expn(3, 0.0), 0.5);
/// ```
pub fn expn(n: i64, x: f64) -> f64 {
    if x.is_nan() || n < 0 || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return if n <= 1 {
            f64::INFINITY
        } else {
            1.0 / (n - 1) as f64
        };
    }
    if x > 745.0 {
        return 0.0;
    }
    if n == 0 {
        return (-x).exp() / x;
    }
    let n = n as u64;
    if n == 1 {
        return e1_pos(x);
    }
    if x > 1.0 {
        return en_cf(n, x);
    }
    // DLMF 8.19.8: E_n(x) = (-x)^{n-1}/(n-1)! (ψ(n) - ln x) - Σ_{k≠n-1} (-x)^k/(k!(k-n+1))
    let nf = n as f64;
    let mut sum = 1.0 / (nf - 1.0); // k = 0 term: -(1/(1-n))
    let mut fact = 1.0; // (-x)^k/k!
    let mut special = 0.0;
    for k in 1..400u64 {
        let kf = k as f64;
        fact *= -x / kf;
        if k == n - 1 {
            special = fact * (digamma(nf) - x.ln());
            continue;
        }
        let d = -fact / (kf - nf + 1.0);
        sum += d;
        if k > n && d.abs() < EPS * sum.abs() {
            break;
        }
        if fact == 0.0 {
            break;
        }
    }
    sum + special
}

/// Series for `(Si, Ci - γ - ln x)` or, with `hyperbolic`, `(Shi, Chi - γ - ln x)`.
fn trig_integral_series(x: f64, hyperbolic: bool) -> (f64, f64) {
    let sx = if hyperbolic { x } else { -x };
    let mut f = x; // ±x^j/j!, the sign flipping at even j for Si/Ci
    let mut si = x;
    let mut ci = 0.0;
    for k in 1..200 {
        let even = f64::from(2 * k);
        f *= sx / even;
        let dc = f / even;
        ci += dc;
        f *= x / (even + 1.0);
        let ds = f / (even + 1.0);
        si += ds;
        if ds.abs() <= EPS * si.abs() && dc.abs() <= EPS * ci.abs() {
            break;
        }
    }
    (si, ci)
}

/// `E_1(ix)` for real `x ≥ 2` by the continued fraction (DLMF 6.9.1 form
/// `e^{-z}/(z+1 - 1/(z+3 - 4/(z+5 - …)))`).
fn e1_imag(x: f64) -> Complex64 {
    // Lentz on the denominator z+1 - 1/(z+3 - …), then one inversion;
    // |b_k| ≥ x keeps every step away from 0.
    let mut b = Complex64::new(1.0, x);
    let mut f = b;
    let mut c = b;
    let mut d = Complex64::new(0.0, 0.0);
    for i in 1..10_000 {
        let fi = f64::from(i);
        let a = -fi * fi;
        b += 2.0;
        d = (d * a + b).inv();
        c = b + a / c;
        let del = c * d;
        f *= del;
        if (del - 1.0).norm() < EPS {
            break;
        }
    }
    Complex64::new(x.cos(), -x.sin()) / f
}

/// Sine and cosine integrals `(Si(x), Ci(x))`.
///
/// SciPy: `scipy.special.sici` (real argument). For `x < 0`, `Si` is odd and
/// `Ci` returns the real part `Ci(|x|)` (as SciPy).
///
/// ```text
/// Si(x) = ∫_0^x sin t / t dt,   Ci(x) = γ + ln x + ∫_0^x (cos t - 1)/t dt
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::sici;
/// let (si, ci) = sici(1.0);
/// assert!((si - 0.9460830703671830).abs() < 1e-15);
/// assert!((ci - 0.3374039229009681).abs() < 1e-15);
/// ```
pub fn sici(x: f64) -> (f64, f64) {
    if x.is_nan() {
        return (f64::NAN, f64::NAN);
    }
    if x < 0.0 {
        let (si, ci) = sici(-x);
        return (-si, if x == f64::NEG_INFINITY { f64::NAN } else { ci });
    }
    if x == 0.0 {
        return (0.0, f64::NEG_INFINITY);
    }
    if x.is_infinite() {
        return (FRAC_PI_2, 0.0);
    }
    if x <= 2.0 {
        let (si, c) = trig_integral_series(x, false);
        return (si, EULER + x.ln() + c);
    }
    // E_1(ix) = -Ci(x) + i(Si(x) - π/2)
    let e = e1_imag(x);
    (e.im + FRAC_PI_2, -e.re)
}

/// Hyperbolic sine and cosine integrals `(Shi(x), Chi(x))`.
///
/// SciPy: `scipy.special.shichi` (real argument). `Shi` is odd; for `x < 0`
/// `Chi` returns the real part `Chi(|x|)` (as SciPy).
///
/// ```text
/// Shi(x) = ∫_0^x sinh t / t dt,   Chi(x) = γ + ln x + ∫_0^x (cosh t - 1)/t dt
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::shichi;
/// let (shi, chi) = shichi(1.0);
/// assert!((shi - 1.0572508753757285).abs() < 1e-15);
/// assert!((chi - 0.8378669409802082).abs() < 1e-15);
/// ```
pub fn shichi(x: f64) -> (f64, f64) {
    if x.is_nan() {
        return (f64::NAN, f64::NAN);
    }
    if x < 0.0 {
        let (shi, chi) = shichi(-x);
        return (-shi, chi);
    }
    if x == 0.0 {
        return (0.0, f64::NEG_INFINITY);
    }
    if x > 720.0 {
        return (f64::INFINITY, f64::INFINITY);
    }
    if x <= 20.0 {
        let (shi, c) = trig_integral_series(x, true);
        return (shi, EULER + x.ln() + c);
    }
    // Shi = (Ei + E1)/2, Chi = (Ei - E1)/2; E1 is below rounding of Ei here.
    let ei = ei_pos(x);
    let e1 = e1_pos(x);
    (0.5 * (ei + e1), 0.5 * (ei - e1))
}

/// `Li_2(u) = Σ u^k/k²` for `|u| ≤ 1/2`.
fn li2_series(u: f64) -> f64 {
    let mut p = u;
    let mut sum = u;
    for k in 2..80 {
        let kf = f64::from(k);
        p *= u;
        let d = p / (kf * kf);
        sum += d;
        if d.abs() < EPS * sum.abs() {
            break;
        }
    }
    sum
}

/// `Li_2(u)` for real `u ≤ 1`.
fn li2(u: f64) -> f64 {
    const PI2_6: f64 = PI * PI / 6.0;
    if u < -1.0 {
        // DLMF 25.12.4 (inversion)
        let l = (-u).ln();
        return -PI2_6 - 0.5 * l * l - li2(1.0 / u);
    }
    if u < -0.5 {
        // Landen: Li2(u) = -Li2(u/(u-1)) - ½ ln²(1-u)
        let l = (-u).ln_1p();
        return -li2_series(u / (u - 1.0)) - 0.5 * l * l;
    }
    if u <= 0.5 {
        return li2_series(u);
    }
    if u == 1.0 {
        return PI2_6;
    }
    // Reflection (DLMF 25.12.6): Li2(u) = π²/6 - ln u ln(1-u) - Li2(1-u)
    PI2_6 - u.ln() * (-u).ln_1p() - li2_series(1.0 - u)
}

/// Spence's function, the dilogarithm `Li_2(1 - x)`.
///
/// SciPy: `scipy.special.spence` (real argument). NaN for `x < 0`; `-∞` at
/// `+∞` (SciPy gives NaN there).
///
/// ```text
/// spence(x) = ∫_1^x ln t / (1 - t) dt = Li_2(1 - x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::spence;
/// assert_eq!(spence(1.0), 0.0);
/// assert!((spence(0.0) - std::f64::consts::PI.powi(2) / 6.0).abs() < 1e-15);
/// ```
pub fn spence(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x.is_infinite() {
        return f64::NEG_INFINITY;
    }
    if x == 0.0 {
        return PI * PI / 6.0;
    }
    if x < 0.5 {
        // Reflection with the small argument kept exact.
        return PI * PI / 6.0 - x.ln() * (-x).ln_1p() - li2_series(x);
    }
    // 1 - x is exact for x in [0.5, 2]; beyond, Li2 inverts its argument.
    li2(1.0 - x)
}
