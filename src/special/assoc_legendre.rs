//! Associated Legendre functions of the first kind on the cut `[-1, 1]`
//! (Ferrers functions, Condon–Shortley phase): `lpmv` of real degree, and
//! the all-degrees / all-orders tables `legendre_p_all`,
//! `assoc_legendre_p_all` with first and second derivatives (`diff_n`) and,
//! for real `z > 1`, the type-3 functions (`branch_cut=3`).
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

/// SciPy's `branch_cut` keyword of [`assoc_legendre_p_all_with`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BranchCut {
    /// `branch_cut=2`: Ferrers' functions on `[-1, 1]`,
    /// `P_n^m = (-1)^m (1-z²)^{m/2} d^m P_n/dz^m`.
    #[default]
    Type2,
    /// `branch_cut=3`: `P_n^m = (z²-1)^{m/2} d^m P_n/dz^m` for real `z > 1`
    /// (no Condon–Shortley phase); NaN elsewhere for `m ≠ 0` as SciPy (the
    /// value is complex), except at `z = 1`, which takes the type-2 limits.
    Type3,
}

/// Options of [`assoc_legendre_p_all_with`]: SciPy's keywords.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AssocLegendreOptions {
    /// `norm=True`: normalize so that `∫_{-1}^{1} (P_n^m)² dx = 1`.
    pub norm: bool,
    /// `diff_n`: also return the first (`1`) or first and second (`2`)
    /// derivatives in `z`, as further layers of the first axis. SciPy raises
    /// for `diff_n > 2`; here those layers are NaN.
    pub diff_n: usize,
    /// `branch_cut`: which function off the cut.
    pub branch_cut: BranchCut,
}

/// Options of [`legendre_p_all_with`]: SciPy's keyword.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LegendrePOptions {
    /// `diff_n`: derivatives in `z` up to this order (0, 1 or 2) as further
    /// rows; NaN rows past 2 (SciPy raises).
    pub diff_n: usize,
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
    legendre_p_all_with(n, z, &LegendrePOptions::default())
}

/// [`legendre_p_all`] with SciPy's `diff_n`: shape `(diff_n + 1, n + 1)`,
/// row `d` holding `d^d P_j/dz^d`.
///
/// The derivatives follow `P'_{j+1} = P'_{j-1} + (2j+1) P_j` (and the same
/// one order up), which needs no division by `1 - z²` and so holds at
/// `z = ±1` too: `P_j'(1) = j(j+1)/2`.
///
/// # Examples
/// ```
/// use ferrosci::special::{legendre_p_all_with, LegendrePOptions};
/// let p = legendre_p_all_with(3, 0.5, &LegendrePOptions { diff_n: 2, ..Default::default() });
/// // P_3 = (5z³ - 3z)/2: P_3' = (15z² - 3)/2, P_3'' = 15z
/// assert!((p[[1, 3]] - (15.0 * 0.25 - 3.0) / 2.0).abs() < 1e-15);
/// assert!((p[[2, 3]] - 7.5).abs() < 1e-15);
/// ```
pub fn legendre_p_all_with(n: usize, z: f64, opts: &LegendrePOptions) -> Array2<f64> {
    let layers = opts.diff_n + 1;
    let mut out = Array2::zeros((layers, n + 1));
    let col = legendre_column(n, z, opts.diff_n.min(2));
    for (d, c) in col.iter().enumerate() {
        for (o, &v) in out.row_mut(d).iter_mut().zip(c) {
            *o = v;
        }
    }
    for d in 3..layers {
        out.row_mut(d).fill(f64::NAN);
    }
    out
}

