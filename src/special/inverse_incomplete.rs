//! Inverses of the regularized incomplete gamma and beta functions.
//!
//! Each inverse starts from an asymptotic guess (the small-argument power law
//! in either tail, Wilson–Hilferty for the gamma and the normal approximation
//! of Abramowitz–Stegun 26.5.22 for the beta distribution) and finishes with
//! Newton's method on the logarithm of the smaller of the two tail
//! probabilities, `ln(P/p)` or `ln(Q/q)`, in the variable `ln x` (gamma) or
//! `ln(x/(1-x))` (beta). In those coordinates the equations are close to
//! linear in both tails, `x` and `1 - x` both come out with full relative
//! accuracy, and a bracket kept around the root turns any step that would
//! leave it into a bisection, so the iteration always ends.

use super::beta::betaln;
use super::erf::ndtri;
use super::gamma::gammaln;
use super::incomplete::{betainc, betaincc, gammainc, gammaincc};

/// Newton steps smaller than this (in the log variable, i.e. relative to `x`)
/// end the iteration after being taken: with quadratic convergence the step
/// leaves an error of order `STEP_TOL²`, below the noise of `G`.
const STEP_TOL: f64 = 1e-9;
const MAX_ITER: usize = 200;

/// Root of an increasing function `G(u)` on the whole real line, by Newton's
/// method from `u0` with a bisection safeguard.
///
/// `eval(u)` returns `(G(u), G'(u))`; `G = -∞`/`+∞` is allowed and means "far
/// below"/"far above" the root. Returns the last point `u` and the last
/// Newton step `δ` (root ≈ `u - δ`): `u` itself has a coarse absolute
/// resolution when `|u|` is large, so the caller applies `δ` to `x(u)` as a
/// relative correction. Terminates after at most `MAX_ITER` steps.
pub(crate) fn newton_increasing(u0: f64, mut eval: impl FnMut(f64) -> (f64, f64)) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    let mut u = u0;
    for _ in 0..MAX_ITER {
        let (g, dg) = eval(u);
        if g == 0.0 {
            return (u, 0.0);
        }
        if g.is_nan() {
            return (f64::NAN, 0.0);
        }
        let step = g / dg;
        if step.abs() <= STEP_TOL {
            return (u, step);
        }
        if g > 0.0 {
            hi = u;
        } else {
            lo = u;
        }
        let next = u - step;
        if step.is_finite() && next > lo && next < hi {
            u = next;
            continue;
        }
        // Bisection: doubling outward while one side is still open.
        u = if lo == f64::NEG_INFINITY {
            hi - hi.abs().max(1.0)
        } else if hi == f64::INFINITY {
            lo + lo.abs().max(1.0)
        } else {
            0.5 * (lo + hi)
        };
        if hi - lo <= 4.0 * f64::EPSILON * u.abs() {
            return (u, 0.0);
        }
    }
    (u, 0.0)
}

/// Inverse of the regularized lower incomplete gamma function: `x` with
/// `P(a, x) = p`.
///
/// SciPy: `scipy.special.gammaincinv`. NaN for `a < 0`, `a = ∞`, `p ∉ [0, 1]`
/// or NaN input; `0` at `p = 0` and `∞` at `p = 1`; for `a = 0` only those two
/// ends are defined.
///
/// ```text
/// gammaincinv(a, p) = x  with  P(a, x) = 1/Γ(a) ∫₀^x t^(a-1) e^(-t) dt = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gammainc, gammaincinv};
/// // P(1, x) = 1 - e^(-x), so the inverse is -ln(1 - p)
/// assert!((gammaincinv(1.0, 0.25) - (-(0.75f64).ln())).abs() < 1e-15);
/// let x = gammaincinv(4.5, 1e-200);
/// assert!((gammainc(4.5, x) / 1e-200 - 1.0).abs() < 1e-13);
/// ```
pub fn gammaincinv(a: f64, p: f64) -> f64 {
    match gamma_inv_domain(a, p, 1.0 - p) {
        Some(v) => v,
        None => gamma_inv(a, p, 1.0 - p),
    }
}

/// Inverse of the regularized upper incomplete gamma function: `x` with
/// `Q(a, x) = q`.
///
/// SciPy: `scipy.special.gammainccinv`. Conventions as [`gammaincinv`] with
/// the ends swapped (`∞` at `q = 0`, `0` at `q = 1`). Accurate for tiny `q`.
///
/// ```text
/// gammainccinv(a, q) = x  with  Q(a, x) = 1/Γ(a) ∫ₓ^∞ t^(a-1) e^(-t) dt = q
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gammaincc, gammainccinv};
/// // Q(1, x) = e^(-x)
/// assert!((gammainccinv(1.0, 1e-300) / (300.0 * 10f64.ln()) - 1.0).abs() < 1e-15);
/// let x = gammainccinv(0.3, 0.6);
/// assert!((gammaincc(0.3, x) - 0.6).abs() < 1e-15);
/// ```
pub fn gammainccinv(a: f64, q: f64) -> f64 {
    match gamma_inv_domain(a, 1.0 - q, q) {
        Some(v) => v,
        None => gamma_inv(a, 1.0 - q, q),
    }
}

