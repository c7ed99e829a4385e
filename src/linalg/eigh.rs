//! Hermitian (real symmetric) eigenproblem: `eigh`, `eigvalsh`.

use super::kernels::MatMut;
use super::kernels::eigh::{tridiagonal_qr, tridiagonalize};
use super::kernels::qr::ormqr;
use super::util::finite;
use super::{RealScalar, Scalar};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef2};
use num_traits::{Float, One, Zero};

/// Eigenvalues and eigenvectors from [`eigh`]: `a · v = v · diag(w)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Eigh<T: Scalar> {
    /// Eigenvalues, real, in ascending order.
    pub w: Array1<T::Real>,
    /// Orthonormal eigenvectors as columns: `v[:, i]` belongs to `w[i]`.
    pub v: Array2<T>,
}

/// Options for [`eigh_with`] and [`eigvalsh_with`]: SciPy's keywords.
#[derive(Debug, Clone, PartialEq)]
pub struct EighOptions {
    /// Read the lower triangle of `a` (SciPy `lower`, default `true`); else the upper.
    pub lower: bool,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for EighOptions {
    fn default() -> Self {
        EighOptions {
            lower: true,
            check_finite: true,
        }
    }
}

/// The full Hermitian matrix from one triangle of `a` (diagonal made real).
fn hermitian_copy<T: Scalar>(a: &ArrayRef2<T>, opts: &EighOptions) -> Result<Array2<T>> {
    let n = check::square("a", a)?;
    if opts.check_finite {
        finite("a", a)?;
    }
    Ok(Array2::from_shape_fn((n, n), |(i, j)| {
        let from_lower = (i >= j) == opts.lower;
        match i.cmp(&j) {
            std::cmp::Ordering::Equal => T::from_real(a[[i, i]].re()),
            _ if from_lower => a[[i, j]],
            _ => a[[j, i]].conj(),
        }
    }))
}

/// Eigenvalues, and eigenvectors when asked for.
type Spectrum<T> = (Array1<<T as Scalar>::Real>, Option<Array2<T>>);

fn solve<T: Scalar>(mut f: Array2<T>, vectors: bool) -> Result<Spectrum<T>> {
    let n = f.nrows();
    let mut tau = vec![T::zero(); n.saturating_sub(1)];
    // SAFETY: `f` is an owned, row-major, full Hermitian array; tau has n − 1 entries.
    let (mut d, mut e) = unsafe { tridiagonalize(MatMut::from_array(&mut f), &mut tau) };
    let not_converged = |e: &[T::Real], it: usize| Error::NotConverged {
        iterations: it,
        residual: e.iter().fold(0.0, |s, v| s.max(v.abs().to_f64_real())),
    };
    if !vectors {
        tridiagonal_qr(&mut d, &mut e, None).map_err(|it| not_converged(&e, it))?;
        d.sort_by(|a, b| a.partial_cmp(b).expect("finite eigenvalues"));
        return Ok((Array1::from(d), None));
    }
    let mut z: Vec<T::Real> = (0..n * n)
        .map(|k| {
            if k % (n + 1) == 0 {
                T::Real::one()
            } else {
                T::Real::zero()
            }
        })
        .collect();
    tridiagonal_qr(&mut d, &mut e, Some(&mut z)).map_err(|it| not_converged(&e, it))?;
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| d[a].partial_cmp(&d[b]).expect("finite eigenvalues"));
    // v = Q·Zᵀ with Q = diag(1, H₀⋯H_{n−2}), reflector k acting on rows k+1...
    let mut v = Array2::from_shape_fn((n, n), |(i, c)| T::from_real(z[order[c] * n + i]));
    if n > 1 {
        let f = MatMut::from_array(&mut f);
        let vm = MatMut::from_array(&mut v);
        // SAFETY: `f` and `v` are separate owned row-major arrays; the
        // reflectors sit below the subdiagonal of `f`.
        unsafe { ormqr(f.sub(1, 0, n - 1, n - 1), &tau, vm.sub(1, 0, n - 1, n)) };
    }
    let w = Array1::from_iter(order.iter().map(|&k| d[k]));
    Ok((w, Some(v)))
}

