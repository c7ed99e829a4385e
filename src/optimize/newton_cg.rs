//! Truncated Newton by conjugate gradients (SciPy `method='Newton-CG'`).

use super::bfgs::vecnorm;
use super::diff::Objective;
use super::line_search::wolfe12;
use super::minimize::{HessFn, HesspFn, Settings};
use super::result::{OptimizeResult, Status};
use ndarray::Array1;

/// The curvature information Newton-CG uses, best first.
pub(crate) enum Curvature<'a> {
    Hess(HessFn<'a>),
    Hessp(HesspFn<'a>),
    /// Hessian-vector products by forward differences of the gradient.
    Fd,
}

/// Newton-CG: each step solves `∇²f p = −∇f` approximately by CG (stopping
/// at the residual `min(½, √‖g‖₁)·‖g‖₁`, or at negative curvature), then
/// takes a Wolfe line search along `p`. Stops when the step's ℓ₁ norm is
/// below `n·xtol`.
pub(crate) fn newton_cg(
    obj: &mut Objective<'_>,
    x0: Array1<f64>,
    curv: &mut Curvature<'_>,
    st: &mut Settings<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let maxiter = st.maxiter.unwrap_or(200 * n);
    let xtol = n as f64 * st.xtol.unwrap_or(1e-5);
    let cg_maxiter = 20 * n;
    let eps = f64::EPSILON.sqrt();
    let mut xk = x0;
    let mut old_fval = obj.f(&xk);
    let mut gfk = obj.grad(&xk, old_fval);
    let mut old_old_fval = f64::NAN;
    let mut nhev = 0;
    let mut k = 0;
    let mut update_l1 = f64::MAX;
    let status = loop {
        if update_l1 <= xtol {
            break if old_fval.is_nan() || update_l1.is_nan() {
                Status::NanEncountered
            } else {
                Status::Success
            };
        }
        if k >= maxiter {
            break Status::MaxIterations;
        }
        if !old_fval.is_finite() || gfk.iter().any(|v| !v.is_finite()) {
            break Status::NanEncountered;
        }
        let b = -&gfk;
        let maggrad = b.iter().map(|v| v.abs()).sum::<f64>();
        let termcond = 0.5f64.min(maggrad.sqrt()) * maggrad;
        let mut xsupi = Array1::<f64>::zeros(n);
        let mut ri = gfk.clone();
        let mut psupi = -&ri;
        let mut dri0 = ri.dot(&ri);
        let hess = match curv {
            Curvature::Hess(h) => {
                nhev += 1;
                Some(h(&xk))
            }
            _ => None,
        };
        let mut converged_cg = false;
        for i in 0..cg_maxiter {
            if ri.iter().map(|v| v.abs()).sum::<f64>() <= termcond {
                converged_cg = true;
                break;
            }
            let ap = match (&hess, &mut *curv) {
                (Some(h), _) => h.dot(&psupi),
                (None, Curvature::Hessp(hp)) => {
                    nhev += 1;
                    hp(&xk, &psupi)
                }
                _ => {
                    let xe = &xk + &(&psupi * eps);
                    // The gradient is exact (required), so no base value is needed.
                    (obj.grad(&xe, f64::NAN) - &gfk) / eps
                }
            };
            let c = psupi.dot(&ap);
            if (0.0..=3.0 * f64::EPSILON).contains(&c) {
                converged_cg = true;
                break;
            } else if c < 0.0 || c.is_nan() {
                if i == 0 && c < 0.0 {
                    // Negative curvature at once: steepest descent, scaled.
                    xsupi = &b * (dri0 / -c);
                }
                converged_cg = true;
                break;
            }
            let alpha = dri0 / c;
            xsupi = &xsupi + &(&psupi * alpha);
            ri = &ri + &(&ap * alpha);
            let dri1 = ri.dot(&ri);
            psupi = &psupi * (dri1 / dri0) - &ri;
            dri0 = dri1;
        }
        if !converged_cg {
            break Status::NanEncountered;
        }
        let pk = xsupi;
        let Some(step) = wolfe12(
            obj,
            &xk,
            &pk,
            &gfk,
            old_fval,
            old_old_fval,
            1e-4,
            0.9,
            &mut |_, _| true,
        ) else {
            break Status::PrecisionLoss;
        };
        old_old_fval = old_fval;
        old_fval = step.fval;
        let update = &pk * step.alpha;
        xk = &xk + &update;
        gfk = step.grad;
        k += 1;
        if st.stop(&xk, old_fval, k) {
            break Status::CallbackStopped;
        }
        update_l1 = vecnorm(&update, 1.0);
    };
    st.result(obj, xk, old_fval, Some(gfk), None, k, nhev, status)
}
