//! The SciPy tutorial, in ferrosci.
//!
//! Walks through the SciPy lecture notes' chapter on SciPy and the examples of
//! a companion post on SciPy applications, section by section, for each
//! module ferrosci has so far. Prints the results the tutorial shows and
//! writes its figures as PNG files under `target/tutorial/`.
//!
//! Run with `cargo run --release --example tutorial`.

mod fft;
mod linalg;
mod optimize;
mod optimize_constrained;
mod plot;
mod special;

use std::error::Error;
use std::path::PathBuf;

/// A tutorial section: prints its results and writes its figures into the directory.
type Section = fn(&std::path::Path) -> Result<(), Box<dyn Error>>;

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target")
        .join("tutorial");
    std::fs::create_dir_all(&out)?;
    // In the order of the lecture notes' chapter.
    let sections: [(&str, Section); 5] = [
        ("Special functions: scipy.special", special::run),
        ("Linear algebra operations: scipy.linalg", linalg::run),
        ("Fast Fourier transforms: scipy.fftpack", fft::run),
        ("Optimization and fit: scipy.optimize", optimize::run),
        (
            "Constrained optimization: scipy.optimize",
            optimize_constrained::circle,
        ),
    ];
    for (title, run) in sections {
        println!("\n=== {title} ===\n");
        run(&out)?;
    }
    println!("\nFigures are in {}", out.display());
    Ok(())
}
