//! The multivariate test problems and count checks shared by the
//! optimize tests (`tests/optimize.rs`, `tests/optimize_uncon.rs`); the
//! fixture generators define the same problems (`tools/fixtures/optimize.py`).
#![allow(dead_code)] // each test binary uses a different subset

use ferrosci::optimize::{rosen, rosen_der};
use ndarray::{Array1, ArrayRef1, array};

/// Counts must stay within 1.5x of SciPy's (plus a small constant for tiny counts).
pub fn check_count(got: usize, want: f64, what: &str, ctx: &str) {
    let limit = (1.5 * want).ceil() as usize + 2;
    assert!(
        got <= limit,
        "{ctx}: {what} = {got}, SciPy {want}, limit {limit}"
    );
}

pub type Problem = (
    fn(&ArrayRef1<f64>) -> f64,
    fn(&ArrayRef1<f64>) -> Array1<f64>,
);

/// The multivariate test problems of the fixture generator: (f, gradient).
pub fn problem(name: &str) -> Problem {
    match name {
        "rosen2" | "rosen10" | "rosen100" => (rosen, rosen_der),
        "beale" => (
            |x| {
                let (a, b) = (x[0], x[1]);
                (1.5 - a + a * b).powi(2)
                    + (2.25 - a + a * b * b).powi(2)
                    + (2.625 - a + a * b.powi(3)).powi(2)
            },
            |x| {
                let (a, b) = (x[0], x[1]);
                let (t1, t2, t3) = (
                    1.5 - a + a * b,
                    2.25 - a + a * b * b,
                    2.625 - a + a * b.powi(3),
                );
                array![
                    2.0 * t1 * (b - 1.0) + 2.0 * t2 * (b * b - 1.0) + 2.0 * t3 * (b.powi(3) - 1.0),
                    2.0 * t1 * a + 4.0 * t2 * a * b + 6.0 * t3 * a * b * b
                ]
            },
        ),
        "booth" => (
            |x| (x[0] + 2.0 * x[1] - 7.0).powi(2) + (2.0 * x[0] + x[1] - 5.0).powi(2),
            |x| {
                let (u, v) = (x[0] + 2.0 * x[1] - 7.0, 2.0 * x[0] + x[1] - 5.0);
                array![2.0 * u + 4.0 * v, 4.0 * u + 2.0 * v]
            },
        ),
        "himmelblau" => (
            |x| (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2),
            |x| {
                let (u, v) = (x[0] * x[0] + x[1] - 11.0, x[0] + x[1] * x[1] - 7.0);
                array![4.0 * x[0] * u + 2.0 * v, 2.0 * u + 4.0 * x[1] * v]
            },
        ),
        "powell" => (
            |x| {
                let (a, b, c, d) = (x[0], x[1], x[2], x[3]);
                (a + 10.0 * b).powi(2)
                    + 5.0 * (c - d).powi(2)
                    + (b - 2.0 * c).powi(4)
                    + 10.0 * (a - d).powi(4)
            },
            |x| {
                let (a, b, c, d) = (x[0], x[1], x[2], x[3]);
                array![
                    2.0 * (a + 10.0 * b) + 40.0 * (a - d).powi(3),
                    20.0 * (a + 10.0 * b) + 4.0 * (b - 2.0 * c).powi(3),
                    10.0 * (c - d) - 8.0 * (b - 2.0 * c).powi(3),
                    -10.0 * (c - d) - 40.0 * (a - d).powi(3)
                ]
            },
        ),
        "sin10_0" | "sin10_3" => (
            |x| x[0] * x[0] + 10.0 * x[0].sin(),
            |x| array![2.0 * x[0] + 10.0 * x[0].cos()],
        ),
        other => panic!("unknown problem {other}"),
    }
}
