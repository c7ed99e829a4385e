//! Paths added for speed: tall-thin QR and SVD (QR first), larger eigh and
//! svd that go through the blocked reductions and divide and conquer.
//! Checked by backward error, orthogonality and agreement with SciPy-free
//! identities on seeded random, graded and rank-deficient input.

use ferrosci::linalg::{Svd, SvdOptions, eigh, eigvalsh, qr_economic, svd, svd_with, svdvals};
use ndarray::{Array1, Array2};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

fn random(m: usize, n: usize, rng: &mut StdRng) -> Array2<f64> {
    Array2::from_shape_fn((m, n), |_| rng.random::<f64>() - 0.5)
}

fn max_abs(a: &Array2<f64>) -> f64 {
    a.iter().fold(0.0f64, |s, v| s.max(v.abs()))
}

fn orth_err(q: &Array2<f64>) -> f64 {
    max_abs(&(q.t().dot(q) - Array2::<f64>::eye(q.ncols())))
}

#[test]
fn tall_thin_qr_and_svd() {
    let mut rng = StdRng::seed_from_u64(7);
    let a = random(20000, 4, &mut rng);
    let r = qr_economic(&a).unwrap();
    assert_eq!((r.q.dim(), r.r.dim()), ((20000, 4), (4, 4)));
    assert!(max_abs(&(r.q.dot(&r.r) - &a)) < 1e-13);
    assert!(orth_err(&r.q) < 1e-13);
    for full in [false, true] {
        let b = random(if full { 300 } else { 5000 }, 6, &mut rng);
        let Svd { u, s, vt } = svd_with(
            &b,
            &SvdOptions {
                full_matrices: full,
                ..Default::default()
            },
        )
        .unwrap();
        let (m, n) = b.dim();
        assert_eq!(u.dim(), (m, if full { m } else { n }));
        let sig = Array2::from_shape_fn((u.ncols(), n), |(i, j)| if i == j { s[i] } else { 0.0 });
        assert!(max_abs(&(u.dot(&sig).dot(&vt) - &b)) < 1e-12, "full {full}");
        assert!(orth_err(&u) < 1e-12 && orth_err(&vt.t().to_owned()) < 1e-12);
        // The singular values agree with those of the transpose (the wide path).
        let st = svdvals(&b.t().to_owned()).unwrap();
        assert!((&s - &st).iter().all(|d| d.abs() < 1e-12));
    }
}

#[test]
fn svd_of_rank_deficient_and_graded_matrices() {
    let mut rng = StdRng::seed_from_u64(11);
    // Rank 40 in 150 × 120: the trailing singular values are rounding noise.
    let low = random(150, 40, &mut rng).dot(&random(40, 120, &mut rng));
    let graded = {
        let g = random(130, 130, &mut rng);
        Array2::from_shape_fn((130, 130), |(i, j)| {
            g[[i, j]] * 10f64.powf(-8.0 * j as f64 / 130.0)
        })
    };
    for a in [low, graded] {
        let Svd { u, s, vt } = svd(&a).unwrap();
        let (m, n) = a.dim();
        let sig = Array2::from_shape_fn((m, n), |(i, j)| if i == j { s[i] } else { 0.0 });
        let scale = s[0];
        assert!(max_abs(&(u.dot(&sig).dot(&vt) - &a)) < 1e-13 * scale * m as f64);
        assert!(orth_err(&u) < 1e-13 * m as f64 && orth_err(&vt) < 1e-13 * n as f64);
        assert!(s.to_vec().windows(2).all(|w| w[0] >= w[1]));
        assert!(
            (&s - &svdvals(&a).unwrap())
                .iter()
                .all(|d| d.abs() < 1e-12 * scale)
        );
    }
}

#[test]
fn eigh_divide_and_conquer_sizes() {
    let mut rng = StdRng::seed_from_u64(3);
    for n in [40usize, 97, 200] {
        let g = random(n, n, &mut rng);
        // Random, and with a 20-fold repeated eigenvalue (deflation).
        let sym = &g + &g.t();
        let q = ferrosci::linalg::qr(&g).unwrap().q;
        let w0 = Array1::from_shape_fn(n, |i| if i < 20 { 1.0 } else { i as f64 });
        let clustered = q.dot(&Array2::from_diag(&w0)).dot(&q.t());
        for a in [sym, clustered] {
            let r = eigh(&a).unwrap();
            let scale = r.w.iter().fold(0.0f64, |s, v| s.max(v.abs()));
            let resid = a.dot(&r.v) - r.v.dot(&Array2::from_diag(&r.w));
            assert!(max_abs(&resid) < 1e-14 * n as f64 * scale, "n = {n}");
            assert!(orth_err(&r.v) < 1e-14 * n as f64, "n = {n}");
            let w = eigvalsh(&a).unwrap();
            assert!(
                (&w - &r.w)
                    .iter()
                    .all(|d| d.abs() < 1e-13 * n as f64 * scale)
            );
        }
    }
}
