//! The Faddeeva function `w(z) = e^{-z²} erfc(-iz)` and, through it, the
//! error functions of complex argument, `erfi` and Dawson's integral.
//!
//! In the upper half-plane `w(z) = (i/π) ∫ e^{-t²}/(z - t) dt`. Near the real
//! axis (`0 ≤ y ≤ 8`, `|x| ≤ 30`) the integral is the trapezoidal rule with
//! step `h = 7/16` on nodes `t = x ± (k + ½)h` centred on `x`, plus the pole
//! term `2e^{-z²}/(1 + e^{2πy/h})` (Chiarella & Reichel 1968; the grid shift
//! that keeps `x` midway between nodes is the idea behind Zaghloul & Ali's
//! Algorithm 916). Aliasing error is `O(e^{-π²/h²}) ≈ 4e-23`; the nodes pair
//! up as `e^{-(x-s)²}[(y(1 + e^{-4xs}), s(1 - e^{-4xs})]/(s² + y²)`, sums of
//! positive terms, so real and imaginary parts both keep their relative
//! accuracy (`Re w ≈ e^{-x²}` on the axis, `Im w ∝ x` near 0). Farther out,
//! Laplace's continued fraction. The lower half-plane uses
//! `w(z) = 2e^{-z²} - w(-z)`, and `e^{-z²}` is formed from exact products of
//! `x² - y²` and `2xy` so its large exponents and phases are not rounded.

use super::dawsn::dawsn;
use super::erf::{erf, erfc};
use num_complex::Complex64;
use std::f64::consts::PI;

/// Trapezoid step: `(k + ½)h` is exact in binary.
const H: f64 = 0.4375;
/// Nodes beyond `|t| = 7` weigh `e^{-49}`, below rounding.
const T_MAX: f64 = 7.0;
/// `1/√π` and `2/√π`, `√π/2`.
const FRAC_1_SQRT_PI: f64 = 0.5641895835477563;
const FRAC_2_SQRT_PI: f64 = std::f64::consts::FRAC_2_SQRT_PI;
const SQRT_PI_2: f64 = 0.886226925452758;

fn c(re: f64, im: f64) -> Complex64 {
    Complex64::new(re, im)
}

fn nan_c() -> Complex64 {
    c(f64::NAN, f64::NAN)
}

/// `a·b` as an unevaluated sum `hi + lo`, exact.
#[inline(always)]
fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    (p, a.mul_add(b, -p))
}

/// `a/b` without the overflow of `|b|²` (Smith's algorithm).
pub(crate) fn cdiv(a: Complex64, b: Complex64) -> Complex64 {
    if b.re.abs() >= b.im.abs() {
        let r = b.im / b.re;
        let d = b.re + b.im * r;
        c((a.re + a.im * r) / d, (a.im - a.re * r) / d)
    } else {
        let r = b.re / b.im;
        let d = b.re * r + b.im;
        c((a.re * r + a.im) / d, (a.im * r - a.re) / d)
    }
}

/// `e^{-z²}·m`, with `y² - x²` and `2xy` carried exactly (two-product
/// corrections) and the exponential split in two, so that neither a large
/// exponent nor an intermediate over/underflow costs accuracy.
pub(crate) fn exp_neg_sq_mul(z: Complex64, m: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    let (xh, xl) = two_prod(x, x);
    let (yh, yl) = two_prod(y, y);
    let s = yh - xh;
    let b = s - yh;
    let s_lo = finite_or_zero((yh - (s - b)) + (-xh - b) + (yl - xl));
    // On the axes the phase is exactly 0 (also when the other part is ±∞).
    let (ph, pl) = if x == 0.0 || y == 0.0 {
        (0.0, 0.0)
    } else {
        two_prod(2.0 * x, y)
    };
    let pl = finite_or_zero(pl);
    let (sn, cs) = ph.sin_cos();
    // e^{-iθ}, θ = ph + pl
    let phase = c(cs - pl * sn, -(sn + pl * cs));
    if m == c(0.0, 0.0) {
        return m;
    }
    let half = 0.5 * s;
    // s_lo is below ulp(s)/2; past |s| ~ 1e8 that is no longer small.
    let corr = if s_lo.abs() < 1e-8 {
        1.0 + s_lo
    } else {
        s_lo.exp()
    };
    let f = half.exp() * corr;
    let r = m * phase;
    let r = c(scale(r.re, f), scale(r.im, f));
    let g = if s.is_finite() { (s - half).exp() } else { f };
    // 0·∞ would give NaN components where the true value is a plain product.
    c(scale(r.re, g), scale(r.im, g))
}

