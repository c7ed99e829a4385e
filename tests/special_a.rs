//! ferrosci::special, part A, against mpmath (50 digits) and SciPy.
//!
//! Fixtures: `python3 tools/fixtures/special_a.py` writes
//! `tests/fixtures/special/<family>.json`. For each function the test computes
//! ferrosci's and SciPy's errors against mpmath on the same points and requires
//! median ≤ 2 ulp, max ≤ 1e-13 relative, and max ≤ SciPy's max; edge cases
//! (poles, infinities, NaN) must reproduce SciPy's convention exactly.
mod common;

use common::{Case, ulps};
use std::collections::BTreeMap;

/// Accuracy of one function over its fixture points.
#[derive(Default)]
struct Stats {
    ours_ulps: Vec<f64>,
    ours_max_rel: f64,
    scipy_max_rel: f64,
    worst: String,
}

fn rel(got: f64, want: f64) -> f64 {
    if got == want || (got.is_nan() && want.is_nan()) {
        0.0
    } else if !want.is_finite() || !got.is_finite() {
        f64::INFINITY
    } else {
        // Subnormal results are judged relative to the smallest normal double.
        (got - want).abs() / want.abs().max(f64::MIN_POSITIVE)
    }
}

/// Runs every case of a fixture through `eval(case) -> Option<f64>` (`None`
/// for functions this test does not cover) and checks the accuracy targets.
fn check_family(family: &str, eval: impl Fn(&str, &Case) -> f64) {
    let mut stats: BTreeMap<String, Stats> = BTreeMap::new();
    for case in common::load("special", family) {
        let f = case.str("f").to_string();
        let got = eval(&f, &case);
        let want = common::as_f64(&case.expected);
        let edge = case.arg("edge").as_bool().unwrap_or(false);
        if edge || !want.is_finite() {
            let same = got == want || (got.is_nan() && want.is_nan());
            assert!(
                same && got.is_sign_negative() == want.is_sign_negative()
                    || (got.is_nan() && want.is_nan()),
                "{}: expected {want:e} (SciPy's convention), got {got:e}",
                case.ctx()
            );
            continue;
        }
        let scipy = case.f64("scipy");
        let s = stats.entry(f).or_default();
        let r = rel(got, want);
        s.ours_ulps.push(ulps(got, want));
        if r > s.ours_max_rel {
            s.ours_max_rel = r;
            s.worst = format!("{} got {got:e} want {want:e}", case.ctx());
        }
        s.scipy_max_rel = s.scipy_max_rel.max(rel(scipy, want));
    }
    let mut failures = Vec::new();
    for (f, mut s) in stats {
        s.ours_ulps.sort_by(f64::total_cmp);
        let median = s.ours_ulps[s.ours_ulps.len() / 2];
        let line = format!(
            "{f}: n {} median {median:.2} ulp, max rel {:.2e} (SciPy {:.2e}); worst {}",
            s.ours_ulps.len(),
            s.ours_max_rel,
            s.scipy_max_rel,
            s.worst
        );
        println!("{line}");
        // Max must not exceed 1e-13, nor SciPy's max (one ulp of slack where
        // SciPy happens to be exact on every point).
        let bound = 1e-13f64.min(s.scipy_max_rel.max(f64::EPSILON));
        if median > 2.0 || s.ours_max_rel > bound {
            failures.push(line);
        }
    }
    assert!(
        failures.is_empty(),
        "accuracy targets missed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn gamma_family_matches_mpmath() {
    use ferrosci::special::*;
    check_family("gamma", |f, c| {
        let x = c.f64("x");
        match f {
            "gamma" => gamma(x),
            "rgamma" => rgamma(x),
            "gammaln" => gammaln(x),
            "digamma" => digamma(x),
            "gammasgn" => gammasgn(x),
            other => panic!("unknown function {other}"),
        }
    });
}
