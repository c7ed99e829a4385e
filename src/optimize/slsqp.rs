//! SLSQP: sequential least-squares quadratic programming (SciPy
//! `method='SLSQP'`, `fmin_slsqp`).
//!
//! Each iteration solves the quadratic model of the Lagrangian under the
//! linearized constraints and bounds (see `slsqp_lsq`), updates a damped
//! BFGS approximation `B = L Lᵀ` of the Lagrangian's Hessian, and takes an
//! Armijo step on the ℓ₁ merit function
//!
//! ```text
//! φ(x) = f(x) + Σ_eq ρⱼ |cⱼ(x)| + Σ_ineq ρⱼ max(0, −cⱼ(x)),   ρⱼ ← max(|μⱼ|, (ρⱼ + |μⱼ|)/2)
//! ```
//! with quadratic-interpolation backtracking (factor in [0.1, 1], at most
//! ten trials). If the linearized constraints are inconsistent, the
//! subproblem is relaxed by a variable δ ∈ [0, 1] that scales the violated
//! constraints' values, heavily penalized.
//!
//! # References
//! D. Kraft, "A software package for sequential quadratic programming",
//! DFVLR-FB 88-28 (1988); M. J. D. Powell, "A fast algorithm for nonlinearly
//! constrained optimization calculations" (1978) for the damped update.

use super::constraints::{Canonical, ConstrainedResult, violation};
use super::diff::Objective;
use super::minimize::Settings;
use super::result::Status;
use super::slsqp_lsq::{LsqFail, QpSolution, cholesky, drop_last, solve_qp, with_column};
use ndarray::{Array1, Array2, s};

/// SciPy's SLSQP exit messages, indexed by mode.
const MESSAGES: [&str; 10] = [
    "Optimization terminated successfully",
    "Function evaluation required (f & c)",
    "More equality constraints than independent variables",
    "More than 3*n iterations in LSQ subproblem",
    "Inequality constraints incompatible",
    "Singular matrix E in LSQ subproblem",
    "Singular matrix C in LSQ subproblem",
    "Rank-deficient equality constraint subproblem HFTI",
    "Positive directional derivative for linesearch",
    "Iteration limit reached",
];

/// Weight of the relaxation variable in the inconsistent-subproblem fallback.
const RELAX_WEIGHT: f64 = 1e6;

/// Bound rows `±e_i·d ≥ h_i` for the finite bounds at `x`.
fn bound_rows(st: &Settings<'_>, x: &Array1<f64>) -> (Array2<f64>, Array1<f64>) {
    let n = x.len();
    let mut rows = Vec::new();
    let mut h = Vec::new();
    if let Some(b) = &st.bounds {
        for i in 0..n {
            if b.lb[i].is_finite() {
                rows.push((i, 1.0));
                h.push(b.lb[i] - x[i]);
            }
            if b.ub[i].is_finite() {
                rows.push((i, -1.0));
                h.push(x[i] - b.ub[i]);
            }
        }
    }
    let mut a = Array2::zeros((rows.len(), n));
    for (k, &(i, sgn)) in rows.iter().enumerate() {
        a[[k, i]] = sgn;
    }
    (a, Array1::from(h))
}

/// Stacks row blocks of equal width.
fn stack(a: &Array2<f64>, b: &Array2<f64>) -> Array2<f64> {
    ndarray::concatenate(ndarray::Axis(0), &[a.view(), b.view()]).expect("equal widths")
}

/// The subproblem at the current point; the relaxed one if the linearization
/// is inconsistent. Returns the step and the multipliers of the constraints
/// (bounds' multipliers dropped).
#[allow(clippy::too_many_arguments)]
fn subproblem(
    l: &Array2<f64>,
    g: &Array1<f64>,
    ae: &Array2<f64>,
    ce: &Array1<f64>,
    ai: &Array2<f64>,
    ci: &Array1<f64>,
    ab: &Array2<f64>,
    hb: &Array1<f64>,
) -> Result<QpSolution, LsqFail> {
    let gm = stack(ai, ab);
    let h = ndarray::concatenate![ndarray::Axis(0), -ci, hb.view()];
    match solve_qp(l, g, ae, &-ce, &gm, &h) {
        Err(LsqFail::Incompatible) => {}
        other => return other,
    }
    // Relaxed problem in (d, δ): E d − δ c_e = −c_e, violated inequalities
    // G d − δ c ≥ −c, 0 ≤ δ ≤ 1; δ = 1, d = 0 is always feasible.
    let n = g.len();
    let mut la = Array2::zeros((n + 1, n + 1));
    la.slice_mut(s![..n, ..n]).assign(l);
    la[[n, n]] = RELAX_WEIGHT.sqrt();
    let ga = ndarray::concatenate![ndarray::Axis(0), g.view(), Array1::zeros(1)];
    let ea = with_column(ae, &-ce);
    let relax = ci.mapv(|c| if c < 0.0 { -c } else { 0.0 });
    let mut gma = stack(
        &with_column(ai, &relax),
        &with_column(ab, &Array1::zeros(ab.nrows())),
    );
    let mut delta_rows = Array2::zeros((2, n + 1));
    delta_rows[[0, n]] = 1.0;
    delta_rows[[1, n]] = -1.0;
    gma = stack(&gma, &delta_rows);
    let ha = ndarray::concatenate![ndarray::Axis(0), h.view(), ndarray::array![0.0, -1.0]];
    let sol = solve_qp(&la, &ga, &ea, &-ce, &gma, &ha)?;
    if sol.d[n] >= 1.0 - 1e-10 {
        // No progress towards feasibility is possible from here.
        return Err(LsqFail::Incompatible);
    }
    Ok(QpSolution {
        d: drop_last(&sol.d),
        mu: sol.mu,
        lam: sol.lam.slice(s![..gm.nrows()]).to_owned(),
    })
}

