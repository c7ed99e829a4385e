//! Noncentral chi-square, F and t distribution functions, as Poisson mixtures
//! of the central ones (Johnson, Kotz and Balakrishnan; for the t, Lenth's
//! series, AS 243).
//!
//! The sums start at the Poisson mode and run outward in both directions
//! until the remaining weight cannot change the result; the mode's weight
//! `e^(-λ) λ^j / j!` is formed as `exp(-j φ(λ/j)) / (√(2πj) Γ*(j))`
//! (`φ(s) = s - 1 - ln s`, Loader's saddle-point form), accurate for large
//! `λ`, and the other weights follow by exact ratios. Every term is positive
//! except in `nctdtr` when `t` and the noncentrality have opposite signs.
//!
//! From `λ = 500` on that sum would take `O(√λ)` terms; it is then replaced
//! by the integral over real `j` of the same summand (the difference is of
//! order `e^(-2π²λ/…)` by Poisson summation, as the summand is smooth on the
//! scale `√λ`), computed by 20-point Gauss–Legendre panels of width `2√λ`
//! placed outward from the summand's peak: a bounded cost of at most ~1000
//! evaluations (usually ~150) for any `λ`. Past `λ = 1e30` the spread `√λ` is
//! below the spacing of doubles next to `λ` and the cdfs return NaN (SciPy
//! returns NaN from `λ ≈ 1e11` on). `ncfdtr` and `nctdtr` also return NaN
//! where both `λ` and the beta parameter `dfd/2` (`df/2`) exceed `1e6`: the
//! incomplete beta function's continued fraction does not converge within
//! its iteration budget there.

use super::erf::ndtr;
use super::gamma::{gamma, gammaln, gammastar};
use super::incomplete::{betainc, betaincc, gammainc, log1pmx_neg};
use super::owens_t::gauss_legendre;
use std::f64::consts::PI;

/// Terms beyond this many on either side of the mode are not summed (the
/// weights are then below 1e-17 for any `λ` up to ~1e9).
const MAX_TERMS: usize = 200_000;

/// From this Poisson mean on, sums become integrals over `j`
/// ([`mixture_integral`]).
const LAM_QUAD: f64 = 500.0;
/// Past this Poisson mean the cdfs return NaN (see the module docs).
pub(super) const LAM_MAX: f64 = 1e30;
/// `ncfdtr`, `nctdtr`: NaN where both `λ` and `dfd/2` (`df/2`) exceed this.
const BOTH_MAX: f64 = 1e6;

/// Generalized Poisson weight `e^(-λ) λ^j / Γ(j+1)` for real `j ≥ 0`, `λ > 0`.
fn poisson_weight(j: f64, lam: f64) -> f64 {
    poisson_weight_off(j, lam - j, lam)
}

/// [`poisson_weight`] at `j = λ - diff`, with `diff` exact: a node `j` next
/// to a large `λ` would be rounded to the spacing of doubles there, a shift
/// of `u = (j - λ)/√λ` that the quadrature would see as an error.
fn poisson_weight_off(j: f64, diff: f64, lam: f64) -> f64 {
    if j >= 10.0 {
        let phi = log1pmx_neg(lam / j, diff / j);
        return (-j * phi).exp() / ((2.0 * PI * j).sqrt() * gammastar(j));
    }
    if lam < 700.0 {
        lam.powf(j) * (-lam).exp() / gamma(j + 1.0)
    } else {
        (j * lam.ln() - lam - gammaln(j + 1.0)).exp()
    }
}

