//! Vector and matrix norms and condition numbers: `norm`, `cond`.

use super::solve::inv;
use super::svd::svdvals;
use super::util::finite;
use super::{RealScalar, Scalar};
use crate::{Result, check};
use ndarray::{ArrayRef, ArrayRef2, Dimension, Ix2};
use num_traits::{Float, Zero};

/// The order of a norm (SciPy `ord`, numpy `p`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NormOrd {
    /// Frobenius norm of a matrix (`'fro'`).
    Fro,
    /// Nuclear norm of a matrix: the sum of its singular values (`'nuc'`).
    Nuc,
    /// `inf`: max |x| of a vector; max row sum of |a| of a matrix.
    Inf,
    /// `-inf`: min |x| of a vector; min row sum of |a| of a matrix.
    NegInf,
    /// A number `p`. Vectors: `(Σ|x|ᵖ)^(1/p)`, `p = 0` counting non-zeros.
    /// Matrices accept `1`, `-1` (max/min column sum), `2`, `-2`
    /// (largest/smallest singular value).
    P(f64),
}

/// Options for [`norm_with`]: SciPy's keywords of `scipy.linalg.norm`.
#[derive(Debug, Clone, PartialEq)]
pub struct NormOptions {
    /// Norm order (SciPy `ord`); `None` is the 2-norm of the flattened array
    /// (Frobenius for matrices).
    pub ord: Option<NormOrd>,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for NormOptions {
    fn default() -> Self {
        NormOptions {
            ord: None,
            check_finite: true,
        }
    }
}

/// 2-norm without overflow or underflow: scale by the largest modulus first.
pub(crate) fn two_norm<'a, T: Scalar>(x: impl Iterator<Item = &'a T> + Clone) -> T::Real {
    let scale = x.clone().fold(T::Real::zero(), |s, v| s.max(v.modulus()));
    if scale == T::Real::zero() || scale.is_infinite() {
        return scale;
    }
    let inv = scale.recip();
    scale
        * x.fold(T::Real::zero(), |s, v| s + v.scale_real(inv).abs2())
            .sqrt()
}

fn vector_norm<T: Scalar>(x: &[T], p: f64) -> Result<T::Real> {
    let abs = || x.iter().map(|v| v.modulus());
    let zero = T::Real::zero();
    Ok(if p == f64::INFINITY {
        abs().fold(zero, |s, v| s.max(v))
    } else if p == f64::NEG_INFINITY {
        abs().fold(T::Real::infinity(), |s, v| s.min(v))
    } else if p == 0.0 {
        T::Real::from_f64_real(x.iter().filter(|v| **v != T::zero()).count() as f64)
    } else if p == 1.0 {
        abs().fold(zero, |s, v| s + v)
    } else if p == 2.0 {
        two_norm(x.iter())
    } else if p.is_nan() {
        return Err(check::invalid("ord", "must not be NaN"));
    } else {
        let pr = T::Real::from_f64_real(p);
        abs().fold(zero, |s, v| s + v.powf(pr)).powf(pr.recip())
    })
}

fn matrix_norm<T: Scalar>(a: &ArrayRef2<T>, ord: NormOrd) -> Result<T::Real> {
    let row_sums = || {
        a.rows()
            .into_iter()
            .map(|r| r.iter().fold(T::Real::zero(), |s, v| s + v.modulus()))
    };
    let col_sums = || {
        a.columns()
            .into_iter()
            .map(|c| c.iter().fold(T::Real::zero(), |s, v| s + v.modulus()))
    };
    let max = |it: &mut dyn Iterator<Item = T::Real>| it.fold(T::Real::zero(), |s, v| s.max(v));
    let min = |it: &mut dyn Iterator<Item = T::Real>| it.fold(T::Real::infinity(), |s, v| s.min(v));
    Ok(match ord {
        NormOrd::Fro => two_norm(a.iter()),
        NormOrd::Nuc => svdvals(a)?.iter().fold(T::Real::zero(), |s, &v| s + v),
        NormOrd::Inf => max(&mut row_sums()),
        NormOrd::NegInf => min(&mut row_sums()),
        NormOrd::P(p) if p == f64::INFINITY => max(&mut row_sums()),
        NormOrd::P(p) if p == f64::NEG_INFINITY => min(&mut row_sums()),
        NormOrd::P(1.0) => max(&mut col_sums()),
        NormOrd::P(-1.0) => min(&mut col_sums()),
        NormOrd::P(2.0) => svdvals(a)?.first().copied().unwrap_or(T::Real::zero()),
        NormOrd::P(-2.0) => svdvals(a)?.last().copied().unwrap_or(T::Real::zero()),
        NormOrd::P(p) => {
            return Err(check::invalid(
                "ord",
                format!("invalid norm order {p} for matrices"),
            ));
        }
    })
}

