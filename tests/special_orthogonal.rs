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
    let nf = n as f64;
    match f {
        "eval_legendre" => eval_legendre(nf, x),
        "eval_sh_legendre" => eval_sh_legendre(nf, x),
        "eval_chebyt" => eval_chebyt(nf, x),
        "eval_chebyu" => eval_chebyu(nf, x),
        "eval_chebys" => eval_chebys(nf, x),
        "eval_chebyc" => eval_chebyc(nf, x),
        "eval_hermite" => eval_hermite(n, x),
        "eval_hermitenorm" => eval_hermitenorm(n, x),
        "eval_laguerre" => eval_laguerre(nf, x),
        "eval_genlaguerre" => eval_genlaguerre(nf, c.f64("alpha"), x),
        "eval_jacobi" => eval_jacobi(nf, c.f64("alpha"), c.f64("beta"), x),
        "eval_gegenbauer" => eval_gegenbauer(nf, c.f64("alpha"), x),
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
    assert_eq!(eval_chebyt(3.0, f64::INFINITY), f64::INFINITY);
    assert_eq!(eval_chebyt(3.0, f64::NEG_INFINITY), f64::NEG_INFINITY);
    assert_eq!(eval_laguerre(3.0, f64::INFINITY), f64::NEG_INFINITY);
    assert_eq!(eval_legendre(3.0, f64::NEG_INFINITY), f64::NEG_INFINITY);
    assert_eq!(eval_hermite(300, 1e300), f64::INFINITY);
    assert_eq!(eval_hermitenorm(301, -1e300), f64::NEG_INFINITY);
    assert!(eval_chebyu(0.0, f64::NAN).is_nan());
}

#[test]
fn hermite_past_overflow_has_mpmath_sign() {
    // tools/fixtures/special_hermite_overflow.py: n ≥ 300, where the values
    // overflow inside the oscillatory region; ±∞ must carry the true sign
    // (SciPy: inf or NaN), finite values stay accurate.
    let cases = common::load("special", "hermite_overflow");
    assert!(cases.len() > 300);
    for c in cases {
        let got = eval(c.str("f"), &c);
        common::check_scalar(&c, got);
    }
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
        let n = ((next() * 30.0) as i64) as f64;
        let x = t.cos();
        assert!((eval_chebyt(n, x) - (n * t).cos()).abs() < 1e-13);
        let p = eval_legendre(n, x);
        assert!((eval_jacobi(n, 0.0, 0.0, x) - p).abs() < 1e-13);
        assert!((eval_gegenbauer(n, 0.5, x) - p).abs() < 1e-13);
        assert!((eval_gegenbauer(n, 1.0, x) - eval_chebyu(n, x)).abs() < 1e-12);
        assert_eq!(eval_laguerre(n, x), eval_genlaguerre(n, 0.0, x));
    }
}

fn roots(f: &str, n: usize, p: &[f64]) -> ferrosci::Result<GaussRule> {
    match f {
        "roots_legendre" => roots_legendre(n),
        "roots_chebyt" => roots_chebyt(n),
        "roots_chebyu" => roots_chebyu(n),
        "roots_hermite" => roots_hermite(n),
        "roots_hermitenorm" => roots_hermitenorm(n),
        "roots_laguerre" => roots_laguerre(n),
        "roots_genlaguerre" => roots_genlaguerre(n, p[0]),
        "roots_jacobi" => roots_jacobi(n, p[0], p[1]),
        "roots_gegenbauer" => roots_gegenbauer(n, p[0]),
        other => panic!("unknown function {other}"),
    }
}

#[test]
fn roots_match_scipy_and_sum_to_mu0() {
    let mut seen = 0;
    for c in common::load("special", "orthogonal") {
        let f = c.str("f");
        if !f.starts_with("roots_") {
            continue;
        }
        seen += 1;
        let n = c.usize("n");
        let p = c.array("params").into_raw_vec_and_offset().0;
        let r = roots(f, n, &p).unwrap_or_else(|e| panic!("{}: {e}", c.ctx()));
        assert_eq!((r.x.len(), r.w.len()), (n, n), "{}", c.ctx());
        let idx: Vec<usize> = c.array("idx").iter().map(|&i| i as usize).collect();
        let (xs, ws) = (common::as_array(&c.expected), c.array("w"));
        let (sx, sw) = (c.array("scipy_x"), c.array("scipy_w"));
        // Nodes: 1e-13 relative to mpmath; a node at the origin (odd symmetric
        // rules) is judged absolutely against the largest node. Weights: 1e-13
        // relative. SciPy's errors on the same points are printed beside ours.
        let xmax = r.x.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let xerr =
            |got: f64, want: f64| (got - want).abs() / (want.abs() + 40.0 * f64::EPSILON * xmax);
        let werr = |got: f64, want: f64| (got - want).abs() / want.abs();
        let (mut ours, mut scipy) = ((0.0f64, 0.0f64), (0.0f64, 0.0f64));
        for (k, &i) in idx.iter().enumerate() {
            ours = (
                ours.0.max(xerr(r.x[i], xs[k])),
                ours.1.max(werr(r.w[i], ws[k])),
            );
            scipy = (
                scipy.0.max(xerr(sx[k], xs[k])),
                scipy.1.max(werr(sw[k], ws[k])),
            );
        }
        println!(
            "{f}({n}): nodes max {:.1e} (SciPy {:.1e}), weights max {:.1e} (SciPy {:.1e})",
            ours.0, scipy.0, ours.1, scipy.1
        );
        assert!(
            ours.0 <= 1e-13 && ours.1 <= 1e-13,
            "{}: nodes {:e}, weights {:e}",
            c.ctx(),
            ours.0,
            ours.1
        );
        let mu0 = c.f64("mu0");
        assert!(
            (r.w.sum() - mu0).abs() <= 4.0 * f64::EPSILON * mu0,
            "{}: weights sum to {:e}, mu0 {mu0:e}",
            c.ctx(),
            r.w.sum()
        );
        assert!(r.x.windows(2).into_iter().all(|p| p[0] < p[1]), "ascending");
    }
    assert_eq!(seen, 9 * 4, "every roots_* case was checked");
}

