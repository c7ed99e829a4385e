//! trust-constr (SciPy `minimize(method='trust-constr')`): the Byrd–Omojokun
//! trust-region SQP for equality constraints, wrapped in a barrier
//! (interior-point) method when there are inequalities or bounds.
//!
//! Inequalities `c(x) ≤ 0` get slacks `s > 0` with `c(x) + s = 0`; the
//! barrier problems `min f(x) − μ Σ ln sᵢ` are solved in the scaled
//! variables `(x, s⁻¹Δs)` to tolerance `τ`, then `μ` and `τ` shrink by 5×.
//! The Hessian of the Lagrangian is exact (`hess`, constraints' `hess`) or a
//! quasi-Newton approximation per function ([`HessianUpdateStrategy`],
//! BFGS by default).
//!
//! On the fixtures it takes SciPy's path (same `nit` and `nfev`, or within
//! 1.5 times) until the steps reach the rounding level of `f`, where the
//! two part by an ulp: such a step is taken (SciPy's fate for it depends on
//! the rounding). With a finite-difference gradient the optimality at the
//! answer is quantized (an ulp of `f` over the difference step) near the
//! default `gtol = 1e-8`, so the last iterates wander until it happens to
//! fall below: on the disc `x·x ≤ 1` kept feasible, 30 evaluations against
//! SciPy's 12.
//!
//! # References
//! M. Lalee, J. Nocedal, T. Plantenga, "On the implementation of an
//! algorithm for large-scale equality constrained optimization", SIAM J.
//! Optim. 8 (1998); R. H. Byrd, M. E. Hribar, J. Nocedal, "An interior
//! point algorithm for large-scale nonlinear programming", SIAM J. Optim. 9
//! (1999); Conn, Gould, Toint, *Trust-Region Methods* (2000).

mod qp;
mod sqp;

use super::constraints::{Canonical, ConstrainedResult, SourceHess};
use super::diff::Objective;
use super::hessian_update::{ApproxType, HessianUpdateStrategy};
use super::minimize::{HessFn, Settings};
use super::result::{Bounds, Status};
use crate::{Result, check};
use ndarray::{Array1, Array2, ArrayRef1, s};
use sqp::{EqProblem, IterInfo, Start, equality_constrained_sqp};

/// trust-constr's own settings (SciPy's `options=` of the method).
pub(crate) struct TrustConstrSettings {
    pub(crate) gtol: f64,
    pub(crate) xtol: f64,
    pub(crate) barrier_tol: f64,
    pub(crate) maxiter: usize,
    pub(crate) initial_tr_radius: f64,
    pub(crate) initial_constr_penalty: f64,
    pub(crate) initial_barrier_parameter: f64,
    pub(crate) initial_barrier_tolerance: f64,
}

/// The objective's curvature.
pub(crate) enum ObjHess<'a> {
    Exact(HessFn<'a>),
    Update(HessianUpdateStrategy),
}

const MESSAGES: [&str; 5] = [
    "The maximum number of function evaluations is exceeded.",
    "`gtol` termination condition is satisfied.",
    "`xtol` termination condition is satisfied.",
    "`callback` raised `StopIteration`.",
    "Constraint violation exceeds 'gtol'",
];

/// One evaluated point: `x`, `f(x)`, the user constraints' values, and
/// (once needed) the gradient and the constraints' Jacobians.
struct Point {
    x: Array1<f64>,
    f: f64,
    c: Vec<Array1<f64>>,
    g: Option<Array1<f64>>,
    j: Option<Vec<Array2<f64>>>,
}

struct Driver<'r, 'a> {
    obj: &'r mut Objective<'a>,
    cons: &'r mut Canonical<'a>,
    st: &'r mut Settings<'a>,
    o: TrustConstrSettings,
    n: usize,
    n_eq: usize,
    n_ineq: usize,
    keep: Option<Keep>,
    /// The last point evaluated.
    pt: Option<Point>,
    /// The step from the previous point and the Jacobians there (for the
    /// constraints' second quasi-Newton update when the multipliers change).
    prev: Option<(Array1<f64>, Vec<Array2<f64>>)>,
    obj_hess: ObjHess<'a>,
    nhev: usize,
    /// The exact (non-quasi-Newton) part of the last scaled Lagrangian Hessian.
    h_fixed: Array2<f64>,
    /// Multipliers per user constraint at the last Hessian evaluation.
    weights: Vec<Array1<f64>>,
    mu: f64,
    tol: f64,
    terminate: bool,
    nan: bool,
    nit: usize,
    status: i32,
    x: Array1<f64>,
    fun: f64,
    grad: Array1<f64>,
    constr: Vec<Array1<f64>>,
    optimality: f64,
    violation: f64,
    tr_radius: f64,
    cg_niter: usize,
}

