//! The fast Hankel transform (FFTLog, Hamilton 2000): `fht`, `ifht`, `fhtoffset`.
//!
//! A Hankel transform on a logarithmic grid is a convolution, computed with
//! one real FFT pair and the coefficients
//!
//! ```text
//! u_m = 2^q · Γ(x₊ + iy_m) / Γ(x₋ − iy_m) · exp(2iy_m (ln 2 − ln kr)),
//! x± = (μ + 1 ± q)/2,  y_m = π m / (n·dln),  m = 0..=n/2
//! ```

use crate::fft::common::{FftOptions, zero_points};
use crate::fft::into_dim;
use crate::fft::real::{irfft_with, rfft};
use crate::{Result, check};
use ndarray::{Array, ArrayD, ArrayRef, Axis, Dimension};
use num_complex::Complex64;
use std::f64::consts::{LN_2, PI};

/// Options of [`fht_with`] and [`ifht_with`]: SciPy's keywords `offset`
/// (`ln(kr)` of the output grid, default 0) and `bias` (power-law bias `q`, default 0).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FhtOptions {
    /// `ln(k_c r_c)`, the offset of the output grid.
    pub offset: f64,
    /// Exponent `q` of the power-law bias.
    pub bias: f64,
}

/// Options of [`fhtoffset_with`]: SciPy's keywords `initial` and `bias`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FhtoffsetOptions {
    /// Starting guess for the offset.
    pub initial: f64,
    /// Exponent `q` of the power-law bias.
    pub bias: f64,
}

/// `ln Γ(z)` on a branch continuous for `Im z > 0` and `Re z > 0` (any branch
/// serves where only `exp` of it is used): recurrence up to `Re z ≥ 15`, then
/// Stirling's series.
fn ln_gamma(z: Complex64) -> Complex64 {
    const B: [f64; 8] = [
        1.0 / 12.0,
        -1.0 / 360.0,
        1.0 / 1260.0,
        -1.0 / 1680.0,
        1.0 / 1188.0,
        -691.0 / 360360.0,
        1.0 / 156.0,
        -3617.0 / 122400.0,
    ];
    let mut z = z;
    let mut shift = Complex64::new(0.0, 0.0);
    while z.re < 15.0 {
        shift += z.ln();
        z += 1.0;
    }
    let iz2 = (z * z).inv();
    let mut term = z.inv();
    let mut series = Complex64::new(0.0, 0.0);
    for b in B {
        series += term * b;
        term *= iz2;
    }
    (z - 0.5) * z.ln() - z + 0.5 * (2.0 * PI).ln() + series - shift
}

/// `Γ(a)/Γ(b)` for real `a`, `b`, with SciPy's limits at poles (0 or ∞).
fn gamma_ratio(a: f64, b: f64) -> f64 {
    let pole = |x: f64| x <= 0.0 && x == x.floor();
    match (pole(a), pole(b)) {
        (true, true) => {
            // Γ(-j)/Γ(-k) → (-1)^(j-k) k!/j!
            let (j, k) = (-a, -b);
            let mut r = 1.0;
            let (lo, hi) = if j > k { (k, j) } else { (j, k) };
            let mut t = lo + 1.0;
            while t <= hi {
                r *= t;
                t += 1.0;
            }
            let sign = if ((j - k) as i64) % 2 == 0 { 1.0 } else { -1.0 };
            sign * if j > k { 1.0 / r } else { r }
        }
        (true, false) => f64::INFINITY,
        (false, true) => 0.0,
        (false, false) => {
            let l = ln_gamma(Complex64::new(a, 0.0)) - ln_gamma(Complex64::new(b, 0.0));
            l.exp().re
        }
    }
}

/// The FFTLog coefficients `u_0..=u_{n/2}`.
fn coefficients(n: usize, dln: f64, mu: f64, offset: f64, q: f64) -> Vec<Complex64> {
    let (xp, xm) = ((mu + 1.0 + q) / 2.0, (mu + 1.0 - q) / 2.0);
    let mut u: Vec<Complex64> = (0..=n / 2)
        .map(|m| {
            let y = PI * m as f64 / (n as f64 * dln);
            let l = ln_gamma(Complex64::new(xp, y)) - ln_gamma(Complex64::new(xm, -y))
                + Complex64::new(LN_2 * q, 2.0 * y * (LN_2 - offset));
            l.exp()
        })
        .collect();
    if n.is_multiple_of(2) {
        let last = u.len() - 1;
        u[last].im = 0.0;
    }
    u[0] = Complex64::new(2f64.powf(q) * gamma_ratio(xp, xm), 0.0);
    u
}

