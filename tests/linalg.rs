//! ferrosci::linalg against SciPy fixtures (`python3 tools/fixtures/linalg.py`)
//! and identities on seeded random input: backward errors, edge cases, errors.

mod common;

use common::{
    Case, as_array, as_carray, as_f64, assert_array_close, assert_close, check_array, check_carray,
    load,
};
use ferrosci::Error;
use ferrosci::linalg::*;
use ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array};
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
fn random(n: usize, m: usize, rng: &mut StdRng) -> Array2<f64> {
    Array2::from_shape_fn((n, m), |_| rng.random::<f64>() * 2.0 - 1.0)
}
fn crandom(n: usize, m: usize, rng: &mut StdRng) -> Array2<Complex64> {
    Array2::from_shape_fn((n, m), |_| {
        Complex64::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5)
    })
}
fn fro<T: Scalar>(a: &Array2<T>) -> f64 {
    a.iter().map(|v| v.abs2().to_f64_real()).sum::<f64>().sqrt()
}
/// ‖A − R‖_F / (‖A‖_F · n · ε): must stay below a small constant.
fn backward<T: Scalar>(a: &Array2<T>, r: &Array2<T>) -> f64 {
    let n = a.nrows().max(a.ncols()).max(1) as f64;
    fro(&(a - r)) / (fro(a) * n * f64::EPSILON)
}
fn hilbert(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| 1.0 / (i + j + 1) as f64)
}

#[test]
fn det_matches_scipy() {
    for case in load("linalg", "det") {
        let a = m2(case.array("a"));
        common::check_scalar(&case, det(&a).unwrap());
    }
    for case in load("linalg", "det_complex") {
        let a = c2(case.carray("a"));
        let got = det(&a).unwrap();
        let want = common::as_c64(&case.expected);
        assert!(
            (got - want).norm() <= case.rtol * want.norm(),
            "{}: {got} vs {want}",
            case.ctx()
        );
    }
}

#[test]
fn lecture_notes_examples() {
    assert!((det(&array![[1.0_f64, 2.0], [3.0, 4.0]]).unwrap() + 2.0).abs() < 1e-15);
    let d: f64 = det(&array![[3.0, 2.0], [6.0, 4.0]]).unwrap();
    assert!(
        d == 0.0 && d.is_sign_positive(),
        "SciPy prints 0.0, got {d}"
    );
    let e = inv(&array![[3.0, 2.0], [6.0, 4.0]]).unwrap_err();
    assert!(matches!(e, Error::Singular { pivot: 1 }), "{e:?}");
    assert_eq!(e.to_string(), "matrix is singular (zero pivot at index 1)");
}

#[test]
fn slogdet_matches_numpy() {
    for case in load("linalg", "slogdet") {
        let a = m2(case.array("a"));
        let r = slogdet(&a).unwrap();
        assert_close(
            r.sign,
            as_f64(&case.expected["sign"]),
            0.0,
            0.0,
            &case.ctx(),
        );
        assert_close(
            r.logabsdet,
            as_f64(&case.expected["logabsdet"]),
            case.rtol,
            1e-12,
            &case.ctx(),
        );
    }
    // Complex: sign on the unit circle, det = sign·exp(logabsdet).
    let mut rng = StdRng::seed_from_u64(1);
    let a = crandom(9, 9, &mut rng);
    let r = slogdet(&a).unwrap();
    let d = det(&a).unwrap();
    assert!((r.sign.norm() - 1.0).abs() < 1e-14);
    assert!((r.sign * r.logabsdet.exp() - d).norm() < 1e-12 * d.norm());
}

#[test]
fn inv_matches_scipy() {
    for case in load("linalg", "inv") {
        if is_complex(&case, "a") {
            check_carray(&case, &inv(&c2(case.carray("a"))).unwrap());
        } else {
            check_array(&case, &inv(&m2(case.array("a"))).unwrap());
        }
    }
}

fn assume(s: &str) -> AssumeA {
    match s {
        "auto" => AssumeA::Auto,
        "pos" => AssumeA::PositiveDefinite,
        "tridiagonal" => AssumeA::Tridiagonal,
        "banded" => AssumeA::Banded,
        other => panic!("fixture uses assume_a={other}"),
    }
}

#[test]
fn solve_matches_scipy() {
    for case in load("linalg", "solve") {
        let opts = SolveOptions {
            assume_a: assume(case.str("assume_a")),
            lower: case.arg("lower").as_bool().unwrap(),
            transposed: case.arg("transposed").as_bool().unwrap(),
            ..Default::default()
        };
        if is_complex(&case, "a") {
            let x = solve_with(&c2(case.carray("a")), &case.carray("b"), &opts).unwrap();
            check_carray(&case, &x);
        } else {
            let x = solve_with(&m2(case.array("a")), &case.array("b"), &opts).unwrap();
            check_array(&case, &x);
        }
    }
}

#[test]
fn solve_triangular_matches_scipy() {
    for case in load("linalg", "solve_triangular") {
        let opts = SolveTriangularOptions {
            trans: [Trans::N, Trans::T, Trans::C][case.usize("trans")],
            lower: case.arg("lower").as_bool().unwrap(),
            unit_diagonal: case.arg("unit_diagonal").as_bool().unwrap(),
            ..Default::default()
        };
        if is_complex(&case, "a") {
            let x = solve_triangular_with(&c2(case.carray("a")), &case.carray("b"), &opts).unwrap();
            check_carray(&case, &x);
        } else {
            let x = solve_triangular_with(&m2(case.array("a")), &case.array("b"), &opts).unwrap();
            check_array(&case, &x);
        }
    }
}