impl Driver<'_, '_> {
    fn obj_eager(&self) -> bool {
        matches!(self.obj_hess, ObjHess::Update(_))
    }

    fn con_eager(&self) -> bool {
        self.cons
            .hess
            .iter()
            .any(|h| matches!(h, SourceHess::Update(_)))
    }

    fn jacobians(&mut self, x: &Array1<f64>) -> Vec<Array2<f64>> {
        let j = self.cons.raw_jacobians(x);
        if j.iter().flatten().any(|v| !v.is_finite()) {
            self.nan = true;
        }
        j
    }

    /// `f` and the constraints at `x`. As SciPy's differentiable functions,
    /// a quasi-Newton approximation is updated at every new point, trial
    /// points included, so its gradient (Jacobian) is evaluated there too.
    fn eval_f(&mut self, x: &Array1<f64>) -> (f64, Vec<Array1<f64>>) {
        if let Some(p) = &self.pt
            && p.x == *x
        {
            return (p.f, p.c.clone());
        }
        let f = self.obj.f(x);
        let c = self.cons.raw_values(x);
        let mut new = Point {
            x: x.clone(),
            f,
            c: c.clone(),
            g: None,
            j: None,
        };
        if let Some(old) = self.pt.take() {
            let dx = x - &old.x;
            if self.obj_eager() {
                let g = self.obj.grad(x, f);
                if let (ObjHess::Update(q), Some(gp)) = (&mut self.obj_hess, &old.g) {
                    q.update(&dx, &(&g - gp));
                }
                new.g = Some(g);
            }
            if self.con_eager() {
                let j = self.jacobians(x);
                if let Some(jp) = &old.j {
                    for (k, h) in self.cons.hess.iter_mut().enumerate() {
                        if let SourceHess::Update(q) = h {
                            let w = &self.weights[k];
                            q.update(&dx, &(j[k].t().dot(w) - jp[k].t().dot(w)));
                        }
                    }
                    self.prev = Some((dx, jp.clone()));
                }
                new.j = Some(j);
            }
        }
        self.pt = Some(new);
        (f, c)
    }

    /// Gradient and Jacobians at `x`.
    fn eval_g(&mut self, x: &Array1<f64>) -> (Array1<f64>, Vec<Array2<f64>>) {
        let (f, _) = self.eval_f(x);
        if self.pt.as_ref().is_some_and(|p| p.g.is_none()) {
            let g = self.obj.grad(x, f);
            self.pt.as_mut().expect("just evaluated").g = Some(g);
        }
        if self.pt.as_ref().is_some_and(|p| p.j.is_none()) {
            let j = self.jacobians(x);
            self.pt.as_mut().expect("just evaluated").j = Some(j);
        }
        let p = self.pt.as_ref().expect("just evaluated");
        let g = p.g.clone().expect("set above");
        if g.iter().any(|v| !v.is_finite()) {
            self.nan = true;
        }
        (g, p.j.clone().expect("set above"))
    }

    /// Hessian of `f + Σ wₖᵀcₖ` in `x`, with `w` mapped from the canonical
    /// multipliers `(v_eq, v_ineq)` of `c_eq = 0`, `c_ineq ≤ 0`; new
    /// multipliers re-update the constraints' quasi-Newton matrices with
    /// the last step (as SciPy does).
    fn hess_x(&mut self, x: &Array1<f64>, v_eq: &Array1<f64>, v_in: &Array1<f64>) -> Array2<f64> {
        let w = self.cons.user_weights(v_eq, v_in);
        if let (Some((dx, jp)), Some(j)) = (&self.prev, self.pt.as_ref().and_then(|p| p.j.as_ref()))
        {
            for (k, h) in self.cons.hess.iter_mut().enumerate() {
                if let SourceHess::Update(q) = h
                    && w[k] != self.weights[k]
                {
                    q.update(dx, &(j[k].t().dot(&w[k]) - jp[k].t().dot(&w[k])));
                }
            }
        }
        let mut h = match &mut self.obj_hess {
            ObjHess::Exact(hf) => {
                self.nhev += 1;
                let h = hf(x);
                if h.dim() == (self.n, self.n) {
                    h
                } else {
                    Array2::from_elem((self.n, self.n), f64::NAN)
                }
            }
            ObjHess::Update(_) => Array2::zeros((self.n, self.n)),
        };
        for (k, src) in self.cons.hess.iter_mut().enumerate() {
            if let SourceHess::Exact(hf) = src {
                let hk = hf(x, &w[k]);
                if hk.dim() == h.dim() {
                    h += &hk;
                } else {
                    h.fill(f64::NAN);
                }
            }
        }
        if h.iter().any(|v| !v.is_finite()) {
            self.nan = true;
        }
        self.weights = w;
        h
    }

