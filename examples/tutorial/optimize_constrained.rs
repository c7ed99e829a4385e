//! Constrained minimization (the applications post's circle problem), with
//! `ferrosci::optimize`'s trust-constr and SLSQP.

use crate::plot::{Series, Style, figure};
use ferrosci::optimize::{
    Bounds, ConstraintDict, ConstraintType, Method, MinimizeOptions, NonlinearConstraint,
    minimize_constrained,
};
use ndarray::{Array1, ArrayRef1, array};
use std::error::Error;

/// The post's problem: on the unit circle, with the fixed points A = (0, −1)
/// and B = (1, 0), find P maximizing the area of the triangle ABP, i.e. the
/// point farthest from the line AB: P = (−1/√2, 1/√2), area (1 + √2)/2.
pub fn circle(out: &std::path::Path) -> Result<(), Box<dyn Error>> {
    println!("maximize ½|x0 − x1 − 1|  subject to  x0² + x1² = 1,  −1 ≤ x0, x1 ≤ 1");
    // Negated, since minimize minimizes.
    let target = |x: &ArrayRef1<f64>| -0.5 * (x[0] - x[1] - 1.0).abs();
    let circle_fun = |x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1] * x[1]];
    let x0 = array![0.0, 1.0];
    let bounds = Bounds::new(&array![-1.0, -1.0], &array![1.0, 1.0])?;

    // As the post: trust-constr, '2-point' gradient, BFGS Hessian (the defaults).
    let opts = MinimizeOptions {
        bounds: Some(bounds.clone()),
        constraints: vec![NonlinearConstraint::new(circle_fun, &array![1.0], &array![1.0])?.into()],
        ..Default::default()
    };
    let tc = minimize_constrained(target, &x0, Method::TrustConstr, opts)?;
    println!(
        "trust-constr: x = [{:.8}, {:.8}], fun = {:.12}, nit = {}, nfev = {}",
        tc.x[0], tc.x[1], tc.fun, tc.nit, tc.nfev
    );
    println!(
        "              {} (constr_violation {:.2e}, optimality {:.2e}, v = {:.8})",
        tc.message, tc.constr_violation, tc.optimality, tc.multipliers[0]
    );

    // SLSQP with the old-style equality constraint. With a finite-difference
    // Jacobian, ∂(x0²)/∂x0 at x0 = 0 comes out as the step h instead of 0, and
    // the bound x1 ≤ 1 then blocks every tangent step: SLSQP stops at the start
    // (SciPy does too). The exact Jacobian avoids it.
    let circle_eq = |x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1] * x[1] - 1.0];
    for exact in [false, true] {
        let mut c = ConstraintDict::new(ConstraintType::Eq, circle_eq);
        if exact {
            c = c.with_jac(|x: &ArrayRef1<f64>| array![[2.0 * x[0], 2.0 * x[1]]]);
        }
        let opts = MinimizeOptions {
            bounds: Some(bounds.clone()),
            constraints: vec![c.into()],
            ..Default::default()
        };
        let res = minimize_constrained(target, &x0, Method::Slsqp, opts)?;
        println!(
            "SLSQP ({} Jacobian): x = [{:.8}, {:.8}], fun = {:.12}, nit = {}, nfev = {}: {}",
            if exact { "exact" } else { "2-point" },
            res.x[0],
            res.x[1],
            res.fun,
            res.nit,
            res.nfev,
            res.message
        );
    }
    println!(
        "exact answer: x = [{:.8}, {:.8}], fun = {:.12}",
        -std::f64::consts::FRAC_1_SQRT_2,
        std::f64::consts::FRAC_1_SQRT_2,
        -0.5 - std::f64::consts::FRAC_1_SQRT_2
    );

    // The circle, the chord AB, the triangle at the optimum and the start.
    let t: Array1<f64> = Array1::linspace(0.0, 2.0 * std::f64::consts::PI, 241);
    let (cx, cy): (Vec<f64>, Vec<f64>) = t.iter().map(|t| (t.cos(), t.sin())).unzip();
    let (px, py) = (tc.x[0], tc.x[1]);
    let tri_x = [0.0, 1.0, px, 0.0];
    let tri_y = [-1.0, 0.0, py, -1.0];
    figure(
        &out.join("optimize_constrained_circle.png"),
        "Largest triangle ABP with P on the unit circle",
        "x0",
        "x1",
        &[
            Series {
                label: "constraint x0² + x1² = 1",
                x: &cx,
                y: &cy,
                style: Style::Line,
            },
            Series {
                label: "triangle A B P",
                x: &tri_x,
                y: &tri_y,
                style: Style::Line,
            },
            Series {
                label: "optimum P (trust-constr)",
                x: &[px],
                y: &[py],
                style: Style::Points,
            },
            Series {
                label: "start x0",
                x: &[x0[0]],
                y: &[x0[1]],
                style: Style::Points,
            },
        ],
    )?;
    Ok(())
}
