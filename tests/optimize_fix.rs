//! `minimize` edge cases against SciPy (`python3 tools/fixtures/optimize_fix.py`):
//! bounds that fix every variable or some, and L-BFGS-B's messages.
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
        eprintln!(
            "{}: nfev {} (SciPy {})",
            case.id, r.nfev, case.expected["nfev"]
        );
    }
}

#[test]
fn lbfgsb_messages_match_scipy() {
    for case in load("optimize", "fix")
        .iter()
        .filter(|c| c.id.starts_with("lbfgsb_message/"))
    {
        let quad = |x: &ArrayRef1<f64>| x.dot(x);
        let (f, jac, x0): (
            Box<dyn FnMut(&ArrayRef1<f64>) -> f64>,
            Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>,
            _,
        ) = match case.args["problem"].as_str().unwrap() {
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
        // (maxfun: SciPy stops once nfev > maxfun at an iteration's end, ours at nfev = maxfun.)
        if r.status == Status::MaxIterations {
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
