//! Fresnel integrals (real and complex) and the Voigt profile, through the
//! Faddeeva function.
//!
//! `C + iS = ((1+i)/2) erf((√π/2)(1-i) z)`. Small `|z|`: the power series.
//! Elsewhere `erf` is written as `1 - e^{-ζ²} w(iζ)` with `e^{-ζ²} = e^{iπz²/2}`
//! formed from `z²` reduced modulo 4 exactly (so the phase of large arguments
//! is not rounded) and `w` evaluated in the upper half-plane. Near the real
//! axis (and, by `C(iz) = iC(z)`, `S(iz) = -iS(z)`, the imaginary axis) the
//! small imaginary parts come from `C(x + iy) - C(x)` as a series in `y`
//! instead of a difference of two large terms.

use super::faddeeva::{cdiv, wofz};
use num_complex::Complex64;
use std::f64::consts::{FRAC_PI_2, PI};

fn c(re: f64, im: f64) -> Complex64 {
    Complex64::new(re, im)
}

/// `e^{iπ(h + l)/2}` for an unevaluated sum `h + l` (`|l| ≤ ulp(h)`), with `h`
/// reduced modulo 4 exactly: the phase of `πx²/2` for large `x` is not rounded.
fn exp_i_half_pi(h: f64, l: f64) -> Complex64 {
    let r = h % 4.0; // exact
    let n = r.round();
    let f = (r - n) + l; // |f| ≤ 1/2 (+ tiny)
    let (s, co) = (FRAC_PI_2 * f).sin_cos();
    // multiply by i^n
    match (n as i64).rem_euclid(4) {
        0 => c(co, s),
        1 => c(-s, co),
        2 => c(-co, -s),
        _ => c(s, -co),
    }
}

/// `(S, C)` by their power series (`|z| ≤ 1`).
fn fresnel_series(z: Complex64) -> (Complex64, Complex64) {
    // C = Σ (-1)^n (π/2)^{2n} z^{4n+1}/((2n)!(4n+1)),
    // S = Σ (-1)^n (π/2)^{2n+1} z^{4n+3}/((2n+1)!(4n+3))
    let t = FRAC_PI_2 * z * z;
    let mut p = z; // (π/2)^k z^{2k+1}/k! (signs folded in below)
    let (mut s, mut cc) = (c(0.0, 0.0), c(0.0, 0.0));
    for k in 0..60 {
        let term = p / (2 * k + 1) as f64;
        match k % 4 {
            0 => cc += term,
            1 => s += term,
            2 => cc -= term,
            _ => s -= term,
        }
        if term.norm() <= 1e-17 * (s.norm() + cc.norm()) {
            break;
        }
        p *= t / (k + 1) as f64;
    }
    (s, cc)
}

/// `∫₀^y e^{aτ + bτ²} dτ` by the Taylor series of the integrand, for
/// `|a y| ≤ 1`, `|b| y² ≤ 1/2`: `(n+1)c_{n+1} = a c_n + 2b c_{n-1}`.
fn gauss_segment(a: f64, b: Complex64, y: f64) -> Complex64 {
    let (mut c_prev, mut c_n) = (c(0.0, 0.0), c(1.0, 0.0));
    let mut yp = y; // y^{n+1}
    let mut sum = c(0.0, 0.0);
    for n in 0..80 {
        let term = c_n * yp / (n + 1) as f64;
        sum += term;
        if term.norm() <= 1e-17 * sum.norm() && n > 2 {
            break;
        }
        let next = (c_n * a + c_prev * b * 2.0) / (n + 1) as f64;
        c_prev = c_n;
        c_n = next;
        yp *= y;
    }
    sum
}

/// `C(x) + iS(x)` for `x ≥ 0`, real.
fn a_real(x: f64) -> Complex64 {
    if x <= 0.7 {
        let (s, cc) = fresnel_series(c(x, 0.0));
        return c(cc.re, s.re);
    }
    if x > 1e154 {
        return c(0.5, 0.5);
    }
    let (h, l) = (x * x, x.mul_add(x, -(x * x)));
    let u = c(0.5 * PI.sqrt() * x, 0.5 * PI.sqrt() * x);
    let half = c(0.5, 0.5);
    half - half * exp_i_half_pi(h, l) * wofz(u)
}

