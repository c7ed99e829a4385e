//! COBYLA: constrained optimization by linear approximations (SciPy
//! `method='COBYLA'`, `fmin_cobyla`).
//!
//! The objective and every constraint `cᵢ(x) ≥ 0` are modelled by the linear
//! functions that interpolate them on a simplex of `n + 1` points. Each
//! iteration takes the step of `cobyla_step` within a trust region of radius
//! `Δ` around the simplex's best vertex, the one with the least merit
//! `Φ(x) = f(x) + μ·max(0, maxᵢ −cᵢ(x))`, and the new point replaces the
//! vertex that keeps the simplex's volume largest. The penalty `μ` grows so
//! that each step is predicted to lower `Φ`. `Δ` follows the ratio of the
//! actual to the predicted reduction of `Φ`, but never goes below the
//! resolution `ρ`; `ρ` shrinks from `rhobeg` to `rhoend` (SciPy `tol`) once
//! steps at radius `ρ` stop helping and the simplex is well shaped. A badly
//! shaped simplex is repaired by moving one vertex across the face opposite
//! it. Equality constraints enter as two inequalities and bounds as linear
//! constraints; `x0` is first moved into the bounds.
//!
//! # Reference
//! M. J. D. Powell, "A direct search optimization method that models the
//! objective and constraint functions by linear interpolation", in Advances
//! in Optimization and Numerical Analysis, Kluwer (1994), pp. 51–67.

use super::cobyla_step::trust_step;
use super::constraints::{Canonical, ConstrainedResult};
use super::diff::Objective;
use super::minimize::Settings;
use super::result::Status;
use ndarray::{Array1, Array2, Axis};

/// Simplex shape: vertices farther than `BETA·Δ` from the best one, or
/// closer than `ALPHA·Δ` to the opposite face, are replaced; a repaired
/// vertex moves `GAMMA·Δ` from the best one.
const ALPHA: f64 = 0.25;
const BETA: f64 = 2.1;
const GAMMA: f64 = 0.5;
/// Stand-in for a NaN or +inf objective (and, negated, a constraint), so
/// that such points are simply bad.
const HUGE: f64 = 1e30;

/// SciPy's (PRIMA's) COBYLA exit codes.
const SMALL_TR_RADIUS: i32 = 0;
const FTARGET_ACHIEVED: i32 = 1;
const MAXFUN_REACHED: i32 = 3;
const DAMAGING_ROUNDING: i32 = 7;
const NAN_INF_F: i32 = -2;
const CALLBACK_TERMINATE: i32 = 30;

/// COBYLA's own settings (SciPy's `options=`).
pub(crate) struct CobylaSettings {
    pub(crate) rhobeg: f64,
    pub(crate) rhoend: f64,
    pub(crate) maxfun: usize,
    pub(crate) catol: f64,
    pub(crate) f_target: f64,
}

/// The simplex with its values: vertex 0 is `x0`, vertex `j ≥ 1` is
/// `x0 + sim[j−1]`; `simi` is the inverse of `sim` (rows are displacements).
struct Simplex {
    x0: Array1<f64>,
    sim: Array2<f64>,
    simi: Array2<f64>,
    /// Objective at each vertex (NaN/inf moderated).
    f: Array1<f64>,
    /// Constraint values `c ≥ 0`, one row per vertex.
    c: Array2<f64>,
    /// Largest violation at each vertex.
    v: Array1<f64>,
}

impl Simplex {
    fn merit(&self, k: usize, mu: f64) -> f64 {
        self.f[k] + mu * self.v[k]
    }

    /// Makes the vertex of least merit (ties: least violation) vertex 0.
    fn pivot(&mut self, mu: f64) {
        let n = self.sim.nrows();
        let mut best = 0;
        for k in 1..=n {
            let (a, b) = (self.merit(k, mu), self.merit(best, mu));
            if a < b || (a == b && self.v[k] < self.v[best]) {
                best = k;
            }
        }
        if best > 0 {
            self.swap_pivot(best);
        }
    }

