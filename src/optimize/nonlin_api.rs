//! SciPy's standalone large-scale solvers (`broyden1`, `broyden2`,
//! `anderson`, `linearmixing`, `diagbroyden`, `excitingmixing`,
//! `newton_krylov`): `x` on convergence, [`Error::NotConverged`] otherwise
//! (SciPy raises `NoConvergence`). `root_with` with the method of the same
//! name returns the full result instead.

use super::lsq_common::ResidualFn;
use super::nonlin::{NonlinKind, NonlinOptions, run};
use crate::{Error, Result};
use ndarray::{Array1, ArrayRef1};

fn finish(
    mut fun: impl FnMut(&ArrayRef1<f64>) -> Array1<f64>,
    xin: &ArrayRef1<f64>,
    kind: NonlinKind,
    o: &NonlinOptions,
) -> Result<Array1<f64>> {
    let f: &mut ResidualFn<'_> = &mut fun;
    let out = run(f, xin, kind, o)?;
    if out.status == 1 {
        Ok(out.x)
    } else {
        Err(Error::NotConverged {
            iterations: out.nit,
            residual: out.fun.iter().fold(0.0f64, |m, v| m.max(v.abs())),
        })
    }
}

macro_rules! nonlin_solver {
    ($plain:ident, $with:ident, $kind:ident, $scipy:literal, $what:literal, $example_opts:literal) => {
        #[doc = concat!("Solves `F(x) = 0` with ", $what, " (SciPy `", $scipy, "(F, xin)`),")]
        #[doc = "with SciPy's defaults: Armijo line search, stop when `max |F| ≤ ε^⅓ ≈ 6e-6`."]
        #[doc = concat!("See [`", stringify!($with), "`] for the keywords.")]
        ///
        /// # Errors
        #[doc = concat!("As [`", stringify!($with), "`].")]
        ///
        /// # Examples
        /// SciPy's test system `F(x) = −D x − 0.01‖x‖² x` (root 0) from ones:
        /// ```
        #[doc = concat!("use ferrosci::optimize::", stringify!($plain), ";")]
        /// use ndarray::{array, Array1, ArrayRef1};
        ///
        /// let d = array![3.0, 2.0, 1.5, 1.0, 0.5];
        /// let f = |x: &ArrayRef1<f64>| Array1::from_shape_fn(5, |i| -d[i] * x[i] - 0.01 * x.dot(x) * x[i]);
        #[doc = concat!("let x = ", stringify!($plain), "(f, &Array1::ones(5))?;")]
        /// assert!(f(&x).iter().all(|v| v.abs() <= 6.1e-6));
        /// # Ok::<(), ferrosci::Error>(())
        /// ```
        pub fn $plain<F>(f: F, xin: &ArrayRef1<f64>) -> Result<Array1<f64>>
        where
            F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
        {
            $with(f, xin, &NonlinOptions::default())
        }

        #[doc = concat!("Solves `F(x) = 0` with ", $what, ", with SciPy's keywords (SciPy `", $scipy, "(F, xin, ...)`).")]
        ///
        /// # Errors
        /// [`Error::InvalidArgument`] if `xin` is empty or not finite, `F(xin)` is not
        /// finite, or a tolerance, `alpha`, `max_rank`, `w0`, `alphamax` or `rdiff` is
        /// out of range; [`Error::ShapeMismatch`] if `F` returns another length;
        /// [`Error::NotConverged`] if the tolerances are not met within `maxiter`
        /// iterations (or after `iter`), or the Jacobian solve breaks down.
        ///
        /// # Examples
        /// ```
        #[doc = concat!("use ferrosci::optimize::{", stringify!($with), ", NonlinOptions};")]
        /// use ndarray::{array, ArrayRef1};
        ///
        /// // A x = b with A = tridiag(1, −2, 1), b = (1, 2, 3): x = (−2.5, −4, −3.5).
        /// let f = |x: &ArrayRef1<f64>| array![-2.0 * x[0] + x[1] - 1.0, x[0] - 2.0 * x[1] + x[2] - 2.0, x[1] - 2.0 * x[2] - 3.0];
        #[doc = concat!("let opts = NonlinOptions { f_tol: Some(1e-10), ", $example_opts, "..Default::default() };")]
        #[doc = concat!("let x = ", stringify!($with), "(f, &array![1.0, 2.0, 3.0], &opts)?;")]
        /// assert!((x[0] + 2.5).abs() < 1e-9 && (x[1] + 4.0).abs() < 1e-9 && (x[2] + 3.5).abs() < 1e-9);
        /// # Ok::<(), ferrosci::Error>(())
        /// ```
        pub fn $with<F>(f: F, xin: &ArrayRef1<f64>, options: &NonlinOptions) -> Result<Array1<f64>>
        where
            F: FnMut(&ArrayRef1<f64>) -> Array1<f64>,
        {
            finish(f, xin, NonlinKind::$kind, options)
        }
    };
}

nonlin_solver!(
    broyden1,
    broyden1_with,
    Broyden1,
    "broyden1",
    "Broyden's good method (rank-one updates of the inverse Jacobian)",
    ""
);
nonlin_solver!(
    broyden2,
    broyden2_with,
    Broyden2,
    "broyden2",
    "Broyden's bad method",
    ""
);
nonlin_solver!(
    anderson,
    anderson_with,
    Anderson,
    "anderson",
    "Anderson mixing over the last `M` steps",
    "m: 3, "
);
nonlin_solver!(
    linearmixing,
    linearmixing_with,
    LinearMixing,
    "linearmixing",
    "a scalar Jacobian `−1/α`",
    "maxiter: Some(2000), "
);
nonlin_solver!(
    diagbroyden,
    diagbroyden_with,
    DiagBroyden,
    "diagbroyden",
    "a diagonal Broyden Jacobian",
    ""
);
nonlin_solver!(
    excitingmixing,
    excitingmixing_with,
    ExcitingMixing,
    "excitingmixing",
    "self-tuned diagonal mixing",
    "maxiter: Some(2000), "
);
nonlin_solver!(
    newton_krylov,
    newton_krylov_with,
    Krylov,
    "newton_krylov",
    "Newton–Krylov (finite-difference Jacobian-vector products, LGMRES inner solves)",
    ""
);
