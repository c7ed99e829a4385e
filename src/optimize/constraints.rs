//! Constraints of `minimize` (SciPy `LinearConstraint`, `NonlinearConstraint`
//! and the old-style `{'type': 'eq'/'ineq', 'fun', 'jac'}` dictionaries) and
//! the constrained methods' result; their canonical form is in `canonical.rs`.

pub(crate) use super::canonical::{Canonical, violation};
use super::hessian_update::HessianUpdateStrategy;
use super::result::{OptimizeResult, Status};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef1, ArrayRef2};

/// A boxed vector function of the variables: `x ↦ c(x)`.
pub(crate) type ConFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a>;
/// A boxed Jacobian: `x ↦ ∂c/∂x` (`m × n`).
pub(crate) type ConJac<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a>;
/// A boxed constraint Hessian: `(x, v) ↦ Σᵢ vᵢ ∇²cᵢ(x)`.
pub(crate) type ConHess<'a> = Box<dyn FnMut(&ArrayRef1<f64>, &ArrayRef1<f64>) -> Array2<f64> + 'a>;

/// The curvature of one user constraint, for trust-constr's Lagrangian Hessian.
pub(crate) enum SourceHess<'a> {
    /// Linear: no curvature.
    Zero,
    /// The user's exact `(x, v) ↦ Σᵢ vᵢ ∇²cᵢ(x)`.
    Exact(ConHess<'a>),
    /// A quasi-Newton approximation of `∇²(vᵀc)`, updated with `Jᵀv`.
    Update(HessianUpdateStrategy),
}

/// Linear constraints `lb ≤ A·x ≤ ub` (SciPy `LinearConstraint`).
///
/// Use `±inf` for a missing side and `lb[i] == ub[i]` for an equality.
///
/// # Examples
/// ```
/// use ferrosci::optimize::LinearConstraint;
/// use ndarray::array;
///
/// // x0 + 2 x1 <= 1 and 2 x0 + x1 == 1, as in SciPy's trust-constr tutorial.
/// let c = LinearConstraint::new(&array![[1.0, 2.0], [2.0, 1.0]], &array![f64::NEG_INFINITY, 1.0], &array![1.0, 1.0])?;
/// assert_eq!(c.a.nrows(), 2);
/// assert!(LinearConstraint::new(&array![[1.0, 2.0]], &array![2.0], &array![1.0]).is_err());
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LinearConstraint {
    /// The `m × n` matrix `A`.
    pub a: Array2<f64>,
    /// Lower bounds on `A·x` (length `m`).
    pub lb: Array1<f64>,
    /// Upper bounds on `A·x` (length `m`).
    pub ub: Array1<f64>,
    /// Per row: keep `lb ≤ A·x ≤ ub` at every iterate (SciPy
    /// `keep_feasible`, default false; see [`LinearConstraint::with_keep_feasible`]).
    pub keep_feasible: Array1<bool>,
}

