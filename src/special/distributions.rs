//! Distribution helpers of `scipy.special` (the cdfs `scipy.stats` builds on),
//! each a one-line reduction to the regularized incomplete gamma or beta
//! function, with SciPy's domain conventions.

use super::erf::ndtr;
use super::incomplete::{betainc, betaincc, gammainc, gammaincc};

/// Chi-square cdf with `v` degrees of freedom: `P(v/2, x/2)`.
///
/// SciPy: `scipy.special.chdtr`. NaN for `x < 0` or `v < 0`.
///
/// ```text
/// chdtr(v, x) = gammainc(v/2, x/2)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::chdtr;
/// assert!((chdtr(2.0, 2.0) - (1.0 - (-1.0f64).exp())).abs() < 1e-15);
/// ```
pub fn chdtr(v: f64, x: f64) -> f64 {
    gammainc(0.5 * v, 0.5 * x)
}

/// Chi-square survival function: `Q(v/2, x/2)`.
///
/// SciPy: `scipy.special.chdtrc`.
///
/// ```text
/// chdtrc(v, x) = gammaincc(v/2, x/2)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::chdtrc;
/// assert!((chdtrc(2.0, 40.0) / (-20.0f64).exp() - 1.0).abs() < 1e-14);
/// ```
pub fn chdtrc(v: f64, x: f64) -> f64 {
    gammaincc(0.5 * v, 0.5 * x)
}

/// Gamma distribution cdf with rate `a` and shape `b`: `P(b, a·x)`.
///
/// SciPy: `scipy.special.gdtr`. NaN for `a < 0` or `x < 0`.
///
/// ```text
/// gdtr(a, b, x) = gammainc(b, a x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::gdtr;
/// assert!((gdtr(2.0, 1.0, 1.5) - (1.0 - (-3.0f64).exp())).abs() < 1e-16);
/// ```
pub fn gdtr(a: f64, b: f64, x: f64) -> f64 {
    if a < 0.0 || x < 0.0 {
        return f64::NAN;
    }
    gammainc(b, a * x)
}

/// Gamma distribution survival function: `Q(b, a·x)`.
///
/// SciPy: `scipy.special.gdtrc`.
///
/// ```text
/// gdtrc(a, b, x) = gammaincc(b, a x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gdtr, gdtrc};
/// assert!((gdtr(1.5, 2.5, 0.7) + gdtrc(1.5, 2.5, 0.7) - 1.0).abs() < 1e-15);
/// ```
pub fn gdtrc(a: f64, b: f64, x: f64) -> f64 {
    if a < 0.0 || x < 0.0 {
        return f64::NAN;
    }
    gammaincc(b, a * x)
}

/// Poisson cdf: `P(N ≤ k)` for mean `m`, `k` truncated to an integer.
///
/// SciPy: `scipy.special.pdtr`. NaN for `k < 0` or `m < 0`.
///
/// ```text
/// pdtr(k, m) = gammaincc(⌊k⌋ + 1, m)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::pdtr;
/// let m = 1.5f64;
/// assert!((pdtr(1.0, m) - (-m).exp() * (1.0 + m)).abs() < 1e-15);
/// ```
pub fn pdtr(k: f64, m: f64) -> f64 {
    if k < 0.0 || m < 0.0 || k.is_nan() {
        return f64::NAN;
    }
    gammaincc(k.floor() + 1.0, m)
}

/// Poisson survival function `P(N > k)`.
///
/// SciPy: `scipy.special.pdtrc`.
///
/// ```text
/// pdtrc(k, m) = gammainc(⌊k⌋ + 1, m)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{pdtr, pdtrc};
/// assert!((pdtr(2.7, 1.5) + pdtrc(2.7, 1.5) - 1.0).abs() < 1e-15);
/// ```
pub fn pdtrc(k: f64, m: f64) -> f64 {
    if k < 0.0 || m < 0.0 || k.is_nan() {
        return f64::NAN;
    }
    gammainc(k.floor() + 1.0, m)
}

/// Whether `p` is a probability.
#[inline(always)]
fn is_prob(p: f64) -> bool {
    (0.0..=1.0).contains(&p)
}

/// Binomial cdf: `P(X ≤ k)` for `n` trials with success probability `p`.
///
/// SciPy: `scipy.special.bdtr`. `k` and `n` are truncated; NaN for `k < 0`, `k > n`
/// or `p ∉ [0, 1]`; 1 for `k = n`.
///
/// ```text
/// bdtr(k, n, p) = I_{1-p}(n - k, k + 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::bdtr;
/// // P(X ≤ 1) for X ~ Bin(3, 1/2) = 1/8 + 3/8
/// assert!((bdtr(1.0, 3.0, 0.5) - 0.5).abs() < 1e-16);
/// ```
pub fn bdtr(k: f64, n: f64, p: f64) -> f64 {
    let n = n.floor();
    if k.is_nan() || n.is_nan() || !is_prob(p) {
        return f64::NAN;
    }
    let k = k.floor();
    if k < 0.0 || k > n {
        return f64::NAN;
    }
    if k == n {
        return 1.0;
    }
    betainc(n - k, k + 1.0, 1.0 - p)
}

