//! The SciPy tutorial, in ferrosci.
//!
//! Walks through the SciPy lecture notes' chapter on SciPy and the examples of
//! a companion post on SciPy applications, section by section, for each
//! module ferrosci has so far. Prints the results the tutorial shows and
//! writes its figures as PNG files under `target/tutorial/`.
//!
//! Run with `cargo run --release --example tutorial`.

mod plot;

use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    let out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("tutorial");
    std::fs::create_dir_all(&out)?;
    let sections: [(&str, fn(&std::path::Path) -> Result<(), Box<dyn Error>>); 0] = [];
    for (title, run) in sections {
        println!("\n=== {title} ===\n");
        run(&out)?;
    }
    println!("\nFigures are in {}", out.display());
    Ok(())
}
