//! cdflib-style inverses of `scipy.special`'s distribution functions in a
//! shape, rate, count, degrees-of-freedom or noncentrality parameter.
//! Which of SciPy's exist is listed in the `special` module docs.
//!
//! Each cdf is monotone in the parameter: the root is bracketed by steps that
//! double in `ln x` (or `asinh t` for the real-line `t` of [`nctdtrit`]) and
//! then found by [`illinois`] to a few ulp. Past `p = 1/2` the survival
//! function is solved instead where it is available, so the upper tail keeps
//! its relative accuracy. Conventions: NaN for NaN input, `p ∉ [0, 1]` or a
//! parameter outside its domain; at `p = 0` or `1` the limit of the parameter
//! (`0`, `∞`, or the finite end of its range); NaN where no parameter value
//! attains `p` (SciPy returns its internal search bound there, e.g. `-1e100`,
//! `1e10` or `2.2e-308`).

use super::distributions::stdtr;
use super::incomplete::{betainc, betaincc, gammainc, gammaincc};
use super::inverse_incomplete::gamma_inv;
use super::kernels::illinois;
use super::noncentral::{LAM_MAX, chndtr, ncfdtr, nctdtr};

/// How the bracket search moves through the parameter's range.
#[derive(Clone, Copy)]
enum Scale {
    /// `x > 0`, steps in `ln x`.
    Log,
    /// `x ∈ ℝ`, steps in `asinh x`.
    Asinh,
}

impl Scale {
    fn forward(self, x: f64) -> f64 {
        match self {
            Scale::Log => x.ln(),
            Scale::Asinh => x.asinh(),
        }
    }
    fn inverse(self, u: f64) -> f64 {
        match self {
            Scale::Log => u.exp(),
            Scale::Asinh => u.sinh(),
        }
    }
}

/// Root of the increasing `g` in `[lo, hi]`, searched from `x0`; NaN when `g`
/// keeps one sign up to the ends of the range (or is NaN).
fn solve(g: impl Fn(f64) -> f64, x0: f64, lo: f64, hi: f64, scale: Scale) -> f64 {
    let r0 = g(x0);
    if r0 == 0.0 {
        return x0;
    }
    if r0.is_nan() {
        return f64::NAN;
    }
    let dir = if r0 < 0.0 { 1.0 } else { -1.0 };
    let (mut a, mut ra) = (x0, r0);
    let mut step = 1.0;
    // 2^11 in ln x spans the doubles; a few more for the asinh scale.
    for _ in 0..14 {
        let b = scale.inverse(scale.forward(a) + dir * step).clamp(lo, hi);
        let rb = g(b);
        if rb.is_nan() {
            return f64::NAN;
        }
        if rb == 0.0 {
            return b;
        }
        if (rb > 0.0) != (ra > 0.0) {
            return refine(&g, (a, ra), (b, rb), scale);
        }
        if b == lo || b == hi {
            return f64::NAN;
        }
        (a, ra) = (b, rb);
        step *= 2.0;
    }
    f64::NAN
}

/// Illinois on the bracket `[a, b]`, after bisecting (in the search scale)
/// while one end's residual is below 1e-3 of the other's: with a cdf that
/// underflows at one end (`g = -p` there) the secant step would not move.
fn refine(g: &impl Fn(f64) -> f64, a: (f64, f64), b: (f64, f64), scale: Scale) -> f64 {
    let ((mut a, mut ra), (mut b, mut rb)) = (a, b);
    // 30 halvings leave the rest to Illinois, bounding the cost
    for _ in 0..30 {
        let (small, large) = (ra.abs().min(rb.abs()), ra.abs().max(rb.abs()));
        if small >= 1e-3 * large {
            break;
        }
        let m = scale.inverse(0.5 * (scale.forward(a) + scale.forward(b)));
        if m == a || m == b {
            break;
        }
        let rm = g(m);
        if rm.is_nan() {
            return f64::NAN;
        }
        if rm == 0.0 {
            return m;
        }
        if (rm > 0.0) == (ra > 0.0) {
            (a, ra) = (m, rm);
        } else {
            (b, rb) = (m, rm);
        }
    }
    illinois(g, a, b, ra, rb)
}

