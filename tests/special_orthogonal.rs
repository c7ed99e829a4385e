//! ferrosci::special orthogonal polynomials against mpmath (60 digits) and SciPy.
//!
//! Fixture: `python3 tools/fixtures/special_orthogonal.py` writes
//! `tests/fixtures/special/orthogonal.json`. For each `eval_*` the test computes
//! ferrosci's and SciPy's errors against mpmath relative to the local scale
//! `max(|f|, |f'|·Δ/π)` (Δ the mean zero spacing: near a zero the polynomial's
//! amplitude, elsewhere its value) and requires median ≤ 2 ulp of that scale,
//! max ≤ 1e-13, and max ≤ SciPy's max (plus ε). Edge cases reproduce SciPy's
//! value exactly.
mod common;

use common::Case;
use ferrosci::special::*;
use std::collections::BTreeMap;

fn eval(f: &str, c: &Case) -> f64 {
    let (n, x) = (c.i64("n"), c.f64("x"));
    match f {
        "eval_legendre" => eval_legendre(n, x),
        "eval_sh_legendre" => eval_sh_legendre(n, x),
        "eval_chebyt" => eval_chebyt(n, x),
        "eval_chebyu" => eval_chebyu(n, x),
        "eval_chebys" => eval_chebys(n, x),
        "eval_chebyc" => eval_chebyc(n, x),
        "eval_hermite" => eval_hermite(n, x),
        "eval_hermitenorm" => eval_hermitenorm(n, x),
        "eval_laguerre" => eval_laguerre(n, x),
        "eval_genlaguerre" => eval_genlaguerre(n, c.f64("alpha"), x),
        "eval_jacobi" => eval_jacobi(n, c.f64("alpha"), c.f64("beta"), x),
        "eval_gegenbauer" => eval_gegenbauer(n, c.f64("alpha"), x),
        other => panic!("unknown function {other}"),
    }
}

/// Error of `got` in units of `scale` (relative error when `scale = |want|`).
fn scaled_err(got: f64, want: f64, scale: f64) -> f64 {
    if got == want {
        0.0
    } else if !got.is_finite() {
        f64::INFINITY
    } else {
        (got - want).abs() / scale
    }
}

#[test]
fn eval_polynomials_match_mpmath() {
    // (our errors, our max, SciPy's max, worst case)
    let mut stats: BTreeMap<String, (Vec<f64>, f64, f64, String)> = BTreeMap::new();
    for c in common::load("special", "orthogonal") {
        let f = c.str("f").to_string();
        if !f.starts_with("eval_") {
            continue;
        }
        let got = eval(&f, &c);
        let want = common::as_f64(&c.expected);
        if c.arg("edge").as_bool().unwrap_or(false) {
            let same = got == want || (got.is_nan() && want.is_nan());
            assert!(same, "{}: expected {want:e} (SciPy), got {got:e}", c.ctx());
            continue;
        }
        let scale = c.f64("scale");
        let s = stats.entry(f).or_default();
        let e = scaled_err(got, want, scale);
        s.0.push(e / f64::EPSILON);
        if e > s.1 {
            s.1 = e;
            s.3 = format!("{} got {got:e} want {want:e}", c.ctx());
        }
        s.2 = s.2.max(scaled_err(c.f64("scipy"), want, scale));
    }
    assert_eq!(stats.len(), 12, "every eval_* function has fixture points");
    let mut failures = Vec::new();
    for (f, (mut errs, max, scipy_max, worst)) in stats {
        errs.sort_by(f64::total_cmp);
        let median = errs[errs.len() / 2];
        let line = format!(
            "{f}: n {} median {median:.2} ε, max {max:.2e} (SciPy {scipy_max:.2e}); worst {worst}",
            errs.len()
        );
        println!("{line}");
        if median > 2.0 || max > 1e-13f64.min(scipy_max + f64::EPSILON) {
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
fn eval_limits_at_infinity_and_overflow() {
    // Degree-n polynomial at ±∞: sign of the leading coefficient times (±1)^n.
    assert_eq!(eval_chebyt(3, f64::INFINITY), f64::INFINITY);
    assert_eq!(eval_chebyt(3, f64::NEG_INFINITY), f64::NEG_INFINITY);
    assert_eq!(eval_laguerre(3, f64::INFINITY), f64::NEG_INFINITY);
    assert_eq!(eval_legendre(3, f64::NEG_INFINITY), f64::NEG_INFINITY);
    assert_eq!(eval_hermite(300, 1e300), f64::INFINITY);
    assert_eq!(eval_hermitenorm(301, -1e300), f64::NEG_INFINITY);
    assert_eq!(eval_chebyu(0, f64::NAN), 1.0, "degree 0 is the constant 1");
}

#[test]
fn eval_identities_on_random_points() {
    // T_n(cos θ) = cos nθ, and Jacobi/Gegenbauer reduce to Legendre/Chebyshev.
    let mut seed = 12345u64;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for _ in 0..200 {
        let t = next() * std::f64::consts::PI;
        let n = (next() * 30.0) as i64;
        let x = t.cos();
        assert!((eval_chebyt(n, x) - (n as f64 * t).cos()).abs() < 1e-13);
        let p = eval_legendre(n, x);
        assert!((eval_jacobi(n, 0.0, 0.0, x) - p).abs() < 1e-13);
        assert!((eval_gegenbauer(n, 0.5, x) - p).abs() < 1e-13);
        assert!((eval_gegenbauer(n, 1.0, x) - eval_chebyu(n, x)).abs() < 1e-12);
        assert_eq!(eval_laguerre(n, x), eval_genlaguerre(n, 0.0, x));
    }
}
