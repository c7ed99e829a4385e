//! Scalar root finders (SciPy `brentq`, `brenth`, `ridder`, `bisect`,
//! `toms748`, `newton`, `root_scalar`).

use crate::{Error, Result, check};
use ndarray::{Array1, ArrayRef1};

/// Why a scalar root finder stopped (SciPy `RootResults.flag`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RootFlag {
    /// The tolerance was met.
    Converged,
    /// `maxiter` iterations were used up.
    ConvergenceError,
    /// Newton's method met a zero derivative.
    ZeroDerivative,
    /// The function returned NaN or ±inf.
    NanEncountered,
}

/// Outcome of a scalar root finder (SciPy `RootResults`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RootResults {
    /// The estimated root.
    pub root: f64,
    /// Number of iterations.
    pub iterations: usize,
    /// Number of function evaluations.
    pub function_calls: usize,
    /// Whether the tolerance was met.
    pub converged: bool,
    /// Why the iteration stopped.
    pub flag: RootFlag,
}

/// Options of the bracketing root finders [`brentq`], [`brenth`], [`ridder`],
/// [`bisect`], [`toms748`]; defaults are SciPy's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RootOptions {
    /// Absolute tolerance on the root (SciPy `xtol`, default `2e-12`).
    pub xtol: f64,
    /// Relative tolerance on the root (SciPy `rtol`, default `4ε`; smaller is
    /// rejected as SciPy does).
    pub rtol: f64,
    /// Iteration cap (SciPy `maxiter`, default 100).
    pub maxiter: usize,
    /// If true (SciPy's default), failing to converge is an
    /// [`Error::NotConverged`]; if false it is reported in the result.
    pub disp: bool,
}

impl Default for RootOptions {
    fn default() -> Self {
        RootOptions {
            xtol: 2e-12,
            rtol: 4.0 * f64::EPSILON,
            maxiter: 100,
            disp: true,
        }
    }
}

/// Which bracketing method [`bracketed`] runs.
#[derive(Clone, Copy, PartialEq)]
enum Bracketing {
    Brentq,
    Brenth,
    Ridder,
    Bisect,
    Toms748,
}

/// Counts evaluations and remembers whether a non-finite value appeared.
struct Counted<F> {
    f: F,
    calls: usize,
}

impl<F: FnMut(f64) -> f64> Counted<F> {
    fn call(&mut self, x: f64) -> f64 {
        self.calls += 1;
        (self.f)(x)
    }
}

fn finish(
    root: f64,
    iterations: usize,
    function_calls: usize,
    flag: RootFlag,
    disp: bool,
) -> Result<RootResults> {
    let converged = flag == RootFlag::Converged;
    if !converged && disp {
        return Err(Error::NotConverged {
            iterations,
            residual: root,
        });
    }
    Ok(RootResults {
        root,
        iterations,
        function_calls,
        converged,
        flag,
    })
}

fn bracketed<F: FnMut(f64) -> f64>(
    m: Bracketing,
    f: F,
    a: f64,
    b: f64,
    o: &RootOptions,
) -> Result<RootResults> {
    if !a.is_finite() || !b.is_finite() {
        return Err(check::invalid(
            "a, b",
            format!("bracket ends must be finite, got [{a}, {b}]"),
        ));
    }
    if o.xtol.is_nan() || o.xtol <= 0.0 {
        return Err(check::invalid(
            "xtol",
            format!("must be positive, got {}", o.xtol),
        ));
    }
    if o.rtol.is_nan() || o.rtol < 4.0 * f64::EPSILON {
        return Err(check::invalid(
            "rtol",
            format!("too small ({} < 4ε)", o.rtol),
        ));
    }
    let mut f = Counted { f, calls: 0 };
    let fa = f.call(a);
    let fb = f.call(b);
    if !fa.is_finite() || !fb.is_finite() {
        return Err(check::invalid(
            "f",
            format!("f(a) = {fa} and f(b) = {fb} must be finite"),
        ));
    }
    if fa * fb > 0.0 {
        return Err(check::invalid(
            "a, b",
            format!("f(a) = {fa} and f(b) = {fb} must have different signs"),
        ));
    }
    if fa == 0.0 {
        return finish(a, 0, f.calls, RootFlag::Converged, o.disp);
    }
    if fb == 0.0 {
        return finish(b, 0, f.calls, RootFlag::Converged, o.disp);
    }
    let (root, it, flag) = match m {
        Bracketing::Brentq => brent_kernel(&mut f, a, b, fa, fb, o, false),
        Bracketing::Brenth => brent_kernel(&mut f, a, b, fa, fb, o, true),
        Bracketing::Ridder => ridder_kernel(&mut f, a, b, fa, fb, o),
        Bracketing::Bisect => bisect_kernel(&mut f, a, b, fa, o),
        Bracketing::Toms748 => toms748_kernel(&mut f, a, b, fa, fb, o),
    };
    finish(root, it, f.calls, flag, o.disp)
}

