//! ferrosci::special::hyp2f1 near x = 1 with c - a - b an integer (the
//! degenerate connection formula, DLMF 15.8.10) against mpmath at 50 digits,
//! SciPy's error on the same points beside it
//! (`python3 tools/fixtures/special_hyp2f1.py`).
mod common;

use common::{Case, check_family};
use ferrosci::special as sp;

fn eval(c: &Case, _f: &str) -> f64 {
    sp::hyp2f1(c.f64("a"), c.f64("b"), c.f64("c"), c.f64("x"))
}

#[test]
fn hyp2f1_integer_c_minus_a_minus_b_vs_mpmath() {
    check_family("hyp2f1", eval, &[]);
}

#[test]
fn hyp2f1_huge_parameters_are_bounded_and_nan_when_hopeless() {
    // c = b: (1-x)^{-a} = exp(-a ln(1-x))
    let (a, x) = (1e8 + 0.25, -1e-9f64);
    let want = (-a * (-x).ln_1p()).exp();
    let got = sp::hyp2f1(a, 3.0, 3.0, x);
    assert!((got - want).abs() <= 1e-13 * want, "{got} vs {want}");
    // A huge c makes the series 1 + ab x/c + O(c⁻²).
    let got = sp::hyp2f1(1.0, 1.0, 1e10, 0.5);
    assert!((got - (1.0 + 0.5e-10)).abs() <= 1e-16, "{got}");
    // A terminating series of degree 1e10 that ends below rounding at once.
    assert_eq!(sp::hyp2f1(-1e10, 1.0, 1e300, 0.5), 1.0);
    // No converging form within the term budget: NaN, as SciPy.
    assert!(sp::hyp2f1(1e10 + 0.5, 1e10 + 0.25, 3.0, 0.5).is_nan());
    assert!(sp::hyp2f1(-1e10, 0.5, 3.0, 0.5).is_nan());
}
