//! ferrosci::linalg matrix functions and matrix equations against SciPy
//! fixtures (`python3 tools/fixtures/linalg_matfun.py`), identities on seeded
//! random input, and edge cases.

mod common;

use common::{Case, as_carray, as_f64, check_array, check_carray, load};
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

/// Solves the case's Riccati equation (`kind` continuous or discrete) on
/// the matrices `get` reads, real or complex.
fn solve_are_case<T: Scalar>(
    case: &Case,
    get: impl Fn(&str) -> Array2<T>,
    balanced: bool,
) -> Result<Array2<T>, Error> {
    let (e, s) = (
        case.has("e").then(|| get("e")),
        case.has("s").then(|| get("s")),
    );
    let opts = AreOptions {
        e: e.as_deref(),
        s: s.as_deref(),
        balanced,
    };
    let (a, b, q, r) = (get("a"), get("b"), get("q"), get("r"));
    if case.str("kind") == "continuous" {
        solve_continuous_are_with(&a, &b, &q, &r, &opts)
    } else {
        solve_discrete_are_with(&a, &b, &q, &r, &opts)
    }
}

#[test]
fn riccati_equations_match_scipy() {
    for case in load("linalg", "matfun_are") {
        if is_complex(&case, "a") || is_complex(&case, "b") || is_complex(&case, "q") {
            let x = solve_are_case(&case, |n| c2(case.carray(n)), true);
            check_carray(&case, &x.unwrap());
        } else {
            let x = solve_are_case(&case, |n| m2(case.array(n)), true);
            check_array(&case, &x.unwrap());
        }
    }
}

/// `max |x − xt|ᵢⱼ / √|xtᵢᵢ·xtⱼⱼ|`: the error free of the states' scaling.
fn scaled_error(x: &Array2<Complex64>, xt: &Array2<Complex64>) -> f64 {
    let n = xt.nrows();
    let mut err = 0.0_f64;
    for i in 0..n {
        for j in 0..n {
            let d = (xt[[i, i]].norm() * xt[[j, j]].norm()).sqrt();
            err = err.max((x[[i, j]] - xt[[i, j]]).norm() / d);
        }
    }
    err
}

/// Graded (badly scaled) problems with a known exact solution
/// (`python3 tools/fixtures/linalg_are_balanced.py`): with SciPy's default
/// `balanced = true` we are as accurate as SciPy; without it accuracy may be
/// lost or the iteration fail, as SciPy's does on some of them.
#[test]
fn riccati_balanced_on_graded_problems() {
    let mut helped = 0;
    for case in load("linalg", "matfun_are_balanced") {
        let ctx = case.ctx();
        let xt = c2(case.carray("x_exact"));
        let scipy_x = c2(as_carray(&case.expected["x"]));
        let scipy_err = as_f64(&case.expected["err"]);
        let solve = |balanced: bool| -> Result<Array2<Complex64>, Error> {
            if is_complex(&case, "a") {
                solve_are_case(&case, |n| c2(case.carray(n)), balanced)
            } else {
                solve_are_case(&case, |n| m2(case.array(n)), balanced)
                    .map(|x| x.mapv(|v| Complex64::new(v, 0.0)))
            }
        };
        let x = solve(true).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let err = scaled_error(&x, &xt);
        assert!(
            err <= (10.0 * scipy_err).max(1e-12),
            "{ctx}: scaled error {err:e}, SciPy's {scipy_err:e}"
        );
        let vs = scaled_error(&x, &scipy_x);
        assert!(vs <= 1e-12, "{ctx}: scaled distance to SciPy {vs:e}");
        match solve(false) {
            Ok(xu) => {
                assert!(
                    xu.iter().all(|v| v.re.is_finite() && v.im.is_finite()),
                    "{ctx}"
                );
                helped += usize::from(scaled_error(&xu, &xt) > 1e3 * err.max(1e-16));
            }
            Err(e) => {
                assert!(matches!(e, Error::NotConverged { .. }), "{ctx}: {e}");
                helped += 1;
            }
        }
    }
    // Balancing must matter on these problems for us too.
    assert!(
        helped >= 2,
        "balancing changed the outcome on {helped} problems"
    );
}

/// A random matrix with eigenvalues in the right half-plane.
fn positive(n: usize, rng: &mut StdRng) -> Array2<f64> {
    random(n, rng) + Array2::<f64>::eye(n) * (n as f64).sqrt()
}