    /// Makes vertex `k ≥ 1` vertex 0.
    fn swap_pivot(&mut self, k: usize) {
        let n = self.sim.nrows();
        let j = k - 1;
        // New displacements: sᵢ − sⱼ for i ≠ j and −sⱼ for the old pivot; the
        // inverse changes only in column j, which becomes −Σ columns.
        let sj = self.sim.row(j).to_owned();
        self.x0 += &sj;
        for i in 0..n {
            if i == j {
                self.sim.row_mut(i).assign(&-&sj);
            } else {
                self.sim.row_mut(i).scaled_add(-1.0, &sj);
            }
        }
        let total = self.simi.sum_axis(Axis(1));
        self.simi.column_mut(j).assign(&-total);
        self.f.swap(0, k);
        self.v.swap(0, k);
        for col in 0..self.c.ncols() {
            self.c.swap([0, col], [k, col]);
        }
    }

    /// Replaces vertex `k ≥ 1` by `x0 + d` (a rank-one update of the inverse).
    fn replace(&mut self, k: usize, d: &Array1<f64>, f: f64, c: &Array1<f64>, v: f64) -> bool {
        let j = k - 1;
        let sigma = d.dot(&self.simi);
        let sj = sigma[j];
        let col = self.simi.column(j).to_owned();
        for (l, mut column) in self.simi.columns_mut().into_iter().enumerate() {
            if l == j {
                column /= sj;
            } else {
                column.scaled_add(-sigma[l] / sj, &col);
            }
        }
        self.sim.row_mut(j).assign(d);
        self.f[k] = f;
        self.v[k] = v;
        self.c.row_mut(k).assign(c);
        self.refresh()
    }

    /// Recomputes `simi` when rounding has spoiled it; false if `sim` is singular.
    fn refresh(&mut self) -> bool {
        let err = self
            .sim
            .dot(&self.simi)
            .indexed_iter()
            .map(|((i, j), v)| (v - if i == j { 1.0 } else { 0.0 }).abs())
            .fold(0.0, f64::max);
        if err <= 0.1 {
            return err.is_finite();
        }
        self.invert()
    }

    /// Computes `simi` afresh; false if `sim` is singular.
    fn invert(&mut self) -> bool {
        let n = self.sim.nrows();
        match crate::linalg::inv(&self.sim) {
            Ok(inv) if inv.iter().all(|v| v.is_finite()) && n > 0 => {
                self.simi = inv;
                true
            }
            _ => false,
        }
    }

    /// Gradients of the linear models: the objective's and (columns) the constraints'.
    fn models(&self) -> (Array1<f64>, Array2<f64>) {
        let df = &self.f.slice(ndarray::s![1..]) - self.f[0];
        let dc = &self.c.slice(ndarray::s![1.., ..]) - &self.c.row(0);
        (self.simi.dot(&df), self.simi.dot(&dc))
    }
}

/// Largest violation of `c ≥ 0`.
fn violation(c: &Array1<f64>) -> f64 {
    c.iter().fold(0.0_f64, |m, &ci| m.max(-ci))
}

/// Evaluates the objective and all constraints (`c ≥ 0`: equalities twice,
/// inequalities, then finite bounds), moderating NaN and +inf.
struct Problem<'p, 'a> {
    obj: &'p mut Objective<'a>,
    cons: &'p mut Canonical<'a>,
    st: &'p mut Settings<'a>,
}

impl Problem<'_, '_> {
    fn eval(&mut self, x: &Array1<f64>) -> (f64, f64, Array1<f64>) {
        let raw = self.obj.f(x);
        let f = if raw.is_nan() { HUGE } else { raw.min(HUGE) };
        let (ce, ci) = self.cons.values(x);
        let mut c: Vec<f64> = ce.iter().flat_map(|&e| [e, -e]).collect();
        c.extend(ci.iter());
        if let Some(b) = &self.st.bounds {
            for i in 0..x.len() {
                if b.lb[i].is_finite() {
                    c.push(x[i] - b.lb[i]);
                }
                if b.ub[i].is_finite() {
                    c.push(b.ub[i] - x[i]);
                }
            }
        }
        let c = Array1::from(c).mapv(|v| if v.is_nan() { -HUGE } else { v.max(-HUGE) });
        (raw, f, c)
    }
}

