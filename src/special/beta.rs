//! Beta function, Pochhammer symbol, factorials and binomial coefficients,
//! built on the gamma functions of `gamma.rs`.

use super::gamma::{digamma, gamma, gammaln, gammasgn, rgamma};
use std::f64::consts::PI;

/// Beta function `B(a, b) = Γ(a)Γ(b)/Γ(a+b)`.
///
/// SciPy: `scipy.special.beta`. Defined for negative non-integer arguments
/// through Γ; `±∞` at the poles of `Γ(a)Γ(b)` not cancelled by `Γ(a+b)`.
///
/// ```text
/// B(a, b) = ∫₀¹ t^(a-1) (1-t)^(b-1) dt   (a, b > 0)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::beta;
/// assert!((beta(2.0, 3.0) - 1.0 / 12.0).abs() < 1e-17);
/// ```
pub fn beta(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    if (a <= 0.0 && a.fract() == 0.0) || (b <= 0.0 && b.fract() == 0.0) {
        return f64::INFINITY; // a pole of Γ(a)Γ(b), as SciPy
    }
    if a == f64::INFINITY || b == f64::INFINITY {
        return 0.0;
    }
    let s = a + b;
    if a > 0.0 && b > 0.0 && s > 170.0 {
        return betaln(a, b).exp();
    }
    // Γ(a)Γ(b)/Γ(a+b), larger argument's gamma divided out first. The
    // rounding error `e` of `s = a + b` would cost ψ(s)·e (≈ 20 ulp at
    // s ≈ 18): 1/Γ(s + e) ≈ (1 - ψ(s)·e)/Γ(s) takes it back.
    let (big, small) = if a.abs() >= b.abs() { (a, b) } else { (b, a) };
    let e = small - (s - big);
    let rg = if e == 0.0 {
        rgamma(s)
    } else {
        rgamma(s) * (1.0 - digamma(s) * e)
    };
    gamma(small) * (gamma(big) * rg)
}

/// Natural logarithm of `|B(a, b)|`.
///
/// SciPy: `scipy.special.betaln`.
///
/// ```text
/// betaln(a, b) = ln |Γ(a)Γ(b)/Γ(a+b)|
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::betaln;
/// assert!((betaln(2.0, 3.0) + 12f64.ln()).abs() < 1e-15);
/// assert!(betaln(1e5, 1e5).is_finite());
/// ```
pub fn betaln(a: f64, b: f64) -> f64 {
    if a + b < 170.0 && a.max(b) < 170.0 && a.min(b) > -170.0 {
        return beta(a, b).abs().ln();
    }
    if a == f64::INFINITY || b == f64::INFINITY {
        return f64::NEG_INFINITY;
    }
    gammaln(a) + gammaln(b) - gammaln(a + b)
}

/// Pochhammer symbol (rising factorial) `(z)_m = Γ(z+m)/Γ(z)`.
///
/// SciPy: `scipy.special.poch`.
///
/// ```text
/// (z)_m = z (z+1) … (z+m-1)   for integer m ≥ 0
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::poch;
/// assert_eq!(poch(3.0, 4.0), 360.0);
/// assert_eq!(poch(-3.0, 2.0), 6.0);
/// ```
pub fn poch(z: f64, m: f64) -> f64 {
    if z.is_nan() || m.is_nan() {
        return f64::NAN;
    }
    if m == 0.0 {
        return 1.0;
    }
    if m.fract() == 0.0 && m.abs() <= 64.0 {
        let mut p = 1.0;
        if m > 0.0 {
            let mut k = 0.0;
            while k < m {
                p *= z + k;
                k += 1.0;
            }
        } else {
            // (z)_m = 1/((z-1)(z-2)…(z+m))
            let mut k = 1.0;
            while k <= -m {
                p *= z - k;
                k += 1.0;
            }
            p = 1.0 / p;
        }
        return p;
    }
    let zm = z + m;
    if z > 0.0 && zm > 0.0 && z.max(zm) < 170.0 {
        return gamma(zm) * rgamma(z);
    }
    gammasgn(zm) * gammasgn(z) * (gammaln(zm) - gammaln(z)).exp()
}

