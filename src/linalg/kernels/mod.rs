//! Internal kernels: blocked factorizations on raw row-major storage.
//!
//! Every kernel works on [`MatMut`], a pointer into a row-major buffer with a
//! leading dimension (distance between rows) and unit column stride. The
//! public functions copy their input into an owned row-major array first, so
//! the kernels may overwrite it and split it into disjoint blocks freely.

pub(crate) mod band;
pub(crate) mod cholesky;
pub(crate) mod dgemm;
pub(crate) mod eigh;
pub(crate) mod francis;
pub(crate) mod gemm;
pub(crate) mod hessenberg;
pub(crate) mod implicit_qr;
pub(crate) mod lu;
pub(crate) mod multishift;
pub(crate) mod pencil_vectors;
pub(crate) mod qr;
pub(crate) mod qz;
pub(crate) mod qz_real;
pub(crate) mod reorder;
pub(crate) mod schur_vectors;
pub(crate) mod simd;
pub(crate) mod svd;
pub(crate) mod svd_dc;
pub(crate) mod tridiag_dc;
pub(crate) mod tridiagonal;
pub(crate) mod trsm;

use super::Scalar;
use ndarray::ArrayRef2;

/// An `rows × cols` block of a row-major buffer: element `(i, j)` sits at
/// `ptr + i·ld + j`.
///
/// A `MatMut` is a raw view: creating one is safe, using one is `unsafe`
/// because the caller must guarantee that the block lies inside a live buffer
/// and that no other live view writes the same elements.
#[derive(Clone, Copy, Debug)]
pub(crate) struct MatMut<T> {
    pub ptr: *mut T,
    pub rows: usize,
    pub cols: usize,
    pub ld: usize,
}

impl<T: Scalar> MatMut<T> {
    /// A view of a standard-layout (row-major, contiguous rows) array.
    ///
    /// # Panics
    /// If `a`'s rows are not contiguous (a broken invariant: callers own the
    /// array they pass and build it row-major).
    pub fn from_array(a: &mut ArrayRef2<T>) -> Self {
        let (rows, cols) = a.dim();
        let s = a.strides();
        assert!(cols <= 1 || s[1] == 1, "kernel storage must be row-major");
        let ld = if rows <= 1 {
            cols.max(1)
        } else {
            s[0] as usize
        };
        MatMut {
            ptr: a.as_mut_ptr(),
            rows,
            cols,
            ld,
        }
    }

    /// A view of the whole row-major buffer `buf`, `ld` elements a row.
    pub fn of(buf: &mut [T], ld: usize) -> Self {
        MatMut {
            ptr: buf.as_mut_ptr(),
            rows: buf.len() / ld.max(1),
            cols: ld,
            ld,
        }
    }

    /// The sub-block of `r × c` elements starting at `(i, j)`.
    #[inline]
    pub fn sub(self, i: usize, j: usize, r: usize, c: usize) -> Self {
        debug_assert!(i + r <= self.rows && j + c <= self.cols);
        MatMut {
            // `wrapping_add` keeps creating an (empty) view past the end sound;
            // the pointer is only dereferenced for in-range elements.
            ptr: self.ptr.wrapping_add(i * self.ld + j),
            rows: r,
            cols: c,
            ld: self.ld,
        }
    }

    /// Pointer to element `(i, j)`.
    #[inline(always)]
    pub unsafe fn at(self, i: usize, j: usize) -> *mut T {
        debug_assert!(i < self.rows && j < self.cols);
        // SAFETY: in bounds by the caller's contract.
        unsafe { self.ptr.add(i * self.ld + j) }
    }

    /// Row `i` as a mutable slice.
    ///
    /// # Safety
    /// The view is valid and no other live reference touches row `i`.
    #[inline(always)]
    pub unsafe fn row<'a>(self, i: usize) -> &'a mut [T] {
        debug_assert!(i < self.rows);
        // SAFETY: row `i` holds `cols` contiguous elements of a live buffer.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.add(i * self.ld), self.cols) }
    }

    /// Swaps rows `i` and `p` (no-op if equal).
    ///
    /// # Safety
    /// The view is valid and exclusive.
    #[inline]
    pub unsafe fn swap_rows(self, i: usize, p: usize) {
        if i != p {
            // SAFETY: distinct rows of a valid view do not overlap.
            unsafe { std::ptr::swap_nonoverlapping(self.at(i, 0), self.at(p, 0), self.cols) }
        }
    }
}
