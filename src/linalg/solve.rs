//! Linear systems and what LU gives for free: `solve`, `solve_triangular`,
//! `inv`, `det`, `slogdet`.

use super::Scalar;
use super::banded::solve_banded;
use super::cholesky::cho_solve_in_place;
use super::kernels::MatMut;
use super::kernels::lu::{getrf, swap_parity};
use super::kernels::trsm::{Uplo, inv_lower_unit, trsm_left};
use super::lu::solve_factored;
use super::small;
use super::structure::bandwidth;
use super::util::{eye, finite, rhs_back, rhs_copy, square_copy};
use crate::{Error, Result, check};
use ndarray::{Array, Array2, ArrayRef, ArrayRef2, Dimension};
use num_traits::{Float, Zero};

/// Which system a triangular or LU solve addresses (SciPy `trans` = 0, 1, 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Trans {
    /// `a·x = b` (SciPy `trans=0` or `'N'`).
    #[default]
    N,
    /// `aᵀ·x = b` (SciPy `trans=1` or `'T'`).
    T,
    /// `aᴴ·x = b` (SciPy `trans=2` or `'C'`).
    C,
}

/// The structure [`solve_with`] may assume of `a` (SciPy `assume_a`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum AssumeA {
    /// Detect it: diagonal or triangular matrices are solved directly,
    /// anything else by LU (SciPy `assume_a=None`, the default).
    #[default]
    Auto,
    /// General matrix, LU with partial pivoting (`'general'`, `'gen'`).
    General,
    /// Symmetric matrix (`'symmetric'`, `'sym'`); solved by LU here, which
    /// gives the same answer as SciPy's `sytrf` to rounding.
    Symmetric,
    /// Hermitian matrix (`'hermitian'`, `'her'`); solved by LU here.
    Hermitian,
    /// Hermitian positive definite (`'positive definite'`, `'pos'`): Cholesky
    /// of the triangle chosen by `lower`.
    PositiveDefinite,
    /// Diagonal matrix (`'diagonal'`): only the diagonal is read.
    Diagonal,
    /// Upper triangular (`'upper triangular'`): only that triangle is read.
    UpperTriangular,
    /// Lower triangular (`'lower triangular'`): only that triangle is read.
    LowerTriangular,
    /// Tridiagonal (`'tridiagonal'`): entries outside the three central
    /// diagonals are ignored; banded LU with partial pivoting.
    Tridiagonal,
    /// Banded (`'banded'`): the bandwidths are measured from `a`, then
    /// banded LU with partial pivoting ([`solve_banded`](crate::linalg::solve_banded)).
    Banded,
}

/// Options for [`solve_with`]: SciPy's keywords of `scipy.linalg.solve`.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveOptions {
    /// Structure of `a` (SciPy `assume_a`).
    pub assume_a: AssumeA,
    /// For `PositiveDefinite`, read the lower triangle instead of the upper
    /// (SciPy `lower`, default `false`).
    pub lower: bool,
    /// Solve `aᵀ·x = b` instead (SciPy `transposed`, default `false`).
    pub transposed: bool,
    /// Reject NaN and infinity in `a` and `b` (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for SolveOptions {
    fn default() -> Self {
        SolveOptions {
            assume_a: AssumeA::Auto,
            lower: false,
            transposed: false,
            check_finite: true,
        }
    }
}

/// Solves the square system `a·x = b`.
///
/// SciPy: `scipy.linalg.solve(a, b)`. `b` is a vector of length `N` or an
/// `N × K` matrix of right-hand sides; `x` has `b`'s shape. Diagonal and
/// triangular `a` are detected and solved directly; otherwise LU with partial
/// pivoting.
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square or `b` has the wrong number of
/// rows; [`Error::Singular`] if `a` is singular; [`Error::InvalidArgument`] if
/// an input holds NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve;
/// use ndarray::array;
///
/// let a = array![[3.0_f64, 2.0, 0.0], [1.0, -1.0, 0.0], [0.0, 5.0, 1.0]];
/// let b = array![2.0_f64, 4.0, -1.0];
/// let x = solve(&a, &b)?;
/// let want = [2.0, -2.0, 9.0];
/// assert!(x.iter().zip(want).all(|(x, w)| (x - w).abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve<T: Scalar, D: Dimension>(a: &ArrayRef2<T>, b: &ArrayRef<T, D>) -> Result<Array<T, D>> {
    solve_with(a, b, &SolveOptions::default())
}