impl LinearConstraint {
    /// `lb ≤ A·x ≤ ub`; a length-1 `lb` or `ub` is broadcast to all rows.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] if `lb`/`ub` do not match the rows of `a`;
    /// [`Error::InvalidArgument`] if `a` is empty or not finite, or a bound
    /// is NaN or `lb > ub`.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::LinearConstraint;
    /// use ndarray::array;
    /// let c = LinearConstraint::new(&array![[1.0, 1.0]], &array![0.0], &array![1.0])?;
    /// assert_eq!(c.ub[0], 1.0);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn new(a: &ArrayRef2<f64>, lb: &ArrayRef1<f64>, ub: &ArrayRef1<f64>) -> Result<Self> {
        check::nonempty("A", a)?;
        check::finite("A", a)?;
        let (lb, ub) = bounds_pair(a.nrows(), lb, ub)?;
        Ok(LinearConstraint {
            a: a.to_owned(),
            keep_feasible: Array1::from_elem(lb.len(), false),
            lb,
            ub,
        })
    }

    /// The same constraint with SciPy's `keep_feasible`: one flag per row,
    /// or one for all rows.
    ///
    /// As in SciPy, only trust-constr reads it (SLSQP, COBYLA and COBYQA
    /// ignore it): the barrier term of a kept inequality uses its true
    /// value `A·x − lb` (`ub − A·x`) as the slack, so a trial step that
    /// violates it has an infinite merit and is rejected, and `x0` must
    /// satisfy it. It has no effect on equality rows.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] unless `keep` has one element or one per row.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{minimize_constrained, LinearConstraint, Method, MinimizeOptions};
    /// use ndarray::{array, ArrayRef1};
    ///
    /// // min (x0 − 2)² + (x1 − 1)² with x0 + x1 ≤ 1 kept at every iterate.
    /// let c = LinearConstraint::new(&array![[1.0, 1.0]], &array![f64::NEG_INFINITY], &array![1.0])?
    ///     .with_keep_feasible(&array![true])?;
    /// let path_ok = std::cell::Cell::new(true);
    /// let opts = MinimizeOptions {
    ///     constraints: vec![c.into()],
    ///     callback: Some(Box::new(|it| {
    ///         path_ok.set(path_ok.get() && it.x[0] + it.x[1] <= 1.0);
    ///         std::ops::ControlFlow::Continue(())
    ///     })),
    ///     ..Default::default()
    /// };
    /// let f = |x: &ArrayRef1<f64>| (x[0] - 2.0).powi(2) + (x[1] - 1.0).powi(2);
    /// let res = minimize_constrained(f, &array![0.0, 0.0], Method::TrustConstr, opts)?;
    /// assert!(path_ok.get());
    /// assert!((res.x[0] - 1.0).abs() < 1e-3 && res.x[1].abs() < 1e-3);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn with_keep_feasible(mut self, keep: &ArrayRef1<bool>) -> Result<Self> {
        self.keep_feasible = keep_flags(self.lb.len(), keep)?;
        Ok(self)
    }
}

/// Nonlinear constraints `lb ≤ fun(x) ≤ ub` (SciPy `NonlinearConstraint`).
///
/// Without `jac` the Jacobian is approximated by forward differences
/// (SciPy `jac='2-point'`); `hess` (trust-constr only) is the exact
/// `(x, v) ↦ Σᵢ vᵢ ∇²funᵢ(x)` or, by default, a [`HessianUpdateStrategy`].
///
/// # Examples
/// The unit circle `x0² + x1² = 1`:
/// ```
/// use ferrosci::optimize::NonlinearConstraint;
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let c = NonlinearConstraint::new(
///     |x: &ArrayRef1<f64>| Array1::from_elem(1, x[0] * x[0] + x[1] * x[1]),
///     &array![1.0],
///     &array![1.0],
/// )?;
/// assert_eq!(c.lb[0], 1.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub struct NonlinearConstraint<'a> {
    /// The constraint function `x ↦ fun(x)` (length `m`).
    #[allow(clippy::type_complexity)]
    pub fun: Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a>,
    /// Lower bounds (length `m`, or 1 to broadcast).
    pub lb: Array1<f64>,
    /// Upper bounds (length `m`, or 1 to broadcast).
    pub ub: Array1<f64>,
    /// Jacobian `x ↦ ∂fun/∂x` (`m × n`); `None` is SciPy's `'2-point'`.
    #[allow(clippy::type_complexity)]
    pub jac: Option<Box<dyn FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a>>,
    /// Exact Hessian of `vᵀ fun`: `(x, v) ↦ Σᵢ vᵢ ∇²funᵢ(x)` (trust-constr).
    #[allow(clippy::type_complexity)]
    pub hess: Option<Box<dyn FnMut(&ArrayRef1<f64>, &ArrayRef1<f64>) -> Array2<f64> + 'a>>,
    /// Quasi-Newton approximation used when `hess` is `None` (SciPy's default `BFGS()`).
    pub hess_update: HessianUpdateStrategy,
    /// Per component (length `m`, or 1 to broadcast): keep `lb ≤ fun(x) ≤ ub`
    /// at every iterate (SciPy `keep_feasible`, default false; see
    /// [`NonlinearConstraint::with_keep_feasible`]).
    pub keep_feasible: Array1<bool>,
}

