//! LU decomposition with partial pivoting: `lu`, `lu_factor`, `lu_solve`.

use super::kernels::MatMut;
use super::kernels::lu::getrf;
use super::kernels::trsm::{Uplo, trsm_left};
use super::util::{finite, rhs_back, rhs_copy};
use super::{Scalar, Trans};
use crate::{Error, Result};
use ndarray::{Array, Array1, Array2, ArrayRef, ArrayRef2, Dimension};

/// The three factors of [`lu`]: `a = p · l · u`.
#[derive(Debug, Clone, PartialEq)]
pub struct Lu<T> {
    /// `M × M` permutation matrix.
    pub p: Array2<T>,
    /// `M × K` unit lower-trapezoidal factor, `K = min(M, N)`.
    pub l: Array2<T>,
    /// `K × N` upper-trapezoidal factor.
    pub u: Array2<T>,
}

/// The two factors of [`lu_permute_l`]: `a = pl · u`.
#[derive(Debug, Clone, PartialEq)]
pub struct LuPermuted<T> {
    /// `M × K` permuted lower factor `p · l`.
    pub pl: Array2<T>,
    /// `K × N` upper-trapezoidal factor.
    pub u: Array2<T>,
}

/// A reusable LU factorization from [`lu_factor`], solved with [`lu_solve`].
///
/// SciPy returns the tuple `(lu, piv)`; the fields carry the same content.
#[derive(Debug, Clone, PartialEq)]
pub struct LuFactor<T> {
    /// `L` below the diagonal (unit diagonal implied) and `U` on and above it.
    pub lu: Array2<T>,
    /// Row `i` was interchanged with row `piv[i]` (0-based, LAPACK's `ipiv`).
    pub piv: Array1<usize>,
}

/// Options for [`lu_solve_with`]; SciPy's keywords of `lu_solve`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LuSolveOptions {
    /// Which system to solve (SciPy `trans`: 0, 1, 2).
    pub trans: Trans,
    /// Reject non-finite `b` (SciPy `check_finite`, default `true`).
    pub check_finite: Option<bool>,
}

/// Factors a copy of `a` (any `M × N`), returning the combined storage and pivots.
fn factor<T: Scalar>(
    a: &ArrayRef2<T>,
    check_finite: bool,
) -> Result<(Array2<T>, Vec<usize>, Option<usize>)> {
    if check_finite {
        finite("a", a)?;
    }
    let mut f = a.as_standard_layout().into_owned();
    let mut piv = vec![0; f.nrows().min(f.ncols())];
    // SAFETY: `f` is an owned row-major array; `piv` has min(M, N) entries.
    let zero = unsafe { getrf(MatMut::from_array(&mut f), &mut piv) };
    Ok((f, piv, zero))
}

/// Row permutation `perm` with `(P·L·U)[perm[i]] = (L·U)[i]`, i.e.
/// `a[perm[i], :] = (l·u)[i, :]`.
fn row_perm(piv: &[usize], m: usize) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..m).collect();
    for (i, &p) in piv.iter().enumerate() {
        perm.swap(i, p);
    }
    perm
}

fn split_lu<T: Scalar>(f: &Array2<T>) -> (Array2<T>, Array2<T>) {
    let (m, n) = f.dim();
    let k = m.min(n);
    let l = Array2::from_shape_fn((m, k), |(i, j)| match i.cmp(&j) {
        std::cmp::Ordering::Greater => f[[i, j]],
        std::cmp::Ordering::Equal => T::one(),
        std::cmp::Ordering::Less => T::zero(),
    });
    let u = Array2::from_shape_fn((k, n), |(i, j)| if j >= i { f[[i, j]] } else { T::zero() });
    (l, u)
}

