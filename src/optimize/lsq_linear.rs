//! Bounded linear least squares (SciPy `lsq_linear`), by a primal
//! active-set method in the spirit of Stark and Parker's BVLS ("Bounded-
//! variable least-squares: an algorithm and applications", 1995).

use super::result::Bounds;
use crate::linalg::lstsq;
use crate::{Result, check};
use ndarray::{Array1, ArrayRef1, ArrayRef2, Axis};

/// Keywords of [`lsq_linear_with`]; `Default` is SciPy's defaults.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LsqLinearOptions {
    /// Box constraints (SciPy `bounds`); `None` = unbounded.
    pub bounds: Option<Bounds>,
    /// Tolerance on the first-order optimality reported as converged
    /// (SciPy `tol`; `None` means 1e-10).
    pub tol: Option<f64>,
    /// Cap on active-set changes (SciPy `max_iter`; `None`: `max(100, 3n)`).
    pub max_iter: Option<usize>,
}

/// Result of [`lsq_linear`] (SciPy's `OptimizeResult` fields).
#[derive(Debug, Clone)]
pub struct LsqLinearResult {
    /// The solution.
    pub x: Array1<f64>,
    /// `½‖A x − b‖²`.
    pub cost: f64,
    /// Residuals `A x − b`.
    pub fun: Array1<f64>,
    /// First-order optimality: `‖v·g‖∞` with `g = Aᵀ(A x − b)` and `v`
    /// Coleman–Li's scaling (0 on a bound the gradient pushes against).
    pub optimality: f64,
    /// −1/+1 where `x` sits on its lower/upper bound, 0 elsewhere.
    pub active_mask: Array1<i32>,
    /// The unconstrained least-squares solution (SciPy `unbounded_sol[0]`).
    pub unbounded_sol: Array1<f64>,
    /// Active-set changes made (0 when the unconstrained solution is
    /// feasible).
    pub nit: usize,
    /// 0 `max_iter` reached; 1 first-order optimality within `tol`;
    /// 3 the unconstrained solution is optimal (SciPy's codes).
    pub status: i32,
    /// SciPy's message for `status`.
    pub message: String,
}

impl LsqLinearResult {
    /// Whether the solver converged (`status > 0`, SciPy `success`).
    pub fn success(&self) -> bool {
        self.status > 0
    }
}

/// Solves `min ½‖A x − b‖²` (SciPy `lsq_linear(A, b)`); without bounds
/// this is the minimum-norm least-squares solution. See [`lsq_linear_with`].
///
/// # Errors
/// As [`lsq_linear_with`].
///
/// # Examples
/// ```
/// use ferrosci::optimize::lsq_linear;
/// use ndarray::array;
///
/// let a = array![[1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
/// let res = lsq_linear(&a, &array![1.0, 2.0, 2.0])?;
/// assert!((res.x[0] - 2.0 / 3.0).abs() < 1e-12 && (res.x[1] - 0.5).abs() < 1e-12);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lsq_linear(a: &ArrayRef2<f64>, b: &ArrayRef1<f64>) -> Result<LsqLinearResult> {
    lsq_linear_with(a, b, &LsqLinearOptions::default())
}

