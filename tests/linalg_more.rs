//! ferrosci::linalg's ldl, polar, pinvh, subspace_angles, banded Cholesky,
//! eigh subsets / generalized problems, eigh_tridiagonal and eig_banded
//! against SciPy fixtures (`python3 tools/fixtures/linalg_more.py`), plus
//! identities on seeded random input, edge cases and errors.

mod common;

use common::{Case, as_array, as_carray, assert_array_close, load};
use ferrosci::Error;
use ferrosci::linalg::*;
use ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array};
use num_complex::Complex64;
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

type C = Complex64;

fn m2(a: ArrayD<f64>) -> Array2<f64> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn c2(a: ArrayD<C>) -> Array2<C> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn v1(a: ArrayD<f64>) -> Array1<f64> {
    a.into_dimensionality::<Ix1>().expect("1-D")
}
fn is_complex(case: &Case, name: &str) -> bool {
    case.arg(name)["dtype"] == "c128"
}
fn cplx(a: &Array2<f64>) -> Array2<C> {
    a.mapv(|x| C::new(x, 0.0))
}
fn want<'a>(case: &'a Case, field: &str) -> &'a serde_json::Value {
    &case.expected[field]
}
fn max_abs<T: Scalar>(a: &Array2<T>) -> f64 {
    a.iter().fold(0.0, |m, v| m.max(v.modulus().to_f64_real()))
}

/// Columns equal up to a unit factor (sign or phase): eigenvectors and the
/// like are unique only up to it.
#[track_caller]
fn assert_cols_up_to_phase(got: &Array2<C>, want: &Array2<C>, atol: f64, ctx: &str) {
    assert_cols_with_tol(got, want, |_| atol, ctx);
}

#[track_caller]
fn assert_cols_with_tol(got: &Array2<C>, want: &Array2<C>, tol: impl Fn(usize) -> f64, ctx: &str) {
    assert_eq!(got.dim(), want.dim(), "{ctx}: shape");
    for c in 0..got.ncols() {
        let atol = tol(c);
        let dot: C = (0..got.nrows())
            .map(|i| want[[i, c]].conj() * got[[i, c]])
            .sum();
        let phase = if dot.norm() == 0.0 {
            C::new(1.0, 0.0)
        } else {
            dot / dot.norm()
        };
        for i in 0..got.nrows() {
            let d = (got[[i, c]] * phase.conj() - want[[i, c]]).norm();
            assert!(
                d <= atol,
                "{ctx}: column {c}, row {i}: got {} want {} (diff {d:e}, tol {atol:e})",
                got[[i, c]],
                want[[i, c]]
            );
        }
    }
}

/// Eigenvectors compared up to phase with the tolerance their conditioning
/// allows: an eigenvector moves by about `ε·‖A‖ / gap` (Davis–Kahan), where
/// `gap` separates its eigenvalue from the rest of the spectrum `all`.
#[track_caller]
fn assert_eigenvectors(got: &Array2<C>, want: &Array2<C>, w: &Array1<f64>, all: &[f64], ctx: &str) {
    let scale = all.iter().fold(0.0_f64, |m, v| m.max(v.abs())).max(1e-300);
    assert_cols_with_tol(
        got,
        want,
        |c| {
            let gap = all
                .iter()
                .filter(|&&x| (x - w[c]).abs() > 1e-15 * scale)
                .fold(f64::INFINITY, |m, &x| m.min((x - w[c]).abs()));
            1e-10 + 1e3 * f64::EPSILON * scale / gap
        },
        ctx,
    );
}

// ---------------------------------------------------------------- ldl

#[test]
fn ldl_matches_scipy() {
    for case in load("linalg", "more_ldl") {
        let opts = LdlOptions {
            lower: case.arg("lower").as_bool().unwrap(),
            hermitian: case.arg("hermitian").as_bool().unwrap(),
            ..Default::default()
        };
        let perm: Vec<usize> = as_array(want(&case, "perm"))
            .iter()
            .map(|&p| p as usize)
            .collect();
        let (lu, d, p) = if is_complex(&case, "a") {
            let r = ldl_with(&c2(case.carray("a")), &opts).unwrap();
            (r.lu, r.d, r.perm)
        } else {
            let r = ldl_with(&m2(case.array("a")), &opts).unwrap();
            (cplx(&r.lu), cplx(&r.d), r.perm)
        };
        let ctx = case.ctx();
        assert_eq!(p.to_vec(), perm, "{ctx}: perm");
        assert_array_close(
            &lu,
            &c2(as_carray(want(&case, "lu"))),
            case.rtol,
            case.atol,
            &format!("{ctx}: lu"),
        );
        assert_array_close(
            &d,
            &c2(as_carray(want(&case, "d"))),
            case.rtol,
            case.atol,
            &format!("{ctx}: d"),
        );
    }
}

