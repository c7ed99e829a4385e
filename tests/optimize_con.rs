//! Constrained minimizers against SciPy (`python3 tools/fixtures/optimize_con.py`).
mod common;

use common::{as_array, as_f64, load};
use ferrosci::Error;
use ferrosci::optimize::*;
use ndarray::{Array1, Array2, ArrayRef1, array};

#[path = "common/con_problems.rs"]
mod con_problems;
use con_problems::{ConF, INF, dict, problem};

/// Counts must stay within 1.5x of SciPy's (plus a small constant for tiny counts).
fn check_count(got: usize, want: f64, what: &str, ctx: &str) {
    let limit = (1.5 * want).ceil() as usize + 2;
    assert!(
        got <= limit,
        "{ctx}: {what} = {got}, SciPy {want}, limit {limit}"
    );
}

fn run(name: &str, method: Method, with_jac: bool, new_style: bool) -> ConstrainedResult {
    let p = problem(name);
    let opts = MinimizeOptions {
        jac: if with_jac { p.jac } else { None },
        bounds: p.bounds,
        constraints: if new_style { p.new } else { p.old },
        ..Default::default()
    };
    minimize_constrained(p.fun, &p.x0, method, opts).unwrap()
}

#[test]
fn slsqp_matches_scipy() {
    for case in load("optimize", "con_slsqp") {
        let name = case.args["problem"].as_str().unwrap();
        if name == "infeasible" {
            continue;
        }
        let with_jac = case.args["jac"].as_bool().unwrap();
        let res = run(name, Method::Slsqp, with_jac, false);
        let ctx = format!("{} ({} nit {} nfev)", case.id, res.nit, res.nfev);
        let e = &case.expected;
        assert!(res.success(), "{ctx}: {}", res.message);
        assert_eq!(res.status_code, 0, "{ctx}");
        let want = as_array(&e["x"]);
        for (g, w) in res.x.iter().zip(want.iter()) {
            assert!((g - w).abs() < 1e-4, "{ctx}: x = {}, SciPy {want}", res.x);
        }
        assert!(
            (res.fun - as_f64(&e["fun"])).abs() < 1e-6,
            "{ctx}: fun {}",
            res.fun
        );
        check_count(res.nfev, as_f64(&e["nfev"]), "nfev", &ctx);
        check_count(res.nit, as_f64(&e["nit"]), "nit", &ctx);
        if let Some(m) = e.get("multipliers") {
            let m = as_array(m);
            for (g, w) in res.multipliers.iter().zip(m.iter()) {
                assert!(
                    (g - w).abs() < 1e-3 * (1.0 + w.abs()),
                    "{ctx}: multipliers {} vs {m}",
                    res.multipliers
                );
            }
        }
        eprintln!("{ctx}: ok");
    }
}

#[test]
fn slsqp_infeasible_reports_why() {
    let case = load("optimize", "con_slsqp")
        .into_iter()
        .find(|c| c.id == "slsqp/infeasible/fd")
        .unwrap();
    assert_eq!(case.expected["success"], false);
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| x.dot(x),
        &array![0.0, 0.0],
        Method::Slsqp,
        MinimizeOptions {
            constraints: vec![
                ConstraintDict::new(ConstraintType::Ineq, |x: &ArrayRef1<f64>| {
                    array![x[0] - 2.0]
                })
                .into(),
                ConstraintDict::new(ConstraintType::Ineq, |x: &ArrayRef1<f64>| {
                    array![1.0 - x[0]]
                })
                .into(),
            ],
            ..Default::default()
        },
    )
    .unwrap();
    // SciPy stops with mode 8 (positive directional derivative); the relaxed
    // subproblem here sees the incompatibility directly (mode 4).
    assert!(!res.success());
    assert_eq!((res.status, res.status_code), (Status::Infeasible, 4));
    assert_eq!(res.message, "Inequality constraints incompatible");
    assert!(res.constr_violation > 0.4, "{}", res.constr_violation);
}

