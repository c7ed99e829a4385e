//! `minimize`: one entry point for the local minimizers, with SciPy's
//! keywords in [`MinimizeOptions`], and the legacy `fmin*` functions.

use super::constrained::{is_constrained, minimize_constrained};
use super::constraints::Constraint;
use super::diff::{FdScheme, Grad, ObjFn, Objective, VecFn};
use super::hessian_update::HessianUpdateStrategy;
use super::newton_cg::Curvature;
use super::result::{Bounds, Callback, Intermediate, OptimizeResult, Status};
use crate::{Result, check};
use ndarray::{Array1, Array2, ArrayRef1};

/// A method of [`minimize`] (SciPy `method=`).
///
/// # Examples
/// Every method on the 2-D Rosenbrock function from SciPy's usual start:
/// ```
/// use ferrosci::optimize::{minimize_with, rosen, rosen_der, rosen_hess, Method, MinimizeOptions};
/// use ndarray::array;
///
/// for m in [Method::NelderMead, Method::Powell, Method::Cg, Method::Bfgs, Method::LBfgsB, Method::NewtonCg] {
///     let opts = MinimizeOptions {
///         jac: Some(Box::new(rosen_der)),
///         hess: Some(Box::new(|x: &ndarray::ArrayRef1<f64>| rosen_hess(x))),
///         ..Default::default()
///     };
///     let res = minimize_with(rosen, &array![-1.2, 1.0], m, opts)?;
///     assert!(res.success(), "{m:?}");
///     assert!((res.x[0] - 1.0).abs() < 2e-2 && (res.x[1] - 1.0).abs() < 4e-2, "{m:?}: {}", res.x);
/// }
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// Downhill simplex; derivative-free; honours `bounds` by clipping.
    NelderMead,
    /// Broyden–Fletcher–Goldfarb–Shanno quasi-Newton with a Wolfe line search.
    Bfgs,
    /// Nonlinear conjugate gradients (Polak–Ribière).
    Cg,
    /// Powell's conjugate-direction method; derivative-free; honours
    /// `bounds` by bounded line searches (a start outside them is kept, as
    /// in SciPy).
    Powell,
    /// Limited-memory BFGS with bounds.
    LBfgsB,
    /// Truncated Newton with CG inner solves; needs `jac`, uses `hess` or
    /// `hessp` if given, else finite differences of the gradient.
    NewtonCg,
    /// Dogleg trust region; needs `jac` and a positive definite Hessian
    /// (`hess`, else finite differences of the gradient, SciPy `hess='2-point'`).
    Dogleg,
    /// Newton conjugate-gradient trust region (Steihaug); needs `jac`; uses
    /// `hess`, `hessp` or finite differences of the gradient.
    TrustNcg,
    /// Nearly exact trust region (Moré–Sorensen); needs `jac`; uses `hess`
    /// or finite differences of the gradient.
    TrustExact,
    /// Krylov (GLTR/Lanczos) trust region; needs `jac`; uses `hess`,
    /// `hessp` or finite differences of the gradient.
    TrustKrylov,
    /// Truncated Newton with bounds (SciPy `'TNC'`): preconditioned CG on
    /// finite differences of the gradient, an active set for the bounds.
    Tnc,
    /// Sequential least-squares quadratic programming (Kraft): bounds,
    /// equality and inequality `constraints`; see [`minimize_constrained`].
    Slsqp,
    /// Trust-region SQP with an interior-point (barrier) method for
    /// inequalities and bounds; see [`minimize_constrained`].
    TrustConstr,
    /// Powell's derivative-free COBYLA: linear models on a simplex, bounds,
    /// equality and inequality `constraints`; see [`minimize_constrained`].
    Cobyla,
    /// Ragonneau and Zhang's derivative-free COBYQA: quadratic models,
    /// trust-region SQP; bounds (always respected), equality and inequality
    /// `constraints`; see [`minimize_constrained`].
    ///
    /// ```
    /// use ferrosci::optimize::{minimize_with, rosen, Method, MinimizeOptions};
    /// use ndarray::array;
    ///
    /// let res = minimize_with(rosen, &array![-1.2, 1.0], Method::Cobyqa, MinimizeOptions::default())?;
    /// assert!(res.success() && (res.x[0] - 1.0).abs() < 1e-4, "{}", res.message);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    Cobyqa,
}

