//! Airy functions of real argument and their zeros.
//!
//! Maclaurin series for `|x| ≤ 1`; beyond, the Bessel-function forms of
//! DLMF 9.6.1-9.6.9 with `ζ = (2/3)|x|^{3/2}` (modified Bessel functions for
//! `x > 0`, ordinary ones for `x < 0`). Zeros start from the asymptotic
//! expansions DLMF 9.9.6-9.9.9 and are polished by bracketed regula falsi.

use super::bessel_ik::{ive, kve};
use super::bessel_jy::{jv, yv};
use super::kernels::illinois;
use crate::Result;
use crate::check::invalid;
use ndarray::Array1;
use std::f64::consts::PI;

/// `Ai(0)`, `-Ai'(0)` (DLMF 9.2.3-4).
const AI0: f64 = 0.355_028_053_887_817_2;
const AIP0: f64 = 0.258_819_403_792_806_8;
const SQRT3: f64 = 1.732_050_807_568_877_2;

/// `Ai`, `Ai'`, `Bi`, `Bi'` at one point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Airy {
    /// `Ai(x)`.
    pub ai: f64,
    /// `Ai'(x)`.
    pub aip: f64,
    /// `Bi(x)`.
    pub bi: f64,
    /// `Bi'(x)`.
    pub bip: f64,
}

/// Maclaurin series (DLMF 9.4.1-9.4.4): `(f, f', g, g')` with
/// `Ai = c1 f - c2 g`, `Bi = √3 (c1 f + c2 g)`.
fn maclaurin(x: f64) -> (f64, f64, f64, f64) {
    let x3 = x * x * x;
    let (mut f, mut fp, mut g, mut gp) = (1.0, 0.0, x, 1.0);
    let mut tf = 1.0; // x^{3k}/(…) term of f
    let mut tg = x; // term of g
    for k in 1..60 {
        let k3 = 3.0 * f64::from(k);
        tf *= x3 / ((k3 - 1.0) * k3);
        tg *= x3 / (k3 * (k3 + 1.0));
        f += tf;
        fp += tf * k3 / x;
        g += tg;
        gp += tg * (k3 + 1.0) / x;
        if tf.abs() < 1e-17 * f.abs() && tg.abs() < 1e-17 * g.abs().max(1e-300) {
            break;
        }
    }
    (f, fp, g, gp)
}

/// The four functions; with `scaled`, multiplied by SciPy's `airye` factors.
fn airy_all(x: f64, scaled: bool) -> Airy {
    let nan = Airy {
        ai: f64::NAN,
        aip: f64::NAN,
        bi: f64::NAN,
        bip: f64::NAN,
    };
    if x.is_nan() {
        return nan;
    }
    if x == f64::INFINITY {
        let big = if scaled { 0.0 } else { f64::INFINITY };
        return Airy {
            ai: 0.0,
            aip: -0.0,
            bi: big,
            bip: big,
        };
    }
    if x == f64::NEG_INFINITY {
        return Airy {
            ai: 0.0,
            aip: f64::NAN,
            bi: 0.0,
            bip: f64::NAN,
        };
    }
    if x.abs() <= 1.0 {
        let (f, fp, g, gp) = if x == 0.0 {
            (1.0, 0.0, 0.0, 1.0)
        } else {
            maclaurin(x)
        };
        let (c1, c2) = (AI0, AIP0);
        let mut r = Airy {
            ai: c1 * f - c2 * g,
            aip: c1 * fp - c2 * gp,
            bi: SQRT3 * (c1 * f + c2 * g),
            bip: SQRT3 * (c1 * fp + c2 * gp),
        };
        if scaled && x > 0.0 {
            let zeta = 2.0 / 3.0 * x * x.sqrt();
            let (e, ei) = (zeta.exp(), (-zeta).exp());
            r = Airy {
                ai: r.ai * e,
                aip: r.aip * e,
                bi: r.bi * ei,
                bip: r.bip * ei,
            };
        }
        return r;
    }
    let (zeta, zeta_lo) = zeta_dd(x.abs());
    let r = airy_bessel(x, zeta, scaled);
    // The Bessel forms were evaluated at the point x' whose ζ is exactly
    // `zeta`; step back to x with the Airy equation w'' = x w (second order),
    // which removes the error of rounding ζ (|ζ|·ε, large for large |x|).
    let dx = zeta_lo / x.abs().sqrt() * x.signum();
    let xp = x - dx;
    let step = |w: f64, wp: f64| {
        (
            w + dx * wp + 0.5 * dx * dx * xp * w,
            wp + dx * xp * w + 0.5 * dx * dx * (w + xp * wp),
        )
    };
    let (ai, aip) = step(r.ai, r.aip);
    let (bi, bip) = step(r.bi, r.bip);
    if scaled && x > 0.0 {
        // The scale factors e^{±ζ} were taken at ζ_hi: include ζ_lo.
        let (ea, eb) = (1.0 + zeta_lo, 1.0 - zeta_lo);
        return Airy {
            ai: ai * ea,
            aip: aip * ea,
            bi: bi * eb,
            bip: bip * eb,
        };
    }
    Airy { ai, aip, bi, bip }
}