#[test]
fn constrained_bad_input_is_an_error() {
    let f = |x: &ArrayRef1<f64>| x.dot(x);
    // lb > ub.
    let e = LinearConstraint::new(&array![[1.0, 1.0]], &array![2.0], &array![1.0]).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "lb", .. }),
        "{e}"
    );
    assert!(
        NonlinearConstraint::new(
            |x: &ArrayRef1<f64>| x.to_owned(),
            &array![0.0, f64::NAN],
            &array![1.0]
        )
        .is_err()
    );
    // Shapes.
    let e = LinearConstraint::new(&array![[1.0, 1.0]], &array![0.0, 0.0, 0.0], &array![1.0])
        .unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { name: "lb", .. }), "{e}");
    let opts = MinimizeOptions {
        constraints: vec![
            LinearConstraint::new(&array![[1.0, 1.0, 1.0]], &array![0.0], &array![1.0])
                .unwrap()
                .into(),
        ],
        ..Default::default()
    };
    let e = minimize_constrained(f, &array![1.0, 1.0], Method::Slsqp, opts).unwrap_err();
    assert!(matches!(e, Error::ShapeMismatch { .. }), "{e}");
    let opts = MinimizeOptions {
        bounds: Some(Bounds::uniform(3, 0.0, 1.0).unwrap()),
        ..Default::default()
    };
    assert!(matches!(
        minimize_constrained(f, &array![1.0, 1.0], Method::Slsqp, opts),
        Err(Error::ShapeMismatch { name: "bounds", .. })
    ));
    // NaN in x0, empty x0, negative tolerance, unconstrained method.
    let e = minimize_constrained(
        f,
        &array![f64::NAN, 1.0],
        Method::Slsqp,
        MinimizeOptions::default(),
    )
    .unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "x0", .. }),
        "{e}"
    );
    assert!(
        minimize_constrained(
            f,
            &Array1::zeros(0),
            Method::Slsqp,
            MinimizeOptions::default()
        )
        .is_err()
    );
    let opts = MinimizeOptions {
        ftol: Some(-1.0),
        ..Default::default()
    };
    assert!(minimize_constrained(f, &array![1.0], Method::Slsqp, opts).is_err());
    let e = minimize_constrained(f, &array![1.0], Method::Bfgs, MinimizeOptions::default())
        .unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "method", .. }),
        "{e}"
    );
    let opts = MinimizeOptions {
        constraints: vec![
            ConstraintDict::new(ConstraintType::Eq, |x: &ArrayRef1<f64>| array![x[0]]).into(),
        ],
        ..Default::default()
    };
    let e = minimize_with(f, &array![1.0], Method::Bfgs, opts).unwrap_err();
    assert!(
        matches!(
            e,
            Error::InvalidArgument {
                name: "constraints",
                ..
            }
        ),
        "{e}"
    );
}