    /// The quasi-Newton part of the Hessian in `x`, as it is now.
    fn hess_updates(&self) -> Array2<f64> {
        let mut h = match &self.obj_hess {
            ObjHess::Update(q) => q.get_matrix(),
            ObjHess::Exact(_) => Array2::zeros((self.n, self.n)),
        };
        for src in &self.cons.hess {
            if let SourceHess::Update(q) = src {
                h += &q.get_matrix();
            }
        }
        h
    }

    fn split<'z>(&self, z: &'z Array1<f64>) -> (Array1<f64>, ndarray::ArrayView1<'z, f64>) {
        (z.slice(s![..self.n]).to_owned(), z.slice(s![self.n..]))
    }

    /// Updates the reported state and applies SciPy's global stopping tests.
    fn global_stop(&mut self, x: &Array1<f64>, info: &IterInfo<'_>) -> bool {
        self.nit += 1;
        self.tr_radius = info.tr_radius;
        self.cg_niter += info.cg.niter;
        if !info.last_failed {
            let (f, constr) = self.eval_f(x);
            let (g, jacs) = self.eval_g(x);
            let mut lg = g.clone();
            for (j, w) in jacs.iter().zip(&self.weights) {
                lg = lg + j.t().dot(w);
            }
            self.optimality = lg.iter().fold(0.0f64, |a, v| a.max(v.abs()));
            self.violation = 0.0;
            for (c, (lb, ub)) in constr.iter().zip(&self.cons.limits) {
                for i in 0..c.len() {
                    self.violation = self.violation.max(lb[i] - c[i]).max(c[i] - ub[i]);
                }
            }
            self.x = x.clone();
            self.fun = f;
            self.grad = g;
            self.constr = constr;
        }
        if self.nan || !self.fun.is_finite() {
            self.status = -1;
            return true;
        }
        if self.st.stop(&self.x, self.fun, self.nit) {
            self.status = 3;
            return true;
        }
        let barrier_done = self.n_ineq == 0 || self.mu < self.o.barrier_tol;
        if self.optimality < self.o.gtol && self.violation < self.o.gtol {
            self.status = 1;
        } else if info.tr_radius < self.o.xtol && barrier_done {
            self.status = 2;
        } else if self.nit >= self.o.maxiter {
            self.status = 0;
        } else {
            return false;
        }
        true
    }
}

impl EqProblem for Driver<'_, '_> {
    fn fun_and_constr(&mut self, z: &mut Array1<f64>) -> (f64, Array1<f64>) {
        let x = z.slice(s![..self.n]).to_owned();
        if let Some(b) = self.keep.as_ref().and_then(|k| k.bounds.as_ref())
            && x.iter()
                .zip(&b.lb)
                .zip(&b.ub)
                .any(|((&v, &l), &u)| v < l || v > u)
        {
            // Outside the bounds kept feasible: rejected, never evaluated.
            return (f64::INFINITY, Array1::zeros(self.n_eq + self.n_ineq));
        }
        let (f, raw) = self.eval_f(&x);
        let (ceq, cge) = self.cons.assemble_values(&raw);
        if let Some(k) = &self.keep {
            // Nocedal & Wright's device: a kept inequality's slack is its
            // true value, so the barrier keeps it positive.
            for (i, _) in k.rows.iter().enumerate().filter(|(_, kept)| **kept) {
                z[self.n + i] = cge[i];
            }
        }
        let sl = z.slice(s![self.n..]);
        let barrier: f64 = sl
            .iter()
            .map(|&v| if v > 0.0 { v.ln() } else { f64::NEG_INFINITY })
            .sum();
        let c_in = &sl - &cge; // c_ineq + s with c_ineq = −c_ge
        let c = ndarray::concatenate![ndarray::Axis(0), ceq, c_in];
        let fb = if self.n_ineq > 0 {
            f - self.mu * barrier
        } else {
            f
        };
        (fb, c)
    }