/// Smallest positive parameter tried: cdfs in a parameter below it are at
/// their limit to double precision.
const TINY: f64 = 1e-300;
const HUGE: f64 = 1e300;

fn is_prob(p: f64) -> bool {
    (0.0..=1.0).contains(&p)
}

/// `cdf(x) - p` where `p ≤ 1/2`, else `(1 - p) - sf(x)`: increasing when `cdf`
/// is; `sign = -1` turns a decreasing cdf into an increasing residual.
fn residual(
    p: f64,
    sign: f64,
    cdf: impl Fn(f64) -> f64,
    sf: impl Fn(f64) -> f64,
) -> impl Fn(f64) -> f64 {
    move |x| {
        if p <= 0.5 {
            sign * (cdf(x) - p)
        } else {
            sign * ((1.0 - p) - sf(x))
        }
    }
}

/// Degrees of freedom of Student's t for which `stdtr(df, t) = p`.
///
/// SciPy: `scipy.special.stdtridf(p, t)`. NaN at `t = 0` (every `df` gives
/// `1/2`) and where `p` lies outside the range `stdtr(·, t)` covers
/// (between `stdtr(0⁺, t) = 1/2` and `ndtr(t)`); SciPy returns its search
/// bound (`-1e100`, `1e10`) there.
///
/// ```text
/// stdtridf(p, t) = df  with  stdtr(df, t) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{stdtr, stdtridf};
/// let df = stdtridf(0.8, 1.2);
/// assert!((stdtr(df, 1.2) - 0.8).abs() < 1e-15);
/// ```
pub fn stdtridf(p: f64, t: f64) -> f64 {
    if !(is_prob(p) && t.is_finite() && t != 0.0) {
        return f64::NAN;
    }
    let sign = t.signum();
    let g = residual(p, sign, |df| stdtr(df, t), |df| stdtr(df, -t));
    solve(g, 1.0, TINY, HUGE, Scale::Log)
}

/// Degrees of freedom of the chi-square distribution for which
/// `chdtr(v, x) = p`.
///
/// SciPy: `scipy.special.chdtriv(p, x)`. NaN for `x ≤ 0`; `∞` at `p = 0`,
/// `0` at `p = 1`.
///
/// ```text
/// chdtriv(p, x) = v  with  P(v/2, x/2) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{chdtr, chdtriv};
/// let v = chdtriv(0.3, 2.0);
/// assert!((chdtr(v, 2.0) - 0.3).abs() < 1e-15);
/// ```
pub fn chdtriv(p: f64, x: f64) -> f64 {
    if !(is_prob(p) && x > 0.0 && x < f64::INFINITY) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::INFINITY,
        1.0 => 0.0,
        _ => {
            let g = residual(
                p,
                -1.0,
                |v| gammainc(0.5 * v, 0.5 * x),
                |v| gammaincc(0.5 * v, 0.5 * x),
            );
            solve(g, x, TINY, HUGE, Scale::Log)
        }
    }
}

/// Shape `a` of the beta distribution for which `I_x(a, b) = p`.
///
/// SciPy: `scipy.special.btdtria(p, b, x)`. NaN for `b ≤ 0` or
/// `x ∉ (0, 1)`; `∞` at `p = 0`, `0` at `p = 1` (SciPy: `2.2e-308`).
///
/// ```text
/// btdtria(p, b, x) = a  with  betainc(a, b, x) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{betainc, btdtria};
/// let a = btdtria(0.4, 2.0, 0.3);
/// assert!((betainc(a, 2.0, 0.3) - 0.4).abs() < 1e-15);
/// ```
pub fn btdtria(p: f64, b: f64, x: f64) -> f64 {
    if !(is_prob(p) && b > 0.0 && b < f64::INFINITY && x > 0.0 && x < 1.0) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::INFINITY,
        1.0 => 0.0,
        _ => {
            let g = residual(p, -1.0, |a| betainc(a, b, x), |a| betaincc(a, b, x));
            solve(g, 1.0, TINY, HUGE, Scale::Log)
        }
    }
}