/// A boxed Hessian: `x ↦ ∇²f(x)`.
pub(crate) type HessFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a>;
/// A boxed Hessian-vector product: `(x, p) ↦ ∇²f(x)·p`.
pub(crate) type HesspFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>, &ArrayRef1<f64>) -> Array1<f64> + 'a>;

/// SciPy's keywords and `options=` of [`minimize`]; `Default` is SciPy's
/// default for every method. Fields a method does not use are ignored by it
/// (as SciPy ignores unknown keys only with a warning); each field says who
/// reads it. `None` means the method's own SciPy default.
pub struct MinimizeOptions<'a> {
    /// Gradient of the objective (SciPy `jac=callable`). Without it,
    /// gradient methods use finite differences per `fd`.
    #[allow(clippy::type_complexity)]
    pub jac: Option<Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a>>,
    /// Finite-difference scheme when `jac` is `None` (SciPy `jac='2-point'`
    /// (default) or `'3-point'`).
    pub fd: FdScheme,
    /// Hessian of the objective (Newton-CG; SciPy `hess=callable`).
    #[allow(clippy::type_complexity)]
    pub hess: Option<Box<dyn FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a>>,
    /// Hessian-vector product (Newton-CG; SciPy `hessp`), used when `hess` is `None`.
    #[allow(clippy::type_complexity)]
    pub hessp: Option<Box<dyn FnMut(&ArrayRef1<f64>, &ArrayRef1<f64>) -> Array1<f64> + 'a>>,
    /// Box bounds (Nelder-Mead, Powell, L-BFGS-B, TNC, SLSQP, trust-constr, COBYLA;
    /// their `keep_feasible` is read by trust-constr only).
    pub bounds: Option<Bounds>,
    /// SciPy `tol`: sets `gtol` (BFGS, CG, L-BFGS-B), `ftol` (L-BFGS-B), `xtol` (Newton-CG) or
    /// `xatol` and `fatol` (Nelder-Mead) unless those are given; COBYLA's
    /// final trust-region radius (default 1e-4).
    pub tol: Option<f64>,
    /// Iteration cap (default `200·n`; L-BFGS-B 15000); for COBYLA, as in
    /// SciPy, the cap on function evaluations (default 1000).
    pub maxiter: Option<usize>,
    /// Cap on function evaluations, finite-difference ones included
    /// (Nelder-Mead `maxfev`, default `200·n`; L-BFGS-B `maxfun`, default 15000,
    /// checked between iterations as SciPy does, so its last line search may overrun it).
    pub maxfev: Option<usize>,
    /// Gradient-norm tolerance (BFGS, CG; default `1e-5`), or projected
    /// gradient tolerance (L-BFGS-B `pgtol`; default `1e-5`).
    pub gtol: Option<f64>,
    /// Step-size tolerance (Newton-CG: average ℓ₁ step, default `1e-5`;
    /// Powell: line-search tolerance / 100, default `1e-4`).
    pub xtol: Option<f64>,
    /// Relative reduction of `f` that ends the run (L-BFGS-B, default `2.2e-9`;
    /// Powell, default `1e-4`).
    pub ftol: Option<f64>,
    /// Number of stored correction pairs (L-BFGS-B; default 10).
    pub maxcor: Option<usize>,
    /// Line-search evaluations per iteration (L-BFGS-B; default 20).
    pub maxls: Option<usize>,
    /// Order of the norm in the `gtol` test (BFGS, CG; default ∞).
    pub norm: f64,
    /// Simplex size tolerance (Nelder-Mead; default `1e-4`).
    pub xatol: Option<f64>,
    /// Simplex value-spread tolerance (Nelder-Mead; default `1e-4`).
    pub fatol: Option<f64>,
    /// Dimension-adapted simplex coefficients (Nelder-Mead; default false).
    pub adaptive: bool,
    /// Called after every iteration; `ControlFlow::Break(())` stops the run.
    pub callback: Option<Callback<'a>>,
    /// Initial trust radius (trust-region methods; default 1).
    pub initial_trust_radius: Option<f64>,
    /// Largest trust radius (trust-region methods; default 1000).
    pub max_trust_radius: Option<f64>,
    /// Step acceptance threshold on actual/predicted reduction, in `[0, ¼)`
    /// (trust-region methods; default 0.15); for TNC the line search's
    /// curvature severity `|φ'(α)| ≤ η|φ'(0)|` (default 0.25).
    pub eta: Option<f64>,
    /// Solve the subproblems loosely (trust-krylov; default true).
    pub inexact: bool,
    /// Factorisations per subproblem (trust-exact; default 25).
    pub subproblem_maxiter: Option<usize>,
    /// Variable scales (TNC `scale`; default the box width for doubly
    /// bounded variables, `1 + |x₀|` otherwise; 0 fixes a variable).
    pub scale: Option<Array1<f64>>,
    /// Variable offsets (TNC `offset`; default the box centre, or `x₀`).
    pub offset: Option<Array1<f64>>,
    /// CG iterations per Newton step (TNC `maxCGit`; default `clamp(n/2, 1, 50)`).
    pub maxcgit: Option<usize>,
    /// Largest line-search step in scaled variables (TNC `stepmx`; default 10).
    pub stepmx: Option<f64>,
    /// Relative accuracy of the finite-difference Hessian products (TNC
    /// `accuracy`; default √ε).
    pub accuracy: Option<f64>,
    /// An estimate of the minimum value (TNC `minfev`; default 0).
    pub minfev: Option<f64>,
    /// log₁₀ change of `‖∇f‖` that triggers rescaling `f` (TNC `rescale`; default 1.3).
    pub rescale: Option<f64>,
    /// Constraints (SLSQP, trust-constr, COBYLA; SciPy `constraints=`).
    pub constraints: Vec<Constraint<'a>>,
    /// Quasi-Newton Hessian of the objective when `hess` is `None`
    /// (trust-constr; SciPy `hess=BFGS()` (default) or `SR1()`).
    pub hess_update: Option<HessianUpdateStrategy>,
    /// Barrier-parameter threshold of the `xtol` test (trust-constr; default 1e-8).
    pub barrier_tol: Option<f64>,
    /// First trust radius (trust-constr, COBYQA; default 1).
    pub initial_tr_radius: Option<f64>,
    /// Last trust radius, the resolution of the answer (COBYQA; default
    /// `tol`, else 1e-6).
    pub final_tr_radius: Option<f64>,
    /// Largest constraint violation of a feasible point (COBYQA; default √ε).
    pub feasibility_tol: Option<f64>,
    /// Work in variables scaled to `[−1, 1]` by the bounds when they are
    /// all finite (COBYQA's `scale`, default false; the field `scale` is TNC's).
    pub scale_bounds: bool,
    /// First merit-function penalty (trust-constr; default 1).
    pub initial_constr_penalty: Option<f64>,
    /// First barrier parameter (trust-constr; default 0.1).
    pub initial_barrier_parameter: Option<f64>,
    /// First barrier-subproblem tolerance (trust-constr; default 0.1).
    pub initial_barrier_tolerance: Option<f64>,
    /// First trust-region radius, a reasonable first change of the
    /// variables (COBYLA; default 1).
    pub rhobeg: Option<f64>,
    /// Largest constraint violation of a successful answer (COBYLA; default √ε).
    pub catol: Option<f64>,
    /// Stop once a feasible point has `f ≤ f_target` (COBYLA, COBYQA; default −∞).
    pub f_target: Option<f64>,
}

