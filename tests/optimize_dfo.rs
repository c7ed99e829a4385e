//! Derivative-free constrained minimizers (COBYLA, COBYQA) against SciPy
//! (`python3 tools/fixtures/optimize_dfo.py`).
mod common;

#[path = "common/con_problems.rs"]
mod con_problems;

use common::{as_array, as_f64, load};
use con_problems::problem;
use ferrosci::Error;
use ferrosci::optimize::*;
use ndarray::{Array1, ArrayRef1, array};

/// Runs COBYLA or COBYQA (per the case's id) on a fixture case's problem
/// with its options.
fn run(case: &common::Case) -> ConstrainedResult {
    let name = case.args["problem"].as_str().unwrap();
    let style = case.args["style"].as_str().unwrap();
    let opt = |k: &str| case.args.get(k).map(as_f64);
    let mut opts = MinimizeOptions {
        tol: opt("tol"),
        maxiter: opt("maxiter").map(|v| v as usize),
        rhobeg: opt("rhobeg"),
        f_target: opt("f_target"),
        initial_tr_radius: opt("initial_tr_radius"),
        final_tr_radius: opt("final_tr_radius"),
        scale_bounds: case
            .args
            .get("scale")
            .is_some_and(|v| v.as_bool() == Some(true)),
        ..Default::default()
    };
    let method = if case.id.starts_with("cobyqa/") {
        Method::Cobyqa
    } else {
        Method::Cobyla
    };
    let (fun, x0): (con_problems::Fun, Array1<f64>) = match name {
        "quad" => (
            Box::new(|x| (x[0] - 1.0).powi(2) + (x[1] - 2.0).powi(2)),
            array![0.0, 0.0],
        ),
        "rosen" => (Box::new(rosen), array![-1.2, 1.0]),
        "rosen_box3" => {
            opts.bounds =
                Some(Bounds::new(&array![-2.0, -1.0, 0.2], &array![0.5, 1.5, 0.7]).unwrap());
            (Box::new(rosen), array![-2.0, 1.5, 0.2])
        }
        "infeasible" => {
            opts.constraints = vec![
                ConstraintDict::new(ConstraintType::Ineq, |x: &ArrayRef1<f64>| {
                    array![x[0] - 2.0]
                })
                .into(),
                ConstraintDict::new(ConstraintType::Ineq, |x: &ArrayRef1<f64>| {
                    array![1.0 - x[0]]
                })
                .into(),
            ];
            (Box::new(|x| x.dot(x)), array![0.0, 0.0])
        }
        _ => {
            let p = problem(name);
            opts.bounds = p.bounds;
            opts.constraints = if style == "new" { p.new } else { p.old };
            (p.fun, p.x0)
        }
    };
    minimize_constrained(fun, &x0, method, opts).unwrap()
}

/// Checks one case; `Err` describes the first disagreement.
fn check_case(case: &common::Case, res: &ConstrainedResult) -> Result<(), String> {
    let e = &case.expected;
    let want_nfev = as_f64(&e["nfev"]);
    let fwant = as_f64(&e["fun"]);
    let fail = |what: String| Err(what);
    let scipy_status = e["status"].as_i64().unwrap();
    if scipy_status == 1 {
        // Stops at the first feasible point below the target: the paths differ.
        let target = as_f64(&case.args["f_target"]);
        if res.status_code != 1 || res.fun > target {
            return fail(format!("target {target} not reached"));
        }
    } else if scipy_status == 3 {
        // SciPy ran out of evaluations (Rosenbrock's valley): ours may stop
        // earlier at its tolerance, but not at a worse point.
        if res.nfev as f64 > want_nfev || res.fun > 1.5 * fwant {
            return fail(format!("f {} vs SciPy {fwant}", res.fun));
        }
        return Ok(());
    } else {
        if res.success() != e["success"].as_bool().unwrap()
            || res.status_code != e["status"].as_i64().unwrap() as i32
        {
            return fail(format!("status {:?}/{}", res.status, res.status_code));
        }
        let atol = case.atol;
        let want = as_array(&e["x"]);
        if res
            .x
            .iter()
            .zip(want.iter())
            .any(|(g, w)| (g - w).abs() > atol)
        {
            return fail(format!("x = {}, SciPy {want}", res.x));
        }
        if (res.fun - fwant).abs() > atol * (1.0 + fwant.abs()) {
            return fail(format!("fun {} vs {fwant}", res.fun));
        }
        if (res.constr_violation - as_f64(&e["maxcv"])).abs() > atol {
            return fail(format!("maxcv {}", res.constr_violation));
        }
    }
    if res.nfev as f64 > 1.5 * want_nfev {
        return fail(format!("nfev {} > 1.5 x SciPy's {want_nfev}", res.nfev));
    }
    Ok(())
}

