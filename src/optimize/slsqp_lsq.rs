//! SLSQP's quadratic subproblem as a least-distance problem.
//!
//! ```text
//! min ½ dᵀB d + gᵀd   s.t.  E d = f,  G d ≥ h,        B = L Lᵀ
//! ```
//! With `z = Lᵀd` the objective is `½‖z − z₀‖²` (`z₀ = −L⁻¹g`). A QR
//! factorization of the equality rows splits `z` into a fixed part and a
//! null-space part `w`; the inequalities on `u = w − w₀` form a
//! least-distance problem `min ‖u‖ s.t. A u ≥ b`, solved through
//! non-negative least squares (Lawson and Hanson, *Solving Least Squares
//! Problems*, 1974, ch. 23).

use super::nnls::{NnlsOptions, nnls_with};
use crate::linalg::qr;
use ndarray::{Array1, Array2, s};

/// Why the subproblem has no solution (SciPy's SLSQP modes 3, 4 and 6).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LsqFail {
    /// The NNLS iteration ran out of steps (mode 3).
    MaxIter,
    /// The linearized inequalities have no common point (mode 4).
    Incompatible,
    /// The equality rows are rank-deficient (mode 6).
    Singular,
}

/// A solution of the subproblem with its multipliers:
/// `B d + g = Eᵀμ + Gᵀλ`, `λ ≥ 0`.
pub(crate) struct QpSolution {
    pub(crate) d: Array1<f64>,
    pub(crate) mu: Array1<f64>,
    pub(crate) lam: Array1<f64>,
}

/// Solves `L y = b` for lower-triangular `L`.
pub(crate) fn forward(l: &Array2<f64>, b: &Array1<f64>) -> Array1<f64> {
    let n = b.len();
    let mut y = b.clone();
    for i in 0..n {
        let s: f64 = (0..i).map(|k| l[[i, k]] * y[k]).sum();
        y[i] = (y[i] - s) / l[[i, i]];
    }
    y
}

/// Solves `Lᵀ x = y` for lower-triangular `L`.
pub(crate) fn backward(l: &Array2<f64>, y: &Array1<f64>) -> Array1<f64> {
    let n = y.len();
    let mut x = y.clone();
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|k| l[[k, i]] * x[k]).sum();
        x[i] = (x[i] - s) / l[[i, i]];
    }
    x
}

/// Cholesky factor `L` of a symmetric positive definite `B`; `None` if `B`
/// is not numerically positive definite.
pub(crate) fn cholesky(b: &Array2<f64>) -> Option<Array2<f64>> {
    let n = b.nrows();
    let mut l = Array2::zeros((n, n));
    for j in 0..n {
        let d = b[[j, j]] - (0..j).map(|k| l[[j, k]] * l[[j, k]]).sum::<f64>();
        if d <= 0.0 || !d.is_finite() {
            return None;
        }
        let d = d.sqrt();
        l[[j, j]] = d;
        for i in j + 1..n {
            let s: f64 = (0..j).map(|k| l[[i, k]] * l[[j, k]]).sum();
            l[[i, j]] = (b[[i, j]] - s) / d;
        }
    }
    Some(l)
}

/// Applies `L⁻¹` to every row of `a` (returns `a L⁻ᵀ`).
fn rows_times_linv_t(l: &Array2<f64>, a: &Array2<f64>) -> Array2<f64> {
    let mut out = Array2::zeros(a.dim());
    for (i, row) in a.outer_iter().enumerate() {
        out.row_mut(i).assign(&forward(l, &row.to_owned()));
    }
    out
}

/// Least distance: `min ‖u‖ s.t. A u ≥ b`, with the multipliers `λ ≥ 0` of
/// `½‖u‖²` (so `u = Aᵀλ`).
fn ldp(a: &Array2<f64>, b: &Array1<f64>) -> Result<(Array1<f64>, Array1<f64>), LsqFail> {
    let (m, k) = a.dim();
    if m == 0 || b.iter().all(|&v| v <= 0.0) {
        return Ok((Array1::zeros(k), Array1::zeros(m)));
    }
    // min ‖[Aᵀ; bᵀ] y − e_{k+1}‖ over y ≥ 0.
    let mut e = Array2::zeros((k + 1, m));
    e.slice_mut(s![..k, ..]).assign(&a.t());
    e.row_mut(k).assign(b);
    let mut f = Array1::zeros(k + 1);
    f[k] = 1.0;
    let (y, _) = nnls_with(&e, &f, &NnlsOptions::default()).map_err(|_| LsqFail::MaxIter)?;
    let r = e.dot(&y) - &f;
    let rk = -r[k]; // 1 − bᵀy
    if rk <= 1e3 * f64::EPSILON {
        return Err(LsqFail::Incompatible);
    }
    let u = r.slice(s![..k]).mapv(|v| v / rk); // = Aᵀλ
    let lam = y / rk;
    // NNLS stops at its own tolerance; confirm feasibility before trusting it.
    let scale = 1.0 + b.iter().fold(0.0f64, |acc, v| acc.max(v.abs()));
    if (a.dot(&u) - b).iter().any(|&v| v < -1e-8 * scale) {
        return Err(LsqFail::Incompatible);
    }
    Ok((u, lam))
}

