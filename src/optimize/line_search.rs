//! Line searches for the gradient methods: Moré–Thuente's safeguarded cubic
//! search (the MINPACK-2 `dcsrch` that SciPy's BFGS, CG and L-BFGS-B use),
//! and a strong-Wolfe bracketing/zoom fallback (Nocedal & Wright, Alg. 3.5–3.6).
//!
//! Both search along `x + α p` through a closure returning `(φ(α), φ'(α))`.

/// Outcome of the Moré–Thuente state machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Search {
    /// Evaluate φ and φ' at the new `stp`.
    Eval,
    /// Sufficient decrease and curvature conditions hold.
    Converged,
    /// Stopped without meeting the conditions (rounding, tolerance, bounds, or input error).
    Failed,
}

/// The state of a Moré–Thuente line search (MINPACK-2 `dcsrch`).
///
/// # References
/// J. J. Moré, D. J. Thuente, "Line search algorithms with guaranteed
/// sufficient decrease", ACM TOMS 20 (1994).
pub(crate) struct MoreThuente {
    gtol: f64,
    xtol: f64,
    stpmin: f64,
    stpmax: f64,
    brackt: bool,
    stage1: bool,
    finit: f64,
    ginit: f64,
    gtest: f64,
    width: f64,
    width1: f64,
    stx: f64,
    fx: f64,
    gx: f64,
    sty: f64,
    fy: f64,
    gy: f64,
    stmin: f64,
    stmax: f64,
}

const XTRAPL: f64 = 1.1;
const XTRAPU: f64 = 4.0;

