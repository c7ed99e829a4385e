//! COBYQA's interpolation set: the quadratic models of the objective and
//! the constraints, their least-Frobenius-norm updates, the Lagrange
//! functions, and the choice of the point to replace or to move.
//!
//! When a point changes, each model changes by the quadratic of least
//! Frobenius-norm Hessian that restores interpolation; the KKT matrix of that
//! problem is inverted afresh, in displacements from the base point divided
//! by the set's radius (which keeps it well scaled as the set shrinks), and
//! its inverse also gives the Lagrange functions.
//!
//! # Reference
//! M. J. D. Powell, "Least Frobenius norm updating of quadratic models that
//! satisfy interpolation conditions", Math. Program. 100 (2004), pp. 183–215.

use ndarray::{Array1, Array2, ArrayView1, Axis, s};

/// A quadratic `c + gᵀs + ½sᵀHs` in the displacement `s` from the base point.
#[derive(Clone)]
pub(crate) struct Model {
    pub(crate) c: f64,
    pub(crate) g: Array1<f64>,
    pub(crate) h: Array2<f64>,
}

impl Model {
    pub(crate) fn at(&self, s: &Array1<f64>) -> f64 {
        self.c + self.g.dot(s) + 0.5 * s.dot(&self.h.dot(s))
    }

    /// Moves the base point by `s`.
    pub(crate) fn shift(&mut self, s: &Array1<f64>) {
        self.c = self.at(s);
        self.g = &self.g + &self.h.dot(s);
    }
}

/// The interpolation set, its values and the models about `base`.
pub(crate) struct Interp {
    /// Points, one per row.
    pub(crate) pts: Array2<f64>,
    /// Column 0: the objective (moderated); then the equality constraints'
    /// values (`= 0`), then the inequalities' (`≥ 0`).
    pub(crate) vals: Array2<f64>,
    pub(crate) n_eq: usize,
    pub(crate) base: Array1<f64>,
    pub(crate) models: Vec<Model>,
    /// Inverse of the KKT matrix of the least-Frobenius-norm problem, in
    /// displacements divided by `scale`.
    pub(crate) winv: Array2<f64>,
    pub(crate) scale: f64,
}

impl Interp {
    /// Displacements of the points from `base`.
    pub(crate) fn disp(&self) -> Array2<f64> {
        &self.pts - &self.base
    }

    /// Inverts the KKT matrix of the current set; false if it is singular.
    pub(crate) fn factor(&mut self) -> bool {
        let (npt, n) = self.pts.dim();
        let mut d = self.disp();
        self.scale = d
            .rows()
            .into_iter()
            .map(|r| r.dot(&r).sqrt())
            .fold(0.0, f64::max);
        if self.scale <= 0.0 {
            return false;
        }
        d /= self.scale;
        let gram = d.dot(&d.t());
        let mut w = Array2::zeros((npt + n + 1, npt + n + 1));
        w.slice_mut(s![..npt, ..npt])
            .assign(&gram.mapv(|v| 0.5 * v * v));
        for i in 0..npt {
            w[[i, npt]] = 1.0;
            w[[npt, i]] = 1.0;
            for j in 0..n {
                w[[i, npt + 1 + j]] = d[[i, j]];
                w[[npt + 1 + j, i]] = d[[i, j]];
            }
        }
        match crate::linalg::inv(&w) {
            Ok(inv) if inv.iter().all(|v| v.is_finite()) => {
                self.winv = inv;
                true
            }
            _ => false,
        }
    }

    /// The Lagrange functions at `base + step`.
    pub(crate) fn lagrange(&self, step: &Array1<f64>) -> Array1<f64> {
        let (npt, n) = self.pts.dim();
        let u = step / self.scale;
        let d = self.disp() / self.scale;
        let mut w = Array1::zeros(npt + n + 1);
        for (i, r) in d.rows().into_iter().enumerate() {
            w[i] = 0.5 * r.dot(&u).powi(2);
        }
        w[npt] = 1.0;
        w.slice_mut(s![npt + 1..]).assign(&u);
        self.winv.slice(s![..npt, ..]).dot(&w)
    }

    /// Adds to every model the least-Frobenius-norm quadratic that makes it
    /// interpolate its values again.
    pub(crate) fn update_models(&mut self) {
        let npt = self.pts.nrows();
        let d = self.disp();
        let ds = &d / self.scale;
        for (j, model) in self.models.iter_mut().enumerate() {
            let r: Array1<f64> =
                Array1::from_shape_fn(npt, |i| self.vals[[i, j]] - model.at(&d.row(i).to_owned()));
            let sol = self.winv.slice(s![.., ..npt]).dot(&r);
            let lam = sol.slice(s![..npt]);
            model.c += sol[npt];
            model
                .g
                .scaled_add(1.0 / self.scale, &sol.slice(s![npt + 1..]));
            let weighted = &ds.t() * &lam.insert_axis(Axis(0));
            model.h += &(weighted.dot(&ds) / (self.scale * self.scale));
        }
    }

