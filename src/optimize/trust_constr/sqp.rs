//! Byrd–Omojokun trust-region SQP for equality constraints `c(z) = 0`
//! (Lalee, Nocedal and Plantenga, SIAM J. Optim. 8 (1998)): each step is a
//! normal step towards feasibility inside `0.8Δ` plus a tangential step that
//! lowers the quadratic model in the null space of the constraints, judged
//! on the merit function `f + ρ‖c‖` with a second-order correction.

use super::qp::{CgInfo, Projections, box_intersections, modified_dogleg, projected_cg};
use ndarray::{Array1, Array2};

/// What a stopping test sees at the top of each iteration.
pub(crate) struct IterInfo<'s> {
    pub(crate) last_failed: bool,
    pub(crate) optimality: f64,
    pub(crate) constr_violation: f64,
    pub(crate) tr_radius: f64,
    pub(crate) cg: &'s CgInfo,
}

/// An equality-constrained problem in (possibly scaled) variables `z`.
pub(crate) trait EqProblem {
    /// `(f(z), c(z))`; may reset slacks in `z` that are tied to `x`.
    fn fun_and_constr(&mut self, z: &mut Array1<f64>) -> (f64, Array1<f64>);
    /// `(∇f(z), ∂c/∂z)`, in the scaled variables.
    fn grad_and_jac(&mut self, z: &Array1<f64>) -> (Array1<f64>, Array2<f64>);
    /// The scaled Hessian of `f + vᵀc`.
    fn lagr_hess(&mut self, z: &Array1<f64>, v: &Array1<f64>) -> Array2<f64>;
    /// The same Hessian with the quasi-Newton parts as they are now (they
    /// also learn from rejected trial points, as SciPy's live operators do).
    fn current_hess(&mut self) -> Array2<f64>;
    /// The diagonal scaling `S`: the step in `z` is `S d`.
    fn scaling(&self, z: &Array1<f64>) -> Array1<f64>;
    /// True ends the run.
    fn stop(&mut self, z: &Array1<f64>, info: &IterInfo<'_>) -> bool;
}

/// Values at the starting point.
pub(crate) struct Start {
    pub(crate) f: f64,
    pub(crate) g: Array1<f64>,
    pub(crate) c: Array1<f64>,
    pub(crate) a: Array2<f64>,
}

fn norm(x: &Array1<f64>) -> f64 {
    x.dot(x).sqrt()
}

fn norm_inf(x: &Array1<f64>) -> f64 {
    x.iter().fold(0.0f64, |a, v| a.max(v.abs()))
}

/// Whether a step lies below the resolution of `f`: the model predicts a
/// change under `δ = 10 ε max(1, |f|)` and the merit function rose by no
/// more (Conn, Gould and Toint, *Trust-Region Methods*, §17.4.2). Its ratio
/// of actual to predicted reduction is rounding noise: SciPy takes such a
/// last step when `f` happens to come out an ulp lower, and an iterate an
/// ulp away can see it an ulp higher and retry with ever smaller radii
/// down to `xtol`. It is taken; the radius still follows the ratio.
fn lost_in_rounding(actual: f64, predicted: f64, f: f64) -> bool {
    let delta = 10.0 * f64::EPSILON * f.abs().max(1.0);
    predicted.abs() <= delta && actual >= -delta
}

/// Runs the SQP from `z0`; returns the last accepted point and the final
/// trust radius.
#[allow(clippy::too_many_arguments)]
pub(crate) fn equality_constrained_sqp<P: EqProblem>(
    p: &mut P,
    z0: Array1<f64>,
    start: Start,
    initial_penalty: f64,
    initial_tr_radius: f64,
    trust_lb: &Array1<f64>,
    trust_ub: &Array1<f64>,
) -> (Array1<f64>, f64) {
    const PENALTY_FACTOR: f64 = 0.3;
    const LARGE_REDUCTION: f64 = 0.9;
    const INTERMEDIATE_REDUCTION: f64 = 0.3;
    const SUFFICIENT_REDUCTION: f64 = 1e-8;
    const ENLARGE_L: f64 = 7.0;
    const ENLARGE_S: f64 = 2.0;
    const MAX_TRUST_REDUCTION: f64 = 0.5;
    const MIN_TRUST_REDUCTION: f64 = 0.1;
    const SOC_THRESHOLD: f64 = 0.1;
    const TR_FACTOR: f64 = 0.8;
    const BOX_FACTOR: f64 = 0.5;

    let mut z = z0;
    let mut tr = initial_tr_radius;
    let mut penalty = initial_penalty;
    let Start {
        mut f,
        g: mut c,
        c: mut b,
        mut a,
    } = start;
    let mut s = p.scaling(&z);
    let Some(mut proj) = Projections::new(&a) else {
        return (z, tr);
    };
    let mut v = -proj.ls(&c);
    let mut h = p.lagr_hess(&z, &v);
    let mut optimality = norm_inf(&(&c + &a.t().dot(&v)));
    let mut violation = norm_inf(&b);
    let mut cg = CgInfo { niter: 0 };
    let mut last_failed = false;
    let (box_lb, box_ub) = (trust_lb * BOX_FACTOR, trust_ub * BOX_FACTOR);
    loop {
        let info = IterInfo {
            last_failed,
            optimality,
            constr_violation: violation,
            tr_radius: tr,
            cg: &cg,
        };
        if p.stop(&z, &info) {
            return (z, tr);
        }
        if last_failed {
            h = p.current_hess();
        }
        let dn = modified_dogleg(&a, &proj, &b, TR_FACTOR * tr, &box_lb, &box_ub);
        let c_t = h.dot(&dn) + &c;
        let tr_t = (tr * tr - dn.dot(&dn)).max(0.0).sqrt();
        let (lb_t, ub_t) = (trust_lb - &dn, trust_ub - &dn);
        let (dt, info) = projected_cg(&h, &c_t, &proj, tr_t, &lb_t, &ub_t);
        cg = info;
        let d = &dn + &dt;
        let model = 0.5 * h.dot(&d).dot(&d) + c.dot(&d);
        let vpred = (norm(&b) - norm(&(a.dot(&d) + &b))).max(1e-16);
        let previous_penalty = penalty;
        if model > 0.0 {
            penalty = penalty.max(model / ((1.0 - PENALTY_FACTOR) * vpred));
        }
        let predicted = -model + penalty * vpred;
        let merit = f + penalty * norm(&b);
        let mut z_next = &z + &(&s * &d);
        let (mut f_next, mut b_next) = p.fun_and_constr(&mut z_next);
        let actual = merit - (f_next + penalty * norm(&b_next));
        let mut ratio = actual / predicted;
        if ratio.is_nan() {
            ratio = f64::NEG_INFINITY;
        }
        let mut accept = ratio >= SUFFICIENT_REDUCTION || lost_in_rounding(actual, predicted, f);
        if !accept && norm(&dn) <= SOC_THRESHOLD * norm(&dt) {
            // Second-order correction: step back onto the constraints.
            let y = -proj.y(&b_next);
            let (_, t, hit) = box_intersections(&d, &y, trust_lb, trust_ub, false);
            let mut z_soc = &z + &(&s * &(&d + &(&y * t)));
            let (f_soc, b_soc) = p.fun_and_constr(&mut z_soc);
            let ratio_soc = (merit - (f_soc + penalty * norm(&b_soc))) / predicted;
            if hit && ratio_soc >= SUFFICIENT_REDUCTION {
                accept = true;
                z_next = z_soc;
                f_next = f_soc;
                b_next = b_soc;
                ratio = ratio_soc;
            }
        }
        let dnorm = norm(&d);
        if ratio >= LARGE_REDUCTION {
            tr = tr.max(ENLARGE_L * dnorm);
        } else if ratio >= INTERMEDIATE_REDUCTION {
            tr = tr.max(ENLARGE_S * dnorm);
        } else if ratio < SUFFICIENT_REDUCTION {
            let new_tr = (1.0 - SUFFICIENT_REDUCTION) / (1.0 - ratio) * dnorm;
            if new_tr >= MAX_TRUST_REDUCTION * tr {
                tr *= MAX_TRUST_REDUCTION;
            } else if new_tr >= MIN_TRUST_REDUCTION * tr {
                tr = new_tr;
            } else {
                tr *= MIN_TRUST_REDUCTION;
            }
        }
        if accept {
            z = z_next;
            f = f_next;
            b = b_next;
            let (g_new, a_new) = p.grad_and_jac(&z);
            c = g_new;
            a = a_new;
            s = p.scaling(&z);
            let Some(pr) = Projections::new(&a) else {
                return (z, tr);
            };
            proj = pr;
            v = -proj.ls(&c);
            h = p.lagr_hess(&z, &v);
            last_failed = false;
            optimality = norm_inf(&(&c + &a.t().dot(&v)));
            violation = norm_inf(&b);
        } else {
            penalty = previous_penalty;
            last_failed = true;
        }
    }
}
