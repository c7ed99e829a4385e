//! COBYQA: constrained optimization by quadratic approximations (SciPy
//! `method='COBYQA'`).
//!
//! The objective and every constraint are modelled by quadratics that
//! interpolate them on `2n + 1` points (`cobyqa_interp`). Each iteration
//! takes the composite step of `cobyqa_step` within a trust region of radius
//! `Δ` around the point of least merit `Φ(x) = f(x) + μ‖v(x)‖₂` (`v` the
//! violations), with the Hessian of the Lagrangian from least-squares
//! multipliers; `μ` grows until each step is predicted to lower `Φ`, and
//! falls back to twice the multipliers' norm when `ρ` shrinks (a larger
//! penalty only slows the progress along curved constraints). `Δ` follows
//! the ratio of the actual to the predicted reduction of `Φ` but not below
//! the resolution `ρ`, which shrinks from `initial_tr_radius` to
//! `final_tr_radius`. A step that raises the violation and fails is
//! followed by a second-order correction (the least-norm step back onto the
//! linearized constraints), against the Maratos effect. The new point
//! replaces the one whose Lagrange function is largest there (weighted by
//! distance); after a poor step, a point far from the best is moved to where
//! its Lagrange function is large (a geometry step). Bounds hold at every
//! point: the initial points are placed inside them and each step is cut
//! back to them; variables fixed by `lb = ub` are left out.
//!
//! # Reference
//! T. M. Ragonneau, "Model-based derivative-free optimization methods and
//! software", PhD thesis, Hong Kong Polytechnic University (2022); M. J. D.
//! Powell, "Least Frobenius norm updating of quadratic models that satisfy
//! interpolation conditions", Math. Program. 100 (2004), pp. 183–215.

use super::cobyla::next_rho;
use super::cobyla_step::{independent, project};
use super::cobyqa_interp::{Interp, Model, geometry_step, insert, replaced};
use super::cobyqa_step::composite_step;
use super::constraints::{Canonical, ConstrainedResult};
use super::diff::Objective;
use super::minimize::Settings;
use super::result::Status;
use ndarray::{Array1, Array2, Axis, s};

/// Stand-in for a NaN or +inf objective (and, negated, a constraint).
const HUGE: f64 = 1e30;

/// SciPy's (the `cobyqa` package's) exit statuses.
const RADIUS_SUCCESS: i32 = 0;
const TARGET_SUCCESS: i32 = 1;
const FIXED_SUCCESS: i32 = 2;
const CALLBACK_SUCCESS: i32 = 3;
const MAX_EVAL_WARNING: i32 = 5;
const MAX_ITER_WARNING: i32 = 6;
const LINALG_ERROR: i32 = -2;

/// COBYQA's own settings (SciPy's `options=`).
pub(crate) struct CobyqaSettings {
    pub(crate) initial_tr_radius: f64,
    pub(crate) final_tr_radius: f64,
    pub(crate) maxfev: usize,
    pub(crate) maxiter: usize,
    pub(crate) f_target: f64,
    pub(crate) feasibility_tol: f64,
    /// Work in variables scaled to `[−1, 1]` by the bounds (if all finite).
    pub(crate) scale: bool,
}

/// Evaluates the objective and the constraints, moderating NaN and ±inf.
struct Problem<'p, 'a> {
    obj: &'p mut Objective<'a>,
    cons: &'p mut Canonical<'a>,
    st: &'p mut Settings<'a>,
    /// The user's `x` is `full` with its `free` entries `centre + half·x`
    /// (`half = 1` unless `scale`); the other entries are fixed by `lb = ub`.
    full: Array1<f64>,
    free: Vec<usize>,
    centre: Array1<f64>,
    half: Array1<f64>,
}

impl Problem<'_, '_> {
    /// The user's variables for the working ones (kept in the bounds
    /// despite the rounding of the scaling).
    fn user(&self, x: &Array1<f64>) -> Array1<f64> {
        let mut u = self.full.clone();
        for (j, &i) in self.free.iter().enumerate() {
            u[i] = self.centre[j] + self.half[j] * x[j];
        }
        if let Some(b) = &self.st.bounds {
            b.clip(&mut u);
        }
        u
    }

