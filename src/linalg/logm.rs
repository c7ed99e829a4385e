//! The matrix logarithm and fractional powers by inverse scaling and
//! squaring on the Schur form.

use super::matfun_util::{mm, schur_c64, to_c64, unschur};
use super::triangular_fun::{logm_tri, parlett, power_tri};
use super::util::{eye, finite};
use super::{MaybeComplex, Scalar, inv, svdvals};
use crate::{Error, Result, check};
use ndarray::{Array2, ArrayRef2};
use num_complex::Complex64;

/// Computes the principal matrix logarithm, the inverse of [`expm`](crate::linalg::expm).
///
/// SciPy: `scipy.linalg.logm(A)`. Real input gives a real result unless an
/// eigenvalue lies on the negative real axis (then complex, as SciPy).
///
/// Method: complex Schur form, then inverse scaling and squaring with Padé
/// approximants of degree `m ≤ 7` in partial fractions (Al-Mohy and Higham,
/// 2012, Algorithm 4.1, as SciPy), with the diagonal and first superdiagonal
/// computed directly.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `A` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity; [`Error::Singular`] if `A` is singular (the logarithm does
/// not exist; SciPy warns and perturbs the zero eigenvalues to 1e-20).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{expm, logm};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 3.0], [1.0, 4.0]];
/// let l = logm(&a)?.into_real().expect("real logarithm");
/// assert!((expm(&l)? - &a).iter().all(|d| d.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn logm<T: Scalar>(a: &ArrayRef2<T>) -> Result<MaybeComplex<T::Real>> {
    check::square("A", a)?;
    finite("A", a)?;
    let (t, z) = schur_c64(to_c64(a), !T::IS_COMPLEX)?;
    nonsingular(&t)?;
    Ok(MaybeComplex::from_c64(
        unschur(logm_tri(&t), &z),
        !T::IS_COMPLEX,
    ))
}

fn nonsingular(t: &Array2<Complex64>) -> Result<()> {
    match t.diag().iter().position(|d| *d == Complex64::new(0.0, 0.0)) {
        Some(pivot) => Err(Error::Singular { pivot }),
        None => Ok(()),
    }
}

/// `A^k` for an integer `k` by repeated squaring (`A⁻¹` first if `k < 0`).
fn integer_power(a: &Array2<Complex64>, k: i64) -> Result<Array2<Complex64>> {
    let mut base = if k < 0 { inv(a)? } else { a.clone() };
    let mut e = k.unsigned_abs();
    let mut acc = eye::<Complex64>(a.nrows());
    while e > 0 {
        if e & 1 == 1 {
            acc = mm(&acc, &base);
        }
        e >>= 1;
        if e > 0 {
            base = mm(&base, &base);
        }
    }
    Ok(acc)
}

/// Computes the matrix power `A^t` for any real `t`.
///
/// SciPy: `scipy.linalg.fractional_matrix_power(A, t)`.
///
/// Integer `t` is repeated squaring (of `A⁻¹` for `t < 0`). Otherwise, as
/// SciPy: `t = a + b` with integer `a` and `|b| < 1` chosen from the
/// 2-norm condition number, `A^t = A^a · A^b`, and `A^b` by Higham and
/// Lin's Schur–Padé algorithm (inverse scaling and squaring with the
/// continued fraction of `(1 − x)^b`). A singular `A` with `t > 0` falls
/// back to the Schur–Parlett recurrence on `x^frac(t)`, as SciPy.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `A` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity in `A` or `t`; [`Error::Singular`] for a singular `A` with
/// `t < 0` (SciPy returns a matrix of NaN).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{fractional_matrix_power, sqrtm};
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 1.0], [0.5, 3.0]];
/// let half = fractional_matrix_power(&a, 0.5)?.into_real().unwrap();
/// let root = sqrtm(&a)?.into_real().unwrap();
/// assert!((&half - &root).iter().all(|d| d.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fractional_matrix_power<T: Scalar>(
    a: &ArrayRef2<T>,
    t: f64,
) -> Result<MaybeComplex<T::Real>> {
    let n = check::square("A", a)?;
    finite("A", a)?;
    if !t.is_finite() {
        return Err(check::invalid("t", format!("must be finite, got {t}")));
    }
    let real = !T::IS_COMPLEX;
    let ac = to_c64(a);
    if t == t.trunc() {
        return Ok(MaybeComplex::from_c64(integer_power(&ac, t as i64)?, real));
    }
    if n == 0 {
        return Ok(MaybeComplex::from_c64(ac, real));
    }
    let s = svdvals(&ac)?;
    let (smax, smin) = (s[0], s[n - 1]);
    if smin > 0.0 {
        // Split t = a + b to keep the remainder's condition in check.
        let k2 = smax / smin;
        let (p1, p2) = (t - t.floor(), t - t.ceil());
        let (ia, b) = if p1 * k2.powf(1.0 - p1) <= -p2 * k2 {
            (t.floor() as i64, p1)
        } else {
            (t.ceil() as i64, p2)
        };
        let (tt, z) = schur_c64(ac.clone(), real)?;
        if nonsingular(&tt).is_ok() {
            let r = unschur(power_tri(&tt, b), &z);
            let q = integer_power(&ac, ia)?;
            return Ok(MaybeComplex::from_c64(mm(&q, &r), real));
        }
    }
    if t < 0.0 {
        let (tt, _) = schur_c64(ac, real)?;
        return Err(nonsingular(&tt)
            .err()
            .unwrap_or(Error::Singular { pivot: n - 1 }));
    }
    let (ia, b) = (t.floor() as i64, t - t.floor());
    let (tt, z) = schur_c64(ac.clone(), real)?;
    let fd: Vec<Complex64> = tt
        .diag()
        .iter()
        .map(|&x| {
            if x == Complex64::new(0.0, 0.0) {
                x
            } else {
                x.powf(b)
            }
        })
        .collect();
    let r = unschur(parlett(&tt, &fd).0, &z);
    let q = integer_power(&ac, ia)?;
    Ok(MaybeComplex::from_c64(mm(&q, &r), real))
}
