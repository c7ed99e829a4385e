//! Legendre's elliptic integrals and the Jacobi elliptic functions.
//!
//! Complete `K` by a fitted logarithmic form, complete `E` and the
//! incomplete integrals through Carlson's forms (DLMF 19.25.1, 19.25.5), the
//! Jacobi functions by the descending Landen / AGM scheme (DLMF 22.20).

use super::carlson::{elliprd, elliprf};
use super::kernels::polevl;
use std::f64::consts::{FRAC_PI_2, PI};

/// `K(1-p) = P(p) - ln(p) Q(p)` on `0 < p ≤ 1`: the classical logarithmic
/// form (DLMF 19.12.1 gives its leading terms), with `P` and `Q` of degree 10
/// fitted for relative error by `tools/fixtures/special_b_fit.py`
/// (worst 3.3e-16 on its test grid). Short and branch-free: no AGM square roots.
const ELLIPK_P: [f64; 11] = [
    1.3862943611198906,
    0.0965735902844632,
    0.030885149714625467,
    0.014938473546091888,
    0.008805009860488574,
    0.006332979450035701,
    0.007318004864595684,
    0.010051925932785994,
    0.007499990679829133,
    0.0019846992717478863,
    0.00011214207034244733,
];
const ELLIPK_Q: [f64; 11] = [
    0.5,
    0.12499999999949402,
    0.07031249916986182,
    0.04882793849139995,
    0.03737303141157611,
    0.030054799531126192,
    0.023547337818183498,
    0.014724364538334594,
    0.005357459470509365,
    0.0007774241035779699,
    2.3624513648644322e-05,
];

#[inline]
fn k_log_form(p: f64) -> f64 {
    polevl(p, &ELLIPK_P) - p.ln() * polevl(p, &ELLIPK_Q)
}

/// Complete elliptic integral of the first kind, `K(m)`.
///
/// SciPy: `scipy.special.ellipk` (parameter `m = k²`). `∞` at `m = 1`, NaN for
/// `m > 1`, 0 at `m = -∞`.
///
/// ```text
/// K(m) = ∫_0^{π/2} dθ / √(1 - m sin²θ) = π / (2 AGM(1, √(1-m)))
///      = P(1-m) - ln(1-m) Q(1-m)    (P, Q polynomials, computed form)
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
    if p > 0.0 && p <= 1.0 {
        return k_log_form(p);
    }
    if p > 1.0 && p < f64::INFINITY {
        // m = 1 - p < 0: K(m) = K(m/(m-1)) / √(1-m), and 1 - m/(m-1) = 1/p.
        return k_log_form(1.0 / p) / p.sqrt();
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
/// assert!((ellipe(0.0) - std::f64::consts::FRAC_PI_2).abs() < 1e-15);
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
    if m < 0.0 {
        // Imaginary-modulus transformation E(m) = √(1-m) E(m/(m-1)) (DLMF 19.7.5):
        // for m < 0 the direct form below cancels (1e-15 at m = -1e10), and
        // the Carlson arguments stay in range for every m.
        let y = 1.0 / (1.0 - m);
        return (1.0 - m).sqrt() * e_via_carlson(y, 1.0 - y);
    }
    e_via_carlson(1.0 - m, m)
}

/// `y R_F(0, 1, y) + y m R_D(0, 1, y)/3` with `y = 1 - m`.
fn e_via_carlson(y: f64, m: f64) -> f64 {
    y * elliprf(0.0, 1.0, y) + y * m * elliprd(0.0, 1.0, y) / 3.0
}

