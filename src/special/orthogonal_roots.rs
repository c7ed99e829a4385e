//! Gauss quadrature rules: nodes and weights of the classical orthogonal
//! polynomials (SciPy's `roots_*`).
//!
//! Golub–Welsch: the nodes are the eigenvalues of the symmetric tridiagonal
//! Jacobi matrix of the orthonormal three-term recurrence
//! (`x q_k = b_{k+1} q_{k+1} + a_k q_k + b_k q_{k-1}`). Each eigenvalue is then
//! polished by Newton's method on the monic recurrence (Laguerre: on its
//! difference form, see `laguerre_step`), and
//! the weight is `w = μ₀ / Σ_{k<n} q_k(x)²` with `q_0 = 1`, which stays accurate
//! for tiny weights where eigenvector components would only be accurate
//! absolutely. Weights are finally scaled to sum to `μ₀ = ∫ w(x) dx`, as SciPy does.

use super::beta::beta;
use super::gamma::gamma;
use crate::Result;
use crate::check::invalid;
use crate::linalg::eigvalsh;
use ndarray::{Array1, Array2};
use std::f64::consts::PI;

/// Nodes and weights of an `n`-point Gauss quadrature rule:
/// `∫ f(x) w(x) dx ≈ Σ_i w[i] f(x[i])`, exact for polynomials of degree `< 2n`.
#[derive(Debug, Clone, PartialEq)]
pub struct GaussRule {
    /// The nodes (roots of the degree-`n` polynomial), ascending.
    pub x: Array1<f64>,
    /// The weights, summing to the weight function's integral `μ₀`.
    pub w: Array1<f64>,
}

fn check_n(n: usize) -> Result<()> {
    if n == 0 {
        return Err(invalid("n", "must be a positive integer (got 0)"));
    }
    Ok(())
}

/// `(S, S'/S, count)` with `S = Σ_{k<n} q_k(x)²` for the orthonormal
/// recurrence with diagonal `a(k)` and off-diagonal `b(k)` (`k ≥ 1`),
/// `q_0 = 1`. Values are rescaled by 2^-600 when they grow, so the true sum is
/// `S · 2^(1200·count)`.
fn recurrence(n: usize, x: f64, a: &[f64], b: &[f64]) -> (f64, f64, i32) {
    let scale = 2f64.powi(-600);
    let (mut q0, mut q1, mut d0, mut d1) = (0.0, 1.0, 0.0, 0.0);
    let (mut s, mut ds) = (0.0, 0.0);
    let mut count = 0;
    for k in 0..n - 1 {
        s += q1 * q1;
        ds += 2.0 * q1 * d1;
        let q2 = ((x - a[k]) * q1 - b[k] * q0) / b[k + 1];
        let d2 = (q1 + (x - a[k]) * d1 - b[k] * d0) / b[k + 1];
        (q0, q1, d0, d1) = (q1, q2, d1, d2);
        if q1.abs() > 1e150 || d1.abs() > 1e150 {
            (q0, q1, d0, d1) = (q0 * scale, q1 * scale, d0 * scale, d1 * scale);
            s *= scale * scale;
            ds *= scale * scale;
            count += 1;
        }
    }
    s += q1 * q1;
    ds += 2.0 * q1 * d1;
    (s, ds / s, count)
}

/// `p_n(x) / p_n'(x)` for the monic recurrence `p_{k+1} = (x - a_k) p_k - β_k p_{k-1}`
/// (`beta[k] = b[k]²`, supplied exactly: no square roots perturb the polynomial).
fn newton_step(n: usize, x: f64, a: &[f64], beta: &[f64]) -> f64 {
    let scale = 2f64.powi(-600);
    let (mut p0, mut p1, mut d0, mut d1) = (0.0, 1.0, 0.0, 0.0);
    for k in 0..n {
        let p2 = (x - a[k]) * p1 - beta[k] * p0;
        let d2 = p1 + (x - a[k]) * d1 - beta[k] * d0;
        (p0, p1, d0, d1) = (p1, p2, d1, d2);
        if p1.abs() > 1e150 || d1.abs() > 1e150 {
            (p0, p1, d0, d1) = (p0 * scale, p1 * scale, d0 * scale, d1 * scale);
        }
    }
    p1 / d1
}

