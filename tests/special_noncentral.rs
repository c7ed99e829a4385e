//! ferrosci::special noncentral chi-square, F and t cdfs at large
//! noncentrality (`λ = nc` from 1e3 to 1e12), and the inverses built on them.
//!
//! Fixture: `python3 tools/fixtures/special_noncentral.py` writes
//! `tests/fixtures/special/noncentral_large.json` (mpmath at 30 digits by
//! representations other than the Poisson mixture, SciPy's value, and the
//! condition number `κ = Σ |arg·∂F/∂arg| / F`). An input rounded by half an
//! ulp moves `F` by `κ·ε/2`, and `κ ≈ √λ` in the bulk, so `chndtr` is held
//! to 8 `max(1, κ)·ε`, to 1e-13 where `κ ≤ 100`, and to no more than SciPy's
//! worst on the same points (SciPy returns NaN from `λ ≈ 1e11` and 0 for
//! results below ~1e-150 there); `ncfdtr` likewise within 16 `κε`. `nctdtr`
//! carries the jitter of `betainc` at one large parameter (see `LIMITS`).
mod common;

use ferrosci::special::*;
use std::collections::BTreeMap;

/// Errors allowed, in units of `max(1, κ)·ε`, and the ceiling on the
/// relative error (`chndtr`: where `κ ≤ 100`); `nctdtr` inherits the jitter
/// of `betainc(a, b, x)` for `1e5 ≲ a < 4e5 b²` with `a(1-x)` of order `b`
/// (its continued fraction stops at its iteration limit there), a documented
/// exception in the module docs.
const LIMITS: [(&str, f64, f64); 3] = [
    ("chndtr", 8.0, 1e-13),
    ("ncfdtr", 16.0, 1e-13),
    ("nctdtr", f64::INFINITY, 2e-9),
];

fn rel(got: f64, want: f64) -> f64 {
    if got == want {
        0.0
    } else if got.is_finite() {
        ((got - want) / want).abs()
    } else {
        f64::INFINITY
    }
}