impl Default for MinimizeOptions<'_> {
    fn default() -> Self {
        MinimizeOptions {
            jac: None,
            hess: None,
            hessp: None,
            xtol: None,
            fd: FdScheme::TwoPoint,
            bounds: None,
            tol: None,
            maxiter: None,
            maxfev: None,
            gtol: None,
            ftol: None,
            maxcor: None,
            maxls: None,
            norm: f64::INFINITY,
            xatol: None,
            fatol: None,
            adaptive: false,
            callback: None,
            initial_trust_radius: None,
            max_trust_radius: None,
            eta: None,
            inexact: true,
            subproblem_maxiter: None,
            scale: None,
            offset: None,
            maxcgit: None,
            stepmx: None,
            accuracy: None,
            minfev: None,
            rescale: None,
            constraints: Vec::new(),
            hess_update: None,
            barrier_tol: None,
            initial_tr_radius: None,
            final_tr_radius: None,
            feasibility_tol: None,
            scale_bounds: false,
            initial_constr_penalty: None,
            initial_barrier_parameter: None,
            initial_barrier_tolerance: None,
            rhobeg: None,
            catol: None,
            f_target: None,
        }
    }
}

/// Resolved settings handed to a method, with the callback and the result builder.
pub(crate) struct Settings<'a> {
    pub(crate) bounds: Option<Bounds>,
    pub(crate) maxiter: Option<usize>,
    pub(crate) maxfev: Option<usize>,
    pub(crate) gtol: Option<f64>,
    pub(crate) ftol: Option<f64>,
    pub(crate) xtol: Option<f64>,
    pub(crate) maxcor: Option<usize>,
    pub(crate) maxls: Option<usize>,
    pub(crate) norm: f64,
    pub(crate) xatol: Option<f64>,
    pub(crate) fatol: Option<f64>,
    pub(crate) adaptive: bool,
    pub(crate) callback: Option<Callback<'a>>,
}