/// Runs every fixture case whose id starts with `prefix`, prints the nfev
/// ratios, and fails with every disagreement that `check` finds.
fn matches_scipy(prefix: &str, check: fn(&common::Case, &ConstrainedResult) -> Result<(), String>) {
    let mut failures = Vec::new();
    for case in load("optimize", "dfo") {
        if !case.id.starts_with(prefix) {
            continue;
        }
        let res = run(&case);
        let want_nfev = as_f64(&case.expected["nfev"]);
        let line = format!(
            "{}: nfev {} / SciPy {want_nfev} = {:.2}, f {:.8}, maxcv {:.1e}, x {}, {}",
            case.id,
            res.nfev,
            res.nfev as f64 / want_nfev,
            res.fun,
            res.constr_violation,
            res.x,
            res.message
        );
        println!("{line}");
        if let Err(why) = check(&case, &res) {
            failures.push(format!("{line}\n    {why}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn cobyla_matches_scipy() {
    matches_scipy("cobyla/", check_case);
}

/// Checks one COBYQA case: SciPy's answer to the case's `atol` (the paths
/// differ), its status, and at most 1.5 times its `nfev`.
fn check_cobyqa(case: &common::Case, res: &ConstrainedResult) -> Result<(), String> {
    let e = &case.expected;
    let want_nfev = as_f64(&e["nfev"]);
    let fwant = as_f64(&e["fun"]);
    if e["status"].as_i64().unwrap() == 1 {
        let target = as_f64(&case.args["f_target"]);
        if res.status_code != 1 || res.fun > target {
            return Err(format!("target {target} not reached"));
        }
    } else {
        let feasible = e["success"].as_bool().unwrap();
        let want_status = if feasible {
            Status::Success
        } else {
            Status::Infeasible
        };
        if res.status != want_status || res.status_code != 0 {
            return Err(format!("status {:?}/{}", res.status, res.status_code));
        }
        let want = as_array(&e["x"]);
        let atol = case.atol;
        if (&res.x - &want).iter().any(|d| d.abs() > atol) {
            return Err(format!("x = {}, SciPy {want}", res.x));
        }
        if (res.fun - fwant).abs() > atol * (1.0 + fwant.abs()) {
            return Err(format!("fun {} vs {fwant}", res.fun));
        }
        if (res.constr_violation - as_f64(&e["maxcv"])).abs() > atol {
            return Err(format!("maxcv {}", res.constr_violation));
        }
    }
    if res.nfev as f64 > 1.5 * want_nfev {
        return Err(format!("nfev {} > 1.5 x SciPy's {want_nfev}", res.nfev));
    }
    Ok(())
}

#[test]
fn cobyqa_matches_scipy() {
    matches_scipy("cobyqa/", check_cobyqa);
}

#[test]
fn fmin_cobyla_matches_scipy_docstring() {
    let case = load("optimize", "dfo")
        .into_iter()
        .find(|c| c.id == "fmin_cobyla/docstring")
        .unwrap();
    let res = fmin_cobyla(
        |x: &ArrayRef1<f64>| x[0] * x[1],
        &array![0.0, 0.1],
        vec![
            Box::new(|x: &ArrayRef1<f64>| array![1.0 - x[0] * x[0] - x[1] * x[1]]),
            Box::new(|x: &ArrayRef1<f64>| array![x[1]]),
        ],
        1.0,
        1e-7,
        1000,
    )
    .unwrap();
    let want = as_array(&case.expected["x"]);
    // SciPy's answer is 4e-5 off the true (−√½, √½); ours is closer.
    let h = 0.5_f64.sqrt();
    for (g, w) in res.x.iter().zip(want.iter()) {
        assert!((g - w).abs() < 1e-4, "x = {}, SciPy {want}", res.x);
    }
    assert!(
        (res.x[0] + h).abs() < 1e-6 && (res.x[1] - h).abs() < 1e-6,
        "{}",
        res.x
    );
    assert!(res.success(), "{}", res.message);
}

/// Bad input shared by the derivative-free methods: an error naming the
/// argument, or a status; never a panic.
fn bad_input_common(method: Method) {
    let f = |x: &ArrayRef1<f64>| x.dot(x);
    let go = |x0: Array1<f64>, opts: MinimizeOptions<'static>| {
        minimize_constrained(f, &x0, method, opts)
    };
    let err = go(array![f64::NAN, 0.0], MinimizeOptions::default()).unwrap_err();
    assert!(
        matches!(err, Error::InvalidArgument { name: "x0", .. }),
        "{err}"
    );
    assert!(go(array![], MinimizeOptions::default()).is_err());
    // lb > ub.
    assert!(Bounds::new(&array![1.0, 1.0], &array![0.0, 0.0]).is_err());
    let wrong_len = MinimizeOptions {
        bounds: Some(Bounds::uniform(3, -1.0, 1.0).unwrap()),
        ..Default::default()
    };
    assert!(matches!(
        go(array![0.5, 0.5], wrong_len),
        Err(Error::ShapeMismatch { .. })
    ));
    // A linear constraint with the wrong number of columns.
    let lc = LinearConstraint::new(&array![[1.0, 1.0, 1.0]], &array![0.0], &array![1.0]).unwrap();
    let opts = MinimizeOptions {
        constraints: vec![lc.into()],
        ..Default::default()
    };
    assert!(matches!(
        go(array![0.5, 0.5], opts),
        Err(Error::ShapeMismatch { .. })
    ));
    // NaN objective at x0: a status, not a panic.
    let res = minimize_constrained(
        |_x: &ArrayRef1<f64>| f64::NAN,
        &array![0.0, 0.0],
        method,
        MinimizeOptions::default(),
    )
    .unwrap();
    assert_eq!((res.status, res.status_code), (Status::NanEncountered, -2));
    // NaN away from the answer: skipped over, as SciPy.
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| if x[0] > 0.5 { f64::NAN } else { x.dot(x) },
        &array![0.0, 0.0],
        method,
        MinimizeOptions::default(),
    )
    .unwrap();
    assert!(
        res.success() && res.x.iter().all(|v| v.abs() < 1e-3),
        "{}: {}",
        res.message,
        res.x
    );
    // A constraint that changes length, or returns NaN: a failed status, no panic.
    let opts = MinimizeOptions {
        constraints: vec![
            ConstraintDict::new(ConstraintType::Ineq, |x: &ArrayRef1<f64>| {
                if x[0] > 0.5 {
                    array![1.0, 2.0]
                } else {
                    array![x[0] + 1.0]
                }
            })
            .into(),
        ],
        ..Default::default()
    };
    let res = minimize_constrained(
        |x: &ArrayRef1<f64>| (x[0] - 2.0).powi(2),
        &array![0.0],
        method,
        opts,
    )
    .unwrap();
    assert!(res.x[0] <= 0.5 + 1e-3, "{}", res.x);
    // Callback stop.
    let opts = MinimizeOptions {
        callback: Some(Box::new(|it: &Intermediate<'_>| {
            if it.nit >= 3 {
                std::ops::ControlFlow::Break(())
            } else {
                std::ops::ControlFlow::Continue(())
            }
        })),
        ..Default::default()
    };
    let res = minimize_constrained(rosen, &array![-1.2, 1.0], method, opts).unwrap();
    assert_eq!((res.status, res.nit), (Status::CallbackStopped, 3));
}

/// Sets one option to a bad value.
type SetOption = fn(&mut MinimizeOptions<'static>);

/// Each bad option (its name and how to set it) is refused with an error
/// naming it.
fn bad_options(method: Method, cases: &[(&str, SetOption)]) {
    for (name, set) in cases {
        let mut opts = MinimizeOptions::default();
        set(&mut opts);
        let err = minimize_constrained(
            |x: &ArrayRef1<f64>| x.dot(x),
            &array![0.5, 0.5],
            method,
            opts,
        )
        .unwrap_err();
        assert!(err.to_string().contains(name), "{name}: {err}");
    }
}

#[test]
fn cobyla_bad_input_is_an_error_or_a_status() {
    bad_input_common(Method::Cobyla);
    bad_options(
        Method::Cobyla,
        &[
            ("rhobeg", |o| o.rhobeg = Some(0.0)),
            ("tol", |o| o.tol = Some(-1.0)),
            ("catol", |o| o.catol = Some(-1.0)),
        ],
    );
    let opts = MinimizeOptions {
        maxiter: Some(10),
        ..Default::default()
    };
    let res = minimize_constrained(rosen, &array![-1.2, 1.0], Method::Cobyla, opts).unwrap();
    assert_eq!(
        (res.status, res.status_code, res.nfev),
        (Status::MaxEvaluations, 3, 10)
    );
}

#[test]
fn cobyla_through_minimize_with() {
    let opts = MinimizeOptions {
        constraints: vec![
            ConstraintDict::new(ConstraintType::Eq, |x: &ArrayRef1<f64>| {
                array![x[0] + x[1] - 1.0]
            })
            .into(),
        ],
        tol: Some(1e-8),
        ..Default::default()
    };
    let res = minimize_with(
        |x: &ArrayRef1<f64>| x.dot(x),
        &array![2.0, 0.0],
        Method::Cobyla,
        opts,
    )
    .unwrap();
    assert!(res.success(), "{}", res.message);
    assert!(
        (res.x[0] - 0.5).abs() < 1e-6 && (res.x[1] - 0.5).abs() < 1e-6,
        "{}",
        res.x
    );
}

/// Minimizes the squared distance to `c` from the origin under `opts`.
fn nearest_point(c: &Array1<f64>, method: Method, opts: MinimizeOptions) -> ConstrainedResult {
    let (c, n) = (c.clone(), c.len());
    minimize_constrained(
        move |x: &ArrayRef1<f64>| {
            x.iter()
                .zip(&c)
                .map(|(xi, ci)| (xi - ci).powi(2))
                .sum::<f64>()
        },
        &Array1::zeros(n),
        method,
        opts,
    )
    .unwrap()
}

#[test]
fn cobyla_random_qps_agree_with_slsqp() {
    // Nearest point to c in {A x ≤ b} (x = 0 feasible), n = 2..6, with a
    // linear objective term so that some constraints are active.
    use ndarray::Array2;
    use rand::{RngExt, SeedableRng, rngs::StdRng};
    let mut rng = StdRng::seed_from_u64(11);
    for trial in 0..20 {
        let n = 2 + trial % 5;
        let m = 1 + trial % 4;
        let c: Array1<f64> = (0..n).map(|_| rng.random_range(-3.0..3.0)).collect();
        let a = Array2::from_shape_fn((m, n), |_| rng.random_range(-1.0..1.0));
        let b: Array1<f64> = (0..m).map(|_| rng.random_range(0.1..1.0)).collect();
        let solve = |method: Method, tol: f64| {
            let lc =
                LinearConstraint::new(&a, &Array1::from_elem(m, f64::NEG_INFINITY), &b).unwrap();
            let opts = MinimizeOptions {
                constraints: vec![lc.into()],
                tol: Some(tol),
                maxiter: Some(5000),
                ..Default::default()
            };
            nearest_point(&c, method, opts)
        };
        let want = solve(Method::Slsqp, 1e-12);
        let got = solve(Method::Cobyla, 1e-7);
        assert!(got.success(), "trial {trial}: {}", got.message);
        let err = (&got.x - &want.x)
            .iter()
            .fold(0.0_f64, |e, v| e.max(v.abs()));
        assert!(
            err < 1e-5,
            "trial {trial} (n {n}, m {m}): {} vs SLSQP {}",
            got.x,
            want.x
        );
        assert!(got.constr_violation <= f64::EPSILON.sqrt(), "trial {trial}");
    }
}

#[test]
fn cobyqa_never_evaluates_outside_the_bounds() {
    // Rosenbrock in a box away from its minimum, from a corner (the fixture
    // `cobyqa/rosen_box3` checks the answer): every evaluated point is recorded.
    use std::cell::RefCell;
    let seen = RefCell::new(Vec::new());
    let lb = array![-2.0, -1.0, 0.2];
    let ub = array![0.5, 1.5, 0.7];
    let opts = MinimizeOptions {
        bounds: Some(Bounds::new(&lb, &ub).unwrap()),
        ..Default::default()
    };
    let f = |x: &ArrayRef1<f64>| {
        seen.borrow_mut().push(x.to_owned());
        rosen(x)
    };
    let res = minimize_constrained(f, &array![-2.0, 1.5, 0.2], Method::Cobyqa, opts).unwrap();
    assert!(res.success(), "{}", res.message);
    for x in seen.borrow().iter() {
        assert!(
            x.iter()
                .zip(lb.iter().zip(&ub))
                .all(|(v, (l, u))| l <= v && v <= u),
            "evaluated outside the bounds: {x}"
        );
    }
}

#[test]
fn cobyqa_bad_input_is_an_error_or_a_status() {
    bad_input_common(Method::Cobyqa);
    let m = Method::Cobyqa;
    let d = MinimizeOptions::default;
    bad_options(
        m,
        &[
            ("initial_tr_radius", |o| o.initial_tr_radius = Some(0.0)),
            ("final_tr_radius", |o| o.final_tr_radius = Some(-1.0)),
            ("feasibility_tol", |o| o.feasibility_tol = Some(-1.0)),
            ("f_target", |o| o.f_target = Some(f64::NAN)),
        ],
    );
    // Fixed variables (lb = ub) are left out; all fixed: one evaluation (as SciPy).
    let f = |x: &ArrayRef1<f64>| x.dot(x);
    let fixed = Bounds::new(&array![0.0, 1.0], &array![1.0, 1.0]).unwrap();
    let opts = MinimizeOptions {
        bounds: Some(fixed),
        ..d()
    };
    let res = minimize_constrained(f, &array![0.5, 0.3], m, opts).unwrap();
    assert!(
        res.success() && res.x[0].abs() < 1e-6 && res.x[1] == 1.0,
        "{}",
        res.x
    );
    let all = Bounds::new(&array![0.5, 1.0], &array![0.5, 1.0]).unwrap();
    let opts = MinimizeOptions {
        bounds: Some(all),
        ..d()
    };
    let res = minimize_constrained(f, &array![0.0, 0.0], m, opts).unwrap();
    assert_eq!(
        (res.status, res.status_code, res.nfev, res.fun),
        (Status::Success, 2, 1, 1.25)
    );
    // maxfev (also inside the initial points) and maxiter.
    let run = |opts| minimize_constrained(rosen, &array![-1.2, 1.0], m, opts).unwrap();
    let res = run(MinimizeOptions {
        maxfev: Some(20),
        ..d()
    });
    assert_eq!(
        (res.status, res.status_code, res.nfev),
        (Status::MaxEvaluations, 5, 20)
    );
    let res = run(MinimizeOptions {
        maxfev: Some(3),
        ..d()
    });
    assert_eq!((res.status, res.nfev), (Status::MaxEvaluations, 3));
    let res = run(MinimizeOptions {
        maxiter: Some(4),
        ..d()
    });
    assert_eq!(
        (res.status, res.status_code, res.nit),
        (Status::MaxIterations, 6, 4)
    );
}

#[test]
fn cobyqa_random_qps_agree_with_slsqp() {
    // Nearest point to c in {A x ≤ b} with a linear equality, n = 2..5.
    use ndarray::Array2;
    use rand::{RngExt, SeedableRng, rngs::StdRng};
    let mut rng = StdRng::seed_from_u64(5);
    for trial in 0..12 {
        let n = 2 + trial % 4;
        let m = 1 + trial % 3;
        let c: Array1<f64> = (0..n).map(|_| rng.random_range(-3.0..3.0)).collect();
        let a = Array2::from_shape_fn((m, n), |_| rng.random_range(-1.0..1.0));
        let b: Array1<f64> = (0..m).map(|_| rng.random_range(0.1..1.0)).collect();
        let solve = |method: Method| {
            let lc =
                LinearConstraint::new(&a, &Array1::from_elem(m, f64::NEG_INFINITY), &b).unwrap();
            let eq = ConstraintDict::new(ConstraintType::Eq, |x: &ArrayRef1<f64>| {
                array![x[0] - x[1] * x[1] * 0.1]
            });
            let opts = MinimizeOptions {
                constraints: vec![lc.into(), eq.into()],
                ftol: Some(1e-12),
                ..Default::default()
            };
            nearest_point(&c, method, opts)
        };
        let want = solve(Method::Slsqp);
        let got = solve(Method::Cobyqa);
        assert!(got.success(), "trial {trial}: {}", got.message);
        let err = (&got.x - &want.x)
            .iter()
            .fold(0.0_f64, |e, v| e.max(v.abs()));
        assert!(
            err < 1e-5,
            "trial {trial} (n {n}, m {m}): {} vs SLSQP {}",
            got.x,
            want.x
        );
        assert!(got.constr_violation <= f64::EPSILON.sqrt(), "trial {trial}");
    }
}
