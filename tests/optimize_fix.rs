//! `minimize` edge cases against SciPy (`python3 tools/fixtures/optimize_fix.py`):
//! bounds that fix every variable or some, L-BFGS-B's messages,
//! trust-constr's `keep_feasible` and Powell with bounds.
mod common;

use common::{as_array, as_f64, assert_close, load};
use ferrosci::optimize::*;
use ndarray::{Array1, ArrayRef1, array};
use std::cell::Cell;

fn method(name: &str) -> Method {
    match name {
        "lbfgsb" => Method::LBfgsB,
        "tnc" => Method::Tnc,
        "slsqp" => Method::Slsqp,
        other => panic!("unknown method {other}"),
    }
}

fn ineq<'a>(f: fn(&ArrayRef1<f64>) -> f64) -> Constraint<'a> {
    ConstraintDict::new(ConstraintType::Ineq, move |x: &ArrayRef1<f64>| array![f(x)]).into()
}

/// Checks x, fun, success and message; nfev within `nfev_slack` of SciPy's.
fn check(id: &str, e: &serde_json::Value, r: &OptimizeResult, atol: f64, nfev_slack: f64) {
    let x = as_array(&e["x"]);
    for (g, w) in r.x.iter().zip(x.iter()) {
        assert_close(*g, *w, 0.0, atol, &format!("{id}: x"));
    }
    assert_close(r.fun, as_f64(&e["fun"]), 1e-9, atol, &format!("{id}: fun"));
    assert_eq!(r.success(), e["success"].as_bool().unwrap(), "{id}: {r:?}");
    let want = as_f64(&e["nfev"]);
    assert!(
        r.nfev as f64 <= want * nfev_slack,
        "{id}: nfev {} vs SciPy {want}",
        r.nfev
    );
}

#[test]
fn all_variables_fixed_by_bounds() {
    for case in load("optimize", "fix")
        .iter()
        .filter(|c| c.id.starts_with("fixed/"))
    {
        let calls = Cell::new(0);
        let f = |x: &ArrayRef1<f64>| {
            calls.set(calls.get() + 1);
            rosen(x)
        };
        let constraints = match case.args["cons"].as_str().unwrap() {
            "none" => vec![],
            "ok" => vec![ineq(|x| x[1] - x[0] - 1.0)],
            "violated" => vec![ineq(|x| x[1] - 3.0)],
            other => panic!("{other}"),
        };
        let opts = MinimizeOptions {
            bounds: Some(Bounds::new(&array![0.5, 2.0], &array![0.5, 2.0]).unwrap()),
            constraints,
            ..Default::default()
        };
        let m = method(case.args["method"].as_str().unwrap());
        let r = minimize_with(f, &array![-1.2, 1.0], m, opts).unwrap();
        check(&case.id, &case.expected, &r, 0.0, 1.0);
        assert_eq!(
            r.message,
            case.expected["message"].as_str().unwrap(),
            "{}",
            case.id
        );
        assert_eq!((r.nfev, r.nit, calls.get()), (1, 0, 1), "{}", case.id);
    }
    // Other methods still run (SciPy skips only L-BFGS-B, TNC and SLSQP).
    let opts = MinimizeOptions {
        bounds: Some(Bounds::new(&array![0.5, 2.0], &array![0.5, 2.0]).unwrap()),
        ..Default::default()
    };
    let r = minimize_with(rosen, &array![-1.2, 1.0], Method::NelderMead, opts).unwrap();
    assert_eq!(r.message, "Optimization terminated successfully.");
    assert_eq!(r.x, array![0.5, 2.0]);
    assert_eq!((r.nit, r.nfev), (1, 3), "as SciPy");
    // trust-constr runs too (SciPy: 96 evaluations to x = lb within 1e-8);
    // COBYLA, where SciPy 1.17 raises, gives lb or an error, never a panic.
    for m in [Method::TrustConstr, Method::Cobyla] {
        let opts = MinimizeOptions {
            bounds: Some(Bounds::new(&array![0.5, 2.0], &array![0.5, 2.0]).unwrap()),
            ..Default::default()
        };
        let res = minimize_with(rosen, &array![-1.2, 1.0], m, opts);
        if m == Method::TrustConstr {
            assert_eq!(res.as_ref().unwrap().nfev, 96);
        }
        if let Ok(r) = res {
            assert!(
                (r.x[0] - 0.5).abs() < 1e-6 && (r.x[1] - 2.0).abs() < 1e-6,
                "{m:?}: {r:?}"
            );
        }
    }
    // The fixed-point shortcut still checks the bounds' length.
    let opts = MinimizeOptions {
        bounds: Some(Bounds::uniform(3, 1.0, 1.0).unwrap()),
        ..Default::default()
    };
    assert!(minimize_with(rosen, &array![-1.2, 1.0], Method::LBfgsB, opts).is_err());
}