#[test]
fn lu_matches_scipy() {
    for case in load("linalg", "lu") {
        let e = &case.expected;
        let ctx = case.ctx();
        let piv: Vec<usize> = as_array(&e["piv"]).iter().map(|&p| p as usize).collect();
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            let Lu { p, l, u } = lu(&a).unwrap();
            assert_array_close(
                &p.mapv(|v| v.re).into_dyn(),
                &as_array(&e["p"]),
                0.0,
                0.0,
                &ctx,
            );
            assert_array_close(&l.into_dyn(), &as_carray(&e["l"]), case.rtol, 1e-14, &ctx);
            assert_array_close(&u.into_dyn(), &as_carray(&e["u"]), case.rtol, 1e-14, &ctx);
            let f = lu_factor(&a).unwrap();
            assert_array_close(
                &f.lu.into_dyn(),
                &as_carray(&e["lu"]),
                case.rtol,
                1e-14,
                &ctx,
            );
            assert_eq!(f.piv.to_vec(), piv, "{ctx}");
        } else {
            let a = m2(case.array("a"));
            let Lu { p, l, u } = lu(&a).unwrap();
            assert_array_close(&p.into_dyn(), &as_array(&e["p"]), 0.0, 0.0, &ctx);
            assert_array_close(&l.into_dyn(), &as_array(&e["l"]), case.rtol, 1e-14, &ctx);
            assert_array_close(&u.into_dyn(), &as_array(&e["u"]), case.rtol, 1e-14, &ctx);
            let f = lu_factor(&a).unwrap();
            assert_array_close(
                &f.lu.into_dyn(),
                &as_array(&e["lu"]),
                case.rtol,
                1e-14,
                &ctx,
            );
            assert_eq!(f.piv.to_vec(), piv, "{ctx}");
            let LuPermuted { pl, u } = lu_permute_l(&a).unwrap();
            assert!(backward(&a, &pl.dot(&u)) < 4.0, "{ctx}");
        }
    }
}

#[test]
fn cholesky_matches_scipy() {
    let lower = CholeskyOptions {
        lower: true,
        ..Default::default()
    };
    for case in load("linalg", "cholesky") {
        let e = &case.expected;
        let ctx = case.ctx();
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            assert_array_close(
                &cholesky(&a).unwrap().into_dyn(),
                &as_carray(&e["upper"]),
                case.rtol,
                1e-14,
                &ctx,
            );
            let l = cholesky_with(&a, &lower).unwrap();
            assert_array_close(
                &l.into_dyn(),
                &as_carray(&e["lower"]),
                case.rtol,
                1e-14,
                &ctx,
            );
        } else {
            let a = m2(case.array("a"));
            assert_array_close(
                &cholesky(&a).unwrap().into_dyn(),
                &as_array(&e["upper"]),
                case.rtol,
                1e-14,
                &ctx,
            );
            let l = cholesky_with(&a, &lower).unwrap();
            assert_array_close(
                &l.into_dyn(),
                &as_array(&e["lower"]),
                case.rtol,
                1e-14,
                &ctx,
            );
        }
    }
}

#[test]
fn lu_backward_error_is_small() {
    let mut rng = StdRng::seed_from_u64(7);
    for &(m, n) in &[(1, 1), (2, 2), (17, 17), (150, 150), (300, 120), (90, 260)] {
        let a = random(m, n, &mut rng);
        let Lu { p, l, u } = lu(&a).unwrap();
        let b = backward(&a, &p.dot(&l).dot(&u));
        assert!(b < 4.0, "{m}x{n}: backward error {b}");
        let c = crandom(m, n, &mut rng);
        let Lu { p, l, u } = lu(&c).unwrap();
        let b = backward(&c, &p.dot(&l).dot(&u));
        assert!(b < 4.0, "complex {m}x{n}: backward error {b}");
    }
    // Ill-conditioned: Hilbert n = 12 (cond ≈ 1.7e16) still factors stably.
    let h = hilbert(12);
    let Lu { p, l, u } = lu(&h).unwrap();
    assert!(backward(&h, &p.dot(&l).dot(&u)) < 4.0);
}

#[test]
fn solve_residual_is_small_for_large_and_transposed_systems() {
    let mut rng = StdRng::seed_from_u64(11);
    for n in [64usize, 257] {
        let a = random(n, n, &mut rng);
        let b = random(n, 3, &mut rng);
        for transposed in [false, true] {
            let x = solve_with(
                &a,
                &b,
                &SolveOptions {
                    transposed,
                    ..Default::default()
                },
            )
            .unwrap();
            let ax = if transposed { a.t().dot(&x) } else { a.dot(&x) };
            // ‖b − a·x‖ / (‖a‖·‖x‖·n·ε): backward error of the solve.
            let r = fro(&(&b - &ax)) / (fro(&a) * fro(&x) * n as f64 * f64::EPSILON);
            assert!(r < 1.0, "n={n} transposed={transposed}: {r}");
        }
        let c = crandom(n, n, &mut rng);
        let f = lu_factor(&c).unwrap();
        let bc = crandom(n, 2, &mut rng);
        for trans in [Trans::N, Trans::T, Trans::C] {
            let x = lu_solve_with(
                &f,
                &bc,
                &LuSolveOptions {
                    trans,
                    ..Default::default()
                },
            )
            .unwrap();
            let op = match trans {
                Trans::N => c.clone(),
                Trans::T => c.t().to_owned(),
                Trans::C => c.t().mapv(|v| v.conj()),
            };
            let r = fro(&(&bc - &op.dot(&x))) / (fro(&c) * fro(&x) * n as f64 * f64::EPSILON);
            assert!(r < 1.0, "complex n={n} {trans:?}: {r}");
        }
        let ai = inv(&a).unwrap();
        let r = fro(&(a.dot(&ai) - Array2::<f64>::eye(n)))
            / (fro(&a) * fro(&ai) * n as f64 * f64::EPSILON);
        assert!(r < 1.0, "inv n={n}: {r}");
    }
}

