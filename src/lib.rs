//! # ferrosci: SciPy's toolbox for Rust
//!
//! ferrosci offers SciPy's functions under SciPy's names, with SciPy's
//! defaults and SciPy's answers, in pure Rust: no Fortran, no system BLAS,
//! no interpreter. A SciPy user finds `scipy.linalg.svd` at
//! `ferrosci::linalg::svd`, `scipy.fft.rfft` at `ferrosci::fft::rfft`, and so on.
//!
//! ## Conventions (the whole list is in `docs/API.md`)
//! - Array arguments are `&ArrayRef1<f64>`, `&ArrayRef2<f64>`, …: pass `&array`
//!   or `&view` alike. Results are owned arrays, or structs named like SciPy's
//!   returned tuples.
//! - The SciPy call without keywords is a plain function; SciPy's keywords live
//!   in an options struct whose `Default` is SciPy's default.
//! - Bad input is an [`Error`] that names the argument, never a panic. Special
//!   functions follow SciPy and return NaN outside their domain.
//! - Randomness comes in as `&mut impl rand::Rng`, so a seeded generator
//!   reproduces a result.
//!
//! ## Modules
//! - [`linalg`]: `scipy.linalg`: solve, inv, det, LU, Cholesky, QR, SVD,
//!   symmetric eigenproblems, least squares, norms, special matrices.
//! - [`fft`]: `scipy.fft` (and `scipy.fftpack` in [`fft::fftpack`]): FFTs of
//!   any dimension, real and Hermitian transforms, DCT/DST, Hankel transform.
//! - [`special`]: `scipy.special`: gamma, error, Bessel, elliptic,
//!   exponential-integral, zeta and hypergeometric functions, and more.
//! - [`optimize`]: `scipy.optimize`: local minimizers, scalar root finders
//!   and minimizers, least squares, curve fitting, systems of equations.
//!
//! ## Features
//! - `rayon` (default): large independent work (FFT lanes, matrix blocks) runs
//!   on all cores. Set `RAYON_NUM_THREADS=1` to stay on one.
#![deny(missing_docs)]

mod check;
mod error;
pub mod fft;
pub mod linalg;
pub mod optimize;
pub mod special;

pub use error::{Error, Result};

// The README's example runs as a doc-test, so it cannot go stale.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