/// `Σ_j w_j(λ) f(j)` for `0 ≤ f ≤ 1` (`λ > 0`), from the mode outward; the
/// upward run stops once a term is negligible and `f` is non-increasing there
/// (`decreasing = true`) or the weights alone are.
fn poisson_mixture(lam: f64, decreasing: bool, mut f: impl FnMut(f64) -> f64) -> f64 {
    let j0 = lam.floor();
    let w0 = poisson_weight(j0, lam);
    let mut sum = 0.0;
    // upward
    let (mut j, mut w) = (j0, w0);
    for _ in 0..MAX_TERMS {
        let term = w * f(j);
        sum += term;
        let small = if decreasing { term } else { w };
        if small <= 1e-17 * sum || w == 0.0 {
            break;
        }
        j += 1.0;
        w *= lam / j;
    }
    // downward: the weights fall geometrically and f ≤ 1
    let (mut j, mut w) = (j0, w0);
    for _ in 0..MAX_TERMS {
        if j == 0.0 {
            break;
        }
        w *= j / lam;
        j -= 1.0;
        let term = w * f(j);
        sum += term;
        if w <= 1e-17 * sum || w == 0.0 {
            break;
        }
    }
    sum
}

/// Noncentral chi-square cdf.
///
/// SciPy: `scipy.special.chndtr`. NaN for `x < 0`, `df ≤ 0`, `df = ∞` or
/// `nc < 0`, and for finite `nc > 2e30` (module docs); `1` at `x = ∞`; `0`
/// for `nc = ∞`.
///
/// ```text
/// chndtr(x, df, nc) = Σ_{j≥0} e^(-nc/2) (nc/2)^j / j! · P(df/2 + j, x/2)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{chdtr, chndtr};
/// // nc = 0 is the central chi-square
/// assert!((chndtr(3.0, 4.0, 0.0) - chdtr(4.0, 3.0)).abs() < 1e-16);
/// // df = 1: P(|Z + √nc| ≤ √x)
/// use ferrosci::special::ndtr;
/// let (x, nc) = (2.0f64, 1.5f64);
/// let want = ndtr(x.sqrt() - nc.sqrt()) - ndtr(-x.sqrt() - nc.sqrt());
/// assert!((chndtr(x, 1.0, nc) - want).abs() < 1e-15);
/// ```
pub fn chndtr(x: f64, df: f64, nc: f64) -> f64 {
    if !(x >= 0.0 && df > 0.0 && df < f64::INFINITY && nc >= 0.0) {
        return f64::NAN;
    }
    if nc == f64::INFINITY {
        return 0.0;
    }
    if x == f64::INFINITY {
        return 1.0;
    }
    if nc == 0.0 {
        return gammainc(0.5 * df, 0.5 * x);
    }
    let lam = 0.5 * nc;
    let f = |j| gammainc(0.5 * df + j, 0.5 * x);
    if lam > LAM_MAX {
        f64::NAN
    } else if lam >= LAM_QUAD {
        mixture_integral(lam, 0.0, false, f)
    } else {
        poisson_mixture(lam, true, f)
    }
}

/// `I_x(a, b)` given both `x` and `y = 1 - x` exactly (evaluated at the
/// smaller).
fn beta_xy(a: f64, b: f64, x: f64, y: f64) -> f64 {
    if x <= 0.5 {
        betainc(a, b, x)
    } else {
        betaincc(b, a, y)
    }
}

/// Noncentral F distribution cdf.
///
/// SciPy: `scipy.special.ncfdtr`. NaN for non-positive `dfn`, `dfd`,
/// negative `nc` or `f`, for `nc > 2e30` and where both `nc` and `dfd`
/// exceed `2e6` (module docs); `0` at `f = 0`, `1` at `f = ∞`.
///
/// ```text
/// ncfdtr(dfn, dfd, nc, f) = Σ_{j≥0} e^(-nc/2) (nc/2)^j / j! · I_x(dfn/2 + j, dfd/2),
///     x = dfn·f / (dfn·f + dfd)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{fdtr, ncfdtr};
/// assert!((ncfdtr(3.0, 7.0, 0.0, 1.2) - fdtr(3.0, 7.0, 1.2)).abs() < 1e-15);
/// assert!(ncfdtr(3.0, 7.0, 2.0, 1.2) < fdtr(3.0, 7.0, 1.2));
/// ```
pub fn ncfdtr(dfn: f64, dfd: f64, nc: f64, f: f64) -> f64 {
    if !(dfn > 0.0 && dfd > 0.0 && nc >= 0.0 && f >= 0.0) || dfn.is_infinite() || dfd.is_infinite()
    {
        return f64::NAN;
    }
    if nc == f64::INFINITY {
        return 0.0;
    }
    if f == f64::INFINITY {
        return 1.0;
    }
    let s = dfn * f + dfd;
    let (x, y) = (dfn * f / s, dfd / s);
    let (a, b) = (0.5 * dfn, 0.5 * dfd);
    if nc == 0.0 {
        return beta_xy(a, b, x, y);
    }
    let lam = 0.5 * nc;
    let g = |j| beta_xy(a + j, b, x, y);
    if lam > LAM_MAX || lam.min(b) > BOTH_MAX {
        f64::NAN
    } else if lam >= LAM_QUAD {
        mixture_integral(lam, 0.0, false, g)
    } else {
        poisson_mixture(lam, true, g)
    }
}

