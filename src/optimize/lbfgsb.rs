//! L-BFGS-B: limited-memory BFGS with bounds (SciPy `method='L-BFGS-B'`,
//! `fmin_l_bfgs_b`).
//!
//! Each iteration finds the generalized Cauchy point along the projected
//! steepest-descent path of the compact limited-memory model
//! `B = θI − W M Wᵀ`, minimizes the model over the variables left free there
//! (direct primal method, projected back into the box), and takes a
//! Moré–Thuente line search along the result.
//!
//! # References
//! R. H. Byrd, P. Lu, J. Nocedal, C. Zhu, "A limited memory algorithm for
//! bound constrained optimization", SIAM J. Sci. Comput. 16 (1995);
//! J. L. Morales, J. Nocedal, "Remark on Algorithm 778", ACM TOMS 38 (2011).

use super::diff::Objective;
use super::line_search::{MoreThuente, Search};
use super::minimize::Settings;
use super::result::{OptimizeResult, Status};
use crate::linalg::kernels::simd;
use ndarray::{Array1, Array2, ArrayRef1, ArrayView1, ArrayView2, Axis, Zip};
use std::collections::VecDeque;

/// An LU factorization with partial pivoting of a small dense matrix (the
/// 2m × 2m middle matrices here).
#[derive(Clone)]
struct Lu {
    lu: Array2<f64>,
    piv: Vec<usize>,
}

impl Lu {
    /// Factors `a`; `None` if it is numerically singular.
    fn factor(mut a: Array2<f64>) -> Option<Lu> {
        let n = a.nrows();
        let mut piv = Vec::with_capacity(n);
        for k in 0..n {
            let p = (k..n).max_by(|&i, &j| a[[i, k]].abs().total_cmp(&a[[j, k]].abs()))?;
            if a[[p, k]].abs() <= f64::MIN_POSITIVE || !a[[p, k]].is_finite() {
                return None;
            }
            piv.push(p);
            if p != k {
                for j in 0..n {
                    a.swap([k, j], [p, j]);
                }
            }
            for i in k + 1..n {
                let m = a[[i, k]] / a[[k, k]];
                a[[i, k]] = m;
                if m != 0.0 {
                    for j in k + 1..n {
                        a[[i, j]] -= m * a[[k, j]];
                    }
                }
            }
        }
        Some(Lu { lu: a, piv })
    }

    /// Solves `a x = b` with the stored factors.
    fn solve(&self, b: &ArrayRef1<f64>) -> Array1<f64> {
        let n = b.len();
        let mut x = b.to_owned();
        for (k, &p) in self.piv.iter().enumerate() {
            x.swap(k, p);
        }
        for i in 0..n {
            let s: f64 = (0..i).map(|j| self.lu[[i, j]] * x[j]).sum();
            x[i] -= s;
        }
        for i in (0..n).rev() {
            let s: f64 = (i + 1..n).map(|j| self.lu[[i, j]] * x[j]).sum();
            x[i] = (x[i] - s) / self.lu[[i, i]];
        }
        x
    }
}

/// Solves the small dense system `a x = b`; `None` if `a` is singular.
fn small_solve(a: Array2<f64>, b: Array1<f64>) -> Option<Array1<f64>> {
    Some(Lu::factor(a)?.solve(&b))
}

/// The limited memory: pairs `(s, y)`, `W = [Y, θS]` (n × 2c, one row per
/// variable), and the compact representation's middle matrix
/// `K = [[−D, Lᵀ], [L, θ SᵀS]]` (applied as `M = K⁻¹` by solves).
struct Memory {
    m: usize,
    s: VecDeque<Array1<f64>>,
    y: VecDeque<Array1<f64>>,
    /// `sy[i][j] = sᵢ·yⱼ` and `ss[i][j] = sᵢ·sⱼ`, oldest pair first; updated
    /// by one new row and column per pair.
    sy: VecDeque<VecDeque<f64>>,
    ss: VecDeque<VecDeque<f64>>,
    yy: VecDeque<VecDeque<f64>>,
    theta: f64,
    w: Array2<f64>,
    k: Array2<f64>,
    /// Factors of `k` (`None` if singular), computed once per update.
    k_lu: Option<Lu>,
}