impl Settings<'_> {
    /// Runs the callback; true means stop.
    pub(crate) fn stop(&mut self, x: &ArrayRef1<f64>, fun: f64, nit: usize) -> bool {
        match self.callback.as_mut() {
            Some(cb) => cb(&Intermediate {
                x: x.view(),
                fun,
                nit,
            })
            .is_break(),
            None => false,
        }
    }

    /// Packs a result with the objective's counters.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn result(
        &self,
        obj: &Objective<'_>,
        x: Array1<f64>,
        fun: f64,
        jac: Option<Array1<f64>>,
        hess_inv: Option<Array2<f64>>,
        nit: usize,
        nhev: usize,
        status: Status,
    ) -> OptimizeResult {
        OptimizeResult {
            x,
            fun,
            jac,
            hess_inv,
            nit,
            nfev: obj.nfev,
            njev: obj.njev,
            nhev,
            status,
            message: status.message().to_string(),
        }
    }
}

/// Minimizes a scalar function of several variables with SciPy's defaults
/// (SciPy `minimize(fun, x0, method=...)`); gradients, if needed, by
/// forward differences. See [`minimize_with`] for the keywords.
///
/// # Errors
/// As [`minimize_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::{minimize, rosen, Method};
/// use ndarray::array;
///
/// let res = minimize(rosen, &array![-1.2, 1.0], Method::NelderMead)?;
/// assert!(res.success());
/// assert!(res.x.iter().all(|v| (v - 1.0).abs() < 1e-3));
/// assert_eq!(res.nfev, 159); // as SciPy
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn minimize<F>(fun: F, x0: &ArrayRef1<f64>, method: Method) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
{
    minimize_with(fun, x0, method, MinimizeOptions::default())
}

/// Minimizes a scalar function of several variables, with SciPy's keywords
/// (SciPy `minimize(fun, x0, method=..., jac=..., bounds=..., tol=...,
/// options=..., callback=...)`).
///
/// Running out of iterations, a failed line search or a NaN objective are
/// reported in [`OptimizeResult::status`], not as errors.
///
/// As in SciPy, L-BFGS-B, TNC and SLSQP are not run when `bounds` fix every
/// variable (`lb == ub`): the result is `x = lb` after one evaluation, with
/// success and the message "All independent variables were fixed by bounds."
/// (SLSQP also checks the constraints at `lb`). When only some variables are
/// fixed, their `jac` entries are NaN where SciPy drops them from the problem
/// (TNC; L-BFGS-B and SLSQP with finite differences). L-BFGS-B's messages are
/// SciPy's task messages ("CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL",
/// "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT", ...).
///
/// Powell honours `bounds` as SciPy does (since 1.5): each line search is a
/// bounded scalar minimization over the part of the line inside the box, and
/// the extrapolated point is cut back to the box. A start outside the box is
/// not clipped (SciPy warns and starts there); the line searches then move
/// only along directions that reach the box.
///
/// # Errors
/// [`crate::Error::InvalidArgument`] if `x0` is empty or not finite, a
/// tolerance is negative, Newton-CG is called without `jac`, or `bounds` are
/// given to a method that does not take them; [`crate::Error::ShapeMismatch`] if `bounds` do not
/// match `x0`.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{minimize_with, rosen, rosen_der, Bounds, Method, MinimizeOptions};
/// use ndarray::array;
///
/// let opts = MinimizeOptions { jac: Some(Box::new(rosen_der)), gtol: Some(1e-8), ..Default::default() };
/// let res = minimize_with(rosen, &array![-1.2, 1.0], Method::Bfgs, opts)?;
/// assert!(res.success() && (res.x[0] - 1.0).abs() < 1e-6);
/// assert!(res.hess_inv.is_some());
///
/// // Bounds that fix every variable: nothing to minimize.
/// let opts = MinimizeOptions { bounds: Some(Bounds::new(&array![0.5, 2.0], &array![0.5, 2.0])?), ..Default::default() };
/// let res = minimize_with(rosen, &array![-1.2, 1.0], Method::LBfgsB, opts)?;
/// assert!(res.success() && res.nfev == 1 && res.fun == 306.5);
/// assert_eq!(res.message, "All independent variables were fixed by bounds.");
///
/// // Powell in a box that holds no unconstrained minimum: it ends in the corner.
/// let f = |x: &ndarray::ArrayRef1<f64>| (x[0] - 3.0).powi(2) + (x[1] + 2.0).powi(2) + x[0] * x[1];
/// let opts = MinimizeOptions { bounds: Some(Bounds::uniform(2, -1.0, 1.0)?), ..Default::default() };
/// let res = minimize_with(f, &array![0.0, 0.0], Method::Powell, opts)?;
/// assert!(res.success() && (res.x[0] - 1.0).abs() < 1e-6 && (res.x[1] + 1.0).abs() < 1e-6);
/// assert!(res.x.iter().all(|v| v.abs() <= 1.0));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn minimize_with<'a, F>(
    fun: F,
    x0: &ArrayRef1<f64>,
    method: Method,
    options: MinimizeOptions<'a>,
) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64 + 'a,
{
    run(fun, x0, method, options, true)
}

