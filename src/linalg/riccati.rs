//! Algebraic Riccati equations, continuous and discrete, with SciPy's
//! optional descriptor matrix `e` and cross term `s`.
//!
//! SciPy solves both through an extended pencil, QZ and `ordqz`. Here the
//! equation is first reduced to the standard form (`e` and `s` eliminated
//! exactly), then solved by a structure-exploiting iteration with quadratic
//! convergence: the matrix sign function of the Hamiltonian (continuous) or
//! the structure-preserving doubling algorithm (discrete), followed by a
//! Newton step on the residual. Both reach SciPy's stabilizing solution to
//! about `cond·ε`. By default the problem is first scaled as SciPy's
//! `balanced=True` scales its pencil (see [`AreOptions::balanced`]).

use super::kernels::hessenberg::balance;
use super::matfun_util::{ct, mm, norm1};
use super::matrix_equations::lyapunov_c_unchecked;
use super::util::{eye, finite};
use super::{RealScalar, Scalar, inv, lstsq, slogdet, solve, svdvals};
use crate::{Error, Result, check};
use ndarray::{Array2, ArrayRef2, Axis, concatenate, s};

/// Iteration cap for the sign function and doubling; both converge
/// quadratically, so hitting it means the problem has no stabilizing solution.
const MAX_ITER: usize = 100;

/// Options for [`solve_continuous_are_with`] and [`solve_discrete_are_with`]:
/// SciPy's keywords `e`, `s` (`None` = identity and zero) and `balanced`
/// (`true`), with SciPy's defaults.
///
/// ```
/// use ferrosci::linalg::AreOptions;
/// use ndarray::array;
///
/// let e = array![[1.0_f64, 0.0], [0.0, 2.0]];
/// let opts = AreOptions { e: Some(&e), ..Default::default() };
/// assert!(opts.s.is_none() && opts.balanced);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AreOptions<'a, T: Scalar> {
    /// Descriptor matrix `E` (`M × M`), nonsingular (SciPy `e`).
    pub e: Option<&'a ArrayRef2<T>>,
    /// Cross term `S` (`M × N`) (SciPy `s`).
    pub s: Option<&'a ArrayRef2<T>>,
    /// Scale the problem first (SciPy `balanced`, default `true`): SciPy's
    /// extended pencil is balanced (LAPACK `gebal`, scaling only, on the sum
    /// of its moduli without the diagonal), and the scaling is made
    /// symplectic, `diag(D, D⁻¹)` with `D` a power of 2 per state (Benner
    /// 1999). Here `D` scales the equation itself (`A → D·A·D⁻¹`,
    /// `B → D·B`, `Q → D⁻¹·Q·D⁻¹`, `E → D·E·D⁻¹`, `S → D⁻¹·S`, exactly) and
    /// the solution comes back as `X = D·X̃·D`, as in SciPy. It matters for
    /// badly scaled states (entries of `X` many orders of magnitude apart).
    pub balanced: bool,
}

impl<T: Scalar> Default for AreOptions<'_, T> {
    fn default() -> Self {
        AreOptions {
            e: None,
            s: None,
            balanced: true,
        }
    }
}

/// Checks shapes, finiteness and the (Hermitian) symmetry of `q` and `r`, as
/// SciPy's `_are_validate_args`; returns `(m, n)`.
fn validate<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
) -> Result<(usize, usize)> {
    let m = check::square("a", a)?;
    let n = b.ncols();
    check::shape("b", &[m, n], b.shape())?;
    check::shape("q", &[m, m], q.shape())?;
    check::shape("r", &[n, n], r.shape())?;
    for (name, x) in [("a", a), ("b", b), ("q", q), ("r", r)] {
        finite(name, x)?;
    }
    if let Some(e) = opts.e {
        check::shape("e", &[m, m], e.shape())?;
        finite("e", e)?;
    }
    if let Some(s) = opts.s {
        check::shape("s", &[m, n], s.shape())?;
        finite("s", s)?;
    }
    for (name, x) in [("q", q), ("r", r)] {
        let asym = norm1(&(x.to_owned() - ct(x)));
        if asym > 100.0 * f64::EPSILON * norm1(x) {
            return Err(check::invalid(
                name,
                format!("must be symmetric (Hermitian for complex input); ‖x − xᴴ‖₁ = {asym:e}"),
            ));
        }
    }
    Ok((m, n))
}

