//! Entry point of the constrained minimizers (SLSQP, trust-constr, COBYLA),
//! with their full result, and the legacy `fmin_slsqp` and `fmin_cobyla`.

use super::constraints::{Canonical, ConstrainedResult, Constraint, LinearConstraint};
use super::diff::{Grad, ObjFn, Objective};
use super::minimize::{
    Method, MinimizeOptions, Settings, all_fixed, checked_jac, fixed_result, mark_fixed,
};
use super::result::{Bounds, OptimizeResult, Status};
use super::trust_constr::{self, ObjHess, TrustConstrSettings};
use crate::{Result, check};
use ndarray::{Array1, Array2, ArrayRef1};

/// Whether `method` is one of the constrained methods handled here.
pub(crate) fn is_constrained(method: Method) -> bool {
    matches!(
        method,
        Method::Slsqp | Method::TrustConstr | Method::Cobyla | Method::Cobyqa
    )
}

/// Minimizes `fun` subject to bounds and constraints and returns the full
/// result, with the multipliers and the constraint values (SciPy
/// `minimize(fun, x0, method='SLSQP', bounds=..., constraints=...)`).
/// [`minimize_with`](super::minimize_with) with the same method returns the
/// common part of it.
///
/// SLSQP reads `jac` (else forward differences), `bounds`, `constraints`,
/// `ftol` (or `tol`; default 1e-6: the precision goal on `f` and on the
/// constraint violation), `maxiter` (default 100) and `callback`.
/// trust-constr reads `jac`, `hess` (else `hess_update`, default BFGS),
/// `bounds`, `constraints`, `gtol` and `xtol` (or `tol`; default 1e-8),
/// `barrier_tol`, `maxiter` (default 1000), the `initial_*` options and
/// `callback`; it runs the equality-constrained SQP when there are no
/// inequalities or bounds and the interior-point method otherwise.
/// COBYLA reads `bounds`, `constraints` (Jacobians unused), `rhobeg`
/// (default 1), `tol` (the final radius, default 1e-4), `maxiter` (function
/// evaluations, default 1000), `catol` (default √ε), `f_target` and
/// `callback`; its `status_code` is SciPy's (0 radius reached, 1 target
/// reached, 3 evaluations used up, 7 rounding), `constr_violation` is
/// SciPy's `maxcv`, and a final violation above `catol` is reported as
/// [`Status::PrecisionLoss`](super::Status::PrecisionLoss) with SciPy's
/// "Did not converge to a solution satisfying the constraints" message.
/// COBYQA reads `bounds` (every evaluated point stays within them),
/// `constraints` (Jacobians unused), `initial_tr_radius` (default 1),
/// `final_tr_radius` (or `tol`; default 1e-6), `maxfev` (default `500·n`),
/// `maxiter` (default `1000·n`), `f_target`, `feasibility_tol` (default √ε),
/// `scale_bounds` (SciPy's `scale`) and `callback`; its `status_code` is SciPy's (0 radius reached, 1 target
/// reached, 2 all variables fixed, 3 callback, 5 evaluations used up, 6 iterations used up, −2
/// linear algebra), and a final violation above `feasibility_tol` is
/// reported as [`Status::Infeasible`](super::Status::Infeasible) (SciPy:
/// `success=False`, status 0).
///
/// # Errors
/// [`crate::Error::InvalidArgument`] if `x0` is empty or not finite, a
/// tolerance is negative, `method` is not a constrained method, or a
/// constraint's bounds are inconsistent; [`crate::Error::ShapeMismatch`] if
/// `bounds` or a linear constraint's matrix do not match `x0`. Infeasible
/// problems, a NaN objective or running out of iterations are reported in
/// `status`/`status_code`/`message`.
/// COBYLA reports a NaN objective at `x0` (or at the answer) as
/// [`Status::NanEncountered`](super::Status::NanEncountered) (SciPy returns
/// its stand-in value 1e30 with `success=True`).
///
/// # Examples
/// SciPy tutorial's SLSQP example: minimize `(x0 − 1)² + (x1 − 2.5)²` over
/// three linear inequalities and `x ≥ 0`:
/// ```
/// use ferrosci::optimize::{minimize_constrained, Bounds, ConstraintDict, ConstraintType::Ineq, Method, MinimizeOptions};
/// use ndarray::{array, ArrayRef1};
///
/// let fun = |x: &ArrayRef1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2);
/// let opts = MinimizeOptions {
///     constraints: vec![
///         ConstraintDict::new(Ineq, |x: &ArrayRef1<f64>| array![x[0] - 2.0 * x[1] + 2.0]).into(),
///         ConstraintDict::new(Ineq, |x: &ArrayRef1<f64>| array![-x[0] - 2.0 * x[1] + 6.0]).into(),
///         ConstraintDict::new(Ineq, |x: &ArrayRef1<f64>| array![-x[0] + 2.0 * x[1] + 2.0]).into(),
///     ],
///     bounds: Some(Bounds::new(&array![0.0, 0.0], &array![f64::INFINITY, f64::INFINITY])?),
///     ..Default::default()
/// };
/// let res = minimize_constrained(fun, &array![2.0, 0.0], Method::Slsqp, opts)?;
/// assert!(res.success(), "{}", res.message);
/// assert!((res.x[0] - 1.4).abs() < 1e-6 && (res.x[1] - 1.7).abs() < 1e-6);
/// assert!((res.multipliers[0] - 0.8).abs() < 1e-5);
/// # Ok::<(), ferrosci::Error>(())
/// ```
///
/// SciPy tutorial's trust-constr example: Rosenbrock under a linear and a
/// nonlinear constraint with exact derivatives, and bounds:
/// ```
/// use ferrosci::optimize::{minimize_constrained, rosen, rosen_der, rosen_hess, Bounds,
///     LinearConstraint, Method, MinimizeOptions, NonlinearConstraint};
/// use ndarray::{array, ArrayRef1};
///
/// let inf = f64::INFINITY;
/// let linear = LinearConstraint::new(&array![[1.0, 2.0], [2.0, 1.0]], &array![-inf, 1.0], &array![1.0, 1.0])?;
/// let nonlinear = NonlinearConstraint::new(
///     |x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1], x[0] * x[0] - x[1]], &array![-inf], &array![1.0])?
///     .with_jac(|x: &ArrayRef1<f64>| array![[2.0 * x[0], 1.0], [2.0 * x[0], -1.0]])
///     .with_hess(|_x: &ArrayRef1<f64>, v: &ArrayRef1<f64>| array![[2.0 * (v[0] + v[1]), 0.0], [0.0, 0.0]]);
/// let opts = MinimizeOptions {
///     jac: Some(Box::new(rosen_der)),
///     hess: Some(Box::new(|x: &ArrayRef1<f64>| rosen_hess(x))),
///     bounds: Some(Bounds::new(&array![0.0, -0.5], &array![1.0, 2.0])?),
///     constraints: vec![linear.into(), nonlinear.into()],
///     ..Default::default()
/// };
/// let res = minimize_constrained(rosen, &array![0.5, 0.0], Method::TrustConstr, opts)?;
/// assert!(res.success(), "{}", res.message);
/// assert!((res.x[0] - 0.4149).abs() < 1e-4 && (res.x[1] - 0.1701).abs() < 1e-4);
/// assert!(res.constr_violation < 1e-8 && res.optimality < 1e-8);
/// assert_eq!((res.nit, res.nfev), (12, 8)); // as SciPy
/// # Ok::<(), ferrosci::Error>(())
/// ```
///
/// COBYLA, derivative-free: the triangle of largest area with vertices
/// `(1, 0)`, `(0, 1)` and a point of the unit circle (SciPy finds
/// `(−0.70711, 0.70711)` in 46 evaluations):
/// ```
/// use ferrosci::optimize::{minimize_constrained, Bounds, ConstraintDict, ConstraintType::Eq,
///     Method, MinimizeOptions};
/// use ndarray::{array, ArrayRef1};
///
/// let opts = MinimizeOptions {
///     constraints: vec![ConstraintDict::new(Eq, |x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0]).into()],
///     bounds: Some(Bounds::uniform(2, -1.0, 1.0)?),
///     ..Default::default()
/// };
/// let area = |x: &ArrayRef1<f64>| -0.5 * (x[0] - x[1] - 1.0).abs();
/// let res = minimize_constrained(area, &array![0.0, 1.0], Method::Cobyla, opts)?;
/// assert!(res.success(), "{}", res.message);
/// assert!((res.x[0] + 0.70711).abs() < 1e-3 && (res.x[1] - 0.70711).abs() < 1e-3);
/// assert!((res.fun + 1.20711).abs() < 1e-5 && res.constr_violation < 1.5e-8);
/// assert!(res.nfev <= 69); // 1.5 x SciPy's
/// # Ok::<(), ferrosci::Error>(())
/// ```
///
/// COBYQA on the same problem (SciPy: 37 evaluations):
/// ```
/// use ferrosci::optimize::{minimize_constrained, Bounds, Method, MinimizeOptions,
///     NonlinearConstraint};
/// use ndarray::{array, ArrayRef1};
///
/// let circle = NonlinearConstraint::new(|x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1] * x[1]],
///     &array![1.0], &array![1.0])?;
/// let opts = MinimizeOptions {
///     constraints: vec![circle.into()],
///     bounds: Some(Bounds::uniform(2, -1.0, 1.0)?),
///     ..Default::default()
/// };
/// let area = |x: &ArrayRef1<f64>| -0.5 * (x[0] - x[1] - 1.0).abs();
/// let res = minimize_constrained(area, &array![0.0, 1.0], Method::Cobyqa, opts)?;
/// assert!(res.success(), "{}", res.message);
/// assert!((res.x[0] + 0.70711).abs() < 1e-5 && (res.x[1] - 0.70711).abs() < 1e-5);
/// assert!((res.fun + 1.20711).abs() < 1e-5 && res.constr_violation < 1.5e-8);
/// assert!(res.nfev <= 55); // 1.5 x SciPy's
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn minimize_constrained<'a, F>(
    fun: F,
    x0: &ArrayRef1<f64>,
    method: Method,
    options: MinimizeOptions<'a>,
) -> Result<ConstrainedResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64 + 'a,
{
    check::nonempty("x0", x0)?;
    check::finite("x0", x0)?;
    if !is_constrained(method) {
        return Err(check::invalid(
            "method",
            format!("{method:?} is not a constrained method; use minimize_with"),
        ));
    }
    let o = options;
    for (name, v) in [
        ("tol", o.tol),
        ("ftol", o.ftol),
        ("gtol", o.gtol),
        ("xtol", o.xtol),
    ] {
        if let Some(v) = v {
            check::non_negative(name, v)?;
        }
    }
    if let Some(b) = &o.bounds {
        b.check_len(x0.len())?;
    }
    for (name, v) in [
        ("barrier_tol", o.barrier_tol),
        ("initial_barrier_parameter", o.initial_barrier_parameter),
        ("initial_barrier_tolerance", o.initial_barrier_tolerance),
        ("initial_constr_penalty", o.initial_constr_penalty),
    ] {
        if let Some(v) = v {
            check::non_negative(name, v)?;
        }
    }
    if let Some(r) = o.initial_tr_radius {
        check::positive("initial_tr_radius", r)?;
    }
    if let Some(r) = o.rhobeg {
        check::positive("rhobeg", r)?;
    }
    if let Some(c) = o.catol {
        check::non_negative("catol", c)?;
    }
    if let Some(r) = o.final_tr_radius {
        check::positive("final_tr_radius", r)?;
    }
    if let Some(t) = o.feasibility_tol {
        check::non_negative("feasibility_tol", t)?;
    }
    if o.f_target.is_some_and(f64::is_nan) {
        return Err(check::invalid("f_target", "must not be NaN"));
    }
    let fd_needed = o.jac.is_none()
        || o.constraints.iter().any(|c| match c {
            Constraint::Linear(_) => false,
            Constraint::Nonlinear(nl) => nl.jac.is_none(),
            Constraint::Dict(d) => d.jac.is_none(),
        });
    let mut constraints = o.constraints;
    // trust-constr's bounds kept feasible: their widened box (infinite where
    // not kept).
    let mut strict = None;
    if method == Method::TrustConstr
        && let Some(b) = &o.bounds
    {
        // trust-constr treats bounds as one more (last) constraint.
        let (lb, ub) = trust_constr::widen(&b.lb, &b.ub);
        if b.keep_feasible.iter().any(|&k| k) {
            strict = Some(trust_constr::strict_box(b, &lb, &ub, x0)?);
        }
        let eye = Array2::eye(x0.len());
        let as_con = LinearConstraint::new(&eye, &lb, &ub)?.with_keep_feasible(&b.keep_feasible)?;
        constraints.push(Constraint::Linear(as_con));
    }
    let mut cons = Canonical::new(constraints, x0)?;
    if method == Method::TrustConstr {
        cons.check_kept_start()?;
    }
    cons.fd_bounds = strict.clone();
    if let Some(x) = all_fixed(method, o.bounds.as_ref()) {
        return Ok(fixed_constrained(fun, x, &mut cons));
    }
    let fun: ObjFn<'a> = Box::new(fun);
    let grad = match o.jac {
        Some(j) => Grad::Exact(checked_jac(j, x0.len())),
        None => Grad::Fd(o.fd),
    };
    // trust-constr's finite differences ignore the bounds not kept feasible (as SciPy's).
    let fd_bounds = if method != Method::TrustConstr {
        o.bounds.clone()
    } else {
        strict.clone()
    };
    let mut obj = Objective::new(fun, grad, fd_bounds);
    let mut st = Settings {
        bounds: o.bounds,
        maxiter: o.maxiter,
        maxfev: o.maxfev,
        gtol: o.gtol.or(o.tol),
        ftol: o.ftol.or(o.tol),
        xtol: o.xtol.or(o.tol),
        maxcor: None,
        maxls: None,
        norm: o.norm,
        xatol: None,
        fatol: None,
        adaptive: false,
        callback: o.callback,
    };
    let x0 = x0.to_owned();
    Ok(match method {
        Method::Slsqp => {
            let mut res = super::slsqp::slsqp(&mut obj, &mut cons, x0, &mut st);
            if fd_needed {
                mark_fixed(&mut res.jac, st.bounds.as_ref());
            }
            res
        }
        Method::TrustConstr => {
            let hess = match o.hess {
                Some(h) => ObjHess::Exact(h),
                None => ObjHess::Update(o.hess_update.unwrap_or_default()),
            };
            let tc = TrustConstrSettings {
                gtol: st.gtol.unwrap_or(1e-8),
                xtol: st.xtol.unwrap_or(1e-8),
                barrier_tol: o.barrier_tol.unwrap_or(1e-8),
                maxiter: st.maxiter.unwrap_or(1000),
                initial_tr_radius: o.initial_tr_radius.unwrap_or(1.0),
                initial_constr_penalty: o.initial_constr_penalty.unwrap_or(1.0),
                initial_barrier_parameter: o.initial_barrier_parameter.unwrap_or(0.1),
                initial_barrier_tolerance: o.initial_barrier_tolerance.unwrap_or(0.1),
            };
            let keep = trust_constr::Keep::new(strict, &cons);
            trust_constr::trust_constr(&mut obj, &mut cons, x0, hess, tc, keep, &mut st)
        }
        Method::Cobyla => {
            let cs = super::cobyla::CobylaSettings {
                rhobeg: o.rhobeg.unwrap_or(1.0),
                rhoend: o.tol.unwrap_or(1e-4),
                maxfun: o.maxiter.or(o.maxfev).unwrap_or(1000),
                catol: o.catol.unwrap_or(f64::EPSILON.sqrt()),
                f_target: o.f_target.unwrap_or(f64::NEG_INFINITY),
            };
            super::cobyla::cobyla(&mut obj, &mut cons, x0, &mut st, &cs)
        }
        Method::Cobyqa => {
            let n = x0.len();
            let cs = super::cobyqa::CobyqaSettings {
                initial_tr_radius: o.initial_tr_radius.unwrap_or(1.0),
                final_tr_radius: o.final_tr_radius.or(o.tol).unwrap_or(1e-6),
                maxfev: o.maxfev.unwrap_or(500 * n),
                maxiter: o.maxiter.unwrap_or(1000 * n),
                f_target: o.f_target.unwrap_or(f64::NEG_INFINITY),
                feasibility_tol: o.feasibility_tol.unwrap_or(f64::EPSILON.sqrt()),
                scale: o.scale_bounds,
            };
            super::cobyqa::cobyqa(&mut obj, &mut cons, x0, &mut st, &cs)
        }
        other => unreachable!("{other:?} is checked above"),
    })
}