/// [`minimize_with`]; `skip_fixed: false` runs the method even when the
/// bounds fix every variable (the legacy `fmin_tnc` reports that itself).
pub(crate) fn run<'a, F>(
    fun: F,
    x0: &ArrayRef1<f64>,
    method: Method,
    options: MinimizeOptions<'a>,
    skip_fixed: bool,
) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64 + 'a,
{
    if is_constrained(method) {
        return minimize_constrained(fun, x0, method, options).map(Into::into);
    }
    check::nonempty("x0", x0)?;
    check::finite("x0", x0)?;
    let o = options;
    if !o.constraints.is_empty() {
        return Err(check::invalid(
            "constraints",
            format!("method {method:?} does not take constraints"),
        ));
    }
    for (name, v) in [
        ("tol", o.tol),
        ("gtol", o.gtol),
        ("xatol", o.xatol),
        ("fatol", o.fatol),
    ] {
        if let Some(v) = v {
            check::non_negative(name, v)?;
        }
    }
    if let Some(b) = &o.bounds {
        b.check_len(x0.len())?;
    }
    let mut fun = fun;
    if let Some(x) = all_fixed(method, o.bounds.as_ref()).filter(|_| skip_fixed) {
        let f = fun(&x);
        return Ok(fixed_result(x, f));
    }
    // SciPy solves without the fixed variables here, so reports NaN for their gradient.
    let removes = method == Method::Tnc || (method == Method::LBfgsB && o.jac.is_none());
    let (gtol, xatol, fatol) = (o.gtol.or(o.tol), o.xatol.or(o.tol), o.fatol.or(o.tol));
    if o.bounds.is_some()
        && !matches!(
            method,
            Method::NelderMead | Method::Powell | Method::LBfgsB | Method::Tnc
        )
    {
        return Err(check::invalid(
            "bounds",
            format!("method {method:?} does not take bounds here"),
        ));
    }
    if method == Method::NewtonCg && o.jac.is_none() {
        return Err(check::invalid("jac", "Newton-CG needs the gradient `jac`"));
    }
    let trust = super::trust_region::params(method, &o)?;
    let tnc = super::tnc::TncParams {
        scale: o.scale.clone(),
        offset: o.offset.clone(),
        maxcgit: o.maxcgit,
        eta: o.eta,
        stepmx: o.stepmx,
        accuracy: o.accuracy,
        minfev: o.minfev.unwrap_or(0.0),
        rescale: o.rescale,
    };
    tnc.check(x0.len())?;
    let mut curvature = match (o.hess, o.hessp) {
        (Some(h), _) => Curvature::Hess(h),
        (None, Some(hp)) => Curvature::Hessp(hp),
        (None, None) => Curvature::Fd,
    };
    let fun: ObjFn<'a> = Box::new(fun);
    let grad = match o.jac {
        Some(j) => Grad::Exact(checked_jac(j, x0.len())),
        None => Grad::Fd(o.fd),
    };
    let mut obj = Objective::new(fun, grad, o.bounds.clone());
    let mut st = Settings {
        bounds: o.bounds,
        maxiter: o.maxiter,
        maxfev: o.maxfev,
        gtol,
        ftol: o.ftol.or(o.tol),
        xtol: o.xtol.or(o.tol),
        maxcor: o.maxcor,
        maxls: o.maxls,
        norm: o.norm,
        xatol,
        fatol,
        adaptive: o.adaptive,
        callback: o.callback,
    };
    let x0 = x0.to_owned();
    let mut res = match method {
        Method::NelderMead => super::nelder_mead::nelder_mead(&mut obj, x0, &mut st),
        Method::Bfgs => super::bfgs::bfgs(&mut obj, x0, &mut st),
        Method::Cg => super::bfgs::cg(&mut obj, x0, &mut st),
        Method::Powell => super::powell::powell(&mut obj, x0, &mut st),
        Method::LBfgsB => super::lbfgsb::lbfgsb(&mut obj, x0, &mut st),
        Method::NewtonCg => super::newton_cg::newton_cg(&mut obj, x0, &mut curvature, &mut st),
        Method::Dogleg | Method::TrustNcg | Method::TrustExact | Method::TrustKrylov => {
            let (sub, tp) = trust.expect("params() returns Some for trust methods");
            super::trust_region::trust_region(&mut obj, x0, &mut curvature, &mut st, sub, &tp)
        }
        Method::Tnc => super::tnc::tnc(&mut obj, x0, &mut st, &tnc),
        Method::Slsqp | Method::TrustConstr | Method::Cobyla | Method::Cobyqa => {
            unreachable!("constrained methods return above")
        }
    };
    if removes && let Some(j) = res.jac.as_mut() {
        mark_fixed(j, st.bounds.as_ref());
    }
    Ok(res)
}

