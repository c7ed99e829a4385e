//! ferrosci::optimize's trust-region and TNC minimizers, root's
//! quasi-Newton/Krylov methods and isotonic regression against SciPy
//! fixtures (`python3 tools/fixtures/optimize_uncon.py`).
mod common;

use common::{as_array, as_f64, load};
use ferrosci::Error;
use ferrosci::optimize::*;
use ndarray::{Array1, ArrayRef1, Ix1, array};

type Obj = fn(&ArrayRef1<f64>) -> f64;
type GradFn = fn(&ArrayRef1<f64>) -> Array1<f64>;

fn arr1(v: &serde_json::Value) -> Array1<f64> {
    as_array(v).into_dimensionality::<Ix1>().unwrap()
}

/// Counts must stay within 1.5x of SciPy's (plus a small constant for tiny counts).
fn check_count(got: usize, want: f64, what: &str, ctx: &str) {
    let limit = (1.5 * want).ceil() as usize + 2;
    assert!(
        got <= limit,
        "{ctx}: {what} = {got}, SciPy {want}, limit {limit}"
    );
}

/// The generator's test problems: (f, ∇f).
fn problem(name: &str) -> (Obj, GradFn) {
    match name {
        "rosen2" | "rosen10" | "rosen100" => (rosen, rosen_der),
        "beale" => (
            |x| {
                let (a, b) = (x[0], x[1]);
                (1.5 - a + a * b).powi(2)
                    + (2.25 - a + a * b * b).powi(2)
                    + (2.625 - a + a * b.powi(3)).powi(2)
            },
            |x| {
                let (a, b) = (x[0], x[1]);
                let (t1, t2, t3) = (
                    1.5 - a + a * b,
                    2.25 - a + a * b * b,
                    2.625 - a + a * b.powi(3),
                );
                array![
                    2.0 * t1 * (b - 1.0) + 2.0 * t2 * (b * b - 1.0) + 2.0 * t3 * (b.powi(3) - 1.0),
                    2.0 * t1 * a + 4.0 * t2 * a * b + 6.0 * t3 * a * b * b
                ]
            },
        ),
        "booth" => (
            |x| (x[0] + 2.0 * x[1] - 7.0).powi(2) + (2.0 * x[0] + x[1] - 5.0).powi(2),
            |x| {
                let (u, v) = (x[0] + 2.0 * x[1] - 7.0, 2.0 * x[0] + x[1] - 5.0);
                array![2.0 * u + 4.0 * v, 4.0 * u + 2.0 * v]
            },
        ),
        "himmelblau" => (
            |x| (x[0] * x[0] + x[1] - 11.0).powi(2) + (x[0] + x[1] * x[1] - 7.0).powi(2),
            |x| {
                let (u, v) = (x[0] * x[0] + x[1] - 11.0, x[0] + x[1] * x[1] - 7.0);
                array![4.0 * x[0] * u + 2.0 * v, 2.0 * u + 4.0 * x[1] * v]
            },
        ),
        "powell" => (
            |x| {
                let (a, b, c, d) = (x[0], x[1], x[2], x[3]);
                (a + 10.0 * b).powi(2)
                    + 5.0 * (c - d).powi(2)
                    + (b - 2.0 * c).powi(4)
                    + 10.0 * (a - d).powi(4)
            },
            |x| {
                let (a, b, c, d) = (x[0], x[1], x[2], x[3]);
                array![
                    2.0 * (a + 10.0 * b) + 40.0 * (a - d).powi(3),
                    20.0 * (a + 10.0 * b) + 4.0 * (b - 2.0 * c).powi(3),
                    10.0 * (c - d) - 8.0 * (b - 2.0 * c).powi(3),
                    -10.0 * (c - d) - 40.0 * (a - d).powi(3)
                ]
            },
        ),
        other => panic!("unknown problem {other}"),
    }
}

fn method_of(name: &str) -> Method {
    match name {
        "dogleg" => Method::Dogleg,
        "trust-ncg" => Method::TrustNcg,
        "trust-exact" => Method::TrustExact,
        "trust-krylov" => Method::TrustKrylov,
        m => panic!("{m}"),
    }
}