/// The standard-form data `(Â, G, Q̂, E)` with `G = B̃·R⁻¹·B̃ᴴ`,
/// `Â = Ã − B̃·R⁻¹·Sᴴ`, `Q̂ = Q − S·R⁻¹·Sᴴ`, `Ã = E⁻¹A`, `B̃ = E⁻¹B`.
struct Reduced<T: Scalar> {
    a: Array2<T>,
    g: Array2<T>,
    q: Array2<T>,
    e: Option<Array2<T>>,
    /// `α` of the discrete equation's shift `X = Z + α·I` (0 if none).
    shift: f64,
}

fn reduce<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
    discrete: bool,
) -> Result<Reduced<T>> {
    let (mut at, mut bt) = (a.to_owned(), b.to_owned());
    let e = match opts.e {
        Some(e) => {
            let singular = |err| match err {
                Error::Singular { .. } => check::invalid("e", "must be nonsingular"),
                other => other,
            };
            at = solve(e, &at).map_err(singular)?;
            bt = solve(e, &bt).map_err(singular)?;
            Some(e.to_owned())
        }
        None => None,
    };
    let (mut q, mut r, mut s) = (q.to_owned(), r.to_owned(), opts.s.map(|s| s.to_owned()));
    // A singular R is allowed in the discrete equation (only R + Bᴴ·X·B must
    // be invertible): X = Z + α·I turns it into the same equation in Z with
    // R + α·BᴴB, Q + α·(ÃᴴÃ − I), S + α·ÃᴴB̃.
    let mut shift = 0.0;
    let (m, k) = bt.dim();
    if discrete && k > 0 {
        let sv = svdvals(&r)?;
        let (smax, smin) = (sv[0].to_f64_real(), sv[k - 1].to_f64_real());
        if smin <= 1e3 * k as f64 * f64::EPSILON * smax.max(f64::MIN_POSITIVE) {
            let btb = mm(&ct(&bt), &bt);
            shift = norm1(&r).max(1.0) / norm1(&btb).max(f64::MIN_POSITIVE);
            let al = T::from_f64(shift);
            r = r + btb.mapv(|v| v * al);
            q = q + (mm(&ct(&at), &at) - eye::<T>(m)).mapv(|v| v * al);
            let cross = mm(&ct(&at), &bt).mapv(|v| v * al);
            s = Some(match s {
                Some(s) => s + cross,
                None => cross,
            });
        }
    }
    let not_invertible = |err| match err {
        Error::Singular { .. } => check::invalid("r", "must be nonsingular"),
        other => other,
    };
    let rinv_bh = solve(&r, &ct(&bt)).map_err(not_invertible)?;
    let g = herm(&mm(&bt, &rinv_bh));
    if let Some(s) = &s {
        let rinv_sh = solve(&r, &ct(s)).map_err(not_invertible)?;
        at = at - mm(&bt, &rinv_sh);
        q = q - mm(s, &rinv_sh);
    }
    Ok(Reduced {
        a: at,
        g,
        q: herm(&q),
        e,
        shift,
    })
}

/// A solver of the standard or generalized equation on checked input.
type AreSolver<T> = fn(
    &ArrayRef2<T>,
    &ArrayRef2<T>,
    &ArrayRef2<T>,
    &ArrayRef2<T>,
    &AreOptions<T>,
) -> Result<Array2<T>>;

/// Runs `solve` on the problem scaled as SciPy's `balanced=True` (see
/// [`AreOptions::balanced`]) and maps the solution back, `X = D·X̃·D`; on
/// the problem as given if balancing is off or changes nothing.
fn with_balancing<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
    solve: AreSolver<T>,
) -> Result<Array2<T>> {
    let scaling = if opts.balanced {
        symplectic_scaling(a, b, q, r, opts)
    } else {
        None
    };
    let Some(d) = scaling else {
        return solve(a, b, q, r, opts);
    };
    let di: Vec<f64> = d.iter().map(|v| 1.0 / v).collect();
    let ones = vec![1.0; b.ncols()];
    let e = opts.e.map(|e| scale2(e, &d, &di));
    let s = opts.s.map(|s| scale2(s, &di, &ones));
    let scaled = AreOptions {
        e: e.as_deref(),
        s: s.as_deref(),
        balanced: false,
    };
    let x = solve(
        &scale2(a, &d, &di),
        &scale2(b, &d, &ones),
        &scale2(q, &di, &di),
        r,
        &scaled,
    )?;
    Ok(scale2(&x, &d, &d))
}

