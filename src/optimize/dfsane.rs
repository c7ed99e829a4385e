//! Derivative-free spectral residual method for `F(x) = 0` (SciPy
//! `root(method='df-sane')`; La Cruz, Martínez, Raydan, *Math. Comp.* 75,
//! 2006; Cheng & Li, *IMA J. Numer. Anal.* 29, 2009).
//!
//! The step is `−σ_k F(x_k)` with the spectral (Barzilai–Borwein)
//! coefficient `σ_k = sᵀs / sᵀy` of the last step `s` and residual change
//! `y`; a non-monotone backtracking search on the merit `‖F‖²` tries
//! `x + αd` and `x − αd` alternately, accepting an increase of up to
//! `η_k = ‖F₀‖²/(1+k)²` over the recent maximum (Cruz) or a weighted
//! average (Cheng).

use super::lsq_common::ResidualFn;
use ndarray::Array1;
use std::collections::VecDeque;

/// Non-monotone line search of df-sane (SciPy `line_search`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DfSaneLineSearch {
    /// La Cruz et al.: compare with the maximum of the last `M` merits (default).
    #[default]
    Cruz,
    /// Cheng & Li: compare with a running weighted average of the merits.
    Cheng,
}

/// Options of `root(method='df-sane')` (SciPy's `options=`); `Default` is
/// SciPy's. The evaluation budget is `RootOptionsNd::maxfev` (default 1000).
#[derive(Debug, Clone, PartialEq)]
pub struct DfSaneOptions {
    /// Relative residual tolerance: stop at `‖F‖ < ftol·‖F₀‖ + fatol` (SciPy `ftol`, 1e-8).
    pub ftol: f64,
    /// Absolute residual tolerance (SciPy `fatol`, 1e-300).
    pub fatol: f64,
    /// Window of the non-monotone search (SciPy `M`, 10).
    pub m: usize,
    /// Bounds `|σ|` to `[sigma_eps, 1/sigma_eps]` (SciPy `sigma_eps`, 1e-10).
    pub sigma_eps: f64,
    /// Initial spectral coefficient (SciPy `sigma_0`, 1).
    pub sigma_0: f64,
    /// Which non-monotone search (SciPy `line_search`, `'cruz'`).
    pub line_search: DfSaneLineSearch,
}

impl Default for DfSaneOptions {
    fn default() -> Self {
        DfSaneOptions {
            ftol: 1e-8,
            fatol: 1e-300,
            m: 10,
            sigma_eps: 1e-10,
            sigma_0: 1.0,
            line_search: DfSaneLineSearch::Cruz,
        }
    }
}

/// Outcome of df-sane: 1 converged, 2 out of evaluations.
pub(crate) struct DfSaneOutcome {
    pub(crate) x: Array1<f64>,
    pub(crate) fun: Array1<f64>,
    pub(crate) nit: usize,
    pub(crate) nfev: usize,
    pub(crate) status: i32,
}

impl DfSaneOutcome {
    pub(crate) fn message(&self) -> &'static str {
        if self.status == 1 {
            "successful convergence"
        } else {
            "too many function evaluations required"
        }
    }
}

/// Runs df-sane from `x0` with `f0 = F(x0)` (finite, checked by the caller).
pub(crate) fn dfsane(
    fun: &mut ResidualFn<'_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    maxfev: usize,
    o: &DfSaneOptions,
) -> DfSaneOutcome {
    let n = x0.len();
    let mut nfev = 1;
    // The merit ‖F‖² and F, or None once the budget is spent.
    let mut eval = |x: &Array1<f64>| -> Option<(f64, Array1<f64>)> {
        if nfev >= maxfev {
            return None;
        }
        nfev += 1;
        let v = fun(x);
        let v = if v.len() == n {
            v
        } else {
            Array1::from_elem(n, f64::NAN)
        };
        let m = v.dot(&v);
        Some((m, v))
    };
    let (mut x, mut fv) = (x0, f0);
    let mut f_k = fv.dot(&fv);
    let f_0 = f_k;
    let f0_norm = f_0.sqrt();
    let mut sigma = o.sigma_0;
    let mut prev: VecDeque<f64> = VecDeque::from([f_k]);
    let (mut c, mut q) = (f_0, 1.0);
    let (gamma, tau_min, tau_max, nu) = (1e-4, 0.1, 0.5, 0.85);
    let mut k = 0;
    let status = 'outer: loop {
        if f_k.sqrt() < o.ftol * f0_norm + o.fatol {
            break 1;
        }
        if sigma.abs() > 1.0 / o.sigma_eps {
            sigma = sigma.signum() / o.sigma_eps;
        } else if sigma.abs() < o.sigma_eps || sigma.is_nan() {
            sigma = o.sigma_eps;
        }
        let d = &fv * -sigma;
        let eta = f_0 / ((1 + k) as f64).powi(2);
        let reference = match o.line_search {
            DfSaneLineSearch::Cruz => prev.iter().fold(f64::MIN, |m, &v| m.max(v)),
            DfSaneLineSearch::Cheng => c,
        };
        let (mut ap, mut am) = (1.0f64, 1.0f64);
        let (xp, fp, vp) = loop {
            let xt = &x + &(&d * ap);
            let Some((fpv, vpv)) = eval(&xt) else {
                break 'outer 2;
            };
            if fpv <= reference + eta - gamma * ap * ap * f_k {
                break (xt, fpv, vpv);
            }
            let atp = ap * ap * f_k / (fpv + (2.0 * ap - 1.0) * f_k);
            let xt = &x - &(&d * am);
            let Some((fmv, vmv)) = eval(&xt) else {
                break 'outer 2;
            };
            if fmv <= reference + eta - gamma * am * am * f_k {
                break (xt, fmv, vmv);
            }
            let atm = am * am * f_k / (fmv + (2.0 * am - 1.0) * f_k);
            // Clip into [τ_min α, τ_max α]; a NaN trial (non-finite F) takes the lower end.
            let clip = |t: f64, a: f64| {
                if t.is_nan() {
                    tau_min * a
                } else {
                    t.clamp(tau_min * a, tau_max * a)
                }
            };
            ap = clip(atp, ap);
            am = clip(atm, am);
        };
        if o.line_search == DfSaneLineSearch::Cheng {
            let q_next = nu * q + 1.0;
            c = (nu * q * (c + eta) + fp) / q_next;
            q = q_next;
        }
        let s = &xp - &x;
        let y = &vp - &fv;
        sigma = s.dot(&s) / s.dot(&y);
        x = xp;
        fv = vp;
        f_k = fp;
        if o.line_search == DfSaneLineSearch::Cruz {
            prev.push_back(fp);
            while prev.len() > o.m.max(1) {
                prev.pop_front();
            }
        }
        k += 1;
    };
    DfSaneOutcome {
        x,
        fun: fv,
        nit: k,
        nfev,
        status,
    }
}