impl Memory {
    fn new(m: usize, n: usize) -> Memory {
        Memory {
            m,
            s: VecDeque::new(),
            y: VecDeque::new(),
            sy: VecDeque::new(),
            ss: VecDeque::new(),
            yy: VecDeque::new(),
            theta: 1.0,
            w: Array2::zeros((0, n)),
            k: Array2::zeros((0, 0)),
            k_lu: None,
        }
    }

    fn len(&self) -> usize {
        self.s.len()
    }

    fn clear(&mut self) {
        *self = Memory::new(self.m, self.w.ncols());
    }

    fn push(&mut self, s: Array1<f64>, y: Array1<f64>) {
        if self.s.len() == self.m {
            self.s.pop_front();
            self.y.pop_front();
            self.sy.pop_front();
            self.ss.pop_front();
            self.yy.pop_front();
            for row in self
                .sy
                .iter_mut()
                .chain(self.ss.iter_mut())
                .chain(self.yy.iter_mut())
            {
                row.pop_front();
            }
        }
        self.theta = y.dot(&y) / s.dot(&y);
        // New products with the stored pairs (symmetric ones computed once).
        let s_y: Vec<f64> = self.y.iter().map(|yj| s.dot(yj)).collect();
        let y_s: Vec<f64> = self.s.iter().map(|si| si.dot(&y)).collect();
        let s_s: Vec<f64> = self.s.iter().map(|sj| s.dot(sj)).collect();
        let y_y: Vec<f64> = self.y.iter().map(|yj| y.dot(yj)).collect();
        for i in 0..self.s.len() {
            self.sy[i].push_back(y_s[i]);
            self.ss[i].push_back(s_s[i]);
            self.yy[i].push_back(y_y[i]);
        }
        let row =
            |v: Vec<f64>, last: f64| -> VecDeque<f64> { v.into_iter().chain([last]).collect() };
        self.sy.push_back(row(s_y, s.dot(&y)));
        self.ss.push_back(row(s_s, s.dot(&s)));
        self.yy.push_back(row(y_y, y.dot(&y)));
        self.s.push_back(s);
        self.y.push_back(y);
        let c = self.len();
        let mut w = Array2::zeros((2 * c, self.w.ncols()));
        for j in 0..c {
            w.row_mut(j).assign(&self.y[j]);
            w.row_mut(c + j)
                .zip_mut_with(&self.s[j], |a, &b| *a = self.theta * b);
        }
        self.w = w;
        let mut k = Array2::zeros((2 * c, 2 * c));
        for i in 0..c {
            for j in 0..c {
                let sy = self.sy[i][j];
                if i == j {
                    k[[i, i]] = -sy;
                } else if i > j {
                    k[[c + i, j]] = sy; // L
                    k[[j, c + i]] = sy; // Lᵀ
                }
                k[[c + i, c + j]] = self.theta * self.ss[i][j];
            }
        }
        self.k_lu = Lu::factor(k.clone());
        self.k = k;
    }

    /// Row `i` of `W` (stored transposed, so a column here).
    fn w_row(&self, i: usize) -> ArrayView1<'_, f64> {
        self.w.column(i)
    }

    /// `Wᵀ v`: contiguous dot products.
    fn wt(&self, v: &Array1<f64>) -> Array1<f64> {
        self.w.dot(v)
    }

    /// `WᵀW` from the stored inner products: `[[YᵀY, θYᵀS], [θSᵀY, θ²SᵀS]]`.
    fn wtw(&self) -> Array2<f64> {
        let c = self.len();
        let t = self.theta;
        let mut a = Array2::zeros((2 * c, 2 * c));
        for i in 0..c {
            for j in 0..c {
                a[[i, j]] = self.yy[i][j];
                a[[i, c + j]] = t * self.sy[j][i];
                a[[c + i, j]] = t * self.sy[i][j];
                a[[c + i, c + j]] = t * t * self.ss[i][j];
            }
        }
        a
    }

    /// `M v = K⁻¹ v` (`None` if `K` is singular).
    fn mv(&self, v: &ArrayRef1<f64>) -> Option<Array1<f64>> {
        if v.is_empty() {
            return Some(Array1::zeros(0));
        }
        self.k_lu.as_ref().map(|lu| lu.solve(v))
    }
}

