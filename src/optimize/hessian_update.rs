//! Quasi-Newton Hessian approximations (SciPy `HessianUpdateStrategy`,
//! `BFGS`, `SR1`), used by trust-constr for the objective and constraints.

use ndarray::{Array1, Array2, ArrayRef1};

/// How the first matrix is scaled (SciPy `init_scale`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InitScale {
    /// `yᵀy / yᵀs` times the identity, chosen at the first update
    /// (`sᵀy / yᵀy` for an inverse Hessian); SciPy's `'auto'`.
    Auto,
    /// This multiple of the identity.
    Value(f64),
}

/// What a curvature-poor BFGS update does (SciPy `exception_strategy`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExceptionStrategy {
    /// Skip the update (SciPy `'skip_update'`, default).
    SkipUpdate,
    /// Powell's damping: mix `y` with `B·s` so that the curvature is
    /// `min_curvature·sᵀBs` (SciPy `'damp_update'`).
    DampUpdate,
}

/// Whether the matrix approximates the Hessian or its inverse (SciPy `approx_type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApproxType {
    /// `B ≈ ∇²f` (SciPy `'hess'`).
    Hess,
    /// `H ≈ (∇²f)⁻¹` (SciPy `'inv_hess'`).
    InvHess,
}

/// The update formula and its safeguards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum UpdateRule {
    /// Broyden–Fletcher–Goldfarb–Shanno (SciPy `BFGS`); `min_curvature`
    /// `None` means SciPy's default, 1e-8 for skipping and 0.2 for damping.
    Bfgs {
        /// What to do when `sᵀy ≤ min_curvature·sᵀBs`.
        exception_strategy: ExceptionStrategy,
        /// The curvature threshold.
        min_curvature: Option<f64>,
    },
    /// Symmetric rank one (SciPy `SR1`): skipped when
    /// `|sᵀ(y − Bs)| ≤ min_denominator·‖s‖·‖y − Bs‖`.
    Sr1 {
        /// The denominator threshold (SciPy default 1e-8).
        min_denominator: f64,
    },
}

/// A quasi-Newton approximation of a Hessian (or its inverse) built from
/// steps and gradient differences (SciPy `HessianUpdateStrategy`, with the
/// `BFGS` and `SR1` rules).
///
/// ```text
/// BFGS:  B ← B + y yᵀ/(yᵀs) − (B s)(B s)ᵀ/(sᵀ B s)
/// SR1:   B ← B + r rᵀ/(rᵀ s),  r = y − B s
/// ```
///
/// # Examples
/// Two updates on a quadratic with Hessian `diag(1, 4)` recover it:
/// ```
/// use ferrosci::optimize::{ApproxType, HessianUpdateStrategy};
/// use ndarray::array;
///
/// let mut b = HessianUpdateStrategy::bfgs();
/// b.initialize(2, ApproxType::Hess);
/// b.update(&array![1.0, 0.0], &array![1.0, 0.0]);
/// b.update(&array![0.0, 1.0], &array![0.0, 4.0]);
/// let m = b.get_matrix();
/// assert!((m[[0, 0]] - 1.0).abs() < 1e-12 && (m[[1, 1]] - 4.0).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct HessianUpdateStrategy {
    /// BFGS or SR1 with their safeguards.
    pub rule: UpdateRule,
    /// Scale of the initial matrix.
    pub init_scale: InitScale,
    approx: ApproxType,
    matrix: Array2<f64>,
    first: bool,
}

impl Default for HessianUpdateStrategy {
    /// SciPy's `BFGS()`.
    fn default() -> Self {
        HessianUpdateStrategy::bfgs()
    }
}

impl HessianUpdateStrategy {
    /// SciPy's `BFGS()`: skip updates with `sᵀy ≤ 1e-8·sᵀBs`, `init_scale='auto'`.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{HessianUpdateStrategy, InitScale};
    /// assert_eq!(HessianUpdateStrategy::bfgs().init_scale, InitScale::Auto);
    /// ```
    pub fn bfgs() -> Self {
        Self::with_rule(UpdateRule::Bfgs {
            exception_strategy: ExceptionStrategy::SkipUpdate,
            min_curvature: None,
        })
    }

    /// SciPy's `SR1()`: `min_denominator = 1e-8`, `init_scale='auto'`.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{HessianUpdateStrategy, UpdateRule};
    /// assert!(matches!(HessianUpdateStrategy::sr1().rule, UpdateRule::Sr1 { .. }));
    /// ```
    pub fn sr1() -> Self {
        Self::with_rule(UpdateRule::Sr1 {
            min_denominator: 1e-8,
        })
    }

    /// A strategy with this rule and `init_scale='auto'`.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ExceptionStrategy, HessianUpdateStrategy, UpdateRule};
    /// let damped = HessianUpdateStrategy::with_rule(UpdateRule::Bfgs {
    ///     exception_strategy: ExceptionStrategy::DampUpdate, min_curvature: None });
    /// assert!(matches!(damped.rule, UpdateRule::Bfgs { .. }));
    /// ```
    pub fn with_rule(rule: UpdateRule) -> Self {
        HessianUpdateStrategy {
            rule,
            init_scale: InitScale::Auto,
            approx: ApproxType::Hess,
            matrix: Array2::eye(0),
            first: true,
        }
    }

    /// Starts over with `n` variables (SciPy `initialize(n, approx_type)`);
    /// the matrix is the identity until the first update.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ApproxType, HessianUpdateStrategy};
    /// let mut h = HessianUpdateStrategy::sr1();
    /// h.initialize(3, ApproxType::InvHess);
    /// assert_eq!(h.get_matrix(), ndarray::Array2::<f64>::eye(3));
    /// ```
    pub fn initialize(&mut self, n: usize, approx_type: ApproxType) {
        self.approx = approx_type;
        self.matrix = Array2::eye(n);
        self.first = true;
    }

