//! Optimization and root finding (SciPy `scipy.optimize`).
//!
//! | SciPy | ferrosci | what it does |
//! |---|---|---|
//! | `OptimizeResult` | [`OptimizeResult`], [`Status`] | result of a minimizer; `status` names SciPy's failure modes, including [`Status::Infeasible`] constraints, [`Status::SubproblemFailed`], [`Status::LineSearchFailed`] and [`Status::NoFreeVariables`] |
//! | `Bounds` | [`Bounds`] | box constraints; `keep_feasible` via [`Bounds::with_keep_feasible`] (honoured by trust-constr only, as in SciPy; so are [`LinearConstraint::with_keep_feasible`] and [`NonlinearConstraint::with_keep_feasible`]) |
//! | `approx_fprime` | [`approx_fprime`] | forward-difference gradient |
//! | `check_grad` | [`check_grad`] | compare a gradient with finite differences |
//! | `rosen`, `rosen_der`, `rosen_hess`, `rosen_hess_prod` | [`rosen`], [`rosen_der`], [`rosen_hess`], [`rosen_hess_prod`] | Rosenbrock test function |
//! | `brentq`, `brenth`, `ridder`, `bisect`, `toms748` | [`brentq`], [`brenth`], [`ridder`], [`bisect`], [`toms748`] | bracketing root finders |
//! | `newton` (scalar) | [`newton`] | Newton, Halley, secant |
//! | `newton` (array `x0`) | [`newton_array`] | vectorised Newton / secant |
//! | `root_scalar` | [`root_scalar`] | any scalar root finder by name |
//! | `bracket` | [`bracket`] | bracket a minimum |
//! | `brent`, `golden`, `fminbound` | [`brent`], [`golden`], [`fminbound`] | scalar minimizers |
//! | `minimize_scalar` | [`minimize_scalar`] | any scalar minimizer by name |
//! | `minimize` | [`minimize`], [`minimize_with`] (keywords in [`MinimizeOptions`]) | local minimizers, [`Method`]; `bounds` for Nelder-Mead (clipping) and Powell (line searches kept inside the box; a start outside is kept, as in SciPy) too |
//! | `least_squares` | [`least_squares`], [`least_squares_with`] ([`LeastSquaresOptions`], [`LeastSquaresResult`], [`LsqMethod`], [`Loss`], [`XScale`], [`Jacobian`]) | nonlinear least squares: TRF and dogbox with bounds and robust losses, Levenberg–Marquardt |
//! | `curve_fit` | [`curve_fit`], [`curve_fit_with`] (point-wise model), [`curve_fit_array`], [`curve_fit_array_with`] (model of the whole `xdata`, as SciPy's) ([`CurveFitOptions`], [`Sigma`], [`CurveFit`]) | fit a model to data, with the parameters' covariance; 1-D or 2-D `sigma` |
//! | `root` (systems) | [`root`], [`root_with`] ([`RootMethod`], [`RootOptionsNd`], [`RootResult`]) | Powell's hybrid method (MINPACK `hybrd`), Levenberg–Marquardt |
//! | `root(method='broyden1' / 'broyden2' / 'anderson' / 'linearmixing' / 'diagbroyden' / 'excitingmixing' / 'krylov' / 'df-sane')` | [`RootMethod::Broyden1`] ... [`RootMethod::Krylov`], [`RootMethod::DfSane`] (keywords in [`RootOptionsNd::nonlin`], [`RootOptionsNd::dfsane`]: [`NonlinOptions`], [`DfSaneOptions`]) | large-scale quasi-Newton, Newton–Krylov and spectral residual solvers |
//! | `broyden1`, `broyden2`, `anderson`, `linearmixing`, `diagbroyden`, `excitingmixing`, `newton_krylov` | [`broyden1`], [`broyden2`], [`anderson`], [`linearmixing`], [`diagbroyden`], [`excitingmixing`], [`newton_krylov`] (and `_with` forms taking [`NonlinOptions`]; `line_search` 'armijo', 'wolfe' or None as [`NonlinLineSearch`]) | the same solvers, returning `x` or [`crate::Error::NotConverged`] |
//! | `fsolve` | [`fsolve`], [`fsolve_with`] (full output in [`RootResult`]) | roots of `F: ℝⁿ → ℝⁿ` |
//! | `nnls` | [`nnls`], [`nnls_with`] ([`NnlsOptions`]) | non-negative linear least squares (Lawson–Hanson) |
//! | `lsq_linear` | [`lsq_linear`], [`lsq_linear_with`] ([`LsqLinearOptions`], [`LsqLinearResult`]) | bounded linear least squares (active set, BVLS-style) |
//! | `minimize(method='dogleg' / 'trust-ncg' / 'trust-exact' / 'trust-krylov')` | [`Method::Dogleg`], [`Method::TrustNcg`], [`Method::TrustExact`], [`Method::TrustKrylov`] | trust-region Newton methods (keywords `initial_trust_radius`, `max_trust_radius`, `eta`, `inexact`, `subproblem_maxiter` in [`MinimizeOptions`]) |
//! | `minimize(method='TNC')`, `fmin_tnc` | [`Method::Tnc`], [`fmin_tnc`] | truncated Newton with bounds (keywords `scale`, `offset`, `maxcgit`, `eta`, `stepmx`, `accuracy`, `minfev`, `rescale` in [`MinimizeOptions`]) |
//! | `isotonic_regression` | [`isotonic_regression`], [`isotonic_regression_with`] ([`IsotonicOptions`], [`IsotonicResult`]) | monotone least-squares fit (pool adjacent violators) |
//! | `minimize(method='SLSQP')` | [`minimize_constrained`] (full result [`ConstrainedResult`]), [`minimize_with`] with [`Method::Slsqp`] | Kraft's SLSQP: bounds, equality and inequality constraints |
//! | `minimize(method='trust-constr')` | [`minimize_constrained`], [`minimize_with`] with [`Method::TrustConstr`] | Byrd–Omojokun trust-region SQP, interior-point for inequalities and bounds; exact, BFGS or SR1 Hessians |
//! | `minimize(method='COBYLA')`, `fmin_cobyla` | [`minimize_constrained`], [`minimize_with`] with [`Method::Cobyla`] (keywords `rhobeg`, `tol`, `maxiter`, `catol`, `f_target` in [`MinimizeOptions`]); [`fmin_cobyla`] | Powell's derivative-free COBYLA: linear models on a simplex, trust region, ℓ∞ penalty merit; bounds, equality and inequality constraints |
//! | `minimize(method='COBYQA')` | [`minimize_constrained`], [`minimize_with`] with [`Method::Cobyqa`] (keywords `initial_tr_radius`, `final_tr_radius`, `maxfev`, `maxiter`, `f_target`, `feasibility_tol`, `scale_bounds` (SciPy `scale`) in [`MinimizeOptions`]) | Ragonneau and Zhang's derivative-free trust-region SQP: quadratic models by least-Frobenius-norm interpolation on `2n + 1` points, Byrd–Omojokun steps, ℓ₂ merit; bounds always respected, equality and inequality constraints |
//! | `LinearConstraint`, `NonlinearConstraint`, `{'type': 'eq'/'ineq', 'fun', 'jac'}` | [`LinearConstraint`], [`NonlinearConstraint`], [`ConstraintDict`] ([`ConstraintType`]), all as [`Constraint`] | constraints of `minimize` |
//! | `HessianUpdateStrategy`, `BFGS`, `SR1` | [`HessianUpdateStrategy`] ([`UpdateRule`], [`ExceptionStrategy`], [`InitScale`], [`ApproxType`]) | quasi-Newton Hessian approximations |
//! | `fmin_slsqp` | [`fmin_slsqp`] | legacy SLSQP |
//! | `fmin`, `fmin_powell`, `fmin_bfgs`, `fmin_cg`, `fmin_l_bfgs_b` | [`fmin`], [`fmin_powell`], [`fmin_bfgs`], [`fmin_cg`], [`fmin_l_bfgs_b`] | legacy names |
//!
//! ## Calling `minimize`
//! SciPy's `minimize(fun, x0, method='BFGS', jac=rosen_der, tol=1e-8)` reads
//! `minimize_with(rosen, &x0, Method::Bfgs, MinimizeOptions { jac: Some(Box::new(rosen_der)),
//! tol: Some(1e-8), ..Default::default() })`; without keywords it is
//! `minimize(rosen, &x0, Method::Bfgs)`. Objectives are closures
//! `|x: &ArrayRef1<f64>| -> f64`; SciPy's `args=` are captured variables.
//! The callback sees every iterate and returns `ControlFlow::Break(())` to stop.
//!
//! ## Trust-region methods, TNC and large systems
//! `dogleg`, `trust-ncg`, `trust-exact` and `trust-krylov` need `jac`; they
//! use `hess` (or `hessp` for the two Krylov-space ones) and otherwise a
//! forward-difference Hessian of the gradient (SciPy `hess='2-point'`).
//! They and TNC take SciPy's path on SciPy's standard problems (the
//! fixtures in `tests/fixtures/optimize/uncon_*.json` record `nit` and
//! `nfev`), as do `root`'s quasi-Newton, Krylov and df-sane methods.
//! ```
//! use ferrosci::optimize::{minimize_with, root_with, rosen, rosen_der, rosen_hess, Bounds, Method,
//!     MinimizeOptions, RootMethod, RootOptionsNd};
//! use ndarray::{array, ArrayRef1};
//!
//! for m in [Method::Dogleg, Method::TrustNcg, Method::TrustExact, Method::TrustKrylov, Method::Tnc] {
//!     let opts = MinimizeOptions {
//!         jac: Some(Box::new(rosen_der)),
//!         hess: (m != Method::Tnc).then(|| Box::new(|x: &ArrayRef1<f64>| rosen_hess(x)) as _),
//!         ..Default::default()
//!     };
//!     let res = minimize_with(rosen, &array![-1.2, 1.0], m, opts)?;
//!     assert!(res.success() && (res.x[0] - 1.0).abs() < 1e-3, "{m:?}: {}", res.message);
//! }
//! let f = |x: &ArrayRef1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
//! for m in [RootMethod::Broyden1, RootMethod::Broyden2, RootMethod::Anderson, RootMethod::DfSane] {
//!     let sol = root_with(f, &array![0.0, 0.0], m, &RootOptionsNd::default())?;
//!     assert!(sol.success() && (sol.x[0] - 0.8411639).abs() < 1e-4, "{m:?}: {}", sol.message);
//! }
//! # Ok::<(), ferrosci::Error>(())
//! ```
//!
//! ## Agreement with SciPy
//! The methods follow SciPy's algorithms and defaults closely enough that on
//! SciPy's standard problems (Rosenbrock 2/10/100-D, Beale, Booth,
//! Himmelblau, Powell singular) `nit` and `nfev` match SciPy's, mostly
//! exactly (the fixtures in `tests/fixtures/optimize/` record them).
//! `least_squares` with `trf` and `dogbox` takes SciPy's path step for step
//! (same `nfev`, same stopping test); `lm` and `root(method='hybr')` follow
//! MINPACK's algorithms (written from Moré's descriptions), land on the
//! same solutions with `nfev` within a few evaluations of SciPy's, and
//! `curve_fit`'s `popt` and `pcov` agree with SciPy's to 1e-6. COBYLA is
//! written from Powell's 1994 paper (with a separate trust radius `Δ ≥ ρ`),
//! not from SciPy's PRIMA code, so its path differs: on the fixtures in
//! `tests/fixtures/optimize/dfo.json` it reaches SciPy's answers (to the
//! accuracy `tol` allows) with 0.9–1.1 times SciPy's `nfev` on the small
//! constrained problems and fewer on the harder ones (HS071, bounded and
//! unconstrained Rosenbrock); `disp` is not supported. COBYQA is written
//! from Ragonneau's thesis and Powell's papers on least-Frobenius-norm
//! updating, not from the `cobyqa` package SciPy calls: on the same
//! fixtures it reaches SciPy's answers (to 1e-4) with 0.7–1.4 times SciPy's
//! `nfev`; it adds a second-order correction step against the Maratos
//! effect, treats linear constraints like nonlinear ones (their models are
//! exact) and does not support `disp`.
//!
//! ## Least squares and fitting
//! Residuals are closures `|x: &ArrayRef1<f64>| -> Array1<f64>`; a
//! `curve_fit` model is evaluated point by point, `|x: f64, p:
//! &ArrayRef1<f64>| -> f64`, and a `curve_fit_array` model maps the whole
//! `xdata` as SciPy's does, `|x: &ArrayRef1<f64>, p: &ArrayRef1<f64>| ->
//! Array1<f64>` (its `xdata` may hold several coordinates per point).
//! A fit to many points is dominated by the model's own evaluations:
//! `n + 1` of them per iteration with finite-difference Jacobians. The trust-region subproblems go through a
//! Householder QR of the (tall) Jacobian and an SVD of its `n × n` factor,
//! so a fit to many points costs O(m n²) per iteration.
//!
//! ## Not yet
//! The nonlinear solvers' SVD rank reduction, `curve_fit` with an analytic `jac`, `least_squares` with sparse Jacobians
//! (`tr_solver='lsmr'`) or a callback, `lsq_linear`'s `trf` iteration (one
//! exact active-set solver serves both methods).