/// Binomial survival function `P(X > k)`.
///
/// SciPy: `scipy.special.bdtrc`. 1 for `k < 0` (as SciPy), 0 for `k ≥ n`.
///
/// ```text
/// bdtrc(k, n, p) = I_p(k + 1, n - k)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{bdtr, bdtrc};
/// assert!((bdtr(2.0, 10.0, 0.3) + bdtrc(2.0, 10.0, 0.3) - 1.0).abs() < 1e-15);
/// ```
pub fn bdtrc(k: f64, n: f64, p: f64) -> f64 {
    let n = n.floor();
    if k.is_nan() || n.is_nan() || !is_prob(p) {
        return f64::NAN;
    }
    let k = k.floor();
    if k < 0.0 {
        return 1.0;
    }
    if k >= n {
        return if k == n { 0.0 } else { f64::NAN };
    }
    betainc(k + 1.0, n - k, p)
}

/// F distribution cdf with `dfn`, `dfd` degrees of freedom.
///
/// SciPy: `scipy.special.fdtr`. NaN for `x < 0` or non-positive degrees of freedom.
///
/// ```text
/// fdtr(dfn, dfd, x) = I_{dfn·x/(dfd + dfn·x)}(dfn/2, dfd/2)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::fdtr;
/// // F(2, 2): cdf = x/(1+x)
/// assert!((fdtr(2.0, 2.0, 3.0) - 0.75).abs() < 1e-15);
/// ```
pub fn fdtr(dfn: f64, dfd: f64, x: f64) -> f64 {
    if !(dfn > 0.0 && dfd > 0.0 && x >= 0.0) {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 1.0;
    }
    let w = dfn * x;
    betainc(0.5 * dfn, 0.5 * dfd, w / (dfd + w))
}

/// F distribution survival function.
///
/// SciPy: `scipy.special.fdtrc`.
///
/// ```text
/// fdtrc(dfn, dfd, x) = I_{dfd/(dfd + dfn·x)}(dfd/2, dfn/2)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::fdtrc;
/// assert!((fdtrc(2.0, 2.0, 3.0) - 0.25).abs() < 1e-15);
/// ```
pub fn fdtrc(dfn: f64, dfd: f64, x: f64) -> f64 {
    if !(dfn > 0.0 && dfd > 0.0 && x >= 0.0) {
        return f64::NAN;
    }
    if x == f64::INFINITY {
        return 0.0;
    }
    betainc(0.5 * dfd, 0.5 * dfn, dfd / (dfd + dfn * x))
}

/// Negative binomial cdf: `P(X ≤ k)` failures before the `n`-th success.
///
/// SciPy: `scipy.special.nbdtr`. `k` and `n` truncated to integers; NaN for `k < 0`, `n ≤ 0` or `p ∉ [0, 1]`.
///
/// ```text
/// nbdtr(k, n, p) = I_p(n, k + 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::nbdtr;
/// // k = 0: P = p^n
/// assert!((nbdtr(0.0, 3.0, 0.4) - 0.064).abs() < 1e-16);
/// ```
pub fn nbdtr(k: f64, n: f64, p: f64) -> f64 {
    let n = n.floor();
    if !(k >= 0.0 && n > 0.0 && is_prob(p)) {
        return f64::NAN;
    }
    betainc(n, k.floor() + 1.0, p)
}

/// Negative binomial survival function.
///
/// SciPy: `scipy.special.nbdtrc`.
///
/// ```text
/// nbdtrc(k, n, p) = 1 - I_p(n, k + 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{nbdtr, nbdtrc};
/// assert!((nbdtr(2.0, 3.0, 0.4) + nbdtrc(2.0, 3.0, 0.4) - 1.0).abs() < 1e-15);
/// ```
pub fn nbdtrc(k: f64, n: f64, p: f64) -> f64 {
    let n = n.floor();
    if !(k >= 0.0 && n > 0.0 && is_prob(p)) {
        return f64::NAN;
    }
    betaincc(n, k.floor() + 1.0, p)
}

/// Student's t cdf with `df` degrees of freedom.
///
/// SciPy: `scipy.special.stdtr`. NaN for `df ≤ 0`; the normal cdf for `df = ∞`.
///
/// ```text
/// stdtr(df, t) = 1/2 + sign(t)/2 · I_{t²/(df+t²)}(1/2, df/2)
///              = 1 - I_{df/(df+t²)}(df/2, 1/2)/2   (t > 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::stdtr;
/// // df = 1 is the Cauchy distribution: 1/2 + atan(t)/π
/// let t = 0.7f64;
/// assert!((stdtr(1.0, t) - (0.5 + t.atan() / std::f64::consts::PI)).abs() < 1e-15);
/// ```
pub fn stdtr(df: f64, t: f64) -> f64 {
    if df.is_nan() || df <= 0.0 || t.is_nan() {
        return f64::NAN;
    }
    if df == f64::INFINITY {
        return ndtr(t);
    }
    if t.is_infinite() {
        return if t > 0.0 { 1.0 } else { 0.0 };
    }
    let t2 = t * t;
    if t.abs() < 1.0 && t2 < df {
        // central form: the result stays within [0.16, 0.84], so 1/2 ± half
        // does not cancel
        let half = 0.5 * betainc(0.5, 0.5 * df, t2 / (df + t2));
        if t < 0.0 { 0.5 - half } else { 0.5 + half }
    } else {
        let tail = 0.5 * betainc(0.5 * df, 0.5, df / (df + t2));
        if t < 0.0 { tail } else { 1.0 - tail }
    }
}
