//! The small-matrix paths of ferrosci::linalg (orders ≤ 16, on the stack)
//! against SciPy (`python3 tools/fixtures/linalg_small.py`) and against the
//! generic path, for every order from 1 to 17 (17 takes the generic path).

mod common;

use common::{as_array, as_f64, assert_close, load};
use ferrosci::Error;
use ferrosci::linalg::*;
use ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array, s};
use num_complex::Complex64;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

fn m2(a: ArrayD<f64>) -> Array2<f64> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn max_abs(a: &Array2<f64>) -> f64 {
    a.iter().fold(0.0, |m, v| m.max(v.abs()))
}
fn random(n: usize, rng: &mut StdRng) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |_| rng.random::<f64>() * 2.0 - 1.0)
}
/// The determinant from the generic LU factorization (`lu_factor`), in the
/// order `det` multiplies.
fn det_from_lu_factor(a: &Array2<f64>) -> f64 {
    let f = lu_factor(a).unwrap();
    let swaps = f.piv.iter().enumerate().filter(|&(i, &p)| i != p).count();
    let sign = if swaps % 2 == 1 { -1.0 } else { 1.0 };
    f.lu.diag().iter().fold(sign, |p, &d| p * d) + 0.0
}

#[test]
fn small_orders_match_scipy() {
    for case in load("linalg", "small") {
        let ctx = case.ctx();
        let a = m2(case.array("a"));
        let b = case.array("b").into_dimensionality::<Ix1>().expect("1-D");
        let n = a.nrows();
        let e = &case.expected;
        // Backward-stable answers are good to about cond·ε relative.
        let cond = as_f64(&e["cond"]);
        let rtol = case.rtol * cond.max(1.0);
        assert_close(det(&a).unwrap(), as_f64(&e["det"]), rtol, 0.0, &ctx);
        let r = slogdet(&a).unwrap();
        assert_eq!(r.sign, as_f64(&e["sign"]), "{ctx}");
        assert_close(r.logabsdet, as_f64(&e["logabsdet"]), 0.0, rtol, &ctx);
        let want = m2(as_array(&e["inv"]));
        let got = inv(&a).unwrap();
        assert!(
            max_abs(&(&got - &want)) <= rtol * max_abs(&want),
            "{ctx}: inv"
        );
        let x = solve(&a, &b).unwrap();
        let want = as_array(&e["solve"]).into_dimensionality::<Ix1>().unwrap();
        let scale = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        assert!(
            x.iter()
                .zip(&want)
                .all(|(g, w)| (g - w).abs() <= rtol * scale),
            "{ctx}: solve"
        );
        // Eigenvalues of the symmetric `a + aᵀ` (read from its lower
        // triangle), within 1e-12 of the largest in magnitude.
        let sym = Array2::from_shape_fn((n, n), |(i, j)| {
            let (i, j) = (i.max(j), i.min(j));
            (a[[i, j]] + a[[j, i]]) * 10f64.powi(case.i64("scale") as i32)
        });
        let want = as_array(&e["eigvalsh"])
            .into_dimensionality::<Ix1>()
            .unwrap();
        let big = want.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        for w in [eigvalsh(&sym).unwrap(), eigh(&sym).unwrap().w] {
            assert!(
                w.iter()
                    .zip(&want)
                    .all(|(g, w)| (g - w).abs() <= 1e-12 * big),
                "{ctx}: eigenvalues {w} vs {want}"
            );
        }
    }
}

