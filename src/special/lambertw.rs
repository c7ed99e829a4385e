//! The Lambert W function on all its branches, for complex argument.
//!
//! Starting values from the branch-point series (DLMF 4.13.6) near `-1/e`, the
//! Taylor series near 0, and the asymptotic form `L1 - L2 + L2/L1` elsewhere
//! (Corless et al. 1996, eqs. 4.19-4.22); then Halley's iteration on
//! `w e^w = z` (or Newton on `w + ln w = ln z + 2πik` where `e^w` overflows).

use num_complex::Complex64;
use std::f64::consts::{E, PI};

/// Lambert W function, branch `k`: the solution `w` of `w e^w = z`.
///
/// SciPy: `scipy.special.lambertw(z, k=0)` (iterated to full precision
/// rather than SciPy's `tol = 1e-8` default, which only stops earlier).
/// `W_0(0) = 0`, `W_k(0) = -∞` for `k ≠ 0`, `W_k(∞) = ∞ + 2πik`.
///
/// ```text
/// W_k(z) e^{W_k(z)} = z;   W_0 real on [-1/e, ∞), W_{-1} real on [-1/e, 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::lambertw;
/// use num_complex::Complex64;
/// let w = lambertw(Complex64::new(1.0, 0.0), 0);
/// assert!((w.re - 0.5671432904097838).abs() < 1e-15 && w.im == 0.0);
/// let z = Complex64::new(-0.2, 0.0);
/// let w = lambertw(z, -1);
/// assert!((w * w.exp() - z).norm() < 1e-15);
/// assert!(w.re < -1.0);
/// ```
pub fn lambertw(z: Complex64, k: i64) -> Complex64 {
    if z.re.is_nan() || z.im.is_nan() {
        return Complex64::new(f64::NAN, f64::NAN);
    }
    let kf = k as f64;
    if z.re.is_infinite() || z.im.is_infinite() {
        return Complex64::new(f64::INFINITY, 2.0 * PI * kf);
    }
    if z == Complex64::new(0.0, 0.0) {
        return if k == 0 {
            z
        } else {
            Complex64::new(f64::NEG_INFINITY, 0.0)
        };
    }
    let real_branch = z.im == 0.0
        && ((k == 0 && z.re >= -1.0 / E) || (k == -1 && z.re < 0.0 && z.re >= -1.0 / E));
    let mut w = initial(z, k);
    // Far from the origin e^w under- or overflows: iterate on logarithms.
    let large = z.norm() > 1e100 || w.norm() > 30.0;
    for _ in 0..100 {
        let step = if large {
            // Newton on g(w) = w + ln w - ln z - 2πik, g' = 1 + 1/w.
            let g = w + w.ln() - z.ln() - Complex64::new(0.0, 2.0 * PI * kf);
            g / (1.0 + 1.0 / w)
        } else {
            let ew = w.exp();
            let f = w * ew - z;
            let wp1 = w + 1.0;
            f / (ew * wp1 - (w + 2.0) * f / (2.0 * wp1))
        };
        if !(step.re.is_finite() && step.im.is_finite()) {
            break;
        }
        w -= step;
        if step.norm() <= 1e-16 * w.norm() {
            break;
        }
    }
    if real_branch {
        // On the real branches the imaginary part is an artefact of rounding.
        w.im = 0.0;
    }
    w
}

/// Starting value for branch `k`.
fn initial(z: Complex64, k: i64) -> Complex64 {
    let near_branch = (z + 1.0 / E).norm() < 0.3;
    if near_branch && (k == 0 || (k == -1 && z.im >= 0.0) || (k == 1 && z.im < 0.0)) {
        // w ≈ -1 ± p - p²/3 + 11p³/72, p = √(2(ez + 1))
        let p = (2.0 * (E * z + 1.0)).sqrt();
        let p = if k == 0 { p } else { -p };
        return -1.0 + p - p * p / 3.0 + 11.0 / 72.0 * p * p * p;
    }
    if k == 0 && z.norm() < 0.25 {
        // Taylor: z - z² + 3z³/2
        return z - z * z + 1.5 * z * z * z;
    }
    if k == 0 && z.norm() < 3.0 {
        return (1.0 + z).ln();
    }
    let l1 = z.ln() + Complex64::new(0.0, 2.0 * PI * k as f64);
    let l2 = l1.ln();
    l1 - l2 + l2 / l1
}

