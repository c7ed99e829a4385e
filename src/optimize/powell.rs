//! Powell's conjugate direction method (SciPy `method='Powell'`, `fmin_powell`).

use super::diff::Objective;
use super::minimize::Settings;
use super::result::{Bounds, OptimizeResult, Status};
use super::scalar::{FminboundOptions, brent_or_best, fminbound};
use ndarray::{Array1, Array2};

/// The range `[lo, hi]` of `l` keeping `x + l·dir` inside `b` (over the
/// nonzero components of `dir`); `(0, 0)` when the line misses the box.
fn step_limits(x: &Array1<f64>, dir: &Array1<f64>, b: &Bounds) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    for (i, &d) in dir.iter().enumerate().filter(|p| *p.1 != 0.0) {
        let (a, c) = ((b.lb[i] - x[i]) / d, (b.ub[i] - x[i]) / d);
        let (l, h) = if d > 0.0 { (a, c) } else { (c, a) };
        lo = lo.max(l);
        hi = hi.min(h);
    }
    if hi >= lo { (lo, hi) } else { (0.0, 0.0) }
}

/// Minimizes along `dir` from `x`: Brent's method from a bracket (tolerance
/// `tol`) without bounds, else the bounded method on the step range inside
/// `bounds` (tolerance `tol/100`; a half-infinite range is mapped onto a
/// finite one by `l = tan t`). Returns the new value, point, and the step
/// taken (`α·dir`).
fn line_search(
    obj: &mut Objective<'_>,
    x: &Array1<f64>,
    dir: &Array1<f64>,
    tol: f64,
    fval: f64,
    bounds: Option<&Bounds>,
) -> (f64, Array1<f64>, Array1<f64>) {
    if dir.iter().all(|&d| d == 0.0) {
        return (fval, x.clone(), dir.clone());
    }
    let limits = bounds
        .map(|b| step_limits(x, dir, b))
        .filter(|(lo, hi)| lo.is_finite() || hi.is_finite());
    let mut f = |a: f64| obj.f(&(x + &(dir * a)));
    let (alpha, fret) = match limits {
        None => {
            let (a, fa, _) = brent_or_best(f, tol);
            (a, fa)
        }
        Some((lo, hi)) => {
            let opts = FminboundOptions {
                xtol: tol / 100.0,
                maxfun: 500,
            };
            let res = if lo.is_finite() && hi.is_finite() {
                fminbound(&mut f, lo, hi, &opts).map(|r| (r.x, r.fun))
            } else {
                fminbound(|t| f(t.tan()), lo.atan(), hi.atan(), &opts).map(|r| (r.x.tan(), r.fun))
            };
            // `lo <= hi` and both are finite here, so `fminbound` cannot fail.
            let Ok(r) = res else {
                return (fval, x.clone(), dir * 0.0);
            };
            r
        }
    };
    let step = dir * alpha;
    (fret, x + &step, step)
}

/// Powell's method: sequential line minimizations along a set of directions,
/// replacing the direction of largest decrease by the overall step when the
/// extrapolation test favours it. Stops when an iteration lowers `f` by less
/// than `ftol·(|f_old| + |f|)/2`. With bounds, every line search and the
/// extrapolation stay inside them; a starting point outside is not moved
/// (SciPy warns and starts there), and its lines that miss the box are skipped.
pub(crate) fn powell(
    obj: &mut Objective<'_>,
    x0: Array1<f64>,
    st: &mut Settings<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let (maxiter, maxfun) = match (st.maxiter, st.maxfev) {
        (None, None) => (1000 * n, 1000 * n),
        (Some(i), None) => (i, usize::MAX),
        (None, Some(f)) => (usize::MAX, f),
        (Some(i), Some(f)) => (i, f),
    };
    let xtol = st.xtol.unwrap_or(1e-4);
    let ftol = st.ftol.unwrap_or(1e-4);
    let bounds = st.bounds.clone();
    let mut direc = Array2::<f64>::eye(n);
    let mut x = x0;
    let mut fval = obj.f(&x);
    let mut x1 = x.clone();
    let mut iter = 0;
    let status = loop {
        let fx = fval;
        let (mut bigind, mut delta) = (0, 0.0);
        for i in 0..n {
            let fx2 = fval;
            let dir = direc.row(i).to_owned();
            let (f, xn, _) = line_search(obj, &x, &dir, xtol * 100.0, fval, bounds.as_ref());
            fval = f;
            x = xn;
            if fx2 - fval > delta {
                delta = fx2 - fval;
                bigind = i;
            }
        }
        iter += 1;
        if st.stop(&x, fval, iter) {
            break Status::CallbackStopped;
        }
        let bnd = ftol * (fx.abs() + fval.abs()) + 1e-20;
        if 2.0 * (fx - fval) <= bnd {
            break Status::Success;
        }
        if obj.nfev >= maxfun {
            break Status::MaxEvaluations;
        }
        if iter >= maxiter {
            break Status::MaxIterations;
        }
        if fx.is_nan() && fval.is_nan() {
            break Status::NanEncountered;
        }
        // Extrapolate along the overall step of this iteration.
        let dir = &x - &x1;
        x1 = x.clone();
        // Stay inside the bounds when extrapolating.
        let lmax = bounds.as_ref().map_or(1.0, |b| step_limits(&x, &dir, b).1);
        let x2 = &x + &(&dir * lmax.min(1.0));
        let fx2 = obj.f(&x2);
        if fx > fx2 {
            let mut t = 2.0 * (fx + fx2 - 2.0 * fval);
            let temp = fx - fval - delta;
            t *= temp * temp;
            let temp = fx - fx2;
            t -= delta * temp * temp;
            if t < 0.0 {
                let (f, xn, step) = line_search(obj, &x, &dir, xtol * 100.0, fval, bounds.as_ref());
                fval = f;
                x = xn;
                if step.iter().any(|&v| v != 0.0) {
                    let last = direc.row(n - 1).to_owned();
                    direc.row_mut(bigind).assign(&last);
                    direc.row_mut(n - 1).assign(&step);
                }
            }
        }
    };
    let status = if status == Status::Success && fval.is_nan() {
        Status::NanEncountered
    } else {
        status
    };
    st.result(obj, x, fval, None, None, iter, 0, status)
}
