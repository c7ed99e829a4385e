//! Pieces shared by the least-squares solvers: robust losses, the
//! finite-difference Jacobian that respects bounds, the trust-region
//! subproblem solved through an SVD, and the bound geometry of TRF.

use super::diff::FdScheme;
use crate::linalg::kernels::simd;
use crate::linalg::{SvdOptions, svd_with};
use crate::{Error, Result};
use ndarray::{Array1, Array2, ArrayRef1, ArrayRef2, ShapeBuilder, Zip};

pub(crate) const EPS: f64 = f64::EPSILON;

/// A residual function `x -> f(x)` (length `m`).
pub(crate) type ResidualFn<'a> = dyn FnMut(&ArrayRef1<f64>) -> Array1<f64> + 'a;
/// A Jacobian function `x -> J(x)` (`m × n`).
pub(crate) type JacobianFn<'a> = dyn FnMut(&ArrayRef1<f64>) -> Array2<f64> + 'a;

/// Robust loss `ρ(z)` applied to `z = (f / f_scale)²` (SciPy `loss=`).
///
/// ```text
/// linear   ρ(z) = z
/// soft_l1  ρ(z) = 2(√(1 + z) − 1)
/// huber    ρ(z) = z if z ≤ 1 else 2√z − 1
/// cauchy   ρ(z) = ln(1 + z)
/// arctan   ρ(z) = arctan(z)
/// ```
/// The cost is `½ · f_scale² · Σ ρ((fᵢ / f_scale)²)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Loss {
    /// Ordinary least squares (SciPy `'linear'`).
    #[default]
    Linear,
    /// Smooth approximation of the l1 loss (SciPy `'soft_l1'`).
    SoftL1,
    /// Quadratic near zero, linear beyond `f_scale` (SciPy `'huber'`).
    Huber,
    /// Logarithmic growth: strongly damps outliers (SciPy `'cauchy'`).
    Cauchy,
    /// Bounded loss (SciPy `'arctan'`).
    Arctan,
}

impl Loss {
    /// `(ρ, ρ', ρ'')` at `z`.
    fn rho(self, z: f64) -> (f64, f64, f64) {
        match self {
            Loss::Linear => (z, 1.0, 0.0),
            Loss::SoftL1 => {
                let t = 1.0 + z;
                (2.0 * (t.sqrt() - 1.0), t.powf(-0.5), -0.5 * t.powf(-1.5))
            }
            Loss::Huber => {
                if z <= 1.0 {
                    (z, 1.0, 0.0)
                } else {
                    let s = z.sqrt();
                    (2.0 * s - 1.0, 1.0 / s, -0.5 / (z * s))
                }
            }
            Loss::Cauchy => {
                let t = 1.0 + z;
                (z.ln_1p(), 1.0 / t, -1.0 / (t * t))
            }
            Loss::Arctan => {
                let t = 1.0 + z * z;
                (z.atan(), 1.0 / t, -2.0 * z / (t * t))
            }
        }
    }

    /// The cost `½ f_scale² Σ ρ(z)` of residuals `f`.
    pub(crate) fn cost(self, f: &ArrayRef1<f64>, f_scale: f64) -> f64 {
        if self == Loss::Linear {
            return 0.5 * f.dot(f);
        }
        let c2 = f_scale * f_scale;
        0.5 * c2 * f.iter().map(|&v| self.rho(v * v / c2).0).sum::<f64>()
    }

    /// Rescales `J` and `f` in place so that the Gauss–Newton model of the
    /// robust cost is an ordinary least-squares model (SciPy's
    /// `scale_for_robust_loss_function`); a no-op for the linear loss.
    pub(crate) fn scale_jf(self, j: &mut Array2<f64>, f: &mut Array1<f64>, f_scale: f64) {
        if self == Loss::Linear {
            return;
        }
        let c2 = f_scale * f_scale;
        let scale: Vec<f64> = f
            .iter_mut()
            .map(|fi| {
                let (_, r1, r2) = self.rho(*fi * *fi / c2);
                let r2 = r2 / c2;
                let js = (r1 + 2.0 * r2 * *fi * *fi).max(EPS).sqrt();
                *fi *= r1 / js;
                js
            })
            .collect();
        for ((i, _), v) in j.indexed_iter_mut() {
            *v *= scale[i];
        }
    }
}

