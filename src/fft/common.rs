//! What every transform shares: the normalisation enum, the options structs,
//! resolving `n`/`s`/`axis`/`axes` like SciPy, and the unnormalised drivers
//! (complex, real-to-complex, complex-to-real) over any set of axes.

use crate::check;
use crate::fft::kernels::lanes::for_each_lane;
use crate::fft::kernels::real::{c2c_lanes, irfft_lanes, rfft_lanes};
use crate::fft::plan_cache::{Buffers, FftFloat, FftInput, cst};
use crate::{Error, Result};
use ndarray::{ArrayD, ArrayRef, Axis, Dimension, IxDyn, Slice};
use num_complex::Complex;
use rustfft::FftDirection;

/// Normalisation of a transform pair (SciPy's `norm=`).
///
/// ```text
/// Backward: forward unscaled, inverse × 1/n      (SciPy's default)
/// Ortho:    both × 1/√n                           (unitary)
/// Forward:  forward × 1/n, inverse unscaled
/// ```
/// `n` is the product of the transformed (logical) lengths.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Norm {
    /// `norm="backward"`: scale the inverse by 1/n.
    #[default]
    Backward,
    /// `norm="ortho"`: scale both directions by 1/√n.
    Ortho,
    /// `norm="forward"`: scale the forward transform by 1/n.
    Forward,
}

impl Norm {
    /// Factor of the forward transform of `n` points.
    pub(crate) fn forward_scale(self, n: usize) -> f64 {
        match self {
            Norm::Backward => 1.0,
            Norm::Ortho => 1.0 / (n as f64).sqrt(),
            Norm::Forward => 1.0 / n as f64,
        }
    }
    /// Factor of the inverse transform of `n` points.
    pub(crate) fn inverse_scale(self, n: usize) -> f64 {
        match self {
            Norm::Backward => 1.0 / n as f64,
            Norm::Ortho => 1.0 / (n as f64).sqrt(),
            Norm::Forward => 1.0,
        }
    }
}

/// Options of the 1-D transforms (`fft`, `ifft`, `rfft`, `irfft`, `hfft`, `ihfft`).
///
/// SciPy's keywords `n`, `axis`, `norm`; `Default` is SciPy's default
/// (`n=None, axis=-1, norm="backward"`).
#[derive(Debug, Clone, PartialEq)]
pub struct FftOptions {
    /// Length of the transform: the input is zero-padded or truncated along
    /// `axis` to this length. `None` = the input's length (for `irfft`/`hfft`:
    /// `2(m-1)` for `m` input points).
    pub n: Option<usize>,
    /// Axis to transform; negative counts from the end.
    pub axis: isize,
    /// Normalisation mode.
    pub norm: Norm,
}

impl Default for FftOptions {
    fn default() -> Self {
        Self {
            n: None,
            axis: -1,
            norm: Norm::Backward,
        }
    }
}

/// Options of the n-D transforms (`fftn`, `fft2`, `rfftn`, `irfftn`, `hfftn`, ...).
///
/// SciPy's keywords `s`, `axes`, `norm`. `axes: None` means every axis for the
/// `*n` functions, the last two for the `*2` functions, or the last `s.len()`
/// axes when only `s` is given.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FftnOptions {
    /// Transform lengths along `axes` (pad or truncate, like `n`).
    pub s: Option<Vec<usize>>,
    /// Axes to transform, negative from the end; must be unique.
    pub axes: Option<Vec<isize>>,
    /// Normalisation mode.
    pub norm: Norm,
}

impl FftnOptions {
    /// The options with `axes` defaulted to the last two (for `fft2` & co.).
    pub(crate) fn two_d(&self) -> FftnOptions {
        let mut o = self.clone();
        if o.axes.is_none() {
            o.axes = Some(vec![-2, -1]);
        }
        o
    }
}

pub(crate) fn zero_points(name: &'static str) -> Error {
    check::invalid(name, "invalid number of data points (0) specified")
}

