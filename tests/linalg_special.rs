//! ferrosci::linalg's special matrices and matrix products against SciPy
//! fixtures (`python3 tools/fixtures/linalg.py`), identities and errors.

mod common;

use common::{Case, as_array, as_carray, check_array, check_carray, load};
use ferrosci::Error;
use ferrosci::linalg::*;
use ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array};
use num_complex::Complex64;
use serde_json::Value;

fn v1(a: ArrayD<f64>) -> Array1<f64> {
    a.into_dimensionality::<Ix1>().expect("1-D")
}
fn c1(a: ArrayD<Complex64>) -> Array1<Complex64> {
    a.into_dimensionality::<Ix1>().expect("1-D")
}
fn m2(a: ArrayD<f64>) -> Array2<f64> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn c2(a: ArrayD<Complex64>) -> Array2<Complex64> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn is_complex(v: &Value) -> bool {
    v["dtype"] == "c128"
}
/// A sub-case whose expected value is `case.expected[key]`.
fn part(case: &Case, key: &str) -> Case {
    Case {
        id: format!("{}:{key}", case.id),
        expected: case.expected[key].clone(),
        ..case.clone()
    }
}
fn invalid_name(e: Error) -> &'static str {
    match e {
        Error::InvalidArgument { name, .. } => name,
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

#[test]
fn toeplitz_hankel_circulant_match_scipy() {
    let cases = load("linalg", "toeplitz_family");
    assert!(cases.len() >= 10);
    for case in cases {
        let complex = is_complex(case.arg("c")) || case.has("r") && is_complex(case.arg("r"));
        if case.id.starts_with("circulant_") {
            if complex {
                check_carray(&part(&case, "circulant"), &circulant(&c1(case.carray("c"))));
            } else {
                check_array(&part(&case, "circulant"), &circulant(&v1(case.array("c"))));
            }
            continue;
        }
        if complex {
            let c = c1(case.carray("c"));
            let r = case.has("r").then(|| c1(case.carray("r")));
            check_carray(&part(&case, "toeplitz"), &toeplitz(&c, r.as_deref()));
            check_carray(&part(&case, "hankel"), &hankel(&c, r.as_deref()));
        } else {
            let c = v1(case.array("c"));
            let r = case.has("r").then(|| v1(case.array("r")));
            check_array(&part(&case, "toeplitz"), &toeplitz(&c, r.as_deref()));
            check_array(&part(&case, "hankel"), &hankel(&c, r.as_deref()));
        }
    }
}

#[test]
fn toeplitz_ignores_r0_and_hankel_ignores_r0() {
    let c = array![1.0, 2.0, 3.0];
    let t1 = toeplitz(&c, Some(&array![7.0, 4.0]));
    let t2 = toeplitz(&c, Some(&array![-99.0, 4.0]));
    assert_eq!(t1, t2);
    assert_eq!(t1[[0, 0]], 1.0);
    let h1 = hankel(&c, Some(&array![7.0, 4.0]));
    assert_eq!(h1, hankel(&c, Some(&array![-99.0, 4.0])));
    assert_eq!(h1[[2, 0]], 3.0);
    assert_eq!(h1[[2, 1]], 4.0);
    // Views with strides work as owned arrays do.
    let wide = array![[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]];
    assert_eq!(toeplitz(&wide.column(0), None), toeplitz(&c, None));
}

#[test]
fn circulant_diagonalised_by_the_dft() {
    // F·C·F⁻¹ is diagonal with eigenvalues F·c.
    let c = array![1.0, -2.0, 0.5, 4.0, 3.0].mapv(|v| Complex64::new(v, 0.0));
    let n = c.len();
    let f = dft(n);
    let finv = dft_with(
        n,
        &DftOptions {
            scale: Some(DftScale::N),
        },
    )
    .mapv(|z| z.conj());
    let d = f.dot(&circulant(&c)).dot(&finv);
    let lam = f.dot(&c);
    for i in 0..n {
        for j in 0..n {
            let want = if i == j {
                lam[i]
            } else {
                Complex64::new(0.0, 0.0)
            };
            assert!(
                (d[[i, j]] - want).norm() < 1e-13,
                "({i},{j}): {}",
                d[[i, j]]
            );
        }
    }
}

#[test]
fn convolution_matrix_matches_scipy() {
    for case in load("linalg", "convolution_matrix") {
        let n = case.usize("n");
        let mode = match case.str("mode") {
            "full" => ConvolutionMode::Full,
            "same" => ConvolutionMode::Same,
            "valid" => ConvolutionMode::Valid,
            other => panic!("unknown mode {other}"),
        };
        let opts = ConvolutionMatrixOptions { mode };
        if is_complex(case.arg("a")) {
            let got = convolution_matrix_with(&c1(case.carray("a")), n, &opts).unwrap();
            check_carray(&case, &got);
        } else {
            let got = convolution_matrix_with(&v1(case.array("a")), n, &opts).unwrap();
            check_array(&case, &got);
        }
    }
}

#[test]
fn convolution_matrix_errors_name_the_argument() {
    let e = convolution_matrix(&Array1::<f64>::zeros(0), 3).unwrap_err();
    assert_eq!(invalid_name(e), "a");
    let e = convolution_matrix(&array![1.0, 2.0], 0).unwrap_err();
    assert!(e.to_string().contains("positive"), "{e}");
    assert_eq!(invalid_name(e), "n");
}

#[test]
fn companion_matches_scipy_and_has_the_roots() {
    for case in load("linalg", "companion") {
        if is_complex(case.arg("a")) {
            check_carray(&case, &companion(&c1(case.carray("a"))).unwrap());
        } else {
            check_array(&case, &companion(&v1(case.array("a"))).unwrap());
        }
    }
    // (x − 1)(x − 2)(x − 3): the eigenvalues of the companion are the roots.
    let c = companion(&array![1.0, -6.0, 11.0, -6.0]).unwrap();
    let cv: Array1<f64> = c.dot(&array![1.0, 0.5, 0.25]);
    // Eigenvector of root 2 is (4, 2, 1) up to scale: C·v = 2·v.
    assert!((cv - array![2.0, 1.0, 0.5]).iter().all(|d| d.abs() < 1e-15));
    for bad in [array![1.0], Array1::zeros(0), array![0.0, 1.0]] {
        let e = companion(&bad).unwrap_err();
        assert_eq!(invalid_name(e), "a");
    }
}

#[test]
fn leslie_matches_scipy_and_checks_lengths() {
    for case in load("linalg", "leslie") {
        if is_complex(case.arg("f")) {
            let got = leslie(&c1(case.carray("f")), &c1(case.carray("s"))).unwrap();
            check_carray(&case, &got);
        } else {
            let got = leslie(&v1(case.array("f")), &v1(case.array("s"))).unwrap();
            check_array(&case, &got);
        }
    }
    let e = leslie(&array![1.0, 2.0], &array![3.0, 4.0]).unwrap_err();
    assert!(e.to_string().contains("one less"), "{e}");
    assert_eq!(invalid_name(e), "s");
    let e = leslie(&array![1.0], &Array1::zeros(0)).unwrap_err();
    assert!(e.to_string().contains("at least one"), "{e}");
    let e = leslie(&Array1::<f64>::zeros(0), &Array1::zeros(0)).unwrap_err();
    assert_eq!(invalid_name(e), "s");
}

#[test]
fn fiedler_matches_scipy() {
    for case in load("linalg", "fiedler") {
        let got = if is_complex(case.arg("a")) {
            fiedler(&c1(case.carray("a")))
        } else {
            fiedler(&v1(case.array("a")))
        };
        check_array(&case, &got);
    }
    assert_eq!(fiedler(&Array1::<f64>::zeros(0)).dim(), (0, 0));
}

#[test]
fn block_diag_matches_scipy() {
    for case in load("linalg", "block_diag") {
        let blocks = case.arg("blocks").as_array().unwrap();
        if blocks.iter().any(is_complex) {
            let owned: Vec<Array2<Complex64>> = blocks.iter().map(|b| c2(as_carray(b))).collect();
            let refs: Vec<_> = owned.iter().map(|b| &**b).collect();
            check_carray(&case, &block_diag(&refs));
        } else {
            let owned: Vec<Array2<f64>> = blocks.iter().map(|b| m2(as_array(b))).collect();
            let refs: Vec<_> = owned.iter().map(|b| &**b).collect();
            check_array(&case, &block_diag(&refs));
        }
    }
    assert_eq!(block_diag::<f64>(&[]).dim(), (1, 0));
}

fn pascal_kind(case: &Case) -> PascalOptions {
    let kind = match case.str("pkind") {
        "symmetric" => PascalKind::Symmetric,
        "lower" => PascalKind::Lower,
        "upper" => PascalKind::Upper,
        other => panic!("unknown kind {other}"),
    };
    PascalOptions { kind }
}

#[test]
fn named_matrices_match_scipy() {
    let mut seen = std::collections::BTreeSet::new();
    for case in load("linalg", "named_matrices") {
        let n = case.usize("n");
        let kind = case.str("kind");
        seen.insert(kind.to_string());
        match kind {
            "dft" => {
                let scale = case.has("scale").then(|| match case.str("scale") {
                    "sqrtn" => DftScale::Sqrtn,
                    "n" => DftScale::N,
                    other => panic!("unknown scale {other}"),
                });
                check_carray(&case, &dft_with(n, &DftOptions { scale }));
            }
            "hadamard" => check_array(&case, &hadamard(n).unwrap()),
            "helmert" => {
                let full = case.arg("full").as_bool().unwrap();
                check_array(&case, &helmert_with(n, &HelmertOptions { full }).unwrap());
            }
            "hilbert" => check_array(&case, &hilbert(n)),
            "invhilbert" => check_array(&case, &invhilbert(n)),
            "pascal" => check_array(&case, &pascal_with(n, &pascal_kind(&case))),
            "invpascal" => check_array(&case, &invpascal_with(n, &pascal_kind(&case))),
            other => panic!("unknown kind {other}"),
        }
    }
    assert_eq!(seen.len(), 7, "{seen:?}");
}

#[test]
fn named_matrix_identities() {
    // Hadamard: H·Hᵀ = n·I.
    let h = hadamard(32).unwrap();
    assert_eq!(h.dot(&h.t()), Array2::<f64>::eye(32) * 32.0);
    // Pascal: P = L·U, and the inverses multiply back to I exactly.
    let lower = PascalOptions {
        kind: PascalKind::Lower,
    };
    let upper = PascalOptions {
        kind: PascalKind::Upper,
    };
    for n in [1, 7, 15] {
        let l = pascal_with(n, &lower);
        assert_eq!(l.dot(&pascal_with(n, &upper)), pascal(n));
        assert_eq!(invpascal_with(n, &lower).dot(&l), Array2::<f64>::eye(n));
        assert_eq!(invpascal(n).dot(&pascal(n)), Array2::<f64>::eye(n));
    }
    // Helmert (full) is orthogonal.
    let q = helmert_with(9, &HelmertOptions { full: true }).unwrap();
    let e = q.dot(&q.t()) - Array2::<f64>::eye(9);
    assert!(e.iter().all(|v| v.abs() < 1e-15), "{e}");
    // invhilbert is the inverse of hilbert (cond(H₆) ≈ 1.5e7).
    let p = invhilbert(6).dot(&hilbert(6)) - Array2::<f64>::eye(6);
    assert!(p.iter().all(|v| v.abs() < 1e-8), "{p}");
    // The unitary DFT matrix: F·Fᴴ = I.
    let f = dft_with(
        7,
        &DftOptions {
            scale: Some(DftScale::Sqrtn),
        },
    );
    let e = f.dot(&f.t().mapv(|z| z.conj())) - Array2::<Complex64>::eye(7);
    assert!(e.iter().all(|v| v.norm() < 1e-14));
}

#[test]
fn named_matrix_errors_and_edges() {
    for n in [0, 3, 6, 12] {
        let e = hadamard(n).unwrap_err();
        assert!(e.to_string().contains("power of 2"), "{e}");
        assert_eq!(invalid_name(e), "n");
    }
    assert_eq!(hadamard(1).unwrap(), array![[1.0]]);
    assert_eq!(invalid_name(helmert(0).unwrap_err()), "n");
    assert_eq!(helmert(1).unwrap().dim(), (0, 1));
    assert_eq!(hilbert(0).dim(), (0, 0));
    assert_eq!(invhilbert(0).dim(), (0, 0));
    assert_eq!(pascal(0).dim(), (0, 0));
    assert_eq!(invpascal(0).dim(), (0, 0));
    assert_eq!(dft(0).dim(), (0, 0));
    assert_eq!(dft(1), array![[Complex64::new(1.0, 0.0)]]);
}

#[test]
fn kron_matches_numpy() {
    for case in load("linalg", "kron") {
        if is_complex(case.arg("a")) || is_complex(case.arg("b")) {
            let got = kron(&c2(case.carray("a")), &c2(case.carray("b")));
            check_carray(&case, &got);
        } else {
            check_array(&case, &kron(&m2(case.array("a")), &m2(case.array("b"))));
        }
    }
}

#[test]
fn khatri_rao_matches_scipy_and_checks_columns() {
    for case in load("linalg", "khatri_rao") {
        if is_complex(case.arg("a")) || is_complex(case.arg("b")) {
            let got = khatri_rao(&c2(case.carray("a")), &c2(case.carray("b"))).unwrap();
            check_carray(&case, &got);
        } else {
            let got = khatri_rao(&m2(case.array("a")), &m2(case.array("b"))).unwrap();
            check_array(&case, &got);
        }
    }
    // Each column is the Kronecker product of the columns.
    let a = array![[1.0, 2.0], [3.0, -1.0]];
    let b = array![[0.5, 4.0], [2.0, 1.0], [-3.0, 0.0]];
    let c = khatri_rao(&a, &b).unwrap();
    for j in 0..2 {
        let col = |m: &Array2<f64>| m.column(j).to_owned().insert_axis(ndarray::Axis(1));
        assert_eq!(c.column(j), kron(&col(&a), &col(&b)).column(0));
    }
    let e = khatri_rao(&a, &array![[1.0, 2.0, 3.0]]).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "b", ref expected, ref got } if expected == &[1, 2] && got == &[1, 3]),
        "{e:?}"
    );
}

