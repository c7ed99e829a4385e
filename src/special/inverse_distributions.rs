//! Quantile functions of `scipy.special`'s distribution helpers, each a
//! reduction to [`gamma_inv`] or [`beta_inv`], which return `x` and `1 - x`
//! to full relative accuracy from whichever tail probability is smaller.

use super::erf::ndtri;
use super::inverse_incomplete::{beta_inv, beta_inv_full, gamma_inv, gammaincinv};

/// Whether `p` is a probability.
fn is_prob(p: f64) -> bool {
    (0.0..=1.0).contains(&p)
}

/// Inverse of [`chdtrc`](super::chdtrc) in `x`: the chi-square value whose
/// survival probability is `p`.
///
/// SciPy: `scipy.special.chdtri`. NaN for `v ≤ 0`, `v = ∞` or `p ∉ [0, 1]`;
/// `∞` at `p = 0` and `0` at `p = 1`.
///
/// ```text
/// chdtri(v, p) = 2·gammainccinv(v/2, p)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::chdtri;
/// // v = 2: the survival function is e^(-x/2)
/// assert!((chdtri(2.0, 0.1) - (-2.0 * 0.1f64.ln())).abs() < 1e-14);
/// ```
pub fn chdtri(v: f64, p: f64) -> f64 {
    if !(v > 0.0 && v < f64::INFINITY && is_prob(p)) {
        return f64::NAN;
    }
    match p {
        0.0 => f64::INFINITY,
        1.0 => 0.0,
        _ => 2.0 * gamma_inv(0.5 * v, 1.0 - p, p),
    }
}

/// Inverse of [`gdtr`](super::gdtr) in `x`: the gamma distribution quantile
/// for rate `a` and shape `b`.
///
/// SciPy: `scipy.special.gdtrix`. NaN for `b ≤ 0` or `p ∉ [0, 1]`; like
/// SciPy, a non-positive rate just scales the result (`∞` for `a = 0`).
///
/// ```text
/// gdtrix(a, b, p) = gammaincinv(b, p) / a
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gdtr, gdtrix};
/// let x = gdtrix(2.0, 3.5, 0.3);
/// assert!((gdtr(2.0, 3.5, x) - 0.3).abs() < 1e-15);
/// ```
pub fn gdtrix(a: f64, b: f64, p: f64) -> f64 {
    if b.is_nan() || b <= 0.0 {
        return f64::NAN;
    }
    gammaincinv(b, p) / a
}

/// Inverse of [`pdtr`](super::pdtr) in `m`: the Poisson mean for which
/// `P(N ≤ k) = y`.
///
/// SciPy: `scipy.special.pdtri`. `k` is truncated to an integer; NaN for
/// `k < 0`, `k = ∞` or `y ∉ [0, 1)`; `∞` at `y = 0`.
///
/// ```text
/// pdtri(k, y) = gammainccinv(⌊k⌋ + 1, y)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::pdtri;
/// // k = 0: P(N = 0) = e^(-m)
/// assert!((pdtri(0.0, 0.5) - 2f64.ln()).abs() < 1e-15);
/// ```
pub fn pdtri(k: f64, y: f64) -> f64 {
    if !((0.0..f64::INFINITY).contains(&k) && (0.0..1.0).contains(&y)) {
        return f64::NAN;
    }
    if y == 0.0 {
        return f64::INFINITY;
    }
    gamma_inv(k.floor() + 1.0, 1.0 - y, y)
}

/// Inverse of [`bdtr`](super::bdtr) in `p`: the success probability for
/// which `P(X ≤ k) = y` with `X ~ Bin(n, p)`.
///
/// SciPy: `scipy.special.bdtri`. `k` and `n` are truncated to integers; NaN
/// for `k < 0`, `k ≥ n` or `y ∉ [0, 1]`; `1` at `y = 0` and `0` at `y = 1`.
///
/// ```text
/// bdtri(k, n, y) = p  with  I_{1-p}(n - k, k + 1) = y
///                       =  betainccinv(k + 1, n - k, y)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::bdtri;
/// // k = 0: P(X = 0) = (1 - p)^n
/// assert!((bdtri(0.0, 3.0, 0.125) - 0.5).abs() < 1e-15);
/// ```
pub fn bdtri(k: f64, n: f64, y: f64) -> f64 {
    let (k, n) = (k.floor(), n.floor());
    if !(k >= 0.0 && k < n && n < f64::INFINITY && is_prob(y)) {
        return f64::NAN;
    }
    match y {
        0.0 => 1.0,
        1.0 => 0.0,
        _ => beta_inv(k + 1.0, n - k, 1.0 - y, y).0,
    }
}