/// `Some(x)` for the boundary cases of the gamma inverses, `None` for
/// `0 < a < ∞`, `0 < p < 1` (`q = 1 - p`, either may be the exact input).
fn gamma_inv_domain(a: f64, p: f64, q: f64) -> Option<f64> {
    if !((0.0..f64::INFINITY).contains(&a) && (0.0..=1.0).contains(&p) && (0.0..=1.0).contains(&q))
    {
        return Some(f64::NAN);
    }
    if p == 0.0 {
        return Some(0.0);
    }
    if q == 0.0 {
        return Some(f64::INFINITY);
    }
    if a == 0.0 {
        return Some(f64::NAN);
    }
    None
}

/// `x` with `P(a, x) = p` and `Q(a, x) = q` (`p + q = 1`, the smaller of the
/// two carries the accuracy), `0 < a < ∞`, `0 < p, q < 1`.
pub(crate) fn gamma_inv(a: f64, p: f64, q: f64) -> f64 {
    let lower = p <= q;
    let lga = gammaln(a);
    // Power law of the lower tail: P ≈ x^a/Γ(a+1).
    let ln_x_lo = (p.ln() + gammaln(a + 1.0)) / a;
    if lower && ln_x_lo < -745.0 {
        return 0.0;
    }
    let x0 = if lower && (a < 1.0 || ln_x_lo < (0.2 * a).ln()) {
        ln_x_lo.exp()
    } else if !lower && a < 1.0 {
        // Upper tail, Q ≈ x^(a-1) e^(-x)/Γ(a): a few fixed-point steps.
        let c = -q.ln() - lga;
        let mut x = c.max(1.0);
        for _ in 0..4 {
            x = (c + (a - 1.0) * x.ln()).max(0.5);
        }
        x
    } else {
        // Wilson–Hilferty: (x/a)^(1/3) is nearly normal.
        let z = if lower { ndtri(p) } else { -ndtri(q) };
        let s = 1.0 - 1.0 / (9.0 * a) + z / (3.0 * a.sqrt());
        if s > 0.05 {
            a * s * s * s
        } else {
            ln_x_lo.exp()
        }
    };
    let (u, step) = newton_increasing(x0.ln(), |u| {
        let x = u.exp();
        // x·dP/dx = x^a e^(-x)/Γ(a)
        let xdens = (a * u - x - lga).exp();
        if lower {
            let pp = gammainc(a, x);
            ((pp / p).ln(), xdens / pp)
        } else {
            let qq = gammaincc(a, x);
            (-(qq / q).ln(), xdens / qq)
        }
    });
    // x = e^(u - δ), with δ applied to e^u as a relative correction
    u.exp() * (-step).exp()
}

/// Inverse of the regularized incomplete beta function: `x` with
/// `I_x(a, b) = y`.
///
/// SciPy: `scipy.special.betaincinv`. NaN for `a ≤ 0`, `b ≤ 0`, `y ∉ [0, 1]`
/// or NaN input; `0` at `y = 0`, `1` at `y = 1`; `1` for `a = ∞` and `0` for
/// `b = ∞` (the distribution's point mass).
///
/// ```text
/// betaincinv(a, b, y) = x  with  I_x(a, b) = 1/B(a, b) ∫₀^x t^(a-1) (1-t)^(b-1) dt = y
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{betainc, betaincinv};
/// // I_x(a, 1) = x^a
/// assert!((betaincinv(3.0, 1.0, 0.125) - 0.5).abs() < 1e-15);
/// let x = betaincinv(0.5, 40.0, 1e-100);
/// assert!((betainc(0.5, 40.0, x) / 1e-100 - 1.0).abs() < 1e-13);
/// ```
pub fn betaincinv(a: f64, b: f64, y: f64) -> f64 {
    match beta_inv_domain(a, b, y, 1.0 - y) {
        Some(v) => v,
        None => beta_inv(a, b, y, 1.0 - y).0,
    }
}

/// Inverse of the complemented regularized incomplete beta function: `x`
/// with `1 - I_x(a, b) = y`.
///
/// SciPy: `scipy.special.betainccinv`. Conventions as [`betaincinv`] with the
/// ends swapped. Accurate for tiny `y`.
///
/// ```text
/// betainccinv(a, b, y) = x  with  1 - I_x(a, b) = I_{1-x}(b, a) = y
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{betaincc, betainccinv};
/// // 1 - I_x(1, b) = (1-x)^b
/// assert!((betainccinv(1.0, 2.0, 0.25) - 0.5).abs() < 1e-15);
/// let x = betainccinv(30.0, 2.5, 0.01);
/// assert!((betaincc(30.0, 2.5, x) / 0.01 - 1.0).abs() < 1e-13);
/// ```
pub fn betainccinv(a: f64, b: f64, y: f64) -> f64 {
    match beta_inv_domain(a, b, 1.0 - y, y) {
        Some(v) => v,
        None => beta_inv(a, b, 1.0 - y, y).0,
    }
}