/// Runs COBYLA from `x0` (already checked).
pub(crate) fn cobyla<'a>(
    obj: &mut Objective<'a>,
    cons: &mut Canonical<'a>,
    mut x0: Array1<f64>,
    st: &mut Settings<'a>,
    cs: &CobylaSettings,
) -> ConstrainedResult {
    let n = x0.len();
    if let Some(b) = &st.bounds {
        b.clip(&mut x0);
    }
    let rhoend = cs.rhoend.min(cs.rhobeg);
    let mut rho = cs.rhobeg;
    let mut delta = rho;
    let mut mu = 0.0;
    let mut nit = 0;
    let mut pb = Problem { obj, cons, st };
    let (raw0, f0, c0) = pb.eval(&x0);
    let m = c0.len();
    if raw0.is_nan() {
        return finish(pb, x0, raw0, nit, NAN_INF_F, cs.catol);
    }
    // Initial simplex: each new vertex steps ρ along a coordinate from the
    // best point so far (all points differ in that coordinate, so they are
    // affinely independent).
    let mut pts = vec![(x0.clone(), f0, violation(&c0), c0)];
    let mut best = 0;
    let mut code = None;
    for j in 0..n {
        if pb.obj.nfev >= cs.maxfun {
            code = Some(MAXFUN_REACHED);
            break;
        }
        let mut x = pts[best].0.clone();
        x[j] += rho;
        let (_, f, c) = pb.eval(&x);
        let v = violation(&c);
        if f < pts[best].1 {
            best = pts.len();
        }
        pts.push((x, f, v, c));
    }
    let mut sx = Simplex {
        x0: pts[0].0.clone(),
        sim: Array2::zeros((n, n)),
        simi: Array2::zeros((n, n)),
        f: Array1::zeros(n + 1),
        c: Array2::zeros((n + 1, m)),
        v: Array1::zeros(n + 1),
    };
    if code.is_none() {
        for (k, (x, f, v, c)) in pts.iter().enumerate() {
            if k > 0 {
                sx.sim.row_mut(k - 1).assign(&(x - &sx.x0));
            }
            sx.f[k] = *f;
            sx.v[k] = *v;
            sx.c.row_mut(k).assign(c);
        }
        if !sx.invert() {
            code = Some(DAMAGING_ROUNDING);
        }
    } else {
        let (x, f, _, _) = &pts[best];
        return finish(pb, x.clone(), *f, nit, MAXFUN_REACHED, cs.catol);
    }
    let target_met = |f: f64, v: f64| f <= cs.f_target && v <= cs.catol;
    if code.is_none() && target_met(sx.f[0], sx.v[0]) {
        code = Some(FTARGET_ACHIEVED);
    }
    // Whether this pass calls for repairing the simplex or shrinking Δ and ρ.
    let mut step_was_bad;
    while code.is_none() {
        sx.pivot(mu);
        let (g, a) = sx.models();
        if g.iter().chain(a.iter()).any(|v| !v.is_finite()) {
            code = Some(DAMAGING_ROUNDING);
            break;
        }
        let b = sx.c.row(0).to_owned();
        let mut d = trust_step(&g, &a, &b, delta);
        let mut dnorm = d.dot(&d).sqrt();
        if !dnorm.is_finite() {
            code = Some(DAMAGING_ROUNDING);
            break;
        }
        let v0 = sx.v[0];
        let mut vlin = violation(&(&b + &a.t().dot(&d)));
        let mut mends = false;
        if dnorm < 0.5 * rho && v0 > cs.catol {
            // Near the end, the best vertex may still violate the constraints
            // by about ρ²: a pure feasibility step (stage 1 alone) mends that.
            let fix = trust_step(&Array1::zeros(n), &a, &b, delta);
            let vfix = violation(&(&b + &a.t().dot(&fix)));
            if vfix < 0.5 * v0 {
                dnorm = fix.dot(&fix).sqrt();
                d = fix;
                vlin = vfix;
                mends = dnorm > 0.0;
            }
        }
        if dnorm < 0.5 * rho && !mends {
            // The models say the solution is within ρ/2: a step would teach little.
            delta = rho;
            step_was_bad = true;
        } else {
            nit += 1;
            let gd = g.dot(&d);
            if v0 - vlin > 0.0 && gd > 0.0 {
                // The penalty must make the step a predicted descent of Φ.
                let barmu = gd / (v0 - vlin);
                if mu < 1.5 * barmu {
                    mu = 2.0 * barmu;
                    let before = sx.x0.clone();
                    sx.pivot(mu);
                    if sx.x0 != before {
                        continue;
                    }
                }
            }
            if pb.obj.nfev >= cs.maxfun {
                code = Some(MAXFUN_REACHED);
                break;
            }
            let x = &sx.x0 + &d;
            let (_, f, c) = pb.eval(&x);
            let v = violation(&c);
            let pred = -gd + mu * (v0 - vlin);
            let actual = sx.merit(0, mu) - (f + mu * v);
            let ratio = if pred > 0.0 { actual / pred } else { -1.0 };
            delta = if ratio <= 0.1 {
                0.5 * delta
            } else if ratio <= 0.7 {
                (0.5 * delta).max(dnorm)
            } else {
                (0.5 * delta).max(2.0 * dnorm)
            };
            if delta <= 1.5 * rho {
                delta = rho;
            }
            // Replace the vertex whose removal keeps the simplex largest,
            // preferring far ones (σ: d in the basis of displacements); the
            // best vertex goes only if the new point beats it.
            let sigma = d.dot(&sx.simi);
            let improved = actual > 0.0;
            let mut pick = 0;
            let mut top = if improved {
                (1.0 - sigma.sum()).abs() * (dnorm / delta).max(1.0).powi(2)
            } else {
                0.0
            };
            for k in 1..=n {
                let gap = &sx.sim.row(k - 1) - &d;
                let score = sigma[k - 1].abs() * (gap.dot(&gap).sqrt() / delta).max(1.0).powi(2);
                if score > top {
                    top = score;
                    pick = k;
                }
            }
            let ok = if pick > 0 {
                sx.replace(pick, &d, f, &c, v)
            } else if improved {
                // Drop the old best: pivot on another vertex, then overwrite
                // the old best, now in that vertex's slot.
                let k = (1..=n)
                    .min_by(|&p, &q| sx.merit(p, mu).total_cmp(&sx.merit(q, mu)))
                    .unwrap_or(1);
                let sk = sx.sim.row(k - 1).to_owned();
                sx.swap_pivot(k);
                sx.replace(k, &(&d - &sk), f, &c, v)
            } else {
                true
            };
            if !ok {
                code = Some(DAMAGING_ROUNDING);
                break;
            }
            if target_met(f, v) {
                sx.pivot(mu);
                code = Some(FTARGET_ACHIEVED);
                break;
            }
            if callback_stop(&mut pb, &mut sx, mu, nit) {
                code = Some(CALLBACK_TERMINATE);
                break;
            }
            step_was_bad = ratio < 0.1;
        }
        if !step_was_bad {
            continue;
        }
        // A poor step: repair the simplex if needed, else shrink Δ then ρ.
        sx.pivot(mu);
        if let Some(k) = misshapen(&sx, delta) {
            if pb.obj.nfev >= cs.maxfun {
                code = Some(MAXFUN_REACHED);
                break;
            }
            let (g, a) = sx.models();
            let normal = sx.simi.column(k - 1).to_owned();
            let dx = &normal * (GAMMA * delta / normal.dot(&normal).sqrt());
            let b = sx.c.row(0).to_owned();
            let lin = |d: &Array1<f64>| g.dot(d) + mu * violation(&(&b + &a.t().dot(d)));
            let dx = if lin(&-&dx) < lin(&dx) { -dx } else { dx };
            let x = &sx.x0 + &dx;
            let (_, f, c) = pb.eval(&x);
            let v = violation(&c);
            if !sx.replace(k, &dx, f, &c, v) {
                code = Some(DAMAGING_ROUNDING);
                break;
            }
            if target_met(f, v) {
                sx.pivot(mu);
                code = Some(FTARGET_ACHIEVED);
            }
            continue;
        }
        if delta > rho {
            continue;
        }
        if rho <= rhoend {
            code = Some(SMALL_TR_RADIUS);
            break;
        }
        let rho_old = rho;
        rho = next_rho(rho, rhoend);
        delta = (0.5 * rho_old).max(rho);
        mu = reduced_penalty(&sx, mu);
    }
    sx.pivot(mu);
    // The best vertex may violate the constraints by a little more than
    // `catol` (the models' error is about ρ²); a vertex within `catol`, all
    // being within about 2ρ of the best, is then the better answer.
    let mut pick = 0;
    if sx.v[0] > cs.catol {
        for k in 1..=n {
            if sx.v[k] <= cs.catol
                && (sx.v[pick] > cs.catol || sx.merit(k, mu) < sx.merit(pick, mu))
            {
                pick = k;
            }
        }
    }
    let x = if pick == 0 {
        sx.x0.clone()
    } else {
        &sx.x0 + &sx.sim.row(pick - 1)
    };
    // Report the user's objective value at the answer, not its stand-in.
    let fx = if sx.f[pick] >= HUGE {
        f64::NAN
    } else {
        sx.f[pick]
    };
    let code = code.unwrap_or(SMALL_TR_RADIUS);
    finish(pb, x, fx, nit, code, cs.catol)
}