/// Factorial `n! = Γ(n+1)` (SciPy's `exact=False`), `0` for `n < 0`.
///
/// SciPy: `scipy.special.factorial`. Non-integer `n` gives `Γ(n+1)`.
///
/// ```text
/// factorial(n) = Γ(n + 1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::factorial;
/// assert_eq!(factorial(5.0), 120.0);
/// assert_eq!(factorial(-1.0), 0.0);
/// ```
pub fn factorial(n: f64) -> f64 {
    if n < 0.0 { 0.0 } else { gamma(n + 1.0) }
}

/// Double factorial `n!! = n (n-2) (n-4) …`, `0` for `n < 0` (as SciPy 1.17).
///
/// SciPy: `scipy.special.factorial2`.
///
/// ```text
/// 7!! = 7·5·3·1 = 105,   0!! = 1
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::factorial2;
/// assert_eq!(factorial2(7), 105.0);
/// assert_eq!(factorial2(8), 384.0);
/// ```
pub fn factorial2(n: i64) -> f64 {
    factorialk(n, 2)
}

/// Multifactorial `n(!k) = n (n-k) (n-2k) …` down to 1..k; `0` for `n < 0`,
/// NaN for `k < 1`.
///
/// SciPy: `scipy.special.factorialk`.
///
/// ```text
/// factorialk(7, 3) = 7·4·1 = 28
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::factorialk;
/// assert_eq!(factorialk(7, 3), 28.0);
/// ```
pub fn factorialk(n: i64, k: i64) -> f64 {
    if k < 1 {
        return f64::NAN;
    }
    if n < 0 {
        return 0.0;
    }
    let mut p = 1.0f64;
    let mut m = n;
    while m > 0 && p.is_finite() {
        p *= m as f64;
        m -= k;
    }
    p
}

/// Number of combinations `C(n, k)` of `n` things taken `k` at a time
/// (SciPy's `exact=False`): `0` unless `0 ≤ k ≤ n`.
///
/// SciPy: `scipy.special.comb`. With `repetition=True` SciPy computes
/// `comb(n + k - 1, k)`: call `comb(n + k - 1.0, k)`.
///
/// ```text
/// C(n, k) = n! / (k! (n-k)!)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::comb;
/// assert_eq!(comb(10.0, 3.0), 120.0);
/// assert_eq!(comb(3.0, 5.0), 0.0);
/// ```
pub fn comb(n: f64, k: f64) -> f64 {
    if n.is_nan() || k.is_nan() {
        return f64::NAN;
    }
    if k < 0.0 || k > n || n < 0.0 {
        return 0.0;
    }
    binom(n, k)
}