#[test]
fn cholesky_backward_error_and_solves() {
    let mut rng = StdRng::seed_from_u64(5);
    for n in [1usize, 31, 200] {
        let b = crandom(n, n, &mut rng);
        let a = b.t().mapv(|v| v.conj()).dot(&b) + Array2::<Complex64>::eye(n);
        let u = cholesky(&a).unwrap();
        assert!(
            backward(&a, &u.t().mapv(|v| v.conj()).dot(&u)) < 4.0,
            "n={n}"
        );
        let f = cho_factor(&a).unwrap();
        let rhs = crandom(n, 2, &mut rng);
        let x = cho_solve(&f, &rhs).unwrap();
        let r = fro(&(&rhs - &a.dot(&x))) / (fro(&a) * fro(&x) * n as f64 * f64::EPSILON);
        assert!(r < 1.0, "n={n}: {r}");
        let fl = cho_factor_with(
            &a,
            &CholeskyOptions {
                lower: true,
                ..Default::default()
            },
        )
        .unwrap();
        let xl = cho_solve(&fl, &rhs).unwrap();
        assert!(fro(&(&x - &xl)) < 1e-10 * fro(&x), "n={n}");
    }
}

#[test]
fn f32_and_complex32_share_the_kernels() {
    let a = array![[4.0f32, 1.0], [2.0, 3.0]];
    assert!((det(&a).unwrap() - 10.0).abs() < 1e-5);
    let x = solve(&a, &array![5.0f32, 5.0]).unwrap();
    assert!((x[0] - 1.0).abs() < 1e-6 && (x[1] - 1.0).abs() < 1e-6);
    let c = a.mapv(|v| num_complex::Complex32::new(0.0, v));
    assert!((det(&c).unwrap() + num_complex::Complex32::new(10.0, 0.0)).norm() < 1e-5);
}

#[test]
fn empty_and_one_by_one_follow_scipy() {
    let e = Array2::<f64>::zeros((0, 0));
    assert_eq!(det(&e).unwrap(), 1.0);
    let s = slogdet(&e).unwrap();
    assert_eq!((s.sign, s.logabsdet), (1.0, 0.0));
    assert_eq!(inv(&e).unwrap().dim(), (0, 0));
    assert_eq!(solve(&e, &Array1::<f64>::zeros(0)).unwrap().len(), 0);
    assert_eq!(
        solve(&e, &Array2::<f64>::zeros((0, 3))).unwrap().dim(),
        (0, 3)
    );
    let f = lu_factor(&e).unwrap();
    assert_eq!((f.lu.dim(), f.piv.len()), ((0, 0), 0));
    assert_eq!(lu(&e).unwrap().p.dim(), (0, 0));
    assert_eq!(cholesky(&e).unwrap().dim(), (0, 0));
    let one = array![[-4.0]];
    assert_eq!(det(&one).unwrap(), -4.0);
    assert_eq!(inv(&one).unwrap(), array![[-0.25]]);
    assert_eq!(solve(&one, &array![2.0]).unwrap(), array![-0.5]);
    assert!(cholesky(&one).is_err());
    assert_eq!(cholesky(&array![[4.0]]).unwrap(), array![[2.0]]);
    // A right-hand side with zero columns.
    assert_eq!(
        solve(&one, &Array2::<f64>::zeros((1, 0))).unwrap().dim(),
        (1, 0)
    );
}

#[test]
fn singular_matrices() {
    let s = array![[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]];
    assert_eq!(det(&s).unwrap(), 0.0);
    let r = slogdet(&s).unwrap();
    assert_eq!((r.sign, r.logabsdet), (0.0, f64::NEG_INFINITY));
    assert!(matches!(inv(&s), Err(Error::Singular { pivot: 2 })));
    assert!(matches!(
        solve(&s, &array![1.0, 2.0, 3.0]),
        Err(Error::Singular { .. })
    ));
    // lu and lu_factor answer (SciPy warns), lu_solve refuses.
    let f = lu_factor(&s).unwrap();
    assert!(matches!(
        lu_solve(&f, &array![1.0, 2.0, 3.0]),
        Err(Error::Singular { pivot: 2 })
    ));
    let Lu { p, l, u } = lu(&s).unwrap();
    assert!(backward(&s, &p.dot(&l).dot(&u)) < 4.0);
    let z = Array2::<f64>::zeros((3, 3));
    assert!(matches!(
        solve(&z, &array![1.0, 2.0, 3.0]),
        Err(Error::Singular { pivot: 0 })
    ));
    let t = array![[1.0, 2.0], [0.0, 0.0]];
    assert!(matches!(
        solve_triangular(&t, &array![1.0, 1.0]),
        Err(Error::Singular { pivot: 1 })
    ));
    let e = cholesky(&array![[1.0, 2.0], [2.0, 1.0]]).unwrap_err();
    assert!(e.to_string().contains("not positive definite"), "{e}");
    assert!(e.to_string().contains("order 2"), "{e}");
}