#[test]
fn some_variables_fixed_by_bounds() {
    let inf = f64::INFINITY;
    for case in load("optimize", "fix")
        .iter()
        .filter(|c| c.id.starts_with("partial/"))
    {
        let moved = Cell::new(false);
        let f = |x: &ArrayRef1<f64>| {
            moved.set(moved.get() || x[1] != 0.5);
            rosen(x)
        };
        let jac = match case.args["jac"].as_str().unwrap() {
            "exact" => Some(Box::new(rosen_der) as Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>),
            _ => None,
        };
        let opts = MinimizeOptions {
            bounds: Some(Bounds::new(&array![-inf, 0.5, 0.0], &array![0.8, 0.5, inf]).unwrap()),
            jac,
            ..Default::default()
        };
        let m = method(case.args["method"].as_str().unwrap());
        let r = minimize_with(f, &array![-1.0, 0.5, 2.0], m, opts).unwrap();
        check(&case.id, &case.expected, &r, case.atol, 2.0);
        assert!(!moved.get(), "{}: evaluated with x1 != 0.5", case.id);
        // SciPy's NaN gradient for the fixed variable when it removed it.
        let nan: Vec<bool> = r.jac.as_ref().unwrap().iter().map(|v| v.is_nan()).collect();
        let want: Vec<bool> = case.expected["jac_nan"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_bool().unwrap())
            .collect();
        assert_eq!(nan, want, "{}", case.id);
        eprintln!(
            "{}: nfev {} (SciPy {})",
            case.id, r.nfev, case.expected["nfev"]
        );
    }
}

type ObjBox = Box<dyn FnMut(&ArrayRef1<f64>) -> f64>;
type JacBox = Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>;

#[test]
fn lbfgsb_messages_match_scipy() {
    for case in load("optimize", "fix")
        .iter()
        .filter(|c| c.id.starts_with("lbfgsb_message/"))
    {
        let quad = |x: &ArrayRef1<f64>| x.dot(x);
        let (f, jac, x0): (ObjBox, JacBox, _) = match case.args["problem"].as_str().unwrap() {
            "pgtol" => (
                Box::new(quad),
                Box::new(|x: &ArrayRef1<f64>| 2.0 * x),
                array![1.0, 2.0],
            ),
            "abnormal" => (
                Box::new(rosen),
                Box::new(|x: &ArrayRef1<f64>| -rosen_der(x)),
                array![-1.2, 1.0],
            ),
            _ => (Box::new(rosen), Box::new(rosen_der), array![-1.2, 1.0]),
        };
        let opts = MinimizeOptions {
            jac: Some(jac),
            maxiter: case.args.get("maxiter").map(|v| as_f64(v) as usize),
            maxfev: case.args.get("maxfun").map(|v| as_f64(v) as usize),
            ..Default::default()
        };
        let r = minimize_with(f, &x0, Method::LBfgsB, opts).unwrap();
        let e = &case.expected;
        assert_eq!(
            r.message,
            e["message"].as_str().unwrap(),
            "{}: {r:?}",
            case.id
        );
        // SciPy's L-BFGS-B codes: 0 converged, 1 a limit, 2 anything else.
        let code = match r.status {
            Status::Success => 0,
            Status::MaxIterations | Status::MaxEvaluations => 1,
            _ => 2,
        };
        assert_eq!(code, as_f64(&e["status"]) as i32, "{}", case.id);
        if code == 1 {
            assert_eq!(
                (r.nit, r.nfev),
                (as_f64(&e["nit"]) as usize, as_f64(&e["nfev"]) as usize),
                "{}",
                case.id
            );
        }
        if r.success() {
            check(&case.id, e, &r, 1e-5, 1.5);
        }
    }
}

type Problem = (fn(&ArrayRef1<f64>) -> f64, [f64; 2], [f64; 2], [f64; 2]);