/// Splits `φ = nπ + r` with `|r| ≤ π/2`, using a two-part `π`; ties go
/// towards `n = 0` (at `φ = π/2`, `2K - F(π/2)` would triple the rounding).
fn reduce_pi(phi: f64) -> (f64, f64) {
    const PI_LO: f64 = 1.2246467991473532e-16;
    let t = phi / PI;
    let n = (t.abs() - 0.5).ceil().copysign(t);
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
    // Δ² = 1 - m sin²φ = cos²φ + (1-m) sin²φ, without cancellation near m = 1
    s * elliprf(c * c, c * c + (1.0 - m) * s * s, 1.0)
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
    if m == 1.0 {
        return s;
    }
    let (c2, m1) = (c * c, 1.0 - m);
    let d2 = c2 + m1 * s * s;
    if m <= 0.0 {
        return s * elliprf(c2, d2, 1.0) - m / 3.0 * s * s * s * elliprd(c2, d2, 1.0);
    }
    // 0 < m < 1: the DLMF §19.25(i) form with R_D(c², 1, Δ²), three terms
    // of one sign (the form above cancels as m → 1)
    let f = s * elliprf(c2, d2, 1.0);
    m1 * f + m * m1 / 3.0 * s * s * s * elliprd(c2, 1.0, d2) + m * s * c / d2.sqrt()
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
    if let Some(r) = near_one(u, m1) {
        return r;
    }
    if m1 > 0.0 && m1 < 1e-3 {
        // u reduced by the period 4K, which the ascending steps then cover.
        let k = ellipk(m);
        let turns = (u / (4.0 * k)).round();
        let ur = u - 4.0 * k * turns;
        if let Some((sn, cn, dn)) = ascending(ur, m1, 3) {
            // The amplitude: atan2's angle on the branch of πu/(2K) (they
            // differ by less than π/2).
            let base = sn.atan2(cn);
            let lin = FRAC_PI_2 * ur / k;
            return Ellipj {
                sn,
                cn,
                dn,
                ph: base + 2.0 * PI * (((lin - base) / (2.0 * PI)).round() + turns),
            };
        }
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
    while n > 0 {
        let t = (c[n] * phi.sin() / a[n]).clamp(-1.0, 1.0);
        phi = 0.5 * (t.asin() + phi);
        n -= 1;
    }
    let (sn, cn) = phi.sin_cos();
    // dn² = 1 - m sn² = (1-m) + m cn²: no cancellation (the textbook
    // cn/cos(φ₁-φ₀) is 0/0 at the quarter period).
    Ellipj {
        sn,
        cn,
        dn: (m1 + m * cn * cn).sqrt(),
        ph: phi,
    }
}

/// `(sn, cn, dn)` for `m1 = 1 - m < 1e-3` by up to `steps` ascending Landen
/// steps (DLMF 22.7.4-6): each takes `1 - m` to `k₂'²`, `k₂' = (1-k)/(1+k) ≈
/// m1/4`, until the first-order form [`near_one`] holds at the argument;
/// `None` if it does not within `steps`. The descending AGM would lose the
/// small `√(1-m)` here (5e-11 at `m = 1 - 1e-12`, `u = 8`).
fn ascending(u: f64, m1: f64, steps: u32) -> Option<(f64, f64, f64)> {
    if steps == 0 || m1 >= 1e-3 {
        return None;
    }
    let k = (1.0 - m1).sqrt();
    let k2p = m1 / ((1.0 + k) * (1.0 + k));
    let k2sq = 1.0 - k2p * k2p;
    let w = u / (1.0 + k2p);
    let (sn, cn, dn) = match near_one(w, k2p * k2p) {
        Some(r) => (r.sn, r.cn, r.dn),
        None => ascending(w, k2p * k2p, steps - 1)?,
    };
    Some((
        (1.0 + k2p) * sn * cn / dn,
        (1.0 + k2p) / k2sq * (dn * dn - k2p) / dn,
        (1.0 - k2p) / k2sq * (dn * dn + k2p) / dn,
    ))
}

/// DLMF 22.10.7-10 to first order in `m1 = 1 - m`, when the neglected
/// `O((m1 cosh²u)²)` is below rounding; `None` otherwise.
fn near_one(u: f64, m1: f64) -> Option<Ellipj> {
    let ch = u.cosh();
    // (a NaN product, m1 = 0 with cosh u overflowing, gives None)
    if m1 * ch * ch < 1e-8 {
        let sh = u.sinh();
        let (th, sech) = (sh / ch, 1.0 / ch);
        let q = 0.25 * m1;
        let gd = sh.atan(); // Gudermannian, no cancellation at small u
        return Some(Ellipj {
            sn: th + q * (th - u * sech * sech),
            cn: sech - q * (sh - u * sech) * th,
            dn: sech + q * (sh + u * sech) * th,
            ph: gd + q * (sh - u * sech),
        });
    }
    None
}