/// The same limited-memory matrix for problems without finite bounds,
/// where the Cauchy point and the subspace minimisation together give the
/// model's unconstrained minimiser `x − B⁻¹g`: `B⁻¹g` by the two-loop
/// recursion with `H₀ = I/θ` (Nocedal 1980), 4mn flops and no `W`, `K`.
struct TwoLoop {
    m: usize,
    s: VecDeque<Array1<f64>>,
    y: VecDeque<Array1<f64>>,
    rho: VecDeque<f64>,
    theta: f64,
}

impl TwoLoop {
    fn push(&mut self, s: Array1<f64>, y: Array1<f64>, sy: f64) {
        if self.s.len() == self.m {
            self.s.pop_front();
            self.y.pop_front();
            self.rho.pop_front();
        }
        self.theta = y.dot(&y) / sy;
        self.rho.push_back(1.0 / sy);
        self.s.push_back(s);
        self.y.push_back(y);
    }

    fn clear(&mut self) {
        self.s.clear();
        self.y.clear();
        self.rho.clear();
        self.theta = 1.0;
    }

    /// `−B⁻¹ g`. Each pass over the vectors does one loop's update and
    /// the next loop's dot product (2k + 1 passes instead of 4k).
    fn direction(&self, g: &Array1<f64>) -> Array1<f64> {
        let k = self.s.len();
        let mut q = -g;
        if k == 0 {
            return q / self.theta;
        }
        fn sl(v: &Array1<f64>) -> &[f64] {
            v.as_slice().expect("stored pairs are contiguous")
        }
        let qs = q.as_slice_mut().expect("fresh array");
        let mut a = vec![0.0; k];
        a[k - 1] = self.rho[k - 1] * simd::dot(&*qs, sl(&self.s[k - 1]));
        for i in (1..k).rev() {
            a[i - 1] = self.rho[i - 1]
                * simd::axpy_dot(-a[i], sl(&self.y[i]), &mut *qs, sl(&self.s[i - 1]));
        }
        let qy = simd::axpy_dot(-a[0], sl(&self.y[0]), &mut *qs, sl(&self.y[0]));
        let inv_theta = 1.0 / self.theta;
        let mut b = self.rho[0] * qy * inv_theta;
        qs.iter_mut().for_each(|v| *v *= inv_theta);
        for (i, &ai) in a[..k - 1].iter().enumerate() {
            b = self.rho[i + 1]
                * simd::axpy_dot(ai - b, sl(&self.s[i]), &mut *qs, sl(&self.y[i + 1]));
        }
        simd::axpy(a[k - 1] - b, sl(&self.s[k - 1]), &mut *qs);
        q
    }
}

/// `Σⱼ coef[j]·rows[j]`, i.e. `rowsᵀ coef`, by contiguous row updates.
fn combine(rows: &ArrayView2<'_, f64>, coef: &Array1<f64>) -> Array1<f64> {
    let mut out = Array1::zeros(rows.ncols());
    for (row, &c) in rows.outer_iter().zip(coef) {
        out.scaled_add(c, &row);
    }
    out
}

