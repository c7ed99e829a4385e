//! Reduction of a Hermitian band matrix to real symmetric tridiagonal form by
//! Givens rotations, chasing each bulge off the end of the band (Schwarz,
//! "Tridiagonalization of a symmetric band matrix", Numer. Math. 12, 1968):
//! O(n²·kd) operations on O(n·kd) storage, plus O(n³) to accumulate the
//! rotations when eigenvectors are wanted.

use crate::linalg::Scalar;
use num_traits::{Float, Zero};

/// A rotation `G = [[c, s], [−s̄, c]]` (real `c`) acting on indices `p`, `p + 1`.
#[derive(Clone, Copy)]
struct Rotation<T: Scalar> {
    c: T,
    s: T,
}

impl<T: Scalar> Rotation<T> {
    /// The rotation whose left action zeroes `y` against `x`:
    /// `−s̄·x + c·y = 0`.
    fn zeroing(x: T, y: T) -> Self {
        let ax = x.modulus();
        if ax == T::Real::zero() {
            return Rotation {
                c: T::zero(),
                s: T::one(),
            };
        }
        let r = ax.hypot(y.modulus());
        Rotation {
            c: T::from_real(ax / r),
            s: (x.scale_real(ax.recip()) * y.conj()).scale_real(r.recip()),
        }
    }

    /// `(x, y) ← (c·x + s·y, c·y − s̄·x)`: the left action on a column pair.
    #[inline(always)]
    fn left(self, x: &mut T, y: &mut T) {
        let (a, b) = (*x, *y);
        *x = self.c * a + self.s * b;
        *y = self.c * b - self.s.conj() * a;
    }

    /// `(x, y) ← (c·x + s̄·y, c·y − s·x)`: the right action of `Gᴴ` on a row pair.
    #[inline(always)]
    fn right(self, x: &mut T, y: &mut T) {
        let (a, b) = (*x, *y);
        *x = self.c * a + self.s.conj() * b;
        *y = self.c * b - self.s * a;
    }
}

/// The lower triangle of a Hermitian band matrix with room for one bulge:
/// element `(i, j)`, `0 ≤ i − j ≤ kd + 1`, at `j·(kd + 2) + (i − j)`.
pub(crate) struct LowerBand<T> {
    n: usize,
    kd: usize,
    data: Vec<T>,
}

impl<T: Scalar> LowerBand<T> {
    /// An `n × n` zero band matrix with `kd` subdiagonals.
    pub(crate) fn zeros(n: usize, kd: usize) -> Self {
        LowerBand {
            n,
            kd,
            data: vec![T::zero(); n * (kd + 2)],
        }
    }

    /// Element `(i, j)` of the lower triangle, `0 ≤ i − j ≤ kd + 1`.
    #[inline(always)]
    pub(crate) fn at(&mut self, i: usize, j: usize) -> &mut T {
        debug_assert!(i >= j && i - j <= self.kd + 1);
        &mut self.data[j * (self.kd + 2) + (i - j)]
    }

    /// `A ← G·A·Gᴴ` in the plane `(p, p + 1)`, given that row `p + 1` has no
    /// nonzero left of column `col`.
    fn rotate(&mut self, p: usize, col: usize, g: Rotation<T>) {
        let kd = self.kd;
        for c in col..p {
            let (x, y) = (*self.at(p, c), *self.at(p + 1, c));
            let (mut x, mut y) = (x, y);
            g.left(&mut x, &mut y);
            *self.at(p, c) = x;
            *self.at(p + 1, c) = y;
        }
        for r in p + 2..(p + kd + 2).min(self.n) {
            let (mut x, mut y) = (*self.at(r, p), *self.at(r, p + 1));
            g.right(&mut x, &mut y);
            *self.at(r, p) = x;
            *self.at(r, p + 1) = y;
        }
        // The 2 × 2 diagonal block [[a, b̄], [b, d]].
        let (a, b, d) = (*self.at(p, p), *self.at(p + 1, p), *self.at(p + 1, p + 1));
        let (mut r00, mut r01, mut r10, mut r11) = (a, b.conj(), b, d);
        g.left(&mut r00, &mut r10);
        g.left(&mut r01, &mut r11);
        g.right(&mut r00, &mut r01);
        g.right(&mut r10, &mut r11);
        *self.at(p, p) = T::from_real(r00.re());
        *self.at(p + 1, p) = r10;
        *self.at(p + 1, p + 1) = T::from_real(r11.re());
    }
}

