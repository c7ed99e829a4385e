//! Discrete cosine and sine transforms of types I–IV: `dct`, `idct`, `dst`,
//! `idst` and their n-D forms `dctn`, `idctn`, `dstn`, `idstn`.

use crate::fft::common::{Norm, resized, resolve_1d, resolve_nd};
use crate::fft::into_dim;
use crate::fft::kernels::lanes::for_each_lane;
use crate::fft::kernels::trig::{Trig, Work, transform};
use crate::fft::plan_cache::{FftFloat, cst};
use crate::{Result, check};
use ndarray::{Array, ArrayD, ArrayRef, Dimension};

/// The DCT/DST variant (SciPy's `type=1..4`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DctType {
    /// `type=1`: DCT-I needs at least two points.
    Type1,
    /// `type=2`: the DCT ("the" DCT of JPEG and SciPy's default).
    #[default]
    Type2,
    /// `type=3`: the inverse of type 2 up to scale.
    Type3,
    /// `type=4`: its own inverse up to scale.
    Type4,
}

impl DctType {
    fn number(self) -> u8 {
        match self {
            DctType::Type1 => 1,
            DctType::Type2 => 2,
            DctType::Type3 => 3,
            DctType::Type4 => 4,
        }
    }
    fn inverse(self) -> DctType {
        match self {
            DctType::Type2 => DctType::Type3,
            DctType::Type3 => DctType::Type2,
            t => t,
        }
    }
}

/// Options of [`dct_with`], [`idct_with`], [`dst_with`], [`idst_with`]: SciPy's
/// keywords `type`, `n`, `axis`, `norm`, `orthogonalize`.
#[derive(Debug, Clone, PartialEq)]
pub struct DctOptions {
    /// Transform type (default 2).
    pub r#type: DctType,
    /// Length: pad with zeros or truncate along `axis`; `None` = the input's.
    pub n: Option<usize>,
    /// Axis to transform, negative from the end (default -1).
    pub axis: isize,
    /// Normalisation (default backward).
    pub norm: Norm,
    /// Use the orthogonalised variant; `None` = only with `Norm::Ortho`, as SciPy.
    pub orthogonalize: Option<bool>,
}

impl Default for DctOptions {
    fn default() -> Self {
        Self {
            r#type: DctType::Type2,
            n: None,
            axis: -1,
            norm: Norm::Backward,
            orthogonalize: None,
        }
    }
}

/// Options of [`dctn_with`], [`idctn_with`], [`dstn_with`], [`idstn_with`]:
/// SciPy's keywords `type`, `s`, `axes`, `norm`, `orthogonalize`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DctnOptions {
    /// Transform type (default 2).
    pub r#type: DctType,
    /// Lengths along `axes` (pad or truncate).
    pub s: Option<Vec<usize>>,
    /// Axes to transform; `None` = all (or the last `s.len()`).
    pub axes: Option<Vec<isize>>,
    /// Normalisation (default backward).
    pub norm: Norm,
    /// Use the orthogonalised variant; `None` = only with `Norm::Ortho`.
    pub orthogonalize: Option<bool>,
}

/// One resolved 1-D pass: kind, type actually computed, scale, orthogonalisation.
#[derive(Clone, Copy)]
struct Pass {
    kind: Trig,
    ty: DctType,
    inverse: bool,
    norm: Norm,
    orth: bool,
}

impl Pass {
    fn new(kind: Trig, ty: DctType, inverse: bool, norm: Norm, orth: Option<bool>) -> Self {
        let ty = if inverse { ty.inverse() } else { ty };
        Pass {
            kind,
            ty,
            inverse,
            norm,
            orth: orth.unwrap_or(norm == Norm::Ortho),
        }
    }

    /// The logical length whose 1/m (or 1/√m) normalises a transform of `n` points.
    fn logical(self, n: usize) -> usize {
        match (self.kind, self.ty) {
            (Trig::Cos, DctType::Type1) => 2 * (n - 1),
            (Trig::Sin, DctType::Type1) => 2 * (n + 1),
            _ => 2 * n,
        }
    }

    fn check(self, n: usize, name: &'static str) -> Result<()> {
        if self.kind == Trig::Cos && self.ty == DctType::Type1 && n < 2 {
            return Err(check::invalid(
                name,
                format!("a type-1 DCT needs at least 2 points, got {n}"),
            ));
        }
        Ok(())
    }

