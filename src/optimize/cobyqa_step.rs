//! COBYQA's trust-region step (Byrd–Omojokun composite step) for quadratic
//! models, with the constraints linearized as `b + Aᵀd ≥ 0` (bounds among
//! them).
//!
//! The normal step lowers the largest linearized violation within `0.8·Δ`
//! (COBYLA's first stage, [`trust_step`] with a zero objective). The
//! tangential step then lowers the quadratic model of the Lagrangian from
//! there by truncated conjugate gradients projected onto the null space of an
//! active set, so that no linearized constraint gets more violated than after
//! the normal step and the whole step stays within `Δ`: a constraint that
//! blocks a CG step joins the active set and CG restarts, and one whose
//! multiplier has the wrong sign (the model descends away from it) leaves
//! it, at the start (so a bound the base point sits on does not hold the
//! step back) and whenever CG converges on the active set.
//!
//! # Reference
//! T. M. Ragonneau, "Model-based derivative-free optimization methods and
//! software", PhD thesis, Hong Kong Polytechnic University (2022), ch. 5–6.

use super::cobyla_step::{independent, project, trust_step};
use ndarray::{Array1, Array2};

/// The composite step for the model `gᵀd + ½dᵀHd` (`h` the Lagrangian's
/// Hessian), constraints `b + Aᵀd ≥ 0` (`A` is `n × m`) and radius `delta`.
pub(crate) fn composite_step(
    g: &Array1<f64>,
    h: &Array2<f64>,
    a: &Array2<f64>,
    b: &Array1<f64>,
    delta: f64,
) -> Array1<f64> {
    let n = g.len();
    let infeasible = b.iter().any(|&bi| bi < 0.0);
    let normal = if infeasible {
        trust_step(&Array1::zeros(n), a, b, 0.8 * delta)
    } else {
        Array1::zeros(n)
    };
    // Each constraint may not end more violated than after the normal step.
    let rows = a.t().to_owned();
    let at_normal = rows.dot(&normal);
    let floor = Array1::from_shape_fn(b.len(), |i| (-b[i]).min(at_normal[i]));
    tangential(g, h, &rows, &floor, normal, delta)
}

/// Projected truncated CG for `min gᵀd + ½dᵀHd` s.t. `rows·d ≥ floor`,
/// `‖d‖ ≤ delta`, from a feasible `d`.
fn tangential(
    g: &Array1<f64>,
    h: &Array2<f64>,
    rows: &Array2<f64>,
    floor: &Array1<f64>,
    mut d: Array1<f64>,
    delta: f64,
) -> Array1<f64> {
    let (m, n) = rows.dim();
    let scale = 1e-12 * (1.0 + g.dot(g).sqrt());
    let slack = |d: &Array1<f64>, i: usize| rows.row(i).dot(d) - floor[i];
    let near: Vec<usize> = (0..m).filter(|&i| slack(&d, i) <= scale * delta).collect();
    let mut active = independent(rows, &near);
    let (mut first, mut converged) = (true, false);
    for _ in 0..2 * (m + n) + 2 {
        let grad = g + &h.dot(&d);
        let (mut r, lambda) = project(rows, &active, &grad);
        let r0 = r.dot(&r).sqrt();
        let done = r0 <= scale || converged;
        if done || first {
            // Release the constraint whose multiplier has the wrong sign.
            let worst = (0..active.len())
                .filter(|&j| lambda[j] < -scale)
                .min_by(|&p, &q| lambda[p].total_cmp(&lambda[q]));
            if let Some(j) = worst {
                active.remove(j);
                converged = false;
                continue;
            }
            if done {
                return d;
            }
        }
        first = false;
        let mut s = r.clone();
        let mut blocked = None;
        for _ in 0..n {
            let hs = h.dot(&s);
            let curv = s.dot(&hs);
            let rr = r.dot(&r);
            // Distance along s to the trust-region boundary.
            let (ss, ds) = (s.dot(&s), s.dot(&d));
            let room = (delta * delta - d.dot(&d)).max(0.0);
            let to_edge = room / (ds + (ds * ds + ss * room).sqrt()).max(f64::MIN_POSITIVE);
            let mut alpha = if curv > 0.0 { rr / curv } else { f64::INFINITY };
            let mut hit = None;
            if to_edge <= alpha {
                alpha = to_edge;
                hit = Some(usize::MAX);
            }
            for i in (0..m).filter(|i| !active.contains(i)) {
                let rate = rows.row(i).dot(&s);
                if rate < -1e-14 * rows.row(i).dot(&rows.row(i)).sqrt() * ss.sqrt() {
                    let step = slack(&d, i).max(0.0) / -rate;
                    if step < alpha {
                        alpha = step;
                        hit = Some(i);
                    }
                }
            }
            if !alpha.is_finite() {
                return d;
            }
            d.scaled_add(alpha, &s);
            match hit {
                Some(usize::MAX) => return d,
                Some(i) => {
                    blocked = Some(i);
                    break;
                }
                None => {}
            }
            let grad = g + &h.dot(&d);
            let rn = project(rows, &active, &grad).0;
            if rn.dot(&rn).sqrt() <= 1e-8 * r0 {
                converged = true;
                break;
            }
            let beta = rn.dot(&rn) / rr;
            s = &rn + &(beta * &s);
            r = rn;
        }
        match blocked {
            Some(i) => active.push(i),
            None if converged => {}
            None => return d,
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn unconstrained_newton_step_inside_the_region() {
        let h = array![[2.0, 0.0], [0.0, 4.0]];
        let d = composite_step(
            &array![-2.0, -4.0],
            &h,
            &Array2::zeros((2, 0)),
            &array![],
            10.0,
        );
        assert!(
            (d[0] - 1.0).abs() < 1e-12 && (d[1] - 1.0).abs() < 1e-12,
            "{d}"
        );
    }

    #[test]
    fn a_bound_the_model_descends_away_from_is_released() {
        // d1 ≥ 0 holds with equality at d = 0, but the model falls as d1
        // grows: the minimizer (0.5, 0.5) leaves it (CG on d0 alone would
        // stop at (0.5, 0)).
        let d = composite_step(
            &array![-1.0, -1.0],
            &(2.0 * Array2::eye(2)),
            &array![[0.0], [1.0]],
            &array![0.0],
            10.0,
        );
        assert!(
            (d[0] - 0.5).abs() < 1e-12 && (d[1] - 0.5).abs() < 1e-12,
            "{d}"
        );
    }

    #[test]
    fn blocking_constraint_and_boundary() {
        // min −d0 − d1 with d0 ≤ 0.5 (0.5 − d0 ≥ 0), radius 1.
        let d = composite_step(
            &array![-1.0, -1.0],
            &Array2::zeros((2, 2)),
            &array![[-1.0], [0.0]],
            &array![0.5],
            1.0,
        );
        assert!(
            (d[0] - 0.5).abs() < 1e-12 && (d.dot(&d) - 1.0).abs() < 1e-12,
            "{d}"
        );
    }

    #[test]
    fn normal_step_restores_linearized_feasibility() {
        // d0 = 0.3 (as two inequalities), objective pushes d0 down.
        let a = array![[1.0, -1.0], [0.0, 0.0]];
        let d = composite_step(
            &array![1.0, 0.0],
            &Array2::eye(2),
            &a,
            &array![-0.3, 0.3],
            1.0,
        );
        assert!((d[0] - 0.3).abs() < 1e-12, "{d}");
    }
}