/// Fresnel integrals of real argument, returned as `(S, C)` like SciPy.
///
/// SciPy: `scipy.special.fresnel` (real argument). Odd; both tend to `±1/2`
/// at `±∞` (SciPy returns NaN past `|x| ≈ 1e154`; here the limit is kept).
///
/// ```text
/// S(x) = ∫₀^x sin(πt²/2) dt,   C(x) = ∫₀^x cos(πt²/2) dt
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::fresnel;
/// let (s, c) = fresnel(1.0);
/// assert!((s - 0.4382591473903548).abs() < 2e-16);
/// assert!((c - 0.7798934003768228).abs() < 2e-16);
/// assert_eq!(fresnel(f64::INFINITY), (0.5, 0.5));
/// ```
pub fn fresnel(x: f64) -> (f64, f64) {
    if x.is_nan() {
        return (x, x);
    }
    let a = a_real(x.abs());
    if x < 0.0 {
        (-a.im, -a.re)
    } else {
        (a.im, a.re)
    }
}

/// `C + iS` and `C - iS` for complex `z` with `|z| > 1`, `|y| ≤ |x|`, `x > 0`.
fn fresnel_far(z: Complex64) -> (Complex64, Complex64) {
    let (x, y) = (z.re, z.im);
    // z² = (x² - y²) + 2ixy; iπz²/2 = iπ(x² - y²)/2 - πxy
    let (xh, xl) = (x * x, x.mul_add(x, -(x * x)));
    let (yh, yl) = (y * y, y.mul_add(y, -(y * y)));
    let d = xh - yh;
    let bv = d - xh;
    let d_lo = (xh - (d - bv)) + (-yh - bv) + (xl - yl);
    // e^{iπz²/2} = e^{-πxy} e^{iπ(x²-y²)/2}; πxy carried to 2ε so that
    // e^{±πxy} keeps full accuracy for large exponents
    const PI_LO: f64 = 1.2246467991473532e-16;
    let (p, p_lo) = (x * y, x.mul_add(y, -(x * y)));
    let grow = PI * p;
    let grow_lo = PI.mul_add(p, -grow) + PI * p_lo + PI_LO * p;
    let ph = exp_i_half_pi(d, d_lo);
    let k = 0.5 * PI.sqrt();
    let half_p = c(0.5, 0.5);
    let half_m = c(0.5, -0.5);
    // A = (1+i)/2 erf(ζ₊), ζ₊ = k(1-i)z; erf(ζ) = s(1 - e^{-ζ²} w(i s ζ)), s = sign Re ζ
    let zp = c(k * (x + y), k * (y - x));
    let zm = c(k * (x - y), k * (x + y));
    let erf_via = |zeta: Complex64, e: Complex64| {
        let (sgn, arg) = if zeta.re >= 0.0 {
            (1.0, c(-zeta.im, zeta.re))
        } else {
            (-1.0, c(zeta.im, -zeta.re))
        };
        (c(1.0, 0.0) - e * wofz(arg)) * sgn
    };
    let ep = ph * ((-grow).exp() * (1.0 - grow_lo)); // e^{-ζ₊²} = e^{iπz²/2}
    let em = ph.conj() * (grow.exp() * (1.0 + grow_lo)); // e^{-ζ₋²} = e^{-iπz²/2}
    (half_p * erf_via(zp, ep), half_m * erf_via(zm, em))
}

/// `(S, C)` for complex `z` with `x ≥ |y|`, `x > 0`.
fn fresnel_right(z: Complex64) -> (Complex64, Complex64) {
    let (x, y) = (z.re, z.im);
    if z.norm() <= 1.0 {
        return fresnel_series(z);
    }
    if (PI * x * y).abs() <= 1.0 && y.abs() <= 0.5 {
        // A(x+iy) = A(x) + i E(x) ∫₀^y e^{-πxτ - iπτ²/2} dτ, E(x) = e^{iπx²/2};
        // B likewise with -i: the small imaginary parts come out directly.
        let a0 = a_real(x);
        let e = exp_i_half_pi(x * x, x.mul_add(x, -(x * x)));
        let ip = gauss_segment(-PI * x, c(0.0, -FRAC_PI_2), y);
        let im = gauss_segment(PI * x, c(0.0, FRAC_PI_2), y);
        let i = c(0.0, 1.0);
        let da = i * e * ip;
        let db = i * e.conj() * im;
        let cc = c(a0.re, 0.0) + (da + db) * 0.5;
        let s = c(a0.im, 0.0) + cdiv(da - db, c(0.0, 2.0));
        return (s, cc);
    }
    let (a, b) = fresnel_far(z);
    ((a - b) * c(0.0, -0.5), (a + b) * 0.5)
}

