//! ferrosci::optimize against SciPy fixtures (`python3 tools/fixtures/optimize.py`).
mod common;
mod optimize_problems;

use common::{as_array, as_f64, load};
use ferrosci::Error;
use ferrosci::optimize::*;
use ndarray::{Array1, ArrayRef1, array};
use optimize_problems::{check_count, problem};

type Scalar = fn(f64) -> f64;

/// Scalar test functions shared with the fixture generator: (f, f', f'').
fn root_fun(name: &str) -> (Scalar, Scalar, Scalar) {
    match name {
        "cos_minus_x" => (|x| x.cos() - x, |x| -x.sin() - 1.0, |x| -x.cos()),
        "cubic" => (
            |x| x * x * x - 2.0 * x - 5.0,
            |x| 3.0 * x * x - 2.0,
            |x| 6.0 * x,
        ),
        "exp_minus_2" => (|x| x.exp() - 2.0, f64::exp, f64::exp),
        "sin" => (f64::sin, f64::cos, |x| -x.sin()),
        "triple" => (
            |x| (x - 1.0).powi(3),
            |x| 3.0 * (x - 1.0).powi(2),
            |x| 6.0 * (x - 1.0),
        ),
        "pow20" => (
            |x| x.powi(20) - 1.0,
            |x| 20.0 * x.powi(19),
            |x| 380.0 * x.powi(18),
        ),
        "atan_steep" => (
            |x| (100.0 * (x - 0.3)).atan(),
            |x| 100.0 / (1.0 + (100.0 * (x - 0.3)).powi(2)),
            |x| -2e6 * (x - 0.3) / (1.0 + (100.0 * (x - 0.3)).powi(2)).powi(2),
        ),
        other => panic!("unknown function {other}"),
    }
}

fn scalar_fun(name: &str) -> fn(f64) -> f64 {
    match name {
        "x2_10sin" => |x| x * x + 10.0 * x.sin(),
        "quartic" => |x| (x - 2.0) * x * (x + 2.0).powi(2),
        "shifted_sq" => |x| (x - 1.5).powi(2) - 0.8,
        "cosh_shift" => |x| (x - 0.7).cosh() + 0.1 * x,
        other => panic!("unknown function {other}"),
    }
}

#[test]
fn scalar_roots_match_scipy() {
    for c in load("optimize", "roots") {
        let (f, fp, fp2) = root_fun(c.str("fun"));
        let method = c.str("method");
        let mut opts = RootScalarOptions {
            method: Some(match method {
                "brentq" => RootScalarMethod::Brentq,
                "brenth" => RootScalarMethod::Brenth,
                "ridder" => RootScalarMethod::Ridder,
                "bisect" => RootScalarMethod::Bisect,
                "toms748" => RootScalarMethod::Toms748,
                "secant" => RootScalarMethod::Secant,
                "newton" => RootScalarMethod::Newton,
                "halley" => RootScalarMethod::Halley,
                m => panic!("{m}"),
            }),
            ..Default::default()
        };
        if c.has("a") {
            opts.bracket = Some((c.f64("a"), c.f64("b")));
        } else {
            opts.x0 = Some(c.f64("x0"));
            opts.fprime = Some(Box::new(fp));
            opts.fprime2 = Some(Box::new(fp2));
        }
        let r = root_scalar(f, opts).unwrap();
        let want = as_f64(&c.expected["root"]);
        let converged = c.expected["converged"].as_bool().unwrap();
        assert_eq!(r.converged, converged, "{}: {r:?}", c.ctx());
        // A triple root limits every method to ~cbrt(eps) accuracy (SciPy's
        // brentq does not converge on it either).
        let atol = if c.str("fun") == "triple" {
            1e-4
        } else {
            c.atol
        };
        assert!(
            (r.root - want).abs() <= atol,
            "{}: root {} vs SciPy {want}",
            c.ctx(),
            r.root
        );
        check_count(
            r.iterations,
            as_f64(&c.expected["iterations"]),
            "iterations",
            &c.ctx(),
        );
        check_count(
            r.function_calls,
            as_f64(&c.expected["function_calls"]),
            "function_calls",
            &c.ctx(),
        );
    }
}