/// `x[i, j]·dl[i]·dr[j]`; exact for the powers of 2 used here.
fn scale2<T: Scalar>(x: &ArrayRef2<T>, dl: &[f64], dr: &[f64]) -> Array2<T> {
    Array2::from_shape_fn(x.dim(), |(i, j)| {
        x[[i, j]].scale_real(T::Real::from_f64_real(dl[i] * dr[j]))
    })
}

/// SciPy's symplectic scaling: `gebal`'s scaling `d` (no permutation) of
/// `|H| + |J|` with the diagonal zeroed, `H − λ·J` SciPy's extended pencil
/// of order `2M + N`, folded into `Dᵢ = 2^round((log₂ d_{M+i} − log₂ dᵢ)/2)`
/// (ties to even, as numpy). The moduli add up to the same matrix for the
/// continuous and the discrete pencil. `None` if `D = I`.
fn symplectic_scaling<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
) -> Option<Vec<f64>> {
    let (m, n) = b.dim();
    let nn = 2 * m + n;
    let mut h = vec![0.0_f64; nn * nn];
    let mut add = |r0: usize, c0: usize, x: &ArrayRef2<T>, transposed: bool| {
        for ((i, j), v) in x.indexed_iter() {
            let (i, j) = if transposed { (j, i) } else { (i, j) };
            h[(r0 + i) * nn + c0 + j] += v.modulus().to_f64_real();
        }
    };
    add(0, 0, a, false);
    add(m, m, a, true);
    add(0, 2 * m, b, false);
    add(2 * m, m, b, true);
    add(m, 0, q, false);
    add(2 * m, 2 * m, r, false);
    if let Some(e) = opts.e {
        add(0, 0, e, false);
        add(m, m, e, true);
    }
    if let Some(s) = opts.s {
        add(m, 2 * m, s, false);
        add(2 * m, 0, s, true);
    }
    for i in 0..nn {
        h[i * nn + i] = 0.0;
    }
    let d = balance(&mut h, nn, false, true).scale;
    let d: Vec<f64> = (0..m)
        .map(|i| {
            ((d[m + i].log2() - d[i].log2()) / 2.0)
                .round_ties_even()
                .exp2()
        })
        .collect();
    d.iter().any(|&v| v != 1.0).then_some(d)
}

/// `(X + Xᴴ)/2`.
fn herm<T: Scalar>(x: &Array2<T>) -> Array2<T> {
    let half = T::Real::from_f64_real(0.5);
    (x + &ct(x)).mapv(|v| v.scale_real(half))
}

/// `X = E⁻ᴴ·Y·E⁻¹`, symmetrized.
fn undo_e<T: Scalar>(y: Array2<T>, e: &Option<Array2<T>>) -> Result<Array2<T>> {
    Ok(match e {
        None => herm(&y),
        Some(e) => {
            let w = solve(&ct(e), &y)?; // E⁻ᴴ·Y
            herm(&ct(&solve(&ct(e), &ct(&w))?)) // (E⁻ᴴ·(E⁻ᴴ·Y)ᴴ)ᴴ = E⁻ᴴ·Y·E⁻¹
        }
    })
}

fn no_solution(iterations: usize, residual: f64) -> Error {
    Error::NotConverged {
        iterations,
        residual,
    }
}