/// Exact number of combinations (SciPy's `comb(n, k, exact=True)`); `None` if
/// it does not fit in a `u128`.
///
/// SciPy: `scipy.special.comb(..., exact=True)`.
///
/// ```text
/// C(n, k) = C(n, k-1) (n-k+1) / k
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::comb_exact;
/// assert_eq!(comb_exact(60, 30), Some(118264581564861424));
/// assert_eq!(comb_exact(3, 5), Some(0));
/// ```
pub fn comb_exact(n: u64, k: u64) -> Option<u128> {
    if k > n {
        return Some(0);
    }
    let k = k.min(n - k);
    let mut c: u128 = 1;
    for i in 1..=u128::from(k) {
        // c·(n-k+i)/i is an integer at every step; divide via the gcd to
        // postpone overflow.
        let num = u128::from(n - k) + i;
        let g = gcd(c, i);
        c = (c / g).checked_mul(num / (i / g))?;
    }
    Some(c)
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Number of permutations `n!/(n-k)!` (SciPy's `exact=False`): `0` unless
/// `0 ≤ k ≤ n`.
///
/// SciPy: `scipy.special.perm`.
///
/// ```text
/// P(n, k) = n (n-1) … (n-k+1)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::perm;
/// assert_eq!(perm(10.0, 3.0), 720.0);
/// ```
pub fn perm(n: f64, k: f64) -> f64 {
    if n.is_nan() || k.is_nan() {
        return f64::NAN;
    }
    if k < 0.0 || k > n || n < 0.0 {
        return 0.0;
    }
    poch(n - k + 1.0, k)
}

/// Binomial coefficient for real arguments, `Γ(n+1)/(Γ(k+1)Γ(n-k+1))`.
///
/// SciPy: `scipy.special.binom`. For integer `k ≥ 0` the finite product
/// `n(n-1)…(n-k+1)/k!`, which is also defined for negative `n`.
///
/// ```text
/// binom(n, k) = 1 / ((n+1) B(n-k+1, k+1))
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::binom;
/// assert_eq!(binom(5.0, 2.0), 10.0);
/// assert_eq!(binom(-3.5, 2.0), 7.875);
/// ```
pub fn binom(n: f64, k: f64) -> f64 {
    if n.is_nan() || k.is_nan() {
        return f64::NAN;
    }
    if k.fract() == 0.0 {
        if k < 0.0 {
            return 0.0;
        }
        // Use the shorter product when n is a non-negative integer.
        let kk = if n >= 0.0 && n.fract() == 0.0 && k > n * 0.5 {
            n - k
        } else {
            k
        };
        if kk < 0.0 {
            return 0.0;
        }
        if kk <= 30.0 {
            let mut p = 1.0;
            let mut i = 1.0;
            while i <= kk {
                // multiply first: exact while the partial C(·, i) stays below 2^53
                p = p * (n - kk + i) / i;
                i += 1.0;
            }
            return p;
        }
    }
    if n > -1.0 && k > -1.0 && n - k > -1.0 {
        if n <= 169.0 {
            // Γ(n+1) finite: two roundings fewer than through B
            return gamma(n + 1.0) * (rgamma(k + 1.0) * rgamma(n - k + 1.0));
        }
        // 1/((n+1) B(n-k+1, k+1)) with B from logs when large
        return 1.0 / ((n + 1.0) * super::beta::beta(n - k + 1.0, k + 1.0));
    }
    gamma(n + 1.0) * rgamma(k + 1.0) * rgamma(n - k + 1.0)
}

/// Logarithm of the multivariate gamma function of dimension `d`.
///
/// SciPy: `scipy.special.multigammaln`. NaN when `a ≤ (d-1)/2` (SciPy raises).
/// `+∞` at `a = +∞`. The sum has `d` terms, so dimensions above `2^20` give NaN
/// rather than run for seconds (SciPy builds a `d`-element array there).
///
/// ```text
/// ln Γ_d(a) = d(d-1)/4 · ln π + Σ_{j=1}^{d} ln Γ(a - (j-1)/2)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{gammaln, multigammaln};
/// assert!((multigammaln(3.0, 1) - gammaln(3.0)).abs() < 1e-15);
/// ```
pub fn multigammaln(a: f64, d: u32) -> f64 {
    let df = f64::from(d);
    if a.is_nan() || a <= 0.5 * (df - 1.0) || d > 1 << 20 {
        return f64::NAN;
    }
    if a == f64::INFINITY {
        return a;
    }
    let mut s = 0.25 * df * (df - 1.0) * PI.ln();
    for j in 0..d {
        s += gammaln(a - 0.5 * f64::from(j));
    }
    s
}

/// Principal branch of `ln Γ(x)` for real `x`: `gammaln(x)` for `x > 0`,
/// NaN for `x < 0` (the complex logarithm is not real there), `+∞` at 0.
///
/// SciPy: `scipy.special.loggamma` (real input).
///
/// ```text
/// loggamma(x) = ln Γ(x),   x > 0
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::loggamma;
/// assert!((loggamma(10.0) - 362880f64.ln()).abs() < 1e-14);
/// assert!(loggamma(-1.5).is_nan());
/// ```
pub fn loggamma(x: f64) -> f64 {
    if x < 0.0 || x.is_nan() {
        f64::NAN
    } else {
        gammaln(x)
    }
}