/// SciPy's SLSQP result when the bounds fix every variable: `fun` and the
/// constraints evaluated once at `x`; success only if `x` meets every
/// constraint exactly (else status [`Status::Infeasible`](super::Status::Infeasible), code 4).
fn fixed_constrained<F>(mut fun: F, x: Array1<f64>, cons: &mut Canonical<'_>) -> ConstrainedResult
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
{
    let f = fun(&x);
    let (constr, maxcv) = cons.report(&x, None);
    let mut r = fixed_result(x, f);
    if !constr.is_empty() {
        r.message = if maxcv > 0.0 {
            r.status = Status::Infeasible;
            format!(
                "All independent variables were fixed by bounds, but the independent variables \
                 do not satisfy the constraints exactly. (Maximum violation: {maxcv:?})."
            )
        } else {
            "All independent variables were fixed by bounds at values that satisfy the constraints."
                .to_string()
        };
    }
    let n = r.x.len();
    ConstrainedResult {
        jac: Array1::from_elem(n, f64::NAN),
        nit: 0,
        nfev: 1,
        njev: 0,
        nhev: 0,
        status_code: if r.success() { 0 } else { 4 },
        multipliers: Array1::zeros(0),
        constr,
        constr_violation: maxcv,
        optimality: f64::NAN,
        constr_nfev: 0,
        tr_radius: f64::NAN,
        barrier_parameter: f64::NAN,
        cg_niter: 0,
        x: r.x,
        fun: r.fun,
        status: r.status,
        message: r.message,
    }
}

/// A boxed constraint function for the legacy interfaces.
pub type LegacyConFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a>;

/// Legacy `fmin_slsqp`: SLSQP with equality constraints `f_eqcons(x) = 0`,
/// inequality constraints `f_ieqcons(x) ≥ 0`, optional `bounds`, forward-
/// difference gradients and SciPy's defaults (`iter = 100`, `acc = 1e-6`).
///
/// # Errors
/// As [`minimize_constrained`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::fmin_slsqp;
/// use ndarray::{array, ArrayRef1};
///
/// // Closest point to (2, 2) on the line x0 + x1 = 1 with x0 ≤ 0.25.
/// let res = fmin_slsqp(
///     |x: &ArrayRef1<f64>| (x[0] - 2.0).powi(2) + (x[1] - 2.0).powi(2),
///     &array![0.0, 0.0],
///     Some(Box::new(|x: &ArrayRef1<f64>| array![x[0] + x[1] - 1.0])),
///     Some(Box::new(|x: &ArrayRef1<f64>| array![0.25 - x[0]])),
///     None,
/// )?;
/// assert!((res.x[0] - 0.25).abs() < 1e-6 && (res.x[1] - 0.75).abs() < 1e-6);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin_slsqp<'a, F>(
    func: F,
    x0: &ArrayRef1<f64>,
    f_eqcons: Option<LegacyConFn<'a>>,
    f_ieqcons: Option<LegacyConFn<'a>>,
    bounds: Option<Bounds>,
) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64 + 'a,
{
    use super::constraints::{ConstraintDict, ConstraintType};
    let mut constraints = Vec::new();
    for (kind, f) in [
        (ConstraintType::Eq, f_eqcons),
        (ConstraintType::Ineq, f_ieqcons),
    ] {
        if let Some(fun) = f {
            constraints.push(
                ConstraintDict {
                    kind,
                    fun,
                    jac: None,
                }
                .into(),
            );
        }
    }
    let opts = MinimizeOptions {
        constraints,
        bounds,
        ..Default::default()
    };
    minimize_constrained(func, x0, Method::Slsqp, opts).map(Into::into)
}

