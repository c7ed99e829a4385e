//! Trust-region Newton methods (SciPy `method='dogleg'`, `'trust-ncg'`,
//! `'trust-exact'`, `'trust-krylov'`): one outer iteration shared by all,
//! and the dogleg and Steihaug–CG subproblem solvers.
//!
//! Each iteration minimises the quadratic model
//! `m(p) = f + gᵀp + ½ pᵀ B p` over `‖p‖ ≤ Δ`, compares the actual with
//! the predicted reduction (`ρ`), shrinks `Δ` by 4 when `ρ < ¼`, doubles it
//! (up to `max_trust_radius`) when `ρ > ¾` and the step reached the
//! boundary, and accepts the step when `ρ > η`.

use super::diff::Objective;
use super::minimize::{Method, MinimizeOptions, Settings};
use super::newton_cg::Curvature;
use super::result::{OptimizeResult, Status};
use super::trust_exact::{ExactState, cholesky};
use crate::{Result, check};
use ndarray::{Array1, Array2, ArrayRef1};

/// Which subproblem solver a trust-region run uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subproblem {
    Dogleg,
    Ncg,
    Exact,
    Krylov,
}

/// The trust-region keywords of `minimize` (resolved, validated).
#[derive(Debug, Clone, Copy)]
pub(crate) struct TrustParams {
    pub(crate) initial_trust_radius: f64,
    pub(crate) max_trust_radius: f64,
    pub(crate) eta: f64,
    pub(crate) inexact: bool,
    pub(crate) subproblem_maxiter: usize,
}

/// The subproblem and validated keywords for a trust-region `method`,
/// `None` for other methods.
pub(crate) fn params(
    method: Method,
    o: &MinimizeOptions<'_>,
) -> Result<Option<(Subproblem, TrustParams)>> {
    let sub = match method {
        Method::Dogleg => Subproblem::Dogleg,
        Method::TrustNcg => Subproblem::Ncg,
        Method::TrustExact => Subproblem::Exact,
        Method::TrustKrylov => Subproblem::Krylov,
        _ => return Ok(None),
    };
    if o.jac.is_none() {
        return Err(check::invalid(
            "jac",
            format!("{method:?} needs the gradient `jac`"),
        ));
    }
    if matches!(sub, Subproblem::Dogleg | Subproblem::Exact)
        && o.hess.is_none()
        && o.hessp.is_some()
    {
        return Err(check::invalid(
            "hess",
            format!(
                "{method:?} needs the Hessian matrix: give `hess`, or neither `hess` nor `hessp` for finite differences"
            ),
        ));
    }
    let tp = TrustParams {
        initial_trust_radius: o.initial_trust_radius.unwrap_or(1.0),
        max_trust_radius: o.max_trust_radius.unwrap_or(1000.0),
        eta: o.eta.unwrap_or(0.15),
        inexact: o.inexact,
        subproblem_maxiter: o.subproblem_maxiter.unwrap_or(25),
    };
    if !(0.0..0.25).contains(&tp.eta) {
        return Err(check::invalid(
            "eta",
            format!("must be in [0, 0.25), got {}", tp.eta),
        ));
    }
    check::positive("max_trust_radius", tp.max_trust_radius)?;
    check::positive("initial_trust_radius", tp.initial_trust_radius)?;
    if tp.initial_trust_radius >= tp.max_trust_radius {
        return Err(check::invalid(
            "initial_trust_radius",
            format!(
                "must be less than max_trust_radius = {}, got {}",
                tp.max_trust_radius, tp.initial_trust_radius
            ),
        ));
    }
    Ok(Some((sub, tp)))
}

/// Evaluation context: the objective, the curvature source and the count
/// of Hessian (or Hessian-vector) evaluations.
pub(crate) struct Ctx<'s, 'a> {
    pub(crate) obj: &'s mut Objective<'a>,
    pub(crate) curv: &'s mut Curvature<'a>,
    pub(crate) nhev: usize,
}

/// The quadratic model at one point; the Hessian is formed on demand.
pub(crate) struct Quad {
    pub(crate) x: Array1<f64>,
    pub(crate) f: f64,
    pub(crate) g: Array1<f64>,
    pub(crate) gmag: f64,
    h: Option<Array2<f64>>,
}

pub(crate) fn norm2(v: &ArrayRef1<f64>) -> f64 {
    v.dot(v).sqrt()
}

