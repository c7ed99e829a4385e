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
//! | `jv`, `jve` | [`jv`], [`jve`] | Bessel `J_v(x)` of real order (`jve` = `jv` for real `x`) |
//! | `yv`, `yve` | [`yv`], [`yve`] | Bessel `Y_v(x)` of real order |
//! | `j0`, `j1`, `jn` | [`j0`], [`j1`], [`jn`] | Bessel `J_0`, `J_1`, `J_n` |
//! | `y0`, `y1`, `yn` | [`y0`], [`y1`], [`yn`] | Bessel `Y_0`, `Y_1`, `Y_n` |
//! | `iv`, `ive` | [`iv`], [`ive`] | modified Bessel `I_v(x)`, and `I_v(x)e^{-\|x\|}` |
//! | `i0`, `i0e`, `i1`, `i1e` | [`i0`], [`i0e`], [`i1`], [`i1e`] | `I_0`, `I_1`, plain and scaled |
//! | `kv`, `kve` | [`kv`], [`kve`] | modified Bessel `K_v(x)`, and `K_v(x)e^x` |
//! | `k0`, `k0e`, `k1`, `k1e`, `kn` | [`k0`], [`k0e`], [`k1`], [`k1e`], [`kn`] | `K_0`, `K_1`, `K_n` |
//! | `jvp`, `yvp`, `ivp`, `kvp` | [`jvp`], [`yvp`], [`ivp`], [`kvp`] | `n`-th derivatives of `J`, `Y`, `I`, `K` |
//! | `spherical_jn`, `spherical_yn` | [`spherical_jn`], [`spherical_yn`] | spherical `j_n`, `y_n` (or derivative) |
//! | `jn_zeros`, `jnp_zeros`, `yn_zeros`, `ynp_zeros` | [`jn_zeros`], [`jnp_zeros`], [`yn_zeros`], [`ynp_zeros`] | zeros of `J_n`, `J_n'`, `Y_n`, `Y_n'` |
//! | `jnyn_zeros` | [`jnyn_zeros`] → [`JnYnZeros`] | all four sets at once |
//! | `airy`, `airye` | [`airy`], [`airye`] → [`Airy`] | `Ai`, `Ai'`, `Bi`, `Bi'` (plain and scaled) |
//! | `ai_zeros`, `bi_zeros` | [`ai_zeros`], [`bi_zeros`] → [`AiryZeros`] | zeros of the Airy functions |
//! | `ellipk`, `ellipkm1` | [`ellipk`], [`ellipkm1`] | complete elliptic integral `K(m)`, `K(1-p)` |
//! | `ellipe` | [`ellipe`] | complete elliptic integral `E(m)` |
//! | `ellipkinc`, `ellipeinc` | [`ellipkinc`], [`ellipeinc`] | incomplete `F(φ\|m)`, `E(φ\|m)` |
//! | `ellipj` | [`ellipj`] → [`Ellipj`] | Jacobi `sn`, `cn`, `dn`, amplitude |
//! | `elliprf`, `elliprd`, `elliprj` | [`elliprf`], [`elliprd`], [`elliprj`] | Carlson `R_F`, `R_D`, `R_J` |
//! | `elliprc`, `elliprg` | [`elliprc`], [`elliprg`] | Carlson `R_C`, `R_G` |
//! | `exp1`, `expi`, `expn` | [`exp1`], [`expi`], [`expn`] | exponential integrals `E_1`, `Ei`, `E_n` |
//! | `sici`, `shichi` | [`sici`], [`shichi`] | sine/cosine and hyperbolic sine/cosine integrals |
//! | `spence` | [`spence`] | dilogarithm `Li_2(1-x)` |
//! | `lambertw` | [`lambertw`] | Lambert `W_k(z)`, every branch, complex |
//! | `wrightomega` | [`wrightomega`] | Wright `ω(x)`: `ω + ln ω = x` (real) |
//! | `zeta`, `zetac` | [`zeta`], [`zetac`] | Riemann/Hurwitz `ζ(x, q)`, and `ζ(x) - 1` |
//! | `hyp0f1`, `hyp1f1`, `hyp2f1` | [`hyp0f1`], [`hyp1f1`], [`hyp2f1`] | hypergeometric `0F1`, `1F1`, `2F1` |
//! | `spherical_in`, `spherical_kn` | [`spherical_in`], [`spherical_kn`] | modified spherical `i_n`, `k_n` (or derivative) |
//!
//! ## Accuracy
//! Every function is tested against mpmath at 50 digits on points spread over
//! its domain, edges included (`tests/special_a.rs`, fixtures from
//! `tools/fixtures/special_a.py`): median error ≤ 2 ulp, maximum ≤ 1e-13
//! relative and no worse than SciPy's own maximum on the same points.
//! Polynomial coefficients are derived by `tools/fixtures/special_a_fit.py`.
//!
//! ### Bessel, Airy, elliptic, exponential-integral, zeta, hypergeometric
//! Same targets, checked by `tests/special_b.rs` against
//! `tools/fixtures/special_b.py` (mpmath at 50 digits, SciPy's value stored
//! beside it). Where a function vanishes (zeros of `J_ν`, `Y_ν`, `Ai`, `sn`,
//! `cn`, a terminating `2F1`) relative error is meaningless, and the error is
//! measured against the local amplitude instead (`√(J²+Y²)`, `√(Ai²+Bi²)`, 1,
//! `Σ|terms|`). Justified exceptions, with the measured maximum:
//! - `spherical_yn(n, x, true)` near its own zeros: 1.1e-13 (SciPy 6.9e-15),
//!   from the cancellation in `y_{n-1} - (n+1)/x·y_n`.
//!
//! Algorithms are the published ones, written for this crate: Steed's
//! continued fractions with Temme's series for `J`, `Y`, `I`, `K` (Barnett et
//! al. 1974; Temme 1975), Hankel's expansion at large argument, Carlson's
//! duplication (Carlson 1995), a fitted `P(1-m) - ln(1-m) Q(1-m)` for `K(m)`
//! (`tools/fixtures/special_b_fit.py`), descending Landen for
//! `ellipj`, Euler–Maclaurin for `ζ`, DLMF 15.8.4/15.8.10 for `2F1`. Airy
//! functions correct for the rounding of `ζ = (2/3)|x|^{3/2}` through the Airy
//! equation, so they stay at a few ulp where SciPy loses |ζ|·ε.
//!
//! ### Where part B differs from SciPy on purpose
//! Limits instead of NaN: `jv`, `yv`, `jve`, `yve` are 0 at `x = ±∞` and `iv`
//! is `∞` at `+∞` (SciPy: NaN); `spence(∞) = -∞`; `spherical_yn'(0) = +∞`;
//! `elliprj(x, y, z, 0) = ∞`. `hyp2f1` returns NaN for `x > 1` unless the
//! series terminates (the value is complex there).
//!
//! ### Limits
//! Orders or arguments that need more than ~2·10⁷ recurrence or continued
//! fraction steps (e.g. `jv(1e8, 1e8)`) return NaN rather than run for long.
//! `hyp1f1` sums its series (after Kummer's transformation): large `|x|` with
//! a negative non-integer `a` loses accuracy to cancellation. `hyp2f1` with
//! `c - a - b` within 1e-3 of (but not at) an integer and `x` near 1 sums the
//! slowly converging series (at most 20 000 terms).

