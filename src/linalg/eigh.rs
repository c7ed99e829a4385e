//! Hermitian (real symmetric) eigenproblem: `eigh`, `eigvalsh`, with
//! subsets and the generalized problem `a·v = λ·b·v`.

use super::kernels::MatMut;
use super::kernels::eigh::tridiagonalize;
use super::kernels::qr::ormqr;
use super::kernels::tridiagonal::Select;
use super::small::{self, Spectrum};
use super::tridiagonal_eig::{EigSelect, kernel_select, tridiagonal_eigen};
use super::util::finite;
use super::{
    CholeskyOptions, RealScalar, Scalar, SolveTriangularOptions, Trans, cholesky_with,
    solve_triangular_with,
};
use crate::{Error, Result, check};
use ndarray::{Array1, Array2, ArrayRef2};
use num_traits::Zero;

/// Eigenvalues and eigenvectors from [`eigh`]: `a · v = v · diag(w)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Eigh<T: Scalar> {
    /// Eigenvalues, real, in ascending order.
    pub w: Array1<T::Real>,
    /// Orthonormal eigenvectors as columns: `v[:, i]` belongs to `w[i]`.
    pub v: Array2<T>,
}

/// Options for [`eigh_with`], [`eigvalsh_with`] and their `_generalized`
/// forms: SciPy's keywords. SciPy's `eigvals_only=True` is
/// [`eigvalsh_with`] (or [`eigvalsh_generalized_with`]) with the same options.
#[derive(Debug, Clone, PartialEq)]
pub struct EighOptions {
    /// Read the lower triangle of `a` (and `b`) (SciPy `lower`, default
    /// `true`); else the upper.
    pub lower: bool,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
    /// Only the eigenvalues with ascending 0-based indices `lo..=hi`, and
    /// their eigenvectors (SciPy `subset_by_index`, default all).
    pub subset_by_index: Option<(usize, usize)>,
    /// Only the eigenvalues in the half-open interval `(lo, hi]`, and their
    /// eigenvectors (SciPy `subset_by_value`, default all).
    pub subset_by_value: Option<(f64, f64)>,
    /// The generalized problem solved with `b` (SciPy `type`, default 1):
    /// 1: `a·v = λ·b·v`; 2: `a·b·v = λ·v`; 3: `b·a·v = λ·v`. Ignored
    /// without `b`.
    pub type_: u8,
}

impl Default for EighOptions {
    fn default() -> Self {
        EighOptions {
            lower: true,
            check_finite: true,
            subset_by_index: None,
            subset_by_value: None,
            type_: 1,
        }
    }
}

