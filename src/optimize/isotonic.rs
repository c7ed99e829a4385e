//! Isotonic regression by pool adjacent violators (SciPy
//! `isotonic_regression`).

use crate::{Result, check};
use ndarray::{Array1, ArrayRef1};

/// Keywords of [`isotonic_regression_with`]; `Default` is SciPy's.
#[derive(Debug, Clone, PartialEq)]
pub struct IsotonicOptions {
    /// Positive case weights (SciPy `weights`); `None`: all ones.
    pub weights: Option<Array1<f64>>,
    /// Fit a non-decreasing (`true`, SciPy's default) or a non-increasing
    /// sequence (SciPy `increasing`).
    pub increasing: bool,
}

impl Default for IsotonicOptions {
    fn default() -> Self {
        IsotonicOptions {
            weights: None,
            increasing: true,
        }
    }
}

/// Result of [`isotonic_regression`] (SciPy's `OptimizeResult` with `x`,
/// `weights`, `blocks`).
#[derive(Debug, Clone, PartialEq)]
pub struct IsotonicResult {
    /// The fitted monotone sequence, one value per input.
    pub x: Array1<f64>,
    /// The total weight of each block of equal fitted values.
    pub weights: Array1<f64>,
    /// Block boundaries: block `j` is `x[blocks[j]..blocks[j + 1]]`;
    /// `blocks[0] == 0` and the last entry is `y.len()`.
    pub blocks: Vec<usize>,
}

/// Non-decreasing least-squares fit to `y` (SciPy `isotonic_regression(y)`);
/// see [`isotonic_regression_with`].
///
/// # Errors
/// As [`isotonic_regression_with`].
///
/// # Examples
/// SciPy's docstring example:
/// ```
/// use ferrosci::optimize::isotonic_regression;
/// use ndarray::array;
///
/// let y = array![1.5, 1.0, 4.0, 6.0, 5.7, 5.0, 7.8, 9.0, 7.5, 9.5, 9.0];
/// let r = isotonic_regression(&y)?;
/// assert!((r.x[0] - 1.25).abs() < 1e-12 && (r.x[4] - 5.566666666666666).abs() < 1e-12);
/// assert_eq!(r.blocks, vec![0, 2, 3, 6, 7, 9, 11]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn isotonic_regression(y: &ArrayRef1<f64>) -> Result<IsotonicResult> {
    isotonic_regression_with(y, &IsotonicOptions::default())
}

/// Weighted monotone least-squares fit (SciPy
/// `isotonic_regression(y, weights=..., increasing=...)`).
///
/// ```text
/// minimize Σᵢ wᵢ (xᵢ − yᵢ)²  subject to  x₀ ≤ x₁ ≤ … ≤ x_{n−1}   (or ≥ if !increasing)
/// ```
///
/// Pool adjacent violators in one pass, O(n): a new value joins the last
/// block while the block mean is not below it (ties pool, as SciPy), and
/// merged blocks take their weighted mean.
///
/// # Errors
/// [`crate::Error::InvalidArgument`] if `y` is not finite, or a weight is
/// not finite and positive; [`crate::Error::ShapeMismatch`] if `weights`
/// and `y` differ in length. An empty `y` gives an empty fit.
///
/// # Examples
/// ```
/// use ferrosci::optimize::{isotonic_regression_with, IsotonicOptions};
/// use ndarray::array;
///
/// let opts = IsotonicOptions { weights: Some(array![1.0, 3.0, 1.0]), increasing: false };
/// let r = isotonic_regression_with(&array![1.0, 2.0, 0.0], &opts)?;
/// assert!((r.x[0] - 1.75).abs() < 1e-15 && r.x[2] == 0.0);
/// assert_eq!(r.blocks, vec![0, 2, 3]);
/// assert_eq!(r.weights.to_vec(), vec![4.0, 1.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn isotonic_regression_with(
    y: &ArrayRef1<f64>,
    opts: &IsotonicOptions,
) -> Result<IsotonicResult> {
    check::finite("y", y)?;
    let n = y.len();
    if let Some(w) = &opts.weights {
        check::shape("weights", &[n], w.shape())?;
        if w.iter().any(|&v| !(v > 0.0 && v.is_finite())) {
            return Err(check::invalid("weights", "must be finite and positive"));
        }
    }
    // Work on the increasing problem; a decreasing fit is the increasing fit
    // of the reversed sequence, reversed.
    let idx = |i: usize| if opts.increasing { i } else { n - 1 - i };
    let weight = |i: usize| opts.weights.as_ref().map_or(1.0, |w| w[i]);
    // Stack of blocks: (weighted mean, total weight, start index).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for i in 0..n {
        let (mut v, mut w, mut start) = (y[idx(i)], weight(idx(i)), i);
        while let Some(&(pv, pw, ps)) = blocks.last() {
            if pv < v {
                break;
            }
            let tw = pw + w;
            v = (pw * pv + w * v) / tw;
            w = tw;
            start = ps;
            blocks.pop();
        }
        blocks.push((v, w, start));
    }
    let mut x = Array1::zeros(n);
    let mut bounds: Vec<usize> = blocks.iter().map(|b| b.2).collect();
    bounds.push(n);
    for (j, b) in blocks.iter().enumerate() {
        for i in bounds[j]..bounds[j + 1] {
            x[idx(i)] = b.0;
        }
    }
    let mut weights: Array1<f64> = blocks.iter().map(|b| b.1).collect();
    if !opts.increasing {
        weights = weights.slice(ndarray::s![..;-1]).to_owned();
        bounds = bounds.iter().rev().map(|&b| n - b).collect();
    }
    Ok(IsotonicResult {
        x,
        weights,
        blocks: bounds,
    })
}