/// NaN gradient entries for the variables `bounds` fix (`lb == ub`), as
/// SciPy's `minimize` reports when it solves L-BFGS-B, TNC or SLSQP without
/// them (with finite differences, and always for TNC).
pub(crate) fn mark_fixed(jac: &mut Array1<f64>, bounds: Option<&Bounds>) {
    if let Some(b) = bounds {
        for ((j, l), u) in jac.iter_mut().zip(&b.lb).zip(&b.ub) {
            if l == u {
                *j = f64::NAN;
            }
        }
    }
}

/// The point `lb` when SciPy's `minimize` skips `method` because `bounds`
/// fix every variable (`lb == ub`): SciPy does so for L-BFGS-B, TNC and
/// SLSQP only.
pub(crate) fn all_fixed(method: Method, bounds: Option<&Bounds>) -> Option<Array1<f64>> {
    let b = bounds?;
    let skips = matches!(method, Method::LBfgsB | Method::Tnc | Method::Slsqp);
    (skips && b.lb.iter().zip(&b.ub).all(|(l, u)| l == u)).then(|| b.lb.clone())
}

/// SciPy's result for [`all_fixed`] bounds: one evaluation at `x`, success.
pub(crate) fn fixed_result(x: Array1<f64>, fun: f64) -> OptimizeResult {
    OptimizeResult {
        x,
        fun,
        jac: None,
        hess_inv: None,
        nit: 0,
        nfev: 1,
        njev: 0,
        nhev: 0,
        status: Status::Success,
        message: "All independent variables were fixed by bounds.".to_string(),
    }
}

/// Wraps a user gradient so that a wrong length becomes NaNs (and so a NaN
/// status) instead of a panic inside the method.
pub(crate) fn checked_jac<'a>(mut j: VecFn<'a>, n: usize) -> VecFn<'a> {
    Box::new(move |x: &ArrayRef1<f64>| {
        let g = j(x);
        if g.len() == n {
            g
        } else {
            Array1::from_elem(n, f64::NAN)
        }
    })
}

/// Legacy `fmin`: Nelder–Mead with SciPy's `fmin` defaults
/// (`xtol = ftol = 1e-4`, `maxiter = maxfun = 200·n`).
///
/// # Errors
/// As [`minimize_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::fmin;
/// use ndarray::{array, ArrayRef1};
/// let res = fmin(|x: &ArrayRef1<f64>| (x[0] - 2.0).powi(2) + (x[1] + 1.0).powi(2), &array![0.0, 0.0])?;
/// assert!((res.x[0] - 2.0).abs() < 1e-3 && (res.x[1] + 1.0).abs() < 1e-3);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin<F>(func: F, x0: &ArrayRef1<f64>) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
{
    minimize(func, x0, Method::NelderMead)
}