/// Solves `min ½‖A x − b‖²` subject to `lb ≤ x ≤ ub` (SciPy `lsq_linear`).
///
/// If the unconstrained solution is feasible it is returned (`status 3`).
/// Otherwise variables are fixed at bounds and freed one at a time: each
/// step solves the least-squares problem in the free variables and moves
/// toward it until a bound blocks; a variable on a bound is freed when the
/// gradient points into the box. SciPy's `method` (`'trf'`, `'bvls'`)
/// reaches the same unique minimizer for full-rank `A`; this solver is
/// exact, so `nit` counts active-set changes rather than SciPy's iterations.
///
/// # Errors
/// [`crate::Error::InvalidArgument`] if `A` or `b` is not finite, `tol`
/// is negative, or a lower bound is not strictly below its upper bound;
/// [`crate::Error::ShapeMismatch`] if `b` or the bounds have the wrong
/// length.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{lsq_linear_with, Bounds, LsqLinearOptions};
/// use ndarray::array;
///
/// let a = array![[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]];
/// let opts = LsqLinearOptions {
///     bounds: Some(Bounds::new(&array![0.0, 0.0], &array![1.0, 0.5])?),
///     ..Default::default()
/// };
/// let res = lsq_linear_with(&a, &array![2.0, 2.0, 4.0], &opts)?;
/// assert_eq!(res.x, array![1.0, 0.5]);
/// assert_eq!(res.active_mask.to_vec(), vec![1, 1]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lsq_linear_with(
    a: &ArrayRef2<f64>,
    b: &ArrayRef1<f64>,
    opts: &LsqLinearOptions,
) -> Result<LsqLinearResult> {
    check::finite("A", a)?;
    check::finite("b", b)?;
    let (m, n) = a.dim();
    check::shape("b", &[m], b.shape())?;
    let tol = opts.tol.unwrap_or(1e-10);
    check::non_negative("tol", tol)?;
    let (lb, ub) = match &opts.bounds {
        Some(bd) => {
            bd.check_len(n)?;
            (bd.lb.clone(), bd.ub.clone())
        }
        None => (
            Array1::from_elem(n, f64::NEG_INFINITY),
            Array1::from_elem(n, f64::INFINITY),
        ),
    };
    if let Some(i) = (0..n).find(|&i| lb[i] >= ub[i]) {
        return Err(check::invalid(
            "bounds",
            format!(
                "each lower bound must be strictly less than each upper bound, got lb[{i}] = {} >= ub[{i}] = {}",
                lb[i], ub[i]
            ),
        ));
    }
    let x_lsq = lstsq(a, b)?.x;
    let finish = |x: Array1<f64>, nit: usize, status: i32| {
        let fun = a.dot(&x) - b;
        let g = a.t().dot(&fun);
        let mut active = Array1::zeros(n);
        let mut optimality: f64 = 0.0;
        for j in 0..n {
            if x[j] <= lb[j] {
                active[j] = -1;
            } else if x[j] >= ub[j] {
                active[j] = 1;
            }
            // Coleman–Li: the distance to the bound the gradient points at.
            let v = if g[j] < 0.0 && ub[j].is_finite() {
                ub[j] - x[j]
            } else if g[j] > 0.0 && lb[j].is_finite() {
                x[j] - lb[j]
            } else {
                1.0
            };
            optimality = optimality.max((g[j] * v).abs());
        }
        let message = match status {
            0 => "The maximum number of iterations is exceeded.",
            3 => "The unconstrained solution is optimal.",
            _ => "The first-order optimality measure is less than `tol`.",
        };
        LsqLinearResult {
            cost: 0.5 * fun.dot(&fun),
            fun,
            optimality,
            active_mask: active,
            unbounded_sol: x_lsq.clone(),
            x,
            nit,
            status,
            message: message.to_string(),
        }
    };
    if (0..n).all(|j| x_lsq[j] >= lb[j] && x_lsq[j] <= ub[j]) {
        return Ok(finish(x_lsq.clone(), 0, 3));
    }
    let max_iter = opts.max_iter.unwrap_or((3 * n).max(100));
    // State: 0 free, −1 at lb, +1 at ub. Start from the clipped
    // unconstrained solution, with clipped variables fixed.
    let mut x = Array1::from_shape_fn(n, |j| x_lsq[j].clamp(lb[j], ub[j]));
    let mut state: Vec<i32> = (0..n)
        .map(|j| {
            if x[j] == lb[j] && x_lsq[j] < lb[j] {
                -1
            } else if x[j] == ub[j] && x_lsq[j] > ub[j] {
                1
            } else {
                0
            }
        })
        .collect();
    let mut nit = 0;
    while nit < max_iter {
        nit += 1;
        let free: Vec<usize> = (0..n).filter(|&j| state[j] == 0).collect();
        // Least squares in the free variables, the fixed ones at their bounds.
        let mut z = x.clone();
        if !free.is_empty() {
            let mut rhs = b.to_owned();
            for j in (0..n).filter(|&j| state[j] != 0) {
                rhs.scaled_add(-x[j], &a.column(j));
            }
            let sol = lstsq(&a.select(Axis(1), &free), &rhs)?.x;
            for (k, &j) in free.iter().enumerate() {
                z[j] = sol[k];
            }
        }
        let feasible = free.iter().all(|&j| z[j] >= lb[j] && z[j] <= ub[j]);
        if !feasible {
            // Move toward z until the first free variable reaches a bound.
            let (mut alpha, mut hit) = (1.0, n);
            for &j in &free {
                let d = z[j] - x[j];
                let t = if z[j] < lb[j] {
                    (lb[j] - x[j]) / d
                } else if z[j] > ub[j] {
                    (ub[j] - x[j]) / d
                } else {
                    continue;
                };
                if t < alpha {
                    alpha = t.max(0.0);
                    hit = j;
                }
            }
            for &j in &free {
                x[j] = (x[j] + alpha * (z[j] - x[j])).clamp(lb[j], ub[j]);
            }
            if hit < n {
                let side = if z[hit] < lb[hit] { -1 } else { 1 };
                x[hit] = if side < 0 { lb[hit] } else { ub[hit] };
                state[hit] = side;
            }
            continue;
        }
        for &j in &free {
            x[j] = z[j];
        }
        // KKT on the fixed variables: free the one whose gradient most
        // strongly points into the box.
        let g = a.t().dot(&(a.dot(&x) - b));
        let scale = g.iter().fold(0.0f64, |s, v| s.max(v.abs())).max(1.0);
        let release = (0..n)
            .filter(|&j| (state[j] == -1 && g[j] < 0.0) || (state[j] == 1 && g[j] > 0.0))
            .filter(|&j| g[j].abs() > 1e-14 * scale)
            .max_by(|&i, &j| g[i].abs().total_cmp(&g[j].abs()));
        match release {
            Some(j) => state[j] = 0,
            None => return Ok(finish(x, nit, 1)),
        }
    }
    Ok(finish(x, nit, 0))
}