#[test]
fn lu_paths_agree_with_the_generic_factorization() {
    let mut rng = StdRng::seed_from_u64(16);
    for n in 1..=17 {
        for _ in 0..4 {
            let a = random(n, &mut rng);
            let ctx = format!("n = {n}");
            // The same LU kernel on every path: equal bit for bit (n ≤ 2
            // uses closed forms).
            let d = det(&a).unwrap();
            if n > 2 {
                assert_eq!(d.to_bits(), det_from_lu_factor(&a).to_bits(), "{ctx}");
            } else {
                assert_close(d, det_from_lu_factor(&a), 1e-14, 1e-15, &ctx);
            }
            let f = lu_factor(&a).unwrap();
            let b = Array1::from_shape_fn(n, |_| rng.random::<f64>());
            assert_eq!(solve(&a, &b).unwrap(), lu_solve(&f, &b).unwrap(), "{ctx}");
            let bm = random(n, &mut rng).slice(s![.., ..3.min(n)]).to_owned();
            assert_eq!(solve(&a, &bm).unwrap(), lu_solve(&f, &bm).unwrap(), "{ctx}");
            let r = slogdet(&a).unwrap();
            assert_close(r.sign * r.logabsdet.exp(), d, 1e-13, 0.0, &ctx);
            // inv: small residuals both ways, and agreement with lu_solve(I).
            let x = inv(&a).unwrap();
            let id = Array2::<f64>::eye(n);
            let tol = 1e-14 * n as f64 * max_abs(&x) * max_abs(&a);
            assert!(max_abs(&(a.dot(&x) - &id)) <= 4.0 * tol, "{ctx}: a·x");
            assert!(max_abs(&(x.dot(&a) - &id)) <= 4.0 * tol, "{ctx}: x·a");
            let y = lu_solve(&f, &id).unwrap();
            assert!(
                max_abs(&(&x - &y)) <= tol * max_abs(&x),
                "{ctx}: vs lu_solve"
            );
        }
    }
}

#[test]
fn small_singular_and_non_finite_inputs() {
    let mut rng = StdRng::seed_from_u64(17);
    for n in 1..=17 {
        let ctx = format!("n = {n}");
        // A zero row: an exactly zero pivot whatever the rounding of the
        // multipliers (two equal rows need not give one: LAPACK, and the
        // f64 kernel, scale by the pivot's reciprocal).
        let mut a = random(n, &mut rng);
        a.row_mut(n / 2).fill(0.0);
        let zero = lu_factor(&a)
            .unwrap()
            .lu
            .diag()
            .iter()
            .position(|&d| d == 0.0)
            .expect("a zero pivot");
        let d = det(&a).unwrap();
        assert!(d == 0.0 && d.is_sign_positive(), "{ctx}: det {d}");
        let r = slogdet(&a).unwrap();
        assert_eq!((r.sign, r.logabsdet), (0.0, f64::NEG_INFINITY), "{ctx}");
        match inv(&a) {
            Err(Error::Singular { pivot }) => assert_eq!(pivot, zero, "{ctx}"),
            other => panic!("{ctx}: {other:?}"),
        }
        assert!(
            matches!(solve(&a, &Array1::ones(n)), Err(Error::Singular { .. })),
            "{ctx}"
        );
        // NaN and infinity anywhere, with the generic path's message.
        for bad in [f64::NAN, f64::INFINITY] {
            let mut a = random(n, &mut rng);
            a[[n / 2, n - 1]] = bad;
            let sym = &a + &a.t();
            let msg = format!("invalid argument `a`: must contain only finite values, found {bad}");
            for e in [
                det(&a).map(|_| ()),
                slogdet(&a).map(|_| ()),
                inv(&a).map(|_| ()),
                solve(&a, &Array1::ones(n)).map(|_| ()),
                eigh(&sym).map(|_| ()),
                eigvalsh(&sym).map(|_| ()),
            ] {
                assert_eq!(e.unwrap_err().to_string(), msg, "{ctx}");
            }
        }
    }
    // A non-finite entry in the ignored triangle is still rejected, as SciPy's check_finite.
    let mut s = Array2::<f64>::eye(4);
    s[[0, 3]] = f64::NAN;
    assert!(eigh(&s).is_err());
}

/// ‖a·v − v·diag(w)‖ and ‖vᵀ·v − I‖ in units of n·ε·‖a‖ and n·ε.
fn eigh_errors(a: &Array2<f64>, w: &Array1<f64>, v: &Array2<f64>) -> (f64, f64) {
    let n = a.nrows() as f64;
    let scale = max_abs(a).max(f64::MIN_POSITIVE);
    let res = max_abs(&(a.dot(v) - v.dot(&Array2::from_diag(w))));
    let orth = max_abs(&(v.t().dot(v) - Array2::<f64>::eye(a.nrows())));
    (res / (n * f64::EPSILON * scale), orth / (n * f64::EPSILON))
}

