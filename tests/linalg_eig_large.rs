//! The large-matrix paths of the nonsymmetric eigenproblem: blocked
//! Hessenberg reduction (more than 160 active rows), small-bulge multishift
//! QR with aggressive early deflation (more than 75 active rows) and the
//! unblocked kernels below those sizes, on random, graded, defective,
//! clustered and complex-pair spectra. Checks are identities (backward
//! errors scaled by `‖A‖·n·ε`, orthogonality) and eigenvalues known by
//! construction (normal matrices, whose eigenvalues are perfectly
//! conditioned).

use ferrosci::linalg::*;
use ndarray::{Array1, Array2, Axis};
use num_complex::Complex64;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

type C = Complex64;
const EPS: f64 = f64::EPSILON;

fn random(n: usize, seed: u64) -> Array2<f64> {
    let mut rng = StdRng::seed_from_u64(seed);
    Array2::from_shape_fn((n, n), |_| rng.random::<f64>() * 2.0 - 1.0)
}
fn fro<T: Scalar>(a: &Array2<T>) -> f64 {
    a.iter().map(|v| v.abs2().to_f64_real()).sum::<f64>().sqrt()
}
fn cx(a: &Array2<f64>) -> Array2<C> {
    a.mapv(|v| C::new(v, 0.0))
}
/// An orthogonal matrix: Q of a random matrix's QR factorization.
fn orthogonal(n: usize, seed: u64) -> Array2<f64> {
    qr(&random(n, seed)).expect("qr").q
}

/// `max_k ‖A·v_k − w_k·v_k‖ / (‖A‖·n·ε)` over unit vectors `v_k`.
fn right_residual(a: &Array2<f64>, w: &Array1<C>, v: &Array2<C>) -> f64 {
    let n = a.nrows().max(1) as f64;
    let r = cx(a).dot(v) - v * &w.view().insert_axis(Axis(0));
    let worst = r
        .columns()
        .into_iter()
        .map(|c| c.iter().map(|x| x.norm_sqr()).sum::<f64>().sqrt())
        .fold(0.0, f64::max);
    worst / (fro(a).max(f64::MIN_POSITIVE) * n * EPS)
}

/// Checks eig (right), eig_left (both) and eigvals on `a`.
fn check_eig(a: &Array2<f64>, bound: f64, what: &str) {
    let n = a.nrows();
    let r = eig(a).expect("eig");
    let rr = right_residual(a, &r.w, &r.vr);
    assert!(rr < bound, "{what}: right residual {rr} ·‖A‖nε");
    for c in r.vr.columns() {
        let norm = c.iter().map(|x| x.norm_sqr()).sum::<f64>().sqrt();
        assert!((norm - 1.0).abs() < 1e-12, "{what}: |v| = {norm}");
    }
    let l = eig_left(a).expect("eig_left");
    assert_eq!(l.w, r.w, "{what}: eig_left values");
    // yᴴ·A = w·yᴴ  ⇔  Aᵀ·ȳ = w·ȳ.
    let yc = l.vl.mapv(|v| v.conj());
    let lr = right_residual(&a.t().to_owned(), &l.w, &yc);
    assert!(lr < bound, "{what}: left residual {lr} ·‖A‖nε");
    let w = eigvals(a).expect("eigvals");
    assert_eq!(w.len(), n);
    // The same iteration with or without vectors: the same values up to
    // rounding in the order they converge.
    let scale = fro(a).max(1.0);
    for (x, y) in w.iter().zip(&r.w) {
        assert!(
            (x - y).norm() < 1e-8 * scale,
            "{what}: eigvals {x} vs eig {y}"
        );
    }
}

#[test]
fn random_sizes_around_the_crossovers() {
    for (n, seed) in [
        (0, 1),
        (1, 2),
        (2, 3),
        (3, 4),
        (76, 5),
        (150, 6),
        (163, 7),
        (301, 8),
    ] {
        check_eig(&random(n, seed), 5.0, &format!("random n={n}"));
    }
}

#[test]
fn graded_matrix() {
    // Entries spanning 2^-75: balancing and the deflation tests must cope.
    let n = 160;
    let a = random(n, 11);
    let g = Array2::from_shape_fn((n, n), |(i, j)| {
        a[[i, j]] * 2f64.powf(-((i + j) as f64) / 4.0)
    });
    check_eig(&g, 5.0, "graded");
}