#[test]
fn ldl_reconstructs_random_indefinite_matrices() {
    let mut rng = StdRng::seed_from_u64(7);
    for n in [1, 2, 5, 17, 40] {
        let b = Array2::from_shape_fn((n, n), |_| rng.random::<f64>() - 0.5);
        let a = &b + &b.t();
        for lower in [true, false] {
            let r = ldl_with(
                &a,
                &LdlOptions {
                    lower,
                    ..Default::default()
                },
            )
            .unwrap();
            let back = r.lu.dot(&r.d).dot(&r.lu.t());
            let err = max_abs(&(&back - &a));
            assert!(
                err < 50.0 * n as f64 * f64::EPSILON * max_abs(&a),
                "n={n} lower={lower}: {err}"
            );
            // lu[perm] is unit triangular.
            for i in 0..n {
                let row = r.perm[i];
                assert_eq!(r.lu[[row, i]], 1.0);
                for j in 0..n {
                    let outside = if lower { j > i } else { j < i };
                    if outside {
                        assert_eq!(r.lu[[row, j]], 0.0, "n={n} lower={lower} ({i}, {j})");
                    }
                }
            }
        }
        let cb = Array2::from_shape_fn((n, n), |_| {
            C::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5)
        });
        let h = &cb + &cb.t().mapv(|v| v.conj());
        let r = ldl(&h).unwrap();
        let back = r.lu.dot(&r.d).dot(&r.lu.t().mapv(|v| v.conj()));
        assert!(
            max_abs(&(&back - &h)) < 50.0 * n as f64 * f64::EPSILON * max_abs(&h),
            "complex n={n}"
        );
    }
}

#[test]
fn ldl_edges_and_errors() {
    let r = ldl(&Array2::<f64>::zeros((0, 0))).unwrap();
    assert_eq!((r.lu.dim(), r.d.dim(), r.perm.len()), ((0, 0), (0, 0), 0));
    // All-zero matrix: singular, no pivoting, D = 0 (SciPy gives the same).
    let r = ldl(&Array2::<f64>::zeros((3, 3))).unwrap();
    assert_eq!(r.lu, Array2::<f64>::eye(3));
    assert_eq!(r.d, Array2::<f64>::zeros((3, 3)));
    let e = ldl(&Array2::<f64>::zeros((2, 3))).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "a", ref got, .. } if got == &[2, 3]),
        "{e}"
    );
    let e = ldl(&array![[1.0, f64::NAN], [f64::NAN, 1.0]]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "a", .. }), "{e}");
    let r = ldl(&array![[1.0_f32, 2.0], [2.0, 1.0]]).unwrap();
    assert!(
        (r.lu.dot(&r.d).dot(&r.lu.t()) - array![[1.0_f32, 2.0], [2.0, 1.0]])
            .iter()
            .all(|x| x.abs() < 1e-6)
    );
}

// ---------------------------------------------------------------- polar, pinvh, subspace

#[test]
fn polar_matches_scipy() {
    for case in load("linalg", "more_polar") {
        let opts = PolarOptions {
            side: if case.str("side") == "left" {
                PolarSide::Left
            } else {
                PolarSide::Right
            },
        };
        let (u, p) = if is_complex(&case, "a") {
            let r = polar_with(&c2(case.carray("a")), &opts).unwrap();
            (r.u, r.p)
        } else {
            let r = polar_with(&m2(case.array("a")), &opts).unwrap();
            (cplx(&r.u), cplx(&r.p))
        };
        let ctx = case.ctx();
        assert_array_close(
            &u,
            &c2(as_carray(want(&case, "u"))),
            case.rtol,
            case.atol,
            &format!("{ctx}: u"),
        );
        assert_array_close(
            &p,
            &c2(as_carray(want(&case, "p"))),
            case.rtol,
            case.atol,
            &format!("{ctx}: p"),
        );
    }
}

#[test]
fn polar_edges() {
    let r = polar(&Array2::<f64>::zeros((0, 3))).unwrap();
    assert_eq!((r.u.dim(), r.p.dim()), ((0, 3), (3, 3)));
    let r = polar(&array![[-3.0_f64]]).unwrap();
    assert_eq!((r.u[[0, 0]], r.p[[0, 0]]), (-1.0, 3.0));
    assert!(polar(&array![[f64::INFINITY]]).is_err());
}

#[test]
fn pinvh_matches_scipy() {
    for case in load("linalg", "more_pinvh") {
        let opt = |k: &str| case.has(k).then(|| case.f64(k));
        let opts = PinvhOptions {
            atol: opt("atol"),
            rtol: opt("rtol"),
            lower: case.arg("lower").as_bool().unwrap(),
            ..Default::default()
        };
        let got = if is_complex(&case, "a") {
            pinvh_with(&c2(case.carray("a")), &opts).unwrap()
        } else {
            cplx(&pinvh_with(&m2(case.array("a")), &opts).unwrap())
        };
        assert_array_close(
            &got,
            &c2(as_carray(&case.expected)),
            case.rtol,
            case.atol,
            &case.ctx(),
        );
    }
}

