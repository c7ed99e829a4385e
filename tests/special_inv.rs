//! ferrosci::special inverse functions, Kolmogorov–Smirnov, noncentral
//! distributions and Owen's T, against mpmath (50 digits) and SciPy.
//!
//! Fixtures: `python3 tools/fixtures/special_inv.py` writes
//! `tests/fixtures/special/inv_*.json`. As in `tests/special_a.rs`, each
//! function must reach median ≤ 2 ulp and max ≤ 1e-13 relative against
//! mpmath, and no more than SciPy's own max on the same points (plus one ε);
//! edge cases must reproduce SciPy's convention exactly. Round trips and
//! identities on seeded random input follow.
mod common;

use common::{Case, ulps};
use ferrosci::special::*;
use std::collections::BTreeMap;

/// Functions allowed past the default targets, with the documented bound (see
/// the `special` module docs, "Known exceptions"): (function, max relative
/// error, median ulp).
const EXCEPTIONS: [(&str, f64, f64); 5] = [
    // a few ulp of the forward Q(a, x) at a < 1, x > 1 (continued fraction)
    ("chdtri", 1e-15, 2.0),
    // dfn ≈ 7900: the forward I_x(a, b) for a ≈ 4000 carries ~√a·ε (Temme's
    // form, x₀ = a/(a+b) rounded); 2.1e-14 at dfn = 0.14, dfd = 13.4, p = 0.97
    ("fdtri", 3e-14, 2.0),
    // each Poisson-weighted term is one betainc (median 1 ulp) plus the weight
    ("ncfdtr", 1e-14, 3.0),
    // C(n, j) by a product recurrence over up to n/2 steps (n = 676)
    ("smirnov", 5e-14, 2.0),
    // p within 1e-9 of 1 solves on 1 - smirnov(n, d), which cancels
    ("smirnovi", 4e-7, 4.0),
];

fn rel(got: f64, want: f64) -> f64 {
    if got == want || (got.is_nan() && want.is_nan()) {
        0.0
    } else if !want.is_finite() || !got.is_finite() {
        f64::INFINITY
    } else {
        (got - want).abs() / want.abs().max(f64::MIN_POSITIVE)
    }
}

#[derive(Default)]
struct Stats {
    ulps: Vec<f64>,
    max: f64,
    scipy_max: f64,
    worst: String,
}