#[test]
fn bracketing_methods_use_scipy_defaults_and_errors() {
    let o = RootOptions::default();
    assert_eq!(
        (o.xtol, o.rtol, o.maxiter, o.disp),
        (2e-12, 4.0 * f64::EPSILON, 100, true)
    );
    type Solver = fn(fn(f64) -> f64, f64, f64, &RootOptions) -> ferrosci::Result<RootResults>;
    let solvers: [Solver; 5] = [brentq, brenth, ridder, bisect, toms748];
    let f: fn(f64) -> f64 = |x| x * x + 1.0;
    for solver in solvers {
        let e = solver(f, -1.0, 1.0, &o).unwrap_err();
        assert!(e.to_string().contains("different signs"), "{e}");
        assert!(solver(|x| x, f64::NAN, 1.0, &o).is_err());
        assert!(solver(|_| f64::NAN, -1.0, 1.0, &o).is_err());
        let tight = RootOptions { rtol: 1e-20, ..o };
        assert!(matches!(
            solver(|x| x, -1.0, 1.0, &tight),
            Err(Error::InvalidArgument { name: "rtol", .. })
        ));
        // A root at an end point is returned without iterating.
        let r = solver(|x| x - 1.0, 1.0, 2.0, &o).unwrap();
        assert_eq!((r.root, r.iterations), (1.0, 0));
        // A budget too small is an error with disp, a flag without.
        let few = RootOptions { maxiter: 2, ..o };
        assert!(matches!(
            solver(|x| x.powi(3) - 0.3, -1.0, 7.0, &few),
            Err(Error::NotConverged { .. })
        ));
        let quiet = RootOptions {
            maxiter: 2,
            disp: false,
            ..o
        };
        let r = solver(|x| x.powi(3) - 0.3, -1.0, 7.0, &quiet).unwrap();
        assert!(
            !r.converged && r.flag == RootFlag::ConvergenceError,
            "{r:?}"
        );
        // NaN inside the bracket stops the run instead of looping.
        let r = solver(
            |x| if x > 0.1 { f64::NAN } else { x },
            -1.0,
            2.0,
            &RootOptions { disp: false, ..o },
        );
        if let Ok(r) = r {
            assert!(!r.converged || r.root.abs() < 1e-9, "{r:?}");
        }
    }
}

#[test]
fn newton_variants_and_errors() {
    // Newton with a zero derivative at the start.
    let opts = NewtonOptions {
        fprime: Some(Box::new(|x| 2.0 * x)),
        ..Default::default()
    };
    assert!(matches!(
        newton(|x| x * x - 1.0, 0.0, opts),
        Err(Error::NotConverged { .. })
    ));
    let opts = NewtonOptions {
        fprime: Some(Box::new(|x| 2.0 * x)),
        disp: false,
        ..Default::default()
    };
    let r = newton(|x| x * x - 1.0, 0.0, opts).unwrap();
    assert_eq!(r.flag, RootFlag::ZeroDerivative);
    assert!(newton(|x| x, f64::INFINITY, NewtonOptions::default()).is_err());
    // No real root: secant runs out of iterations.
    let quiet = NewtonOptions {
        disp: false,
        ..Default::default()
    };
    let r = newton(|x| x * x + 1.0, 0.5, quiet).unwrap();
    assert!(!r.converged);
    // root_scalar validates the method's inputs.
    let e = root_scalar(
        |x| x,
        RootScalarOptions {
            method: Some(RootScalarMethod::Brentq),
            ..Default::default()
        },
    );
    assert!(matches!(
        e,
        Err(Error::InvalidArgument {
            name: "bracket",
            ..
        })
    ));
    let e = root_scalar(
        |x| x,
        RootScalarOptions {
            method: Some(RootScalarMethod::Newton),
            x0: Some(1.0),
            ..Default::default()
        },
    );
    assert!(matches!(
        e,
        Err(Error::InvalidArgument { name: "fprime", .. })
    ));
}