/// Checks that a residual vector has the expected length and is finite.
pub(crate) fn all_finite(f: &ArrayRef1<f64>) -> bool {
    f.iter().all(|v| v.is_finite())
}

/// Calls the residual function and checks the length of its answer.
pub(crate) fn call_fun(
    fun: &mut ResidualFn<'_>,
    x: &ArrayRef1<f64>,
    m: usize,
) -> Result<Array1<f64>> {
    let f = fun(x);
    if f.len() != m {
        return Err(Error::ShapeMismatch {
            name: "fun",
            expected: vec![m],
            got: vec![f.len()],
        });
    }
    Ok(f)
}

/// How the Jacobian is obtained inside a solver.
pub(crate) enum JacSource<'a, 'b> {
    /// Finite differences with this scheme and relative step (None: default).
    Fd(FdScheme, Option<f64>),
    /// A user function.
    Callable(&'b mut JacobianFn<'a>),
}

/// Evaluates `J(x)`, by the user's function or finite differences around
/// `f0 = f(x)`, keeping every probe inside `[lb, ub]` (SciPy
/// `approx_derivative`). Finite-difference calls are not counted.
pub(crate) fn jacobian(
    src: &mut JacSource<'_, '_>,
    fun: &mut ResidualFn<'_>,
    x: &ArrayRef1<f64>,
    f0: &ArrayRef1<f64>,
    lb: &ArrayRef1<f64>,
    ub: &ArrayRef1<f64>,
) -> Result<Array2<f64>> {
    let (m, n) = (f0.len(), x.len());
    let (scheme, rel) = match src {
        JacSource::Callable(jf) => {
            let j = jf(x);
            if j.dim() != (m, n) {
                return Err(Error::ShapeMismatch {
                    name: "jac",
                    expected: vec![m, n],
                    got: j.shape().to_vec(),
                });
            }
            return Ok(j);
        }
        JacSource::Fd(s, r) => (*s, *r),
    };
    let default_rel = match scheme {
        FdScheme::TwoPoint => EPS.sqrt(),
        FdScheme::ThreePoint => EPS.cbrt(),
    };
    let mut jac = Array2::zeros((m, n).f());
    let mut xp = x.to_owned();
    for i in 0..n {
        let x0 = x[i];
        let sign = if x0 >= 0.0 { 1.0 } else { -1.0 };
        let mut h = match rel {
            Some(r) => r * sign * x0.abs(),
            None => default_rel * sign * x0.abs().max(1.0),
        };
        if (x0 + h) - x0 == 0.0 {
            h = default_rel * sign * x0.abs().max(1.0);
        }
        let (lo, hi) = (x0 - lb[i], ub[i] - x0);
        match scheme {
            FdScheme::TwoPoint => {
                // One-sided: flip or shrink the step to stay inside the box.
                let xt = x0 + h;
                let fits = h.abs() <= lo.max(hi);
                if (xt < lb[i] || xt > ub[i]) && fits {
                    h = -h;
                } else if !fits {
                    h = if hi >= lo { hi } else { -lo };
                }
                xp[i] = x0 + h;
                let dx = xp[i] - x0;
                let f1 = call_fun(fun, &xp, m)?;
                Zip::from(jac.column_mut(i))
                    .and(&f1)
                    .and(f0)
                    .for_each(|c, &a, &b| *c = (a - b) / dx);
            }
            FdScheme::ThreePoint => {
                let ha = h.abs();
                let mut one_sided = false;
                if !(lo >= ha && hi >= ha) {
                    let min_dist = lo.min(hi);
                    if hi >= lo {
                        h = ha.min(0.5 * hi);
                    } else {
                        h = -ha.min(0.5 * lo);
                    }
                    one_sided = true;
                    if h.abs() <= min_dist {
                        h = min_dist;
                        one_sided = false;
                    }
                }
                if one_sided {
                    xp[i] = x0 + h;
                    let f1 = call_fun(fun, &xp, m)?;
                    xp[i] = x0 + 2.0 * h;
                    let dx = xp[i] - x0;
                    let f2 = call_fun(fun, &xp, m)?;
                    let col = (-3.0 * f0 + 4.0 * &f1 - &f2) / dx;
                    jac.column_mut(i).assign(&col);
                } else {
                    xp[i] = x0 - h;
                    let x1 = xp[i];
                    let f1 = call_fun(fun, &xp, m)?;
                    xp[i] = x0 + h;
                    let dx = xp[i] - x1;
                    let f2 = call_fun(fun, &xp, m)?;
                    jac.column_mut(i).assign(&((&f2 - &f1) / dx));
                }
            }
        }
        xp[i] = x0;
    }
    Ok(jac)
}