/// The rounding error term of a two-product, 0 where the product overflowed.
fn finite_or_zero(a: f64) -> f64 {
    if a.is_finite() { a } else { 0.0 }
}

/// `a·g` with `0·∞ = 0` (an exact zero component stays zero).
fn scale(a: f64, g: f64) -> f64 {
    if a == 0.0 { 0.0 } else { a * g }
}

/// The trapezoidal sum (without the pole term) for `x, y ≥ 0`.
///
/// `e^{-(x-s)²}` and `e^{-4xs}` run by recurrence over the nodes (ratios
/// `e^{±2(x-s)h - h²}` and `e^{-4xh}`), outward from the node nearest `x`
/// so that the rounding they accumulate sits on the smallest weights;
/// `1 - e^{-4xs}` is `expm1` where it is not near 1.
fn trapezoid(x: f64, y: f64) -> Complex64 {
    let k_lo = ((x - T_MAX) / H - 0.5).ceil().max(0.0) as usize;
    let k_hi = ((x + T_MAX) / H - 0.5).floor() as usize;
    let kc = ((x / H - 0.5).round().max(0.0) as usize).clamp(k_lo, k_hi);
    let y2 = y * y;
    let q = (-2.0 * H * H).exp();
    let bstep = (-4.0 * x * H).exp();
    let (mut re, mut im) = (0.0, 0.0);
    let mut add = |s: f64, a: f64, b: f64| {
        let em = if b > 0.25 {
            -(-4.0 * x * s).exp_m1()
        } else {
            1.0 - b
        };
        let a = a / (s * s + y2);
        re += a * (2.0 - em);
        im += a * (s * em);
    };
    let sc = (kc as f64 + 0.5) * H;
    let tc = x - sc;
    let ac = (-(tc * tc)).exp();
    let bc = (-4.0 * x * sc).exp();
    add(sc, ac, bc);
    // upward: a_{k+1} = a_k e^{2t h - h²}, then the ratio shrinks by q
    let (mut a, mut r, mut b) = (ac, (2.0 * tc * H - H * H).exp(), bc);
    for k in kc + 1..=k_hi {
        a *= r;
        r *= q;
        b *= bstep;
        add((k as f64 + 0.5) * H, a, b);
    }
    // downward: a_{k-1} = a_k e^{-2t h - h²}
    let (mut a, mut r, mut b) = (ac, (-2.0 * tc * H - H * H).exp(), bc);
    for k in (k_lo..kc).rev() {
        a *= r;
        r *= q;
        b /= bstep;
        add((k as f64 + 0.5) * H, a, b);
    }
    c(re * y * (H / PI), im * (H / PI))
}

/// `2/(1 + e^{2πy/h})`, the weight of `e^{-z²}` in the pole term.
fn pole_weight(y: f64) -> f64 {
    2.0 / (1.0 + (2.0 * PI / H * y).exp())
}

/// Laplace's continued fraction `(i/√π)/(z - ½/(z - 1/(z - 3/2/(z - …))))`
/// for `y ≥ 0` away from the origin.
fn continued_fraction(z: Complex64) -> Complex64 {
    let r = z.norm();
    let n = if r > 200.0 {
        4
    } else if r > 50.0 {
        8
    } else {
        16
    };
    let mut t = c(0.0, 0.0);
    for k in (1..=n).rev() {
        t = cdiv(c(0.5 * k as f64, 0.0), z - t);
    }
    cdiv(c(0.0, FRAC_1_SQRT_PI), z - t)
}

