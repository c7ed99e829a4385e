//! The legacy `scipy.fftpack` interface, for code (and lecture notes) written
//! against it.
//!
//! | SciPy (`scipy.fftpack`) | ferrosci | what it does |
//! |---|---|---|
//! | `fft`, `ifft` | [`fft`], [`ifft`] (+ `_with`: `n`, `axis`) | 1-D complex DFT (`ifft` scaled by 1/n) |
//! | `fft2`, `ifft2`, `fftn`, `ifftn` | [`fft2`], [`ifft2`], [`fftn`], [`ifftn`] (+ `_with`: `shape`, `axes`) | multi-dimensional DFT |
//! | `rfft`, `irfft` | [`rfft`], [`irfft`] (+ `_with`) | real DFT in fftpack's packed real layout |
//! | `fftfreq`, `rfftfreq` | [`fftfreq`], [`rfftfreq`] | frequencies (`rfftfreq` for the packed layout) |
//! | `fftshift`, `ifftshift` | [`fftshift`], [`ifftshift`] | centre the zero frequency |
//! | `next_fast_len` | [`next_fast_len`] | next 5-smooth length |
//! | `dct`, `dst` | [`dct`], [`dst`] (+ `_with`) | same as [`crate::fft::dct`], [`crate::fft::dst`] |
//! | `idct`, `idst` | [`idct`], [`idst`] (+ `_with`) | inverse type, unscaled unless `Norm::Ortho` (fftpack's convention) |
//! | `diff` | [`diff`] | derivative (or integral) of a periodic sequence |
//! | `hilbert`, `ihilbert` | [`hilbert`], [`ihilbert`] | Hilbert transform and its inverse |
//! | `shift` | [`shift`] | shift a periodic sequence by `a` |
//!
//! The transforms are the same as [`crate::fft`]'s with `norm` fixed to
//! backward; new code should use [`crate::fft`].

use crate::Result;
use crate::fft::common::{FftOptions, FftnOptions, Norm};
use crate::fft::plan_cache::{FftFloat, FftInput};
use crate::fft::{complex, real};
use ndarray::{Array, Array1, ArrayRef, ArrayRef1, Axis, Dimension, Zip};
use num_complex::{Complex, Complex64};

pub use crate::fft::dct::{dct, dct_with, dst, dst_with};
pub use crate::fft::helper::{fftfreq, fftshift, ifftshift};

/// Options of fftpack's 1-D transforms: keywords `n` and `axis` (default `None`, `-1`).
#[derive(Debug, Clone, PartialEq)]
pub struct PackOptions {
    /// Transform length: pad with zeros or truncate along `axis`.
    pub n: Option<usize>,
    /// Axis to transform, negative from the end.
    pub axis: isize,
}

impl Default for PackOptions {
    fn default() -> Self {
        Self { n: None, axis: -1 }
    }
}

impl PackOptions {
    fn modern(&self) -> FftOptions {
        FftOptions {
            n: self.n,
            axis: self.axis,
            norm: Norm::Backward,
        }
    }
}

/// Options of fftpack's n-D transforms: keywords `shape` and `axes`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PackNdOptions {
    /// Transform lengths along `axes` (SciPy's `shape`).
    pub shape: Option<Vec<usize>>,
    /// Axes to transform; `None` = all (last two for `fft2`/`ifft2`).
    pub axes: Option<Vec<isize>>,
}

impl PackNdOptions {
    fn modern(&self) -> FftnOptions {
        FftnOptions {
            s: self.shape.clone(),
            axes: self.axes.clone(),
            norm: Norm::Backward,
        }
    }
}

/// Discrete Fourier transform (SciPy `scipy.fftpack.fft(x)`); same as [`crate::fft::fft`].
///
/// # Errors
/// As [`crate::fft::fft`].
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::fftpack::fft(&array![1.0_f64, 0.0, -1.0, 0.0])?;
/// assert_eq!(y[1].re, 2.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    complex::fft(x)
}

/// [`fft`] with fftpack's keywords `n`, `axis`.
///
/// # Errors
/// As [`crate::fft::fft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{fft_with, PackOptions};
/// use ndarray::array;
/// let y = fft_with(&array![1.0_f64, 1.0], &PackOptions { n: Some(4), ..Default::default() })?;
/// assert_eq!(y.len(), 4);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &PackOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    complex::fft_with(x, &opts.modern())
}