/// SVD of `J C` for the trust-region subproblem, `C = diag(col_scale)` (the
/// identity if `None`): `(Uᵀ f, s, V)` with `J C = U diag(s) Vᵀ` (economic).
/// A tall `J` is first reduced by Householder QR, applied to `f` on the way
/// (`J = Q R`, `R C = U_r S Vᵀ`, `Uᵀ f = U_rᵀ Qᵀ f`), so `U` and `Q` are
/// never formed: O(m n²) work. A column scale leaves `Q` as it is (each
/// reflector depends only on a column's direction), so it scales `R` alone
/// and `J` is never copied to be scaled.
pub(crate) fn svd_uf(
    j: &ArrayRef2<f64>,
    f: &ArrayRef1<f64>,
    col_scale: Option<&ArrayRef1<f64>>,
) -> Result<(Array1<f64>, Array1<f64>, Array2<f64>)> {
    let opts = SvdOptions {
        full_matrices: false,
        ..Default::default()
    };
    let scale = |mut a: Array2<f64>| {
        if let Some(c) = col_scale {
            for (mut col, &ck) in a.columns_mut().into_iter().zip(c) {
                col *= ck;
            }
        }
        a
    };
    let (m, n) = j.dim();
    if m <= 2 * n {
        let d = svd_with(&scale(j.to_owned()), &opts)?;
        return Ok((d.u.t().dot(f), d.s, d.vt.reversed_axes()));
    }
    let (r, qtf) = householder_r_qtf(j, f);
    let d = svd_with(&scale(r), &opts)?;
    Ok((d.u.t().dot(&qtf), d.s, d.vt.reversed_axes()))
}

/// `J p`, by contiguous column updates when `J` is column-major (the
/// finite-difference Jacobians are): ndarray's product would walk each
/// row with a stride of `m`.
pub(crate) fn jac_dot(j: &ArrayRef2<f64>, p: &ArrayRef1<f64>) -> Array1<f64> {
    let (m, n) = j.dim();
    if n == 0 || m == 0 || j.t().as_slice().is_none() {
        return j.dot(p);
    }
    let mut out = vec![0.0; m];
    for (col, &pk) in j.columns().into_iter().zip(p) {
        simd::axpy(pk, col.as_slice().expect("column-major"), &mut out);
    }
    Array1::from(out)
}

/// `R` (`n × n`) and the first `n` entries of `Qᵀ f` of the Householder QR
/// of a tall `J` (`m > n`), working on contiguous columns.
fn householder_r_qtf(j: &ArrayRef2<f64>, f: &ArrayRef1<f64>) -> (Array2<f64>, Array1<f64>) {
    let (m, n) = j.dim();
    let mut cols: Vec<Vec<f64>> = (0..n).map(|k| j.column(k).to_vec()).collect();
    let mut b = f.to_vec();
    let mut r = Array2::zeros((n, n));
    for k in 0..n {
        let (head, tail) = cols.split_at_mut(k + 1);
        let v = &mut head[k][k..];
        let alpha = simd::dot(&*v, &*v).sqrt();
        if alpha == 0.0 {
            r[[k, k]] = 0.0;
        } else {
            // v = x + sign(x₀)‖x‖e₁, reflect x to −sign(x₀)‖x‖e₁.
            let beta = if v[0] >= 0.0 { -alpha } else { alpha };
            // ‖x − βe₁‖² = 2‖x‖(‖x‖ + |x₀|), without another pass.
            let vtv = 2.0 * alpha * (alpha + v[0].abs());
            v[0] -= beta;
            let reflect = |w: &mut [f64]| {
                let t = 2.0 * simd::dot(&*v, &*w) / vtv;
                simd::axpy(-t, &*v, w);
            };
            for c in tail.iter_mut() {
                reflect(&mut c[k..]);
            }
            reflect(&mut b[k..m]);
            r[[k, k]] = beta;
        }
        for (jj, c) in tail.iter().enumerate() {
            r[[k, k + 1 + jj]] = c[k];
        }
    }
    (r, Array1::from(b[..n].to_vec()))
}