mod bfgs;
mod canonical;
mod cobyla;
mod cobyla_step;
mod cobyqa;
mod cobyqa_interp;
mod cobyqa_step;
mod constrained;
mod constraints;
mod curve_fit;
mod dfsane;
mod diff;
mod dogbox;
mod hessian_update;
mod isotonic;
mod lbfgsb;
mod least_squares;
mod line_search;
mod lm;
mod lsq_common;
mod lsq_linear;
mod minimize;
mod nelder_mead;
mod newton_cg;
mod newton_krylov;
mod nnls;
mod nonlin;
mod nonlin_api;
mod nonlin_search;
mod powell;
mod result;
mod root;
mod rosen;
mod scalar;
mod slsqp;
mod slsqp_lsq;
mod tnc;
mod trf;
mod trust_constr;
mod trust_exact;
mod trust_krylov;
mod trust_region;
mod zeros;

pub use constrained::{LegacyConFn, fmin_cobyla, fmin_slsqp, minimize_constrained};
pub use constraints::{
    ConstrainedResult, Constraint, ConstraintDict, ConstraintType, LinearConstraint,
    NonlinearConstraint,
};
pub use curve_fit::{
    CurveFit, CurveFitOptions, Sigma, curve_fit, curve_fit_array, curve_fit_array_with,
    curve_fit_with,
};
pub use dfsane::{DfSaneLineSearch, DfSaneOptions};
pub use diff::{FdScheme, approx_fprime, check_grad};
pub use hessian_update::{
    ApproxType, ExceptionStrategy, HessianUpdateStrategy, InitScale, UpdateRule,
};
pub use isotonic::{
    IsotonicOptions, IsotonicResult, isotonic_regression, isotonic_regression_with,
};
pub use least_squares::{
    Jacobian, JacobianFn, LeastSquaresOptions, LeastSquaresResult, LsqMethod, XScale,
    least_squares, least_squares_with,
};
pub use lsq_common::Loss;
pub use lsq_linear::{LsqLinearOptions, LsqLinearResult, lsq_linear, lsq_linear_with};
pub use minimize::{
    Method, MinimizeOptions, fmin, fmin_bfgs, fmin_cg, fmin_l_bfgs_b, fmin_powell, minimize,
    minimize_with,
};
pub use nnls::{NnlsOptions, nnls, nnls_with};
pub use nonlin::{KrylovMethod, NonlinOptions, ReductionMethod, TolNorm};
pub use nonlin_api::{
    anderson, anderson_with, broyden1, broyden1_with, broyden2, broyden2_with, diagbroyden,
    diagbroyden_with, excitingmixing, excitingmixing_with, linearmixing, linearmixing_with,
    newton_krylov, newton_krylov_with,
};
pub use nonlin_search::NonlinLineSearch;
pub use result::{Bounds, Callback, Intermediate, OptimizeResult, Status};
pub use root::{RootMethod, RootOptionsNd, RootResult, fsolve, fsolve_with, root, root_with};
pub use rosen::{rosen, rosen_der, rosen_hess, rosen_hess_prod};
pub use scalar::{
    Bracket, BracketOptions, BracketResult, BrentOptions, FminboundOptions, GoldenOptions,
    MinimizeScalarOptions, ScalarMethod, ScalarResult, bracket, brent, fminbound, golden,
    minimize_scalar,
};
pub use tnc::fmin_tnc;
pub use zeros::{
    ArrayFn, NewtonArrayOptions, NewtonArrayResult, NewtonOptions, RootFlag, RootOptions,
    RootResults, RootScalarMethod, RootScalarOptions, bisect, brenth, brentq, newton, newton_array,
    ridder, root_scalar, toms748,
};
