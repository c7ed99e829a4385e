//! Truncated Newton with bounds (SciPy `method='TNC'`, `fmin_tnc`), after
//! S. G. Nash, "Newton-type minimization via the Lanczos method", SIAM J.
//! Numer. Anal. 21 (1984), and his bound-constrained TN code as SciPy ships it.
//!
//! The variables are scaled to `y = (x − offset)/scale` (by default the
//! box width and centre for doubly bounded variables, `1 + |x₀|` and `x₀`
//! otherwise) and `f` by a factor that keeps `‖∇f‖` near 1. Each outer step
//! solves the Newton equations on the free variables by preconditioned CG
//! with Hessian-vector products from differences of gradients, truncated by
//! Nash's test on the quadratic model (`k(1 − q_{k−1}/q_k) ≤ ½`). The
//! preconditioner is a two-step self-scaled BFGS matrix on a diagonal that
//! CG itself updates. A Moré–Thuente search (sufficient decrease 1e-4,
//! curvature `η`) runs up to the nearest bound; a variable that reaches a
//! bound is fixed there (active set), and released when its Lagrange
//! multiplier has the wrong sign once the subspace is nearly optimal.

use super::diff::Objective;
use super::line_search::{MoreThuente, Search};
use super::minimize::Settings;
use super::result::{OptimizeResult, Status};
use crate::{Result, check};
use ndarray::{Array1, Zip};

/// TNC's own keywords (resolved by `minimize`).
#[derive(Debug, Clone, Default)]
pub(crate) struct TncParams {
    pub(crate) scale: Option<Array1<f64>>,
    pub(crate) offset: Option<Array1<f64>>,
    pub(crate) maxcgit: Option<usize>,
    pub(crate) eta: Option<f64>,
    pub(crate) stepmx: Option<f64>,
    pub(crate) accuracy: Option<f64>,
    pub(crate) minfev: f64,
    pub(crate) rescale: Option<f64>,
}

impl TncParams {
    pub(crate) fn check(&self, n: usize) -> Result<()> {
        for (name, v) in [("scale", &self.scale), ("offset", &self.offset)] {
            if let Some(v) = v {
                check::shape(name, &[n], v.shape())?;
                check::finite(name, v)?;
            }
        }
        Ok(())
    }
}

/// TNC's return codes and SciPy's texts for them.
fn rc_message(rc: i32) -> &'static str {
    match rc {
        0 => "Local minimum reached (|pg| ~= 0)",
        1 => "Converged (|f_n-f_(n-1)| ~= 0)",
        2 => "Converged (|x_n-x_(n-1)| ~= 0)",
        3 => "Max. number of function evaluations reached",
        4 => "Linear search failed",
        5 => "All lower bounds are equal to the upper bounds",
        6 => "Unable to progress",
        _ => "User requested end of minimization",
    }
}

/// Free, at the lower or upper bound, or fixed (zero scale or `lb == ub`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pin {
    Free,
    Low,
    Up,
    Fixed,
}

impl Pin {
    fn sign(self) -> f64 {
        match self {
            Pin::Low => -1.0,
            Pin::Up => 1.0,
            _ => 0.0,
        }
    }
}

fn project(v: &mut Array1<f64>, pins: &[Pin]) {
    for (x, p) in v.iter_mut().zip(pins) {
        if *p != Pin::Free {
            *x = 0.0;
        }
    }
}

