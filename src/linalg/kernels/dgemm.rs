//! The f64 GEMM: packed, cache-blocked, with an AVX-512 FMA micro-kernel
//! picked at run time (Goto & van de Geijn, "Anatomy of high-performance
//! matrix multiplication", 2008). CPUs without AVX-512F, and every other
//! element type, go through `matrixmultiply` (AVX2 at best), which reaches
//! only about half of a Zen 5 core's 512-bit FMA peak.
//!
//! Loop nest, outermost first: `NC` columns of `B` are packed into `KC × NR`
//! slivers (the block lives in L3), `MC` rows of `A` into `MR × KC` slivers
//! (L2), and each `MR × NR` tile of `C` is one call of the micro-kernel, which
//! streams one `A` sliver against the `B` sliver that stays in L1. Ragged
//! edges are packed with zeros and written back element by element.

/// `C ← α·A·B + β·C` (f64) on raw strided storage; the same contract as
/// `matrixmultiply::dgemm`, whose result it matches to rounding. `β = 0`
/// overwrites `C` without reading it.
///
/// # Safety
/// `a` is valid for an `m × k` matrix with strides `(rsa, csa)`, `b` for a
/// `k × n` matrix with `(rsb, csb)`, `c` for an `m × n` matrix with
/// `(rsc, csc)` that does not overlap `a` or `b`.
#[allow(clippy::too_many_arguments)]
pub(crate) unsafe fn dgemm(
    m: usize,
    k: usize,
    n: usize,
    alpha: f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    b: *const f64,
    rsb: isize,
    csb: isize,
    beta: f64,
    c: *mut f64,
    rsc: isize,
    csc: isize,
) {
    #[cfg(target_arch = "x86_64")]
    if m > 0 && n > 0 && k > 0 && std::is_x86_feature_detected!("avx512f") {
        let op = avx512::Op {
            m,
            k,
            n,
            alpha,
            a,
            rsa,
            csa,
            b,
            rsb,
            csb,
            beta,
            c,
            rsc,
            csc,
        };
        // SAFETY: the CPU has AVX-512F; the rest is the caller's contract.
        unsafe { avx512::gemm(op) };
        return;
    }
    // SAFETY: forwarded contract.
    unsafe { matrixmultiply::dgemm(m, k, n, alpha, a, rsa, csa, b, rsb, csb, beta, c, rsc, csc) }
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;
    use std::cell::Cell;

    /// Rows of a micro-tile.
    const MR: usize = 8;
    /// 512-bit vectors (8 doubles each) across a micro-tile.
    const NV: usize = 3;
    /// Columns of a micro-tile.
    const NR: usize = 8 * NV;
    /// Depth of a packed block: a `KC × NR` sliver of `B` (36 KiB) fits the
    /// 48 KiB L1 of a Zen 5 core.
    const KC: usize = 192;
    /// Rows of a packed block of `A`: `MC × KC` (288 KiB) stays in the 1 MiB L2.
    const MC: usize = 192;
    /// Columns of a packed block of `B` (4.5 MiB at `KC`, in L3).
    const NC: usize = 3072;

    /// One product, as passed to [`super::dgemm`].
    #[derive(Clone, Copy)]
    pub(super) struct Op {
        pub m: usize,
        pub k: usize,
        pub n: usize,
        pub alpha: f64,
        pub a: *const f64,
        pub rsa: isize,
        pub csa: isize,
        pub b: *const f64,
        pub rsb: isize,
        pub csb: isize,
        pub beta: f64,
        pub c: *mut f64,
        pub rsc: isize,
        pub csc: isize,
    }

    /// 64-byte aligned storage for packed slivers.
    #[derive(Clone, Copy)]
    #[repr(C, align(64))]
    struct Line([f64; 8]);

    thread_local! {
        /// Packing buffers kept between calls (the blocked factorizations
        /// call GEMM many times on small blocks).
        static BUFS: Cell<(Vec<Line>, Vec<Line>)> = const { Cell::new((Vec::new(), Vec::new())) };
    }

    /// A buffer of at least `len` doubles (contents unspecified).
    fn reserve(buf: &mut Vec<Line>, len: usize) -> *mut f64 {
        let lines = len.div_ceil(8);
        if buf.len() < lines {
            *buf = vec![Line([0.0; 8]); lines];
        }
        buf.as_mut_ptr().cast()
    }

    /// # Safety
    /// The CPU supports AVX-512F; `op` satisfies [`super::dgemm`]'s contract
    /// with `m, n, k > 0`.
    pub(super) unsafe fn gemm(op: Op) {
        let (mut bufa, mut bufb) = BUFS.take();
        let kc_max = op.k.min(KC);
        let pa = reserve(&mut bufa, op.m.min(MC).next_multiple_of(MR) * kc_max);
        let pb = reserve(&mut bufb, op.n.min(NC).next_multiple_of(NR) * kc_max);
        let mut jc = 0;
        while jc < op.n {
            let nc = (op.n - jc).min(NC);
            let mut pc = 0;
            while pc < op.k {
                let kc = (op.k - pc).min(KC);
                // The first block of the sum applies β; later ones accumulate.
                let beta = if pc == 0 { op.beta } else { 1.0 };
                // SAFETY: `pb` holds `nc` rounded up to `NR` times `kc`
                // doubles; the source block is inside `B`.
                unsafe {
                    pack::<NR>(
                        pb,
                        op.b.offset(pc as isize * op.rsb + jc as isize * op.csb),
                        op.csb,
                        op.rsb,
                        nc,
                        kc,
                    )
                };
                let mut ic = 0;
                while ic < op.m {
                    let mc = (op.m - ic).min(MC);
                    // SAFETY: as for `pb`; then every tile handed to the
                    // micro-kernel lies inside `C`.
                    unsafe {
                        pack::<MR>(
                            pa,
                            op.a.offset(ic as isize * op.rsa + pc as isize * op.csa),
                            op.rsa,
                            op.csa,
                            mc,
                            kc,
                        );
                        let c = op.c.offset(ic as isize * op.rsc + jc as isize * op.csc);
                        macro_block(&op, pa, pb, mc, nc, kc, beta, c);
                    }
                    ic += mc;
                }
                pc += kc;
            }
            jc += nc;
        }
        BUFS.set((bufa, bufb));
    }

    /// All tiles of one `mc × nc` block of `C`.
    #[target_feature(enable = "avx512f")]
    #[allow(clippy::too_many_arguments)]
    unsafe fn macro_block(
        op: &Op,
        pa: *const f64,
        pb: *const f64,
        mc: usize,
        nc: usize,
        kc: usize,
        beta: f64,
        c: *mut f64,
    ) {
        for jr in (0..nc).step_by(NR) {
            let cols = (nc - jr).min(NR);
            for ir in (0..mc).step_by(MR) {
                let rows = (mc - ir).min(MR);
                // SAFETY: sliver `ir / MR` of `pa`, `jr / NR` of `pb`; the
                // tile at (ir, jr) is inside the block of `C`.
                unsafe {
                    let t = c.offset(ir as isize * op.rsc + jr as isize * op.csc);
                    let acc = micro(kc, pa.add(ir * kc), pb.add(jr * kc));
                    if rows == MR && cols == NR && op.csc == 1 {
                        store_full(acc, op.alpha, beta, t, op.rsc);
                    } else {
                        store_edge(acc, op.alpha, beta, t, op.rsc, op.csc, rows, cols);
                    }
                }
            }
        }
    }

    type Tile = [[__m512d; NV]; MR];

    /// `Σₚ a[:, p]·b[p, :]` over one `MR × kc` and one `kc × NR` sliver.
    #[target_feature(enable = "avx512f")]
    #[inline]
    unsafe fn micro(kc: usize, a: *const f64, b: *const f64) -> Tile {
        let mut acc = [[_mm512_setzero_pd(); NV]; MR];
        for p in 0..kc {
            // SAFETY: `p < kc` rows of the slivers; `b` rows are 64-byte aligned.
            unsafe {
                let bp = b.add(p * NR);
                let bv = [
                    _mm512_load_pd(bp),
                    _mm512_load_pd(bp.add(8)),
                    _mm512_load_pd(bp.add(16)),
                ];
                let ap = a.add(p * MR);
                for (r, row) in acc.iter_mut().enumerate() {
                    let av = _mm512_set1_pd(*ap.add(r));
                    for (x, &y) in row.iter_mut().zip(&bv) {
                        *x = _mm512_fmadd_pd(av, y, *x);
                    }
                }
            }
        }
        acc
    }

    /// Writes a full tile to unit-column-stride `C`.
    #[target_feature(enable = "avx512f")]
    #[inline]
    unsafe fn store_full(acc: Tile, alpha: f64, beta: f64, c: *mut f64, rsc: isize) {
        let al = _mm512_set1_pd(alpha);
        let be = _mm512_set1_pd(beta);
        for (r, row) in acc.iter().enumerate() {
            for (v, &x) in row.iter().enumerate() {
                // SAFETY: the tile is inside `C` (caller).
                unsafe {
                    let p = c.offset(r as isize * rsc).add(8 * v);
                    let y = if beta == 0.0 {
                        _mm512_mul_pd(al, x)
                    } else {
                        _mm512_fmadd_pd(be, _mm512_loadu_pd(p), _mm512_mul_pd(al, x))
                    };
                    _mm512_storeu_pd(p, y);
                }
            }
        }
    }

    /// Writes the `rows × cols` corner of a tile to `C` with any strides.
    #[target_feature(enable = "avx512f")]
    #[allow(clippy::too_many_arguments)]
    unsafe fn store_edge(
        acc: Tile,
        alpha: f64,
        beta: f64,
        c: *mut f64,
        rsc: isize,
        csc: isize,
        rows: usize,
        cols: usize,
    ) {
        let mut t = [Line([0.0; 8]); MR * NV];
        for (r, row) in acc.iter().enumerate() {
            for (v, &x) in row.iter().enumerate() {
                // SAFETY: `t` holds MR·NV aligned lines.
                unsafe { _mm512_store_pd(t[r * NV + v].0.as_mut_ptr(), x) };
            }
        }
        for r in 0..rows {
            for j in 0..cols {
                let s = alpha * t[r * NV + j / 8].0[j % 8];
                // SAFETY: `(r, j)` is inside `C` (caller).
                unsafe {
                    let p = c.offset(r as isize * rsc + j as isize * csc);
                    *p = if beta == 0.0 { s } else { beta * *p + s };
                }
            }
        }
    }

    /// Packs a block of `len` lanes (rows of `A` or columns of `B`) by
    /// `depth` into slivers of `W` lanes, each stored depth step by depth
    /// step (`W` doubles per step) and zero-padded to `W` lanes. Element
    /// (lane `l`, step `p`) is read at `src + l·s_lane + p·s_depth`.
    unsafe fn pack<const W: usize>(
        dst: *mut f64,
        src: *const f64,
        s_lane: isize,
        s_depth: isize,
        len: usize,
        depth: usize,
    ) {
        for (s, l0) in (0..len).step_by(W).enumerate() {
            let lanes = (len - l0).min(W);
            // SAFETY: sliver `s` of `dst` holds `W·depth` doubles; sources
            // are inside the operand (caller).
            unsafe {
                let d = dst.add(s * W * depth);
                for p in 0..depth {
                    let from = src.offset(l0 as isize * s_lane + p as isize * s_depth);
                    let dp = d.add(p * W);
                    if s_lane == 1 && lanes == W {
                        std::ptr::copy_nonoverlapping(from, dp, W);
                    } else {
                        for l in 0..lanes {
                            *dp.add(l) = *from.offset(l as isize * s_lane);
                        }
                        for l in lanes..W {
                            *dp.add(l) = 0.0;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::dgemm;

    /// `β·C + α·A·B` by the triple loop.
    #[allow(clippy::too_many_arguments)]
    fn naive(
        m: usize,
        k: usize,
        n: usize,
        alpha: f64,
        a: impl Fn(usize, usize) -> f64,
        b: impl Fn(usize, usize) -> f64,
        beta: f64,
        c: &[f64],
    ) -> Vec<f64> {
        let mut out = vec![0.0; m * n];
        for i in 0..m {
            for j in 0..n {
                let s: f64 = (0..k).map(|p| a(i, p) * b(p, j)).sum();
                let c0 = if beta == 0.0 {
                    0.0
                } else {
                    beta * c[i * n + j]
                };
                out[i * n + j] = c0 + alpha * s;
            }
        }
        out
    }

    #[test]
    fn matches_triple_loop_on_odd_shapes_strides_and_scalars() {
        let sizes = [1usize, 7, 8, 25, 33, 200, 257];
        let mut cases = 0;
        for (t, &m) in sizes.iter().enumerate() {
            for (u, &k) in sizes.iter().enumerate() {
                // Only a spread of (m, k, n) combinations: the triple loop is slow.
                let n = sizes[(t + 2 * u) % sizes.len()];
                if m * k * n > 3_000_000 {
                    continue;
                }
                let (alpha, beta) = [(1.0, 0.0), (-1.0, 1.0), (0.5, -2.0), (2.0, 0.0)][cases % 4];
                let trans_a = cases % 3 == 1;
                let trans_b = cases % 5 == 2;
                cases += 1;
                // Operands stored inside larger buffers (leading dimension
                // padded by 3), possibly transposed.
                let fa = |i: usize, p: usize| ((i * 7 + p * 3) as f64 * 0.013).sin();
                let fb = |p: usize, j: usize| ((p + 2 * j) as f64 * 0.021).cos();
                let (ra, ca) = if trans_a { (k, m) } else { (m, k) };
                let lda = ca + 3;
                let mut abuf = vec![f64::NAN; ra * lda];
                for i in 0..m {
                    for p in 0..k {
                        let idx = if trans_a { p * lda + i } else { i * lda + p };
                        abuf[idx] = fa(i, p);
                    }
                }
                let (rb, cb) = if trans_b { (n, k) } else { (k, n) };
                let ldb = cb + 3;
                let mut bbuf = vec![f64::NAN; rb * ldb];
                for p in 0..k {
                    for j in 0..n {
                        let idx = if trans_b { j * ldb + p } else { p * ldb + j };
                        bbuf[idx] = fb(p, j);
                    }
                }
                let (rsa, csa) = if trans_a { (1, lda) } else { (lda, 1) };
                let (rsb, csb) = if trans_b { (1, ldb) } else { (ldb, 1) };
                let c0: Vec<f64> = (0..m * n).map(|i| (i % 13) as f64 - 6.0).collect();
                let want = naive(m, k, n, alpha, fa, fb, beta, &c0);
                // `C` row-major with padding, and (every other case) column-major.
                let col_major = cases % 2 == 0;
                let ldc = if col_major { m + 1 } else { n + 1 };
                let mut cbuf = vec![0.0; ldc * (m.max(n) + 1)];
                let (rsc, csc) = if col_major { (1, ldc) } else { (ldc, 1) };
                for i in 0..m {
                    for j in 0..n {
                        // β = 0 must not read `C`.
                        cbuf[i * rsc + j * csc] =
                            if beta == 0.0 { f64::NAN } else { c0[i * n + j] };
                    }
                }
                // SAFETY: every buffer is large enough for its strides.
                unsafe {
                    dgemm(
                        m,
                        k,
                        n,
                        alpha,
                        abuf.as_ptr(),
                        rsa as isize,
                        csa as isize,
                        bbuf.as_ptr(),
                        rsb as isize,
                        csb as isize,
                        beta,
                        cbuf.as_mut_ptr(),
                        rsc as isize,
                        csc as isize,
                    )
                };
                for i in 0..m {
                    for j in 0..n {
                        let (g, w) = (cbuf[i * rsc + j * csc], want[i * n + j]);
                        assert!(
                            (g - w).abs() <= 1e-13 * (k as f64 + 1.0) * (1.0 + w.abs()),
                            "{m}x{k}x{n} ta={trans_a} tb={trans_b} α={alpha} β={beta} ({i},{j}): {g} vs {w}"
                        );
                    }
                }
            }
        }
        assert!(cases > 30);
    }
}
