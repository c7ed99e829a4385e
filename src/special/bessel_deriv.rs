//! Derivatives of the Bessel and Hankel functions (real and complex
//! argument) and the spherical Bessel functions.
//!
//! Derivatives use the exact finite sums of DLMF 10.6.7 / 10.29.5; spherical
//! functions are half-integer-order cylinder functions (DLMF 10.47.3), except
//! `k_n`, which is the finite sum of DLMF 10.49.12 and so stays accurate (and
//! analytic for negative `x`, as SciPy's).

use super::bessel_complex::{hankel1, hankel2, iv_complex, jv_complex, kv_complex, yv_complex};
use super::bessel_ik::{iv, kv};
use super::bessel_jy::{jv, yv};
use num_complex::Complex64;
use std::f64::consts::{FRAC_PI_2, PI};
use std::ops::{Add, Mul};

/// `Σ_k s^k C(n,k) F(v-n+2k) / 2^n` with `s = ±1`, for real or complex `F`.
///
/// Past `n = 1023` the scale `2^-n` leaves the normal range (SciPy raises
/// `OverflowError` there) and the alternating sum has long lost every digit:
/// the sum is not attempted and `F(NaN)` (NaN) is returned instead of looping
/// up to `2^32` times.
fn deriv_sum<T>(v: f64, n: u32, sign: f64, f: impl Fn(f64) -> T) -> T
where
    T: Copy + Add<Output = T> + Mul<f64, Output = T>,
{
    if n > 1023 {
        return f(f64::NAN);
    }
    let nf = f64::from(n);
    let mut binom = 1.0;
    let mut s = 1.0;
    let mut sum = f(v - nf);
    for k in 1..=n {
        let kf = f64::from(k);
        binom *= (nf - kf + 1.0) / kf;
        s *= sign;
        sum = sum + f(v - nf + 2.0 * kf) * (s * binom);
    }
    sum * 0.5f64.powi(n as i32)
}

/// `n`-th derivative of `J_v(z)` with respect to `z`.
///
/// SciPy: `scipy.special.jvp(v, z, n)`.
///
/// ```text
/// J_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} (-1)^k C(n,k) J_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{j1, jvp};
/// assert!((jvp(0.0, 1.7, 1) + j1(1.7)).abs() < 1e-16);
/// ```
pub fn jvp(v: f64, z: f64, n: u32) -> f64 {
    deriv_sum(v, n, -1.0, |o| jv(o, z))
}

/// `n`-th derivative of `Y_v(z)` with respect to `z`.
///
/// SciPy: `scipy.special.yvp(v, z, n)`.
///
/// ```text
/// Y_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} (-1)^k C(n,k) Y_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{y1, yvp};
/// assert!((yvp(0.0, 1.7, 1) + y1(1.7)).abs() < 1e-16);
/// ```
pub fn yvp(v: f64, z: f64, n: u32) -> f64 {
    deriv_sum(v, n, -1.0, |o| yv(o, z))
}

/// `n`-th derivative of `I_v(z)` with respect to `z`.
///
/// SciPy: `scipy.special.ivp(v, z, n)`.
///
/// ```text
/// I_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} C(n,k) I_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{i1, ivp};
/// assert!((ivp(0.0, 1.7, 1) - i1(1.7)).abs() < 1e-15);
/// ```
pub fn ivp(v: f64, z: f64, n: u32) -> f64 {
    deriv_sum(v, n, 1.0, |o| iv(o, z))
}

/// `n`-th derivative of `K_v(z)` with respect to `z`.
///
/// SciPy: `scipy.special.kvp(v, z, n)`.
///
/// ```text
/// K_v^(n)(z) = (-1)^n 2^{-n} Σ_{k=0}^{n} C(n,k) K_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{k1, kvp};
/// assert!((kvp(0.0, 1.7, 1) + k1(1.7)).abs() < 1e-16);
/// ```
pub fn kvp(v: f64, z: f64, n: u32) -> f64 {
    let s = deriv_sum(v, n, 1.0, |o| kv(o, z));
    if n % 2 == 1 { -s } else { s }
}

