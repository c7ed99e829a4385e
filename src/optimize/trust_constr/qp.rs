//! The two trust-region subproblems of the Byrd–Omojokun SQP step: the
//! normal step (a dogleg on `‖A d + b‖`) and the tangential step (projected
//! conjugate gradients in the null space of `A`), both inside a sphere and a
//! box; and the null-space projections they share.

use crate::linalg::{SvdOptions, svd_with};
use ndarray::{Array1, Array2};

/// Projections defined by `A` (`m × n`) from its thin SVD `A = U Σ Vᵀ`
/// (rank-revealing, so dependent rows do no harm):
/// null-space projector `Z`, least-squares multipliers `LS` and the
/// minimum-norm solution operator `Y`.
pub(crate) struct Projections {
    v: Array2<f64>,
    u: Array2<f64>,
    s: Array1<f64>,
    /// Number of rows of `A`.
    pub(crate) m: usize,
}

impl Projections {
    /// Factors `a`; `None` if it holds NaN or infinity.
    pub(crate) fn new(a: &Array2<f64>) -> Option<Self> {
        let (m, n) = a.dim();
        if m == 0 {
            return Some(Projections {
                v: Array2::zeros((n, 0)),
                u: Array2::zeros((0, 0)),
                s: Array1::zeros(0),
                m,
            });
        }
        if a.iter().any(|v| !v.is_finite()) {
            return None;
        }
        let f = svd_with(
            a,
            &SvdOptions {
                full_matrices: false,
                check_finite: false,
            },
        )
        .ok()?;
        let smax = f.s.first().copied().unwrap_or(0.0);
        let tol = m.max(n) as f64 * f64::EPSILON * smax;
        let r = f.s.iter().filter(|&&v| v > tol).count();
        Some(Projections {
            v: f.vt.slice(ndarray::s![..r, ..]).t().to_owned(),
            u: f.u.slice(ndarray::s![.., ..r]).to_owned(),
            s: f.s.slice(ndarray::s![..r]).to_owned(),
            m,
        })
    }

    /// `Z x = x − Aᵀ(AAᵀ)⁺A x`: the component of `x` in the null space of `A`.
    pub(crate) fn z(&self, x: &Array1<f64>) -> Array1<f64> {
        let mut z = x - &self.v.dot(&self.v.t().dot(x));
        // Re-project while rounding leaves a visible component in the row
        // space (SciPy's iterative refinement, `orth_tol = 1e-12`, 3 passes).
        for _ in 0..3 {
            let c = self.v.t().dot(&z);
            let (cn, zn) = (c.dot(&c).sqrt(), z.dot(&z).sqrt());
            if cn <= 1e-12 * zn || zn == 0.0 {
                break;
            }
            z = &z - &self.v.dot(&c);
        }
        z
    }

    /// `LS x = argmin_v ‖Aᵀv − x‖`.
    pub(crate) fn ls(&self, x: &Array1<f64>) -> Array1<f64> {
        if self.m == 0 {
            return Array1::zeros(0);
        }
        self.u.dot(&(self.v.t().dot(x) / &self.s))
    }

    /// `Y b = A⁺ b`: the minimum-norm solution of `A d = b`.
    pub(crate) fn y(&self, b: &Array1<f64>) -> Array1<f64> {
        if self.m == 0 {
            return Array1::zeros(self.v.nrows());
        }
        self.v.dot(&(self.u.t().dot(b) / &self.s))
    }
}

