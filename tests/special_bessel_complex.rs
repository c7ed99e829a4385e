//! Bessel and Hankel functions of complex argument against mpmath at 40
//! digits, with SciPy's (AMOS) error on the same points as the bar
//! (`python3 tools/fixtures/special_bessel_complex.py`).
mod common;

use common::{ErrStats, as_c64, load};
use ferrosci::special as sp;
use num_complex::Complex64;
use std::collections::BTreeMap;

fn eval(f: &str, v: f64, z: Complex64) -> Complex64 {
    match f {
        "jv" => sp::jv_complex(v, z),
        "yv" => sp::yv_complex(v, z),
        "iv" => sp::iv_complex(v, z),
        "kv" => sp::kv_complex(v, z),
        "hankel1" => sp::hankel1(v, z),
        "hankel2" => sp::hankel2(v, z),
        "jve" => sp::jve_complex(v, z),
        "yve" => sp::yve_complex(v, z),
        "ive" => sp::ive_complex(v, z),
        "kve" => sp::kve_complex(v, z),
        "hankel1e" => sp::hankel1e(v, z),
        "hankel2e" => sp::hankel2e(v, z),
        _ => panic!("unknown function {f}"),
    }
}

/// `|got - want| / |want|`; NaN where either is not finite.
fn rel_err(got: Complex64, want: Complex64) -> f64 {
    let e = (got - want).norm() / want.norm();
    if e.is_nan() { f64::INFINITY } else { e }
}

/// Median ≤ 2 ulp (2⁻⁵² relative) and maximum ≤ 1e-13 or no worse than
/// SciPy's maximum on the same points, per function.
#[test]
fn complex_bessel_against_mpmath() {
    let mut by_fn: BTreeMap<String, ErrStats> = BTreeMap::new();
    for case in load("special", "bessel_complex") {
        if case.has("edge") {
            continue;
        }
        let f = case.str("f").to_string();
        let (v, z) = (case.f64("v"), as_c64(case.arg("z")));
        let want = as_c64(&case.expected);
        let got = eval(&f, v, z);
        let scipy = as_c64(case.arg("scipy"));
        by_fn
            .entry(f)
            .or_default()
            .add(rel_err(got, want), rel_err(scipy, want), || {
                format!("v={v} z={z}: want {want:e} got {got:e}")
            });
    }
    let failures: Vec<_> = by_fn
        .iter_mut()
        .filter_map(|(f, st)| (!st.report(f)).then(|| f.clone()))
        .collect();
    assert!(failures.is_empty(), "accuracy targets missed: {failures:?}");
}

/// SciPy's values at `z = 0` and for NaN/∞ input: NaN where SciPy gives NaN,
/// the same finite or infinite value otherwise.
#[test]
fn complex_bessel_edges_as_scipy() {
    for case in load("special", "bessel_complex") {
        if !case.has("edge") {
            continue;
        }
        let f = case.str("f");
        let (v, z) = (case.f64("v"), as_c64(case.arg("z")));
        let want = as_c64(&case.expected);
        let got = eval(f, v, z);
        let same = |a: f64, b: f64| (a.is_nan() && b.is_nan()) || a == b;
        let ok = if want.re.is_nan() && want.im.is_nan() {
            got.re.is_nan() || got.im.is_nan()
        } else {
            same(got.re, want.re) && (want.re.is_nan() || same(got.im, want.im))
        };
        assert!(ok, "{}: want {want} got {got}", case.ctx());
    }
}
