//! Derivatives of the Bessel and Hankel functions of complex argument
//! (`jvp_complex`, `yvp_complex`, `ivp_complex`, `kvp_complex`, `h1vp`,
//! `h2vp`) against mpmath at 40/80 digits, with SciPy's error on the same
//! points as the bar (`python3 tools/fixtures/special_deriv.py`).
//!
//! The derivative is a finite sum of shifted orders; where it vanishes its
//! relative error is meaningless, so the error is measured against
//! `max(|f⁽ⁿ⁾|, scale)` with `scale = 2⁻ⁿ Σ C(n,k) |F_{v-n+2k}|` (the
//! condition of the sum) whenever the sum cancels by more than a factor 8.
mod common;

use common::{ErrStats, as_c64, load};
use ferrosci::special as sp;
use num_complex::Complex64;
use std::collections::BTreeMap;

fn eval(f: &str, v: f64, z: Complex64, n: u32) -> Complex64 {
    match f {
        "jvp" => sp::jvp_complex(v, z, n),
        "yvp" => sp::yvp_complex(v, z, n),
        "ivp" => sp::ivp_complex(v, z, n),
        "kvp" => sp::kvp_complex(v, z, n),
        "h1vp" => sp::h1vp(v, z, n),
        "h2vp" => sp::h2vp(v, z, n),
        _ => panic!("unknown function {f}"),
    }
}

fn err(got: Complex64, want: Complex64, scale: f64) -> f64 {
    let denom = if scale > 8.0 * want.norm() {
        scale
    } else {
        want.norm()
    };
    (got - want).norm() / denom
}

/// Median ≤ 2 ulp, and maximum ≤ 1e-13 or no worse than SciPy's maximum on
/// the same points, per function.
#[test]
fn complex_bessel_derivatives_against_mpmath() {
    let mut by_fn: BTreeMap<String, ErrStats> = BTreeMap::new();
    for case in load("special", "deriv") {
        if case.has("edge") {
            continue;
        }
        let f = case.str("f").to_string();
        let (v, z, n) = (case.f64("v"), as_c64(case.arg("z")), case.usize("n") as u32);
        let (want, scale) = (as_c64(&case.expected), case.f64("scale"));
        let got = eval(&f, v, z, n);
        let scipy = as_c64(case.arg("scipy"));
        by_fn
            .entry(f)
            .or_default()
            .add(err(got, want, scale), err(scipy, want, scale), || {
                format!("v={v} z={z} n={n}: want {want:e} got {got:e}")
            });
    }
    assert_eq!(by_fn.len(), 6, "every function has fixture points");
    let failures: Vec<_> = by_fn
        .iter_mut()
        .filter_map(|(f, st)| (!st.report(f)).then(|| f.clone()))
        .collect();
    assert!(failures.is_empty(), "accuracy targets missed: {failures:?}");
}

/// NaN and infinite input, and `z = 0`, as SciPy.
#[test]
fn complex_bessel_derivative_edges_as_scipy() {
    for case in load("special", "deriv") {
        if !case.has("edge") {
            continue;
        }
        let f = case.str("f");
        let (v, z, n) = (case.f64("v"), as_c64(case.arg("z")), case.usize("n") as u32);
        let want = as_c64(&case.expected);
        let got = eval(f, v, z, n);
        let same = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || a == b;
        let ok = if want.re.is_nan() || want.im.is_nan() {
            got.re.is_nan() || got.im.is_nan()
        } else {
            same(got.re, want.re) && same(got.im, want.im)
        };
        assert!(ok, "{}: want {want} got {got}", case.ctx());
    }
}

/// The real-argument functions and the complex ones agree on the real axis.
#[test]
fn complex_derivatives_match_real_ones_on_the_axis() {
    for &(v, x, n) in &[
        (0.0, 1.7, 1u32),
        (2.5, 4.0, 2),
        (-1.3, 0.6, 3),
        (7.0, 12.0, 4),
    ] {
        let z = Complex64::new(x, 0.0);
        let pairs = [
            (sp::jvp(v, x, n), sp::jvp_complex(v, z, n)),
            (sp::yvp(v, x, n), sp::yvp_complex(v, z, n)),
            (sp::ivp(v, x, n), sp::ivp_complex(v, z, n)),
            (sp::kvp(v, x, n), sp::kvp_complex(v, z, n)),
        ];
        for (i, (r, c)) in pairs.into_iter().enumerate() {
            assert!(
                (c.re - r).abs() <= 1e-13 * r.abs().max(1e-300),
                "{i}: v={v} x={x} n={n}: {r} vs {c}"
            );
        }
        // H1 = J + iY, H2 = J - iY
        let (j, y) = (sp::jvp(v, x, n), sp::yvp(v, x, n));
        let h1 = sp::h1vp(v, z, n);
        let h2 = sp::h2vp(v, z, n);
        let tol = 1e-13 * (j * j + y * y).sqrt();
        assert!(
            (h1 - Complex64::new(j, y)).norm() <= tol,
            "h1vp v={v} x={x} n={n}"
        );
        assert!(
            (h2 - Complex64::new(j, -y)).norm() <= tol,
            "h2vp v={v} x={x} n={n}"
        );
    }
}
