//! Applies an in-place lane operation along any axis of a row-major buffer.
//!
//! Lanes along the last axis are contiguous and are handed to the operation in
//! batches. Lanes along another axis are gathered a few at a time into a
//! contiguous buffer (a small transpose), transformed there and scattered back,
//! so rustfft always sees unit-stride data.

/// Lanes gathered per batch for a strided axis: 16 complex doubles per row is
/// four cache lines, enough to use each line fully without thrashing L1.
const GATHER: usize = 16;

/// Minimum elements per parallel task; below this threads cost more than they save.
#[cfg(feature = "rayon")]
const PAR_MIN: usize = 1 << 15;

/// A raw pointer that may cross threads; every user documents why its accesses
/// are disjoint.
#[derive(Clone, Copy)]
struct SharedPtr<C>(*mut C);
// SAFETY: only used to hand disjoint index sets of one buffer to parallel tasks.
unsafe impl<C: Send> Send for SharedPtr<C> {}
// SAFETY: as above; the pointer itself is never written through concurrently
// at the same index.
unsafe impl<C: Send> Sync for SharedPtr<C> {}

/// Runs `op` on every lane of length `shape[axis]` of the row-major `data`.
///
/// `op(buf)` receives a contiguous slice holding a whole number of lanes back
/// to back and must transform each in place.
pub(crate) fn for_each_lane<C, F>(data: &mut [C], shape: &[usize], axis: usize, op: &F)
where
    C: Copy + Default + Send + Sync,
    F: Fn(&mut [C]) + Sync,
{
    let n = shape[axis];
    let outer: usize = shape[..axis].iter().product();
    let inner: usize = shape[axis + 1..].iter().product();
    if n == 0 || outer == 0 || inner == 0 {
        return;
    }
    debug_assert_eq!(data.len(), outer * n * inner);
    if inner == 1 {
        contiguous(data, n, op);
    } else {
        strided(data, n, outer, inner, op);
    }
}

fn contiguous<C, F>(data: &mut [C], n: usize, op: &F)
where
    C: Copy + Default + Send + Sync,
    F: Fn(&mut [C]) + Sync,
{
    #[cfg(feature = "rayon")]
    {
        let lanes = data.len() / n;
        let threads = rayon::current_num_threads();
        if threads > 1 && lanes > 1 && data.len() >= 2 * PAR_MIN {
            use rayon::prelude::*;
            // A few tasks per thread balance uneven progress.
            let per = lanes.div_ceil(4 * threads).max(PAR_MIN.div_ceil(n));
            data.par_chunks_mut(per * n).for_each(op);
            return;
        }
    }
    op(data);
}

fn strided<C, F>(data: &mut [C], n: usize, outer: usize, inner: usize, op: &F)
where
    C: Copy + Default + Send + Sync,
    F: Fn(&mut [C]) + Sync,
{
    let chunks = inner.div_ceil(GATHER);
    let tasks = outer * chunks;
    let ptr = SharedPtr(data.as_mut_ptr());
    let run = |t: usize, buf: &mut Vec<C>| {
        let (o, c) = (t / chunks, t % chunks);
        let c0 = c * GATHER;
        let width = GATHER.min(inner - c0);
        buf.clear();
        buf.resize(width * n, C::default());
        let base = o * n * inner + c0;
        let p = ptr;
        // SAFETY: task `t` reads and writes only the columns `c0..c0 + width` of
        // block `o`, i.e. indices `base + r * inner + b` with `r < n`, `b < width`;
        // these sets are disjoint across tasks and lie inside `data`
        // (`base + (n - 1) * inner + width - 1 < (o + 1) * n * inner`).
        unsafe {
            for r in 0..n {
                let row = p.0.add(base + r * inner);
                for b in 0..width {
                    *buf.get_unchecked_mut(b * n + r) = *row.add(b);
                }
            }
        }
        op(buf);
        // SAFETY: same index set as the gather above.
        unsafe {
            for r in 0..n {
                let row = p.0.add(base + r * inner);
                for b in 0..width {
                    *row.add(b) = *buf.get_unchecked(b * n + r);
                }
            }
        }
    };
    #[cfg(feature = "rayon")]
    {
        if rayon::current_num_threads() > 1 && tasks > 1 && outer * n * inner >= 2 * PAR_MIN {
            use rayon::prelude::*;
            (0..tasks)
                .into_par_iter()
                .for_each_init(Vec::new, |buf, t| run(t, buf));
            return;
        }
    }
    let mut buf = Vec::new();
    for t in 0..tasks {
        run(t, &mut buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reverses every lane: checks that each lane is visited once, in order,
    /// along every axis of a 3-D buffer.
    #[test]
    fn lanes_are_visited_along_every_axis() {
        let shape = [3usize, 5, 37];
        let len: usize = shape.iter().product();
        for axis in 0..3 {
            let mut data: Vec<usize> = (0..len).collect();
            let n = shape[axis];
            for_each_lane(&mut data, &shape, axis, &|buf: &mut [usize]| {
                for lane in buf.chunks_mut(n) {
                    lane.reverse();
                }
            });
            let strides = [shape[1] * shape[2], shape[2], 1];
            for (i, &v) in data.iter().enumerate() {
                let mut idx = [i / strides[0], (i / strides[1]) % shape[1], i % shape[2]];
                idx[axis] = n - 1 - idx[axis];
                assert_eq!(
                    v,
                    idx[0] * strides[0] + idx[1] * strides[1] + idx[2],
                    "axis {axis} index {i}"
                );
            }
        }
    }
}