#[test]
fn large_noncentrality_matches_mpmath() {
    #[derive(Default)]
    struct S {
        n: usize,
        worst: f64,
        worst_units: f64,
        scipy_worst: f64,
        line: String,
    }
    let mut stats: BTreeMap<String, S> = BTreeMap::new();
    let mut failures = Vec::new();
    for c in common::load("special", "noncentral_large") {
        let f = c.str("f").to_string();
        let got = match f.as_str() {
            "chndtr" => chndtr(c.f64("x"), c.f64("df"), c.f64("nc")),
            "ncfdtr" => ncfdtr(c.f64("dfn"), c.f64("dfd"), c.f64("nc"), c.f64("fval")),
            "nctdtr" => nctdtr(c.f64("df"), c.f64("nc"), c.f64("t")),
            other => panic!("unknown function {other}"),
        };
        let want = common::as_f64(&c.expected);
        let cond = c.f64("cond").max(1.0);
        let e = rel(got, want);
        let units = e / (cond * f64::EPSILON);
        let s = stats.entry(f.clone()).or_default();
        s.n += 1;
        let sci = c.f64("scipy");
        s.scipy_worst = s.scipy_worst.max(if sci.is_nan() {
            f64::INFINITY
        } else {
            rel(sci, want)
        });
        if e > s.worst {
            s.worst = e;
        }
        if units > s.worst_units {
            s.worst_units = units;
            s.line = format!("{} got {got:e} want {want:e} κ {cond:.2e}", c.ctx());
        }
        let &(_, max_units, ceiling) = LIMITS.iter().find(|l| l.0 == f.as_str()).unwrap();
        let ceiling = if f != "nctdtr" && cond > 100.0 {
            f64::INFINITY
        } else {
            ceiling
        };
        if units > max_units || e > ceiling {
            failures.push(format!(
                "{} got {got:e} want {want:e} κ {cond:.2e}",
                c.ctx()
            ));
        }
    }
    for (f, s) in &stats {
        println!(
            "{f}: n {} max rel {:.2e} (SciPy {:.2e}), max {:.2} κε; worst {}",
            s.n, s.worst, s.scipy_worst, s.worst_units, s.line
        );
        if f != "nctdtr" && s.worst > s.scipy_worst.max(1e-13) {
            failures.push(format!("{f}: worse than SciPy"));
        }
    }
    assert_eq!(stats.len(), 3);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The inverses at large noncentrality: the forward cdf at the returned root
/// gives `p` back to within the cdf's own conditioning (a root one ulp off
/// moves the cdf by `κ_x·ε`), for `λ` up to 1e12.
#[test]
fn inverses_round_trip_at_large_noncentrality() {
    let eps = f64::EPSILON;
    for &nc in &[2e4f64, 3e6, 1e9, 1e12] {
        let sd = (2.0 * nc).sqrt();
        for &p in &[1e-30f64, 1e-5, 0.3, 0.5, 0.9] {
            // κ_x of the cdf at the root: x f(x) / F ≲ (x/sd)·(1 + |z|)
            let slack = |x: f64| 16.0 * eps * (x.abs() / sd) * (2.0 + (p.ln().abs() * 2.0).sqrt());
            let x = chndtrix(p, 3.0, nc);
            let back = chndtr(x, 3.0, nc);
            assert!(
                rel(back, p) <= slack(x),
                "chndtrix({p}, 3, {nc}) = {x}: cdf {back}"
            );
            let nc2 = chndtrinc(x, 3.0, p);
            assert!(
                rel(nc2, nc) <= slack(x) * 4.0,
                "chndtrinc({x}, 3, {p}) = {nc2}"
            );
            let df = chndtridf(x, p, nc);
            assert!(
                (df - 3.0).abs() <= 1e-6 * sd,
                "chndtridf({x}, {p}, {nc}) = {df}"
            );
            let fq = ncfdtri(3.0, 40.0, nc, p);
            let back = ncfdtr(3.0, 40.0, nc, fq);
            assert!(
                rel(back, p) <= 1e-7,
                "ncfdtri(3, 40, {nc}, {p}) = {fq}: cdf {back}"
            );
            let nc3 = ncfdtrinc(3.0, 40.0, p, fq);
            assert!(rel(nc3, nc) <= 1e-7, "ncfdtrinc(3, 40, {p}, {fq}) = {nc3}");
            let d = nc.sqrt();
            let t = nctdtrit(5.0, d, p);
            let back = nctdtr(5.0, d, t);
            assert!(
                rel(back, p) <= 1e-7,
                "nctdtrit(5, {d}, {p}) = {t}: cdf {back}"
            );
            let d2 = nctdtrinc(5.0, p, t);
            assert!(rel(d2, d) <= 1e-7, "nctdtrinc(5, {p}, {t}) = {d2}");
        }
    }
}

#[test]
fn large_noncentrality_limits_and_conventions() {
    // past nc = 2e30 the spread is below the spacing of doubles: NaN
    assert!(chndtr(1e31, 3.0, 1e31).is_nan());
    assert!(ncfdtr(3.0, 4.0, 1e31, 1e30).is_nan());
    assert!(nctdtr(5.0, 1e16, 1e16).is_nan());
    // far from the bulk the value is 0 or 1 in double precision
    assert_eq!(chndtr(1e9, 3.0, 2e9), 0.0);
    assert_eq!(chndtr(3e9, 3.0, 2e9), 1.0);
    // t ≥ 0 > nc: 1 - F ≤ Φ(nc), which underflows
    assert_eq!(nctdtr(5.0, -1e5, 1.0), 1.0);
    assert_eq!(nctdtr(5.0, 1e5, -1.0), 0.0);
    // across λ = 500 (sum → integral) the cdfs are continuous
    for &(x, df) in &[(1000.0, 3.0), (950.0, 0.5), (1060.0, 40.0)] {
        let lo = chndtr(x, df, 1000.0 * (1.0 - 1e-15));
        let hi = chndtr(x, df, 1000.0);
        assert!(rel(lo, hi) < 1e-13, "chndtr({x}, {df}, 1000±): {lo} {hi}");
        let lo = ncfdtr(df, 20.0, 1000.0 * (1.0 - 1e-15), x / df);
        let hi = ncfdtr(df, 20.0, 1000.0, x / df);
        assert!(
            rel(lo, hi) < 1e-13,
            "ncfdtr({df}, 20, 1000±, ..): {lo} {hi}"
        );
    }
    let d = 1000f64.sqrt() * (1.0 + 4.0 * f64::EPSILON);
    let d_lo = 1000f64.sqrt() * (1.0 - 4.0 * f64::EPSILON);
    assert!(0.5 * d_lo * d_lo < 500.0 && 0.5 * d * d >= 500.0);
    let (lo, hi) = (nctdtr(5.0, d_lo, 33.0), nctdtr(5.0, d, 33.0));
    assert!(rel(lo, hi) < 1e-13, "nctdtr across nc²/2 = 500: {lo} {hi}");
}
