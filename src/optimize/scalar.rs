//! Scalar minimization (SciPy `minimize_scalar`, `brent`, `golden`,
//! `fminbound`, `bracket`).

use super::result::Status;
use crate::{Error, Result, check};

/// A bracket `xa, xb, xc` with `f(xb) < f(xa), f(xc)` (SciPy `bracket`'s result).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BracketResult {
    /// First point.
    pub xa: f64,
    /// Middle point, lowest value.
    pub xb: f64,
    /// Third point.
    pub xc: f64,
    /// `f(xa)`.
    pub fa: f64,
    /// `f(xb)`.
    pub fb: f64,
    /// `f(xc)`.
    pub fc: f64,
    /// Function evaluations used.
    pub funcalls: usize,
}

/// Options of [`bracket`]; defaults are SciPy's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BracketOptions {
    /// First starting point (default 0).
    pub xa: f64,
    /// Second starting point (default 1).
    pub xb: f64,
    /// Largest allowed parabolic extrapolation, in units of the last step (default 110).
    pub grow_limit: f64,
    /// Iteration cap (default 1000).
    pub maxiter: usize,
}

impl Default for BracketOptions {
    fn default() -> Self {
        BracketOptions {
            xa: 0.0,
            xb: 1.0,
            grow_limit: 110.0,
            maxiter: 1000,
        }
    }
}

/// Finds three points bracketing a minimum of `f`, walking downhill from
/// `xa, xb` with golden-ratio steps and parabolic extrapolation (SciPy `bracket`).
///
/// # Errors
/// [`Error::InvalidArgument`] if the starting points are not finite or equal;
/// [`Error::NotConverged`] if no valid bracket (`f(xb)` below both ends,
/// `xb` between them, all finite) is found within `maxiter` steps, e.g. for
/// a function unbounded below.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{bracket, BracketOptions};
/// let b = bracket(|x| (x - 3.0).powi(2), &BracketOptions::default())?;
/// assert!(b.fb < b.fa && b.fb < b.fc);
/// assert!((b.xa - 3.0) * (b.xc - 3.0) < 0.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn bracket<F: FnMut(f64) -> f64>(f: F, options: &BracketOptions) -> Result<BracketResult> {
    let (b, iter, valid) = bracket_search(f, options)?;
    if !valid {
        return Err(Error::NotConverged {
            iterations: iter,
            residual: b.fb,
        });
    }
    Ok(b)
}