    fn grad_and_jac(&mut self, z: &Array1<f64>) -> (Array1<f64>, Array2<f64>) {
        let (x, sl) = self.split(z);
        let (g, jacs) = self.eval_g(&x);
        let (jeq, jge) = self.cons.assemble_jacobians(&jacs);
        let (n, ne, ni) = (self.n, self.n_eq, self.n_ineq);
        let mut gz = Array1::from_elem(n + ni, -self.mu);
        gz.slice_mut(s![..n]).assign(&g);
        let mut a = Array2::zeros((ne + ni, n + ni));
        a.slice_mut(s![..ne, ..n]).assign(&jeq);
        a.slice_mut(s![ne.., ..n]).assign(&(-&jge));
        for i in 0..ni {
            a[[ne + i, n + i]] = sl[i];
        }
        (gz, a)
    }

    fn lagr_hess(&mut self, z: &Array1<f64>, v: &Array1<f64>) -> Array2<f64> {
        let (x, sl) = self.split(z);
        let (n, ne, ni) = (self.n, self.n_eq, self.n_ineq);
        let v_eq = v.slice(s![..ne]).to_owned();
        let v_in = v.slice(s![ne..]).to_owned();
        let hx = self.hess_x(&x, &v_eq, &v_in);
        let mut h = Array2::zeros((n + ni, n + ni));
        h.slice_mut(s![..n, ..n]).assign(&hx);
        for i in 0..ni {
            // Primal-dual S Σ S = diag(s v) where v > 0, primal μ elsewhere.
            h[[n + i, n + i]] = if v_in[i] > 0.0 {
                v_in[i] * sl[i]
            } else {
                self.mu
            };
        }
        self.h_fixed = h;
        self.current_hess()
    }

    fn current_hess(&mut self) -> Array2<f64> {
        let mut h = self.h_fixed.clone();
        let n = self.n;
        let mut top = h.slice_mut(s![..n, ..n]);
        top += &self.hess_updates();
        h
    }

    fn scaling(&self, z: &Array1<f64>) -> Array1<f64> {
        let mut d = Array1::ones(z.len());
        d.slice_mut(s![self.n..]).assign(&z.slice(s![self.n..]));
        d
    }

    fn stop(&mut self, z: &Array1<f64>, info: &IterInfo<'_>) -> bool {
        let x = z.slice(s![..self.n]).to_owned();
        if self.global_stop(&x, info) {
            self.terminate = true;
            return true;
        }
        self.n_ineq > 0
            && ((info.optimality < self.tol && info.constr_violation < self.tol)
                || info.tr_radius < self.o.xtol)
    }
}

