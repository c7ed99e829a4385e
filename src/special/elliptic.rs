//! Legendre's elliptic integrals and the Jacobi elliptic functions.
//!
//! Complete `K` by the arithmetic-geometric mean (Gauss), complete `E` and the
//! incomplete integrals through Carlson's forms (DLMF 19.25.1, 19.25.5), the
//! Jacobi functions by the descending Landen / AGM scheme (DLMF 22.20).

use super::carlson::{elliprd, elliprf};
use std::f64::consts::{FRAC_PI_2, PI};

/// `π/(2·AGM(1, b))` for `0 < b`, i.e. `K(1 - b²)`.
#[inline]
fn k_agm(b: f64) -> f64 {
    let mut a = 1.0;
    let mut b = b;
    // Quadratic convergence: 5 steps cover b ≥ 1e-4; the loop runs on only
    // for m very close to 1.
    for _ in 0..5 {
        let an = 0.5 * (a + b);
        b = (a * b).sqrt();
        a = an;
    }
    for _ in 0..40 {
        if a - b <= 1e-15 * a {
            break;
        }
        let an = 0.5 * (a + b);
        b = (a * b).sqrt();
        a = an;
    }
    PI / (a + b)
}

/// Complete elliptic integral of the first kind, `K(m)`.
///
/// SciPy: `scipy.special.ellipk` (parameter `m = k²`). `∞` at `m = 1`, NaN for
/// `m > 1`, 0 at `m = -∞`.
///
/// ```text
/// K(m) = ∫_0^{π/2} dθ / √(1 - m sin²θ) = π / (2 AGM(1, √(1-m)))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::ellipk;
/// assert!((ellipk(0.0) - std::f64::consts::FRAC_PI_2).abs() < 1e-16);
/// assert_eq!(ellipk(1.0), f64::INFINITY);
/// ```
pub fn ellipk(m: f64) -> f64 {
    ellipkm1(1.0 - m)
}

/// `K(1 - p)`, accurate for `p` near 0 (`m` near 1).
///
/// SciPy: `scipy.special.ellipkm1`. `∞` at `p = 0`, NaN for `p < 0`.
///
/// ```text
/// ellipkm1(p) = K(1 - p) ≈ ln(4/√p) as p → 0
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{ellipk, ellipkm1};
/// assert_eq!(ellipkm1(0.25), ellipk(0.75));
/// assert!((ellipkm1(1e-300) - (4.0 / 1e-150f64).ln()).abs() < 1e-12);
/// ```
pub fn ellipkm1(p: f64) -> f64 {
    if p > 0.0 && p < f64::INFINITY {
        return k_agm(p.sqrt());
    }
    if p == 0.0 {
        f64::INFINITY
    } else if p == f64::INFINITY {
        0.0
    } else {
        f64::NAN
    }
}

/// Complete elliptic integral of the second kind, `E(m)`.
///
/// SciPy: `scipy.special.ellipe`. NaN for `m > 1`, `∞` at `m = -∞`.
///
/// ```text
/// E(m) = ∫_0^{π/2} √(1 - m sin²θ) dθ = 2 R_G(0, 1-m, 1)
///      = (1-m) R_F(0, 1, 1-m) + (1-m) m R_D(0, 1, 1-m) / 3     (no cancellation)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::ellipe;
/// assert_eq!(ellipe(1.0), 1.0);
/// assert!((ellipe(0.0) - std::f64::consts::FRAC_PI_2).abs() < 1e-16);
/// ```
pub fn ellipe(m: f64) -> f64 {
    if m.is_nan() || m > 1.0 {
        return f64::NAN;
    }
    if m == 1.0 {
        return 1.0;
    }
    if m == f64::NEG_INFINITY {
        return f64::INFINITY;
    }
    if m < -1e200 {
        // Imaginary-modulus transformation E(m) = √(1-m) E(m/(m-1)) (DLMF 19.7.5),
        // keeping the Carlson arguments in range.
        let y = 1.0 / (1.0 - m);
        return (1.0 - m).sqrt() * e_via_carlson(y, 1.0 - y);
    }
    e_via_carlson(1.0 - m, m)
}