#[test]
fn trust_region_methods_match_scipy() {
    let mut report = Vec::new();
    for c in load("optimize", "uncon_trust") {
        let (f, g) = problem(c.str("problem"));
        let x0 = arr1(c.arg("x0"));
        let method = method_of(c.str("method"));
        let mut opts = MinimizeOptions {
            jac: Some(Box::new(g)),
            ..Default::default()
        };
        match c.str("curv") {
            "hess" => opts.hess = Some(Box::new(|x: &ArrayRef1<f64>| rosen_hess(x))),
            "hessp" => {
                opts.hessp = Some(Box::new(|x: &ArrayRef1<f64>, p: &ArrayRef1<f64>| {
                    rosen_hess_prod(x, p).unwrap()
                }))
            }
            _ => {}
        }
        let r = minimize_with(f, &x0, method, opts).unwrap();
        let e = &c.expected;
        let success = e["success"].as_bool().unwrap();
        report.push(format!(
            "{}: nit {} vs {}, nfev {} vs {}, {:?}",
            c.id, r.nit, e["nit"], r.nfev, e["nfev"], r.status
        ));
        assert_eq!(
            r.success(),
            success,
            "{}: {:?} {}",
            c.ctx(),
            r.status,
            r.message
        );
        check_count(r.nit, as_f64(&e["nit"]), "nit", &c.ctx());
        check_count(r.nfev, as_f64(&e["nfev"]), "nfev", &c.ctx());
        if !success {
            // SciPy's failure (an indefinite Hessian for dogleg) is ours too.
            assert!(
                r.message.contains("linalg error"),
                "{}: {}",
                c.ctx(),
                r.message
            );
            continue;
        }
        let want_f = as_f64(&e["fun"]);
        assert!(
            (r.fun - want_f).abs() <= 1e-6 * want_f.abs().max(1.0),
            "{}: fun {} vs {want_f}",
            c.ctx(),
            r.fun
        );
        let want_x = as_array(&e["x"]);
        // Powell's singular function is quartic at its minimum: the gtol
        // test stops anywhere within ~1e-2 of it.
        let xtol = if c.str("problem") == "powell" {
            1e-2
        } else {
            1e-3
        };
        for (a, b) in r.x.iter().zip(want_x.iter()) {
            assert!(
                (a - b).abs() <= xtol * b.abs().max(1.0),
                "{}: x {} vs {want_x}",
                c.ctx(),
                r.x
            );
        }
    }
    println!("{}", report.join("\n"));
}

#[test]
fn trust_region_bad_input_and_status() {
    let methods = [
        Method::Dogleg,
        Method::TrustNcg,
        Method::TrustExact,
        Method::TrustKrylov,
    ];
    for m in methods {
        let jac = || Some(Box::new(rosen_der) as Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>);
        // No gradient: an error naming `jac`.
        let e = minimize(rosen, &array![-1.2, 1.0], m).unwrap_err();
        assert!(
            matches!(e, Error::InvalidArgument { name: "jac", .. }),
            "{m:?}: {e}"
        );
        // NaN in x0.
        let opts = MinimizeOptions {
            jac: jac(),
            ..Default::default()
        };
        let e = minimize_with(rosen, &array![f64::NAN, 1.0], m, opts).unwrap_err();
        assert!(
            matches!(e, Error::InvalidArgument { name: "x0", .. }),
            "{m:?}: {e}"
        );
        // Bad trust-region keywords.
        for (opts, name) in [
            (
                MinimizeOptions {
                    jac: jac(),
                    eta: Some(0.3),
                    ..Default::default()
                },
                "eta",
            ),
            (
                MinimizeOptions {
                    jac: jac(),
                    initial_trust_radius: Some(2000.0),
                    ..Default::default()
                },
                "initial_trust_radius",
            ),
            (
                MinimizeOptions {
                    jac: jac(),
                    max_trust_radius: Some(-1.0),
                    ..Default::default()
                },
                "max_trust_radius",
            ),
        ] {
            let e = minimize_with(rosen, &array![-1.2, 1.0], m, opts).unwrap_err();
            assert!(
                matches!(e, Error::InvalidArgument { name: n, .. } if n == name),
                "{m:?}: {e}"
            );
        }
        // An objective that is NaN from the start: a status, no panic or hang.
        let opts = MinimizeOptions {
            jac: jac(),
            ..Default::default()
        };
        let r = minimize_with(|_: &ArrayRef1<f64>| f64::NAN, &array![0.5, 0.5], m, opts).unwrap();
        assert_eq!(r.status, Status::NanEncountered, "{m:?}");
        // NaN away from the start (x₀ > 2): the region shrinks back.
        let opts = MinimizeOptions {
            jac: jac(),
            ..Default::default()
        };
        let f = |x: &ArrayRef1<f64>| if x[0] > 1.5 { f64::NAN } else { rosen(x) };
        let r = minimize_with(f, &array![1.4, 1.9], m, opts).unwrap();
        assert!(
            r.fun.is_finite() && r.fun <= rosen(&array![1.4, 1.9]),
            "{m:?}: {}",
            r.fun
        );
        // A gradient of the wrong length: a status, not a panic.
        let opts = MinimizeOptions {
            jac: Some(Box::new(|_: &ArrayRef1<f64>| array![1.0])),
            ..Default::default()
        };
        let r = minimize_with(rosen, &array![-1.2, 1.0], m, opts).unwrap();
        assert!(!r.success(), "{m:?}");
        // maxiter and callback stops.
        let opts = MinimizeOptions {
            jac: jac(),
            maxiter: Some(3),
            ..Default::default()
        };
        let r = minimize_with(rosen, &array![-1.2, 1.0], m, opts).unwrap();
        assert_eq!((r.status, r.nit), (Status::MaxIterations, 3), "{m:?}");
        let opts = MinimizeOptions {
            jac: jac(),
            callback: Some(Box::new(|it: &Intermediate<'_>| {
                if it.nit == 2 {
                    std::ops::ControlFlow::Break(())
                } else {
                    std::ops::ControlFlow::Continue(())
                }
            })),
            ..Default::default()
        };
        let r = minimize_with(rosen, &array![-1.2, 1.0], m, opts).unwrap();
        assert_eq!((r.status, r.nit), (Status::CallbackStopped, 2), "{m:?}");
    }
    // dogleg and trust-exact need the matrix, not just products.
    for m in [Method::Dogleg, Method::TrustExact] {
        let opts = MinimizeOptions {
            jac: Some(Box::new(rosen_der)),
            hessp: Some(Box::new(|x: &ArrayRef1<f64>, p: &ArrayRef1<f64>| {
                rosen_hess_prod(x, p).unwrap()
            })),
            ..Default::default()
        };
        let e = minimize_with(rosen, &array![-1.2, 1.0], m, opts).unwrap_err();
        assert!(
            matches!(e, Error::InvalidArgument { name: "hess", .. }),
            "{m:?}: {e}"
        );
    }
}

