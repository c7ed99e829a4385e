//! Classical orthogonal polynomials. An integral degree runs the three-term
//! recurrence (forward recurrence is the dominant solution for every family
//! here, so it is stable); any other degree evaluates the hypergeometric
//! representation, as SciPy's float-degree loops do.
//!
//! SciPy's conventions for an integral degree: negative degrees map to
//! a non-negative one where a reflection exists (`P_{-n-1} = P_n`,
//! `T_{-n} = T_n`, `U_{-n-2} = -U_n`), give 0 for Laguerre, Jacobi and
//! Gegenbauer, and NaN for Hermite. A NaN argument gives NaN except for the
//! constants SciPy returns without looking at `x` (`P_0 = P_{-1} = 1`,
//! `P_0^{(α,β)} = 1`, `U_{-1} = 0`). Parameters where SciPy's evaluation
//! breaks down return NaN as SciPy does. At `x = ±∞` the polynomial's limit is
//! returned (SciPy returns NaN for some families there).
//!
//! A non-integral degree `ν` (NaN gives NaN) uses the family's `2F1(…; (1-x)/2)`
//! (with its prefactor), or `1F1` for Laguerre, at the two degrees `ν₀ =
//! ν - ⌊ν⌋` and `ν₀ + 1`, where the parameters are small and the series
//! converge without cancellation, then runs the same three-term recurrence
//! up to `ν` (it holds for any real degree: it is a contiguous relation of
//! the hypergeometric function). Summing `2F1(-ν, ν+1; …)` directly for
//! `ν ≈ 30` cancels catastrophically — SciPy loses all digits there.
//! Negative degrees use the reflections `P_ν = P_{-ν-1}`, `T_ν = T_{-ν}`,
//! `U_ν = -U_{-ν-2}` where they exist, else the direct form (`ν > -5` here
//! keeps its parameters small). For `x < -1` the argument of `2F1` exceeds 1
//! and the function is complex; SciPy returns `∞` (times the prefactor)
//! there, and so do these.

use super::bessel_ik::{i0, i1};
use super::bessel_jy::{j0, j1};
use super::beta::binom;
use super::hypergeometric::{hyp1f1, hyp2f1};
use super::kernels::is_nonpositive_int;
use super::legendre::two_sum;
use super::struve::Dd;

/// The degree as an integer when it is one the recurrences handle.
#[inline]
fn integral(n: f64) -> Option<i64> {
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}

/// `2F1(a, b; c; z)` for a non-terminating series (`a = -ν`, `ν` not an
/// integer): `∞` for `z > 1`, as SciPy (the value is complex there); NaN when
/// a parameter reaches [`MAX_STEPS`] in magnitude (degrees or parameters
/// that large would need as many terms).
fn f21(a: f64, b: f64, c: f64, z: f64) -> f64 {
    if a.abs().max(b.abs()).max(c.abs()) >= MAX_STEPS {
        return f64::NAN;
    }
    if z > 1.0 {
        f64::INFINITY
    } else {
        hyp2f1(a, b, c, z)
    }
}

/// Non-integral degrees past which the result is NaN rather than a long
/// recurrence (the direct sum is meaningless there; SciPy also gives NaN).
const MAX_STEPS: f64 = 2e7;

/// `f_ν` for non-integral `ν`: NaN for `ν ≥ 2·10⁷` or `±∞`, `direct(ν)` for
/// `ν < 1`, else the recurrence `step` (as for [`recur`], with the real
/// degree) from `direct(ν₀)`, `direct(ν₀ + 1)`, `ν₀ = ν - ⌊ν⌋`.
fn upward(
    n: f64,
    direct: impl Fn(f64) -> f64,
    mut step: impl FnMut(f64) -> (f64, f64, f64),
) -> f64 {
    if n.is_infinite() || n >= MAX_STEPS {
        return f64::NAN;
    }
    if n.is_nan() || n < 1.0 {
        return direct(n);
    }
    let m = n.floor();
    let v0 = n - m;
    let (p0, p1) = (direct(v0), direct(v0 + 1.0));
    if m < DD_MAX_DEGREE {
        // the recurrence's own rounding (3–6 ulp in double) out of the way;
        // the double-double pair would turn an overflow into NaN
        let r = recur_dd(m as u64, p0, p1, |k| step(k + v0));
        if r.is_finite() {
            return r;
        }
    }
    recur(m as u64, p0, p1, |k| step(k + v0))
}

/// Non-integral degrees up to which the recurrence runs in double-double.
const DD_MAX_DEGREE: f64 = 1000.0;