/// Brent's method: inverse quadratic (or, with `hyperbolic`, hyperbolic)
/// interpolation safeguarded by bisection, keeping a sign-change bracket.
fn brent_kernel<F: FnMut(f64) -> f64>(
    f: &mut Counted<F>,
    a: f64,
    b: f64,
    fa: f64,
    fb: f64,
    o: &RootOptions,
    hyperbolic: bool,
) -> (f64, usize, RootFlag) {
    // `cur` is the best estimate, `blk` the point across the sign change,
    // `pre` the previous estimate.
    let (mut xpre, mut fpre, mut xcur, mut fcur) = (a, fa, b, fb);
    let (mut xblk, mut fblk, mut spre, mut scur) = (0.0, 0.0, 0.0, 0.0);
    for it in 1..=o.maxiter {
        if fpre != 0.0 && fcur != 0.0 && (fpre.is_sign_negative() != fcur.is_sign_negative()) {
            xblk = xpre;
            fblk = fpre;
            spre = xcur - xpre;
            scur = spre;
        }
        if fblk.abs() < fcur.abs() {
            (xpre, xcur, xblk) = (xcur, xblk, xcur);
            (fpre, fcur, fblk) = (fcur, fblk, fcur);
        }
        let delta = 0.5 * (o.xtol + o.rtol * xcur.abs());
        let sbis = 0.5 * (xblk - xcur);
        if fcur == 0.0 || sbis.abs() < delta {
            return (xcur, it, RootFlag::Converged);
        }
        if spre.abs() > delta && fcur.abs() < fpre.abs() {
            let stry = if xpre == xblk {
                -fcur * (xcur - xpre) / (fcur - fpre)
            } else {
                let dpre = (fpre - fcur) / (xpre - xcur);
                let dblk = (fblk - fcur) / (xblk - xcur);
                if hyperbolic {
                    -fcur * (fblk - fpre) / (fblk * dpre - fpre * dblk)
                } else {
                    -fcur * (fblk * dblk - fpre * dpre) / (dblk * dpre * (fblk - fpre))
                }
            };
            if 2.0 * stry.abs() < spre.abs().min(3.0 * sbis.abs() - delta) {
                spre = scur;
                scur = stry;
            } else {
                spre = sbis;
                scur = sbis;
            }
        } else {
            spre = sbis;
            scur = sbis;
        }
        xpre = xcur;
        fpre = fcur;
        xcur += if scur.abs() > delta {
            scur
        } else {
            delta.copysign(sbis)
        };
        fcur = f.call(xcur);
        if fcur.is_nan() {
            return (xcur, it, RootFlag::NanEncountered);
        }
    }
    (xcur, o.maxiter, RootFlag::ConvergenceError)
}

fn bisect_kernel<F: FnMut(f64) -> f64>(
    f: &mut Counted<F>,
    a: f64,
    b: f64,
    fa: f64,
    o: &RootOptions,
) -> (f64, usize, RootFlag) {
    let (mut xa, mut dm) = (a, b - a);
    let mut xm = a;
    for it in 1..=o.maxiter {
        dm *= 0.5;
        xm = xa + dm;
        let fm = f.call(xm);
        if fm.is_nan() {
            return (xm, it, RootFlag::NanEncountered);
        }
        if fm * fa >= 0.0 {
            xa = xm;
        }
        if fm == 0.0 || dm.abs() < o.xtol + o.rtol * xm.abs() {
            return (xm, it, RootFlag::Converged);
        }
    }
    (xm, o.maxiter, RootFlag::ConvergenceError)
}

/// Ridders' method: an exponential-fit false position step from the midpoint.
fn ridder_kernel<F: FnMut(f64) -> f64>(
    f: &mut Counted<F>,
    a: f64,
    b: f64,
    fa: f64,
    fb: f64,
    o: &RootOptions,
) -> (f64, usize, RootFlag) {
    let (mut xa, mut xb, mut fa, mut fb) = (a, b, fa, fb);
    let mut tol = o.xtol;
    let mut xn = a;
    for it in 1..=o.maxiter {
        let dm = 0.5 * (xb - xa);
        let xm = xa + dm;
        let fm = f.call(xm);
        let dn = (fb - fa).signum() * fm * dm / (fm * fm - fa * fb).sqrt();
        xn = xm - dn.signum() * dn.abs().min(dm.abs() - 0.5 * tol);
        let fnew = f.call(xn);
        if fm.is_nan() || fnew.is_nan() {
            return (xn, it, RootFlag::NanEncountered);
        }
        if fnew * fm < 0.0 {
            (xa, fa, xb, fb) = (xn, fnew, xm, fm);
        } else if fnew * fa < 0.0 {
            (xb, fb) = (xn, fnew);
        } else {
            (xa, fa) = (xn, fnew);
        }
        tol = o.xtol + o.rtol * xn.abs();
        if fnew == 0.0 || (xb - xa).abs() < tol {
            return (xn, it, RootFlag::Converged);
        }
    }
    (xn, o.maxiter, RootFlag::ConvergenceError)
}