fn kf_problem(name: &str) -> Problem {
    let inf = f64::INFINITY;
    match name {
        "logu" => (
            |x| -x[0].ln() + (x[0] - 3.0).powi(2) + (x[1] - 3.0).powi(2),
            [1.0, 2.0],
            [0.0, 0.0],
            [1.0, 2.0],
        ),
        "ub_start" => (
            |x| (x[0] - 2.0).powi(2) + x[1] * x[1] - (1.0001 - x[0]).ln(),
            [1.0, 1.0],
            [-inf, -inf],
            [1.0, inf],
        ),
        "inside" => (
            |x| -x[0].ln() - (2.5 - x[1]).ln() + (x[0] - 3.0).powi(2) + x[1] * x[1],
            [0.5, 1.0],
            [0.0, -inf],
            [1.0, 2.0],
        ),
        other => panic!("unknown problem {other}"),
    }
}

#[test]
fn trust_constr_keeps_bounds_feasible() {
    for case in load("optimize", "fix")
        .iter()
        .filter(|c| c.id.starts_with("keep_feasible/"))
    {
        let (f, x0, lo, hi) = kf_problem(case.args["problem"].as_str().unwrap());
        let keep: Vec<bool> = case.args["keep"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_bool().unwrap())
            .collect();
        let kept = |i: usize| keep[i.min(keep.len() - 1)];
        // Evaluations outside a kept bound (must be none), and outside any.
        let (kept_out, any_out) = (Cell::new(0), Cell::new(0));
        let g = |x: &ArrayRef1<f64>| {
            let out: Vec<bool> = (0..2).map(|i| x[i] < lo[i] || x[i] > hi[i]).collect();
            if out.iter().any(|&o| o) {
                any_out.set(any_out.get() + 1);
            }
            if (0..2).any(|i| out[i] && kept(i)) {
                kept_out.set(kept_out.get() + 1);
            }
            f(x)
        };
        let b = Bounds::new(&array![lo[0], lo[1]], &array![hi[0], hi[1]])
            .unwrap()
            .with_keep_feasible(&Array1::from(keep.clone()))
            .unwrap();
        let opts = MinimizeOptions {
            bounds: Some(b),
            ..Default::default()
        };
        let r = minimize_constrained(g, &array![x0[0], x0[1]], Method::TrustConstr, opts).unwrap();
        let e = &case.expected;
        let id = &case.id;
        assert_eq!(kept_out.get(), 0, "{id}: evaluated outside a kept bound");
        // Where SciPy steps outside the bounds that are not kept, so do we
        // (how often depends on the rounding along the path), which shows
        // that keep_feasible is what keeps the kept ones clean above.
        let (ours, theirs) = (any_out.get(), as_f64(&e["outside"]) as usize);
        assert!(
            theirs == 0 || ours > 0,
            "{id}: {ours} evaluations outside, SciPy {theirs}"
        );
        for (g, w) in r.x.iter().zip(as_array(&e["x"]).iter()) {
            assert_close(*g, *w, 0.0, 2e-4, &format!("{id}: x"));
        }
        assert_close(r.fun, as_f64(&e["fun"]), 2e-4, 0.0, &format!("{id}: fun"));
        // ub_start: kept, both stall at x0, whose kept bound leaves a slack of
        // one ulp (SciPy stops sooner, on an optimality of exactly 0); not
        // kept, SciPy takes twice our iterations to the same x.
        if !id.contains("ub_start") {
            let want = as_f64(&e["nfev"]);
            assert!(
                r.nfev as f64 <= 1.5 * want,
                "{id}: nfev {} vs SciPy {want}",
                r.nfev
            );
            assert_eq!(r.status_code, as_f64(&e["status"]) as i32, "{id}");
        }
    }
}

#[test]
fn keep_feasible_bad_input() {
    let b = Bounds::new(&array![0.0, 0.0], &array![1.0, 1.0]).unwrap();
    assert!(matches!(
        b.clone().with_keep_feasible(&array![true, false, true]),
        Err(ferrosci::Error::ShapeMismatch { .. })
    ));
    let kept = b.clone().with_keep_feasible(&array![false, true]).unwrap();
    assert_eq!(kept.keep_feasible, array![false, true]);
    // x0 outside a kept bound: an error (SciPy raises ValueError); outside
    // one not kept: fine.
    let f = |x: &ArrayRef1<f64>| x.dot(x);
    let run = |x0: Array1<f64>| {
        let opts = MinimizeOptions {
            bounds: Some(kept.clone()),
            ..Default::default()
        };
        minimize_constrained(f, &x0, Method::TrustConstr, opts)
    };
    let err = run(array![0.5, 1.5]).unwrap_err();
    assert!(err.to_string().contains("x0"), "{err}");
    let r = run(array![1.5, 0.5]).unwrap();
    // (The minimum is the corner 0, approached from inside by the barrier.)
    assert!(
        r.success() && r.x.iter().all(|v| (0.0..5e-3).contains(v)),
        "{r:?}"
    );
    // A keep_feasible of the wrong length set by hand is caught.
    let mut bad = b.clone();
    bad.keep_feasible = array![true];
    let opts = MinimizeOptions {
        bounds: Some(bad),
        ..Default::default()
    };
    assert!(minimize_with(f, &array![0.5, 0.5], Method::LBfgsB, opts).is_err());
    // Other methods ignore it, as SciPy's.
    let opts = MinimizeOptions {
        bounds: Some(b.with_keep_feasible(&array![true]).unwrap()),
        ..Default::default()
    };
    let r = minimize_with(f, &array![0.5, 0.5], Method::LBfgsB, opts).unwrap();
    assert!(r.success() && r.x.iter().all(|v| v.abs() < 1e-6));
}

