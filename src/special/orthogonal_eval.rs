//! Classical orthogonal polynomials of integer degree, evaluated by their
//! three-term recurrences (forward recurrence is the dominant solution for
//! every family here, so it is stable).
//!
//! SciPy's conventions for the integer-degree loop: negative degrees map to
//! a non-negative one where a reflection exists (`P_{-n-1} = P_n`,
//! `T_{-n} = T_n`, `U_{-n-2} = -U_n`), give 0 for Laguerre, Jacobi and
//! Gegenbauer, and NaN for Hermite. A NaN argument gives NaN except for the
//! constants SciPy returns without looking at `x` (`P_0 = P_{-1} = 1`,
//! `P_0^{(α,β)} = 1`, `U_{-1} = 0`). Parameters where SciPy's evaluation
//! breaks down return NaN as SciPy does. At `x = ±∞` the polynomial's limit is
//! returned (SciPy returns NaN for some families there).

use super::kernels::is_nonpositive_int;

/// Runs `p_{k+1} = (m_k p_k - c_k p_{k-1}) / d_k` for `k = 1..n-1` from `p0`,
/// `p1`, where `step(k) = (m_k, c_k, d_k)`; returns `p_n` (`n ≥ 1`).
///
/// Once a value overflows, the `m_k` term dominates (x lies beyond every
/// zero), so the infinity keeps the sign that term gives instead of turning
/// into `∞ - ∞ = NaN`.
#[inline(always)]
fn recur(n: u64, p0: f64, p1: f64, mut step: impl FnMut(f64) -> (f64, f64, f64)) -> f64 {
    let (mut prev, mut cur) = (p0, p1);
    for k in 1..n {
        let (m, c, d) = step(k as f64);
        let next = if cur.is_infinite() {
            cur * (m / d).signum()
        } else {
            (m * cur - c * prev) / d
        };
        prev = cur;
        cur = next;
    }
    cur
}

/// Legendre `P_n(x)` for `n ≥ 0`.
fn legendre(n: u64, x: f64) -> f64 {
    match n {
        0 => 1.0,
        _ => recur(n, 1.0, x, |k| ((2.0 * k + 1.0) * x, k, k + 1.0)),
    }
}

/// Legendre `P_n(1 - u)` for `n ≥ 0`, from the differences `d_k = P_k - P_{k-1}`:
///
/// ```text
/// (k+1) d_{k+1} = k d_k - (2k+1) u P_k
/// ```
///
/// Accurate near `x = 1` when `u` is exact: the plain recurrence would first
/// round `1 - u`, whose error `P_n` amplifies by `n²`.
fn legendre_1mu(n: u64, u: f64) -> f64 {
    let (mut p, mut d) = (1.0, 0.0);
    for k in 0..n {
        let k = k as f64;
        d = (k * d - (2.0 * k + 1.0) * u * p) / (k + 1.0);
        p += d;
    }
    p
}

/// Chebyshev `T_n(x)` for `n ≥ 0`.
fn chebyt(n: u64, x: f64) -> f64 {
    match n {
        0 => 1.0,
        _ => recur(n, 1.0, x, |_| (2.0 * x, 1.0, 1.0)),
    }
}

/// Chebyshev `U_n(x)` for any integer `n` (`U_{-1} = 0`, `U_{-n-2} = -U_n`).
fn chebyu(n: i64, x: f64) -> f64 {
    if n == -1 {
        return 0.0;
    }
    if n < -1 {
        return -chebyu(-(n + 2), x);
    }
    if x.is_nan() {
        return f64::NAN;
    }
    match n {
        0 => 1.0,
        _ => recur(n as u64, 1.0, 2.0 * x, |_| (2.0 * x, 1.0, 1.0)),
    }
}