#[test]
fn pinvh_edges_and_errors() {
    assert_eq!(pinvh(&Array2::<f64>::zeros((0, 0))).unwrap().dim(), (0, 0));
    assert_eq!(
        pinvh(&Array2::<f64>::zeros((2, 2))).unwrap(),
        Array2::<f64>::zeros((2, 2))
    );
    assert!(matches!(
        pinvh(&Array2::<f64>::zeros((2, 3))),
        Err(Error::ShapeMismatch { .. })
    ));
    let e = pinvh_with(
        &array![[1.0_f64]],
        &PinvhOptions {
            rtol: Some(-1.0),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "rtol", .. }),
        "{e}"
    );
}

#[test]
fn subspace_angles_match_scipy() {
    for case in load("linalg", "more_subspace_angles") {
        let got = if is_complex(&case, "a") {
            subspace_angles(&c2(case.carray("a")), &c2(case.carray("b"))).unwrap()
        } else {
            subspace_angles(&m2(case.array("a")), &m2(case.array("b"))).unwrap()
        };
        common::check_array(&case, &got);
    }
}

#[test]
fn subspace_angles_errors() {
    let e =
        subspace_angles(&Array2::<f64>::ones((3, 1)), &Array2::<f64>::ones((4, 2))).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "b", ref got, .. } if got == &[4, 2]),
        "{e}"
    );
    assert!(subspace_angles(&array![[f64::NAN]], &array![[1.0]]).is_err());
    // A zero matrix spans nothing: no angles, as SciPy.
    assert_eq!(
        subspace_angles(&Array2::<f64>::zeros((3, 2)), &Array2::<f64>::eye(3))
            .unwrap()
            .len(),
        0
    );
}

// ---------------------------------------------------------------- banded Cholesky

#[test]
fn cholesky_banded_matches_scipy() {
    for case in load("linalg", "more_cholesky_banded") {
        let lower = case.arg("lower").as_bool().unwrap();
        let opts = CholeskyBandedOptions { lower };
        let ctx = case.ctx();
        let (cb, x) = if is_complex(&case, "ab") {
            let cb = cholesky_banded_with(&c2(case.carray("ab")), &opts).unwrap();
            let x = cho_solve_banded((&cb, lower), &c2(case.carray("b"))).unwrap();
            (cb, x)
        } else {
            let cb = cholesky_banded_with(&m2(case.array("ab")), &opts).unwrap();
            let x = cho_solve_banded((&cb, lower), &m2(case.array("b"))).unwrap();
            (cplx(&cb), cplx(&x))
        };
        assert_array_close(
            &cb,
            &c2(as_carray(want(&case, "cb"))),
            case.rtol,
            case.atol,
            &format!("{ctx}: cb"),
        );
        assert_array_close(
            &x,
            &c2(as_carray(want(&case, "x"))),
            1e-11,
            1e-13,
            &format!("{ctx}: x"),
        );
    }
}

#[test]
fn cholesky_banded_edges_and_errors() {
    let e = cholesky_banded(&array![[0.0_f64, 2.0], [1.0, 1.0]]).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "ab", ref reason } if reason.contains("order 2")),
        "{e}"
    );
    assert!(cholesky_banded(&Array2::<f64>::zeros((0, 3))).is_err());
    assert_eq!(
        cholesky_banded(&Array2::<f64>::zeros((2, 0)))
            .unwrap()
            .dim(),
        (2, 0)
    );
    let cb = cholesky_banded(&array![[0.0_f64, 1.0], [4.0, 4.0]]).unwrap();
    let e = cho_solve_banded((&cb, false), &array![1.0, 2.0, 3.0]).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "b", ref got, .. } if got == &[3]),
        "{e}"
    );
    let e = cho_solve_banded(
        (&array![[0.0_f64, 1.0], [0.0, 1.0]], false),
        &array![1.0, 2.0],
    )
    .unwrap_err();
    assert!(matches!(e, Error::Singular { pivot: 0 }), "{e}");
    assert!(cholesky_banded(&array![[f64::NAN]]).is_err());
}

// ---------------------------------------------------------------- eigh subsets and generalized

fn eigh_opts(case: &Case) -> EighOptions {
    let pair = |k: &str| case.has(k).then(|| v1(case.array(k)));
    EighOptions {
        lower: case.arg("lower").as_bool().unwrap(),
        type_: case.usize("type") as u8,
        subset_by_index: pair("subset_by_index").map(|p| (p[0] as usize, p[1] as usize)),
        subset_by_value: pair("subset_by_value").map(|p| (p[0], p[1])),
        ..Default::default()
    }
}