/// The kernel's selection from the subset options, checked against `n`.
fn selection<R: RealScalar>(opts: &EighOptions, n: usize) -> Result<Select<R>> {
    match (opts.subset_by_index, opts.subset_by_value) {
        (Some(_), Some(_)) => Err(check::invalid(
            "subset_by_index",
            "cannot be combined with subset_by_value",
        )),
        (Some((lo, hi)), None) => kernel_select("subset_by_index", EigSelect::Index(lo, hi), n),
        (None, Some((lo, hi))) => kernel_select("subset_by_value", EigSelect::Value(lo, hi), n),
        (None, None) => Ok(Select::All),
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

/// The whole spectrum of a small real matrix from [`small::eigh`], or `None`
/// for the generic path (complex, empty or larger input, or a subset).
fn small_path<T: Scalar>(
    a: &ArrayRef2<T>,
    opts: &EighOptions,
    vectors: bool,
) -> Result<Option<Spectrum<T>>> {
    let n = check::square("a", a)?;
    let whole = opts.subset_by_index.is_none() && opts.subset_by_value.is_none();
    if T::IS_COMPLEX || !whole || !(1..=small::MAX).contains(&n) {
        return Ok(None);
    }
    small::eigh(a, opts.lower, opts.check_finite, vectors).map(Some)
}

fn solve<T: Scalar>(
    mut f: Array2<T>,
    vectors: bool,
    select: Select<T::Real>,
) -> Result<Spectrum<T>> {
    let n = f.nrows();
    let mut tau = vec![T::zero(); n.saturating_sub(1)];
    // SAFETY: `f` is an owned, row-major, full Hermitian array; tau has n − 1 entries.
    let (d, e) = unsafe { tridiagonalize(MatMut::from_array(&mut f), &mut tau) };
    let (w, z) = tridiagonal_eigen(&d, &e, select, T::Real::zero(), vectors)?;
    let Some(z) = z else {
        return Ok((w, None));
    };
    let mut v = z.mapv(T::from_real);
    if n > 1 && v.ncols() > 0 {
        let k = v.ncols();
        let fm = MatMut::from_array(&mut f);
        let vm = MatMut::from_array(&mut v);
        // SAFETY: `f` and `v` are separate owned row-major arrays; the
        // reflectors sit below the subdiagonal of `f`.
        unsafe { ormqr(fm.sub(1, 0, n - 1, n - 1), &tau, vm.sub(1, 0, n - 1, k)) };
    }
    Ok((w, Some(v)))
}

/// Eigenvalues and eigenvectors of a Hermitian (real symmetric) matrix.
///
/// SciPy: `scipy.linalg.eigh(a)`. Only the lower triangle is read (SciPy's
/// default `lower=True`). Householder tridiagonalisation, then implicit QR
/// with Wilkinson shifts; eigenvalues come out real and ascending, the
/// eigenvectors orthonormal.
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

/// [`eigh`] with SciPy's keywords (`lower`, `check_finite`,
/// `subset_by_index`, `subset_by_value`).
///
/// SciPy: `scipy.linalg.eigh(a, lower=False)`. A subset goes through
/// bisection and inverse iteration on the tridiagonal form, so `k`
/// eigenpairs cost O(n³) for the reduction plus O(n·k²) rather than a
/// full QR iteration.
///
/// # Errors
/// As [`eigh`]; also [`Error::InvalidArgument`] for an index subset outside
/// `0..n` or with `lo > hi`, a value subset with `lo > hi`, or both subsets.
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
    if let Some((w, v)) = small_path(a, opts, true)? {
        let v = v.expect("vectors were asked for");
        return Ok(Eigh { w, v });
    }
    let f = hermitian_copy(a, opts)?;
    let select = selection(opts, f.nrows())?;
    let (w, v) = solve(f, true, select)?;
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

/// [`eigvalsh`] with SciPy's keywords (`lower`, `check_finite`,
/// `subset_by_index`, `subset_by_value`).
///
/// SciPy: `scipy.linalg.eigh(a, eigvals_only=True, ...)`.
///
/// # Errors
/// As [`eigh_with`].
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
    if let Some((w, _)) = small_path(a, opts, false)? {
        return Ok(w);
    }
    let f = hermitian_copy(a, opts)?;
    let select = selection(opts, f.nrows())?;
    Ok(solve(f, false, select)?.0)
}

/// Reduces the generalized problem to a standard one: `c` Hermitian with
/// the eigenvalues of the pair, and the Cholesky factor `L` (`b = L·Lᴴ`).
fn reduce<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    opts: &EighOptions,
) -> Result<(Array2<T>, Array2<T>)> {
    let af = hermitian_copy(a, opts)?;
    let n = af.nrows();
    check::shape("b", &[n, n], b.shape())?;
    if !(1..=3).contains(&opts.type_) {
        return Err(check::invalid(
            "type_",
            format!("must be 1, 2 or 3, got {}", opts.type_),
        ));
    }
    let bf = hermitian_copy(b, opts).map_err(|e| match e {
        Error::InvalidArgument { reason, .. } => Error::InvalidArgument { name: "b", reason },
        other => other,
    })?;
    let chol = CholeskyOptions {
        lower: true,
        check_finite: false,
    };
    let l = cholesky_with(&bf, &chol).map_err(|e| match e {
        Error::InvalidArgument { reason, .. } => Error::InvalidArgument { name: "b", reason },
        other => other,
    })?;
    let c = if opts.type_ == 1 {
        // c = L⁻¹·a·L⁻ᴴ = L⁻¹·(L⁻¹·a)ᴴ, as a is Hermitian.
        let tri = SolveTriangularOptions {
            lower: true,
            check_finite: false,
            ..Default::default()
        };
        let x = solve_triangular_with(&l, &af, &tri)?;
        let xh = x.t().mapv(|v| v.conj());
        solve_triangular_with(&l, &xh, &tri)?
    } else {
        // c = Lᴴ·a·L.
        l.t().mapv(|v| v.conj()).dot(&af).dot(&l)
    };
    // Symmetrise away the rounding: keep the lower triangle.
    let c = Array2::from_shape_fn((n, n), |(i, j)| match i.cmp(&j) {
        std::cmp::Ordering::Equal => T::from_real(c[[i, i]].re()),
        std::cmp::Ordering::Greater => c[[i, j]],
        std::cmp::Ordering::Less => c[[j, i]].conj(),
    });
    Ok((c, l))
}

