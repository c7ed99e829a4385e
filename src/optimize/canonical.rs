//! The canonical form `c_eq(x) = 0`, `c_in(x) ≥ 0` of `minimize`'s
//! constraints used by SLSQP, COBYLA, COBYQA and trust-constr, counting
//! evaluations.

use super::constraints::{
    ConFn, ConJac, Constraint, ConstraintType, SourceHess, bounds_pair, keep_flags,
};
use super::hessian_update::HessianUpdateStrategy;
use super::result::Bounds;
use crate::{Result, check};
use ndarray::{Array1, Array2, ArrayRef1};

/// How one canonical row comes from a user constraint component.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row {
    /// Index of the user constraint.
    pub(crate) con: usize,
    /// Component of its `fun`.
    pub(crate) comp: usize,
    /// `+1`: `f − b`; `−1`: `b − f`.
    pub(crate) sign: f64,
    /// The bound `b`.
    pub(crate) bound: f64,
}

/// A user constraint reduced to a vector function with a Jacobian.
enum Source<'a> {
    Linear(Array2<f64>),
    Fun {
        fun: ConFn<'a>,
        jac: Option<ConJac<'a>>,
    },
}

/// All constraints in the canonical form `c_eq(x) = 0`, `c_in(x) ≥ 0`
/// (rows ordered as SciPy's `new_constraint_to_old`: per constraint, the
/// equalities, then `f − lb ≥ 0`, then `ub − f ≥ 0`), counting evaluations.
pub(crate) struct Canonical<'a> {
    sources: Vec<Source<'a>>,
    /// Each user constraint's curvature.
    pub(crate) hess: Vec<SourceHess<'a>>,
    /// Each user constraint's `(lb, ub)`.
    pub(crate) limits: Vec<(Array1<f64>, Array1<f64>)>,
    /// Each user constraint's `keep_feasible` flags.
    keep: Vec<Array1<bool>>,
    /// Each user constraint's value at `x0`.
    start: Vec<Array1<f64>>,
    pub(crate) eq: Vec<Row>,
    pub(crate) ineq: Vec<Row>,
    n: usize,
    /// Constraint function evaluations (finite differences included).
    pub(crate) nfev: usize,
    /// Analytic Jacobian evaluations.
    pub(crate) njev: usize,
    /// The box that finite differences must not leave (trust-constr's
    /// bounds kept feasible).
    pub(crate) fd_bounds: Option<Bounds>,
}

impl<'a> Canonical<'a> {
    /// Builds the canonical form, probing each function once at `x0` for its
    /// length (SciPy does the same).
    pub(crate) fn new(cons: Vec<Constraint<'a>>, x0: &ArrayRef1<f64>) -> Result<Self> {
        let n = x0.len();
        let mut c = Canonical {
            sources: Vec::new(),
            hess: Vec::new(),
            limits: Vec::new(),
            keep: Vec::new(),
            start: Vec::new(),
            eq: Vec::new(),
            ineq: Vec::new(),
            n,
            nfev: 0,
            njev: 0,
            fd_bounds: None,
        };
        for (k, con) in cons.into_iter().enumerate() {
            let (src, hess, lb, ub, keep, v) = match con {
                Constraint::Linear(l) => {
                    check::shape("constraints: A", &[l.a.nrows(), n], l.a.shape())?;
                    let keep = keep_flags(l.lb.len(), &l.keep_feasible)?;
                    let v = l.a.dot(x0);
                    (Source::Linear(l.a), SourceHess::Zero, l.lb, l.ub, keep, v)
                }
                Constraint::Nonlinear(mut nl) => {
                    let v = (nl.fun)(x0);
                    let (lb, ub) = bounds_pair(v.len(), &nl.lb, &nl.ub)?;
                    let keep = keep_flags(v.len(), &nl.keep_feasible)?;
                    let src = Source::Fun {
                        fun: nl.fun,
                        jac: nl.jac,
                    };
                    let hess = match nl.hess {
                        Some(h) => SourceHess::Exact(h),
                        None => SourceHess::Update(nl.hess_update),
                    };
                    (src, hess, lb, ub, keep, v)
                }
                Constraint::Dict(mut d) => {
                    let v = (d.fun)(x0);
                    let m = v.len();
                    let (lb, ub) = match d.kind {
                        ConstraintType::Eq => (Array1::zeros(m), Array1::zeros(m)),
                        ConstraintType::Ineq => {
                            (Array1::zeros(m), Array1::from_elem(m, f64::INFINITY))
                        }
                    };
                    let src = Source::Fun {
                        fun: d.fun,
                        jac: d.jac,
                    };
                    (
                        src,
                        SourceHess::Update(HessianUpdateStrategy::bfgs()),
                        lb,
                        ub,
                        Array1::from_elem(m, false),
                        v,
                    )
                }
            };
            c.sources.push(src);
            c.hess.push(hess);
            c.limits.push((lb.clone(), ub.clone()));
            c.keep.push(keep);
            c.start.push(v);
            let m = lb.len();
            for i in 0..m {
                if lb[i] == ub[i] {
                    c.eq.push(Row {
                        con: k,
                        comp: i,
                        sign: 1.0,
                        bound: lb[i],
                    });
                }
            }
            for i in 0..m {
                if lb[i] != ub[i] && lb[i] > f64::NEG_INFINITY {
                    c.ineq.push(Row {
                        con: k,
                        comp: i,
                        sign: 1.0,
                        bound: lb[i],
                    });
                }
            }
            for i in 0..m {
                if lb[i] != ub[i] && ub[i] < f64::INFINITY {
                    c.ineq.push(Row {
                        con: k,
                        comp: i,
                        sign: -1.0,
                        bound: ub[i],
                    });
                }
            }
        }
        Ok(c)
    }