/// The bracket search itself: the last three points, the iterations used, and
/// whether they form a valid bracket (callers that can use the best point of
/// a failed search, like Powell's line search, need it).
fn bracket_search<F: FnMut(f64) -> f64>(
    mut f: F,
    options: &BracketOptions,
) -> Result<(BracketResult, usize, bool)> {
    const GOLD: f64 = 1.618034;
    const TINY: f64 = 1e-21;
    let (mut xa, mut xb) = (options.xa, options.xb);
    if !xa.is_finite() || !xb.is_finite() || xa == xb {
        return Err(check::invalid(
            "xa, xb",
            format!("need two distinct finite points, got {xa}, {xb}"),
        ));
    }
    let (mut fa, mut fb) = (f(xa), f(xb));
    if fa < fb {
        (xa, xb, fa, fb) = (xb, xa, fb, fa);
    }
    let mut xc = xb + GOLD * (xb - xa);
    let mut fc = f(xc);
    let mut funcalls = 3;
    let mut iter = 0;
    while fc < fb {
        let t1 = (xb - xa) * (fb - fc);
        let t2 = (xb - xc) * (fb - fa);
        let val = t2 - t1;
        let denom = if val.abs() < TINY {
            2.0 * TINY
        } else {
            2.0 * val
        };
        let mut w = xb - ((xb - xc) * t2 - (xb - xa) * t1) / denom;
        let wlim = xb + options.grow_limit * (xc - xb);
        if iter > options.maxiter {
            break;
        }
        iter += 1;
        let mut fw;
        if (w - xc) * (xb - w) > 0.0 {
            // Parabolic minimum between xb and xc.
            fw = f(w);
            funcalls += 1;
            if fw < fc {
                (xa, xb, fa, fb) = (xb, w, fb, fw);
                break;
            } else if fw > fb {
                (xc, fc) = (w, fw);
                break;
            }
            w = xc + GOLD * (xc - xb);
            fw = f(w);
            funcalls += 1;
        } else if (w - wlim) * (wlim - xc) >= 0.0 {
            w = wlim;
            fw = f(w);
            funcalls += 1;
        } else if (w - wlim) * (xc - w) > 0.0 {
            fw = f(w);
            funcalls += 1;
            if fw < fc {
                (xb, xc) = (xc, w);
                w = xc + GOLD * (xc - xb);
                (fb, fc) = (fc, fw);
                fw = f(w);
                funcalls += 1;
            }
        } else {
            w = xc + GOLD * (xc - xb);
            fw = f(w);
            funcalls += 1;
        }
        (xa, xb, xc) = (xb, xc, w);
        (fa, fb, fc) = (fb, fc, fw);
    }
    let lowest = (fb < fc && fb <= fa) || (fb < fa && fb <= fc);
    let between = (xa < xb && xb < xc) || (xc < xb && xb < xa);
    let valid = lowest && between && xa.is_finite() && xb.is_finite() && xc.is_finite();
    Ok((
        BracketResult {
            xa,
            xb,
            xc,
            fa,
            fb,
            fc,
            funcalls,
        },
        iter,
        valid,
    ))
}

/// Brent minimization from the automatic bracket, falling back to the best
/// point seen when no valid bracket exists (SciPy's Powell line search).
/// Returns `(x, f(x), evaluations)`.
pub(crate) fn brent_or_best<F: FnMut(f64) -> f64>(mut f: F, tol: f64) -> (f64, f64, usize) {
    let (b, _, valid) = match bracket_search(&mut f, &BracketOptions::default()) {
        Ok(r) => r,
        Err(_) => return (0.0, f(0.0), 1),
    };
    if !valid {
        let best = [(b.xa, b.fa), (b.xb, b.fb), (b.xc, b.fc)]
            .into_iter()
            .filter(|p| p.1.is_finite())
            .min_by(|p, q| p.1.total_cmp(&q.1))
            .unwrap_or((b.xb, b.fb));
        return (best.0, best.1, b.funcalls);
    }
    let r = brent_core(&mut f, &b, tol, 500);
    (r.x, r.fun, r.nfev)
}

/// Outcome of a scalar minimizer (SciPy's `OptimizeResult` from `minimize_scalar`).
#[derive(Debug, Clone, PartialEq)]
pub struct ScalarResult {
    /// The minimizer.
    pub x: f64,
    /// `f(x)`.
    pub fun: f64,
    /// Iterations.
    pub nit: usize,
    /// Function evaluations (bracket search included).
    pub nfev: usize,
    /// Why the run stopped.
    pub status: Status,
    /// Description of `status`.
    pub message: String,
}

impl ScalarResult {
    /// Whether the convergence test passed.
    pub fn success(&self) -> bool {
        self.status == Status::Success
    }
}

fn scalar_result(x: f64, fun: f64, nit: usize, nfev: usize, status: Status) -> ScalarResult {
    let status = if fun.is_nan() {
        Status::NanEncountered
    } else {
        status
    };
    ScalarResult {
        x,
        fun,
        nit,
        nfev,
        status,
        message: status.message().to_string(),
    }
}

/// Where a bracketing scalar minimizer starts (SciPy `brack`/`bracket`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum Bracket {
    /// Search with [`bracket`] from 0 and 1 (SciPy's default).
    #[default]
    Auto,
    /// Search with [`bracket`] from these two points.
    Start(f64, f64),
    /// A ready bracket `(a, b, c)` with `f(b)` below `f(a)` and `f(c)`.
    Triple(f64, f64, f64),
}