/// Eigenvalues and eigenvectors of the generalized Hermitian-definite
/// problem `a·v = λ·b·v` (`b` positive definite).
///
/// SciPy: `scipy.linalg.eigh(a, b)`. With `b = L·Lᴴ` (Cholesky) the problem
/// becomes the standard one for `L⁻¹·a·L⁻ᴴ`, whose eigenvectors `y` give
/// `v = L⁻ᴴ·y`. The eigenvectors are `b`-orthonormal, as LAPACK's `sygv`:
///
/// ```text
/// a · v = b · v · diag(w),   vᴴ · b · v = I
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square or `b` is not `a`'s shape;
/// [`Error::InvalidArgument`] naming `b` if it is not positive definite
/// (SciPy's `LinAlgError`), for NaN or infinity, or as [`eigh_with`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eigh_generalized;
/// use ndarray::{array, Array2};
///
/// let a = array![[2.0_f64, 1.0], [1.0, 3.0]];
/// let b = array![[2.0_f64, 0.0], [0.0, 1.0]];
/// let r = eigh_generalized(&a, &b)?;
/// let resid = a.dot(&r.v) - b.dot(&r.v).dot(&Array2::from_diag(&r.w));
/// assert!(resid.iter().all(|x| x.abs() < 1e-14));
/// assert!((r.v.t().dot(&b).dot(&r.v) - Array2::<f64>::eye(2)).iter().all(|x| x.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigh_generalized<T: Scalar>(a: &ArrayRef2<T>, b: &ArrayRef2<T>) -> Result<Eigh<T>> {
    eigh_generalized_with(a, b, &EighOptions::default())
}

/// [`eigh_generalized`] with SciPy's keywords, including `type`
/// ([`EighOptions::type_`]) and the subsets.
///
/// SciPy: `scipy.linalg.eigh(a, b, type=2)`. Types 1 and 2 return
/// `vᴴ·b·v = I`, type 3 `vᴴ·b⁻¹·v = I`, as LAPACK's `sygv`.
///
/// ```text
/// type 1: a·v = λ·b·v     type 2: a·b·v = λ·v     type 3: b·a·v = λ·v
/// ```
///
/// # Errors
/// As [`eigh_generalized`]; [`Error::InvalidArgument`] for a `type_`
/// other than 1, 2, 3.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eigh_generalized_with, EighOptions};
/// use ndarray::{array, Array2};
///
/// let a = array![[2.0_f64, 1.0], [1.0, 3.0]];
/// let b = array![[2.0_f64, 0.5], [0.5, 1.0]];
/// let r = eigh_generalized_with(&a, &b, &EighOptions { type_: 2, ..Default::default() })?;
/// let resid = a.dot(&b).dot(&r.v) - r.v.dot(&Array2::from_diag(&r.w));
/// assert!(resid.iter().all(|x| x.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigh_generalized_with<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    opts: &EighOptions,
) -> Result<Eigh<T>> {
    let (c, l) = reduce(a, b, opts)?;
    let select = selection(opts, c.nrows())?;
    let (w, y) = solve(c, true, select)?;
    let y = y.expect("vectors were asked for");
    let v = if opts.type_ == 3 {
        l.dot(&y)
    } else {
        let tri = SolveTriangularOptions {
            lower: true,
            trans: Trans::C,
            check_finite: false,
            ..Default::default()
        };
        solve_triangular_with(&l, &y, &tri)?
    };
    Ok(Eigh { w, v })
}

/// Eigenvalues only of the generalized Hermitian-definite problem
/// `a·v = λ·b·v`, ascending.
///
/// SciPy: `scipy.linalg.eigvalsh(a, b)`.
///
/// # Errors
/// As [`eigh_generalized`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::eigvalsh_generalized;
/// use ndarray::array;
///
/// let w = eigvalsh_generalized(&array![[4.0_f64, 0.0], [0.0, 9.0]], &array![[2.0, 0.0], [0.0, 1.0]])?;
/// assert!((w[0] - 2.0).abs() < 1e-15 && (w[1] - 9.0).abs() < 1e-15);
/// assert!(eigvalsh_generalized(&array![[1.0_f64]], &array![[-1.0]]).is_err());
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvalsh_generalized<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
) -> Result<Array1<T::Real>> {
    eigvalsh_generalized_with(a, b, &EighOptions::default())
}

/// [`eigvalsh_generalized`] with SciPy's keywords (`type`, subsets, `lower`).
///
/// SciPy: `scipy.linalg.eigh(a, b, eigvals_only=True, subset_by_index=(lo, hi))`.
///
/// # Errors
/// As [`eigh_generalized_with`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{eigvalsh_generalized_with, EighOptions};
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 0.0, 0.0], [0.0, 9.0, 0.0], [0.0, 0.0, 1.0]];
/// let b = array![[2.0_f64, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 4.0]];
/// let opts = EighOptions { subset_by_index: Some((1, 2)), ..Default::default() };
/// let w = eigvalsh_generalized_with(&a, &b, &opts)?;
/// assert!(w.len() == 2 && (w[0] - 2.0).abs() < 1e-15 && (w[1] - 9.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn eigvalsh_generalized_with<T: Scalar>(
    a: &ArrayRef2<T>,
    b: &ArrayRef2<T>,
    opts: &EighOptions,
) -> Result<Array1<T::Real>> {
    let (c, _) = reduce(a, b, opts)?;
    let select = selection(opts, c.nrows())?;
    Ok(solve(c, false, select)?.0)
}
