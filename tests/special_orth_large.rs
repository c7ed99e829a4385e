//! ferrosci::special Legendre and Chebyshev polynomials at whole-number
//! degrees 1e5 … 1e12 (bounded-cost expansions instead of the `n`-step
//! recurrence) against mpmath (`python3 tools/fixtures/special_orth_large.py`).
//!
//! The value's own condition is its phase `ρθ` (`x = cos θ`): the rounding of
//! `θ` alone moves the result by `~ρθε` of the local amplitude. Errors are
//! measured against the amplitude (`scale`) in units of `ε·(1 + ρθ)` and must
//! stay below 8; where SciPy's value is stored (`n ≤ 1e6`), ours must also be
//! no worse than SciPy's plus that allowance.
mod common;

use ferrosci::special::{eval_chebyt, eval_chebyu, eval_legendre, eval_sh_legendre};

#[test]
fn large_degree_matches_mpmath() {
    let (mut worst, mut worst_case) = (0.0f64, String::new());
    let mut n_cases = 0;
    for c in common::load("special", "orth_large") {
        let (n, x) = (c.f64("n"), c.f64("x"));
        let got = match c.str("f") {
            "eval_legendre" => eval_legendre(n, x),
            "eval_sh_legendre" => eval_sh_legendre(n, x),
            "eval_chebyt" => eval_chebyt(n, x),
            "eval_chebyu" => eval_chebyu(n, x),
            other => panic!("unknown function {other}"),
        };
        let want = common::as_f64(&c.expected);
        let allowance = f64::EPSILON * (1.0 + c.f64("rho_theta"));
        let e = (got - want).abs() / c.f64("scale") / allowance;
        assert!(
            e <= 8.0,
            "{}: got {got:e} want {want:e}: {e:.1} units of ε(1+ρθ)",
            c.ctx()
        );
        if c.has("scipy") && !c.arg("scipy").is_null() {
            let e_sp = (c.f64("scipy") - want).abs() / c.f64("scale") / allowance;
            assert!(
                e <= e_sp + 2.0,
                "{}: worse than SciPy ({e:.1} vs {e_sp:.1})",
                c.ctx()
            );
        }
        if e > worst {
            worst = e;
            worst_case = format!("{} got {got:e} want {want:e}", c.ctx());
        }
        n_cases += 1;
    }
    assert_eq!(n_cases, 160);
    println!("worst {worst:.2} units of ε(1+ρθ): {worst_case}");
}

#[test]
fn large_degree_edges() {
    // exact values at the ends, ±∞ past them, NaN in, NaN out
    assert_eq!(eval_legendre(1e9, 1.0), 1.0);
    assert_eq!(eval_legendre(1e9 + 1.0, -1.0), -1.0);
    assert_eq!(eval_sh_legendre(1e9 + 1.0, 0.0), -1.0);
    assert_eq!(eval_chebyu(1e9, 1.0), 1e9 + 1.0);
    assert_eq!(eval_chebyt(1e9 + 1.0, -1.0), -1.0);
    assert_eq!(eval_legendre(1e9, 1.5), f64::INFINITY);
    assert_eq!(
        eval_legendre(1e9 + 1.0, f64::NEG_INFINITY),
        f64::NEG_INFINITY
    );
    assert_eq!(eval_chebyt(1e9, 3.0), f64::INFINITY);
    assert_eq!(eval_chebyu(1e9 + 1.0, -3.0), f64::NEG_INFINITY);
    assert!(eval_legendre(1e9, f64::NAN).is_nan());
    assert!(eval_chebyt(1e9, f64::NAN).is_nan());
    // just past 1 the value is still finite: P_n(cosh t) ≈ I₀((n+1/2)t)
    let p = eval_legendre(1e6, 1.0 + 1e-13);
    assert!(p > 1.0 && p < 2.0, "{p}");
    // degrees past the recurrence budget without a closed form: NaN
    assert!(ferrosci::special::eval_laguerre(1e9, 0.5).is_nan());
    assert!(ferrosci::special::eval_hermite(i64::MAX, 0.5).is_nan());
}
