//! `logsumexp`, `softmax` and `log_softmax` over an array or along one axis,
//! shifted by the maximum so nothing overflows.

use crate::check;
use crate::error::Result;
use ndarray::{ArrayD, ArrayRef, ArrayView1, Axis, Dimension, IxDyn, Zip};

/// Options for [`logsumexp`] and [`logsumexp_sign`]; SciPy's keywords.
#[derive(Debug, Clone, Default)]
pub struct LogsumexpOptions {
    /// Axis to reduce (negative counts from the end); `None` reduces over all
    /// elements (SciPy `axis=None`).
    pub axis: Option<isize>,
    /// Weights multiplying `exp(a)`, same shape as `a` (SciPy `b`).
    pub b: Option<ArrayD<f64>>,
    /// Keep the reduced axis with length 1 (SciPy `keepdims`).
    pub keepdims: bool,
}

/// `(ln |Σ bᵢ e^(aᵢ)|, sign)` of one lane; `-∞` for an empty or all-`-∞` lane.
fn lse_lane(a: ArrayView1<f64>, b: Option<ArrayView1<f64>>) -> (f64, f64) {
    let weight = |i: usize| b.map_or(1.0, |b| b[i]);
    // Maximum over the terms that count (weight ≠ 0); NaN propagates.
    let mut m = f64::NEG_INFINITY;
    for (i, &x) in a.iter().enumerate() {
        if weight(i) != 0.0 && (x > m || x.is_nan()) {
            m = x;
            if x.is_nan() {
                break;
            }
        }
    }
    if m.is_nan() {
        return (f64::NAN, f64::NAN);
    }
    if m == f64::NEG_INFINITY {
        return (f64::NEG_INFINITY, 1.0);
    }
    if m == f64::INFINITY {
        // Σ over the +∞ terms' weights decides the sign.
        let s: f64 = a
            .iter()
            .enumerate()
            .filter(|&(_, &x)| x == f64::INFINITY)
            .map(|(i, _)| weight(i))
            .sum();
        return (f64::INFINITY, s.signum());
    }
    let s: f64 = a
        .iter()
        .enumerate()
        .map(|(i, &x)| weight(i) * (x - m).exp())
        .sum();
    (m + s.abs().ln(), if s == 0.0 { 0.0 } else { s.signum() })
}

/// Applies `lane_fn` to every lane (all elements when `axis` is `None`).
fn reduce<D: Dimension>(
    a: &ArrayRef<f64, D>,
    opts: &LogsumexpOptions,
) -> Result<(ArrayD<f64>, ArrayD<f64>)> {
    let a = a.view().into_dyn();
    if let Some(b) = &opts.b {
        check::shape("b", a.shape(), b.shape())?;
    }
    let Some(axis) = opts.axis else {
        let flat_a: Vec<f64> = a.iter().copied().collect();
        let flat_b: Option<Vec<f64>> = opts.b.as_ref().map(|b| b.iter().copied().collect());
        let (v, s) = lse_lane(
            ArrayView1::from(&flat_a[..]),
            flat_b.as_deref().map(ArrayView1::from),
        );
        let shape = if opts.keepdims {
            vec![1; a.ndim()]
        } else {
            vec![]
        };
        return Ok((
            ArrayD::from_elem(IxDyn(&shape), v),
            ArrayD::from_elem(IxDyn(&shape), s),
        ));
    };
    let ax = Axis(check::axis("axis", axis, a.ndim())?);
    let pairs: ArrayD<(f64, f64)> = match &opts.b {
        None => a.map_axis(ax, |lane| lse_lane(lane, None)),
        Some(b) => Zip::from(a.lanes(ax))
            .and(b.lanes(ax))
            .map_collect(|la, lb| lse_lane(la, Some(lb))),
    };
    let mut value = pairs.mapv(|p| p.0);
    let mut sign = pairs.mapv(|p| p.1);
    if opts.keepdims {
        value.insert_axis_inplace(ax);
        sign.insert_axis_inplace(ax);
    }
    Ok((value, sign))
}

/// Logarithm of the sum of exponentials, `ln Σ bᵢ e^(aᵢ)`, without overflow.
///
/// SciPy: `scipy.special.logsumexp(a, axis, b, keepdims)`. NaN where the
/// weighted sum is negative (use [`logsumexp_sign`] for the sign); `-∞` for an
/// empty reduction. The result has the reduced shape (0-d for `axis: None`).
///
/// ```text
/// logsumexp(a) = m + ln Σ bᵢ e^(aᵢ - m),   m = max aᵢ
/// ```
///
/// # Errors
/// [`crate::Error::ShapeMismatch`] if `b` does not have `a`'s shape;
/// [`crate::Error::InvalidArgument`] if `axis` is out of range.
///
/// # Examples
/// ```
/// use ferrosci::special::{logsumexp, LogsumexpOptions};
/// use ndarray::array;
/// let a = array![[1000.0, 1000.0], [0.0, f64::NEG_INFINITY]];
/// let r = logsumexp(&a, &LogsumexpOptions { axis: Some(1), ..Default::default() })?;
/// assert!((r[[0]] - (1000.0 + 2f64.ln())).abs() < 1e-12);
/// assert_eq!(r[[1]], 0.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn logsumexp<D: Dimension>(
    a: &ArrayRef<f64, D>,
    opts: &LogsumexpOptions,
) -> Result<ArrayD<f64>> {
    let (mut value, sign) = reduce(a, opts)?;
    Zip::from(&mut value).and(&sign).for_each(|v, &s| {
        if s < 0.0 {
            *v = f64::NAN;
        }
    });
    Ok(value)
}