#[test]
fn newton_array_matches_scipy() {
    for c in load("optimize", "newton_array") {
        let a = as_array(c.arg("a"))
            .into_dimensionality::<ndarray::Ix1>()
            .unwrap();
        let x0 = as_array(c.arg("x0"))
            .into_dimensionality::<ndarray::Ix1>()
            .unwrap();
        let f = |x: &ArrayRef1<f64>| -> Array1<f64> { x.mapv(|v| v * v) - &a };
        let mut opts = NewtonArrayOptions::default();
        if c.str("method") != "secant" {
            opts.fprime = Some(Box::new(|x: &ArrayRef1<f64>| x.mapv(|v| 2.0 * v)));
        }
        if c.str("method") == "halley" {
            opts.fprime2 = Some(Box::new(|x: &ArrayRef1<f64>| x.mapv(|_| 2.0)));
        }
        let r = newton_array(f, &x0, opts).unwrap();
        let want = as_array(&c.expected["root"]);
        for (g, w) in r.root.iter().zip(want.iter()) {
            assert!((g - w).abs() <= 1e-10 * w.abs(), "{}: {g} vs {w}", c.ctx());
        }
        assert!(r.converged.iter().all(|&b| b), "{}", c.ctx());
    }
    // Wrong output length and bad input are errors.
    let bad = |x: &ArrayRef1<f64>| -> Array1<f64> { Array1::zeros(x.len() + 1) };
    assert!(matches!(
        newton_array(bad, &array![1.0], NewtonArrayOptions::default()),
        Err(Error::ShapeMismatch { .. })
    ));
    let id = |x: &ArrayRef1<f64>| -> Array1<f64> { x.to_owned() };
    assert!(newton_array(id, &array![f64::NAN], NewtonArrayOptions::default()).is_err());
    assert!(newton_array(id, &Array1::zeros(0), NewtonArrayOptions::default()).is_err());
    // No real roots anywhere: an error with disp, flags without.
    let none = |x: &ArrayRef1<f64>| -> Array1<f64> { x.mapv(|v| v * v + 1.0) };
    assert!(newton_array(none, &array![0.5, 2.0], NewtonArrayOptions::default()).is_err());
    let quiet = NewtonArrayOptions {
        disp: false,
        ..Default::default()
    };
    let r = newton_array(none, &array![0.5, 2.0], quiet).unwrap();
    assert!(r.converged.iter().all(|&b| !b));
}

#[test]
fn scalar_minimizers_match_scipy() {
    for c in load("optimize", "scalar_min") {
        let f = scalar_fun(c.str("fun"));
        let e = &c.expected;
        let method = c.str("method");
        if method == "bracket" {
            let b = bracket(f, &BracketOptions::default()).unwrap();
            for (got, key) in [(b.xa, "xa"), (b.xb, "xb"), (b.xc, "xc")] {
                let want = as_f64(&e[key]);
                assert!(
                    (got - want).abs() <= 1e-12 * want.abs().max(1.0),
                    "{}: {key} {got} vs {want}",
                    c.ctx()
                );
            }
            assert_eq!(b.funcalls as f64, as_f64(&e["funcalls"]), "{}", c.ctx());
            continue;
        }
        let m = match method {
            "brent" => ScalarMethod::Brent(Bracket::Auto),
            "golden" => ScalarMethod::Golden(Bracket::Auto),
            _ => ScalarMethod::Bounded(c.f64("lo"), c.f64("hi")),
        };
        let r = minimize_scalar(f, m, &MinimizeScalarOptions::default()).unwrap();
        assert!(r.success(), "{}: {r:?}", c.ctx());
        let (wx, wf) = (as_f64(&e["x"]), as_f64(&e["fun"]));
        assert!((r.x - wx).abs() <= c.atol, "{}: x {} vs {wx}", c.ctx(), r.x);
        assert!(
            (r.fun - wf).abs() <= 1e-8 * wf.abs().max(1.0),
            "{}: fun {} vs {wf}",
            c.ctx(),
            r.fun
        );
        check_count(r.nit, as_f64(&e["nit"]), "nit", &c.ctx());
        check_count(r.nfev, as_f64(&e["nfev"]), "nfev", &c.ctx());
    }
}