/// Replaces the end of `[a, b]` on `c`'s side of the sign change by `c` and
/// returns the end that was dropped.
fn rebracket(ab: &mut [f64; 2], fab: &mut [f64; 2], c: f64, fc: f64) -> (f64, f64) {
    let side = if fab[0].is_sign_negative() != fc.is_sign_negative() {
        1
    } else {
        0
    };
    let dropped = (ab[side], fab[side]);
    ab[side] = c;
    fab[side] = fc;
    dropped
}

/// Alefeld, Potra & Shi's Algorithm 748 (the k = 1 variant SciPy uses):
/// inverse cubic or Newton-quadratic interpolation, a double-length secant
/// step, and bisection when the bracket shrinks too slowly.
fn toms748_kernel<F: FnMut(f64) -> f64>(
    f: &mut Counted<F>,
    a: f64,
    b: f64,
    fa: f64,
    fb: f64,
    o: &RootOptions,
) -> (f64, usize, RootFlag) {
    let (lo, hi, flo, fhi) = if a < b {
        (a, b, fa, fb)
    } else {
        (b, a, fb, fa)
    };
    let mut ab = [lo, hi];
    let mut fab = [flo, fhi];
    // First step: secant, then re-bracket.
    let mut c = lo - flo * (hi - lo) / (fhi - flo);
    if !(lo < c && c < hi) {
        c = 0.5 * (lo + hi);
    }
    let fc = f.call(c);
    if fc == 0.0 {
        return (c, 0, RootFlag::Converged);
    }
    let (mut d, mut fd) = rebracket(&mut ab, &mut fab, c, fc);
    let (mut e, mut fe) = (f64::NAN, f64::NAN);
    let close = |x: f64, y: f64| (x - y).abs() <= 32.0 * f64::EPSILON;
    for it in 1..=o.maxiter {
        let width = ab[1] - ab[0];
        let fs = [fab[0], fab[1], fd, fe];
        let distinct = fs.iter().all(|v| v.is_finite() && *v != 0.0)
            && (0..4).all(|i| (i + 1..4).all(|j| !close(fs[i], fs[j])));
        let mut c = f64::NAN;
        if distinct {
            // Inverse cubic interpolation through the four points.
            let xs = [ab[0], ab[1], d, e];
            let c0: f64 = (0..4)
                .map(|i| {
                    let w: f64 = (0..4)
                        .filter(|&j| j != i)
                        .map(|j| fs[j] / (fs[j] - fs[i]))
                        .product();
                    xs[i] * w
                })
                .sum();
            if ab[0] < c0 && c0 < ab[1] {
                c = c0;
            }
        }
        if c.is_nan() {
            c = newton_quadratic(ab, fab, d, fd, 2);
        }
        let fc = f.call(c);
        if fc == 0.0 {
            return (c, it, RootFlag::Converged);
        }
        if fc.is_nan() {
            return (c, it, RootFlag::NanEncountered);
        }
        (d, fd) = rebracket(&mut ab, &mut fab, c, fc);

        // Double-length secant step from the better end.
        let u = if fab[0].abs() < fab[1].abs() { 0 } else { 1 };
        let slope = (fab[1] - fab[0]) / (ab[1] - ab[0]);
        let mut c = ab[u] - 2.0 * fab[u] / slope;
        if (c - ab[u]).abs() > 0.5 * (ab[1] - ab[0]) || !(ab[0] < c && c < ab[1]) {
            c = 0.5 * (ab[0] + ab[1]);
        } else if (c - ab[u]).abs() <= f64::EPSILON * c.abs() {
            // No movement: nudge by the tolerance, towards the other end.
            let dir = if u == 0 { 1.0 } else { -1.0 };
            c = ab[u] + dir * (c.abs() * o.rtol + o.xtol);
            if !(ab[0] < c && c < ab[1]) {
                c = 0.5 * (ab[0] + ab[1]);
            }
        }
        let fc = f.call(c);
        if fc == 0.0 {
            return (c, it, RootFlag::Converged);
        }
        if fc.is_nan() {
            return (c, it, RootFlag::NanEncountered);
        }
        (e, fe) = (d, fd);
        (d, fd) = rebracket(&mut ab, &mut fab, c, fc);

        if ab[1] - ab[0] > 0.5 * width {
            (e, fe) = (d, fd);
            let z = 0.5 * (ab[0] + ab[1]);
            let fz = f.call(z);
            if fz == 0.0 {
                return (z, it, RootFlag::Converged);
            }
            if fz.is_nan() {
                return (z, it, RootFlag::NanEncountered);
            }
            (d, fd) = rebracket(&mut ab, &mut fab, z, fz);
        }
        if (ab[1] - ab[0]).abs() <= o.xtol + o.rtol * ab[1].abs() {
            return (0.5 * (ab[0] + ab[1]), it, RootFlag::Converged);
        }
    }
    (0.5 * (ab[0] + ab[1]), o.maxiter, RootFlag::ConvergenceError)
}