/// Trust-exact's hard case: g orthogonal to the eigenvector of the most
/// negative eigenvalue, at a saddle; the method must still leave it.
#[test]
fn trust_exact_and_krylov_leave_a_saddle() {
    // f = x² − y² + y⁴/4 from (1, 0): ∇f ⟂ e_y, minimum at (0, ±√2).
    let f = |x: &ArrayRef1<f64>| x[0] * x[0] - x[1] * x[1] + x[1].powi(4) / 4.0;
    let g = |x: &ArrayRef1<f64>| array![2.0 * x[0], -2.0 * x[1] + x[1].powi(3)];
    let h = |x: &ArrayRef1<f64>| array![[2.0, 0.0], [0.0, -2.0 + 3.0 * x[1] * x[1]]];
    let opts = MinimizeOptions {
        jac: Some(Box::new(g)),
        hess: Some(Box::new(h)),
        ..Default::default()
    };
    let r = minimize_with(f, &array![1.0, 0.0], Method::TrustExact, opts).unwrap();
    assert!(r.success(), "{}", r.message);
    assert!(
        r.x[0].abs() < 1e-4 && (r.x[1].abs() - 2f64.sqrt()).abs() < 1e-4,
        "{}",
        r.x
    );
    assert!((r.fun + 1.0).abs() < 1e-8);
}

#[test]
fn isotonic_matches_scipy() {
    for c in load("optimize", "uncon_isotonic") {
        let y = arr1(c.arg("y"));
        let opts = IsotonicOptions {
            weights: c
                .arg("weighted")
                .as_bool()
                .unwrap()
                .then(|| arr1(c.arg("w"))),
            increasing: c.arg("increasing").as_bool().unwrap(),
        };
        let r = isotonic_regression_with(&y, &opts).unwrap();
        let e = &c.expected;
        common::assert_array_close(&r.x, &arr1(&e["x"]), 1e-12, 1e-12, &c.ctx());
        common::assert_array_close(&r.weights, &arr1(&e["weights"]), 1e-12, 1e-12, &c.ctx());
        let blocks: Vec<usize> = arr1(&e["blocks"]).iter().map(|&b| b as usize).collect();
        assert_eq!(r.blocks, blocks, "{}", c.ctx());
    }
}

#[test]
fn isotonic_properties_and_bad_input() {
    // Monotone, mean-preserving in each block, idempotent.
    let y = array![3.0, 1.0, 2.0, 5.0, 4.0, 4.0, 0.0, 9.0];
    let r = isotonic_regression(&y).unwrap();
    assert!(r.x.windows(2).into_iter().all(|w| w[0] <= w[1]));
    assert!((r.x.sum() - y.sum()).abs() < 1e-12);
    assert_eq!(isotonic_regression(&r.x).unwrap().x, r.x);
    // Bad input.
    assert!(matches!(
        isotonic_regression(&array![1.0, f64::NAN]),
        Err(Error::InvalidArgument { name: "y", .. })
    ));
    let bad_w = IsotonicOptions {
        weights: Some(array![1.0, 0.0]),
        ..Default::default()
    };
    assert!(matches!(
        isotonic_regression_with(&array![1.0, 2.0], &bad_w),
        Err(Error::InvalidArgument {
            name: "weights",
            ..
        })
    ));
    let short_w = IsotonicOptions {
        weights: Some(array![1.0]),
        ..Default::default()
    };
    assert!(matches!(
        isotonic_regression_with(&array![1.0, 2.0], &short_w),
        Err(Error::ShapeMismatch { .. })
    ));
}