    /// `yᵀy/|yᵀs|` (or its inverse), 1 in degenerate cases.
    fn auto_scale(&self, s: &ArrayRef1<f64>, y: &ArrayRef1<f64>) -> f64 {
        let (ss, yy, ys) = (s.dot(s), y.dot(y), y.dot(s).abs());
        if ys == 0.0 || yy == 0.0 || ss == 0.0 {
            return 1.0;
        }
        match self.approx {
            ApproxType::Hess => yy / ys,
            ApproxType::InvHess => ys / yy,
        }
    }

    /// Updates the matrix with the step `delta_x = s` and the gradient
    /// change `delta_grad = y` (SciPy `update`). Zero steps, zero gradient
    /// changes, NaN or infinite entries and wrong lengths leave it unchanged.
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ApproxType, HessianUpdateStrategy};
    /// use ndarray::array;
    /// let mut h = HessianUpdateStrategy::bfgs();
    /// h.initialize(1, ApproxType::Hess);
    /// h.update(&array![0.5], &array![1.5]);
    /// assert!((h.get_matrix()[[0, 0]] - 3.0).abs() < 1e-12);
    /// ```
    pub fn update(&mut self, delta_x: &ArrayRef1<f64>, delta_grad: &ArrayRef1<f64>) {
        let n = self.matrix.nrows();
        if delta_x.len() != n || delta_grad.len() != n {
            return;
        }
        if delta_x.iter().all(|&v| v == 0.0) || delta_grad.iter().all(|&v| v == 0.0) {
            return;
        }
        if delta_x.iter().chain(delta_grad).any(|v| !v.is_finite()) {
            return;
        }
        if self.first {
            let scale = match self.init_scale {
                InitScale::Auto => self.auto_scale(delta_x, delta_grad),
                InitScale::Value(v) => v,
            };
            self.matrix = Array2::eye(n) * scale;
            self.first = false;
        }
        // Hessian form: w = s, z = y; inverse form: w = y, z = s.
        let (w, mut z) = match self.approx {
            ApproxType::Hess => (delta_x.to_owned(), delta_grad.to_owned()),
            ApproxType::InvHess => (delta_grad.to_owned(), delta_x.to_owned()),
        };
        match self.rule {
            UpdateRule::Bfgs {
                exception_strategy,
                min_curvature,
            } => {
                let min_curv = min_curvature.unwrap_or(match exception_strategy {
                    ExceptionStrategy::SkipUpdate => 1e-8,
                    ExceptionStrategy::DampUpdate => 0.2,
                });
                let mut mw = self.matrix.dot(&w);
                let mut wmw = w.dot(&mw);
                if wmw <= 0.0 {
                    let scale = self.auto_scale(delta_x, delta_grad);
                    self.matrix = Array2::eye(n) * scale;
                    mw = self.matrix.dot(&w);
                    wmw = w.dot(&mw);
                }
                let mut wz = w.dot(&z);
                if wz <= min_curv * wmw {
                    match exception_strategy {
                        ExceptionStrategy::SkipUpdate => return,
                        ExceptionStrategy::DampUpdate => {
                            let t = (1.0 - min_curv) / (1.0 - wz / wmw);
                            z = &z * t + &mw * (1.0 - t);
                            wz = w.dot(&z);
                        }
                    }
                }
                match self.approx {
                    ApproxType::Hess => {
                        self.matrix =
                            &self.matrix + &(outer(&z, &z) / wz) - &(outer(&mw, &mw) / wmw);
                    }
                    ApproxType::InvHess => {
                        let c = (wz + wmw) / (wz * wz);
                        let cross = outer(&mw, &z);
                        self.matrix =
                            &self.matrix + &(outer(&z, &z) * c) - &((&cross + &cross.t()) / wz);
                    }
                }
            }
            UpdateRule::Sr1 { min_denominator } => {
                let r = &z - &self.matrix.dot(&w);
                let den = w.dot(&r);
                let (nw, nr) = (w.dot(&w).sqrt(), r.dot(&r).sqrt());
                if den.abs() <= min_denominator * nw * nr {
                    return;
                }
                self.matrix = &self.matrix + &(outer(&r, &r) / den);
            }
        }
    }

    /// The matrix times `p` (SciPy `dot`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ApproxType, HessianUpdateStrategy};
    /// use ndarray::array;
    /// let mut h = HessianUpdateStrategy::bfgs();
    /// h.initialize(2, ApproxType::Hess);
    /// assert_eq!(h.dot(&array![1.0, 2.0]), array![1.0, 2.0]);
    /// ```
    pub fn dot(&self, p: &ArrayRef1<f64>) -> Array1<f64> {
        self.matrix.dot(p)
    }

    /// The current matrix (SciPy `get_matrix`).
    ///
    /// # Examples
    /// ```
    /// use ferrosci::optimize::{ApproxType, HessianUpdateStrategy};
    /// let mut h = HessianUpdateStrategy::bfgs();
    /// h.initialize(2, ApproxType::Hess);
    /// assert_eq!(h.get_matrix().dim(), (2, 2));
    /// ```
    pub fn get_matrix(&self) -> Array2<f64> {
        self.matrix.clone()
    }
}

/// `a bᵀ`.
fn outer(a: &Array1<f64>, b: &Array1<f64>) -> Array2<f64> {
    Array2::from_shape_fn((a.len(), b.len()), |(i, j)| a[i] * b[j])
}