/// [`solve`] with SciPy's keywords (`assume_a`, `lower`, `transposed`, `check_finite`).
///
/// SciPy: `scipy.linalg.solve(a, b, assume_a=..., lower=..., transposed=...)`.
///
/// # Errors
/// As [`solve`]; with [`AssumeA::PositiveDefinite`], [`Error::InvalidArgument`]
/// if `a` is not positive definite (SciPy raises `LinAlgError`).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{solve_with, AssumeA, SolveOptions};
/// use ndarray::array;
///
/// let a = array![[4.0_f64, 1.0], [1.0, 3.0]];
/// let b = array![[1.0_f64, 0.0], [2.0, 1.0]]; // two right-hand sides
/// let opts = SolveOptions { assume_a: AssumeA::PositiveDefinite, ..Default::default() };
/// let x = solve_with(&a, &b, &opts)?;
/// assert!((a.dot(&x) - &b).iter().all(|e| e.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_with<T: Scalar, D: Dimension>(
    a: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
    opts: &SolveOptions,
) -> Result<Array<T, D>> {
    let n = check::square("a", a)?;
    let mut x = rhs_copy("b", b, n, opts.check_finite)?;
    if opts.check_finite {
        finite("a", a)?;
    }
    let kind = match opts.assume_a {
        AssumeA::Auto => detect(a),
        other => other,
    };
    let trans = if opts.transposed { Trans::T } else { Trans::N };
    match kind {
        AssumeA::Diagonal => {
            for i in 0..n {
                let d = a[[i, i]];
                if d == T::zero() {
                    return Err(Error::Singular { pivot: i });
                }
                x.row_mut(i).mapv_inplace(|v| v / d);
            }
        }
        AssumeA::UpperTriangular | AssumeA::LowerTriangular => {
            let lower = kind == AssumeA::LowerTriangular;
            triangular_in_place(a, &mut x, trans, lower, false)?;
        }
        AssumeA::Tridiagonal | AssumeA::Banded => {
            let at;
            let m = if opts.transposed {
                at = a.t().to_owned();
                at.view()
            } else {
                a.view()
            };
            let (l, u) = if kind == AssumeA::Tridiagonal {
                (1, 1)
            } else {
                bandwidth(&m)
            };
            let ab = Array2::from_shape_fn((l + u + 1, n), |(r, j)| {
                let i = (r + j).wrapping_sub(u); // row of a: r = u + i − j
                if i < n { m[[i, j]] } else { T::zero() }
            });
            x = solve_banded((l, u), &ab, &x)?;
        }
        AssumeA::PositiveDefinite => {
            // aᵀ = conj(a) for Hermitian a: solve conj(a)·x = b as a·conj(x) = conj(b).
            let conj = opts.transposed && T::IS_COMPLEX;
            if conj {
                x.mapv_inplace(|v| v.conj());
            }
            cho_solve_in_place(a, opts.lower, &mut x)?;
            if conj {
                x.mapv_inplace(|v| v.conj());
            }
        }
        _ if n <= small::MAX => {
            small::with_lu("a", a, false, |f, piv, _| {
                let f = ndarray::ArrayView2::from_shape((n, n), f).expect("n·n entries");
                solve_factored(&f, piv, trans, &mut x)
            })??;
        }
        _ => {
            let mut f = a.as_standard_layout().into_owned();
            let mut piv = vec![0; n];
            // SAFETY: `f` is an owned row-major n × n array.
            unsafe { getrf(MatMut::from_array(&mut f), &mut piv) };
            solve_factored(&f, &piv, trans, &mut x)?;
        }
    }
    Ok(rhs_back(x, b))
}