    /// Runs the pass along `axis` of the row-major `a`.
    fn run<T: FftFloat>(self, a: &mut ArrayD<T>, axis: usize) {
        let shape = a.shape().to_vec();
        let n = shape[axis];
        let m = self.logical(n);
        let scale = cst::<T>(if self.inverse {
            self.norm.inverse_scale(m)
        } else {
            self.norm.forward_scale(m)
        });
        let r2 = cst::<T>(std::f64::consts::SQRT_2);
        let (kind, ty, orth) = (self.kind, self.ty, self.orth);
        let data = a.as_slice_mut().expect("row-major by construction");
        for_each_lane(data, &shape, axis, &|buf: &mut [T]| {
            let mut w = Work::take();
            for x in buf.chunks_exact_mut(n) {
                if orth {
                    match (kind, ty) {
                        (Trig::Cos, DctType::Type1) => {
                            x[0] = x[0] * r2;
                            x[n - 1] = x[n - 1] * r2;
                        }
                        (Trig::Cos, DctType::Type3) => x[0] = x[0] * r2,
                        (Trig::Sin, DctType::Type3) => x[n - 1] = x[n - 1] * r2,
                        _ => {}
                    }
                }
                transform(x, kind, ty.number(), &mut w);
                if orth {
                    match (kind, ty) {
                        (Trig::Cos, DctType::Type1) => {
                            x[0] = x[0] / r2;
                            x[n - 1] = x[n - 1] / r2;
                        }
                        (Trig::Cos, DctType::Type2) => x[0] = x[0] / r2,
                        (Trig::Sin, DctType::Type2) => x[n - 1] = x[n - 1] / r2,
                        _ => {}
                    }
                }
                if scale != T::one() {
                    x.iter_mut().for_each(|v| *v = *v * scale);
                }
            }
        });
    }
}

fn one_d<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctOptions,
    kind: Trig,
    inverse: bool,
) -> Result<Array<T, D>> {
    let (ax, n) = resolve_1d(x.shape(), opts.n, opts.axis, Some)?;
    let pass = Pass::new(kind, opts.r#type, inverse, opts.norm, opts.orthogonalize);
    pass.check(n, if opts.n.is_some() { "n" } else { "x" })?;
    let mut a = resized(x, &[ax], &[n], |v| v);
    pass.run(&mut a, ax);
    Ok(into_dim(a))
}

fn n_d<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctnOptions,
    kind: Trig,
    inverse: bool,
) -> Result<Array<T, D>> {
    let fopts = crate::fft::FftnOptions {
        s: opts.s.clone(),
        axes: opts.axes.clone(),
        norm: opts.norm,
    };
    let (axes, lens) = resolve_nd(x.shape(), &fopts, Some, true)?;
    let pass = Pass::new(kind, opts.r#type, inverse, opts.norm, opts.orthogonalize);
    for &n in &lens {
        pass.check(n, if opts.s.is_some() { "s" } else { "x" })?;
    }
    let mut a = resized(x, &axes, &lens, |v| v);
    for &ax in &axes {
        pass.run(&mut a, ax);
    }
    Ok(into_dim(a))
}

/// Discrete cosine transform, type 2 along the last axis (SciPy `scipy.fft.dct(x)`).
///
/// ```text
/// type 1: y_k = x_0 + (-1)^k x_{n-1} + 2 Σ_{j=1}^{n-2} x_j cos(πjk/(n-1))
/// type 2: y_k = 2 Σ_j x_j cos(πk(2j+1)/(2n))
/// type 3: y_k = x_0 + 2 Σ_{j≥1} x_j cos(πj(2k+1)/(2n))
/// type 4: y_k = 2 Σ_j x_j cos(π(2j+1)(2k+1)/(4n))
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `x` has no
/// points along the axis.
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::dct(&array![1.0_f64, 2.0, 3.0])?;
/// assert!((y[0] - 12.0).abs() < 1e-14 && (y[1] + 3.4641016151377544).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dct<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    dct_with(x, &DctOptions::default())
}

/// [`dct`] with SciPy's keywords `type`, `n`, `axis`, `norm`, `orthogonalize`.
///
/// With `Norm::Ortho` (and `orthogonalize` left at `None`) the transform
/// matrix is orthogonal, so [`idct_with`] with the same options inverts it.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `n`,
/// `axis` or `x`; a type-1 DCT of fewer than 2 points.
///
/// # Examples
/// ```
/// use ferrosci::fft::{dct_with, DctOptions, DctType, Norm};
/// use ndarray::array;
/// let o = DctOptions { r#type: DctType::Type1, norm: Norm::Forward, ..Default::default() };
/// let y = dct_with(&array![1.0_f64, 1.0, 1.0], &o)?;
/// assert!((y[0] - 1.0).abs() < 1e-15 && y[1].abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dct_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctOptions,
) -> Result<Array<T, D>> {
    one_d(x, opts, Trig::Cos, false)
}