/// Jacobi `P_n^{(α,β)}(x)` for `n ≥ 2` with a non-degenerate recurrence.
fn jacobi(n: u64, a: f64, b: f64, x: f64) -> f64 {
    let ab = a + b;
    let p1 = (a + 1.0) + (ab + 2.0) * (x - 1.0) * 0.5;
    // DLMF 18.9.2, with each coefficient divided by 2k+α+β+1 kept exact.
    recur(n, 1.0, p1, |k| {
        let s = 2.0 * k + ab;
        let m = (s + 1.0) * ((s + 2.0) * s * x + (a - b) * ab);
        let c = 2.0 * (k + a) * (k + b) * (s + 2.0);
        let d = 2.0 * (k + 1.0) * (k + ab + 1.0) * s;
        (m, c, d)
    })
}

/// Legendre polynomial `P_n(x)`.
///
/// Mirrors `scipy.special.eval_legendre` with an integer degree.
///
/// ```text
/// (n+1) P_{n+1}(x) = (2n+1) x P_n(x) - n P_{n-1}(x),  P_0 = 1, P_1 = x
/// P_{-n-1} = P_n
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_legendre;
/// // P_2(x) = (3x² - 1)/2
/// assert!((eval_legendre(2, 0.5) - (-0.125)).abs() < 1e-16);
/// assert_eq!(eval_legendre(-3, 0.5), eval_legendre(2, 0.5));
/// ```
pub fn eval_legendre(n: i64, x: f64) -> f64 {
    let n = if n < 0 { -(n + 1) } else { n };
    legendre(n as u64, x)
}

/// Shifted Legendre polynomial `P*_n(x) = P_n(2x - 1)`, orthogonal on `[0, 1]`.
///
/// Mirrors `scipy.special.eval_sh_legendre` with an integer degree.
///
/// # Examples
/// ```
/// use ferrosci::special::eval_sh_legendre;
/// // P*_1(x) = 2x - 1
/// assert_eq!(eval_sh_legendre(1, 0.75), 0.5);
/// ```
pub fn eval_sh_legendre(n: i64, x: f64) -> f64 {
    let n = if n < 0 { -(n + 1) } else { n } as u64;
    // `2x - 1` is exact on [1/4, 3/4]; outside, the distance to the nearer end
    // of [0, 1] (`2x` or `2(1 - x)`) is, and P_n is expanded about that end.
    if x < 0.25 {
        let p = legendre_1mu(n, 2.0 * x);
        if n % 2 == 1 { -p } else { p }
    } else if x > 0.75 {
        legendre_1mu(n, 2.0 * (1.0 - x))
    } else {
        legendre(n, 2.0 * x - 1.0)
    }
}

/// Chebyshev polynomial of the first kind `T_n(x)`.
///
/// Mirrors `scipy.special.eval_chebyt` with an integer degree.
///
/// ```text
/// T_{n+1}(x) = 2x T_n(x) - T_{n-1}(x),  T_0 = 1, T_1 = x;  T_n(cos θ) = cos nθ;  T_{-n} = T_n
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_chebyt;
/// let t = 0.3f64;
/// assert!((eval_chebyt(5, t.cos()) - (5.0 * t).cos()).abs() < 1e-15);
/// ```
pub fn eval_chebyt(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    chebyt(n.unsigned_abs(), x)
}

/// Chebyshev polynomial of the second kind `U_n(x)`.
///
/// Mirrors `scipy.special.eval_chebyu` with an integer degree.
///
/// ```text
/// U_{n+1}(x) = 2x U_n(x) - U_{n-1}(x),  U_0 = 1, U_1 = 2x;  U_n(cos θ) = sin((n+1)θ)/sin θ
/// U_{-1} = 0,  U_{-n-2} = -U_n
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_chebyu;
/// let t = 0.3f64;
/// assert!((eval_chebyu(4, t.cos()) - (5.0 * t).sin() / t.sin()).abs() < 1e-14);
/// ```
pub fn eval_chebyu(n: i64, x: f64) -> f64 {
    chebyu(n, x)
}