/// `L_n^{(α)}(x) / L_n^{(α)}'(x)` from the differences `d_k = L_k - L_{k-1}`:
///
/// ```text
/// (k+1) d_{k+1} = (k+α) d_k - x L_k
/// ```
///
/// `x` only multiplies, where the plain recurrence's `x - (2k+α+1)` would
/// round away the small nodes' digits.
fn laguerre_step(n: usize, alpha: f64, x: f64) -> f64 {
    let scale = 2f64.powi(-600);
    // L_{-1} = 0 makes d_0 = 1.
    let (mut l, mut d, mut dl, mut dd) = (1.0, 1.0, 0.0, 0.0);
    for k in 0..n {
        let k = k as f64;
        d = ((k + alpha) * d - x * l) / (k + 1.0);
        dd = ((k + alpha) * dd - l - x * dl) / (k + 1.0);
        l += d;
        dl += dd;
        if l.abs() > 1e150 || dl.abs() > 1e150 {
            (l, d, dl, dd) = (l * scale, d * scale, dl * scale, dd * scale);
        }
    }
    l / dl
}

/// Golub–Welsch with Newton polishing. `a[k]`, `k < n`: diagonal; `beta[k]`,
/// `1 ≤ k < n`: squared off-diagonal (`beta[0] = 0`). `step(x)` is the Newton
/// step `p_n(x)/p_n'(x)` ([`newton_step`] unless a family has a better form).
fn golub_welsch(
    a: &[f64],
    beta: &[f64],
    mu0: f64,
    symmetric: bool,
    step: impl Fn(f64) -> f64,
) -> Result<GaussRule> {
    let n = a.len();
    let b: Vec<f64> = beta.iter().map(|v| v.sqrt()).collect();
    let mut t = Array2::<f64>::zeros((n, n));
    for k in 0..n {
        t[[k, k]] = a[k];
        if k + 1 < n {
            t[[k, k + 1]] = b[k + 1];
            t[[k + 1, k]] = b[k + 1];
        }
    }
    let mut x = eigvalsh(&t)?;
    let mut w = Array1::<f64>::zeros(n);
    for (xi, wi) in x.iter_mut().zip(w.iter_mut()) {
        // Quadratic convergence from an eigenvalue accurate to ε‖T‖: a few steps.
        for _ in 0..6 {
            let step = step(*xi);
            if !step.is_finite() {
                break;
            }
            *xi -= step;
            if step.abs() <= 4.0 * f64::EPSILON * xi.abs().max(f64::MIN_POSITIVE) {
                break;
            }
        }
        // The weight is ill-conditioned in the node near the ends of the
        // interval (d ln w/dx ~ 1/(1-x²)), so it is evaluated at the exact
        // node x - δ, δ = p_n/p_n' being the sub-ulp residual of the rounded
        // one: w(x - δ) ≈ w(x)·(1 + δ·S'/S), as w = μ₀/S.
        let (s, ds_over_s, count) = recurrence(n, *xi, a, &b);
        let delta = step(*xi);
        let fix = if delta.is_finite() {
            1.0 + delta * ds_over_s
        } else {
            1.0
        };
        *wi = mu0 / s * fix * 2f64.powi(-1200 * count);
    }
    if symmetric {
        for i in 0..n / 2 {
            let j = n - 1 - i;
            let xm = 0.5 * (x[j] - x[i]);
            let wm = 0.5 * (w[i] + w[j]);
            (x[i], x[j], w[i], w[j]) = (-xm, xm, wm, wm);
        }
        if n % 2 == 1 {
            x[n / 2] = 0.0;
        }
    }
    let total = w.sum();
    w.mapv_inplace(|v| v * (mu0 / total));
    Ok(GaussRule { x, w })
}

/// Coefficient tables `a[0..n]`, `β[0..n]` (`β[0] = 0`) from closures.
fn tables(n: usize, a: impl Fn(f64) -> f64, beta: impl Fn(f64) -> f64) -> (Vec<f64>, Vec<f64>) {
    let av = (0..n).map(|k| a(k as f64)).collect();
    let bv = (0..n)
        .map(|k| if k == 0 { 0.0 } else { beta(k as f64) })
        .collect();
    (av, bv)
}

/// Gauss–Legendre rule: weight 1 on `[-1, 1]`.
///
/// Mirrors `scipy.special.roots_legendre(n)`.
///
/// ```text
/// ∫_{-1}^{1} f(x) dx ≈ Σ w_i f(x_i),  x_i roots of P_n,  Σ w_i = 2
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::roots_legendre;
/// let r = roots_legendre(3)?;
/// // exact for degree ≤ 5: ∫ x⁴ = 2/5
/// let s: f64 = r.x.iter().zip(&r.w).map(|(x, w)| w * x.powi(4)).sum();
/// assert!((s - 0.4).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_legendre(n: usize) -> Result<GaussRule> {
    check_n(n)?;
    let (a, b) = tables(n, |_| 0.0, |k| k * k / (4.0 * k * k - 1.0));
    golub_welsch(&a, &b, 2.0, true, |x| newton_step(n, x, &a, &b))
}