fn resolve_bracket<F: FnMut(f64) -> f64>(f: &mut F, b: Bracket) -> Result<BracketResult> {
    match b {
        Bracket::Auto => bracket(f, &BracketOptions::default()),
        Bracket::Start(xa, xb) => bracket(
            f,
            &BracketOptions {
                xa,
                xb,
                ..Default::default()
            },
        ),
        Bracket::Triple(xa, xb, xc) => {
            let (fa, fb, fc) = (f(xa), f(xb), f(xc));
            let between = (xa < xb && xb < xc) || (xc < xb && xb < xa);
            if !(between && fb < fa && fb < fc) {
                return Err(check::invalid(
                    "brack",
                    format!("need a < b < c with f(b) below f(a) and f(c), got ({xa}, {xb}, {xc})"),
                ));
            }
            Ok(BracketResult {
                xa,
                xb,
                xc,
                fa,
                fb,
                fc,
                funcalls: 3,
            })
        }
    }
}

/// Options of [`brent`]; defaults are SciPy's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BrentOptions {
    /// Starting bracket (SciPy `brack`).
    pub brack: Bracket,
    /// Relative tolerance on `x` (SciPy `tol`, default `1.48e-8`).
    pub tol: f64,
    /// Iteration cap (default 500).
    pub maxiter: usize,
}

impl Default for BrentOptions {
    fn default() -> Self {
        BrentOptions {
            brack: Bracket::Auto,
            tol: 1.48e-8,
            maxiter: 500,
        }
    }
}

/// Minimizes a function of one variable with Brent's method: parabolic
/// interpolation safeguarded by golden-section steps (SciPy `brent`).
///
/// # Errors
/// [`Error::InvalidArgument`] for a negative `tol` or an invalid triple
/// bracket; [`Error::NotConverged`] if no bracket is found.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{brent, BrentOptions};
/// let r = brent(|x| (x - 1.5).powi(2) - 0.8, &BrentOptions::default())?;
/// assert!((r.x - 1.5).abs() < 1e-7 && (r.fun + 0.8).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn brent<F: FnMut(f64) -> f64>(mut f: F, options: &BrentOptions) -> Result<ScalarResult> {
    check::non_negative("tol", options.tol)?;
    let br = resolve_bracket(&mut f, options.brack)?;
    Ok(brent_core(f, &br, options.tol, options.maxiter))
}