/// Noncentral Student's t cdf.
///
/// SciPy: `scipy.special.nctdtr`. NaN for `df ≤ 0` or infinite `nc`, for
/// `nc²/2 > 1e30` and where both `nc²/2` and `df/2` exceed `1e6` (module
/// docs); the normal cdf `Φ(t - nc)` for `df = ∞`.
///
/// ```text
/// nctdtr(df, nc, t) = P(T ≤ t),  T = (Z + nc)/√(χ²_df/df);  for t ≥ 0, δ = nc, x = t²/(t²+df):
///   1 - F = ½ Σ_{j≥0} [p_j (1 - I_x(j+½, df/2)) + q_j (1 - I_x(j+1, df/2))],
///   F = Φ(-δ) + ½ Σ_{j≥0} [p_j I_x(j+½, df/2) + q_j I_x(j+1, df/2)],
///   p_j = e^(-δ²/2) (δ²/2)^j / j!,  q_j = δ/√2 · e^(-δ²/2) (δ²/2)^j / Γ(j+3/2);
/// for t < 0: F(t; δ) = 1 - F(-t; -δ)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{nctdtr, stdtr};
/// assert!((nctdtr(5.0, 0.0, 1.3) - stdtr(5.0, 1.3)).abs() < 1e-15);
/// // at t = 0 only the normal part is left: P(Z + nc ≤ 0)
/// use ferrosci::special::ndtr;
/// assert!((nctdtr(5.0, 1.0, 0.0) - ndtr(-1.0)).abs() < 1e-16);
/// ```
pub fn nctdtr(df: f64, nc: f64, t: f64) -> f64 {
    if df.is_nan() || nc.is_nan() || t.is_nan() || df <= 0.0 || nc.is_infinite() {
        return f64::NAN;
    }
    if df == f64::INFINITY {
        return ndtr(t - nc);
    }
    if t.is_infinite() {
        return if t > 0.0 { 1.0 } else { 0.0 };
    }
    if t >= 0.0 {
        nct_pos(df, nc, t).0
    } else {
        nct_pos(df, -nc, -t).1
    }
}