/// Solves `min ‖J p + f‖` subject to `‖p‖ ≤ Δ` from the SVD of `J`
/// (`uf = Uᵀ f`), by Newton iteration on the Levenberg–Marquardt parameter
/// `α` as in Moré (1978). Returns `(p, α)`.
pub(crate) fn solve_tr_subproblem(
    m: usize,
    uf: &ArrayRef1<f64>,
    s: &ArrayRef1<f64>,
    v: &ArrayRef2<f64>,
    delta: f64,
    initial_alpha: f64,
) -> (Array1<f64>, f64) {
    let n = v.nrows();
    let suf = s * uf;
    let phi = |alpha: f64| {
        let mut pn = 0.0;
        let mut d3 = 0.0;
        for (&a, &si) in suf.iter().zip(s) {
            let den = si * si + alpha;
            pn += (a / den) * (a / den);
            d3 += a * a / (den * den * den);
        }
        let pn = pn.sqrt();
        (pn - delta, -d3 / pn)
    };
    let full_rank = m >= n && !s.is_empty() && s[s.len() - 1] > EPS * m as f64 * s[0];
    if full_rank {
        let p = -v.dot(&(uf / s));
        if p.dot(&p).sqrt() <= delta {
            return (p, 0.0);
        }
    }
    let mut alpha_upper = suf.dot(&suf).sqrt() / delta;
    let mut alpha_lower = if full_rank {
        let (ph, dph) = phi(0.0);
        -ph / dph
    } else {
        0.0
    };
    let restart = |lo: f64, up: f64| (0.001 * up).max((lo * up).sqrt());
    let mut alpha = if !full_rank && initial_alpha == 0.0 {
        restart(alpha_lower, alpha_upper)
    } else {
        initial_alpha
    };
    for _ in 0..10 {
        if alpha < alpha_lower || alpha > alpha_upper {
            alpha = restart(alpha_lower, alpha_upper);
        }
        let (ph, dph) = phi(alpha);
        if ph < 0.0 {
            alpha_upper = alpha;
        }
        let ratio = ph / dph;
        alpha_lower = alpha_lower.max(alpha - ratio);
        alpha -= (ph + delta) * ratio / delta;
        if ph.abs() < 0.01 * delta {
            break;
        }
    }
    let w = Array1::from_shape_fn(s.len(), |i| suf[i] / (s[i] * s[i] + alpha));
    let mut p = -v.dot(&w);
    let pn = p.dot(&p).sqrt();
    p *= delta / pn;
    (p, alpha)
}

/// `½ ‖J s‖² + ½ Σ diag·s² + gᵀ s`.
pub(crate) fn evaluate_quadratic(
    j: &ArrayRef2<f64>,
    g: &ArrayRef1<f64>,
    s: &ArrayRef1<f64>,
    diag: Option<&ArrayRef1<f64>>,
) -> f64 {
    let js = jac_dot(j, s);
    let mut q = js.dot(&js);
    if let Some(d) = diag {
        q += d.iter().zip(s).map(|(&di, &si)| di * si * si).sum::<f64>();
    }
    0.5 * q + g.dot(s)
}

