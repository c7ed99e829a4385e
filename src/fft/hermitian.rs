//! Transforms of Hermitian-symmetric signals: `hfft`, `ihfft`, `hfft2`,
//! `ihfft2`, `hfftn`, `ihfftn`. `hfft` is `irfft` of the conjugate with the
//! normalisation swapped; `ihfft` is the conjugate of `rfft`, swapped likewise.

use crate::Result;
use crate::fft::common::{FftOptions, FftnOptions, scale_real};
use crate::fft::plan_cache::{FftFloat, FftInput, cst};
use crate::fft::real::{irfft_raw, irfftn_raw, rfft_raw, rfftn_raw};
use ndarray::{Array, ArrayRef, Dimension};
use num_complex::Complex;

fn conj_scaled<T: FftFloat, D: Dimension>(
    mut y: Array<Complex<T>, D>,
    f: f64,
) -> Array<Complex<T>, D> {
    let f = cst::<T>(f);
    y.mapv_inplace(|v| v.conj() * f);
    y
}

/// FFT of a signal with Hermitian symmetry, given by its first half: a real
/// spectrum of `n = 2(m-1)` points (SciPy `scipy.fft.hfft(x)`).
///
/// ```text
/// y[k] = Σ_{j<n} x[j] · exp(-2πi·jk/n),  x[n-j] = conj x[j]
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n`,
/// `axis` or `x` (fewer than two points with the default length).
///
/// # Examples
/// ```
/// use ndarray::array;
/// use num_complex::Complex64;
/// // The signal [1, 2+1i, 3, 2-1i] is Hermitian; its FFT is real.
/// let y = ferrosci::fft::hfft(&array![Complex64::new(1.0, 0.0), Complex64::new(2.0, 1.0), Complex64::new(3.0, 0.0)])?;
/// assert_eq!(y.to_vec(), vec![8.0, 0.0, 0.0, -4.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hfft<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A::Real, D>> {
    hfft_with(x, &FftOptions::default())
}

/// [`hfft`] with SciPy's keywords `n` (output length), `axis`, `norm`.
///
/// # Errors
/// As [`hfft`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{hfft_with, FftOptions};
/// use ndarray::array;
/// let y = hfft_with(&array![1.0_f64, 1.0], &FftOptions { n: Some(3), ..Default::default() })?;
/// assert_eq!(y.len(), 3);
/// assert!((y[0] - 3.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hfft_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftOptions,
) -> Result<Array<A::Real, D>> {
    let (mut y, n) = irfft_raw(x, opts, true)?;
    scale_real(&mut y, opts.norm.forward_scale(n));
    Ok(y)
}

/// Inverse of [`hfft`]: the first `n/2 + 1` terms of the Hermitian inverse
/// FFT of a real signal (SciPy `scipy.fft.ihfft(x)`).
///
/// # Errors
/// As [`hfft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{hfft, ihfft};
/// use ndarray::array;
/// let x = array![8.0_f64, -4.0, 0.0, 0.0];
/// let h = ihfft(&x)?;
/// assert!((h[1].re - 2.0).abs() < 1e-15 && (h[1].im + 1.0).abs() < 1e-15);
/// assert!(hfft(&h)?.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ihfft<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<Complex<T>, D>> {
    ihfft_with(x, &FftOptions::default())
}

/// [`ihfft`] with SciPy's keywords `n`, `axis`, `norm`.
///
/// # Errors
/// As [`hfft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{ihfft_with, FftOptions, Norm};
/// use ndarray::array;
/// let h = ihfft_with(&array![1.0_f64, 1.0, 1.0, 1.0], &FftOptions { norm: Norm::Forward, ..Default::default() })?;
/// assert_eq!(h[0].re, 4.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ihfft_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftOptions,
) -> Result<Array<Complex<T>, D>> {
    let (y, n) = rfft_raw(x, opts)?;
    Ok(conj_scaled(y, opts.norm.inverse_scale(n)))
}

/// 2-D [`hfftn`] over the last two axes (SciPy `scipy.fft.hfft2(x)`).
///
/// # Errors
/// As [`hfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{hfft2, ihfft2};
/// use ndarray::array;
/// let x = array![[1.0_f64, 2.0, 3.0, 4.0], [0.5, 0.0, -1.0, 2.0]];
/// let back = hfft2(&ihfft2(&x)?)?;
/// assert!(back.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hfft2<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A::Real, D>> {
    hfft2_with(x, &FftnOptions::default())
}