/// `steps` Newton steps on the quadratic through (a, fa), (b, fb), (d, fd),
/// falling back to the secant point, then the midpoint.
fn newton_quadratic(ab: [f64; 2], fab: [f64; 2], d: f64, fd: f64, steps: usize) -> f64 {
    let [a, b] = ab;
    let [fa, fb] = fab;
    let b1 = (fb - fa) / (b - a);
    let a2 = ((fd - fb) / (d - b) - b1) / (d - a);
    let secant = a - fa / b1;
    if a2 == 0.0 || !a2.is_finite() {
        return if a < secant && secant < b {
            secant
        } else {
            0.5 * (a + b)
        };
    }
    let mut r = if a2 * fa > 0.0 { a } else { b };
    for _ in 0..steps {
        let p = fa + b1 * (r - a) + a2 * (r - a) * (r - b);
        let dp = b1 + a2 * (2.0 * r - a - b);
        if dp == 0.0 {
            break;
        }
        r -= p / dp;
    }
    if a < r && r < b { r } else { 0.5 * (a + b) }
}

macro_rules! bracket_fn {
    ($(#[$doc:meta])* $name:ident, $m:expr) => {
        $(#[$doc])*
        ///
        /// # Errors
        /// [`Error::InvalidArgument`] if `a` or `b` is not finite, `f(a)` and
        /// `f(b)` are not finite or have the same sign, `xtol <= 0` or
        /// `rtol < 4ε`; with `disp` (the default), [`Error::NotConverged`]
        /// after `maxiter` iterations or if `f` returns NaN.
        pub fn $name<F: FnMut(f64) -> f64>(f: F, a: f64, b: f64, options: &RootOptions) -> Result<RootResults> {
            bracketed($m, f, a, b, options)
        }
    };
}

bracket_fn!(
    /// Finds a root of `f` in `[a, b]` with Brent's method (SciPy `brentq`).
    ///
    /// `f(a)` and `f(b)` must differ in sign. Inverse quadratic interpolation
    /// with a bisection safeguard: superlinear, never worse than bisection.
    /// Converges when the bracket is below `xtol + rtol·|x|`.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{brentq, RootOptions};
    /// let r = brentq(|x| x.cos() - x, 0.0, 1.0, &RootOptions::default())?;
    /// assert!((r.root - 0.7390851332151607).abs() < 1e-12);
    /// assert!(r.converged);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    brentq,
    Bracketing::Brentq
);

bracket_fn!(
    /// Finds a root of `f` in `[a, b]` with Brent's method using hyperbolic
    /// extrapolation (SciPy `brenth`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{brenth, RootOptions};
    /// let r = brenth(|x| x * x - 2.0, 0.0, 2.0, &RootOptions::default())?;
    /// assert!((r.root - 2f64.sqrt()).abs() < 1e-12);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    brenth,
    Bracketing::Brenth
);

bracket_fn!(
    /// Finds a root of `f` in `[a, b]` with Ridders' method (SciPy `ridder`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ridder, RootOptions};
    /// let r = ridder(|x| x.exp() - 2.0, 0.0, 1.0, &RootOptions::default())?;
    /// assert!((r.root - 2f64.ln()).abs() < 1e-12);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    ridder,
    Bracketing::Ridder
);

bracket_fn!(
    /// Finds a root of `f` in `[a, b]` by bisection (SciPy `bisect`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{bisect, RootOptions};
    /// let r = bisect(|x| x * x * x - 1.0, 0.0, 3.0, &RootOptions::default())?;
    /// assert!((r.root - 1.0).abs() < 1e-11);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    bisect,
    Bracketing::Bisect
);

bracket_fn!(
    /// Finds a root of `f` in `[a, b]` with Alefeld–Potra–Shi's Algorithm 748
    /// (SciPy `toms748`, `k = 1`).
    ///
    /// # References
    /// G. E. Alefeld, F. A. Potra, Y. Shi, "Algorithm 748: Enclosing Zeros of
    /// Continuous Functions", ACM TOMS 21 (1995).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{toms748, RootOptions};
    /// let r = toms748(|x| x.powi(3) - 2.0 * x - 5.0, 2.0, 3.0, &RootOptions::default())?;
    /// assert!((r.root - 2.0945514815423265).abs() < 1e-12);
    /// # Ok::<(), ferrosci::Error>(())
    /// ```
    toms748,
    Bracketing::Toms748
);

/// Options of [`newton`] and [`newton_array`]; defaults are SciPy's.
pub struct NewtonOptions<'a> {
    /// Derivative of `f`; without it the secant method runs (SciPy `fprime`).
    pub fprime: Option<Box<dyn FnMut(f64) -> f64 + 'a>>,
    /// Second derivative; with `fprime` Halley's method runs (SciPy `fprime2`).
    pub fprime2: Option<Box<dyn FnMut(f64) -> f64 + 'a>>,
    /// Second starting point of the secant method (SciPy `x1`); default
    /// `x0·(1 + 1e-4) ± 1e-4`.
    pub x1: Option<f64>,
    /// Absolute tolerance on the step (SciPy `tol`, default `1.48e-8`).
    pub tol: f64,
    /// Relative tolerance on the step (SciPy `rtol`, default 0).
    pub rtol: f64,
    /// Iteration cap (SciPy `maxiter`, default 50).
    pub maxiter: usize,
    /// If true (default), not converging is an [`Error::NotConverged`].
    pub disp: bool,
}

impl Default for NewtonOptions<'_> {
    fn default() -> Self {
        NewtonOptions {
            fprime: None,
            fprime2: None,
            x1: None,
            tol: 1.48e-8,
            rtol: 0.0,
            maxiter: 50,
            disp: true,
        }
    }
}