impl<'a> NonlinearConstraint<'a> {
    /// `lb ≤ fun(x) ≤ ub`, Jacobian by finite differences, Hessian by BFGS.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] if `lb` and `ub` differ in length (neither
    /// being 1); [`Error::InvalidArgument`] if a bound is NaN or `lb > ub`.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::NonlinearConstraint;
    /// use ndarray::{array, Array1, ArrayRef1};
    /// let c = NonlinearConstraint::new(|x: &ArrayRef1<f64>| Array1::from_elem(1, x[0]), &array![0.0], &array![f64::INFINITY])?;
    /// assert!(c.jac.is_none());
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn new<F>(fun: F, lb: &ArrayRef1<f64>, ub: &ArrayRef1<f64>) -> Result<Self>
    where
        F: FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a,
    {
        let m = lb.len().max(ub.len());
        let (lb, ub) = bounds_pair(m, lb, ub)?;
        Ok(NonlinearConstraint {
            fun: Box::new(fun),
            lb,
            ub,
            jac: None,
            hess: None,
            hess_update: HessianUpdateStrategy::default(),
            keep_feasible: Array1::from_elem(1, false),
        })
    }

    /// The same constraint with SciPy's `keep_feasible`: one flag per
    /// component (as many as `lb`), or one for all of them.
    ///
    /// As in SciPy, only trust-constr reads it (SLSQP, COBYLA and COBYQA
    /// ignore it): the barrier term of a kept inequality uses its true
    /// value `fun(x) − lb` (`ub − fun(x)`) as the slack, so a trial step
    /// that violates it has an infinite merit and is rejected (`fun` is
    /// still evaluated there), and `x0` must satisfy it. It has no effect on
    /// equality components.
    ///
    /// # Errors
    /// [`Error::ShapeMismatch`] unless `keep` has one element or as many
    /// as `lb`; `minimize` reports a `keep` that does not fit `fun`'s length.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{minimize_constrained, Method, MinimizeOptions, NonlinearConstraint};
    /// use ndarray::{array, ArrayRef1};
    ///
    /// // min x0 + x1 in the unit disc, never leaving it.
    /// let c = NonlinearConstraint::new(|x: &ArrayRef1<f64>| array![x.dot(x)], &array![f64::NEG_INFINITY], &array![1.0])?
    ///     .with_keep_feasible(&array![true])?;
    /// let opts = MinimizeOptions { constraints: vec![c.into()], ..Default::default() };
    /// let res = minimize_constrained(|x: &ArrayRef1<f64>| x[0] + x[1], &array![0.0, 0.0], Method::TrustConstr, opts)?;
    /// assert!(res.x.dot(&res.x) <= 1.0);
    /// assert!((res.x[0] + 0.5f64.sqrt()).abs() < 1e-3 && (res.x[1] + 0.5f64.sqrt()).abs() < 1e-3);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn with_keep_feasible(mut self, keep: &ArrayRef1<bool>) -> Result<Self> {
        self.keep_feasible = keep_flags(self.lb.len(), keep)?;
        Ok(self)
    }

    /// The same constraint with an analytic Jacobian (SciPy `jac=callable`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::NonlinearConstraint;
    /// use ndarray::{array, Array1, Array2, ArrayRef1};
    /// let c = NonlinearConstraint::new(|x: &ArrayRef1<f64>| Array1::from_elem(1, x[0] * x[1]), &array![1.0], &array![1.0])?
    ///     .with_jac(|x: &ArrayRef1<f64>| array![[x[1], x[0]]]);
    /// assert!(c.jac.is_some());
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn with_jac<J>(mut self, jac: J) -> Self
    where
        J: FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a,
    {
        self.jac = Some(Box::new(jac));
        self
    }

    /// The same constraint with an exact Hessian `(x, v) ↦ Σᵢ vᵢ ∇²funᵢ(x)`
    /// (SciPy `hess=callable`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::NonlinearConstraint;
    /// use ndarray::{array, Array1, Array2, ArrayRef1};
    /// let c = NonlinearConstraint::new(|x: &ArrayRef1<f64>| array![x[0] * x[0]], &array![1.0], &array![1.0])?
    ///     .with_hess(|_x: &ArrayRef1<f64>, v: &ArrayRef1<f64>| array![[2.0 * v[0]]]);
    /// assert!(c.hess.is_some());
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    pub fn with_hess<H>(mut self, hess: H) -> Self
    where
        H: FnMut(&ArrayRef1<f64>, &ArrayRef1<f64>) -> Array2<f64> + 'a,
    {
        self.hess = Some(Box::new(hess));
        self
    }
}

/// The kind of an old-style constraint (SciPy `'type': 'eq'` or `'ineq'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintType {
    /// `fun(x) = 0`.
    Eq,
    /// `fun(x) ≥ 0`.
    Ineq,
}