/// Chebyshev polynomial `S_n(x) = U_n(x/2)` on `[-2, 2]`.
///
/// Mirrors `scipy.special.eval_chebys` with an integer degree.
///
/// # Examples
/// ```
/// use ferrosci::special::eval_chebys;
/// // S_2(x) = x² - 1
/// assert_eq!(eval_chebys(2, 3.0), 8.0);
/// ```
pub fn eval_chebys(n: i64, x: f64) -> f64 {
    chebyu(n, 0.5 * x)
}

/// Chebyshev polynomial `C_n(x) = 2 T_n(x/2)` on `[-2, 2]`.
///
/// Mirrors `scipy.special.eval_chebyc` with an integer degree.
///
/// # Examples
/// ```
/// use ferrosci::special::eval_chebyc;
/// // C_2(x) = x² - 2
/// assert_eq!(eval_chebyc(2, 3.0), 7.0);
/// ```
pub fn eval_chebyc(n: i64, x: f64) -> f64 {
    if x.is_nan() {
        return f64::NAN;
    }
    2.0 * chebyt(n.unsigned_abs(), 0.5 * x)
}

/// Physicists' Hermite polynomial `H_n(x)`, orthogonal for the weight `e^{-x²}`.
///
/// Mirrors `scipy.special.eval_hermite` with an integer degree: NaN for `n < 0`.
///
/// ```text
/// H_{n+1}(x) = 2x H_n(x) - 2n H_{n-1}(x),  H_0 = 1, H_1 = 2x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_hermite;
/// // H_3(x) = 8x³ - 12x
/// assert_eq!(eval_hermite(3, 2.0), 40.0);
/// assert!(eval_hermite(-1, 2.0).is_nan());
/// ```
pub fn eval_hermite(n: i64, x: f64) -> f64 {
    match n {
        _ if x.is_nan() => f64::NAN,
        ..0 => f64::NAN,
        0 => 1.0,
        _ => recur(n as u64, 1.0, 2.0 * x, |k| (2.0 * x, 2.0 * k, 1.0)),
    }
}

/// Probabilists' Hermite polynomial `He_n(x)`, orthogonal for `e^{-x²/2}`.
///
/// Mirrors `scipy.special.eval_hermitenorm` with an integer degree: NaN for `n < 0`.
///
/// ```text
/// He_{n+1}(x) = x He_n(x) - n He_{n-1}(x),  He_0 = 1, He_1 = x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_hermitenorm;
/// // He_3(x) = x³ - 3x
/// assert_eq!(eval_hermitenorm(3, 2.0), 2.0);
/// ```
pub fn eval_hermitenorm(n: i64, x: f64) -> f64 {
    match n {
        _ if x.is_nan() => f64::NAN,
        ..0 => f64::NAN,
        0 => 1.0,
        _ => recur(n as u64, 1.0, x, |k| (x, k, 1.0)),
    }
}

/// Generalized Laguerre polynomial `L_n^{(α)}(x)`, orthogonal for `x^α e^{-x}` on `[0, ∞)`.
///
/// Mirrors `scipy.special.eval_genlaguerre` with an integer degree: 0 for
/// `n < 0`, NaN for `α ≤ -1` (SciPy's domain).
///
/// ```text
/// (n+1) L_{n+1} = (2n+1+α-x) L_n - (n+α) L_{n-1},  L_0 = 1, L_1 = 1 + α - x
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_genlaguerre;
/// // L_1^{(α)}(x) = 1 + α - x
/// assert_eq!(eval_genlaguerre(1, 2.5, 0.5), 3.0);
/// assert!(eval_genlaguerre(2, -1.0, 0.5).is_nan());
/// ```
pub fn eval_genlaguerre(n: i64, alpha: f64, x: f64) -> f64 {
    if alpha.is_nan() || alpha <= -1.0 || x.is_nan() {
        return f64::NAN;
    }
    match n {
        ..0 => 0.0,
        0 => 1.0,
        _ => recur(n as u64, 1.0, 1.0 + alpha - x, |k| {
            (2.0 * k + 1.0 + alpha - x, k + alpha, k + 1.0)
        }),
    }
}

