//! Associated Legendre functions of the first kind on the cut `[-1, 1]`
//! (Ferrers functions, Condon–Shortley phase): `lpmv` of real degree, and
//! the all-degrees / all-orders tables `legendre_p_all`,
//! `assoc_legendre_p_all`.
//!
//! Integer degree: the diagonal `P_m^m = (-1)^m (2m-1)!! (1-x²)^{m/2}`, then
//! the degree recurrence `(n-m) P_n^m = (2n-1) x P_{n-1}^m - (n+m-1)
//! P_{n-2}^m`, which is stable upward for `|x| ≤ 1`. Real degree: the
//! hypergeometric form (DLMF 14.3.1, `μ = m`)
//!
//! ```text
//! P_ν^m(x) = (-1)^m (ν-m+1)_{2m} / (2^m m!) (1-x²)^{m/2} 2F1(m-ν, m+ν+1; m+1; (1-x)/2)
//! ```
//!
//! at the two degrees `ν₀ - 1` and `ν₀ = ν - ⌊ν - m⌋` (where the series has
//! small parameters), then the same recurrence up to `ν`; next to `x = -1`
//! (`(ν+m+1)²(1+x) ≤ 8`), where that recurrence amplifies rounding, the
//! hypergeometric form at `ν` itself.

use super::beta::poch;
use super::hypergeometric::{hyp2f1, hyp2f1_split};
use super::kernels::{is_odd, sinpi};
use ndarray::{Array2, Array3};

/// Degrees past this would run the recurrence for longer than the module allows.
const MAX_STEPS: f64 = 2e7;

/// `(1 - x²)^{1/2}` without cancelling next to `±1`.
fn sqrt_1mx2(x: f64) -> f64 {
    ((1.0 - x) * (1.0 + x)).sqrt()
}

/// `P_ν^m(x)` from the hypergeometric form, `m ≥ 0`, `|x| < 1`.
fn p_hyp(m: f64, v: f64, x: f64) -> f64 {
    // 1 - (1-x)/2 = (1+x)/2, exact next to x = -1 where it matters
    let f = hyp2f1_split(
        m - v,
        m + v + 1.0,
        m + 1.0,
        0.5 * (1.0 - x),
        0.5 * (1.0 + x),
    );
    if m == 0.0 {
        return f;
    }
    let mut c = poch(v - m + 1.0, 2.0 * m);
    let s = sqrt_1mx2(x);
    let mut k = 1.0;
    while k <= m {
        c *= -0.5 * s / k;
        k += 1.0;
    }
    c * f
}

/// Runs the degree recurrence from `(P_{ν₀}^m, P_{ν₀+1}^m)` for `steps`
/// steps; returns `P_{ν₀+steps}^m`.
fn recur_degree(m: f64, v0: f64, x: f64, p0: f64, p1: f64, steps: u64) -> f64 {
    if steps == 0 {
        return p0;
    }
    let (mut prev, mut cur) = (p0, p1);
    for k in 1..steps {
        let n = v0 + k as f64 + 1.0;
        let next = ((2.0 * n - 1.0) * x * cur - (n + m - 1.0) * prev) / (n - m);
        prev = cur;
        cur = next;
    }
    cur
}

/// `P_ν^m(x)` for integer `m ≥ 0`, `ν ≥ -1/2`, `|x| ≤ 1`.
fn lpmv_nonneg(m: f64, v: f64, x: f64) -> f64 {
    if x == 1.0 {
        return if m == 0.0 { 1.0 } else { 0.0 };
    }
    if v == v.floor() {
        if m > v {
            return 0.0;
        }
        // diagonal P_m^m, then upward in degree
        let s = sqrt_1mx2(x);
        let mut pmm = 1.0;
        let mut k = 1.0;
        while k <= m {
            pmm *= -(2.0 * k - 1.0) * s;
            k += 1.0;
        }
        let p1 = (2.0 * m + 1.0) * x * pmm;
        return recur_degree(m, m, x, pmm, p1, (v - m) as u64);
    }
    if x == -1.0 {
        // P_ν^m(x) → ∓∞ as x → -1 for non-integer ν, with the sign of
        // -sin(νπ) (DLMF 14.8.1-3 through P_ν^m(-x) = cos((ν+m)π) P_ν^m(x)
        // - (2/π) sin((ν+m)π) Q_ν^m(x))
        return -sinpi(v).signum() * f64::INFINITY;
    }
    // Next to x = -1 the degree recurrence amplifies its starting values'
    // rounding, while `2F1` at `(1-x)/2` near 1 is its log-case series in
    // `(1+x)/2` (DLMF 15.8.10), which converges fast when `ν²(1+x)` is small.
    let near_minus_one = x < 0.0 && (v + m + 1.0).powi(2) * (1.0 + x) <= 8.0;
    if v < m + 1.0 || near_minus_one {
        return p_hyp(m, v, x);
    }
    // start at ν₀ - 1 and ν₀ (ν₀ ∈ [m, m+1)): `2F1` parameters `m - ν` in
    // (-1, 1], where its connection formula near 1 is accurate
    let steps = (v - m).floor();
    let v0 = v - steps;
    let p0 = p_hyp(m, v0 - 1.0, x);
    let p1 = p_hyp(m, v0, x);
    recur_degree(m, v0 - 1.0, x, p0, p1, steps as u64 + 1)
}

