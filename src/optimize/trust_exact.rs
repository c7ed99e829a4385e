//! The nearly exact trust-region subproblem solver of Moré and Sorensen
//! (SciPy `method='trust-exact'`), after Conn, Gould and Toint, *Trust
//! Region Methods* (2000), §7.3.
//!
//! It looks for `λ ≥ 0` with `(B + λI) p = −g`, `B + λI ⪰ 0` and
//! `λ (‖p‖ − Δ) = 0`, by safeguarded Newton steps on the secular equation
//! `1/‖p(λ)‖ = 1/Δ` inside the bracket `[λ_lb, λ_ub]`, with Cholesky
//! factorisations deciding definiteness; in the hard case it moves along an
//! approximate eigenvector of the smallest eigenvalue to the boundary.

use super::trust_region::{LinalgFailure, boundary_intersections, norm2};
use ndarray::{Array1, Array2};

/// Relative accuracy of `‖p‖` against `Δ` that ends the search.
const K_EASY: f64 = 0.1;
/// Relative accuracy of the hard-case model value that ends the search.
const K_HARD: f64 = 0.2;
/// How far into the bracket a safeguarded `λ` goes.
const UPDATE_COEFF: f64 = 0.01;

/// `Uᵀ U` factor of a symmetric positive definite matrix (upper `U`).
pub(crate) struct Chol {
    u: Array2<f64>,
}

/// Upper Cholesky by rows. On failure returns the index `k` of the first
/// non-positive pivot and the factor whose rows `0..k` are complete.
pub(crate) fn cholesky(a: &Array2<f64>) -> Result<Chol, (usize, Array2<f64>)> {
    let n = a.nrows();
    let mut u = Array2::<f64>::zeros((n, n));
    for j in 0..n {
        let mut d = a[[j, j]];
        for k in 0..j {
            d -= u[[k, j]] * u[[k, j]];
        }
        if d <= 0.0 || d.is_nan() {
            return Err((j, u));
        }
        let ujj = d.sqrt();
        u[[j, j]] = ujj;
        for c in j + 1..n {
            let mut s = a[[j, c]];
            for k in 0..j {
                s -= u[[k, j]] * u[[k, c]];
            }
            u[[j, c]] = s / ujj;
        }
    }
    Ok(Chol { u })
}

/// Solves `U x = b` (upper triangular, leading `m × m` block).
fn solve_upper(u: &Array2<f64>, b: &Array1<f64>, m: usize) -> Array1<f64> {
    let mut x = b.clone();
    for i in (0..m).rev() {
        let mut s = x[i];
        for k in i + 1..m {
            s -= u[[i, k]] * x[k];
        }
        x[i] = s / u[[i, i]];
    }
    x
}

/// Solves `Uᵀ x = b`.
fn solve_upper_t(u: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let n = b.len();
    let mut x = b.clone();
    for i in 0..n {
        let mut s = x[i];
        for k in 0..i {
            s -= u[[k, i]] * x[k];
        }
        x[i] = s / u[[i, i]];
    }
    x
}

impl Chol {
    /// Solves `Uᵀ U x = b`.
    pub(crate) fn solve(&self, b: &Array1<f64>) -> Array1<f64> {
        solve_upper(&self.u, &solve_upper_t(&self.u, b), b.len())
    }
}

/// Estimates the smallest singular value of upper-triangular `U` and its
/// right singular vector (Cline, Moler, Stewart, Wilkinson 1979): choose
/// `e ∈ {±1}ⁿ` greedily so that `Uᵀ w = e` has a large solution, then
/// `U v = w`; `σ_min ≈ ‖w‖/‖v‖`, `z ≈ v/‖v‖`.
fn smallest_singular(u: &Array2<f64>) -> (f64, Array1<f64>) {
    let n = u.nrows();
    let mut p = Array1::<f64>::zeros(n);
    let mut w = Array1::<f64>::zeros(n);
    for k in 0..n {
        let wp = (1.0 - p[k]) / u[[k, k]];
        let wm = (-1.0 - p[k]) / u[[k, k]];
        let (mut sp, mut sm) = (wp.abs(), wm.abs());
        for i in k + 1..n {
            sp += (p[i] + u[[k, i]] * wp).abs();
            sm += (p[i] + u[[k, i]] * wm).abs();
        }
        let wk = if sp >= sm { wp } else { wm };
        w[k] = wk;
        for i in k + 1..n {
            p[i] += u[[k, i]] * wk;
        }
    }
    let v = solve_upper(u, &w, n);
    let vn = norm2(&v);
    (norm2(&w) / vn, v / vn)
}

/// State kept between solves on the same model (SciPy keeps `λ_lb` when
/// the radius shrinks).
#[derive(Debug, Default)]
pub(crate) struct ExactState {
    lambda_lb: f64,
    previous_radius: Option<f64>,
}

fn safeguard(lb: f64, ub: f64) -> f64 {
    (lb * ub).sqrt().max(lb + UPDATE_COEFF * (ub - lb))
}