/// Gauss–Chebyshev rule of the first kind: weight `1/√(1-x²)` on `[-1, 1]`.
///
/// Mirrors `scipy.special.roots_chebyt(n)`.
///
/// ```text
/// x_k = cos((2k-1)π/(2n)),  w_k = π/n
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::roots_chebyt;
/// let r = roots_chebyt(4)?;
/// assert!((r.w.sum() - std::f64::consts::PI).abs() < 1e-15);
/// assert!((r.x[3] - (std::f64::consts::PI / 8.0).cos()).abs() < 1e-16);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_chebyt(n: usize) -> Result<GaussRule> {
    check_n(n)?;
    let nf = n as f64;
    // cos((2k+1)π/(2n)) written as a sine of a small angle: relative accuracy
    // near x = 0, and the middle node of an odd rule is exactly 0.
    let x = Array1::from_shape_fn(n, |i| {
        let m = 2.0 * i as f64 + 1.0 - nf;
        (PI * m / (2.0 * nf)).sin()
    });
    Ok(GaussRule {
        x,
        w: Array1::from_elem(n, PI / nf),
    })
}

/// Gauss–Chebyshev rule of the second kind: weight `√(1-x²)` on `[-1, 1]`.
///
/// Mirrors `scipy.special.roots_chebyu(n)`.
///
/// ```text
/// x_k = cos(kπ/(n+1)),  w_k = π/(n+1) · sin²(kπ/(n+1)),  Σ w_k = π/2
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::roots_chebyu;
/// let r = roots_chebyu(5)?;
/// assert!((r.w.sum() - std::f64::consts::FRAC_PI_2).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_chebyu(n: usize) -> Result<GaussRule> {
    check_n(n)?;
    let m = n as f64 + 1.0;
    let x = Array1::from_shape_fn(n, |i| (PI * (2.0 * (i as f64 + 1.0) - m) / (2.0 * m)).sin());
    let w = Array1::from_shape_fn(n, |i| {
        let s = (PI * (i as f64 + 1.0) / m).sin();
        PI / m * s * s
    });
    Ok(GaussRule { x, w })
}

/// Gauss–Hermite rule (physicists'): weight `e^{-x²}` on the real line.
///
/// Mirrors `scipy.special.roots_hermite(n)`.
///
/// ```text
/// ∫ f(x) e^{-x²} dx ≈ Σ w_i f(x_i),  x_i roots of H_n,  Σ w_i = √π
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::roots_hermite;
/// let r = roots_hermite(4)?;
/// // ∫ x² e^{-x²} dx = √π/2
/// let s: f64 = r.x.iter().zip(&r.w).map(|(x, w)| w * x * x).sum();
/// assert!((s - std::f64::consts::PI.sqrt() / 2.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_hermite(n: usize) -> Result<GaussRule> {
    check_n(n)?;
    let (a, b) = tables(n, |_| 0.0, |k| 0.5 * k);
    golub_welsch(&a, &b, PI.sqrt(), true, |x| newton_step(n, x, &a, &b))
}

/// Gauss–Hermite rule (probabilists'): weight `e^{-x²/2}` on the real line.
///
/// Mirrors `scipy.special.roots_hermitenorm(n)`; `Σ w_i = √(2π)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::roots_hermitenorm;
/// let r = roots_hermitenorm(2)?; // He_2 = x² - 1
/// assert!((r.x[1] - 1.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_hermitenorm(n: usize) -> Result<GaussRule> {
    check_n(n)?;
    let (a, b) = tables(n, |_| 0.0, |k| k);
    golub_welsch(&a, &b, (2.0 * PI).sqrt(), true, |x| {
        newton_step(n, x, &a, &b)
    })
}

/// Gauss–Laguerre rule with weight `x^α e^{-x}` on `[0, ∞)`, `α > -1`.
///
/// Mirrors `scipy.special.roots_genlaguerre(n, alpha)`; `Σ w_i = Γ(α+1)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0` or
/// `alpha ≤ -1` (or NaN).
///
/// # Examples
/// ```
/// use ferrosci::special::roots_genlaguerre;
/// let r = roots_genlaguerre(3, 0.5)?;
/// assert!((r.w.sum() - std::f64::consts::PI.sqrt() / 2.0).abs() < 1e-15); // Γ(3/2)
/// assert!(roots_genlaguerre(3, -1.0).is_err());
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_genlaguerre(n: usize, alpha: f64) -> Result<GaussRule> {
    check_n(n)?;
    if alpha.is_nan() || alpha <= -1.0 {
        return Err(invalid("alpha", format!("must be > -1 (got {alpha})")));
    }
    let (a, b) = tables(n, |k| 2.0 * k + alpha + 1.0, |k| k * (k + alpha));
    golub_welsch(&a, &b, gamma(alpha + 1.0), false, |x| {
        laguerre_step(n, alpha, x)
    })
}