/// `y R_F(0, 1, y) + y m R_D(0, 1, y)/3` with `y = 1 - m`.
fn e_via_carlson(y: f64, m: f64) -> f64 {
    y * elliprf(0.0, 1.0, y) + y * m * elliprd(0.0, 1.0, y) / 3.0
}

/// Splits `φ = nπ + r` with `|r| ≤ π/2`, using a two-part `π`.
fn reduce_pi(phi: f64) -> (f64, f64) {
    const PI_LO: f64 = 1.2246467991473532e-16;
    let n = (phi / PI).round();
    (n, (phi - n * PI) - n * PI_LO)
}

/// Incomplete elliptic integral of the first kind, `F(φ | m)`.
///
/// SciPy: `scipy.special.ellipkinc`. NaN for `m > 1` (as SciPy), `±∞` for
/// infinite `φ` with `m ≤ 1`.
///
/// ```text
/// F(φ|m) = ∫_0^φ dθ / √(1 - m sin²θ) = sin φ R_F(cos²φ, 1 - m sin²φ, 1)
/// F(φ + nπ | m) = F(φ|m) + 2n K(m)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{ellipk, ellipkinc};
/// let m = 0.3;
/// assert!((ellipkinc(std::f64::consts::FRAC_PI_2, m) - ellipk(m)).abs() < 1e-15);
/// ```
pub fn ellipkinc(phi: f64, m: f64) -> f64 {
    if phi.is_nan() || m.is_nan() || m > 1.0 {
        return f64::NAN;
    }
    if phi.is_infinite() {
        return if m == f64::NEG_INFINITY {
            f64::NAN
        } else {
            phi
        };
    }
    if m == f64::NEG_INFINITY {
        return 0.0;
    }
    let (n, r) = reduce_pi(phi);
    let f = incomplete_f(r, m);
    if n == 0.0 {
        return f;
    }
    if m == 1.0 {
        return f64::INFINITY.copysign(phi);
    }
    2.0 * n * ellipk(m) + f
}

fn incomplete_f(r: f64, m: f64) -> f64 {
    if r == 0.0 {
        return r;
    }
    let (s, c) = r.sin_cos();
    if m == 1.0 && r.abs() >= FRAC_PI_2 {
        return f64::INFINITY.copysign(s);
    }
    s * elliprf(c * c, 1.0 - m * s * s, 1.0)
}

/// Incomplete elliptic integral of the second kind, `E(φ | m)`.
///
/// SciPy: `scipy.special.ellipeinc`. NaN for `m > 1`.
///
/// ```text
/// E(φ|m) = ∫_0^φ √(1 - m sin²θ) dθ
///        = sin φ R_F(c², Δ², 1) - (m/3) sin³φ R_D(c², Δ², 1),  c = cos φ, Δ² = 1 - m sin²φ
/// E(φ + nπ | m) = E(φ|m) + 2n E(m)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{ellipe, ellipeinc};
/// let m = 0.7;
/// assert!((ellipeinc(std::f64::consts::FRAC_PI_2, m) - ellipe(m)).abs() < 1e-15);
/// assert!((ellipeinc(0.4, 0.0) - 0.4).abs() < 1e-16);
/// ```
pub fn ellipeinc(phi: f64, m: f64) -> f64 {
    if phi.is_nan() || m.is_nan() || m > 1.0 {
        return f64::NAN;
    }
    if phi.is_infinite() {
        return phi;
    }
    if m == f64::NEG_INFINITY {
        return f64::INFINITY.copysign(phi);
    }
    let (n, r) = reduce_pi(phi);
    let e = incomplete_e(r, m);
    if n == 0.0 { e } else { 2.0 * n * ellipe(m) + e }
}