/// Legacy `fmin_cobyla`: COBYLA on the constraints `cons[i](x) ≥ 0`, with
/// SciPy's defaults elsewhere (`rhobeg = 1`, `rhoend = 1e-4`,
/// `maxfun = 1000`, `catol = 2e-4`). SciPy returns only `x`; the full
/// result is returned here.
///
/// # Errors
/// As [`minimize_constrained`]; also [`crate::Error::InvalidArgument`] if
/// `rhobeg` or `rhoend` is not positive.
///
/// # Examples
/// SciPy's example: minimize `x0·x1` on the unit disc with `x1 ≥ 0`.
/// ```
/// use ferrosci::optimize::fmin_cobyla;
/// use ndarray::{array, ArrayRef1};
///
/// let res = fmin_cobyla(
///     |x: &ArrayRef1<f64>| x[0] * x[1],
///     &array![0.0, 0.1],
///     vec![
///         Box::new(|x: &ArrayRef1<f64>| array![1.0 - x[0] * x[0] - x[1] * x[1]]),
///         Box::new(|x: &ArrayRef1<f64>| array![x[1]]),
///     ],
///     1.0,
///     1e-7,
///     1000,
/// )?;
/// let h = 0.5_f64.sqrt();
/// assert!((res.x[0] + h).abs() < 1e-5 && (res.x[1] - h).abs() < 1e-5, "{}", res.x);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin_cobyla<'a, F>(
    func: F,
    x0: &ArrayRef1<f64>,
    cons: Vec<LegacyConFn<'a>>,
    rhobeg: f64,
    rhoend: f64,
    maxfun: usize,
) -> Result<ConstrainedResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64 + 'a,
{
    use super::constraints::{ConstraintDict, ConstraintType};
    check::positive("rhoend", rhoend)?;
    let constraints = cons
        .into_iter()
        .map(|fun| {
            ConstraintDict {
                kind: ConstraintType::Ineq,
                fun,
                jac: None,
            }
            .into()
        })
        .collect();
    let opts = MinimizeOptions {
        constraints,
        rhobeg: Some(rhobeg),
        tol: Some(rhoend),
        maxiter: Some(maxfun),
        catol: Some(2e-4),
        ..Default::default()
    };
    minimize_constrained(func, x0, Method::Cobyla, opts)
}
