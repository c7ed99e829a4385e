//! General matrix functions by the Schur–Parlett recurrence, and the matrix
//! sign function.

use super::matfun_util::{mm, norm1, schur_c64, to_c64, unschur};
use super::triangular_fun::{norm1_strict_upper, parlett};
use super::util::finite;
use super::{MaybeComplex, Scalar, inv, svdvals};
use crate::{Result, check};
use ndarray::{Array2, ArrayRef2};
use num_complex::Complex64;

/// `f(A)` from [`funm`] with SciPy's error estimate.
#[derive(Debug, Clone, PartialEq)]
pub struct Funm<R> {
    /// `f(A)` (real for real `A` when the imaginary parts are negligible).
    pub f: MaybeComplex<R>,
    /// SciPy's `errest`: `min(1, max(ε, ε/minden·‖triu(T, 1)‖₁))`, where
    /// `minden` is the smallest eigenvalue gap met by the recurrence; `inf`
    /// if the result is not finite. Above `1000·ε` the result is suspect
    /// (where SciPy's `disp=True` prints a warning).
    pub errest: f64,
}

/// Evaluates a matrix function `f(A)` given the scalar function `f`.
///
/// SciPy: `scipy.linalg.funm(A, func, disp=False)`, which returns `(F, errest)`;
/// both come back here. `func` receives each eigenvalue (as `Complex64`).
///
/// Method: complex Schur form `A = Z·T·Zᴴ`, `f` on the diagonal of `T`, and
/// the Parlett recurrence for the rest (Golub and Van Loan, Algorithm
/// 11.1.1), as SciPy:
///
/// ```text
/// f_ij = (t_ij·(f_jj − f_ii) + Σ_{i<k<j} (t_ik·f_kj − f_ik·t_kj)) / (t_jj − t_ii)
/// ```
///
/// The recurrence divides by eigenvalue differences: close or repeated
/// eigenvalues make it inaccurate (large `errest`) or infinite.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `A` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{expm, funm};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [-1.0, 3.0]];
/// let r = funm(&a, |z| z.exp())?;
/// let e = r.f.into_real().expect("real input, real exp");
/// assert!((e - expm(&a)?).iter().all(|d| d.abs() < 1e-12));
/// assert!(r.errest < 1e-12);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn funm<T: Scalar>(
    a: &ArrayRef2<T>,
    func: impl FnMut(Complex64) -> Complex64,
) -> Result<Funm<T::Real>> {
    check::square("A", a)?;
    finite("A", a)?;
    let (f, errest) = funm_c64(to_c64(a), !T::IS_COMPLEX, func)?;
    Ok(Funm {
        f: MaybeComplex::from_c64(f, !T::IS_COMPLEX),
        errest,
    })
}

fn funm_c64(
    a: Array2<Complex64>,
    real: bool,
    mut func: impl FnMut(Complex64) -> Complex64,
) -> Result<(Array2<Complex64>, f64)> {
    let (t, z) = schur_c64(a, real)?;
    let fd: Vec<Complex64> = t.diag().iter().map(|&x| func(x)).collect();
    let (f, mut minden) = parlett(&t, &fd);
    let f = unschur(f, &z);
    let tol = f64::EPSILON;
    if minden == 0.0 {
        minden = tol;
    }
    let mut err = 1f64.min(tol.max(tol / minden * norm1_strict_upper(&t)));
    if f.iter().any(|v| !v.re.is_finite() || !v.im.is_finite()) {
        err = f64::INFINITY;
    }
    Ok((f, err))
}

/// Computes the matrix sign function: `sign(A)`, with eigenvalues ±1 by the
/// sign of the real parts of `A`'s.
///
/// SciPy: `scipy.linalg.signm(A)`. As SciPy: first [`funm`] with a sign that
/// rounds real parts below `1000·ε·max Re λ` to zero; if its error estimate
/// exceeds `1000·ε` (defective or clustered eigenvalues), Newton's iteration
/// `S ← (S + S⁻¹)/2` from `A + I/(2σ_max)` instead.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `A` is not
/// square; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN
/// or infinity; [`Error::Singular`](crate::Error::Singular) if the Newton
/// fallback meets a singular iterate.
///
/// # Examples
/// ```
/// use ferrosci::linalg::signm;
/// use ndarray::array;
///
/// // SciPy's docstring example: eigenvalues 6.8, 0.3, -1.1 give signs 1, 1, -1.
/// let a = array![[1.0_f64, 2.0, 3.0], [1.0, 2.0, 1.0], [1.0, 1.0, 1.0]];
/// let s = signm(&a)?.into_real().unwrap();
/// let tr: f64 = s.diag().sum();
/// assert!((tr - 1.0).abs() < 1e-12); // 1 + 1 − 1
/// assert!((s.dot(&s) - ndarray::Array2::<f64>::eye(3)).iter().all(|d| d.abs() < 1e-12));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn signm<T: Scalar>(a: &ArrayRef2<T>) -> Result<MaybeComplex<T::Real>> {
    let n = check::square("A", a)?;
    finite("A", a)?;
    let real = !T::IS_COMPLEX;
    let ac = to_c64(a);
    let (t, _) = schur_c64(ac.clone(), real)?;
    let maxre = t
        .diag()
        .iter()
        .map(|z| z.re)
        .fold(f64::NEG_INFINITY, f64::max);
    let c = 1e3 * f64::EPSILON * maxre;
    let rounded_sign = |z: Complex64| {
        let r = if z.re.abs() > c { z.re } else { 0.0 };
        Complex64::new(
            if r > 0.0 {
                1.0
            } else if r < 0.0 {
                -1.0
            } else {
                0.0
            },
            0.0,
        )
    };
    let (f, errest) = funm_c64(ac.clone(), real, rounded_sign)?;
    let errtol = 1e3 * f64::EPSILON;
    if errest < errtol {
        return Ok(MaybeComplex::from_c64(f, real));
    }
    // Defective or clustered spectrum: Newton's iteration from a shifted start.
    let smax = svdvals(&ac)?.iter().copied().fold(0.0, f64::max);
    let shift = 0.5 / smax;
    let mut s = ac;
    for i in 0..n {
        s[[i, i]] += shift;
    }
    let mut prev = errest;
    for _ in 0..100 {
        let si = inv(&s)?;
        s = (&s + &si).mapv(|v| v * 0.5);
        let pp = (&mm(&s, &s) + &s).mapv(|v| v * 0.5);
        let err = norm1(&(&mm(&pp, &pp) - &pp));
        if err < errtol || err == prev {
            break;
        }
        prev = err;
    }
    Ok(MaybeComplex::from_c64(s, real))
}