/// SciPy's structure detection for `assume_a=None`: diagonal, then triangular.
fn detect<T: Scalar>(a: &ArrayRef2<T>) -> AssumeA {
    let mut lower_zero = true; // strictly lower part is zero
    let mut upper_zero = true;
    for ((i, j), &v) in a.indexed_iter() {
        if v != T::zero() {
            if i > j {
                lower_zero = false;
            } else if i < j {
                upper_zero = false;
            }
        }
        if !lower_zero && !upper_zero {
            return AssumeA::General;
        }
    }
    match (lower_zero, upper_zero) {
        (true, true) => AssumeA::Diagonal,
        (true, false) => AssumeA::UpperTriangular,
        (false, true) => AssumeA::LowerTriangular,
        (false, false) => AssumeA::General,
    }
}

/// Options for [`solve_triangular_with`]: SciPy's keywords of `solve_triangular`.
#[derive(Debug, Clone, PartialEq)]
pub struct SolveTriangularOptions {
    /// Which system to solve (SciPy `trans`, default `N`).
    pub trans: Trans,
    /// Use the lower triangle of `a` (SciPy `lower`, default `false`: upper).
    pub lower: bool,
    /// Take the diagonal of `a` as ones without reading it (SciPy `unit_diagonal`).
    pub unit_diagonal: bool,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for SolveTriangularOptions {
    fn default() -> Self {
        SolveTriangularOptions {
            trans: Trans::N,
            lower: false,
            unit_diagonal: false,
            check_finite: true,
        }
    }
}

/// Solves `a·x = b` for upper-triangular `a` (only that triangle is read).
///
/// SciPy: `scipy.linalg.solve_triangular(a, b)`.
///
/// # Errors
/// [`Error::ShapeMismatch`] for a non-square `a` or a `b` of the wrong length;
/// [`Error::Singular`] for a zero on the diagonal (SciPy: "singular matrix:
/// resolution failed at diagonal"); [`Error::InvalidArgument`] for NaN/inf.
///
/// # Examples
/// ```
/// use ferrosci::linalg::solve_triangular;
/// use ndarray::array;
///
/// let a = array![[2.0_f64, 1.0], [99.0, 4.0]]; // 99 is below the diagonal: ignored
/// let x = solve_triangular(&a, &array![4.0_f64, 8.0])?;
/// assert_eq!(x.to_vec(), vec![1.0, 2.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_triangular<T: Scalar, D: Dimension>(
    a: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
) -> Result<Array<T, D>> {
    solve_triangular_with(a, b, &SolveTriangularOptions::default())
}

/// [`solve_triangular`] with SciPy's keywords (`trans`, `lower`, `unit_diagonal`).
///
/// SciPy: `scipy.linalg.solve_triangular(a, b, trans=..., lower=..., unit_diagonal=...)`.
///
/// # Errors
/// As [`solve_triangular`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{solve_triangular_with, SolveTriangularOptions, Trans};
/// use ndarray::array;
///
/// let l = array![[2.0_f64, 0.0], [1.0, 4.0]];
/// let opts = SolveTriangularOptions { lower: true, trans: Trans::T, ..Default::default() };
/// let x = solve_triangular_with(&l, &array![4.0_f64, 8.0], &opts)?; // lᵀ·x = b
/// assert_eq!(x.to_vec(), vec![1.0, 2.0]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn solve_triangular_with<T: Scalar, D: Dimension>(
    a: &ArrayRef2<T>,
    b: &ArrayRef<T, D>,
    opts: &SolveTriangularOptions,
) -> Result<Array<T, D>> {
    let n = check::square("a", a)?;
    let mut x = rhs_copy("b", b, n, opts.check_finite)?;
    if opts.check_finite {
        finite("a", a)?;
    }
    triangular_in_place(a, &mut x, opts.trans, opts.lower, opts.unit_diagonal)?;
    Ok(rhs_back(x, b))
}