/// `n`-th derivative of `J_v(z)` for complex `z`.
///
/// SciPy: `scipy.special.jvp(v, z, n)` with complex `z`.
///
/// ```text
/// J_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} (-1)^k C(n,k) J_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{jv_complex, jvp_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(1.5, -0.7);
/// // J_0' = -J_1
/// assert!((jvp_complex(0.0, z, 1) + jv_complex(1.0, z)).norm() < 1e-15);
/// ```
pub fn jvp_complex(v: f64, z: Complex64, n: u32) -> Complex64 {
    deriv_sum(v, n, -1.0, |o| jv_complex(o, z))
}

/// `n`-th derivative of `Y_v(z)` for complex `z`.
///
/// SciPy: `scipy.special.yvp(v, z, n)` with complex `z`.
///
/// ```text
/// Y_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} (-1)^k C(n,k) Y_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{yv_complex, yvp_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(1.5, -0.7);
/// // Y_0' = -Y_1
/// assert!((yvp_complex(0.0, z, 1) + yv_complex(1.0, z)).norm() < 1e-15);
/// ```
pub fn yvp_complex(v: f64, z: Complex64, n: u32) -> Complex64 {
    deriv_sum(v, n, -1.0, |o| yv_complex(o, z))
}

/// `n`-th derivative of `I_v(z)` for complex `z`.
///
/// SciPy: `scipy.special.ivp(v, z, n)` with complex `z`.
///
/// ```text
/// I_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} C(n,k) I_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{iv_complex, ivp_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(1.5, -0.7);
/// // I_0' = I_1
/// assert!((ivp_complex(0.0, z, 1) - iv_complex(1.0, z)).norm() < 1e-15);
/// ```
pub fn ivp_complex(v: f64, z: Complex64, n: u32) -> Complex64 {
    deriv_sum(v, n, 1.0, |o| iv_complex(o, z))
}

/// `n`-th derivative of `K_v(z)` for complex `z`.
///
/// SciPy: `scipy.special.kvp(v, z, n)` with complex `z`.
///
/// ```text
/// K_v^(n)(z) = (-1)^n 2^{-n} Σ_{k=0}^{n} C(n,k) K_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{kv_complex, kvp_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(1.5, -0.7);
/// // K_0' = -K_1
/// assert!((kvp_complex(0.0, z, 1) + kv_complex(1.0, z)).norm() < 1e-15);
/// ```
pub fn kvp_complex(v: f64, z: Complex64, n: u32) -> Complex64 {
    let s = deriv_sum(v, n, 1.0, |o| kv_complex(o, z));
    if n % 2 == 1 { -s } else { s }
}

/// `n`-th derivative of the Hankel function `H⁽¹⁾_v(z)`.
///
/// SciPy: `scipy.special.h1vp(v, z, n)`.
///
/// ```text
/// H1_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} (-1)^k C(n,k) H1_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{h1vp, hankel1};
/// use num_complex::Complex64;
/// let z = Complex64::new(2.0, 0.5);
/// // H1_0' = -H1_1
/// assert!((h1vp(0.0, z, 1) + hankel1(1.0, z)).norm() < 1e-15);
/// ```
pub fn h1vp(v: f64, z: Complex64, n: u32) -> Complex64 {
    deriv_sum(v, n, -1.0, |o| hankel1(o, z))
}

/// `n`-th derivative of the Hankel function `H⁽²⁾_v(z)`.
///
/// SciPy: `scipy.special.h2vp(v, z, n)`.
///
/// ```text
/// H2_v^(n)(z) = 2^{-n} Σ_{k=0}^{n} (-1)^k C(n,k) H2_{v-n+2k}(z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{h2vp, hankel2};
/// use num_complex::Complex64;
/// let z = Complex64::new(2.0, 0.5);
/// // H2_0' = -H2_1
/// assert!((h2vp(0.0, z, 1) + hankel2(1.0, z)).norm() < 1e-15);
/// ```
pub fn h2vp(v: f64, z: Complex64, n: u32) -> Complex64 {
    deriv_sum(v, n, -1.0, |o| hankel2(o, z))
}

/// `(-1)^n` as a float.
fn parity(n: i64) -> f64 {
    if n % 2 == 0 { 1.0 } else { -1.0 }
}