/// Shape `b` of the beta distribution for which `I_x(a, b) = p`.
///
/// SciPy: `scipy.special.btdtrib(a, p, x)`. NaN for `a ≤ 0` or
/// `x ∉ (0, 1)`; `0` at `p = 0` (SciPy: `2.2e-308`), `∞` at `p = 1`.
///
/// ```text
/// btdtrib(a, p, x) = b  with  betainc(a, b, x) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{betainc, btdtrib};
/// let b = btdtrib(2.0, 0.4, 0.3);
/// assert!((betainc(2.0, b, 0.3) - 0.4).abs() < 1e-15);
/// ```
pub fn btdtrib(a: f64, p: f64, x: f64) -> f64 {
    if !(is_prob(p) && a > 0.0 && a < f64::INFINITY && x > 0.0 && x < 1.0) {
        return f64::NAN;
    }
    match p {
        0.0 => 0.0,
        1.0 => f64::INFINITY,
        _ => {
            let g = residual(p, 1.0, |b| betainc(a, b, x), |b| betaincc(a, b, x));
            solve(g, 1.0, TINY, HUGE, Scale::Log)
        }
    }
}

/// Rate `a` of the gamma distribution for which `gdtr(a, b, x) = p`.
///
/// SciPy: `scipy.special.gdtria(p, b, x)`. NaN for `b ≤ 0` or `x ≤ 0`;
/// `0` at `p = 0`, `∞` at `p = 1`. Closed form, no search.
///
/// ```text
/// gdtria(p, b, x) = gammaincinv(b, p) / x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gdtr, gdtria};
/// let a = gdtria(0.4, 2.0, 3.0);
/// assert!((gdtr(a, 2.0, 3.0) - 0.4).abs() < 1e-15);
/// ```
pub fn gdtria(p: f64, b: f64, x: f64) -> f64 {
    if !(is_prob(p) && b > 0.0 && b < f64::INFINITY && x > 0.0 && x < f64::INFINITY) {
        return f64::NAN;
    }
    match p {
        0.0 => 0.0,
        1.0 => f64::INFINITY,
        _ => gamma_inv(b, p, 1.0 - p) / x,
    }
}

/// Shape `b` of the gamma distribution for which `gdtr(a, b, x) = p`.
///
/// SciPy: `scipy.special.gdtrib(a, p, x)`. NaN for `a ≤ 0` or `x ≤ 0`
/// (SciPy: `0` at `x = 0`); `∞` at `p = 0`, `0` at `p = 1`.
///
/// ```text
/// gdtrib(a, p, x) = b  with  P(b, a·x) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gdtr, gdtrib};
/// let b = gdtrib(1.0, 0.4, 3.0);
/// assert!((gdtr(1.0, b, 3.0) - 0.4).abs() < 1e-15);
/// ```
pub fn gdtrib(a: f64, p: f64, x: f64) -> f64 {
    let ax = a * x;
    if !(is_prob(p) && a > 0.0 && x > 0.0 && ax < f64::INFINITY) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::INFINITY,
        1.0 => 0.0,
        _ => {
            let g = residual(p, -1.0, |b| gammainc(b, ax), |b| gammaincc(b, ax));
            solve(g, ax.max(TINY), TINY, HUGE, Scale::Log)
        }
    }
}

