//! Zeros of integer-order Bessel functions and their derivatives.
//!
//! Every zero of `J_n`, `J_n'`, `Y_n`, `Y_n'` lies above `n` (DLMF 10.21(i))
//! and consecutive zeros are more than 1 apart, so a scan from `n` in steps of
//! 1/2 brackets each zero exactly once; the Illinois variant of regula falsi
//! then converges to full precision.

use super::bessel_deriv::{jvp, yvp};
use super::bessel_jy::{jv, yv};
use super::kernels::illinois;
use crate::Result;
use crate::check::invalid;
use ndarray::Array1;

/// The first `nt` positive zeros of `f`, scanning upward from `start`.
fn scan_zeros(f: impl Fn(f64) -> f64, start: f64, nt: usize) -> Array1<f64> {
    const STEP: f64 = 0.5;
    let mut out = Vec::with_capacity(nt);
    let mut x = start.max(STEP * 0.5);
    let mut fx = f(x);
    while out.len() < nt {
        let x1 = x + STEP;
        let f1 = f(x1);
        if fx == 0.0 && x > 0.0 {
            out.push(x);
        } else if fx.signum() != f1.signum() && f1 != 0.0 {
            out.push(illinois(&f, x, x1, fx, f1));
        }
        x = x1;
        fx = f1;
    }
    Array1::from(out)
}

fn check_nt(nt: usize) -> Result<()> {
    if nt == 0 {
        return Err(invalid("nt", "must be a positive number of zeros (got 0)"));
    }
    Ok(())
}

/// The first `nt` positive zeros of `J_n(x)`.
///
/// SciPy: `scipy.special.jn_zeros(n, nt)`.
///
/// ```text
/// J_n(j_{n,k}) = 0,   0 < j_{n,1} < j_{n,2} < …
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `nt == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::jn_zeros;
/// let z = jn_zeros(0, 3)?;
/// assert!((z[0] - 2.404825557695773).abs() < 1e-14);
/// assert!((z[2] - 8.653727912911013).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn jn_zeros(n: u32, nt: usize) -> Result<Array1<f64>> {
    check_nt(nt)?;
    let v = f64::from(n);
    Ok(scan_zeros(|x| jv(v, x), v, nt))
}

/// The first `nt` positive zeros of `J_n'(x)` (for `n = 0`, `x = 0` is excluded).
///
/// SciPy: `scipy.special.jnp_zeros(n, nt)`.
///
/// ```text
/// J_n'(j'_{n,k}) = 0
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `nt == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::jnp_zeros;
/// let z = jnp_zeros(1, 2)?;
/// assert!((z[0] - 1.841183781340659).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn jnp_zeros(n: u32, nt: usize) -> Result<Array1<f64>> {
    check_nt(nt)?;
    let v = f64::from(n);
    Ok(scan_zeros(|x| jvp(v, x, 1), v, nt))
}

/// The first `nt` positive zeros of `Y_n(x)`.
///
/// SciPy: `scipy.special.yn_zeros(n, nt)`.
///
/// ```text
/// Y_n(y_{n,k}) = 0
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `nt == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::yn_zeros;
/// let z = yn_zeros(0, 1)?;
/// assert!((z[0] - 0.8935769662791675).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn yn_zeros(n: u32, nt: usize) -> Result<Array1<f64>> {
    check_nt(nt)?;
    let v = f64::from(n);
    Ok(scan_zeros(|x| yv(v, x), v, nt))
}

/// The first `nt` positive zeros of `Y_n'(x)`.
///
/// SciPy: `scipy.special.ynp_zeros(n, nt)`.
///
/// ```text
/// Y_n'(y'_{n,k}) = 0
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `nt == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::ynp_zeros;
/// let z = ynp_zeros(0, 1)?;
/// assert!((z[0] - 2.197141326031017).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ynp_zeros(n: u32, nt: usize) -> Result<Array1<f64>> {
    check_nt(nt)?;
    let v = f64::from(n);
    Ok(scan_zeros(|x| yvp(v, x, 1), v, nt))
}

/// Zeros of `J_n`, `J_n'`, `Y_n` and `Y_n'` together.
#[derive(Debug, Clone, PartialEq)]
pub struct JnYnZeros {
    /// First `nt` zeros of `J_n`.
    pub jn: Array1<f64>,
    /// First `nt` zeros of `J_n'`.
    pub jnp: Array1<f64>,
    /// First `nt` zeros of `Y_n`.
    pub yn: Array1<f64>,
    /// First `nt` zeros of `Y_n'`.
    pub ynp: Array1<f64>,
}

/// The first `nt` zeros of `J_n`, `J_n'`, `Y_n` and `Y_n'`.
///
/// SciPy: `scipy.special.jnyn_zeros(n, nt) -> (Jn, Jnp, Yn, Ynp)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `nt == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::{jnyn_zeros, jn_zeros};
/// let z = jnyn_zeros(2, 4)?;
/// assert_eq!(z.jn, jn_zeros(2, 4)?);
/// assert!(z.jn[0] < z.jn[1]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn jnyn_zeros(n: u32, nt: usize) -> Result<JnYnZeros> {
    Ok(JnYnZeros {
        jn: jn_zeros(n, nt)?,
        jnp: jnp_zeros(n, nt)?,
        yn: yn_zeros(n, nt)?,
        ynp: ynp_zeros(n, nt)?,
    })
}
