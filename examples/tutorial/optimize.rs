//! Optimization and root finding (lecture notes, "Optimization and fit:
//! scipy.optimize"), with `ferrosci::optimize`.

use crate::plot::{Series, Style, figure};
use ferrosci::optimize::{
    FminboundOptions, Intermediate, Method, MinimizeOptions, curve_fit, fmin_bfgs, fminbound,
    fsolve, minimize_with, rosen, rosen_der,
};
use ndarray::{Array1, ArrayRef1, array};
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand_distr::{Distribution, StandardNormal};
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

    // Roots of f with fsolve (Powell's hybrid method), from 1 and from -2.5.
    let fvec = |x: &ArrayRef1<f64>| x.mapv(f);
    let r1 = fsolve(fvec, &array![1.0])?[0];
    let r2 = fsolve(fvec, &array![-2.5])?[0];
    println!("fsolve(f, 1) = {r1:.8}");
    println!("fsolve(f, -2.5) = {r2:.8}");

    // Curve fitting: 20 noisy samples of f, and a model a·x² + b·sin x.
    let mut rng = StdRng::seed_from_u64(0);
    let xdata = Array1::linspace(-10.0, 10.0, 20);
    let ydata = xdata.mapv(|x| {
        let noise: f64 = StandardNormal.sample(&mut rng);
        f(x) + noise
    });
    let f2 = |x: f64, p: &ArrayRef1<f64>| p[0] * x * x + p[1] * x.sin();
    let fit = curve_fit(f2, &xdata, &ydata, &array![2.0, 2.0])?;
    println!(
        "curve_fit(f2, xdata, ydata, [2, 2]): a = {:.8}, b = {:.8}",
        fit.popt[0], fit.popt[1]
    );
    println!(
        "  standard errors: {:.2e}, {:.2e}",
        fit.pcov[[0, 0]].sqrt(),
        fit.pcov[[1, 1]].sqrt()
    );

    let xs: Vec<f64> = (0..200).map(|i| -10.0 + 0.1 * i as f64).collect();
    let ys: Vec<f64> = xs.iter().map(|&x| f(x)).collect();
    let (mx, my) = (vec![global.x[0], local.x[0]], vec![global.fun, local.fun]);
    let (rx, ry) = (vec![r1, r2], vec![0.0, 0.0]);
    let fitted: Vec<f64> = xs.iter().map(|&x| f2(x, &fit.popt)).collect();
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
                label: "roots (fsolve)",
                x: &rx,
                y: &ry,
                style: Style::Points,
            },
        ],
    )?;
    figure(
        &out.join("optimize_curve_fit.png"),
        "curve_fit: a·x² + b·sin x to noisy samples of f",
        "x",
        "y",
        &[
            Series {
                label: "data",
                x: xdata.as_slice().unwrap_or(&[]),
                y: ydata.as_slice().unwrap_or(&[]),
                style: Style::Points,
            },
            Series {
                label: "fitted curve",
                x: &xs,
                y: &fitted,
                style: Style::Line,
            },
        ],
    )?;

    alaska(out)?;

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

/// The temperature exercise: a yearly cosine with a time offset fitted to
/// Alaska's monthly extremes.
fn alaska(out: &Path) -> Result<(), Box<dyn Error>> {
    let tmax = array![17., 19., 21., 28., 33., 38., 37., 37., 31., 23., 19., 18.];
    let tmin = array![
        -62., -59., -56., -46., -32., -18., -9., -13., -25., -46., -52., -58.
    ];
    let months = Array1::linspace(0.0, 11.0, 12);
    // avg + ampl·cos(2π(t + offset)/12): period one year, t in months.
    let yearly = |t: f64, p: &ArrayRef1<f64>| {
        p[0] + p[1] * ((t + p[2]) * 2.0 * std::f64::consts::PI / 12.0).cos()
    };
    let fmax = curve_fit(yearly, &months, &tmax, &array![20.0, 10.0, 0.0])?;
    let fmin = curve_fit(yearly, &months, &tmin, &array![-40.0, 20.0, 0.0])?;
    for (name, fit) in [("max", &fmax), ("min", &fmin)] {
        let err: Vec<f64> = (0..3).map(|i| fit.pcov[[i, i]].sqrt()).collect();
        println!(
            "Alaska {name}: avg = {:.2} ± {:.2}, amplitude = {:.2} ± {:.2}, offset = {:.3} ± {:.3} months",
            fit.popt[0], err[0], fit.popt[1], err[1], fit.popt[2], err[2]
        );
    }
    // Is the fit reasonable? The minima have a flat cold plateau a cosine
    // cannot follow: their residuals are about three times those of the maxima.
    let rms = |fit: &ferrosci::optimize::CurveFit| (fit.fvec.dot(&fit.fvec) / 12.0).sqrt();
    println!(
        "rms residual: max {:.2} °C, min {:.2} °C",
        rms(&fmax),
        rms(&fmin)
    );
    // Both amplitudes come out negative (a cosine peaking mid-year), so the
    // offsets compare directly.
    let gap = (fmax.popt[2] - fmin.popt[2]).abs();
    let sigma = (fmax.pcov[[2, 2]] + fmin.pcov[[2, 2]]).sqrt();
    println!(
        "offsets differ by {gap:.3} months, {:.1} standard errors: {}",
        gap / sigma,
        if gap < 2.0 * sigma {
            "the same within the fit accuracy"
        } else {
            "not the same"
        }
    );
    let t: Vec<f64> = (0..=110).map(|i| 0.1 * i as f64).collect();
    let cmax: Vec<f64> = t.iter().map(|&x| yearly(x, &fmax.popt)).collect();
    let cmin: Vec<f64> = t.iter().map(|&x| yearly(x, &fmin.popt)).collect();
    let m = months.to_vec();
    figure(
        &out.join("optimize_alaska.png"),
        "Alaska monthly temperature extremes and yearly fits",
        "month (0 = January)",
        "temperature (°C)",
        &[
            Series {
                label: "max",
                x: &m,
                y: tmax.as_slice().unwrap_or(&[]),
                style: Style::Points,
            },
            Series {
                label: "fit of max",
                x: &t,
                y: &cmax,
                style: Style::Line,
            },
            Series {
                label: "min",
                x: &m,
                y: tmin.as_slice().unwrap_or(&[]),
                style: Style::Points,
            },
            Series {
                label: "fit of min",
                x: &t,
                y: &cmin,
                style: Style::Line,
            },
        ],
    )?;
    Ok(())
}
