//! Helpers: sample frequencies, spectrum shifts and fast transform lengths.

use crate::{Result, check};
use ndarray::{Array, Array1, ArrayRef, Axis, Dimension, Slice};

/// Sample frequencies of an `n`-point DFT with sample spacing `d`
/// (SciPy `scipy.fft.fftfreq(n, d)`).
///
/// ```text
/// f = [0, 1, ..., ⌈n/2⌉-1, -⌊n/2⌋, ..., -1] / (d·n)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n` if it
/// is 0 (SciPy divides by zero).
///
/// # Examples
/// ```
/// let f = ferrosci::fft::fftfreq(5, 0.5)?;
/// assert_eq!(f.to_vec(), vec![0.0, 0.4, 0.8, -0.8, -0.4]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fftfreq(n: usize, d: f64) -> Result<Array1<f64>> {
    if n == 0 {
        return Err(check::invalid("n", "must be positive, got 0"));
    }
    let val = 1.0 / (n as f64 * d);
    let pos = n.div_ceil(2);
    Ok(Array1::from_shape_fn(n, |i| {
        let k = if i < pos {
            i as f64
        } else {
            i as f64 - n as f64
        };
        k * val
    }))
}

/// Sample frequencies of [`rfft`](crate::fft::rfft) of `n` points with spacing
/// `d` (SciPy `scipy.fft.rfftfreq(n, d)`): `[0, 1, ..., n/2] / (d·n)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n` if it is 0.
///
/// # Examples
/// ```
/// let f = ferrosci::fft::rfftfreq(4, 0.25)?;
/// assert_eq!(f.to_vec(), vec![0.0, 1.0, 2.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfftfreq(n: usize, d: f64) -> Result<Array1<f64>> {
    if n == 0 {
        return Err(check::invalid("n", "must be positive, got 0"));
    }
    let val = 1.0 / (n as f64 * d);
    Ok(Array1::from_shape_fn(n / 2 + 1, |i| i as f64 * val))
}

/// Options of [`fftshift_with`] and [`ifftshift_with`] (SciPy keyword `axes`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShiftOptions {
    /// Axes to shift, negative from the end; `None` = all.
    pub axes: Option<Vec<isize>>,
}

fn roll<A: Clone, D: Dimension>(
    x: &ArrayRef<A, D>,
    axes: &Option<Vec<isize>>,
    inverse: bool,
) -> Result<Array<A, D>> {
    let ndim = x.ndim();
    let axes: Vec<usize> = match axes {
        Some(a) => a
            .iter()
            .map(|&a| check::axis("axes", a, ndim))
            .collect::<Result<_>>()?,
        None => (0..ndim).collect(),
    };
    let mut out = x.to_owned();
    for ax in axes {
        let n = x.len_of(Axis(ax));
        let k = if inverse { n - n / 2 } else { n / 2 }; // elements moved to the front
        if n < 2 || k == 0 || k == n {
            continue;
        }
        let src = out.clone();
        out.slice_axis_mut(Axis(ax), Slice::from(0..k))
            .assign(&src.slice_axis(Axis(ax), Slice::from(n - k..n)));
        out.slice_axis_mut(Axis(ax), Slice::from(k..n))
            .assign(&src.slice_axis(Axis(ax), Slice::from(0..n - k)));
    }
    Ok(out)
}

/// Moves the zero-frequency term to the centre of every axis (SciPy
/// `scipy.fft.fftshift(x)`): a roll by `⌊n/2⌋`.
///
/// # Errors
/// None for this form; kept fallible like [`fftshift_with`].
///
/// # Examples
/// ```
/// let f = ferrosci::fft::fftfreq(5, 1.0)?;
/// let s = ferrosci::fft::fftshift(&f)?;
/// assert_eq!(s.to_vec(), vec![-0.4, -0.2, 0.0, 0.2, 0.4]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fftshift<A: Clone, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A, D>> {
    roll(x, &None, false)
}

/// [`fftshift`] along the given `axes` only.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `axes` if
/// one is out of range.
///
/// # Examples
/// ```
/// use ferrosci::fft::{fftshift_with, ShiftOptions};
/// use ndarray::array;
/// let s = fftshift_with(&array![[0, 1, 2], [3, 4, 5]], &ShiftOptions { axes: Some(vec![1]) })?;
/// assert_eq!(s, array![[2, 0, 1], [5, 3, 4]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fftshift_with<A: Clone, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &ShiftOptions,
) -> Result<Array<A, D>> {
    roll(x, &opts.axes, false)
}

/// Inverse of [`fftshift`] (SciPy `scipy.fft.ifftshift(x)`); differs from it
/// for odd lengths.
///
/// # Errors
/// None for this form; kept fallible like [`ifftshift_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fftshift, ifftshift};
/// use ndarray::array;
/// let x = array![0, 1, 2, 3, 4];
/// assert_eq!(ifftshift(&fftshift(&x)?)?, x);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifftshift<A: Clone, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A, D>> {
    roll(x, &None, true)
}

/// [`ifftshift`] along the given `axes` only.
///
/// # Errors
/// As [`fftshift_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{ifftshift_with, ShiftOptions};
/// use ndarray::array;
/// let s = ifftshift_with(&array![[0, 1, 2], [3, 4, 5]], &ShiftOptions { axes: Some(vec![-1]) })?;
/// assert_eq!(s, array![[1, 2, 0], [4, 5, 3]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifftshift_with<A: Clone, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &ShiftOptions,
) -> Result<Array<A, D>> {
    roll(x, &opts.axes, true)
}

/// Whether `n` has no prime factor above `largest` (2, 3, 5, 7 or 11).
fn smooth(mut n: usize, largest: usize) -> bool {
    for p in [2, 3, 5, 7, 11] {
        if p > largest {
            break;
        }
        while n.is_multiple_of(p) {
            n /= p;
        }
    }
    n == 1
}

fn limit(real: bool) -> usize {
    if real { 5 } else { 11 }
}

/// The smallest length `>= target` that SciPy's FFT handles fastest (SciPy
/// `scipy.fft.next_fast_len(target, real)`): 11-smooth numbers for complex
/// transforms, 5-smooth ones with `real`. `0` maps to `0`, as in SciPy.
///
/// # Examples
/// ```
/// use ferrosci::fft::next_fast_len;
/// assert_eq!(next_fast_len(1001, false), 1008);
/// assert_eq!(next_fast_len(1001, true), 1024);
/// ```
pub fn next_fast_len(target: usize, real: bool) -> usize {
    if target == 0 {
        return 0;
    }
    (target..)
        .find(|&n| smooth(n, limit(real)))
        .expect("powers of two are smooth")
}

/// The largest length `<= target` that SciPy's FFT handles fastest (SciPy
/// `scipy.fft.prev_fast_len(target, real)`). `0` maps to `0`.
///
/// # Examples
/// ```
/// use ferrosci::fft::prev_fast_len;
/// assert_eq!(prev_fast_len(1001, false), 1000);
/// assert_eq!(prev_fast_len(997, true), 972);
/// ```
pub fn prev_fast_len(target: usize, real: bool) -> usize {
    (1..=target)
        .rev()
        .find(|&n| smooth(n, limit(real)))
        .unwrap_or(0)
}