/// Brent's parabolic/golden iteration inside a valid bracket.
fn brent_core<F: FnMut(f64) -> f64>(
    mut f: F,
    br: &BracketResult,
    tol: f64,
    maxiter: usize,
) -> ScalarResult {
    const MINTOL: f64 = 1e-11;
    const CG: f64 = 0.381_966_0;
    let mut nfev = br.funcalls;
    let (mut x, mut w, mut v) = (br.xb, br.xb, br.xb);
    let (mut fx, mut fw, mut fv) = (br.fb, br.fb, br.fb);
    let (mut a, mut b) = if br.xa < br.xc {
        (br.xa, br.xc)
    } else {
        (br.xc, br.xa)
    };
    let (mut deltax, mut rat) = (0.0f64, 0.0f64);
    let mut nit = 0;
    let mut status = Status::MaxIterations;
    while nit < maxiter {
        let tol1 = tol * x.abs() + MINTOL;
        let tol2 = 2.0 * tol1;
        let xmid = 0.5 * (a + b);
        if (x - xmid).abs() < tol2 - 0.5 * (b - a) {
            status = Status::Success;
            break;
        }
        let golden = |x: f64| if x >= xmid { a - x } else { b - x };
        if deltax.abs() <= tol1 {
            deltax = golden(x);
            rat = CG * deltax;
        } else {
            // Parabola through (x, fx), (w, fw), (v, fv).
            let t1 = (x - w) * (fx - fv);
            let mut t2 = (x - v) * (fx - fw);
            let mut p = (x - v) * t2 - (x - w) * t1;
            t2 = 2.0 * (t2 - t1);
            if t2 > 0.0 {
                p = -p;
            }
            t2 = t2.abs();
            let prev = deltax;
            deltax = rat;
            if p > t2 * (a - x) && p < t2 * (b - x) && p.abs() < (0.5 * t2 * prev).abs() {
                rat = p / t2;
                let u = x + rat;
                if u - a < tol2 || b - u < tol2 {
                    rat = if xmid - x >= 0.0 { tol1 } else { -tol1 };
                }
            } else {
                deltax = golden(x);
                rat = CG * deltax;
            }
        }
        let u = if rat.abs() < tol1 {
            x + tol1.copysign(if rat >= 0.0 { 1.0 } else { -1.0 })
        } else {
            x + rat
        };
        let fu = f(u);
        nfev += 1;
        if fu.is_nan() {
            nit += 1;
            status = Status::NanEncountered;
            break;
        }
        if fu > fx {
            if u < x {
                a = u;
            } else {
                b = u;
            }
            if fu <= fw || w == x {
                (v, w, fv, fw) = (w, u, fw, fu);
            } else if fu <= fv || v == x || v == w {
                (v, fv) = (u, fu);
            }
        } else {
            if u >= x {
                a = x;
            } else {
                b = x;
            }
            (v, w, x) = (w, x, u);
            (fv, fw, fx) = (fw, fx, fu);
        }
        nit += 1;
    }
    scalar_result(x, fx, nit, nfev, status)
}

/// Options of [`golden`]; defaults are SciPy's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GoldenOptions {
    /// Starting bracket (SciPy `brack`).
    pub brack: Bracket,
    /// Relative tolerance on `x` (SciPy `tol`, default `√ε`).
    pub tol: f64,
    /// Iteration cap (default 5000).
    pub maxiter: usize,
}

impl Default for GoldenOptions {
    fn default() -> Self {
        GoldenOptions {
            brack: Bracket::Auto,
            tol: f64::EPSILON.sqrt(),
            maxiter: 5000,
        }
    }
}

/// Minimizes a function of one variable by golden-section search (SciPy `golden`).
///
/// # Errors
/// As [`brent`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::{golden, GoldenOptions};
/// let r = golden(|x| (x - 1.5).powi(2) - 0.8, &GoldenOptions::default())?;
/// assert!((r.x - 1.5).abs() < 1e-7);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn golden<F: FnMut(f64) -> f64>(mut f: F, options: &GoldenOptions) -> Result<ScalarResult> {
    check::non_negative("tol", options.tol)?;
    const R: f64 = 0.618_033_99;
    const C: f64 = 1.0 - R;
    let br = resolve_bracket(&mut f, options.brack)?;
    let (xa, xb, xc) = (br.xa, br.xb, br.xc);
    let (mut x0, mut x3) = (xa, xc);
    let (mut x1, mut x2) = if (xc - xb).abs() > (xb - xa).abs() {
        (xb, xb + C * (xc - xb))
    } else {
        (xb - C * (xb - xa), xb)
    };
    let (mut f1, mut f2) = (f(x1), f(x2));
    let mut nfev = br.funcalls + 2;
    let mut nit = 0;
    let mut status = Status::MaxIterations;
    for _ in 0..options.maxiter {
        if (x3 - x0).abs() <= options.tol * (x1.abs() + x2.abs()) {
            status = Status::Success;
            break;
        }
        if f2 < f1 {
            (x0, x1) = (x1, x2);
            x2 = R * x1 + C * x3;
            f1 = f2;
            f2 = f(x2);
        } else {
            (x3, x2) = (x2, x1);
            x1 = R * x2 + C * x0;
            f2 = f1;
            f1 = f(x1);
        }
        nfev += 1;
        nit += 1;
        if f1.is_nan() || f2.is_nan() {
            status = Status::NanEncountered;
            break;
        }
    }
    let (x, fun) = if f1 < f2 { (x1, f1) } else { (x2, f2) };
    Ok(scalar_result(x, fun, nit, nfev, status))
}

