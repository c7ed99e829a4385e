//! The shared vocabulary of the minimizers: the result, its status, bounds,
//! and the callback that watches (and may stop) a run.

use crate::check;
use crate::{Error, Result};
use ndarray::{Array1, Array2, ArrayRef1, ArrayView1};
use std::ops::ControlFlow;

/// Why a minimizer stopped. [`OptimizeResult::success`] is true only for
/// [`Status::Success`].
///
/// SciPy reports the same reasons as integer `status` codes whose meaning
/// depends on the method; [`Status::code`] gives the BFGS-family code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Status {
    /// The method's convergence test passed.
    Success,
    /// `maxiter` iterations were used up.
    MaxIterations,
    /// `maxfev`/`maxfun` function evaluations were used up.
    MaxEvaluations,
    /// The line search (or trust region) could not make progress: the
    /// optimum is reached to machine precision or the gradient is wrong.
    PrecisionLoss,
    /// The objective or its gradient returned NaN or ±inf.
    NanEncountered,
    /// The callback asked to stop.
    CallbackStopped,
    /// The constraints cannot be met together: SLSQP's "Inequality
    /// constraints incompatible" (mode 4) and "More equality constraints
    /// than independent variables" (mode 2), trust-constr's "Constraint
    /// violation exceeds 'gtol'".
    Infeasible,
    /// The method's inner linear-algebra problem failed: SLSQP's LSQ
    /// subproblem hit its iteration limit (mode 3) or a singular or
    /// rank-deficient matrix (modes 5, 6, 7).
    SubproblemFailed,
    /// The line search found no acceptable step along a direction that is
    /// not one of descent: SLSQP's "Positive directional derivative for
    /// linesearch" (mode 8), TNC's "Linear search failed" (code 4).
    LineSearchFailed,
    /// Every variable is fixed by its bounds (`lb == ub`), so there is
    /// nothing to minimize: `fmin_tnc`'s "All lower bounds are equal to the upper
    /// bounds" (code 5). (`minimize` reports such bounds as a success, as SciPy.)
    NoFreeVariables,
}

impl Status {
    /// SciPy's integer code for this status (BFGS/CG numbering; 99 for a
    /// callback stop as in SciPy). The statuses BFGS never reports give the
    /// code of the method that does: SLSQP's mode 4, 6 and 8 for
    /// [`Status::Infeasible`], [`Status::SubproblemFailed`] and
    /// [`Status::LineSearchFailed`], TNC's 5 for [`Status::NoFreeVariables`]
    /// (a constrained method's exact code is in
    /// [`ConstrainedResult::status_code`](super::ConstrainedResult::status_code)).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::Status;
    /// assert_eq!(Status::MaxIterations.code(), 1);
    /// assert_eq!(Status::Infeasible.code(), 4);
    /// ```
    pub fn code(self) -> i32 {
        match self {
            Status::Success => 0,
            Status::MaxIterations => 1,
            Status::PrecisionLoss => 2,
            Status::NanEncountered => 3,
            Status::MaxEvaluations => 4,
            Status::CallbackStopped => 99,
            Status::Infeasible => 4,
            Status::SubproblemFailed => 6,
            Status::LineSearchFailed => 8,
            Status::NoFreeVariables => 5,
        }
    }

    /// SciPy's message for this status (methods with their own wording,
    /// SLSQP and TNC, put theirs in the result's `message`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::Status;
    /// assert_eq!(Status::Infeasible.message(), "Inequality constraints incompatible");
    /// ```
    pub fn message(self) -> &'static str {
        match self {
            Status::Success => "Optimization terminated successfully.",
            Status::MaxIterations => "Maximum number of iterations has been exceeded.",
            Status::MaxEvaluations => "Maximum number of function evaluations has been exceeded.",
            Status::PrecisionLoss => {
                "Desired error not necessarily achieved due to precision loss."
            }
            Status::NanEncountered => "NaN result encountered.",
            Status::CallbackStopped => "`callback` requested a stop.",
            Status::Infeasible => "Inequality constraints incompatible",
            Status::SubproblemFailed => "Singular matrix C in LSQ subproblem",
            Status::LineSearchFailed => "Positive directional derivative for linesearch",
            Status::NoFreeVariables => "All lower bounds are equal to the upper bounds",
        }
    }
}