/// Inverse discrete Fourier transform, scaled by 1/n (SciPy `scipy.fftpack.ifft(x)`).
///
/// # Errors
/// As [`crate::fft::ifft`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{fft, ifft};
/// use ndarray::array;
/// let x = array![1.0_f64, 2.0, 3.0];
/// assert!(ifft(&fft(&x)?)?.iter().zip(&x).all(|(a, b)| (a.re - b).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    complex::ifft(x)
}

/// [`ifft`] with fftpack's keywords `n`, `axis`.
///
/// # Errors
/// As [`crate::fft::ifft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{ifft_with, PackOptions};
/// use ndarray::array;
/// let y = ifft_with(&array![[4.0_f64], [0.0]], &PackOptions { axis: 0, ..Default::default() })?;
/// assert_eq!((y[[0, 0]].re, y[[1, 0]].re), (2.0, 2.0));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &PackOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    complex::ifft_with(x, &opts.modern())
}

/// 2-D discrete Fourier transform over the last two axes (SciPy `scipy.fftpack.fft2(x)`).
///
/// # Errors
/// As [`crate::fft::fft2`].
///
/// # Examples
/// ```
/// use ndarray::Array2;
/// let y = ferrosci::fft::fftpack::fft2(&Array2::<f32>::ones((4, 4)))?;
/// assert_eq!(y[[0, 0]].re, 16.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft2<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    fft2_with(x, &PackNdOptions::default())
}

/// [`fft2`] with fftpack's keywords `shape`, `axes`.
///
/// # Errors
/// As [`crate::fft::fftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{fft2_with, PackNdOptions};
/// use ndarray::Array2;
/// let y = fft2_with(&Array2::<f64>::ones((2, 2)), &PackNdOptions { shape: Some(vec![4, 4]), ..Default::default() })?;
/// assert_eq!(y.shape(), &[4, 4]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fft2_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &PackNdOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    complex::fft2_with(x, &opts.modern())
}

/// 2-D inverse discrete Fourier transform (SciPy `scipy.fftpack.ifft2(x)`).
///
/// # Errors
/// As [`crate::fft::ifft2`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{fft2, ifft2};
/// use ndarray::array;
/// let x = array![[1.0_f64, 2.0], [3.0, 4.0]];
/// assert!((ifft2(&fft2(&x)?)?[[1, 1]].re - 4.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft2<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    ifft2_with(x, &PackNdOptions::default())
}

/// [`ifft2`] with fftpack's keywords `shape`, `axes`.
///
/// # Errors
/// As [`crate::fft::fftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{ifft2_with, PackNdOptions};
/// use ndarray::Array2;
/// let y = ifft2_with(&Array2::<f64>::ones((2, 2)), &PackNdOptions { axes: Some(vec![0]), ..Default::default() })?;
/// assert_eq!(y[[0, 0]].re, 1.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifft2_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &PackNdOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    complex::ifft2_with(x, &opts.modern())
}

/// N-D discrete Fourier transform (SciPy `scipy.fftpack.fftn(x)`).
///
/// # Errors
/// As [`crate::fft::fftn`].
///
/// # Examples
/// ```
/// use ndarray::Array3;
/// let y = ferrosci::fft::fftpack::fftn(&Array3::<f64>::ones((2, 2, 2)))?;
/// assert_eq!(y[[0, 0, 0]].re, 8.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fftn<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    fftn_with(x, &PackNdOptions::default())
}

/// [`fftn`] with fftpack's keywords `shape`, `axes`.
///
/// # Errors
/// As [`crate::fft::fftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{fftn_with, PackNdOptions};
/// use ndarray::Array3;
/// let y = fftn_with(&Array3::<f64>::ones((2, 2, 2)), &PackNdOptions { axes: Some(vec![2]), ..Default::default() })?;
/// assert_eq!(y[[1, 1, 0]].re, 2.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn fftn_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &PackNdOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    complex::fftn_with(x, &opts.modern())
}

/// N-D inverse discrete Fourier transform (SciPy `scipy.fftpack.ifftn(x)`).
///
/// # Errors
/// As [`crate::fft::ifftn`].
///
/// # Examples
/// ```
/// use ndarray::Array3;
/// let y = ferrosci::fft::fftpack::ifftn(&Array3::<f64>::ones((2, 2, 2)))?;
/// assert_eq!(y[[0, 0, 0]].re, 1.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifftn<A: FftInput, D: Dimension>(x: &ArrayRef<A, D>) -> Result<Array<Complex<A::Real>, D>> {
    ifftn_with(x, &PackNdOptions::default())
}

