//! Reduction of a Hermitian band matrix to real symmetric tridiagonal form by
//! Givens rotations, chasing each bulge off the end of the band (Schwarz,
//! "Tridiagonalization of a symmetric band matrix", Numer. Math. 12, 1968):
//! O(n²·kd) operations, plus O(n³) to accumulate the rotations.

use crate::linalg::Scalar;
use ndarray::Array2;
use num_traits::{Float, Zero};

/// A rotation `G = [[c, s], [−s̄, c]]` (real `c`) acting on indices `p`, `p + 1`.
#[derive(Clone, Copy)]
struct Rotation<T: Scalar> {
    c: T::Real,
    s: T,
}

impl<T: Scalar> Rotation<T> {
    /// The rotation whose left action zeroes `y` against `x`:
    /// `−s̄·x + c·y = 0`.
    fn zeroing(x: T, y: T) -> Self {
        let ax = x.modulus();
        if ax == T::Real::zero() {
            return Rotation {
                c: T::Real::zero(),
                s: T::one(),
            };
        }
        let r = ax.hypot(y.modulus());
        Rotation {
            c: ax / r,
            s: (x.scale_real(ax.recip()) * y.conj()).scale_real(r.recip()),
        }
    }
}

/// `A ← G·A·Gᴴ` on rows/columns `p`, `p + 1`, touching only the index range
/// `lo..hi` where the two rows have nonzeros.
fn rotate_both<T: Scalar>(a: &mut Array2<T>, p: usize, g: Rotation<T>, lo: usize, hi: usize) {
    let (c, s) = (T::from_real(g.c), g.s);
    for col in lo..hi {
        let (x, y) = (a[[p, col]], a[[p + 1, col]]);
        a[[p, col]] = c * x + s * y;
        a[[p + 1, col]] = c * y - s.conj() * x;
    }
    rotate_cols(a, p, g, lo, hi);
}

/// `A ← A·Gᴴ` on columns `p`, `p + 1`, rows `lo..hi`.
fn rotate_cols<T: Scalar>(a: &mut Array2<T>, p: usize, g: Rotation<T>, lo: usize, hi: usize) {
    let (c, s) = (T::from_real(g.c), g.s);
    for r in lo..hi {
        let (x, y) = (a[[r, p]], a[[r, p + 1]]);
        a[[r, p]] = c * x + s.conj() * y;
        a[[r, p + 1]] = c * y - s * x;
    }
}

/// Reduces the full Hermitian `n × n` matrix `a`, zero outside the band
/// `|i − j| ≤ kd`, to the real tridiagonal `(d, e)` with `a = Q·T·Qᴴ`;
/// with `q` (identity on entry) accumulates `Q`, so that the eigenvectors
/// of `a` are `Q·z` for those `z` of `T`. `a` is overwritten.
pub(crate) fn band_to_tridiagonal<T: Scalar>(
    a: &mut Array2<T>,
    kd: usize,
    mut q: Option<&mut Array2<T>>,
) -> (Vec<T::Real>, Vec<T::Real>) {
    let n = a.nrows();
    for j in 0..n.saturating_sub(2) {
        for i in ((j + 2)..=(j + kd).min(n - 1)).rev() {
            // Zero a[i, j] with the plane (i − 1, i), then chase the bulge
            // it creates at (row + kd, row − 1) down the band.
            let (mut row, mut col) = (i, j);
            loop {
                if a[[row, col]] != T::zero() {
                    let g = Rotation::zeroing(a[[row - 1, col]], a[[row, col]]);
                    let lo = (row - 1).saturating_sub(kd + 2);
                    let hi = (row + kd + 2).min(n);
                    rotate_both(a, row - 1, g, lo, hi);
                    a[[row, col]] = T::zero();
                    a[[col, row]] = T::zero();
                    if let Some(q) = q.as_deref_mut() {
                        rotate_cols(q, row - 1, g, 0, n);
                    }
                }
                if row + kd >= n {
                    break;
                }
                col = row - 1;
                row += kd;
            }
        }
    }
    let d: Vec<T::Real> = (0..n).map(|i| a[[i, i]].re()).collect();
    // T = D·T_r·Dᴴ with the unit diagonal D making the off-diagonal real
    // and non-negative; the eigenvectors pick up D.
    let mut e = Vec::with_capacity(n.saturating_sub(1));
    let mut delta = T::one();
    for i in 0..n.saturating_sub(1) {
        let b = a[[i + 1, i]];
        let m = b.modulus();
        if T::IS_COMPLEX {
            e.push(m);
            if m != T::Real::zero() {
                delta *= b.scale_real(m.recip());
            }
            if let Some(q) = q.as_deref_mut() {
                q.column_mut(i + 1).mapv_inplace(|v| v * delta);
            }
        } else {
            e.push(b.re());
        }
    }
    (d, e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_complex::Complex64;

    #[test]
    fn reduces_a_complex_band_and_keeps_the_similarity() {
        let (n, kd) = (9, 3);
        let mut a = Array2::<Complex64>::zeros((n, n));
        for i in 0..n {
            a[[i, i]] = Complex64::new(i as f64 * 0.7 - 2.0, 0.0);
            for j in i.saturating_sub(kd)..i {
                let v = Complex64::new(((i * 3 + j) as f64).sin(), ((i + 5 * j) as f64).cos());
                a[[i, j]] = v;
                a[[j, i]] = v.conj();
            }
        }
        let a0 = a.clone();
        let mut q = Array2::<Complex64>::eye(n);
        let (d, e) = band_to_tridiagonal(&mut a, kd, Some(&mut q));
        let t = Array2::from_shape_fn((n, n), |(i, j)| {
            Complex64::new(
                if i == j {
                    d[i]
                } else if i == j + 1 {
                    e[j]
                } else if j == i + 1 {
                    e[i]
                } else {
                    0.0
                },
                0.0,
            )
        });
        let back = q.dot(&t).dot(&q.t().mapv(|v| v.conj()));
        let err = (&back - &a0).iter().fold(0.0_f64, |m, v| m.max(v.norm()));
        assert!(err < 1e-13, "{err}");
    }
}
