//! COBYLA's trust-region step: minimize a linear model of the objective
//! subject to linearized constraints `b + Aᵀd ≥ 0` and `‖d‖ ≤ Δ`, in Powell's
//! two stages.
//!
//! Stage 1 lowers the largest linearized violation `t` (a linear program in
//! `(d, t)`); stage 2 lowers `gᵀd` while keeping every violation at most the
//! `t` that stage 1 reached. Each stage walks along projected steepest-
//! descent directions of an active set (a constraint that blocks the walk
//! joins the set; one with a negative multiplier leaves it) and ends at the
//! linear program's solution or where the walk meets the trust-region
//! boundary; reaching the boundary in stage 1 ends the step.
//!
//! # Reference
//! M. J. D. Powell, "A direct search optimization method that models the
//! objective and constraint functions by linear interpolation", in Advances
//! in Optimization and Numerical Analysis, Kluwer (1994), pp. 51–67.

use ndarray::{Array1, Array2, ArrayView1, s};

/// Relative size below which a direction or a multiplier counts as zero.
const TINY: f64 = 1e-13;

/// The step `d` for the model `f + gᵀd`, constraints `b + Aᵀd ≥ 0` (`A` is
/// `n × m`, one column per constraint) and radius `delta`.
pub(crate) fn trust_step(
    g: &Array1<f64>,
    a: &Array2<f64>,
    b: &Array1<f64>,
    delta: f64,
) -> Array1<f64> {
    let (n, m) = a.dim();
    let t0 = b.iter().fold(0.0_f64, |t, &bi| t.max(-bi));
    let mut d = Array1::zeros(n);
    let mut t = 0.0;
    if t0 > 0.0 {
        // Stage 1 in z = (d, t): minimize t s.t. Aᵀd + t ≥ −b, t ≥ 0.
        let mut rows = Array2::zeros((m + 1, n + 1));
        rows.slice_mut(s![..m, ..n]).assign(&a.t());
        rows.slice_mut(s![..m, n]).fill(1.0);
        rows[[m, n]] = 1.0;
        let mut h = Array1::zeros(m + 1);
        h.slice_mut(s![..m]).assign(&-b);
        let mut c = Array1::zeros(n + 1);
        c[n] = 1.0;
        let mut z = Array1::zeros(n + 1);
        z[n] = t0;
        let boundary = descend(&c, &rows, &h, &mut z, n, delta);
        d.assign(&z.slice(s![..n]));
        if boundary {
            return d;
        }
        t = z[n].max(0.0);
    }
    // Stage 2: minimize gᵀd s.t. Aᵀd ≥ −b − t.
    let rows = a.t().to_owned();
    let h = b.mapv(|bi| -bi - t);
    descend(g, &rows, &h, &mut d, n, delta);
    d
}

/// Active-set walk for `min cᵀz` s.t. `rows·z ≥ h`, `‖z[..nd]‖ ≤ delta`,
/// from a (nearly) feasible `z`. Returns whether the walk stopped on the
/// trust-region boundary.
fn descend(
    c: &Array1<f64>,
    rows: &Array2<f64>,
    h: &Array1<f64>,
    z: &mut Array1<f64>,
    nd: usize,
    delta: f64,
) -> bool {
    let (m, nz) = rows.dim();
    let cnorm = c.dot(c).sqrt();
    if cnorm == 0.0 {
        return false;
    }
    let scale: Vec<f64> = (0..m)
        .map(|i| rows.row(i).dot(&rows.row(i)).sqrt().max(f64::MIN_POSITIVE))
        .collect();
    let slack = |z: &Array1<f64>, i: usize| rows.row(i).dot(z) - h[i];
    // Rows on their bound at the start (tolerance relative to the row's size).
    let mut active: Vec<usize> = (0..m)
        .filter(|&i| slack(z, i) <= 1e-12 * scale[i] * (delta + 1.0))
        .collect();
    // Keep an independent set; dependent rows stay satisfied along the walk.
    active = independent(rows, &active);
    for _ in 0..(10 * (m + nz) + 10) {
        let (dir, lambda) = project(rows, &active, c);
        let dnorm = dir.dot(&dir).sqrt();
        if dnorm <= TINY * cnorm {
            // Stationary on the active set: drop a row with a negative multiplier.
            match lambda
                .iter()
                .enumerate()
                .filter(|(_, l)| **l < -TINY * cnorm)
                .min_by(|a, b| a.1.total_cmp(b.1))
            {
                Some((k, _)) => {
                    active.remove(k);
                    continue;
                }
                None => return false,
            }
        }
        // Longest feasible move along `dir`.
        let mut alpha = f64::INFINITY;
        let mut block = None;
        for (i, &sc) in scale.iter().enumerate() {
            if active.contains(&i) {
                continue;
            }
            let rate = rows.row(i).dot(&dir);
            if rate < -TINY * sc * dnorm {
                let a_i = slack(z, i).max(0.0) / -rate;
                if a_i < alpha {
                    alpha = a_i;
                    block = Some(i);
                }
            }
        }
        let zd = z.slice(s![..nd]);
        let dd = dir.slice(s![..nd]);
        let dd2 = dd.dot(&dd);
        let mut boundary = false;
        if dd2 > 0.0 {
            let zz = zd.dot(&zd);
            let zdd = zd.dot(&dd);
            let room = (delta * delta - zz).max(0.0);
            let a_b = room / (zdd + (zdd * zdd + dd2 * room).sqrt()).max(f64::MIN_POSITIVE);
            if a_b <= alpha {
                alpha = a_b;
                boundary = true;
            }
        }
        if !alpha.is_finite() {
            return false;
        }
        z.scaled_add(alpha, &dir);
        if boundary {
            return true;
        }
        match block {
            Some(i) => active.push(i),
            None => return false,
        }
    }
    false
}