/// [`ifftn`] with fftpack's keywords `shape`, `axes`.
///
/// # Errors
/// As [`crate::fft::fftn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{ifftn_with, PackNdOptions};
/// use ndarray::Array2;
/// let y = ifftn_with(&Array2::<f64>::ones((2, 2)), &PackNdOptions { shape: Some(vec![2, 4]), ..Default::default() })?;
/// assert_eq!(y[[0, 0]].re, 0.5);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ifftn_with<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    opts: &PackNdOptions,
) -> Result<Array<Complex<A::Real>, D>> {
    complex::ifftn_with(x, &opts.modern())
}

/// DFT of real input in fftpack's packed layout (SciPy `scipy.fftpack.rfft(x)`).
///
/// ```text
/// [y(0), Re y(1), Im y(1), ..., Re y(n/2)]           n even
/// [y(0), Re y(1), Im y(1), ..., Re y(m), Im y(m)]     n odd, m = (n-1)/2
/// ```
///
/// # Errors
/// As [`crate::fft::rfft`].
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::fftpack::rfft(&array![1.0_f64, 2.0, 3.0, 4.0])?;
/// assert!(y.iter().zip([10.0, -2.0, 2.0, -2.0]).all(|(a, b)| (a - b).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfft<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    rfft_with(x, &PackOptions::default())
}

/// [`rfft`] with fftpack's keywords `n`, `axis`.
///
/// # Errors
/// As [`crate::fft::rfft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{rfft_with, PackOptions};
/// use ndarray::array;
/// let y = rfft_with(&array![1.0_f64, 2.0, 3.0, 4.0], &PackOptions { n: Some(3), ..Default::default() })?;
/// assert_eq!(y.len(), 3);
/// assert_eq!(y[0], 6.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfft_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &PackOptions,
) -> Result<Array<T, D>> {
    let y = real::rfft_with(x, &opts.modern())?;
    let ax = crate::check::axis("axis", opts.axis, x.ndim())?;
    let n = opts.n.unwrap_or(x.len_of(Axis(ax)));
    let mut shape = y.raw_dim();
    shape[ax] = n;
    let mut out = Array::zeros(shape);
    Zip::from(out.lanes_mut(Axis(ax)))
        .and(y.lanes(Axis(ax)))
        .for_each(|mut o, h| {
            o[0] = h[0].re;
            for j in 1..n {
                let z = h[j.div_ceil(2)];
                o[j] = if j % 2 == 1 { z.re } else { z.im };
            }
        });
    Ok(out)
}

/// Inverse of [`rfft`]: real signal from fftpack's packed layout, scaled by
/// 1/n (SciPy `scipy.fftpack.irfft(x)`).
///
/// # Errors
/// As [`crate::fft::irfft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{irfft, rfft};
/// use ndarray::array;
/// let x = array![1.0_f64, 2.0, 3.0, 4.0, 5.0];
/// assert!(irfft(&rfft(&x)?)?.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfft<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    irfft_with(x, &PackOptions::default())
}

/// [`irfft`] with fftpack's keywords `n`, `axis`.
///
/// # Errors
/// As [`crate::fft::irfft_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{irfft_with, PackOptions};
/// use ndarray::array;
/// let y = irfft_with(&array![4.0_f64], &PackOptions { n: Some(4), ..Default::default() })?;
/// assert_eq!(y.to_vec(), vec![1.0, 1.0, 1.0, 1.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn irfft_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &PackOptions,
) -> Result<Array<T, D>> {
    let (ax, n) = crate::fft::common::resolve_1d(x.shape(), opts.n, opts.axis, Some)?;
    let m = x.len_of(Axis(ax)).min(n);
    let mut shape = x.raw_dim();
    shape[ax] = n / 2 + 1;
    let mut h = Array::<Complex<T>, D>::zeros(shape);
    Zip::from(h.lanes_mut(Axis(ax)))
        .and(x.lanes(Axis(ax)))
        .for_each(|mut h, p| {
            if m > 0 {
                h[0] = Complex::new(p[0], T::zero());
            }
            for j in 1..m {
                let k = j.div_ceil(2);
                if j % 2 == 1 {
                    h[k].re = p[j];
                } else {
                    h[k].im = p[j];
                }
            }
        });
    real::irfft_with(
        &h,
        &FftOptions {
            n: Some(n),
            axis: ax as isize,
            norm: Norm::Backward,
        },
    )
}