/// Whether `(x, y)`, `x, y ≥ 0`, is in the trapezoidal region.
fn near_axis(x: f64, y: f64) -> bool {
    y <= 8.0 && x <= 30.0
}

/// `w(z)` for `x ≥ 0`, `y ≥ 0`, finite.
fn w_quadrant(x: f64, y: f64) -> Complex64 {
    if near_axis(x, y) {
        let z = c(x, y);
        trapezoid(x, y) + exp_neg_sq_mul(z, c(pole_weight(y), 0.0))
    } else {
        continued_fraction(c(x, y))
    }
}

/// `w(z)` for `y ≥ 0` (the upper half-plane, where `|w| ≤ 1`).
fn w_upper(z: Complex64) -> Complex64 {
    if z.re.is_infinite() || z.im.is_infinite() {
        return c(0.0, 0.0);
    }
    let w = w_quadrant(z.re.abs(), z.im);
    if z.re < 0.0 { w.conj() } else { w }
}

/// Faddeeva function `w(z) = e^{-z²} erfc(-iz)`.
///
/// SciPy: `scipy.special.wofz`. Bounded by 1 in the upper half-plane;
/// grows like `2e^{-z²}` in the lower one. `w(x)` on the real axis is
/// `e^{-x²} + (2i/√π) D(x)` with `D` Dawson's integral.
///
/// ```text
/// w(z) = e^{-z²} erfc(-iz) = (i/π) ∫ e^{-t²}/(z - t) dt   (Im z > 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::wofz;
/// use num_complex::Complex64;
/// let w = wofz(Complex64::new(0.0, 1.0));
/// assert!((w.re - 0.42758357615580705).abs() < 1e-16 && w.im == 0.0);
/// let w = wofz(Complex64::new(1.0, 0.0));
/// assert!((w.re - (-1.0f64).exp()).abs() < 1e-16);
/// ```
pub fn wofz(z: Complex64) -> Complex64 {
    if z.re == 0.0 && z.im.is_nan() {
        // w(iy) is real
        return c(f64::NAN, 0.0);
    }
    if z.re.is_nan() || z.im.is_nan() {
        return nan_c();
    }
    if z.im >= 0.0 {
        return w_upper(z);
    }
    if z.re.is_infinite() && z.im.is_finite() {
        return c(0.0, 0.0);
    }
    if z.im.is_infinite() {
        // 2e^{-z²}: real +∞ on the imaginary axis, no defined phase elsewhere
        return if z.re == 0.0 {
            c(f64::INFINITY, 0.0)
        } else {
            nan_c()
        };
    }
    exp_neg_sq_mul(z, c(2.0, 0.0)) - w_upper(-z)
}

/// `erf(z)` by its Taylor series, `|z| < 1`.
fn erf_taylor(z: Complex64) -> Complex64 {
    let z2 = z * z;
    let mut term = c(1.0, 0.0);
    let mut sum = c(1.0, 0.0);
    for n in 1..40 {
        term *= -z2 / n as f64;
        let t = term / (2 * n + 1) as f64;
        sum += t;
        if t.norm() <= 1e-17 * sum.norm() {
            break;
        }
    }
    z * sum * FRAC_2_SQRT_PI
}