/// Finds a zero of `f` near `x0` by Newton–Raphson (with `fprime`), Halley
/// (with `fprime` and `fprime2`) or the secant method (SciPy `newton`).
///
/// ```text
/// Newton:  x ← x − f/f'          Halley:  x ← x − (f/f') / (1 − f·f''/(2f'²))
/// ```
/// Converges when a step is below `tol + rtol·|x|`.
///
/// # Errors
/// [`Error::InvalidArgument`] if `x0` is not finite or `tol` is negative;
/// with `disp`, [`Error::NotConverged`] if `maxiter` is used up, the derivative
/// vanishes or `f` returns NaN.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{newton, NewtonOptions};
/// // Secant method:
/// let r = newton(|x| x.powi(3) - 1.0, 1.5, NewtonOptions::default())?;
/// assert!((r.root - 1.0).abs() < 1e-10);
/// // Newton's method:
/// let opts = NewtonOptions { fprime: Some(Box::new(|x| 3.0 * x * x)), ..Default::default() };
/// let r = newton(|x| x.powi(3) - 1.0, 1.5, opts)?;
/// assert!((r.root - 1.0).abs() < 1e-12);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn newton<F: FnMut(f64) -> f64>(
    f: F,
    x0: f64,
    options: NewtonOptions<'_>,
) -> Result<RootResults> {
    if !x0.is_finite() {
        return Err(check::invalid("x0", format!("must be finite, got {x0}")));
    }
    check::non_negative("tol", options.tol)?;
    check::non_negative("rtol", options.rtol)?;
    let NewtonOptions {
        fprime,
        fprime2,
        x1,
        tol,
        rtol,
        maxiter,
        disp,
    } = options;
    let mut f = Counted { f, calls: 0 };
    let mut p0 = x0;
    if let Some(mut fp) = fprime {
        let mut fp2 = fprime2;
        for it in 1..=maxiter {
            let fval = f.call(p0);
            if fval == 0.0 {
                return finish(p0, it, f.calls, RootFlag::Converged, disp);
            }
            let fder = fp(p0);
            if fval.is_nan() || fder.is_nan() {
                return finish(p0, it, f.calls, RootFlag::NanEncountered, disp);
            }
            if fder == 0.0 {
                return finish(p0, it, f.calls, RootFlag::ZeroDerivative, disp);
            }
            let mut step = fval / fder;
            if let Some(fp2) = fp2.as_mut() {
                let adj = step * fp2(p0) / fder / 2.0;
                if adj.abs() < 1.0 {
                    step /= 1.0 - adj;
                }
            }
            let p = p0 - step;
            if (p - p0).abs() <= tol + rtol * p.abs() {
                return finish(p, it, f.calls, RootFlag::Converged, disp);
            }
            p0 = p;
        }
        return finish(p0, maxiter, f.calls, RootFlag::ConvergenceError, disp);
    }
    let mut p1 = x1.unwrap_or_else(|| {
        let eps = 1e-4;
        x0 * (1.0 + eps) + if x0 >= 0.0 { eps } else { -eps }
    });
    if !p1.is_finite() || p1 == x0 {
        return Err(check::invalid(
            "x1",
            format!("must be finite and differ from x0, got {p1}"),
        ));
    }
    let mut q0 = f.call(p0);
    let mut q1 = f.call(p1);
    if q1.abs() < q0.abs() {
        (p0, p1, q0, q1) = (p1, p0, q1, q0);
    }
    for it in 1..=maxiter {
        if q0.is_nan() || q1.is_nan() {
            return finish(p1, it, f.calls, RootFlag::NanEncountered, disp);
        }
        if q1 == q0 {
            let flag = if p1 == p0 {
                RootFlag::Converged
            } else {
                RootFlag::ZeroDerivative
            };
            return finish(0.5 * (p1 + p0), it, f.calls, flag, disp);
        }
        let p = if q1.abs() > q0.abs() {
            (-q0 / q1 * p1 + p0) / (1.0 - q0 / q1)
        } else {
            (-q1 / q0 * p0 + p1) / (1.0 - q1 / q0)
        };
        if (p - p1).abs() <= tol + rtol * p.abs() {
            return finish(p, it, f.calls, RootFlag::Converged, disp);
        }
        (p0, q0) = (p1, q1);
        p1 = p;
        q1 = f.call(p1);
    }
    finish(p1, maxiter, f.calls, RootFlag::ConvergenceError, disp)
}

