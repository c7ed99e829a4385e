//! Fast Fourier transforms (`scipy.fftpack` in the lecture notes).
//!
//! A noisy sine of period 5 s, sampled every 0.02 s: find its frequency from
//! the power spectrum, then remove the high-frequency noise and transform back.

use crate::plot::{Series, Style, figure};
use ferrosci::fft::fftpack;
use ndarray::Array1;
use num_complex::Complex64;
use rand::SeedableRng;
use rand::rngs::StdRng;
use rand_distr::{Distribution, StandardNormal};
use std::error::Error;
use std::path::Path;

/// Runs the section, writing three figures into `out`.
pub fn run(out: &Path) -> Result<(), Box<dyn Error>> {
    // The signal: period 5 s, 1000 samples every 0.02 s, plus Gaussian noise
    // of standard deviation 0.5 from a seeded generator.
    let time_step = 0.02;
    let period = 5.0;
    let time_vec = Array1::from_shape_fn(1000, |i| i as f64 * time_step);
    let mut rng = StdRng::seed_from_u64(1234);
    let sig = time_vec.mapv(|t| {
        let noise: f64 = StandardNormal.sample(&mut rng);
        (2.0 * std::f64::consts::PI / period * t).sin() + 0.5 * noise
    });
    println!(
        "signal: {} samples over {} s",
        sig.len(),
        sig.len() as f64 * time_step
    );
    figure(
        &out.join("fft_signal.png"),
        "Noisy signal",
        "Time [s]",
        "Amplitude",
        &[Series {
            label: "signal",
            x: time_vec.as_slice().unwrap(),
            y: sig.as_slice().unwrap(),
            style: Style::Line,
        }],
    )?;

    // sample_freq = fftpack.fftfreq(sig.size, d=time_step); sig_fft = fftpack.fft(sig)
    let sample_freq = fftpack::fftfreq(sig.len(), time_step)?;
    let mut sig_fft = fftpack::fft(&sig)?;

    // The spectrum of a real signal is symmetric: keep the positive frequencies.
    let (freqs, power): (Vec<f64>, Vec<f64>) = sample_freq
        .iter()
        .zip(&sig_fft)
        .filter(|(f, _)| **f > 0.0)
        .map(|(f, z)| (*f, z.norm()))
        .unzip();
    let peak = power
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(i, _)| i)
        .unwrap();
    let freq = freqs[peak];
    println!("peak frequency: {freq} Hz (1/period = {} Hz)", 1.0 / period);
    assert!(
        (freq - 1.0 / period).abs() < 1e-12,
        "the peak should sit at 1/period"
    );
    figure(
        &out.join("fft_spectrum.png"),
        "Power spectrum",
        "Frequency [Hz]",
        "|FFT|",
        &[Series {
            label: "power",
            x: &freqs,
            y: &power,
            style: Style::Line,
        }],
    )?;

    // sig_fft[np.abs(sample_freq) > freq] = 0; main_sig = fftpack.ifft(sig_fft)
    for (z, f) in sig_fft.iter_mut().zip(&sample_freq) {
        if f.abs() > freq {
            *z = Complex64::new(0.0, 0.0);
        }
    }
    let main_sig = fftpack::ifft(&sig_fft)?;
    let max_imag = main_sig.iter().map(|z| z.im.abs()).fold(0.0, f64::max);
    println!("filtered signal: max |imaginary part| = {max_imag:.1e} (real up to rounding)");
    let filtered: Vec<f64> = main_sig.iter().map(|z| z.re).collect();
    let clean: Vec<f64> = time_vec
        .iter()
        .map(|t| (2.0 * std::f64::consts::PI / period * t).sin())
        .collect();
    let rms = (filtered
        .iter()
        .zip(&clean)
        .map(|(a, b)| (a - b).powi(2))
        .sum::<f64>()
        / clean.len() as f64)
        .sqrt();
    println!("rms distance to the noise-free sine: {rms:.3} (noise rms 0.5)");
    figure(
        &out.join("fft_filtered.png"),
        "Filtered signal",
        "Time [s]",
        "Amplitude",
        &[
            Series {
                label: "signal",
                x: time_vec.as_slice().unwrap(),
                y: sig.as_slice().unwrap(),
                style: Style::Line,
            },
            Series {
                label: "filtered",
                x: time_vec.as_slice().unwrap(),
                y: &filtered,
                style: Style::Line,
            },
        ],
    )?;
    Ok(())
}