/// `erf(x + iy)` for small `x·max(1, |y|)` by Taylor's series in `x` about
/// `iy`: `erf^{(n)}(iy) = (2/√π) e^{y²} (-1)^{n-1} H_{n-1}(iy)` with
/// `H_k(iy) = i^k h_k(y)`, `h_{k+1} = 2y h_k + 2k h_{k-1}`. Keeps `Re erf`,
/// `≈ 2x e^{y²}/√π`, relatively accurate where `1 - e^{-z²}w(iz)` cancels.
fn erf_near_imag(x: f64, y: f64) -> Complex64 {
    // sum = Σ_{n≥1} x^n/n! (-i)^{n-1} h_{n-1}(y), imaginary part seeded by D(y).
    let (mut h_prev, mut h) = (0.0, 1.0);
    let mut p = x; // x^n/n!
    let (mut re, mut im) = (0.0, dawsn(y));
    for n in 1..60 {
        let t = p * h;
        // (-i)^{n-1}: 1, -i, -1, i for n-1 = 0, 1, 2, 3 (mod 4)
        match (n - 1) % 4 {
            0 => re += t,
            1 => im -= t,
            2 => re -= t,
            _ => im += t,
        }
        if t.abs() <= 1e-17 * (re.abs() + im.abs()) {
            break;
        }
        let k = (n - 1) as f64;
        let h_next = 2.0 * y * h + 2.0 * k * h_prev;
        h_prev = h;
        h = h_next;
        p *= x / (n + 1) as f64;
    }
    exp_neg_sq_mul(c(0.0, y), c(re, im) * FRAC_2_SQRT_PI)
}

/// Error function of complex argument.
///
/// SciPy: `scipy.special.erf` on complex input. Odd, and
/// `erf(conj z) = conj erf(z)`; `erf(iy) = i erfi(y)`.
///
/// ```text
/// erf(z) = 2/√π ∫₀^z e^{-t²} dt = 1 - e^{-z²} w(iz)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::erf_complex;
/// use num_complex::Complex64;
/// let e = erf_complex(Complex64::new(1.0, 1.0));
/// assert!((e - Complex64::new(1.3161512816979477, 0.19045346923783471)).norm() < 1e-15);
/// ```
pub fn erf_complex(z: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    if y == 0.0 {
        return c(erf(x), y);
    }
    if x == 0.0 {
        return c(x, erfi(y));
    }
    if x.is_nan() || y.is_nan() {
        return nan_c();
    }
    if y.is_infinite() {
        // e^{y²} growth with an undefined phase
        return nan_c();
    }
    if x < 0.0 {
        return -erf_complex(-z);
    }
    if z.norm() < 1.0 {
        return erf_taylor(z);
    }
    if x * y.abs().max(1.0) < 0.3 {
        return erf_near_imag(x, y);
    }
    if x.is_infinite() {
        return c(1.0, 0.0);
    }
    c(1.0, 0.0) - exp_neg_sq_mul(z, w_upper(c(-y, x)))
}

/// Complementary error function of complex argument.
///
/// SciPy: `scipy.special.erfc` on complex input.
///
/// ```text
/// erfc(z) = 1 - erf(z) = e^{-z²} w(iz)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{erf_complex, erfc_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(2.0, -0.5);
/// assert!((erfc_complex(z) + erf_complex(z) - 1.0).norm() < 1e-15);
/// ```
pub fn erfc_complex(z: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    if y == 0.0 {
        return c(erfc(x), -y);
    }
    if x == 0.0 {
        return c(1.0, -erfi(y));
    }
    if x.is_nan() || y.is_nan() || y.is_infinite() {
        return nan_c();
    }
    if x.is_infinite() {
        return c(if x > 0.0 { 0.0 } else { 2.0 }, 0.0);
    }
    if x >= 0.0 {
        exp_neg_sq_mul(z, w_upper(c(-y, x)))
    } else {
        c(2.0, 0.0) - exp_neg_sq_mul(z, w_upper(c(y, -x)))
    }
}

/// Scaled complementary error function of complex argument.
///
/// SciPy: `scipy.special.erfcx` on complex input.
///
/// ```text
/// erfcx(z) = e^{z²} erfc(z) = w(iz)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{erfcx, erfcx_complex};
/// use num_complex::Complex64;
/// let v = erfcx_complex(Complex64::new(3.0, 0.0));
/// assert!((v.re - erfcx(3.0)).abs() < 1e-16 && v.im == 0.0);
/// ```
pub fn erfcx_complex(z: Complex64) -> Complex64 {
    wofz(c(-z.im, z.re))
}