/// The projected-gradient ∞-norm `‖P(x − g) − x‖∞`, per variable
/// `min(|gᵢ|, distance to the bound that −gᵢ points at)`; NaN if `g` is not
/// finite. Branch-free over slices in eight lanes so that it vectorises (it
/// runs once per iteration over all n variables).
fn proj_grad_norm(x: &Array1<f64>, g: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> f64 {
    const L: usize = 8;
    let sl = |v: &Array1<f64>| -> Vec<f64> { v.to_vec() };
    let (xc, gc, lc, uc);
    let (x, g, lb, ub) = match (x.as_slice(), g.as_slice(), lb.as_slice(), ub.as_slice()) {
        (Some(x), Some(g), Some(l), Some(u)) => (x, g, l, u),
        _ => {
            (xc, gc, lc, uc) = (sl(x), sl(g), sl(lb), sl(ub));
            (&xc[..], &gc[..], &lc[..], &uc[..])
        }
    };
    // Selects rather than `max`/`min` and branches, so that the lanes
    // vectorise (`g` NaN is caught by `bad` instead).
    let one = |xi: f64, gi: f64, l: f64, u: f64| {
        let (lo, hi) = (xi - u, xi - l);
        let up = if lo > gi { lo } else { gi };
        let down = if hi < gi { hi } else { gi };
        let v = if gi < 0.0 { up } else { down };
        v.abs()
    };
    // `bad` becomes NaN if any gᵢ is NaN or infinite.
    let (mut m, mut bad) = ([0.0f64; L], [0.0f64; L]);
    let split = g.len() - g.len() % L;
    for (((xs, gs), ls), us) in x[..split]
        .chunks_exact(L)
        .zip(g[..split].chunks_exact(L))
        .zip(lb[..split].chunks_exact(L))
        .zip(ub[..split].chunks_exact(L))
    {
        for k in 0..L {
            let a = one(xs[k], gs[k], ls[k], us[k]);
            m[k] = if a > m[k] { a } else { m[k] };
            bad[k] += gs[k] * 0.0;
        }
    }
    let mut top = m.iter().fold(0.0f64, |a, &b| a.max(b));
    let mut nan = bad.iter().sum::<f64>();
    for i in split..g.len() {
        top = top.max(one(x[i], g[i], lb[i], ub[i]));
        nan += g[i] * 0.0;
    }
    if nan.is_nan() { f64::NAN } else { top }
}

/// Generalized Cauchy point: first local minimizer of the quadratic model
/// along the piecewise-linear path `P(x − t g)`. Returns the point and
/// `c = Wᵀ(xcp − x)`, or `None` if the model is broken (singular `K`).
fn cauchy(
    x: &Array1<f64>,
    g: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    mem: &Memory,
) -> Option<(Array1<f64>, Array1<f64>)> {
    let n = x.len();
    let theta = mem.theta;
    let mut d = Array1::<f64>::zeros(n);
    let mut breaks: Vec<(f64, usize)> = Vec::new();
    for i in 0..n {
        let t = if g[i] < 0.0 {
            (x[i] - ub[i]) / g[i]
        } else if g[i] > 0.0 {
            (x[i] - lb[i]) / g[i]
        } else {
            f64::INFINITY
        };
        if t > 0.0 {
            d[i] = -g[i];
            if t.is_finite() {
                breaks.push((t, i));
            }
        }
    }
    breaks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut xcp = x.clone();
    let mut p = mem.wt(&d);
    let mut c = Array1::<f64>::zeros(p.len());
    let mut fp = -d.dot(&d);
    let mp = mem.mv(&p)?;
    let mut fpp = -theta * fp - p.dot(&mp);
    let fpp0 = fpp;
    let mut dt_min = -fp / fpp;
    let mut t_old = 0.0;
    for &(tb, b) in &breaks {
        let dt = tb - t_old;
        if dt_min < dt {
            break;
        }
        // Variable b hits its bound.
        let xb = if d[b] > 0.0 { ub[b] } else { lb[b] };
        let zb = xb - x[b];
        xcp[b] = xb;
        c = &c + &(&p * dt);
        let gb = g[b];
        let wb = mem.w_row(b);
        let mc = mem.mv(&c)?;
        let mp = mem.mv(&p)?;
        let mwb = mem.mv(&wb)?;
        fp += dt * fpp + gb * gb + theta * gb * zb - gb * wb.dot(&mc);
        fpp += -theta * gb * gb - 2.0 * gb * wb.dot(&mp) - gb * gb * wb.dot(&mwb);
        fpp = fpp.max(f64::EPSILON * fpp0);
        p = &p + &(&wb * gb);
        d[b] = 0.0;
        dt_min = -fp / fpp;
        t_old = tb;
    }
    let dt_min = dt_min.max(0.0);
    let t = t_old + dt_min;
    for i in 0..n {
        if d[i] != 0.0 {
            xcp[i] = (x[i] + t * d[i]).clamp(lb[i], ub[i]);
        }
    }
    c = &c + &(&p * dt_min);
    Some((xcp, c))
}

/// Minimizes the model over the variables free at the Cauchy point and
/// returns the trial point (feasible), per the direct primal method.
#[allow(clippy::too_many_arguments)]
fn subspace(
    x: &Array1<f64>,
    g: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    mem: &Memory,
    xcp: &Array1<f64>,
    c: &Array1<f64>,
) -> Array1<f64> {
    let n = x.len();
    let free: Vec<usize> = (0..n)
        .filter(|&i| xcp[i] > lb[i] && xcp[i] < ub[i])
        .collect();
    if free.is_empty() || mem.len() == 0 {
        return xcp.clone();
    }
    let theta = mem.theta;
    let Some(mc) = mem.mv(c) else {
        return xcp.clone();
    };
    // WᵀZ (2c × |F|, rows contiguous): the columns of the free variables
    // (all of W when none is fixed, with WᵀZZᵀW = WᵀW from stored products).
    let selected;
    let (wz, wzzw) = if free.len() == n {
        (mem.w.view(), mem.wtw())
    } else {
        selected = mem.w.select(Axis(1), &free);
        let p = selected.dot(&selected.t());
        (selected.view(), p)
    };
    // Reduced gradient r = Zᵀ(g + θ(xcp − x) − W M c).
    let wmc = combine(&wz, &mc);
    let r: Array1<f64> = free
        .iter()
        .zip(&wmc)
        .map(|(&i, wm)| g[i] + theta * (xcp[i] - x[i]) - wm)
        .collect();
    // v = M WᵀZ r;  solve (I − M WᵀZ ZᵀW / θ) u = v, i.e. (K − WᵀZZᵀW/θ) u = WᵀZ r.
    let wzr = wz.dot(&r);
    let a = &mem.k - &(wzzw / theta);
    let du = match small_solve(a, wzr) {
        Some(u) => -(&r / theta) - &(combine(&wz, &u) / (theta * theta)),
        None => -(&r / theta),
    };
    // Project onto the box; if that is not a descent direction, truncate instead.
    let mut xbar = xcp.clone();
    for (col, &i) in free.iter().enumerate() {
        xbar[i] = (xcp[i] + du[col]).clamp(lb[i], ub[i]);
    }
    let dd: f64 = (0..n).map(|i| (xbar[i] - x[i]) * g[i]).sum();
    if dd < 0.0 {
        return xbar;
    }
    let mut alpha = 1.0f64;
    for (col, &i) in free.iter().enumerate() {
        let di = du[col];
        if di > 0.0 {
            alpha = alpha.min((ub[i] - xcp[i]) / di);
        } else if di < 0.0 {
            alpha = alpha.min((lb[i] - xcp[i]) / di);
        }
    }
    let mut xbar = xcp.clone();
    for (col, &i) in free.iter().enumerate() {
        xbar[i] = xcp[i] + alpha * du[col];
    }
    xbar
}

/// L-BFGS-B with SciPy's defaults: `maxcor = 10`, `ftol = 2.2e-9`,
/// `gtol = 1e-5`, `maxfun = maxiter = 15000`, `maxls = 20`.
pub(crate) fn lbfgsb(
    obj: &mut Objective<'_>,
    x0: Array1<f64>,
    st: &mut Settings<'_>,
) -> OptimizeResult {
    let n = x0.len();
    let (lb, ub) = match &st.bounds {
        Some(b) => (b.lb.clone(), b.ub.clone()),
        None => (
            Array1::from_elem(n, f64::NEG_INFINITY),
            Array1::from_elem(n, f64::INFINITY),
        ),
    };
    let constrained = lb.iter().chain(ub.iter()).any(|v| v.is_finite());
    let boxed = lb
        .iter()
        .zip(ub.iter())
        .all(|(l, u)| l.is_finite() && u.is_finite());
    let maxiter = st.maxiter.unwrap_or(15000);
    let maxfun = st.maxfev.unwrap_or(15000);
    let pgtol = st.gtol.unwrap_or(1e-5);
    let ftol = st.ftol.unwrap_or(2.220446049250313e-09);
    let maxls = st.maxls.unwrap_or(20);
    let maxcor = st.maxcor.unwrap_or(10).max(1);
    let mut mem = Memory::new(maxcor, n);
    let mut twoloop = TwoLoop {
        m: maxcor,
        s: VecDeque::new(),
        y: VecDeque::new(),
        rho: VecDeque::new(),
        theta: 1.0,
    };

    let mut x = x0;
    for i in 0..n {
        x[i] = x[i].clamp(lb[i], ub[i]);
    }
    let mut f = obj.f(&x);
    let mut g = obj.grad(&x, f);
    // Projected-gradient norm at (x, g), NaN if g is not finite; a restart
    // keeps x and g, so it is computed once per new point.
    let mut pg = proj_grad_norm(&x, &g, &lb, &ub);
    let mut nit = 0;
    let status;
    // SciPy's own task message where its L-BFGS-B has one.
    let mut msg = "";
    loop {
        if !f.is_finite() || pg.is_nan() {
            status = Status::NanEncountered;
            break;
        }
        if pg <= pgtol {
            status = Status::Success;
            msg = PGTOL;
            break;
        }
        if nit >= maxiter {
            status = Status::MaxIterations;
            break;
        }
        let stored = if constrained {
            mem.len()
        } else {
            twoloop.s.len()
        };
        // The trial point at a unit step: the projected model minimiser
        // (None without bounds, where it is x + d).
        let (xbar, d) = if constrained {
            let Some((xcp, c)) = cauchy(&x, &g, &lb, &ub, &mem) else {
                if mem.len() == 0 {
                    status = Status::PrecisionLoss;
                    break;
                }
                mem.clear();
                continue;
            };
            let xbar = subspace(&x, &g, &lb, &ub, &mem, &xcp, &c);
            let d = &xbar - &x;
            (Some(xbar), d)
        } else {
            (None, twoloop.direction(&g))
        };
        let gd = g.dot(&d);
        if gd >= 0.0 || gd.is_nan() {
            // Not a descent direction: the model is stale; restart once.
            if stored == 0 {
                status = Status::PrecisionLoss;
                break;
            }
            mem.clear();
            twoloop.clear();
            continue;
        }
        // Largest feasible step along d.
        let mut stpmax = 1e10f64;
        if constrained {
            if nit == 0 {
                stpmax = 1.0;
            } else {
                for i in 0..n {
                    if d[i] < 0.0 && lb[i].is_finite() {
                        stpmax = stpmax.min((lb[i] - x[i]) / d[i]);
                    } else if d[i] > 0.0 && ub[i].is_finite() {
                        stpmax = stpmax.min((ub[i] - x[i]) / d[i]);
                    }
                }
            }
        }
        let dnorm = d.dot(&d).sqrt();
        let mut stp = if nit == 0 && !boxed {
            (1.0 / dnorm).min(stpmax)
        } else {
            1.0
        };
        // The last iterate moves out of x and g; each trial replaces them.
        let f0 = f;
        let x_old = std::mem::replace(&mut x, Array1::zeros(0));
        let g0 = std::mem::replace(&mut g, Array1::zeros(0));
        let mut search = MoreThuente::start(stp, f0, gd, 1e-3, 0.9, 0.1, 0.0, stpmax);
        let mut ok = false;
        let mut trials = 0;
        while let Some(s) = search.as_mut() {
            if trials >= maxls {
                break;
            }
            let xt = match &xbar {
                Some(xb) if stp == 1.0 => xb.clone(),
                _ => Zip::from(&x_old)
                    .and(&d)
                    .map_collect(|&xo, &di| xo + stp * di),
            };
            let ft = obj.f(&xt);
            let gt = obj.grad(&xt, ft);
            trials += 1;
            x = xt;
            f = ft;
            g = gt;
            match s.step(&mut stp, f, g.dot(&d)) {
                Search::Converged => {
                    ok = true;
                    break;
                }
                // A warning (rounding, step at its bound) still ends the
                // search with the step taken, if it decreased f.
                Search::Failed => {
                    ok = f < f0;
                    break;
                }
                Search::Eval => {}
            }
        }
        if !ok {
            // Go back to the last iterate; retry with a fresh memory once.
            x = x_old;
            f = f0;
            g = g0;
            if stored == 0 || obj.nfev > maxfun {
                status = if obj.nfev > maxfun {
                    Status::MaxEvaluations
                } else {
                    Status::PrecisionLoss
                };
                break;
            }
            mem.clear();
            twoloop.clear();
            continue;
        }
        nit += 1;
        if st.stop(&x, f, nit) {
            status = Status::CallbackStopped;
            break;
        }
        // SciPy's order of tests at a new iterate; its evaluation limit is
        // checked here only, so a line search may overrun it.
        if nit >= maxiter {
            status = Status::MaxIterations;
            break;
        }
        if obj.nfev > maxfun {
            status = Status::MaxEvaluations;
            break;
        }
        pg = proj_grad_norm(&x, &g, &lb, &ub);
        if pg <= pgtol {
            status = Status::Success;
            msg = PGTOL;
            break;
        }
        if (f0 - f) <= ftol * f0.abs().max(f.abs()).max(1.0) {
            status = Status::Success;
            msg = FACTR;
            break;
        }
        let (mut s, mut y) = (x_old, g0);
        s.zip_mut_with(&x, |si, &xi| *si = xi - *si);
        y.zip_mut_with(&g, |yi, &gi| *yi = gi - *yi);
        let sy = s.dot(&y);
        if sy > f64::EPSILON * y.dot(&y) {
            if constrained {
                mem.push(s, y);
            } else {
                twoloop.push(s, y, sy);
            }
        }
    }
    let mut res = st.result(obj, x, f, Some(g), None, nit, 0, status);
    res.message = match status {
        Status::Success => msg,
        Status::MaxIterations => "STOP: TOTAL NO. OF ITERATIONS REACHED LIMIT",
        Status::MaxEvaluations => "STOP: TOTAL NO. OF F,G EVALUATIONS EXCEEDS LIMIT",
        Status::PrecisionLoss => "ABNORMAL: ",
        _ => status.message(),
    }
    .to_string();
    res
}

/// SciPy's messages for the two convergence tests.
const PGTOL: &str = "CONVERGENCE: NORM OF PROJECTED GRADIENT <= PGTOL";
const FACTR: &str = "CONVERGENCE: RELATIVE REDUCTION OF F <= FACTR*EPSMCH";

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn proj_grad_norm_over_lanes_bounds_and_non_finite() {
        // 19 variables: two full lanes of eight and a remainder of three.
        let n = 19;
        let x = Array1::from_shape_fn(n, |i| 0.1 * i as f64 - 0.5);
        let g = Array1::from_shape_fn(n, |i| ((i * 7 % 5) as f64 - 2.0) * 0.3);
        let lb = Array1::from_shape_fn(n, |i| if i % 3 == 0 { -0.55 } else { f64::NEG_INFINITY });
        let ub = Array1::from_shape_fn(n, |i| if i % 4 == 1 { 1.2 } else { f64::INFINITY });
        let want = (0..n).fold(0.0f64, |m, i| {
            let step = (x[i] - g[i]).clamp(lb[i], ub[i]) - x[i];
            m.max(step.abs())
        });
        let got = proj_grad_norm(&x, &g, &lb, &ub);
        assert!((got - want).abs() < 1e-15, "{got} vs {want}");
        // The largest entry in the remainder.
        let mut g2 = g.clone();
        g2[18] = -40.0;
        assert_eq!(proj_grad_norm(&x, &g2, &lb, &ub), 40.0);
        for (i, bad) in [(3, f64::NAN), (18, f64::INFINITY), (9, f64::NEG_INFINITY)] {
            let mut g3 = g.clone();
            g3[i] = bad;
            assert!(proj_grad_norm(&x, &g3, &lb, &ub).is_nan(), "{i}: {bad}");
        }
    }

    #[test]
    fn small_solve_pivots_and_detects_singularity() {
        // Needs a row swap: a[0][0] = 0.
        let a = array![[0.0, 2.0, 1.0], [1.0, 1.0, 0.0], [3.0, 0.0, 1.0]];
        let x = array![1.0, -2.0, 0.5];
        let b = a.dot(&x);
        let got = small_solve(a, b).unwrap();
        assert!((&got - &x).iter().all(|d| d.abs() < 1e-14), "{got}");
        assert!(small_solve(array![[1.0, 2.0], [2.0, 4.0]], array![1.0, 2.0]).is_none());
    }

    #[test]
    fn two_loop_step_equals_cauchy_plus_subspace_without_bounds() {
        // Without finite bounds the model minimiser x − B⁻¹g is what the
        // Cauchy point and the subspace step reach together.
        let n = 5;
        let pairs = [
            (
                array![0.1, -0.2, 0.3, 0.05, 0.0],
                array![0.3, -0.1, 0.4, 0.2, 0.1],
            ),
            (
                array![-0.05, 0.1, 0.2, -0.1, 0.3],
                array![0.02, 0.3, 0.25, -0.2, 0.5],
            ),
            (
                array![0.2, 0.1, -0.1, 0.0, 0.1],
                array![0.5, 0.2, -0.1, 0.1, 0.3],
            ),
        ];
        let mut mem = Memory::new(10, n);
        let mut tl = TwoLoop {
            m: 10,
            s: VecDeque::new(),
            y: VecDeque::new(),
            rho: VecDeque::new(),
            theta: 1.0,
        };
        for (s, y) in &pairs {
            mem.push(s.clone(), y.clone());
            tl.push(s.clone(), y.clone(), s.dot(y));
        }
        let x = array![0.5, -1.0, 2.0, 0.0, 1.5];
        let g = array![1.0, -2.0, 0.5, 3.0, -0.7];
        let (lb, ub) = (
            Array1::from_elem(n, f64::NEG_INFINITY),
            Array1::from_elem(n, f64::INFINITY),
        );
        let (xcp, c) = cauchy(&x, &g, &lb, &ub, &mem).unwrap();
        let xbar = subspace(&x, &g, &lb, &ub, &mem, &xcp, &c);
        let d = tl.direction(&g);
        for i in 0..n {
            assert!(
                (xbar[i] - x[i] - d[i]).abs() < 1e-10,
                "{i}: {} vs {}",
                xbar[i] - x[i],
                d[i]
            );
        }
    }

    #[test]
    fn compact_memory_matches_dense_bfgs_matrix() {
        // B = θI − W M Wᵀ must equal the dense BFGS update of θI by the same pairs.
        let n = 4;
        let pairs = [
            (array![0.1, -0.2, 0.3, 0.05], array![0.3, -0.1, 0.4, 0.2]),
            (array![-0.05, 0.1, 0.2, -0.1], array![0.02, 0.3, 0.25, -0.2]),
        ];
        let mut mem = Memory::new(5, n);
        for (s, y) in &pairs {
            mem.push(s.clone(), y.clone());
        }
        let theta = mem.theta;
        let mut b = Array2::<f64>::eye(n) * theta;
        for (s, y) in &pairs {
            let bs = b.dot(s);
            let sbs = s.dot(&bs);
            let sy = s.dot(y);
            for i in 0..n {
                for j in 0..n {
                    b[[i, j]] += -bs[i] * bs[j] / sbs + y[i] * y[j] / sy;
                }
            }
        }
        for j in 0..n {
            let mut e = Array1::zeros(n);
            e[j] = 1.0;
            let we = mem.wt(&e);
            let col = &e * theta - &combine(&mem.w.view(), &mem.mv(&we).unwrap());
            for i in 0..n {
                assert!(
                    (col[i] - b[[i, j]]).abs() < 1e-12,
                    "B[{i},{j}]: {} vs {}",
                    col[i],
                    b[[i, j]]
                );
            }
        }
    }
}