#[test]
fn small_eigh_backward_errors_and_agreement() {
    let mut rng = StdRng::seed_from_u64(18);
    for n in 1..=17 {
        for kind in 0..4 {
            let g = random(n, &mut rng);
            let mut a = &g + &g.t();
            match kind {
                1 => a.mapv_inplace(|v| (v * 4.0).round()), // repeated eigenvalues likely
                2 => {
                    // Graded over twelve orders of magnitude.
                    let sc: Vec<f64> = (0..n)
                        .map(|i| 10f64.powf(-12.0 * i as f64 / n as f64))
                        .collect();
                    a = Array2::from_shape_fn((n, n), |(i, j)| a[[i, j]] * sc[i] * sc[j]);
                }
                3 => a = Array2::eye(n) * 3.0, // already diagonal
                _ => {}
            }
            let ctx = format!("n = {n}, kind {kind}");
            let Eigh { w, v } = eigh(&a).unwrap();
            assert!(
                w.windows(2).into_iter().all(|p| p[0] <= p[1]),
                "{ctx}: ascending"
            );
            let (res, orth) = eigh_errors(&a, &w, &v);
            assert!(
                res < 8.0 && orth < 8.0,
                "{ctx}: residual {res}, orthogonality {orth}"
            );
            assert_eq!(eigvalsh(&a).unwrap().len(), n);
            // The generic path: complex input of the same matrix, and an
            // index subset of all eigenvalues (bisection).
            let c = a.mapv(|v| Complex64::new(v, 0.0));
            let wc = eigvalsh(&c).unwrap();
            let all = EighOptions {
                subset_by_index: Some((0, n - 1)),
                ..Default::default()
            };
            let ws = eigvalsh_with(&a, &all).unwrap();
            let big = max_abs(&a).max(f64::MIN_POSITIVE);
            for (k, &x) in w.iter().enumerate() {
                for y in [wc[k], ws[k], eigvalsh(&a).unwrap()[k]] {
                    assert!(
                        (x - y).abs() <= 4.0 * n as f64 * f64::EPSILON * big,
                        "{ctx}: {x} vs {y}"
                    );
                }
            }
        }
    }
}

#[test]
fn small_eigh_options_layouts_and_types() {
    let mut rng = StdRng::seed_from_u64(19);
    for n in [1usize, 3, 8, 16] {
        let g = random(n, &mut rng);
        let a = &g + &g.t();
        // Only the chosen triangle is read.
        let mut lo = a.clone();
        let mut up = a.clone();
        for i in 0..n {
            for j in i + 1..n {
                lo[[i, j]] = 99.0;
                up[[j, i]] = -99.0;
            }
        }
        let want = eigh(&a).unwrap();
        assert_eq!(eigh(&lo).unwrap(), want);
        let upper = EighOptions {
            lower: false,
            ..Default::default()
        };
        assert_eq!(eigh_with(&up, &upper).unwrap(), want);
        // Views, transposed and strided layouts read the same matrix.
        let big = Array2::from_shape_fn((2 * n, 2 * n), |(i, j)| {
            if i % 2 == 0 && j % 2 == 0 {
                a[[i / 2, j / 2]]
            } else {
                f64::NAN
            }
        });
        let strided = big.slice(s![..;2, ..;2]);
        assert_eq!(eigh(&strided).unwrap(), want);
        assert_eq!(eigh(&a.t()).unwrap(), want);
        let gt = g.t();
        assert_eq!(det(&gt).unwrap(), det(&g.t().to_owned()).unwrap());
        assert_eq!(inv(&gt).unwrap(), inv(&g.t().to_owned()).unwrap());
        // f32 goes through the same small path.
        let a32 = a.mapv(|v| v as f32);
        let Eigh { w, v } = eigh(&a32).unwrap();
        let res = (a32.dot(&v) - v.dot(&Array2::from_diag(&w)))
            .iter()
            .fold(0.0f32, |m, x| m.max(x.abs()));
        assert!(res < 1e-5 * n as f32 * 4.0, "f32 n = {n}: {res}");
    }
    // Complex input of small order keeps the generic path and its answers.
    let i = Complex64::new(0.0, 1.0);
    let c = array![
        [Complex64::new(2.0, 0.0), -i],
        [i, Complex64::new(2.0, 0.0)]
    ];
    let w = eigvalsh(&c).unwrap();
    assert!((w[0] - 1.0).abs() < 1e-15 && (w[1] - 3.0).abs() < 1e-15);
}