/// [`recur`] with the values carried in double-double (the coefficients stay
/// as `step` rounds them).
fn recur_dd(n: u64, p0: f64, p1: f64, mut step: impl FnMut(f64) -> (f64, f64, f64)) -> f64 {
    let (mut prev, mut cur) = (Dd(p0, 0.0), Dd(p1, 0.0));
    for k in 1..n {
        let (m, c, d) = step(k as f64);
        let next = Dd(m, 0.0)
            .mul(cur)
            .add(Dd(-c, 0.0).mul(prev))
            .div(Dd(d, 0.0));
        prev = cur;
        cur = next;
    }
    cur.0 + cur.1
}

/// Largest `x` where the non-integral Laguerre recurrence stays accurate.
const LAGUERRE_RECUR_MAX_X: f64 = 1.0;

/// `1F1(a; b; x)` (`x > 0`, `a`, `b` not non-positive integers) by its series
/// in double-double, every factor `a + k`, `b + k` kept exact: the
/// alternating head of the series cancels by up to `e^x` relative to the sum.
fn f11_dd(a: f64, b: f64, x: f64) -> f64 {
    let (mut term, mut sum) = (Dd(1.0, 0.0), Dd(1.0, 0.0));
    let xd = Dd(x, 0.0);
    for k in 0..5000 {
        let kf = k as f64;
        let (nh, nl) = two_sum(a, kf);
        let (dh, dl) = two_sum(b, kf);
        term = term
            .mul(Dd(nh, nl))
            .mul(xd)
            .div(Dd(dh, dl).mul(Dd(kf + 1.0, 0.0)));
        sum = sum.add(term);
        let tail = kf > x && kf > -a;
        if (tail && term.0.abs() <= 1e-33 * sum.0.abs()) || !sum.0.is_finite() {
            break;
        }
    }
    sum.0 + sum.1
}

/// Jacobi three-term recurrence coefficients at real degree `k` (DLMF 18.9.2,
/// each divided by `2k+α+β+1` kept exact).
fn jacobi_step(a: f64, b: f64, x: f64) -> impl Fn(f64) -> (f64, f64, f64) {
    let ab = a + b;
    move |k| {
        let s = 2.0 * k + ab;
        let m = (s + 1.0) * ((s + 2.0) * s * x + (a - b) * ab);
        let c = 2.0 * (k + a) * (k + b) * (s + 2.0);
        let d = 2.0 * (k + 1.0) * (k + ab + 1.0) * s;
        (m, c, d)
    }
}

/// Legendre `P_ν(x)`, `z = (1-x)/2`, non-integral `ν`.
#[inline(never)]
fn legendre_nu(n: f64, x: f64, z: f64) -> f64 {
    let n = if n < -0.5 { -n - 1.0 } else { n };
    let direct = |v: f64| f21(-v, v + 1.0, 1.0, z);
    if z >= 1.0 {
        return direct(n);
    }
    // |x| ≤ 1 (no overflow) and moderate degrees: double-double recurrence
    // with the coefficients 2μ+1, μ+1 exact as pairs
    if (0.0..=1.0).contains(&z) && (1.0..DD_MAX_DEGREE).contains(&n) {
        let m = n.floor();
        let v0 = n - m;
        let xd = Dd(x, 0.0);
        let (mut prev, mut cur) = (Dd(direct(v0), 0.0), Dd(direct(v0 + 1.0), 0.0));
        for k in 1..m as u64 {
            // μ = k + ν₀ is exact (a multiple of ulp(ν) below ν); 2μ+1, μ+1 as pairs
            let mu = k as f64 + v0;
            let (ah, al) = two_sum(2.0 * mu, 1.0);
            let (bh, bl) = two_sum(mu, 1.0);
            let next = Dd(ah, al)
                .mul(xd)
                .mul(cur)
                .add(Dd(-mu, 0.0).mul(prev))
                .div(Dd(bh, bl));
            prev = cur;
            cur = next;
        }
        return cur.0 + cur.1;
    }
    upward(n, direct, |k| ((2.0 * k + 1.0) * x, k, k + 1.0))
}

/// Chebyshev `T_ν(x)`, `z = (1-x)/2`, non-integral `ν`.
fn chebyt_nu(n: f64, x: f64, z: f64) -> f64 {
    let direct = |v: f64| f21(-v, v, 0.5, z);
    if z >= 1.0 {
        return direct(n);
    }
    upward(n.abs(), direct, |_| (2.0 * x, 1.0, 1.0))
}