/// Continuous count `k` for which the Poisson cdf `pdtr(k, m) = p`.
///
/// SciPy: `scipy.special.pdtrik(p, m)`. NaN for `m < 0`; `0` where
/// `p ≤ e^{-m}` (the cdf at `k = 0`), `∞` at `p = 1` (SciPy: NaN).
///
/// ```text
/// pdtrik(p, m) = k  with  Q(k + 1, m) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gammaincc, pdtrik};
/// let k = pdtrik(0.5, 3.0);
/// assert!((gammaincc(k + 1.0, 3.0) - 0.5).abs() < 1e-15);
/// ```
pub fn pdtrik(p: f64, m: f64) -> f64 {
    if !(is_prob(p) && (0.0..f64::INFINITY).contains(&m)) {
        return f64::NAN;
    }
    if p <= (-m).exp() {
        return 0.0;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let g = residual(p, 1.0, |k| gammaincc(k + 1.0, m), |k| gammainc(k + 1.0, m));
    solve(g, m.max(1.0), 0.0, HUGE, Scale::Log)
}

/// Continuous number of successes `k` for which the binomial cdf
/// `bdtr(k, n, pr) = p`.
///
/// SciPy: `scipy.special.bdtrik(p, n, pr)`. NaN for `n < 0` or
/// `pr ∉ [0, 1]`; `0` where `p ≤ (1 - pr)^n` (the cdf at `k = 0`), `n` at
/// `p = 1` (SciPy: NaN at `pr = 0`, `n` to 1e-10 at `pr = 1`).
///
/// ```text
/// bdtrik(p, n, pr) = k  with  I_{1-pr}(n - k, k + 1) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{betaincc, bdtrik};
/// let k = bdtrik(0.5, 10.0, 0.3);
/// assert!((betaincc(k + 1.0, 10.0 - k, 0.3) - 0.5).abs() < 1e-15);
/// ```
pub fn bdtrik(p: f64, n: f64, pr: f64) -> f64 {
    if !(is_prob(p) && (0.0..f64::INFINITY).contains(&n) && is_prob(pr)) {
        return f64::NAN;
    }
    if n == 0.0 || p <= (n * (-pr).ln_1p()).exp() {
        return 0.0;
    }
    if p == 1.0 || pr == 1.0 {
        return n;
    }
    // cdf(k) = I_{1-pr}(n-k, k+1) = 1 - I_pr(k+1, n-k); 1 at k = n
    let cdf = |k: f64| {
        if k >= n {
            1.0
        } else {
            betaincc(k + 1.0, n - k, pr)
        }
    };
    let sf = |k: f64| {
        if k >= n {
            0.0
        } else {
            betainc(k + 1.0, n - k, pr)
        }
    };
    solve(residual(p, 1.0, cdf, sf), n * pr, 0.0, n, Scale::Log)
}

/// Continuous number of trials `n` for which the binomial cdf
/// `bdtr(k, n, pr) = p`.
///
/// SciPy: `scipy.special.bdtrin(k, p, pr)`. NaN for `k < 0` or
/// `pr ∉ (0, 1]`; `∞` at `p = 0` (SciPy: its search bound), `k` at `p = 1`.
///
/// ```text
/// bdtrin(k, p, pr) = n  with  I_{1-pr}(n - k, k + 1) = p,   n ≥ k
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{bdtrin, betaincc};
/// let n = bdtrin(3.0, 0.5, 0.3);
/// assert!((betaincc(4.0, n - 3.0, 0.3) - 0.5).abs() < 1e-15);
/// ```
pub fn bdtrin(k: f64, p: f64, pr: f64) -> f64 {
    if !(is_prob(p) && (0.0..f64::INFINITY).contains(&k) && pr > 0.0 && pr <= 1.0) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::INFINITY,
        1.0 => k,
        _ => {
            // in s = n - k > 0: the cdf falls from 1 (s = 0) to 0
            let g = residual(
                p,
                -1.0,
                |s| betaincc(k + 1.0, s, pr),
                |s| betainc(k + 1.0, s, pr),
            );
            let s = solve(g, (k + 1.0) / pr, TINY, HUGE, Scale::Log);
            k + s
        }
    }
}

