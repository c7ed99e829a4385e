//! Carlson's symmetric elliptic integrals `R_F`, `R_D`, `R_J`, `R_C`, `R_G` of
//! real arguments, by the duplication theorem and a fifth-to-seventh-order
//! Taylor series in the elementary symmetric functions of the deviations.
//!
//! # References
//! B. C. Carlson, "Numerical computation of real or complex elliptic
//! integrals", Numerical Algorithms 10 (1995) 13–26; DLMF §19.20, §19.36.

/// Stop the duplication once `4^{-m}·Q < |A_m|` for `Q` scaled by
/// `(3r)^{-1/6}` (R_F, R_C) or `(r/4)^{-1/6}` (R_D, R_J), `r = 2^-53`.
const RF_SCALE: f64 = 2.6e2; // (3·2^-53)^(-1/6) ≈ 253
const RD_SCALE: f64 = 4.4e2; // (2^-53/4)^(-1/6) ≈ 430

/// A power of 4 `λ` with `λ·max` near 1, so that homogeneous integrals of tiny
/// or huge arguments neither underflow nor overflow; 1 when no scaling is needed.
fn scale_for(max: f64) -> f64 {
    // All-zero arguments need no scaling (and log2(0) = -∞ has no exponent).
    if max == 0.0 || (1e-100..=1e100).contains(&max) {
        return 1.0;
    }
    let e = (max.log2() * 0.5).round() as i32;
    2f64.powi(-2 * e)
}

/// `R_F(x, y, z)` for non-negative arguments with at most one zero, all finite.
fn rf_core(mut x: f64, mut y: f64, mut z: f64) -> f64 {
    let a0 = (x + y + z) / 3.0;
    let mut q = RF_SCALE * (a0 - x).abs().max((a0 - y).abs()).max((a0 - z).abs());
    let mut a = a0;
    for _ in 0..100 {
        if q < a.abs() {
            break;
        }
        let (sx, sy, sz) = (x.sqrt(), y.sqrt(), z.sqrt());
        let lam = sx * (sy + sz) + sy * sz;
        x = 0.25 * (x + lam);
        y = 0.25 * (y + lam);
        z = 0.25 * (z + lam);
        a = 0.25 * (a + lam);
        q *= 0.25;
    }
    let dx = (a - x) / a;
    let dy = (a - y) / a;
    let dz = -(dx + dy);
    let e2 = dx * dy - dz * dz;
    let e3 = dx * dy * dz;
    // Carlson (1995) eq. (2.7) continued to seventh order.
    let s = 1.0 - e2 / 10.0 + e3 / 14.0 + e2 * e2 / 24.0
        - 3.0 * e2 * e3 / 44.0
        - 5.0 * e2 * e2 * e2 / 208.0
        + 3.0 * e3 * e3 / 104.0
        + e2 * e2 * e3 / 16.0;
    s / a.sqrt()
}

/// `R_J(x, y, z, p)` core for finite non-negative `x, y, z` (at most one zero)
/// and `p > 0`; `R_D(x, y, z) = R_J(x, y, z, z)`.
fn rj_core(mut x: f64, mut y: f64, mut z: f64, mut p: f64, rd: bool) -> f64 {
    let a0 = if rd {
        (x + y + 3.0 * z) / 5.0
    } else {
        (x + y + z + 2.0 * p) / 5.0
    };
    let delta = (p - x) * (p - y) * (p - z);
    let mut q = RD_SCALE
        * (a0 - x)
            .abs()
            .max((a0 - y).abs())
            .max((a0 - z).abs())
            .max((a0 - p).abs());
    let mut a = a0;
    let mut pow4 = 1.0;
    let mut sum = 0.0;
    for _ in 0..100 {
        if q < a.abs() {
            break;
        }
        let (sx, sy, sz) = (x.sqrt(), y.sqrt(), z.sqrt());
        let lam = sx * (sy + sz) + sy * sz;
        if rd {
            sum += pow4 / (sz * (z + lam));
        } else {
            let sp = p.sqrt();
            let d = (sp + sx) * (sp + sy) * (sp + sz);
            let e = pow4 * pow4 * pow4 * delta / (d * d);
            sum += pow4 / d * rc_core(1.0, 1.0 + e);
        }
        x = 0.25 * (x + lam);
        y = 0.25 * (y + lam);
        z = 0.25 * (z + lam);
        p = 0.25 * (p + lam);
        a = 0.25 * (a + lam);
        q *= 0.25;
        pow4 *= 0.25;
    }
    let dx = (a - x) / a;
    let dy = (a - y) / a;
    let dz = (a - z) / a;
    let dp = -0.5 * (dx + dy + dz);
    let e2 = dx * dy + dx * dz + dy * dz - 3.0 * dp * dp;
    let e3 = dx * dy * dz + 2.0 * e2 * dp + 4.0 * dp * dp * dp;
    let e4 = (2.0 * dx * dy * dz + e2 * dp + 3.0 * dp * dp * dp) * dp;
    let e5 = dx * dy * dz * dp * dp;
    let s = 1.0 - 3.0 * e2 / 14.0 + e3 / 6.0 + 9.0 * e2 * e2 / 88.0
        - 3.0 * e4 / 22.0
        - 9.0 * e2 * e3 / 52.0
        + 3.0 * e5 / 26.0;
    pow4 * s / (a * a.sqrt()) + if rd { 3.0 * sum } else { 6.0 * sum }
}