/// Inverse discrete cosine transform (SciPy `scipy.fft.idct(x)`): the DCT of
/// the inverse type (2 ↔ 3, 1 and 4 self-inverse) scaled by 1/(2n) (1/(2(n-1)) for type 1).
///
/// # Errors
/// As [`dct`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dct, idct};
/// use ndarray::array;
/// let x = array![1.0_f64, -2.0, 0.5, 4.0];
/// assert!(idct(&dct(&x)?)?.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idct<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    idct_with(x, &DctOptions::default())
}

/// [`idct`] with SciPy's keywords `type`, `n`, `axis`, `norm`, `orthogonalize`.
///
/// # Errors
/// As [`dct_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dct_with, idct_with, DctOptions, DctType, Norm};
/// use ndarray::array;
/// let o = DctOptions { r#type: DctType::Type4, norm: Norm::Ortho, ..Default::default() };
/// let x = array![1.0_f64, 2.0, 3.0];
/// let back = idct_with(&dct_with(&x, &o)?, &o)?;
/// assert!(back.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idct_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctOptions,
) -> Result<Array<T, D>> {
    one_d(x, opts, Trig::Cos, true)
}

/// Discrete sine transform, type 2 along the last axis (SciPy `scipy.fft.dst(x)`).
///
/// ```text
/// type 1: y_k = 2 Σ_j x_j sin(π(j+1)(k+1)/(n+1))
/// type 2: y_k = 2 Σ_j x_j sin(π(k+1)(2j+1)/(2n))
/// type 3: y_k = (-1)^k x_{n-1} + 2 Σ_{j<n-1} x_j sin(π(j+1)(2k+1)/(2n))
/// type 4: y_k = 2 Σ_j x_j sin(π(2j+1)(2k+1)/(4n))
/// ```
///
/// # Errors
/// As [`dct`].
///
/// # Examples
/// ```
/// use ndarray::array;
/// let y = ferrosci::fft::dst(&array![1.0_f64, 1.0])?;
/// assert!((y[0] - 2.0 * 2f64.sqrt()).abs() < 1e-14 && y[1].abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dst<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    dst_with(x, &DctOptions::default())
}

/// [`dst`] with SciPy's keywords `type`, `n`, `axis`, `norm`, `orthogonalize`.
///
/// # Errors
/// As [`dct_with`] (every DST type accepts a single point).
///
/// # Examples
/// ```
/// use ferrosci::fft::{dst_with, DctOptions, DctType};
/// use ndarray::array;
/// let y = dst_with(&array![1.0_f64], &DctOptions { r#type: DctType::Type1, ..Default::default() })?;
/// assert!((y[0] - 2.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dst_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctOptions,
) -> Result<Array<T, D>> {
    one_d(x, opts, Trig::Sin, false)
}

/// Inverse discrete sine transform (SciPy `scipy.fft.idst(x)`).
///
/// # Errors
/// As [`dct`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dst, idst};
/// use ndarray::array;
/// let x = array![1.0_f64, -2.0, 0.5];
/// assert!(idst(&dst(&x)?)?.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idst<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    idst_with(x, &DctOptions::default())
}

/// [`idst`] with SciPy's keywords `type`, `n`, `axis`, `norm`, `orthogonalize`.
///
/// # Errors
/// As [`dct_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dst_with, idst_with, DctOptions, DctType};
/// use ndarray::array;
/// let o = DctOptions { r#type: DctType::Type1, ..Default::default() };
/// let x = array![1.0_f64, 2.0, 3.0];
/// let back = idst_with(&dst_with(&x, &o)?, &o)?;
/// assert!(back.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idst_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctOptions,
) -> Result<Array<T, D>> {
    one_d(x, opts, Trig::Sin, true)
}

/// N-D discrete cosine transform over every axis (SciPy `scipy.fft.dctn(x)`).
///
/// # Errors
/// As [`dctn_with`].
///
/// # Examples
/// ```
/// use ndarray::Array2;
/// let y = ferrosci::fft::dctn(&Array2::<f64>::ones((2, 3)))?;
/// assert!((y[[0, 0]] - 24.0).abs() < 1e-13 && y[[1, 1]].abs() < 1e-13);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dctn<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    dctn_with(x, &DctnOptions::default())
}