/// Gauss–Laguerre rule: weight `e^{-x}` on `[0, ∞)`.
///
/// Mirrors `scipy.special.roots_laguerre(n)`; `Σ w_i = 1`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0`.
///
/// # Examples
/// ```
/// use ferrosci::special::roots_laguerre;
/// let r = roots_laguerre(5)?;
/// // ∫ x³ e^{-x} dx = 3! = 6
/// let s: f64 = r.x.iter().zip(&r.w).map(|(x, w)| w * x.powi(3)).sum();
/// assert!((s - 6.0).abs() < 1e-13);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_laguerre(n: usize) -> Result<GaussRule> {
    roots_genlaguerre(n, 0.0)
}

/// Gauss–Jacobi rule: weight `(1-x)^α (1+x)^β` on `[-1, 1]`, `α, β > -1`.
///
/// Mirrors `scipy.special.roots_jacobi(n, alpha, beta)`.
///
/// ```text
/// Σ w_i = μ₀ = 2^{α+β+1} B(α+1, β+1)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0`, or
/// `alpha` or `beta` is `≤ -1` (or NaN).
///
/// # Examples
/// ```
/// use ferrosci::special::{roots_jacobi, roots_legendre};
/// let (j, l) = (roots_jacobi(6, 0.0, 0.0)?, roots_legendre(6)?);
/// assert!((&j.x - &l.x).iter().all(|d| d.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_jacobi(n: usize, alpha: f64, beta_: f64) -> Result<GaussRule> {
    check_n(n)?;
    if alpha.is_nan() || alpha <= -1.0 {
        return Err(invalid("alpha", format!("must be > -1 (got {alpha})")));
    }
    if beta_.is_nan() || beta_ <= -1.0 {
        return Err(invalid("beta", format!("must be > -1 (got {beta_})")));
    }
    let (al, be) = (alpha, beta_);
    let ab = al + be;
    let diag = |k: f64| {
        if k == 0.0 {
            // (β² - α²)/((α+β)(α+β+2)) with the α+β factor cancelled.
            (be - al) / (ab + 2.0)
        } else {
            let s = 2.0 * k + ab;
            (be - al) * (be + al) / (s * (s + 2.0))
        }
    };
    let off = |k: f64| {
        let s = 2.0 * k + ab;
        if k == 1.0 {
            // the factor (k+α+β)/(2k+α+β-1) is 1 at k = 1 (and 0/0 if α+β = -1)
            4.0 * (1.0 + al) * (1.0 + be) / ((s * s) * (s + 1.0))
        } else {
            4.0 * k * (k + al) * (k + be) * (k + ab) / (s * s * (s + 1.0) * (s - 1.0))
        }
    };
    let (a, b) = tables(n, diag, off);
    let mu0 = 2f64.powf(ab + 1.0) * beta(al + 1.0, be + 1.0);
    golub_welsch(&a, &b, mu0, al == be, |x| newton_step(n, x, &a, &b))
}

/// Gauss–Gegenbauer rule: weight `(1-x²)^{α-1/2}` on `[-1, 1]`, `α > -1/2`.
///
/// Mirrors `scipy.special.roots_gegenbauer(n, alpha)` (`α = 0` is the
/// Chebyshev rule of the first kind).
///
/// ```text
/// Σ w_i = μ₀ = √π Γ(α+1/2)/Γ(α+1)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `n == 0` or
/// `alpha ≤ -1/2` (or NaN).
///
/// # Examples
/// ```
/// use ferrosci::special::{roots_chebyu, roots_gegenbauer};
/// let (g, u) = (roots_gegenbauer(5, 1.0)?, roots_chebyu(5)?);
/// assert!((&g.w - &u.w).iter().all(|d| d.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn roots_gegenbauer(n: usize, alpha: f64) -> Result<GaussRule> {
    check_n(n)?;
    if alpha.is_nan() || alpha <= -0.5 {
        return Err(invalid("alpha", format!("must be > -0.5 (got {alpha})")));
    }
    if alpha == 0.0 {
        return roots_chebyt(n);
    }
    let (a, b) = tables(
        n,
        |_| 0.0,
        |k| k * (k + 2.0 * alpha - 1.0) / (4.0 * (k + alpha) * (k + alpha - 1.0)),
    );
    let mu0 = PI.sqrt() * gamma(alpha + 0.5) / gamma(alpha + 1.0);
    golub_welsch(&a, &b, mu0, true, |x| newton_step(n, x, &a, &b))
}