#[test]
fn slsqp_reports_failures_in_status() {
    // The objective is NaN at x0.
    let res = minimize_constrained(
        |_x: &ArrayRef1<f64>| f64::NAN,
        &array![1.0],
        Method::Slsqp,
        MinimizeOptions::default(),
    )
    .unwrap();
    assert_eq!(res.status, Status::NanEncountered);
    // NaN away from x0: the line search backs off and the run still ends.
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| {
            if x[0] < 0.5 {
                f64::NAN
            } else {
                (x[0] - 0.2).powi(2)
            }
        },
        &array![2.0],
        Method::Slsqp,
        MinimizeOptions::default(),
    )
    .unwrap();
    assert!(
        res.fun.is_finite() && res.x[0] >= 0.5,
        "{} {}",
        res.x,
        res.message
    );
    // A constraint function whose length changes: NaN status, not a panic.
    let mut calls = 0;
    let opts = MinimizeOptions {
        constraints: vec![
            ConstraintDict::new(ConstraintType::Ineq, move |x: &ArrayRef1<f64>| {
                calls += 1;
                if calls < 2 {
                    array![x[0]]
                } else {
                    array![x[0], 1.0]
                }
            })
            .into(),
        ],
        ..Default::default()
    };
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| x.dot(x),
        &array![1.0],
        Method::Slsqp,
        opts,
    )
    .unwrap();
    assert_eq!(res.status, Status::NanEncountered);
    // More equalities than variables: SLSQP's mode 2.
    let opts = MinimizeOptions {
        constraints: vec![
            ConstraintDict::new(ConstraintType::Eq, |x: &ArrayRef1<f64>| {
                array![x[0], x[0] - 1.0]
            })
            .into(),
        ],
        ..Default::default()
    };
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| x.dot(x),
        &array![1.0],
        Method::Slsqp,
        opts,
    )
    .unwrap();
    assert_eq!(
        (res.status, res.status_code, res.message.as_str()),
        (
            Status::Infeasible,
            2,
            "More equality constraints than independent variables"
        )
    );
    // Iteration limit: mode 9.
    let opts = MinimizeOptions {
        maxiter: Some(3),
        ..Default::default()
    };
    let res = minimize_constrained(rosen, &array![-1.2, 1.0], Method::Slsqp, opts).unwrap();
    assert_eq!(
        (res.status, res.status_code, res.nit),
        (Status::MaxIterations, 9, 3)
    );
    assert_eq!(res.message, "Iteration limit reached");
    // The callback stops the run.
    let opts = MinimizeOptions {
        callback: Some(Box::new(|it: &Intermediate<'_>| {
            if it.nit >= 2 {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        })),
        ..Default::default()
    };
    let res = minimize_constrained(rosen, &array![-1.2, 1.0], Method::Slsqp, opts).unwrap();
    assert_eq!((res.status, res.nit), (Status::CallbackStopped, 2));
}

#[test]
fn slsqp_through_minimize_with_and_legacy() {
    let p = problem("hs071");
    let opts = MinimizeOptions {
        bounds: p.bounds,
        constraints: p.old,
        ..Default::default()
    };
    let res = minimize_with(p.fun, &p.x0, Method::Slsqp, opts).unwrap();
    assert!(
        res.success() && (res.fun - 17.014017245).abs() < 1e-6,
        "{}",
        res.fun
    );
    // Linear and nonlinear constraints in the new style give the same optimum.
    for name in [
        "hs071",
        "rosen_tutorial",
        "tutorial_ineq",
        "circle_jac",
        "rosen_eq",
    ] {
        let old = run(name, Method::Slsqp, true, false);
        let new = run(name, Method::Slsqp, true, true);
        assert!(new.success(), "{name}: {}", new.message);
        assert!(
            (&old.x - &new.x).iter().all(|d| d.abs() < 1e-6),
            "{name}: {} vs {}",
            old.x,
            new.x
        );
        assert!(
            new.constr_violation < 1e-6,
            "{name}: {}",
            new.constr_violation
        );
    }
    // fmin_slsqp on the tutorial problem, with the linear constraint as a function.
    let res = fmin_slsqp(
        |x: &ArrayRef1<f64>| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2),
        &array![2.0, 0.0],
        None,
        Some(Box::new(|x: &ArrayRef1<f64>| {
            array![
                x[0] - 2.0 * x[1] + 2.0,
                -x[0] - 2.0 * x[1] + 6.0,
                -x[0] + 2.0 * x[1] + 2.0
            ]
        })),
        Some(Bounds::new(&array![0.0, 0.0], &array![INF, INF]).unwrap()),
    )
    .unwrap();
    assert!((res.x[0] - 1.4).abs() < 1e-6 && (res.x[1] - 1.7).abs() < 1e-6);
    assert_eq!(res.nfev, 10);
}

