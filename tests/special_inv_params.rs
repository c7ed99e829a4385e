//! cdflib-style inverses in a distribution parameter against SciPy
//! (`python3 tools/fixtures/special_inv_params.py`). SciPy's own answers stop
//! at cdflib's search tolerance, so each function is held to a stated
//! distance from SciPy and, independently, its root must satisfy the forward
//! cdf at least as well as SciPy's root does.
mod common;

use common::{Case, as_f64, load};
use ferrosci::special as sp;

/// Inverse under test and the forward cdf at a candidate parameter value.
fn eval(c: &Case) -> (f64, Box<dyn Fn(f64) -> f64 + '_>) {
    let a = |n: &str| c.f64(n);
    match c.str("f") {
        "stdtridf" => (
            sp::stdtridf(a("p"), a("t")),
            Box::new(move |df| sp::stdtr(df, a("t"))),
        ),
        "chdtriv" => (
            sp::chdtriv(a("p"), a("x")),
            Box::new(move |v| sp::chdtr(v, a("x"))),
        ),
        "btdtria" => (
            sp::btdtria(a("p"), a("b"), a("x")),
            Box::new(move |x| sp::betainc(x, a("b"), a("x"))),
        ),
        "btdtrib" => (
            sp::btdtrib(a("a"), a("p"), a("x")),
            Box::new(move |x| sp::betainc(a("a"), x, a("x"))),
        ),
        "gdtria" => (
            sp::gdtria(a("p"), a("b"), a("x")),
            Box::new(move |x| sp::gdtr(x, a("b"), a("x"))),
        ),
        "gdtrib" => (
            sp::gdtrib(a("a"), a("p"), a("x")),
            Box::new(move |x| sp::gammainc(x, a("a") * a("x"))),
        ),
        "pdtrik" => (
            sp::pdtrik(a("p"), a("m")),
            Box::new(move |k| sp::gammaincc(k + 1.0, a("m"))),
        ),
        "bdtrik" => (
            sp::bdtrik(a("p"), a("n"), a("pr")),
            Box::new(move |k| sp::betaincc(k + 1.0, a("n") - k, a("pr"))),
        ),
        "bdtrin" => (
            sp::bdtrin(a("k"), a("p"), a("pr")),
            Box::new(move |n| sp::betaincc(a("k") + 1.0, n - a("k"), a("pr"))),
        ),
        "nbdtrik" => (
            sp::nbdtrik(a("p"), a("n"), a("pr")),
            Box::new(move |k| sp::betainc(a("n"), k + 1.0, a("pr"))),
        ),
        "nbdtrin" => (
            sp::nbdtrin(a("k"), a("p"), a("pr")),
            Box::new(move |n| sp::betainc(n, a("k") + 1.0, a("pr"))),
        ),
        "chndtrix" => (
            sp::chndtrix(a("p"), a("df"), a("nc")),
            Box::new(move |x| sp::chndtr(x, a("df"), a("nc"))),
        ),
        "chndtridf" => (
            sp::chndtridf(a("x"), a("p"), a("nc")),
            Box::new(move |df| sp::chndtr(a("x"), df, a("nc"))),
        ),
        "chndtrinc" => (
            sp::chndtrinc(a("x"), a("df"), a("p")),
            Box::new(move |nc| sp::chndtr(a("x"), a("df"), nc)),
        ),
        "nctdtrit" => (
            sp::nctdtrit(a("df"), a("nc"), a("p")),
            Box::new(move |t| sp::nctdtr(a("df"), a("nc"), t)),
        ),
        "ncfdtri" => (
            sp::ncfdtri(a("dfn"), a("dfd"), a("nc"), a("p")),
            Box::new(move |f| sp::ncfdtr(a("dfn"), a("dfd"), a("nc"), f)),
        ),
        "nctdtrinc" => (
            sp::nctdtrinc(a("df"), a("p"), a("t")),
            Box::new(move |nc| sp::nctdtr(a("df"), nc, a("t"))),
        ),
        "ncfdtrinc" => (
            sp::ncfdtrinc(a("dfn"), a("dfd"), a("p"), a("fval")),
            Box::new(move |nc| sp::ncfdtr(a("dfn"), a("dfd"), nc, a("fval"))),
        ),
        f => panic!("unknown function {f}"),
    }
}

/// Relative distance from SciPy allowed per function: cdflib's stopping
/// tolerance as observed on the fixture (boost-based ones are tighter).
fn tolerance(f: &str) -> f64 {
    match f {
        // cdflib's search in SciPy stops at ~1e-11 relative
        "stdtridf" | "bdtrik" | "bdtrin" | "nbdtrik" | "nbdtrin" | "nctdtrit" => 1e-10,
        // SciPy's boost-based quantile stops at ~5e-8; cdflib's nctdtrinc at ~2.4e-8
        "chndtrix" => 1e-7,
        "nctdtrinc" => 5e-8,
        // SciPy's answer is off by up to 1.3e-4 (its cdf residual up to 3e-5,
        // ferrosci's 0: the residual check below is the real test here)
        "ncfdtrinc" => 5e-4,
        // the rest agree to a few ulp
        _ => 1e-14,
    }
}