impl MoreThuente {
    /// Starts a search from `φ(0) = f0`, `φ'(0) = g0 < 0` with first trial `stp`.
    /// Returns `None` if the inputs make no sense (non-descent direction, bad step).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn start(
        stp: f64,
        f0: f64,
        g0: f64,
        ftol: f64,
        gtol: f64,
        xtol: f64,
        stpmin: f64,
        stpmax: f64,
    ) -> Option<MoreThuente> {
        if !(stp >= stpmin && stp <= stpmax && g0 < 0.0 && f0.is_finite()) {
            return None;
        }
        let width = stpmax - stpmin;
        Some(MoreThuente {
            gtol,
            xtol,
            stpmin,
            stpmax,
            brackt: false,
            stage1: true,
            finit: f0,
            ginit: g0,
            gtest: ftol * g0,
            width,
            width1: width / 0.5,
            stx: 0.0,
            fx: f0,
            gx: g0,
            sty: 0.0,
            fy: f0,
            gy: g0,
            stmin: 0.0,
            stmax: stp + XTRAPU * stp,
        })
    }

    /// Takes `φ(stp) = f`, `φ'(stp) = g` and updates `stp` to the next trial.
    pub(crate) fn step(&mut self, stp: &mut f64, f: f64, g: f64) -> Search {
        let ftest = self.finit + *stp * self.gtest;
        if self.stage1 && f <= ftest && g >= 0.0 {
            self.stage1 = false;
        }
        if !f.is_finite() || !g.is_finite() {
            // Back off towards the best point so far.
            if *stp <= self.stx + 1e-300 {
                return Search::Failed;
            }
            self.brackt = true;
            self.sty = *stp;
            self.fy = f64::INFINITY;
            self.gy = f64::INFINITY;
            *stp = self.stx + 0.5 * (*stp - self.stx);
            return Search::Eval;
        }
        let warn = (self.brackt
            && (*stp <= self.stmin
                || *stp >= self.stmax
                || self.stmax - self.stmin <= self.xtol * self.stmax))
            || (*stp == self.stpmax && f <= ftest && g <= self.gtest)
            || (*stp == self.stpmin && (f > ftest || g >= self.gtest));
        if f <= ftest && g.abs() <= self.gtol * (-self.ginit) {
            return Search::Converged;
        }
        if warn {
            return Search::Failed;
        }
        if self.stage1 && f <= self.fx && f > ftest {
            // Modified function ψ(α) = φ(α) − φ(0) − ftol·α·φ'(0) until the
            // sufficient-decrease region is found.
            let gt = self.gtest;
            let (mut fxm, mut gxm) = (self.fx - self.stx * gt, self.gx - gt);
            let (mut fym, mut gym) = (self.fy - self.sty * gt, self.gy - gt);
            self.dcstep(
                &mut fxm,
                &mut gxm,
                &mut fym,
                &mut gym,
                stp,
                f - *stp * gt,
                g - gt,
            );
            self.fx = fxm + self.stx * gt;
            self.fy = fym + self.sty * gt;
            self.gx = gxm + gt;
            self.gy = gym + gt;
        } else {
            let (mut fx, mut gx, mut fy, mut gy) = (self.fx, self.gx, self.fy, self.gy);
            self.dcstep(&mut fx, &mut gx, &mut fy, &mut gy, stp, f, g);
            (self.fx, self.gx, self.fy, self.gy) = (fx, gx, fy, gy);
        }
        if self.brackt {
            if (self.sty - self.stx).abs() >= 0.66 * self.width1 {
                *stp = self.stx + 0.5 * (self.sty - self.stx);
            }
            self.width1 = self.width;
            self.width = (self.sty - self.stx).abs();
            self.stmin = self.stx.min(self.sty);
            self.stmax = self.stx.max(self.sty);
        } else {
            self.stmin = *stp + XTRAPL * (*stp - self.stx);
            self.stmax = *stp + XTRAPU * (*stp - self.stx);
        }
        *stp = stp.clamp(self.stpmin, self.stpmax);
        if self.brackt
            && (*stp <= self.stmin
                || *stp >= self.stmax
                || self.stmax - self.stmin <= self.xtol * self.stmax)
        {
            *stp = self.stx;
        }
        Search::Eval
    }

    /// One safeguarded step of the interval update (MINPACK-2 `dcstep`): picks
    /// the next trial from cubic and quadratic models of the endpoints and
    /// shrinks the interval of uncertainty `[stx, sty]`.
    #[allow(clippy::too_many_arguments)]
    fn dcstep(
        &mut self,
        fx: &mut f64,
        dx: &mut f64,
        fy: &mut f64,
        dy: &mut f64,
        stp: &mut f64,
        fp: f64,
        dp: f64,
    ) {
        let (stx, sty, s) = (self.stx, self.sty, *stp);
        let (smin, smax) = (self.stmin, self.stmax);
        let sgnd = dp * dx.signum();
        let stpf;
        if fp > *fx {
            // Higher value: the minimum is bracketed; cubic or cubic/quadratic mean.
            let theta = 3.0 * (*fx - fp) / (s - stx) + *dx + dp;
            let sc = theta.abs().max(dx.abs()).max(dp.abs());
            let mut gamma = sc
                * ((theta / sc).powi(2) - (*dx / sc) * (dp / sc))
                    .max(0.0)
                    .sqrt();
            if s < stx {
                gamma = -gamma;
            }
            let p = (gamma - *dx) + theta;
            let q = ((gamma - *dx) + gamma) + dp;
            let stpc = stx + (p / q) * (s - stx);
            let stpq = stx + ((*dx / ((*fx - fp) / (s - stx) + *dx)) / 2.0) * (s - stx);
            stpf = if (stpc - stx).abs() < (stpq - stx).abs() {
                stpc
            } else {
                stpc + (stpq - stpc) / 2.0
            };
            self.brackt = true;
        } else if sgnd < 0.0 {
            // Derivatives of opposite sign: bracketed; cubic or secant.
            let theta = 3.0 * (*fx - fp) / (s - stx) + *dx + dp;
            let sc = theta.abs().max(dx.abs()).max(dp.abs());
            let mut gamma = sc
                * ((theta / sc).powi(2) - (*dx / sc) * (dp / sc))
                    .max(0.0)
                    .sqrt();
            if s > stx {
                gamma = -gamma;
            }
            let p = (gamma - dp) + theta;
            let q = ((gamma - dp) + gamma) + *dx;
            let stpc = s + (p / q) * (stx - s);
            let stpq = s + (dp / (dp - *dx)) * (stx - s);
            stpf = if (stpc - s).abs() > (stpq - s).abs() {
                stpc
            } else {
                stpq
            };
            self.brackt = true;
        } else if dp.abs() < dx.abs() {
            // Derivative shrinks in magnitude: cubic only if it tends to
            // infinity in the step direction or its minimum lies beyond stp.
            let theta = 3.0 * (*fx - fp) / (s - stx) + *dx + dp;
            let sc = theta.abs().max(dx.abs()).max(dp.abs());
            let mut gamma = sc
                * ((theta / sc).powi(2) - (*dx / sc) * (dp / sc))
                    .max(0.0)
                    .sqrt();
            if s > stx {
                gamma = -gamma;
            }
            let p = (gamma - dp) + theta;
            let q = (gamma + (*dx - dp)) + gamma;
            let r = p / q;
            let stpc = if r < 0.0 && gamma != 0.0 {
                s + r * (stx - s)
            } else if s > stx {
                smax
            } else {
                smin
            };
            let stpq = s + (dp / (dp - *dx)) * (stx - s);
            if self.brackt {
                let t = if (stpc - s).abs() < (stpq - s).abs() {
                    stpc
                } else {
                    stpq
                };
                stpf = if s > stx {
                    (s + 0.66 * (sty - s)).min(t)
                } else {
                    (s + 0.66 * (sty - s)).max(t)
                };
            } else {
                let t = if (stpc - s).abs() > (stpq - s).abs() {
                    stpc
                } else {
                    stpq
                };
                stpf = t.clamp(smin, smax);
            }
        } else if self.brackt {
            // Derivative does not shrink: cubic through stp and sty.
            let theta = 3.0 * (fp - *fy) / (sty - s) + *dy + dp;
            let sc = theta.abs().max(dy.abs()).max(dp.abs());
            let mut gamma = sc
                * ((theta / sc).powi(2) - (*dy / sc) * (dp / sc))
                    .max(0.0)
                    .sqrt();
            if s > sty {
                gamma = -gamma;
            }
            let p = (gamma - dp) + theta;
            let q = ((gamma - dp) + gamma) + *dy;
            stpf = s + (p / q) * (sty - s);
        } else if s > stx {
            stpf = smax;
        } else {
            stpf = smin;
        }
        if fp > *fx {
            self.sty = s;
            *fy = fp;
            *dy = dp;
        } else {
            if sgnd < 0.0 {
                self.sty = stx;
                *fy = *fx;
                *dy = *dx;
            }
            self.stx = s;
            *fx = fp;
            *dx = dp;
        }
        *stp = stpf;
    }
}