/// Solves `op(tri(a))·x = b` in place, with `x` row-major `n × k`.
fn triangular_in_place<T: Scalar>(
    a: &ArrayRef2<T>,
    x: &mut Array2<T>,
    trans: Trans,
    lower: bool,
    unit: bool,
) -> Result<()> {
    let n = a.nrows();
    if !unit && let Some(z) = (0..n).find(|&i| a[[i, i]] == T::zero()) {
        return Err(Error::Singular { pivot: z });
    }
    if n == 0 || x.ncols() == 0 {
        return Ok(());
    }
    let mut t = a.as_standard_layout().into_owned();
    let conj = trans == Trans::T && T::IS_COMPLEX;
    if conj {
        x.mapv_inplace(|v| v.conj());
    }
    let uplo = if lower { Uplo::Lower } else { Uplo::Upper };
    let tm = MatMut::from_array(&mut t);
    let xm = MatMut::from_array(x);
    // SAFETY: `t` and `x` are separate owned row-major arrays.
    unsafe { trsm_left(uplo, trans != Trans::N, unit, tm, xm) };
    if conj {
        x.mapv_inplace(|v| v.conj());
    }
    Ok(())
}

/// Inverse of a square matrix.
///
/// SciPy: `scipy.linalg.inv(a)`. LU with partial pivoting, then
/// `a⁻¹ = U⁻¹·L⁻¹·P` (LAPACK's `getri` scheme, 2n³ flops in all).
/// The inverse of a 0 × 0 matrix is 0 × 0.
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square; [`Error::Singular`] if it is
/// singular; [`Error::InvalidArgument`] for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::inv;
/// use ferrosci::Error;
/// use ndarray::array;
///
/// let a = array![[1.0_f64, 2.0], [3.0, 4.0]];
/// let ai = inv(&a)?;
/// assert!((a.dot(&ai) - ndarray::Array2::<f64>::eye(2)).iter().all(|e| e.abs() < 1e-15));
/// assert!(matches!(inv(&array![[3.0_f64, 2.0], [6.0, 4.0]]), Err(Error::Singular { .. })));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn inv<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array2<T>> {
    if check::square("a", a)? <= small::MAX {
        return small::with_lu("a", a, true, |f, piv, zero| match zero {
            Some(z) => Err(Error::Singular { pivot: z }),
            None => Ok(small::inverse(f, piv)),
        })?;
    }
    let mut f = square_copy("a", a, true)?;
    let n = f.nrows();
    let mut piv = vec![0; n];
    // SAFETY: `f` is an owned row-major n × n array.
    if let Some(z) = unsafe { getrf(MatMut::from_array(&mut f), &mut piv) } {
        return Err(Error::Singular { pivot: z });
    }
    // a = Pᵀ·L·U, so a⁻¹ = U⁻¹·L⁻¹·P: L⁻¹ by recursive inversion (n³/3
    // flops), then U⁻¹·(L⁻¹) by a triangular solve (n³), then the column
    // swaps in reverse order; 2n³ in all with the factorization, as getri.
    let mut x = eye(n);
    if n > 0 {
        let fm = MatMut::from_array(&mut f);
        let xm = MatMut::from_array(&mut x);
        // SAFETY: `f` and `x` are separate owned row-major n × n arrays.
        unsafe {
            inv_lower_unit(fm, xm);
            trsm_left(Uplo::Upper, false, false, fm, xm);
        }
    }
    for (i, &p) in piv.iter().enumerate().rev() {
        if i != p {
            for mut row in x.rows_mut() {
                row.swap(i, p);
            }
        }
    }
    Ok(x)
}

/// Determinant of a square matrix.
///
/// SciPy: `scipy.linalg.det(a)`. The product of `U`'s diagonal from LU with
/// partial pivoting, times the sign of the permutation. `det` of a 0 × 0
/// matrix is 1, as in SciPy. A singular matrix has determinant 0 (no error).
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square; [`Error::InvalidArgument`]
/// for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::det;
/// use ndarray::array;
///
/// assert!((det(&array![[1.0_f64, 2.0], [3.0, 4.0]])? + 2.0).abs() < 1e-15);
/// assert_eq!(det(&array![[3.0_f64, 2.0], [6.0, 4.0]])?, 0.0);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn det<T: Scalar>(a: &ArrayRef2<T>) -> Result<T> {
    let n = check::square("a", a)?;
    if n <= 2 {
        finite("a", a)?;
        return Ok(small_det(a));
    }
    if n <= small::MAX {
        return small::with_lu("a", a, true, |f, piv, _| {
            det_of_lu(f.iter().step_by(n + 1).copied(), piv)
        });
    }
    finite("a", a)?;
    let mut f = a.as_standard_layout().into_owned();
    let mut piv = vec![0; n];
    // SAFETY: `f` is an owned row-major n × n array.
    unsafe { getrf(MatMut::from_array(&mut f), &mut piv) };
    Ok(det_of_lu(f.diag().iter().copied(), &piv))
}