    /// The raw objective and the row `(f, c_eq, c_in)` of moderated values.
    fn eval(&mut self, x: &Array1<f64>) -> (f64, Array1<f64>) {
        let x = &self.user(x);
        let raw = self.obj.f(x);
        let (ce, ci) = self.cons.values(x);
        let mut row = vec![if raw.is_nan() { HUGE } else { raw.min(HUGE) }];
        row.extend(ce.iter().map(|&v| {
            if v.is_nan() {
                HUGE
            } else {
                v.clamp(-HUGE, HUGE)
            }
        }));
        row.extend(ci.iter().map(|&v| {
            if v.is_nan() {
                -HUGE
            } else {
                v.clamp(-HUGE, HUGE)
            }
        }));
        (raw, Array1::from(row))
    }
}

/// Runs COBYQA from `x0` (already checked).
pub(crate) fn cobyqa<'a>(
    obj: &mut Objective<'a>,
    cons: &mut Canonical<'a>,
    x0: Array1<f64>,
    st: &mut Settings<'a>,
    cs: &CobyqaSettings,
) -> ConstrainedResult {
    let (lb_all, ub_all) = match &st.bounds {
        Some(b) => (b.lb.clone(), b.ub.clone()),
        None => (
            Array1::from_elem(x0.len(), f64::NEG_INFINITY),
            Array1::from_elem(x0.len(), f64::INFINITY),
        ),
    };
    // Work on the free variables, scaled to [−1, 1] by request.
    let free: Vec<usize> = (0..x0.len()).filter(|&i| lb_all[i] < ub_all[i]).collect();
    let n = free.len();
    let pick = |v: &Array1<f64>| -> Array1<f64> { free.iter().map(|&i| v[i]).collect() };
    let (mut lb, mut ub) = (pick(&lb_all), pick(&ub_all));
    let (mut centre, mut half) = (Array1::zeros(n), Array1::ones(n));
    if cs.scale && lb.iter().chain(&ub).all(|v| v.is_finite()) {
        centre = 0.5 * (&lb + &ub);
        half = 0.5 * (&ub - &lb);
        lb.fill(-1.0);
        ub.fill(1.0);
    }
    let mut full = x0;
    if let Some(b) = &st.bounds {
        b.clip(&mut full);
    }
    let x0 = (pick(&full) - &centre) / &half;
    let mut pb = Problem {
        obj,
        cons,
        st,
        full,
        free,
        centre,
        half,
    };
    if n == 0 {
        let (raw, _) = pb.eval(&x0);
        return finish(pb, x0, raw, 0, Some(FIXED_SUCCESS), cs.feasibility_tol);
    }
    // The initial points x0 ± ρ·eᵢ must fit in the bounds.
    let width = (&ub - &lb).fold(f64::INFINITY, |m, &w| m.min(w));
    let mut rho = cs.initial_tr_radius.min(0.5 * width);
    let rhoend = cs.final_tr_radius.min(rho);
    let mut delta = rho;
    // Next to a bound, x0 moves onto it or ρ away from it, as the points
    // then step inwards by ρ and 2ρ, or by ±ρ.
    let mut xb = x0;
    let mut steps = vec![(rho, -rho); n];
    for i in 0..n {
        if xb[i] <= lb[i] + 0.5 * rho {
            xb[i] = lb[i];
            steps[i] = (rho, 2.0 * rho);
        } else if xb[i] < lb[i] + rho {
            xb[i] = lb[i] + rho;
        } else if xb[i] >= ub[i] - 0.5 * rho {
            xb[i] = ub[i];
            steps[i] = (-rho, -2.0 * rho);
        } else if xb[i] > ub[i] - rho {
            xb[i] = ub[i] - rho;
        }
    }
    let npt = 2 * n + 1;
    let (raw0, row0) = pb.eval(&xb);
    if raw0.is_nan() {
        return finish(pb, xb, raw0, 0, None, cs.feasibility_tol);
    }
    let mc = row0.len() - 1;
    let n_eq = pb.cons.sizes().0;
    let mut it = Interp {
        pts: Array2::zeros((npt, n)),
        vals: Array2::zeros((npt, mc + 1)),
        n_eq,
        base: xb.clone(),
        models: vec![
            Model {
                c: 0.0,
                g: Array1::zeros(n),
                h: Array2::zeros((n, n)),
            };
            mc + 1
        ],
        winv: Array2::zeros((0, 0)),
        scale: 1.0,
    };
    it.pts.row_mut(0).assign(&xb);
    it.vals.row_mut(0).assign(&row0);
    for i in 0..n {
        for (k, step) in [(2 * i + 1, steps[i].0), (2 * i + 2, steps[i].1)] {
            if pb.obj.nfev >= cs.maxfev {
                let k = (0..k).min_by(|&p, &q| it.vals[[p, 0]].total_cmp(&it.vals[[q, 0]]));
                let x = it.pts.row(k.unwrap_or(0)).to_owned();
                let f = it.vals[[k.unwrap_or(0), 0]];
                return finish(pb, x, f, 0, Some(MAX_EVAL_WARNING), cs.feasibility_tol);
            }
            let mut x = xb.clone();
            x[i] += step;
            let (_, row) = pb.eval(&x);
            it.pts.row_mut(k).assign(&x);
            it.vals.row_mut(k).assign(&row);
        }
    }
    let mut mu = 0.0;
    let mut nit = 0;
    let mut code = None;
    if it.factor() {
        it.update_models();
    }
    if !it.rebase(it.best(mu)) {
        code = Some(LINALG_ERROR);
    }
    let tol = cs.feasibility_tol;
    let vmax = |v: &Array1<f64>| v.fold(0.0_f64, |m, &x| m.max(x));
    {
        let b = it.best(mu);
        let v = it.violations(it.vals.slice(s![b, 1..]));
        if it.vals[[b, 0]] <= cs.f_target && vmax(&v) <= tol {
            code = Some(TARGET_SUCCESS);
        }
    }
    while code.is_none() {
        let sub = subproblem(&it, &lb, &ub, delta);
        let mut d = composite_step(&sub.g, &sub.h, &sub.a, &sub.b, delta);
        // Cut the step back to the bounds (rounding in the subproblem).
        let x_new = (&it.base + &d)
            .iter()
            .zip(lb.iter().zip(&ub))
            .map(|(&x, (&l, &u))| x.clamp(l, u))
            .collect::<Array1<f64>>();
        d = &x_new - &it.base;
        let dnorm = d.dot(&d).sqrt();
        if !dnorm.is_finite() {
            code = Some(LINALG_ERROR);
            break;
        }
        let mut ratio = -1.0;
        // Predicted reductions of the objective and of the violation.
        let fm = &it.models[0];
        let pred_f = -(fm.g.dot(&d) + 0.5 * d.dot(&fm.h.dot(&d)));
        let model_vals =
            |s: &Array1<f64>| -> Array1<f64> { it.models[1..].iter().map(|m| m.at(s)).collect() };
        let norm = |v: Array1<f64>| v.dot(&v).sqrt();
        let v0 = norm(it.violations(model_vals(&Array1::zeros(n)).view()));
        let v1 = norm(it.violations(model_vals(&d).view()));
        // A short step is not worth an evaluation, unless at the last ρ it
        // mends a violation above the tolerance.
        let mends = rho <= rhoend && dnorm > 0.0 && v0 > tol && v1 < 0.5 * v0;
        let short = dnorm < 0.5 * rho && !mends;
        if short {
            delta *= 0.5;
            if delta <= 1.4 * rho {
                delta = rho;
            }
        } else {
            if v0 - v1 > 0.0 && pred_f < 0.0 {
                let barmu = -pred_f / (v0 - v1);
                if mu < 1.5 * barmu {
                    mu = 2.0 * barmu;
                    let b = it.best(mu);
                    if it.pts.row(b) != it.base {
                        if !it.rebase(b) {
                            code = Some(LINALG_ERROR);
                        }
                        continue;
                    }
                }
            }
            if pb.obj.nfev >= cs.maxfev {
                code = Some(MAX_EVAL_WARNING);
                break;
            }
            nit += 1;
            let (_, row) = pb.eval(&x_new);
            let kb = it.best(mu);
            let phi_b = it.merit(kb, mu).0;
            let viol_new = it.violations(row.slice(s![1..]));
            let phi_new = row[0] + mu * viol_new.dot(&viol_new).sqrt();
            let pred = pred_f + mu * (v0 - v1);
            ratio = if pred > 0.0 {
                (phi_b - phi_new) / pred
            } else {
                -1.0
            };
            let radius = |ratio: f64| {
                let r = if ratio <= 0.1 {
                    0.5 * delta
                } else if ratio <= 0.7 {
                    (0.5 * delta).max(dnorm)
                } else {
                    (0.5 * delta).max(2.0 * dnorm)
                };
                if r <= 1.4 * rho { rho } else { r }
            };
            let delta_new = radius(ratio);
            let k = replaced(&it, &d, delta_new, (phi_new < phi_b).then_some(kb));
            let fix = if ratio < 0.1 && viol_new.dot(&viol_new).sqrt() > v0 {
                correction(&it, &d, &row)
            } else {
                None
            };
            if !insert(&mut it, k, &x_new, &row, mu) {
                code = Some(LINALG_ERROR);
                break;
            }
            // Second-order correction: a step curving along the constraints
            // can raise Φ however good it is (the Maratos effect); the
            // least-norm step back onto them from the trial point mends that.
            if let Some(s) = fix
                && pb.obj.nfev < cs.maxfev
            {
                let x_soc = (&x_new + &s)
                    .iter()
                    .zip(lb.iter().zip(&ub))
                    .map(|(&x, (&l, &u))| x.clamp(l, u))
                    .collect::<Array1<f64>>();
                let (_, row2) = pb.eval(&x_soc);
                let v2 = it.violations(row2.slice(s![1..]));
                let phi2 = row2[0] + mu * v2.dot(&v2).sqrt();
                let d2 = &x_soc - &it.base;
                let k2 = replaced(&it, &d2, delta_new, Some(it.best(mu)));
                if !insert(&mut it, k2, &x_soc, &row2, mu) {
                    code = Some(LINALG_ERROR);
                    break;
                }
                if pred > 0.0 {
                    ratio = ratio.max((phi_b - phi2) / pred);
                }
            }
            delta = radius(ratio);
            if row[0] <= cs.f_target && vmax(&viol_new) <= tol {
                code = Some(TARGET_SUCCESS);
                break;
            }
            let fb = it.vals[[it.best(mu), 0]];
            let xu = pb.user(&it.base);
            if pb.st.stop(&xu, fb, nit) {
                code = Some(CALLBACK_SUCCESS);
                break;
            }
            if nit >= cs.maxiter {
                code = Some(MAX_ITER_WARNING);
                break;
            }
        }
        if !short && ratio >= 0.1 {
            continue;
        }
        // A poor step: improve the geometry if a point is far (beyond 2Δ
        // and 10ρ, as in Powell's BOBYQA), else shrink Δ and then ρ.
        let dist = it.disp().map_axis(Axis(1), |r| r.dot(&r).sqrt());
        let (far, &far_d) = dist
            .iter()
            .enumerate()
            .max_by(|p, q| p.1.total_cmp(q.1))
            .expect("npt > 0");
        if far_d > (2.0 * delta).max(10.0 * rho) {
            if pb.obj.nfev >= cs.maxfev {
                code = Some(MAX_EVAL_WARNING);
                break;
            }
            let radius = (0.1 * far_d).min(delta).max(rho);
            let dx = geometry_step(&it, far, radius, &lb, &ub);
            let x = &it.base + &dx;
            let (_, row) = pb.eval(&x);
            if !insert(&mut it, far, &x, &row, mu) {
                code = Some(LINALG_ERROR);
                break;
            }
            let viol = it.violations(row.slice(s![1..]));
            if row[0] <= cs.f_target && vmax(&viol) <= tol {
                code = Some(TARGET_SUCCESS);
            }
            continue;
        }
        if delta > rho || ratio > 0.0 {
            continue;
        }
        if rho <= rhoend {
            code = Some(RADIUS_SUCCESS);
            break;
        }
        let rho_old = rho;
        rho = next_rho(rho, rhoend);
        delta = (0.5 * rho_old).max(rho);
        // A penalty well above the multipliers only slows the progress
        // along curved constraints (the ℓ₂ merit is exact beyond ‖λ‖).
        let mu_new = mu.min(2.0 * sub.lambda);
        if mu_new < mu {
            mu = mu_new;
            if !it.rebase(it.best(mu)) {
                code = Some(LINALG_ERROR);
            }
        }
    }
    // The answer: the point of least merit, unless it violates the
    // constraints and another point does not.
    let mut pick = it.best(mu);
    let viol = |k: usize| vmax(&it.violations(it.vals.slice(s![k, 1..])));
    if viol(pick) > tol {
        for k in 0..npt {
            if viol(k) <= tol && (viol(pick) > tol || it.vals[[k, 0]] < it.vals[[pick, 0]]) {
                pick = k;
            }
        }
    }
    let f = it.vals[[pick, 0]];
    let fx = if f >= HUGE { f64::NAN } else { f };
    let x = it.pts.row(pick).to_owned();
    finish(pb, x, fx, nit, code, tol)
}

