//! Linear algebra (`scipy.linalg`): determinants, inverses, the error for a
//! singular matrix, and the factorizations behind them.

use ferrosci::Error;
use ferrosci::linalg::{Lu, cho_factor, cho_solve, cholesky, det, inv, lu, solve};
use ndarray::{Array2, array};

/// Walks through the lecture notes' `scipy.linalg` section.
pub fn run(_out: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
    // The determinant of a square matrix.
    let arr = array![[1.0, 2.0], [3.0, 4.0]];
    println!("det([[1, 2], [3, 4]]) = {}", det(&arr)?);
    let singular = array![[3.0, 2.0], [6.0, 4.0]];
    println!("det([[3, 2], [6, 4]]) = {}", det(&singular)?);
    // A non-square matrix has no determinant: SciPy's ValueError is a shape error.
    match det(&Array2::<f64>::ones((3, 4))) {
        Err(e @ Error::ShapeMismatch { .. }) => println!("det(ones((3, 4))) -> error: {e}"),
        other => return Err(format!("expected a shape error, got {other:?}").into()),
    }

    // The inverse, checked against the identity.
    let iarr = inv(&arr)?;
    println!("inv([[1, 2], [3, 4]]) =\n{iarr:.4}");
    let close = (arr.dot(&iarr) - Array2::<f64>::eye(2))
        .iter()
        .all(|e| e.abs() < 1e-12);
    println!("allclose(arr · iarr, eye(2)) = {close}");

    // Inverting a singular matrix is an error (SciPy's LinAlgError).
    match inv(&singular) {
        Err(e @ Error::Singular { .. }) => println!("inv([[3, 2], [6, 4]]) -> error: {e}"),
        other => return Err(format!("expected a singular-matrix error, got {other:?}").into()),
    }

    // The factorizations behind them: LU with partial pivoting, a = p·l·u ...
    let a: Array2<f64> = array![
        [2.0, 5.0, 8.0, 7.0],
        [5.0, 2.0, 2.0, 8.0],
        [7.0, 5.0, 6.0, 6.0],
        [5.0, 4.0, 4.0, 8.0]
    ];
    let Lu { p, l, u } = lu(&a)?;
    println!("lu(a): p =\n{p}\nl =\n{l:.4}\nu =\n{u:.4}");
    let err = (p.dot(&l).dot(&u) - &a)
        .iter()
        .fold(0.0f64, |m, e| m.max(e.abs()));
    println!("max |p·l·u − a| = {err:.1e}");

    // ... and Cholesky for a symmetric positive-definite matrix, a = uᵀ·u,
    // reused to solve two systems.
    let spd = array![[4.0_f64, 2.0, 0.6], [2.0, 5.0, 1.0], [0.6, 1.0, 3.0]];
    println!("cholesky(spd) =\n{:.4}", cholesky(&spd)?);
    let f = cho_factor(&spd)?;
    let b = array![[1.0_f64, 0.0], [2.0, 1.0], [3.0, 0.0]];
    let x = cho_solve(&f, &b)?;
    let y = solve(&spd, &b)?;
    let agree = (&x - &y).iter().all(|e| e.abs() < 1e-12);
    println!("cho_solve and solve agree: {agree}\nx =\n{x:.4}");
    Ok(())
}
