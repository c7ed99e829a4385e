//! Spherical harmonics through the normalized associated Legendre functions.
//!
//! `P̄_n^m(cos θ)` (orthonormal on the sphere, Condon–Shortley phase) by the
//! standard stable recurrences: `P̄_m^m` from `P̄_0^0 = 1/√(4π)` by
//! `P̄_k^k = -√((2k+1)/(2k)) sin θ P̄_{k-1}^{k-1}`, then upward in degree
//! `P̄_n^m = a_n (cos θ P̄_{n-1}^m - P̄_{n-2}^m / a_{n-1})`,
//! `a_n = √((4n² - 1)/(n² - m²))`. The values carry a separate power-of-two
//! exponent, so `sin^m θ` underflowing on the way does not lose values that
//! come back into range at higher degree.

use num_complex::Complex64;
use std::f64::consts::PI;

/// Rescaling threshold and step for the separate exponent (2^±400).
const BIG: f64 = 2.5822498780869086e120;
const SMALL: f64 = 3.872591914849318e-121;
const STEP: i32 = 400;
/// Degrees past this would run the recurrence for longer than the module allows.
const MAX_DEGREE: i64 = 20_000_000;

/// `a + b` as `(sum, rounding error)`, exact.
pub(crate) fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let s = a + b;
    let bb = s - a;
    (s, (a - (s - bb)) + (b - bb))
}

/// `P̄_n^m(cos θ)` for `0 ≤ m ≤ n`.
fn normalized_legendre(n: u64, m: u64, theta: f64) -> f64 {
    let (c, s) = (theta.cos(), theta.sin().abs());
    // Near the poles cos θ = ±(1 - u) with u = 2 sin²(θ/2) (or 2 cos²(θ/2))
    // exact to rounding: the rounding of cos θ itself would cost n²ε/2.
    let (sign, u) = if c > 0.5 {
        (1.0, 2.0 * (0.5 * theta).sin().powi(2))
    } else if c < -0.5 {
        (-1.0, 2.0 * (0.5 * theta).cos().powi(2))
    } else {
        (0.0, 0.0)
    };
    let mut v = 0.5 / PI.sqrt();
    let mut e2: i32 = 0;
    for k in 1..=m {
        let kf = k as f64;
        v *= -((2.0 * kf + 1.0) / (2.0 * kf)).sqrt() * s;
        if v != 0.0 && v.abs() < SMALL {
            v *= BIG;
            e2 -= STEP;
        }
    }
    if v == 0.0 {
        return 0.0;
    }
    // The degree recurrence runs on unevaluated pairs hi + lo: next to the
    // poles each step's change `u·v` is below ulp(v) and would be lost.
    let times_c = |(h, l): (f64, f64)| -> (f64, f64) {
        if sign == 0.0 {
            let p = c * h;
            (p, c.mul_add(h, -p) + c * l)
        } else {
            let p = u * h;
            let (r, e) = two_sum(h, -p);
            let pe = u.mul_add(h, -p);
            (sign * r, sign * (e - pe + l - u * l))
        }
    };
    let mf = m as f64;
    let a = |k: f64| ((4.0 * k * k - 1.0) / (k * k - mf * mf)).sqrt();
    let (mut prev, mut cur) = ((0.0, 0.0), (v, 0.0));
    let mut a_prev: f64 = 0.0;
    for k in (m + 1)..=n {
        let kf = k as f64;
        let ak = a(kf);
        let (th, tl) = times_c(cur);
        let (dh, dl) = if k == m + 1 {
            (th, tl)
        } else {
            let q = prev.0 / a_prev;
            let qe = (-q).mul_add(a_prev, prev.0) / a_prev + prev.1 / a_prev;
            let (d, e) = two_sum(th, -q);
            (d, e + tl - qe)
        };
        let nh = ak * dh;
        let next = (nh, ak.mul_add(dh, -nh) + ak * dl);
        prev = cur;
        cur = next;
        a_prev = ak;
        if cur.0.abs() > BIG {
            cur = (cur.0 * SMALL, cur.1 * SMALL);
            prev = (prev.0 * SMALL, prev.1 * SMALL);
            e2 += STEP;
        }
    }
    let cur = cur.0 + cur.1;
    cur * 2f64.powi(e2)
}

/// Spherical harmonic `Y_n^m(θ, φ)` (orthonormal, Condon–Shortley phase).
///
/// SciPy: `scipy.special.sph_harm_y(n, m, theta, phi)` (SciPy ≥ 1.15: `theta`
/// is the polar angle, `phi` the azimuth). 0 where `|m| > n` or `n < 0`, as
/// SciPy; NaN for NaN or infinite angles, and for `n > 2·10⁷` (cost is
/// linear in `n`).
///
/// ```text
/// Y_n^m(θ, φ) = √((2n+1)/(4π) (n-m)!/(n+m)!) P_n^m(cos θ) e^{imφ},
/// Y_n^{-m} = (-1)^m conj(Y_n^m)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::sph_harm_y;
/// let (t, p) = (0.7f64, 1.1f64);
/// // Y_1^0 = √(3/(4π)) cos θ
/// let y = sph_harm_y(1, 0, t, p);
/// assert!((y.re - (3.0 / (4.0 * std::f64::consts::PI)).sqrt() * t.cos()).abs() < 1e-16);
/// // Y_2^{-1} = -conj(Y_2^1)
/// assert!((sph_harm_y(2, -1, t, p) + sph_harm_y(2, 1, t, p).conj()).norm() < 1e-16);
/// ```
pub fn sph_harm_y(n: i64, m: i64, theta: f64, phi: f64) -> Complex64 {
    if !(theta.is_finite() && phi.is_finite()) {
        return Complex64::new(f64::NAN, f64::NAN);
    }
    if n < 0 || m.unsigned_abs() > n as u64 {
        return Complex64::new(0.0, 0.0);
    }
    if n > MAX_DEGREE {
        // the module's cap on recurrence length
        return Complex64::new(f64::NAN, f64::NAN);
    }
    let ma = m.unsigned_abs();
    let p = normalized_legendre(n as u64, ma, theta);
    let (sn, cs) = (m as f64 * phi).sin_cos();
    let y = Complex64::new(p * cs, p * sn);
    if m < 0 && ma % 2 == 1 { -y } else { y }
}