#[test]
fn eigh_subsets_and_generalized_match_scipy() {
    for case in load("linalg", "more_eigh") {
        let opts = eigh_opts(&case);
        let generalized = case.has("b");
        let (w, v, wo) = if is_complex(&case, "a") {
            let a = c2(case.carray("a"));
            if generalized {
                let b = c2(case.carray("b"));
                let r = eigh_generalized_with(&a, &b, &opts).unwrap();
                (r.w, r.v, eigvalsh_generalized_with(&a, &b, &opts).unwrap())
            } else {
                let r = eigh_with(&a, &opts).unwrap();
                (r.w, r.v, eigvalsh_with(&a, &opts).unwrap())
            }
        } else {
            let a = m2(case.array("a"));
            if generalized {
                let b = m2(case.array("b"));
                let r = eigh_generalized_with(&a, &b, &opts).unwrap();
                (
                    r.w,
                    cplx(&r.v),
                    eigvalsh_generalized_with(&a, &b, &opts).unwrap(),
                )
            } else {
                let r = eigh_with(&a, &opts).unwrap();
                (r.w, cplx(&r.v), eigvalsh_with(&a, &opts).unwrap())
            }
        };
        let ctx = case.ctx();
        let ww = v1(as_array(want(&case, "w")));
        assert_array_close(&w, &ww, case.rtol, case.atol, &format!("{ctx}: w"));
        assert_array_close(
            &wo,
            &ww,
            case.rtol,
            case.atol,
            &format!("{ctx}: eigvals only"),
        );
        assert_cols_up_to_phase(
            &v,
            &c2(as_carray(want(&case, "v"))),
            1e-9,
            &format!("{ctx}: v"),
        );
    }
}

