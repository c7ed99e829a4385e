//! Fast Fourier transforms: SciPy's `scipy.fft` (and the legacy
//! `scipy.fftpack` names in [`fftpack`]), on top of RustFFT.
//!
//! | SciPy (`scipy.fft`) | ferrosci | what it does |
//! |---|---|---|
//! | `fft`, `ifft` | [`fft`], [`ifft`] (+ `_with`) | 1-D complex DFT and its inverse |
//! | `fft2`, `ifft2` | [`fft2`], [`ifft2`] | 2-D complex DFT over the last two axes |
//! | `fftn`, `ifftn` | [`fftn`], [`ifftn`] | N-D complex DFT |
//! | `rfft`, `irfft` | [`rfft`], [`irfft`] | DFT of real input (`n/2+1` terms) and its inverse |
//! | `rfft2`, `irfft2` | [`rfft2`], [`irfft2`] | 2-D real-input DFT |
//! | `rfftn`, `irfftn` | [`rfftn`], [`irfftn`] | N-D real-input DFT |
//! | `hfft`, `ihfft` | [`hfft`], [`ihfft`] | DFT of a Hermitian signal (real spectrum) |
//! | `hfft2`, `ihfft2` | [`hfft2`], [`ihfft2`] | 2-D Hermitian DFT |
//! | `hfftn`, `ihfftn` | [`hfftn`], [`ihfftn`] | N-D Hermitian DFT |
//! | `dct`, `idct`, `dst`, `idst` | [`dct`], [`idct`], [`dst`], [`idst`] (+ `_with`: [`DctOptions`]) | cosine/sine transforms, types 1–4 |
//! | `dctn`, `idctn`, `dstn`, `idstn` | [`dctn`], [`idctn`], [`dstn`], [`idstn`] (+ `_with`: [`DctnOptions`]) | N-D cosine/sine transforms |
//! | `fht`, `ifht`, `fhtoffset` | [`fht`], [`ifht`], [`fhtoffset`] (+ `_with`) | fast Hankel transform (FFTLog) |
//! | `fftfreq`, `rfftfreq` | [`fftfreq`], [`rfftfreq`] | sample frequencies |
//! | `fftshift`, `ifftshift` | [`fftshift`], [`ifftshift`] (+ `_with` for `axes`) | centre the zero frequency |
//! | `scipy.fftpack` | [`fftpack`] | the legacy interface: packed `rfft`, `diff`, `hilbert`, `shift`, ... |
//! | `next_fast_len`, `prev_fast_len` | [`next_fast_len`], [`prev_fast_len`] | nearest fast transform length |
//!
//! ## Calling convention
//! Every transform comes as a pair: `fft(&x)` is SciPy's call without
//! keywords, `fft_with(&x, &FftOptions { n: Some(8), axis: 0, norm: Norm::Ortho })`
//! takes SciPy's keywords; `..Default::default()` fills the rest with SciPy's
//! defaults. The 1-D transforms share [`FftOptions`] (`n`, `axis`, `norm`), the
//! 2-D and N-D ones [`FftnOptions`] (`s`, `axes`, `norm`).
//!
//! ## Element types
//! The transforms are generic over the float type ([`FftFloat`]: `f32`, `f64`)
//! and work on arrays of any dimension (`&Array`, `&ArrayView`, any `D`).
//! Where SciPy accepts real or complex input (`fft`, `irfft`, `hfft`, ...)
//! the input type is [`FftInput`]: `f32`, `f64`, `Complex32` or `Complex64`;
//! real input is promoted. `rfft`, `ihfft` take real input only, as in SciPy.
//!
//! ## Speed
//! Plans come from a process-wide, thread-safe cache of RustFFT planners, so
//! repeated transforms of one length plan once. Real transforms of even length
//! run one complex FFT of half the length. Lanes along a strided axis are
//! gathered a few at a time into contiguous buffers. With the `rayon` feature
//! (default) large multi-dimensional or batched transforms are split across
//! cores; `RAYON_NUM_THREADS=1` keeps them on one.

mod common;
mod complex;
mod dct;
pub mod fftpack;
mod fht;
mod helper;
mod hermitian;
mod kernels;
mod plan_cache;
mod real;

pub(crate) use common::into_dim;
pub use common::{FftOptions, FftnOptions, Norm};
pub use complex::{
    fft, fft_with, fft2, fft2_with, fftn, fftn_with, ifft, ifft_with, ifft2, ifft2_with, ifftn,
    ifftn_with,
};
pub use dct::{
    DctOptions, DctType, DctnOptions, dct, dct_with, dctn, dctn_with, dst, dst_with, dstn,
    dstn_with, idct, idct_with, idctn, idctn_with, idst, idst_with, idstn, idstn_with,
};
pub use fht::{
    FhtOptions, FhtoffsetOptions, fht, fht_with, fhtoffset, fhtoffset_with, ifht, ifht_with,
};
pub use helper::{
    ShiftOptions, fftfreq, fftshift, fftshift_with, ifftshift, ifftshift_with, next_fast_len,
    prev_fast_len, rfftfreq,
};
pub use hermitian::{
    hfft, hfft_with, hfft2, hfft2_with, hfftn, hfftn_with, ihfft, ihfft_with, ihfft2, ihfft2_with,
    ihfftn, ihfftn_with,
};
pub use plan_cache::{FftFloat, FftInput};
pub use real::{
    irfft, irfft_with, irfft2, irfft2_with, irfftn, irfftn_with, rfft, rfft_with, rfft2,
    rfft2_with, rfftn, rfftn_with,
};
