//! Trigonometric and hyperbolic matrix functions, defined through the
//! exponential exactly as SciPy defines them (so the answers agree).

use super::expm::expm_unchecked;
use super::matfun_util::{CMat, from_c, to_c};
use super::solve::solve;
use super::util::finite;
use super::{RealScalar, Scalar};
use crate::{Result, check};
use ndarray::{Array2, ArrayRef2};
use num_complex::Complex;

/// `exp(±i·A)` in complex arithmetic (the minus sign only when asked).
fn exp_i<T: Scalar>(a: &ArrayRef2<T>, both: bool) -> (CMat<T>, Option<CMat<T>>)
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    let ia = a.mapv(|v| {
        let z = to_c(v);
        Complex::new(-z.im, z.re)
    });
    let plus = expm_unchecked(&ia);
    let minus = both.then(|| expm_unchecked(&ia.mapv(|z| -z)));
    (plus, minus)
}

fn checked<T: Scalar>(a: &ArrayRef2<T>) -> Result<()> {
    check::square("A", a)?;
    finite("A", a)
}

/// Computes the matrix cosine.
///
/// SciPy: `scipy.linalg.cosm(A)`, computed as SciPy does: `Re(e^{iA})` for
/// real `A`, `(e^{iA} + e^{−iA})/2` for complex `A`.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `A` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cosm, sinm};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 3.0], [1.0, 4.0]];
/// let (c, s) = (cosm(&a)?, sinm(&a)?);
/// // cos² + sin² = I for commuting cos(A), sin(A).
/// let id = c.dot(&c) + s.dot(&s);
/// assert!((id - ndarray::Array2::<f64>::eye(2)).iter().all(|d| d.abs() < 1e-12));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cosm<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    checked(a)?;
    let half = T::Real::from_f64_real(0.5);
    Ok(if T::IS_COMPLEX {
        let (p, m) = exp_i(a, true);
        let m = m.expect("asked for both");
        ndarray::Zip::from(&p)
            .and(&m)
            .map_collect(|&x, &y| from_c((x + y).scale_real(half)))
    } else {
        exp_i(a, false)
            .0
            .mapv(|z| from_c(Complex::new(z.re, num_traits::Zero::zero())))
    })
}

/// Computes the matrix sine.
///
/// SciPy: `scipy.linalg.sinm(A)`: `Im(e^{iA})` for real `A`,
/// `−i·(e^{iA} − e^{−iA})/2` for complex `A`.
///
/// # Errors
/// As [`cosm`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::sinm;
/// use ndarray::array;
///
/// // A nilpotent N: sin(N) = N (the series stops after the linear term).
/// let n = array![[0.0_f64, 2.0], [0.0, 0.0]];
/// assert!((sinm(&n)? - &n).iter().all(|d| d.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn sinm<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    checked(a)?;
    let half = T::Real::from_f64_real(0.5);
    Ok(if T::IS_COMPLEX {
        let (p, m) = exp_i(a, true);
        let m = m.expect("asked for both");
        // −i·(x − y)/2
        ndarray::Zip::from(&p).and(&m).map_collect(|&x, &y| {
            let d = (x - y).scale_real(half);
            from_c(Complex::new(d.im, -d.re))
        })
    } else {
        exp_i(a, false)
            .0
            .mapv(|z| from_c(Complex::new(z.im, num_traits::Zero::zero())))
    })
}

/// Computes the matrix tangent, `cos(A)⁻¹·sin(A)`.
///
/// SciPy: `scipy.linalg.tanm(A)` (`solve(cosm(A), sinm(A))`).
///
/// # Errors
/// As [`cosm`]; [`Error::Singular`](crate::Error::Singular) if `cos(A)` is
/// singular (SciPy raises `LinAlgError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::tanm;
/// use ndarray::array;
///
/// let t = tanm(&array![[0.5_f64, 0.0], [0.0, -0.25]])?;
/// assert!((t[[0, 0]] - 0.5_f64.tan()).abs() < 1e-15);
/// assert!((t[[1, 1]] + 0.25_f64.tan()).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn tanm<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>>
where
    Complex<T::Real>: Scalar<Real = T::Real>,
{
    solve(&cosm(a)?, &sinm(a)?)
}

/// `(e^A + s·e^{−A}) / 2` for `s = ±1`.
fn exp_pair<T: Scalar>(a: &ArrayRef2<T>, sign: f64) -> Result<Array2<T>> {
    checked(a)?;
    let p = expm_unchecked(a);
    let m = expm_unchecked(&a.mapv(|v| -v));
    let half = T::Real::from_f64_real(0.5);
    let sign = T::from_f64(sign);
    Ok(ndarray::Zip::from(&p)
        .and(&m)
        .map_collect(|&x, &y| (x + sign * y).scale_real(half)))
}

/// Computes the hyperbolic matrix cosine, `(e^A + e^{−A})/2`.
///
/// SciPy: `scipy.linalg.coshm(A)`.
///
/// # Errors
/// As [`cosm`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{coshm, sinhm};
/// use ndarray::array;
///
/// let a = array![[0.2_f64, 1.0], [-0.5, 0.3]];
/// let (c, s) = (coshm(&a)?, sinhm(&a)?);
/// // cosh² − sinh² = I.
/// let id = c.dot(&c) - s.dot(&s);
/// assert!((id - ndarray::Array2::<f64>::eye(2)).iter().all(|d| d.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn coshm<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    exp_pair(a, 1.0)
}

/// Computes the hyperbolic matrix sine, `(e^A − e^{−A})/2`.
///
/// SciPy: `scipy.linalg.sinhm(A)`.
///
/// # Errors
/// As [`cosm`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::sinhm;
/// use ndarray::array;
///
/// let s = sinhm(&array![[1.5_f64]])?;
/// assert!((s[[0, 0]] - 1.5_f64.sinh()).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn sinhm<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    exp_pair(a, -1.0)
}

/// Computes the hyperbolic matrix tangent, `cosh(A)⁻¹·sinh(A)`.
///
/// SciPy: `scipy.linalg.tanhm(A)` (`solve(coshm(A), sinhm(A))`).
///
/// # Errors
/// As [`cosm`]; [`Error::Singular`](crate::Error::Singular) if `cosh(A)` is
/// singular.
///
/// # Examples
/// ```
/// use ferrosci::linalg::tanhm;
/// use ndarray::array;
///
/// let t = tanhm(&array![[0.0_f64, 0.0], [0.0, 20.0]])?;
/// assert!((t[[1, 1]] - 1.0).abs() < 1e-15 && t[[0, 0]].abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn tanhm<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    solve(&coshm(a)?, &sinhm(a)?)
}