/// The determinant from `U`'s diagonal and the row swaps of an LU factorization.
fn det_of_lu<T: Scalar>(diag: impl Iterator<Item = T>, piv: &[usize]) -> T {
    let sign = T::from_real(swap_parity::<T::Real>(piv));
    // `+ 0` turns the −0 of an exactly singular matrix into SciPy's 0.
    diag.fold(sign, |p, d| p * d) + T::zero()
}

/// Closed forms for n ≤ 2 (no allocation), pivoted like LU so that exactly
/// singular integer matrices give exactly 0, as LAPACK does.
fn small_det<T: Scalar>(a: &ArrayRef2<T>) -> T {
    match a.nrows() {
        0 => T::one(),
        1 => a[[0, 0]],
        _ => {
            let (p, q) = if a[[1, 0]].abs1() > a[[0, 0]].abs1() {
                (1, 0)
            } else {
                (0, 1)
            };
            let piv = a[[p, 0]];
            if piv == T::zero() {
                return T::zero();
            }
            let sign = if p == 1 { -T::one() } else { T::one() };
            let l = a[[q, 0]] / piv;
            sign * piv * (a[[q, 1]] - l * a[[p, 1]]) + T::zero()
        }
    }
}

/// Sign and log-magnitude of a determinant, from [`slogdet`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slogdet<T: Scalar> {
    /// `det / |det|`: ±1 for real matrices, on the unit circle for complex
    /// ones, 0 for a singular matrix.
    pub sign: T,
    /// `ln |det|`; `-inf` for a singular matrix.
    pub logabsdet: T::Real,
}

/// Sign and natural logarithm of the determinant's magnitude, free of the
/// overflow and underflow that [`det`] suffers for large matrices.
///
/// numpy: `numpy.linalg.slogdet(a)`. `det = sign · exp(logabsdet)`. A 0 × 0
/// matrix gives sign 1, logabsdet 0; a singular one sign 0, logabsdet −∞.
///
/// # Errors
/// [`Error::ShapeMismatch`] if `a` is not square; [`Error::InvalidArgument`]
/// for NaN or infinity.
///
/// # Examples
/// ```
/// use ferrosci::linalg::slogdet;
/// use ndarray::Array2;
///
/// let a = Array2::<f64>::eye(400) * 10.0; // det = 1e400 overflows f64
/// let r = slogdet(&a)?;
/// assert_eq!(r.sign, 1.0);
/// assert!((r.logabsdet - 400.0 * 10f64.ln()).abs() < 1e-10);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn slogdet<T: Scalar>(a: &ArrayRef2<T>) -> Result<Slogdet<T>> {
    let n = check::square("a", a)?;
    if n <= small::MAX {
        return small::with_lu("a", a, true, |f, piv, _| {
            slogdet_of_lu(f.iter().step_by(n + 1).copied(), piv)
        });
    }
    let mut f = square_copy("a", a, true)?;
    let mut piv = vec![0; n];
    // SAFETY: `f` is an owned row-major n × n array.
    unsafe { getrf(MatMut::from_array(&mut f), &mut piv) };
    Ok(slogdet_of_lu(f.diag().iter().copied(), &piv))
}

/// [`Slogdet`] from `U`'s diagonal and the row swaps of an LU factorization.
fn slogdet_of_lu<T: Scalar>(diag: impl Iterator<Item = T>, piv: &[usize]) -> Slogdet<T> {
    let mut sign = T::from_real(swap_parity::<T::Real>(piv));
    let mut logabsdet = T::Real::zero();
    for d in diag {
        let m = d.modulus();
        if m == T::Real::zero() {
            return Slogdet {
                sign: T::zero(),
                logabsdet: T::Real::neg_infinity(),
            };
        }
        // Division (not a reciprocal) keeps real signs exactly ±1.
        sign *= T::from_parts(d.re() / m, d.im() / m);
        logabsdet += m.ln();
    }
    Slogdet { sign, logabsdet }
}