#[test]
fn eigh_subset_agrees_with_full_on_random_input() {
    let mut rng = StdRng::seed_from_u64(11);
    let n = 30;
    let b = Array2::from_shape_fn((n, n), |_| {
        C::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5)
    });
    let a = &b + &b.t().mapv(|v| v.conj());
    let full = eigh(&a).unwrap();
    let opts = EighOptions {
        subset_by_index: Some((5, 24)),
        ..Default::default()
    };
    let sub = eigh_with(&a, &opts).unwrap();
    let anorm = max_abs(&a) * n as f64;
    for (k, i) in (5..=24).enumerate() {
        assert!((sub.w[k] - full.w[i]).abs() < 1e-13 * anorm, "{i}");
    }
    // Residual and orthonormality of the subset's vectors.
    let r = a.dot(&sub.v)
        - sub
            .v
            .dot(&Array2::from_diag(&sub.w.mapv(|x| C::new(x, 0.0))));
    assert!(
        max_abs(&r) < 100.0 * n as f64 * f64::EPSILON * anorm,
        "{}",
        max_abs(&r)
    );
    let g = sub.v.t().mapv(|v| v.conj()).dot(&sub.v) - Array2::<C>::eye(20);
    assert!(max_abs(&g) < 100.0 * n as f64 * f64::EPSILON);
    // A few vectors (applied through the reflectors, not a formed Q).
    let few = eigh_with(
        &a,
        &EighOptions {
            subset_by_index: Some((26, 29)),
            ..Default::default()
        },
    )
    .unwrap();
    let r = a.dot(&few.v)
        - few
            .v
            .dot(&Array2::from_diag(&few.w.mapv(|x| C::new(x, 0.0))));
    assert!(
        max_abs(&r) < 100.0 * n as f64 * f64::EPSILON * anorm,
        "{}",
        max_abs(&r)
    );
    let g = few.v.t().mapv(|v| v.conj()).dot(&few.v) - Array2::<C>::eye(4);
    assert!(max_abs(&g) < 100.0 * n as f64 * f64::EPSILON);
    assert_cols_up_to_phase(
        &few.v,
        &full.v.slice(ndarray::s![.., 26..]).to_owned(),
        1e-10,
        "few vectors",
    );
    // Values (−∞, w[9]] by value equals indices 0..=9.
    let v = eigvalsh_with(
        &a,
        &EighOptions {
            subset_by_value: Some((f64::NEG_INFINITY, full.w[9] + 1e-9)),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(v.len(), 10);
}

#[test]
fn eigh_generalized_backward_error_and_normalisation() {
    let mut rng = StdRng::seed_from_u64(3);
    let n = 15;
    let g = Array2::from_shape_fn((n, n), |_| rng.random::<f64>() - 0.5);
    let a = &g + &g.t();
    let h = Array2::from_shape_fn((n, n), |_| rng.random::<f64>() - 0.5);
    let b = h.t().dot(&h) + Array2::<f64>::eye(n);
    let binv = inv(&b).unwrap();
    let tol = 1e3 * n as f64 * f64::EPSILON * max_abs(&a) * max_abs(&b);
    for t in 1..=3u8 {
        let r = eigh_generalized_with(
            &a,
            &b,
            &EighOptions {
                type_: t,
                ..Default::default()
            },
        )
        .unwrap();
        let lam = Array2::from_diag(&r.w);
        let resid = match t {
            1 => a.dot(&r.v) - b.dot(&r.v).dot(&lam),
            2 => a.dot(&b).dot(&r.v) - r.v.dot(&lam),
            _ => b.dot(&a).dot(&r.v) - r.v.dot(&lam),
        };
        assert!(max_abs(&resid) < tol, "type {t}: {}", max_abs(&resid));
        let gram = if t == 3 {
            r.v.t().dot(&binv).dot(&r.v)
        } else {
            r.v.t().dot(&b).dot(&r.v)
        };
        assert!(
            max_abs(&(gram - Array2::<f64>::eye(n))) < 1e-12,
            "type {t}: normalisation"
        );
    }
}

#[test]
fn eigh_options_errors_and_edges() {
    let a = array![[2.0_f64, 1.0], [1.0, 2.0]];
    let both = EighOptions {
        subset_by_index: Some((0, 0)),
        subset_by_value: Some((0.0, 1.0)),
        ..Default::default()
    };
    assert!(matches!(
        eigh_with(&a, &both),
        Err(Error::InvalidArgument { .. })
    ));
    for bad in [(1, 0), (0, 2)] {
        let e = eigh_with(
            &a,
            &EighOptions {
                subset_by_index: Some(bad),
                ..Default::default()
            },
        )
        .unwrap_err();
        assert!(
            matches!(
                e,
                Error::InvalidArgument {
                    name: "subset_by_index",
                    ..
                }
            ),
            "{e}"
        );
    }
    let e = eigvalsh_with(
        &a,
        &EighOptions {
            subset_by_value: Some((2.0, 1.0)),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidArgument {
                name: "subset_by_value",
                ..
            }
        ),
        "{e}"
    );
    // An empty value range is not an error: empty results with n rows.
    let r = eigh_with(
        &a,
        &EighOptions {
            subset_by_value: Some((10.0, 20.0)),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.w.len(), r.v.dim()), (0, (2, 0)));
    let r = eigh_with(
        &Array2::<f64>::zeros((0, 0)),
        &EighOptions {
            subset_by_value: Some((0.0, 1.0)),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!((r.w.len(), r.v.dim()), (0, (0, 0)));
    // Generalized: b not positive definite, wrong shape, bad type.
    let e = eigh_generalized(&a, &array![[1.0, 2.0], [2.0, 1.0]]).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "b", ref reason } if reason.contains("positive definite")),
        "{e}"
    );
    let e = eigh_generalized(&a, &Array2::<f64>::eye(3)).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "b", ref got, .. } if got == &[3, 3]),
        "{e}"
    );
    let e = eigh_generalized_with(
        &a,
        &Array2::<f64>::eye(2),
        &EighOptions {
            type_: 4,
            ..Default::default()
        },
    )
    .unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "type_", .. }),
        "{e}"
    );
    let e = eigh_generalized(&a, &array![[1.0, f64::NAN], [0.0, 1.0]]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "b", .. }), "{e}");
    let r = eigh_generalized(&array![[6.0_f64]], &array![[2.0]]).unwrap();
    assert!((r.w[0] - 3.0).abs() < 1e-15);
    assert!((r.v[[0, 0]].abs() - 0.5f64.sqrt()).abs() < 1e-15);
    assert_eq!(
        eigh_generalized(&Array2::<f64>::zeros((0, 0)), &Array2::<f64>::zeros((0, 0)))
            .unwrap()
            .w
            .len(),
        0
    );
}

// ---------------------------------------------------------------- tridiagonal and band

fn select_of(case: &Case) -> EigSelect {
    match case.str("select") {
        "i" => {
            let r = v1(case.array("select_range"));
            EigSelect::Index(r[0] as usize, r[1] as usize)
        }
        "v" => {
            let r = v1(case.array("select_range"));
            EigSelect::Value(r[0], r[1])
        }
        _ => EigSelect::All,
    }
}