/// `R_C(x, y)` for finite `x ≥ 0`, `y > 0`.
fn rc_core(mut x: f64, mut y: f64) -> f64 {
    let a0 = (x + 2.0 * y) / 3.0;
    let mut q = RF_SCALE * (a0 - x).abs();
    let mut a = a0;
    for _ in 0..100 {
        if q < a.abs() {
            break;
        }
        let lam = 2.0 * x.sqrt() * y.sqrt() + y;
        x = 0.25 * (x + lam);
        y = 0.25 * (y + lam);
        a = 0.25 * (a + lam);
        q *= 0.25;
    }
    let s = (y - a) / a;
    // Carlson (1995) eq. (2.49).
    let poly = 1.0
        + s * s
            * (0.3
                + s * (1.0 / 7.0
                    + s * (0.375 + s * (9.0 / 22.0 + s * (159.0 / 208.0 + s * 9.0 / 8.0)))));
    poly / a.sqrt()
}

/// Carlson's completely symmetric integral of the first kind, `R_F(x, y, z)`.
///
/// SciPy: `scipy.special.elliprf` (real arguments). NaN if an argument is
/// negative, `∞` if two are zero, 0 if one is infinite.
///
/// ```text
/// R_F(x, y, z) = ½ ∫_0^∞ dt / √((t+x)(t+y)(t+z))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{elliprf, ellipk};
/// assert!((elliprf(1.0, 2.0, 0.0) - ellipk(0.5) / 2f64.sqrt()).abs() < 1e-15);
/// assert!((elliprf(1.0, 1.0, 1.0) - 1.0).abs() < 1e-16);
/// ```
pub fn elliprf(x: f64, y: f64, z: f64) -> f64 {
    if x.is_nan() || y.is_nan() || z.is_nan() || x < 0.0 || y < 0.0 || z < 0.0 {
        return f64::NAN;
    }
    if x.is_infinite() || y.is_infinite() || z.is_infinite() {
        return 0.0;
    }
    let zeros = usize::from(x == 0.0) + usize::from(y == 0.0) + usize::from(z == 0.0);
    if zeros >= 2 {
        return f64::INFINITY;
    }
    let l = scale_for(x.max(y).max(z));
    rf_core(l * x, l * y, l * z) * l.sqrt()
}

/// Carlson's symmetric integral of the second kind, `R_D(x, y, z)`.
///
/// SciPy: `scipy.special.elliprd` (real arguments). `∞` if `z = 0` or
/// `x = y = 0`; NaN for negative arguments.
///
/// ```text
/// R_D(x, y, z) = (3/2) ∫_0^∞ dt / (√((t+x)(t+y)) (t+z)^{3/2})
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::elliprd;
/// assert!((elliprd(1.0, 1.0, 1.0) - 1.0).abs() < 1e-16);
/// ```
pub fn elliprd(x: f64, y: f64, z: f64) -> f64 {
    if x.is_nan() || y.is_nan() || z.is_nan() || x < 0.0 || y < 0.0 || z < 0.0 {
        return f64::NAN;
    }
    if z == 0.0 || (x == 0.0 && y == 0.0) {
        return f64::INFINITY;
    }
    if x.is_infinite() || y.is_infinite() || z.is_infinite() {
        return 0.0;
    }
    let hi = x.max(y).max(z);
    let lo = [x, y, z]
        .into_iter()
        .filter(|&v| v > 0.0)
        .fold(hi, f64::min);
    let mut l = scale_for(hi);
    if lo * l < 1e-280 {
        // Arguments hundreds of orders apart: scale only as far down as the
        // core needs (its largest product is a^{3/2}, a ≤ 1e204) so that the
        // smallest argument keeps its precision.
        l = 4f64.powi(((1e204 / hi).log2() * 0.5).floor() as i32);
    }
    rj_core(l * x, l * y, l * z, l * z, true) * (l * l.sqrt())
}

