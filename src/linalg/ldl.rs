//! `ldl`: the Bunch–Kaufman factorization `a = L·D·Lᴴ` (or `L·D·Lᵀ`) of a
//! Hermitian or symmetric indefinite matrix, with 1 × 1 and 2 × 2 pivots.

use super::util::finite;
use super::{RealScalar, Scalar};
use crate::{Result, check};
use ndarray::{Array1, Array2, ArrayRef2};
use num_traits::{Float, Zero};

/// Result of [`ldl`]: `a = lu · d · luᴴ` (`luᵀ` when `hermitian` is false).
#[derive(Debug, Clone, PartialEq)]
pub struct Ldl<T> {
    /// The (row-permuted) triangular factor: `lu[perm]` is unit lower
    /// triangular (upper with `lower: false`).
    pub lu: Array2<T>,
    /// Block diagonal with 1 × 1 and 2 × 2 blocks.
    pub d: Array2<T>,
    /// Row order that makes `lu` triangular: `lu[perm, :]`.
    pub perm: Array1<usize>,
}

/// Options for [`ldl_with`]: SciPy's keywords.
#[derive(Debug, Clone, PartialEq)]
pub struct LdlOptions {
    /// Factor from the lower triangle into a lower `lu` (SciPy `lower`,
    /// default `true`); else the upper.
    pub lower: bool,
    /// For complex input, treat `a` as Hermitian (`L·D·Lᴴ`, default `true`)
    /// rather than complex symmetric (`L·D·Lᵀ`) (SciPy `hermitian`).
    pub hermitian: bool,
    /// Reject NaN and infinity (SciPy `check_finite`, default `true`).
    pub check_finite: bool,
}

impl Default for LdlOptions {
    fn default() -> Self {
        LdlOptions {
            lower: true,
            hermitian: true,
            check_finite: true,
        }
    }
}

/// One pivot step: block of `size` at `k`, with rows/columns `k + size − 1`
/// and `kp` exchanged before eliminating.
struct Step {
    k: usize,
    size: usize,
    kp: usize,
}