#[test]
fn scalar_minimizers_reject_bad_input() {
    let f = |x: f64| x * x;
    assert!(fminbound(f, 1.0, 0.0, &FminboundOptions::default()).is_err());
    assert!(fminbound(f, f64::NAN, 0.0, &FminboundOptions::default()).is_err());
    // Unbounded below: no bracket, an error rather than a hang.
    assert!(matches!(
        brent(|x| -x, &BrentOptions::default()),
        Err(Error::NotConverged { .. })
    ));
    assert!(
        bracket(
            f,
            &BracketOptions {
                xa: 1.0,
                xb: 1.0,
                ..Default::default()
            }
        )
        .is_err()
    );
    let bad = BrentOptions {
        brack: Bracket::Triple(0.0, 3.0, 1.0),
        ..Default::default()
    };
    assert!(matches!(
        brent(f, &bad),
        Err(Error::InvalidArgument { name: "brack", .. })
    ));
    // A user bracket is honoured.
    let r = golden(
        f,
        &GoldenOptions {
            brack: Bracket::Triple(-1.0, 0.1, 2.0),
            ..Default::default()
        },
    )
    .unwrap();
    assert!(r.x.abs() < 1e-7);
    // NaN objective: status says why.
    let r = fminbound(
        |x| if x > 2.0 { f64::NAN } else { -x },
        0.0,
        10.0,
        &FminboundOptions::default(),
    )
    .unwrap();
    assert_eq!(r.status, Status::NanEncountered);
    let r = fminbound(
        f,
        -1.0,
        3.0,
        &FminboundOptions {
            maxfun: 3,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(r.status, Status::MaxEvaluations);
}

#[test]
fn rosen_family_and_finite_differences() {
    let x = array![-1.2, 1.0, 0.5, 2.0];
    let g = rosen_der(&x);
    let fd = approx_fprime(&x, rosen, 1e-7).unwrap();
    for (a, b) in g.iter().zip(&fd) {
        assert!((a - b).abs() < 1e-3 * a.abs().max(1.0), "{a} vs {b}");
    }
    // Hessian column i equals the Hessian-vector product with e_i.
    let h = rosen_hess(&x);
    for i in 0..4 {
        let mut e = Array1::zeros(4);
        e[i] = 1.0;
        assert_eq!(rosen_hess_prod(&x, &e).unwrap(), h.column(i));
    }
    assert!(rosen_hess_prod(&x, &array![1.0]).is_err());
    assert_eq!(rosen(&array![3.0]), 0.0);
    assert_eq!(rosen_der(&array![3.0]), array![0.0]);
    assert!(check_grad(rosen, rosen_der, &x, 1e-7).unwrap() < 1e-3);
    // A wrong gradient is caught.
    assert!(check_grad(rosen, |x: &ArrayRef1<f64>| rosen_der(x) * 1.1, &x, 1e-7).unwrap() > 1.0);
    assert!(approx_fprime(&array![f64::NAN], rosen, 1e-8).is_err());
    assert!(approx_fprime(&array![1.0], rosen, 0.0).is_err());
    assert!(check_grad(rosen, |_: &ArrayRef1<f64>| array![1.0], &x, 1e-7).is_err());
    assert!(Bounds::new(&array![0.0, 1.0], &array![1.0]).is_err());
    assert!(Bounds::new(&array![f64::NAN], &array![1.0]).is_err());
}

#[test]
fn minimize_matches_scipy() {
    let mut report = Vec::new();
    for c in load("optimize", "minimize") {
        let (f, g) = problem(c.str("problem"));
        let x0 = as_array(c.arg("x0"))
            .into_dimensionality::<ndarray::Ix1>()
            .unwrap();
        let method = match c.str("method") {
            "Nelder-Mead" => Method::NelderMead,
            "BFGS" => Method::Bfgs,
            "CG" => Method::Cg,
            "Powell" => Method::Powell,
            "L-BFGS-B" => Method::LBfgsB,
            "Newton-CG" => Method::NewtonCg,
            m => panic!("{m}"),
        };
        let jac = c.arg("jac").as_bool().unwrap();
        let bounds = c.has("lb").then(|| {
            let lb = as_array(c.arg("lb"))
                .into_dimensionality::<ndarray::Ix1>()
                .unwrap();
            let ub = as_array(c.arg("ub"))
                .into_dimensionality::<ndarray::Ix1>()
                .unwrap();
            Bounds::new(&lb, &ub).unwrap()
        });
        let mut opts = MinimizeOptions {
            jac: if jac { Some(Box::new(g)) } else { None },
            bounds,
            ..Default::default()
        };
        match c.args.get("curv").and_then(|v| v.as_str()) {
            Some("hess") => opts.hess = Some(Box::new(|x: &ArrayRef1<f64>| rosen_hess(x))),
            Some("hessp") => {
                opts.hessp = Some(Box::new(|x: &ArrayRef1<f64>, p: &ArrayRef1<f64>| {
                    rosen_hess_prod(x, p).unwrap()
                }))
            }
            _ => {}
        }
        let r = minimize_with(f, &x0, method, opts).unwrap();
        let e = &c.expected;
        let want_x = as_array(&e["x"]);
        let want_f = as_f64(&e["fun"]);
        // With finite-difference gradients the last steps are at the noise
        // level, where rounding decides between SciPy's success and a failed
        // line search; the minimum must still agree.
        let noisy_end = !jac && r.status == Status::PrecisionLoss;
        if !noisy_end {
            assert_eq!(
                r.success(),
                e["success"].as_bool().unwrap(),
                "{}: {:?}",
                c.ctx(),
                r.status
            );
        }
        // The same local minimum: value to 1e-6 (absolute for zero minima), x to
        // 1e-3, unless the case states a looser atol.
        let (ftol, xtol) = (c.atol.max(1e-6 * want_f.abs().max(1.0)), c.atol.max(1e-3));
        assert!(
            (r.fun - want_f).abs() <= ftol,
            "{}: fun {} vs {want_f}",
            c.ctx(),
            r.fun
        );
        for (a, b) in r.x.iter().zip(want_x.iter()) {
            assert!(
                (a - b).abs() <= xtol * b.abs().max(1.0),
                "{}: x {} vs {want_x}",
                c.ctx(),
                r.x
            );
        }
        report.push(format!(
            "{}: nit {} vs {}, nfev {} vs {}",
            c.id, r.nit, e["nit"], r.nfev, e["nfev"]
        ));
        if noisy_end {
            continue;
        }
        check_count(r.nit, as_f64(&e["nit"]), "nit", &c.ctx());
        check_count(r.nfev, as_f64(&e["nfev"]), "nfev", &c.ctx());
    }
    println!("{}", report.join("\n"));
}

#[test]
fn minimize_bad_input_and_status() {
    let nan_x0 = array![f64::NAN, 1.0];
    for m in [Method::NelderMead, Method::Bfgs, Method::Cg] {
        assert!(matches!(
            minimize(rosen, &nan_x0, m),
            Err(Error::InvalidArgument { name: "x0", .. })
        ));
        assert!(minimize(rosen, &Array1::zeros(0), m).is_err());
        let opts = MinimizeOptions {
            bounds: Some(Bounds::uniform(3, 0.0, 1.0).unwrap()),
            ..Default::default()
        };
        assert!(matches!(
            minimize_with(rosen, &array![0.5, 0.5], m, opts),
            Err(Error::ShapeMismatch { .. })
        ));
        let opts = MinimizeOptions {
            tol: Some(-1.0),
            ..Default::default()
        };
        assert!(minimize_with(rosen, &array![0.5, 0.5], m, opts).is_err());
        // NaN objective: a status, not a panic or a hang.
        let r = minimize(|_: &ArrayRef1<f64>| f64::NAN, &array![0.5, 0.5], m).unwrap();
        assert!(!r.success(), "{m:?}: {r:?}");
        // NaN in the middle of the run.
        let f = |x: &ArrayRef1<f64>| if x[0] > 0.9 { f64::NAN } else { rosen(x) };
        let r = minimize(f, &array![-1.2, 1.0], m).unwrap();
        assert!(r.nfev < 10_000, "{m:?}: {r:?}");
        // A gradient of the wrong length gives a NaN status, not a panic.
        if m != Method::NelderMead {
            let opts = MinimizeOptions {
                jac: Some(Box::new(|_: &ArrayRef1<f64>| array![1.0])),
                ..Default::default()
            };
            let r = minimize_with(rosen, &array![0.5, 0.5], m, opts).unwrap();
            assert!(!r.success(), "{m:?}: {r:?}");
        }
        // Budgets.
        let opts = MinimizeOptions {
            maxiter: Some(3),
            ..Default::default()
        };
        let r = minimize_with(rosen, &array![-1.2, 1.0], m, opts).unwrap();
        assert_eq!((r.status, r.nit), (Status::MaxIterations, 3), "{m:?}");
    }
}

#[test]
fn newton_cg_needs_a_gradient_and_reports_nan() {
    let e = minimize(rosen, &array![-1.2, 1.0], Method::NewtonCg).unwrap_err();
    assert!(
        matches!(e, Error::InvalidArgument { name: "jac", .. }),
        "{e}"
    );
    let opts = MinimizeOptions {
        jac: Some(Box::new(|_: &ArrayRef1<f64>| array![f64::NAN, 0.0])),
        ..Default::default()
    };
    let r = minimize_with(rosen, &array![-1.2, 1.0], Method::NewtonCg, opts).unwrap();
    assert_eq!(r.status, Status::NanEncountered);
    let opts = MinimizeOptions {
        jac: Some(Box::new(rosen_der)),
        maxiter: Some(2),
        ..Default::default()
    };
    let r = minimize_with(rosen, &array![-1.2, 1.0], Method::NewtonCg, opts).unwrap();
    assert_eq!((r.status, r.nit), (Status::MaxIterations, 2));
}

#[test]
fn callback_sees_iterates_and_stops() {
    use std::cell::RefCell;
    use std::ops::ControlFlow;
    for m in [
        Method::NelderMead,
        Method::Bfgs,
        Method::Cg,
        Method::LBfgsB,
        Method::NewtonCg,
    ] {
        let seen = RefCell::new(Vec::new());
        let opts = MinimizeOptions {
            jac: Some(Box::new(rosen_der)),
            callback: Some(Box::new(|it: &Intermediate| {
                seen.borrow_mut().push((it.nit, it.fun, rosen(&it.x)));
                if it.nit >= 5 {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            })),
            ..Default::default()
        };
        let r = minimize_with(rosen, &array![-1.2, 1.0], m, opts).unwrap();
        assert_eq!(r.status, Status::CallbackStopped, "{m:?}");
        assert_eq!(r.status.code(), 99);
        let seen = seen.borrow();
        assert!(seen.iter().all(|&(_, f, g)| f == g), "{m:?}: fun matches x");
        assert_eq!(seen.last().unwrap().0, 5, "{m:?}");
        assert_eq!(r.nit, 5);
    }
}

#[test]
fn lecture_notes_x2_plus_10sin() {
    let f = |x: &ArrayRef1<f64>| x[0] * x[0] + 10.0 * x[0].sin();
    let none = None::<fn(&ArrayRef1<f64>) -> Array1<f64>>;
    let r = fmin_bfgs(f, none, &array![0.0]).unwrap();
    assert!((r.x[0] + 1.30644).abs() < 1e-5, "{r:?}");
    let r = fmin_bfgs(f, none, &array![3.0]).unwrap();
    assert!((r.x[0] - 3.83747).abs() < 1e-5, "{r:?}");
    let r = fminbound(
        |x| x * x + 10.0 * x.sin(),
        0.0,
        10.0,
        &FminboundOptions::default(),
    )
    .unwrap();
    assert!((r.x - 3.83747).abs() < 1e-4, "{r:?}");
    let r = fmin(f, &array![0.0]).unwrap();
    assert!((r.x[0] + 1.30644).abs() < 1e-3, "{r:?}");
    let r = fmin_cg(f, none, &array![0.0]).unwrap();
    assert!((r.x[0] + 1.30644).abs() < 1e-5, "{r:?}");
}

#[test]
fn three_point_differences_and_bounded_simplex() {
    let opts = MinimizeOptions {
        fd: FdScheme::ThreePoint,
        ..Default::default()
    };
    let r = minimize_with(rosen, &array![-1.2, 1.0], Method::Bfgs, opts).unwrap();
    assert!(r.success() && (r.x[0] - 1.0).abs() < 1e-4, "{r:?}");
    // Nelder-Mead keeps to its bounds: the constrained minimum of rosen on
    // x0 <= 0.5 lies on that edge.
    let b = Bounds::new(&array![-2.0, -2.0], &array![0.5, 2.0]).unwrap();
    let opts = MinimizeOptions {
        bounds: Some(b),
        xatol: Some(1e-8),
        fatol: Some(1e-10),
        ..Default::default()
    };
    let r = minimize_with(rosen, &array![-1.2, 1.0], Method::NelderMead, opts).unwrap();
    assert!(
        r.x[0] <= 0.5 && (r.x[0] - 0.5).abs() < 1e-4 && (r.x[1] - 0.25).abs() < 1e-3,
        "{r:?}"
    );
}

#[test]
fn root_finders_at_extreme_magnitudes() {
    let o = RootOptions::default();
    type Solver = fn(fn(f64) -> f64, f64, f64, &RootOptions) -> ferrosci::Result<RootResults>;
    let solvers: [Solver; 5] = [brentq, brenth, ridder, bisect, toms748];
    for solver in solvers {
        // A root near 1e-200 inside a unit bracket: found to xtol.
        let r = solver(|x| x - 1e-200, -1.0, 1.0, &o).unwrap();
        assert!(r.root.abs() < 1e-11, "{r:?}");
        // Huge brackets (one wider than f64::MAX): 100 iterations are too few
        // for most methods (SciPy's brentq ends at the same 1.58e270), but
        // nothing panics or hangs, and a converged answer is right.
        let quiet = RootOptions { disp: false, ..o };
        for (root, a, b) in [(3e150, -1e300, 1e300), (1.0, -1.7e308, 1.7e308)] {
            let g: fn(f64) -> f64 = if root == 1.0 {
                |x| x - 1.0
            } else {
                |x| x - 3e150
            };
            if let Ok(r) = solver(g, a, b, &quiet) {
                assert!(
                    !r.converged || (r.root - root).abs() <= 1e-9 * root,
                    "{r:?}"
                );
            }
        }
    }
}

#[test]
fn lbfgsb_with_fixed_and_one_sided_bounds() {
    use std::cell::Cell;
    // x1 fixed at 0.5 (lb == ub); the function must never see another x1.
    let outside = Cell::new(false);
    let f = |x: &ArrayRef1<f64>| {
        if x[1] != 0.5 {
            outside.set(true);
        }
        rosen(x)
    };
    let b = Bounds::new(
        &array![f64::NEG_INFINITY, 0.5, 0.0],
        &array![0.8, 0.5, f64::INFINITY],
    )
    .unwrap();
    let opts = MinimizeOptions {
        bounds: Some(b),
        ..Default::default()
    };
    let r = minimize_with(f, &array![-1.0, 0.5, 2.0], Method::LBfgsB, opts).unwrap();
    assert!(r.success(), "{r:?}");
    assert!(!outside.get());
    // With x1 = 0.5 fixed: x0 minimizes 100(0.5 − x0²)² + (1 − x0)², x2 = 0.25 (x2 ≥ 0 inactive).
    let g0 = |x0: f64| -400.0 * x0 * (0.5 - x0 * x0) - 2.0 * (1.0 - x0);
    assert!(g0(r.x[0]).abs() < 1e-4 && r.x[0] <= 0.8, "{}", r.x);
    assert!((r.x[2] - 0.25).abs() < 1e-4, "{}", r.x);
    // A start outside the box is moved inside first.
    let b = Bounds::uniform(2, -0.5, 0.5).unwrap();
    let opts = MinimizeOptions {
        bounds: Some(b),
        jac: Some(Box::new(rosen_der)),
        ..Default::default()
    };
    let r = minimize_with(rosen, &array![3.0, -3.0], Method::LBfgsB, opts).unwrap();
    assert!(r.success() && r.x.iter().all(|v| v.abs() <= 0.5), "{r:?}");
}