#[test]
fn eigh_tridiagonal_matches_scipy() {
    for case in load("linalg", "more_eigh_tridiagonal") {
        let (d, e) = (v1(case.array("d")), v1(case.array("e")));
        let opts = EighTridiagonalOptions {
            select: select_of(&case),
            ..Default::default()
        };
        let r = eigh_tridiagonal_with(&d, &e, &opts).unwrap();
        let w = eigvalsh_tridiagonal_with(&d, &e, &opts).unwrap();
        let ctx = case.ctx();
        let ww = v1(as_array(want(&case, "w")));
        assert_array_close(&r.w, &ww, case.rtol, case.atol, &format!("{ctx}: w"));
        assert_array_close(
            &w,
            &ww,
            case.rtol,
            case.atol,
            &format!("{ctx}: eigvals only"),
        );
        let all = eigvalsh_tridiagonal(&d, &e).unwrap().to_vec();
        assert_eigenvectors(
            &cplx(&r.v),
            &c2(as_carray(want(&case, "v"))),
            &r.w,
            &all,
            &format!("{ctx}: v"),
        );
        // T·v = v·diag(w), whatever the conditioning of v.
        let n = d.len();
        for (c, &lam) in r.w.iter().enumerate() {
            for i in 0..n {
                let mut t = (d[i] - lam) * r.v[[i, c]];
                if i > 0 {
                    t += e[i - 1] * r.v[[i - 1, c]];
                }
                if i + 1 < n {
                    t += e[i] * r.v[[i + 1, c]];
                }
                assert!(
                    t.abs() < 1e-13 * (1.0 + all.iter().fold(0.0_f64, |m, v| m.max(v.abs()))),
                    "{ctx}: residual row {i} col {c}: {t:e}"
                );
            }
        }
    }
}

#[test]
fn eigh_tridiagonal_edges_and_errors() {
    let r = eigh_tridiagonal(&Array1::<f64>::zeros(0), &Array1::<f64>::zeros(0)).unwrap();
    assert_eq!((r.w.len(), r.v.dim()), (0, (0, 0)));
    let e = eigh_tridiagonal(&array![1.0, 2.0], &array![1.0, 2.0]).unwrap_err();
    assert!(
        matches!(e, Error::ShapeMismatch { name: "e", ref got, .. } if got == &[2]),
        "{e}"
    );
    let e = eigvalsh_tridiagonal(&array![1.0, f64::NAN], &array![1.0]).unwrap_err();
    assert!(matches!(e, Error::InvalidArgument { name: "d", .. }), "{e}");
    let bad = EighTridiagonalOptions {
        select: EigSelect::Index(1, 0),
        ..Default::default()
    };
    assert!(eigvalsh_tridiagonal_with(&array![1.0, 2.0], &array![1.0], &bad).is_err());
    let bad = EighTridiagonalOptions {
        select: EigSelect::Value(1.0, f64::NAN),
        ..Default::default()
    };
    assert!(eigvalsh_tridiagonal_with(&array![1.0, 2.0], &array![1.0], &bad).is_err());
    // Unchecked NaN gives an answer or an error, never a panic.
    for select in [
        EigSelect::All,
        EigSelect::Index(0, 1),
        EigSelect::Value(-1.0, 1.0),
    ] {
        let opts = EighTridiagonalOptions {
            select,
            check_finite: false,
            ..Default::default()
        };
        let _ = eigh_tridiagonal_with(&array![1.0, f64::NAN, 0.0], &array![1.0, 0.5], &opts);
        let _ = eigh_tridiagonal_with(&array![1.0, 2.0, 0.0], &array![f64::INFINITY, 0.5], &opts);
    }
    let unchecked = EigBandedOptions {
        check_finite: false,
        ..Default::default()
    };
    let _ = eig_banded_with(&array![[0.0, f64::NAN, 1.0], [1.0, 2.0, 3.0]], &unchecked);
    let unchecked = LdlOptions {
        check_finite: false,
        ..Default::default()
    };
    let _ = ldl_with(&array![[f64::NAN, 1.0], [1.0, 0.0]], &unchecked);
    // A value window between eigenvalues selects nothing.
    let win = EighTridiagonalOptions {
        select: EigSelect::Value(-0.5, 0.5),
        ..Default::default()
    };
    let r = eigh_tridiagonal_with(&array![0.0, 0.0], &array![1.0], &win).unwrap();
    assert_eq!((r.w.len(), r.v.dim()), (0, (2, 0)));
    // f32: the same kernels.
    let w = eigvalsh_tridiagonal_with(
        &array![2.0_f32, 2.0, 2.0],
        &array![-1.0, -1.0],
        &EighTridiagonalOptions {
            select: EigSelect::Index(1, 1),
            ..Default::default()
        },
    )
    .unwrap();
    assert!((w[0] - 2.0).abs() < 1e-6);
    // tol loosens the bisection: the answer is within tol.
    let loose = EighTridiagonalOptions {
        select: EigSelect::Index(0, 0),
        tol: 1e-3,
        ..Default::default()
    };
    let w = eigvalsh_tridiagonal_with(&array![2.0, 2.0, 2.0], &array![-1.0, -1.0], &loose).unwrap();
    assert!((w[0] - (2.0 - 2f64.sqrt())).abs() < 1e-3);
}