impl Quad {
    fn new(x: Array1<f64>, f: f64, ctx: &mut Ctx<'_, '_>) -> Quad {
        let g = ctx.obj.grad(&x, f);
        let gmag = norm2(&g);
        Quad {
            x,
            f,
            g,
            gmag,
            h: None,
        }
    }

    /// The Hessian at `x`: the user's, or forward differences of the
    /// gradient (SciPy `hess='2-point'`) when there is no `hess`.
    pub(crate) fn hess(&mut self, ctx: &mut Ctx<'_, '_>) -> &Array2<f64> {
        if self.h.is_none() {
            let n = self.x.len();
            let h = match &mut *ctx.curv {
                Curvature::Hess(h) => {
                    ctx.nhev += 1;
                    let m = h(&self.x);
                    if m.dim() == (n, n) {
                        m
                    } else {
                        Array2::from_elem((n, n), f64::NAN)
                    }
                }
                _ => {
                    let mut m = Array2::zeros((n, n));
                    let mut xe = self.x.clone();
                    for j in 0..n {
                        let xj = self.x[j];
                        let sign = if xj >= 0.0 { 1.0 } else { -1.0 };
                        xe[j] = xj + f64::EPSILON.sqrt() * sign * xj.abs().max(1.0);
                        let dx = xe[j] - xj;
                        let gj = ctx.obj.grad(&xe, f64::NAN);
                        m.column_mut(j).assign(&((gj - &self.g) / dx));
                        xe[j] = xj;
                    }
                    m
                }
            };
            self.h = Some(h);
        }
        self.h.as_ref().expect("formed above")
    }

    /// `B p`, through `hessp` when that is all there is.
    pub(crate) fn hessp(&mut self, p: &Array1<f64>, ctx: &mut Ctx<'_, '_>) -> Array1<f64> {
        if let Curvature::Hessp(hp) = &mut *ctx.curv {
            ctx.nhev += 1;
            let v = hp(&self.x, p);
            return if v.len() == p.len() {
                v
            } else {
                Array1::from_elem(p.len(), f64::NAN)
            };
        }
        self.hess(ctx).dot(p)
    }

    /// The model value `m(p)`.
    pub(crate) fn model(&mut self, p: &Array1<f64>, ctx: &mut Ctx<'_, '_>) -> f64 {
        let bp = self.hessp(p, ctx);
        self.f + self.g.dot(p) + 0.5 * p.dot(&bp)
    }
}

/// The two `t` (ascending) with `‖z + t d‖ = Δ`.
pub(crate) fn boundary_intersections(z: &Array1<f64>, d: &Array1<f64>, delta: f64) -> (f64, f64) {
    let a = d.dot(d);
    let b = 2.0 * z.dot(d);
    let c = z.dot(z) - delta * delta;
    // The cancellation-free pair of roots.
    let aux = b + (b * b - 4.0 * a * c).sqrt().copysign(b);
    let (t1, t2) = (-aux / (2.0 * a), -2.0 * c / aux);
    if t1 <= t2 { (t1, t2) } else { (t2, t1) }
}

/// Why a subproblem could not produce a step.
pub(crate) struct LinalgFailure;

/// Powell's dogleg: the Newton step if it fits, else the point where the
/// path Cauchy point → Newton point leaves the region. Needs `B ≻ 0`.
fn dogleg(
    q: &mut Quad,
    delta: f64,
    ctx: &mut Ctx<'_, '_>,
) -> Result<(Array1<f64>, bool), LinalgFailure> {
    let g = q.g.clone();
    let h = q.hess(ctx).clone();
    let u = cholesky(&h).map_err(|_| LinalgFailure)?;
    let pb = -u.solve(&g);
    if norm2(&pb) < delta {
        return Ok((pb, false));
    }
    let bg = h.dot(&g);
    let pu = &g * (-g.dot(&g) / g.dot(&bg));
    let pun = norm2(&pu);
    if pun >= delta {
        return Ok((pu * (delta / pun), true));
    }
    let d = &pb - &pu;
    let (_, tb) = boundary_intersections(&pu, &d, delta);
    Ok((pu + d * tb, true))
}