#[test]
fn roots_integrate_polynomials_exactly() {
    // An n-point rule is exact to degree 2n-1: ∫ P_k(x) weight = 0 for 1 ≤ k < 2n.
    for n in [1usize, 4, 9, 30] {
        let r = roots_jacobi(n, 1.5, -0.5).unwrap();
        for k in 1..(2 * n as i64) {
            let s: f64 =
                r.x.iter()
                    .zip(&r.w)
                    .map(|(&x, &w)| w * eval_jacobi(k as f64, 1.5, -0.5, x))
                    .sum();
            assert!(s.abs() < 1e-12, "n {n}, k {k}: {s:e}");
        }
        let r = roots_hermitenorm(n).unwrap();
        for k in 1..(2 * n as i64) {
            let s: f64 =
                r.x.iter()
                    .zip(&r.w)
                    .map(|(&x, &w)| w * eval_hermitenorm(k, x))
                    .sum();
            // He_k grows like √(k!) at the nodes: judge against that size.
            let size: f64 = (1..=k).map(|j| j as f64).product::<f64>().sqrt();
            assert!(s.abs() < 1e-12 * size, "n {n}, k {k}: {s:e}");
        }
    }
}

#[test]
fn roots_reject_bad_arguments() {
    let msg = |r: ferrosci::Result<GaussRule>| r.unwrap_err().to_string();
    assert_eq!(
        msg(roots_legendre(0)),
        "invalid argument `n`: must be a positive integer (got 0)"
    );
    for f in [
        "roots_chebyt",
        "roots_chebyu",
        "roots_hermite",
        "roots_laguerre",
    ] {
        assert!(roots(f, 0, &[]).is_err(), "{f}(0)");
    }
    assert_eq!(
        msg(roots_genlaguerre(3, -1.0)),
        "invalid argument `alpha`: must be > -1 (got -1)"
    );
    assert!(roots_genlaguerre(3, f64::NAN).is_err());
    assert_eq!(
        msg(roots_jacobi(3, 0.5, -1.5)),
        "invalid argument `beta`: must be > -1 (got -1.5)"
    );
    assert!(roots_gegenbauer(3, -0.5).is_err());
    // One-point rules: the node is the weight's mean.
    let r = roots_laguerre(1).unwrap();
    assert_eq!((r.x[0], r.w[0]), (1.0, 1.0));
}

#[test]
fn roots_special_parameters_reduce_to_known_rules() {
    // α + β = -1 and α + β = 0 hit the 0/0 forms of the Jacobi coefficients.
    for n in [1usize, 2, 7, 40] {
        let (j, t) = (
            roots_jacobi(n, -0.5, -0.5).unwrap(),
            roots_chebyt(n).unwrap(),
        );
        let (g0, g) = (
            roots_gegenbauer(n, 0.0).unwrap(),
            roots_gegenbauer(n, 0.5).unwrap(),
        );
        let l = roots_legendre(n).unwrap();
        for i in 0..n {
            assert!(
                (j.x[i] - t.x[i]).abs() < 1e-15,
                "jacobi(-1/2, -1/2) node {i}"
            );
            assert!(
                (j.w[i] - t.w[i]).abs() < 1e-13 * t.w[i],
                "jacobi weight {i}"
            );
            assert_eq!((g0.x[i], g0.w[i]), (t.x[i], t.w[i]));
            assert!((g.x[i] - l.x[i]).abs() < 1e-15 && (g.w[i] - l.w[i]).abs() < 1e-13 * l.w[i]);
        }
        let u = roots_jacobi(n, 0.5, -0.5).unwrap(); // α + β = 0
        assert!((u.w.sum() - std::f64::consts::PI).abs() < 1e-14);
    }
}