/// Merit-function penalty term `Σ ρⱼ vⱼ(c)`.
fn penalty(rho: &Array1<f64>, ce: &Array1<f64>, ci: &Array1<f64>) -> f64 {
    let meq = ce.len();
    ce.iter()
        .enumerate()
        .map(|(j, c)| rho[j] * c.abs())
        .sum::<f64>()
        + ci.iter()
            .enumerate()
            .map(|(j, c)| rho[meq + j] * (-c).max(0.0))
            .sum::<f64>()
}

/// Gradient of the Lagrangian `f − uᵀc`.
fn lagrangian_grad(
    g: &Array1<f64>,
    ae: &Array2<f64>,
    ai: &Array2<f64>,
    u: &Array1<f64>,
) -> Array1<f64> {
    let meq = ae.nrows();
    g - &ae.t().dot(&u.slice(s![..meq])) - &ai.t().dot(&u.slice(s![meq..]))
}

/// Runs SLSQP from `x0` (already checked).
pub(crate) fn slsqp(
    obj: &mut Objective<'_>,
    cons: &mut Canonical<'_>,
    mut x: Array1<f64>,
    st: &mut Settings<'_>,
) -> ConstrainedResult {
    let n = x.len();
    let (meq, mineq) = cons.sizes();
    let acc = st.ftol.unwrap_or(1e-6);
    let maxiter = st.maxiter.unwrap_or(100);
    if let Some(b) = &st.bounds {
        b.clip(&mut x);
    }
    let mut f = obj.f(&x);
    let (mut ce, mut ci) = cons.values(&x);
    let mut g = Array1::from_elem(n, f64::NAN);
    let mut u = Array1::zeros(meq + mineq);
    let mut nit = 0;
    let finish = |code: i32,
                  status: Status,
                  x: Array1<f64>,
                  f: f64,
                  g: Array1<f64>,
                  u: Array1<f64>,
                  nit: usize,
                  obj: &Objective<'_>,
                  cons: &mut Canonical<'_>,
                  st: &Settings<'_>| {
        let message = if code >= 0 {
            MESSAGES[code as usize].to_string()
        } else {
            Status::NanEncountered.message().to_string()
        };
        finish_result(x, f, g, u, nit, obj, cons, st, code, status, message)
    };
    let nonfinite = |f: f64, ce: &Array1<f64>, ci: &Array1<f64>| {
        !f.is_finite() || ce.iter().chain(ci).any(|v| !v.is_finite())
    };
    if nonfinite(f, &ce, &ci) {
        return finish(-1, Status::NanEncountered, x, f, g, u, nit, obj, cons, st);
    }
    if meq > n {
        return finish(2, Status::Infeasible, x, f, g, u, nit, obj, cons, st);
    }
    g = obj.grad(&x, f);
    let (mut ae, mut ai) = cons.jacobians(&x);
    if g.iter()
        .chain(ae.iter())
        .chain(ai.iter())
        .any(|v| !v.is_finite())
    {
        return finish(-1, Status::NanEncountered, x, f, g, u, nit, obj, cons, st);
    }
    let mut b = Array2::<f64>::eye(n);
    let mut rho = Array1::zeros(meq + mineq);
    loop {
        if nit >= maxiter {
            return finish(9, Status::MaxIterations, x, f, g, u, nit, obj, cons, st);
        }
        nit += 1;
        let (ab, hb) = bound_rows(st, &x);
        let l = cholesky(&b).unwrap_or_else(|| {
            b = Array2::eye(n);
            Array2::eye(n)
        });
        let mut sol = subproblem(&l, &g, &ae, &ce, &ai, &ci, &ab, &hb);
        if matches!(sol, Err(LsqFail::Singular | LsqFail::MaxIter)) && b != Array2::eye(n) {
            // A fresh identity model sometimes repairs a degenerate subproblem.
            b = Array2::eye(n);
            sol = subproblem(&Array2::eye(n), &g, &ae, &ce, &ai, &ci, &ab, &hb);
        }
        let sol = match sol {
            Ok(s) => s,
            Err(fail) => {
                let (code, status) = match fail {
                    LsqFail::MaxIter => (3, Status::SubproblemFailed),
                    LsqFail::Incompatible => (4, Status::Infeasible),
                    LsqFail::Singular => (6, Status::SubproblemFailed),
                };
                return finish(code, status, x, f, g, u, nit, obj, cons, st);
            }
        };
        let d = sol.d;
        u = ndarray::concatenate![ndarray::Axis(0), sol.mu.view(), sol.lam.slice(s![..mineq])];
        let c_all = ndarray::concatenate![ndarray::Axis(0), ce.view(), ci.view()];
        let (viol, _) = violation(&ce, &ci);
        let h1 = g.dot(&d).abs()
            + u.iter()
                .zip(&c_all)
                .map(|(a, c)| (a * c).abs())
                .sum::<f64>();
        if h1 < acc && viol < acc {
            return finish(0, Status::Success, x, f, g, u, nit, obj, cons, st);
        }
        for j in 0..rho.len() {
            let a: f64 = u[j];
            rho[j] = a.abs().max(0.5 * (rho[j] + a.abs()));
        }
        let phi0 = f + penalty(&rho, &ce, &ci);
        let slope = g.dot(&d) - penalty(&rho, &ce, &ci);
        if slope >= 0.0 {
            return finish(8, Status::LineSearchFailed, x, f, g, u, nit, obj, cons, st);
        }
        let mut alpha = 1.0;
        let mut accepted = None;
        for trial in 1..=10 {
            let mut xn = &x + &(&d * alpha);
            if let Some(bd) = &st.bounds {
                bd.clip(&mut xn);
            }
            let fnew = obj.f(&xn);
            let (cen, cin) = cons.values(&xn);
            let phi = if nonfinite(fnew, &cen, &cin) {
                f64::INFINITY
            } else {
                fnew + penalty(&rho, &cen, &cin)
            };
            let dphi = phi - phi0;
            if dphi <= 0.1 * alpha * slope || (trial == 10 && phi.is_finite()) {
                accepted = Some((xn, fnew, cen, cin));
                break;
            }
            let t = if dphi.is_finite() {
                alpha * slope / (2.0 * (alpha * slope - dphi))
            } else {
                0.1
            };
            alpha *= t.clamp(0.1, 1.0);
        }
        let Some((xn, fnew, cen, cin)) = accepted else {
            return finish(-1, Status::NanEncountered, x, f, g, u, nit, obj, cons, st);
        };
        let step = &xn - &x;
        let f0 = f;
        x = xn;
        f = fnew;
        ce = cen;
        ci = cin;
        if st.stop(&x, f, nit) {
            let mut r = finish(0, Status::CallbackStopped, x, f, g, u, nit, obj, cons, st);
            r.message = Status::CallbackStopped.message().to_string();
            return r;
        }
        let (viol, _) = violation(&ce, &ci);
        let snorm = step.dot(&step).sqrt();
        if ((f - f0).abs() < acc || snorm < acc) && viol < acc {
            return finish(0, Status::Success, x, f, g, u, nit, obj, cons, st);
        }
        let gl_old = lagrangian_grad(&g, &ae, &ai, &u);
        g = obj.grad(&x, f);
        let jacs = cons.jacobians(&x);
        ae = jacs.0;
        ai = jacs.1;
        if g.iter()
            .chain(ae.iter())
            .chain(ai.iter())
            .any(|v| !v.is_finite())
        {
            return finish(-1, Status::NanEncountered, x, f, g, u, nit, obj, cons, st);
        }
        // Powell-damped BFGS update of the Lagrangian's Hessian.
        let mut y = lagrangian_grad(&g, &ae, &ai, &u) - gl_old;
        let bs = b.dot(&step);
        let sbs = step.dot(&bs);
        let sy = step.dot(&y);
        if sbs > 0.0 {
            if sy < 0.2 * sbs {
                let theta = 0.8 * sbs / (sbs - sy);
                y = &y * theta + &bs * (1.0 - theta);
            }
            let sy = step.dot(&y);
            if sy > 0.0 {
                for i in 0..n {
                    for j in 0..n {
                        b[[i, j]] += y[i] * y[j] / sy - bs[i] * bs[j] / sbs;
                    }
                }
            }
        }
    }
}

/// Packs the result, with the constraint values at `x`.
#[allow(clippy::too_many_arguments)]
fn finish_result(
    x: Array1<f64>,
    fun: f64,
    jac: Array1<f64>,
    multipliers: Array1<f64>,
    nit: usize,
    obj: &Objective<'_>,
    cons: &mut Canonical<'_>,
    st: &Settings<'_>,
    code: i32,
    status: Status,
    message: String,
) -> ConstrainedResult {
    let (constr, linf) = cons.report(&x, st.bounds.as_ref());
    ConstrainedResult {
        x,
        fun,
        jac,
        nit,
        nfev: obj.nfev,
        njev: obj.njev,
        nhev: 0,
        status,
        status_code: code,
        message,
        multipliers,
        constr,
        constr_violation: linf,
        optimality: f64::NAN,
        constr_nfev: cons.nfev,
        tr_radius: f64::NAN,
        barrier_parameter: f64::NAN,
        cg_niter: 0,
    }
}