/// [`logsumexp`] with SciPy's `return_sign=True`: `(ln |Σ bᵢ e^(aᵢ)|, sign)`.
///
/// SciPy: `scipy.special.logsumexp(..., return_sign=True)`.
///
/// ```text
/// Σ bᵢ e^(aᵢ) = sign · e^value
/// ```
///
/// # Errors
/// As [`logsumexp`].
///
/// # Examples
/// ```
/// use ferrosci::special::{logsumexp_sign, LogsumexpOptions};
/// use ndarray::{array, ArrayD};
/// let opts = LogsumexpOptions { b: Some(array![1.0, -2.0].into_dyn()), ..Default::default() };
/// let (v, s) = logsumexp_sign(&array![0.0, 0.0], &opts)?;
/// assert_eq!((v[[]], s[[]]), (0.0, -1.0)); // 1 - 2 = -1 = -e^0
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn logsumexp_sign<D: Dimension>(
    a: &ArrayRef<f64, D>,
    opts: &LogsumexpOptions,
) -> Result<(ArrayD<f64>, ArrayD<f64>)> {
    reduce(a, opts)
}

/// `(m, ln Σ e^(xᵢ - m))` with `m = max x`: `log_softmax = (x - m) - ln Σ`,
/// keeping the digits that `x - logsumexp(x)` would round away.
fn shift_parts(lane: ArrayView1<f64>) -> (f64, f64) {
    let m = lane.iter().fold(
        f64::NEG_INFINITY,
        |m, &x| if x > m || x.is_nan() { x } else { m },
    );
    if !m.is_finite() {
        return (m, 0.0);
    }
    (m, lane.iter().map(|&x| (x - m).exp()).sum::<f64>().ln())
}

/// Shared body of `softmax`/`log_softmax`.
fn log_softmax_dyn<D: Dimension>(x: &ArrayRef<f64, D>, axis: Option<isize>) -> Result<ArrayD<f64>> {
    let mut out = x.to_owned().into_dyn();
    match axis {
        None => {
            let flat: Vec<f64> = out.iter().copied().collect();
            let (m, log_s) = shift_parts(ArrayView1::from(&flat[..]));
            out.mapv_inplace(|v| (v - m) - log_s);
        }
        Some(axis) => {
            let ax = Axis(check::axis("axis", axis, out.ndim())?);
            for mut lane in out.lanes_mut(ax) {
                let (m, log_s) = shift_parts(lane.view());
                lane.mapv_inplace(|v| (v - m) - log_s);
            }
        }
    }
    Ok(out)
}

/// Softmax: `e^(xᵢ) / Σⱼ e^(xⱼ)` over all elements or along `axis`.
///
/// SciPy: `scipy.special.softmax(x, axis)`.
///
/// ```text
/// softmax(x)ᵢ = e^(xᵢ - m) / Σⱼ e^(xⱼ - m),   m = max x
/// ```
///
/// # Errors
/// [`crate::Error::InvalidArgument`] if `axis` is out of range.
///
/// # Examples
/// ```
/// use ferrosci::special::softmax;
/// use ndarray::array;
/// let s = softmax(&array![1000.0, 1000.0], None)?;
/// assert_eq!(s[[0]], 0.5);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn softmax<D: Dimension>(x: &ArrayRef<f64, D>, axis: Option<isize>) -> Result<ArrayD<f64>> {
    Ok(log_softmax_dyn(x, axis)?.mapv(f64::exp))
}

/// Logarithm of the softmax, accurate where softmax underflows.
///
/// SciPy: `scipy.special.log_softmax(x, axis)`.
///
/// ```text
/// log_softmax(x)ᵢ = xᵢ - logsumexp(x)
/// ```
///
/// # Errors
/// [`crate::Error::InvalidArgument`] if `axis` is out of range.
///
/// # Examples
/// ```
/// use ferrosci::special::log_softmax;
/// use ndarray::array;
/// let l = log_softmax(&array![[0.0, -1000.0]], Some(-1))?;
/// assert_eq!(l[[0, 0]], 0.0);
/// assert_eq!(l[[0, 1]], -1000.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn log_softmax<D: Dimension>(x: &ArrayRef<f64, D>, axis: Option<isize>) -> Result<ArrayD<f64>> {
    log_softmax_dyn(x, axis)
}