/// Reduces the Hermitian band matrix `a` to the real tridiagonal `(d, e)`
/// with `a = Q·T·Qᴴ`. With `qt` (`n × n` row-major, identity on entry) the
/// rows of `qt` become the columns of `Q`, so that the eigenvectors of `a`
/// are `Q·z` for those `z` of `T`. `a` is overwritten.
pub(crate) fn band_to_tridiagonal<T: Scalar>(
    a: &mut LowerBand<T>,
    mut qt: Option<&mut [T]>,
) -> (Vec<T::Real>, Vec<T::Real>) {
    let (n, kd) = (a.n, a.kd);
    // Rows lo[k]..hi[k] of column k of Q may be nonzero (Q starts as I).
    let mut lo: Vec<usize> = (0..n).collect();
    let mut hi: Vec<usize> = (1..=n).collect();
    for j in 0..n.saturating_sub(2) {
        for i in ((j + 2)..=(j + kd).min(n - 1)).rev() {
            // Zero a[i, j] in the plane (i − 1, i), then chase the bulge it
            // creates at (row + kd, row − 1) down the band.
            let (mut row, mut col) = (i, j);
            loop {
                let y = *a.at(row, col);
                if y != T::zero() {
                    let g = Rotation::zeroing(*a.at(row - 1, col), y);
                    let p = row - 1;
                    a.rotate(p, col, g);
                    *a.at(row, col) = T::zero();
                    if let Some(q) = qt.as_deref_mut() {
                        let (l, h) = (lo[p].min(lo[p + 1]), hi[p].max(hi[p + 1]));
                        (lo[p], lo[p + 1], hi[p], hi[p + 1]) = (l, l, h, h);
                        let (top, bottom) = q.split_at_mut((p + 1) * n);
                        let (qp, qp1) = (&mut top[p * n + l..p * n + h], &mut bottom[l..h]);
                        for (x, y) in qp.iter_mut().zip(qp1.iter_mut()) {
                            g.right(x, y);
                        }
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
    let d: Vec<T::Real> = (0..n).map(|i| a.at(i, i).re()).collect();
    // T = D·T_r·Dᴴ with the unit diagonal D making the off-diagonal real and
    // non-negative; the eigenvectors pick up D.
    let mut e = Vec::with_capacity(n.saturating_sub(1));
    let mut delta = T::one();
    for i in 0..n.saturating_sub(1) {
        let b = *a.at(i + 1, i);
        if !T::IS_COMPLEX {
            e.push(b.re());
            continue;
        }
        let m = b.modulus();
        e.push(m);
        if m != T::Real::zero() {
            delta *= b.scale_real(m.recip());
        }
        if let Some(q) = qt.as_deref_mut() {
            q[(i + 1) * n..(i + 2) * n]
                .iter_mut()
                .for_each(|v| *v *= delta);
        }
    }
    (d, e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;
    use num_complex::Complex64;

    #[test]
    fn reduces_a_complex_band_and_keeps_the_similarity() {
        let (n, kd) = (11, 3);
        let mut a = Array2::<Complex64>::zeros((n, n));
        let mut band = LowerBand::zeros(n, kd);
        for i in 0..n {
            a[[i, i]] = Complex64::new(i as f64 * 0.7 - 2.0, 0.0);
            *band.at(i, i) = a[[i, i]];
            for j in i.saturating_sub(kd)..i {
                let v = Complex64::new(((i * 3 + j) as f64).sin(), ((i + 5 * j) as f64).cos());
                a[[i, j]] = v;
                a[[j, i]] = v.conj();
                *band.at(i, j) = v;
            }
        }
        let mut qt = Array2::<Complex64>::eye(n);
        let (d, e) = band_to_tridiagonal(&mut band, Some(qt.as_slice_mut().unwrap()));
        let t = Array2::from_shape_fn((n, n), |(i, j)| {
            let v = if i == j {
                d[i]
            } else if i == j + 1 {
                e[j]
            } else if j == i + 1 {
                e[i]
            } else {
                0.0
            };
            Complex64::new(v, 0.0)
        });
        let q = qt.t().to_owned();
        let back = q.dot(&t).dot(&q.t().mapv(|v| v.conj()));
        let err = (&back - &a).iter().fold(0.0_f64, |m, v| m.max(v.norm()));
        assert!(err < 1e-13, "{err}");
    }
}