/// An old-style constraint, SciPy's `{'type': ..., 'fun': ..., 'jac': ...}`
/// dictionary (SLSQP and COBYLA; trust-constr accepts it too).
///
/// # Examples
/// ```
/// use ferrosci::optimize::{ConstraintDict, ConstraintType};
/// use ndarray::{array, ArrayRef1};
/// let c = ConstraintDict::new(ConstraintType::Ineq, |x: &ArrayRef1<f64>| array![x[0] - 2.0 * x[1] + 2.0]);
/// assert_eq!(c.kind, ConstraintType::Ineq);
/// ```
pub struct ConstraintDict<'a> {
    /// `'eq'` or `'ineq'`.
    pub kind: ConstraintType,
    /// The constraint function.
    #[allow(clippy::type_complexity)]
    pub fun: Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a>,
    /// Its Jacobian; `None` means forward differences.
    #[allow(clippy::type_complexity)]
    pub jac: Option<Box<dyn FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a>>,
}

impl<'a> ConstraintDict<'a> {
    /// A constraint without a Jacobian.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ConstraintDict, ConstraintType};
    /// use ndarray::{array, ArrayRef1};
    /// let c = ConstraintDict::new(ConstraintType::Eq, |x: &ArrayRef1<f64>| array![x[0] + x[1] - 1.0]);
    /// assert!(c.jac.is_none());
    /// ```
    pub fn new<F>(kind: ConstraintType, fun: F) -> Self
    where
        F: FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a,
    {
        ConstraintDict {
            kind,
            fun: Box::new(fun),
            jac: None,
        }
    }

    /// The same constraint with an analytic Jacobian.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ConstraintDict, ConstraintType};
    /// use ndarray::{array, ArrayRef1};
    /// let c = ConstraintDict::new(ConstraintType::Eq, |x: &ArrayRef1<f64>| array![x[0] + x[1] - 1.0])
    ///     .with_jac(|_x: &ArrayRef1<f64>| array![[1.0, 1.0]]);
    /// assert!(c.jac.is_some());
    /// ```
    pub fn with_jac<J>(mut self, jac: J) -> Self
    where
        J: FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a,
    {
        self.jac = Some(Box::new(jac));
        self
    }
}

/// One entry of `minimize`'s `constraints=` list.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{Constraint, LinearConstraint};
/// use ndarray::array;
/// let c: Constraint = LinearConstraint::new(&array![[1.0, 1.0]], &array![1.0], &array![1.0])?.into();
/// assert!(matches!(c, Constraint::Linear(_)));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub enum Constraint<'a> {
    /// `lb ≤ A·x ≤ ub`.
    Linear(LinearConstraint),
    /// `lb ≤ fun(x) ≤ ub`.
    Nonlinear(NonlinearConstraint<'a>),
    /// `fun(x) = 0` or `fun(x) ≥ 0`.
    Dict(ConstraintDict<'a>),
}

impl From<LinearConstraint> for Constraint<'_> {
    fn from(c: LinearConstraint) -> Self {
        Constraint::Linear(c)
    }
}

impl<'a> From<NonlinearConstraint<'a>> for Constraint<'a> {
    fn from(c: NonlinearConstraint<'a>) -> Self {
        Constraint::Nonlinear(c)
    }
}

impl<'a> From<ConstraintDict<'a>> for Constraint<'a> {
    fn from(c: ConstraintDict<'a>) -> Self {
        Constraint::Dict(c)
    }
}

/// Checks and broadcasts a `(lb, ub)` pair to length `m`.
pub(super) fn bounds_pair(
    m: usize,
    lb: &ArrayRef1<f64>,
    ub: &ArrayRef1<f64>,
) -> Result<(Array1<f64>, Array1<f64>)> {
    let widen = |name: &'static str, v: &ArrayRef1<f64>| -> Result<Array1<f64>> {
        match v.len() {
            1 => Ok(Array1::from_elem(m, v[0])),
            k if k == m => Ok(v.to_owned()),
            k => Err(Error::ShapeMismatch {
                name,
                expected: vec![m],
                got: vec![k],
            }),
        }
    };
    let (lb, ub) = (widen("lb", lb)?, widen("ub", ub)?);
    for (i, (&l, &u)) in lb.iter().zip(&ub).enumerate() {
        if l.is_nan() || u.is_nan() || l > u {
            return Err(check::invalid(
                "lb",
                format!("need lb <= ub without NaN, got lb[{i}] = {l}, ub[{i}] = {u}"),
            ));
        }
    }
    Ok((lb, ub))
}