    /// Violations at row `k` of `vals`-like values: `|c|` for equalities,
    /// `max(0, −c)` for inequalities.
    pub(crate) fn violations(&self, c: ArrayView1<f64>) -> Array1<f64> {
        Array1::from_shape_fn(c.len(), |i| {
            if i < self.n_eq {
                c[i].abs()
            } else {
                (-c[i]).max(0.0)
            }
        })
    }

    pub(crate) fn merit(&self, k: usize, mu: f64) -> (f64, f64) {
        let v = self.violations(self.vals.slice(s![k, 1..]));
        (self.vals[[k, 0]] + mu * v.dot(&v).sqrt(), v.dot(&v))
    }

    /// Index of the point of least merit (ties: least violation).
    pub(crate) fn best(&self, mu: f64) -> usize {
        let mut best = 0;
        for k in 1..self.pts.nrows() {
            let (a, va) = self.merit(k, mu);
            let (b, vb) = self.merit(best, mu);
            if a < b || (a == b && va < vb) {
                best = k;
            }
        }
        best
    }

    /// Moves the base point (and the models) to point `k`; false if the
    /// set is degenerate.
    pub(crate) fn rebase(&mut self, k: usize) -> bool {
        let step = &self.pts.row(k) - &self.base;
        for m in &mut self.models {
            m.shift(&step);
        }
        self.base = self.pts.row(k).to_owned();
        self.factor()
    }
}

/// Largest `t ∈ [0, 1]` with `x + t·d` within `[lb, ub]` (`x` inside).
fn fit_in_box(x: &Array1<f64>, d: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> f64 {
    let mut t: f64 = 1.0;
    for i in 0..x.len() {
        if d[i] > 0.0 && x[i] + d[i] > ub[i] {
            t = t.min((ub[i] - x[i]) / d[i]);
        } else if d[i] < 0.0 && x[i] + d[i] < lb[i] {
            t = t.min((lb[i] - x[i]) / d[i]);
        }
    }
    t.max(0.0)
}

/// The point to replace by `base + d`: the largest Lagrange function there,
/// weighted by the distance from the base; the base point (`may_drop`) only
/// if the new point beats it.
pub(crate) fn replaced(it: &Interp, d: &Array1<f64>, delta: f64, may_drop: Option<usize>) -> usize {
    let ell = it.lagrange(d);
    let disp = it.disp();
    // A far point whose Lagrange function vanishes at the new point would
    // make the set degenerate, however large its weight.
    let floor = 1e-2 * ell.fold(0.0_f64, |m, &v| m.max(v.abs()));
    let mut pick = 0;
    let mut top = -1.0;
    for k in 0..it.pts.nrows() {
        let is_base = disp.row(k).iter().all(|&v| v == 0.0);
        if (is_base && may_drop != Some(k)) || ell[k].abs() < floor {
            continue;
        }
        let dist2 = disp.row(k).dot(&disp.row(k)) / (delta * delta);
        let score = ell[k].abs() * dist2.max(1.0).powi(2);
        if score > top {
            top = score;
            pick = k;
        }
    }
    pick
}

/// Replaces point `k`, updates the models and moves the base to the best
/// point; false if the new set is degenerate.
pub(crate) fn insert(
    it: &mut Interp,
    k: usize,
    x: &Array1<f64>,
    row: &Array1<f64>,
    mu: f64,
) -> bool {
    it.pts.row_mut(k).assign(x);
    it.vals.row_mut(k).assign(row);
    if !it.factor() {
        return false;
    }
    it.update_models();
    it.rebase(it.best(mu))
}

/// A step of length about `radius` from the base point, within the bounds,
/// where point `k`'s Lagrange function is large: tried along its gradient
/// and along the lines to the other points.
pub(crate) fn geometry_step(
    it: &Interp,
    k: usize,
    radius: f64,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> Array1<f64> {
    let n = it.base.len();
    let grad = {
        let e = 1e-3 * radius;
        Array1::from_shape_fn(n, |i| {
            let mut p = Array1::zeros(n);
            p[i] = e;
            (it.lagrange(&p)[k] - it.lagrange(&-&p)[k]) / (2.0 * e)
        })
    };
    let mut dirs = vec![grad];
    dirs.extend(it.disp().rows().into_iter().map(|r| r.to_owned()));
    let mut best = Array1::zeros(n);
    let mut top = -1.0;
    for dir in dirs {
        for sign in [1.0, -1.0] {
            // Drop the components that point out of the box at once.
            let dir = Array1::from_shape_fn(n, |i| {
                let v = sign * dir[i];
                let stuck = (v < 0.0 && it.base[i] <= lb[i]) || (v > 0.0 && it.base[i] >= ub[i]);
                if stuck { 0.0 } else { v }
            });
            let norm = dir.dot(&dir).sqrt();
            if norm <= 0.0 || !norm.is_finite() {
                continue;
            }
            let mut d = &dir * (radius / norm);
            d *= fit_in_box(&it.base, &d, lb, ub);
            let v = it.lagrange(&d)[k].abs();
            if v > top {
                top = v;
                best = d;
            }
        }
    }
    best
}