/// Continuous number of failures `k` for which the negative binomial cdf
/// `nbdtr(k, n, pr) = p`.
///
/// SciPy: `scipy.special.nbdtrik(p, n, pr)`. NaN for `n ≤ 0` or
/// `pr ∉ [0, 1]`; `0` where `p ≤ pr^n` (the cdf at `k = 0`), `∞` at `p = 1`
/// (SciPy: NaN).
///
/// ```text
/// nbdtrik(p, n, pr) = k  with  I_pr(n, k + 1) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{betainc, nbdtrik};
/// let k = nbdtrik(0.5, 3.0, 0.3);
/// assert!((betainc(3.0, k + 1.0, 0.3) - 0.5).abs() < 1e-15);
/// ```
pub fn nbdtrik(p: f64, n: f64, pr: f64) -> f64 {
    if !(is_prob(p) && n > 0.0 && n < f64::INFINITY && is_prob(pr)) {
        return f64::NAN;
    }
    if p <= pr.powf(n) {
        return 0.0;
    }
    if p == 1.0 || pr == 0.0 {
        return f64::INFINITY;
    }
    let g = residual(
        p,
        1.0,
        |k| betainc(n, k + 1.0, pr),
        |k| betaincc(n, k + 1.0, pr),
    );
    solve(g, (n * (1.0 - pr) / pr).max(1.0), 0.0, HUGE, Scale::Log)
}

/// Continuous number of successes `n` for which the negative binomial cdf
/// `nbdtr(k, n, pr) = p`.
///
/// SciPy: `scipy.special.nbdtrin(k, p, pr)`. NaN for `k < 0` or
/// `pr ∉ (0, 1)`; `∞` at `p = 0` (SciPy: its search bound), `0` at `p = 1`
/// (SciPy: NaN).
///
/// ```text
/// nbdtrin(k, p, pr) = n  with  I_pr(n, k + 1) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{betainc, nbdtrin};
/// let n = nbdtrin(3.0, 0.5, 0.3);
/// assert!((betainc(n, 4.0, 0.3) - 0.5).abs() < 1e-15);
/// ```
pub fn nbdtrin(k: f64, p: f64, pr: f64) -> f64 {
    if !(is_prob(p) && (0.0..f64::INFINITY).contains(&k) && pr > 0.0 && pr < 1.0) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::INFINITY,
        1.0 => 0.0,
        _ => {
            let g = residual(
                p,
                -1.0,
                |n| betainc(n, k + 1.0, pr),
                |n| betaincc(n, k + 1.0, pr),
            );
            solve(
                g,
                ((k + 1.0) * pr / (1.0 - pr)).max(TINY),
                TINY,
                HUGE,
                Scale::Log,
            )
        }
    }
}

/// Quantile of the noncentral chi-square distribution: `x` with
/// `chndtr(x, df, nc) = p`.
///
/// SciPy: `scipy.special.chndtrix(p, df, nc)`. NaN for `df ≤ 0` or `nc < 0`;
/// `0` at `p = 0`, `∞` at `p = 1`.
///
/// ```text
/// chndtrix(p, df, nc) = x  with  chndtr(x, df, nc) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{chndtr, chndtrix};
/// let x = chndtrix(0.5, 3.0, 2.0);
/// assert!((chndtr(x, 3.0, 2.0) - 0.5).abs() < 1e-15);
/// ```
pub fn chndtrix(p: f64, df: f64, nc: f64) -> f64 {
    if !(is_prob(p) && df > 0.0 && df < f64::INFINITY && (0.0..f64::INFINITY).contains(&nc)) {
        return f64::NAN;
    }
    match p {
        0.0 => 0.0,
        1.0 => f64::INFINITY,
        _ => solve(|x| chndtr(x, df, nc) - p, df + nc, TINY, HUGE, Scale::Log),
    }
}