#[test]
fn shape_errors_name_the_argument_and_shape() {
    let r = Array2::<f64>::zeros((2, 3));
    for e in [
        det(&r).unwrap_err(),
        inv(&r).unwrap_err(),
        slogdet(&r).unwrap_err(),
        cholesky(&r).unwrap_err(),
        solve(&r, &array![1.0, 2.0]).unwrap_err(),
    ] {
        assert!(
            matches!(e, Error::ShapeMismatch { name: "a", ref got, .. } if got == &[2, 3]),
            "{e:?}"
        );
    }
    let a = Array2::<f64>::eye(3);
    let e = solve(&a, &array![1.0, 2.0]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "shape mismatch in `b`: expected [3], got [2]"
    );
    let e = solve(&a, &Array2::<f64>::zeros((4, 2))).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "b", ref expected, .. } if expected == &[3, 2])
    );
    let b3 = ndarray::Array3::<f64>::zeros((3, 1, 1));
    assert!(matches!(
        solve(&a, &b3),
        Err(Error::InvalidArgument { name: "b", .. })
    ));
    let f = lu_factor(&r).unwrap(); // rectangular factors, as SciPy
    assert!(matches!(
        lu_solve(&f, &array![1.0, 2.0]),
        Err(Error::ShapeMismatch { name: "lu", .. })
    ));
}