/// Inverse of [`nbdtr`](super::nbdtr) in `p`: the success probability for
/// which at most `k` failures precede the `n`-th success with probability `y`.
///
/// SciPy: `scipy.special.nbdtri`. `k` and `n` are truncated to integers; NaN
/// for `k < 0`, `n ≤ 0` or `y ∉ [0, 1]`.
///
/// ```text
/// nbdtri(k, n, y) = betaincinv(n, k + 1, y)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::nbdtri;
/// // k = 0: P = p^n
/// assert!((nbdtri(0.0, 3.0, 0.064) - 0.4).abs() < 1e-15);
/// ```
pub fn nbdtri(k: f64, n: f64, y: f64) -> f64 {
    let (k, n) = (k.floor(), n.floor());
    if !((0.0..f64::INFINITY).contains(&k) && n > 0.0 && n < f64::INFINITY && is_prob(y)) {
        return f64::NAN;
    }
    match y {
        0.0 => 0.0,
        1.0 => 1.0,
        _ => beta_inv(n, k + 1.0, y, 1.0 - y).0,
    }
}

/// Inverse of [`fdtr`](super::fdtr) in `x`: the F distribution quantile.
///
/// SciPy: `scipy.special.fdtri`. NaN for non-positive or infinite degrees of
/// freedom and `p ∉ [0, 1]`; `0` at `p = 0`, `∞` at `p = 1`.
///
/// ```text
/// fdtri(dfn, dfd, p) = dfd·w / (dfn·(1 - w)),   w = betaincinv(dfn/2, dfd/2, p)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::fdtri;
/// // F(2, 2): cdf x/(1+x)
/// assert!((fdtri(2.0, 2.0, 0.75) - 3.0).abs() < 1e-14);
/// ```
pub fn fdtri(dfn: f64, dfd: f64, p: f64) -> f64 {
    let finite_pos = |d: f64| d > 0.0 && d < f64::INFINITY;
    if !(finite_pos(dfn) && finite_pos(dfd) && is_prob(p)) {
        return f64::NAN;
    }
    match p {
        0.0 => 0.0,
        1.0 => f64::INFINITY,
        _ => {
            let [w, wc, ln_w, ln_wc] = beta_inv_full(0.5 * dfn, 0.5 * dfd, p, 1.0 - p);
            if w > 1e-300 && wc > 1e-300 {
                (dfd / dfn) * (w / wc)
            } else {
                (dfd / dfn) * (ln_w - ln_wc).exp()
            }
        }
    }
}

/// Inverse of [`stdtr`](super::stdtr) in `t`: Student's t quantile.
///
/// SciPy: `scipy.special.stdtrit`. NaN for `df ≤ 0` or `p ∉ [0, 1]`; the
/// normal quantile for `df = ∞`; `±∞` at `p = 1`, `p = 0` (SciPy returns `+∞`
/// at `p = 0`, a sign slip that ferrosci does not copy).
///
/// ```text
/// stdtrit(df, p) = t  with  stdtr(df, t) = p;
/// for p < 1/2:  t = -√(df (1-z)/z),  z = betaincinv(df/2, 1/2, 2p)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::stdtrit;
/// // df = 1 (Cauchy): t = tan(π(p - 1/2))
/// let p = 0.9f64;
/// assert!((stdtrit(1.0, p) - (std::f64::consts::PI * (p - 0.5)).tan()).abs() < 1e-14);
/// ```
pub fn stdtrit(df: f64, p: f64) -> f64 {
    if !(df > 0.0 && is_prob(p)) {
        return f64::NAN;
    }
    if df == f64::INFINITY {
        return ndtri(p);
    }
    match p {
        0.0 => return f64::NEG_INFINITY,
        1.0 => return f64::INFINITY,
        0.5 => return 0.0,
        _ => {}
    }
    // Two-sided tail probability 2·min(p, 1-p) and its complement |1 - 2p|
    // (both exact for p ∈ [1/4, 3/4]).
    let tail = if p < 0.5 { p } else { 1.0 - p };
    let (two, rest) = (
        2.0 * tail,
        if p < 0.5 {
            1.0 - 2.0 * p
        } else {
            2.0 * p - 1.0
        },
    );
    // z = df/(df + t²) has I_z(df/2, 1/2) = 2·tail
    // t = √(df (1-z)/z); in logarithms where z underflows (t past ~1e150)
    let [z, zc, ln_z, ln_zc] = beta_inv_full(0.5 * df, 0.5, two, rest);
    let t = if z > 1e-300 {
        df.sqrt() * (zc / z).sqrt()
    } else {
        (0.5 * (df.ln() + ln_zc - ln_z)).exp()
    };
    if p < 0.5 { -t } else { t }
}
