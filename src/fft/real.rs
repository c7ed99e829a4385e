//! Real-input transforms: `rfft`, `irfft`, `rfft2`, `irfft2`, `rfftn`, `irfftn`.
//! Even lengths run through a complex FFT of half the length.

use crate::Result;
use crate::fft::common::{
    FftOptions, FftnOptions, c2r, into_dim, r2c, resolve_1d, resolve_nd, scale, scale_real,
};
use crate::fft::plan_cache::{FftFloat, FftInput};
use ndarray::{Array, ArrayRef, Dimension};
use num_complex::Complex;

/// Default output length of the inverse real transforms: `2(m-1)`.
pub(crate) fn hermitian_len(m: usize) -> Option<usize> {
    m.checked_sub(1).map(|k| 2 * k)
}

pub(crate) fn rfft_raw<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftOptions,
) -> Result<(Array<Complex<T>, D>, usize)> {
    let (ax, n) = resolve_1d(x.shape(), opts.n, opts.axis, Some)?;
    Ok((into_dim(r2c(x, &[ax], &[n])), n))
}

pub(crate) fn rfftn_raw<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftnOptions,
) -> Result<(Array<Complex<T>, D>, usize)> {
    let (axes, lens) = resolve_nd(x.shape(), opts, Some, false)?;
    Ok((into_dim(r2c(x, &axes, &lens)), lens.iter().product()))
}

pub(crate) fn irfft_raw<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftOptions,
    conj: bool,
) -> Result<(Array<A::Real, D>, usize)> {
    let (ax, n) = resolve_1d(x.shape(), opts.n, opts.axis, hermitian_len)?;
    Ok((into_dim(c2r(x, &[ax], &[n], conj)), n))
}

pub(crate) fn irfftn_raw<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
    conj: bool,
) -> Result<(Array<A::Real, D>, usize)> {
    let (axes, lens) = resolve_nd(x.shape(), opts, hermitian_len, false)?;
    Ok((into_dim(c2r(x, &axes, &lens, conj)), lens.iter().product()))
}

/// Discrete Fourier transform of real input: the `n/2 + 1` non-negative
/// frequency terms (SciPy `scipy.fft.rfft(x)`).
///
/// ```text
/// y[k] = Σ_{j<n} x[j] · exp(-2πi·jk/n),  k = 0..=n/2
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `x` has no
/// points along the axis.
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::rfft(&array![1.0_f64, 2.0, 3.0, 4.0])?;
/// assert_eq!(y.len(), 3);
/// assert!((y[1].re + 2.0).abs() < 1e-15 && (y[1].im - 2.0).abs() < 1e-15 && y[2].re == -2.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfft<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<Complex<T>, D>> {
    rfft_with(x, &FftOptions::default())
}

/// [`rfft`] with SciPy's keywords `n`, `axis`, `norm`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n`,
/// `axis` or `x`.
///
/// # Examples
/// ```
/// use ferrosci::fft::{rfft_with, FftOptions, Norm};
/// use ndarray::array;
/// let y = rfft_with(&array![1.0_f64, 1.0, 1.0], &FftOptions { n: Some(5), norm: Norm::Forward, ..Default::default() })?;
/// assert_eq!(y.len(), 3);
/// assert!((y[0].re - 0.6).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfft_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftOptions,
) -> Result<Array<Complex<T>, D>> {
    let (mut y, n) = rfft_raw(x, opts)?;
    scale(&mut y, opts.norm.forward_scale(n));
    Ok(y)
}

/// Inverse of [`rfft`]: `n = 2(m-1)` real outputs from `m` non-negative
/// frequency terms (SciPy `scipy.fft.irfft(x)`).
///
/// The imaginary parts of the zero (and, for even `n`, the Nyquist) terms are
/// ignored; pass `n` explicitly to recover odd lengths.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `x` if it
/// has a single point along the axis (the default length would be 0).
///
/// # Examples
/// ```
/// use ferrosci::fft::{irfft, rfft};
/// use ndarray::array;
/// let x = array![1.0_f64, 2.0, -3.0, 0.5];
/// let back = irfft(&rfft(&x)?)?;
/// assert!(back.iter().zip(&x).all(|(b, x)| (b - x).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfft<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A::Real, D>> {
    irfft_with(x, &FftOptions::default())
}

/// [`irfft`] with SciPy's keywords `n` (output length), `axis`, `norm`.
///
/// # Errors
/// As [`rfft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{irfft_with, rfft, FftOptions};
/// use ndarray::array;
/// let x = array![1.0_f64, 2.0, -3.0];
/// let back = irfft_with(&rfft(&x)?, &FftOptions { n: Some(3), ..Default::default() })?;
/// assert!(back.iter().zip(&x).all(|(b, x)| (b - x).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfft_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftOptions,
) -> Result<Array<A::Real, D>> {
    let (mut y, n) = irfft_raw(x, opts, false)?;
    scale_real(&mut y, opts.norm.inverse_scale(n));
    Ok(y)
}

