//! The element types of linear algebra: `f32`, `f64`, `Complex32`, `Complex64`.
//!
//! Every kernel is generic over [`Scalar`], so one implementation of LU,
//! Cholesky, QR, ... serves the four LAPACK types, as in SciPy.

use num_complex::{Complex32, Complex64};
use num_traits::{Float, NumAssign};
use std::fmt::{Debug, Display};
use std::iter::Sum;

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl Sealed for num_complex::Complex32 {}
    impl Sealed for num_complex::Complex64 {}
}

/// An element type of dense linear algebra: `f32`, `f64`, `Complex32` or
/// `Complex64` (SciPy's `float32`, `float64`, `complex64`, `complex128`).
///
/// The trait is sealed: it names the four types the kernels are written for and
/// cannot be implemented elsewhere. Functions such as
/// [`det`](crate::linalg::det) are generic over it, so the same call works on
/// real and complex matrices.
///
/// ```
/// use ferrosci::linalg::det;
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let i = Complex64::new(0.0, 1.0);
/// let a = array![[i, 0.0.into()], [0.0.into(), i]];
/// assert!((det(&a)? - Complex64::new(-1.0, 0.0)).norm() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub trait Scalar:
    sealed::Sealed
    + Copy
    + Debug
    + Display
    + PartialEq
    + Send
    + Sync
    + NumAssign
    + std::ops::Neg<Output = Self>
    + Sum
    + 'static
{
    /// The real type underneath (`f64` for `Complex64`).
    type Real: RealScalar;
    /// Whether the type is complex.
    const IS_COMPLEX: bool;
    /// Complex conjugate (identity for real types).
    fn conj(self) -> Self;
    /// Modulus `|z|`, computed without overflow (named apart from
    /// `Float::abs`, which real types also have).
    fn modulus(self) -> Self::Real;
    /// `|re| + |im|`: the cheap magnitude LAPACK uses to choose pivots.
    fn abs1(self) -> Self::Real;
    /// `|z|²` (may overflow for huge entries).
    fn abs2(self) -> Self::Real;
    /// Real part.
    fn re(self) -> Self::Real;
    /// Imaginary part (zero for real types).
    fn im(self) -> Self::Real;
    /// The number `re + 0i`.
    fn from_real(re: Self::Real) -> Self;
    /// `re + im·i`; `im` is dropped for real types.
    fn from_parts(re: Self::Real, im: Self::Real) -> Self;
    /// Converts from `f64` (rounding for `f32` types).
    fn from_f64(x: f64) -> Self {
        Self::from_real(Self::Real::from_f64_real(x))
    }
    /// Whether both parts are finite (named apart from `Float::is_finite`).
    fn is_finite_value(self) -> bool {
        Float::is_finite(self.re()) && Float::is_finite(self.im())
    }
    /// Multiplies by a real number.
    fn scale_real(self, s: Self::Real) -> Self;
    /// `C ← α·A·B + β·C` on raw strided storage, via `matrixmultiply`.
    ///
    /// # Safety
    /// `a` is valid for an `m × k` matrix with strides `(rsa, csa)`, `b` for a
    /// `k × n` matrix with `(rsb, csb)`, `c` for an `m × n` matrix with
    /// `(rsc, csc)` that does not overlap `a` or `b`.
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    unsafe fn gemm_raw(
        m: usize,
        k: usize,
        n: usize,
        alpha: Self,
        a: *const Self,
        rsa: isize,
        csa: isize,
        b: *const Self,
        rsb: isize,
        csb: isize,
        beta: Self,
        c: *mut Self,
        rsc: isize,
        csc: isize,
    );
}

/// The real element types, `f32` and `f64`.
pub trait RealScalar: Scalar<Real = Self> + Float + PartialOrd {
    /// Converts from `f64` (rounding for `f32`).
    fn from_f64_real(x: f64) -> Self;
    /// Converts to `f64` (exact).
    fn to_f64_real(self) -> f64;
}

