//! The Rosenbrock test function and its derivatives (SciPy `rosen*`).

use ndarray::{Array1, Array2, ArrayRef1};

/// The N-D Rosenbrock function (SciPy `rosen`).
///
/// ```text
/// f(x) = Σ_{i<n-1} 100 (x[i+1] − x[i]²)² + (1 − x[i])²
/// ```
/// Minimum 0 at `x = (1, …, 1)`. Fewer than two variables give 0.
///
/// # Examples
/// ```
/// use ferrosci::optimize::rosen;
/// use ndarray::array;
/// assert_eq!(rosen(&array![1.0, 1.0, 1.0]), 0.0);
/// assert!((rosen(&array![-1.2, 1.0]) - 24.2).abs() < 1e-12);
/// ```
pub fn rosen(x: &ArrayRef1<f64>) -> f64 {
    contiguous(x)
        .windows(2)
        .map(|w| {
            let (a, b) = (w[0], w[1]);
            100.0 * (b - a * a).powi(2) + (1.0 - a).powi(2)
        })
        .sum()
}

/// `x` as a slice, copied only if it is not contiguous.
fn contiguous(x: &ArrayRef1<f64>) -> std::borrow::Cow<'_, [f64]> {
    match x.as_slice() {
        Some(s) => s.into(),
        None => x.to_vec().into(),
    }
}

/// Gradient of [`rosen`] (SciPy `rosen_der`).
///
/// # Examples
/// ```
/// use ferrosci::optimize::rosen_der;
/// use ndarray::array;
/// let g = rosen_der(&array![-1.2, 1.0]);
/// assert!((g[0] + 215.6).abs() < 1e-12 && (g[1] + 88.0).abs() < 1e-12);
/// ```
pub fn rosen_der(x: &ArrayRef1<f64>) -> Array1<f64> {
    let x = contiguous(x);
    let n = x.len();
    if n < 2 {
        return Array1::zeros(n);
    }
    // gᵢ = 200 tᵢ₋₁ + (−400 xᵢ tᵢ − 2(1 − xᵢ)) with tᵢ = xᵢ₊₁ − xᵢ²: each
    // entry on its own (no carried update), so the loop vectorises.
    let mut g = vec![0.0; n];
    g[0] = -400.0 * x[0] * (x[1] - x[0] * x[0]) - 2.0 * (1.0 - x[0]);
    for (gi, w) in g[1..n - 1].iter_mut().zip(x.windows(3)) {
        let (a, b, c) = (w[0], w[1], w[2]);
        *gi = 200.0 * (b - a * a) + (-400.0 * b * (c - b * b) - 2.0 * (1.0 - b));
    }
    g[n - 1] = 200.0 * (x[n - 1] - x[n - 2] * x[n - 2]);
    Array1::from(g)
}

/// Hessian of [`rosen`] (SciPy `rosen_hess`), a tridiagonal matrix.
///
/// # Examples
/// ```
/// use ferrosci::optimize::rosen_hess;
/// use ndarray::array;
/// let h = rosen_hess(&array![1.0, 1.0]);
/// assert_eq!(h, array![[802.0, -400.0], [-400.0, 200.0]]);
/// ```
pub fn rosen_hess(x: &ArrayRef1<f64>) -> Array2<f64> {
    let n = x.len();
    let mut h = Array2::zeros((n, n));
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (x[i], x[i + 1]);
        h[[i, i]] += 1200.0 * a * a - 400.0 * b + 2.0;
        h[[i + 1, i + 1]] += 200.0;
        h[[i, i + 1]] = -400.0 * a;
        h[[i + 1, i]] = -400.0 * a;
    }
    h
}

/// Product of the Hessian of [`rosen`] at `x` with a vector `p`
/// (SciPy `rosen_hess_prod`).
///
/// # Errors
/// [`crate::Error::ShapeMismatch`] if `p` and `x` differ in length.
///
/// # Examples
/// ```
/// use ferrosci::optimize::rosen_hess_prod;
/// use ndarray::array;
/// let hp = rosen_hess_prod(&array![1.0, 1.0], &array![1.0, 0.0])?;
/// assert_eq!(hp, array![802.0, -400.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rosen_hess_prod(x: &ArrayRef1<f64>, p: &ArrayRef1<f64>) -> crate::Result<Array1<f64>> {
    crate::check::shape("p", x.shape(), p.shape())?;
    let n = x.len();
    let mut hp = Array1::zeros(n);
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (x[i], x[i + 1]);
        hp[i] += (1200.0 * a * a - 400.0 * b + 2.0) * p[i] - 400.0 * a * p[i + 1];
        hp[i + 1] += 200.0 * p[i + 1] - 400.0 * a * p[i];
    }
    Ok(hp)
}