/// Result of [`newton_array`] (SciPy `newton(..., full_output=True)` on an array).
#[derive(Debug, Clone, PartialEq)]
pub struct NewtonArrayResult {
    /// The roots, one per starting point.
    pub root: Array1<f64>,
    /// Which entries met the tolerance.
    pub converged: Array1<bool>,
    /// Which entries stopped on a zero derivative.
    pub zero_der: Array1<bool>,
}

/// An array function of the current points (SciPy's vectorised `func`, `fprime`, `fprime2`).
pub type ArrayFn<'a> = Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a>;

/// Options of [`newton_array`]; defaults are SciPy's.
pub struct NewtonArrayOptions<'a> {
    /// Element-wise derivative; without it the secant method runs (SciPy `fprime`).
    pub fprime: Option<ArrayFn<'a>>,
    /// Element-wise second derivative; with `fprime`, Halley's method (SciPy `fprime2`).
    pub fprime2: Option<ArrayFn<'a>>,
    /// Absolute tolerance on each entry's step (SciPy `tol`, default `1.48e-8`).
    pub tol: f64,
    /// Iteration cap (SciPy `maxiter`, default 50).
    pub maxiter: usize,
    /// If true (default), no entry converging is an [`Error::NotConverged`].
    pub disp: bool,
}

impl Default for NewtonArrayOptions<'_> {
    fn default() -> Self {
        NewtonArrayOptions {
            fprime: None,
            fprime2: None,
            tol: 1.48e-8,
            maxiter: 50,
            disp: true,
        }
    }
}