/// `ζ = (2/3) a^{3/2}` as a double-double `(hi, lo)`.
fn zeta_dd(a: f64) -> (f64, f64) {
    const TT_HI: f64 = 2.0 / 3.0;
    const TT_LO: f64 = 3.700_743_415_417_188e-17; // 2/3 - TT_HI
    let s = a.sqrt();
    let s_lo = (-s).mul_add(s, a) / (2.0 * s);
    let p = a * s;
    let p_lo = a.mul_add(s, -p) + a * s_lo;
    let hi = TT_HI * p;
    let lo = TT_HI.mul_add(p, -hi) + TT_HI * p_lo + TT_LO * p;
    (hi + lo, lo - ((hi + lo) - hi))
}

/// The Bessel-function forms for `|x| > 1` at `ζ` (scaled as SciPy's `airye`).
fn airy_bessel(x: f64, zeta: f64, scaled: bool) -> Airy {
    if x > 0.0 {
        // Scaled forms never overflow: Ai e^ζ = √(x/3)/π · K_{1/3}(ζ) e^ζ, …
        let sx = x.sqrt();
        let (k13, k23) = (kve(1.0 / 3.0, zeta), kve(2.0 / 3.0, zeta));
        let (ip13, im13) = (ive(1.0 / 3.0, zeta), ive(-1.0 / 3.0, zeta));
        let (ip23, im23) = (ive(2.0 / 3.0, zeta), ive(-2.0 / 3.0, zeta));
        let ai = sx / (SQRT3 * PI) * k13;
        let aip = -x / (SQRT3 * PI) * k23;
        let bi = sx / SQRT3 * (im13 + ip13);
        let bip = x / SQRT3 * (im23 + ip23);
        if scaled {
            return Airy { ai, aip, bi, bip };
        }
        let (e, ei) = ((-zeta).exp(), zeta.exp());
        return Airy {
            ai: ai * e,
            aip: aip * e,
            bi: bi * ei,
            bip: bip * ei,
        };
    }
    let t = -x;
    let st = t.sqrt();
    let (j13, y13) = (jv(1.0 / 3.0, zeta), yv(1.0 / 3.0, zeta));
    let (j23, y23) = (jv(2.0 / 3.0, zeta), yv(2.0 / 3.0, zeta));
    Airy {
        ai: 0.5 * st * (j13 - y13 / SQRT3),
        aip: 0.5 * t * (j23 + y23 / SQRT3),
        bi: -0.5 * st * (j13 / SQRT3 + y13),
        bip: 0.5 * t * (j23 / SQRT3 - y23),
    }
}

/// Airy functions `Ai`, `Ai'`, `Bi`, `Bi'` of real argument.
///
/// SciPy: `scipy.special.airy(z) -> (Ai, Aip, Bi, Bip)` (real argument).
///
/// ```text
/// w'' = x w;   Ai(x) = (1/π) √(x/3) K_{1/3}(ζ),  Bi(x) = √(x/3) (I_{-1/3}(ζ) + I_{1/3}(ζ)),  ζ = (2/3) x^{3/2}
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::airy;
/// let a = airy(0.0);
/// assert!((a.ai - 0.3550280538878172).abs() < 1e-16);
/// // Wronskian Ai Bi' - Ai' Bi = 1/π
/// let w = airy(-3.7);
/// assert!((w.ai * w.bip - w.aip * w.bi - 1.0 / std::f64::consts::PI).abs() < 1e-14);
/// ```
pub fn airy(x: f64) -> Airy {
    airy_all(x, false)
}

/// Exponentially scaled Airy functions.
///
/// SciPy: `scipy.special.airye(z)` (real argument): `eAi = Ai·e^ζ`,
/// `eAip = Ai'·e^ζ`, `eBi = Bi·e^{-ζ}`, `eBip = Bi'·e^{-ζ}` for `x > 0`,
/// with `ζ = (2/3) x^{3/2}`; for `x ≤ 0` the factors are 1.
///
/// # Examples
/// ```
/// use ferrosci::special::{airy, airye};
/// let (a, e) = (airy(2.0), airye(2.0));
/// let zeta = 2.0 / 3.0 * 2f64.powf(1.5);
/// assert!((e.ai - a.ai * zeta.exp()).abs() < 1e-15);
/// ```
pub fn airye(x: f64) -> Airy {
    airy_all(x, true)
}

