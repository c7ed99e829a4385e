//! The constrained test problems shared by tests/optimize_con.rs and
//! tests/optimize_dfo.rs (the generators tools/fixtures/optimize_con.py and
//! optimize_dfo.py define the same ones under the same names).
#![allow(dead_code)] // each test file uses a part
use ferrosci::optimize::*;
use ndarray::{Array1, ArrayRef1, array};

pub const INF: f64 = f64::INFINITY;

pub type Fun = Box<dyn FnMut(&ArrayRef1<f64>) -> f64>;
pub type Jac = Box<dyn FnMut(&ArrayRef1<f64>) -> Array1<f64>>;
pub type ConF = fn(&ArrayRef1<f64>) -> Array1<f64>;

/// A named problem, as in the generator: objective, gradient, x0, bounds,
/// old-style constraints and new-style constraints.
pub struct Problem {
    pub fun: Fun,
    pub jac: Option<Jac>,
    pub x0: Array1<f64>,
    pub bounds: Option<Bounds>,
    pub old: Vec<Constraint<'static>>,
    pub new: Vec<Constraint<'static>>,
}

pub fn dict(kind: ConstraintType, f: ConF) -> Constraint<'static> {
    ConstraintDict::new(kind, f).into()
}

pub fn problem(name: &str) -> Problem {
    use ConstraintType::{Eq, Ineq};
    match name {
        "tutorial_ineq" => Problem {
            fun: Box::new(|x| (x[0] - 1.0).powi(2) + (x[1] - 2.5).powi(2)),
            jac: None,
            x0: array![2.0, 0.0],
            bounds: Some(Bounds::new(&array![0.0, 0.0], &array![INF, INF]).unwrap()),
            old: vec![
                dict(Ineq, |x| array![x[0] - 2.0 * x[1] + 2.0]),
                dict(Ineq, |x| array![-x[0] - 2.0 * x[1] + 6.0]),
                dict(Ineq, |x| array![-x[0] + 2.0 * x[1] + 2.0]),
            ],
            new: vec![
                LinearConstraint::new(
                    &array![[1.0, -2.0], [-1.0, -2.0], [-1.0, 2.0]],
                    &array![-2.0, -6.0, -2.0],
                    &array![INF, INF, INF],
                )
                .unwrap()
                .into(),
            ],
        },
        "rosen_tutorial" => Problem {
            fun: Box::new(rosen),
            jac: Some(Box::new(rosen_der)),
            x0: array![0.5, 0.0],
            bounds: Some(Bounds::new(&array![0.0, -0.5], &array![1.0, 2.0]).unwrap()),
            old: vec![
                ConstraintDict::new(Ineq, |x: &ArrayRef1<f64>| {
                    array![
                        1.0 - x[0] - 2.0 * x[1],
                        1.0 - x[0] * x[0] - x[1],
                        1.0 - x[0] * x[0] + x[1]
                    ]
                })
                .with_jac(|x: &ArrayRef1<f64>| {
                    array![[-1.0, -2.0], [-2.0 * x[0], -1.0], [-2.0 * x[0], 1.0]]
                })
                .into(),
                ConstraintDict::new(Eq, |x: &ArrayRef1<f64>| array![2.0 * x[0] + x[1] - 1.0])
                    .with_jac(|_x: &ArrayRef1<f64>| array![[2.0, 1.0]])
                    .into(),
            ],
            new: vec![
                LinearConstraint::new(
                    &array![[1.0, 2.0], [2.0, 1.0]],
                    &array![-INF, 1.0],
                    &array![1.0, 1.0],
                )
                .unwrap()
                .into(),
                NonlinearConstraint::new(
                    |x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1], x[0] * x[0] - x[1]],
                    &array![-INF],
                    &array![1.0],
                )
                .unwrap()
                .with_jac(|x: &ArrayRef1<f64>| array![[2.0 * x[0], 1.0], [2.0 * x[0], -1.0]])
                .with_hess(|_x: &ArrayRef1<f64>, v: &ArrayRef1<f64>| {
                    array![[2.0 * v[0] + 2.0 * v[1], 0.0], [0.0, 0.0]]
                })
                .into(),
            ],
        },
        "hs071" => Problem {
            fun: Box::new(|x| x[0] * x[3] * (x[0] + x[1] + x[2]) + x[2]),
            jac: Some(Box::new(|x| {
                array![
                    x[3] * (2.0 * x[0] + x[1] + x[2]),
                    x[0] * x[3],
                    x[0] * x[3] + 1.0,
                    x[0] * (x[0] + x[1] + x[2])
                ]
            })),
            x0: array![1.0, 5.0, 5.0, 1.0],
            bounds: Some(Bounds::uniform(4, 1.0, 5.0).unwrap()),
            old: vec![
                dict(Ineq, |x| array![x[0] * x[1] * x[2] * x[3] - 25.0]),
                dict(Eq, |x| array![x.dot(x) - 40.0]),
            ],
            new: vec![
                NonlinearConstraint::new(
                    |x: &ArrayRef1<f64>| array![x[0] * x[1] * x[2] * x[3]],
                    &array![25.0],
                    &array![INF],
                )
                .unwrap()
                .into(),
                NonlinearConstraint::new(
                    |x: &ArrayRef1<f64>| array![x.dot(x)],
                    &array![40.0],
                    &array![40.0],
                )
                .unwrap()
                .into(),
            ],
        },
        "circle" => Problem {
            fun: Box::new(|x| -0.5 * (x[0] - x[1] - 1.0).abs()),
            jac: None,
            x0: array![0.0, 1.0],
            bounds: Some(Bounds::uniform(2, -1.0, 1.0).unwrap()),
            old: vec![dict(Eq, |x| array![x[0] * x[0] + x[1] * x[1] - 1.0])],
            new: vec![
                NonlinearConstraint::new(
                    |x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1] * x[1]],
                    &array![1.0],
                    &array![1.0],
                )
                .unwrap()
                .into(),
            ],
        },
        "circle_jac" => {
            let mut p = problem("circle");
            p.old = vec![
                ConstraintDict::new(Eq, |x: &ArrayRef1<f64>| {
                    array![x[0] * x[0] + x[1] * x[1] - 1.0]
                })
                .with_jac(|x: &ArrayRef1<f64>| array![[2.0 * x[0], 2.0 * x[1]]])
                .into(),
            ];
            p.new = vec![
                NonlinearConstraint::new(
                    |x: &ArrayRef1<f64>| array![x[0] * x[0] + x[1] * x[1]],
                    &array![1.0],
                    &array![1.0],
                )
                .unwrap()
                .with_jac(|x: &ArrayRef1<f64>| array![[2.0 * x[0], 2.0 * x[1]]])
                .into(),
            ];
            p
        }
        "rosen_bounds" => Problem {
            fun: Box::new(rosen),
            jac: Some(Box::new(rosen_der)),
            x0: array![-1.2, 1.0],
            bounds: Some(Bounds::new(&array![-2.0, -2.0], &array![0.5, 2.0]).unwrap()),
            old: vec![],
            new: vec![],
        },
        "rosen_eq" => Problem {
            fun: Box::new(rosen),
            jac: Some(Box::new(rosen_der)),
            x0: array![0.0, 0.0, 0.0],
            bounds: None,
            old: vec![dict(Eq, |x| array![x.sum() - 1.0])],
            new: vec![
                LinearConstraint::new(&array![[1.0, 1.0, 1.0]], &array![1.0], &array![1.0])
                    .unwrap()
                    .into(),
            ],
        },
        other => panic!("unknown problem {other}"),
    }
}
