//! Unnormalised DCT and DST of types I–IV on one contiguous real lane, each
//! through one FFT (real where the data allow):
//!
//! ```text
//! DCT-I:  even extension of length 2(n-1), real FFT, real part
//! DCT-II: v = [x0, x2, ..., x3, x1], V = FFT_n(v), y_k = 2 Re(e^{-iπk/2n} V_k)
//! DCT-III: the inverse steps of DCT-II (a Hermitian inverse FFT of length n)
//! DCT-IV: y_k = 2 Re(e^{-iπ(2k+1)/4n} FFT_2n(x_j e^{-iπj/2n})_k)
//! DST-I:  odd extension of length 2(n+1), real FFT, minus imaginary part
//! DST-II/III/IV: DCT of the same type with alternating signs and reversal
//! ```

use crate::fft::kernels::real::{c2c_lanes, irfft_lanes, rfft_lanes};
use crate::fft::plan_cache::{Buffers, FftFloat, cst, quarter_twiddles};
use num_complex::Complex;
use rustfft::FftDirection;

/// Cosine or sine transform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Trig {
    Cos,
    Sin,
}

/// Reusable complex buffers (data and FFT scratch).
pub(crate) type Work<T> = Buffers<T>;

/// Transforms `x` in place: unnormalised `kind` of type `ty` (1..=4).
pub(crate) fn transform<T: FftFloat>(x: &mut [T], kind: Trig, ty: u8, w: &mut Work<T>) {
    let n = x.len();
    match (kind, ty) {
        (Trig::Cos, 1) => dct1(x, w),
        (Trig::Cos, 2) => dct2(x, w),
        (Trig::Cos, 3) => dct3(x, w),
        (Trig::Cos, _) => dct4(x, w),
        (Trig::Sin, 1) => dst1(x, w),
        (Trig::Sin, 2) => {
            x.iter_mut().skip(1).step_by(2).for_each(|v| *v = -*v);
            dct2(x, w);
            x.reverse();
        }
        (Trig::Sin, t) => {
            x.reverse();
            if t == 3 {
                dct3(x, w)
            } else {
                dct4(x, w)
            }
            x.iter_mut().skip(1).step_by(2).for_each(|v| *v = -*v);
        }
    }
    debug_assert_eq!(x.len(), n);
}

/// Real FFT (unnormalised) of the real sequence `f(0..m)`, `m` even, into `w.c[0..=m/2]`.
fn real_fft<T: FftFloat>(m: usize, f: impl Fn(usize) -> T, w: &mut Work<T>) {
    let h = m / 2;
    w.c.clear();
    w.c.extend((0..h).map(|j| Complex::new(f(2 * j), f(2 * j + 1))));
    w.c.push(Complex::default());
    rfft_lanes(&mut w.c, m, &mut w.scratch);
}

fn dct1<T: FftFloat>(x: &mut [T], w: &mut Work<T>) {
    let n = x.len();
    let m = 2 * (n - 1);
    real_fft(m, |j| if j < n { x[j] } else { x[m - j] }, w);
    for (y, c) in x.iter_mut().zip(&w.c) {
        *y = c.re;
    }
}

fn dst1<T: FftFloat>(x: &mut [T], w: &mut Work<T>) {
    let n = x.len();
    let m = 2 * (n + 1);
    real_fft(
        m,
        |j| match j {
            0 => T::zero(),
            j if j <= n => x[j - 1],
            j if j == n + 1 => T::zero(),
            j => -x[m - j - 1],
        },
        w,
    );
    for (y, c) in x.iter_mut().zip(&w.c[1..]) {
        *y = -c.im;
    }
}