/// [`hfft2`] with SciPy's keywords `s`, `axes`, `norm`.
///
/// # Errors
/// As [`hfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{hfft2_with, FftnOptions};
/// use ndarray::array;
/// let y = hfft2_with(&array![[1.0_f64, 0.0]], &FftnOptions { s: Some(vec![1, 3]), ..Default::default() })?;
/// assert_eq!(y.shape(), &[1, 3]);
/// assert!(y.iter().all(|v| (v - 1.0).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hfft2_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<A::Real, D>> {
    hfftn_with(x, &opts.two_d())
}

/// 2-D [`ihfftn`] over the last two axes (SciPy `scipy.fft.ihfft2(x)`).
///
/// # Errors
/// As [`hfftn_with`].
///
/// # Examples
/// ```
/// use ndarray::array;
/// let h = ferrosci::fft::ihfft2(&array![[1.0_f64, 1.0], [1.0, 1.0]])?;
/// assert_eq!(h.shape(), &[2, 2]);
/// assert_eq!(h[[0, 0]].re, 1.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ihfft2<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<Complex<T>, D>> {
    ihfft2_with(x, &FftnOptions::default())
}

/// [`ihfft2`] with SciPy's keywords `s`, `axes`, `norm`.
///
/// # Errors
/// As [`hfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{ihfft2_with, FftnOptions, Norm};
/// use ndarray::array;
/// let h = ihfft2_with(&array![[1.0_f64, 1.0], [1.0, 1.0]], &FftnOptions { norm: Norm::Forward, ..Default::default() })?;
/// assert_eq!(h[[0, 0]].re, 4.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ihfft2_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<T>, D>> {
    ihfftn_with(x, &opts.two_d())
}

/// N-D FFT of a Hermitian-symmetric signal given by its half along the last
/// axis (SciPy `scipy.fft.hfftn(x)`): `irfftn` of the conjugate, unscaled.
///
/// # Errors
/// As [`hfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{hfftn, ihfftn};
/// use ndarray::Array3;
/// let x = Array3::from_shape_fn((2, 3, 4), |(i, j, k)| (i + j * k) as f64);
/// let back = hfftn(&ihfftn(&x)?)?;
/// assert!(back.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hfftn<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<A::Real, D>> {
    hfftn_with(x, &FftnOptions::default())
}

/// [`hfftn`] with SciPy's keywords `s` (output shape), `axes`, `norm`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `axes`,
/// `s` or `x`, as [`irfftn_with`](crate::fft::irfftn_with).
///
/// # Examples
/// ```
/// use ferrosci::fft::{hfftn_with, FftnOptions, Norm};
/// use ndarray::array;
/// let y = hfftn_with(&array![[2.0_f64, 0.0]], &FftnOptions { norm: Norm::Forward, ..Default::default() })?;
/// assert_eq!(y.shape(), &[1, 2]);
/// assert!((y[[0, 0]] - 1.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hfftn_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &FftnOptions,
) -> Result<Array<A::Real, D>> {
    let (mut y, n) = irfftn_raw(x, opts, true)?;
    scale_real(&mut y, opts.norm.forward_scale(n));
    Ok(y)
}

/// Inverse of [`hfftn`] (SciPy `scipy.fft.ihfftn(x)`): the conjugate of
/// `rfftn`, scaled by 1/n.
///
/// # Errors
/// As [`hfftn_with`].
///
/// # Examples
/// ```
/// use ndarray::Array2;
/// let h = ferrosci::fft::ihfftn(&Array2::<f64>::ones((2, 4)))?;
/// assert_eq!(h.shape(), &[2, 3]);
/// assert_eq!(h[[0, 0]].re, 1.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ihfftn<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<Complex<T>, D>> {
    ihfftn_with(x, &FftnOptions::default())
}

/// [`ihfftn`] with SciPy's keywords `s`, `axes`, `norm`.
///
/// # Errors
/// As [`hfftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{ihfftn_with, FftnOptions, Norm};
/// use ndarray::Array2;
/// let h = ihfftn_with(&Array2::<f64>::ones((2, 4)), &FftnOptions { norm: Norm::Ortho, ..Default::default() })?;
/// assert!((h[[0, 0]].re - 8f64.sqrt()).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ihfftn_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &FftnOptions,
) -> Result<Array<Complex<T>, D>> {
    let (y, n) = rfftn_raw(x, opts)?;
    Ok(conj_scaled(y, opts.norm.inverse_scale(n)))
}