/// 2-D [`rfftn`] over the last two axes (SciPy `scipy.fft.rfft2(x)`).
///
/// # Errors
/// As [`rfftn_with`].
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::rfft2(&array![[1.0_f64, 2.0, 3.0], [4.0, 5.0, 6.0]])?;
/// assert_eq!(y.shape(), &[2, 2]);
/// assert_eq!(y[[0, 0]].re, 21.0);
/// assert_eq!(y[[1, 0]].re, -9.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfft2<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<Complex<T>, D>> {
    rfft2_with(x, &FftnOptions::default())
}

/// [`rfft2`] with SciPy's keywords `s`, `axes` (default the last two), `norm`.
///
/// # Errors
/// As [`rfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{rfft2_with, FftnOptions};
/// use ndarray::array;
/// let y = rfft2_with(&array![[1.0_f64, 2.0], [3.0, 4.0]], &FftnOptions { axes: Some(vec![1, 0]), ..Default::default() })?;
/// assert_eq!(y.shape(), &[2, 2]); // the real transform runs along axis 0
/// assert_eq!(y[[1, 0]].re, -4.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfft2_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<T>, D>> {
    rfftn_with(x, &opts.two_d())
}

/// Inverse of [`rfft2`] (SciPy `scipy.fft.irfft2(x)`).
///
/// # Errors
/// As [`irfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{irfft2, rfft2};
/// use ndarray::array;
/// let x = array![[1.0_f64, 2.0], [3.0, 4.0]];
/// let back = irfft2(&rfft2(&x)?)?;
/// assert!(back.iter().zip(&x).all(|(b, x)| (b - x).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfft2<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A::Real, D>> {
    irfft2_with(x, &FftnOptions::default())
}

/// [`irfft2`] with SciPy's keywords `s` (output shape), `axes`, `norm`.
///
/// # Errors
/// As [`irfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{irfft2_with, rfft2, FftnOptions};
/// use ndarray::array;
/// let x = array![[1.0_f64, 2.0, 3.0], [4.0, 5.0, 6.0]];
/// let back = irfft2_with(&rfft2(&x)?, &FftnOptions { s: Some(vec![2, 3]), ..Default::default() })?;
/// assert!(back.iter().zip(&x).all(|(b, x)| (b - x).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfft2_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<A::Real, D>> {
    irfftn_with(x, &opts.two_d())
}

/// N-D discrete Fourier transform of real input (SciPy `scipy.fft.rfftn(x)`):
/// real transform along the last axis (`n/2 + 1` terms), complex along the others.
///
/// # Errors
/// As [`rfftn_with`].
///
/// # Examples
/// ```
/// use ndarray::Array3;
/// let y = ferrosci::fft::rfftn(&Array3::<f64>::ones((2, 3, 4)))?;
/// assert_eq!(y.shape(), &[2, 3, 3]);
/// assert_eq!(y[[0, 0, 0]].re, 24.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfftn<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<Complex<T>, D>> {
    rfftn_with(x, &FftnOptions::default())
}

/// [`rfftn`] with SciPy's keywords `s`, `axes`, `norm`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `axes`
/// (out of range, repeated, empty), `s` (zero, wrong length) or `x`.
///
/// # Examples
/// ```
/// use ferrosci::fft::{rfftn_with, FftnOptions, Norm};
/// use ndarray::Array2;
/// let y = rfftn_with(&Array2::<f64>::ones((4, 4)), &FftnOptions { norm: Norm::Ortho, ..Default::default() })?;
/// assert!((y[[0, 0]].re - 4.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfftn_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<T>, D>> {
    let (mut y, n) = rfftn_raw(x, opts)?;
    scale(&mut y, opts.norm.forward_scale(n));
    Ok(y)
}

/// Inverse of [`rfftn`] (SciPy `scipy.fft.irfftn(x)`); the last axis gets
/// `2(m-1)` points unless `s` says otherwise.
///
/// # Errors
/// As [`irfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{irfftn, rfftn};
/// use ndarray::Array3;
/// let x = Array3::from_shape_fn((3, 2, 4), |(i, j, k)| (i * j) as f64 - k as f64);
/// let back = irfftn(&rfftn(&x)?)?;
/// assert!(back.iter().zip(&x).all(|(b, x)| (b - x).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfftn<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A::Real, D>> {
    irfftn_with(x, &FftnOptions::default())
}

/// [`irfftn`] with SciPy's keywords `s` (output shape), `axes`, `norm`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `axes`,
/// `s` or `x` (see [`rfftn_with`]).
///
/// # Examples
/// ```
/// use ferrosci::fft::{irfftn_with, FftnOptions};
/// use ndarray::array;
/// let y = irfftn_with(&array![[5.0_f64, 0.0]], &FftnOptions { s: Some(vec![1, 3]), ..Default::default() })?;
/// assert_eq!(y.shape(), &[1, 3]);
/// assert!(y.iter().all(|v| (v - 5.0 / 3.0).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfftn_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<A::Real, D>> {
    let (mut y, n) = irfftn_raw(x, opts, false)?;
    scale_real(&mut y, opts.norm.inverse_scale(n));
    Ok(y)
}