fn dct2<T: FftFloat>(x: &mut [T], w: &mut Work<T>) {
    let n = x.len();
    let tw = quarter_twiddles::<T>(n);
    let two = cst::<T>(2.0);
    // v_j = x_{2j} for the first ⌈n/2⌉ entries, then the odd samples reversed.
    let half = n.div_ceil(2);
    let v = |j: usize| {
        if j < half {
            x[2 * j]
        } else {
            x[2 * (n - 1 - j) + 1]
        }
    };
    if n.is_multiple_of(4) {
        // Branch-free packing: z_m = v_{2m} + i v_{2m+1} reads x[4m], x[4m+2]
        // for the even samples and x[n-1-4m], x[n-3-4m] for the reversed odd ones.
        w.c.clear();
        w.c.extend(x.chunks_exact(4).map(|q| Complex::new(q[0], q[2])));
        w.c.extend(x.rchunks_exact(4).map(|q| Complex::new(q[3], q[1])));
        w.c.push(Complex::default());
        rfft_lanes(&mut w.c, n, &mut w.scratch);
        let h = n / 2;
        let (lo, hi) = x.split_at_mut(h + 1);
        for ((y, t), z) in lo.iter_mut().zip(&tw[..=h]).zip(&w.c[..=h]) {
            *y = two * (t.re * z.re - t.im * z.im);
        }
        // k > n/2: V_k = conj V_{n-k}
        for ((y, t), z) in hi.iter_mut().zip(&tw[h + 1..n]).zip(w.c[1..h].iter().rev()) {
            *y = two * (t.re * z.re + t.im * z.im);
        }
    } else if n.is_multiple_of(2) {
        real_fft(n, v, w);
        let c = &w.c;
        for k in 0..n {
            let z = if k <= n / 2 { c[k] } else { c[n - k].conj() };
            x[k] = two * (tw[k].re * z.re - tw[k].im * z.im);
        }
    } else {
        w.c.clear();
        w.c.extend((0..n).map(|j| Complex::new(v(j), T::zero())));
        c2c_lanes(&mut w.c, n, FftDirection::Forward, &mut w.scratch);
        for k in 0..n {
            let z = w.c[k];
            x[k] = two * (tw[k].re * z.re - tw[k].im * z.im);
        }
    }
}

fn dct3<T: FftFloat>(x: &mut [T], w: &mut Work<T>) {
    let n = x.len();
    let tw = quarter_twiddles::<T>(n);
    // V_k = e^{iπk/2n} (x_k - i x_{n-k}), x_n = 0; V is Hermitian, so v = IFFT(V) is real.
    let vk = |k: usize| {
        let b = if k == 0 { T::zero() } else { x[n - k] };
        tw[k].conj() * Complex::new(x[k], -b)
    };
    let half = n.div_ceil(2);
    if n.is_multiple_of(2) {
        w.c.clear();
        w.c.extend((0..=n / 2).map(vk));
        irfft_lanes(&mut w.c, n, &mut w.scratch);
        // w.c[j] = v_{2j} + i v_{2j+1}
        let v = |j: usize| {
            if j.is_multiple_of(2) {
                w.c[j / 2].re
            } else {
                w.c[j / 2].im
            }
        };
        let out: Vec<T> = (0..n)
            .map(|k| {
                if k % 2 == 0 {
                    v(k / 2)
                } else {
                    v(n - 1 - k / 2)
                }
            })
            .collect();
        x.copy_from_slice(&out);
    } else {
        w.c.clear();
        w.c.extend((0..n).map(vk));
        c2c_lanes(&mut w.c, n, FftDirection::Inverse, &mut w.scratch);
        for m in 0..half {
            x[2 * m] = w.c[m].re;
        }
        for m in 0..n / 2 {
            x[2 * m + 1] = w.c[n - 1 - m].re;
        }
    }
}

fn dct4<T: FftFloat>(x: &mut [T], w: &mut Work<T>) {
    let n = x.len();
    let tw = quarter_twiddles::<T>(n);
    w.c.clear();
    w.c.extend(x.iter().zip(tw.iter()).map(|(&v, t)| t * v));
    w.c.resize(2 * n, Complex::default());
    c2c_lanes(&mut w.c, 2 * n, FftDirection::Forward, &mut w.scratch);
    let (s, c) = (-std::f64::consts::PI / (4 * n) as f64).sin_cos();
    let shift = Complex::new(cst::<T>(c), cst::<T>(s));
    let two = cst::<T>(2.0);
    for k in 0..n {
        x[k] = two * (tw[k] * shift * w.c[k]).re;
    }
}