/// Trust-region radius update from the agreement `ratio` of actual and
/// predicted reduction. Returns `(Δ_new, ratio)`.
pub(crate) fn update_tr_radius(
    delta: f64,
    actual: f64,
    predicted: f64,
    step_norm: f64,
    bound_hit: bool,
) -> (f64, f64) {
    let ratio = if predicted > 0.0 {
        actual / predicted
    } else if predicted == actual {
        1.0
    } else {
        0.0
    };
    let d = if ratio < 0.25 {
        0.25 * step_norm
    } else if ratio > 0.75 && bound_hit {
        2.0 * delta
    } else {
        delta
    };
    (d, ratio)
}

/// SciPy's termination codes 2 (`ftol`), 3 (`xtol`), 4 (both), or 0 (none).
pub(crate) fn check_termination(
    d_f: f64,
    f: f64,
    dx_norm: f64,
    x_norm: f64,
    ratio: f64,
    ftol: f64,
    xtol: f64,
) -> i32 {
    let ft = d_f < ftol * f && ratio > 0.25;
    let xt = dx_norm < xtol * (xtol + x_norm);
    match (ft, xt) {
        (true, true) => 4,
        (true, false) => 2,
        (false, true) => 3,
        _ => 0,
    }
}

/// Column norms of `J` as the inverse scale (`x_scale='jac'`), never
/// decreasing from `old`; zero columns get scale 1.
pub(crate) fn jac_scale_inv(j: &ArrayRef2<f64>, old: Option<&ArrayRef1<f64>>) -> Array1<f64> {
    let mut si = Array1::from_shape_fn(j.ncols(), |k| {
        let c = j.column(k);
        c.dot(&c).sqrt()
    });
    match old {
        None => si.mapv_inplace(|v| if v == 0.0 { 1.0 } else { v }),
        Some(o) => si.zip_mut_with(o, |a, &b| *a = a.max(b)),
    }
    si
}

/// `-1`/`+1` where `x` sits on its lower/upper bound within `rtol`, else 0.
pub(crate) fn find_active(
    x: &ArrayRef1<f64>,
    lb: &ArrayRef1<f64>,
    ub: &ArrayRef1<f64>,
    rtol: f64,
) -> Array1<i32> {
    Array1::from_shape_fn(x.len(), |i| {
        if rtol == 0.0 {
            return if x[i] <= lb[i] {
                -1
            } else if x[i] >= ub[i] {
                1
            } else {
                0
            };
        }
        let (ld, ud) = (x[i] - lb[i], ub[i] - x[i]);
        let lt = rtol * lb[i].abs().max(1.0);
        let ut = rtol * ub[i].abs().max(1.0);
        if ub[i].is_finite() && ud <= ld.min(ut) {
            1
        } else if lb[i].is_finite() && ld <= ud.min(lt) {
            -1
        } else {
            0
        }
    })
}

/// Moves `x` strictly inside `[lb, ub]`: active variables move by
/// `rstep·max(1, |bound|)` (or one ulp when `rstep == 0`).
pub(crate) fn make_strictly_feasible(
    x: &ArrayRef1<f64>,
    lb: &ArrayRef1<f64>,
    ub: &ArrayRef1<f64>,
    rstep: f64,
) -> Array1<f64> {
    let active = find_active(x, lb, ub, rstep);
    Array1::from_shape_fn(x.len(), |i| {
        let v = match active[i] {
            -1 if rstep == 0.0 => lb[i].next_toward(ub[i]),
            1 if rstep == 0.0 => ub[i].next_toward(lb[i]),
            -1 => lb[i] + rstep * lb[i].abs().max(1.0),
            1 => ub[i] - rstep * ub[i].abs().max(1.0),
            _ => x[i],
        };
        if v < lb[i] || v > ub[i] {
            0.5 * (lb[i] + ub[i])
        } else {
            v
        }
    })
}

/// `nextafter` for `f64`.
trait NextToward {
    fn next_toward(self, to: f64) -> f64;
}