#[test]
fn inverses_agree_with_scipy_and_solve_the_cdf() {
    let mut failures = Vec::new();
    let mut worst: std::collections::BTreeMap<String, (f64, f64)> = Default::default();
    for c in load("special", "inv_params") {
        if c.has("edge") {
            continue;
        }
        let f = c.str("f").to_string();
        let want = as_f64(&c.expected);
        let p = c.f64("p");
        let (got, cdf) = eval(&c);
        let rel = (got - want).abs() / want.abs();
        // how well each root solves cdf(x) = p, up to the rounding of cdf
        // and p and a change of 4 ulp in the root
        let (r_ours, r_scipy) = ((cdf(got) - p).abs(), (cdf(want) - p).abs());
        let slack =
            4.0 * f64::EPSILON * p + (cdf(got * (1.0 + 4.0 * f64::EPSILON)) - cdf(got)).abs();
        let w = worst.entry(f.clone()).or_default();
        w.0 = w.0.max(rel);
        w.1 = w.1.max(r_ours / p.min(1.0 - p));
        let ok = rel <= tolerance(&f) && r_ours <= r_scipy + slack;
        if !ok {
            failures.push(format!(
                "{}: got {got:e} scipy {want:e} (rel {rel:.1e}); residual {r_ours:.1e} vs scipy {r_scipy:.1e}",
                c.ctx()
            ));
        }
    }
    for (f, (rel, res)) in &worst {
        println!(
            "{f:10} max rel. distance from SciPy {rel:.1e}, max |cdf - p|/min(p, 1-p) {res:.1e}"
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where ferrosci's convention differs from SciPy's at an edge: SciPy returns
/// its internal search bound or NaN, ferrosci the limit or NaN (see the
/// `inverse_params` docs). `(function, case id suffix, ferrosci's value)`.
type EdgeDiff = (&'static str, &'static str, fn(&Case) -> f64);
const EDGE_DIFFS: &[EdgeDiff] = &[
    // p = 0 and 1 are not attained by any df (SciPy: -1e100, 1e10)
    ("stdtridf", "p=0.0", |_| f64::NAN),
    ("stdtridf", "p=1.0", |_| f64::NAN),
    // the limits (SciPy: 2.2e-308)
    ("btdtria", "p=1.0", |_| 0.0),
    ("btdtrib", "p=0.0", |_| 0.0),
    // the limit ∞ (SciPy: NaN, or its search bound)
    ("pdtrik", "p=1.0", |_| f64::INFINITY),
    ("nbdtrik", "p=1.0", |_| f64::INFINITY),
    ("bdtrin", "p=0.0", |_| f64::INFINITY),
    ("nbdtrin", "p=0.0", |_| f64::INFINITY),
    // bdtr(k, k, pr) = 1: n = k (SciPy: 5 at k = 31); nbdtr → 1 as n → 0 (SciPy: NaN)
    ("bdtrin", "p=1.0", |c| c.f64("k")),
    ("nbdtrin", "p=1.0", |_| 0.0),
    // the limits ∞, -∞ (SciPy: its search bound, NaN)
    ("nctdtrinc", "p=0.0", |_| f64::INFINITY),
    ("nctdtrinc", "p=1.0", |_| f64::NEG_INFINITY),
    ("ncfdtrinc", "p=0.0", |_| f64::INFINITY),
    // the lower limit, as stdtrit (SciPy: +∞)
    ("nctdtrit", "p=0.0", |_| f64::NEG_INFINITY),
];

#[test]
fn edges_as_scipy_or_documented() {
    let mut failures = Vec::new();
    for c in load("special", "inv_params") {
        if !c.has("edge") {
            continue;
        }
        let f = c.str("f");
        let want = as_f64(&c.expected);
        let (got, _) = eval(&c);
        let want = EDGE_DIFFS
            .iter()
            .find(|(g, id, _)| *g == f && c.id.ends_with(&format!(":edge:{id}")))
            .map_or(want, |d| d.2(&c));
        let same = got == want || (got.is_nan() && want.is_nan());
        if !same {
            failures.push(format!("{}: got {got:e} want {want:e}", c.ctx()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Negative `t` (a decreasing cdf in `df`) mirrors positive `t`; lower
/// limits that the parameter range reaches give its end, not NaN.
#[test]
fn symmetry_and_range_ends() {
    for &(p, t) in &[(0.6, 0.8), (0.8, 2.5), (0.97, 4.0)] {
        let (a, b) = (sp::stdtridf(p, t), sp::stdtridf(1.0 - p, -t));
        assert!(
            (a - b).abs() <= 1e-13 * a,
            "stdtridf({p}, ±{t}): {a} vs {b}"
        );
        assert!((sp::stdtr(b, -t) - (1.0 - p)).abs() <= 1e-15);
    }
    // stdtr(df, 1) ∈ (1/2, Φ(1)): p outside is attained by no df
    assert!(sp::stdtridf(0.3, 1.0).is_nan() && sp::stdtridf(0.9, 1.0).is_nan());
    // below the cdf at k = 0 the count is 0; at p = 1 the whole range
    assert_eq!(sp::pdtrik(0.01, 3.0), 0.0);
    assert_eq!(sp::bdtrik(1e-3, 10.0, 0.3), 0.0);
    assert_eq!(sp::bdtrik(1.0, 10.0, 0.3), 10.0);
    assert_eq!(sp::nbdtrik(1e-3, 3.0, 0.3), 0.0);
    // no nc ≥ 0 gives more than the central cdf
    assert!(sp::chndtrinc(4.0, 3.0, 0.9).is_nan());
    assert!(sp::ncfdtrinc(3.0, 4.0, 0.99, 2.0).is_nan());
    // the noncentral t quantile and noncentrality on both sides of 0
    for &(df, nc, p) in &[(3.0, -2.0, 0.1), (7.0, 1.5, 0.95), (2.0, 0.0, 0.5)] {
        let t = sp::nctdtrit(df, nc, p);
        assert!(
            (sp::nctdtr(df, nc, t) - p).abs() <= 1e-14,
            "nctdtrit({df}, {nc}, {p})"
        );
        let back = sp::nctdtrinc(df, p, t);
        assert!(
            (back - nc).abs() <= 1e-10 * (1.0 + nc.abs()),
            "nctdtrinc({df}, {p}, {t}) = {back}"
        );
    }
}
