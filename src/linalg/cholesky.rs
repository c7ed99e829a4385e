//! Cholesky decomposition of Hermitian positive-definite matrices:
//! `cholesky`, `cho_factor`, `cho_solve`.

use super::Scalar;
use super::kernels::MatMut;
use super::kernels::cholesky::potrf_upper;
use super::kernels::trsm::{Uplo, trsm_left};
use super::util::{finite, rhs_back, rhs_copy};
use crate::{Result, check};
use ndarray::{Array, Array2, ArrayRef, ArrayRef2, Dimension};

/// Options for [`cholesky_with`] and [`cho_factor_with`].
#[derive(Debug, Clone, PartialEq)]
pub struct CholeskyOptions {
    /// Compute `L` with `a = L·Lᴴ` from the lower triangle, instead of `U` with
    /// `a = Uᴴ·U` from the upper triangle (SciPy `lower`, default `false`).
    pub lower: bool,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for CholeskyOptions {
    fn default() -> Self {
        CholeskyOptions {
            lower: false,
            check_finite: true,
        }
    }
}

/// A reusable Cholesky factorization from [`cho_factor`], solved with
/// [`cho_solve`]. SciPy returns the tuple `(c, lower)`.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoFactor<T> {
    /// The triangular factor; the other triangle is zero (SciPy leaves
    /// arbitrary data there).
    pub c: Array2<T>,
    /// Whether `c` is the lower factor `L` (else the upper factor `U`).
    pub lower: bool,
}

/// The upper factor `U` (`a = Uᴴ·U`) of the chosen triangle of `a`, with the
/// strict lower part zeroed.
fn factor_upper<T: Scalar>(a: &ArrayRef2<T>, lower: bool, check_finite: bool) -> Result<Array2<T>> {
    let n = check::square("a", a)?;
    if check_finite {
        finite("a", a)?;
    }
    // Reading the lower triangle as the upper one of `aᴴ` keeps one kernel.
    let mut u = if lower {
        let mut t = Array2::zeros((n, n));
        for ((i, j), v) in t.indexed_iter_mut() {
            *v = a[[j, i]].conj();
        }
        t
    } else {
        a.as_standard_layout().into_owned()
    };
    // SAFETY: `u` is an owned row-major n × n array.
    unsafe { potrf_upper(MatMut::from_array(&mut u)) }.map_err(|j| {
        check::invalid(
            "a",
            format!(
                "matrix is not positive definite: the leading minor of order {} is not positive",
                j + 1
            ),
        )
    })?;
    for i in 0..n {
        for j in 0..i {
            u[[i, j]] = T::zero();
        }
    }
    Ok(u)
}

fn conj_transpose<T: Scalar>(u: &Array2<T>) -> Array2<T> {
    u.t().mapv(|v| v.conj()).as_standard_layout().into_owned()
}

/// Cholesky decomposition: the upper-triangular `U` with `a = Uᴴ·U`.
///
/// SciPy: `scipy.linalg.cholesky(a)` (upper by default, as SciPy). Only the
/// upper triangle of `a` is read; `a` is taken to be Hermitian.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not square;
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) if `a` is not
/// positive definite (SciPy's `LinAlgError`) or holds NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::cholesky;
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 2.0], [2.0, 5.0]];
/// let u = cholesky(&a)?;
/// assert_eq!(u, array![[2.0_f64, 1.0], [0.0, 2.0]]);
/// assert!(cholesky(&array![[1.0_f64, 2.0], [2.0, 1.0]]).is_err());
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cholesky<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    cholesky_with(a, &CholeskyOptions::default())
}

/// [`cholesky`] with SciPy's keywords: `lower` returns `L` with `a = L·Lᴴ`.
///
/// SciPy: `scipy.linalg.cholesky(a, lower=True)`.
///
/// # Errors
/// As [`cholesky`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cholesky_with, CholeskyOptions};
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 2.0], [2.0, 5.0]];
/// let l = cholesky_with(&a, &CholeskyOptions { lower: true, ..Default::default() })?;
/// assert_eq!(l, array![[2.0_f64, 0.0], [1.0, 2.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cholesky_with<T: Scalar>(a: &ArrayRef2<T>, opts: &CholeskyOptions) -> Result<Array2<T>> {
    let u = factor_upper(a, opts.lower, opts.check_finite)?;
    Ok(if opts.lower { conj_transpose(&u) } else { u })
}