/// Solves for `b` with `f` if it is a vector, `g` if it is a matrix.
fn solve_any<T: Scalar>(
    b_arr: ArrayD<T>,
    f: impl Fn(&ndarray::ArrayRef1<T>) -> Array1<T>,
    g: impl Fn(&ndarray::ArrayRef2<T>) -> Array2<T>,
) -> ArrayD<T> {
    match b_arr.ndim() {
        1 => f(&b_arr.into_dimensionality::<Ix1>().unwrap()).into_dyn(),
        _ => g(&b_arr.into_dimensionality::<Ix2>().unwrap()).into_dyn(),
    }
}

#[test]
fn solve_toeplitz_matches_scipy() {
    for case in load("linalg", "solve_toeplitz") {
        let complex = is_complex(case.arg("c"))
            || is_complex(case.arg("b"))
            || case.has("r") && is_complex(case.arg("r"));
        if complex {
            let c = c1(case.carray("c"));
            let r = case.has("r").then(|| c1(case.carray("r")));
            let x = solve_any(
                case.carray("b"),
                |b| solve_toeplitz(&c, r.as_deref(), b).unwrap(),
                |b| solve_toeplitz(&c, r.as_deref(), b).unwrap(),
            );
            check_carray(&case, &x);
        } else {
            let c = v1(case.array("c"));
            let r = case.has("r").then(|| v1(case.array("r")));
            let x = solve_any(
                case.array("b"),
                |b| solve_toeplitz(&c, r.as_deref(), b).unwrap(),
                |b| solve_toeplitz(&c, r.as_deref(), b).unwrap(),
            );
            check_array(&case, &x);
        }
    }
}

