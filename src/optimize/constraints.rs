//! Constraints of `minimize` (SciPy `LinearConstraint`, `NonlinearConstraint`
//! and the old-style `{'type': 'eq'/'ineq', 'fun', 'jac'}` dictionaries), and
//! their canonical form `c_eq(x) = 0`, `c_in(x) ≥ 0` used by SLSQP, COBYLA and
//! trust-constr.

use super::hessian_update::HessianUpdateStrategy;
use super::result::{Bounds, OptimizeResult, Status};
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
fn bounds_pair(
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
fn keep_flags(m: usize, keep: &ArrayRef1<bool>) -> Result<Array1<bool>> {
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

/// How one canonical row comes from a user constraint component.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    /// Index of the user constraint.
    pub(crate) con: usize,
    /// Component of its `fun`.
    pub(crate) comp: usize,
    /// `+1`: `f − b`; `−1`: `b − f`.
    pub(crate) sign: f64,
    /// The bound `b`.
    pub(crate) bound: f64,
}

/// A user constraint reduced to a vector function with a Jacobian.
enum Source<'a> {
    Linear(Array2<f64>),
    Fun {
        fun: ConFn<'a>,
        jac: Option<ConJac<'a>>,
    },
}

/// All constraints in the canonical form `c_eq(x) = 0`, `c_in(x) ≥ 0`
/// (rows ordered as SciPy's `new_constraint_to_old`: per constraint, the
/// equalities, then `f − lb ≥ 0`, then `ub − f ≥ 0`), counting evaluations.
pub(crate) struct Canonical<'a> {
    sources: Vec<Source<'a>>,
    /// Each user constraint's curvature.
    pub(crate) hess: Vec<SourceHess<'a>>,
    /// Each user constraint's `(lb, ub)`.
    pub(crate) limits: Vec<(Array1<f64>, Array1<f64>)>,
    /// Each user constraint's `keep_feasible` flags.
    keep: Vec<Array1<bool>>,
    /// Each user constraint's value at `x0`.
    start: Vec<Array1<f64>>,
    pub(crate) eq: Vec<Row>,
    pub(crate) ineq: Vec<Row>,
    n: usize,
    /// Constraint function evaluations (finite differences included).
    pub(crate) nfev: usize,
    /// Analytic Jacobian evaluations.
    pub(crate) njev: usize,
    /// The box that finite differences must not leave (trust-constr's
    /// bounds kept feasible).
    pub(crate) fd_bounds: Option<Bounds>,
}

impl<'a> Canonical<'a> {
    /// Builds the canonical form, probing each function once at `x0` for its
    /// length (SciPy does the same).
    pub(crate) fn new(cons: Vec<Constraint<'a>>, x0: &ArrayRef1<f64>) -> Result<Self> {
        let n = x0.len();
        let mut c = Canonical {
            sources: Vec::new(),
            hess: Vec::new(),
            limits: Vec::new(),
            keep: Vec::new(),
            start: Vec::new(),
            eq: Vec::new(),
            ineq: Vec::new(),
            n,
            nfev: 0,
            njev: 0,
            fd_bounds: None,
        };
        for (k, con) in cons.into_iter().enumerate() {
            let (src, hess, lb, ub, keep, v) = match con {
                Constraint::Linear(l) => {
                    check::shape("constraints: A", &[l.a.nrows(), n], l.a.shape())?;
                    let keep = keep_flags(l.lb.len(), &l.keep_feasible)?;
                    let v = l.a.dot(x0);
                    (Source::Linear(l.a), SourceHess::Zero, l.lb, l.ub, keep, v)
                }
                Constraint::Nonlinear(mut nl) => {
                    let v = (nl.fun)(x0);
                    let (lb, ub) = bounds_pair(v.len(), &nl.lb, &nl.ub)?;
                    let keep = keep_flags(v.len(), &nl.keep_feasible)?;
                    let src = Source::Fun {
                        fun: nl.fun,
                        jac: nl.jac,
                    };
                    let hess = match nl.hess {
                        Some(h) => SourceHess::Exact(h),
                        None => SourceHess::Update(nl.hess_update),
                    };
                    (src, hess, lb, ub, keep, v)
                }
                Constraint::Dict(mut d) => {
                    let v = (d.fun)(x0);
                    let m = v.len();
                    let (lb, ub) = match d.kind {
                        ConstraintType::Eq => (Array1::zeros(m), Array1::zeros(m)),
                        ConstraintType::Ineq => {
                            (Array1::zeros(m), Array1::from_elem(m, f64::INFINITY))
                        }
                    };
                    let src = Source::Fun {
                        fun: d.fun,
                        jac: d.jac,
                    };
                    (
                        src,
                        SourceHess::Update(HessianUpdateStrategy::bfgs()),
                        lb,
                        ub,
                        Array1::from_elem(m, false),
                        v,
                    )
                }
            };
            c.sources.push(src);
            c.hess.push(hess);
            c.limits.push((lb.clone(), ub.clone()));
            c.keep.push(keep);
            c.start.push(v);
            let m = lb.len();
            for i in 0..m {
                if lb[i] == ub[i] {
                    c.eq.push(Row {
                        con: k,
                        comp: i,
                        sign: 1.0,
                        bound: lb[i],
                    });
                }
            }
            for i in 0..m {
                if lb[i] != ub[i] && lb[i] > f64::NEG_INFINITY {
                    c.ineq.push(Row {
                        con: k,
                        comp: i,
                        sign: 1.0,
                        bound: lb[i],
                    });
                }
            }
            for i in 0..m {
                if lb[i] != ub[i] && ub[i] < f64::INFINITY {
                    c.ineq.push(Row {
                        con: k,
                        comp: i,
                        sign: -1.0,
                        bound: ub[i],
                    });
                }
            }
        }
        Ok(c)
    }