/// Solves `min gᵀp + ½ pᵀBp, ‖p‖ ≤ Δ` to the accuracy `K_EASY`/`K_HARD`
/// within `maxiter` factorisations; returns the step and whether it lies
/// on the boundary.
pub(crate) fn solve(
    b: &Array2<f64>,
    g: &Array1<f64>,
    delta: f64,
    state: &mut ExactState,
    maxiter: usize,
) -> Result<(Array1<f64>, bool), LinalgFailure> {
    let n = g.len();
    if b.iter().any(|v| !v.is_finite()) {
        return Err(LinalgFailure);
    }
    let gmag = norm2(g);
    let (mut hess_inf, mut hess_fro, mut gmin, mut gmax) = (0.0f64, 0.0f64, f64::MAX, f64::MIN);
    let mut min_diag = f64::MAX;
    for i in 0..n {
        let row = b.row(i);
        let abs_sum: f64 = row.iter().map(|v| v.abs()).sum();
        hess_inf = hess_inf.max(abs_sum);
        hess_fro += row.dot(&row);
        let off = abs_sum - b[[i, i]].abs();
        gmin = gmin.min(b[[i, i]] - off);
        gmax = gmax.max(b[[i, i]] + off);
        min_diag = min_diag.min(b[[i, i]]);
    }
    let hess_fro = hess_fro.sqrt();
    let close_to_zero = n as f64 * f64::EPSILON * hess_inf;
    // Bracket for λ from Gershgorin's discs and the matrix norms.
    let mut lambda_lb = 0f64
        .max(-min_diag)
        .max(gmag / delta - gmax.min(hess_fro).min(hess_inf));
    let mut lambda_ub = 0f64.max(gmag / delta + (-gmin).min(hess_fro).min(hess_inf));
    if state.previous_radius.is_some_and(|r| delta < r) {
        lambda_lb = lambda_lb.max(state.lambda_lb);
    }
    let mut lambda = if lambda_lb == 0.0 {
        0.0
    } else {
        safeguard(lambda_lb, lambda_ub)
    };
    let shifted = |l: f64| {
        let mut h = b.clone();
        h.diag_mut().mapv_inplace(|d| d + l);
        h
    };
    let mut p = Array1::zeros(n);
    let mut hits_boundary = true;
    let mut factor: Option<Chol> = None;
    for _ in 0..maxiter.max(1) {
        let h = shifted(lambda);
        let fact = match factor.take() {
            Some(c) => Ok(c),
            None => cholesky(&h),
        };
        match fact {
            Ok(c) if gmag > close_to_zero => {
                p = -c.solve(g);
                let pn = norm2(&p);
                if pn <= delta && lambda == 0.0 {
                    hits_boundary = false;
                    break;
                }
                let w = solve_upper_t(&c.u, &p);
                let wn = norm2(&w);
                // Newton step on 1/‖p(λ)‖ − 1/Δ.
                let lambda_new = lambda + (pn / wn).powi(2) * (pn - delta) / delta;
                if pn < delta {
                    // Inside: try to reach the boundary along z ≈ eigenvector.
                    let (s_min, z) = smallest_singular(&c.u);
                    let (ta, tb) = boundary_intersections(&p, &z, delta);
                    let t = if ta.abs() <= tb.abs() { ta } else { tb };
                    let quad = p.dot(&h.dot(&p));
                    let rel = (t * t * s_min * s_min) / (quad + lambda * delta * delta);
                    if rel <= K_HARD {
                        p = p + z * t;
                        break;
                    }
                    lambda_ub = lambda;
                    lambda_lb = lambda_lb.max(lambda - s_min * s_min);
                    match cholesky(&shifted(lambda_new)) {
                        Ok(c2) => {
                            lambda = lambda_new;
                            factor = Some(c2);
                        }
                        Err(_) => {
                            lambda_lb = lambda_lb.max(lambda_new);
                            lambda = safeguard(lambda_lb, lambda_ub);
                        }
                    }
                } else {
                    if (pn - delta).abs() / delta <= K_EASY {
                        break;
                    }
                    lambda_lb = lambda;
                    lambda = lambda_new;
                }
            }
            Ok(c) => {
                // g ≈ 0: the step, if any, comes from negative curvature.
                if lambda == 0.0 {
                    p = Array1::zeros(n);
                    hits_boundary = false;
                    break;
                }
                let (s_min, z) = smallest_singular(&c.u);
                if delta * delta * s_min * s_min <= K_HARD * lambda * delta * delta {
                    p = z * delta;
                    break;
                }
                lambda_ub = lambda;
                lambda_lb = lambda_lb.max(lambda - s_min * s_min);
                lambda = safeguard(lambda_lb, lambda_ub);
            }
            Err((k, u)) => {
                // B + λI is indefinite in its leading (k+1)×(k+1) block: the
                // shift δ/‖v‖² that makes it singular bounds λ from below.
                let mut dlt = -h[[k, k]];
                for i in 0..k {
                    dlt += u[[i, k]] * u[[i, k]];
                }
                let mut v = Array1::zeros(n);
                v[k] = 1.0;
                if k > 0 {
                    let rhs = Array1::from_shape_fn(n, |i| if i < k { -u[[i, k]] } else { 0.0 });
                    let sol = solve_upper(&u, &rhs, k);
                    v.slice_mut(ndarray::s![..k])
                        .assign(&sol.slice(ndarray::s![..k]));
                }
                let vn2 = v.dot(&v);
                lambda_lb = lambda_lb.max(lambda + dlt / vn2);
                lambda = safeguard(lambda_lb, lambda_ub);
            }
        }
        if !lambda.is_finite() {
            return Err(LinalgFailure);
        }
    }
    state.lambda_lb = lambda_lb;
    state.previous_radius = Some(delta);
    Ok((p, hits_boundary))
}