/// Solves the continuous-time algebraic Riccati equation (CARE) for its
/// stabilizing solution.
///
/// SciPy: `scipy.linalg.solve_continuous_are(a, b, q, r)`.
///
/// ```text
/// Aᴴ·X + X·A − X·B·R⁻¹·Bᴴ·X + Q = 0
/// ```
///
/// Method: the matrix sign function of the Hamiltonian
/// `H = [[A, −B·R⁻¹·Bᴴ], [−Q, −Aᴴ]]` by Newton's iteration with determinant
/// scaling (Roberts; Byers), `X` from the stable invariant subspace by least
/// squares, then one Newton–Kleinman step (a Lyapunov solve) on the
/// residual. SciPy instead uses QZ on an extended pencil; the stabilizing
/// solution is unique, so the answers agree to the problem's conditioning.
///
/// # Errors
/// [`Error::ShapeMismatch`] for shapes that disagree (`a` `M × M`, `b`
/// `M × N`, `q` `M × M`, `r` `N × N`); [`Error::InvalidArgument`] for NaN or
/// infinity, a `q` or `r` that is not symmetric/Hermitian, or a singular `r`
/// or `e`; [`Error::NotConverged`] if there is no stabilizing solution
/// (eigenvalues of the Hamiltonian on the imaginary axis; SciPy raises
/// `LinAlgError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve_continuous_are;
/// use ndarray::array;
///
/// // SciPy's docstring example.
/// let a = array![[4.0_f64, 3.0], [-4.5, -3.5]];
/// let b = array![[1.0_f64], [-1.0]];
/// let q = array![[9.0_f64, 6.0], [6.0, 4.0]];
/// let r = array![[1.0_f64]];
/// let x = solve_continuous_are(&a, &b, &q, &r)?;
/// let res = a.t().dot(&x) + x.dot(&a) - x.dot(&b).dot(&b.t()).dot(&x) + &q;
/// assert!(res.iter().all(|v| v.abs() < 1e-10));
/// assert!((x[[0, 0]] - 21.72792206).abs() < 1e-7);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_continuous_are<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
) -> Result<Array2<T>> {
    solve_continuous_are_with(a, b, q, r, &AreOptions::default())
}

/// [`solve_continuous_are`] with SciPy's `e`, `s` and `balanced`.
///
/// SciPy: `scipy.linalg.solve_continuous_are(a, b, q, r, e=e, s=s, balanced=True)`.
///
/// ```text
/// Aᴴ·X·E + Eᴴ·X·A − (Eᴴ·X·B + S)·R⁻¹·(Bᴴ·X·E + Sᴴ) + Q = 0
/// ```
///
/// `e` and `s` are eliminated exactly first (`Y = Eᴴ·X·E` solves a standard
/// equation in `E⁻¹A`, `E⁻¹B`, with `A − B·R⁻¹·Sᴴ` and `Q − S·R⁻¹·Sᴴ`).
///
/// # Errors
/// As [`solve_continuous_are`]; also for `e` or `s` of the wrong shape.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{solve_continuous_are_with, AreOptions};
/// use ndarray::array;
///
/// let a = array![[-1.0_f64, 2.0], [0.0, -3.0]];
/// let b = array![[1.0_f64], [1.0]];
/// let q = array![[2.0_f64, 0.0], [0.0, 1.0]];
/// let r = array![[1.0_f64]];
/// let e = array![[2.0_f64, 0.5], [0.0, 1.0]];
/// let s = array![[0.1_f64], [0.2]];
/// let x = solve_continuous_are_with(&a, &b, &q, &r, &AreOptions { e: Some(&e), s: Some(&s), ..Default::default() })?;
/// let exb = e.t().dot(&x).dot(&b) + &s;
/// let res = a.t().dot(&x).dot(&e) + e.t().dot(&x).dot(&a) - exb.dot(&exb.t()) + &q;
/// assert!(res.iter().all(|v| v.abs() < 1e-10), "{res}");
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_continuous_are_with<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
) -> Result<Array2<T>> {
    let (m, _) = validate(a, b, q, r, opts)?;
    if m == 0 {
        return Ok(Array2::zeros((0, 0)));
    }
    with_balancing(a, b, q, r, opts, care)
}

/// The continuous equation on validated, nonempty input.
fn care<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
) -> Result<Array2<T>> {
    let red = reduce(a, b, q, r, opts, false)?;
    let mut y = care_sign(&red)?;
    // One Newton–Kleinman step: (Â − G·Y)ᴴ·Δ + Δ·(Â − G·Y) = −Res(Y).
    let res = care_residual(&red, &y);
    let ac = &red.a - &mm(&red.g, &y);
    if let Ok(d) = lyapunov_c_unchecked(&ct(&ac), &res.mapv(|v| -v)) {
        let y1 = herm(&(&y + &d));
        if norm1(&care_residual(&red, &y1)) <= norm1(&res) {
            y = y1;
        }
    }
    undo_e(y, &red.e)
}