#[test]
fn defective_jordan_blocks() {
    // Jordan blocks of 2.0 (sizes 1..), hidden by an orthogonal similarity.
    // Eigenvectors are (nearly) parallel, but the backward error is small.
    let n = 120;
    let mut t = Array2::<f64>::zeros((n, n));
    let mut start = 0;
    let mut size = 1;
    while start < n {
        let end = (start + size).min(n);
        for i in start..end {
            t[[i, i]] = 2.0;
            if i + 1 < end {
                t[[i, i + 1]] = 1.0;
            }
        }
        start = end;
        size += 1;
    }
    let q = orthogonal(n, 12);
    let a = q.dot(&t).dot(&q.t());
    check_eig(&a, 20.0, "defective");
    // The eigenvalues of a Jordan block of size k move by ~ε^(1/k) but
    // their mean stays at 2.
    let w = eigvals(&a).expect("eigvals");
    let mean = w.iter().sum::<C>() / n as f64;
    assert!((mean - 2.0).norm() < 1e-12, "mean {mean}");
}

/// `Q·D·Qᵀ` for the block-diagonal `D` of 2 × 2 rotations-with-scale
/// `[[a, b], [−b, a]]` (eigenvalues `a ± ib`) and 1 × 1 entries: a normal
/// matrix with known, perfectly conditioned eigenvalues.
fn normal_with(blocks: &[(f64, f64)], seed: u64) -> (Array2<f64>, Vec<C>) {
    let n: usize = blocks
        .iter()
        .map(|&(_, b)| if b == 0.0 { 1 } else { 2 })
        .sum();
    let mut d = Array2::<f64>::zeros((n, n));
    let mut want = Vec::new();
    let mut i = 0;
    for &(re, im) in blocks {
        d[[i, i]] = re;
        if im == 0.0 {
            want.push(C::new(re, 0.0));
            i += 1;
        } else {
            d[[i, i + 1]] = im;
            d[[i + 1, i]] = -im;
            d[[i + 1, i + 1]] = re;
            want.extend([C::new(re, im), C::new(re, -im)]);
            i += 2;
        }
    }
    let q = orthogonal(n, seed);
    (q.dot(&d).dot(&q.t()), want)
}

/// Every wanted eigenvalue matched by a distinct computed one within `tol`.
fn assert_spectrum(got: &Array1<C>, want: &[C], tol: f64, what: &str) {
    let mut used = vec![false; got.len()];
    for w in want {
        let k = (0..got.len())
            .filter(|&k| !used[k])
            .min_by(|&a, &b| (got[a] - w).norm().total_cmp(&(got[b] - w).norm()))
            .expect("as many values as wanted");
        assert!((got[k] - w).norm() < tol, "{what}: {w} got {}", got[k]);
        used[k] = true;
    }
}

#[test]
fn complex_pairs_known_spectrum() {
    let blocks: Vec<(f64, f64)> = (0..100)
        .map(|k| {
            let x = k as f64;
            (
                (0.37 * x).sin() * 3.0,
                if k % 3 == 0 {
                    0.0
                } else {
                    0.5 + (0.11 * x).cos().abs()
                },
            )
        })
        .collect();
    let (a, want) = normal_with(&blocks, 21);
    assert!(a.nrows() > 150);
    check_eig(&a, 5.0, "complex pairs");
    assert_spectrum(
        &eigvals(&a).expect("eigvals"),
        &want,
        1e-12 * fro(&a),
        "complex pairs",
    );
    assert_spectrum(
        &eig(&a).expect("eig").w,
        &want,
        1e-12 * fro(&a),
        "complex pairs (eig)",
    );
}

#[test]
fn clustered_known_spectrum() {
    // Clusters of 5 eigenvalues 1e-6 apart, plus a thrice repeated complex
    // pair (tighter clusters: `tight_real_clusters_converge`).
    let (cl, sp, np) = (5, 1e-6, 3);
    let mut blocks: Vec<(f64, f64)> = Vec::new();
    for c in 0..150 / cl {
        for k in 0..cl {
            blocks.push((c as f64 * 0.2 - 3.0 + sp * k as f64, 0.0));
        }
    }
    blocks.extend(std::iter::repeat_n((0.25, 1.5), np));
    let (a, want) = normal_with(&blocks, 22);
    check_eig(&a, 20.0, "clustered");
    assert_spectrum(
        &eigvals(&a).expect("eigvals"),
        &want,
        1e-11 * fro(&a),
        "clustered",
    );
}

#[test]
fn schur_and_hessenberg_large() {
    for (n, seed) in [(170, 31), (301, 32)] {
        let a = random(n, seed);
        let h = hessenberg_q(&a).expect("hessenberg_q");
        let eye = Array2::<f64>::eye(n);
        let bound = fro(&a) * n as f64 * EPS * 5.0;
        assert!(
            fro(&(h.q.dot(&h.h).dot(&h.q.t()) - &a)) < bound,
            "hessenberg n={n}"
        );
        assert!(fro(&(h.q.t().dot(&h.q) - &eye)) < n as f64 * EPS * 5.0);
        assert!((0..n).all(|i| (0..i.saturating_sub(1)).all(|j| h.h[[i, j]] == 0.0)));
        let s = schur(&a).expect("schur");
        assert!(
            fro(&(s.z.dot(&s.t).dot(&s.z.t()) - &a)) < bound,
            "schur n={n}"
        );
        assert!(fro(&(s.z.t().dot(&s.z) - &eye)) < n as f64 * EPS * 5.0);
        // Quasi-triangular: nothing below the subdiagonal, no two
        // consecutive nonzero subdiagonal entries.
        for i in 1..n {
            assert!((0..i - 1).all(|j| s.t[[i, j]] == 0.0));
            if i + 1 < n {
                assert!(s.t[[i, i - 1]] == 0.0 || s.t[[i + 1, i]] == 0.0);
            }
        }
    }
}

