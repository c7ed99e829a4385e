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

/// Compares a [`MaybeComplex`] against the case's expected array: a real
/// expected array requires the `Real` variant (SciPy's dtype); a complex one
/// the `Complex` variant, unless SciPy's imaginary parts are rounding noise
/// (`fractional_matrix_power` keeps SciPy's complex dtype for real input with
/// complex eigenvalues, where we apply the `_maybe_real` rule).
fn check_maybe(case: &Case, got: MaybeComplex<f64>) {
    let want_complex = case.expected["dtype"] == "c128";
    match got {
        MaybeComplex::Real(r) => {
            if want_complex {
                let want = common::as_carray(&case.expected);
                let scale = want.iter().map(|z| z.norm()).fold(0.0, f64::max);
                let imag = want.iter().map(|z| z.im.abs()).fold(0.0, f64::max);
                assert!(
                    imag <= 1e-12 * scale.max(1.0),
                    "{}: real result, SciPy's imaginary part {imag:e}",
                    case.id
                );
            }
            let cr = r.mapv(|x| Complex64::new(x, 0.0));
            let want = common::as_carray(&case.expected).mapv(|z| Complex64::new(z.re, 0.0));
            common::assert_array_close(
                &cr.view().into_dyn(),
                &want,
                case.rtol,
                case.atol,
                &case.ctx(),
            );
        }
        MaybeComplex::Complex(c) => {
            assert!(
                want_complex,
                "{}: got a complex result, SciPy's is real",
                case.id
            );
            check_carray(case, &c);
        }
    }
}

#[test]
fn sqrtm_and_logm_match_scipy() {
    for case in load("linalg", "matfun_sqrtm_logm") {
        let f = case.str("f");
        let got = if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            if f == "sqrtm" { sqrtm(&a) } else { logm(&a) }
        } else {
            let a = m2(case.array("a"));
            if f == "sqrtm" { sqrtm(&a) } else { logm(&a) }
        };
        check_maybe(&case, got.unwrap());
    }
}

#[test]
fn fractional_matrix_power_matches_scipy() {
    for case in load("linalg", "matfun_fractional_power") {
        let t = case.f64("t");
        let got = if is_complex(&case, "a") {
            fractional_matrix_power(&c2(case.carray("a")), t)
        } else {
            fractional_matrix_power(&m2(case.array("a")), t)
        };
        check_maybe(&case, got.unwrap());
    }
}

#[test]
fn funm_matches_scipy() {
    for case in load("linalg", "matfun_funm") {
        let f = |z: Complex64| match case.str("func") {
            "exp" => z.exp(),
            "sin" => z.sin(),
            "sqrt" => z.sqrt(),
            _ => z * z,
        };
        let got = if is_complex(&case, "a") {
            funm(&c2(case.carray("a")), f)
        } else {
            funm(&m2(case.array("a")), f)
        }
        .unwrap();
        let want_err = case.f64("errest");
        // The estimate depends on the Schur form's eigenvalue order; same magnitude.
        assert!(
            got.errest <= 100.0 * want_err.max(f64::EPSILON)
                && got.errest >= want_err.min(1.0) / 100.0,
            "{}: errest {} vs SciPy {}",
            case.id,
            got.errest,
            want_err
        );
        check_maybe(&case, got.f);
    }
}

#[test]
fn signm_matches_scipy() {
    for case in load("linalg", "matfun_signm") {
        let got = if is_complex(&case, "a") {
            signm(&c2(case.carray("a")))
        } else {
            signm(&m2(case.array("a")))
        };
        check_maybe(&case, got.unwrap());
    }
}

#[test]
fn matrix_equations_match_scipy() {
    for case in load("linalg", "matfun_equations") {
        let eq = case.str("eq");
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            let q = c2(case.carray("q"));
            let x = match eq {
                "sylvester" => solve_sylvester(&a, &c2(case.carray("b")), &q),
                "continuous_lyapunov" => solve_continuous_lyapunov(&a, &q),
                _ => solve_discrete_lyapunov(&a, &q),
            };
            check_carray(&case, &x.unwrap());
        } else {
            let a = m2(case.array("a"));
            let q = m2(case.array("q"));
            let x = match eq {
                "sylvester" => solve_sylvester(&a, &m2(case.array("b")), &q),
                "continuous_lyapunov" => solve_continuous_lyapunov(&a, &q),
                _ => solve_discrete_lyapunov(&a, &q),
            };
            check_array(&case, &x.unwrap());
        }
    }
}

#[test]
fn riccati_equations_match_scipy() {
    for case in load("linalg", "matfun_are") {
        let continuous = case.str("kind") == "continuous";
        if is_complex(&case, "a") || is_complex(&case, "b") || is_complex(&case, "q") {
            let get = |n: &str| c2(case.carray(n));
            let (e, s) = (
                case.has("e").then(|| get("e")),
                case.has("s").then(|| get("s")),
            );
            let opts = AreOptions {
                e: e.as_deref(),
                s: s.as_deref(),
            };
            let (a, b, q, r) = (get("a"), get("b"), get("q"), get("r"));
            let x = if continuous {
                solve_continuous_are_with(&a, &b, &q, &r, &opts)
            } else {
                solve_discrete_are_with(&a, &b, &q, &r, &opts)
            };
            check_carray(&case, &x.unwrap());
        } else {
            let get = |n: &str| m2(case.array(n));
            let (e, s) = (
                case.has("e").then(|| get("e")),
                case.has("s").then(|| get("s")),
            );
            let opts = AreOptions {
                e: e.as_deref(),
                s: s.as_deref(),
            };
            let (a, b, q, r) = (get("a"), get("b"), get("q"), get("r"));
            let x = if continuous {
                solve_continuous_are_with(&a, &b, &q, &r, &opts)
            } else {
                solve_discrete_are_with(&a, &b, &q, &r, &opts)
            };
            check_array(&case, &x.unwrap());
        }
    }
}