/// Resolves `n` and `axis` against `shape`: `(axis, n)`. `default_n` maps the
/// input length to the default transform length.
pub(crate) fn resolve_1d(
    shape: &[usize],
    n: Option<usize>,
    axis: isize,
    default_n: impl Fn(usize) -> Option<usize>,
) -> Result<(usize, usize)> {
    if shape.is_empty() {
        return Err(check::invalid("x", "must have at least one dimension"));
    }
    let ax = check::axis("axis", axis, shape.len())?;
    let n = match n {
        Some(0) => return Err(zero_points("n")),
        Some(n) => n,
        None => match default_n(shape[ax]) {
            Some(n) if n > 0 => n,
            _ => return Err(zero_points("x")),
        },
    };
    Ok((ax, n))
}

/// Resolves `s` and `axes` like SciPy: `(axes, lengths)`. `default_last` maps
/// the input length of the last axis to its default transform length.
pub(crate) fn resolve_nd(
    shape: &[usize],
    opts: &FftnOptions,
    default_last: impl Fn(usize) -> Option<usize>,
    allow_no_axes: bool,
) -> Result<(Vec<usize>, Vec<usize>)> {
    let ndim = shape.len();
    let axes: Vec<usize> = match (&opts.axes, &opts.s) {
        (Some(axes), s) => {
            if let Some(s) = s
                && s.len() != axes.len()
            {
                return Err(check::invalid(
                    "s",
                    format!(
                        "has {} entries but `axes` has {}: they must match",
                        s.len(),
                        axes.len()
                    ),
                ));
            }
            let r = axes
                .iter()
                .map(|&a| check::axis("axes", a, ndim))
                .collect::<Result<Vec<_>>>()?;
            for (i, a) in r.iter().enumerate() {
                if r[..i].contains(a) {
                    return Err(check::invalid(
                        "axes",
                        format!("all axes must be unique, got {axes:?}"),
                    ));
                }
            }
            r
        }
        (None, Some(s)) => {
            if s.len() > ndim {
                return Err(check::invalid(
                    "s",
                    format!("has {} entries, more than the {ndim} axes of `x`", s.len()),
                ));
            }
            (ndim - s.len()..ndim).collect()
        }
        (None, None) => (0..ndim).collect(),
    };
    if axes.is_empty() && !allow_no_axes {
        return Err(check::invalid(
            "axes",
            "at least 1 axis must be transformed",
        ));
    }
    let lens = match &opts.s {
        Some(s) => {
            if s.contains(&0) {
                return Err(zero_points("s"));
            }
            s.clone()
        }
        None => {
            let mut l: Vec<usize> = axes.iter().map(|&a| shape[a]).collect();
            if let Some(last) = l.last_mut() {
                *last = default_last(*last).unwrap_or(0);
            }
            if l.contains(&0) {
                return Err(zero_points("x"));
            }
            l
        }
    };
    Ok((axes, lens))
}

/// Inputs at least this long are copied in parallel (with `rayon`).
#[cfg(feature = "rayon")]
const PAR_COPY_MIN: usize = 1 << 20;

/// `x` mapped through `f`, zero-padded or truncated to `lens` along `axes`, in
/// row-major layout.
pub(crate) fn resized<A, B, D>(
    x: &ArrayRef<A, D>,
    axes: &[usize],
    lens: &[usize],
    f: impl Fn(A) -> B + Sync,
) -> ArrayD<B>
where
    A: Copy + Sync,
    B: Copy + Default + Send,
    D: Dimension,
{
    let x = x.view().into_dyn();
    let mut shape = x.shape().to_vec();
    for (&a, &l) in axes.iter().zip(lens) {
        shape[a] = l;
    }
    if shape == x.shape() {
        #[cfg(feature = "rayon")]
        if let Some(src) = x.as_slice()
            && src.len() >= PAR_COPY_MIN
            && rayon::current_num_threads() > 1
        {
            // The copy of a large input is a serial step before the parallel
            // lanes; splitting it keeps multi-core transforms scaling.
            use rayon::prelude::*;
            let data: Vec<B> = src.par_iter().map(|&v| f(v)).collect();
            return ArrayD::from_shape_vec(IxDyn(&shape), data).expect("same number of elements");
        }
        let out = x.mapv(f);
        return if out.is_standard_layout() {
            out
        } else {
            out.as_standard_layout().into_owned()
        };
    }
    let mut out = ArrayD::from_elem(IxDyn(&shape), B::default());
    let common: Vec<usize> = shape
        .iter()
        .zip(x.shape())
        .map(|(&a, &b)| a.min(b))
        .collect();
    out.slice_each_axis_mut(|ad| Slice::from(0..common[ad.axis.index()]))
        .zip_mut_with(
            &x.slice_each_axis(|ad| Slice::from(0..common[ad.axis.index()])),
            |o, &i| *o = f(i),
        );
    out
}

