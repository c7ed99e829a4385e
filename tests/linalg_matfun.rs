//! ferrosci::linalg matrix functions and matrix equations against SciPy
//! fixtures (`python3 tools/fixtures/linalg_matfun.py`), identities on seeded
//! random input, and edge cases.

mod common;

use common::{Case, check_array, check_carray, load};
use ferrosci::Error;
use ferrosci::linalg::*;
use ndarray::{Array2, ArrayD, Ix2, array};
use num_complex::Complex64;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

fn m2(a: ArrayD<f64>) -> Array2<f64> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn c2(a: ArrayD<Complex64>) -> Array2<Complex64> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn is_complex(case: &Case, name: &str) -> bool {
    case.arg(name)["dtype"] == "c128"
}
fn random(n: usize, rng: &mut StdRng) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |_| rng.random::<f64>() * 2.0 - 1.0)
}
fn crandom(n: usize, rng: &mut StdRng) -> Array2<Complex64> {
    Array2::from_shape_fn((n, n), |_| {
        Complex64::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5)
    })
}
fn fro<T: Scalar>(a: &Array2<T>) -> f64 {
    a.iter().map(|v| v.abs2().to_f64_real()).sum::<f64>().sqrt()
}
/// ‖a − b‖_F / ‖b‖_F.
fn rel<T: Scalar>(a: &Array2<T>, b: &Array2<T>) -> f64 {
    fro(&(a - b)) / fro(b).max(f64::MIN_POSITIVE)
}

#[test]
fn expm_matches_scipy() {
    for case in load("linalg", "matfun_expm") {
        if is_complex(&case, "a") {
            check_carray(&case, &expm(&c2(case.carray("a"))).unwrap());
        } else {
            check_array(&case, &expm(&m2(case.array("a"))).unwrap());
        }
    }
}

#[test]
fn expm_frechet_matches_scipy() {
    for case in load("linalg", "matfun_expm_frechet") {
        let method = match case.str("method") {
            "SPS" => FrechetMethod::Sps,
            _ => FrechetMethod::BlockEnlarge,
        };
        let opts = ExpmFrechetOptions {
            method,
            ..Default::default()
        };
        let expm_part = case.str("part") == "expm";
        if is_complex(&case, "a") {
            let r = expm_frechet_with(&c2(case.carray("a")), &c2(case.carray("e")), &opts);
            let r = r.unwrap();
            check_carray(&case, if expm_part { &r.expm } else { &r.frechet });
        } else {
            let r = expm_frechet_with(&m2(case.array("a")), &m2(case.array("e")), &opts);
            let r = r.unwrap();
            check_array(&case, if expm_part { &r.expm } else { &r.frechet });
        }
    }
}

#[test]
fn trig_and_hyperbolic_match_scipy() {
    for case in load("linalg", "matfun_trig") {
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            let got = match case.str("f") {
                "cosm" => cosm(&a),
                "sinm" => sinm(&a),
                "tanm" => tanm(&a),
                "coshm" => coshm(&a),
                "sinhm" => sinhm(&a),
                "tanhm" => tanhm(&a),
                f => panic!("unknown {f}"),
            };
            check_carray(&case, &got.unwrap());
        } else {
            let a = m2(case.array("a"));
            let got = match case.str("f") {
                "cosm" => cosm(&a),
                "sinm" => sinm(&a),
                "tanm" => tanm(&a),
                "coshm" => coshm(&a),
                "sinhm" => sinhm(&a),
                "tanhm" => tanhm(&a),
                f => panic!("unknown {f}"),
            };
            check_array(&case, &got.unwrap());
        }
    }
}

#[test]
fn expm_of_commuting_sum_is_product() {
    let mut rng = StdRng::seed_from_u64(7);
    for n in [3, 8, 20] {
        let a = random(n, &mut rng);
        // B = polynomial in A commutes with A.
        let b = a.dot(&a) * 0.3 - &a * 2.0 + Array2::<f64>::eye(n) * 0.5;
        let lhs = expm(&(&a + &b)).unwrap();
        let rhs = expm(&a).unwrap().dot(&expm(&b).unwrap());
        assert!(
            rel(&lhs, &rhs) < 1e-12 * n as f64,
            "n={n}: {}",
            rel(&lhs, &rhs)
        );
        let c = crandom(n, &mut rng);
        let inv = expm(&c).unwrap().dot(&expm(&c.mapv(|v| -v)).unwrap());
        assert!(rel(&inv, &Array2::eye(n)) < 1e-13 * n as f64);
    }
}

#[test]
fn expm_edge_cases() {
    assert_eq!(expm(&Array2::<f64>::zeros((0, 0))).unwrap().dim(), (0, 0));
    assert_eq!(expm(&array![[2.0_f64]]).unwrap()[[0, 0]], 2.0_f64.exp());
    assert_eq!(
        expm(&Array2::<f64>::zeros((3, 3))).unwrap(),
        Array2::<f64>::eye(3)
    );
    let e = expm(&Array2::<f64>::zeros((2, 3))).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { name: "a", ref got, .. } if got == &[2, 3]));
    let e = expm(&array![[1.0, f64::NAN], [0.0, 1.0]]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "a", .. }), "{e}");
    assert!(expm(&array![[f64::INFINITY]]).is_err());
    // Overflow is an answer (inf), not an error, as in SciPy.
    assert!(expm(&array![[800.0_f64, 0.0], [0.0, 1.0]]).unwrap()[[0, 0]].is_infinite());
    let e = expm_frechet(&Array2::<f64>::eye(2), &Array2::<f64>::eye(3)).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { name: "E", .. }));
    assert!(cosm(&Array2::<f64>::zeros((3, 2))).is_err());
    assert!(tanhm(&array![[f64::NAN]]).is_err());
}

#[test]
fn expm_frechet_matches_finite_differences() {
    let mut rng = StdRng::seed_from_u64(11);
    for (n, scale) in [(4, 0.01), (5, 1.0), (6, 10.0)] {
        let a = random(n, &mut rng) * scale;
        let e = random(n, &mut rng);
        let r = expm_frechet(&a, &e).unwrap();
        let h = 1e-5;
        let fd = (expm(&(&a + &(&e * h))).unwrap() - expm(&(&a - &(&e * h))).unwrap()) / (2.0 * h);
        assert!(
            rel(&r.frechet, &fd) < 1e-7,
            "n={n}: {}",
            rel(&r.frechet, &fd)
        );
        assert!(rel(&r.expm, &expm(&a).unwrap()) < 1e-13 * n as f64);
    }
}