#[test]
fn sqrtm_logm_identities_on_random_input() {
    let mut rng = StdRng::seed_from_u64(21);
    for n in [2, 9, 45] {
        // 45 > the recursion leaf: exercises the blocked square root and Sylvester.
        let a = positive(n, &mut rng);
        let r = sqrtm(&a).unwrap().into_real().expect("real root");
        assert!(rel(&r.dot(&r), &a) < 1e-13 * n as f64, "sqrtm n={n}");
        let l = logm(&a).unwrap().into_real().expect("real log");
        assert!(rel(&expm(&l).unwrap(), &a) < 1e-12 * n as f64, "logm n={n}");
        let c = crandom(n, &mut rng) + Array2::<Complex64>::eye(n) * Complex64::new(1.0, 0.5);
        let rc = sqrtm(&c).unwrap().into_complex();
        assert!(
            rel(&rc.dot(&rc), &c) < 1e-13 * n as f64,
            "complex sqrtm n={n}"
        );
        let lc = logm(&c).unwrap().into_complex();
        assert!(
            rel(&expm(&lc).unwrap(), &c) < 1e-12 * n as f64,
            "complex logm n={n}"
        );
        // A^(1/3) cubed, and A^(-0.5) = inverse square root.
        let p = fractional_matrix_power(&a, 1.0 / 3.0)
            .unwrap()
            .into_complex();
        let ac = a.mapv(|x| Complex64::new(x, 0.0));
        assert!(
            rel(&p.dot(&p).dot(&p), &ac) < 1e-12 * n as f64,
            "A^(1/3) n={n}"
        );
        let m = fractional_matrix_power(&a, -0.5)
            .unwrap()
            .into_real()
            .unwrap();
        assert!(
            rel(&m.dot(&r), &Array2::eye(n)) < 1e-12 * n as f64,
            "A^(-1/2) n={n}"
        );
        // funm agrees with the dedicated algorithms on well-separated spectra.
        let f = funm(&a, |z| z.sqrt()).unwrap();
        assert!(rel(&f.f.into_real().unwrap(), &r) < 1e-8, "funm sqrt n={n}");
        // sign(A) = I for eigenvalues in the right half-plane.
        let s = signm(&a).unwrap().into_real().unwrap();
        assert!(rel(&s, &Array2::eye(n)) < 1e-10, "signm n={n}");
    }
}

#[test]
fn real_input_with_negative_eigenvalues_gives_complex_principal_values() {
    let a = array![[-4.0_f64, 1.0], [0.0, -1.0]];
    let r = sqrtm(&a).unwrap();
    assert!(!r.is_real());
    let r = r.into_complex();
    // Principal branch: eigenvalues +2i and +i.
    assert!((r[[0, 0]] - Complex64::new(0.0, 2.0)).norm() < 1e-15);
    assert!((r[[1, 1]] - Complex64::new(0.0, 1.0)).norm() < 1e-15);
    let l = logm(&a).unwrap().into_complex();
    assert!((l[[0, 0]] - Complex64::new(4.0_f64.ln(), std::f64::consts::PI)).norm() < 1e-14);
    let e = expm(&l).unwrap();
    assert!(rel(&e, &a.mapv(|x| Complex64::new(x, 0.0))) < 1e-14);
    // A rotation by π/2 has eigenvalues ±i: real square root and logarithm.
    let rot = array![[0.0_f64, -1.0], [1.0, 0.0]];
    let half = sqrtm(&rot).unwrap().into_real().expect("real root");
    assert!(rel(&half.dot(&half), &rot) < 1e-15);
}

