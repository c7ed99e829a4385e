//! The one error type of the crate.

/// Everything that can go wrong in ferrosci.
///
/// Each variant carries the numbers that explain it: which argument, what shape,
/// which pivot, how many iterations. Running out of an iteration budget in an
/// optimiser is reported through the result's status, not here; `NotConverged`
/// is for algorithms that have no usable answer without convergence
/// (an eigenvalue iteration, a matrix square root).
///
/// ```
/// use ferrosci::Error;
///
/// let e = Error::ShapeMismatch { name: "b", expected: vec![3], got: vec![4] };
/// assert_eq!(e.to_string(), "shape mismatch in `b`: expected [3], got [4]");
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
#[allow(missing_docs)] // each variant is documented; field names speak for themselves
pub enum Error {
    /// An argument has the wrong shape, or two arguments' shapes disagree.
    #[error("shape mismatch in `{name}`: expected {expected:?}, got {got:?}")]
    ShapeMismatch {
        name: &'static str,
        expected: Vec<usize>,
        got: Vec<usize>,
    },
    /// A factorization met an exactly zero pivot: the matrix is singular.
    #[error("matrix is singular (zero pivot at index {pivot})")]
    Singular { pivot: usize },
    /// An iteration did not reach its tolerance within its budget.
    #[error("did not converge after {iterations} iterations (residual {residual:e})")]
    NotConverged { iterations: usize, residual: f64 },
    /// An argument is outside the function's domain.
    #[error("invalid argument `{name}`: {reason}")]
    InvalidArgument { name: &'static str, reason: String },
    /// Reading or writing a file or stream failed.
    #[error("I/O error: {0}")]
    Io(#[from] std::io::Error),
    /// Input data (a file, a string) does not follow its format.
    #[error("malformed input at {location}: {what}")]
    Malformed { location: String, what: String },
}

/// `Result` with [`Error`] as the default error type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