#[test]
fn non_finite_input_is_rejected_like_check_finite() {
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    let inf = array![[1.0, 0.0], [f64::INFINITY, 1.0]];
    for a in [&nan, &inf] {
        assert!(matches!(
            det(a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        assert!(matches!(
            inv(a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        assert!(matches!(
            lu(a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        assert!(matches!(
            lu_factor(a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        assert!(matches!(
            cholesky(a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        assert!(matches!(
            solve(a, &array![1.0, 1.0]),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
    }
    let e = solve(&Array2::<f64>::eye(2), &array![1.0, f64::NAN]).unwrap_err();
    assert!(e.to_string().contains("NaN"), "{e}");
    // check_finite = false lets NaN through, as SciPy.
    let opts = SolveOptions {
        check_finite: false,
        ..Default::default()
    };
    let x = solve_with(&Array2::<f64>::eye(2), &array![1.0, f64::NAN], &opts).unwrap();
    assert!(x[1].is_nan());
}

#[test]
fn views_and_fortran_layout_work() {
    let mut rng = StdRng::seed_from_u64(3);
    let big = random(10, 10, &mut rng);
    let view = big.slice(ndarray::s![1..9;2, 0..4]); // strided 4x4 view
    let owned = view.to_owned();
    assert_eq!(det(&view).unwrap(), det(&owned).unwrap());
    let fortran = owned.t().as_standard_layout().t().to_owned();
    assert_eq!(inv(&fortran).unwrap(), inv(&owned).unwrap());
    let b = big.column(9).slice(ndarray::s![..4]).to_owned();
    let x = solve(&view, &b.view())
        .unwrap()
        .into_dimensionality::<Ix1>()
        .unwrap();
    assert!((owned.dot(&x) - &b).iter().all(|e| e.abs() < 1e-12));
}

#[test]
fn qr_matches_scipy() {
    for case in load("linalg", "qr") {
        let e = &case.expected;
        let ctx = case.ctx();
        let (tol, atol) = (case.rtol, 1e-12);
        let p: Vec<usize> = as_array(&e["p"]).iter().map(|&v| v as usize).collect();
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            let Qr { q, r } = qr(&a).unwrap();
            assert_array_close(&q.into_dyn(), &as_carray(&e["q"]), tol, atol, &ctx);
            assert_array_close(&r.into_dyn(), &as_carray(&e["r"]), tol, atol, &ctx);
            let Qr { q, r } = qr_economic(&a).unwrap();
            assert_array_close(&q.into_dyn(), &as_carray(&e["qe"]), tol, atol, &ctx);
            assert_array_close(&r.into_dyn(), &as_carray(&e["re"]), tol, atol, &ctx);
            let got = qr_pivoting(&a).unwrap();
            assert_eq!(got.p.to_vec(), p, "{ctx}");
            assert_array_close(&got.r.into_dyn(), &as_carray(&e["rp"]), tol, atol, &ctx);
        } else {
            let a = m2(case.array("a"));
            // Columns of q past the rank span a null space that rounding picks.
            let rank = if case.id == "rank_deficient" {
                2
            } else {
                a.ncols().min(a.nrows())
            };
            let lead = |x: &ArrayD<f64>| x.slice(ndarray::s![.., ..rank]).to_owned().into_dyn();
            let Qr { q, r } = qr(&a).unwrap();
            assert_array_close(
                &lead(&q.into_dyn()),
                &lead(&as_array(&e["q"])),
                tol,
                atol,
                &ctx,
            );
            assert_array_close(&r.into_dyn(), &as_array(&e["r"]), tol, atol, &ctx);
            let Qr { q, r } = qr_economic(&a).unwrap();
            assert_array_close(
                &lead(&q.into_dyn()),
                &lead(&as_array(&e["qe"])),
                tol,
                atol,
                &ctx,
            );
            assert_array_close(&r.into_dyn(), &as_array(&e["re"]), tol, atol, &ctx);
            assert_array_close(
                &qr_r(&a).unwrap().into_dyn(),
                &as_array(&e["r"]),
                tol,
                atol,
                &ctx,
            );
            let got = qr_pivoting(&a).unwrap();
            assert_eq!(got.p.to_vec(), p, "{ctx}");
            // The rank-deficient case's null direction is arbitrary: compare r only.
            assert_array_close(&got.r.into_dyn(), &as_array(&e["rp"]), tol, atol, &ctx);
            let got = qr_pivoting_economic(&a).unwrap();
            assert_eq!(got.p.to_vec(), p, "{ctx}");
        }
    }
}

#[test]
fn qr_backward_error_and_orthogonality() {
    let mut rng = StdRng::seed_from_u64(17);
    let cases: Vec<Array2<f64>> = vec![
        random(300, 200, &mut rng),
        random(120, 260, &mut rng),
        hilbert(12),
    ];
    for a in cases {
        let (m, n) = a.dim();
        let Qr { q, r } = qr(&a).unwrap();
        assert!(backward(&a, &q.dot(&r)) < 4.0, "{m}x{n}");
        let orth = fro(&(q.t().dot(&q) - Array2::<f64>::eye(m))) / (m as f64 * f64::EPSILON);
        assert!(orth < 4.0, "{m}x{n}: orthogonality {orth}");
        assert!((0..m).all(|i| (0..n.min(i)).all(|j| r[[i, j]] == 0.0)));
        let QrPivoted { q, r, p } = qr_pivoting(&a).unwrap();
        let ap = Array2::from_shape_fn((m, n), |(i, j)| a[[i, p[j]]]);
        assert!(backward(&ap, &q.dot(&r)) < 4.0, "pivoted {m}x{n}");
        let d: Vec<f64> = (0..m.min(n)).map(|i| r[[i, i]].abs()).collect();
        assert!(
            d.windows(2).all(|w| w[0] >= w[1] * (1.0 - 1e-12)),
            "pivoted diagonal must not increase"
        );
    }
    let c = crandom(150, 100, &mut rng);
    let Qr { q, r } = qr_economic(&c).unwrap();
    assert!(backward(&c, &q.dot(&r)) < 4.0);
}

#[test]
fn qr_edge_cases() {
    let Qr { q, r } = qr(&Array2::<f64>::zeros((0, 0))).unwrap();
    assert_eq!((q.dim(), r.dim()), ((0, 0), (0, 0)));
    let Qr { q, r } = qr(&Array2::<f64>::zeros((3, 0))).unwrap();
    assert_eq!(q, Array2::<f64>::eye(3));
    assert_eq!(r.dim(), (3, 0));
    let Qr { q, r } = qr_economic(&Array2::<f64>::zeros((3, 0))).unwrap();
    assert_eq!((q.dim(), r.dim()), ((3, 0), (0, 0)));
    let Qr { q, r } = qr(&array![[-3.0]]).unwrap();
    assert_eq!((q[[0, 0]], r[[0, 0]]), (1.0, -3.0)); // LAPACK: no reflection for n = 1
    // A zero matrix: no reflections at all.
    let Qr { q, r } = qr(&Array2::<f64>::zeros((2, 2))).unwrap();
    assert_eq!((q, r), (Array2::eye(2), Array2::zeros((2, 2))));
    assert!(matches!(
        qr(&array![[f64::NAN]]),
        Err(Error::InvalidArgument { name: "a", .. })
    ));
}

#[test]
fn svd_matches_scipy() {
    for case in load("linalg", "svd") {
        let full = SvdOptions::default();
        let thin = SvdOptions {
            full_matrices: false,
            ..Default::default()
        };
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            check_array(&case, &svdvals(&a).unwrap());
            for opts in [&full, &thin] {
                let Svd { u, s, vt } = svd_with(&a, opts).unwrap();
                check_array(&case, &s);
                let k = s.len();
                let sig = Array2::from_shape_fn((u.ncols(), vt.nrows()), |(i, j)| {
                    if i == j && i < k {
                        Complex64::new(s[i], 0.0)
                    } else {
                        Complex64::new(0.0, 0.0)
                    }
                });
                assert!(backward(&a, &u.dot(&sig).dot(&vt)) < 8.0, "{}", case.ctx());
            }
        } else {
            let a = m2(case.array("a"));
            check_array(&case, &svdvals(&a).unwrap());
            for opts in [&full, &thin] {
                let Svd { u, s, vt } = svd_with(&a, opts).unwrap();
                check_array(&case, &s);
                let (m, n) = a.dim();
                let k = m.min(n);
                let (uc, vr) = if opts.full_matrices { (m, n) } else { (k, k) };
                assert_eq!((u.dim(), vt.dim()), ((m, uc), (vr, n)), "{}", case.ctx());
                let sig = Array2::from_shape_fn(
                    (uc, vr),
                    |(i, j)| if i == j && i < k { s[i] } else { 0.0 },
                );
                assert!(backward(&a, &u.dot(&sig).dot(&vt)) < 8.0, "{}", case.ctx());
                let ou = fro(&(u.t().dot(&u) - Array2::<f64>::eye(uc))) / (m as f64 * f64::EPSILON);
                let ov =
                    fro(&(vt.dot(&vt.t()) - Array2::<f64>::eye(vr))) / (n as f64 * f64::EPSILON);
                assert!(
                    ou < 8.0 && ov < 8.0,
                    "{}: orthogonality {ou} {ov}",
                    case.ctx()
                );
            }
        }
    }
}

#[test]
fn svd_random_backward_error_and_edges() {
    let mut rng = StdRng::seed_from_u64(23);
    for &(m, n) in &[(1usize, 1usize), (2, 1), (1, 3), (120, 80), (60, 150)] {
        let a = random(m, n, &mut rng);
        let Svd { u, s, vt } = svd(&a).unwrap();
        let k = m.min(n);
        let sig = Array2::from_shape_fn((m, n), |(i, j)| if i == j && i < k { s[i] } else { 0.0 });
        assert!(backward(&a, &u.dot(&sig).dot(&vt)) < 8.0, "{m}x{n}");
        assert!(s.iter().all(|&v| v >= 0.0) && s.to_vec().windows(2).all(|w| w[0] >= w[1]));
        let c = crandom(m, n, &mut rng);
        let Svd { u, s, vt } = svd_with(
            &c,
            &SvdOptions {
                full_matrices: false,
                ..Default::default()
            },
        )
        .unwrap();
        let sig = Array2::from_diag(&s.mapv(|v| Complex64::new(v, 0.0)));
        assert!(backward(&c, &u.dot(&sig).dot(&vt)) < 8.0, "complex {m}x{n}");
    }
    // Zero matrix, empty shapes, non-finite input.
    let z = svdvals(&Array2::<f64>::zeros((3, 2))).unwrap();
    assert_eq!(z.to_vec(), vec![0.0, 0.0]);
    let Svd { u, s, vt } = svd(&Array2::<f64>::zeros((3, 0))).unwrap();
    assert_eq!((u.dim(), s.len(), vt.dim()), ((3, 3), 0, (0, 0)));
    let Svd { u, s, vt } = svd_with(
        &Array2::<f64>::zeros((0, 2)),
        &SvdOptions {
            full_matrices: false,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((u.dim(), s.len(), vt.dim()), ((0, 0), 0, (0, 2)));
    assert!(matches!(
        svd(&array![[f64::INFINITY]]),
        Err(Error::InvalidArgument { name: "a", .. })
    ));
    // f32 through the same kernels.
    let s32 = svdvals(&array![[3.0f32, 0.0], [4.0, 5.0]]).unwrap();
    assert!((s32[0] - 45f32.sqrt()).abs() < 1e-5);
}

#[test]
fn lstsq_family_matches_scipy() {
    for case in load("linalg", "lstsq") {
        let e = &case.expected;
        let ctx = case.ctx();
        let rank = e["rank"].as_u64().unwrap() as usize;
        let want_res = as_array(&e["residues"]);
        macro_rules! check {
            ($a:expr, $b:expr, $as:ident, $mod:expr) => {{
                let (a, b) = ($a, $b);
                let r = lstsq(&a, &b).unwrap();
                assert_eq!(r.rank, rank, "{ctx}");
                assert_array_close(&r.x.into_dyn(), &$as(&e["x"]), case.rtol, case.atol, &ctx);
                assert_array_close(&r.residues.into_dyn(), &want_res, 1e-9, 1e-12, &ctx);
                assert_array_close(
                    &pinv(&a).unwrap().into_dyn(),
                    &$as(&e["pinv"]),
                    case.rtol,
                    case.atol,
                    &ctx,
                );
                assert_eq!(
                    matrix_rank(&a).unwrap() as u64,
                    e["matrix_rank"].as_u64().unwrap(),
                    "{ctx}"
                );
                let z = null_space(&a, None).unwrap();
                assert_eq!(z.ncols() as u64, e["null_dim"].as_u64().unwrap(), "{ctx}");
                assert!(
                    a.dot(&z).iter().all(|v| $mod(*v) < 1e-12),
                    "{ctx}: a·null_space ≠ 0"
                );
                assert_eq!(
                    orth(&a, None).unwrap().ncols() as u64,
                    e["orth_dim"].as_u64().unwrap(),
                    "{ctx}"
                );
            }};
        }
        if is_complex(&case, "a") {
            check!(
                c2(case.carray("a")),
                case.carray("b"),
                as_carray,
                |v: Complex64| v.norm()
            );
        } else {
            check!(m2(case.array("a")), case.array("b"), as_array, |v: f64| v
                .abs());
        }
    }
}

#[test]
fn lstsq_family_edges() {
    let e = Array2::<f64>::zeros((0, 3));
    assert_eq!(pinv(&e).unwrap().dim(), (3, 0));
    assert_eq!(matrix_rank(&e).unwrap(), 0);
    assert_eq!(
        null_space(&Array2::<f64>::zeros((2, 3)), None).unwrap(),
        Array2::<f64>::eye(3)
    );
    assert_eq!(
        orth(&Array2::<f64>::zeros((2, 3)), None).unwrap().dim(),
        (2, 0)
    );
    let r = lstsq(&array![[1.0_f64, 1.0], [1.0, 1.0]], &array![1.0, 2.0]).unwrap();
    assert_eq!((r.rank, r.residues.len()), (1, 0));
    assert!((r.x[0] - 0.75).abs() < 1e-15 && (r.x[1] - 0.75).abs() < 1e-15);
    let err = lstsq(&Array2::<f64>::eye(3), &array![1.0, 2.0]).unwrap_err();
    assert!(
        matches!(err, Error::ShapeMismatch { name: "b", .. }),
        "{err:?}"
    );
    let opts = PinvOptions {
        rtol: Some(-1.0),
        ..Default::default()
    };
    assert!(matches!(
        pinv_with(&Array2::<f64>::eye(2), &opts),
        Err(Error::InvalidArgument { name: "rtol", .. })
    ));
    // Penrose conditions on a random rank-deficient complex matrix.
    let mut rng = StdRng::seed_from_u64(29);
    let a = crandom(9, 3, &mut rng).dot(&crandom(3, 7, &mut rng));
    let p = pinv(&a).unwrap();
    assert_eq!(matrix_rank(&a).unwrap(), 3);
    assert!(fro(&(a.dot(&p).dot(&a) - &a)) < 1e-12 * fro(&a));
    assert!(fro(&(p.dot(&a).dot(&p) - &p)) < 1e-12 * fro(&p));
}

fn norm_ord(case: &Case) -> Option<NormOrd> {
    match case.arg("ord") {
        serde_json::Value::String(s) => match s.as_str() {
            "none" => None,
            "fro" => Some(NormOrd::Fro),
            "nuc" => Some(NormOrd::Nuc),
            "inf" => Some(NormOrd::Inf),
            "-inf" => Some(NormOrd::NegInf),
            other => panic!("unknown ord {other}"),
        },
        v => Some(NormOrd::P(as_f64(v))),
    }
}

#[test]
fn norm_and_cond_match_scipy() {
    for case in load("linalg", "norm") {
        let ord = norm_ord(&case);
        let opts = NormOptions {
            ord,
            ..Default::default()
        };
        let got = if case.has("cond") {
            let a = m2(case.array("a"));
            match ord {
                None => cond(&a).unwrap(),
                Some(o) => cond_with(&a, o).unwrap(),
            }
        } else if is_complex(&case, "a") {
            norm_with(&case.carray("a"), &opts).unwrap()
        } else {
            norm_with(&case.array("a"), &opts).unwrap()
        };
        common::check_scalar(&case, got);
    }
}

#[test]
fn norm_edges_and_errors() {
    assert_eq!(norm(&Array1::<f64>::zeros(0)).unwrap(), 0.0);
    assert_eq!(norm(&Array2::<f64>::zeros((0, 0))).unwrap(), 0.0);
    assert_eq!(
        norm(&ndarray::Array3::<f64>::ones((2, 2, 2))).unwrap(),
        8f64.sqrt()
    );
    let tiny = norm(&array![1e-300_f64, 1e-300]).unwrap();
    assert_close(tiny, 2f64.sqrt() * 1e-300, 4e-16, 0.0, "no underflow");
    let huge = norm(&array![1e300_f64, 1e300]).unwrap();
    assert_close(huge, 2f64.sqrt() * 1e300, 4e-16, 0.0, "no overflow");
    let fro = NormOptions {
        ord: Some(NormOrd::Fro),
        ..Default::default()
    };
    let e = norm_with(&array![1.0, 2.0], &fro).unwrap_err();
    assert!(e.to_string().contains("for vectors"), "{e}");
    let p3 = NormOptions {
        ord: Some(NormOrd::P(3.0)),
        ..Default::default()
    };
    assert!(matches!(
        norm_with(&Array2::<f64>::eye(2), &p3),
        Err(Error::InvalidArgument { name: "ord", .. })
    ));
    assert!(matches!(
        norm(&array![f64::NAN]),
        Err(Error::InvalidArgument { name: "a", .. })
    ));
    assert!(cond(&array![[1.0, 2.0], [2.0, 4.0]]).unwrap() > 1e15);
    assert!(matches!(
        cond_with(&Array2::<f64>::zeros((2, 3)), NormOrd::Fro),
        Err(Error::ShapeMismatch { .. })
    ));
}

#[test]
fn eigh_matches_scipy() {
    for case in load("linalg", "eigh") {
        let ctx = case.ctx();
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            check_array(&case, &eigvalsh(&a).unwrap());
            let Eigh { w, v } = eigh(&a).unwrap();
            check_array(&case, &w);
            let av = a.dot(&v) - v.dot(&Array2::from_diag(&w.mapv(|x| Complex64::new(x, 0.0))));
            assert!(
                fro(&av) / (fro(&a) * a.nrows() as f64 * f64::EPSILON) < 8.0,
                "{ctx}"
            );
        } else {
            let a = m2(case.array("a"));
            check_array(&case, &eigvalsh(&a).unwrap());
            let Eigh { w, v } = eigh(&a).unwrap();
            check_array(&case, &w);
            let n = a.nrows();
            let av = a.dot(&v) - v.dot(&Array2::from_diag(&w));
            assert!(
                fro(&av) / (fro(&a) * n as f64 * f64::EPSILON) < 8.0,
                "{ctx}"
            );
            let orth = fro(&(v.t().dot(&v) - Array2::<f64>::eye(n))) / (n as f64 * f64::EPSILON);
            assert!(orth < 8.0, "{ctx}: orthogonality {orth}");
        }
    }
}

#[test]
fn eigh_random_and_edges() {
    let mut rng = StdRng::seed_from_u64(31);
    for n in [1usize, 2, 40, 150] {
        let b = crandom(n, n, &mut rng);
        let a = &b + &b.t().mapv(|v| v.conj());
        let Eigh { w, v } = eigh(&a).unwrap();
        assert!(w.to_vec().windows(2).all(|p| p[0] <= p[1]), "ascending");
        let av = a.dot(&v) - v.dot(&Array2::from_diag(&w.mapv(|x| Complex64::new(x, 0.0))));
        assert!(
            fro(&av) / (fro(&a) * n as f64 * f64::EPSILON) < 8.0,
            "n={n}"
        );
        let vhv = v.t().mapv(|x| x.conj()).dot(&v) - Array2::<Complex64>::eye(n);
        assert!(fro(&vhv) / (n as f64 * f64::EPSILON) < 8.0, "n={n}");
        // Trace = sum of eigenvalues.
        let tr: f64 = a.diag().iter().map(|v| v.re).sum();
        assert!((tr - w.sum()).abs() < 1e-12 * fro(&a) * n as f64);
    }
    let e = Array2::<f64>::zeros((0, 0));
    let Eigh { w, v } = eigh(&e).unwrap();
    assert_eq!((w.len(), v.dim()), (0, (0, 0)));
    assert!(matches!(
        eigh(&Array2::<f64>::zeros((2, 3))),
        Err(Error::ShapeMismatch { name: "a", .. })
    ));
    assert!(matches!(
        eigvalsh(&array![[f64::NAN]]),
        Err(Error::InvalidArgument { name: "a", .. })
    ));
    // The upper triangle is ignored by default (lower=True).
    let w = eigvalsh(&array![[1.0, 123.0], [0.0, 1.0]]).unwrap();
    assert_eq!(w.to_vec(), vec![1.0, 1.0]);
}

#[test]
fn banded_solvers_match_scipy() {
    for case in load("linalg", "solve_banded") {
        let lu = (case.usize("l"), case.usize("u"));
        if is_complex(&case, "ab") {
            check_carray(
                &case,
                &solve_banded(lu, &c2(case.carray("ab")), &case.carray("b")).unwrap(),
            );
        } else {
            check_array(
                &case,
                &solve_banded(lu, &m2(case.array("ab")), &case.array("b")).unwrap(),
            );
        }
    }
    for case in load("linalg", "solveh_banded") {
        let opts = SolvehBandedOptions {
            lower: case.arg("lower").as_bool().unwrap(),
        };
        if is_complex(&case, "ab") {
            check_carray(
                &case,
                &solveh_banded_with(&c2(case.carray("ab")), &case.carray("b"), &opts).unwrap(),
            );
        } else {
            check_array(
                &case,
                &solveh_banded_with(&m2(case.array("ab")), &case.array("b"), &opts).unwrap(),
            );
        }
    }
}

#[test]
fn banded_solvers_edges() {
    // Singular tridiagonal: a zero column.
    let ab = array![[0.0, 0.0, 1.0], [1.0, 0.0, 1.0], [0.0, 0.0, 0.0]];
    assert!(matches!(
        solve_banded((1, 1), &ab, &array![1.0, 1.0, 1.0]),
        Err(Error::Singular { pivot: 1 })
    ));
    let e = solve_banded(
        (1, 1),
        &Array2::<f64>::zeros((2, 3)),
        &array![1.0, 1.0, 1.0],
    )
    .unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "ab", ref expected, .. } if expected == &[3, 3]),
        "{e:?}"
    );
    let not_pd = array![[0.0, 2.0], [1.0, 1.0]]; // [[1, 2], [2, 1]]
    assert!(matches!(
        solveh_banded(&not_pd, &array![1.0, 1.0]),
        Err(Error::InvalidArgument { name: "ab", .. })
    ));
    assert_eq!(
        solve_banded(
            (0, 0),
            &Array2::<f64>::zeros((1, 0)),
            &Array1::<f64>::zeros(0)
        )
        .unwrap()
        .len(),
        0
    );
    // Agrees with the dense solver on a wide band.
    let mut rng = StdRng::seed_from_u64(37);
    let (n, l, u) = (60, 4, 3);
    let a = Array2::from_shape_fn((n, n), |(i, j)| {
        if j + l >= i && i + u >= j {
            rng.random::<f64>() - 0.5
        } else {
            0.0
        }
    });
    let ab = Array2::from_shape_fn((l + u + 1, n), |(r, j)| {
        let i = (r + j) as isize - u as isize;
        if i >= 0 && (i as usize) < n {
            a[[i as usize, j]]
        } else {
            0.0
        }
    });
    let b = random(n, 3, &mut rng);
    let x = solve_banded((l, u), &ab, &b).unwrap();
    let r = fro(&(&b - &a.dot(&x))) / (fro(&a) * fro(&x) * n as f64 * f64::EPSILON);
    assert!(r < 1.0, "{r}");
}

#[test]
fn rq_matches_scipy() {
    for case in load("linalg", "rq") {
        let e = &case.expected;
        let ctx = case.ctx();
        if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            for (Rq { r, q }, rk, qk) in [
                (rq(&a).unwrap(), "r", "q"),
                (rq_economic(&a).unwrap(), "re", "qe"),
            ] {
                assert_array_close(
                    &r.into_dyn(),
                    &as_carray(&e[rk]),
                    case.rtol,
                    case.atol,
                    &ctx,
                );
                assert_array_close(
                    &q.into_dyn(),
                    &as_carray(&e[qk]),
                    case.rtol,
                    case.atol,
                    &ctx,
                );
            }
        } else {
            let a = m2(case.array("a"));
            for (Rq { r, q }, rk, qk) in [
                (rq(&a).unwrap(), "r", "q"),
                (rq_economic(&a).unwrap(), "re", "qe"),
            ] {
                assert!(backward(&a, &r.dot(&q)) < 4.0, "{ctx}");
                assert_array_close(&r.into_dyn(), &as_array(&e[rk]), case.rtol, case.atol, &ctx);
                assert_array_close(&q.into_dyn(), &as_array(&e[qk]), case.rtol, case.atol, &ctx);
            }
        }
    }
}

#[test]
fn structure_tests_match_scipy() {
    for case in load("linalg", "structure") {
        let e = &case.expected;
        let ctx = case.ctx();
        let opts = SymmetryOptions {
            atol: case.has("atol").then(|| case.f64("atol")),
            rtol: case.has("rtol").then(|| case.f64("rtol")),
        };
        let bw: Vec<usize> = e["bandwidth"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap() as usize)
            .collect();
        let (bw, sym, her) = if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            let square = a.is_square();
            let s = square.then(|| {
                (
                    issymmetric_with(&a, &opts).unwrap(),
                    ishermitian_with(&a, &opts).unwrap(),
                )
            });
            (
                bandwidth(&a) == (bw[0], bw[1]),
                s.map(|p| p.0),
                s.map(|p| p.1),
            )
        } else {
            let a = m2(case.array("a"));
            let square = a.is_square();
            let s = square.then(|| {
                (
                    issymmetric_with(&a, &opts).unwrap(),
                    ishermitian_with(&a, &opts).unwrap(),
                )
            });
            (
                bandwidth(&a) == (bw[0], bw[1]),
                s.map(|p| p.0),
                s.map(|p| p.1),
            )
        };
        assert!(bw, "{ctx}: bandwidth");
        if let Some(s) = sym {
            assert_eq!(s, e["issymmetric"].as_bool().unwrap(), "{ctx}: issymmetric");
            assert_eq!(
                her.unwrap(),
                e["ishermitian"].as_bool().unwrap(),
                "{ctx}: ishermitian"
            );
        }
    }
    assert!(!issymmetric(&array![[1.0, f64::NAN], [f64::NAN, 1.0]]).unwrap());
    assert!(matches!(
        issymmetric(&Array2::<f64>::zeros((2, 3))),
        Err(Error::ShapeMismatch { .. })
    ));
}