/// [`dctn`] with SciPy's keywords `type`, `s`, `axes`, `norm`, `orthogonalize`.
///
/// # Errors
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) naming `axes`,
/// `s` or `x` (as [`fftn_with`](crate::fft::fftn_with)); a type-1 DCT of
/// fewer than 2 points.
///
/// # Examples
/// ```
/// use ferrosci::fft::{dctn_with, idctn_with, DctnOptions, Norm};
/// use ndarray::Array3;
/// let x = Array3::from_shape_fn((2, 3, 4), |(i, j, k)| (i + j * k) as f64);
/// let o = DctnOptions { norm: Norm::Ortho, ..Default::default() };
/// let back = idctn_with(&dctn_with(&x, &o)?, &o)?;
/// assert!(back.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dctn_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctnOptions,
) -> Result<Array<T, D>> {
    n_d(x, opts, Trig::Cos, false)
}

/// N-D inverse discrete cosine transform (SciPy `scipy.fft.idctn(x)`).
///
/// # Errors
/// As [`dctn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dctn, idctn};
/// use ndarray::Array2;
/// let x = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
/// assert!(idctn(&dctn(&x)?)?.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idctn<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    idctn_with(x, &DctnOptions::default())
}

/// [`idctn`] with SciPy's keywords `type`, `s`, `axes`, `norm`, `orthogonalize`.
///
/// # Errors
/// As [`dctn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dctn_with, idctn_with, DctnOptions, DctType};
/// use ndarray::Array2;
/// let x = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
/// let o = DctnOptions { r#type: DctType::Type1, axes: Some(vec![0]), ..Default::default() };
/// let back = idctn_with(&dctn_with(&x, &o)?, &o)?;
/// assert!(back.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idctn_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctnOptions,
) -> Result<Array<T, D>> {
    n_d(x, opts, Trig::Cos, true)
}

/// N-D discrete sine transform over every axis (SciPy `scipy.fft.dstn(x)`).
///
/// # Errors
/// As [`dctn_with`].
///
/// # Examples
/// ```
/// use ndarray::Array2;
/// let y = ferrosci::fft::dstn(&Array2::<f64>::ones((1, 2)))?;
/// assert!((y[[0, 0]] - 2.0 * 2.0 * 2f64.sqrt()).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dstn<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    dstn_with(x, &DctnOptions::default())
}

/// [`dstn`] with SciPy's keywords `type`, `s`, `axes`, `norm`, `orthogonalize`.
///
/// # Errors
/// As [`dctn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dstn_with, idstn_with, DctnOptions, DctType, Norm};
/// use ndarray::Array2;
/// let x = Array2::from_shape_fn((3, 5), |(i, j)| (i as f64) - (j as f64).sqrt());
/// let o = DctnOptions { r#type: DctType::Type3, norm: Norm::Forward, ..Default::default() };
/// let back = idstn_with(&dstn_with(&x, &o)?, &o)?;
/// assert!(back.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn dstn_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctnOptions,
) -> Result<Array<T, D>> {
    n_d(x, opts, Trig::Sin, false)
}

/// N-D inverse discrete sine transform (SciPy `scipy.fft.idstn(x)`).
///
/// # Errors
/// As [`dctn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{dstn, idstn};
/// use ndarray::Array2;
/// let x = Array2::from_shape_fn((3, 4), |(i, j)| (i * 4 + j) as f64);
/// assert!(idstn(&dstn(&x)?)?.iter().zip(&x).all(|(a, b)| (a - b).abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idstn<T: FftFloat, D: Dimension>(x: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    idstn_with(x, &DctnOptions::default())
}

/// [`idstn`] with SciPy's keywords `type`, `s`, `axes`, `norm`, `orthogonalize`.
///
/// # Errors
/// As [`dctn_with`].
///
/// # Examples
/// ```
/// use ferrosci::fft::{idstn_with, DctnOptions};
/// use ndarray::Array2;
/// let y = idstn_with(&Array2::<f64>::ones((2, 2)), &DctnOptions { s: Some(vec![2, 3]), ..Default::default() })?;
/// assert_eq!(y.shape(), &[2, 3]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn idstn_with<T: FftFloat, D: Dimension>(
    x: &ArrayRef<T, D>,
    opts: &DctnOptions,
) -> Result<Array<T, D>> {
    n_d(x, opts, Trig::Sin, true)
}