/// Cholesky factorization for repeated solves with [`cho_solve`].
///
/// SciPy: `scipy.linalg.cho_factor(a)` (upper by default).
///
/// # Errors
/// As [`cholesky`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cho_factor, cho_solve};
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 2.0], [2.0, 5.0]];
/// let f = cho_factor(&a)?;
/// let x = cho_solve(&f, &array![6.0_f64, 7.0])?;
/// assert!((x[0] - 1.0).abs() < 1e-15 && (x[1] - 1.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cho_factor<T: Scalar>(a: &ArrayRef2<T>) -> Result<ChoFactor<T>> {
    cho_factor_with(a, &CholeskyOptions::default())
}

/// [`cho_factor`] with SciPy's keywords (`lower`, `check_finite`).
///
/// SciPy: `scipy.linalg.cho_factor(a, lower=True)`.
///
/// # Errors
/// As [`cholesky`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cho_factor_with, CholeskyOptions};
/// use ndarray::array;
///
/// let f = cho_factor_with(&array![[9.0_f64, 3.0], [3.0, 5.0]], &CholeskyOptions { lower: true, ..Default::default() })?;
/// assert!(f.lower);
/// assert_eq!(f.c, array![[3.0_f64, 0.0], [1.0, 2.0]]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cho_factor_with<T: Scalar>(
    a: &ArrayRef2<T>,
    opts: &CholeskyOptions,
) -> Result<ChoFactor<T>> {
    Ok(ChoFactor {
        c: cholesky_with(a, opts)?,
        lower: opts.lower,
    })
}

/// Solves `a·x = b` with a factorization from [`cho_factor`].
///
/// SciPy: `scipy.linalg.cho_solve((c, lower), b)`. `b` is a vector or an
/// `N × K` matrix; `x` has its shape.
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `c` is not square
/// or `b` has the wrong number of rows;
/// [`Error::Singular`](crate::Error::Singular) if `c` has a zero on its
/// diagonal; [`Error::InvalidArgument`](crate::Error::InvalidArgument) for
/// NaN or infinity in `b`.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{cho_factor, cho_solve};
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 2.0], [2.0, 5.0]];
/// let b = array![[6.0_f64, 2.0], [7.0, -3.0]];
/// let x = cho_solve(&cho_factor(&a)?, &b)?;
/// assert!((a.dot(&x) - &b).iter().all(|e| e.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn cho_solve<T: Scalar, D: Dimension>(
    c: &ChoFactor<T>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    let n = check::square("c", &c.c)?;
    let mut x = rhs_copy("b", b, n, true)?;
    if let Some(z) = (0..n).find(|&i| c.c[[i, i]] == T::zero()) {
        return Err(crate::Error::Singular { pivot: z });
    }
    let mut t = c.c.as_standard_layout().into_owned();
    solve_with_factor(&mut t, c.lower, &mut x);
    Ok(rhs_back(x, b))
}

/// `x ← a⁻¹·x` given the triangular factor `t` (`L` if `lower`, else `U`).
fn solve_with_factor<T: Scalar>(t: &mut Array2<T>, lower: bool, x: &mut Array2<T>) {
    if t.nrows() == 0 || x.ncols() == 0 {
        return;
    }
    let tm = MatMut::from_array(t);
    let xm = MatMut::from_array(x);
    let uplo = if lower { Uplo::Lower } else { Uplo::Upper };
    // SAFETY: `t` and `x` are separate owned row-major arrays. a = Uᴴ·U:
    // solve Uᴴ·y = x then U·x = y (for L: L·y = x then Lᴴ·x = y).
    unsafe {
        trsm_left(uplo, !lower, false, tm, xm);
        trsm_left(uplo, lower, false, tm, xm);
    }
}

/// Factors the chosen triangle of `a` and solves `a·x = b` in place
/// (`solve(assume_a="positive definite")`).
pub(crate) fn cho_solve_in_place<T: Scalar>(
    a: &ArrayRef2<T>,
    lower: bool,
    x: &mut Array2<T>,
) -> Result<()> {
    let mut u = factor_upper(a, lower, false)?;
    solve_with_factor(&mut u, false, x);
    Ok(())
}
