//! Input preparation shared by the public functions: validated, owned,
//! row-major working copies.

use super::Scalar;
use crate::check;
use crate::{Error, Result};
use ndarray::{Array2, ArrayRef, ArrayRef2, Dimension};
use num_traits::One;

pub(crate) use crate::check::finite;

/// A row-major copy of the square matrix `a`, after the shape and
/// (optionally) finiteness checks.
pub(crate) fn square_copy<T: Scalar>(
    name: &'static str,
    a: &ArrayRef2<T>,
    check_finite: bool,
) -> Result<Array2<T>> {
    check::square(name, a)?;
    if check_finite {
        finite(name, a)?;
    }
    Ok(a.as_standard_layout().into_owned())
}

/// A row-major `n × k` copy of a right-hand side that is either a vector of
/// length `n` (k = 1) or an `n × k` matrix.
pub(crate) fn rhs_copy<T: Scalar, D: Dimension>(
    name: &'static str,
    b: &ArrayRef<T, D>,
    n: usize,
    check_finite: bool,
) -> Result<Array2<T>> {
    let shape = b.shape();
    let k = match shape.len() {
        1 => 1,
        2 => shape[1],
        d => {
            return Err(check::invalid(
                name,
                format!("must be a vector or a matrix, got {d} dimensions (shape {shape:?})"),
            ));
        }
    };
    if shape[0] != n {
        let mut expected = shape.to_vec();
        expected[0] = n;
        return Err(Error::ShapeMismatch {
            name,
            expected,
            got: shape.to_vec(),
        });
    }
    if check_finite {
        finite(name, b)?;
    }
    let flat: Vec<T> = b.iter().copied().collect(); // logical (row-major) order
    Ok(Array2::from_shape_vec((n, k), flat).expect("n·k elements"))
}

/// Reshapes an `n × k` solution back to the right-hand side's dimension.
pub(crate) fn rhs_back<T: Scalar, D: Dimension>(
    x: Array2<T>,
    like: &ArrayRef<T, D>,
) -> ndarray::Array<T, D> {
    x.into_shape_with_order(like.raw_dim())
        .expect("solution has the right-hand side's shape")
}

/// The identity matrix as a view-compatible owned array.
pub(crate) fn eye<T: Scalar>(n: usize) -> Array2<T> {
    Array2::from_shape_fn((n, n), |(i, j)| if i == j { T::one() } else { T::zero() })
}

/// `x / y` without the overflow of the textbook complex quotient
/// (num_complex squares `|y|`, so `|y| > 1e154` gives 0 or NaN): complex
/// division goes through `|y|`; real division is left as it is.
pub(crate) fn div<T: Scalar>(x: T, y: T) -> T {
    if !T::IS_COMPLEX {
        return x / y;
    }
    let m = y.modulus();
    let inv = T::Real::one() / m;
    x.scale_real(inv) * y.conj().scale_real(inv)
}