/// The linearized problem at the base point.
struct Sub {
    /// The objective's gradient and the Lagrangian's Hessian.
    g: Array1<f64>,
    h: Array2<f64>,
    /// Constraints `b + Aᵀd ≥ 0`: equalities as two columns, then the bounds.
    a: Array2<f64>,
    b: Array1<f64>,
    /// ‖λ‖₂ of the least-squares multipliers.
    lambda: f64,
}

/// The linearized problem at the base point.
fn subproblem(it: &Interp, lb: &Array1<f64>, ub: &Array1<f64>, delta: f64) -> Sub {
    let n = it.base.len();
    let cm = &it.models[1..];
    // Multipliers: least squares ∇f ≈ Σ λⱼ∇cⱼ over the equalities and the
    // nearly active inequalities, λ ≥ 0 for the inequalities.
    let mut grads = Array2::zeros((cm.len(), n));
    for (j, m) in cm.iter().enumerate() {
        grads.row_mut(j).assign(&m.g);
    }
    let near: Vec<usize> = (0..cm.len())
        .filter(|&j| j < it.n_eq || cm[j].c <= delta * cm[j].g.dot(&cm[j].g).sqrt())
        .collect();
    let active = independent(&grads, &near);
    let lambda = project(&grads, &active, &it.models[0].g).1;
    let mut h = it.models[0].h.clone();
    let mut lnorm = 0.0;
    for (&j, &l) in active.iter().zip(&lambda) {
        let l = if j < it.n_eq { l } else { l.max(0.0) };
        h.scaled_add(-l, &cm[j].h);
        lnorm += l * l;
    }
    let mut cols: Vec<(Array1<f64>, f64)> = Vec::new();
    for (j, m) in cm.iter().enumerate() {
        if j < it.n_eq {
            cols.push((-&m.g, -m.c));
        }
        cols.push((m.g.clone(), m.c));
    }
    for i in 0..n {
        let mut e = Array1::zeros(n);
        if lb[i].is_finite() {
            e[i] = 1.0;
            cols.push((e.clone(), it.base[i] - lb[i]));
        }
        if ub[i].is_finite() {
            e[i] = -1.0;
            cols.push((e, ub[i] - it.base[i]));
        }
    }
    let mut a = Array2::zeros((n, cols.len()));
    let mut b = Array1::zeros(cols.len());
    for (k, (col, v)) in cols.into_iter().enumerate() {
        a.column_mut(k).assign(&col);
        b[k] = v;
    }
    Sub {
        g: it.models[0].g.clone(),
        h,
        a,
        b,
        lambda: lnorm.sqrt(),
    }
}