/// `keep` broadcast to `m` flags (SciPy broadcasts a single flag).
pub(super) fn keep_flags(m: usize, keep: &ArrayRef1<bool>) -> Result<Array1<bool>> {
    match keep.len() {
        1 => Ok(Array1::from_elem(m, keep[0])),
        k if k == m => Ok(keep.to_owned()),
        k => Err(Error::ShapeMismatch {
            name: "keep_feasible",
            expected: vec![m],
            got: vec![k],
        }),
    }
}

/// Outcome of a constrained minimizer, with SciPy's extra result fields
/// (SciPy `OptimizeResult` of SLSQP, COBYLA and trust-constr).
///
/// Convert to the common [`OptimizeResult`] with `.into()`.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{minimize_constrained, ConstraintDict, ConstraintType, Method, MinimizeOptions};
/// use ndarray::{array, ArrayRef1};
///
/// let opts = MinimizeOptions {
///     constraints: vec![ConstraintDict::new(ConstraintType::Eq, |x: &ArrayRef1<f64>| array![x[0] + x[1] - 1.0]).into()],
///     ..Default::default()
/// };
/// let res = minimize_constrained(|x: &ArrayRef1<f64>| x[0] * x[0] + x[1] * x[1], &array![2.0, 0.0], Method::Slsqp, opts)?;
/// assert!(res.success() && (res.x[0] - 0.5).abs() < 1e-6);
/// assert!((res.multipliers[0] - 1.0).abs() < 1e-5); // ∇f = μ ∇c at the optimum
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct ConstrainedResult {
    /// The solution.
    pub x: Array1<f64>,
    /// Objective value at `x`.
    pub fun: f64,
    /// Objective gradient at the last point where it was evaluated.
    pub jac: Array1<f64>,
    /// Number of iterations.
    pub nit: usize,
    /// Objective evaluations (finite-difference ones included).
    pub nfev: usize,
    /// Objective gradient evaluations.
    pub njev: usize,
    /// Objective Hessian evaluations (trust-constr with an exact `hess`).
    pub nhev: usize,
    /// Why the run stopped, in the common vocabulary.
    pub status: Status,
    /// SciPy's integer `status` of this method (SLSQP 0–9; trust-constr
    /// 0–3; COBYLA PRIMA's 0, 1, 3, 7, 30 or −2 for a NaN objective); `-1`
    /// where SciPy would raise (a NaN objective).
    pub status_code: i32,
    /// SciPy's message for `status_code`.
    pub message: String,
    /// Lagrange multipliers. SLSQP (SciPy `multipliers`): one per canonical
    /// row, the equalities then the inequalities `c ≥ 0`, with
    /// `∇f = Σ μⱼ ∇cⱼ`. trust-constr (SciPy `v`, flattened): one per
    /// component of each user constraint, bounds last, with
    /// `∇f + Σ vⱼ ∇cⱼ = 0`.
    pub multipliers: Array1<f64>,
    /// Value of each user constraint's function at `x` (SciPy `constr`).
    pub constr: Vec<Array1<f64>>,
    /// Largest constraint violation at `x`, bounds included (SciPy `constr_violation`).
    pub constr_violation: f64,
    /// Infinity norm of the Lagrangian gradient at `x` (SciPy `optimality`;
    /// trust-constr only, NaN for the other methods).
    pub optimality: f64,
    /// Constraint function evaluations, finite differences included.
    pub constr_nfev: usize,
    /// Final trust-region radius (trust-constr's `tr_radius`; NaN otherwise).
    pub tr_radius: f64,
    /// Final barrier parameter (trust-constr's interior-point
    /// `barrier_parameter`; NaN otherwise).
    pub barrier_parameter: f64,
    /// Total conjugate-gradient iterations (trust-constr's `cg_niter`).
    pub cg_niter: usize,
}

impl ConstrainedResult {
    /// Whether the method's convergence test passed (SciPy `success`).
    pub fn success(&self) -> bool {
        self.status == Status::Success
    }
}

impl From<ConstrainedResult> for OptimizeResult {
    fn from(r: ConstrainedResult) -> Self {
        OptimizeResult {
            x: r.x,
            fun: r.fun,
            jac: Some(r.jac),
            hess_inv: None,
            nit: r.nit,
            nfev: r.nfev,
            njev: r.njev,
            nhev: r.nhev,
            status: r.status,
            message: r.message,
        }
    }
}
