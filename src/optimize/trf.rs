//! Trust Region Reflective least squares (SciPy `least_squares(method='trf')`).
//!
//! Each iteration solves a trust-region subproblem in variables scaled by
//! Coleman–Li's vector `v` (distance to the bound the gradient points at),
//! through the SVD of the scaled Jacobian, then picks the best of three
//! steps: the subproblem's step cut back at the bound, its reflection off
//! that bound, and the (scaled) steepest-descent step. Without bounds it is
//! a plain Levenberg–Marquardt trust-region method.

use super::lsq_common::{
    JacSource, Loss, ResidualFn, all_finite, call_fun, check_termination, evaluate_quadratic,
    find_active, jac_dot, jac_scale_inv, jacobian, make_strictly_feasible, solve_tr_subproblem,
    svd_uf, update_tr_radius,
};
use crate::Result;
use ndarray::{Array1, Array2, ArrayRef1, ArrayRef2, s};
use std::borrow::Cow;

/// Settings of one TRF run (validated by the caller).
pub(crate) struct TrfSettings<'s> {
    pub lb: &'s Array1<f64>,
    pub ub: &'s Array1<f64>,
    pub ftol: f64,
    pub xtol: f64,
    pub gtol: f64,
    pub max_nfev: usize,
    /// `None`: `x_scale='jac'`.
    pub x_scale: Option<&'s Array1<f64>>,
    pub loss: Loss,
    pub f_scale: f64,
}

/// What a least-squares solver hands back (fields as SciPy's result).
pub(crate) struct LsqOutcome {
    pub x: Array1<f64>,
    pub cost: f64,
    pub fun: Array1<f64>,
    pub jac: Array2<f64>,
    pub grad: Array1<f64>,
    pub optimality: f64,
    pub active_mask: Array1<i32>,
    pub nfev: usize,
    pub njev: usize,
    pub status: i32,
}

pub(crate) fn norm(v: &ArrayRef1<f64>) -> f64 {
    v.dot(v).sqrt()
}

pub(crate) fn norm_inf(v: impl IntoIterator<Item = f64>) -> f64 {
    v.into_iter().fold(0.0, |a, b| a.max(b.abs()))
}

/// Coleman–Li scaling vector `v` and its derivative sign `dv`.
fn cl_scaling(
    x: &ArrayRef1<f64>,
    g: &ArrayRef1<f64>,
    lb: &ArrayRef1<f64>,
    ub: &ArrayRef1<f64>,
) -> (Array1<f64>, Array1<f64>) {
    let n = x.len();
    let mut v = Array1::ones(n);
    let mut dv = Array1::zeros(n);
    for i in 0..n {
        if g[i] < 0.0 && ub[i].is_finite() {
            v[i] = ub[i] - x[i];
            dv[i] = -1.0;
        }
        if g[i] > 0.0 && lb[i].is_finite() {
            v[i] = x[i] - lb[i];
            dv[i] = 1.0;
        }
    }
    (v, dv)
}

/// Smallest step along `s` from `x` to a bound, and which variables hit it
/// (with the sign of `s`).
pub(crate) fn step_to_bound(
    x: &ArrayRef1<f64>,
    s: &ArrayRef1<f64>,
    lb: &ArrayRef1<f64>,
    ub: &ArrayRef1<f64>,
) -> (f64, Array1<f64>) {
    let steps = Array1::from_shape_fn(x.len(), |i| {
        if s[i] == 0.0 {
            f64::INFINITY
        } else {
            ((lb[i] - x[i]) / s[i]).max((ub[i] - x[i]) / s[i])
        }
    });
    let min = steps.iter().copied().fold(f64::INFINITY, f64::min);
    let hits = Array1::from_shape_fn(x.len(), |i| {
        if steps[i] == min {
            s[i].signum() * (s[i] != 0.0) as i32 as f64
        } else {
            0.0
        }
    });
    (min, hits)
}

/// The two `t` where `‖x + t s‖ = Δ` (x inside the region), ascending.
fn intersect_trust_region(x: &ArrayRef1<f64>, s: &ArrayRef1<f64>, delta: f64) -> (f64, f64) {
    let a = s.dot(s);
    let b = x.dot(s);
    let c = x.dot(x) - delta * delta;
    let d = (b * b - a * c).max(0.0).sqrt();
    let q = -(b + d.copysign(b));
    let (t1, t2) = (q / a, c / q);
    if t1 < t2 { (t1, t2) } else { (t2, t1) }
}