/// Solves the subproblem for the Cholesky factor `l` of `B`.
pub(crate) fn solve_qp(
    l: &Array2<f64>,
    g: &Array1<f64>,
    e: &Array2<f64>,
    fe: &Array1<f64>,
    gm: &Array2<f64>,
    h: &Array1<f64>,
) -> Result<QpSolution, LsqFail> {
    let n = g.len();
    let meq = e.nrows();
    let z0 = -forward(l, g);
    let et = rows_times_linv_t(l, e); // Ẽ = E L⁻ᵀ
    let gt = rows_times_linv_t(l, gm); // G̃ = G L⁻ᵀ
    // Ẽᵀ = Q [R; 0]: z = Q₁ y₁ + Q₂ w with Rᵀ y₁ = f.
    let (q1, q2, r) = if meq > 0 {
        let f = qr(&et.t()).map_err(|_| LsqFail::Singular)?;
        let r = f.r.slice(s![..meq, ..]).to_owned();
        let rmax = (0..meq).fold(0.0f64, |acc, i| acc.max(r[[i, i]].abs()));
        if (0..meq).any(|i| r[[i, i]].abs() <= 1e-12 * rmax.max(f64::MIN_POSITIVE)) {
            return Err(LsqFail::Singular);
        }
        (
            f.q.slice(s![.., ..meq]).to_owned(),
            f.q.slice(s![.., meq..]).to_owned(),
            r,
        )
    } else {
        (Array2::zeros((n, 0)), Array2::eye(n), Array2::zeros((0, 0)))
    };
    // Rᵀ y₁ = f: forward substitution with the transpose of an upper factor.
    let mut y1 = fe.clone();
    for i in 0..meq {
        let s: f64 = (0..i).map(|k| r[[k, i]] * y1[k]).sum();
        y1[i] = (y1[i] - s) / r[[i, i]];
    }
    let zp = q1.dot(&y1);
    let w0 = q2.t().dot(&z0);
    let a = gt.dot(&q2);
    let b = h - &gt.dot(&zp) - &a.dot(&w0);
    let (u, lam) = ldp(&a, &b)?;
    let z = &zp + &q2.dot(&(&w0 + &u));
    let d = backward(l, &z);
    // Equality multipliers from Q₁ᵀ(z − z₀ − G̃ᵀλ) = R μ.
    let rhs = q1.t().dot(&(&z - &z0 - &gt.t().dot(&lam)));
    let mut mu = rhs;
    for i in (0..meq).rev() {
        let s: f64 = (i + 1..meq).map(|k| r[[i, k]] * mu[k]).sum();
        mu[i] = (mu[i] - s) / r[[i, i]];
    }
    Ok(QpSolution { d, mu, lam })
}

/// Drops the last entry of a vector (the augmented variable).
pub(crate) fn drop_last(v: &Array1<f64>) -> Array1<f64> {
    v.slice(s![..v.len() - 1]).to_owned()
}

/// Appends a column to `a`.
pub(crate) fn with_column(a: &Array2<f64>, col: &Array1<f64>) -> Array2<f64> {
    let mut out = Array2::zeros((a.nrows(), a.ncols() + 1));
    out.slice_mut(s![.., ..a.ncols()]).assign(a);
    out.column_mut(a.ncols()).assign(col);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn qp_matches_hand_solution() {
        // min ½‖d‖² − d₀ − d₁ s.t. d₀ + d₁ = 1, d₀ ≥ 0.75 → d = (0.75, 0.25).
        let l = Array2::eye(2);
        let sol = solve_qp(
            &l,
            &array![-1.0, -1.0],
            &array![[1.0, 1.0]],
            &array![1.0],
            &array![[1.0, 0.0]],
            &array![0.75],
        )
        .unwrap();
        assert!((sol.d[0] - 0.75).abs() < 1e-12 && (sol.d[1] - 0.25).abs() < 1e-12);
        // KKT: d + g = μ e + λ gᵣ.
        assert!((sol.d[1] - 1.0 - sol.mu[0]).abs() < 1e-12);
        assert!((sol.d[0] - 1.0 - sol.mu[0] - sol.lam[0]).abs() < 1e-12 && sol.lam[0] > 0.0);
    }

    #[test]
    fn qp_reports_incompatible() {
        let l = Array2::eye(1);
        let r = solve_qp(
            &l,
            &array![0.0],
            &Array2::zeros((0, 1)),
            &Array1::zeros(0),
            &array![[1.0], [-1.0]],
            &array![1.0, 0.0],
        );
        assert!(matches!(r, Err(LsqFail::Incompatible)));
    }
}
