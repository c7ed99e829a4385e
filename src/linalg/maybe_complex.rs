//! The result of a matrix function that is real for most real inputs but
//! complex for some (SciPy returns a complex array then).

use super::RealScalar;
use ndarray::Array2;
use num_complex::{Complex, Complex64};

/// A matrix that is real or complex, decided by the values (SciPy's
/// `sqrtm`, `logm`, `funm`, `signm` and `fractional_matrix_power` return a
/// real array for real input unless the answer is genuinely complex).
///
/// For real input the `Real` variant comes back when every imaginary part of
/// the complex result is below `1e6·ε` in magnitude (SciPy's `_maybe_real`
/// rule); for complex input the result is always `Complex`.
///
/// ```
/// use ferrosci::linalg::{sqrtm, MaybeComplex};
/// use ndarray::array;
///
/// // A negative eigenvalue: the principal square root is complex.
/// let r = sqrtm(&array![[-4.0_f64, 0.0], [0.0, 9.0]])?;
/// assert!(!r.is_real());
/// let c = r.into_complex();
/// assert!((c[[0, 0]].im - 2.0).abs() < 1e-15 && (c[[1, 1]].re - 3.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum MaybeComplex<R> {
    /// A real matrix.
    Real(Array2<R>),
    /// A complex matrix.
    Complex(Array2<Complex<R>>),
}

impl<R: RealScalar> MaybeComplex<R> {
    /// Whether the value is real.
    ///
    /// ```
    /// use ferrosci::linalg::sqrtm;
    /// use ndarray::array;
    /// assert!(sqrtm(&array![[4.0_f64]])?.is_real());
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn is_real(&self) -> bool {
        matches!(self, MaybeComplex::Real(_))
    }

    /// The real matrix, or `None` if the value is complex.
    ///
    /// ```
    /// use ferrosci::linalg::sqrtm;
    /// use ndarray::array;
    /// let r = sqrtm(&array![[4.0_f64, 0.0], [0.0, 1.0]])?.into_real().unwrap();
    /// assert_eq!(r[[0, 0]], 2.0);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn into_real(self) -> Option<Array2<R>> {
        match self {
            MaybeComplex::Real(a) => Some(a),
            MaybeComplex::Complex(_) => None,
        }
    }

    /// The value as a complex matrix (a real one gets zero imaginary parts).
    ///
    /// ```
    /// use ferrosci::linalg::sqrtm;
    /// use ndarray::array;
    /// let c = sqrtm(&array![[4.0_f64]])?.into_complex();
    /// assert_eq!(c[[0, 0]].re, 2.0);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn into_complex(self) -> Array2<Complex<R>> {
        match self {
            MaybeComplex::Real(a) => a.mapv(|x| Complex::new(x, R::zero())),
            MaybeComplex::Complex(c) => c,
        }
    }

    /// A real result from real input if SciPy's `_maybe_real` rule allows.
    pub(crate) fn from_c64(f: Array2<Complex64>, real_input: bool) -> Self {
        let tol = 1e6 * f64::EPSILON;
        if real_input && f.iter().all(|z| z.im.abs() <= tol) {
            MaybeComplex::Real(f.mapv(|z| R::from_f64_real(z.re)))
        } else {
            MaybeComplex::Complex(
                f.mapv(|z| Complex::new(R::from_f64_real(z.re), R::from_f64_real(z.im))),
            )
        }
    }
}