/// Sample frequencies of fftpack's packed [`rfft`] layout (SciPy
/// `scipy.fftpack.rfftfreq(n, d)`): `[0, 1, 1, 2, 2, ...] / (n·d)`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n` if it is 0.
///
/// # Examples
/// ```
/// let f = ferrosci::fft::fftpack::rfftfreq(5, 1.0)?;
/// assert_eq!(f.to_vec(), vec![0.0, 0.2, 0.2, 0.4, 0.4]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn rfftfreq(n: usize, d: f64) -> Result<Array1<f64>> {
    if n == 0 {
        return Err(crate::check::invalid("n", "must be positive, got 0"));
    }
    Ok(Array1::from_shape_fn(n, |i| {
        i.div_ceil(2) as f64 / (n as f64 * d)
    }))
}

/// The smallest 5-smooth length `>= target` (SciPy `scipy.fftpack.next_fast_len`).
///
/// # Examples
/// ```
/// assert_eq!(ferrosci::fft::fftpack::next_fast_len(1001), 1024);
/// ```
pub fn next_fast_len(target: usize) -> usize {
    crate::fft::helper::next_fast_len(target, true)
}

/// `Re ifft(kernel(k) · fft(x))` over the signed frequency indices `k`,
/// computed with real transforms. For even lengths the (real) Nyquist term is
/// multiplied by `nyquist`, as fftpack's convolution does.
fn convolve(
    x: &ArrayRef1<f64>,
    kernel: impl Fn(f64) -> Complex64,
    nyquist: f64,
) -> Result<Array1<f64>> {
    let n = x.len();
    if n == 0 {
        return Err(crate::fft::common::zero_points("x"));
    }
    let mut y = real::rfft(x)?;
    for (k, v) in y.iter_mut().enumerate() {
        *v = if 2 * k == n {
            Complex64::new(v.re * nyquist, 0.0)
        } else {
            *v * kernel(k as f64)
        };
    }
    real::irfft_with(
        &y,
        &FftOptions {
            n: Some(n),
            ..Default::default()
        },
    )
}

/// Derivative (`order > 0`) or integral (`order < 0`) of a periodic sequence
/// (SciPy `scipy.fftpack.diff(x, order, period)`; `period: None` = 2π).
///
/// ```text
/// y_k = (i·2π·k/period)^order · x_k   (Fourier coefficients; y_0 = 0)
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `x` if it is empty.
///
/// # Examples
/// ```
/// use ndarray::Array1;
/// let t = Array1::from_shape_fn(16, |j| j as f64 * std::f64::consts::TAU / 16.0);
/// let d = ferrosci::fft::fftpack::diff(&t.mapv(f64::sin), 1, None)?;
/// assert!(d.iter().zip(&t).all(|(d, t)| (d - t.cos()).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn diff(x: &ArrayRef1<f64>, order: i32, period: Option<f64>) -> Result<Array1<f64>> {
    if order == 0 {
        return Ok(x.to_owned());
    }
    let c = period.map_or(1.0, |p| std::f64::consts::TAU / p);
    convolve(
        x,
        |k| {
            if k == 0.0 {
                Complex64::new(0.0, 0.0)
            } else {
                Complex64::new(0.0, c * k).powi(order)
            }
        },
        0.0,
    )
}

/// Hilbert transform of a periodic sequence (SciPy `scipy.fftpack.hilbert(x)`):
/// `y_k = i·sign(k)·x_k`, so `hilbert(sin) = cos`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `x` if it is empty.
///
/// # Examples
/// ```
/// use ndarray::Array1;
/// let t = Array1::from_shape_fn(8, |j| j as f64 * std::f64::consts::TAU / 8.0);
/// let h = ferrosci::fft::fftpack::hilbert(&t.mapv(f64::sin))?;
/// assert!(h.iter().zip(&t).all(|(h, t)| (h - t.cos()).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn hilbert(x: &ArrayRef1<f64>) -> Result<Array1<f64>> {
    convolve(
        x,
        |k| {
            if k > 0.0 {
                Complex64::new(0.0, 1.0)
            } else {
                Complex64::new(0.0, 0.0)
            }
        },
        0.0,
    )
}

/// Inverse Hilbert transform (SciPy `scipy.fftpack.ihilbert(x)`): `-hilbert(x)`.
///
/// # Errors
/// As [`hilbert`].
///
/// # Examples
/// ```
/// use ndarray::Array1;
/// let t = Array1::from_shape_fn(8, |j| j as f64 * std::f64::consts::TAU / 8.0);
/// let h = ferrosci::fft::fftpack::ihilbert(&t.mapv(f64::cos))?;
/// assert!(h.iter().zip(&t).all(|(h, t)| (h - t.sin()).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ihilbert(x: &ArrayRef1<f64>) -> Result<Array1<f64>> {
    convolve(
        x,
        |k| {
            if k > 0.0 {
                Complex64::new(0.0, -1.0)
            } else {
                Complex64::new(0.0, 0.0)
            }
        },
        0.0,
    )
}