#[test]
fn solve_toeplitz_residual_and_errors() {
    // Diagonally dominant random Toeplitz, n = 60: small residual, as solve.
    let n = 60;
    let c = Array1::from_shape_fn(n, |i| {
        if i == 0 {
            3.0
        } else {
            0.9f64.powi(i as i32) * (i as f64).sin()
        }
    });
    let r = Array1::from_shape_fn(n, |i| {
        if i == 0 {
            3.0
        } else {
            0.8f64.powi(i as i32) * (i as f64).cos()
        }
    });
    let b = Array1::from_shape_fn(n, |i| (i as f64 * 0.37).cos());
    let x = solve_toeplitz(&c, Some(&r), &b).unwrap();
    let res = toeplitz(&c, Some(&r)).dot(&x) - &b;
    assert!(res.iter().all(|v| v.abs() < 1e-12), "{res}");
    let direct = solve(&toeplitz(&c, Some(&r)), &b).unwrap();
    assert!((&x - &direct).iter().all(|v| v.abs() < 1e-12));
    // Empty system.
    let e = solve_toeplitz(&Array1::<f64>::zeros(0), None, &Array1::zeros(0)).unwrap();
    assert_eq!(e.len(), 0);
    // Singular principal minors, as SciPy's LinAlgError.
    let e = solve_toeplitz(&array![0.0, 1.0], None, &array![1.0, 2.0]).unwrap_err();
    assert!(matches!(e, Error::Singular { pivot: 0 }), "{e:?}");
    let e = solve_toeplitz(&array![1.0, 1.0, 1.0], None, &array![1.0, 2.0, 3.0]).unwrap_err();
    assert!(matches!(e, Error::Singular { pivot: 1 }), "{e:?}");
    // Shapes and non-finite input.
    let e = solve_toeplitz(
        &array![1.0, 2.0, 3.0],
        Some(&array![1.0, 4.0]),
        &array![1.0, 2.0, 3.0],
    );
    assert!(matches!(e, Err(Error::ShapeMismatch { name: "r", .. })));
    let e = solve_toeplitz(&array![1.0, 2.0, 3.0], None, &array![1.0, 2.0]);
    assert!(matches!(e, Err(Error::ShapeMismatch { name: "b", .. })));
    let e = solve_toeplitz(&array![1.0, f64::NAN], None, &array![1.0, 2.0]).unwrap_err();
    assert_eq!(invalid_name(e), "c");
    let e = solve_toeplitz(&array![1.0, 0.5], None, &array![1.0, f64::INFINITY]).unwrap_err();
    assert_eq!(invalid_name(e), "b");
}

