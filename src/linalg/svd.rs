//! Singular value decomposition: `svd`, `svdvals`.

use super::kernels::MatMut;
use super::kernels::qr::{geqrf, ormqr};
use super::kernels::svd::{bidiagonal_qr, bidiagonalize};
use super::kernels::svd_dc::{bidiagonal_dc, worth_it};
use super::util::{eye, finite};
use super::{RealScalar, Scalar};
use crate::{Error, Result};
use ndarray::{Array1, Array2, ArrayRef2, s};
use num_traits::{Float, One, Zero};

/// The factors of [`svd`]: `a = u · diag(s) · vt`.
#[derive(Debug, Clone, PartialEq)]
pub struct Svd<T: Scalar> {
    /// Left singular vectors as columns: `M × M`, or `M × K` when
    /// `full_matrices` is false (`K = min(M, N)`).
    pub u: Array2<T>,
    /// Singular values, non-negative and in non-increasing order (length `K`).
    pub s: Array1<T::Real>,
    /// Right singular vectors as rows (`Vᴴ`): `N × N`, or `K × N`.
    pub vt: Array2<T>,
}

/// Options for [`svd_with`]: SciPy's keywords of `scipy.linalg.svd`.
#[derive(Debug, Clone, PartialEq)]
pub struct SvdOptions {
    /// Square `u` and `vt` (SciPy `full_matrices`, default `true`); `false`
    /// gives the economic `M × K` and `K × N`.
    pub full_matrices: bool,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for SvdOptions {
    fn default() -> Self {
        SvdOptions {
            full_matrices: true,
            check_finite: true,
        }
    }
}

fn conj_t<T: Scalar>(a: &Array2<T>) -> Array2<T> {
    a.t().mapv(|v| v.conj()).as_standard_layout().into_owned()
}

/// `(u, s, vt)`, the vectors present only when asked for.
type Factors<T> = (
    Option<Array2<T>>,
    Array1<<T as Scalar>::Real>,
    Option<Array2<T>>,
);

/// Singular values (and vectors if `want`) of a tall (`m ≥ n`) row-major `f`.
fn tall<T: Scalar>(mut f: Array2<T>, want: bool, full: bool) -> Result<Factors<T>> {
    let (m, n) = f.dim();
    // Much taller than wide: QR first, then the SVD of the n × n R (as
    // LAPACK's gesdd past its crossover); U = Q·U_R.
    if n > 0 && m >= 2 * n {
        let mut tau = vec![T::zero(); n];
        // SAFETY: `f` is an owned row-major array; `tau` has min(m, n) = n entries.
        unsafe { geqrf(MatMut::from_array(&mut f), &mut tau) };
        let r = Array2::from_shape_fn((n, n), |(i, j)| if j >= i { f[[i, j]] } else { T::zero() });
        let (ur, s, vt) = tall(r, want, false)?;
        let Some(ur) = ur else {
            return Ok((None, s, None));
        };
        let qc = if full { m } else { n };
        let mut u = Array2::from_shape_fn((m, qc), |(i, j)| {
            if i < n && j < n {
                ur[[i, j]]
            } else if i == j {
                T::one()
            } else {
                T::zero()
            }
        });
        // SAFETY: `f` and `u` are separate owned row-major arrays.
        unsafe { ormqr(MatMut::from_array(&mut f), &tau, MatMut::from_array(&mut u)) };
        return Ok((Some(u), s, vt));
    }
    let mut tau_q = vec![T::zero(); n];
    let mut tau_p = vec![T::zero(); n.saturating_sub(1)];
    // SAFETY: `f` is an owned row-major array with m ≥ n; buffer lengths as required.
    let (mut d, mut e) =
        unsafe { bidiagonalize(MatMut::from_array(&mut f), &mut tau_q, &mut tau_p) };
    let not_converged = |e: &[T::Real], it: usize| Error::NotConverged {
        iterations: it,
        residual: e.iter().fold(0.0, |s, v| s.max(v.abs().to_f64_real())),
    };
    let ident = |k: usize| -> Vec<T::Real> {
        (0..k * k)
            .map(|i| {
                if i % (k + 1) == 0 {
                    T::Real::one()
                } else {
                    T::Real::zero()
                }
            })
            .collect()
    };
    if !want {
        bidiagonal_qr(&mut d, &mut e, None).map_err(|it| not_converged(&e, it))?;
        let mut s: Vec<T::Real> = d.iter().map(|v| v.abs()).collect();
        s.sort_by(|a, b| b.partial_cmp(a).expect("singular values are finite"));
        return Ok((None, Array1::from(s), None));
    }
    // ub, vb: B's singular vectors as columns (n × n, row-major).
    let (ub, vb) = if worth_it(n) {
        let (mut ub, mut vb) = (vec![T::Real::zero(); n * n], vec![T::Real::zero(); n * n]);
        bidiagonal_dc(&mut d, &e, &mut ub, &mut vb).map_err(|it| not_converged(&e, it))?;
        (ub, vb)
    } else {
        let (mut lt, mut rt) = (ident(n), ident(n));
        bidiagonal_qr(&mut d, &mut e, Some((&mut lt, &mut rt)))
            .map_err(|it| not_converged(&e, it))?;
        for (k, dk) in d.iter_mut().enumerate() {
            if *dk < T::Real::zero() {
                *dk = -*dk;
                rt[k * n..k * n + n].iter_mut().for_each(|v| *v = -*v);
            }
        }
        let t = |m: &[T::Real]| -> Vec<T::Real> {
            (0..n * n).map(|k| m[(k % n) * n + k / n]).collect()
        };
        (t(&lt), t(&rt))
    };
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| d[b].partial_cmp(&d[a]).expect("singular values are finite"));
    let s = Array1::from_iter(order.iter().map(|&k| d[k]));
    // u = Q·[U_B; 0] (with I in the extra columns of the full u), applied
    // as blocked reflectors rather than forming Q and multiplying.
    let qc = if full { m } else { n };
    let mut u = Array2::from_shape_fn((m, qc), |(i, c)| {
        if i < n && c < n {
            T::from_real(ub[i * n + order[c]])
        } else if i == c {
            T::one()
        } else {
            T::zero()
        }
    });
    // SAFETY: `f` and `u` are separate owned row-major arrays; n ≤ m.
    unsafe {
        ormqr(
            MatMut::from_array(&mut f),
            &tau_q,
            MatMut::from_array(&mut u),
        )
    };
    // V = P·V_B, P = diag(1, P₁) from the right reflectors; vt = Vᴴ.
    let mut v = Array2::from_shape_fn((n, n), |(i, c)| T::from_real(vb[i * n + order[c]]));
    if n > 1 {
        let mut w = Array2::<T>::zeros((n - 1, n - 1));
        for j in 0..n - 1 {
            for t in 1..n - 1 - j {
                w[[j + t, j]] = f[[j, j + 1 + t]];
            }
        }
        // SAFETY: `w` and `v` are separate owned row-major arrays; the block
        // is rows 1.. of `v`.
        unsafe {
            ormqr(
                MatMut::from_array(&mut w),
                &tau_p,
                MatMut::from_array(&mut v).sub(1, 0, n - 1, n),
            )
        };
    }
    let vt = conj_t(&v);
    Ok((Some(u), s, Some(vt)))
}

