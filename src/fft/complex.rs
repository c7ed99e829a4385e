//! Complex transforms: `fft`, `ifft`, `fft2`, `ifft2`, `fftn`, `ifftn`.

use crate::Result;
use crate::fft::common::{FftOptions, FftnOptions, c2c, into_dim, resolve_1d, resolve_nd, scale};
use crate::fft::plan_cache::FftInput;
use ndarray::{Array, ArrayRef, Dimension};
use num_complex::Complex;
use rustfft::FftDirection;

fn one_d<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftOptions,
    dir: FftDirection,
) -> Result<Array<Complex<A::Real>, D>> {
    let (ax, n) = resolve_1d(x.shape(), opts.n, opts.axis, Some)?;
    let mut y = c2c(x, &[ax], &[n], dir);
    scale(&mut y, factor(opts.norm, n, dir));
    Ok(into_dim(y))
}

fn n_d<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
    dir: FftDirection,
) -> Result<Array<Complex<A::Real>, D>> {
    let (axes, lens) = resolve_nd(x.shape(), opts, Some, true)?;
    let mut y = c2c(x, &axes, &lens, dir);
    scale(&mut y, factor(opts.norm, lens.iter().product(), dir));
    Ok(into_dim(y))
}

fn factor(norm: crate::fft::Norm, n: usize, dir: FftDirection) -> f64 {
    match dir {
        FftDirection::Forward => norm.forward_scale(n),
        FftDirection::Inverse => norm.inverse_scale(n),
    }
}

/// Discrete Fourier transform along the last axis (SciPy `scipy.fft.fft(x)`).
///
/// ```text
/// y[k] = Σ_{j<n} x[j] · exp(-2πi·jk/n)
/// ```
/// Real input (`f32`/`f64`) is promoted to complex, as in SciPy.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `x` is 0-D or
/// has no points along the axis.
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::fft(&array![1.0_f64, 2.0, 3.0, 4.0])?;
/// assert_eq!(y[0].re, 10.0);
/// assert_eq!((y[1].re, y[1].im), (-2.0, 2.0));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    fft_with(x, &FftOptions::default())
}

/// [`fft`] with SciPy's keywords `n`, `axis`, `norm` (SciPy `scipy.fft.fft(x, n, axis, norm)`).
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n`
/// (zero), `axis` (out of range) or `x` (no points).
///
/// # Examples
/// ```
/// use ferrosci::fft::{fft_with, FftOptions, Norm};
/// use ndarray::array;
/// let x = array![[1.0_f64, 2.0], [3.0, 4.0]];
/// let y = fft_with(&x, &FftOptions { n: Some(3), axis: 0, norm: Norm::Ortho })?;
/// assert_eq!(y.shape(), &[3, 2]);
/// assert!((y[[0, 0]].re - 4.0 / 3f64.sqrt()).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    one_d(x, opts, FftDirection::Forward)
}

/// Inverse discrete Fourier transform along the last axis (SciPy `scipy.fft.ifft(x)`).
///
/// ```text
/// x[j] = (1/n) Σ_{k<n} y[k] · exp(2πi·jk/n)
/// ```
///
/// # Errors
/// As [`fft`].
///
/// # Examples
/// ```
/// use ndarray::array;
/// use ferrosci::fft::{fft, ifft};
/// let x = array![1.0_f64, -2.0, 0.5];
/// let back = ifft(&fft(&x)?)?;
/// assert!(back.iter().zip(&x).all(|(b, x)| (b.re - x).abs() < 1e-15 && b.im.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    ifft_with(x, &FftOptions::default())
}

/// [`ifft`] with SciPy's keywords `n`, `axis`, `norm`.
///
/// # Errors
/// As [`fft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{ifft_with, FftOptions, Norm};
/// use ndarray::array;
/// let y = ifft_with(&array![4.0_f64, 0.0], &FftOptions { norm: Norm::Forward, ..Default::default() })?;
/// assert_eq!((y[0].re, y[1].re), (4.0, 4.0));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    one_d(x, opts, FftDirection::Inverse)
}

/// 2-D discrete Fourier transform over the last two axes (SciPy `scipy.fft.fft2(x)`).
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `axes` if
/// `x` has fewer than two dimensions, or `x` if an axis is empty.
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::fft2(&array![[1.0_f64, 2.0], [3.0, 4.0]])?;
/// assert_eq!(y.mapv(|z| z.re), array![[10.0_f64, -2.0], [-4.0, 0.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft2<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    fft2_with(x, &FftnOptions::default())
}