/// Shifts a periodic sequence: `y(u) = x(u + a)` (SciPy
/// `scipy.fftpack.shift(x, a, period)`; `period: None` = 2π).
///
/// ```text
/// y_k = exp(i·k·a·2π/period) · x_k
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `x` if it is empty.
///
/// # Examples
/// ```
/// use ndarray::Array1;
/// let t = Array1::from_shape_fn(8, |j| j as f64 * std::f64::consts::TAU / 8.0);
/// let y = ferrosci::fft::fftpack::shift(&t.mapv(f64::sin), 0.1, None)?;
/// assert!(y.iter().zip(&t).all(|(y, t)| (y - (t + 0.1).sin()).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn shift(x: &ArrayRef1<f64>, a: f64, period: Option<f64>) -> Result<Array1<f64>> {
    let a = period.map_or(a, |p| a * std::f64::consts::TAU / p);
    // fftpack weights the Nyquist term by cos + sin of its phase (not by the
    // real part of the phase factor); SciPy's answers include that.
    let h = a * (x.len() / 2) as f64;
    convolve(x, |k| Complex64::from_polar(1.0, a * k), h.cos() + h.sin())
}

/// fftpack's inverse transforms leave the result unscaled by default: swap
/// backward and forward so `Norm::Backward` (fftpack's `norm=None`) means that.
fn fftpack_norm(opts: &crate::fft::DctOptions) -> crate::fft::DctOptions {
    let norm = match opts.norm {
        Norm::Backward => Norm::Forward,
        Norm::Forward => Norm::Backward,
        Norm::Ortho => Norm::Ortho,
    };
    crate::fft::DctOptions {
        norm,
        ..opts.clone()
    }
}

/// Inverse DCT in fftpack's convention (SciPy `scipy.fftpack.idct(x)`): the
/// DCT of the inverse type, unscaled, so `idct(dct(x)) == 2n·x`.
///
/// # Errors
/// As [`crate::fft::idct`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{dct, idct};
/// use ndarray::array;
/// let x = array![1.0_f64, 2.0, 3.0];
/// assert!(idct(&dct(&x)?)?.iter().zip(&x).all(|(a, b)| (a - 6.0 * b).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idct<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    idct_with(x, &crate::fft::DctOptions::default())
}

/// [`idct`] with fftpack's keywords `type`, `n`, `axis`, `norm` (`Norm::Ortho`
/// gives the orthonormal inverse, as `scipy.fft.idct`).
///
/// # Errors
/// As [`crate::fft::idct_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{dct_with, idct_with};
/// use ferrosci::fft::{DctOptions, Norm};
/// use ndarray::array;
/// let o = DctOptions { norm: Norm::Ortho, ..Default::default() };
/// let x = array![1.0_f64, 2.0, 3.0];
/// assert!(idct_with(&dct_with(&x, &o)?, &o)?.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idct_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &crate::fft::DctOptions,
) -> Result<Array<T, D>> {
    crate::fft::idct_with(x, &fftpack_norm(opts))
}

/// Inverse DST in fftpack's convention (SciPy `scipy.fftpack.idst(x)`): the
/// DST of the inverse type, unscaled.
///
/// # Errors
/// As [`crate::fft::idst`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::{dst, idst};
/// use ndarray::array;
/// let x = array![1.0_f64, 2.0, 3.0];
/// assert!(idst(&dst(&x)?)?.iter().zip(&x).all(|(a, b)| (a - 6.0 * b).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idst<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    idst_with(x, &crate::fft::DctOptions::default())
}

/// [`idst`] with fftpack's keywords `type`, `n`, `axis`, `norm`.
///
/// # Errors
/// As [`crate::fft::idst_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::fftpack::idst_with;
/// use ferrosci::fft::{DctOptions, DctType};
/// use ndarray::array;
/// let y = idst_with(&array![1.0_f64], &DctOptions { r#type: DctType::Type1, ..Default::default() })?;
/// assert!((y[0] - 2.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idst_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &crate::fft::DctOptions,
) -> Result<Array<T, D>> {
    crate::fft::idst_with(x, &fftpack_norm(opts))
}