#[test]
fn slsqp_random_qps_satisfy_kkt() {
    use rand::{RngExt, SeedableRng, rngs::StdRng};
    let mut rng = StdRng::seed_from_u64(7);
    for trial in 0..20 {
        let n = 2 + trial % 4;
        let m = 1 + trial % 3;
        // min ½‖x − c‖² s.t. A x ≤ b with b > 0 (x = 0 feasible).
        let c: Array1<f64> = (0..n).map(|_| rng.random_range(-3.0..3.0)).collect();
        let a = Array2::from_shape_fn((m, n), |_| rng.random_range(-1.0..1.0));
        let b: Array1<f64> = (0..m).map(|_| rng.random_range(0.1..1.0)).collect();
        let cc = c.clone();
        let lin = LinearConstraint::new(&a, &Array1::from_elem(m, -INF), &b).unwrap();
        let opts = MinimizeOptions {
            constraints: vec![lin.into()],
            ftol: Some(1e-10),
            ..Default::default()
        };
        let res = minimize_constrained(
            move |x: &ArrayRef1<f64>| {
                let d = &x.to_owned() - &cc;
                0.5 * d.dot(&d)
            },
            &Array1::zeros(n),
            Method::Slsqp,
            opts,
        )
        .unwrap();
        assert!(res.success(), "trial {trial}: {}", res.message);
        // KKT: x − c = −Aᵀλ with λ ≥ 0 and λᵢ (bᵢ − aᵢx) = 0.
        let lam = &res.multipliers;
        let resid = &res.x - &c + a.t().dot(lam);
        assert!(
            resid.iter().all(|r| r.abs() < 1e-4),
            "trial {trial}: {resid}"
        );
        let slack = &b - &a.dot(&res.x);
        for i in 0..m {
            assert!(
                lam[i] >= -1e-8 && slack[i] >= -1e-7 && (lam[i] * slack[i]).abs() < 1e-5,
                "trial {trial}"
            );
        }
    }
}

fn run_tc(name: &str, variant: &str) -> ConstrainedResult {
    let p = problem(name);
    let mut opts = MinimizeOptions {
        bounds: p.bounds,
        constraints: p.new,
        ..Default::default()
    };
    if variant != "fd" {
        opts.jac = p.jac;
    }
    match variant {
        "hess" => opts.hess = Some(Box::new(|x: &ArrayRef1<f64>| rosen_hess(x))),
        "sr1" => opts.hess_update = Some(HessianUpdateStrategy::sr1()),
        _ => {}
    }
    minimize_constrained(p.fun, &p.x0, Method::TrustConstr, opts).unwrap()
}

#[test]
fn trust_constr_matches_scipy() {
    for case in load("optimize", "con_trust_constr") {
        let name = case.args["problem"].as_str().unwrap();
        let variant = case.args["variant"].as_str().unwrap();
        let res = run_tc(name, variant);
        let ctx = format!(
            "{} ({} nit {} nfev, status {})",
            case.id, res.nit, res.nfev, res.status_code
        );
        let e = &case.expected;
        assert!(res.success(), "{ctx}: {}", res.message);
        let want = as_array(&e["x"]);
        for (g, w) in res.x.iter().zip(want.iter()) {
            assert!((g - w).abs() < 1e-4, "{ctx}: x = {}, SciPy {want}", res.x);
        }
        assert!(
            (res.fun - as_f64(&e["fun"])).abs() < 1e-5,
            "{ctx}: fun {}",
            res.fun
        );
        assert!(
            res.constr_violation < 1e-8,
            "{ctx}: violation {}",
            res.constr_violation
        );
        eprintln!(
            "{ctx}: SciPy nit {} nfev {}",
            as_f64(&e["nit"]),
            as_f64(&e["nfev"])
        );
        let want = as_f64(&e["nfev"]);
        check_count(res.nfev, want, "nfev", &ctx);
    }
}