macro_rules! real_scalar {
    ($t:ty, $gemm:path) => {
        impl Scalar for $t {
            type Real = $t;
            const IS_COMPLEX: bool = false;
            #[inline(always)]
            fn conj(self) -> Self {
                self
            }
            #[inline(always)]
            fn modulus(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn abs1(self) -> Self {
                <$t>::abs(self)
            }
            #[inline(always)]
            fn abs2(self) -> Self {
                self * self
            }
            #[inline(always)]
            fn re(self) -> Self {
                self
            }
            #[inline(always)]
            fn im(self) -> Self {
                0.0
            }
            #[inline(always)]
            fn from_real(re: Self) -> Self {
                re
            }
            #[inline(always)]
            fn from_parts(re: Self, _im: Self) -> Self {
                re
            }
            #[inline(always)]
            fn scale_real(self, s: Self) -> Self {
                self * s
            }
            unsafe fn gemm_raw(
                m: usize,
                k: usize,
                n: usize,
                alpha: Self,
                a: *const Self,
                rsa: isize,
                csa: isize,
                b: *const Self,
                rsb: isize,
                csb: isize,
                beta: Self,
                c: *mut Self,
                rsc: isize,
                csc: isize,
            ) {
                // SAFETY: forwarded contract of `gemm_raw`.
                unsafe { $gemm(m, k, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc) }
            }
        }
        impl RealScalar for $t {
            #[inline(always)]
            fn from_f64_real(x: f64) -> Self {
                x as $t
            }
            #[inline(always)]
            fn to_f64_real(self) -> f64 {
                self as f64
            }
        }
    };
}
real_scalar!(f32, matrixmultiply::sgemm);
// f64 has its own AVX-512 kernel (falling back to matrixmultiply).
real_scalar!(f64, super::kernels::dgemm::dgemm);

macro_rules! complex_scalar {
    ($t:ty, $r:ty, $gemm:ident) => {
        impl Scalar for $t {
            type Real = $r;
            const IS_COMPLEX: bool = true;
            #[inline(always)]
            fn conj(self) -> Self {
                <$t>::conj(&self)
            }
            #[inline(always)]
            fn modulus(self) -> $r {
                self.norm()
            }
            #[inline(always)]
            fn abs1(self) -> $r {
                self.re.abs() + self.im.abs()
            }
            #[inline(always)]
            fn abs2(self) -> $r {
                self.norm_sqr()
            }
            #[inline(always)]
            fn re(self) -> $r {
                self.re
            }
            #[inline(always)]
            fn im(self) -> $r {
                self.im
            }
            #[inline(always)]
            fn from_real(re: $r) -> Self {
                <$t>::new(re, 0.0)
            }
            #[inline(always)]
            fn from_parts(re: $r, im: $r) -> Self {
                <$t>::new(re, im)
            }
            #[inline(always)]
            fn scale_real(self, s: $r) -> Self {
                <$t>::new(self.re * s, self.im * s)
            }
            unsafe fn gemm_raw(
                m: usize,
                k: usize,
                n: usize,
                alpha: Self,
                a: *const Self,
                rsa: isize,
                csa: isize,
                b: *const Self,
                rsb: isize,
                csb: isize,
                beta: Self,
                c: *mut Self,
                rsc: isize,
                csc: isize,
            ) {
                use matrixmultiply::CGemmOption::Standard;
                // SAFETY: `Complex<T>` is `#[repr(C)]` with fields `re, im`, the
                // same layout as `[T; 2]`; the rest is the forwarded contract.
                unsafe {
                    matrixmultiply::$gemm(
                        Standard,
                        Standard,
                        m,
                        k,
                        n,
                        [alpha.re, alpha.im],
                        a.cast(),
                        rsa,
                        csa,
                        b.cast(),
                        rsb,
                        csb,
                        [beta.re, beta.im],
                        c.cast(),
                        rsc,
                        csc,
                    )
                }
            }
        }
    };
}
complex_scalar!(Complex32, f32, cgemm);
complex_scalar!(Complex64, f64, zgemm);
