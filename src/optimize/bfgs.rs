//! Gradient methods with Wolfe line searches: BFGS and nonlinear conjugate
//! gradients (SciPy `method='BFGS'`, `method='CG'`).

use super::diff::Objective;
use super::line_search::wolfe12;
use super::minimize::Settings;
use super::result::{OptimizeResult, Status};
use ndarray::{Array1, Array2};

/// ‖g‖ in SciPy's `norm` option (∞ by default).
pub(crate) fn vecnorm(g: &Array1<f64>, ord: f64) -> f64 {
    if g.iter().any(|v| v.is_nan()) {
        f64::NAN
    } else if ord == f64::INFINITY {
        g.iter().fold(0.0, |m, v| m.max(v.abs()))
    } else if ord == f64::NEG_INFINITY {
        g.iter().fold(f64::INFINITY, |m, v| m.min(v.abs()))
    } else {
        g.iter()
            .map(|v| v.abs().powf(ord))
            .sum::<f64>()
            .powf(1.0 / ord)
    }
}

/// Final status shared by BFGS and CG, following SciPy's precedence.
fn final_status(
    warn: Option<Status>,
    k: usize,
    maxiter: usize,
    gnorm: f64,
    fval: f64,
    x: &Array1<f64>,
) -> Status {
    if let Some(s) = warn {
        s
    } else if k >= maxiter {
        Status::MaxIterations
    } else if gnorm.is_nan() || fval.is_nan() || x.iter().any(|v| v.is_nan()) {
        Status::NanEncountered
    } else {
        Status::Success
    }
}

/// BFGS: quasi-Newton with the inverse-Hessian update
/// `H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ`, `ρ = 1/(yᵀs)`.
pub(crate) fn bfgs(
    obj: &mut Objective<'_>,
    x0: Array1<f64>,
    st: &mut Settings<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let maxiter = st.maxiter.unwrap_or(200 * n);
    let gtol = st.gtol.unwrap_or(1e-5);
    let mut xk = x0;
    let mut old_fval = obj.f(&xk);
    let mut gfk = obj.grad(&xk, old_fval);
    let mut hk = Array2::<f64>::eye(n);
    let mut old_old_fval = old_fval + gfk.dot(&gfk).sqrt() / 2.0;
    let mut gnorm = vecnorm(&gfk, st.norm);
    let mut k = 0;
    let mut warn = None;
    if !old_fval.is_finite() {
        warn = Some(Status::NanEncountered);
    }
    while warn.is_none() && gnorm > gtol && k < maxiter {
        let pk = -hk.dot(&gfk);
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
            warn = Some(Status::PrecisionLoss);
            break;
        };
        old_old_fval = old_fval;
        old_fval = step.fval;
        let sk = &pk * step.alpha;
        xk = &xk + &sk;
        let yk = &step.grad - &gfk;
        gfk = step.grad;
        k += 1;
        if st.stop(&xk, old_fval, k) {
            warn = Some(Status::CallbackStopped);
            break;
        }
        gnorm = vecnorm(&gfk, st.norm);
        if gnorm <= gtol {
            break;
        }
        if !old_fval.is_finite() {
            warn = Some(Status::PrecisionLoss);
            break;
        }
        let ys = yk.dot(&sk);
        let rho = if ys == 0.0 { 1000.0 } else { 1.0 / ys };
        // H ← H − ρ (s (Hy)ᵀ + (Hy) sᵀ) + (ρ² yᵀHy + ρ) s sᵀ, O(n²) without temporaries.
        let hy = hk.dot(&yk);
        let yhy = yk.dot(&hy);
        let c = rho * rho * yhy + rho;
        for i in 0..n {
            let (si, hyi) = (sk[i], hy[i]);
            let mut row = hk.row_mut(i);
            for j in 0..n {
                row[j] += -rho * (si * hy[j] + hyi * sk[j]) + c * si * sk[j];
            }
        }
    }
    let status = final_status(warn, k, maxiter, gnorm, old_fval, &xk);
    st.result(obj, xk, old_fval, Some(gfk), Some(hk), k, 0, status)
}

/// Nonlinear conjugate gradients, Polak–Ribière with restarts (β ≥ 0),
/// and a line search that also requires a descent direction next.
pub(crate) fn cg(
    obj: &mut Objective<'_>,
    x0: Array1<f64>,
    st: &mut Settings<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let maxiter = st.maxiter.unwrap_or(200 * n);
    let gtol = st.gtol.unwrap_or(1e-5);
    const SIGMA3: f64 = 0.01;
    let norm = st.norm;
    let mut xk = x0;
    let mut old_fval = obj.f(&xk);
    let mut gfk = obj.grad(&xk, old_fval);
    let mut old_old_fval = old_fval + gfk.dot(&gfk).sqrt() / 2.0;
    let mut pk = -&gfk;
    let mut gnorm = vecnorm(&gfk, norm);
    let mut k = 0;
    let mut warn = None;
    if !old_fval.is_finite() {
        warn = Some(Status::NanEncountered);
    }
    while warn.is_none() && gnorm > gtol && k < maxiter {
        let deltak = gfk.dot(&gfk);
        // The next direction for a trial step, as the line search's extra condition needs it.
        let next_dir = |gnew: &Array1<f64>| {
            let yk = gnew - &gfk;
            let beta = (yk.dot(gnew) / deltak).max(0.0);
            &pk * beta - gnew
        };
        let mut descent = |_: f64, gnew: &Array1<f64>| {
            if vecnorm(gnew, norm) <= gtol {
                return true;
            }
            let p = next_dir(gnew);
            p.dot(gnew) <= -SIGMA3 * gnew.dot(gnew)
        };
        let Some(step) = wolfe12(
            obj,
            &xk,
            &pk,
            &gfk,
            old_fval,
            old_old_fval,
            1e-4,
            0.4,
            &mut descent,
        ) else {
            warn = Some(Status::PrecisionLoss);
            break;
        };
        old_old_fval = old_fval;
        old_fval = step.fval;
        xk = &xk + &(&pk * step.alpha);
        pk = next_dir(&step.grad);
        gfk = step.grad;
        gnorm = vecnorm(&gfk, norm);
        k += 1;
        if st.stop(&xk, old_fval, k) {
            warn = Some(Status::CallbackStopped);
            break;
        }
    }
    let status = final_status(warn, k, maxiter, gnorm, old_fval, &xk);
    st.result(obj, xk, old_fval, Some(gfk), None, k, 0, status)
}