/// Degrees of freedom of the noncentral chi-square distribution for which
/// `chndtr(x, df, nc) = p`.
///
/// SciPy: `scipy.special.chndtridf(x, p, nc)`. NaN for `x ≤ 0`, `nc < 0`,
/// `p ∉ (0, 1)` (as SciPy) and where no `df` attains `p`.
///
/// ```text
/// chndtridf(x, p, nc) = df  with  chndtr(x, df, nc) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{chndtr, chndtridf};
/// let df = chndtridf(4.0, 0.5, 2.0);
/// assert!((chndtr(4.0, df, 2.0) - 0.5).abs() < 1e-15);
/// ```
pub fn chndtridf(x: f64, p: f64, nc: f64) -> f64 {
    if !(p > 0.0 && p < 1.0 && x > 0.0 && x < f64::INFINITY && (0.0..f64::INFINITY).contains(&nc)) {
        return f64::NAN;
    }
    solve(
        |df| p - chndtr(x, df, nc),
        x.max(1.0),
        TINY,
        HUGE,
        Scale::Log,
    )
}

/// Noncentrality of the noncentral chi-square distribution for which
/// `chndtr(x, df, nc) = p`.
///
/// SciPy: `scipy.special.chndtrinc(x, df, p)`. NaN for `x ≤ 0`, `df ≤ 0`,
/// `p ∉ (0, 1)` (as SciPy), where `p > chdtr(df, x)` (no `nc ≥ 0`
/// attains it; SciPy: its search bound `5e-315`) and where the root lies past
/// `nc = 2e30`.
///
/// ```text
/// chndtrinc(x, df, p) = nc  with  chndtr(x, df, nc) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{chndtr, chndtrinc};
/// let nc = chndtrinc(4.0, 3.0, 0.3);
/// assert!((chndtr(4.0, 3.0, nc) - 0.3).abs() < 1e-15);
/// ```
pub fn chndtrinc(x: f64, df: f64, p: f64) -> f64 {
    if !(p > 0.0 && p < 1.0 && x > 0.0 && x < f64::INFINITY && df > 0.0 && df < f64::INFINITY) {
        return f64::NAN;
    }
    let at_zero = chndtr(x, df, 0.0);
    if p >= at_zero {
        return if p == at_zero { 0.0 } else { f64::NAN };
    }
    solve(
        |nc| p - chndtr(x, df, nc),
        x.max(1.0),
        0.0,
        NC_MAX,
        Scale::Log,
    )
}

/// Quantile of the noncentral t distribution: `t` with
/// `nctdtr(df, nc, t) = p`.
///
/// SciPy: `scipy.special.nctdtrit(df, nc, p)`. NaN for `df ≤ 0`,
/// infinite `nc` or subnormal `p` (SciPy can hang there); `-∞` at `p = 0` (SciPy: `+∞`), `∞` at `p = 1`.
///
/// ```text
/// nctdtrit(df, nc, p) = t  with  nctdtr(df, nc, t) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{nctdtr, nctdtrit};
/// let t = nctdtrit(3.0, 1.0, 0.3);
/// assert!((nctdtr(3.0, 1.0, t) - 0.3).abs() < 1e-15);
/// ```
pub fn nctdtrit(df: f64, nc: f64, p: f64) -> f64 {
    if !(is_prob(p) && df > 0.0 && nc.is_finite()) || (p > 0.0 && p < f64::MIN_POSITIVE) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::NEG_INFINITY,
        1.0 => f64::INFINITY,
        _ => solve(|t| nctdtr(df, nc, t) - p, nc, -HUGE, HUGE, Scale::Asinh),
    }
}