fn incomplete_e(r: f64, m: f64) -> f64 {
    if r == 0.0 {
        return r;
    }
    let (s, c) = r.sin_cos();
    let c2 = c * c;
    let d2 = 1.0 - m * s * s;
    if m == 1.0 {
        return s;
    }
    s * elliprf(c2, d2, 1.0) - m / 3.0 * s * s * s * elliprd(c2, d2, 1.0)
}

/// Jacobi elliptic functions `sn`, `cn`, `dn` and the amplitude `ph`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ellipj {
    /// `sn(u|m) = sin φ`.
    pub sn: f64,
    /// `cn(u|m) = cos φ`.
    pub cn: f64,
    /// `dn(u|m) = √(1 - m sn²)`.
    pub dn: f64,
    /// The amplitude `φ = am(u|m)`.
    pub ph: f64,
}

/// Jacobi elliptic functions of parameter `0 ≤ m ≤ 1`.
///
/// SciPy: `scipy.special.ellipj(u, m) -> (sn, cn, dn, ph)`. All NaN outside
/// `0 ≤ m ≤ 1` or for non-finite `u`.
///
/// ```text
/// u = F(φ | m),  sn = sin φ,  cn = cos φ,  dn = √(1 - m sin²φ),  ph = φ
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::ellipj;
/// let r = ellipj(0.8, 0.4);
/// assert!((r.sn * r.sn + r.cn * r.cn - 1.0).abs() < 1e-15);
/// assert!((r.dn * r.dn + 0.4 * r.sn * r.sn - 1.0).abs() < 1e-15);
/// ```
pub fn ellipj(u: f64, m: f64) -> Ellipj {
    let nan = Ellipj {
        sn: f64::NAN,
        cn: f64::NAN,
        dn: f64::NAN,
        ph: f64::NAN,
    };
    if !(0.0..=1.0).contains(&m) || !u.is_finite() {
        return nan;
    }
    if m == 0.0 {
        let (sn, cn) = u.sin_cos();
        return Ellipj {
            sn,
            cn,
            dn: 1.0,
            ph: u,
        };
    }
    let m1 = 1.0 - m;
    let ch = u.cosh();
    if m1 * ch * ch < 1e-8 {
        // DLMF 22.10.7-10 to first order in m1 = 1 - m; the neglected
        // O((m1 cosh²u)²) is below rounding here.
        let sh = u.sinh();
        let (th, sech) = (sh / ch, 1.0 / ch);
        let q = 0.25 * m1;
        let gd = sh.atan(); // Gudermannian, no cancellation at small u
        return Ellipj {
            sn: th + q * (th - u * sech * sech),
            cn: sech - q * (sh - u * sech) * th,
            dn: sech + q * (sh + u * sech) * th,
            ph: gd + q * (sh - u * sech),
        };
    }
    // Descending AGM: a_{n+1} = (a+b)/2, b_{n+1} = √(ab), c_{n+1} = (a-b)/2.
    let mut a = [0.0f64; 10];
    let mut c = [0.0f64; 10];
    a[0] = 1.0;
    let mut b = (1.0 - m).sqrt();
    c[0] = m.sqrt();
    let mut n = 0;
    let mut twon = 1.0;
    while c[n].abs() > 1e-16 * a[n] && n < 9 {
        a[n + 1] = 0.5 * (a[n] + b);
        c[n + 1] = 0.5 * (a[n] - b);
        b = (a[n] * b).sqrt();
        n += 1;
        twon *= 2.0;
    }
    let mut phi = twon * a[n] * u;
    let mut prev = phi;
    while n > 0 {
        prev = phi;
        let t = (c[n] * phi.sin() / a[n]).clamp(-1.0, 1.0);
        phi = 0.5 * (t.asin() + phi);
        n -= 1;
    }
    let (sn, cn) = phi.sin_cos();
    Ellipj {
        sn,
        cn,
        dn: cn / (prev - phi).cos(),
        ph: phi,
    }
}