/// LU decomposition with partial pivoting of an `M × N` matrix: `a = p·l·u`.
///
/// SciPy: `scipy.linalg.lu(a)`. `l` is unit lower-trapezoidal (`M × K`), `u`
/// upper-trapezoidal (`K × N`), `K = min(M, N)`; `|l_ij| ≤ 1`. A singular
/// matrix factors fine (its `u` has a zero on the diagonal).
///
/// ```text
/// a = p · l · u
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] if `a` holds NaN or infinity (SciPy's `check_finite`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{lu, Lu};
/// use ndarray::array;
///
/// let a = array![[2.0_f64, 5.0, 8.0, 7.0], [5.0, 2.0, 2.0, 8.0], [7.0, 5.0, 6.0, 6.0], [5.0, 4.0, 4.0, 8.0]];
/// let Lu { p, l, u } = lu(&a)?;
/// assert!((p.dot(&l).dot(&u) - &a).iter().all(|e| e.abs() < 1e-13));
/// assert_eq!(p[[2, 0]], 1.0); // the largest first-column entry, 7, is the first pivot
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lu<T: Scalar>(a: &ArrayRef2<T>) -> Result<Lu<T>> {
    let (f, piv, _) = factor(a, true)?;
    let m = f.nrows();
    let perm = row_perm(&piv, m);
    let mut p = Array2::zeros((m, m));
    for (i, &r) in perm.iter().enumerate() {
        p[[r, i]] = T::one();
    }
    let (l, u) = split_lu(&f);
    Ok(Lu { p, l, u })
}

/// LU decomposition with the permutation applied to `l`: `a = pl·u`.
///
/// SciPy: `scipy.linalg.lu(a, permute_l=True)`.
///
/// # Errors
/// [`Error::InvalidArgument`] if `a` holds NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{lu_permute_l, LuPermuted};
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [3.0, 4.0], [5.0, 6.0]];
/// let LuPermuted { pl, u } = lu_permute_l(&a)?;
/// assert_eq!(u.dim(), (2, 2));
/// assert!((pl.dot(&u) - &a).iter().all(|e| e.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lu_permute_l<T: Scalar>(a: &ArrayRef2<T>) -> Result<LuPermuted<T>> {
    let (f, piv, _) = factor(a, true)?;
    let perm = row_perm(&piv, f.nrows());
    let (l, u) = split_lu(&f);
    let mut pl = Array2::zeros(l.raw_dim());
    for (i, &r) in perm.iter().enumerate() {
        pl.row_mut(r).assign(&l.row(i));
    }
    Ok(LuPermuted { pl, u })
}

/// LU factorization in LAPACK's compact form, for repeated solves.
///
/// SciPy: `scipy.linalg.lu_factor(a)`. Accepts any `M × N` matrix, as SciPy
/// does; [`lu_solve`] needs a square one. A singular matrix factors (SciPy
/// warns); solving with it is then an [`Error::Singular`].
///
/// # Errors
/// [`Error::InvalidArgument`] if `a` holds NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{lu_factor, lu_solve};
/// use ndarray::array;
///
/// let a = array![[2.0_f64, 5.0, 8.0, 7.0], [5.0, 2.0, 2.0, 8.0], [7.0, 5.0, 6.0, 6.0], [5.0, 4.0, 4.0, 8.0]];
/// let f = lu_factor(&a)?;
/// assert_eq!(f.piv.to_vec(), vec![2, 2, 3, 3]); // as SciPy's piv
/// let b = array![1.0_f64, 1.0, 1.0, 1.0];
/// let x = lu_solve(&f, &b)?;
/// assert!((a.dot(&x) - &b).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lu_factor<T: Scalar>(a: &ArrayRef2<T>) -> Result<LuFactor<T>> {
    let (lu, piv, _) = factor(a, true)?;
    Ok(LuFactor {
        lu,
        piv: Array1::from(piv),
    })
}