/// Newton, Halley or secant iteration on many starting points at once
/// (SciPy `newton` with an array `x0`).
///
/// `f` (and `fprime`, `fprime2`) map the whole array of current points to
/// their values. All entries step together until every entry's step is below
/// `tol`; entries with a zero derivative stop moving. Without `fprime` the
/// secant method runs from `x0` and `x0·(1 + ε^0.33) ± ε^0.33`.
///
/// # Errors
/// [`Error::InvalidArgument`] if `x0` is empty or not finite;
/// [`Error::ShapeMismatch`] if a function returns the wrong length; with
/// `disp`, [`Error::NotConverged`] if no entry converged.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{newton_array, NewtonArrayOptions};
/// use ndarray::{array, Array1, ArrayRef1};
///
/// let a = array![1.0, 2.0, 3.0];
/// let f = |x: &ArrayRef1<f64>| -> Array1<f64> { x.mapv(|v| v * v) - &a };
/// let res = newton_array(f, &array![1.0, 1.0, 1.0], NewtonArrayOptions::default())?;
/// assert!(res.converged.iter().all(|&c| c));
/// assert!((res.root[2] - 3f64.sqrt()).abs() < 1e-10);
///
/// let opts = NewtonArrayOptions { fprime: Some(Box::new(|x: &ArrayRef1<f64>| x * 2.0)), ..Default::default() };
/// let res = newton_array(f, &array![1.0, 1.0, 1.0], opts)?;
/// assert!((res.root[1] - 2f64.sqrt()).abs() < 1e-12);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn newton_array<F>(
    mut f: F,
    x0: &ArrayRef1<f64>,
    options: NewtonArrayOptions<'_>,
) -> Result<NewtonArrayResult>
where
    F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
{
    check::nonempty("x0", x0)?;
    check::finite("x0", x0)?;
    check::non_negative("tol", options.tol)?;
    let n = x0.len();
    let tol = options.tol;
    let eval = |g: &mut dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>,
                x: &Array1<f64>,
                name|
     -> Result<Array1<f64>> {
        let v = g(x);
        check::shape(name, &[n], v.shape())?;
        Ok(v)
    };
    let mut p = x0.to_owned();
    let mut failures = Array1::from_elem(n, true);
    let mut nz_der = Array1::from_elem(n, true);
    let NewtonArrayOptions {
        fprime,
        mut fprime2,
        maxiter,
        disp,
        ..
    } = options;
    if let Some(mut fp) = fprime {
        for _ in 0..maxiter {
            let fval = eval(&mut f, &p, "f(x)")?;
            if fval.iter().all(|&v| v == 0.0) {
                failures.fill(false);
                break;
            }
            let fder = eval(&mut fp, &p, "fprime(x)")?;
            nz_der = fder.mapv(|d| d != 0.0);
            if !nz_der.iter().any(|&b| b) {
                break;
            }
            let fder2 = match fprime2.as_mut() {
                Some(fp2) => Some(eval(fp2, &p, "fprime2(x)")?),
                None => None,
            };
            for i in 0..n {
                if nz_der[i] {
                    let mut dp = fval[i] / fder[i];
                    if let Some(f2) = &fder2 {
                        dp /= 1.0 - 0.5 * dp * f2[i] / fder[i];
                    }
                    p[i] -= dp;
                    failures[i] = dp.is_nan() || dp.abs() >= tol;
                }
            }
            if !(0..n).any(|i| nz_der[i] && failures[i]) {
                break;
            }
        }
    } else {
        let dx = f64::EPSILON.powf(0.33);
        let mut p1 = p.mapv(|v| v * (1.0 + dx) + if v >= 0.0 { dx } else { -dx });
        let mut q0 = eval(&mut f, &p, "f(x)")?;
        let mut q1 = eval(&mut f, &p1, "f(x)")?;
        let mut active = Array1::from_elem(n, true);
        for _ in 0..maxiter {
            nz_der = Array1::from_shape_fn(n, |i| q1[i] != q0[i]);
            if !nz_der.iter().any(|&b| b) {
                p = (&p1 + &p) / 2.0;
                break;
            }
            for i in 0..n {
                if nz_der[i] {
                    let dp = q1[i] * (p1[i] - p[i]) / (q1[i] - q0[i]);
                    p[i] = p1[i] - dp;
                    failures[i] = dp.is_nan() || dp.abs() >= tol;
                } else if active[i] {
                    p[i] = 0.5 * (p1[i] + p[i]);
                    active[i] = false;
                }
            }
            if !(0..n).any(|i| nz_der[i] && failures[i]) {
                break;
            }
            std::mem::swap(&mut p, &mut p1);
            q0 = q1;
            q1 = eval(&mut f, &p1, "f(x)")?;
        }
    }
    let zero_der = Array1::from_shape_fn(n, |i| !nz_der[i] && failures[i]);
    if disp && failures.iter().all(|&b| b) && !zero_der.iter().any(|&b| b) {
        return Err(Error::NotConverged {
            iterations: maxiter,
            residual: f64::NAN,
        });
    }
    Ok(NewtonArrayResult {
        root: p,
        converged: failures.mapv(|b| !b),
        zero_der,
    })
}

/// A method of [`root_scalar`] (SciPy `method=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootScalarMethod {
    /// [`brentq`] (needs `bracket`).
    Brentq,
    /// [`brenth`] (needs `bracket`).
    Brenth,
    /// [`ridder`] (needs `bracket`).
    Ridder,
    /// [`bisect`] (needs `bracket`).
    Bisect,
    /// [`toms748`] (needs `bracket`).
    Toms748,
    /// Newton–Raphson (needs `x0` and `fprime`).
    Newton,
    /// Secant method (needs `x0`; `x1` optional).
    Secant,
    /// Halley's method (needs `x0`, `fprime` and `fprime2`).
    Halley,
}