/// Runs trust-constr from `x0` (already checked).
pub(crate) fn trust_constr<'a>(
    obj: &mut Objective<'a>,
    cons: &mut Canonical<'a>,
    x0: Array1<f64>,
    obj_hess: ObjHess<'a>,
    o: TrustConstrSettings,
    keep: Option<Keep>,
    st: &mut Settings<'a>,
) -> ConstrainedResult {
    let n = x0.len();
    let (n_eq, n_ineq) = cons.sizes();
    let mut obj_hess = obj_hess;
    if let ObjHess::Update(q) = &mut obj_hess {
        q.initialize(n, ApproxType::Hess);
    }
    for h in cons.hess.iter_mut() {
        if let SourceHess::Update(q) = h {
            q.initialize(n, ApproxType::Hess);
        }
    }
    let weights = cons
        .limits
        .iter()
        .map(|(lb, _)| Array1::zeros(lb.len()))
        .collect();
    let (mu, tol, tr0, penalty0) = (
        o.initial_barrier_parameter,
        o.initial_barrier_tolerance,
        o.initial_tr_radius,
        o.initial_constr_penalty,
    );
    let mut d = Driver {
        obj,
        cons,
        st,
        o,
        n,
        n_eq,
        n_ineq,
        keep,
        pt: None,
        prev: None,
        obj_hess,
        nhev: 0,
        h_fixed: Array2::zeros((0, 0)),
        weights,
        mu,
        tol,
        terminate: false,
        nan: false,
        nit: 0,
        status: 0,
        x: x0.clone(),
        fun: f64::NAN,
        grad: Array1::from_elem(n, f64::NAN),
        constr: Vec::new(),
        optimality: f64::NAN,
        violation: f64::NAN,
        tr_radius: tr0,
        cg_niter: 0,
    };
    let (f0, raw0) = d.eval_f(&x0);
    d.fun = f0;
    d.constr = raw0.clone();
    let nonfinite = !f0.is_finite() || raw0.iter().flatten().any(|v| !v.is_finite());
    if nonfinite {
        d.status = -1;
    } else {
        let (_, cge0) = d.cons.assemble_values(&raw0);
        let s0 = cge0.mapv(|c| (1.5 * c).max(1.0));
        let mut z = ndarray::concatenate![ndarray::Axis(0), x0, s0];
        let mut trust_lb = Array1::from_elem(n + n_ineq, f64::NEG_INFINITY);
        trust_lb.slice_mut(s![n..]).fill(-0.995);
        let trust_ub = Array1::from_elem(n + n_ineq, f64::INFINITY);
        let mut tr = tr0;
        loop {
            let (f, c) = d.fun_and_constr(&mut z);
            let (g, a) = d.grad_and_jac(&z);
            let start = Start { f, g, c, a };
            let (zn, tr_end) =
                equality_constrained_sqp(&mut d, z, start, penalty0, tr, &trust_lb, &trust_ub);
            z = zn;
            if d.terminate || d.nan {
                break;
            }
            tr = tr0.max(5.0 * tr_end);
            d.mu *= 0.2;
            d.tol *= 0.2;
        }
        if d.nan {
            d.status = -1;
        }
    }
    if matches!(d.status, 1 | 2) && d.violation > d.o.gtol {
        d.status = 4;
    }
    let (status, message) = match d.status {
        0 => (Status::MaxIterations, MESSAGES[0]),
        1 | 2 => (Status::Success, MESSAGES[d.status as usize]),
        3 => (Status::CallbackStopped, MESSAGES[3]),
        4 => (Status::Infeasible, MESSAGES[4]),
        _ => (Status::NanEncountered, Status::NanEncountered.message()),
    };
    let multipliers = d.weights.iter().flatten().copied().collect();
    ConstrainedResult {
        x: d.x,
        fun: d.fun,
        jac: d.grad,
        nit: d.nit,
        nfev: d.obj.nfev,
        njev: d.obj.njev,
        nhev: d.nhev,
        status,
        status_code: d.status,
        message: message.to_string(),
        multipliers,
        constr: d.constr,
        constr_violation: d.violation,
        optimality: d.optimality,
        constr_nfev: d.cons.nfev,
        tr_radius: d.tr_radius,
        barrier_parameter: if n_ineq > 0 { d.mu } else { f64::NAN },
        cg_niter: d.cg_niter,
    }
}

/// SciPy's `keep_feasible`: the box of the bounds kept (infinite for the
/// variables not kept), which no evaluation may leave, and which inequality
/// rows (bounds' and constraints') are kept.
pub(crate) struct Keep {
    bounds: Option<Bounds>,
    rows: Vec<bool>,
}

impl Keep {
    /// `bounds` from [`strict_box`]; `None` if nothing is kept.
    pub(crate) fn new(bounds: Option<Bounds>, cons: &Canonical<'_>) -> Option<Keep> {
        let rows = cons.ineq_rows_kept();
        (bounds.is_some() || rows.iter().any(|&k| k)).then_some(Keep { bounds, rows })
    }
}

/// The widened box `[lb, ub]` of the variables `b` keeps feasible (infinite
/// for the others), after checking that `x0` lies in it.
pub(crate) fn strict_box(
    b: &Bounds,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    x0: &ArrayRef1<f64>,
) -> Result<Bounds> {
    let keep = &b.keep_feasible;
    for i in 0..x0.len() {
        if keep[i] && !(lb[i] <= x0[i] && x0[i] <= ub[i]) {
            return Err(check::invalid(
                "x0",
                format!(
                    "x0[{i}] = {} is outside the bounds [{}, {}] kept feasible",
                    x0[i], b.lb[i], b.ub[i]
                ),
            ));
        }
    }
    let pick = |v: &Array1<f64>, far: f64| {
        Array1::from_iter(v.iter().zip(keep).map(|(&v, &k)| if k { v } else { far }))
    };
    Ok(Bounds {
        lb: pick(lb, f64::NEG_INFINITY),
        ub: pick(ub, f64::INFINITY),
        keep_feasible: keep.clone(),
    })
}

/// Bounds as SciPy's trust-constr sees them: one ulp wider, so that a start
/// on a bound is strictly inside.
pub(crate) fn widen(lb: &ArrayRef1<f64>, ub: &ArrayRef1<f64>) -> (Array1<f64>, Array1<f64>) {
    (
        lb.mapv(|v| if v.is_finite() { v.next_down() } else { v }),
        ub.mapv(|v| if v.is_finite() { v.next_up() } else { v }),
    )
}