/// Quantile of the noncentral F distribution: `f` with
/// `ncfdtr(dfn, dfd, nc, f) = p`.
///
/// SciPy: `scipy.special.ncfdtri(dfn, dfd, nc, p)`. NaN for non-positive or
/// infinite degrees of freedom, `nc < 0`; `0` at `p = 0`, `∞` at `p = 1`.
///
/// ```text
/// ncfdtri(dfn, dfd, nc, p) = f  with  ncfdtr(dfn, dfd, nc, f) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{ncfdtr, ncfdtri};
/// let f = ncfdtri(3.0, 4.0, 1.0, 0.3);
/// assert!((ncfdtr(3.0, 4.0, 1.0, f) - 0.3).abs() < 1e-15);
/// ```
pub fn ncfdtri(dfn: f64, dfd: f64, nc: f64, p: f64) -> f64 {
    let dof = |d: f64| d > 0.0 && d < f64::INFINITY;
    if !(is_prob(p) && dof(dfn) && dof(dfd) && (0.0..f64::INFINITY).contains(&nc)) {
        return f64::NAN;
    }
    match p {
        0.0 => 0.0,
        1.0 => f64::INFINITY,
        _ => solve(
            |f| ncfdtr(dfn, dfd, nc, f) - p,
            1.0 + nc / dfn,
            TINY,
            HUGE,
            Scale::Log,
        ),
    }
}

/// Largest noncentrality searched by [`ncfdtrinc`]: past it the noncentral
/// cdfs return NaN (their spread is below the spacing of doubles).
const NC_MAX: f64 = 2.0 * LAM_MAX;

/// Noncentrality of the noncentral t distribution for which
/// `nctdtr(df, nc, t) = p`.
///
/// SciPy: `scipy.special.nctdtrinc(df, p, t)`. NaN for `df ≤ 0`, infinite
/// `t`, subnormal `p` (SciPy can hang there), and where the root lies past `|nc| = 1.4e15` (`nc²/2 = 1e30`); `∞` at `p = 0`, `-∞` at
/// `p = 1` (SciPy: its search bound `82.5`, and NaN).
///
/// ```text
/// nctdtrinc(df, p, t) = nc  with  nctdtr(df, nc, t) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{nctdtr, nctdtrinc};
/// let nc = nctdtrinc(3.0, 0.3, 1.0);
/// assert!((nctdtr(3.0, nc, 1.0) - 0.3).abs() < 1e-15);
/// ```
pub fn nctdtrinc(df: f64, p: f64, t: f64) -> f64 {
    if !(is_prob(p) && df > 0.0 && t.is_finite()) || (p > 0.0 && p < f64::MIN_POSITIVE) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::INFINITY,
        1.0 => f64::NEG_INFINITY,
        _ => {
            let max = NC_MAX.sqrt();
            solve(|nc| p - nctdtr(df, nc, t), t, -max, max, Scale::Asinh)
        }
    }
}

/// Noncentrality of the noncentral F distribution for which
/// `ncfdtr(dfn, dfd, nc, f) = p`.
///
/// SciPy: `scipy.special.ncfdtrinc(dfn, dfd, p, f)`. NaN for non-positive
/// or infinite degrees of freedom, `f ≤ 0`, `p = 1`, where
/// `p > fdtr(dfn, dfd, f)` (no `nc ≥ 0` attains it; SciPy: `0`) and where the
/// root lies past `nc = 2e30`; `∞` at `p = 0` (SciPy: its search bound).
///
/// ```text
/// ncfdtrinc(dfn, dfd, p, f) = nc  with  ncfdtr(dfn, dfd, nc, f) = p
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{ncfdtr, ncfdtrinc};
/// let nc = ncfdtrinc(3.0, 4.0, 0.3, 2.0);
/// assert!((ncfdtr(3.0, 4.0, nc, 2.0) - 0.3).abs() < 1e-15);
/// ```
pub fn ncfdtrinc(dfn: f64, dfd: f64, p: f64, f: f64) -> f64 {
    let dof = |d: f64| d > 0.0 && d < f64::INFINITY;
    if !(is_prob(p) && p < 1.0 && dof(dfn) && dof(dfd) && f > 0.0 && f < f64::INFINITY) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::INFINITY;
    }
    let at_zero = ncfdtr(dfn, dfd, 0.0, f);
    if p >= at_zero {
        return if p == at_zero { 0.0 } else { f64::NAN };
    }
    solve(
        |nc| p - ncfdtr(dfn, dfd, nc, f),
        1.0,
        0.0,
        NC_MAX,
        Scale::Log,
    )
}