/// `P_j(z)` and its derivatives up to order `diff` (`≤ 2`), `j = 0…n`.
fn legendre_column(n: usize, z: f64, diff: usize) -> Vec<Vec<f64>> {
    let mut rows = vec![vec![0.0; n + 1]; diff + 1];
    let (mut prev, mut cur) = (0.0, 1.0);
    for (j, r) in rows[0].iter_mut().enumerate() {
        *r = cur;
        let jf = j as f64;
        let next = ((2.0 * jf + 1.0) * z * cur - jf * prev) / (jf + 1.0);
        prev = cur;
        cur = next;
    }
    for d in 1..=diff {
        // D^d P_{j+1} = D^d P_{j-1} + (2j+1) D^{d-1} P_j
        for j in 0..n {
            let below = if j == 0 { 0.0 } else { rows[d][j - 1] };
            rows[d][j + 1] = below + (2.0 * j as f64 + 1.0) * rows[d - 1][j];
        }
    }
    rows
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

/// [`assoc_legendre_p_all`] with SciPy's keywords (`norm`, `diff_n`,
/// `branch_cut` for real `z`). Shape `(diff_n + 1, n + 1, 2m + 1)`.
///
/// Normalized (`norm=True`): `P̄_j^k = √((2j+1)/2 · (j-k)!/(j+k)!) P_j^k`,
/// run by the normalized recurrences so that large degrees do not overflow;
/// `P̄_j^{-k} = (-1)^k P̄_j^k` (type 3: `P̄_j^{-k} = P̄_j^k`).
///
/// Derivatives: order 0 by the Legendre recurrence of
/// [`legendre_p_all_with`]; `k ≠ 0` by `(z²-1) dP_j^k/dz = j z P_j^k -
/// (j+k) P_{j-1}^k` and the Legendre equation for the second. At `z = ±1`
/// they are the one-sided limits: finite for even `k` (zero once `k > 2d`),
/// `±∞` where `k` is odd and `k < 2d`, with the sign of the limit (SciPy
/// returns `+∞` for some of these where the limit is `-∞`, e.g. `k = 1`, `j = 2`,
/// second derivative at `z = -1`, and `-0.25` for `P_3^{-2}''(1) = -0.75`).
///
/// # Examples
/// ```
/// use ferrosci::special::{assoc_legendre_p_all_with, AssocLegendreOptions, BranchCut};
/// let opts = AssocLegendreOptions { norm: true, ..Default::default() };
/// let p = assoc_legendre_p_all_with(2, 1, 0.5, &opts);
/// assert!((p[[0, 0, 0]] - 0.5f64.sqrt()).abs() < 1e-16); // P̄_0^0 = 1/√2
/// // P_1^1 = -√(1-z²), so d/dz P_1^1 = z/√(1-z²)
/// let opts = AssocLegendreOptions { diff_n: 1, ..Default::default() };
/// let p = assoc_legendre_p_all_with(1, 1, 0.6, &opts);
/// assert!((p[[1, 1, 1]] - 0.75).abs() < 1e-15);
/// // type 3 off the cut: P_1^1(2) = √3
/// let opts = AssocLegendreOptions { branch_cut: BranchCut::Type3, ..Default::default() };
/// let p = assoc_legendre_p_all_with(1, 1, 2.0, &opts);
/// assert!((p[[0, 1, 1]] - 3f64.sqrt()).abs() < 1e-15);
/// ```
pub fn assoc_legendre_p_all_with(
    n: usize,
    m: usize,
    z: f64,
    opts: &AssocLegendreOptions,
) -> Array3<f64> {
    let cols = 2 * m + 1;
    let diff = opts.diff_n.min(2);
    let mut out = Array3::zeros((opts.diff_n + 1, n + 1, cols));
    let type3 = opts.branch_cut == BranchCut::Type3 && z > 1.0;
    // (1 - z²)^{1/2} (type 2, NaN off the cut) or (z² - 1)^{1/2} (type 3)
    let (s, phase) = if type3 {
        (((z - 1.0) * (z + 1.0)).sqrt(), 1.0)
    } else if opts.branch_cut == BranchCut::Type3 && z < 1.0 {
        (f64::NAN, -1.0)
    } else {
        (sqrt_1mx2(z), -1.0)
    };
    let endpoint = z.abs() == 1.0 && s.is_finite();
    let order0 = legendre_column(n, z, diff);
    // diagonal entry P_k^k (or P̄_k^k), updated as k grows
    let mut diag = if opts.norm { 0.5f64.sqrt() } else { 1.0 };
    for k in 0..=m.min(n) {
        let kf = k as f64;
        if k > 0 {
            diag *= phase
                * s
                * if opts.norm {
                    ((2.0 * kf + 1.0) / (2.0 * kf)).sqrt()
                } else {
                    2.0 * kf - 1.0
                };
        }
        // P_j^k for j = k…n
        let mut vals = vec![0.0; n + 1];
        let (mut prev, mut cur) = (0.0, diag);
        for (j, v) in vals.iter_mut().enumerate().skip(k) {
            *v = cur;
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
            prev = cur;
            cur = next;
        }
        // (j-k)!/(j+k)! for the negative order, updated along j
        let mut ratio = (1..=2 * k).fold(1.0, |r, i| r / i as f64);
        for j in k..=n {
            let jf = j as f64;
            // normalization of P_j^k (1 when not normalized)
            let c = |jj: f64| {
                if opts.norm {
                    ((2.0 * jj + 1.0) / 2.0 * ratio_fact(jj, kf)).sqrt()
                } else {
                    1.0
                }
            };
            let mut layer = [vals[j], 0.0, 0.0];
            if k == 0 {
                for (d, l) in layer.iter_mut().enumerate().take(diff + 1).skip(1) {
                    // SciPy: NaN derivatives at NaN z (legendre_p_all keeps P_1' = 1)
                    *l = if z.is_nan() && j > 0 {
                        f64::NAN
                    } else {
                        order0[d][j] * c(jf)
                    };
                }
            } else if endpoint {
                for (d, l) in layer.iter_mut().enumerate().take(diff + 1).skip(1) {
                    *l = endpoint_derivative(j, k, d, z) * c(jf);
                }
            } else if diff >= 1 {
                let below = if j > k { vals[j - 1] } else { 0.0 };
                // (j+k) P_{j-1}^k in the normalized scale
                let lower = if opts.norm {
                    ((2.0 * jf + 1.0) * (jf * jf - kf * kf) / (2.0 * jf - 1.0)).sqrt() * below
                } else {
                    (jf + kf) * below
                };
                let w = (z - 1.0) * (z + 1.0);
                layer[1] = (jf * z * vals[j] - lower) / w;
                if diff == 2 {
                    layer[2] =
                        (2.0 * z * layer[1] - (jf * (jf + 1.0) + kf * kf / w) * vals[j]) / -w;
                }
            }
            let sign = if k % 2 == 1 && !type3 { -1.0 } else { 1.0 };
            let f = if opts.norm { sign } else { sign * ratio };
            for (d, &v) in layer.iter().enumerate().take(diff + 1) {
                out[[d, j, k]] = v;
                if k > 0 {
                    out[[d, j, cols - k]] = f * v;
                }
            }
            ratio *= (jf + 1.0 - kf) / (jf + 1.0 + kf);
        }
    }
    for d in 3..=opts.diff_n {
        out.index_axis_mut(ndarray::Axis(0), d).fill(f64::NAN);
    }
    out
}

/// `(j-k)!/(j+k)!`.
fn ratio_fact(j: f64, k: f64) -> f64 {
    let mut r = 1.0;
    let mut i = j - k + 1.0;
    while i <= j + k {
        r /= i;
        i += 1.0;
    }
    r
}

/// `d^d P_n^{(e)}(z)` at `z = ±1`: `(±1)^{n+e} (n+e)!/(2^e e! (n-e)!)`, the
/// `e`-th derivative of the Legendre polynomial.
fn legendre_deriv_at_end(n: usize, e: usize, z: f64) -> f64 {
    if e > n {
        return 0.0;
    }
    let mut v = 1.0;
    for i in 0..e {
        // (n+e)!/(n-e)! / (2^e e!) = Π_{i<e} (n-i)(n+1+i) / (2(i+1))
        v *= ((n - i) * (n + 1 + i)) as f64 / (2.0 * (i + 1) as f64);
    }
    if z < 0.0 && (n + e) % 2 == 1 { -v } else { v }
}

/// `d^d/dz^d P_n^k` at `z = ±1` for `k ≥ 1`, `d ∈ {1, 2}` (type 2, the
/// one-sided limit): with `P_n^k = (-1)^k (1-z²)^{k/2} h`, `h = P_n^{(k)}`.
fn endpoint_derivative(n: usize, k: usize, d: usize, z: f64) -> f64 {
    if k > n {
        return 0.0;
    }
    let sgn = if k % 2 == 1 { -1.0 } else { 1.0 };
    let h = sgn * legendre_deriv_at_end(n, k, z);
    if k.is_multiple_of(2) {
        // (1-z²)^j h with j = k/2: derivatives of the polynomial at ±1
        return match (k, d) {
            (2, 1) => -2.0 * z * h,
            (2, 2) => -2.0 * h - 4.0 * z * sgn * legendre_deriv_at_end(n, k + 1, z),
            (4, 2) => 8.0 * h,
            _ => 0.0,
        };
    }
    if k > 2 * d {
        return 0.0;
    }
    // leading term h · d^d (1-z²)^{k/2} ~ h c (1-z²)^{k/2-d}, c of the sign
    // of -k z (d = 1) or of (k/2)(k/2 - 1) (d = 2)
    let c = if d == 1 {
        -z
    } else if k == 1 {
        -1.0
    } else {
        1.0
    };
    (h * c).signum() * f64::INFINITY
}