/// The least-norm step `s` that zeroes the linearized equalities and
/// violated inequalities at `base + d` (values `row`), the gradients taken
/// from the models there.
fn correction(it: &Interp, d: &Array1<f64>, row: &Array1<f64>) -> Option<Array1<f64>> {
    let n = d.len();
    let mut grads = Vec::new();
    let mut rhs = Vec::new();
    for (j, m) in it.models[1..].iter().enumerate() {
        let c = row[j + 1];
        if j < it.n_eq || c < 0.0 {
            grads.extend((&m.g + &m.h.dot(d)).iter().copied());
            rhs.push(-c);
        }
    }
    if rhs.is_empty() {
        return None;
    }
    let g = Array2::from_shape_vec((rhs.len(), n), grads).ok()?;
    let s = crate::linalg::lstsq(&g, &Array1::from(rhs)).ok()?.x;
    (s.iter().all(|v| v.is_finite()) && s.dot(&s) <= d.dot(d)).then_some(s)
}

/// SciPy's message for an exit status.
fn message(code: i32) -> &'static str {
    match code {
        RADIUS_SUCCESS => "The lower bound for the trust-region radius has been reached",
        TARGET_SUCCESS => "The target objective function value has been reached",
        FIXED_SUCCESS => "All variables are fixed by the bound constraints",
        CALLBACK_SUCCESS => "The callback requested to stop the optimization procedure",
        MAX_EVAL_WARNING => "The maximum number of function evaluations has been exceeded",
        MAX_ITER_WARNING => "The maximum number of iterations has been exceeded",
        _ => "A linear algebra error occurred",
    }
}