fn care_residual<T: Scalar>(red: &Reduced<T>, y: &Array2<T>) -> Array2<T> {
    let ahy = mm(&ct(&red.a), y);
    &ahy + &ct(&ahy) - mm(&mm(y, &red.g), y) + &red.q
}

/// The stabilizing solution of `Âᴴ·Y + Y·Â − Y·G·Y + Q̂ = 0` from
/// `W = sign(H)`: `[W₁₂; W₂₂ + I]·Y = −[W₁₁ + I; W₂₁]`.
fn care_sign<T: Scalar>(red: &Reduced<T>) -> Result<Array2<T>> {
    let n = red.a.nrows();
    let top = concatenate![Axis(1), red.a, red.g.mapv(|v| -v)];
    let bot = concatenate![Axis(1), red.q.mapv(|v| -v), ct(&red.a).mapv(|v| -v)];
    let mut z = concatenate![Axis(0), top, bot];
    let nn = 2 * n;
    let tol = 1e2 * nn as f64 * f64::EPSILON;
    let mut scale = true;
    let mut prev = f64::INFINITY;
    for it in 0..MAX_ITER {
        let zi = inv(&z).map_err(|_| no_solution(it, f64::INFINITY))?;
        // Determinant scaling c = |det Z|^(1/2n) speeds up the first steps.
        let c = if scale {
            (slogdet(&z)?.logabsdet.to_f64_real() / nn as f64).exp()
        } else {
            1.0
        };
        let (c1, c2) = (T::from_f64(0.5 / c), T::from_f64(0.5 * c));
        let znew = ndarray::Zip::from(&z)
            .and(&zi)
            .map_collect(|&x, &y| c1 * x + c2 * y);
        let delta = norm1(&(&znew - &z)) / norm1(&znew);
        z = znew;
        if !delta.is_finite() {
            return Err(no_solution(it + 1, delta));
        }
        // Converged, or stagnating at rounding level.
        if delta < tol || (prev < 1e-8 && delta >= prev) {
            break;
        }
        if it + 1 == MAX_ITER {
            return Err(no_solution(MAX_ITER, delta));
        }
        scale = scale && delta > 1e-2;
        prev = delta;
    }
    let w11 = z.slice(s![..n, ..n]);
    let w12 = z.slice(s![..n, n..]);
    let w21 = z.slice(s![n.., ..n]);
    let w22 = z.slice(s![n.., n..]);
    let i = eye::<T>(n);
    let lhs = concatenate![Axis(0), w12, &w22 + &i];
    let rhs = concatenate![Axis(0), &w11 + &i, w21].mapv(|v| -v);
    let sol = lstsq(&lhs, &rhs)?;
    if sol.rank < n {
        return Err(no_solution(MAX_ITER, f64::INFINITY));
    }
    Ok(herm(&sol.x))
}

/// Solves the discrete-time algebraic Riccati equation (DARE) for its
/// stabilizing solution.
///
/// SciPy: `scipy.linalg.solve_discrete_are(a, b, q, r)`.
///
/// ```text
/// Aᴴ·X·A − X − Aᴴ·X·B·(R + Bᴴ·X·B)⁻¹·Bᴴ·X·A + Q = 0
/// ```
///
/// Method: the structure-preserving doubling algorithm (Chu, Fan, Lin and
/// Wang, 2004) on `X = Aᴴ·X·(I + G·X)⁻¹·A + Q`, `G = B·R⁻¹·Bᴴ`, which
/// converges quadratically to the stabilizing solution. SciPy uses QZ on an
/// extended symplectic pencil; the answers agree to the problem's
/// conditioning.
///
/// # Errors
/// As [`solve_continuous_are`]; [`Error::NotConverged`] if the doubling does
/// not converge (no stabilizing solution).
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve_discrete_are;
/// use ndarray::array;
///
/// // SciPy's docstring example.
/// let a = array![[0.0_f64, 1.0], [0.0, -1.0]];
/// let b = array![[1.0_f64, 0.0], [2.0, 1.0]];
/// let q = array![[-4.0_f64, -4.0], [-4.0, 7.0]];
/// let r = array![[9.0_f64, 3.0], [3.0, 1.0]];
/// let x = solve_discrete_are(&a, &b, &q, &r)?;
/// let k = (&r + &b.t().dot(&x).dot(&b));
/// let axb = a.t().dot(&x).dot(&b);
/// let kinv = ferrosci::linalg::inv(&k)?;
/// let res = a.t().dot(&x).dot(&a) - &x - axb.dot(&kinv).dot(&axb.t()) + &q;
/// assert!(res.iter().all(|v| v.abs() < 1e-10));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_discrete_are<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
) -> Result<Array2<T>> {
    solve_discrete_are_with(a, b, q, r, &AreOptions::default())
}