/// Outcome of a minimizer (SciPy `OptimizeResult`).
///
/// Running out of budget is a [`Status`], not an `Err`: the best iterate is
/// still returned. Counters that a method does not use stay 0; `jac` and
/// `hess_inv` are `None` where the method has none.
#[derive(Debug, Clone)]
pub struct OptimizeResult {
    /// The solution (best point found).
    pub x: Array1<f64>,
    /// Objective value at `x`.
    pub fun: f64,
    /// Gradient at `x`, for gradient-based methods.
    pub jac: Option<Array1<f64>>,
    /// Inverse-Hessian approximation at `x` (BFGS).
    pub hess_inv: Option<Array2<f64>>,
    /// Number of iterations.
    pub nit: usize,
    /// Number of objective evaluations (finite-difference ones included).
    pub nfev: usize,
    /// Number of gradient evaluations.
    pub njev: usize,
    /// Number of Hessian (or Hessian-vector product) evaluations.
    pub nhev: usize,
    /// Why the run stopped.
    pub status: Status,
    /// A human-readable description of `status`.
    pub message: String,
}

impl OptimizeResult {
    /// Whether the method's convergence test passed (SciPy `success`).
    pub fn success(&self) -> bool {
        self.status == Status::Success
    }
}

/// What a callback sees after each iteration (SciPy's `intermediate_result`).
#[derive(Debug, Clone, Copy)]
pub struct Intermediate<'a> {
    /// The current iterate.
    pub x: ArrayView1<'a, f64>,
    /// Objective value at `x`.
    pub fun: f64,
    /// Iterations done so far.
    pub nit: usize,
}

/// A callback: called after every iteration; `ControlFlow::Break(())` stops
/// the run with [`Status::CallbackStopped`] (SciPy: raising `StopIteration`).
pub type Callback<'a> = Box<dyn FnMut(&Intermediate<'_>) -> ControlFlow<()> + 'a>;

/// Box-constraints `lb <= x <= ub` on the variables (SciPy `Bounds`).
///
/// Use `f64::NEG_INFINITY`/`f64::INFINITY` for a missing bound.
#[derive(Debug, Clone, PartialEq)]
pub struct Bounds {
    /// Lower bounds.
    pub lb: Array1<f64>,
    /// Upper bounds.
    pub ub: Array1<f64>,
    /// Per variable: keep every iterate, and every point where the
    /// objective is evaluated, inside these bounds (SciPy `keep_feasible`;
    /// default false). As in SciPy, only trust-constr honours it; see
    /// [`Bounds::with_keep_feasible`].
    pub keep_feasible: Array1<bool>,
}

impl Bounds {
    /// Bounds from lower and upper arrays of equal length.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] if the lengths differ; [`Error::InvalidArgument`]
    /// if a bound is NaN, `lb > ub`, `lb == +inf` or `ub == -inf`.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::Bounds;
    /// use ndarray::array;
    ///
    /// let b = Bounds::new(&array![0.0, f64::NEG_INFINITY], &array![1.0, 2.0])?;
    /// assert_eq!(b.len(), 2);
    /// assert!(Bounds::new(&array![1.0], &array![0.0]).is_err());
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn new(lb: &ArrayRef1<f64>, ub: &ArrayRef1<f64>) -> Result<Bounds> {
        check::shape("ub", lb.shape(), ub.shape())?;
        for (i, (&l, &u)) in lb.iter().zip(ub).enumerate() {
            if l.is_nan() || u.is_nan() || l > u || l == f64::INFINITY || u == f64::NEG_INFINITY {
                return Err(check::invalid(
                    "bounds",
                    format!(
                        "need lb <= ub with lb < inf and ub > -inf, got lb[{i}] = {l}, ub[{i}] = {u}"
                    ),
                ));
            }
        }
        Ok(Bounds {
            lb: lb.to_owned(),
            ub: ub.to_owned(),
            keep_feasible: Array1::from_elem(lb.len(), false),
        })
    }