fn nrm(v: &Array1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// The scaled problem: evaluations of `f·fscale` and its gradient in `y`.
struct Scaled<'o, 'a> {
    obj: &'o mut Objective<'a>,
    lb: Array1<f64>,
    ub: Array1<f64>,
    scale: Array1<f64>,
    offset: Array1<f64>,
    fscale: f64,
    /// TNC's evaluation count (one per `f` and `∇f` pair).
    evals: usize,
}

impl Scaled<'_, '_> {
    fn unscale(&self, y: &Array1<f64>) -> Array1<f64> {
        let mut x = y * &self.scale + &self.offset;
        Zip::from(&mut x)
            .and(&self.lb)
            .and(&self.ub)
            .for_each(|v, &l, &u| *v = v.max(l).min(u));
        x
    }

    /// Unscaled `f` and the scaled gradient `scale ⊙ ∇f · fscale`.
    fn eval(&mut self, y: &Array1<f64>) -> (f64, Array1<f64>) {
        let x = self.unscale(y);
        self.evals += 1;
        let f = self.obj.f(&x);
        let g = self.obj.grad(&x, f);
        let g = if g.len() == y.len() {
            g * &self.scale * self.fscale
        } else {
            Array1::from_elem(y.len(), f64::NAN)
        };
        (f, g)
    }
}

/// The quasi-Newton preconditioner: a diagonal `diagb` and up to two
/// secant pairs (the last step `sk, yk` and the sum since the last reset
/// `sr, yr`).
struct Precond {
    diagb: Array1<f64>,
    sk: Array1<f64>,
    yk: Array1<f64>,
    sr: Array1<f64>,
    yr: Array1<f64>,
    yksk: f64,
    yrsr: f64,
    /// No pairs yet: the diagonal alone.
    first: bool,
    /// Only `(sk, yk)` is used.
    reset: bool,
}

/// Self-scaled BFGS applied to `v`: `H₊v = Hv + δ s + β Hy`.
#[allow(clippy::too_many_arguments)]
fn ssbfgs(
    s: &Array1<f64>,
    hv: &Array1<f64>,
    hy: &Array1<f64>,
    ys: f64,
    yhy: f64,
    vs: f64,
    vhy: f64,
) -> Array1<f64> {
    let (delta, beta) = if ys == 0.0 {
        (0.0, 0.0)
    } else {
        ((yhy / ys + 1.0) * vs / ys - vhy / ys, -vs / ys)
    };
    hv + &(s * delta) + &(hy * beta)
}

impl Precond {
    /// `M⁻¹ v`.
    fn apply(&self, v: &Array1<f64>) -> Array1<f64> {
        let hv = v / &self.diagb;
        if self.first {
            return hv;
        }
        let hyk = &self.yk / &self.diagb;
        if self.reset {
            let ykhyk = self.yk.dot(&hyk);
            return ssbfgs(
                &self.sk,
                &hv,
                &hyk,
                self.yksk,
                ykhyk,
                v.dot(&self.sk),
                v.dot(&hyk),
            );
        }
        let hyr = &self.yr / &self.diagb;
        let yrhyr = self.yr.dot(&hyr);
        let hv2 = ssbfgs(
            &self.sr,
            &hv,
            &hyr,
            self.yrsr,
            yrhyr,
            v.dot(&self.sr),
            v.dot(&hyr),
        );
        let hyk2 = ssbfgs(
            &self.sr,
            &hyk,
            &hyr,
            self.yrsr,
            yrhyr,
            self.yk.dot(&self.sr),
            self.yk.dot(&hyr),
        );
        ssbfgs(
            &self.sk,
            &hv2,
            &hyk2,
            self.yksk,
            hyk2.dot(&self.yk),
            v.dot(&self.sk),
            hyk2.dot(v),
        )
    }

    /// The diagonal for the next CG run: `diagb` updated by the secant pairs
    /// (a diagonal BFGS update).
    fn diagonal(&self) -> Array1<f64> {
        if self.first {
            return self.diagb.clone();
        }
        let d = &self.diagb;
        let nz = |v: f64| if v == 0.0 { 1.0 } else { v };
        if self.reset {
            let sds = nz(self.sk.dot(&(d * &self.sk)));
            let yksk = nz(self.yksk);
            return Array1::from_shape_fn(d.len(), |i| {
                d[i] - d[i] * d[i] * self.sk[i] * self.sk[i] / sds + self.yk[i] * self.yk[i] / yksk
            });
        }
        let bsr = d * &self.sr;
        let sds = nz(self.sr.dot(&bsr));
        let srds = self.sk.dot(&bsr);
        let yrsk = self.yr.dot(&self.sk);
        let yrsr = nz(self.yrsr);
        let bsk = Array1::from_shape_fn(d.len(), |i| {
            d[i] * self.sk[i] - bsr[i] * srds / sds + self.yr[i] * yrsk / yrsr
        });
        let sds2 = nz(self.sk.dot(&bsk));
        let yksk = nz(self.yksk);
        Array1::from_shape_fn(d.len(), |i| {
            d[i] - d[i] * d[i] * self.sr[i] * self.sr[i] / sds + self.yr[i] * self.yr[i] / yrsr
                - bsk[i] * bsk[i] / sds2
                + self.yk[i] * self.yk[i] / yksk
        })
    }
}

/// The truncated-Newton direction by preconditioned CG on the free
/// variables; also leaves the CG-updated diagonal in `pc.diagb`.
#[allow(clippy::too_many_arguments)]
fn direction(
    sp: &mut Scaled<'_, '_>,
    pc: &mut Precond,
    y: &Array1<f64>,
    g: &Array1<f64>,
    pins: &[Pin],
    maxcgit: usize,
    maxfun: usize,
    accuracy: f64,
    gnorm: f64,
    xnorm: f64,
) -> Array1<f64> {
    let n = y.len();
    let steepest = |g: &Array1<f64>| {
        let mut p = -g;
        project(&mut p, pins);
        p
    };
    if maxcgit == 0 {
        return steepest(g);
    }
    let tol = 1e-12;
    let mut emat = pc.diagonal();
    let mut r = -g;
    let mut v = Array1::<f64>::zeros(n);
    let mut z = Array1::<f64>::zeros(n);
    let (mut qold, mut rzold) = (0.0, 0.0);
    let delta = accuracy * (xnorm + 1.0);
    for k in 0..maxcgit {
        project(&mut r, pins);
        let mut zk = pc.apply(&r);
        project(&mut zk, pins);
        let rz = r.dot(&zk);
        if rz / gnorm < tol || sp.evals >= maxfun.saturating_sub(1) || rz.is_nan() {
            if k == 0 {
                z = steepest(g);
            }
            break;
        }
        let beta = if k == 0 { 0.0 } else { rz / rzold };
        v = &zk + &(&v * beta);
        project(&mut v, pins);
        // Hessian times v by a forward difference of gradients.
        let yv = y + &(&v * delta);
        let (_, gv_full) = sp.eval(&yv);
        let mut gv = (gv_full - g) / delta;
        for (i, s) in sp.scale.iter().enumerate() {
            if *s == 0.0 {
                gv[i] = 0.0;
            }
        }
        project(&mut gv, pins);
        let vgv = v.dot(&gv);
        if vgv / gnorm < tol || vgv.is_nan() {
            // Non-positive curvature at once: the preconditioned gradient.
            if k == 0 {
                z = -pc.apply(g);
                project(&mut z, pins);
            }
            break;
        }
        // Diagonal BFGS update of the preconditioner from (v, Hv).
        let (ivr, ivgv) = (1.0 / v.dot(&r), 1.0 / vgv);
        for i in 0..n {
            emat[i] += -r[i] * r[i] * ivr + gv[i] * gv[i] * ivgv;
            if emat[i] <= 1e-6 {
                emat[i] = 1.0;
            }
        }
        let alpha = rz / vgv;
        z.scaled_add(alpha, &v);
        r.scaled_add(-alpha, &gv);
        // Nash's truncation test on the quadratic model q = gᵀz + ½ zᵀHz.
        let gtp = z.dot(g);
        let qnew = 0.5 * (gtp + r.dot(&z));
        if (k + 1) as f64 * (1.0 - qold / qnew) <= 0.5 {
            break;
        }
        if gtp > 0.0 {
            z.scaled_add(-alpha, &v);
            break;
        }
        qold = qnew;
        rzold = rz;
    }
    pc.diagb = emat;
    z
}

/// TNC from `x0` (inside the bounds after clipping).
pub(crate) fn tnc(
    obj: &mut Objective<'_>,
    x0: Array1<f64>,
    st: &mut Settings<'_>,
    tp: &TncParams,
) -> OptimizeResult {
    let n = x0.len();
    let eps = f64::EPSILON;
    let rteps = eps.sqrt();
    let (lb, ub) = match &st.bounds {
        Some(b) => (b.lb.clone(), b.ub.clone()),
        None => (
            Array1::from_elem(n, f64::NEG_INFINITY),
            Array1::from_elem(n, f64::INFINITY),
        ),
    };
    let mut x = x0;
    Zip::from(&mut x)
        .and(&lb)
        .and(&ub)
        .for_each(|v, &l, &u| *v = v.max(l).min(u));
    let maxfun = st.maxfev.unwrap_or((10 * n).max(100));
    let maxiter = st.maxiter.unwrap_or(usize::MAX);
    let mut stepmx = tp.stepmx.unwrap_or(0.0);
    if stepmx < 10.0 * rteps {
        stepmx = 10.0;
    }
    let eta = tp.eta.filter(|e| (0.0..1.0).contains(e)).unwrap_or(0.25);
    let rescale = tp.rescale.filter(|r| *r >= 0.0).unwrap_or(1.3);
    let maxcgit = tp.maxcgit.unwrap_or((n / 2).clamp(1, 50)).min(n);
    let accuracy = tp.accuracy.filter(|a| *a > eps).unwrap_or(rteps);
    let ftol = st.ftol.filter(|v| *v >= 0.0).unwrap_or(accuracy);
    let pgtol = st
        .gtol
        .filter(|v| *v >= 0.0)
        .unwrap_or(1e-2 * accuracy.sqrt());
    let xtol = st.xtol.filter(|v| *v >= 0.0).unwrap_or(rteps);

    // Scale and offset (a zero scale fixes the variable at x0).
    let mut scale = Array1::zeros(n);
    let mut offset = Array1::zeros(n);
    let (mut lb, mut ub) = (lb, ub);
    for i in 0..n {
        if let Some(s) = &tp.scale {
            scale[i] = s[i].abs();
            if scale[i] == 0.0 {
                offset[i] = x[i];
                lb[i] = x[i];
                ub[i] = x[i];
            }
        } else if lb[i].is_finite() && ub[i].is_finite() {
            scale[i] = ub[i] - lb[i];
            offset[i] = 0.5 * (ub[i] + lb[i]);
        } else {
            scale[i] = 1.0 + x[i].abs();
            offset[i] = x[i];
        }
        if let Some(o) = &tp.offset {
            offset[i] = o[i];
        }
    }
    let mut sp = Scaled {
        obj,
        lb,
        ub,
        scale,
        offset,
        fscale: 1.0,
        evals: 0,
    };
    let (f0, gfull0) = sp.eval(&Array1::from_shape_fn(n, |i| {
        if sp.scale[i] > 0.0 {
            (x[i] - sp.offset[i]) / sp.scale[i]
        } else {
            x[i]
        }
    }));
    let finish = |sp: Scaled<'_, '_>,
                  y: &Array1<f64>,
                  f: f64,
                  g: Option<Array1<f64>>,
                  nit: usize,
                  rc: i32,
                  st: &mut Settings<'_>,
                  status: Option<Status>| {
        let x = sp.unscale(y);
        let status = status.unwrap_or(match rc {
            0..=2 => Status::Success,
            3 => Status::MaxEvaluations,
            4 => Status::LineSearchFailed,
            5 => Status::NoFreeVariables,
            7 => Status::CallbackStopped,
            _ => Status::PrecisionLoss,
        });
        let jac = g.map(|g| {
            // Back to the unscaled gradient.
            Array1::from_shape_fn(n, |i| {
                if sp.scale[i] != 0.0 {
                    g[i] / (sp.scale[i] * sp.fscale)
                } else {
                    0.0
                }
            })
        });
        let mut res = st.result(sp.obj, x, f, jac, None, nit, 0, status);
        if status != Status::NanEncountered && status != Status::MaxIterations {
            res.message = rc_message(rc).to_string();
        }
        res
    };
    let y0 = Array1::from_shape_fn(n, |i| {
        if sp.scale[i] > 0.0 {
            (x[i] - sp.offset[i]) / sp.scale[i]
        } else {
            x[i]
        }
    });
    if !f0.is_finite() || gfull0.iter().any(|v| !v.is_finite()) {
        return finish(
            sp,
            &y0,
            f0,
            Some(gfull0),
            0,
            0,
            st,
            Some(Status::NanEncountered),
        );
    }
    if (0..n).all(|i| sp.lb[i] == sp.ub[i] || sp.scale[i] == 0.0) {
        return finish(sp, &y0, f0, Some(gfull0), 0, 5, st, None);
    }
    let mut y = y0;
    let mut f = f0; // scaled by fscale from here on
    // Initial active set: at a bound (to 10ε) with a multiplier of the right sign.
    let mut pins: Vec<Pin> = (0..n)
        .map(|i| {
            let xi = x[i];
            let tol = |b: f64| eps * 10.0 * (b.abs() + 1.0);
            if sp.scale[i] == 0.0 {
                Pin::Fixed
            } else if sp.lb[i].is_finite() && xi - sp.lb[i] <= tol(sp.lb[i]) {
                Pin::Low
            } else if sp.ub[i].is_finite() && xi - sp.ub[i] >= tol(sp.ub[i]) {
                Pin::Up
            } else {
                Pin::Free
            }
        })
        .collect();
    let mut gs = gfull0; // the scaled gradient (fscale = 1 so far)
    for i in 0..n {
        if -pins[i].sign() * gs[i] < 0.0 {
            pins[i] = Pin::Free;
        }
    }
    let mut g = gs.clone();
    project(&mut g, &pins);
    let mut gnorm = nrm(&g);
    let mut f_last_constraint = f;
    let mut f_last_reset = f;
    let mut pc = Precond {
        diagb: Array1::ones(n),
        sk: Array1::zeros(n),
        yk: Array1::zeros(n),
        sr: Array1::zeros(n),
        yr: Array1::zeros(n),
        yksk: 0.0,
        yrsr: 0.0,
        first: true,
        reset: false,
    };
    let (mut difnew, mut epsred) = (0.0f64, 0.05f64);
    let mut icycle = n - 1;
    let mut newcon = true;
    let mut alpha = 0.0;
    let mut nit = 0;
    let scaled_bound = |sp: &Scaled<'_, '_>, i: usize, b: f64| (b - sp.offset[i]) / sp.scale[i];
    let rc = loop {
        if nrm(&g) <= pgtol * sp.fscale {
            break 0;
        }
        if sp.evals >= maxfun {
            break 3;
        }
        if nit >= maxiter {
            let fun = f / sp.fscale;
            return finish(
                sp,
                &y,
                fun,
                Some(gs),
                nit,
                3,
                st,
                Some(Status::MaxIterations),
            );
        }
        // Keep ‖g‖ near 1 by rescaling f; the preconditioner starts over.
        let gn = nrm(&g);
        if gn > eps && gn.log10().abs() > rescale {
            let s = 1.0 / gn;
            f *= s;
            sp.fscale *= s;
            gnorm *= s;
            f_last_constraint *= s;
            f_last_reset *= s;
            difnew *= s;
            g *= s;
            gs *= s;
            pc.diagb.fill(1.0);
            pc.first = true;
            icycle = n - 1;
            newcon = true;
        }
        let mut yf = y.clone();
        project(&mut yf, &pins);
        let xnorm = nrm(&yf);
        let evals_before = sp.evals;
        let pk = direction(
            &mut sp, &mut pc, &y, &g, &pins, maxcgit, maxfun, accuracy, gnorm, xnorm,
        );
        if !newcon {
            if pc.reset {
                pc.sr.assign(&pc.sk);
                pc.yr.assign(&pc.yk);
                f_last_reset = f;
                icycle = 1;
            } else {
                pc.sr += &pc.sk;
                pc.yr += &pc.yk;
                icycle += 1;
            }
        }
        let gold = g.clone();
        let fold = f;
        let gtp0 = pk.dot(&g);
        let pnorm = nrm(&pk);
        let ustpmax = stepmx / (pnorm + eps);
        // Longest step along pk inside the box (free variables only).
        let mut spe = ustpmax;
        for i in 0..n {
            if pins[i] == Pin::Free && pk[i] != 0.0 {
                let t = if pk[i] < 0.0 {
                    scaled_bound(&sp, i, sp.lb[i]) - y[i]
                } else {
                    scaled_bound(&sp, i, sp.ub[i]) - y[i]
                };
                if (pk[i] < 0.0 && t > spe * pk[i]) || (pk[i] > 0.0 && t < spe * pk[i]) {
                    spe = t / pk[i];
                }
            }
        }
        if spe > 0.0 {
            // First trial: 1, or the step to f = minfev on the linear model.
            let d = (f - tp.minfev * sp.fscale).abs();
            alpha = if 2.0 * d <= -gtp0 && d >= eps {
                -2.0 * d / gtp0
            } else {
                1.0
            };
            alpha = alpha.min(spe);
            match line_search(&mut sp, &y, &pk, f, gtp0, alpha, spe, eta, maxfun) {
                LsOutcome::Found(a, fa, ga) => {
                    alpha = a;
                    y.scaled_add(a, &pk);
                    f = fa * sp.fscale;
                    gs = ga;
                }
                LsOutcome::Failed => break 4,
                LsOutcome::MaxFun => break 3,
            }
            if alpha >= 0.9 * ustpmax {
                stepmx *= 1e2;
            }
            newcon = alpha - spe >= -eps * 10.0;
        } else {
            newcon = true;
        }
        if newcon {
            // Pin the variables that reached a bound along pk.
            let mut added = false;
            for i in 0..n {
                if pins[i] != Pin::Free || pk[i] == 0.0 {
                    continue;
                }
                let xi = y[i] * sp.scale[i] + sp.offset[i];
                if pk[i] < 0.0 && sp.lb[i].is_finite() {
                    if xi - sp.lb[i] <= eps * 10.0 * (sp.lb[i].abs() + 1.0) {
                        pins[i] = Pin::Low;
                        y[i] = scaled_bound(&sp, i, sp.lb[i]);
                        added = true;
                    }
                } else if pk[i] > 0.0
                    && sp.ub[i].is_finite()
                    && sp.ub[i] - xi <= eps * 10.0 * (sp.ub[i].abs() + 1.0)
                {
                    pins[i] = Pin::Up;
                    y[i] = scaled_bound(&sp, i, sp.ub[i]);
                    added = true;
                }
            }
            if !added && sp.evals == evals_before {
                break 6;
            }
            f_last_constraint = f;
        }
        nit += 1;
        if st.stop(&sp.unscale(&y), f / sp.fscale, nit) {
            break 7;
        }
        let difold = difnew;
        difnew = fold - f;
        if icycle == 1 {
            if difnew > 2.0 * difold {
                epsred += epsred;
            }
            if difnew < 0.5 * difold {
                epsred *= 0.5;
            }
        }
        g = gs.clone();
        let mut gp = g.clone();
        project(&mut gp, &pins);
        gnorm = nrm(&gp);
        // Release the bound with the most negative multiplier once the
        // subspace minimisation has (nearly) converged.
        let mut removed = false;
        if !(f_last_constraint - f <= -0.5 * gtp0 && gnorm > pgtol * sp.fscale) {
            let mut best: Option<(usize, f64)> = None;
            for i in 0..n {
                if pins[i] == Pin::Fixed {
                    continue;
                }
                let t = -pins[i].sign() * g[i];
                if t < best.map_or(0.0, |b| b.1) {
                    best = Some((i, t));
                }
            }
            if let Some((i, _)) = best {
                pins[i] = Pin::Free;
                removed = true;
                let mut gp = g.clone();
                project(&mut gp, &pins);
                gnorm = nrm(&gp);
                f_last_constraint = f;
            }
        }
        if !removed && !newcon {
            if difnew.abs() <= ftol * sp.fscale {
                break 1;
            }
            if alpha * nrm(&pk) <= xtol {
                break 2;
            }
        }
        project(&mut g, &pins);
        if !newcon {
            pc.yk = &g - &gold;
            pc.sk = &pk * alpha;
            pc.yksk = pc.yk.dot(&pc.sk);
            pc.reset = if icycle == n - 1 || difnew < epsred * (f_last_reset - f) {
                true
            } else {
                pc.yrsr = pc.yr.dot(&pc.sr);
                pc.yrsr <= 0.0
            };
            pc.first = false;
        }
    };
    let fun = f / sp.fscale;
    finish(sp, &y, fun, Some(gs), nit, rc, st, None)
}

enum LsOutcome {
    /// Step, unscaled `f` and scaled gradient there.
    Found(f64, f64, Array1<f64>),
    Failed,
    MaxFun,
}

/// Moré–Thuente search on `φ(α) = f(y + α p)·fscale` over `(0, spe]` for
/// sufficient decrease (1e-4) and `|φ'(α)| ≤ η|φ'(0)|`. If it stops short
/// of both, the lowest point found below `φ(0)` is taken (TNC accepts any
/// lower point; reaching `spe` pins a new bound).
#[allow(clippy::too_many_arguments)]
fn line_search(
    sp: &mut Scaled<'_, '_>,
    y: &Array1<f64>,
    p: &Array1<f64>,
    f0: f64,
    g0: f64,
    alpha0: f64,
    spe: f64,
    eta: f64,
    maxfun: usize,
) -> LsOutcome {
    let Some(mut mt) = MoreThuente::start(alpha0, f0, g0, 1e-4, eta, 0.1, 0.0, spe) else {
        return LsOutcome::Failed;
    };
    let mut stp = alpha0;
    let mut best: Option<(f64, f64, f64, Array1<f64>)> = None;
    let take = |best: Option<(f64, f64, f64, Array1<f64>)>| match best {
        Some((a, fs, fu, g)) if fs < f0 => LsOutcome::Found(a, fu, g),
        _ => LsOutcome::Failed,
    };
    for _ in 0..64 {
        if sp.evals >= maxfun {
            return LsOutcome::MaxFun;
        }
        let a = stp;
        let (fu, gfull) = sp.eval(&(y + &(p * a)));
        let fs = fu * sp.fscale;
        let gu = gfull.dot(p);
        let better = fs.is_finite() && best.as_ref().is_none_or(|b| fs < b.1);
        if better {
            best = Some((a, fs, fu, gfull.clone()));
        }
        match mt.step(&mut stp, fs, gu) {
            Search::Converged => return LsOutcome::Found(a, fu, gfull),
            Search::Eval => {}
            Search::Failed => return take(best),
        }
    }
    take(best)
}

/// Legacy `fmin_tnc`: TNC with an optional gradient `fprime` (forward
/// differences without it), optional `bounds` and SciPy's defaults
/// (`maxfun = max(100, 10·n)`, `pgtol = 1e-2·√accuracy`, `ftol = accuracy = √ε`).
///
/// SciPy returns `(x, nfeval, rc)`: here `res.x`, `res.nfev`, and
/// `res.message` with TNC's text for `rc`.
///
/// # Errors
/// As [`minimize_with`](super::minimize_with).
///
/// # Examples
/// ```
/// use ferrosci::optimize::{fmin_tnc, rosen, rosen_der, Bounds};
/// use ndarray::array;
///
/// let b = Bounds::new(&array![-2.0, -2.0], &array![0.5, 2.0])?;
/// let res = fmin_tnc(rosen, Some(rosen_der), &array![-1.2, 1.0], Some(b))?;
/// assert!(res.success(), "{}", res.message);
/// assert!((res.x[0] - 0.5).abs() < 1e-6 && (res.x[1] - 0.25).abs() < 1e-4);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fmin_tnc<F, G>(
    func: F,
    fprime: Option<G>,
    x0: &ndarray::ArrayRef1<f64>,
    bounds: Option<super::result::Bounds>,
) -> Result<OptimizeResult>
where
    F: FnMut(&ndarray::ArrayRef1<f64>) -> f64,
    G: FnMut(&ndarray::ArrayRef1<f64>) -> Array1<f64>,
{
    let jac =
        fprime.map(|g| Box::new(g) as Box<dyn FnMut(&ndarray::ArrayRef1<f64>) -> Array1<f64>>);
    super::minimize::run(
        func,
        x0,
        super::minimize::Method::Tnc,
        super::minimize::MinimizeOptions {
            jac,
            bounds,
            ..Default::default()
        },
        false,
    )
}