fn check_grid(a_shape: &[usize], dln: f64, mu: f64) -> Result<usize> {
    if a_shape.is_empty() {
        return Err(check::invalid("a", "must have at least one dimension"));
    }
    let n = a_shape[a_shape.len() - 1];
    if n == 0 {
        return Err(zero_points("a"));
    }
    if !(dln.is_finite() && dln != 0.0) {
        return Err(check::invalid(
            "dln",
            format!("must be finite and non-zero, got {dln}"),
        ));
    }
    if !mu.is_finite() {
        return Err(check::invalid("mu", format!("must be finite, got {mu}")));
    }
    Ok(n)
}

/// Multiplies every lane along the last axis by `f(j)`.
fn weight(a: &mut ArrayD<f64>, f: impl Fn(usize) -> f64) {
    let last = a.ndim() - 1;
    for mut lane in a.lanes_mut(Axis(last)) {
        for (j, v) in lane.iter_mut().enumerate() {
            *v *= f(j);
        }
    }
}

fn transform<D: Dimension>(
    a: &ArrayRef<f64, D>,
    dln: f64,
    mu: f64,
    opts: &FhtOptions,
    inverse: bool,
) -> Result<Array<f64, D>> {
    let n = check_grid(a.shape(), dln, mu)?;
    let (q, offset) = (opts.bias, opts.offset);
    let jc = (n as f64 - 1.0) / 2.0;
    let u = coefficients(n, dln, mu, offset, q);
    let last = a.ndim() - 1;
    let mut x: ArrayD<f64> = a.view().into_dyn().to_owned();
    if inverse {
        if q != 0.0 {
            weight(&mut x, |j| (q * ((j as f64 - jc) * dln + offset)).exp());
        }
        x.invert_axis(Axis(last));
        x = x.as_standard_layout().into_owned();
    } else if q != 0.0 {
        weight(&mut x, |j| (-q * (j as f64 - jc) * dln).exp());
    }
    let mut y = rfft(&x)?;
    for mut lane in y.lanes_mut(Axis(last)) {
        for (v, c) in lane.iter_mut().zip(&u) {
            *v = if !inverse {
                if c.is_finite() {
                    *v * c
                } else {
                    Complex64::new(0.0, 0.0)
                }
            } else if c.norm_sqr() == 0.0 {
                Complex64::new(0.0, 0.0)
            } else {
                *v / c
            };
        }
    }
    let mut r = irfft_with(
        &y,
        &FftOptions {
            n: Some(n),
            ..Default::default()
        },
    )?;
    if inverse {
        if q != 0.0 {
            weight(&mut r, |j| (q * (j as f64 - jc) * dln).exp());
        }
    } else {
        r.invert_axis(Axis(last));
        r = r.as_standard_layout().into_owned();
        if q != 0.0 {
            weight(&mut r, |j| (-q * ((j as f64 - jc) * dln + offset)).exp());
        }
    }
    Ok(into_dim(r))
}

/// Fast Hankel transform of `a` on a logarithmic grid with spacing `dln`
/// (SciPy `scipy.fft.fht(a, dln, mu)`), along the last axis.
///
/// ```text
/// A(k) = ∫₀^∞ a(r) J_μ(kr) k dr,   r_j = r_c exp((j − j_c) dln)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `a`
/// (empty), `dln` (zero or not finite) or `mu` (not finite).
///
/// # Examples
/// ```
/// use ferrosci::fft::{fht, ifht};
/// use ndarray::Array1;
/// // r^(μ+1) e^(-r²/2) is its own Hankel transform for μ = 0.
/// let (n, dln) = (128, 0.1);
/// let r = Array1::from_shape_fn(n, |j| ((j as f64 - 63.5) * dln).exp());
/// let a = r.mapv(|r| r * (-r * r / 2.0).exp());
/// let big = fht(&a, dln, 0.0)?;
/// let back = ifht(&big, dln, 0.0)?;
/// assert!(back.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-12));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fht<D: Dimension>(a: &ArrayRef<f64, D>, dln: f64, mu: f64) -> Result<Array<f64, D>> {
    fht_with(a, dln, mu, &FhtOptions::default())
}