/// Carlson's symmetric integral of the third kind, `R_J(x, y, z, p)`.
///
/// SciPy: `scipy.special.elliprj` (real arguments). For `p < 0` the Cauchy
/// principal value (Carlson 1995, eq. (2.22)). `∞` at `p = 0` or with two zero
/// arguments among `x, y, z` (SciPy gives NaN at `p = 0`).
///
/// ```text
/// R_J(x, y, z, p) = (3/2) ∫_0^∞ dt / (√((t+x)(t+y)(t+z)) (t+p))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{elliprd, elliprj};
/// assert!((elliprj(1.0, 2.0, 3.0, 3.0) - elliprd(1.0, 2.0, 3.0)).abs() < 1e-15);
/// ```
pub fn elliprj(x: f64, y: f64, z: f64, p: f64) -> f64 {
    if [x, y, z, p].iter().any(|v| v.is_nan()) || x < 0.0 || y < 0.0 || z < 0.0 {
        return f64::NAN;
    }
    let zeros = usize::from(x == 0.0) + usize::from(y == 0.0) + usize::from(z == 0.0);
    if zeros >= 2 || p == 0.0 {
        return f64::INFINITY;
    }
    if x.is_infinite() || y.is_infinite() || z.is_infinite() || p.is_infinite() {
        return 0.0;
    }
    let l = scale_for(x.max(y).max(z).max(p.abs()));
    let (x, y, z, p) = (l * x, l * y, l * z, l * p);
    let l32 = l * l.sqrt();
    if p > 0.0 {
        return rj_core(x, y, z, p, false) * l32;
    }
    // Principal value (Carlson 1995, eq. (2.22)) with x ≤ y ≤ z.
    let mut v = [x, y, z];
    v.sort_by(f64::total_cmp);
    let [x, y, z] = v;
    let q = y + (z - y) * (y - x) / (y - p);
    let t = x * z - p * q; // > 0 as p < 0 < q
    let rj = rj_core(x, y, z, q, false);
    let rf = rf_core(x, y, z);
    let rc = (x * y * z / t).sqrt() * rc_core(t, -p * q);
    l32 * ((q - y) * rj - 3.0 * rf + 3.0 * rc) / (y - p)
}

/// Carlson's degenerate integral `R_C(x, y) = R_F(x, y, y)`.
///
/// SciPy: `scipy.special.elliprc` (real arguments). For `y < 0` the Cauchy
/// principal value; NaN for `x < 0`; `∞` at `y = 0`.
///
/// ```text
/// R_C(x, y) = ½ ∫_0^∞ dt / (√(t+x) (t+y));   R_C(x, y) = arccos(√(x/y)) / √(y-x) for x < y
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::elliprc;
/// assert!((elliprc(0.0, 1.0) - std::f64::consts::FRAC_PI_2).abs() < 1e-15);
/// ```
pub fn elliprc(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if y == 0.0 {
        return f64::INFINITY;
    }
    if x.is_infinite() || y.is_infinite() {
        return 0.0;
    }
    let l = scale_for(x.max(y.abs()));
    let (x, y) = (l * x, l * y);
    if y > 0.0 {
        rc_core(x, y) * l.sqrt()
    } else {
        // DLMF 19.2.20: R_C(x, y) = √(x/(x-y)) R_C(x-y, -y).
        (x / (x - y)).sqrt() * rc_core(x - y, -y) * l.sqrt()
    }
}

/// Carlson's completely symmetric integral of the second kind, `R_G(x, y, z)`.
///
/// SciPy: `scipy.special.elliprg` (real arguments). NaN for negative arguments.
///
/// ```text
/// R_G(x, y, z) = ¼ ∫_0^∞ (x/(t+x) + y/(t+y) + z/(t+z)) t dt / √((t+x)(t+y)(t+z))
/// 2 R_G = z R_F - (x-z)(y-z) R_D / 3 + √(xy/z)     (z the middle value: no cancellation)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{elliprg, ellipe};
/// assert!((2.0 * elliprg(0.0, 0.5, 1.0) - ellipe(0.5)).abs() < 1e-15);
/// ```
pub fn elliprg(x: f64, y: f64, z: f64) -> f64 {
    if x.is_nan() || y.is_nan() || z.is_nan() || x < 0.0 || y < 0.0 || z < 0.0 {
        return f64::NAN;
    }
    if x.is_infinite() || y.is_infinite() || z.is_infinite() {
        return f64::INFINITY;
    }
    let l = scale_for(x.max(y).max(z));
    let mut v = [l * x, l * y, l * z];
    v.sort_by(f64::total_cmp);
    let [lo, mid, hi] = v;
    if mid == 0.0 {
        return 0.5 * hi.sqrt();
    }
    let t = mid * rf_core(lo, hi, mid)
        - (lo - mid) * (hi - mid) * rj_core(lo, hi, mid, mid, true) / 3.0
        + (lo * hi / mid).sqrt();
    0.5 * t / l.sqrt()
}