fn sph_j(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return parity(n) * sph_j(n, -x);
    }
    if x == 0.0 {
        return if n == 0 { 1.0 } else { 0.0 };
    }
    if x.is_infinite() {
        return 0.0;
    }
    if x > n as f64 && n <= MAX_RECURRENCE {
        // Upward recurrence is stable above the turning point (DLMF 10.51.1).
        let (s, c) = x.sin_cos();
        return sph_upward(n, x, s / x, (s / x - c) / x);
    }
    (FRAC_PI_2 / x).sqrt() * jv(n as f64 + 0.5, x)
}

/// Longest upward recurrence run; higher orders go to `jv`/`yv` directly.
const MAX_RECURRENCE: i64 = 10_000;

/// `f_n` from `f_0`, `f_1` by `f_{k+1} = (2k+1)/x f_k - f_{k-1}`; stops at ±∞.
/// The ratio `(2k+1)/x` carries its rounding error `t_lo` and the step is
/// fused, so each step rounds once instead of three times (40 steps at
/// `x = 1e-6`: within 1 ulp, 8 ulp before).
fn sph_upward(n: i64, x: f64, f0: f64, f1: f64) -> f64 {
    if n == 0 {
        return f0;
    }
    let (mut a, mut b) = (f0, f1);
    for k in 1..n {
        let m = (2 * k + 1) as f64;
        let t = m / x;
        let t_lo = (-t).mul_add(x, m) / x;
        let c = t.mul_add(b, t_lo.mul_add(b, -a));
        a = b;
        b = c;
        if b.is_infinite() {
            break;
        }
    }
    b
}

fn sph_y(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return -parity(n) * sph_y(n, -x);
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if n > MAX_RECURRENCE {
        return (FRAC_PI_2 / x).sqrt() * yv(n as f64 + 0.5, x);
    }
    // Upward recurrence from the closed forms is stable for y_n at every x.
    let (s, c) = x.sin_cos();
    sph_upward(n, x, -c / x, -(c / x + s) / x)
}

fn sph_i(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x < 0.0 {
        return parity(n) * sph_i(n, -x);
    }
    if x == 0.0 {
        return if n == 0 { 1.0 } else { 0.0 };
    }
    if x.is_infinite() {
        return f64::INFINITY;
    }
    (FRAC_PI_2 / x).sqrt() * iv(n as f64 + 0.5, x)
}

/// `k_n(x) = (π/2) e^{-x}/x Σ_{k=0}^{n} (n+k)!/(k!(n-k)!) (2x)^{-k}`.
fn sph_k(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if x == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    let nf = n as f64;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=n {
        let kf = k as f64;
        let ratio = (nf + kf) * (nf - kf + 1.0) / (kf * 2.0 * x);
        term *= ratio;
        sum += term;
        // The ratio decreases with k: once below 1 and the term negligible,
        // the rest of the (possibly 2^63-term) sum cannot matter.
        if !sum.is_finite() || (ratio.abs() < 1.0 && term.abs() < 1e-17 * sum.abs()) {
            break;
        }
    }
    if x > 0.0 && x < 700.0 && sum.is_finite() {
        return 0.5 * PI * (-x).exp() / x * sum;
    }
    // Combine in logarithms so that e^{-x} underflow does not meet sum overflow.
    let lg = (0.5 * PI * sum.abs() / x.abs()).ln() - x;
    lg.exp() * (sum.signum() * x.signum())
}

fn order_ok(n: i64, x: f64) -> bool {
    n >= 0 && !x.is_nan()
}