    /// Which inequality rows come from a component kept feasible.
    pub(crate) fn ineq_rows_kept(&self) -> Vec<bool> {
        self.ineq.iter().map(|r| self.keep[r.con][r.comp]).collect()
    }

    /// SciPy's check (trust-constr) that `x0` satisfies every inequality
    /// component kept feasible.
    pub(crate) fn check_kept_start(&self) -> Result<()> {
        for (k, ((lb, ub), v)) in self.limits.iter().zip(&self.start).enumerate() {
            for i in 0..v.len() {
                if self.keep[k][i] && lb[i] != ub[i] && (v[i] < lb[i] || v[i] > ub[i]) {
                    return Err(check::invalid(
                        "x0",
                        format!(
                            "infeasible for constraints[{k}] component {i} kept feasible: \
                             need {} <= {} <= {}",
                            lb[i], v[i], ub[i]
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Number of equality and inequality rows.
    pub(crate) fn sizes(&self) -> (usize, usize) {
        (self.eq.len(), self.ineq.len())
    }

    /// Raw values of every user constraint at `x` (NaN-filled if a function
    /// returns the wrong length, so the caller sees a NaN, not a panic).
    fn raw(&mut self, x: &ArrayRef1<f64>) -> Vec<Array1<f64>> {
        let counts = self.row_counts();
        let mut out = Vec::with_capacity(self.sources.len());
        for (k, src) in self.sources.iter_mut().enumerate() {
            let v = match src {
                Source::Linear(a) => a.dot(x),
                Source::Fun { fun, .. } => {
                    self.nfev += 1;
                    fun(x)
                }
            };
            out.push(if v.len() == counts[k] {
                v
            } else {
                Array1::from_elem(counts[k], f64::NAN)
            });
        }
        out
    }

    /// Length of each user constraint's `fun`.
    fn row_counts(&self) -> Vec<usize> {
        self.limits.iter().map(|(lb, _)| lb.len()).collect()
    }

    /// Each user constraint's function value at `x` (SciPy's `constr`).
    pub(crate) fn raw_values(&mut self, x: &ArrayRef1<f64>) -> Vec<Array1<f64>> {
        self.raw(x)
    }

    /// `(c_eq(x), c_in(x))`.
    pub(crate) fn values(&mut self, x: &ArrayRef1<f64>) -> (Array1<f64>, Array1<f64>) {
        let raw = self.raw(x);
        self.assemble_values(&raw)
    }

    /// Each user constraint's value at `x` and the largest violation, bounds
    /// included (SciPy's `constr` and `constr_violation`/`maxcv`), without
    /// counting these evaluations.
    pub(crate) fn report(
        &mut self,
        x: &ArrayRef1<f64>,
        bounds: Option<&Bounds>,
    ) -> (Vec<Array1<f64>>, f64) {
        let nfev = self.nfev;
        let constr = self.raw(x);
        self.nfev = nfev;
        let (ce, ci) = self.assemble_values(&constr);
        let (_, mut linf) = violation(&ce, &ci);
        if let Some(b) = bounds {
            for i in 0..x.len() {
                linf = linf.max(b.lb[i] - x[i]).max(x[i] - b.ub[i]);
            }
        }
        (constr, linf)
    }

    /// `(c_eq, c_in)` from the user constraints' values.
    pub(crate) fn assemble_values(&self, raw: &[Array1<f64>]) -> (Array1<f64>, Array1<f64>) {
        let pick = |rows: &[Row]| -> Array1<f64> {
            rows.iter()
                .map(|r| r.sign * (raw[r.con][r.comp] - r.bound))
                .collect()
        };
        (pick(&self.eq), pick(&self.ineq))
    }

    /// Jacobians `(∂c_eq/∂x, ∂c_in/∂x)`; missing ones by forward differences
    /// with step `√ε·max(1, |xᵢ|)`.
    pub(crate) fn jacobians(&mut self, x: &ArrayRef1<f64>) -> (Array2<f64>, Array2<f64>) {
        let jacs = self.raw_jacobians(x);
        self.assemble_jacobians(&jacs)
    }

    /// Each user constraint's Jacobian at `x` (NaN-filled if the wrong shape).
    pub(crate) fn raw_jacobians(&mut self, x: &ArrayRef1<f64>) -> Vec<Array2<f64>> {
        let counts = self.row_counts();
        let n = self.n;
        let mut jacs: Vec<Array2<f64>> = Vec::with_capacity(self.sources.len());
        for (k, src) in self.sources.iter_mut().enumerate() {
            let m = counts[k];
            let j = match src {
                Source::Linear(a) => a.clone(),
                Source::Fun { jac: Some(j), .. } => {
                    self.njev += 1;
                    j(x)
                }
                Source::Fun { fun, jac: None } => {
                    let f0 = fun(x);
                    self.nfev += 1 + n;
                    let mut xp = x.to_owned();
                    let mut jm = Array2::zeros((m, n));
                    if f0.len() == m {
                        for i in 0..n {
                            let xi = x[i];
                            let mut h = f64::EPSILON.sqrt()
                                * xi.abs().max(1.0)
                                * if xi >= 0.0 { 1.0 } else { -1.0 };
                            if let Some(b) = &self.fd_bounds
                                && !(b.lb[i]..=b.ub[i]).contains(&(xi + h))
                            {
                                h = -h;
                            }
                            xp[i] = xi + h;
                            let dx = xp[i] - xi;
                            let fi = fun(&xp);
                            xp[i] = xi;
                            if fi.len() == m {
                                jm.column_mut(i).assign(&((&fi - &f0) / dx));
                            } else {
                                jm.column_mut(i).fill(f64::NAN);
                            }
                        }
                    } else {
                        jm.fill(f64::NAN);
                    }
                    jm
                }
            };
            jacs.push(if j.dim() == (m, n) {
                j
            } else {
                Array2::from_elem((m, n), f64::NAN)
            });
        }
        jacs
    }

    /// `(∂c_eq/∂x, ∂c_in/∂x)` from the user constraints' Jacobians.
    pub(crate) fn assemble_jacobians(&self, jacs: &[Array2<f64>]) -> (Array2<f64>, Array2<f64>) {
        let n = self.n;
        let pick = |rows: &[Row]| -> Array2<f64> {
            let mut out = Array2::zeros((rows.len(), n));
            for (i, r) in rows.iter().enumerate() {
                out.row_mut(i).assign(&(&jacs[r.con].row(r.comp) * r.sign));
            }
            out
        };
        (pick(&self.eq), pick(&self.ineq))
    }

    /// Multipliers per user constraint component for the Lagrangian
    /// `f + v_eqᵀc_eq − v_inᵀc_in` (that is, `+ v_inᵀ(−c_in)` with the
    /// inequalities written `−c_in ≤ 0`, SciPy's trust-constr convention).
    pub(crate) fn user_weights(&self, v_eq: &Array1<f64>, v_in: &Array1<f64>) -> Vec<Array1<f64>> {
        let mut w: Vec<Array1<f64>> = self
            .limits
            .iter()
            .map(|(lb, _)| Array1::zeros(lb.len()))
            .collect();
        for (r, v) in self.eq.iter().zip(v_eq) {
            w[r.con][r.comp] += r.sign * v;
        }
        for (r, v) in self.ineq.iter().zip(v_in) {
            w[r.con][r.comp] -= r.sign * v;
        }
        w
    }
}

/// Total violation `Σ|c_eq| + Σ max(0, −c_in)` (ℓ₁), and its ∞-norm.
pub(crate) fn violation(ceq: &Array1<f64>, cin: &Array1<f64>) -> (f64, f64) {
    let mut l1 = 0.0;
    let mut linf: f64 = 0.0;
    for v in ceq
        .iter()
        .map(|c| c.abs())
        .chain(cin.iter().map(|c| (-c).max(0.0)))
    {
        l1 += v;
        linf = linf.max(v);
    }
    (l1, linf)
}
