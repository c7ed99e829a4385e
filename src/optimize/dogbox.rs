//! Dogleg least squares in a rectangular trust region (SciPy
//! `least_squares(method='dogbox')`, after Voglis and Lagaris, "A
//! rectangular trust region dogleg approach for unconstrained and bound
//! constrained nonlinear optimization", 2004).
//!
//! The trust region is a box `|pᵢ| ≤ Δ·scaleᵢ` intersected with the bounds;
//! variables sitting on a bound that the gradient pushes against are held
//! fixed for the iteration, and the step is a dogleg between the Cauchy
//! point and the Gauss–Newton step of the free variables.

use super::lsq_common::{
    JacSource, ResidualFn, all_finite, call_fun, check_termination, evaluate_quadratic,
    jac_scale_inv, jacobian, update_tr_radius,
};
use super::trf::{
    LsqOutcome, TrfSettings, minimize_quadratic_1d, norm, norm_inf, quadratic_1d, step_to_bound,
};
use crate::Result;
use crate::linalg::lstsq;
use ndarray::{Array1, Axis};

/// The dogleg step inside the box `[lb_t, ub_t]` (the trust region
/// intersected with the bounds, centred on x). Returns the step, which
/// variables it puts on an original bound (−1/+1), and whether it stops on
/// the trust region's face.
#[allow(clippy::too_many_arguments)]
fn dogleg_step(
    x: &Array1<f64>,
    newton: &Array1<f64>,
    g: &Array1<f64>,
    a: f64,
    b: f64,
    tr: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> (Array1<f64>, Array1<i32>, bool) {
    let n = x.len();
    let lbc = lb - x;
    let ubc = ub - x;
    let lbt = Array1::from_shape_fn(n, |i| lbc[i].max(-tr[i]));
    let ubt = Array1::from_shape_fn(n, |i| ubc[i].min(tr[i]));
    let mut hits_out = Array1::zeros(n);
    if (0..n).all(|i| newton[i] >= lbt[i] && newton[i] <= ubt[i]) {
        return (newton.clone(), hits_out, false);
    }
    let zero = Array1::zeros(n);
    let neg_g = -g;
    let (to_bounds, _) = step_to_bound(&zero, &neg_g, &lbt, &ubt);
    let (t, _) = minimize_quadratic_1d(a, b, 0.0, to_bounds, 0.0);
    let cauchy = -t * g;
    let diff = newton - &cauchy;
    let (size, hits) = step_to_bound(&cauchy, &diff, &lbt, &ubt);
    let mut tr_hit = false;
    for i in 0..n {
        if hits[i] < 0.0 {
            if lbt[i] == lbc[i] {
                hits_out[i] = -1;
            }
            tr_hit |= lbt[i] == -tr[i];
        } else if hits[i] > 0.0 {
            if ubt[i] == ubc[i] {
                hits_out[i] = 1;
            }
            tr_hit |= ubt[i] == tr[i];
        }
    }
    (cauchy + size * diff, hits_out, tr_hit)
}

/// Runs dogbox from a feasible `x0` with `f0 = fun(x0)` (already counted).
pub(crate) fn dogbox(
    fun: &mut ResidualFn<'_>,
    jac: &mut JacSource<'_, '_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    st: &TrfSettings<'_>,
) -> Result<LsqOutcome> {
    let (lb, ub) = (st.lb, st.ub);
    let n = x0.len();
    let m = f0.len();
    let mut f = f0;
    let mut f_true = f.clone();
    let mut nfev = 1;
    let mut jm = jacobian(jac, fun, &x0, &f, lb, ub)?;
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
    let mut delta = norm_inf(x0.iter().zip(&scale_inv).map(|(a, b)| a * b));
    if delta == 0.0 {
        delta = 1.0;
    }
    let mut on_bound: Array1<i32> = Array1::from_shape_fn(n, |i| {
        if x0[i] == lb[i] {
            -1
        } else if x0[i] == ub[i] {
            1
        } else {
            0
        }
    });
    let mut x = x0;
    let mut status = 0;
    let mut g_norm;
    let mut g_full;
    loop {
        let free: Vec<usize> = (0..n)
            .filter(|&i| (on_bound[i] as f64) * g[i] >= 0.0)
            .collect();
        g_full = g.clone();
        g_norm = norm_inf(free.iter().map(|&i| g[i]));
        if g_norm < st.gtol {
            status = 1;
        }
        if status != 0 || nfev >= st.max_nfev {
            break;
        }
        let pick = |v: &Array1<f64>| Array1::from_iter(free.iter().map(|&i| v[i]));
        let (x_free, lb_free, ub_free, scale_free, g_free) =
            (pick(&x), pick(lb), pick(ub), pick(&scale), pick(&g));
        let j_free = jm.select(Axis(1), &free);
        let newton = -lstsq(&j_free, &f)?.x;
        let (a, b, _) = quadratic_1d(
            &j_free,
            &g_free,
            &(-&g_free),
            &Array1::zeros(free.len()),
            None,
        );
        let mut actual_reduction = -1.0;
        let mut accepted = None;
        while actual_reduction <= 0.0 && nfev < st.max_nfev {
            let tr = &scale_free * delta;
            let (step_free, on_bound_free, tr_hit) =
                dogleg_step(&x_free, &newton, &g_free, a, b, &tr, &lb_free, &ub_free);
            let mut step = Array1::zeros(n);
            for (k, &i) in free.iter().enumerate() {
                step[i] = step_free[k];
            }
            let predicted = -evaluate_quadratic(&j_free, &g_free, &step_free, None);
            let x_new = Array1::from_shape_fn(n, |i| (x[i] + step[i]).clamp(lb[i], ub[i]));
            let f_new = call_fun(fun, &x_new, m)?;
            nfev += 1;
            let step_h_norm = norm_inf(step.iter().zip(&scale_inv).map(|(a, b)| a * b));
            if !all_finite(&f_new) {
                delta = 0.25 * step_h_norm;
                continue;
            }
            let cost_new = st.loss.cost(&f_new, st.f_scale);
            actual_reduction = cost - cost_new;
            let (d_new, ratio) =
                update_tr_radius(delta, actual_reduction, predicted, step_h_norm, tr_hit);
            delta = d_new;
            status = check_termination(
                actual_reduction,
                cost,
                norm(&step),
                norm(&x),
                ratio,
                st.ftol,
                st.xtol,
            );
            accepted = Some((x_new, f_new, cost_new, on_bound_free));
            if status != 0 {
                break;
            }
        }
        if actual_reduction > 0.0 {
            let (xn, fnew, cn, obf) = accepted.expect("a positive reduction comes from a trial");
            for (k, &i) in free.iter().enumerate() {
                on_bound[i] = obf[k];
            }
            x = xn;
            for i in 0..n {
                match on_bound[i] {
                    -1 => x[i] = lb[i],
                    1 => x[i] = ub[i],
                    _ => {}
                }
            }
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
    Ok(LsqOutcome {
        x,
        cost,
        fun: f_true,
        jac: jm,
        grad: g_full,
        optimality: g_norm,
        active_mask: on_bound,
        nfev,
        njev,
        status,
    })
}
