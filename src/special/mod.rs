//! Special functions: `scipy.special` in pure Rust.
//!
//! Scalar `f64` functions with SciPy's names and SciPy's domain conventions:
//! NaN outside the domain, `±∞` at poles, the same limits at the extremes, and
//! no panics or unbounded loops on any input (NaN and `±∞` included). Apply them
//! to arrays with `mapv`: `x.mapv(ferrosci::special::gamma)`.
//!
//! | SciPy | ferrosci | what |
//! |---|---|---|
//! | `gamma` | [`gamma`] | Γ(x) |
//! | `gammaln` | [`gammaln`] | ln \|Γ(x)\| |
//! | `gammasgn` | [`gammasgn`] | sign of Γ(x) |
//! | `rgamma` | [`rgamma`] | 1/Γ(x) |
//! | `digamma`, `psi` | [`digamma`], [`psi`] | ψ(x) = Γ'(x)/Γ(x) |
//!
//! ## Accuracy
//! Every function is tested against mpmath at 50 digits on points spread over
//! its domain, edges included (`tests/special_a.rs`, fixtures from
//! `tools/fixtures/special_a.py`): median error ≤ 2 ulp, maximum ≤ 1e-13
//! relative and no worse than SciPy's own maximum on the same points.
//! Polynomial coefficients are derived by `tools/fixtures/special_a_fit.py`.

mod gamma;
mod kernels;

pub use gamma::{digamma, gamma, gammaln, gammasgn, psi, rgamma};