/// Fresnel integrals of complex argument, returned as `(S, C)` like SciPy.
///
/// SciPy: `scipy.special.fresnel` on complex input. Entire; `S` and `C` are
/// odd, `S(conj z) = conj S(z)`, `S(iz) = -iS(z)` and `C(iz) = iC(z)`. Grows
/// like `e^{π|xy|}`; NaN at infinite components (as SciPy).
///
/// ```text
/// S(z) = ∫₀^z sin(πt²/2) dt,   C(z) = ∫₀^z cos(πt²/2) dt,
/// C(z) + iS(z) = ((1+i)/2) erf((√π/2)(1-i) z)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{fresnel, fresnel_complex};
/// use num_complex::Complex64;
/// let (s, _) = fresnel_complex(Complex64::new(1.0, 1.0));
/// assert!((s - Complex64::new(-2.0618882191948405, 2.0618882191948405)).norm() < 1e-14);
/// let (sr, cr) = fresnel(2.5);
/// let (s, c) = fresnel_complex(Complex64::new(2.5, 0.0));
/// assert!((s.re - sr).abs() < 1e-16 && (c.re - cr).abs() < 1e-16);
/// ```
pub fn fresnel_complex(z: Complex64) -> (Complex64, Complex64) {
    let (x, y) = (z.re, z.im);
    if !(x.is_finite() && y.is_finite()) {
        let nan = c(f64::NAN, f64::NAN);
        return (nan, nan);
    }
    if y == 0.0 {
        let (s, cc) = fresnel(x);
        return (c(s, y), c(cc, y));
    }
    if x.abs() < y.abs() {
        // rotate onto the right half-plane: z = i·(-iz)
        let (s, cc) = fresnel_complex(c(y, -x));
        return (c(s.im, -s.re), c(-cc.im, cc.re));
    }
    if x < 0.0 {
        let (s, cc) = fresnel_right(-z);
        return (-s, -cc);
    }
    fresnel_right(z)
}

/// Voigt profile: the convolution of a normal density (standard deviation
/// `sigma`) with a Cauchy density (half-width `gamma`), at `x`.
///
/// SciPy: `scipy.special.voigt_profile(x, sigma, gamma)`. `sigma = 0` gives
/// the Cauchy density, `gamma = 0` the normal one; the sign of `sigma`
/// carries to the result and that of `gamma` is ignored, as in SciPy.
///
/// ```text
/// V(x; σ, γ) = Re w((x + iγ)/(σ√2)) / (σ√(2π))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::voigt_profile;
/// assert!((voigt_profile(1.0, 1.0, 1.0) - 0.16579566268916646).abs() < 1e-16);
/// // gamma = 0: the normal density
/// let g = (-0.5f64).exp() / (2.0 * std::f64::consts::PI).sqrt();
/// assert!((voigt_profile(1.0, 1.0, 0.0) - g).abs() < 1e-16);
/// ```
pub fn voigt_profile(x: f64, sigma: f64, gamma: f64) -> f64 {
    if x.is_nan() || sigma.is_nan() || gamma.is_nan() {
        return f64::NAN;
    }
    let (s, g) = (sigma.abs(), gamma.abs());
    let v = if s == 0.0 {
        if g == 0.0 {
            return if x == 0.0 { f64::INFINITY } else { 0.0 };
        }
        // Cauchy density, scaled so that x² + γ² cannot overflow
        let m = x.abs().max(g);
        (g / m) / (PI * m * ((x / m).powi(2) + (g / m).powi(2)))
    } else if s.is_infinite() || g.is_infinite() || x.is_infinite() {
        0.0
    } else {
        let r = std::f64::consts::SQRT_2 * s;
        wofz(c(x.abs() / r, g / r)).re / (r * PI.sqrt())
    };
    if sigma < 0.0 { -v } else { v }
}