/// Options of [`fminbound`]; defaults are SciPy's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FminboundOptions {
    /// Absolute tolerance on `x` (SciPy `xtol`/`xatol`, default `1e-5`).
    pub xtol: f64,
    /// Cap on function evaluations (SciPy `maxfun`/`maxiter`, default 500).
    pub maxfun: usize,
}

impl Default for FminboundOptions {
    fn default() -> Self {
        FminboundOptions {
            xtol: 1e-5,
            maxfun: 500,
        }
    }
}

/// Minimizes a function of one variable on `[x1, x2]` with Brent's bounded
/// method (golden section and parabolic steps, never leaving the interval;
/// SciPy `fminbound`, `minimize_scalar(method='bounded')`).
///
/// # Errors
/// [`Error::InvalidArgument`] if the bounds are not finite or `x1 > x2`, or
/// `xtol` is negative.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{fminbound, FminboundOptions};
/// let f = |x: f64| x * x + 10.0 * x.sin();
/// let r = fminbound(f, 0.0, 10.0, &FminboundOptions::default())?;
/// assert!((r.x - 3.83747).abs() < 1e-4);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fminbound<F: FnMut(f64) -> f64>(
    mut f: F,
    x1: f64,
    x2: f64,
    options: &FminboundOptions,
) -> Result<ScalarResult> {
    if !x1.is_finite() || !x2.is_finite() || x1 > x2 {
        return Err(check::invalid(
            "bounds",
            format!("need finite x1 <= x2, got ({x1}, {x2})"),
        ));
    }
    check::non_negative("xtol", options.xtol)?;
    let sqrt_eps = 2.2e-16f64.sqrt();
    let gm = 0.5 * (3.0 - 5f64.sqrt());
    let (mut a, mut b) = (x1, x2);
    // xf: best point; nfc: second best; fulc: third.
    let mut fulc = a + gm * (b - a);
    let (mut nfc, mut xf) = (fulc, fulc);
    let (mut rat, mut e) = (0.0f64, 0.0f64);
    let mut fx = f(xf);
    let mut num = 1;
    let (mut ffulc, mut fnfc) = (fx, fx);
    let mut xm = 0.5 * (a + b);
    let mut tol1 = sqrt_eps * xf.abs() + options.xtol / 3.0;
    let mut tol2 = 2.0 * tol1;
    let mut status = Status::Success;
    if options.maxfun <= num {
        status = Status::MaxEvaluations;
    }
    while status == Status::Success && (xf - xm).abs() > tol2 - 0.5 * (b - a) {
        let mut golden = true;
        if e.abs() > tol1 {
            let r = (xf - nfc) * (fx - ffulc);
            let mut q = (xf - fulc) * (fx - fnfc);
            let mut p = (xf - fulc) * q - (xf - nfc) * r;
            q = 2.0 * (q - r);
            if q > 0.0 {
                p = -p;
            }
            q = q.abs();
            let r = e;
            e = rat;
            if p.abs() < (0.5 * q * r).abs() && p > q * (a - xf) && p < q * (b - xf) {
                rat = p / q;
                let x = xf + rat;
                golden = false;
                if x - a < tol2 || b - x < tol2 {
                    let si = if xm - xf >= 0.0 { 1.0 } else { -1.0 };
                    rat = tol1 * si;
                }
            }
        }
        if golden {
            e = if xf >= xm { a - xf } else { b - xf };
            rat = gm * e;
        }
        let si = if rat >= 0.0 { 1.0 } else { -1.0 };
        let x = xf + si * rat.abs().max(tol1);
        let fu = f(x);
        num += 1;
        if fu.is_nan() {
            status = Status::NanEncountered;
            break;
        }
        if fu <= fx {
            if x >= xf {
                a = xf;
            } else {
                b = xf;
            }
            (fulc, ffulc) = (nfc, fnfc);
            (nfc, fnfc) = (xf, fx);
            (xf, fx) = (x, fu);
        } else {
            if x < xf {
                a = x;
            } else {
                b = x;
            }
            if fu <= fnfc || nfc == xf {
                (fulc, ffulc) = (nfc, fnfc);
                (nfc, fnfc) = (x, fu);
            } else if fu <= ffulc || fulc == xf || fulc == nfc {
                (fulc, ffulc) = (x, fu);
            }
        }
        xm = 0.5 * (a + b);
        tol1 = sqrt_eps * xf.abs() + options.xtol / 3.0;
        tol2 = 2.0 * tol1;
        if num >= options.maxfun {
            status = Status::MaxEvaluations;
        }
    }
    Ok(scalar_result(xf, fx, num, num, status))
}

