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