fn check_family(family: &str, eval: impl Fn(&str, &Case) -> f64) {
    let mut stats: BTreeMap<String, Stats> = BTreeMap::new();
    for case in common::load("special", family) {
        let f = case.str("f").to_string();
        if f.ends_with("_abs") {
            continue; // absolute-accuracy cases, checked by their own test
        }
        let got = eval(&f, &case);
        let want = common::as_f64(&case.expected);
        if case.arg("edge").as_bool().unwrap_or(false) || !want.is_finite() {
            // Finite values among the edges (SciPy's result off the
            // documented domain, e.g. a negative rate) agree to rounding.
            let finite = want.is_finite() && want != 0.0 && rel(got, want) <= 1e-14;
            assert!(
                finite || got == want || (got.is_nan() && want.is_nan()),
                "{}: expected {want:e} (SciPy's convention), got {got:e}",
                case.ctx()
            );
            continue;
        }
        let s = stats.entry(f).or_default();
        // Inverses: errors in units of what their condition number forces on
        // any method (the error of x from a ½-ulp error in the probability).
        let cond = if case.has("cond") {
            case.f64("cond").max(1.0)
        } else {
            1.0
        };
        let r = rel(got, want) / cond;
        s.ulps.push(ulps(got, want) / cond);
        if r > s.max {
            s.max = r;
            s.worst = format!("{} got {got:e} want {want:e}", case.ctx());
        }
        s.scipy_max = s.scipy_max.max(rel(case.f64("scipy"), want) / cond);
    }
    let mut failures = Vec::new();
    for (f, mut s) in stats {
        s.ulps.sort_by(f64::total_cmp);
        let median = s.ulps[s.ulps.len() / 2];
        let line = format!(
            "{f}: n {} median {median:.2} ulp, max rel {:.2e} (SciPy {:.2e}); worst {}",
            s.ulps.len(),
            s.max,
            s.scipy_max,
            s.worst
        );
        println!("{line}");
        let (bound, median_bound) = match EXCEPTIONS.iter().find(|(name, _, _)| *name == f) {
            Some(&(_, max, median)) => (max, median),
            None => (1e-13f64.min(s.scipy_max + f64::EPSILON), 2.0),
        };
        if median > median_bound || s.max > bound {
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
fn inverse_distributions_match_mpmath() {
    let eval = |f: &str, c: &Case| {
        let g = |n: &str| c.f64(n);
        match f {
            "chdtri" => chdtri(g("v"), g("p")),
            "gdtrix" => gdtrix(g("a"), g("b"), g("p")),
            "pdtri" => pdtri(g("k"), g("y")),
            "bdtri" => bdtri(g("k"), g("n"), g("y")),
            "nbdtri" => nbdtri(g("k"), g("n"), g("y")),
            "fdtri" => fdtri(g("dfn"), g("dfd"), g("p")),
            "stdtrit" => stdtrit(g("df"), g("p")),
            other => panic!("unknown function {other}"),
        }
    };
    check_family("inv_gamma_quantiles", eval);
    check_family("inv_beta_quantiles", eval);
}

#[test]
fn kolmogorov_smirnov_match_mpmath() {
    check_family("inv_kolmogorov", |f, c| match f {
        "kolmogorov" => kolmogorov(c.f64("y")),
        "kolmogi" => kolmogi(c.f64("p")),
        "smirnov" => smirnov(c.f64("n"), c.f64("d")),
        "smirnovi" => smirnovi(c.f64("n"), c.f64("p")),
        other => panic!("unknown function {other}"),
    });
}

#[test]
fn owens_t_matches_mpmath() {
    check_family("inv_owens_t", |f, c| match f {
        "owens_t" => owens_t(c.f64("h"), c.f64("a")),
        other => panic!("unknown function {other}"),
    });
}

#[test]
fn noncentral_match_mpmath() {
    check_family("inv_noncentral", |f, c| {
        let g = |n: &str| c.f64(n);
        match f {
            "chndtr" => chndtr(g("x"), g("df"), g("nc")),
            "ncfdtr" => ncfdtr(g("dfn"), g("dfd"), g("nc"), g("fval")),
            "nctdtr" => nctdtr(g("df"), g("nc"), g("t")),
            other => panic!("unknown function {other}"),
        }
    });
}

/// `nctdtr` for `t < 0 < nc`: `1 - F(|t|; -nc)` cancels (as SciPy's does,
/// worse), so the left tail is held to absolute accuracy.
#[test]
fn nctdtr_left_tail_absolute() {
    let mut n = 0;
    for c in common::load("special", "inv_noncentral") {
        if c.str("f") != "nctdtr_abs" {
            continue;
        }
        let got = nctdtr(c.f64("df"), c.f64("nc"), c.f64("t"));
        let want = common::as_f64(&c.expected);
        assert!((got - want).abs() <= 4e-16, "{}: got {got:e}", c.ctx());
        n += 1;
    }
    assert!(n > 5);
}

#[test]
fn inverse_incomplete_match_mpmath() {
    let eval = |f: &str, c: &Case| match f {
        "gammaincinv" => gammaincinv(c.f64("a"), c.f64("p")),
        "gammainccinv" => gammainccinv(c.f64("a"), c.f64("p")),
        "betaincinv" => betaincinv(c.f64("a"), c.f64("b"), c.f64("p")),
        "betainccinv" => betainccinv(c.f64("a"), c.f64("b"), c.f64("p")),
        other => panic!("unknown function {other}"),
    };
    check_family("inv_gamma", eval);
    check_family("inv_beta", eval);
}

/// Seeded uniform numbers in (0, 1) (xorshift; no dependency needed).
fn uniforms(seed: u64, n: usize) -> Vec<f64> {
    let mut s = seed;
    (0..n)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            ((s >> 11) as f64 + 0.5) / (1u64 << 53) as f64
        })
        .collect()
}

#[test]
fn inverses_round_trip() {
    let u = uniforms(7, 400);
    for w in u.chunks(4) {
        let a = (w[0] * 12.0 - 5.0).exp(); // e^-5 .. e^7
        let b = (w[1] * 12.0 - 5.0).exp();
        // probabilities from 1e-250 to 1 - 1e-12 in both tails
        let p = if w[2] < 0.5 {
            (w[3] * -575.0).exp()
        } else {
            w[3]
        };
        let x = gammaincinv(a, p);
        if x > 1e-300 {
            let back = gammainc(a, x);
            assert!(
                (back / p - 1.0).abs() < 1e-12,
                "P({a}, {x}) = {back} vs {p}"
            );
        }
        let x = gammainccinv(a, p);
        let back = gammaincc(a, x);
        assert!(
            (back / p - 1.0).abs() < 1e-12,
            "Q({a}, {x}) = {back} vs {p}"
        );
        let x = betaincinv(a, b, p);
        // (past 0.99 the rounding of x itself moves I by b·ε/(1-x))
        if x > 1e-300 && x < 0.99 {
            let back = betainc(a, b, x);
            assert!(
                (back / p - 1.0).abs() < 1e-11,
                "I({a}, {b}, {x}) = {back} vs {p}"
            );
        }
        let x = betainccinv(a, b, p);
        if x > 1e-300 && x < 0.99 {
            let back = betaincc(a, b, x);
            assert!(
                (back / p - 1.0).abs() < 1e-11,
                "1 - I({a}, {b}, {x}) = {back} vs {p}"
            );
        }
        let df = a * 2.0;
        let t = stdtrit(df, p);
        // (stdtr itself needs t² to stay finite)
        if t.abs() < 1e150 {
            let back = stdtr(df, t);
            assert!(
                (back / p - 1.0).abs() < 1e-11,
                "stdtr({df}, {t}) = {back} vs {p}"
            );
        }
        let f = fdtri(a, b, p);
        // compare on the side where fdtr's own w = dfn·f/(dfd + dfn·f) is
        // below 1/2 (fdtr rounds away 1 - w when w is near 1)
        if f > 1e-300 && f.is_finite() {
            let (back, want) = if a * f < b {
                (fdtr(a, b, f), p)
            } else {
                (fdtrc(a, b, f), 1.0 - p)
            };
            assert!(
                (back / want - 1.0).abs() < 1e-11,
                "fdtr({a}, {b}, {f}) = {back} vs {want}"
            );
        }
    }
}

#[test]
fn inverse_edges_and_identities() {
    // SciPy returns +∞ at p = 0 for stdtrit; ferrosci returns the limit -∞.
    assert_eq!(stdtrit(3.0, 0.0), f64::NEG_INFINITY);
    assert_eq!(stdtrit(3.0, 1.0), f64::INFINITY);
    // symmetry of t, and chdtri against gammainccinv
    for &p in &[0.01, 0.3, 0.49] {
        assert!((stdtrit(4.5, p) + stdtrit(4.5, 1.0 - p)).abs() <= 1e-13 * stdtrit(4.5, p).abs());
        assert_eq!(chdtri(7.0, p), 2.0 * gammainccinv(3.5, p));
    }
    // Poisson: pdtri inverts pdtr in the mean
    let m = pdtri(12.0, 1e-40);
    assert!((pdtr(12.0, m) / 1e-40 - 1.0).abs() < 1e-12);
    // binomial and negative binomial in the success probability
    let p = bdtri(3.0, 40.0, 1e-20);
    assert!((bdtr(3.0, 40.0, p) / 1e-20 - 1.0).abs() < 1e-12);
    let p = nbdtri(5.0, 7.0, 0.999);
    assert!((nbdtr(5.0, 7.0, p) - 0.999).abs() < 1e-15);
    // tiny shape: the quantile underflows to 0 like SciPy's
    assert_eq!(gammaincinv(1e-300, 0.5), 0.0);
    assert!(gammaincinv(f64::INFINITY, 0.5).is_nan());
    assert!(betaincinv(2.0, 3.0, f64::NAN).is_nan());
}

#[test]
fn ks_noncentral_owens_identities() {
    let u = uniforms(11, 200);
    for w in u.chunks(4) {
        // round trips
        let p = (w[0] * -300.0).exp();
        let y = kolmogi(p);
        assert!((kolmogorov(y) / p - 1.0).abs() < 1e-13, "kolmogi({p})");
        let n = (w[1] * 200.0).floor() + 1.0;
        let p = w[2].max(1e-12) * 0.5;
        let d = smirnovi(n, p);
        assert!(
            (smirnov(n, d) / p - 1.0).abs() < 1e-12,
            "smirnovi({n}, {p})"
        );
        // Owen's T: odd in a, even in h, T(h, 1) = Φ(h)Φ(-h)/2
        let (h, a) = (w[3] * 6.0 - 3.0, w[0] * 4.0 - 2.0);
        assert_eq!(owens_t(h, -a), -owens_t(h, a));
        assert_eq!(owens_t(-h, a), owens_t(h, a));
        let t1 = 0.5 * ndtr(h) * ndtr(-h);
        assert!((owens_t(h, 1.0) - t1).abs() <= 1e-15 * t1);
        // central limits of the noncentral cdfs
        let (df, x) = (w[1] * 20.0 + 0.5, w[2] * 10.0);
        assert!((chndtr(x, df, 0.0) - chdtr(df, x)).abs() <= 1e-15);
        assert!((nctdtr(df, 0.0, h) - stdtr(df, h)).abs() <= 1e-15);
        assert!((ncfdtr(df, 3.0, 0.0, x) - fdtr(df, 3.0, x)).abs() <= 1e-15);
        // noncentrality moves mass right
        assert!(chndtr(x, df, 2.0) <= chndtr(x, df, 0.0));
        assert!(nctdtr(df, 1.0, h) <= nctdtr(df, 0.0, h));
    }
    // F(t; df, nc) + F(-t; df, -nc) = 1
    for &(df, nc, t) in &[(4.0, 1.5, 2.0), (12.0, -2.0, 0.7), (1.5, 0.3, -3.0)] {
        assert!((nctdtr(df, nc, t) + nctdtr(df, -nc, -t) - 1.0).abs() < 1e-15);
    }
    // edges
    assert_eq!(kolmogorov(-1.0), 1.0);
    assert!(kolmogi(1.5).is_nan() && smirnov(0.0, 0.5).is_nan() && smirnovi(3.0, -0.1).is_nan());
    assert_eq!(smirnov(1.9, 0.3), smirnov(1.0, 0.3));
    assert!(chndtr(1.0, 1.0, f64::NAN).is_nan() && owens_t(f64::NAN, 1.0).is_nan());
    assert_eq!(owens_t(2.0, f64::INFINITY), 0.5 * ndtr(-2.0));
}