/// Zero of `f` near `guess`, bracketed by widening `[guess ∓ h]`.
fn zero_near(f: impl Fn(f64) -> f64, guess: f64, h: f64) -> f64 {
    let mut h = h;
    for _ in 0..20 {
        let (a, b) = (guess - h, guess + h);
        let (fa, fb) = (f(a), f(b));
        if fa.signum() != fb.signum() {
            return illinois(&f, a, b, fa, fb);
        }
        h *= 0.7;
    }
    guess
}

/// `T(t)` and `U(t)` of DLMF 9.9.18-19 (leading terms).
fn t_asym(t: f64) -> f64 {
    let t2 = 1.0 / (t * t);
    t.powf(2.0 / 3.0) * (1.0 + t2 * (5.0 / 48.0 - t2 * (5.0 / 36.0 - t2 * 77125.0 / 82944.0)))
}
fn u_asym(t: f64) -> f64 {
    let t2 = 1.0 / (t * t);
    t.powf(2.0 / 3.0) * (1.0 - t2 * (7.0 / 48.0 - t2 * (35.0 / 288.0 - t2 * 181223.0 / 207360.0)))
}

/// Zeros of an Airy function and its derivative, with the values there.
#[derive(Debug, Clone, PartialEq)]
pub struct AiryZeros {
    /// Zeros of the function (`a` or `b`).
    pub zeros: Array1<f64>,
    /// Zeros of the derivative (`ap` or `bp`).
    pub zeros_p: Array1<f64>,
    /// The function at the zeros of its derivative.
    pub value_at_zeros_p: Array1<f64>,
    /// The derivative at the zeros of the function.
    pub deriv_at_zeros: Array1<f64>,
}

fn airy_zeros(nt: usize, bi: bool) -> Result<AiryZeros> {
    if nt == 0 {
        return Err(invalid("nt", "must be a positive number of zeros (got 0)"));
    }
    let f = |x: f64| if bi { airy(x).bi } else { airy(x).ai };
    let fp = |x: f64| if bi { airy(x).bip } else { airy(x).aip };
    let c = 3.0 * PI / 8.0;
    let mut out = AiryZeros {
        zeros: Array1::zeros(nt),
        zeros_p: Array1::zeros(nt),
        value_at_zeros_p: Array1::zeros(nt),
        deriv_at_zeros: Array1::zeros(nt),
    };
    for k in 0..nt {
        let kf = (k + 1) as f64;
        let (g, gp) = if bi {
            (-t_asym(c * (4.0 * kf - 3.0)), -u_asym(c * (4.0 * kf - 1.0)))
        } else {
            (-t_asym(c * (4.0 * kf - 1.0)), -u_asym(c * (4.0 * kf - 3.0)))
        };
        // A quarter of the local spacing π/√|x| brackets the zero.
        let z = zero_near(f, g, 0.25 * PI / g.abs().sqrt());
        let zp = zero_near(fp, gp, 0.25 * PI / gp.abs().sqrt());
        out.zeros[k] = z;
        out.zeros_p[k] = zp;
        out.value_at_zeros_p[k] = f(zp);
        out.deriv_at_zeros[k] = fp(z);
    }
    Ok(out)
}

/// The first `nt` zeros of `Ai` and `Ai'`, and the values there.
///
/// SciPy: `scipy.special.ai_zeros(nt) -> (a, ap, ai, aip)`: `zeros = a`,
/// `zeros_p = ap`, `value_at_zeros_p = Ai(ap)`, `deriv_at_zeros = Ai'(a)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `nt == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::ai_zeros;
/// let z = ai_zeros(2)?;
/// assert!((z.zeros[0] + 2.338107410459767).abs() < 1e-14);
/// assert!((z.zeros_p[0] + 1.018792971647471).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ai_zeros(nt: usize) -> Result<AiryZeros> {
    airy_zeros(nt, false)
}

/// The first `nt` zeros of `Bi` and `Bi'`, and the values there.
///
/// SciPy: `scipy.special.bi_zeros(nt) -> (b, bp, bi, bip)`, named as in [`AiryZeros`].
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `nt == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::bi_zeros;
/// let z = bi_zeros(1)?;
/// assert!((z.zeros[0] + 1.173713222709128).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn bi_zeros(nt: usize) -> Result<AiryZeros> {
    airy_zeros(nt, true)
}