/// Bunch–Kaufman on the full matrix `a`, eliminating from the top; the lower
/// triangle ends up holding `L` (strictly below the blocks) and `D`. Ties in
/// the column maximum go to the first index, or the last with `last_tie`
/// (so that running on the reversed matrix reproduces the upper variant).
fn factor<T: Scalar>(a: &mut Array2<T>, herm: bool, last_tie: bool) -> Vec<Step> {
    let n = a.nrows();
    let alpha = T::Real::from_f64_real((1.0 + 17f64.sqrt()) / 8.0);
    let dabs = |v: T| if herm { v.re().abs() } else { v.abs1() };
    let conj = |v: T| if herm { v.conj() } else { v };
    let mut steps = Vec::new();
    let mut k = 0;
    while k < n {
        let absakk = dabs(a[[k, k]]);
        let (mut colmax, mut imax) = (T::Real::zero(), k);
        for i in k + 1..n {
            let v = a[[i, k]].abs1();
            if v > colmax || (last_tie && v == colmax && imax > k) {
                colmax = v;
                imax = i;
            }
        }
        let zero = T::Real::zero();
        if absakk.is_nan() || (absakk == zero && colmax == zero) {
            // A zero column (SciPy/LAPACK: singular D, nothing to eliminate).
            steps.push(Step { k, size: 1, kp: k });
            k += 1;
            continue;
        }
        let (kp, size) = if absakk >= alpha * colmax {
            (k, 1)
        } else {
            let rowmax = (k..n)
                .filter(|&j| j != imax)
                .fold(zero, |m, j| m.max(a[[imax, j]].abs1()));
            if absakk >= alpha * colmax * (colmax / rowmax) {
                (k, 1)
            } else if dabs(a[[imax, imax]]) >= alpha * rowmax {
                (imax, 1)
            } else {
                (imax, 2)
            }
        };
        let kk = k + size - 1;
        if kp != kk {
            for j in k..n {
                a.swap([kk, j], [kp, j]);
            }
            for i in k..n {
                a.swap([i, kk], [i, kp]);
            }
        }
        if size == 1 {
            let dkk = if herm {
                T::from_real(a[[k, k]].re())
            } else {
                a[[k, k]]
            };
            a[[k, k]] = dkk;
            let wc: Vec<T> = (k + 1..n).map(|i| conj(a[[i, k]])).collect();
            for (ii, i) in (k + 1..n).enumerate() {
                let li = conj(wc[ii]) / dkk;
                let row = &mut a.row_mut(i).into_slice().expect("row-major")[k + 1..];
                for (x, &wj) in row.iter_mut().zip(&wc) {
                    *x -= li * wj;
                }
                a[[i, k]] = li;
                a[[k, i]] = conj(li);
            }
        } else {
            let (d11, d21, d22) = (a[[k, k]], a[[k + 1, k]], a[[k + 1, k + 1]]);
            let (d11, d22) = if herm {
                (T::from_real(d11.re()), T::from_real(d22.re()))
            } else {
                (d11, d22)
            };
            a[[k, k]] = d11;
            a[[k + 1, k + 1]] = d22;
            // L = W·D⁻¹ through D = δ·D̃, δ = |d21| > 0 (the column maximum),
            // so that det(D̃) is formed from ratios and cannot overflow.
            let delta = d21.modulus();
            let inv = delta.recip();
            let (t11, t22) = (d11.scale_real(inv), d22.scale_real(inv));
            let (t21, t12) = (d21.scale_real(inv), conj(d21).scale_real(inv));
            let f = T::one() / (t11 * t22 - t12 * t21).scale_real(delta);
            let w: Vec<(T, T)> = (k + 2..n).map(|i| (a[[i, k]], a[[i, k + 1]])).collect();
            let l: Vec<(T, T)> = w
                .iter()
                .map(|&(w0, w1)| ((w0 * t22 - w1 * t21) * f, (w1 * t11 - w0 * t12) * f))
                .collect();
            let (w0c, w1c): (Vec<T>, Vec<T>) = w.iter().map(|&(x, y)| (conj(x), conj(y))).unzip();
            for (ii, i) in (k + 2..n).enumerate() {
                let (l0, l1) = l[ii];
                let row = &mut a.row_mut(i).into_slice().expect("row-major")[k + 2..];
                for ((x, &u), &v) in row.iter_mut().zip(&w0c).zip(&w1c) {
                    *x -= l0 * u + l1 * v;
                }
                a[[i, k]] = l[ii].0;
                a[[i, k + 1]] = l[ii].1;
                a[[k, i]] = conj(l[ii].0);
                a[[k + 1, i]] = conj(l[ii].1);
            }
        }
        steps.push(Step { k, size, kp });
        k += size;
    }
    steps
}

/// `lu`, `d` and `perm` in SciPy's form from the factored lower triangle.
fn assemble<T: Scalar>(a: &Array2<T>, steps: &[Step], herm: bool) -> Ldl<T> {
    let n = a.nrows();
    let mut d = Array2::<T>::zeros((n, n));
    let mut lu = Array2::from_shape_fn((n, n), |(i, j)| match i.cmp(&j) {
        std::cmp::Ordering::Greater => a[[i, j]],
        std::cmp::Ordering::Equal => T::one(),
        std::cmp::Ordering::Less => T::zero(),
    });
    for s in steps {
        d[[s.k, s.k]] = a[[s.k, s.k]];
        if s.size == 2 {
            let off = a[[s.k + 1, s.k]];
            d[[s.k + 1, s.k + 1]] = a[[s.k + 1, s.k + 1]];
            d[[s.k + 1, s.k]] = off;
            d[[s.k, s.k + 1]] = if herm { off.conj() } else { off };
            lu[[s.k + 1, s.k]] = T::zero();
        }
    }
    // L = P₁·L₁·P₂·L₂⋯: apply the exchanges from the last step back, each to
    // the columns of its own and later steps.
    let mut perm: Vec<usize> = (0..n).collect();
    for s in steps.iter().rev() {
        let kk = s.k + s.size - 1;
        if s.kp != kk {
            for j in s.k..n {
                lu.swap([kk, j], [s.kp, j]);
            }
            perm.swap(kk, s.kp);
        }
    }
    let mut inv = vec![0; n];
    for (i, &p) in perm.iter().enumerate() {
        inv[p] = i;
    }
    Ldl {
        lu,
        d,
        perm: Array1::from(inv),
    }
}