impl NextToward for f64 {
    fn next_toward(self, to: f64) -> f64 {
        if self.is_nan() || to.is_nan() {
            return f64::NAN;
        }
        if self == to {
            return to;
        }
        if self == 0.0 {
            return f64::from_bits(1).copysign(to);
        }
        let bits = self.to_bits();
        let up = (to > self) == (self > 0.0);
        f64::from_bits(if up { bits + 1 } else { bits - 1 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn householder_qr_keeps_normal_equations_and_projection() {
        let j = Array2::from_shape_fn((9, 3), |(i, k)| {
            ((i * 5 + k * 3) % 7) as f64 - 2.5 + (k == i) as i32 as f64
        });
        let f = Array1::from_shape_fn(9, |i| (i as f64).sin());
        let (r, qtf) = householder_r_qtf(&j, &f);
        // Rᵀ R = Jᵀ J, R upper triangular, Rᵀ (Qᵀ f) = Jᵀ f.
        let d = &r.t().dot(&r) - &j.t().dot(&j);
        assert!(d.iter().all(|v| v.abs() < 1e-12), "{d}");
        assert!((0..3).all(|i| (0..i).all(|k| r[[i, k]] == 0.0)));
        let g = &r.t().dot(&qtf) - &j.t().dot(&f);
        assert!(g.iter().all(|v| v.abs() < 1e-12), "{g}");
        // The tall path and the direct SVD agree on s and Uᵀ f up to signs.
        let (uf, s, v) = svd_uf(&j, &f, None).unwrap();
        let d = svd_with(
            &j,
            &SvdOptions {
                full_matrices: false,
                ..Default::default()
            },
        )
        .unwrap();
        let uf2 = d.u.t().dot(&f);
        for k in 0..3 {
            assert!((s[k] - d.s[k]).abs() < 1e-12);
            let sign = v.column(k).dot(&d.vt.row(k)).signum();
            assert!((uf[k] - sign * uf2[k]).abs() < 1e-12);
        }
    }

    #[test]
    fn jac_dot_and_column_scaled_svd() {
        let j = Array2::from_shape_fn((11, 3).f(), |(i, k)| {
            ((i * 3 + k * 5) % 7) as f64 - 3.0 + k as f64 * 0.1
        });
        let p = array![0.5, -1.5, 2.0];
        let want = j.dot(&p);
        assert!((&jac_dot(&j, &p) - &want).iter().all(|d| d.abs() < 1e-13));
        // A row-major J takes ndarray's product.
        assert!(
            (&jac_dot(&j.as_standard_layout(), &p) - &want)
                .iter()
                .all(|d| d.abs() < 1e-13)
        );
        // svd_uf of J with a column scale c equals that of J·diag(c), on
        // the tall (QR) path and the square one.
        let c = array![2.0, 0.25, 3.0];
        let f = Array1::from_shape_fn(11, |i| (i as f64).cos());
        for rows in [11, 5] {
            let js = j.slice(ndarray::s![..rows, ..]);
            let fs = f.slice(ndarray::s![..rows]);
            let scaled = &js * &c;
            let (uf1, s1, v1) = svd_uf(&js, &fs, Some(&c)).unwrap();
            let (uf2, s2, v2) = svd_uf(&scaled, &fs, None).unwrap();
            for k in 0..3 {
                assert!((s1[k] - s2[k]).abs() < 1e-12 * s2[0], "{rows}: s[{k}]");
                let sign = v1.column(k).dot(&v2.column(k)).signum();
                assert!((uf1[k] - sign * uf2[k]).abs() < 1e-12, "{rows}: uf[{k}]");
            }
        }
    }

    #[test]
    fn robust_losses_at_zero_and_large_residuals() {
        for loss in [Loss::SoftL1, Loss::Huber, Loss::Cauchy, Loss::Arctan] {
            let (r0, r1, _) = loss.rho(0.0);
            assert_eq!((r0, r1), (0.0, 1.0), "{loss:?}");
            // Every robust loss grows slower than z.
            assert!(loss.rho(100.0).0 < 100.0, "{loss:?}");
        }
        assert_eq!(Loss::Huber.rho(4.0).0, 3.0);
        assert_eq!(Loss::Linear.cost(&array![3.0, 4.0], 1.0), 12.5);
    }
}
