//! The element types of the module and the process-wide, thread-safe caches of
//! rustfft plans and real-transform twiddles, one set per float type.

use num_complex::Complex;
use rustfft::{Fft, FftDirection, FftNum, FftPlanner};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

mod sealed {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
    impl<T: super::FftFloat> Sealed for num_complex::Complex<T> {}
}

/// The float types the transforms run in: `f32` and `f64` (sealed).
///
/// Every transform is generic over it, so `Array<f32, _>` in gives
/// `Array<Complex32, _>` out, as SciPy keeps single precision.
pub trait FftFloat: sealed::Sealed + FftNum + num_traits::Float + Default {
    #[doc(hidden)]
    fn cache() -> &'static PlanCache<Self>;
}

/// Element types accepted where SciPy accepts real or complex input:
/// `f32`, `f64`, `Complex32`, `Complex64` (sealed).
pub trait FftInput: sealed::Sealed + Copy + Send + Sync {
    /// The float type of the transform.
    type Real: FftFloat;
    #[doc(hidden)]
    fn to_complex(self) -> Complex<Self::Real>;
}

impl FftInput for f32 {
    type Real = f32;
    fn to_complex(self) -> Complex<f32> {
        Complex::new(self, 0.0)
    }
}
impl FftInput for f64 {
    type Real = f64;
    fn to_complex(self) -> Complex<f64> {
        Complex::new(self, 0.0)
    }
}
impl<T: FftFloat> FftInput for Complex<T> {
    type Real = T;
    fn to_complex(self) -> Complex<T> {
        self
    }
}

/// Planned transforms and twiddle tables for one float type.
/// A pair of complex work buffers.
type BufferPair<T> = (Vec<Complex<T>>, Vec<Complex<T>>);

#[doc(hidden)]
pub struct PlanCache<T: FftNum> {
    planner: Mutex<FftPlanner<T>>,
    twiddles: Mutex<HashMap<usize, Arc<Vec<Complex<T>>>>>,
    quarter: Mutex<HashMap<usize, Arc<Vec<Complex<T>>>>>,
    pool: Mutex<Vec<BufferPair<T>>>,
}

impl<T: FftFloat> PlanCache<T> {
    fn new() -> Self {
        Self {
            planner: Mutex::new(FftPlanner::new()),
            twiddles: Mutex::new(HashMap::new()),
            quarter: Mutex::new(HashMap::new()),
            pool: Mutex::new(Vec::new()),
        }
    }
}

macro_rules! impl_float {
    ($t:ty) => {
        impl FftFloat for $t {
            fn cache() -> &'static PlanCache<$t> {
                static CACHE: OnceLock<PlanCache<$t>> = OnceLock::new();
                CACHE.get_or_init(PlanCache::new)
            }
        }
    };
}
impl_float!(f32);
impl_float!(f64);

/// The (cached) complex FFT of length `n` in direction `dir`.
pub(crate) fn plan<T: FftFloat>(n: usize, dir: FftDirection) -> Arc<dyn Fft<T>> {
    // A poisoned lock only means another thread panicked mid-plan; the planner's
    // cache stays consistent, so keep using it.
    let mut p = T::cache().planner.lock().unwrap_or_else(|e| e.into_inner());
    p.plan_fft(n, dir)
}

/// `exp(-2πik/n)` for `k = 0..=n/4+1` (cached), the twiddles of the
/// half-length real transform of even length `n`.
pub(crate) fn real_twiddles<T: FftFloat>(n: usize) -> Arc<Vec<Complex<T>>> {
    let mut map = T::cache()
        .twiddles
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    map.entry(n)
        .or_insert_with(|| {
            let tw = (0..n / 4 + 2)
                .map(|k| {
                    let (s, c) = (-2.0 * std::f64::consts::PI * k as f64 / n as f64).sin_cos();
                    Complex::new(cst(c), cst(s))
                })
                .collect();
            Arc::new(tw)
        })
        .clone()
}

/// `exp(-iπk/(2n))` for `k = 0..=n` (cached): the twiddles of the DCT/DST.
pub(crate) fn quarter_twiddles<T: FftFloat>(n: usize) -> Arc<Vec<Complex<T>>> {
    let mut map = T::cache().quarter.lock().unwrap_or_else(|e| e.into_inner());
    map.entry(n)
        .or_insert_with(|| {
            let tw = (0..=n)
                .map(|k| {
                    let (s, c) = (-std::f64::consts::PI * k as f64 / (2 * n) as f64).sin_cos();
                    Complex::new(cst(c), cst(s))
                })
                .collect();
            Arc::new(tw)
        })
        .clone()
}

/// Buffers kept for reuse per float type: enough for a few threads, few
/// enough that little memory stays pinned.
const POOL_SIZE: usize = 8;

/// Two complex work buffers (data and FFT scratch) borrowed from a per-type
/// pool and returned on drop, so repeated large transforms do not pay for
/// fresh pages (page faults cost as much as the FFT itself at 2^20 points).
pub(crate) struct Buffers<T: FftFloat> {
    pub(crate) c: Vec<Complex<T>>,
    pub(crate) scratch: Vec<Complex<T>>,
}

impl<T: FftFloat> Buffers<T> {
    pub(crate) fn take() -> Self {
        let got = T::cache()
            .pool
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop();
        let (c, scratch) = got.unwrap_or_default();
        Buffers { c, scratch }
    }
}

impl<T: FftFloat> Drop for Buffers<T> {
    fn drop(&mut self) {
        let mut pool = T::cache().pool.lock().unwrap_or_else(|e| e.into_inner());
        if pool.len() < POOL_SIZE {
            pool.push((
                std::mem::take(&mut self.c),
                std::mem::take(&mut self.scratch),
            ));
        }
    }
}

/// Converts an `f64` constant to `T` (exact for f64, rounded for f32).
pub(crate) fn cst<T: FftFloat>(x: f64) -> T {
    T::from_f64(x).unwrap_or_else(T::nan)
}