/// [`fft2`] with SciPy's keywords `s`, `axes` (default the last two), `norm`.
///
/// # Errors
/// As [`fftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fft2_with, FftnOptions};
/// use ndarray::array;
/// let y = fft2_with(&array![[1.0_f64, 2.0], [3.0, 4.0]], &FftnOptions { s: Some(vec![1, 3]), ..Default::default() })?;
/// assert_eq!(y.shape(), &[1, 3]);
/// assert_eq!(y[[0, 0]].re, 3.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft2_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    n_d(x, &opts.two_d(), FftDirection::Forward)
}

/// 2-D inverse discrete Fourier transform over the last two axes (SciPy `scipy.fft.ifft2(x)`).
///
/// # Errors
/// As [`fft2`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fft2, ifft2};
/// use ndarray::array;
/// let x = array![[1.0_f64, 2.0, 0.0], [3.0, 4.0, -1.0]];
/// let back = ifft2(&fft2(&x)?)?;
/// assert!((back[[1, 2]].re + 1.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft2<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    ifft2_with(x, &FftnOptions::default())
}

/// [`ifft2`] with SciPy's keywords `s`, `axes`, `norm`.
///
/// # Errors
/// As [`fftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{ifft2_with, FftnOptions, Norm};
/// use ndarray::array;
/// let y = ifft2_with(&array![[4.0_f64, 0.0], [0.0, 0.0]], &FftnOptions { norm: Norm::Ortho, ..Default::default() })?;
/// assert!(y.iter().all(|z| (z.re - 2.0).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft2_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    n_d(x, &opts.two_d(), FftDirection::Inverse)
}

/// N-D discrete Fourier transform over every axis (SciPy `scipy.fft.fftn(x)`).
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if an axis of
/// `x` is empty.
///
/// # Examples
/// ```
/// use ndarray::Array3;
/// let x = Array3::<f64>::ones((2, 3, 4));
/// let y = ferrosci::fft::fftn(&x)?;
/// assert_eq!(y[[0, 0, 0]].re, 24.0);
/// assert!(y.iter().skip(1).all(|z| z.norm() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fftn<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    fftn_with(x, &FftnOptions::default())
}

/// [`fftn`] with SciPy's keywords `s`, `axes`, `norm`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `axes`
/// (out of range, repeated), `s` (a zero, more entries than axes, length
/// different from `axes`) or `x` (an empty transformed axis).
///
/// # Examples
/// ```
/// use ferrosci::fft::{fftn_with, FftnOptions};
/// use ndarray::Array3;
/// let x = Array3::<f64>::ones((2, 3, 4));
/// let y = fftn_with(&x, &FftnOptions { axes: Some(vec![0, -1]), ..Default::default() })?;
/// assert_eq!(y[[0, 1, 0]].re, 8.0);
/// assert!(fftn_with(&x, &FftnOptions { axes: Some(vec![1, 1]), ..Default::default() }).is_err());
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fftn_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    n_d(x, opts, FftDirection::Forward)
}

/// N-D inverse discrete Fourier transform over every axis (SciPy `scipy.fft.ifftn(x)`).
///
/// # Errors
/// As [`fftn`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{fftn, ifftn};
/// use ndarray::Array3;
/// let x = Array3::from_shape_fn((2, 3, 5), |(i, j, k)| (i + 2 * j) as f64 - k as f64);
/// let back = ifftn(&fftn(&x)?)?;
/// assert!(back.iter().zip(&x).all(|(b, x)| (b.re - x).abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifftn<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    ifftn_with(x, &FftnOptions::default())
}

/// [`ifftn`] with SciPy's keywords `s`, `axes`, `norm`.
///
/// # Errors
/// As [`fftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{ifftn_with, FftnOptions};
/// use ndarray::array;
/// let y = ifftn_with(&array![[2.0_f64, 2.0]], &FftnOptions { s: Some(vec![4]), ..Default::default() })?;
/// assert_eq!(y.shape(), &[1, 4]);
/// assert_eq!(y[[0, 0]].re, 1.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifftn_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    n_d(x, opts, FftDirection::Inverse)
}