#[test]
fn schur_function_edge_cases() {
    let empty = Array2::<f64>::zeros((0, 0));
    assert_eq!(sqrtm(&empty).unwrap().into_complex().dim(), (0, 0));
    assert_eq!(logm(&empty).unwrap().into_complex().dim(), (0, 0));
    assert_eq!(
        fractional_matrix_power(&empty, 0.5)
            .unwrap()
            .into_complex()
            .dim(),
        (0, 0)
    );
    assert_eq!(signm(&empty).unwrap().into_complex().dim(), (0, 0));
    assert_eq!(funm(&empty, |z| z).unwrap().f.into_complex().dim(), (0, 0));
    // 1 × 1 and f32.
    let one = sqrtm(&array![[2.25_f32]]).unwrap().into_real().unwrap();
    assert!((one[[0, 0]] - 1.5).abs() < 1e-7);
    // Zero matrix: sqrt is zero; log does not exist.
    let z = Array2::<f64>::zeros((3, 3));
    assert_eq!(sqrtm(&z).unwrap().into_real().unwrap(), z);
    assert!(matches!(logm(&z), Err(Error::Singular { .. })));
    // Singular with a square root, and the nilpotent block without one.
    let s = array![[4.0_f64, 1.0], [0.0, 0.0]];
    let r = sqrtm(&s).unwrap().into_real().unwrap();
    assert!(rel(&r.dot(&r), &s) < 1e-15);
    let e = sqrtm(&array![[0.0_f64, 1.0], [0.0, 0.0]]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "A", .. }), "{e}");
    // Integer and negative powers; singular matrix with a negative power.
    let a = array![[2.0_f64, 1.0], [0.0, 3.0]];
    let p3 = fractional_matrix_power(&a, 3.0)
        .unwrap()
        .into_real()
        .unwrap();
    assert!(rel(&p3, &a.dot(&a).dot(&a)) < 1e-15);
    let pm1 = fractional_matrix_power(&a, -1.0)
        .unwrap()
        .into_real()
        .unwrap();
    assert!(rel(&pm1.dot(&a), &Array2::eye(2)) < 1e-15);
    assert!(fractional_matrix_power(&s, -0.5).is_err());
    let sp = fractional_matrix_power(&s, 1.5)
        .unwrap()
        .into_real()
        .unwrap();
    assert!(rel(&sp.dot(&sp), &s.dot(&s).dot(&s)) < 1e-12);
    assert!(fractional_matrix_power(&a, f64::NAN).is_err());
    // Shapes and non-finite input.
    let rect = Array2::<f64>::zeros((2, 3));
    for e in [
        sqrtm(&rect).unwrap_err(),
        logm(&rect).unwrap_err(),
        signm(&rect).unwrap_err(),
    ] {
        assert!(matches!(e, Error::ShapeMismatch { name: "A", ref got, .. } if got == &[2, 3]));
    }
    assert!(matches!(
        funm(&rect, |z| z),
        Err(Error::ShapeMismatch { .. })
    ));
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    assert!(matches!(sqrtm(&nan), Err(Error::InvalidArgument { .. })));
    assert!(matches!(logm(&nan), Err(Error::InvalidArgument { .. })));
    assert!(matches!(
        funm(&nan, |z| z),
        Err(Error::InvalidArgument { .. })
    ));
    // funm on repeated eigenvalues of a non-diagonal matrix: the recurrence
    // divides by zero, and the estimate says so.
    let bad = funm(&array![[1.0_f64, 1.0], [0.0, 1.0]], |z| z.exp()).unwrap();
    assert!(
        bad.errest.is_infinite() || bad.errest >= 1.0,
        "{}",
        bad.errest
    );
    // signm of a defective matrix takes the Newton fallback.
    let d = signm(&array![[-1.0_f64, 1.0], [0.0, -1.0]])
        .unwrap()
        .into_real()
        .unwrap();
    assert!(rel(&d, &-Array2::<f64>::eye(2)) < 1e-10, "{d}");
}

/// ‖Aᴴ·X + X·A − X·B·R⁻¹·Bᴴ·X + Q‖ relative to ‖Q‖ + ‖Aᴴ·X‖.
fn care_residual(
    a: &Array2<f64>,
    b: &Array2<f64>,
    q: &Array2<f64>,
    r: &Array2<f64>,
    x: &Array2<f64>,
) -> f64 {
    let g = b.dot(&inv(r).unwrap()).dot(&b.t());
    let ax = a.t().dot(x);
    let res = &ax + &ax.t() - x.dot(&g).dot(x) + q;
    fro(&res) / (fro(q) + fro(&ax))
}

#[test]
fn equation_residuals_on_random_input() {
    let mut rng = StdRng::seed_from_u64(33);
    for (m, n) in [(1, 1), (5, 3), (50, 40)] {
        let a = positive(m, &mut rng);
        let b = positive(n, &mut rng);
        let q = Array2::from_shape_fn((m, n), |_| rng.random::<f64>() - 0.5);
        let x = solve_sylvester(&a, &b, &q).unwrap();
        assert!(
            rel(&(a.dot(&x) + x.dot(&b)), &q) < 1e-13 * m as f64,
            "sylvester {m}x{n}"
        );
        let c = crandom(m, &mut rng) + Array2::<Complex64>::eye(m) * Complex64::new(3.0, 1.0);
        let qc = crandom(m, &mut rng);
        let xc = solve_continuous_lyapunov(&c, &qc).unwrap();
        let lhs = c.dot(&xc) + xc.dot(&c.t().mapv(|v| v.conj()));
        assert!(rel(&lhs, &qc) < 1e-13 * m as f64, "lyapunov {m}");
    }
    // Discrete: direct (n < 10) and bilinear (n ≥ 10) against each other and the residual.
    for n in [3, 12] {
        let a = random(n, &mut rng) * (0.4 / (n as f64).sqrt());
        let q = random(n, &mut rng);
        let q = q.dot(&q.t());
        for method in [
            DiscreteLyapunovMethod::Direct,
            DiscreteLyapunovMethod::Bilinear,
        ] {
            let opts = DiscreteLyapunovOptions {
                method: Some(method),
            };
            let x = solve_discrete_lyapunov_with(&a, &q, &opts).unwrap();
            let res = a.dot(&x).dot(&a.t()) - &x + &q;
            assert!(fro(&res) < 1e-13 * n as f64 * fro(&q), "{method:?} n={n}");
        }
    }
    // Riccati: the stabilizing solution has a small residual and a stable closed loop.
    for (n, k) in [(2, 1), (8, 3), (20, 4)] {
        let a = random(n, &mut rng) * 2.0;
        let b = Array2::from_shape_fn((n, k), |_| rng.random::<f64>() - 0.5);
        let q = Array2::<f64>::eye(n);
        let r = Array2::<f64>::eye(k) * 0.5;
        let x = solve_continuous_are(&a, &b, &q, &r).unwrap();
        assert!(
            care_residual(&a, &b, &q, &r, &x) < 1e-12 * n as f64,
            "care n={n}"
        );
        let xd = solve_discrete_are(&a.mapv(|v| v * 0.3), &b, &q, &r).unwrap();
        let ad = a.mapv(|v| v * 0.3);
        let k_inv = inv(&(&r + &b.t().dot(&xd).dot(&b))).unwrap();
        let axb = ad.t().dot(&xd).dot(&b);
        let res = ad.t().dot(&xd).dot(&ad) - &xd - axb.dot(&k_inv).dot(&axb.t()) + &q;
        assert!(fro(&res) < 1e-11 * n as f64 * fro(&xd), "dare n={n}");
    }
}