/// The 2-norm of a vector, or the Frobenius norm of a matrix (of any array,
/// flattened), computed without overflow.
///
/// SciPy: `scipy.linalg.norm(a)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::norm;
/// use ndarray::array;
///
/// assert_eq!(norm(&array![3.0_f64, -4.0])?, 5.0);
/// assert_eq!(norm(&array![[1e200_f64, 0.0], [0.0, 1e200]])?, 2f64.sqrt() * 1e200);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn norm<T: Scalar, D: Dimension>(a: &ArrayRef<T, D>) -> Result<T::Real> {
    norm_with(a, &NormOptions::default())
}

/// [`norm`] of a given order: vector norms for 1-D input, matrix norms for 2-D.
///
/// SciPy: `scipy.linalg.norm(a, ord=...)`.
///
/// ```text
/// vectors:  ‖x‖_p = (Σ |xᵢ|ᵖ)^(1/p);  inf: max |xᵢ|;  0: number of non-zeros
/// matrices: 1: max column sum;  inf: max row sum;  2: σ_max;  nuc: Σ σᵢ;  fro: √(Σ |aᵢⱼ|²)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or
/// infinity, an order that does not apply (`Fro` for a vector, `P(3)` for a
/// matrix), or an order on an array of more than two dimensions.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{norm_with, NormOptions, NormOrd};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, -2.0], [3.0, 4.0]];
/// let ord = |o| NormOptions { ord: Some(o), ..Default::default() };
/// assert_eq!(norm_with(&a, &ord(NormOrd::P(1.0)))?, 6.0); // max column sum
/// assert_eq!(norm_with(&a, &ord(NormOrd::Inf))?, 7.0); // max row sum
/// assert_eq!(norm_with(&array![3.0_f64, -4.0], &ord(NormOrd::P(1.0)))?, 7.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn norm_with<T: Scalar, D: Dimension>(
    a: &ArrayRef<T, D>,
    opts: &NormOptions,
) -> Result<T::Real> {
    if opts.check_finite {
        finite("a", a)?;
    }
    let Some(ord) = opts.ord else {
        return Ok(two_norm(a.iter()));
    };
    match a.ndim() {
        1 => {
            let p = match ord {
                NormOrd::Inf => f64::INFINITY,
                NormOrd::NegInf => f64::NEG_INFINITY,
                NormOrd::P(p) => p,
                NormOrd::Fro | NormOrd::Nuc => {
                    return Err(check::invalid(
                        "ord",
                        format!("invalid norm order {ord:?} for vectors"),
                    ));
                }
            };
            let x: Vec<T> = a.iter().copied().collect();
            vector_norm(&x, p)
        }
        2 => {
            let m = a.view().into_dimensionality::<Ix2>().expect("2-D");
            matrix_norm(&m, ord)
        }
        d => Err(check::invalid(
            "ord",
            format!("a norm order needs a vector or a matrix, got {d} dimensions"),
        )),
    }
}

/// Condition number in the 2-norm: `σ_max / σ_min` (∞ for a singular matrix).
///
/// numpy: `numpy.linalg.cond(a)`. Any `M × N` matrix.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::cond;
/// use ndarray::array;
///
/// assert!((cond(&array![[1.0_f64, 0.0], [0.0, 1e-3]])? - 1e3).abs() < 1e-9);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cond<T: Scalar>(a: &ArrayRef2<T>) -> Result<T::Real> {
    let s = svdvals(a)?;
    let (Some(&hi), Some(&lo)) = (s.first(), s.last()) else {
        return Err(check::invalid(
            "a",
            "the condition number of an empty matrix is undefined",
        ));
    };
    Ok(hi / lo)
}

/// Condition number in another norm: `‖a‖ · ‖a⁻¹‖` (∞ if `a` is singular).
///
/// numpy: `numpy.linalg.cond(a, p)`. `P(2.0)` and `P(-2.0)` use singular
/// values and accept any shape; the other orders need a square matrix.
///
/// # Errors
/// As [`norm_with`]; [`Error::ShapeMismatch`](crate::Error::ShapeMismatch)
/// for a non-square matrix with an order other than ±2.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cond_with, NormOrd};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [3.0, 4.0]];
/// assert!((cond_with(&a, NormOrd::Fro)? - 15.0).abs() < 1e-12);
/// assert!(cond_with(&array![[1.0_f64, 2.0], [2.0, 4.0]], NormOrd::P(1.0))?.is_infinite());
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cond_with<T: Scalar>(a: &ArrayRef2<T>, p: NormOrd) -> Result<T::Real> {
    match p {
        NormOrd::P(2.0) => cond(a),
        NormOrd::P(-2.0) => Ok(cond(a)?.recip()),
        _ => {
            check::square("a", a)?;
            let opts = NormOptions {
                ord: Some(p),
                check_finite: true,
            };
            let na = norm_with(a, &opts)?;
            match inv(a) {
                Ok(ai) => Ok(na * norm_with(&ai, &opts)?),
                Err(crate::Error::Singular { .. }) => Ok(T::Real::infinity()),
                Err(e) => Err(e),
            }
        }
    }
}