/// Spherical Bessel function of the first kind `j_n(x)`, or its derivative.
///
/// SciPy: `scipy.special.spherical_jn(n, z, derivative)`. NaN for `n < 0`.
///
/// ```text
/// j_n(x) = √(π/(2x)) J_{n+1/2}(x);   j_n'(x) = j_{n-1}(x) - (n+1)/x j_n(x),   j_0' = -j_1
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::spherical_jn;
/// let x = 2.0f64;
/// assert!((spherical_jn(0, x, false) - x.sin() / x).abs() < 1e-16);
/// assert!((spherical_jn(0, x, true) + spherical_jn(1, x, false)).abs() < 1e-16);
/// ```
pub fn spherical_jn(n: i64, x: f64, derivative: bool) -> f64 {
    if !order_ok(n, x) {
        return f64::NAN;
    }
    if !derivative {
        return sph_j(n, x);
    }
    if n == 0 {
        return -sph_j(1, x);
    }
    if x == 0.0 {
        return if n == 1 { 1.0 / 3.0 } else { 0.0 };
    }
    if x.is_infinite() {
        return 0.0;
    }
    sph_j(n - 1, x) - (n as f64 + 1.0) / x * sph_j(n, x)
}

/// Spherical Bessel function of the second kind `y_n(x)`, or its derivative.
///
/// SciPy: `scipy.special.spherical_yn(n, z, derivative)`. `y_n(0) = -∞`,
/// `y_n'(0) = +∞` (the limit; SciPy gives NaN for `n ≥ 1`).
///
/// ```text
/// y_n(x) = √(π/(2x)) Y_{n+1/2}(x);   y_n'(x) = y_{n-1}(x) - (n+1)/x y_n(x),   y_0' = -y_1
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::spherical_yn;
/// let x = 2.0f64;
/// assert!((spherical_yn(0, x, false) + x.cos() / x).abs() < 1e-16);
/// ```
pub fn spherical_yn(n: i64, x: f64, derivative: bool) -> f64 {
    if !order_ok(n, x) {
        return f64::NAN;
    }
    if !derivative {
        return sph_y(n, x);
    }
    if x == 0.0 {
        return f64::INFINITY;
    }
    if x.is_infinite() {
        return 0.0;
    }
    if n == 0 {
        return -sph_y(1, x);
    }
    sph_y(n - 1, x) - (n as f64 + 1.0) / x * sph_y(n, x)
}

/// Modified spherical Bessel function of the first kind `i_n(x)`, or its derivative.
///
/// SciPy: `scipy.special.spherical_in(n, z, derivative)`.
///
/// ```text
/// i_n(x) = √(π/(2x)) I_{n+1/2}(x);   i_n'(x) = i_{n-1}(x) - (n+1)/x i_n(x),   i_0' = i_1
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::spherical_in;
/// let x = 2.0f64;
/// assert!((spherical_in(0, x, false) - x.sinh() / x).abs() < 1e-15);
/// ```
pub fn spherical_in(n: i64, x: f64, derivative: bool) -> f64 {
    if !order_ok(n, x) {
        return f64::NAN;
    }
    if !derivative {
        return sph_i(n, x);
    }
    if n == 0 {
        return sph_i(1, x);
    }
    if x == 0.0 {
        return if n == 1 { 1.0 / 3.0 } else { 0.0 };
    }
    if x.is_infinite() {
        return f64::INFINITY;
    }
    sph_i(n - 1, x) - (n as f64 + 1.0) / x * sph_i(n, x)
}

/// Modified spherical Bessel function of the second kind `k_n(x)`, or its derivative.
///
/// SciPy: `scipy.special.spherical_kn(n, z, derivative)`. For `x < 0` the
/// finite sum below is continued analytically, as in SciPy.
///
/// ```text
/// k_n(x) = √(π/(2x)) K_{n+1/2}(x) = (π/2) e^{-x}/x Σ_{k=0}^{n} (n+k)! / (k!(n-k)!) (2x)^{-k}
/// k_n'(x) = -k_{n-1}(x) - (n+1)/x k_n(x),   k_0' = -k_1
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::spherical_kn;
/// let x = 2.0f64;
/// assert!((spherical_kn(0, x, false) - std::f64::consts::FRAC_PI_2 * (-x).exp() / x).abs() < 1e-16);
/// ```
pub fn spherical_kn(n: i64, x: f64, derivative: bool) -> f64 {
    if !order_ok(n, x) {
        return f64::NAN;
    }
    if !derivative {
        return sph_k(n, x);
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    if n == 0 {
        return -sph_k(1, x);
    }
    -sph_k(n - 1, x) - (n as f64 + 1.0) / x * sph_k(n, x)
}
