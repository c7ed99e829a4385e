//! Optimization and root finding (lecture notes, "Optimization and fit:
//! scipy.optimize"), with `ferrosci::optimize`.

use crate::plot::{Series, Style, figure};
use ferrosci::optimize::{
    FminboundOptions, Intermediate, Method, MinimizeOptions, NewtonOptions, fmin_bfgs, fminbound,
    minimize_with, newton, rosen, rosen_der,
};
use ndarray::{Array1, ArrayRef1, array};
use std::cell::RefCell;
use std::error::Error;
use std::ops::ControlFlow;
use std::path::Path;

/// The lecture notes' test function, with a global minimum near −1.3 and a
/// local one near 3.8.
fn f(x: f64) -> f64 {
    x * x + 10.0 * x.sin()
}

/// The six-hump camelback function of the 2-D exercise.
fn camelback(v: &ArrayRef1<f64>) -> f64 {
    let (x, y) = (v[0], v[1]);
    (4.0 - 2.1 * x * x + x.powi(4) / 3.0) * x * x + x * y + (-4.0 + 4.0 * y * y) * y * y
}

fn camelback_grad(v: &ArrayRef1<f64>) -> Array1<f64> {
    let (x, y) = (v[0], v[1]);
    array![
        8.0 * x - 8.4 * x.powi(3) + 2.0 * x.powi(5) + y,
        x - 8.0 * y + 16.0 * y.powi(3)
    ]
}

/// Runs the section: prints the results the notes show and writes the figures.
pub fn run(out: &Path) -> Result<(), Box<dyn Error>> {
    // Finding the minimum of a scalar function.
    let fv = |x: &ArrayRef1<f64>| f(x[0]);
    let none = None::<fn(&ArrayRef1<f64>) -> Array1<f64>>;
    let global = fmin_bfgs(fv, none, &array![0.0])?;
    println!(
        "fmin_bfgs(f, 0): x = {:.8}, f = {:.6}",
        global.x[0], global.fun
    );
    println!(
        "  {} iterations, {} function evaluations, {} gradient evaluations",
        global.nit, global.nfev, global.njev
    );
    let local = fmin_bfgs(fv, none, &array![3.0])?;
    println!(
        "fmin_bfgs(f, 3): x = {:.8}  (a local minimum: the start decides)",
        local.x[0]
    );
    let bounded = fminbound(f, 0.0, 10.0, &FminboundOptions::default())?;
    println!("fminbound(f, 0, 10): x = {:.7}", bounded.x);

    // Roots of f: the notes use fsolve; Newton's (secant) method from the
    // same starting guesses finds the same two roots.
    let r1 = newton(f, 1.0, NewtonOptions::default())?;
    let r2 = newton(f, -2.5, NewtonOptions::default())?;
    // A root within the tolerance (1.48e-8) of zero prints as 0, as in the notes.
    let show = |v: f64| if v.abs() < 1.48e-8 { 0.0 } else { v };
    println!(
        "roots of f from 1 and -2.5: {:.8}, {:.8}",
        show(r1.root),
        show(r2.root)
    );

    let xs: Vec<f64> = (0..200).map(|i| -10.0 + 0.1 * i as f64).collect();
    let ys: Vec<f64> = xs.iter().map(|&x| f(x)).collect();
    let (mx, my) = (vec![global.x[0], local.x[0]], vec![global.fun, local.fun]);
    let (rx, ry) = (vec![r1.root, r2.root], vec![0.0, 0.0]);
    figure(
        &out.join("optimize_minima_roots.png"),
        "f(x) = x² + 10 sin x: minima and roots",
        "x",
        "f(x)",
        &[
            Series {
                label: "f(x)",
                x: &xs,
                y: &ys,
                style: Style::Line,
            },
            Series {
                label: "minima (BFGS)",
                x: &mx,
                y: &my,
                style: Style::Points,
            },
            Series {
                label: "roots (Newton)",
                x: &rx,
                y: &ry,
                style: Style::Points,
            },
        ],
    )?;

    // The six-hump camelback exercise: the two global minima, and what a
    // start at (0, 0) does (the gradient vanishes there: BFGS stops at once).
    let mut minima = Vec::new();
    for start in [
        array![-1.0, 1.0],
        array![1.0, -1.0],
        array![0.0, 0.0],
        array![1.5, 0.5],
    ] {
        let opts = MinimizeOptions {
            jac: Some(Box::new(camelback_grad)),
            ..Default::default()
        };
        let r = minimize_with(camelback, &start, Method::Bfgs, opts)?;
        println!(
            "camelback from {start}: x = ({:.4}, {:.4}), f = {:.4}, {} iterations",
            r.x[0], r.x[1], r.fun, r.nit
        );
        minima.push(r);
    }
    println!(
        "two global minima with f = {:.4}; (0, 0) is a saddle point",
        minima[0].fun
    );
    let cx: Vec<f64> = (0..=200).map(|i| -2.0 + 0.02 * i as f64).collect();
    let slice = |y: f64| -> Vec<f64> { cx.iter().map(|&x| camelback(&array![x, y])).collect() };
    let (y1, y2) = (minima[0].x[1], minima[1].x[1]);
    let (s1, s2) = (slice(y1), slice(y2));
    let (px, py) = (
        vec![minima[0].x[0], minima[1].x[0]],
        vec![minima[0].fun, minima[1].fun],
    );
    let l1 = format!("f(x, {y1:.4})");
    let l2 = format!("f(x, {y2:.4})");
    figure(
        &out.join("optimize_camelback.png"),
        "Six-hump camelback: slices through the two global minima",
        "x",
        "f(x, y)",
        &[
            Series {
                label: &l1,
                x: &cx,
                y: &s1,
                style: Style::Line,
            },
            Series {
                label: &l2,
                x: &cx,
                y: &s2,
                style: Style::Line,
            },
            Series {
                label: "global minima",
                x: &px,
                y: &py,
                style: Style::Points,
            },
        ],
    )?;

    // Comparing methods through `minimize` and its callback: the objective
    // along the iterations on the 2-D Rosenbrock function.
    let mut curves = Vec::new();
    for (name, method) in [
        ("Nelder-Mead", Method::NelderMead),
        ("BFGS", Method::Bfgs),
        ("L-BFGS-B", Method::LBfgsB),
    ] {
        let trace = RefCell::new(Vec::new());
        let opts = MinimizeOptions {
            jac: (method != Method::NelderMead)
                .then(|| Box::new(rosen_der) as Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>),
            callback: Some(Box::new(|it: &Intermediate| {
                trace
                    .borrow_mut()
                    .push((it.nit as f64, it.fun.max(1e-16).log10()));
                ControlFlow::Continue(())
            })),
            ..Default::default()
        };
        let r = minimize_with(rosen, &array![-1.2, 1.0], method, opts)?;
        println!(
            "{name:>11} on Rosenbrock: x = ({:.6}, {:.6}), nit = {}, nfev = {}",
            r.x[0], r.x[1], r.nit, r.nfev
        );
        let (it, lf): (Vec<f64>, Vec<f64>) = trace.into_inner().into_iter().unzip();
        curves.push((name, it, lf));
    }
    let series: Vec<Series> = curves
        .iter()
        .map(|(name, it, lf)| Series {
            label: name,
            x: it,
            y: lf,
            style: Style::Line,
        })
        .collect();
    figure(
        &out.join("optimize_rosen_convergence.png"),
        "Rosenbrock from (-1.2, 1)",
        "iteration",
        "log10 f",
        &series,
    )?;
    Ok(())
}