/// Laguerre polynomial `L_n(x) = L_n^{(0)}(x)`.
///
/// Mirrors `scipy.special.eval_laguerre` with an integer degree: 0 for `n < 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::eval_laguerre;
/// // L_2(x) = (x² - 4x + 2)/2
/// assert_eq!(eval_laguerre(2, 3.0), -0.5);
/// ```
pub fn eval_laguerre(n: i64, x: f64) -> f64 {
    eval_genlaguerre(n, 0.0, x)
}

/// Jacobi polynomial `P_n^{(α,β)}(x)`, orthogonal for `(1-x)^α (1+x)^β` on `[-1, 1]`.
///
/// Mirrors `scipy.special.eval_jacobi` with an integer degree: 0 for `n < 0`;
/// for `n ≥ 2`, NaN when `α` is a negative integer or `α + β` an integer
/// `≤ -2`, as SciPy (its recurrence divides by zero there).
///
/// ```text
/// 2(n+1)(n+α+β+1)(2n+α+β) P_{n+1} = (2n+α+β+1)[(2n+α+β+2)(2n+α+β) x + α² - β²] P_n
///                                    - 2(n+α)(n+β)(2n+α+β+2) P_{n-1}
/// P_0 = 1,  P_1 = (α+1) + (α+β+2)(x-1)/2
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_jacobi, eval_legendre};
/// // α = β = 0 is Legendre
/// let (p, q) = (eval_jacobi(5, 0.0, 0.0, 0.3), eval_legendre(5, 0.3));
/// assert!((p - q).abs() < 1e-15);
/// ```
pub fn eval_jacobi(n: i64, alpha: f64, beta: f64, x: f64) -> f64 {
    if n == 0 {
        return 1.0;
    }
    if alpha.is_nan() || beta.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    match n {
        ..=-1 => 0.0,
        1 => (alpha + 1.0) + (alpha + beta + 2.0) * (x - 1.0) * 0.5,
        _ if (alpha < 0.0 && is_nonpositive_int(alpha))
            || is_nonpositive_int(alpha + beta + 2.0) =>
        {
            f64::NAN
        }
        _ => jacobi(n as u64, alpha, beta, x),
    }
}

/// Gegenbauer (ultraspherical) polynomial `C_n^{(α)}(x)`, orthogonal for
/// `(1-x²)^{α-1/2}` on `[-1, 1]`.
///
/// Mirrors `scipy.special.eval_gegenbauer` with an integer degree: 0 for
/// `n < 0`; `C_n^{(0)} = 0` for `n ≥ 1`; for `n ≥ 2`, NaN when `2α` is a
/// negative integer, as SciPy.
///
/// ```text
/// n C_n = 2x(n+α-1) C_{n-1} - (n+2α-2) C_{n-2},  C_0 = 1, C_1 = 2αx
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_chebyu, eval_gegenbauer};
/// // α = 1 is Chebyshev U
/// assert!((eval_gegenbauer(6, 1.0, 0.4) - eval_chebyu(6, 0.4)).abs() < 1e-15);
/// ```
pub fn eval_gegenbauer(n: i64, alpha: f64, x: f64) -> f64 {
    if alpha.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    match n {
        ..0 => 0.0,
        0 => 1.0,
        1 => 2.0 * alpha * x,
        _ if alpha < 0.0 && is_nonpositive_int(2.0 * alpha) => f64::NAN,
        _ => recur(n as u64, 1.0, 2.0 * alpha * x, |k| {
            (2.0 * x * (k + alpha), k + 2.0 * alpha - 1.0, k + 1.0)
        }),
    }
}
