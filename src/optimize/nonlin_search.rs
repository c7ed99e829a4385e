//! Line searches of the nonlinear solvers (SciPy's `line_search` of
//! `broyden1`, `anderson`, `newton_krylov`, ...): both look along the
//! solver's step `dx` at the merit function `φ(s) = ‖F(x + s·dx)‖²`.

use super::line_search::more_thuente;
use super::nonlin::Counted;
use super::trust_region::norm2;
use ndarray::Array1;

/// Line search of the nonlinear solvers (SciPy `line_search`; SciPy's
/// `None`, full steps, is `line_search: None` in [`super::NonlinOptions`]).
///
/// # Examples
/// ```
/// use ferrosci::optimize::{broyden1_with, NonlinLineSearch, NonlinOptions};
/// use ndarray::{array, ArrayRef1};
///
/// let f = |x: &ArrayRef1<f64>| array![x[0] + 0.5 * (x[0] - x[1]).powi(3) - 1.0, 0.5 * (x[1] - x[0]).powi(3) + x[1]];
/// let opts = NonlinOptions { line_search: Some(NonlinLineSearch::Wolfe), ..Default::default() };
/// let x = broyden1_with(f, &array![0.0, 0.0], &opts)?;
/// assert!((x[0] - 0.8411639).abs() < 1e-5 && (x[1] - 0.1588361).abs() < 1e-5);
/// # Ok::<(), ferrosci::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum NonlinLineSearch {
    /// Backtracking by quadratic, then cubic interpolation until
    /// `φ(s) ≤ φ(0) + 10⁻⁴·s·φ'(0)` (SciPy `'armijo'`, the default).
    #[default]
    Armijo,
    /// Moré–Thuente's search for a step meeting the strong Wolfe conditions
    /// (`c₁ = 10⁻⁴`, `c₂ = 0.9`), with `φ'` by forward differences (SciPy
    /// `'wolfe'`).
    Wolfe,
}

/// The accepted step (`None`: no acceptable one, the caller takes `s = 1`)
/// and the last stored trial `(s, F(x + s·dx))`, which saves an evaluation
/// when it is the accepted one.
pub(crate) type Found = (Option<f64>, Option<(f64, Array1<f64>)>);

/// `‖v‖²`, or `+∞` if `v` is not finite (SciPy's `_safe_norm`).
fn safe_norm2_sq(v: &Array1<f64>) -> f64 {
    if v.iter().all(|x| x.is_finite()) {
        v.dot(v)
    } else {
        f64::INFINITY
    }
}

/// Runs the search `kind` from `x` along `dx`, where `φ(0) = phi0`.
pub(crate) fn search(
    kind: NonlinLineSearch,
    fun: &mut Counted<'_, '_>,
    x: &Array1<f64>,
    dx: &Array1<f64>,
    phi0: f64,
) -> Found {
    match kind {
        NonlinLineSearch::Armijo => armijo(fun, x, dx, phi0),
        NonlinLineSearch::Wolfe => wolfe(fun, x, dx, phi0),
    }
}

/// Backtracking (quadratic, then cubic interpolation) until
/// `φ(s) ≤ φ(0) + 10⁻⁴ s φ'(0)` on `φ(s) = ‖F(x + s dx)‖²`, with
/// `φ'(0) = −φ(0)` (exact for a Newton step); `None` below `s = 10⁻²`.
/// Returns the step and the last trial `(s, F)`.
fn armijo(fun: &mut Counted<'_, '_>, x: &Array1<f64>, dx: &Array1<f64>, phi0: f64) -> Found {
    let c1 = 1e-4;
    let amin = 1e-2;
    let derphi0 = -phi0;
    let mut last: Option<(f64, Array1<f64>)> = None;
    let mut phi = |s: f64, last: &mut Option<(f64, Array1<f64>)>| {
        let v = fun.call(&(x + &(dx * s)));
        let p = safe_norm2_sq(&v);
        *last = Some((s, v));
        p
    };
    let mut a0 = 1.0;
    let mut phi_a0 = phi(a0, &mut last);
    if phi_a0 <= phi0 + c1 * a0 * derphi0 {
        return (Some(a0), last);
    }
    let mut a1 = -derphi0 * a0 * a0 / 2.0 / (phi_a0 - phi0 - derphi0 * a0);
    let mut phi_a1 = phi(a1, &mut last);
    if phi_a1 <= phi0 + c1 * a1 * derphi0 {
        return (Some(a1), last);
    }
    while a1 > amin {
        let factor = a0 * a0 * a1 * a1 * (a1 - a0);
        let t1 = phi_a1 - phi0 - derphi0 * a1;
        let t0 = phi_a0 - phi0 - derphi0 * a0;
        let a = (a0 * a0 * t1 - a1 * a1 * t0) / factor;
        let b = (-a0.powi(3) * t1 + a1.powi(3) * t0) / factor;
        let mut a2 = (-b + (b * b - 3.0 * a * derphi0).abs().sqrt()) / (3.0 * a);
        let phi_a2 = phi(a2, &mut last);
        if phi_a2 <= phi0 + c1 * a2 * derphi0 {
            return (Some(a2), last);
        }
        if a2.is_nan() || (a1 - a2) > a1 / 2.0 || (1.0 - a2 / a1) < 0.96 {
            a2 = a1 / 2.0;
        }
        a0 = a1;
        a1 = a2;
        phi_a0 = phi_a1;
        phi_a1 = phi_a2;
    }
    (None, last)
}

/// Moré–Thuente from `s = 1` on `φ`, steps in `[10⁻², 50]`, interval
/// tolerance `10⁻²` (SciPy's settings for `'wolfe'`), with
/// `φ'(s) ≈ (φ(s + h) − φ(s))/h`, `h = 10⁻⁸·(|s| + ‖x‖/‖dx‖ + 1)`. Only the
/// points `s` themselves are stored as the last trial, not the `s + h`.
fn wolfe(fun: &mut Counted<'_, '_>, x: &Array1<f64>, dx: &Array1<f64>, phi0: f64) -> Found {
    const RDIFF: f64 = 1e-8;
    let s_norm = norm2(x) / norm2(dx);
    let mut at = |s: f64| {
        let v = fun.call(&(x + &(dx * s)));
        (safe_norm2_sq(&v), v)
    };
    let h0 = (s_norm + 1.0) * RDIFF;
    let g0 = (at(h0).0 - phi0) / h0;
    // The last stored point: s, φ(s), F(x + s·dx) (none yet at s = 0).
    let mut last: (f64, f64, Option<Array1<f64>>) = (0.0, phi0, None);
    let found = more_thuente(
        |s| {
            if s != last.0 {
                let (p, v) = at(s);
                last = (s, p, Some(v));
            }
            let h = (s.abs() + s_norm + 1.0) * RDIFF;
            (last.1, (at(s + h).0 - last.1) / h)
        },
        1.0,
        phi0,
        g0,
        1e-4,
        0.9,
        1e-2,
        1e-2,
        50.0,
        100,
    );
    (found.map(|(s, ..)| s), last.2.map(|v| (last.0, v)))
}
