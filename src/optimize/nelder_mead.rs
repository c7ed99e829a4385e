//! The Nelder–Mead downhill simplex (SciPy `method='Nelder-Mead'`).

use super::diff::Objective;
use super::minimize::Settings;
use super::result::{OptimizeResult, Status};
use ndarray::{Array1, Array2, Axis};

/// Nelder–Mead with SciPy's coefficients (reflection 1, expansion 2,
/// contraction ½, shrink ½; `adaptive` scales them with the dimension, as in
/// Gao & Han 2012) and SciPy's initial simplex (+5 % per coordinate, 0.00025
/// for zero coordinates). Bounds, if any, clip every vertex.
pub(crate) fn nelder_mead(
    obj: &mut Objective<'_>,
    x0: Array1<f64>,
    st: &mut Settings<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let nf = n as f64;
    let (rho, chi, psi, sigma) = if st.adaptive {
        (1.0, 1.0 + 2.0 / nf, 0.75 - 1.0 / (2.0 * nf), 1.0 - 1.0 / nf)
    } else {
        (1.0, 2.0, 0.5, 0.5)
    };
    let (maxiter, maxfun) = match (st.maxiter, st.maxfev) {
        (None, None) => (200 * n, 200 * n),
        (Some(i), None) => (i, usize::MAX),
        (None, Some(f)) => (usize::MAX, f),
        (Some(i), Some(f)) => (i, f),
    };
    let xatol = st.xatol.unwrap_or(1e-4);
    let fatol = st.fatol.unwrap_or(1e-4);
    let bounds = st.bounds.clone();
    let clip = |v: &mut Array1<f64>| {
        if let Some(b) = &bounds {
            b.clip(v);
        }
    };
    let mut sim = Array2::<f64>::zeros((n + 1, n));
    let mut x0 = x0;
    clip(&mut x0);
    sim.row_mut(0).assign(&x0);
    for k in 0..n {
        let mut y = x0.clone();
        y[k] = if y[k] != 0.0 { 1.05 * y[k] } else { 0.00025 };
        if let Some(b) = &bounds {
            // Reflect a vertex that leaves the box back inside, as SciPy does.
            if y[k] > b.ub[k] {
                y[k] = 2.0 * b.ub[k] - y[k];
            }
            y[k] = y[k].clamp(b.lb[k], b.ub[k]);
        }
        sim.row_mut(k + 1).assign(&y);
    }
    let mut fsim = Array1::<f64>::zeros(n + 1);
    for k in 0..=n {
        fsim[k] = obj.f(&sim.row(k));
    }
    // A stable sort of the vertices by value (SciPy's argsort on n + 1 ≤ 16
    // values is an insertion sort, so stable too).
    let sort = |sim: &mut Array2<f64>, fsim: &mut Array1<f64>| {
        let mut idx: Vec<usize> = (0..=n).collect();
        idx.sort_by(|&a, &b| fsim[a].total_cmp(&fsim[b]));
        *sim = sim.select(Axis(0), &idx);
        *fsim = fsim.select(Axis(0), &idx);
    };
    // The same when only the last vertex changed: it moves up past every
    // vertex with a larger value, in place.
    let insert_last = |sim: &mut Array2<f64>, fsim: &mut Array1<f64>| {
        let fl = fsim[n];
        let mut j = n;
        while j > 0 && fsim[j - 1].total_cmp(&fl).is_gt() {
            fsim.swap(j - 1, j);
            for i in 0..n {
                sim.swap([j - 1, i], [j, i]);
            }
            j -= 1;
        }
    };
    sort(&mut sim, &mut fsim);
    let mut iterations = 1;
    let mut status = Status::Success;
    // Trial points go to reused buffers: `xbar + c (xbar − worst)`.
    let point = |out: &mut Array1<f64>, sim: &Array2<f64>, xbar: &Array1<f64>, c: f64| {
        for ((o, &b), &w) in out.iter_mut().zip(xbar).zip(sim.row(n)) {
            *o = b * (1.0 + c) - w * c;
        }
        clip(out);
    };
    let (mut xbar, mut xr, mut xt) = (
        Array1::<f64>::zeros(n),
        Array1::<f64>::zeros(n),
        Array1::<f64>::zeros(n),
    );
    while obj.nfev < maxfun && iterations < maxiter {
        let xspread = (1..=n)
            .flat_map(|j| (0..n).map(move |i| (j, i)))
            .fold(0.0f64, |m, (j, i)| m.max((sim[[j, i]] - sim[[0, i]]).abs()));
        let fspread = (1..=n).fold(0.0f64, |m, j| m.max((fsim[0] - fsim[j]).abs()));
        if xspread <= xatol && fspread <= fatol {
            break;
        }
        if fsim.iter().any(|v| v.is_nan()) {
            status = Status::NanEncountered;
            break;
        }
        // The centroid of all but the worst vertex (summed in row order and
        // divided, as `mean_axis`).
        xbar.fill(0.0);
        for row in sim.outer_iter().take(n) {
            xbar += &row;
        }
        xbar /= nf;
        point(&mut xr, &sim, &xbar, rho);
        let fxr = obj.f(&xr);
        let mut shrink = false;
        if fxr < fsim[0] {
            point(&mut xt, &sim, &xbar, rho * chi);
            let fxe = obj.f(&xt);
            if fxe < fxr {
                sim.row_mut(n).assign(&xt);
                fsim[n] = fxe;
            } else {
                sim.row_mut(n).assign(&xr);
                fsim[n] = fxr;
            }
        } else if fxr < fsim[n - 1] {
            sim.row_mut(n).assign(&xr);
            fsim[n] = fxr;
        } else if fxr < fsim[n] {
            // Outside contraction.
            point(&mut xt, &sim, &xbar, psi * rho);
            let fxc = obj.f(&xt);
            if fxc <= fxr {
                sim.row_mut(n).assign(&xt);
                fsim[n] = fxc;
            } else {
                shrink = true;
            }
        } else {
            // Inside contraction.
            point(&mut xt, &sim, &xbar, -psi);
            let fxcc = obj.f(&xt);
            if fxcc < fsim[n] {
                sim.row_mut(n).assign(&xt);
                fsim[n] = fxcc;
            } else {
                shrink = true;
            }
        }
        iterations += 1;
        if shrink {
            let best = sim.row(0).to_owned();
            for j in 1..=n {
                let mut v = &best + &((&sim.row(j) - &best) * sigma);
                clip(&mut v);
                fsim[j] = obj.f(&v);
                sim.row_mut(j).assign(&v);
            }
            sort(&mut sim, &mut fsim);
        } else {
            insert_last(&mut sim, &mut fsim);
        }
        if st.stop(&sim.row(0), fsim[0], iterations) {
            status = Status::CallbackStopped;
            break;
        }
    }
    if status == Status::Success {
        if obj.nfev >= maxfun {
            status = Status::MaxEvaluations;
        } else if iterations >= maxiter {
            status = Status::MaxIterations;
        }
    }
    let x = sim.row(0).to_owned();
    let fun = fsim[0];
    st.result(obj, x, fun, None, None, iterations, 0, status)
}