#[test]
fn equation_edge_cases() {
    let e0 = Array2::<f64>::zeros((0, 0));
    assert_eq!(solve_sylvester(&e0, &e0, &e0).unwrap().dim(), (0, 0));
    assert_eq!(solve_continuous_lyapunov(&e0, &e0).unwrap().dim(), (0, 0));
    assert_eq!(solve_discrete_lyapunov(&e0, &e0).unwrap().dim(), (0, 0));
    let b0 = Array2::<f64>::zeros((0, 1));
    let r1 = array![[1.0_f64]];
    assert_eq!(
        solve_continuous_are(&e0, &b0, &e0, &r1).unwrap().dim(),
        (0, 0)
    );
    // Shapes.
    let a = Array2::<f64>::eye(3);
    let e = solve_sylvester(&a, &Array2::<f64>::eye(2), &Array2::<f64>::zeros((3, 3))).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "q", ref expected, .. } if expected == &[3, 2])
    );
    assert!(matches!(
        solve_sylvester(&Array2::<f64>::zeros((2, 3)), &a, &a),
        Err(Error::ShapeMismatch { name: "a", .. })
    ));
    assert!(matches!(
        solve_discrete_lyapunov(&a, &Array2::<f64>::eye(2)),
        Err(Error::ShapeMismatch { name: "q", .. })
    ));
    // A and −B share an eigenvalue: no unique solution.
    let e =
        solve_sylvester(&array![[1.0_f64]], &array![[-1.0_f64]], &array![[1.0_f64]]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "a", .. }), "{e}");
    // NaN.
    assert!(solve_continuous_lyapunov(&array![[f64::NAN]], &array![[1.0]]).is_err());
    // Riccati argument checks: non-symmetric q, singular r (continuous), bad shapes.
    let b = array![[1.0_f64], [0.0], [1.0]];
    let bad_q = array![[1.0_f64, 2.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    let e = solve_continuous_are(&a, &b, &bad_q, &r1).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "q", .. }), "{e}");
    let e = solve_continuous_are(&a, &b, &a, &array![[0.0_f64]]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "r", .. }), "{e}");
    let e = solve_discrete_are(&a, &Array2::<f64>::zeros((2, 1)), &a, &r1).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { name: "b", .. }));
    let s_bad = Array2::<f64>::zeros((3, 2));
    let opts = AreOptions {
        s: Some(&s_bad),
        ..Default::default()
    };
    assert!(matches!(
        solve_continuous_are_with(&a, &b, &a, &r1, &opts),
        Err(Error::ShapeMismatch { name: "s", .. })
    ));
    // No stabilizing solution: an uncontrollable mode on the imaginary axis.
    let e = solve_continuous_are(
        &array![[0.0_f64]],
        &array![[0.0_f64]],
        &array![[0.0_f64]],
        &r1,
    );
    assert!(e.is_err());
}

#[test]
fn expm_cond_matches_scipy() {
    for case in load("linalg", "matfun_expm_cond") {
        let got = if is_complex(&case, "a") {
            expm_cond(&c2(case.carray("a")))
        } else {
            expm_cond(&m2(case.array("a")))
        };
        common::check_scalar(&case, got.unwrap());
    }
    assert!(expm_cond(&Array2::<f64>::zeros((2, 3))).is_err());
    assert!(expm_cond(&array![[f64::NAN]]).is_err());
}