#[test]
fn eig_banded_matches_scipy() {
    for case in load("linalg", "more_eig_banded") {
        let opts = EigBandedOptions {
            lower: case.arg("lower").as_bool().unwrap(),
            select: select_of(&case),
            ..Default::default()
        };
        let (w, v, wo) = if is_complex(&case, "ab") {
            let ab = c2(case.carray("ab"));
            let r = eig_banded_with(&ab, &opts).unwrap();
            (r.w, r.v, eigvals_banded_with(&ab, &opts).unwrap())
        } else {
            let ab = m2(case.array("ab"));
            let r = eig_banded_with(&ab, &opts).unwrap();
            (r.w, cplx(&r.v), eigvals_banded_with(&ab, &opts).unwrap())
        };
        let ctx = case.ctx();
        let ww = v1(as_array(want(&case, "w")));
        assert_array_close(&w, &ww, case.rtol, case.atol, &format!("{ctx}: w"));
        assert_array_close(
            &wo,
            &ww,
            case.rtol,
            case.atol,
            &format!("{ctx}: eigvals only"),
        );
        assert_cols_up_to_phase(
            &v,
            &c2(as_carray(want(&case, "v"))),
            1e-9,
            &format!("{ctx}: v"),
        );
    }
}

#[test]
fn eig_banded_random_backward_error_and_errors() {
    let mut rng = StdRng::seed_from_u64(5);
    let (n, u) = (40, 4);
    let mut a = Array2::<C>::zeros((n, n));
    for i in 0..n {
        a[[i, i]] = C::new(rng.random::<f64>() - 0.5, 0.0);
        for j in i.saturating_sub(u)..i {
            let v = C::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5);
            a[[i, j]] = v;
            a[[j, i]] = v.conj();
        }
    }
    let ab = Array2::from_shape_fn((u + 1, n), |(r, j)| {
        if j + r < n {
            a[[j + r, j]]
        } else {
            C::new(0.0, 0.0)
        }
    });
    let r = eig_banded_with(
        &ab,
        &EigBandedOptions {
            lower: true,
            ..Default::default()
        },
    )
    .unwrap();
    let resid = a.dot(&r.v) - r.v.dot(&Array2::from_diag(&r.w.mapv(|x| C::new(x, 0.0))));
    let scale = max_abs(&a) * n as f64;
    assert!(
        max_abs(&resid) < 100.0 * n as f64 * f64::EPSILON * scale,
        "{}",
        max_abs(&resid)
    );
    let full = eigvalsh(&a).unwrap();
    assert!((&r.w - &full).iter().all(|d| d.abs() < 1e-12 * scale));
    // Errors: no rows, NaN, bad selection.
    assert!(matches!(
        eig_banded(&Array2::<f64>::zeros((0, 3))),
        Err(Error::InvalidArgument { name: "a_band", .. })
    ));
    assert!(eigvals_banded(&array![[f64::NAN, 1.0]]).is_err());
    let bad = EigBandedOptions {
        select: EigSelect::Index(0, 5),
        ..Default::default()
    };
    assert!(matches!(
        eig_banded_with(&array![[1.0_f64, 2.0]], &bad),
        Err(Error::InvalidArgument {
            name: "select_range",
            ..
        })
    ));
    assert_eq!(
        eig_banded(&Array2::<f64>::zeros((2, 0))).unwrap().w.len(),
        0
    );
    let one = eig_banded(&array![[0.0_f64], [5.0]]).unwrap();
    assert_eq!((one.w[0], one.v[[0, 0]].abs()), (5.0, 1.0));
}

#[test]
fn single_precision_shares_the_kernels() {
    use num_complex::Complex32;
    let a = array![[4.0_f32, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 2.0]];
    let b = array![[2.0_f32, 0.1, 0.0], [0.1, 1.0, 0.0], [0.0, 0.0, 1.5]];
    let r = eigh_generalized(&a, &b).unwrap();
    let resid = a.dot(&r.v) - b.dot(&r.v).dot(&Array2::from_diag(&r.w));
    assert!(resid.iter().all(|x| x.abs() < 1e-5), "{resid}");
    let c = |re: f32, im: f32| Complex32::new(re, im);
    let ab = array![
        [c(0.0, 0.0), c(1.0, -0.5), c(0.3, 0.2)],
        [c(3.0, 0.0), c(2.0, 0.0), c(4.0, 0.0)]
    ];
    let full = array![
        [c(3.0, 0.0), c(1.0, -0.5), c(0.0, 0.0)],
        [c(1.0, 0.5), c(2.0, 0.0), c(0.3, 0.2)],
        [c(0.0, 0.0), c(0.3, -0.2), c(4.0, 0.0)]
    ];
    let r = eig_banded(&ab).unwrap();
    let resid = full.dot(&r.v) - r.v.dot(&Array2::from_diag(&r.w.mapv(|x| c(x, 0.0))));
    assert!(resid.iter().all(|x| x.norm() < 1e-5), "{resid}");
    let w = eigvalsh(&full).unwrap();
    assert!((&w - &r.w).iter().all(|d| d.abs() < 1e-5));
    let p = pinvh(&a).unwrap();
    assert!(
        (a.dot(&p) - Array2::<f32>::eye(3))
            .iter()
            .all(|x| x.abs() < 1e-5)
    );
    let t = subspace_angles(&array![[1.0_f32], [0.0]], &array![[1.0_f32], [1.0]]).unwrap();
    assert!((t[0] - std::f32::consts::FRAC_PI_4).abs() < 1e-6);
}