/// Runs a Moré–Thuente search to completion: returns `(α, φ(α), φ'(α))` on
/// success. `phi` returns `(φ, φ')`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn more_thuente<P: FnMut(f64) -> (f64, f64)>(
    mut phi: P,
    alpha1: f64,
    f0: f64,
    g0: f64,
    c1: f64,
    c2: f64,
    xtol: f64,
    amin: f64,
    amax: f64,
    maxiter: usize,
) -> Option<(f64, f64, f64)> {
    let mut stp = alpha1;
    let mut s = MoreThuente::start(stp, f0, g0, c1, c2, xtol, amin, amax)?;
    for _ in 0..maxiter {
        let (f, g) = phi(stp);
        match s.step(&mut stp, f, g) {
            Search::Converged => return Some((stp, f, g)),
            Search::Failed => return None,
            Search::Eval => {}
        }
    }
    None
}

/// Minimizer of the cubic through `(a, fa, fpa)`, `(b, fb)`, `(c, fc)`.
fn cubicmin(a: f64, fa: f64, fpa: f64, b: f64, fb: f64, c: f64, fc: f64) -> Option<f64> {
    let (db, dc) = (b - a, c - a);
    let denom = (db * dc).powi(2) * (db - dc);
    let (r1, r2) = (fb - fa - fpa * db, fc - fa - fpa * dc);
    let aa = (dc * dc * r1 - db * db * r2) / denom;
    let bb = (-dc * dc * dc * r1 + db * db * db * r2) / denom;
    let radical = bb * bb - 3.0 * aa * fpa;
    let x = a + (-bb + radical.sqrt()) / (3.0 * aa);
    x.is_finite().then_some(x)
}

/// Minimizer of the quadratic through `(a, fa, fpa)` and `(b, fb)`.
fn quadmin(a: f64, fa: f64, fpa: f64, b: f64, fb: f64) -> Option<f64> {
    let db = b - a;
    let bq = (fb - fa - fpa * db) / (db * db);
    let x = a - fpa / (2.0 * bq);
    (bq > 0.0 && x.is_finite()).then_some(x)
}

