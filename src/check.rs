//! Argument checks shared by every module, so that every function reports bad
//! input the same way: which argument, what was wrong, and the offending value.

use crate::linalg::Scalar;
use crate::{Error, Result};
use ndarray::{ArrayRef, Dimension};

/// Builds [`Error::InvalidArgument`].
pub(crate) fn invalid(name: &'static str, reason: impl Into<String>) -> Error {
    Error::InvalidArgument {
        name,
        reason: reason.into(),
    }
}

/// Fails unless `a` has at least one element.
pub(crate) fn nonempty<A, D: Dimension>(name: &'static str, a: &ArrayRef<A, D>) -> Result<()> {
    if a.is_empty() {
        return Err(invalid(
            name,
            format!("must not be empty (shape {:?})", a.shape()),
        ));
    }
    Ok(())
}

/// Fails unless every element of `a` is finite (for linalg, SciPy's
/// `check_finite`); real or complex elements.
pub(crate) fn finite<T: Scalar, D: Dimension>(
    name: &'static str,
    a: &ArrayRef<T, D>,
) -> Result<()> {
    if let Some(v) = a.iter().find(|v| !v.is_finite_value()) {
        return Err(invalid(
            name,
            format!("must contain only finite values, found {v}"),
        ));
    }
    Ok(())
}

/// Fails unless `a` is a square matrix.
pub(crate) fn square<A>(name: &'static str, a: &ArrayRef<A, ndarray::Ix2>) -> Result<usize> {
    let (m, n) = a.dim();
    if m != n {
        return Err(Error::ShapeMismatch {
            name,
            expected: vec![m, m],
            got: vec![m, n],
        });
    }
    Ok(n)
}

/// Fails unless `got == expected` along the stated shape.
pub(crate) fn shape(name: &'static str, expected: &[usize], got: &[usize]) -> Result<()> {
    if expected != got {
        return Err(Error::ShapeMismatch {
            name,
            expected: expected.to_vec(),
            got: got.to_vec(),
        });
    }
    Ok(())
}

/// Fails unless `x` is finite and `x >= 0`.
pub(crate) fn non_negative(name: &'static str, x: f64) -> Result<()> {
    if !(x >= 0.0 && x.is_finite()) {
        return Err(invalid(
            name,
            format!("must be finite and non-negative, got {x}"),
        ));
    }
    Ok(())
}

/// Fails unless `x` is finite and `x > 0`.
pub(crate) fn positive(name: &'static str, x: f64) -> Result<()> {
    if !(x > 0.0 && x.is_finite()) {
        return Err(invalid(
            name,
            format!("must be finite and positive, got {x}"),
        ));
    }
    Ok(())
}

/// Resolves a possibly negative axis (Python style) against `ndim`.
pub(crate) fn axis(name: &'static str, axis: isize, ndim: usize) -> Result<usize> {
    let resolved = if axis < 0 { axis + ndim as isize } else { axis };
    if resolved < 0 || resolved >= ndim as isize {
        return Err(invalid(
            name,
            format!("axis {axis} is out of bounds for an array of dimension {ndim}"),
        ));
    }
    Ok(resolved as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::{Array2, array};

    #[test]
    fn messages_name_the_argument_and_value() {
        let e = non_negative("tol", -1.0).unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid argument `tol`: must be finite and non-negative, got -1"
        );
        assert!(positive("h", 0.0).is_err());
        assert!(positive("h", f64::NAN).is_err());
        assert!(positive("h", 1e-300).is_ok());
        let e = finite("x", &array![1.0, f64::NAN]).unwrap_err();
        assert!(e.to_string().contains("NaN"), "{e}");
        assert!(nonempty("x", &Array2::<f64>::zeros((0, 3))).is_err());
    }

    #[test]
    fn square_reports_the_shape() {
        let e = square("a", &Array2::<f64>::zeros((2, 3))).unwrap_err();
        assert!(matches!(e, Error::ShapeMismatch { name: "a", ref got, .. } if got == &[2, 3]));
        assert_eq!(square("a", &Array2::<f64>::zeros((0, 0))).unwrap(), 0);
        assert!(shape("b", &[3], &[3]).is_ok());
        assert!(shape("b", &[3], &[4]).is_err());
    }

    #[test]
    fn axes_resolve_like_numpy() {
        assert_eq!(axis("axis", -1, 3).unwrap(), 2);
        assert_eq!(axis("axis", 0, 1).unwrap(), 0);
        assert!(axis("axis", 3, 3).is_err());
        assert!(axis("axis", -4, 3).is_err());
    }
}