/// Imaginary error function of complex argument.
///
/// SciPy: `scipy.special.erfi` on complex input.
///
/// ```text
/// erfi(z) = -i erf(iz) = 2/√π ∫₀^z e^{t²} dt
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{erf_complex, erfi_complex};
/// use num_complex::Complex64;
/// let z = Complex64::new(0.3, 1.7);
/// let i = Complex64::new(0.0, 1.0);
/// assert!((erfi_complex(z) + i * erf_complex(i * z)).norm() < 1e-15);
/// ```
pub fn erfi_complex(z: Complex64) -> Complex64 {
    let e = erf_complex(c(-z.im, z.re));
    c(e.im, -e.re)
}

/// `D(z)` by its Taylor series, `|z| < 1/2`.
fn dawsn_taylor(z: Complex64) -> Complex64 {
    let z2 = z * z;
    let mut term = c(1.0, 0.0);
    let mut sum = c(1.0, 0.0);
    for n in 1..40 {
        term *= -2.0 * z2 / (2 * n + 1) as f64;
        sum += term;
        if term.norm() <= 1e-17 * sum.norm() {
            break;
        }
    }
    z * sum
}

/// Dawson's integral of complex argument.
///
/// SciPy: `scipy.special.dawsn` on complex input. Odd, and
/// `D(conj z) = conj D(z)`.
///
/// ```text
/// D(z) = e^{-z²} ∫₀^z e^{t²} dt = (i√π/2) (e^{-z²} - w(z))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{dawsn, dawsn_complex};
/// use num_complex::Complex64;
/// let d = dawsn_complex(Complex64::new(1.5, 0.0));
/// assert!((d.re - dawsn(1.5)).abs() < 1e-16 && d.im == 0.0);
/// ```
pub fn dawsn_complex(z: Complex64) -> Complex64 {
    let (x, y) = (z.re, z.im);
    if y == 0.0 {
        return c(dawsn(x), y);
    }
    if x == 0.0 {
        // D(iy) = i (√π/2) e^{y²} erf(y)
        let v = exp_neg_sq_mul(c(0.0, y), c(erf(y), 0.0));
        return c(x, SQRT_PI_2 * v.re);
    }
    if x.is_nan() || y.is_nan() {
        return nan_c();
    }
    if y < 0.0 {
        return -dawsn_complex(-z);
    }
    if x < 0.0 {
        return -dawsn_complex(c(-x, y)).conj();
    }
    if z.norm() < 0.5 {
        return dawsn_taylor(z);
    }
    if x.is_infinite() {
        return if y.is_finite() { c(0.0, 0.0) } else { nan_c() };
    }
    if y.is_infinite() {
        return nan_c();
    }
    // e^{-z²} - w(z); in the trapezoidal region w = S + (1 - tanh(πy/h)) e^{-z²}.
    let d = if near_axis(x, y) {
        exp_neg_sq_mul(z, c((PI / H * y).tanh(), 0.0)) - trapezoid(x, y)
    } else {
        exp_neg_sq_mul(z, c(1.0, 0.0)) - continued_fraction(z)
    };
    c(-d.im, d.re) * SQRT_PI_2
}

/// Imaginary error function `erfi(x) = -i erf(ix)`.
///
/// SciPy: `scipy.special.erfi` (real argument). Overflows to `±∞` past
/// `|x| ≈ 26.6`.
///
/// ```text
/// erfi(x) = 2/√π ∫₀^x e^{t²} dt = (2/√π) e^{x²} D(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::erfi;
/// assert!((erfi(1.0) - 1.6504257587975428).abs() < 1e-15);
/// assert_eq!(erfi(30.0), f64::INFINITY);
/// ```
pub fn erfi(x: f64) -> f64 {
    if x.is_infinite() {
        return x;
    }
    exp_neg_sq_mul(c(0.0, x), c(FRAC_2_SQRT_PI * dawsn(x), 0.0)).re
}