mod airy;
mod bessel_deriv;
mod bessel_ik;
mod bessel_jy;
mod bessel_util;
mod bessel_zeros;
mod carlson;
mod elliptic;
mod expint;
mod gamma;
mod hypergeometric;
mod kernels;
mod lambertw;
mod zeta;

pub use airy::{Airy, AiryZeros, ai_zeros, airy, airye, bi_zeros};
pub use bessel_deriv::{
    ivp, jvp, kvp, spherical_in, spherical_jn, spherical_kn, spherical_yn, yvp,
};
pub use bessel_ik::{i0, i0e, i1, i1e, iv, ive, k0, k0e, k1, k1e, kn, kv, kve};
pub use bessel_jy::{j0, j1, jn, jv, jve, y0, y1, yn, yv, yve};
pub use bessel_zeros::{JnYnZeros, jn_zeros, jnp_zeros, jnyn_zeros, yn_zeros, ynp_zeros};
pub use carlson::{elliprc, elliprd, elliprf, elliprg, elliprj};
pub use elliptic::{Ellipj, ellipe, ellipeinc, ellipj, ellipk, ellipkinc, ellipkm1};
pub use expint::{exp1, expi, expn, shichi, sici, spence};
pub use gamma::{digamma, gamma, gammaln, gammasgn, psi, rgamma};
pub use hypergeometric::{hyp0f1, hyp1f1, hyp2f1};
pub use lambertw::{lambertw, wrightomega};
pub use zeta::{zeta, zetac};