/// Singular value decomposition `a = u · diag(s) · vt` with square `u`, `vt`.
///
/// SciPy: `scipy.linalg.svd(a)` (LAPACK `gesdd`). Householder
/// bidiagonalisation (after a QR step for matrices over twice as tall as
/// wide), divide and conquer on the bidiagonal (implicit-shift QR for small
/// ones), and the reflectors applied to the bidiagonal's singular vectors in
/// blocks; singular values come out non-negative and sorted, accurate to a
/// small multiple of `ε·‖a‖`.
///
/// ```text
/// a = u · Σ · vt,   Σ = diag(s) padded to M × N,   uᴴu = I,   vt·vtᴴ = I
/// ```
///
/// # Errors
/// [`Error::InvalidArgument`] for NaN or infinity; [`Error::NotConverged`]
/// if the QR iteration exceeds its budget (not seen in practice).
///
/// # Examples
/// ```
/// use ferrosci::linalg::{svd, Svd};
/// use ndarray::{array, Array2};
///
/// // The lecture notes' example: arange(9).reshape(3, 3) + diag([1, 0, 1]).
/// let a = array![[1.0_f64, 1.0, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 9.0]];
/// let Svd { u, s, vt } = svd(&a)?;
/// let want = [14.88982544, 0.45294236, 0.29654967];
/// assert!(s.iter().zip(want).all(|(s, w)| (s - w).abs() < 1e-8));
/// let back = u.dot(&Array2::from_diag(&s)).dot(&vt);
/// assert!((back - &a).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn svd<T: Scalar>(a: &ArrayRef2<T>) -> Result<Svd<T>> {
    svd_with(a, &SvdOptions::default())
}