/// Bunch–Kaufman `L·D·Lᴴ` factorization of a Hermitian (or symmetric)
/// indefinite matrix.
///
/// SciPy: `scipy.linalg.ldl(a)`: reads the lower triangle and returns
/// `(lu, d, perm)` exactly as SciPy builds them from LAPACK's `sytrf`/`hetrf`:
/// the same pivots (Bunch–Kaufman with `α = (1 + √17)/8`), `d` block
/// diagonal with 1 × 1 and 2 × 2 blocks, `lu[perm]` unit lower triangular.
///
/// ```text
/// a = lu · d · luᴴ
/// ```
///
/// # Errors
/// [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) if `a` is not square;
/// [`Error::InvalidArgument`](crate::Error::InvalidArgument) for NaN or
/// infinity. A singular `a` is not an error (`d` is singular), as in SciPy.
///
/// # Examples
/// ```
/// use ferrosci::linalg::{ldl, Ldl};
/// use ndarray::array;
///
/// // Zero diagonal: no 1 × 1 pivot works, so d is one 2 × 2 block.
/// let a = array![[0.0_f64, 1.0], [1.0, 0.0]];
/// let Ldl { lu, d, perm } = ldl(&a)?;
/// assert_eq!(d, a);
/// assert_eq!(lu, array![[1.0, 0.0], [0.0, 1.0]]);
/// assert_eq!(perm.to_vec(), vec![0, 1]);
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ldl<T: Scalar>(a: &ArrayRef2<T>) -> Result<Ldl<T>> {
    ldl_with(a, &LdlOptions::default())
}

/// [`ldl`] with SciPy's keywords (`lower`, `hermitian`, `check_finite`).
///
/// SciPy: `scipy.linalg.ldl(a, lower=False, hermitian=False)`. With
/// `lower: false` the upper triangle is read and `lu[perm]` is unit upper
/// triangular; with `hermitian: false` a complex `a` is factored as
/// `lu·d·luᵀ`.
///
/// # Errors
/// As [`ldl`].
///
/// # Examples
/// ```
/// use ferrosci::linalg::{ldl_with, LdlOptions};
/// use ndarray::array;
///
/// let a = array![[2.0_f64, -1.0, 3.0], [-1.0, 2.0, 0.0], [3.0, 0.0, 1.0]];
/// let r = ldl_with(&a, &LdlOptions { lower: false, ..Default::default() })?;
/// let back = r.lu.dot(&r.d).dot(&r.lu.t());
/// assert!((back - &a).iter().all(|x| x.abs() < 1e-14));
/// # Ok::<(), ferrosci::Error>(())
/// ```
pub fn ldl_with<T: Scalar>(a: &ArrayRef2<T>, opts: &LdlOptions) -> Result<Ldl<T>> {
    let n = check::square("a", a)?;
    if opts.check_finite {
        finite("a", a)?;
    }
    let herm = opts.hermitian && T::IS_COMPLEX;
    let conj = |v: T| if herm { v.conj() } else { v };
    // The upper variant eliminates from the bottom: run the lower one on the
    // index-reversed matrix and reverse the result back.
    let idx = |i: usize| if opts.lower { i } else { n - 1 - i };
    let mut w = Array2::from_shape_fn((n, n), |(i, j)| {
        let (oi, oj) = (idx(i), idx(j));
        let in_lower = oi >= oj;
        if in_lower == opts.lower || oi == oj {
            a[[oi, oj]]
        } else {
            conj(a[[oj, oi]])
        }
    });
    let steps = factor(&mut w, herm, !opts.lower);
    let r = assemble(&w, &steps, herm);
    if opts.lower {
        return Ok(r);
    }
    let flip = |m: &Array2<T>| Array2::from_shape_fn((n, n), |(i, j)| m[[n - 1 - i, n - 1 - j]]);
    Ok(Ldl {
        lu: flip(&r.lu),
        d: flip(&r.d),
        perm: Array1::from_shape_fn(n, |i| n - 1 - r.perm[n - 1 - i]),
    })
}
