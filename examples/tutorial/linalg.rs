//! Linear algebra (`scipy.linalg`): determinants, inverses, the error for a
//! singular matrix, and the factorizations behind them.

use crate::plot::{Series, Style, figure};
use ferrosci::Error;
use ferrosci::linalg::{
    Lu, Svd, SvdOptions, cho_factor, cho_solve, cholesky, det, inv, lu, solve, svd, svd_with,
};
use ndarray::{Array2, array};

/// Walks through the lecture notes' `scipy.linalg` section.
pub fn run(out: &std::path::Path) -> Result<(), Box<dyn std::error::Error>> {
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

    // The singular value decomposition of arange(9).reshape(3, 3) + diag([1, 0, 1]).
    let arr = Array2::from_shape_fn((3, 3), |(i, j)| {
        (3 * i + j) as f64 + if i == j && i != 1 { 1.0 } else { 0.0 }
    });
    let Svd { u, s: spec, vt } = svd(&arr)?;
    println!("svd spectrum = {spec:.8}");
    let svd_mat = u.dot(&Array2::from_diag(&spec)).dot(&vt);
    let close = (&svd_mat - &arr).iter().all(|e| e.abs() < 1e-12);
    println!("allclose(u · diag(spec) · vt, arr) = {close}");

    // SVD compression (the applications post): keep the k largest singular
    // triplets of an image. Here a synthetic 128 × 128 grey image: smooth
    // shading, two sharp-edged shapes and a little film grain.
    let n = 128;
    let img = Array2::from_shape_fn((n, n), |(i, j)| {
        let (x, y) = (j as f64 / n as f64, i as f64 / n as f64);
        let disc = if (x - 0.35).powi(2) + (y - 0.4).powi(2) < 0.04 {
            0.4
        } else {
            0.0
        };
        let bar = if (0.6..0.8).contains(&x) && (0.2..0.9).contains(&y) {
            -0.3
        } else {
            0.0
        };
        let grain = 0.02 * (((i * 7919 + j * 104_729) % 97) as f64 / 97.0 - 0.5);
        (0.5 + 0.3 * (3.0 * x).sin() * (2.0 * y).cos() + disc + bar + grain).clamp(0.0, 1.0)
    });
    let thin = SvdOptions {
        full_matrices: false,
        ..Default::default()
    };
    let Svd { u, s, vt } = svd_with(&img, &thin)?;
    let k = 20;
    println!("amount of numbers before compression: {}", img.len());
    println!("amount of numbers after compression: {}", n * k + k + k * n);
    let approx = |k: usize| {
        u.slice(ndarray::s![.., ..k])
            .dot(&Array2::from_diag(&s.slice(ndarray::s![..k])))
            .dot(&vt.slice(ndarray::s![..k, ..]))
    };
    let norm = img.iter().map(|v| v * v).sum::<f64>().sqrt();
    let rel = |k: usize| {
        (&approx(k) - &img)
            .iter()
            .map(|v| v * v)
            .sum::<f64>()
            .sqrt()
            / norm
    };
    println!("relative error of the rank-{k} image: {:.3e}", rel(k));
    let ks: Vec<f64> = (1..=60).map(|k| k as f64).collect();
    let log_s: Vec<f64> = s.iter().take(60).map(|v| v.max(1e-16).log10()).collect();
    let log_err: Vec<f64> = (1..=60).map(|k| rel(k).max(1e-16).log10()).collect();
    let path = out.join("linalg_svd_compression.png");
    figure(
        &path,
        "SVD compression of a 128 × 128 image",
        "k (number of singular triplets kept)",
        "log10",
        &[
            Series {
                label: "singular value s[k-1]",
                x: &ks,
                y: &log_s,
                style: Style::Points,
            },
            Series {
                label: "relative error of the rank-k image",
                x: &ks,
                y: &log_err,
                style: Style::Line,
            },
        ],
    )?;

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