    /// These bounds with SciPy's `keep_feasible`: one flag per variable, or
    /// a single flag for all of them (as SciPy broadcasts a scalar).
    ///
    /// Only trust-constr reads it (as SciPy): it then never evaluates the
    /// objective or the constraints outside the flagged bounds (its finite
    /// differences step inwards at a bound; a trial step that leaves them is
    /// rejected unevaluated), and the barrier term of those bounds uses the
    /// true distance to the bound. `x0` must then lie within them.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] unless `keep` has one element or one per variable.
    ///
    /// # Examples
    /// `-ln(x0)` is undefined left of 0; trust-constr never looks there:
    /// ```
    /// use ferrosci::optimize::{minimize_with, Bounds, Method, MinimizeOptions};
    /// use ndarray::{array, ArrayRef1};
    /// use std::cell::Cell;
    ///
    /// let outside = Cell::new(0);
    /// let f = |x: &ArrayRef1<f64>| {
    ///     if x[0] > 1.0 || x[1] > 2.0 {
    ///         outside.set(outside.get() + 1);
    ///     }
    ///     -(x[0]).ln() + (x[0] - 3.0).powi(2) + (x[1] - 3.0).powi(2)
    /// };
    /// let b = Bounds::new(&array![0.0, 0.0], &array![1.0, 2.0])?.with_keep_feasible(&array![true])?;
    /// let opts = MinimizeOptions { bounds: Some(b), ..Default::default() };
    /// let res = minimize_with(f, &array![1.0, 2.0], Method::TrustConstr, opts)?;
    /// assert_eq!(outside.get(), 0);
    /// assert!(res.x[0] <= 1.0 && res.x[1] <= 2.0);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn with_keep_feasible(mut self, keep: &ArrayRef1<bool>) -> Result<Bounds> {
        self.keep_feasible = match keep.len() {
            1 => Array1::from_elem(self.len(), keep[0]),
            n if n == self.len() => keep.to_owned(),
            n => {
                return Err(Error::ShapeMismatch {
                    name: "keep_feasible",
                    expected: vec![self.len()],
                    got: vec![n],
                });
            }
        };
        Ok(self)
    }

    /// The same interval `[lb, ub]` for each of `n` variables.
    ///
    /// # Errors
    /// As [`Bounds::new`].
    ///
    /// # Examples
    /// ```
    /// let b = ferrosci::optimize::Bounds::uniform(3, -1.0, 1.0)?;
    /// assert_eq!(b.ub[2], 1.0);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn uniform(n: usize, lb: f64, ub: f64) -> Result<Bounds> {
        Bounds::new(&Array1::from_elem(n, lb), &Array1::from_elem(n, ub))
    }

    /// Number of variables.
    pub fn len(&self) -> usize {
        self.lb.len()
    }

    /// Whether the bounds cover no variables.
    pub fn is_empty(&self) -> bool {
        self.lb.is_empty()
    }

    /// Checks that these bounds fit `n` variables.
    pub(crate) fn check_len(&self, n: usize) -> Result<()> {
        for (name, len) in [
            ("bounds", self.len()),
            ("keep_feasible", self.keep_feasible.len()),
        ] {
            if len != n {
                return Err(Error::ShapeMismatch {
                    name,
                    expected: vec![n],
                    got: vec![len],
                });
            }
        }
        Ok(())
    }

    /// Moves `x` inside the box.
    pub(crate) fn clip(&self, x: &mut Array1<f64>) {
        for ((v, &l), &u) in x.iter_mut().zip(&self.lb).zip(&self.ub) {
            *v = v.clamp(l, u);
        }
    }
}