/// Strong-Wolfe line search by bracketing and zoom (Nocedal & Wright
/// Algorithms 3.5 and 3.6, with cubic/quadratic interpolation). `accept`
/// is an extra condition a step must satisfy. Returns `(α, φ(α), φ'(α))`.
#[allow(clippy::too_many_arguments)]
pub(crate) fn strong_wolfe<P, A>(
    mut phi: P,
    mut accept: A,
    alpha1: f64,
    f0: f64,
    g0: f64,
    c1: f64,
    c2: f64,
    amax: f64,
    maxiter: usize,
) -> Option<(f64, f64, f64)>
where
    P: FnMut(f64) -> (f64, f64),
    A: FnMut(f64, f64, f64) -> bool,
{
    if g0 >= 0.0 {
        return None;
    }
    let (mut a0, mut fa0, mut ga0) = (0.0, f0, g0);
    let mut a1 = alpha1.min(amax);
    for i in 0..maxiter {
        if a1 == 0.0 || !a1.is_finite() {
            return None;
        }
        let (f1, g1) = phi(a1);
        if !f1.is_finite() {
            a1 = 0.5 * (a0 + a1);
            continue;
        }
        if f1 > f0 + c1 * a1 * g0 || (f1 >= fa0 && i > 0) {
            return zoom(
                &mut phi,
                &mut accept,
                (a0, fa0, ga0),
                (a1, f1, g1),
                f0,
                g0,
                c1,
                c2,
            );
        }
        if g1.abs() <= -c2 * g0 && accept(a1, f1, g1) {
            return Some((a1, f1, g1));
        }
        if g1 >= 0.0 {
            return zoom(
                &mut phi,
                &mut accept,
                (a1, f1, g1),
                (a0, fa0, ga0),
                f0,
                g0,
                c1,
                c2,
            );
        }
        (a0, fa0, ga0) = (a1, f1, g1);
        a1 = (2.0 * a1).min(amax);
    }
    None
}

#[allow(clippy::too_many_arguments)]
fn zoom<P, A>(
    phi: &mut P,
    accept: &mut A,
    lo: (f64, f64, f64),
    hi: (f64, f64, f64),
    f0: f64,
    g0: f64,
    c1: f64,
    c2: f64,
) -> Option<(f64, f64, f64)>
where
    P: FnMut(f64) -> (f64, f64),
    A: FnMut(f64, f64, f64) -> bool,
{
    let (mut alo, mut flo, mut glo) = lo;
    let (mut ahi, mut fhi, _) = hi;
    let (mut arec, mut frec) = (0.0, f0);
    for i in 0..10 {
        let d = ahi - alo;
        let (a, b) = if d < 0.0 { (ahi, alo) } else { (alo, ahi) };
        let cchk = 0.2 * d.abs();
        let qchk = 0.1 * d.abs();
        let mut aj = if i > 0 {
            cubicmin(alo, flo, glo, ahi, fhi, arec, frec)
        } else {
            None
        };
        if aj.is_none_or(|x| x > b - cchk || x < a + cchk) {
            aj = quadmin(alo, flo, glo, ahi, fhi);
            if aj.is_none_or(|x| x > b - qchk || x < a + qchk) {
                aj = Some(alo + 0.5 * d);
            }
        }
        let aj = aj.unwrap_or(alo + 0.5 * d);
        let (fj, gj) = phi(aj);
        if fj > f0 + c1 * aj * g0 || fj >= flo || !fj.is_finite() {
            (arec, frec) = (ahi, fhi);
            (ahi, fhi) = (aj, fj);
        } else {
            if gj.abs() <= -c2 * g0 && accept(aj, fj, gj) {
                return Some((aj, fj, gj));
            }
            if gj * (ahi - alo) >= 0.0 {
                (arec, frec) = (ahi, fhi);
                (ahi, fhi) = (alo, flo);
            } else {
                (arec, frec) = (alo, flo);
            }
            (alo, flo, glo) = (aj, fj, gj);
        }
    }
    None
}

use super::diff::Objective;
use ndarray::Array1;
use std::cell::RefCell;