/// `Some(x)` for the boundary cases of the beta inverses (`q = 1 - p`).
fn beta_inv_domain(a: f64, b: f64, p: f64, q: f64) -> Option<f64> {
    if !(a > 0.0 && b > 0.0 && (0.0..=1.0).contains(&p) && (0.0..=1.0).contains(&q)) {
        return Some(f64::NAN);
    }
    if p == 0.0 {
        return Some(0.0);
    }
    if q == 0.0 {
        return Some(1.0);
    }
    if a == f64::INFINITY {
        return Some(if b == f64::INFINITY { f64::NAN } else { 1.0 });
    }
    if b == f64::INFINITY {
        return Some(0.0);
    }
    None
}

/// `(x, 1 - x)` with `I_x(a, b) = p` and `1 - I_x(a, b) = q` (`p + q = 1`,
/// the smaller carries the accuracy); both components to full relative
/// accuracy. `0 < a, b < ∞`, `0 < p, q < 1`.
pub(crate) fn beta_inv(a: f64, b: f64, p: f64, q: f64) -> (f64, f64) {
    let r = beta_inv_full(a, b, p, q);
    (r[0], r[1])
}

/// `[x, 1 - x, ln x, ln(1 - x)]` for [`beta_inv`]; the logarithms stay finite
/// where `x` or `1 - x` underflows (there the tail's power law is exact to
/// double precision).
pub(crate) fn beta_inv_full(a: f64, b: f64, p: f64, q: f64) -> [f64; 4] {
    let lower = p <= q;
    let lb = betaln(a, b);
    // Power laws of the two tails: I ≈ x^a/(a B), 1 - I ≈ (1-x)^b/(b B).
    let ln_x_lo = (p.ln() + a.ln() + lb) / a;
    let ln_y_hi = (q.ln() + b.ln() + lb) / b;
    if ln_x_lo < -700.0 {
        let x = ln_x_lo.exp();
        return [x, 1.0 - x, ln_x_lo, -x];
    }
    if ln_y_hi < -700.0 {
        let y = ln_y_hi.exp();
        return [1.0 - y, y, -y, ln_y_hi];
    }
    // Initial guess as a logit t = ln(x/(1-x)).
    let t0 = if ln_x_lo < -2.0 && (lower || a < 1.0) {
        ln_x_lo - (-ln_x_lo.exp()).ln_1p()
    } else if ln_y_hi < -2.0 && (!lower || b < 1.0) {
        (-ln_y_hi.exp()).ln_1p() - ln_y_hi
    } else if a >= 1.0 && b >= 1.0 {
        // Abramowitz–Stegun 26.5.22: x = a/(a + b e^(2w)), z the normal quantile
        let z = if lower { -ndtri(p) } else { ndtri(q) };
        let lam = (z * z - 3.0) / 6.0;
        let h = 2.0 / (1.0 / (2.0 * a - 1.0) + 1.0 / (2.0 * b - 1.0));
        let w = z * (h + lam).sqrt() / h
            - (1.0 / (2.0 * b - 1.0) - 1.0 / (2.0 * a - 1.0)) * (lam + 5.0 / 6.0 - 2.0 / (3.0 * h));
        (a / b).ln() - 2.0 * w
    } else {
        (a / b).ln()
    };
    let (t, step) = newton_increasing(t0, |t| {
        let (ln_x, ln_y) = logit_logs(t);
        let (x, y) = (ln_x.exp(), ln_y.exp());
        // x(1-x)·dI/dx = x^a (1-x)^b / B(a, b)
        let dens = (a * ln_x + b * ln_y - lb).exp();
        // Evaluate at the smaller of x, 1-x so neither is rounded.
        let (i, ic) = if x <= 0.5 {
            if lower {
                (betainc(a, b, x), 0.0)
            } else {
                (0.0, betaincc(a, b, x))
            }
        } else if lower {
            (betaincc(b, a, y), 0.0)
        } else {
            (0.0, betainc(b, a, y))
        };
        if lower {
            ((i / p).ln(), dens / i)
        } else {
            (-(ic / q).ln(), dens / ic)
        }
    });
    // dx/dt = x(1-x): apply the last step δ to both x and 1-x
    let (ln_x, ln_y) = logit_logs(t);
    let (x, y) = (ln_x.exp(), ln_y.exp());
    [
        x * (1.0 - y * step),
        y * (1.0 + x * step),
        ln_x + (-y * step).ln_1p(),
        ln_y + (x * step).ln_1p(),
    ]
}

/// `(ln x, ln(1-x))` for `x = 1/(1 + e^(-t))`, without overflow for any `t`.
fn logit_logs(t: f64) -> (f64, f64) {
    if t < 0.0 {
        let l = t.exp().ln_1p();
        (t - l, -l)
    } else {
        let l = (-t).exp().ln_1p();
        (-l, -t - l)
    }
}