/// Minimum of `a t² + b t + c` on `[lb, ub]`: `(t, value)`.
pub(crate) fn minimize_quadratic_1d(a: f64, b: f64, lb: f64, ub: f64, c: f64) -> (f64, f64) {
    let mut ts = vec![lb, ub];
    if a != 0.0 {
        let e = -0.5 * b / a;
        if lb < e && e < ub {
            ts.push(e);
        }
    }
    let mut best = (ts[0], ts[0] * (a * ts[0] + b) + c);
    for &t in &ts[1..] {
        let y = t * (a * t + b) + c;
        if y < best.1 {
            best = (t, y);
        }
    }
    best
}

/// Coefficients of the model along `s0 + t s`: `(a, b, c)`.
pub(crate) fn quadratic_1d(
    j: &ArrayRef2<f64>,
    g: &ArrayRef1<f64>,
    s: &ArrayRef1<f64>,
    diag: &ArrayRef1<f64>,
    s0: Option<&ArrayRef1<f64>>,
) -> (f64, f64, f64) {
    let v = jac_dot(j, s);
    let a = 0.5 * (v.dot(&v) + (diag * s * s).sum());
    let mut b = g.dot(s);
    let mut c = 0.0;
    if let Some(s0) = s0 {
        let u = jac_dot(j, s0);
        b += u.dot(&v) + (diag * s0 * s).sum();
        c = 0.5 * u.dot(&u) + g.dot(s0) + 0.5 * (diag * s0 * s0).sum();
    }
    (a, b, c)
}

/// The geometry of one bounded step.
struct StepCtx<'c> {
    x: &'c Array1<f64>,
    j_h: &'c Array2<f64>,
    diag_h: &'c Array1<f64>,
    g_h: &'c Array1<f64>,
    d: &'c Array1<f64>,
    delta: f64,
    lb: &'c ArrayRef1<f64>,
    ub: &'c ArrayRef1<f64>,
    theta: f64,
}

/// Best of: the step cut at the bound, its reflection, the gradient step.
/// Returns `(step, scaled step, predicted reduction)`.
fn select_step(
    c: &StepCtx<'_>,
    mut p: Array1<f64>,
    mut p_h: Array1<f64>,
) -> (Array1<f64>, Array1<f64>, f64) {
    let xp = c.x + &p;
    if xp
        .iter()
        .zip(c.lb)
        .zip(c.ub)
        .all(|((&v, &l), &u)| v >= l && v <= u)
    {
        let pv = evaluate_quadratic(c.j_h, c.g_h, &p_h, Some(c.diag_h));
        return (p, p_h, -pv);
    }
    let (p_stride, hits) = step_to_bound(c.x, &p, c.lb, c.ub);
    let mut r_h = p_h.clone();
    for (r, &h) in r_h.iter_mut().zip(&hits) {
        if h != 0.0 {
            *r = -*r;
        }
    }
    let r = c.d * &r_h;
    p *= p_stride;
    p_h *= p_stride;
    let x_on_bound = c.x + &p;
    let (_, to_tr) = intersect_trust_region(&p_h, &r_h, c.delta);
    let (to_bound, _) = step_to_bound(&x_on_bound, &r, c.lb, c.ub);
    let r_stride = to_bound.min(to_tr);
    let (r_lo, r_up) = if r_stride > 0.0 {
        let up = if r_stride == to_bound {
            c.theta * to_bound
        } else {
            to_tr
        };
        ((1.0 - c.theta) * p_stride / r_stride, up)
    } else {
        (0.0, -1.0)
    };
    let mut r_value = f64::INFINITY;
    if r_lo <= r_up {
        let (a, b, cc) = quadratic_1d(c.j_h, c.g_h, &r_h, c.diag_h, Some(&p_h));
        let (t, val) = minimize_quadratic_1d(a, b, r_lo, r_up, cc);
        r_h *= t;
        r_h += &p_h;
        r_value = val;
    }
    let r = &r_h * c.d;
    p *= c.theta;
    p_h *= c.theta;
    let p_value = evaluate_quadratic(c.j_h, c.g_h, &p_h, Some(c.diag_h));
    let mut ag_h = -c.g_h;
    let ag = c.d * &ag_h;
    let to_tr = c.delta / norm(&ag_h);
    let (to_bound, _) = step_to_bound(c.x, &ag, c.lb, c.ub);
    let ag_max = if to_bound < to_tr {
        c.theta * to_bound
    } else {
        to_tr
    };
    let (a, b, _) = quadratic_1d(c.j_h, c.g_h, &ag_h, c.diag_h, None);
    let (t, ag_value) = minimize_quadratic_1d(a, b, 0.0, ag_max, 0.0);
    ag_h *= t;
    let ag = ag * t;
    if p_value < r_value && p_value < ag_value {
        (p, p_h, -p_value)
    } else if r_value < p_value && r_value < ag_value {
        (r, r_h, -r_value)
    } else {
        (ag, ag_h, -ag_value)
    }
}