#[test]
fn solve_circulant_matches_scipy() {
    for case in load("linalg", "solve_circulant") {
        let singular = match case.has("singular").then(|| case.str("singular")) {
            Some("lstsq") => CirculantSingular::Lstsq,
            None | Some("raise") => CirculantSingular::Raise,
            Some(other) => panic!("unknown singular {other}"),
        };
        let opts = SolveCirculantOptions {
            singular,
            tol: case.has("tol").then(|| case.f64("tol")),
        };
        if is_complex(case.arg("c")) || is_complex(case.arg("b")) {
            let c = c1(case.carray("c"));
            let x = solve_any(
                case.carray("b"),
                |b| solve_circulant_with(&c, b, &opts).unwrap(),
                |b| solve_circulant_with(&c, b, &opts).unwrap(),
            );
            check_carray(&case, &x);
        } else {
            let c = v1(case.array("c"));
            let x = solve_any(
                case.array("b"),
                |b| solve_circulant_with(&c, b, &opts).unwrap(),
                |b| solve_circulant_with(&c, b, &opts).unwrap(),
            );
            check_array(&case, &x);
        }
    }
}

#[test]
fn solve_circulant_residual_and_errors() {
    let c = array![3.0, -1.0, 0.25, 2.0, 0.5, -0.75, 1.5];
    let b = Array2::from_shape_fn((7, 2), |(i, j)| (i as f64 + 0.5 * j as f64).sin());
    let x = solve_circulant(&c, &b).unwrap();
    let res = circulant(&c).dot(&x) - &b;
    assert!(res.iter().all(|v| v.abs() < 1e-13), "{res}");
    let e = solve_circulant(&array![1.0, 1.0, 1.0], &array![1.0, 2.0, 3.0]).unwrap_err();
    assert!(matches!(e, Error::Singular { pivot: 1 }), "{e:?}");
    let e = solve_circulant(&array![1.0, 2.0], &array![1.0, 2.0, 3.0]);
    assert!(matches!(e, Err(Error::ShapeMismatch { name: "b", .. })));
    let e = solve_circulant(&array![1.0, f64::NAN], &array![1.0, 2.0]).unwrap_err();
    assert_eq!(invalid_name(e), "c");
    let opts = SolveCirculantOptions {
        tol: Some(-1.0),
        ..Default::default()
    };
    let e = solve_circulant_with(&array![1.0, 2.0], &array![1.0, 2.0], &opts).unwrap_err();
    assert_eq!(invalid_name(e), "tol");
    assert_eq!(
        solve_circulant(&Array1::<f64>::zeros(0), &Array1::zeros(0))
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn structured_solves_other_element_types_and_scales() {
    // f32 and Complex32 go through the same generic code.
    let c = array![4.0_f32, 1.0, 0.5];
    let b = array![1.0_f32, 2.0, 3.0];
    let x = solve_toeplitz(&c, None, &b).unwrap();
    let res = toeplitz(&c, None).dot(&x) - &b;
    assert!(res.iter().all(|v| v.abs() < 1e-5), "{res}");
    let cz = array![
        num_complex::Complex32::new(3.0, 1.0),
        num_complex::Complex32::new(0.5, -1.0)
    ];
    let bz = array![
        num_complex::Complex32::new(1.0, 0.0),
        num_complex::Complex32::new(0.0, 2.0)
    ];
    let x = solve_circulant(&cz, &bz).unwrap();
    let res = circulant(&cz).dot(&x) - &bz;
    assert!(res.iter().all(|v| v.norm() < 1e-5), "{res}");
    // Huge and tiny scales: T·x = b and (s·T)·(x/s) = b agree without overflow.
    let c = array![2.0_f64, 0.5, -0.25, 0.1];
    let r = array![2.0, 0.3, 0.2, -0.4];
    let b = array![1.0, -1.0, 0.5, 2.0];
    let x = solve_toeplitz(&c, Some(&r), &b).unwrap();
    for s in [1e300, 1e-300] {
        let xs = solve_toeplitz(&(&c * s), Some(&(&r * s)), &b).unwrap() * s;
        assert!(
            (&xs - &x).iter().all(|v| v.abs() < 1e-14),
            "scale {s}: {xs}"
        );
        let xc = solve_circulant(&(&c * s), &b).unwrap() * s;
        let want = solve_circulant(&c, &b).unwrap();
        assert!(
            (&xc - &want).iter().all(|v| v.abs() < 1e-14),
            "scale {s}: {xc}"
        );
    }
}

#[test]
fn complex_huge_scales_do_not_overflow() {
    let z = |re: f64, im: f64| Complex64::new(re, im);
    for s in [1e200, 1e-200] {
        let a = array![z(2.0, 1.0), z(-4.0, 2.0), z(1.0, -3.0)].mapv(|v| v * s);
        let comp = companion(&a).unwrap();
        let want = companion(&array![z(2.0, 1.0), z(-4.0, 2.0), z(1.0, -3.0)]).unwrap();
        assert!(
            (&comp - &want).iter().all(|v| v.norm() < 1e-14),
            "scale {s}: {comp}"
        );
        let c = array![z(3.0, 0.5), z(1.0, -1.0), z(0.25, 0.5)];
        let b = array![z(1.0, 0.0), z(0.0, 1.0), z(-1.0, 2.0)];
        let x = solve_toeplitz(&c, None, &b).unwrap();
        let xs = solve_toeplitz(&c.mapv(|v| v * s), None, &b)
            .unwrap()
            .mapv(|v| v * s);
        assert!(
            (&xs - &x).iter().all(|v| v.norm() < 1e-14),
            "scale {s}: {xs}"
        );
    }
}