/// Steihaug's truncated CG: CG on `B p = −g` from 0, stopped at the
/// boundary, at negative curvature, or at the residual
/// `min(½, √‖g‖)·‖g‖`.
fn steihaug(q: &mut Quad, delta: f64, ctx: &mut Ctx<'_, '_>) -> (Array1<f64>, bool) {
    let n = q.x.len();
    let tol = 0.5f64.min(q.gmag.sqrt()) * q.gmag;
    let mut z = Array1::zeros(n);
    if q.gmag < tol {
        return (z, false);
    }
    let mut r = q.g.clone();
    let mut d = -&r;
    // CG ends in n steps in exact arithmetic; the cap only guards against
    // a NaN curvature looping forever.
    for _ in 0..(10 * n).max(100) {
        let bd = q.hessp(&d, ctx);
        let dbd = d.dot(&bd);
        if dbd <= 0.0 {
            // Negative curvature: the better of the two boundary points.
            let (ta, tb) = boundary_intersections(&z, &d, delta);
            let pa = &z + &(&d * ta);
            let pb = &z + &(&d * tb);
            return if q.model(&pa, ctx) < q.model(&pb, ctx) {
                (pa, true)
            } else {
                (pb, true)
            };
        }
        let rr = r.dot(&r);
        let alpha = rr / dbd;
        let z_next = &z + &(&d * alpha);
        if norm2(&z_next) >= delta || z_next.iter().any(|v| v.is_nan()) {
            let (_, tb) = boundary_intersections(&z, &d, delta);
            return (z + d * tb, true);
        }
        let r_next = &r + &(&bd * alpha);
        let rr_next = r_next.dot(&r_next);
        if rr_next.sqrt() < tol {
            return (z_next, false);
        }
        d = &d * (rr_next / rr) - &r_next;
        z = z_next;
        r = r_next;
    }
    (z, false)
}

/// The trust-region iteration with the given subproblem solver.
pub(crate) fn trust_region<'a>(
    obj: &mut Objective<'a>,
    x0: Array1<f64>,
    curv: &mut Curvature<'a>,
    st: &mut Settings<'_>,
    sub: Subproblem,
    tp: &TrustParams,
) -> OptimizeResult {
    let n = x0.len();
    let maxiter = st.maxiter.unwrap_or(200 * n);
    let gtol = st.gtol.unwrap_or(1e-4);
    let mut ctx = Ctx { obj, curv, nhev: 0 };
    let f0 = ctx.obj.f(&x0);
    let mut m = Quad::new(x0, f0, &mut ctx);
    let mut delta = tp.initial_trust_radius;
    let mut exact = ExactState::default();
    let mut k = 0;
    let mut message = None;
    let status = loop {
        if !m.f.is_finite() || !m.gmag.is_finite() {
            break Status::NanEncountered;
        }
        if m.gmag < gtol {
            break Status::Success;
        }
        let solved = match sub {
            Subproblem::Dogleg => dogleg(&mut m, delta, &mut ctx),
            Subproblem::Ncg => Ok(steihaug(&mut m, delta, &mut ctx)),
            Subproblem::Exact => {
                let h = m.hess(&mut ctx).clone();
                super::trust_exact::solve(&h, &m.g, delta, &mut exact, tp.subproblem_maxiter)
            }
            Subproblem::Krylov => Ok(super::trust_krylov::gltr(
                &mut m, delta, tp.inexact, &mut ctx,
            )),
        };
        let Ok((p, hits_boundary)) = solved else {
            message = Some("A linalg error occurred, such as a non-psd Hessian.");
            break Status::PrecisionLoss;
        };
        let predicted = m.f - m.model(&p, &mut ctx);
        let x_new = &m.x + &p;
        let f_new = ctx.obj.f(&x_new);
        if predicted <= 0.0 || predicted.is_nan() {
            message = Some("A bad approximation caused failure to predict improvement.");
            break Status::PrecisionLoss;
        }
        // A non-finite trial value counts as a failed step (SciPy would
        // keep Δ and retry the same step until maxiter).
        let rho = if f_new.is_finite() {
            (m.f - f_new) / predicted
        } else {
            f64::NEG_INFINITY
        };
        if rho < 0.25 {
            delta *= 0.25;
        } else if rho > 0.75 && hits_boundary {
            delta = (2.0 * delta).min(tp.max_trust_radius);
        }
        if rho > tp.eta {
            m = Quad::new(x_new, f_new, &mut ctx);
            exact = ExactState::default();
        }
        k += 1;
        if st.stop(&m.x, m.f, k) {
            break Status::CallbackStopped;
        }
        if m.gmag < gtol {
            break Status::Success;
        }
        if k >= maxiter {
            break Status::MaxIterations;
        }
    };
    let nhev = ctx.nhev;
    let mut res = st.result(ctx.obj, m.x, m.f, Some(m.g), None, k, nhev, status);
    if let Some(msg) = message {
        res.message = msg.to_string();
    }
    res
}