/// Chebyshev `U_ν(x)`, `z = (1-x)/2`, non-integral `ν`.
fn chebyu_nu(n: f64, x: f64, z: f64) -> f64 {
    if n < -1.0 {
        return -chebyu_nu(-n - 2.0, x, z);
    }
    let direct = |v: f64| (v + 1.0) * f21(-v, v + 2.0, 1.5, z);
    if z >= 1.0 {
        return direct(n);
    }
    upward(n, direct, |_| (2.0 * x, 1.0, 1.0))
}

/// Jacobi `P_ν^{(α,β)}` at `z = (1-x)/2` for non-integral `ν`:
/// `binom(ν+α, ν) 2F1(-ν, ν+α+β+1; α+1; z)`.
fn jacobi_z(n: f64, a: f64, b: f64, x: f64, z: f64) -> f64 {
    let direct = |v: f64| binom(v + a, v) * f21(-v, v + a + b + 1.0, a + 1.0, z);
    if z >= 1.0 {
        return direct(n);
    }
    upward(n, direct, jacobi_step(a, b, x))
}

/// Gegenbauer `C_ν^{(α)}` at `z = (1-x)/2` for non-integral `ν`:
/// `binom(ν+2α-1, ν) 2F1(-ν, ν+2α; α+1/2; z)`.
fn gegenbauer_z(n: f64, a: f64, x: f64, z: f64) -> f64 {
    let direct = |v: f64| binom(v + 2.0 * a - 1.0, v) * f21(-v, v + 2.0 * a, a + 0.5, z);
    if z >= 1.0 {
        return direct(n);
    }
    upward(n, direct, |k| {
        (2.0 * x * (k + a), k + 2.0 * a - 1.0, k + 1.0)
    })
}