/// The interval of `t` with `lb ≤ z + t d ≤ ub` (and `t ∈ [0, 1]` unless
/// `entire_line`): `(ta, tb, nonempty)`.
pub(crate) fn box_intersections(
    z: &Array1<f64>,
    d: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    entire_line: bool,
) -> (f64, f64, bool) {
    let (mut ta, mut tb) = if entire_line {
        (f64::NEG_INFINITY, f64::INFINITY)
    } else {
        (0.0, 1.0)
    };
    for i in 0..z.len() {
        if d[i] == 0.0 {
            if z[i] < lb[i] || z[i] > ub[i] {
                return (0.0, 0.0, false);
            }
            continue;
        }
        let (t1, t2) = ((lb[i] - z[i]) / d[i], (ub[i] - z[i]) / d[i]);
        ta = ta.max(t1.min(t2));
        tb = tb.min(t1.max(t2));
    }
    if ta > tb {
        (0.0, 0.0, false)
    } else {
        (ta, tb, true)
    }
}

/// The interval of `t` with `‖z + t d‖ ≤ Δ` (and `t ∈ [0, 1]` unless `entire_line`).
fn sphere_intersections(
    z: &Array1<f64>,
    d: &Array1<f64>,
    delta: f64,
    entire_line: bool,
) -> (f64, f64, bool) {
    let a = d.dot(d);
    if a == 0.0 {
        return (0.0, 0.0, false);
    }
    let b = 2.0 * z.dot(d);
    let c = z.dot(z) - delta * delta;
    let disc = b * b - 4.0 * a * c;
    if disc < 0.0 {
        return (0.0, 0.0, false);
    }
    let sq = disc.sqrt();
    // The numerically stable pair of roots.
    let aux = b + sq.copysign(b);
    let (mut ta, mut tb) = if aux == 0.0 {
        (-sq / (2.0 * a), sq / (2.0 * a))
    } else {
        let (r1, r2) = (-aux / (2.0 * a), -2.0 * c / aux);
        (r1.min(r2), r1.max(r2))
    };
    if !entire_line {
        if tb < 0.0 || ta > 1.0 {
            return (0.0, 0.0, false);
        }
        ta = ta.max(0.0);
        tb = tb.min(1.0);
    }
    (ta, tb, true)
}

/// Both intersections at once.
pub(crate) fn box_sphere_intersections(
    z: &Array1<f64>,
    d: &Array1<f64>,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
    delta: f64,
    entire_line: bool,
) -> (f64, f64, bool) {
    let (ta_b, tb_b, ib) = box_intersections(z, d, lb, ub, entire_line);
    let (ta_s, tb_s, is) = sphere_intersections(z, d, delta, entire_line);
    let (ta, tb) = (ta_b.max(ta_s), tb_b.min(tb_s));
    if ib && is && ta <= tb {
        (ta, tb, true)
    } else {
        (0.0, 0.0, false)
    }
}

fn inside_box(x: &Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) -> bool {
    x.iter().zip(lb).zip(ub).all(|((v, l), u)| l <= v && v <= u)
}

fn clamp_box(x: &mut Array1<f64>, lb: &Array1<f64>, ub: &Array1<f64>) {
    for ((v, &l), &u) in x.iter_mut().zip(lb).zip(ub) {
        *v = v.max(l).min(u);
    }
}

fn norm(x: &Array1<f64>) -> f64 {
    x.dot(x).sqrt()
}