/// Options of [`root_scalar`] (SciPy's keywords). Unset tolerances take the
/// chosen method's SciPy default.
#[derive(Default)]
pub struct RootScalarOptions<'a> {
    /// The method; `None` picks as SciPy does: a bracket gives `Brentq`,
    /// otherwise `x0` with `fprime` and `fprime2` gives `Halley`, with
    /// `fprime` gives `Newton`, and alone gives `Secant`.
    pub method: Option<RootScalarMethod>,
    /// A sign-change interval `(a, b)`.
    pub bracket: Option<(f64, f64)>,
    /// Starting point.
    pub x0: Option<f64>,
    /// Second starting point (secant).
    pub x1: Option<f64>,
    /// First derivative.
    pub fprime: Option<Box<dyn FnMut(f64) -> f64 + 'a>>,
    /// Second derivative.
    pub fprime2: Option<Box<dyn FnMut(f64) -> f64 + 'a>>,
    /// Absolute tolerance.
    pub xtol: Option<f64>,
    /// Relative tolerance.
    pub rtol: Option<f64>,
    /// Iteration cap.
    pub maxiter: Option<usize>,
}

/// Finds a root of a scalar function with a chosen method (SciPy `root_scalar`).
///
/// Unlike the direct functions, failing to converge is reported in the result
/// (`converged == false`), as SciPy's `root_scalar` does.
///
/// # Errors
/// [`Error::InvalidArgument`] if the method's required inputs are missing
/// (bracket, `x0`, `fprime`, `fprime2`) or invalid.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{root_scalar, RootScalarOptions};
/// let opts = RootScalarOptions { bracket: Some((0.0, 2.0)), ..Default::default() };
/// let sol = root_scalar(|x| x * x - 2.0, opts)?;
/// assert!(sol.converged && (sol.root - 2f64.sqrt()).abs() < 1e-12);
///
/// let opts = RootScalarOptions { x0: Some(1.0), fprime: Some(Box::new(|x| 2.0 * x)), ..Default::default() };
/// let sol = root_scalar(|x| x * x - 2.0, opts)?;
/// assert!((sol.root - 2f64.sqrt()).abs() < 1e-12);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn root_scalar<F: FnMut(f64) -> f64>(
    f: F,
    options: RootScalarOptions<'_>,
) -> Result<RootResults> {
    use RootScalarMethod as M;
    let method = options.method.unwrap_or(if options.bracket.is_some() {
        M::Brentq
    } else if options.fprime.is_some() && options.fprime2.is_some() {
        M::Halley
    } else if options.fprime.is_some() {
        M::Newton
    } else {
        M::Secant
    });
    match method {
        M::Brentq | M::Brenth | M::Ridder | M::Bisect | M::Toms748 => {
            let (a, b) = options.bracket.ok_or_else(|| {
                check::invalid("bracket", format!("method {method:?} needs a bracket"))
            })?;
            let d = RootOptions::default();
            let o = RootOptions {
                xtol: options.xtol.unwrap_or(d.xtol),
                rtol: options.rtol.unwrap_or(d.rtol),
                maxiter: options.maxiter.unwrap_or(d.maxiter),
                disp: false,
            };
            let m = match method {
                M::Brentq => Bracketing::Brentq,
                M::Brenth => Bracketing::Brenth,
                M::Ridder => Bracketing::Ridder,
                M::Bisect => Bracketing::Bisect,
                _ => Bracketing::Toms748,
            };
            bracketed(m, f, a, b, &o)
        }
        M::Newton | M::Secant | M::Halley => {
            let x0 = options
                .x0
                .ok_or_else(|| check::invalid("x0", format!("method {method:?} needs x0")))?;
            if method != M::Secant && options.fprime.is_none() {
                return Err(check::invalid(
                    "fprime",
                    format!("method {method:?} needs fprime"),
                ));
            }
            if method == M::Halley && options.fprime2.is_none() {
                return Err(check::invalid("fprime2", "method Halley needs fprime2"));
            }
            let d = NewtonOptions::default();
            let o = NewtonOptions {
                fprime: if method == M::Secant {
                    None
                } else {
                    options.fprime
                },
                fprime2: if method == M::Halley {
                    options.fprime2
                } else {
                    None
                },
                x1: options.x1,
                tol: options.xtol.unwrap_or(d.tol),
                rtol: options.rtol.unwrap_or(d.rtol),
                maxiter: options.maxiter.unwrap_or(d.maxiter),
                disp: false,
            };
            newton(f, x0, o)
        }
    }
}