#[test]
fn keep_feasible_covers_constraint_finite_differences() {
    // A constraint without a Jacobian, differenced at a start on the upper
    // bounds: its steps must go inwards too.
    let outside = Cell::new(0);
    let con = NonlinearConstraint::new(
        |x: &ArrayRef1<f64>| {
            if x[0] > 1.0 || x[1] > 2.0 {
                outside.set(outside.get() + 1);
            }
            array![x[0] + x[1]]
        },
        &array![f64::NEG_INFINITY],
        &array![2.5],
    )
    .unwrap();
    let (f, ..) = kf_problem("logu");
    let b = Bounds::new(&array![0.0, 0.0], &array![1.0, 2.0])
        .unwrap()
        .with_keep_feasible(&array![true])
        .unwrap();
    let opts = MinimizeOptions {
        bounds: Some(b),
        constraints: vec![con.into()],
        ..Default::default()
    };
    let r = minimize_constrained(f, &array![1.0, 1.0], Method::TrustConstr, opts).unwrap();
    assert_eq!(outside.get(), 0);
    // x0 + x1 <= 2.5 is active: x = (1, 1.5) up to the barrier's offset.
    assert!(
        (r.x[0] - 1.0).abs() < 1e-3 && (r.x[1] - 1.5).abs() < 1e-3,
        "{r:?}"
    );
}

fn powell_problem(name: &str) -> fn(&ArrayRef1<f64>) -> f64 {
    match name {
        "quad_corner" => |x| (x[0] - 3.0).powi(2) + (x[1] + 2.0).powi(2) + x[0] * x[1],
        "rosen2" | "rosen2_start_outside" | "rosen3_half_open" => |x| rosen(x),
        other => panic!("unknown problem {other}"),
    }
}

#[test]
fn powell_honours_bounds() {
    let cases = load("optimize", "fix");
    let cases: Vec<_> = cases
        .iter()
        .filter(|c| c.id.starts_with("powell_bounds/"))
        .collect();
    assert_eq!(cases.len(), 4);
    for case in cases {
        let id = &case.id;
        let f = powell_problem(case.args["problem"].as_str().unwrap());
        let arg = |k: &str| Array1::from_iter(as_array(&case.args[k]).iter().copied());
        let (x0, lb, ub) = (arg("x0"), arg("lb"), arg("ub"));
        let outside = |x: &ArrayRef1<f64>| (0..x.len()).any(|i| x[i] < lb[i] || x[i] > ub[i]);
        let out = Cell::new(0);
        let g = |x: &ArrayRef1<f64>| {
            if outside(x) {
                out.set(out.get() + 1);
            }
            f(x)
        };
        let opts = MinimizeOptions {
            bounds: Some(Bounds::new(&lb, &ub).unwrap()),
            ..Default::default()
        };
        let r = minimize_with(g, &x0, Method::Powell, opts).unwrap();
        let e = &case.expected;
        check(id, e, &r, 1e-6, 1.5);
        // Same path as SciPy's: same iterations and evaluations.
        assert_eq!(r.nit as f64, as_f64(&e["nit"]), "{id}: nit");
        assert_eq!(r.nfev as f64, as_f64(&e["nfev"]), "{id}: nfev");
        assert!(!outside(&r.x), "{id}: x {} outside", r.x);
        if outside(&x0) {
            // SciPy keeps a start outside the box (with a warning): both
            // evaluate there before the line searches pull the point in.
            assert_eq!(out.get() as f64, as_f64(&e["outside"]), "{id}: outside");
            assert!(out.get() > 0, "{id}");
        } else {
            assert_eq!(out.get(), 0, "{id}: evaluated outside the bounds");
        }
    }
}