/// Wright omega function of real argument: the solution `ω` of `ω + ln ω = x`.
///
/// SciPy: `scipy.special.wrightomega` (real argument). `ω(x) = W_0(e^x)`;
/// `ω(-∞) = 0`, `ω(∞) = ∞`.
///
/// ```text
/// ω(x) + ln ω(x) = x;   ω(x) ≈ e^x for x → -∞,   ω(x) ≈ x - ln x for x → ∞
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::wrightomega;
/// let w = wrightomega(3.0);
/// assert!((w + w.ln() - 3.0).abs() < 1e-15);
/// assert!((wrightomega(1.0) - 1.0).abs() < 1e-16);
/// ```
pub fn wrightomega(x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return x;
    }
    if x < -40.0 {
        // ω = e^{x-ω} = e^x (1 - e^x + …); the correction is below rounding.
        let e = x.exp();
        return e * (1.0 - e);
    }
    let mut w = if x > 1.0 {
        x - x.ln()
    } else {
        lambertw(Complex64::new(x.exp(), 0.0), 0).re
    };
    // Halley on f(w) = w + ln w - x: f' = 1 + 1/w, f'' = -1/w².
    for _ in 0..50 {
        let f = w + w.ln() - x;
        let d1 = 1.0 + 1.0 / w;
        let d2 = -1.0 / (w * w);
        let step = f / (d1 - 0.5 * f * d2 / d1);
        if !step.is_finite() {
            break;
        }
        w -= step;
        if step.abs() <= 1e-16 * w.abs() {
            break;
        }
    }
    w
}

/// Wright omega function of complex argument: the solution `ω` of
/// `ω + ln ω = z` (principal logarithm).
///
/// SciPy: `scipy.special.wrightomega` on complex input.
/// `ω(z) = W_{K(z)}(e^z)` with the unwinding number
/// `K(z) = ⌈(Im z - π)/(2π)⌉`; branch cuts on `z = t ± iπ`, `t ≤ -1`, where
/// the value follows SciPy's `K`. At infinite components `ω(z) ≈ z`
/// (`ω(-∞ + iy) = 0`), as SciPy.
///
/// ```text
/// ω(z) + ln ω(z) = z;   ω(z) ≈ z - ln z for |z| → ∞
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::wrightomega_complex;
/// use num_complex::Complex64;
/// let z = Complex64::new(1.5, 2.0);
/// let w = wrightomega_complex(z);
/// assert!((w + w.ln() - z).norm() < 1e-15);
/// ```
pub fn wrightomega_complex(z: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    if x.is_nan() || y.is_nan() {
        return Complex64::new(f64::NAN, f64::NAN);
    }
    if x == f64::NEG_INFINITY && y.is_finite() {
        // ω ≈ e^z → 0, with e^z's phase
        return Complex64::new(0.0 * y.cos(), 0.0 * y.sin());
    }
    if x.is_infinite() || y.is_infinite() {
        return z;
    }
    if y == 0.0 {
        return Complex64::new(wrightomega(x), y);
    }
    let mut w = if z.norm() > 1e3 {
        z - z.ln()
    } else if x < -40.0 && y.abs() < PI {
        // ω = e^{z - ω} ≈ e^z (1 - e^z); the correction is below rounding
        let e = Complex64::new(0.0, y).exp() * x.exp();
        return e * (1.0 - e);
    } else {
        let k = ((y - PI) / (2.0 * PI)).ceil() as i64;
        let e = Complex64::new(0.0, y).exp() * x.exp();
        lambertw(e, k)
    };
    // Newton on f(ω) = ω + ln ω - z (quadratic; the start is close).
    for _ in 0..30 {
        let f = w + w.ln() - z;
        let step = f / (1.0 + 1.0 / w);
        if !(step.re.is_finite() && step.im.is_finite()) {
            break;
        }
        w -= step;
        if step.norm() <= 1e-16 * w.norm() {
            break;
        }
    }
    w
}