#[test]
fn trust_constr_reports_failures_in_status() {
    use ConstraintType::{Eq, Ineq};
    let sq = |x: &ArrayRef1<f64>| x.dot(x);
    // Infeasible inequalities and inconsistent equalities: SciPy's status 4.
    for kind in [Ineq, Eq] {
        let (a, b): (ConF, ConF) = match kind {
            Ineq => (|x| array![x[0] - 2.0], |x| array![1.0 - x[0]]),
            Eq => (|x| array![x[0] - 2.0], |x| array![x[0] - 1.0]),
        };
        let opts = MinimizeOptions {
            constraints: vec![dict(kind, a), dict(kind, b)],
            ..Default::default()
        };
        let res = minimize_constrained(sq, &array![0.0, 0.0], Method::TrustConstr, opts).unwrap();
        assert!(!res.success(), "{kind:?}");
        assert_eq!(
            (res.status, res.status_code, res.message.as_str()),
            (Status::Infeasible, 4, "Constraint violation exceeds 'gtol'"),
            "{kind:?}"
        );
        assert!(
            (res.constr_violation - 0.5).abs() < 1e-6,
            "{kind:?}: {}",
            res.constr_violation
        );
    }
    // NaN objective at x0.
    let res = minimize_constrained(
        |_x: &ArrayRef1<f64>| f64::NAN,
        &array![1.0],
        Method::TrustConstr,
        MinimizeOptions::default(),
    )
    .unwrap();
    assert_eq!(res.status, Status::NanEncountered);
    // NaN in part of the domain: the trust region backs off.
    let opts = MinimizeOptions {
        constraints: vec![dict(Ineq, |x| array![x[0] - 0.75])],
        ..Default::default()
    };
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| {
            if x[0] < 0.5 {
                f64::NAN
            } else {
                (x[0] - 0.2).powi(2)
            }
        },
        &array![2.0],
        Method::TrustConstr,
        opts,
    )
    .unwrap();
    // SciPy stops at the same point, 0.75014665 (its gtol test ignores complementarity).
    assert!(
        res.success() && (res.x[0] - 0.75014665).abs() < 1e-6,
        "{} {}",
        res.x,
        res.message
    );
    // maxiter and callback.
    let p = problem("hs071");
    let opts = MinimizeOptions {
        maxiter: Some(5),
        bounds: p.bounds,
        constraints: p.new,
        ..Default::default()
    };
    let res = minimize_constrained(p.fun, &p.x0, Method::TrustConstr, opts).unwrap();
    assert_eq!(
        (res.status, res.status_code, res.nit),
        (Status::MaxIterations, 0, 5)
    );
    let opts = MinimizeOptions {
        callback: Some(Box::new(|it: &Intermediate<'_>| {
            if it.nit >= 3 {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        })),
        constraints: vec![dict(Eq, |x| array![x[0] + x[1] - 1.0])],
        ..Default::default()
    };
    let res = minimize_constrained(rosen, &array![-1.2, 1.0], Method::TrustConstr, opts).unwrap();
    assert_eq!(
        (res.status, res.status_code, res.nit),
        (Status::CallbackStopped, 3, 3)
    );
    // Bad options.
    let opts = MinimizeOptions {
        initial_tr_radius: Some(0.0),
        ..Default::default()
    };
    assert!(minimize_constrained(sq, &array![1.0], Method::TrustConstr, opts).is_err());
    let opts = MinimizeOptions {
        barrier_tol: Some(-1.0),
        ..Default::default()
    };
    assert!(minimize_constrained(sq, &array![1.0], Method::TrustConstr, opts).is_err());
}