    /// Which inequality rows come from a component kept feasible.
    pub(crate) fn ineq_rows_kept(&self) -> Vec<bool> {
        self.ineq.iter().map(|r| self.keep[r.con][r.comp]).collect()
    }

    /// SciPy's check (trust-constr) that `x0` satisfies every inequality
    /// component kept feasible.
    pub(crate) fn check_kept_start(&self) -> Result<()> {
        for (k, ((lb, ub), v)) in self.limits.iter().zip(&self.start).enumerate() {
            for i in 0..v.len() {
                if self.keep[k][i] && lb[i] != ub[i] && (v[i] < lb[i] || v[i] > ub[i]) {
                    return Err(check::invalid(
                        "x0",
                        format!(
                            "infeasible for constraints[{k}] component {i} kept feasible: \
                             need {} <= {} <= {}",
                            lb[i], v[i], ub[i]
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Number of equality and inequality rows.
    pub(crate) fn sizes(&self) -> (usize, usize) {
        (self.eq.len(), self.ineq.len())
    }

    /// Raw values of every user constraint at `x` (NaN-filled if a function
    /// returns the wrong length, so the caller sees a NaN, not a panic).
    fn raw(&mut self, x: &ArrayRef1<f64>) -> Vec<Array1<f64>> {
        let counts = self.row_counts();
        let mut out = Vec::with_capacity(self.sources.len());
        for (k, src) in self.sources.iter_mut().enumerate() {
            let v = match src {
                Source::Linear(a) => a.dot(x),
                Source::Fun { fun, .. } => {
                    self.nfev += 1;
                    fun(x)
                }
            };
            out.push(if v.len() == counts[k] {
                v
            } else {
                Array1::from_elem(counts[k], f64::NAN)
            });
        }
        out
    }

    /// Length of each user constraint's `fun`.
    fn row_counts(&self) -> Vec<usize> {
        self.limits.iter().map(|(lb, _)| lb.len()).collect()
    }

    /// Each user constraint's function value at `x` (SciPy's `constr`).
    pub(crate) fn raw_values(&mut self, x: &ArrayRef1<f64>) -> Vec<Array1<f64>> {
        self.raw(x)
    }

    /// `(c_eq(x), c_in(x))`.
    pub(crate) fn values(&mut self, x: &ArrayRef1<f64>) -> (Array1<f64>, Array1<f64>) {
        let raw = self.raw(x);
        self.assemble_values(&raw)
    }

    /// Each user constraint's value at `x` and the largest violation, bounds
    /// included (SciPy's `constr` and `constr_violation`/`maxcv`), without
    /// counting these evaluations.
    pub(crate) fn report(
        &mut self,
        x: &ArrayRef1<f64>,
        bounds: Option<&Bounds>,
    ) -> (Vec<Array1<f64>>, f64) {
        let nfev = self.nfev;
        let constr = self.raw(x);
        self.nfev = nfev;
        let (ce, ci) = self.assemble_values(&constr);
        let (_, mut linf) = violation(&ce, &ci);
        if let Some(b) = bounds {
            for i in 0..x.len() {
                linf = linf.max(b.lb[i] - x[i]).max(x[i] - b.ub[i]);
            }
        }
        (constr, linf)
    }

    /// `(c_eq, c_in)` from the user constraints' values.
    pub(crate) fn assemble_values(&self, raw: &[Array1<f64>]) -> (Array1<f64>, Array1<f64>) {
        let pick = |rows: &[Row]| -> Array1<f64> {
            rows.iter()
                .map(|r| r.sign * (raw[r.con][r.comp] - r.bound))
                .collect()
        };
        (pick(&self.eq), pick(&self.ineq))
    }

    /// Jacobians `(∂c_eq/∂x, ∂c_in/∂x)`; missing ones by forward differences
    /// with step `√ε·max(1, |xᵢ|)`.
    pub(crate) fn jacobians(&mut self, x: &ArrayRef1<f64>) -> (Array2<f64>, Array2<f64>) {
        let jacs = self.raw_jacobians(x);
        self.assemble_jacobians(&jacs)
    }

    /// Each user constraint's Jacobian at `x` (NaN-filled if the wrong shape).
    pub(crate) fn raw_jacobians(&mut self, x: &ArrayRef1<f64>) -> Vec<Array2<f64>> {
        let counts = self.row_counts();
        let n = self.n;
        let mut jacs: Vec<Array2<f64>> = Vec::with_capacity(self.sources.len());
        for (k, src) in self.sources.iter_mut().enumerate() {
            let m = counts[k];
            let j = match src {
                Source::Linear(a) => a.clone(),
                Source::Fun { jac: Some(j), .. } => {
                    self.njev += 1;
                    j(x)
                }
                Source::Fun { fun, jac: None } => {
                    let f0 = fun(x);
                    self.nfev += 1 + n;
                    let mut xp = x.to_owned();
                    let mut jm = Array2::zeros((m, n));
                    if f0.len() == m {
                        for i in 0..n {
                            let xi = x[i];
                            let mut h = f64::EPSILON.sqrt()
                                * xi.abs().max(1.0)
                                * if xi >= 0.0 { 1.0 } else { -1.0 };
                            if let Some(b) = &self.fd_bounds
                                && !(b.lb[i]..=b.ub[i]).contains(&(xi + h))
                            {
                                h = -h;
                            }
                            xp[i] = xi + h;
                            let dx = xp[i] - xi;
                            let fi = fun(&xp);
                            xp[i] = xi;
                            if fi.len() == m {
                                jm.column_mut(i).assign(&((&fi - &f0) / dx));
                            } else {
                                jm.column_mut(i).fill(f64::NAN);
                            }
                        }
                    } else {
                        jm.fill(f64::NAN);
                    }
                    jm
                }
            };
            jacs.push(if j.dim() == (m, n) {
                j
            } else {
                Array2::from_elem((m, n), f64::NAN)
            });
        }
        jacs
    }

    /// `(∂c_eq/∂x, ∂c_in/∂x)` from the user constraints' Jacobians.
    pub(crate) fn assemble_jacobians(&self, jacs: &[Array2<f64>]) -> (Array2<f64>, Array2<f64>) {
        let n = self.n;
        let pick = |rows: &[Row]| -> Array2<f64> {
            let mut out = Array2::zeros((rows.len(), n));
            for (i, r) in rows.iter().enumerate() {
                out.row_mut(i).assign(&(&jacs[r.con].row(r.comp) * r.sign));
            }
            out
        };
        (pick(&self.eq), pick(&self.ineq))
    }

    /// Multipliers per user constraint component for the Lagrangian
    /// `f + v_eqᵀc_eq − v_inᵀc_in` (that is, `+ v_inᵀ(−c_in)` with the
    /// inequalities written `−c_in ≤ 0`, SciPy's trust-constr convention).
    pub(crate) fn user_weights(&self, v_eq: &Array1<f64>, v_in: &Array1<f64>) -> Vec<Array1<f64>> {
        let mut w: Vec<Array1<f64>> = self
            .limits
            .iter()
            .map(|(lb, _)| Array1::zeros(lb.len()))
            .collect();
        for (r, v) in self.eq.iter().zip(v_eq) {
            w[r.con][r.comp] += r.sign * v;
        }
        for (r, v) in self.ineq.iter().zip(v_in) {
            w[r.con][r.comp] -= r.sign * v;
        }
        w
    }
}

/// Total violation `Σ|c_eq| + Σ max(0, −c_in)` (ℓ₁), and its ∞-norm.
pub(crate) fn violation(ceq: &Array1<f64>, cin: &Array1<f64>) -> (f64, f64) {
    let mut l1 = 0.0;
    let mut linf: f64 = 0.0;
    for v in ceq
        .iter()
        .map(|c| c.abs())
        .chain(cin.iter().map(|c| (-c).max(0.0)))
    {
        l1 += v;
        linf = linf.max(v);
    }
    (l1, linf)
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