/// [`svd`] with SciPy's keywords: `full_matrices: false` gives the economic
/// (thin) factors.
///
/// SciPy: `scipy.linalg.svd(a, full_matrices=False)`.
///
/// # Errors
/// As [`svd`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{svd_with, Svd, SvdOptions};
/// use ndarray::Array2;
///
/// let a = Array2::from_shape_fn((5, 2), |(i, j)| (i + 2 * j) as f64);
/// let Svd { u, s, vt } = svd_with(&a, &SvdOptions { full_matrices: false, ..Default::default() })?;
/// assert_eq!((u.dim(), s.len(), vt.dim()), ((5, 2), 2, (2, 2)));
/// assert!((u.dot(&Array2::from_diag(&s)).dot(&vt) - &a).iter().all(|e| e.abs() < 1e-13));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn svd_with<T: Scalar>(a: &ArrayRef2<T>, opts: &SvdOptions) -> Result<Svd<T>> {
    if opts.check_finite {
        finite("a", a)?;
    }
    let (m, n) = a.dim();
    let full = opts.full_matrices;
    if m.min(n) == 0 {
        let (uc, vr) = if full { (m, n) } else { (0, 0) };
        return Ok(Svd {
            u: eye::<T>(m).slice(s![.., ..uc]).to_owned(),
            s: Array1::zeros(0),
            vt: eye::<T>(n).slice(s![..vr, ..]).to_owned(),
        });
    }
    if m >= n {
        let (u, s, vt) = tall(a.as_standard_layout().into_owned(), true, full)?;
        Ok(Svd {
            u: u.expect("vectors were asked for"),
            s,
            vt: vt.expect("vectors were asked for"),
        })
    } else {
        // a = (aᴴ)ᴴ = (U'·Σ·V'ᴴ)ᴴ = V'·Σ·U'ᴴ.
        let at = a.t().mapv(|v| v.conj()).as_standard_layout().into_owned();
        let (u2, s, vt2) = tall(at, true, full)?;
        Ok(Svd {
            u: conj_t(&vt2.expect("vectors were asked for")),
            s,
            vt: conj_t(&u2.expect("vectors were asked for")),
        })
    }
}

/// Singular values only, in non-increasing order.
///
/// SciPy: `scipy.linalg.svdvals(a)`. Skips the singular vectors (implicit
/// QR on the bidiagonal without accumulation), which makes it several times
/// faster than [`svd`].
///
/// # Errors
/// As [`svd`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::svdvals;
/// use ndarray::array;
///
/// let s = svdvals(&array![[3.0_f64, 0.0], [4.0, 5.0]])?;
/// assert!((s[0] - 45f64.sqrt()).abs() < 1e-14 && (s[1] - 5f64.sqrt()).abs() < 1e-14);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn svdvals<T: Scalar>(a: &ArrayRef2<T>) -> Result<Array1<T::Real>> {
    finite("a", a)?;
    let (m, n) = a.dim();
    if m.min(n) == 0 {
        return Ok(Array1::zeros(0));
    }
    let f = if m >= n {
        a.as_standard_layout().into_owned()
    } else {
        a.t().mapv(|v| v.conj()).as_standard_layout().into_owned()
    };
    Ok(tall(f, false, false)?.1)
}