#[test]
fn trust_constr_blog_circle_and_unconstrained() {
    // The blog's run: 2-point gradient, BFGS Hessian, bounds and the circle.
    let res = run_tc("circle", "fd");
    let r = std::f64::consts::FRAC_1_SQRT_2;
    assert!(
        (res.x[0] + r).abs() < 1e-6 && (res.x[1] - r).abs() < 1e-6,
        "{}",
        res.x
    );
    assert!((res.fun + 0.5 + r).abs() < 1e-9);
    assert_eq!((res.nit, res.nfev), (40, 90)); // as the blog's output
    assert_eq!(res.message, "`gtol` termination condition is satisfied.");
    // v of the circle constraint (the blog prints 0.35355337), then the bounds'.
    assert!(
        (res.multipliers[0] - 0.5 * r).abs() < 1e-6,
        "{}",
        res.multipliers
    );
    assert_eq!(res.constr.len(), 2);
    // No constraints at all: trust-constr still minimizes (equality SQP with m = 0).
    let res = minimize_constrained(
        rosen,
        &array![-1.2, 1.0],
        Method::TrustConstr,
        MinimizeOptions {
            jac: Some(Box::new(rosen_der)),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(
        res.success() && (res.x[0] - 1.0).abs() < 1e-5,
        "{} {}",
        res.x,
        res.message
    );
    // Through minimize_with.
    let p = problem("rosen_tutorial");
    let opts = MinimizeOptions {
        jac: p.jac,
        bounds: p.bounds,
        constraints: p.new,
        ..Default::default()
    };
    let res = minimize_with(p.fun, &p.x0, Method::TrustConstr, opts).unwrap();
    assert!(res.success() && (res.x[0] - 0.4149).abs() < 1e-4);
}

#[test]
fn hessian_updates_on_quadratics() {
    use rand::{RngExt, SeedableRng, rngs::StdRng};
    let mut rng = StdRng::seed_from_u64(3);
    // n updates along independent directions recover a quadratic's Hessian
    // with SR1, and BFGS matches it on the last direction (secant equation).
    let n = 4;
    let m = Array2::from_shape_fn((n, n), |_| rng.random_range(-1.0..1.0));
    let a = m.t().dot(&m) + Array2::<f64>::eye(n);
    for (name, mut q) in [
        ("sr1", HessianUpdateStrategy::sr1()),
        ("bfgs", HessianUpdateStrategy::bfgs()),
    ] {
        q.initialize(n, ApproxType::Hess);
        let mut last = (Array1::zeros(n), Array1::zeros(n));
        for _ in 0..n {
            let s: Array1<f64> = (0..n).map(|_| rng.random_range(-1.0..1.0)).collect();
            let y = a.dot(&s);
            q.update(&s, &y);
            last = (s, y);
        }
        let secant = &q.dot(&last.0) - &last.1;
        assert!(secant.iter().all(|v| v.abs() < 1e-9), "{name}: {secant}");
        if name == "sr1" {
            let err = (&q.get_matrix() - &a)
                .iter()
                .fold(0.0f64, |acc, v| acc.max(v.abs()));
            assert!(err < 1e-8, "{err}");
        }
    }
    // The inverse form agrees with the inverse of the direct form.
    let mut h = HessianUpdateStrategy::bfgs();
    let mut b = HessianUpdateStrategy::bfgs();
    h.initialize(2, ApproxType::InvHess);
    b.initialize(2, ApproxType::Hess);
    for (s, y) in [
        (array![1.0, 0.5], array![2.0, 1.5]),
        (array![-0.3, 1.0], array![0.1, 2.5]),
    ] {
        h.update(&s, &y);
        b.update(&s, &y);
    }
    let prod = h.get_matrix().dot(&b.get_matrix());
    assert!(
        (&prod - &Array2::<f64>::eye(2))
            .iter()
            .all(|v| v.abs() < 1e-12),
        "{prod}"
    );
    // Curvature-free steps are skipped; damping keeps the matrix positive definite.
    let mut q = HessianUpdateStrategy::bfgs();
    q.initialize(1, ApproxType::Hess);
    q.update(&array![1.0], &array![2.0]);
    q.update(&array![1.0], &array![-1.0]);
    assert_eq!(q.get_matrix()[[0, 0]], 2.0);
    let mut d = HessianUpdateStrategy::with_rule(UpdateRule::Bfgs {
        exception_strategy: ExceptionStrategy::DampUpdate,
        min_curvature: None,
    });
    d.initialize(1, ApproxType::Hess);
    d.update(&array![1.0], &array![2.0]);
    d.update(&array![1.0], &array![-1.0]);
    assert!(d.get_matrix()[[0, 0]] > 0.0);
}

#[test]
fn trust_constr_survives_a_misbehaving_constraint() {
    // A constraint whose length changes after a few calls: no panic, no hang,
    // and not a success.
    let mut calls = 0;
    let opts = MinimizeOptions {
        constraints: vec![
            ConstraintDict::new(ConstraintType::Ineq, move |x: &ArrayRef1<f64>| {
                calls += 1;
                if calls < 4 {
                    array![x[0] - 0.5]
                } else {
                    array![x[0], 1.0]
                }
            })
            .into(),
        ],
        ..Default::default()
    };
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| x.dot(x),
        &array![1.0],
        Method::TrustConstr,
        opts,
    )
    .unwrap();
    assert!(!res.success(), "{}", res.message);
    assert_eq!(res.status, Status::NanEncountered);
}