/// The rows of `set` that are linearly independent (Gram–Schmidt, in order).
pub(crate) fn independent(rows: &Array2<f64>, set: &[usize]) -> Vec<usize> {
    let mut basis: Vec<Array1<f64>> = Vec::new();
    let mut keep = Vec::new();
    for &i in set {
        if let Some(q) = orthogonalize(&basis, rows.row(i)) {
            basis.push(q);
            keep.push(i);
        }
    }
    keep
}

/// The part of `v` orthogonal to the orthonormal `basis`, normalized, or
/// `None` if `v` lies (numerically) in its span.
fn orthogonalize(basis: &[Array1<f64>], v: ArrayView1<f64>) -> Option<Array1<f64>> {
    let norm0 = v.dot(&v).sqrt();
    let mut r = v.to_owned();
    for _ in 0..2 {
        for q in basis {
            let p = q.dot(&r);
            r.scaled_add(-p, q);
        }
    }
    let norm = r.dot(&r).sqrt();
    (norm > 1e-10 * norm0).then(|| r / norm)
}

/// The steepest-descent direction `−c` projected onto the null space of the
/// active rows, and the least-squares multipliers `λ` of `c ≈ Σ λⱼ rowⱼ`.
pub(crate) fn project(
    rows: &Array2<f64>,
    active: &[usize],
    c: &Array1<f64>,
) -> (Array1<f64>, Vec<f64>) {
    let k = active.len();
    let mut q: Vec<Array1<f64>> = Vec::with_capacity(k);
    // R (upper triangular) with rowⱼ = Σᵢ R[i][j] qᵢ.
    let mut r = vec![vec![0.0; k]; k];
    for (j, &i) in active.iter().enumerate() {
        let mut v = rows.row(i).to_owned();
        for _ in 0..2 {
            for (l, ql) in q.iter().enumerate() {
                let p = ql.dot(&v);
                r[l][j] += p;
                v.scaled_add(-p, ql);
            }
        }
        let norm = v.dot(&v).sqrt();
        r[j][j] = norm;
        q.push(if norm > 0.0 { v / norm } else { v });
    }
    let mut dir = -c;
    let qc: Vec<f64> = q.iter().map(|ql| ql.dot(c)).collect();
    for (ql, &p) in q.iter().zip(&qc) {
        dir.scaled_add(p, ql);
    }
    // Back substitution R λ = Qᵀc.
    let mut lambda = vec![0.0; k];
    for j in (0..k).rev() {
        let mut v = qc[j];
        for l in j + 1..k {
            v -= r[j][l] * lambda[l];
        }
        lambda[j] = if r[j][j] > 0.0 { v / r[j][j] } else { 0.0 };
    }
    (dir, lambda)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn unconstrained_step_is_steepest_descent_to_the_boundary() {
        let d = trust_step(&array![3.0, 4.0], &Array2::zeros((2, 0)), &array![], 0.5);
        assert!((d[0] + 0.3).abs() < 1e-14 && (d[1] + 0.4).abs() < 1e-14);
    }

    #[test]
    fn step_stops_on_an_active_linear_constraint() {
        // min −d0 s.t. 0.1 − d0 ≥ 0: the LP solution d = (0.1, 0) is inside the ball.
        let d = trust_step(
            &array![-1.0, 0.0],
            &array![[-1.0], [0.0]],
            &array![0.1],
            1.0,
        );
        assert!((d[0] - 0.1).abs() < 1e-14 && d[1].abs() < 1e-14);
    }

    #[test]
    fn infeasible_start_restores_feasibility_first() {
        // d0 ≥ 0.3 (b = −0.3), objective pushes d0 down: the result keeps d0 = 0.3.
        let d = trust_step(&array![1.0, 1.0], &array![[1.0], [0.0]], &array![-0.3], 1.0);
        assert!((d[0] - 0.3).abs() < 1e-12, "{d}");
        assert!((d.dot(&d) - 1.0).abs() < 1e-12 && d[1] < 0.0, "{d}");
    }

    #[test]
    fn unreachable_constraint_ends_on_the_boundary() {
        // d0 ≥ 2 with radius 1: stage 1 walks to d = (1, 0).
        let d = trust_step(&array![0.0, 1.0], &array![[1.0], [0.0]], &array![-2.0], 1.0);
        assert!((d[0] - 1.0).abs() < 1e-12 && d[1].abs() < 1e-12, "{d}");
    }
}