/// Associated Legendre function `P_v^m(x)` of integer order and real degree.
///
/// SciPy: `scipy.special.lpmv(m, v, x)`. Ferrers' function on `[-1, 1]` with
/// the Condon–Shortley phase `(-1)^m`; NaN for non-integer `m` or `|x| > 1`;
/// `±∞` at `x = -1` for non-integer `v`. `P_{-v-1}^m = P_v^m`. Negative
/// orders use `P_v^{-m} = (-1)^m Γ(v-m+1)/Γ(v+m+1) P_v^m`, or where that
/// is `0·∞` (integer `v < m`) the hypergeometric form (SciPy: NaN there).
/// Cost is linear in `|m|` and `v - m`; NaN past `2·10⁷` steps.
///
/// ```text
/// P_v^m(x) = (-1)^m (1-x²)^{m/2} d^m/dx^m P_v(x)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::lpmv;
/// let x = 0.3f64;
/// // P_2^1(x) = -3x √(1-x²)
/// assert!((lpmv(1.0, 2.0, x) + 3.0 * x * (1.0 - x * x).sqrt()).abs() < 1e-15);
/// // P_v^0 at x = 1 is 1 for every degree
/// assert_eq!(lpmv(0.0, 2.5, 1.0), 1.0);
/// ```
pub fn lpmv(m: f64, v: f64, x: f64) -> f64 {
    if m.is_nan() || v.is_nan() || x.is_nan() || m != m.floor() || x.abs() > 1.0 {
        return f64::NAN;
    }
    if v.is_infinite() || m.is_infinite() {
        return f64::NAN;
    }
    let v = if v < -0.5 { -v - 1.0 } else { v };
    if (v - m.abs()).abs() > MAX_STEPS || m.abs() > MAX_STEPS {
        return f64::NAN;
    }
    if m >= 0.0 {
        return lpmv_nonneg(m, v, x);
    }
    let mu = -m;
    let sign = if is_odd(mu) { -1.0 } else { 1.0 };
    if v == v.floor() && mu > v {
        // P_v^{-μ}(x) = ((1-x)/(1+x))^{μ/2} 2F1(-v, v+1; μ+1; (1-x)/2) / μ!
        if x == -1.0 {
            return f64::INFINITY * hyp2f1(-v, v + 1.0, mu + 1.0, 1.0).signum();
        }
        let f = hyp2f1_split(-v, v + 1.0, mu + 1.0, 0.5 * (1.0 - x), 0.5 * (1.0 + x));
        let r = ((1.0 - x) / (1.0 + x)).sqrt();
        let mut c = 1.0;
        let mut k = 1.0;
        while k <= mu {
            c *= r / k;
            k += 1.0;
        }
        return c * f;
    }
    sign / poch(v - mu + 1.0, 2.0 * mu) * lpmv_nonneg(mu, v, x)
}

/// Options of [`assoc_legendre_p_all_with`]: SciPy's keywords.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssocLegendreOptions {
    /// `norm=True`: normalize so that `∫_{-1}^{1} (P_n^m)² dx = 1`.
    pub norm: bool,
}

/// All Legendre polynomials `P_0(z), …, P_n(z)`.
///
/// SciPy: `scipy.special.legendre_p_all(n, z)` (`diff_n=0`): shape
/// `(1, n + 1)`, entry `[0, j]` is `P_j(z)`. Any real `z` (the polynomials);
/// NaN for NaN `z`.
///
/// ```text
/// (j+1) P_{j+1}(z) = (2j+1) z P_j(z) - j P_{j-1}(z),  P_0 = 1, P_1 = z
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{legendre_p_all, eval_legendre};
/// let p = legendre_p_all(4, 0.3);
/// assert_eq!(p.shape(), &[1, 5]);
/// assert!((p[[0, 3]] - eval_legendre(3.0, 0.3)).abs() < 1e-16);
/// ```
pub fn legendre_p_all(n: usize, z: f64) -> Array2<f64> {
    let mut out = Array2::zeros((1, n + 1));
    let (mut prev, mut cur) = (0.0, 1.0);
    for j in 0..=n {
        out[[0, j]] = cur;
        let jf = j as f64;
        let next = ((2.0 * jf + 1.0) * z * cur - jf * prev) / (jf + 1.0);
        prev = cur;
        cur = next;
    }
    out
}