#[test]
fn inverse_iteration_keeps_a_tight_cluster_orthogonal() {
    // 60 eigenvalues within ~4e-10 of 1 in one unreduced block, plus a
    // graded tail: inverse iteration must reorthogonalise inside the cluster.
    let n = 80;
    let d = Array1::from_shape_fn(n, |i| {
        if i < 60 {
            1.0 + 1e-12 * i as f64
        } else {
            i as f64
        }
    });
    for (coupling, select) in [
        (2e-10, EigSelect::Index(5, 70)),
        (2e-10, EigSelect::Value(0.5, 1.5)),
        (1e-14, EigSelect::Index(0, 65)),
    ] {
        let e = Array1::from_shape_fn(n - 1, |i| if i < 59 { coupling } else { 0.5 });
        let opts = EighTridiagonalOptions {
            select,
            ..Default::default()
        };
        let r = eigh_tridiagonal_with(&d, &e, &opts).unwrap();
        let k = r.w.len();
        assert!(k >= 60, "{select:?}: {k}");
        let g = r.v.t().dot(&r.v) - Array2::<f64>::eye(k);
        assert!(
            max_abs(&g) < 1e-10,
            "{select:?}: orthogonality {}",
            max_abs(&g)
        );
        for c in 0..k {
            for i in 0..n {
                let mut t = (d[i] - r.w[c]) * r.v[[i, c]];
                if i > 0 {
                    t += e[i - 1] * r.v[[i - 1, c]];
                }
                if i + 1 < n {
                    t += e[i] * r.v[[i + 1, c]];
                }
                assert!(
                    t.abs() < 1e-12 * n as f64,
                    "{select:?}: residual ({i}, {c}) {t:e}"
                );
            }
        }
    }
}

#[test]
fn huge_and_tiny_scales() {
    let a = array![[2.0_f64, 1.0, 0.0], [1.0, 2.0, 1.0], [0.0, 1.0, 2.0]];
    let base = eigvalsh(&a).unwrap();
    for s in [1e300, 1e-300, 1e160, 1e-160] {
        let w = eigvalsh(&a.mapv(|x| x * s)).unwrap();
        let sub = eigvalsh_with(
            &a.mapv(|x| x * s),
            &EighOptions {
                subset_by_index: Some((1, 2)),
                ..Default::default()
            },
        )
        .unwrap();
        let v = eigh_with(
            &a.mapv(|x| x * s),
            &EighOptions {
                subset_by_index: Some((0, 0)),
                ..Default::default()
            },
        )
        .unwrap();
        for i in 0..3 {
            assert!(
                (w[i] / s - base[i]).abs() < 1e-14,
                "scale {s}: {} vs {}",
                w[i] / s,
                base[i]
            );
        }
        assert!((sub[1] / s - base[2]).abs() < 1e-14, "scale {s}");
        assert!(
            (v.v[[1, 0]].abs() - 0.5f64.sqrt()).abs() < 1e-14,
            "scale {s}"
        );
        let wb = eigvals_banded(&array![[0.0, s, s], [2.0 * s, 2.0 * s, 2.0 * s]]).unwrap();
        assert!((wb[0] / s - base[0]).abs() < 1e-14, "banded scale {s}");
    }
}

#[test]
fn ldl_at_huge_and_tiny_scales() {
    let a = array![
        [0.0_f64, 1.0, 2.0, 0.5],
        [1.0, 0.0, 3.0, 1.0],
        [2.0, 3.0, 0.0, 2.0],
        [0.5, 1.0, 2.0, 0.0]
    ];
    let base = ldl(&a).unwrap();
    for s in [1e200, 1e-200] {
        let r = ldl(&a.mapv(|x| x * s)).unwrap();
        assert_eq!(r.perm, base.perm, "scale {s}");
        assert!(
            (&r.lu - &base.lu).iter().all(|x| x.abs() < 1e-14),
            "scale {s}: lu"
        );
        assert!(
            (&r.d.mapv(|x| x / s) - &base.d)
                .iter()
                .all(|x| x.abs() < 1e-14),
            "scale {s}: d"
        );
    }
}