/// Packs the result; `code` is `None` when the objective is NaN at `x0`.
fn finish(
    pb: Problem<'_, '_>,
    x: Array1<f64>,
    fun: f64,
    nit: usize,
    code: Option<i32>,
    tol: f64,
) -> ConstrainedResult {
    let x = pb.user(&x);
    let Problem { obj, cons, st, .. } = pb;
    let (constr, maxcv) = cons.report(&x, st.bounds.as_ref());
    let status = match code {
        _ if fun.is_nan() => Status::NanEncountered,
        Some(RADIUS_SUCCESS | TARGET_SUCCESS | FIXED_SUCCESS) if maxcv > tol => Status::Infeasible,
        Some(RADIUS_SUCCESS | TARGET_SUCCESS | FIXED_SUCCESS) => Status::Success,
        Some(MAX_EVAL_WARNING) => Status::MaxEvaluations,
        Some(MAX_ITER_WARNING) => Status::MaxIterations,
        Some(CALLBACK_SUCCESS) => Status::CallbackStopped,
        _ => Status::PrecisionLoss,
    };
    let message = match (status, code) {
        (Status::NanEncountered, _) => "The objective function returned NaN".to_string(),
        (Status::Infeasible, Some(c)) => format!(
            "{} (but the constraints are violated by {maxcv:.3e}: no feasible point found)",
            message(c)
        ),
        (_, c) => message(c.unwrap_or(LINALG_ERROR)).to_string(),
    };
    ConstrainedResult {
        x,
        fun,
        jac: Array1::from_elem(0, f64::NAN),
        nit,
        nfev: obj.nfev,
        njev: 0,
        nhev: 0,
        status,
        status_code: code.unwrap_or(LINALG_ERROR),
        message,
        multipliers: Array1::zeros(0),
        constr,
        constr_violation: maxcv,
        optimality: f64::NAN,
        constr_nfev: cons.nfev,
        tr_radius: f64::NAN,
        barrier_parameter: f64::NAN,
        cg_niter: 0,
    }
}
