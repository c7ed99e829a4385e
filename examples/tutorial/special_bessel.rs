//! Special functions, part B (`scipy.special` in the lecture notes): Bessel
//! functions of integer order with `jn`, and the Jacobi elliptic functions
//! with `ellipj`.
//!
//! The lecture notes name `scipy.special.jn()` and `scipy.special.ellipj()` as
//! frequently used special functions; here they are evaluated, checked
//! against identities they satisfy, and the first few `J_n` are drawn.

use crate::plot::{Series, Style, figure};
use ferrosci::special::{ellipj, ellipk, jn, jn_zeros};
use ndarray::Array1;
use std::error::Error;
use std::path::Path;

/// Runs the section, writing `special_bessel.png` into `out`.
pub fn run(out: &Path) -> Result<(), Box<dyn Error>> {
    // Bessel functions of the first kind, J_n(x) = special.jn(n, x).
    for x in [1.0, 2.5, 10.0] {
        println!(
            "jn(0, {x}) = {:.15}   jn(1, {x}) = {:.15}   jn(2, {x}) = {:.15}",
            jn(0, x),
            jn(1, x),
            jn(2, x)
        );
    }
    // The three-term recurrence J_{n-1}(x) + J_{n+1}(x) = (2n/x) J_n(x) holds
    // to rounding: a quick check that the orders agree with each other.
    let x = 7.3;
    let worst = (1..30)
        .map(|n| (jn(n - 1, x) + jn(n + 1, x) - 2.0 * f64::from(n) / x * jn(n, x)).abs())
        .fold(0.0, f64::max);
    println!("recurrence residual over n = 1..29 at x = {x}: {worst:.1e}");
    let zeros = jn_zeros(0, 5)?;
    println!("first zeros of J_0: {zeros:.10}");

    // A figure of J_0 … J_3 on [0, 20].
    let xs = Array1::linspace(0.0, 20.0, 401);
    let curves: Vec<(String, Vec<f64>)> = (0..4)
        .map(|n| (format!("J_{n}(x)"), xs.iter().map(|&x| jn(n, x)).collect()))
        .collect();
    let xv = xs.to_vec();
    let series: Vec<Series> = curves
        .iter()
        .map(|(label, y)| Series {
            label,
            x: &xv,
            y,
            style: Style::Line,
        })
        .collect();
    let path = out.join("special_bessel.png");
    figure(
        &path,
        "Bessel functions of the first kind",
        "x",
        "J_n(x)",
        &series,
    )?;
    println!("wrote {}", path.display());

    // Jacobi elliptic functions: special.ellipj(u, m) -> (sn, cn, dn, ph).
    let m = 0.5;
    for u in [0.0, 0.5, 1.0, ellipk(m)] {
        let e = ellipj(u, m);
        println!(
            "ellipj({u:.6}, {m}): sn = {:.15}, cn = {:.15}, dn = {:.15}, ph = {:.15}",
            e.sn, e.cn, e.dn, e.ph
        );
    }
    // sn² + cn² = 1 and dn² + m sn² = 1, and sn reaches 1 at the quarter period K(m).
    let e = ellipj(0.8, m);
    println!(
        "identities at u = 0.8: sn²+cn²-1 = {:.1e}, dn²+m·sn²-1 = {:.1e}; sn(K) = {}",
        e.sn * e.sn + e.cn * e.cn - 1.0,
        e.dn * e.dn + m * e.sn * e.sn - 1.0,
        ellipj(ellipk(m), m).sn
    );
    Ok(())
}
