//! Building blocks shared by the special functions: polynomial evaluation,
//! continued fractions, and trigonometric functions of `π·x` that stay exact
//! for large `x`.
//!
//! Everything here is `pub(crate)`, allocation-free and branch-light: the
//! public functions call these in their inner loops.

/// Evaluates `c[0] + c[1]·x + … + c[n]·x^n` by Horner's rule.
///
/// Plain multiply-add, not `f64::mul_add`: without a target-feature build the
/// latter becomes a slow library call.
#[inline(always)]
pub(crate) fn polevl(x: f64, c: &[f64]) -> f64 {
    let mut acc = 0.0;
    for &ck in c.iter().rev() {
        acc = acc * x + ck;
    }
    acc
}

/// Evaluates `c[0] + c[1]·x + … + c[n]·x^n` as `E(x²) + x·O(x²)`: two
/// independent Horner chains of half the length, so long polynomials finish
/// in about half the latency of [`polevl`] (same accuracy for the
/// well-conditioned interpolants used here).
#[inline(always)]
pub(crate) fn polevl_eo(x: f64, c: &[f64]) -> f64 {
    let x2 = x * x;
    let (mut even, mut odd) = (0.0, 0.0);
    let n = c.len();
    let mut k = n;
    // Walk down pairs (c[k-2], c[k-1]) so both chains advance together.
    if n % 2 == 1 {
        even = c[n - 1];
        k = n - 1;
    }
    while k >= 2 {
        odd = odd * x2 + c[k - 1];
        even = even * x2 + c[k - 2];
        k -= 2;
    }
    even + x * odd
}

/// `c[0] + c[1]·x + … + c[N-1]·x^(N-1)` by Estrin's scheme: pairs
/// `c[2i] + c[2i+1]·x` combined with `x², x⁴, …`, a dependency chain of
/// depth `log₂ N` instead of Horner's `N` (the polynomials here are
/// evaluated on `|x| ≤ 1/2`, where the pairing is as accurate as Horner).
/// The loops have constant trip counts and unroll completely.
#[inline(always)]
pub(crate) fn estrin<const N: usize>(x: f64, c: &[f64; N]) -> f64 {
    let mut buf = *c;
    let mut n = N;
    let mut p = x;
    while n > 1 {
        let half = n.div_ceil(2);
        for i in 0..half {
            buf[i] = if 2 * i + 1 < n {
                buf[2 * i] + buf[2 * i + 1] * p
            } else {
                buf[2 * i]
            };
        }
        n = half;
        p *= p;
    }
    buf[0]
}

/// `∫_0^∞ f(t) dt` for a positive integrand by the trapezoidal rule after the
/// exp-sinh substitution `t = c·r`, `r = exp(π/2·sinh s)` (double-exponential
/// decay at both ends), halving the step until two levels agree to 1e-15.
/// `h(r, t)` returns `t·f(t)`, possibly scaled by a constant the caller
/// restores (the scale lets it avoid overflow in powers of `t`).
pub(crate) fn exp_sinh(c: f64, h: impl Fn(f64, f64) -> f64) -> f64 {
    use std::f64::consts::FRAC_PI_2;
    let g = |s: f64| -> f64 {
        let r = (FRAC_PI_2 * s.sinh()).exp();
        let t = c * r;
        if t == 0.0 || !t.is_finite() {
            return 0.0;
        }
        h(r, t) * FRAC_PI_2 * s.cosh()
    };
    // sum over s = j·h, j from 0 outwards, stopping when the terms vanish
    let sweep = |h: f64, offset: f64| -> f64 {
        let mut total = 0.0;
        for dir in [1.0, -1.0] {
            let mut j = if offset == 0.0 && dir < 0.0 { 1.0 } else { 0.0 };
            let mut small = 0;
            while j * h < 12.0 {
                let v = g(dir * (j * h + offset));
                total += v;
                if v <= 1e-18 * total.abs() {
                    small += 1;
                    if small > 3 {
                        break;
                    }
                } else {
                    small = 0;
                }
                j += 1.0;
            }
        }
        total
    };
    let mut h = 0.5;
    let mut sum = sweep(h, 0.0);
    let mut value = h * sum;
    for _ in 0..9 {
        sum += sweep(h, 0.5 * h);
        h *= 0.5;
        let next = h * sum;
        let done = (next - value).abs() <= 1e-15 * next.abs();
        value = next;
        if done {
            break;
        }
    }
    value
}

/// Evaluates the continued fraction `b0 + a1/(b1 + a2/(b2 + …))` by the modified
/// Lentz method (Lentz 1976; Thompson and Barnett 1986).
///
/// `term(k)` returns `(a_k, b_k)` for `k = 1, 2, …`. Stops when a step changes
/// the value by less than `tol` relatively, or after `max_iter` terms, so it
/// always terminates (NaN input gives NaN).
pub(crate) fn cont_frac(
    b0: f64,
    mut term: impl FnMut(usize) -> (f64, f64),
    tol: f64,
    max_iter: usize,
) -> f64 {
    const TINY: f64 = 1e-300;
    let mut f = if b0 == 0.0 { TINY } else { b0 };
    let mut c = f;
    let mut d = 0.0;
    for k in 1..=max_iter {
        let (a, b) = term(k);
        d = b + a * d;
        if d == 0.0 {
            d = TINY;
        }
        c = b + a / c;
        if c == 0.0 {
            c = TINY;
        }
        d = 1.0 / d;
        let delta = c * d;
        f *= delta;
        if (delta - 1.0).abs() <= tol || delta.is_nan() {
            break;
        }
    }
    f
}