/// Solves `a·x = b` with a factorization from [`lu_factor`].
///
/// SciPy: `scipy.linalg.lu_solve((lu, piv), b)`. `b` is a vector of length
/// `N` or an `N × K` matrix of right-hand sides; `x` has `b`'s shape.
///
/// # Errors
/// [`Error::ShapeMismatch`] if the factor is not square or `b` has the wrong
/// number of rows; [`Error::Singular`] if `U` has an exactly zero pivot;
/// [`Error::InvalidArgument`] if `b` holds NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{lu_factor, lu_solve};
/// use ndarray::array;
///
/// let a = array![[3.0_f64, 1.0], [1.0, 2.0]];
/// let x = lu_solve(&lu_factor(&a)?, &array![9.0_f64, 8.0])?;
/// assert!((x[0] - 2.0).abs() < 1e-15 && (x[1] - 3.0).abs() < 1e-15);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lu_solve<T: Scalar, D: Dimension>(
    lu: &LuFactor<T>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    lu_solve_with(lu, b, &LuSolveOptions::default())
}

/// [`lu_solve`] with SciPy's keywords: `trans` solves `aᵀ·x = b` or `aᴴ·x = b`.
///
/// SciPy: `scipy.linalg.lu_solve((lu, piv), b, trans=..., check_finite=...)`.
///
/// # Errors
/// As [`lu_solve`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{lu_factor, lu_solve_with, LuSolveOptions, Trans};
/// use ndarray::array;
///
/// let a = array![[3.0_f64, 5.0], [1.0, 2.0]];
/// let b = array![4.0_f64, 7.0];
/// let opts = LuSolveOptions { trans: Trans::T, ..Default::default() };
/// let x = lu_solve_with(&lu_factor(&a)?, &b, &opts)?;
/// assert!((a.t().dot(&x) - &b).iter().all(|e| e.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn lu_solve_with<T: Scalar, D: Dimension>(
    lu: &LuFactor<T>,
    b: &ArrayRef<T, D>,
    opts: &LuSolveOptions,
) -> Result<Array<T, D>> {
    let n = crate::check::square("lu", &lu.lu)?;
    if lu.piv.len() != n || lu.piv.iter().any(|&p| p >= n) {
        return Err(crate::check::invalid(
            "piv",
            format!("must hold {n} row indices below {n}"),
        ));
    }
    let mut x = rhs_copy("b", b, n, opts.check_finite.unwrap_or(true))?;
    let f = lu.lu.as_standard_layout();
    solve_factored(&f, &lu.piv.to_vec(), opts.trans, &mut x)?;
    Ok(rhs_back(x, b))
}

/// Solves in place with the compact factor `f` (row-major) and pivots `piv`.
pub(crate) fn solve_factored<T: Scalar>(
    f: &ArrayRef2<T>,
    piv: &[usize],
    trans: Trans,
    x: &mut Array2<T>,
) -> Result<()> {
    let n = f.nrows();
    if let Some(z) = (0..n).find(|&i| f[[i, i]] == T::zero()) {
        return Err(Error::Singular { pivot: z });
    }
    if x.ncols() == 0 || n == 0 {
        return Ok(());
    }
    assert!(f.is_standard_layout(), "factor storage must be row-major");
    // aᵀ·x = b  ⇔  aᴴ·conj(x) = conj(b).
    let conj = trans == Trans::T && T::IS_COMPLEX;
    if conj {
        x.mapv_inplace(|v| v.conj());
    }
    // The kernels take mutable views; they only read the factor.
    let fm = MatMut {
        ptr: f.as_ptr() as *mut T,
        rows: n,
        cols: n,
        ld: n,
    };
    let xm = MatMut::from_array(x);
    // SAFETY: `f` is a row-major square array that the triangular solves only
    // read; `x` is a separate, exclusive row-major `n × k` array.
    unsafe {
        if trans == Trans::N {
            for (i, &p) in piv.iter().enumerate() {
                xm.swap_rows(i, p);
            }
            trsm_left(Uplo::Lower, false, true, fm, xm);
            trsm_left(Uplo::Upper, false, false, fm, xm);
        } else {
            trsm_left(Uplo::Upper, true, false, fm, xm);
            trsm_left(Uplo::Lower, true, true, fm, xm);
            for (i, &p) in piv.iter().enumerate().rev() {
                xm.swap_rows(i, p);
            }
        }
    }
    if conj {
        x.mapv_inplace(|v| v.conj());
    }
    Ok(())
}