/// Eigenvalues and eigenvectors of a Hermitian (real symmetric) matrix.
///
/// SciPy: `scipy.linalg.eigh(a)`. Only the lower triangle is read (SciPy's
/// default `lower=True`). Blocked Householder tridiagonalisation, then divide
/// and conquer on the tridiagonal (implicit QR with Wilkinson shifts below a
/// few dozen rows, as LAPACK's `syevd`); eigenvalues come out real and
/// ascending, the eigenvectors orthonormal.
///
/// ```text
/// a · v = v · diag(w),   vᴴ · v = I
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square; [`Error::InvalidArgument`]
/// for NaN or infinity; [`Error::NotConverged`] if the QR iteration exceeds
/// its budget (not seen in practice).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eigh, Eigh};
/// use ndarray::{array, Array2};
///
/// let a = array![[2.0_f64, 1.0], [1.0, 2.0]];
/// let Eigh { w, v } = eigh(&a)?;
/// assert!((w[0] - 1.0).abs() < 1e-15 && (w[1] - 3.0).abs() < 1e-15);
/// assert!((a.dot(&v) - v.dot(&Array2::from_diag(&w))).iter().all(|e| e.abs() < 1e-15));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigh<T: Scalar>(a: &ArrayRef2<T>) -> Result<Eigh<T>> {
    eigh_with(a, &EighOptions::default())
}

/// [`eigh`] with SciPy's keywords (`lower`, `check_finite`).
///
/// SciPy: `scipy.linalg.eigh(a, lower=False)`.
///
/// # Errors
/// As [`eigh`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eigh_with, EighOptions};
/// use ndarray::array;
///
/// // Only the upper triangle is read: the 99 is ignored.
/// let a = array![[2.0_f64, 1.0], [99.0, 2.0]];
/// let r = eigh_with(&a, &EighOptions { lower: false, ..Default::default() })?;
/// assert!((r.w[0] - 1.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigh_with<T: Scalar>(a: &ArrayRef2<T>, opts: &EighOptions) -> Result<Eigh<T>> {
    let (w, v) = solve(hermitian_copy(a, opts)?, true)?;
    Ok(Eigh {
        w,
        v: v.expect("vectors were asked for"),
    })
}

/// Eigenvalues only of a Hermitian (real symmetric) matrix, ascending.
///
/// SciPy: `scipy.linalg.eigvalsh(a)`.
///
/// # Errors
/// As [`eigh`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eigvalsh;
/// use ndarray::array;
/// use num_complex::Complex64;
///
/// let i = Complex64::new(0.0, 1.0);
/// let a = array![[Complex64::new(2.0, 0.0), -i], [i, Complex64::new(2.0, 0.0)]];
/// let w = eigvalsh(&a)?;
/// assert!((w[0] - 1.0).abs() < 1e-15 && (w[1] - 3.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvalsh<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array1<T::Real>> {
    eigvalsh_with(a, &EighOptions::default())
}

/// [`eigvalsh`] with SciPy's keywords (`lower`, `check_finite`).
///
/// # Errors
/// As [`eigh`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eigvalsh_with, EighOptions};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 5.0], [0.0, 1.0]]; // upper triangle: [[1, 5], [5, 1]]
/// let w = eigvalsh_with(&a, &EighOptions { lower: false, ..Default::default() })?;
/// assert!((w[0] + 4.0).abs() < 1e-14 && (w[1] - 6.0).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvalsh_with<T: Scalar>(a: &ArrayRef2<T>, opts: &EighOptions) -> Result<Array1<T::Real>> {
    Ok(solve(hermitian_copy(a, opts)?, false)?.0)
}
