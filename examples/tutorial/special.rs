//! Special functions (`scipy.special` in the lecture notes).
//!
//! The notes name the frequently used ones: Bessel functions (`jn`, with a
//! figure of the first few), the Jacobi elliptic functions (`ellipj`), the
//! gamma function with `gammaln` for where Γ overflows, and the error
//! function, the area under a Gaussian curve.

use crate::plot::{Series, Style, figure};
use ferrosci::special::{ellipj, ellipk, erf, gamma, gammaln, gammasgn, jn, jn_zeros, ndtr};
use ndarray::Array1;
use std::error::Error;
use std::path::Path;

/// Runs the section, writing three figures into `out`.
pub fn run(out: &Path) -> Result<(), Box<dyn Error>> {
    bessel_and_elliptic(out)?;

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

/// Bessel functions `J_n` (with the figure `special_bessel.png`) and the
/// Jacobi elliptic functions, checked against identities they satisfy.
fn bessel_and_elliptic(out: &Path) -> Result<(), Box<dyn Error>> {
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