/// Powell's next resolution: a tenth of `rho` far from `rhoend`, the
/// geometric mean with it closer, then `rhoend` itself (also COBYQA's).
pub(crate) fn next_rho(rho: f64, rhoend: f64) -> f64 {
    let r = rho / rhoend;
    if r <= 16.0 {
        rhoend
    } else if r <= 250.0 {
        r.sqrt() * rhoend
    } else {
        0.1 * rho
    }
}

/// Runs the user's callback on the best vertex; true means stop.
fn callback_stop(pb: &mut Problem<'_, '_>, sx: &mut Simplex, mu: f64, nit: usize) -> bool {
    sx.pivot(mu);
    let fx = sx.f[0];
    pb.st.stop(&sx.x0, fx, nit)
}

/// The vertex to move to repair the simplex: the farthest if beyond
/// `BETA·Δ`, else the one nearest its opposite face if closer than `ALPHA·Δ`.
fn misshapen(sx: &Simplex, delta: f64) -> Option<usize> {
    let n = sx.sim.nrows();
    let (mut far, mut far_d) = (0, BETA * delta);
    let (mut flat, mut flat_d) = (0, ALPHA * delta);
    for j in 0..n {
        let dist = sx.sim.row(j).dot(&sx.sim.row(j)).sqrt();
        if dist > far_d {
            far = j + 1;
            far_d = dist;
        }
        // Distance from vertex j to the face through the others: 1/‖simi column j‖.
        let col = sx.simi.column(j);
        let height = 1.0 / col.dot(&col).sqrt();
        if height < flat_d {
            flat = j + 1;
            flat_d = height;
        }
    }
    if far > 0 {
        Some(far)
    } else if flat > 0 {
        Some(flat)
    } else {
        None
    }
}