/// Multiplies every element by `f` (skipped when `f == 1`).
pub(crate) fn scale<T: FftFloat, D: Dimension>(a: &mut ndarray::Array<Complex<T>, D>, f: f64) {
    if f != 1.0 {
        let f = cst::<T>(f);
        a.mapv_inplace(|v| v * f);
    }
}

/// Multiplies every element of a real array by `f` (skipped when `f == 1`).
pub(crate) fn scale_real<T: FftFloat, D: Dimension>(a: &mut ndarray::Array<T, D>, f: f64) {
    if f != 1.0 {
        let f = cst::<T>(f);
        a.mapv_inplace(|v| v * f);
    }
}

/// Unnormalised complex transform of `a` (row-major) in place along `axes`.
pub(crate) fn c2c_inplace<T: FftFloat>(
    a: &mut ArrayD<Complex<T>>,
    axes: &[usize],
    dir: FftDirection,
) {
    let shape = a.shape().to_vec();
    let data = a.as_slice_mut().expect("row-major by construction");
    // Contiguous last axis first, then the strided ones: same result, and the
    // strided passes then touch data already in cache for small arrays.
    let mut order = axes.to_vec();
    order.sort_unstable_by(|a, b| b.cmp(a));
    for ax in order {
        let n = shape[ax];
        for_each_lane(data, &shape, ax, &|buf: &mut [Complex<T>]| {
            c2c_lanes(buf, n, dir, &mut Buffers::<T>::take().scratch)
        });
    }
}

/// Unnormalised complex transform of `x` padded/truncated to `lens` along `axes`.
pub(crate) fn c2c<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    axes: &[usize],
    lens: &[usize],
    dir: FftDirection,
) -> ArrayD<Complex<A::Real>> {
    let mut a = resized(x, axes, lens, A::to_complex);
    c2c_inplace(&mut a, axes, dir);
    a
}

/// Unnormalised real-to-complex transform of a row-major real array along
/// one axis (its length is the transform length `n`): `n/2 + 1` outputs.
pub(crate) fn r2c_axis<T: FftFloat>(x: &ArrayD<T>, axis: usize) -> ArrayD<Complex<T>> {
    let n = x.shape()[axis];
    let mut shape = x.shape().to_vec();
    let m = n / 2 + 1;
    shape[axis] = m;
    if n % 2 == 1 {
        let mut a = x.mapv(|v| Complex::new(v, T::zero()));
        c2c_inplace(&mut a, &[axis], FftDirection::Forward);
        return a.slice_axis(Axis(axis), Slice::from(0..m)).to_owned();
    }
    let h = n / 2;
    let mut out = ArrayD::from_elem(IxDyn(&shape), Complex::default());
    ndarray::Zip::from(out.lanes_mut(Axis(axis)))
        .and(x.lanes(Axis(axis)))
        .for_each(|mut o, i| match (o.as_slice_mut(), i.as_slice()) {
            (Some(o), Some(i)) => {
                for (o, p) in o.iter_mut().zip(i.chunks_exact(2)) {
                    *o = Complex::new(p[0], p[1]);
                }
            }
            (_, _) => {
                for k in 0..h {
                    o[k] = Complex::new(i[2 * k], i[2 * k + 1]);
                }
            }
        });
    let data = out.as_slice_mut().expect("row-major by construction");
    for_each_lane(data, &shape, axis, &|buf: &mut [Complex<T>]| {
        rfft_lanes(buf, n, &mut Buffers::<T>::take().scratch)
    });
    out
}