/// Splits `x` into its nearest integer `n` and the remainder `x - n` in
/// `[-1/2, 1/2]`; the subtraction is exact for every finite `x`.
///
/// Rounds with the `1.5·2^52` trick below `2^51` (no SSE4.1 `roundsd` in a
/// default x86-64 build, where `f64::round` is a library call).
#[inline(always)]
pub(crate) fn nearest_int(x: f64) -> (f64, f64) {
    const MAGIC: f64 = 6755399441055744.0; // 1.5 · 2^52
    let n = if x.abs() < 2251799813685248.0 {
        (x + MAGIC) - MAGIC
    } else {
        x.round()
    };
    (n, x - n)
}

/// Whether `x` is zero, a negative integer or `-∞` (the poles of Γ), without
/// a library `floor` call.
#[inline(always)]
pub(crate) fn is_nonpositive_int(x: f64) -> bool {
    x <= 0.0 && (x <= -4503599627370496.0 || x == (x as i64) as f64)
}

/// Whether the integer-valued `n` is odd (exact for every integer-valued f64).
#[inline(always)]
pub(crate) fn is_odd(n: f64) -> bool {
    (n * 0.5).fract() != 0.0
}

/// `π·t` for `|t| ≤ 1/2`, with the rounding of `π` compensated (two-term `π`).
#[inline(always)]
fn pi_times(t: f64) -> f64 {
    const PI_LO: f64 = 1.2246467991473532e-16;
    t * std::f64::consts::PI + t * PI_LO
}

/// `sin(π·x)`, exact zeros at integers and no loss of accuracy for large `x`.
pub(crate) fn sinpi(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    let (n, t) = nearest_int(x);
    let s = if t == 0.0 { 0.0 } else { pi_times(t).sin() };
    if is_odd(n) { -s } else { s }
}

/// `cos(π·x)`, exact zeros at half-integers and no loss of accuracy for large `x`.
pub(crate) fn cospi(x: f64) -> f64 {
    if !x.is_finite() {
        return f64::NAN;
    }
    let (n, t) = nearest_int(x);
    // cos(π t) = sin(π (1/2 - |t|)); the subtraction is exact for |t| ≤ 1/2.
    let c = if t.abs() == 0.5 {
        0.0
    } else {
        pi_times(0.5 - t.abs()).sin()
    };
    if is_odd(n) { -c } else { c }
}

/// Root of `f` in `[a, b]` where `f(a)` and `f(b)` differ in sign (Illinois).
pub(crate) fn illinois(
    f: &impl Fn(f64) -> f64,
    mut a: f64,
    mut b: f64,
    mut fa: f64,
    mut fb: f64,
) -> f64 {
    let mut side = 0i8;
    for _ in 0..200 {
        let c = (a * fb - b * fa) / (fb - fa);
        if !(c > a.min(b) && c < a.max(b)) || (b - a).abs() <= 4.0 * f64::EPSILON * c.abs() {
            return if fa.abs() < fb.abs() { a } else { b };
        }
        let fc = f(c);
        if fc == 0.0 {
            return c;
        }
        if fc.signum() == fb.signum() {
            b = c;
            fb = fc;
            if side == -1 {
                fa *= 0.5;
            }
            side = -1;
        } else {
            a = c;
            fa = fc;
            if side == 1 {
                fb *= 0.5;
            }
            side = 1;
        }
    }
    0.5 * (a + b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polevl_horner() {
        assert_eq!(polevl(2.0, &[1.0, 2.0, 3.0]), 17.0);
        assert_eq!(polevl(2.0, &[]), 0.0);
        for n in 0..6 {
            let c: Vec<f64> = (1..=n).map(f64::from).collect();
            assert_eq!(polevl_eo(1.5, &c), polevl(1.5, &c), "length {n}");
        }
    }

    #[test]
    fn cont_frac_sqrt2_and_tan() {
        // 1 + 1/(2 + 1/(2 + …)) = √2
        let r = cont_frac(1.0, |_| (1.0, 2.0), 1e-16, 200);
        assert!((r - 2f64.sqrt()).abs() < 1e-15);
        // tan x = x/(1 - x²/(3 - x²/(5 - …)))
        let x = 0.7f64;
        let tail = cont_frac(1.0, |k| (-x * x, (2 * k + 1) as f64), 1e-16, 200);
        assert!((x / tail - x.tan()).abs() < 1e-15);
        assert!(cont_frac(f64::NAN, |_| (1.0, 1.0), 1e-16, 10).is_nan());
    }

    #[test]
    fn sinpi_cospi_exact_points() {
        assert_eq!(sinpi(3.0), 0.0);
        assert_eq!(sinpi(2.5), 1.0);
        assert_eq!(sinpi(-0.5), -1.0);
        assert_eq!(cospi(0.5), 0.0);
        assert_eq!(cospi(7.0), -1.0);
        assert_eq!(sinpi(1e300), 0.0);
        assert!(sinpi(f64::INFINITY).is_nan() && cospi(f64::NAN).is_nan());
        assert!((sinpi(1.0 / 6.0) - 0.5).abs() < 2e-16);
        assert!((cospi(1.0 / 3.0) - 0.5).abs() < 2e-16);
    }
}