/// Powell's reduction of the penalty when ρ shrinks: μ need not exceed the
/// spread of `f` over the simplex divided by the constraints' spread.
fn reduced_penalty(sx: &Simplex, mu: f64) -> f64 {
    let mut denom = f64::INFINITY;
    for col in sx.c.columns() {
        let cmin = col.iter().copied().fold(f64::INFINITY, f64::min);
        let cmax = col.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if cmin < 0.5 * cmax {
            let temp = cmax.max(0.0) - cmin;
            denom = denom.min(temp);
        }
    }
    if denom == f64::INFINITY {
        return mu;
    }
    let fmax = sx.f.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let fmin = sx.f.iter().copied().fold(f64::INFINITY, f64::min);
    if denom == 0.0 {
        0.0
    } else if fmax - fmin < mu * denom {
        (fmax - fmin) / denom
    } else {
        mu
    }
}

/// SciPy's message for a COBYLA exit code.
fn message(code: i32) -> &'static str {
    match code {
        SMALL_TR_RADIUS => {
            "Return from COBYLA because the trust region radius reaches its lower bound."
        }
        FTARGET_ACHIEVED => "Return from COBYLA because the target function value is achieved.",
        MAXFUN_REACHED => {
            "Return from COBYLA because the objective function has been evaluated MAXFUN times."
        }
        DAMAGING_ROUNDING => "Return from COBYLA because rounding errors are becoming damaging.",
        NAN_INF_F => "Return from COBYLA because the objective function returns NaN/+Inf.",
        _ => "Return from COBYLA because the callback function requested termination",
    }
}

/// Packs the result, with the constraint values and violation at `x`.
fn finish(
    pb: Problem<'_, '_>,
    x: Array1<f64>,
    fun: f64,
    nit: usize,
    code: i32,
    catol: f64,
) -> ConstrainedResult {
    let Problem { obj, cons, st } = pb;
    let (constr, maxcv) = cons.report(&x, st.bounds.as_ref());
    let status = match code {
        _ if fun.is_nan() => Status::NanEncountered,
        SMALL_TR_RADIUS | FTARGET_ACHIEVED if maxcv > catol => Status::PrecisionLoss,
        SMALL_TR_RADIUS | FTARGET_ACHIEVED => Status::Success,
        MAXFUN_REACHED => Status::MaxEvaluations,
        CALLBACK_TERMINATE => Status::CallbackStopped,
        _ => Status::PrecisionLoss,
    };
    let message = if status == Status::PrecisionLoss && maxcv > catol {
        "Did not converge to a solution satisfying the constraints. See `maxcv` for the \
         magnitude of the violation."
            .to_string()
    } else {
        message(code).to_string()
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
        status_code: code,
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
