//! Real transforms of even length `n = 2h` through one complex FFT of length `h`.
//!
//! ```text
//! z[m] = x[2m] + i·x[2m+1],  Z = FFT_h(z)
//! E[k] = (Z[k] + conj Z[h-k]) / 2,  O[k] = -i (Z[k] - conj Z[h-k]) / 2
//! X[k] = E[k] + w^k O[k],  w = exp(-2πi/n),  k = 0..=h
//! ```
//! The inverse runs the same relations backwards.

use crate::fft::plan_cache::{FftFloat, cst, plan, real_twiddles};
use num_complex::Complex;
use rustfft::FftDirection;

/// Forward: each lane of `buf` (length `h + 1`) holds the packed `z` in its
/// first `h` entries; on return it holds `X[0..=h]` (unnormalised).
pub(crate) fn rfft_lanes<T: FftFloat>(
    buf: &mut [Complex<T>],
    n: usize,
    scratch: &mut Vec<Complex<T>>,
) {
    let h = n / 2;
    let fft = plan::<T>(h, FftDirection::Forward);
    let tw = real_twiddles::<T>(n);
    scratch.resize(fft.get_inplace_scratch_len(), Complex::default());
    let half = cst::<T>(0.5);
    for lane in buf.chunks_exact_mut(h + 1) {
        fft.process_with_scratch(&mut lane[..h], scratch);
        let z0 = lane[0];
        lane[0] = Complex::new(z0.re + z0.im, T::zero());
        lane[h] = Complex::new(z0.re - z0.im, T::zero());
        for k in 1..=h / 2 {
            let (a, b) = (lane[k], lane[h - k].conj());
            let e = (a + b) * half;
            let o = Complex::new(a.im - b.im, b.re - a.re) * half; // -i (a - b) / 2
            let wo = tw[k] * o;
            lane[k] = e + wo;
            // X[h-k] = conj(E[k]) - conj(w^k O[k])
            lane[h - k] = (e - wo).conj();
        }
    }
}

/// Inverse: each lane of `buf` (length `h + 1`) holds `X[0..=h]`; on return its
/// first `h` entries hold `x[2m] + i·x[2m+1]` of the unnormalised inverse
/// (`x[j] = Σ_k X[k] e^{2πijk/n}` over the Hermitian extension). The imaginary
/// parts of `X[0]` and `X[h]` are ignored, as in SciPy.
pub(crate) fn irfft_lanes<T: FftFloat>(
    buf: &mut [Complex<T>],
    n: usize,
    scratch: &mut Vec<Complex<T>>,
) {
    let h = n / 2;
    let fft = plan::<T>(h, FftDirection::Inverse);
    let tw = real_twiddles::<T>(n);
    scratch.resize(fft.get_inplace_scratch_len(), Complex::default());
    for lane in buf.chunks_exact_mut(h + 1) {
        let (x0, xh) = (lane[0].re, lane[h].re);
        // Z[k] = (X[k] + conj X[h-k]) + i conj(w^k) (X[k] - conj X[h-k])
        lane[0] = Complex::new(x0 + xh, x0 - xh);
        for k in 1..=h / 2 {
            let (a, b) = (lane[k], lane[h - k].conj());
            let e = a + b;
            let d = (a - b) * tw[k].conj();
            let io = Complex::new(-d.im, d.re);
            lane[k] = e + io;
            // Z[h-k] = conj(e) + i·conj(d)·(-1)... from the same pair seen from h-k
            lane[h - k] = (e - io).conj();
        }
        fft.process_with_scratch(&mut lane[..h], scratch);
    }
}

/// Complex FFT of every lane of length `n` in `buf`.
pub(crate) fn c2c_lanes<T: FftFloat>(
    buf: &mut [Complex<T>],
    n: usize,
    dir: FftDirection,
    scratch: &mut Vec<Complex<T>>,
) {
    let fft = plan::<T>(n, dir);
    scratch.resize(fft.get_inplace_scratch_len(), Complex::default());
    fft.process_with_scratch(buf, scratch);
}