/// A method of [`minimize_scalar`] with its inputs (SciPy `method=` with
/// `bracket=`/`bounds=`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScalarMethod {
    /// Brent's method from a bracket ([`brent`]).
    Brent(Bracket),
    /// Bounded Brent on `[lo, hi]` ([`fminbound`]).
    Bounded(f64, f64),
    /// Golden-section search from a bracket ([`golden`]).
    Golden(Bracket),
}

impl Default for ScalarMethod {
    fn default() -> Self {
        ScalarMethod::Brent(Bracket::Auto)
    }
}

/// Options of [`minimize_scalar`] (SciPy `tol=` and `options=`).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct MinimizeScalarOptions {
    /// Tolerance (`xtol` for Brent/Golden, `xatol` for Bounded); `None` = method default.
    pub tol: Option<f64>,
    /// Iteration cap (`maxiter`); `None` = method default.
    pub maxiter: Option<usize>,
}

/// Minimizes a scalar function of one variable (SciPy `minimize_scalar`).
///
/// # Errors
/// As the chosen method ([`brent`], [`fminbound`], [`golden`]).
///
/// # Examples
/// ```
/// use ferrosci::optimize::{minimize_scalar, MinimizeScalarOptions, ScalarMethod};
/// let f = |x: f64| (x - 2.0) * x * (x + 2.0).powi(2);
/// let r = minimize_scalar(f, ScalarMethod::default(), &MinimizeScalarOptions::default())?;
/// assert!((r.x - 1.28077640).abs() < 1e-6);
/// let r = minimize_scalar(f, ScalarMethod::Bounded(-3.0, -1.0), &MinimizeScalarOptions::default())?;
/// assert!((r.x + 2.0).abs() < 1e-5);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn minimize_scalar<F: FnMut(f64) -> f64>(
    f: F,
    method: ScalarMethod,
    options: &MinimizeScalarOptions,
) -> Result<ScalarResult> {
    match method {
        ScalarMethod::Brent(brack) => {
            let d = BrentOptions::default();
            brent(
                f,
                &BrentOptions {
                    brack,
                    tol: options.tol.unwrap_or(d.tol),
                    maxiter: options.maxiter.unwrap_or(d.maxiter),
                },
            )
        }
        ScalarMethod::Golden(brack) => {
            let d = GoldenOptions::default();
            golden(
                f,
                &GoldenOptions {
                    brack,
                    tol: options.tol.unwrap_or(d.tol),
                    maxiter: options.maxiter.unwrap_or(d.maxiter),
                },
            )
        }
        ScalarMethod::Bounded(lo, hi) => {
            let d = FminboundOptions::default();
            let o = FminboundOptions {
                xtol: options.tol.unwrap_or(d.xtol),
                maxfun: options.maxiter.unwrap_or(d.maxfun),
            };
            fminbound(f, lo, hi, &o)
        }
    }
}