#[test]
fn complex_input_large() {
    // Complex matrices take the complex kernels (blocked Hessenberg is
    // shared): backward errors of hessenberg_q and eig.
    let n = 180;
    let mut rng = StdRng::seed_from_u64(41);
    let a = Array2::from_shape_fn((n, n), |_| {
        C::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5)
    });
    let h = hessenberg_q(&a).expect("hessenberg_q");
    let qh = h.q.t().mapv(|v| v.conj());
    let bound = fro(&a) * n as f64 * EPS * 5.0;
    assert!(fro(&(h.q.dot(&h.h).dot(&qh) - &a)) < bound);
    assert!(fro(&(qh.dot(&h.q) - Array2::<C>::eye(n))) < n as f64 * EPS * 5.0);
    let r = eig(&a).expect("eig");
    let res = a.dot(&r.vr) - &r.vr * &r.w.view().insert_axis(Axis(0));
    assert!(
        fro(&res) < bound * (n as f64).sqrt(),
        "complex eig residual {}",
        fro(&res)
    );
}

#[test]
fn single_precision_multishift() {
    // f32 takes the same generic kernels with its own ε and underflow
    // thresholds.
    let n = 130;
    let a64 = random(n, 51);
    let a = a64.mapv(|v| v as f32);
    let r = eig(&a).expect("eig f32");
    let ac = a.mapv(|v| num_complex::Complex32::new(v, 0.0));
    let res = ac.dot(&r.vr) - &r.vr * &r.w.view().insert_axis(Axis(0));
    let worst = res
        .columns()
        .into_iter()
        .map(|c| c.iter().map(|x| x.norm_sqr()).sum::<f32>().sqrt())
        .fold(0.0, f32::max);
    let anorm = a.iter().map(|v| v * v).sum::<f32>().sqrt();
    assert!(
        worst < 5.0 * anorm * n as f32 * f32::EPSILON,
        "f32 residual {worst}"
    );
    // Its eigenvalues match the f64 ones to about single precision (a random
    // matrix's eigenvalues are well conditioned).
    let w64: Vec<C> = eigvals(&a.mapv(f64::from)).expect("eigvals f64").to_vec();
    let w32 = r.w.mapv(|z| C::new(z.re.into(), z.im.into()));
    assert_spectrum(&w32, &w64, 1e-3 * fro(&a64), "f32");
}

#[test]
fn tight_real_clusters_converge() {
    // Normal matrices whose real eigenvalues come in clusters of 3, 5 and 20
    // only 1e-9 and 1e-12 apart, below and above the multishift crossover:
    // a double shift's first column formed from the shifts' sum and
    // product cancelled to noise there, and the QR iteration stagnated
    // (`NotConverged`). Eigenvalues of a normal matrix are
    // perfectly conditioned, so they must come out to ‖A‖·n·ε.
    for (cl, sp) in [
        (3, 1e-9),
        (5, 1e-9),
        (20, 1e-9),
        (3, 1e-12),
        (5, 1e-12),
        (20, 1e-12),
    ] {
        for (n, seed) in [(10, 61), (40, 62), (90, 63), (200, 64)] {
            let blocks: Vec<(f64, f64)> = (0..n)
                .map(|k| ((k / cl) as f64 * 0.3 - 2.0 + sp * (k % cl) as f64, 0.0))
                .collect();
            let (a, want) = normal_with(&blocks, seed);
            let what = format!("clusters of {cl} {sp:e} apart, n={n}");
            let r = eig(&a).unwrap_or_else(|e| panic!("{what}: {e}"));
            let rr = right_residual(&a, &r.w, &r.vr);
            assert!(rr < 20.0, "{what}: right residual {rr} ·‖A‖nε");
            let tol = 10.0 * fro(&a) * n as f64 * EPS;
            assert_spectrum(&r.w, &want, tol, &what);
            let w = eigvals(&a).unwrap_or_else(|e| panic!("{what} (eigvals): {e}"));
            assert_spectrum(&w, &want, tol, &format!("{what} (eigvals)"));
            let s = schur(&a).unwrap_or_else(|e| panic!("{what} (schur): {e}"));
            let back = fro(&(s.z.dot(&s.t).dot(&s.z.t()) - &a));
            assert!(
                back < 5.0 * fro(&a) * n as f64 * EPS,
                "{what}: schur {back}"
            );
        }
    }
}