/// Legacy `fmin_bfgs`: BFGS with an optional gradient `fprime`
/// (forward differences without it) and SciPy's defaults (`gtol = 1e-5`).
///
/// # Errors
/// As [`minimize_with`].
///
/// # Examples
/// The lecture notes' `f(x) = x² + 10 sin x` has its global minimum near
/// −1.30644 and a local one near 3.83747:
/// ```
/// use ferrosci::optimize::fmin_bfgs;
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let f = |x: &ArrayRef1<f64>| x[0] * x[0] + 10.0 * x[0].sin();
/// let none = None::<fn(&ArrayRef1<f64>) -> Array1<f64>>;
/// let res = fmin_bfgs(f, none, &array![0.0])?;
/// assert!((res.x[0] + 1.30644).abs() < 1e-5);
/// let res = fmin_bfgs(f, none, &array![3.0])?;
/// assert!((res.x[0] - 3.83747).abs() < 1e-5);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin_bfgs<F, G>(f: F, fprime: Option<G>, x0: &ArrayRef1<f64>) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
    G: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    legacy_gradient(f, fprime, x0, Method::Bfgs)
}

/// Legacy `fmin_cg`: nonlinear conjugate gradients with an optional
/// gradient `fprime` and SciPy's defaults (`gtol = 1e-5`).
///
/// # Errors
/// As [`minimize_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::{fmin_cg, rosen, rosen_der};
/// use ndarray::array;
/// let res = fmin_cg(rosen, Some(rosen_der), &array![-1.2, 1.0])?;
/// assert!(res.success() && (res.x[1] - 1.0).abs() < 1e-4);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin_cg<F, G>(f: F, fprime: Option<G>, x0: &ArrayRef1<f64>) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
    G: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    legacy_gradient(f, fprime, x0, Method::Cg)
}

fn legacy_gradient<F, G>(
    f: F,
    fprime: Option<G>,
    x0: &ArrayRef1<f64>,
    method: Method,
) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
    G: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    // Boxed closures need a common lifetime; `fprime` lives for this call.
    let jac = fprime.map(|g| Box::new(g) as Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>);
    minimize_with(
        f,
        x0,
        method,
        MinimizeOptions {
            jac,
            ..Default::default()
        },
    )
}

/// Legacy `fmin_l_bfgs_b`: L-BFGS-B with an optional gradient `fprime`
/// (forward differences without it), optional `bounds` and SciPy's defaults
/// (`m = 10`, `factr = 1e7` i.e. `ftol = 2.2e-9`, `pgtol = 1e-5`).
///
/// # Errors
/// As [`minimize_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::{fmin_l_bfgs_b, rosen, rosen_der, Bounds};
/// use ndarray::array;
///
/// let b = Bounds::new(&array![-2.0, -2.0], &array![0.5, 2.0])?;
/// let res = fmin_l_bfgs_b(rosen, Some(rosen_der), &array![-1.2, 1.0], Some(b))?;
/// assert!(res.success());
/// assert!((res.x[0] - 0.5).abs() < 1e-6 && (res.x[1] - 0.25).abs() < 1e-4);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin_l_bfgs_b<F, G>(
    f: F,
    fprime: Option<G>,
    x0: &ArrayRef1<f64>,
    bounds: Option<Bounds>,
) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
    G: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    let jac = fprime.map(|g| Box::new(g) as Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>);
    minimize_with(
        f,
        x0,
        Method::LBfgsB,
        MinimizeOptions {
            jac,
            bounds,
            ..Default::default()
        },
    )
}

/// Legacy `fmin_powell`: Powell's method with SciPy's defaults
/// (`xtol = ftol = 1e-4`, `maxiter = maxfun = 1000·n`).
///
/// # Errors
/// As [`minimize_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::{fmin_powell, rosen};
/// use ndarray::array;
/// let res = fmin_powell(rosen, &array![-1.2, 1.0])?;
/// assert!(res.success() && (res.x[0] - 1.0).abs() < 1e-3);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin_powell<F>(func: F, x0: &ArrayRef1<f64>) -> Result<OptimizeResult>
where
    F: FnMut(&ArrayRef1<f64>) -> f64,
{
    minimize(func, x0, Method::Powell)
}
