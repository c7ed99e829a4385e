//! Special functions (`scipy.special` in the lecture notes).
//!
//! The notes name the frequently used ones: Bessel and elliptic functions
//! (added to this section with the Bessel figure by the other half of
//! `special`), the gamma function with `gammaln` for where Γ overflows, and
//! the error function, the area under a Gaussian curve.

use crate::plot::{Series, Style, figure};
use ferrosci::special::{erf, gamma, gammaln, gammasgn, ndtr};
use std::error::Error;
use std::path::Path;

/// Runs the section, writing two figures into `out`.
pub fn run(out: &Path) -> Result<(), Box<dyn Error>> {
    // Γ(n+1) = n!, and Γ(1/2) = √π.
    println!("gamma(5) = {} (= 4!)", gamma(5.0));
    println!("gamma(0.5)^2 = {:.15} (= π)", gamma(0.5).powi(2));

    // Γ overflows f64 just above 171.6; ln Γ stays finite and accurate, so
    // ratios of huge factorials are computed as differences of logarithms.
    for x in [170.0, 171.0, 172.0, 1000.0] {
        println!(
            "x = {x:6}: gamma = {:e}, gammaln = {:.10}",
            gamma(x),
            gammaln(x)
        );
    }
    // C(1000, 500) = 1000! / (500!)² ≈ 2.7e299, from logs without overflow.
    let log_comb = gammaln(1001.0) - 2.0 * gammaln(501.0);
    println!("C(1000, 500) = exp({log_comb:.6}) = {:e}", log_comb.exp());

    // erf: the probability that a normal variable lies within x·√2 standard
    // deviations of its mean; ndtr is the normal cdf itself.
    for k in [1.0f64, 2.0, 3.0] {
        println!(
            "P(|Z| < {k}) = erf({k}/√2) = {:.6} (= 2·ndtr({k}) - 1 = {:.6})",
            erf(k / std::f64::consts::SQRT_2),
            2.0 * ndtr(k) - 1.0
        );
    }

    // Figure 1: Γ on (-4.5, 5), with its poles at 0, -1, -2, …: clip the
    // curve so the poles show as vertical jumps, and gammaln beside it.
    let x: Vec<f64> = (0..2000).map(|i| -4.5 + 9.5 * i as f64 / 1999.0).collect();
    let g: Vec<f64> = x.iter().map(|&v| gamma(v).clamp(-10.0, 10.0)).collect();
    let lg: Vec<f64> = x
        .iter()
        .map(|&v| gammaln(v).min(10.0) * gammasgn(v).abs())
        .collect();
    figure(
        &out.join("special_gamma.png"),
        "The gamma function",
        "x",
        "y",
        &[
            Series {
                label: "gamma(x) (clipped to ±10)",
                x: &x,
                y: &g,
                style: Style::Line,
            },
            Series {
                label: "gammaln(x) = ln|gamma(x)|",
                x: &x,
                y: &lg,
                style: Style::Line,
            },
        ],
    )?;

    // Figure 2: erf and the normal cdf.
    let x: Vec<f64> = (0..601).map(|i| -3.0 + 6.0 * i as f64 / 600.0).collect();
    let e: Vec<f64> = x.iter().map(|&v| erf(v)).collect();
    let n: Vec<f64> = x.iter().map(|&v| ndtr(v)).collect();
    figure(
        &out.join("special_erf.png"),
        "The error function",
        "x",
        "y",
        &[
            Series {
                label: "erf(x)",
                x: &x,
                y: &e,
                style: Style::Line,
            },
            Series {
                label: "ndtr(x)",
                x: &x,
                y: &n,
                style: Style::Line,
            },
        ],
    )?;
    Ok(())
}