/// `(F(t), 1 - F(t))` for `t ≥ 0`: sums whichever tail is the smaller (by `t`
/// against `δ`) and forms the other as its complement, so the smaller never
/// cancels against 1 when all the terms are positive.
fn nct_pos(df: f64, delta: f64, t: f64) -> (f64, f64) {
    if t == 0.0 {
        return (ndtr(-delta), ndtr(delta));
    }
    let s = t * t + df;
    let (x, y) = (t * t / s, df / s);
    let b = 0.5 * df;
    let lam = 0.5 * delta * delta;
    let upper_tail = t >= delta;
    // I_x(a, b), or its complement 1 - I_x(a, b) = I_y(b, a)
    let ib = |a: f64| {
        if upper_tail {
            beta_xy(b, a, y, x)
        } else {
            beta_xy(a, b, x, y)
        }
    };
    if lam == 0.0 {
        let half = 0.5 * ib(0.5);
        return if upper_tail {
            (1.0 - half, half)
        } else {
            (0.5 + half, 0.5 - half)
        };
    }
    // p_j: Poisson weights at j; q_j: at j + 1/2 (sign of δ)
    let sign = delta.signum();
    let (sp, sq) = if lam > LAM_MAX || lam.min(b) > BOTH_MAX {
        (f64::NAN, f64::NAN)
    } else if lam >= LAM_QUAD {
        if delta < 0.0 {
            // t ≥ 0 > δ ≤ -31.6: 1 - F ≤ Φ(δ) < 1e-217, below the
            // absolute accuracy this sign pattern has (module docs)
            return (1.0, 0.0);
        }
        (
            mixture_integral(lam, 0.0, upper_tail, |j| ib(j + 0.5)),
            mixture_integral(lam, 0.5, upper_tail, |j| ib(j + 1.0)),
        )
    } else {
        (
            poisson_mixture(lam, false, |j| ib(j + 0.5)),
            half_shift_mixture(lam, |j| ib(j + 1.0)),
        )
    };
    let sum = 0.5 * (sp + sign * sq);
    if upper_tail {
        (1.0 - sum, sum)
    } else {
        let f = ndtr(-delta) + sum;
        (f, 1.0 - f)
    }
}

/// `∫_0^∞ w(j + shift) f(j) dj` with `w` the Poisson weight of mean `λ ≥
/// LAM_QUAD`, for monotone `0 ≤ f ≤ 1` (`rising` when `f` increases): the
/// integrand is log-concave with width `≳ √λ`. Its peak is found on a grid of
/// step `√λ` walking from the weight's mode in the direction `f` rises, then
/// panels of width `2√λ` are added outward until one is negligible.
fn mixture_integral(lam: f64, shift: f64, rising: bool, f: impl Fn(f64) -> f64) -> f64 {
    let sigma = lam.sqrt();
    let centre = lam - shift;
    let g = |u: f64| {
        let d = sigma * u;
        let j = centre + d;
        if j < 0.0 {
            0.0
        } else {
            poisson_weight_off(lam + d, -d, lam) * f(j)
        }
    };
    let step = if rising { 1.0 } else { -1.0 };
    let (mut peak, mut at_peak) = (0.0, g(0.0));
    // the weight alone is below e^(-800) of its mode past 40 steps
    for _ in 0..40 {
        let next = g(peak + step);
        if next < at_peak && at_peak > 0.0 {
            break;
        }
        peak += step;
        at_peak = next;
    }
    let rule = gauss_legendre();
    let panel = |mid: f64| rule.iter().map(|&(x, w)| w * g(mid + x)).sum::<f64>();
    let mut total = 0.0;
    for dir in [1.0, -1.0] {
        for k in 0..40 {
            let part = panel(peak + dir * (2.0 * k as f64 + 1.0));
            total += part;
            if part <= 1e-17 * total {
                break;
            }
        }
    }
    // the weights' integral is 1 to rounding; keep the cdf within [0, 1]
    (total * sigma).min(1.0)
}

/// `Σ_j e^(-λ) λ^(j+1/2)/Γ(j+3/2) f(j)`, `0 ≤ f ≤ 1`, from the mode outward.
fn half_shift_mixture(lam: f64, mut f: impl FnMut(f64) -> f64) -> f64 {
    let j0 = (lam - 0.5).max(0.0).floor();
    let w0 = poisson_weight(j0 + 0.5, lam);
    let mut sum = 0.0;
    let (mut j, mut w) = (j0, w0);
    for _ in 0..MAX_TERMS {
        sum += w * f(j);
        if w <= 1e-17 * sum.abs() || w == 0.0 {
            break;
        }
        j += 1.0;
        w *= lam / (j + 0.5);
    }
    let (mut j, mut w) = (j0, w0);
    for _ in 0..MAX_TERMS {
        if j == 0.0 {
            break;
        }
        w *= (j + 0.5) / lam;
        j -= 1.0;
        sum += w * f(j);
        if w <= 1e-17 * sum.abs() || w == 0.0 {
            break;
        }
    }
    sum
}
