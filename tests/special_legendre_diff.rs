//! ferrosci::special Legendre tables with derivatives (`diff_n = 2`) and the
//! type-3 functions (`branch_cut = 3`, real `z > 1`), against mpmath and SciPy.
//!
//! Fixture: `python3 tools/fixtures/special_legendre_diff.py` writes
//! `tests/fixtures/special/legendre_diff.json` (mpmath at 40 digits; at
//! `z = ±1` the one-sided limits). Entries agree with mpmath to 1e-13
//! relative to the largest entry of their degree row and layer (derivatives
//! cancel where the functions oscillate), and with SciPy to the same bound
//! away from `z = ±1`; at `z = ±1` SciPy returns `+∞` for some limits that are
//! `-∞` (and `-0.25` for `P_3^{-2}''(1) = -0.75`), see the module docs.
mod common;

use common::{as_array, load};
use ferrosci::special as sp;
use ndarray::ArrayD;

/// Compares `got` with `want` row by row (the last axis is the order):
/// infinities and NaNs exactly, finite entries to `tol` of the row's scale.
fn compare(got: &ArrayD<f64>, want: &ArrayD<f64>, tol: f64, ctx: &str) -> Result<(), String> {
    if got.shape() != want.shape() {
        return Err(format!(
            "{ctx}: shape {:?} vs {:?}",
            got.shape(),
            want.shape()
        ));
    }
    let cols = *want.shape().last().unwrap();
    let (g, w) = (got.as_slice().unwrap(), want.as_slice().unwrap());
    for (row, (gr, wr)) in g.chunks(cols).zip(w.chunks(cols)).enumerate() {
        let scale = wr
            .iter()
            .filter(|v| v.is_finite())
            .fold(1e-300f64, |s, v| s.max(v.abs()));
        for (k, (&a, &b)) in gr.iter().zip(wr).enumerate() {
            let ok = if b.is_finite() {
                (a - b).abs() <= tol * scale
            } else {
                a == b || (a.is_nan() && b.is_nan())
            };
            if !ok {
                return Err(format!(
                    "{ctx}: row {row} order column {k}: got {a:e}, want {b:e}"
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn legendre_derivative_tables_match_mpmath_and_scipy() {
    let cases = load("special", "legendre_diff");
    assert!(cases.len() > 20);
    let mut failures = Vec::new();
    let mut scipy_differs = 0;
    for c in &cases {
        let z = c.f64("z");
        let got = if c.str("f") == "legendre_p_all" {
            let opts = sp::LegendrePOptions { diff_n: 2 };
            sp::legendre_p_all_with(c.usize("n"), z, &opts).into_dyn()
        } else {
            let opts = sp::AssocLegendreOptions {
                norm: c.arg("norm").as_bool().unwrap(),
                diff_n: 2,
                branch_cut: if c.usize("branch_cut") == 3 {
                    sp::BranchCut::Type3
                } else {
                    sp::BranchCut::Type2
                },
            };
            sp::assoc_legendre_p_all_with(c.usize("n"), c.usize("m"), z, &opts).into_dyn()
        };
        let want = as_array(&c.expected);
        let scipy = c.array("scipy");
        if let Err(e) = compare(&got, &want, 1e-13, &c.ctx()) {
            failures.push(e);
        }
        if z.abs() != 1.0 {
            if let Err(e) = compare(&got, &scipy, 1e-13, &format!("{} vs SciPy", c.ctx())) {
                failures.push(e);
            }
        } else if compare(&scipy, &want, 1e-13, "").is_err() {
            scipy_differs += 1;
        }
    }
    println!("SciPy differs from the mpmath limits at z = ±1 in {scipy_differs} tables");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn legendre_diff_shapes_and_unsupported_orders() {
    let p = sp::legendre_p_all_with(4, 0.3, &sp::LegendrePOptions { diff_n: 3 });
    assert_eq!(p.shape(), &[4, 5]);
    assert!(p.row(3).iter().all(|v| v.is_nan()));
    assert_eq!(p.row(0), sp::legendre_p_all(4, 0.3).row(0));
    let opts = sp::AssocLegendreOptions {
        diff_n: 1,
        ..Default::default()
    };
    let q = sp::assoc_legendre_p_all_with(0, 0, 0.3, &opts);
    assert_eq!(q.shape(), &[2, 1, 1]);
    assert_eq!(q[[1, 0, 0]], 0.0);
    // P_n'(1) = n(n+1)/2 for every n, P_n'(-1) = (-1)^(n+1) n(n+1)/2
    let p = sp::legendre_p_all_with(30, 1.0, &sp::LegendrePOptions { diff_n: 1 });
    let m = sp::legendre_p_all_with(30, -1.0, &sp::LegendrePOptions { diff_n: 1 });
    for n in 0..=30 {
        let want = (n * (n + 1) / 2) as f64;
        assert_eq!(p[[1, n]], want);
        assert_eq!(m[[1, n]], if n % 2 == 1 { want } else { -want });
    }
}