/// Normal step: approximately `min ‖A d + b‖` with `‖d‖ ≤ Δ`, `lb ≤ d ≤ ub`,
/// the better of the dogleg path through the Cauchy point and the straight
/// path to the Newton point `−A⁺b`, each cut at the trust region.
pub(crate) fn modified_dogleg(
    a: &Array2<f64>,
    proj: &Projections,
    b: &Array1<f64>,
    delta: f64,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> Array1<f64> {
    let n = a.ncols();
    let newton = -proj.y(b);
    if inside_box(&newton, lb, ub) && norm(&newton) <= delta {
        return newton;
    }
    let g = a.t().dot(b);
    let ag = a.dot(&g);
    let agag = ag.dot(&ag);
    let cauchy = if agag > 0.0 {
        &g * (-g.dot(&g) / agag)
    } else {
        Array1::zeros(n)
    };
    let origin = Array1::<f64>::zeros(n);
    let p = &newton - &cauchy;
    let (_, alpha, hit) = box_sphere_intersections(&cauchy, &p, lb, ub, delta, false);
    let x1 = if hit {
        &cauchy + &(&p * alpha)
    } else {
        let (_, alpha, _) = box_sphere_intersections(&origin, &cauchy, lb, ub, delta, false);
        &cauchy * alpha
    };
    let (_, alpha, _) = box_sphere_intersections(&origin, &newton, lb, ub, delta, false);
    let x2 = &newton * alpha;
    let r = |x: &Array1<f64>| norm(&(a.dot(x) + b));
    if r(&x1) < r(&x2) { x1 } else { x2 }
}

/// Result of [`projected_cg`].
pub(crate) struct CgInfo {
    /// CG iterations.
    pub(crate) niter: usize,
}

/// Tangential step: `min ½ dᵀH d + cᵀd` over `d` in the null space of `A`
/// with `‖d‖ ≤ Δ` and `lb ≤ d ≤ ub`, by conjugate gradients on projected
/// residuals, stopping at the boundary or on negative curvature.
pub(crate) fn projected_cg(
    h: &Array2<f64>,
    c: &Array1<f64>,
    proj: &Projections,
    delta: f64,
    lb: &Array1<f64>,
    ub: &Array1<f64>,
) -> (Array1<f64>, CgInfo) {
    const CLOSE_TO_ZERO: f64 = 1e-25;
    let n = c.len();
    let max_iter = n.saturating_sub(proj.m);
    let max_infeasible = max_iter;
    let mut x = Array1::<f64>::zeros(n);
    // The residual is kept projected (SciPy's `r = Z(Hx + c)`, then
    // `r = g`): an unprojected residual would carry its row-space part, and
    // its rounding would leak into every later projection, which a tiny
    // curvature (a slack near 0) amplifies into a large null-space step.
    let mut r = proj.z(c);
    let mut g = proj.z(&r);
    let mut p = -&g;
    let mut hp = h.dot(&p);
    let mut rt_g = g.dot(&g);
    let tol = (0.01 * rt_g.sqrt()).min(0.1 * rt_g).max(CLOSE_TO_ZERO);
    let mut last_feasible = Array1::<f64>::zeros(n);
    let mut infeasible = 0;
    let mut k = 0;
    for _ in 0..max_iter {
        if rt_g < tol {
            break;
        }
        k += 1;
        let php = p.dot(&hp);
        if php <= 0.0 {
            let (_, alpha, hit) = box_sphere_intersections(&x, &p, lb, ub, delta, true);
            if hit {
                x = &x + &(&p * alpha);
            }
            clamp_box(&mut x, lb, ub);
            break;
        }
        let alpha = rt_g / php;
        let step = &p * alpha;
        let x_next = &x + &step;
        if norm(&x_next) >= delta {
            let (_, theta, hit) = box_sphere_intersections(&x, &step, lb, ub, delta, false);
            if hit {
                x = &x + &(&step * theta);
            }
            clamp_box(&mut x, lb, ub);
            break;
        }
        if inside_box(&x_next, lb, ub) {
            infeasible = 0;
        } else {
            // Outside the box: remember where this step leaves it.
            infeasible += 1;
            let (_, theta, hit) = box_sphere_intersections(&x, &step, lb, ub, delta, false);
            if hit {
                last_feasible = &x + &(&step * theta);
                clamp_box(&mut last_feasible, lb, ub);
            }
            if infeasible > max_infeasible {
                break;
            }
        }
        r = &r + &(&hp * alpha);
        g = proj.z(&r);
        let rt_g_next = g.dot(&g);
        let beta = rt_g_next / rt_g;
        p = &(-&g) + &(&p * beta);
        x = x_next;
        r = g.clone();
        rt_g = rt_g_next;
        hp = h.dot(&p);
    }
    if !inside_box(&x, lb, ub) {
        x = last_feasible;
    }
    (x, CgInfo { niter: k })
}