/// Runs TRF from a feasible `x0` with `f0 = fun(x0)` (already counted).
pub(crate) fn trf(
    fun: &mut ResidualFn<'_>,
    jac: &mut JacSource<'_, '_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    st: &TrfSettings<'_>,
) -> Result<LsqOutcome> {
    let (lb, ub) = (st.lb, st.ub);
    let bounded = lb.iter().chain(ub).any(|v| v.is_finite());
    let m = f0.len();
    let n = x0.len();
    let mut x = x0;
    let mut f = f0;
    let mut f_true = f.clone();
    let mut nfev = 1;
    let mut jm = jacobian(jac, fun, &x, &f, lb, ub)?;
    let mut njev = 1;
    let mut cost = st.loss.cost(&f, st.f_scale);
    st.loss.scale_jf(&mut jm, &mut f, st.f_scale);
    let mut g = jm.t().dot(&f);
    let (mut scale, mut scale_inv) = match st.x_scale {
        Some(xs) => (xs.clone(), xs.mapv(|v| 1.0 / v)),
        None => {
            let si = jac_scale_inv(&jm, None);
            (si.mapv(|v| 1.0 / v), si)
        }
    };
    let mut delta = if bounded {
        let (mut v, dv) = cl_scaling(&x, &g, lb, ub);
        for i in 0..n {
            if dv[i] != 0.0 {
                v[i] *= scale_inv[i];
            }
        }
        norm(&Array1::from_shape_fn(n, |i| {
            x[i] * scale_inv[i] / v[i].sqrt()
        }))
    } else {
        norm(&(&x * &scale_inv))
    };
    if delta == 0.0 {
        delta = 1.0;
    }
    let mut alpha = 0.0;
    let mut status = 0;
    let mut g_norm;
    loop {
        let (mut v, dv) = if bounded {
            cl_scaling(&x, &g, lb, ub)
        } else {
            (Array1::ones(n), Array1::zeros(n))
        };
        g_norm = norm_inf(g.iter().zip(&v).map(|(a, b)| a * b));
        if g_norm < st.gtol {
            status = 1;
        }
        if status != 0 || nfev >= st.max_nfev {
            break;
        }
        for i in 0..n {
            if dv[i] != 0.0 {
                v[i] *= scale_inv[i];
            }
        }
        let d = Array1::from_shape_fn(n, |i| v[i].sqrt() * scale[i]);
        let diag_h = Array1::from_shape_fn(n, |i| g[i] * dv[i] * scale[i]);
        let g_h = &d * &g;
        // J·diag(d); with d ≡ 1 (no bounds, fixed unit x_scale) J itself.
        let unit_d = d.iter().all(|&v| v == 1.0);
        let j_h = if unit_d {
            Cow::Borrowed(&jm)
        } else {
            let mut j_h = jm.clone();
            for (k, mut col) in j_h.columns_mut().into_iter().enumerate() {
                col *= d[k];
            }
            Cow::Owned(j_h)
        };
        // Subproblem matrix: J_h augmented by diag(√diag_h) when bounded.
        let (uf, sv, vm) = if bounded {
            let mut ja = Array2::zeros((m + n, n));
            ja.slice_mut(s![..m, ..]).assign(&j_h);
            for i in 0..n {
                ja[[m + i, i]] = diag_h[i].sqrt();
            }
            let mut fa = Array1::zeros(m + n);
            fa.slice_mut(s![..m]).assign(&f);
            svd_uf(&ja, &fa, None)?
        } else {
            svd_uf(&j_h, &f, None)?
        };
        let theta = 0.995_f64.max(1.0 - g_norm);
        let mut actual_reduction = -1.0;
        let mut accepted = None;
        let mut step_norm;
        while actual_reduction <= 0.0 && nfev < st.max_nfev {
            let (p_h, a) = solve_tr_subproblem(m, &uf, &sv, &vm, delta, alpha);
            alpha = a;
            let (step, step_h, predicted) = if bounded {
                let ctx = StepCtx {
                    x: &x,
                    j_h: &j_h,
                    diag_h: &diag_h,
                    g_h: &g_h,
                    d: &d,
                    delta,
                    lb,
                    ub,
                    theta,
                };
                select_step(&ctx, &d * &p_h, p_h)
            } else {
                let pred = -evaluate_quadratic(&j_h, &g_h, &p_h, None);
                (&d * &p_h, p_h, pred)
            };
            let x_new = if bounded {
                make_strictly_feasible(&(&x + &step), lb, ub, 0.0)
            } else {
                &x + &step
            };
            let f_new = call_fun(fun, &x_new, m)?;
            nfev += 1;
            let step_h_norm = norm(&step_h);
            if !all_finite(&f_new) {
                delta = 0.25 * step_h_norm;
                continue;
            }
            let cost_new = st.loss.cost(&f_new, st.f_scale);
            actual_reduction = cost - cost_new;
            let (delta_new, ratio) = update_tr_radius(
                delta,
                actual_reduction,
                predicted,
                step_h_norm,
                step_h_norm > 0.95 * delta,
            );
            step_norm = norm(&step);
            status = check_termination(
                actual_reduction,
                cost,
                step_norm,
                norm(&x),
                ratio,
                st.ftol,
                st.xtol,
            );
            accepted = Some((x_new, f_new, cost_new));
            if status != 0 {
                break;
            }
            alpha *= delta / delta_new;
            delta = delta_new;
        }
        if actual_reduction > 0.0 {
            let (xn, fnew, cn) = accepted.expect("a positive reduction comes from a trial point");
            x = xn;
            f = fnew;
            f_true.assign(&f);
            cost = cn;
            jm = jacobian(jac, fun, &x, &f, lb, ub)?;
            njev += 1;
            st.loss.scale_jf(&mut jm, &mut f, st.f_scale);
            g = jm.t().dot(&f);
            if st.x_scale.is_none() {
                scale_inv = jac_scale_inv(&jm, Some(&scale_inv));
                scale = scale_inv.mapv(|v| 1.0 / v);
            }
        }
    }
    let active_mask = if bounded {
        find_active(&x, lb, ub, st.xtol)
    } else {
        Array1::zeros(n)
    };
    Ok(LsqOutcome {
        x,
        cost,
        fun: f_true,
        jac: jm,
        grad: g,
        optimality: g_norm,
        active_mask,
        nfev,
        njev,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn quadratic_1d_minimum_inside_and_at_ends() {
        let (t, y) = minimize_quadratic_1d(1.0, -2.0, -5.0, 5.0, 0.0);
        assert_eq!((t, y), (1.0, -1.0));
        let (t, _) = minimize_quadratic_1d(1.0, -2.0, 2.0, 5.0, 0.0);
        assert_eq!(t, 2.0);
    }

    #[test]
    fn step_to_bound_finds_first_hit() {
        let (t, hits) = step_to_bound(
            &array![0.0, 0.0],
            &array![1.0, -2.0],
            &array![-1.0, -1.0],
            &array![4.0, 4.0],
        );
        assert_eq!(t, 0.5);
        assert_eq!(hits, array![0.0, -1.0]);
    }

    #[test]
    fn trust_region_intersection() {
        let (a, b) = intersect_trust_region(&array![0.0, 0.0], &array![1.0, 0.0], 2.0);
        assert_eq!((a, b), (-2.0, 2.0));
    }
}