/// Runs `p_{k+1} = (m_k p_k - c_k p_{k-1}) / d_k` for `k = 1..n-1` from `p0`,
/// `p1`, where `step(k) = (m_k, c_k, d_k)`; returns `p_n` (`n ≥ 1`).
///
/// Once a value overflows, the `m_k` term dominates (x lies beyond every
/// zero), so the infinity keeps the sign that term gives instead of turning
/// into `∞ - ∞ = NaN`.
/// NaN for `n ≥ 2·10⁷` ([`MAX_STEPS`]), as for non-integral degrees: the
/// cost stays bounded.
#[inline(always)]
fn recur(n: u64, p0: f64, p1: f64, mut step: impl FnMut(f64) -> (f64, f64, f64)) -> f64 {
    if n as f64 >= MAX_STEPS {
        return f64::NAN;
    }
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
#[inline]
fn legendre(n: u64, x: f64) -> f64 {
    match n {
        0 => 1.0,
        LEGENDRE_ASYM_FROM.. if !x.is_nan() => {
            let p = legendre_asym(n as f64, 0.5 * (1.0 - x.abs()));
            if x < 0.0 && n % 2 == 1 { -p } else { p }
        }
        _ => recur(n, 1.0, x, |k| ((2.0 * k + 1.0) * x, k, k + 1.0)),
    }
}

/// Degrees from which Legendre `P_n` takes its large-degree expansions
/// (bounded cost) instead of the `n`-step recurrence.
const LEGENDRE_ASYM_FROM: u64 = 100_000;

/// `P_n(cos θ)` for large `n` (≥ [`LEGENDRE_ASYM_FROM`]) given `s = sin²(θ/2)
/// = (1 - cos θ)/2 ≤ 1/2` (`s < 0`: `cos θ > 1`, `P_n(cosh t)` with `sinh²(t/2)
/// = -s`). Callers pass an exact `s` where they can: the phase `(n+1/2)θ`
/// then carries only the rounding of `θ`, `~nθε`, as the polynomial's own
/// condition does.
///
/// - `ρθ < 30`, `ρ = n + 1/2` (next to `x = 1`): the Bessel-type (Hilb)
///   expansion `√(θ/sin θ) [J₀(ρθ) + (θ cot θ - 1)/(8θ) J₁(ρθ)/ρ]`, whose
///   next term is `O((θ/ρ)²)`; its hyperbolic form with `I₀`, `I₁` for `x > 1`.
/// - elsewhere Stieltjes' series `C_n Σ_m h_m cos((n+m+1/2)θ - (m+1/2)π/2)
///   / (2 sin θ)^{m+1/2}`, `h_m = Π_{j≤m} (j-1/2)²/(j(n+j+1/2))`, `C_n = 2
///   Γ(n+1)/(√π Γ(n+3/2))`; its terms fall like `m/(2n sin θ)` (DLMF 18.15.iii),
///   below `1e-17` of the first within ~25 terms for `ρθ ≥ 30`.
#[inline(never)]
fn legendre_asym(n: f64, s: f64) -> f64 {
    let rho = n + 0.5;
    if s < 0.0 {
        let t = 2.0 * (-s).sqrt().asinh();
        let z = rho * t;
        if z > 700.0 {
            return f64::INFINITY;
        }
        // (t coth t - 1)/(8t) = t/24 - t³/360 + …, t < 0.01 here
        let a1 = t / 24.0 - t * t * t / 360.0;
        return (t / t.sinh()).sqrt() * (i0(z) + a1 * i1(z) / rho);
    }
    let th = 2.0 * s.sqrt().asin();
    let z = rho * th;
    if z < 30.0 {
        if th == 0.0 {
            return 1.0;
        }
        let a1 = -th / 24.0 - th * th * th / 360.0;
        return (th / th.sin()).sqrt() * (j0(z) + a1 * j1(z) / rho);
    }
    let w = n + 0.75;
    // Γ(n+1)/Γ(n+3/2) = w^{-1/2} (1 - 1/(64 w²) + O(w⁻⁴))
    let c = 2.0 / std::f64::consts::PI.sqrt() / w.sqrt() * (1.0 - 1.0 / (64.0 * w * w));
    let two_sin = 2.0 * th.sin();
    let (mut h, mut pow, mut sum) = (1.0, two_sin.sqrt(), 0.0);
    let lead = 1.0 / pow;
    for m in 0..60 {
        let mf = f64::from(m);
        if m > 0 {
            h *= (mf - 0.5) * (mf - 0.5) / (mf * (n + mf + 0.5));
            pow *= two_sin;
        }
        // cos(a - (m+1/2)π/2) from cos a, sin a and the eighth-turn pattern
        let a = (rho + mf) * th;
        let (sa, ca) = a.sin_cos();
        let phase = match m % 4 {
            0 => ca + sa,
            1 => sa - ca,
            2 => -ca - sa,
            _ => ca - sa,
        };
        sum += h / pow * phase;
        // against the leading amplitude: the sum itself vanishes at zeros
        if h / pow <= 1e-17 * lead {
            break;
        }
    }
    let sum = sum * std::f64::consts::FRAC_1_SQRT_2;
    c * sum
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
    if n as f64 >= MAX_STEPS {
        return f64::NAN;
    }
    let (mut p, mut d) = (1.0, 0.0);
    for k in 0..n {
        let k = k as f64;
        d = (k * d - (2.0 * k + 1.0) * u * p) / (k + 1.0);
        p += d;
    }
    p
}

/// Degrees from which the Chebyshev families take their closed forms
/// (bounded cost; the recurrence's rounding also grows like `n·ε`).
const CHEB_CLOSED_FROM: u64 = 1 << 16;

/// `T_n(x)` (`second = false`) or `U_n(x)` (`second`) from `T_n(cos θ) =
/// cos nθ`, `U_n(cos θ) = sin((n+1)θ)/sin θ` and their `cosh`/`sinh` forms
/// for `|x| > 1`. Parity reduces to `x ≥ 0`, and `θ = 2 asin(√((1-x)/2))`
/// keeps `θ` accurate next to `x = 1`; `nθ` then carries `n·θ·ε`, the
/// condition of the polynomial itself.
fn cheb_closed(n: u64, x: f64, second: bool) -> f64 {
    let sign = if x < 0.0 && n % 2 == 1 { -1.0 } else { 1.0 };
    let x = x.abs();
    let nf = n as f64;
    // past x ≈ 1e308 both sinh overflow; the value does long before
    let v = if x > 1e300 {
        f64::INFINITY
    } else if x <= 1.0 {
        let th = if x > 0.5 {
            2.0 * (0.5 * (1.0 - x)).sqrt().asin()
        } else {
            x.acos()
        };
        match (second, th == 0.0) {
            (false, _) => (nf * th).cos(),
            (true, true) => nf + 1.0,
            (true, false) => ((nf + 1.0) * th).sin() / th.sin(),
        }
    } else {
        let u = x - 1.0;
        let t = (u + (u * (x + 1.0)).sqrt()).ln_1p();
        if second {
            ((nf + 1.0) * t).sinh() / t.sinh()
        } else {
            (nf * t).cosh()
        }
    };
    sign * v
}

/// Chebyshev `T_n(x)` for `n ≥ 0`.
fn chebyt(n: u64, x: f64) -> f64 {
    match n {
        0 => 1.0,
        CHEB_CLOSED_FROM.. => cheb_closed(n, x, false),
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
    match n as u64 {
        0 => 1.0,
        n @ CHEB_CLOSED_FROM.. => cheb_closed(n, x, true),
        n => recur(n, 1.0, 2.0 * x, |_| (2.0 * x, 1.0, 1.0)),
    }
}

/// Jacobi `P_n^{(α,β)}(x)` for `n ≥ 2` with a non-degenerate recurrence.
fn jacobi(n: u64, a: f64, b: f64, x: f64) -> f64 {
    let p1 = (a + 1.0) + (a + b + 2.0) * (x - 1.0) * 0.5;
    recur(n, 1.0, p1, jacobi_step(a, b, x))
}

/// Legendre polynomial `P_n(x)`.
///
/// Mirrors `scipy.special.eval_legendre`.
///
/// ```text
/// (n+1) P_{n+1}(x) = (2n+1) x P_n(x) - n P_{n-1}(x),  P_0 = 1, P_1 = x
/// P_{-n-1} = P_n
/// P_ν(x) = 2F1(-ν, ν+1; 1; (1-x)/2)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_legendre, hyp2f1};
/// // P_2(x) = (3x² - 1)/2
/// assert!((eval_legendre(2.0, 0.5) - (-0.125)).abs() < 1e-16);
/// assert_eq!(eval_legendre(-3.0, 0.5), eval_legendre(2.0, 0.5));
/// let p = eval_legendre(2.5, 0.3);
/// assert!((p - hyp2f1(-2.5, 3.5, 1.0, 0.35)).abs() < 1e-15);
/// ```
#[inline]
pub fn eval_legendre(n: f64, x: f64) -> f64 {
    match integral(n) {
        Some(n) => legendre((if n < 0 { -(n + 1) } else { n }) as u64, x),
        None => legendre_nu(n, x, 0.5 * (1.0 - x)),
    }
}

/// Shifted Legendre polynomial `P*_n(x) = P_n(2x - 1)`, orthogonal on `[0, 1]`.
///
/// Mirrors `scipy.special.eval_sh_legendre`.
///
/// ```text
/// P*_ν(x) = 2F1(-ν, ν+1; 1; 1-x)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_legendre, eval_sh_legendre};
/// // P*_1(x) = 2x - 1
/// assert_eq!(eval_sh_legendre(1.0, 0.75), 0.5);
/// assert!((eval_sh_legendre(2.5, 0.75) - eval_legendre(2.5, 0.5)).abs() < 1e-15);
/// ```
pub fn eval_sh_legendre(n: f64, x: f64) -> f64 {
    let Some(n) = integral(n) else {
        return legendre_nu(n, 2.0 * x - 1.0, 1.0 - x);
    };
    let n = if n < 0 { -(n + 1) } else { n } as u64;
    if n >= LEGENDRE_ASYM_FROM && !x.is_nan() {
        // (1 - cos θ)/2 = x or 1 - x (exact), about the nearer end
        return if x < 0.5 {
            let p = legendre_asym(n as f64, x);
            if n % 2 == 1 { -p } else { p }
        } else {
            legendre_asym(n as f64, 1.0 - x)
        };
    }
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
/// Mirrors `scipy.special.eval_chebyt`.
///
/// ```text
/// T_{n+1}(x) = 2x T_n(x) - T_{n-1}(x),  T_0 = 1, T_1 = x;  T_n(cos θ) = cos nθ;  T_{-n} = T_n
/// T_ν(x) = 2F1(-ν, ν; 1/2; (1-x)/2)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_chebyt;
/// let t = 0.3f64;
/// assert!((eval_chebyt(5.0, t.cos()) - (5.0 * t).cos()).abs() < 1e-15);
/// assert!((eval_chebyt(2.5, t.cos()) - (2.5 * t).cos()).abs() < 1e-15);
/// ```
pub fn eval_chebyt(n: f64, x: f64) -> f64 {
    chebyt_z(n, x, 0.5 * (1.0 - x))
}

/// `T_n(x)` with `z = (1-x)/2` given (exact for the shifted form).
fn chebyt_z(n: f64, x: f64, z: f64) -> f64 {
    match integral(n) {
        _ if x.is_nan() => f64::NAN,
        Some(n) => chebyt(n.unsigned_abs(), x),
        None => chebyt_nu(n, x, z),
    }
}

/// `U_n(x)` with `z = (1-x)/2` given (exact for the shifted form).
fn chebyu_z(n: f64, x: f64, z: f64) -> f64 {
    match integral(n) {
        Some(n) => chebyu(n, x),
        None => chebyu_nu(n, x, z),
    }
}

/// Chebyshev polynomial of the second kind `U_n(x)`.
///
/// Mirrors `scipy.special.eval_chebyu`.
///
/// ```text
/// U_{n+1}(x) = 2x U_n(x) - U_{n-1}(x),  U_0 = 1, U_1 = 2x;  U_n(cos θ) = sin((n+1)θ)/sin θ
/// U_{-1} = 0,  U_{-n-2} = -U_n
/// U_ν(x) = (ν+1) 2F1(-ν, ν+2; 3/2; (1-x)/2)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::eval_chebyu;
/// let t = 0.3f64;
/// assert!((eval_chebyu(4.0, t.cos()) - (5.0 * t).sin() / t.sin()).abs() < 1e-14);
/// assert!((eval_chebyu(3.5, t.cos()) - (4.5 * t).sin() / t.sin()).abs() < 1e-14);
/// ```
pub fn eval_chebyu(n: f64, x: f64) -> f64 {
    chebyu_z(n, x, 0.5 * (1.0 - x))
}

/// Chebyshev polynomial `S_n(x) = U_n(x/2)` on `[-2, 2]`.
///
/// Mirrors `scipy.special.eval_chebys`.
///
/// ```text
/// S_ν(x) = (ν+1) 2F1(-ν, ν+2; 3/2; (2-x)/4)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_chebys, eval_chebyu};
/// // S_2(x) = x² - 1
/// assert_eq!(eval_chebys(2.0, 3.0), 8.0);
/// assert_eq!(eval_chebys(2.5, 0.6), eval_chebyu(2.5, 0.3));
/// ```
pub fn eval_chebys(n: f64, x: f64) -> f64 {
    eval_chebyu(n, 0.5 * x)
}

/// Chebyshev polynomial `C_n(x) = 2 T_n(x/2)` on `[-2, 2]`.
///
/// Mirrors `scipy.special.eval_chebyc`.
///
/// ```text
/// C_ν(x) = 2 2F1(-ν, ν; 1/2; (2-x)/4)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_chebyc, eval_chebyt};
/// // C_2(x) = x² - 2
/// assert_eq!(eval_chebyc(2.0, 3.0), 7.0);
/// assert_eq!(eval_chebyc(2.5, 0.6), 2.0 * eval_chebyt(2.5, 0.3));
/// ```
pub fn eval_chebyc(n: f64, x: f64) -> f64 {
    2.0 * eval_chebyt(n, 0.5 * x)
}

/// Shifted Chebyshev polynomial of the first kind `T*_n(x) = T_n(2x - 1)`,
/// orthogonal on `[0, 1]`.
///
/// Mirrors `scipy.special.eval_sh_chebyt`.
///
/// ```text
/// T*_ν(x) = 2F1(-ν, ν; 1/2; 1-x)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_chebyt, eval_sh_chebyt};
/// // T*_2(x) = 8x² - 8x + 1
/// assert_eq!(eval_sh_chebyt(2.0, 0.25), -0.5);
/// assert!((eval_sh_chebyt(2.5, 0.75) - eval_chebyt(2.5, 0.5)).abs() < 1e-15);
/// ```
pub fn eval_sh_chebyt(n: f64, x: f64) -> f64 {
    chebyt_z(n, 2.0 * x - 1.0, 1.0 - x)
}

/// Shifted Chebyshev polynomial of the second kind `U*_n(x) = U_n(2x - 1)`,
/// orthogonal on `[0, 1]`.
///
/// Mirrors `scipy.special.eval_sh_chebyu`.
///
/// ```text
/// U*_ν(x) = (ν+1) 2F1(-ν, ν+2; 3/2; 1-x)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_chebyu, eval_sh_chebyu};
/// // U*_1(x) = 4x - 2
/// assert_eq!(eval_sh_chebyu(1.0, 0.75), 1.0);
/// assert!((eval_sh_chebyu(2.5, 0.75) - eval_chebyu(2.5, 0.5)).abs() < 1e-14);
/// ```
pub fn eval_sh_chebyu(n: f64, x: f64) -> f64 {
    chebyu_z(n, 2.0 * x - 1.0, 1.0 - x)
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
        _ => hermite_recur(n as u64, x, 1.0, 2.0 * x, |k| (2.0 * x, 2.0 * k, 1.0)),
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
        _ => hermite_recur(n as u64, x * std::f64::consts::FRAC_1_SQRT_2, 1.0, x, |k| {
            (x, k, 1.0)
        }),
    }
}

/// [`recur`] for the Hermite families, whose values overflow inside the
/// oscillatory region (from `n ≈ 300`), where the sign of the overflowed
/// value is not that of the last finite step: that case reruns the
/// recurrence rescaled to get the sign right. `t` is the argument of `H_n`
/// (`x/√2` for `He_n`), whose zeros lie inside `|t| < √(2n+1)`.
fn hermite_recur(n: u64, t: f64, p0: f64, p1: f64, step: impl Fn(f64) -> (f64, f64, f64)) -> f64 {
    let r = recur(n, p0, p1, &step);
    if r.is_finite() || n as f64 >= MAX_STEPS {
        return r;
    }
    let sign = if t < 0.0 && n % 2 == 1 { -1.0 } else { 1.0 };
    if t * t >= 2.0 * n as f64 + 1.0 {
        // Past the largest zero: the sign of the leading term.
        return sign * f64::INFINITY;
    }
    // |t| < √(4·10⁷) here, so the steps below cannot overflow from 1e250.
    const BIG: f64 = 1e250;
    let (mut prev, mut cur, mut scale) = (p0, p1, 0);
    for k in 1..n {
        let (m, c, d) = step(k as f64);
        let next = (m * cur - c * prev) / d;
        prev = cur;
        cur = next;
        if cur.abs() > BIG {
            prev /= BIG;
            cur /= BIG;
            scale += 1;
        }
    }
    // cur·BIG^scale, which overflows (to the right sign) unless next to a zero
    for _ in 0..scale {
        cur *= BIG;
        if cur.is_infinite() {
            break;
        }
    }
    cur
}

/// Generalized Laguerre polynomial `L_n^{(α)}(x)`, orthogonal for `x^α e^{-x}` on `[0, ∞)`.
///
/// Mirrors `scipy.special.eval_genlaguerre`: an integral degree gives 0 for
/// `n < 0`; NaN for `α ≤ -1` (SciPy's domain).
///
/// ```text
/// (n+1) L_{n+1} = (2n+1+α-x) L_n - (n+α) L_{n-1},  L_0 = 1, L_1 = 1 + α - x
/// L_ν^{(α)}(x) = binom(ν+α, ν) 1F1(-ν; α+1; x)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{binom, eval_genlaguerre, hyp1f1};
/// // L_1^{(α)}(x) = 1 + α - x
/// assert_eq!(eval_genlaguerre(1.0, 2.5, 0.5), 3.0);
/// assert!(eval_genlaguerre(2.0, -1.0, 0.5).is_nan());
/// let l = binom(3.2, 2.5) * hyp1f1(-2.5, 1.7, 0.3);
/// assert!((eval_genlaguerre(2.5, 0.7, 0.3) - l).abs() < 1e-14);
/// ```
#[inline]
pub fn eval_genlaguerre(n: f64, alpha: f64, x: f64) -> f64 {
    if alpha.is_nan() || alpha <= -1.0 || x.is_nan() {
        return f64::NAN;
    }
    // Small enough to inline, so a constant integral degree specializes
    // the recurrence at the call site; other degrees stay out of line.
    let Some(n) = integral(n) else {
        return genlaguerre_nu(n, alpha, x);
    };
    match n {
        ..0 => 0.0,
        0 => 1.0,
        _ => recur(n as u64, 1.0, 1.0 + alpha - x, |k| {
            (2.0 * k + 1.0 + alpha - x, k + alpha, k + 1.0)
        }),
    }
}

/// `L_ν^{(α)}(x)` for non-integral `ν` (`α > -1`, `x` not NaN).
#[inline(never)]
fn genlaguerre_nu(n: f64, alpha: f64, x: f64) -> f64 {
    let direct = |v: f64| binom(v + alpha, v) * hyp1f1(-v, alpha + 1.0, x);
    // For x > 1 the `e^x` part that non-integral degrees carry (weight
    // 1/Γ(-ν)) is minimal for the forward recurrence, which would amplify
    // it: sum 1F1 directly, in double-double against its cancellation.
    if x > LAGUERRE_RECUR_MAX_X && n.abs() < MAX_STEPS {
        let f = if x <= 700.0 {
            f11_dd(-n, alpha + 1.0, x)
        } else {
            hyp1f1(-n, alpha + 1.0, x)
        };
        return binom(n + alpha, n) * f;
    }
    upward(n, direct, |k| {
        (2.0 * k + 1.0 + alpha - x, k + alpha, k + 1.0)
    })
}

/// Laguerre polynomial `L_n(x) = L_n^{(0)}(x)`.
///
/// Mirrors `scipy.special.eval_laguerre`: 0 for integral `n < 0`.
///
/// ```text
/// L_ν(x) = 1F1(-ν; 1; x)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_laguerre, hyp1f1};
/// // L_2(x) = (x² - 4x + 2)/2
/// assert_eq!(eval_laguerre(2.0, 3.0), -0.5);
/// assert!((eval_laguerre(2.5, 0.3) - hyp1f1(-2.5, 1.0, 0.3)).abs() < 1e-15);
/// ```
#[inline]
pub fn eval_laguerre(n: f64, x: f64) -> f64 {
    eval_genlaguerre(n, 0.0, x)
}

/// Jacobi polynomial `P_n^{(α,β)}(x)`, orthogonal for `(1-x)^α (1+x)^β` on `[-1, 1]`.
///
/// Mirrors `scipy.special.eval_jacobi`. An integral degree gives 0 for
/// `n < 0`; for `n ≥ 2`, NaN when `α` is a negative integer or `α + β` an
/// integer `≤ -2`, as SciPy (its recurrence divides by zero there).
///
/// ```text
/// 2(n+1)(n+α+β+1)(2n+α+β) P_{n+1} = (2n+α+β+1)[(2n+α+β+2)(2n+α+β) x + α² - β²] P_n
///                                    - 2(n+α)(n+β)(2n+α+β+2) P_{n-1}
/// P_0 = 1,  P_1 = (α+1) + (α+β+2)(x-1)/2
/// P_ν^{(α,β)}(x) = binom(ν+α, ν) 2F1(-ν, ν+α+β+1; α+1; (1-x)/2)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_jacobi, eval_legendre};
/// // α = β = 0 is Legendre
/// let (p, q) = (eval_jacobi(5.0, 0.0, 0.0, 0.3), eval_legendre(5.0, 0.3));
/// assert!((p - q).abs() < 1e-15);
/// let (p, q) = (eval_jacobi(2.5, 0.0, 0.0, 0.3), eval_legendre(2.5, 0.3));
/// assert!((p - q).abs() < 1e-15);
/// ```
pub fn eval_jacobi(n: f64, alpha: f64, beta: f64, x: f64) -> f64 {
    let Some(n) = integral(n) else {
        return jacobi_z(n, alpha, beta, x, 0.5 * (1.0 - x));
    };
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
/// Mirrors `scipy.special.eval_gegenbauer`. An integral degree gives 0 for
/// `n < 0`; `C_n^{(0)} = 0` for `n ≥ 1`; for `n ≥ 2`, NaN when `2α` is a
/// negative integer, as SciPy.
///
/// ```text
/// n C_n = 2x(n+α-1) C_{n-1} - (n+2α-2) C_{n-2},  C_0 = 1, C_1 = 2αx
/// C_ν^{(α)}(x) = binom(ν+2α-1, ν) 2F1(-ν, ν+2α; α+1/2; (1-x)/2)          (non-integral ν)
/// ```
///
/// # Examples
/// ```
/// use ferrosci::special::{eval_chebyu, eval_gegenbauer};
/// // α = 1 is Chebyshev U
/// assert!((eval_gegenbauer(6.0, 1.0, 0.4) - eval_chebyu(6.0, 0.4)).abs() < 1e-15);
/// assert!((eval_gegenbauer(2.5, 1.0, 0.4) - eval_chebyu(2.5, 0.4)).abs() < 1e-14);
/// ```
pub fn eval_gegenbauer(n: f64, alpha: f64, x: f64) -> f64 {
    if alpha.is_nan() || x.is_nan() {
        return f64::NAN;
    }
    let Some(n) = integral(n) else {
        return gegenbauer_z(n, alpha, x, 0.5 * (1.0 - x));
    };
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

/// Shifted Jacobi polynomial `G_n^{(p,q)}(x)`, orthogonal for
/// `(1-x)^{p-q} x^{q-1}` on `[0, 1]`.
///
/// Mirrors `scipy.special.eval_sh_jacobi`:
///
/// ```text
/// G_n^{(p,q)}(x) = P_n^{(p-q, q-1)}(2x - 1) / binom(2n+p-1, n)
/// ```
///
/// (for a non-integral degree the Jacobi factor is the `2F1` form at `1 - x`).
///
/// # Examples
/// ```
/// use ferrosci::special::{binom, eval_jacobi, eval_sh_jacobi};
/// // G_1^{(p,q)}(x) = x - q/(p+1)
/// assert!((eval_sh_jacobi(1.0, 3.0, 2.0, 0.5) - (0.5 - 0.5)).abs() < 1e-16);
/// let g = eval_jacobi(2.5, 0.9, -0.2, 0.5) / binom(5.7, 2.5);
/// assert!((eval_sh_jacobi(2.5, 1.7, 0.8, 0.75) - g).abs() < 1e-15);
/// ```
pub fn eval_sh_jacobi(n: f64, p: f64, q: f64, x: f64) -> f64 {
    let jac = match integral(n) {
        Some(_) => eval_jacobi(n, p - q, q - 1.0, 2.0 * x - 1.0),
        None => jacobi_z(n, p - q, q - 1.0, 2.0 * x - 1.0, 1.0 - x),
    };
    jac / binom(2.0 * n + p - 1.0, n)
}