/// All associated Legendre functions `P_j^k(z)`, `0 ≤ j ≤ n`, `|k| ≤ m`.
///
/// SciPy: `scipy.special.assoc_legendre_p_all(n, m, z)` (`diff_n=0`,
/// `branch_cut=2`, `norm=False`). Shape `(1, n + 1, 2m + 1)`; entry
/// `[0, j, k]` is order `k` for `k ≤ m` and order `k - (2m + 1)` (negative)
/// above, numpy's negative indexing. Zero where `|k| > j`. For `|z| > 1` the
/// order-0 column holds the Legendre polynomials and the others are NaN
/// where non-zero, as SciPy.
///
/// ```text
/// P_j^{-k} = (-1)^k (j-k)!/(j+k)! P_j^k
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{assoc_legendre_p_all, lpmv};
/// let p = assoc_legendre_p_all(3, 2, 0.3);
/// assert_eq!(p.shape(), &[1, 4, 5]);
/// assert!((p[[0, 3, 2]] - lpmv(2.0, 3.0, 0.3)).abs() < 1e-15);
/// assert!((p[[0, 3, 4]] - lpmv(-1.0, 3.0, 0.3)).abs() < 1e-15); // k = -1
/// ```
pub fn assoc_legendre_p_all(n: usize, m: usize, z: f64) -> Array3<f64> {
    assoc_legendre_p_all_with(n, m, z, &AssocLegendreOptions::default())
}

/// [`assoc_legendre_p_all`] with SciPy's keywords (`norm`).
///
/// Normalized (`norm=True`): `P̄_j^k = √((2j+1)/2 · (j-k)!/(j+k)!) P_j^k`,
/// run by the normalized recurrences so that large degrees do not overflow;
/// `P̄_j^{-k} = (-1)^k P̄_j^k`.
///
/// # Examples
/// ```
/// use ferrosci::special::{assoc_legendre_p_all_with, AssocLegendreOptions};
/// let opts = AssocLegendreOptions { norm: true };
/// let p = assoc_legendre_p_all_with(2, 1, 0.5, &opts);
/// assert!((p[[0, 0, 0]] - 0.5f64.sqrt()).abs() < 1e-16); // P̄_0^0 = 1/√2
/// ```
pub fn assoc_legendre_p_all_with(
    n: usize,
    m: usize,
    z: f64,
    opts: &AssocLegendreOptions,
) -> Array3<f64> {
    let cols = 2 * m + 1;
    let mut out = Array3::zeros((1, n + 1, cols));
    let s = sqrt_1mx2(z); // NaN for |z| > 1
    // diagonal entry P_k^k (or P̄_k^k), updated as k grows
    let mut diag = if opts.norm { 0.5f64.sqrt() } else { 1.0 };
    for k in 0..=m.min(n) {
        let kf = k as f64;
        if k > 0 {
            diag *= if opts.norm {
                -((2.0 * kf + 1.0) / (2.0 * kf)).sqrt() * s
            } else {
                -(2.0 * kf - 1.0) * s
            };
        }
        let (mut prev, mut cur) = (0.0, diag);
        // (j-k)!/(j+k)! for the negative order, updated along j
        let mut ratio = (1..=2 * k).fold(1.0, |r, i| r / i as f64);
        for j in k..=n {
            out[[0, j, k]] = cur;
            if k > 0 {
                let sign = if k % 2 == 1 { -1.0 } else { 1.0 };
                let neg = if opts.norm { cur } else { cur * ratio };
                out[[0, j, cols - k]] = sign * neg;
            }
            let jf = j as f64;
            let next = if opts.norm {
                let a = |d: f64| ((4.0 * d * d - 1.0) / (d * d - kf * kf)).sqrt();
                let a1 = a(jf + 1.0);
                if j == k {
                    a1 * z * cur
                } else {
                    a1 * (z * cur - prev / a(jf))
                }
            } else {
                ((2.0 * jf + 1.0) * z * cur - (jf + kf) * prev) / (jf + 1.0 - kf)
            };
            ratio *= (jf + 1.0 - kf) / (jf + 1.0 + kf);
            prev = cur;
            cur = next;
        }
    }
    out
}
