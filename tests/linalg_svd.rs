//! `svd` and `svdvals` through the bidiagonal divide and conquer (sizes around
//! and above its leaf size, odd and wide shapes, rank-deficient, repeated and
//! graded singular values, Hilbert matrices) against SciPy's singular values
//! (tests/fixtures/linalg/svd_dc.json, from tools/fixtures/linalg_svd.py),
//! with backward error and orthogonality of the vectors.

mod common;

use common::{Case, check_array, load};
use ferrosci::linalg::{Svd, SvdOptions, svd_with, svdvals};
use ndarray::{Array1, Array2};

fn sin_matrix(m: usize, n: usize, seed: usize) -> Array2<f64> {
    Array2::from_shape_fn((m, n), |(i, j)| {
        ((i * 131 + j * 71 + i * j * 7 + seed * 13) as f64 * 0.618 + 0.3).sin()
    })
}

/// The symmetric orthogonal DST-I matrix.
fn dst(n: usize) -> Array2<f64> {
    let c = (2.0 / (n + 1) as f64).sqrt();
    Array2::from_shape_fn((n, n), |(i, j)| {
        c * (std::f64::consts::PI * ((i + 1) * (j + 1)) as f64 / (n + 1) as f64).sin()
    })
}

/// As `build` in tools/fixtures/linalg_svd.py.
fn build(case: &Case) -> Array2<f64> {
    let (m, n, p) = (case.usize("m"), case.usize("n"), case.usize("p"));
    match case.str("kind") {
        "sin" => sin_matrix(m, n, 0),
        "rank" => sin_matrix(m, p, 1).dot(&sin_matrix(p, n, 2)),
        "graded" => Array2::from_shape_fn((m, n), |(i, j)| {
            sin_matrix(m, n, 3)[[i, j]] * 10f64.powf(-(p as f64) * j as f64 / n as f64)
        }),
        "repeated" => {
            let s = Array1::from_shape_fn(n, |i| 1.0 + ((p * i) as f64 / n as f64).floor());
            let q = dst(n);
            let rev = Array2::from_shape_fn((n, n), |(i, j)| q[[n - 1 - i, j]]);
            q.dot(&Array2::from_diag(&s)).dot(&rev)
        }
        "hilbert" => Array2::from_shape_fn((m, n), |(i, j)| 1.0 / (i + j + 1) as f64),
        k => panic!("unknown kind {k}"),
    }
}

fn fro(a: &Array2<f64>) -> f64 {
    a.iter().map(|v| v * v).sum::<f64>().sqrt()
}

#[test]
fn svd_dc_matches_scipy() {
    for case in load("linalg", "svd_dc") {
        let a = build(&case);
        let ctx = case.ctx();
        check_array(&case, &svdvals(&a).unwrap());
        let (m, n) = a.dim();
        let k = m.min(n);
        let eps = f64::EPSILON;
        for full in [false, true] {
            let opts = SvdOptions {
                full_matrices: full,
                ..Default::default()
            };
            let Svd { u, s, vt } = svd_with(&a, &opts).unwrap();
            check_array(&case, &s);
            let (uc, vr) = if full { (m, n) } else { (k, k) };
            assert_eq!((u.dim(), vt.dim()), ((m, uc), (vr, n)), "{ctx}");
            let sig =
                Array2::from_shape_fn((uc, vr), |(i, j)| if i == j && i < k { s[i] } else { 0.0 });
            let nf = m.max(n) as f64;
            let back = fro(&(&a - &u.dot(&sig).dot(&vt))) / (fro(&a) * nf * eps);
            assert!(back < 2.0, "{ctx} full={full}: backward error {back}");
            let ou = fro(&(u.t().dot(&u) - Array2::<f64>::eye(uc))) / (nf * eps);
            let ov = fro(&(vt.dot(&vt.t()) - Array2::<f64>::eye(vr))) / (nf * eps);
            assert!(
                ou < 2.0 && ov < 2.0,
                "{ctx} full={full}: orthogonality {ou} {ov}"
            );
        }
    }
}

#[test]
fn complex_svd_through_divide_and_conquer() {
    use num_complex::Complex64;
    let eps = f64::EPSILON;
    for (m, n) in [(70usize, 50usize), (45, 90)] {
        let (re, im) = (sin_matrix(m, n, 4), sin_matrix(m, n, 5));
        let a = Array2::from_shape_fn((m, n), |(i, j)| Complex64::new(re[[i, j]], im[[i, j]]));
        let k = m.min(n);
        let Svd { u, s, vt } = svd_with(
            &a,
            &SvdOptions {
                full_matrices: false,
                ..Default::default()
            },
        )
        .unwrap();
        let cfro = |x: &Array2<Complex64>| x.iter().map(|v| v.norm_sqr()).sum::<f64>().sqrt();
        let sig = Array2::from_shape_fn((k, k), |(i, j)| {
            Complex64::new(if i == j { s[i] } else { 0.0 }, 0.0)
        });
        let nf = m.max(n) as f64;
        let back = cfro(&(&a - &u.dot(&sig).dot(&vt))) / (cfro(&a) * nf * eps);
        assert!(back < 2.0, "{m}x{n}: backward error {back}");
        let eye = Array2::<Complex64>::eye(k);
        let uh = u.t().mapv(|v| v.conj());
        let vh = vt.t().mapv(|v| v.conj());
        let (ou, ov) = (cfro(&(uh.dot(&u) - &eye)), cfro(&(vt.dot(&vh) - &eye)));
        assert!(
            ou < 2.0 * nf * eps && ov < 2.0 * nf * eps,
            "{m}x{n}: {ou:e} {ov:e}"
        );
        let sv = svdvals(&a).unwrap();
        assert!(
            (&sv - &s).iter().all(|d| d.abs() < 4.0 * nf * eps * s[0]),
            "{m}x{n}"
        );
    }
}