/// Unnormalised complex-to-real transform along one axis of a row-major
/// complex array holding `n/2 + 1` points per lane: `n` real outputs.
pub(crate) fn c2r_axis<T: FftFloat>(mut a: ArrayD<Complex<T>>, axis: usize, n: usize) -> ArrayD<T> {
    let m = n / 2 + 1;
    debug_assert_eq!(a.shape()[axis], m);
    let mut shape = a.shape().to_vec();
    shape[axis] = n;
    if n % 2 == 1 {
        let mut full = ArrayD::from_elem(IxDyn(&shape), Complex::default());
        ndarray::Zip::from(full.lanes_mut(Axis(axis)))
            .and(a.lanes(Axis(axis)))
            .for_each(|mut f, h| {
                f[0] = Complex::new(h[0].re, T::zero());
                for k in 1..m {
                    f[k] = h[k];
                    f[n - k] = h[k].conj();
                }
            });
        c2c_inplace(&mut full, &[axis], FftDirection::Inverse);
        return full.mapv(|v| v.re);
    }
    let ashape = a.shape().to_vec();
    let data = a.as_slice_mut().expect("row-major by construction");
    for_each_lane(data, &ashape, axis, &|buf: &mut [Complex<T>]| {
        irfft_lanes(buf, n, &mut Buffers::<T>::take().scratch)
    });
    let mut out = ArrayD::from_elem(IxDyn(&shape), T::zero());
    let h = n / 2;
    ndarray::Zip::from(out.lanes_mut(Axis(axis)))
        .and(a.lanes(Axis(axis)))
        .for_each(|mut o, i| match (o.as_slice_mut(), i.as_slice()) {
            (Some(o), Some(i)) => {
                for (p, v) in o.chunks_exact_mut(2).zip(i) {
                    p[0] = v.re;
                    p[1] = v.im;
                }
            }
            (_, _) => {
                for k in 0..h {
                    o[2 * k] = i[k].re;
                    o[2 * k + 1] = i[k].im;
                }
            }
        });
    out
}

/// Unnormalised n-D real-to-complex transform: `rfft` along the last of
/// `axes`, complex transforms along the others.
pub(crate) fn r2c<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    axes: &[usize],
    lens: &[usize],
) -> ArrayD<Complex<T>> {
    let xr = resized(x, axes, lens, |v| v);
    let (&last, rest) = axes.split_last().expect("at least one axis");
    let mut a = r2c_axis(&xr, last);
    c2c_inplace(&mut a, rest, FftDirection::Forward);
    a
}

/// Unnormalised n-D complex-to-real transform (inverse of [`r2c`]); `lens`
/// are the output lengths. With `conj`, transforms the conjugate of `x`.
pub(crate) fn c2r<A: FftInput, D: Dimension>(
    x: &ArrayRef<A, D>,
    axes: &[usize],
    lens: &[usize],
    conj: bool,
) -> ArrayD<A::Real> {
    let (&last, rest) = axes.split_last().expect("at least one axis");
    let mut inl = lens.to_vec();
    let n = *inl.last().expect("at least one axis");
    *inl.last_mut().expect("at least one axis") = n / 2 + 1;
    let mut a = if conj {
        resized(x, axes, &inl, |v| v.to_complex().conj())
    } else {
        resized(x, axes, &inl, A::to_complex)
    };
    c2c_inplace(&mut a, rest, FftDirection::Inverse);
    c2r_axis(a, last, n)
}

/// Converts a dynamic-dimensional result back to the caller's dimension type.
pub(crate) fn into_dim<A, D: Dimension>(a: ArrayD<A>) -> ndarray::Array<A, D> {
    a.into_dimensionality::<D>()
        .expect("transforms keep the number of dimensions")
}