/// [`solve_discrete_are`] with SciPy's `e`, `s` and `balanced`.
///
/// SciPy: `scipy.linalg.solve_discrete_are(a, b, q, r, e=e, s=s, balanced=True)`.
///
/// ```text
/// Aᴴ·X·A − Eᴴ·X·E − (Aᴴ·X·B + S)·(R + Bᴴ·X·B)⁻¹·(Bᴴ·X·A + Sᴴ) + Q = 0
/// ```
///
/// # Errors
/// As [`solve_discrete_are`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{inv, solve_discrete_are_with, AreOptions};
/// use ndarray::array;
///
/// let a = array![[0.9_f64, 0.3], [0.0, 1.1]];
/// let b = array![[0.0_f64], [1.0]];
/// let q = array![[1.0_f64, 0.0], [0.0, 1.0]];
/// let r = array![[0.5_f64]];
/// let e = array![[1.0_f64, 0.2], [0.0, 1.5]];
/// let s = array![[0.1_f64], [0.0]];
/// let x = solve_discrete_are_with(&a, &b, &q, &r, &AreOptions { e: Some(&e), s: Some(&s), ..Default::default() })?;
/// let k = inv(&(&r + &b.t().dot(&x).dot(&b)))?;
/// let m = a.t().dot(&x).dot(&b) + &s;
/// let res = a.t().dot(&x).dot(&a) - e.t().dot(&x).dot(&e) - m.dot(&k).dot(&m.t()) + &q;
/// assert!(res.iter().all(|v| v.abs() < 1e-10), "{res}");
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_discrete_are_with<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
) -> Result<Array2<T>> {
    let (m, _) = validate(a, b, q, r, opts)?;
    if m == 0 {
        return Ok(Array2::zeros((0, 0)));
    }
    with_balancing(a, b, q, r, opts, dare)
}

/// The discrete equation on validated, nonempty input.
fn dare<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    q: &ArrayRef2<T>,
    r: &ArrayRef2<T>,
    opts: &AreOptions<T>,
) -> Result<Array2<T>> {
    let m = a.nrows();
    let red = reduce(a, b, q, r, opts, true)?;
    let i = eye::<T>(m);
    let (mut ak, mut gk, mut hk) = (red.a.clone(), red.g.clone(), red.q.clone());
    let mut done = false;
    for it in 0..MAX_ITER {
        // W = I + G·H; A ← A·W⁻¹·A, G ← G + A·W⁻¹·G·Aᴴ, H ← H + Aᴴ·H·W⁻¹·A.
        let w = &i + &mm(&gk, &hk);
        let wi_a = solve(&w, &ak).map_err(|_| no_solution(it, f64::INFINITY))?;
        let wi_g = solve(&w, &gk).map_err(|_| no_solution(it, f64::INFINITY))?;
        let ah = ct(&ak);
        let h_new = herm(&(&hk + &mm(&mm(&ah, &hk), &wi_a)));
        let g_new = herm(&(&gk + &mm(&mm(&ak, &wi_g), &ah)));
        ak = mm(&ak, &wi_a);
        let delta = norm1(&(&h_new - &hk)) / norm1(&h_new).max(f64::MIN_POSITIVE);
        hk = h_new;
        gk = g_new;
        if !delta.is_finite() {
            return Err(no_solution(it + 1, delta));
        }
        if delta <= 1e2 * f64::EPSILON || norm1(&ak) == 0.0 {
            if done {
                break;
            }
            done = true;
        } else if it + 1 == MAX_ITER {
            return Err(no_solution(MAX_ITER, delta));
        }
    }
    let al = T::from_f64(red.shift);
    undo_e(hk + i.mapv(|v| v * al), &red.e)
}