/// [`fht`] with SciPy's keywords `offset` and `bias`.
///
/// # Errors
/// As [`fht`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fht_with, ifht_with, fhtoffset, FhtOptions};
/// use ndarray::Array1;
/// let (n, dln, mu) = (64, 0.05, 0.5);
/// let offset = fhtoffset(dln, mu)?;
/// let o = FhtOptions { offset, bias: 0.3 };
/// let a = Array1::from_shape_fn(n, |j| (-((j as f64 - 31.5) * dln).powi(2)).exp());
/// let back = ifht_with(&fht_with(&a, dln, mu, &o)?, dln, mu, &o)?;
/// assert!(back.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-10));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fht_with<D: Dimension>(
    a: &ArrayRef<f64, D>,
    dln: f64,
    mu: f64,
    opts: &FhtOptions,
) -> Result<Array<f64, D>> {
    transform(a, dln, mu, opts, false)
}

/// Inverse fast Hankel transform (SciPy `scipy.fft.ifht(A, dln, mu)`).
///
/// # Errors
/// As [`fht`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fht, ifht};
/// use ndarray::Array1;
/// let a = Array1::from_shape_fn(32, |j| 1.0 / (1.0 + j as f64));
/// let back = fht(&ifht(&a, 0.2, 1.0)?, 0.2, 1.0)?;
/// assert!(back.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-12));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifht<D: Dimension>(a: &ArrayRef<f64, D>, dln: f64, mu: f64) -> Result<Array<f64, D>> {
    ifht_with(a, dln, mu, &FhtOptions::default())
}

/// [`ifht`] with SciPy's keywords `offset` and `bias`.
///
/// # Errors
/// As [`fht`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fht_with, ifht_with, FhtOptions};
/// use ndarray::Array1;
/// let o = FhtOptions { offset: 0.1, bias: -0.2 };
/// let a = Array1::from_shape_fn(16, |j| (j as f64 * 0.3).cos());
/// let back = fht_with(&ifht_with(&a, 0.1, 0.0, &o)?, 0.1, 0.0, &o)?;
/// assert!(back.iter().zip(&a).all(|(x, y)| (x - y).abs() < 1e-11));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifht_with<D: Dimension>(
    a: &ArrayRef<f64, D>,
    dln: f64,
    mu: f64,
    opts: &FhtOptions,
) -> Result<Array<f64, D>> {
    transform(a, dln, mu, opts, true)
}

/// The offset closest to 0 (or to `initial`) that makes the FFTLog kernel
/// low-ringing (SciPy `scipy.fft.fhtoffset(dln, mu)`).
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `dln`
/// (zero or not finite) or `mu` (not finite).
///
/// # Examples
/// ```
/// let off = ferrosci::fft::fhtoffset(0.1, 0.5)?;
/// assert!(off.abs() <= 0.05 + 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fhtoffset(dln: f64, mu: f64) -> Result<f64> {
    fhtoffset_with(dln, mu, &FhtoffsetOptions::default())
}

/// [`fhtoffset`] with SciPy's keywords `initial` and `bias`.
///
/// ```text
/// arg = (ln 2 − initial)/dln + (Im lnΓ(x₊ + iπ/2dln) + Im lnΓ(x₋ + iπ/2dln))/π
/// offset = initial + (arg − round(arg))·dln
/// ```
///
/// # Errors
/// As [`fhtoffset`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fhtoffset_with, FhtoffsetOptions};
/// let off = fhtoffset_with(0.1, 0.5, &FhtoffsetOptions { initial: 1.0, bias: 0.0 })?;
/// assert!((off - 1.0).abs() <= 0.05 + 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fhtoffset_with(dln: f64, mu: f64, opts: &FhtoffsetOptions) -> Result<f64> {
    check_grid(&[1], dln, mu)?;
    let (lnkr, q) = (opts.initial, opts.bias);
    let (xp, xm) = ((mu + 1.0 + q) / 2.0, (mu + 1.0 - q) / 2.0);
    let y = PI / (2.0 * dln);
    let zp = ln_gamma(Complex64::new(xp, y));
    let zm = ln_gamma(Complex64::new(xm, y));
    let arg = (LN_2 - lnkr) / dln + (zp.im + zm.im) / PI;
    Ok(lnkr + (arg - arg.round_ties_even()) * dln)
}