/// Outcome of [`wolfe12`]: the step, the new point's value and gradient.
pub(crate) struct Step {
    pub(crate) alpha: f64,
    pub(crate) fval: f64,
    pub(crate) grad: Array1<f64>,
}

/// SciPy's `_line_search_wolfe12`: Moré–Thuente from the step
/// `min(1, 2.02 (f_k − f_{k−1}) / φ'(0))`, then the strong-Wolfe zoom search
/// if that fails or `extra` rejects its step. `None` means no acceptable step.
#[allow(clippy::too_many_arguments)]
pub(crate) fn wolfe12(
    obj: &mut Objective<'_>,
    xk: &Array1<f64>,
    pk: &Array1<f64>,
    gfk: &Array1<f64>,
    old_fval: f64,
    old_old_fval: f64,
    c1: f64,
    c2: f64,
    extra: &mut dyn FnMut(f64, &Array1<f64>) -> bool,
) -> Option<Step> {
    let derphi0 = gfk.dot(pk);
    let mut alpha1 = if derphi0 != 0.0 {
        (1.01 * 2.0 * (old_fval - old_old_fval) / derphi0).min(1.0)
    } else {
        1.0
    };
    if alpha1.is_nan() || alpha1 <= 0.0 {
        alpha1 = 1.0;
    }
    // The gradient at the last trial step, which is where both searches end.
    let last: RefCell<Option<(f64, Array1<f64>)>> = RefCell::new(None);
    let mut phi = |alpha: f64| {
        let x = xk + &(pk * alpha);
        let f = obj.f(&x);
        let g = obj.grad(&x, f);
        let d = g.dot(pk);
        *last.borrow_mut() = Some((alpha, g));
        (f, d)
    };
    let grad_at = |alpha: f64| {
        last.borrow()
            .as_ref()
            .filter(|(a, _)| *a == alpha)
            .map(|(_, g)| g.clone())
    };
    if let Some((alpha, fval, _)) = more_thuente(
        &mut phi, alpha1, old_fval, derphi0, c1, c2, 1e-14, 1e-100, 1e100, 100,
    ) {
        let grad = grad_at(alpha)?;
        if extra(alpha, &grad) {
            return Some(Step { alpha, fval, grad });
        }
    }
    let (alpha, fval, _) = strong_wolfe(
        &mut phi,
        |a, _, _| grad_at(a).is_some_and(|g| extra(a, &g)),
        alpha1,
        old_fval,
        derphi0,
        c1,
        c2,
        1e100,
        10,
    )?;
    Some(Step {
        alpha,
        fval,
        grad: grad_at(alpha)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_thuente_meets_strong_wolfe_on_a_quartic() {
        // φ(α) = (α − 3)⁴ − 3α from φ'(0) < 0, starting far too short and far too long.
        let phi = |a: f64| ((a - 3.0).powi(4) - 3.0 * a, 4.0 * (a - 3.0).powi(3) - 3.0);
        let (f0, g0) = phi(0.0);
        for start in [1e-3, 1.0, 100.0] {
            let (a, f, g) =
                more_thuente(phi, start, f0, g0, 1e-4, 0.1, 1e-14, 0.0, 1e10, 100).unwrap();
            assert!(f <= f0 + 1e-4 * a * g0, "sufficient decrease at {a}");
            assert!(g.abs() <= 0.1 * g0.abs(), "curvature at {a}: {g}");
        }
        // An ascent direction is refused.
        assert!(more_thuente(phi, 1.0, f0, 1.0, 1e-4, 0.9, 1e-14, 0.0, 1e10, 100).is_none());
    }

    #[test]
    fn zoom_search_meets_strong_wolfe_and_extra_condition() {
        let phi = |a: f64| ((a - 2.0).powi(2), 2.0 * (a - 2.0));
        let (f0, g0) = phi(0.0);
        let (a, f, g) =
            strong_wolfe(phi, |a, _, _| a > 1.5, 0.5, f0, g0, 1e-4, 0.4, 1e10, 20).unwrap();
        assert!(a > 1.5 && f <= f0 + 1e-4 * a * g0 && g.abs() <= 0.4 * g0.abs());
        assert!(strong_wolfe(phi, |_, _, _| true, 1.0, f0, 1.0, 1e-4, 0.4, 1e10, 20).is_none());
    }
}
