//! ferrosci::linalg timings; the SciPy side is tools/bench/linalg.py
//! (`python3 tools/bench/compare.py linalg`).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ferrosci::linalg::{
    SvdOptions, cholesky, det, eigh, eigvalsh, inv, lu_factor, qr, solve, svd_with, svdvals,
};
use ndarray::{Array1, Array2};
use std::hint::black_box;
use std::time::Duration;

/// The same deterministic matrices as tools/bench/linalg.py.
fn matrix(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| {
        ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin()
    })
}

fn spd(n: usize) -> Array2<f64> {
    let a = matrix(n);
    a.t().dot(&a) + Array2::<f64>::eye(n) * n as f64
}

/// The "linalg" group with this file's sampling settings.
fn group(c: &mut Criterion) -> criterion::BenchmarkGroup<'_, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group("linalg");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    g
}

fn bench_linalg(c: &mut Criterion) {
    let mut g = group(c);
    for n in [200usize, 1000, 2000] {
        let a = matrix(n);
        g.bench_with_input(BenchmarkId::new("lu_factor", n), &a, |b, a| {
            b.iter(|| lu_factor(black_box(a)).unwrap())
        });
    }
    let n = 1000;
    let a = matrix(n);
    let s = spd(n);
    let rhs = Array1::from_shape_fn(n, |i| (i as f64).cos());
    g.bench_with_input(BenchmarkId::new("cholesky", n), &s, |b, s| {
        b.iter(|| cholesky(black_box(s)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("qr", n), &a, |b, a| {
        b.iter(|| qr(black_box(a)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("inv", n), &a, |b, a| {
        b.iter(|| inv(black_box(a)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("det", n), &a, |b, a| {
        b.iter(|| det(black_box(a)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("solve", n), &a, |b, a| {
        b.iter(|| solve(black_box(a), &rhs).unwrap())
    });
    let thin = SvdOptions {
        full_matrices: false,
        ..Default::default()
    };
    for n in [200usize, 500, 1000] {
        let a = matrix(n);
        g.bench_with_input(BenchmarkId::new("svd", n), &a, |b, a| {
            b.iter(|| svd_with(black_box(a), &thin).unwrap())
        });
    }
    g.bench_with_input(BenchmarkId::new("svdvals", 1000), &a, |b, a| {
        b.iter(|| svdvals(black_box(a)).unwrap())
    });
    for n in [500usize, 1000] {
        let s = spd(n);
        g.bench_with_input(BenchmarkId::new("eigh", n), &s, |b, s| {
            b.iter(|| eigh(black_box(s)).unwrap())
        });
    }
    for n in [4usize, 16] {
        let a = matrix(n);
        let rhs = Array1::from_shape_fn(n, |i| (i as f64).cos());
        g.bench_with_input(BenchmarkId::new("det_small", n), &a, |b, a| {
            b.iter(|| det(black_box(a)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("inv_small", n), &a, |b, a| {
            b.iter(|| inv(black_box(a)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("solve_small", n), &a, |b, a| {
            b.iter(|| solve(black_box(a), &rhs).unwrap())
        });
        let s = spd(n);
        g.bench_with_input(BenchmarkId::new("eigh_small", n), &s, |b, s| {
            b.iter(|| eigh(black_box(s)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("eigvalsh_small", n), &s, |b, s| {
            b.iter(|| eigvalsh(black_box(s)).unwrap())
        });
    }
    // Nonsymmetric eigenproblem (linalg-eig).
    {
        use ferrosci::linalg::{eig, eigvals, schur};
        let a = matrix(500);
        g.bench_with_input(BenchmarkId::new("eig", 500), &a, |b, a| {
            b.iter(|| eig(black_box(a)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("eigvals", 500), &a, |b, a| {
            b.iter(|| eigvals(black_box(a)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("schur", 500), &a, |b, a| {
            b.iter(|| schur(black_box(a)).unwrap())
        });
    }
    g.finish();
    // The GEMM under the factorizations; criterion prints its rate in
    // elements/s, here flops/s (2n³ per product).
    let mut g = group(c);
    for n in [200usize, 1000, 2000] {
        let a = matrix(n);
        g.throughput(criterion::Throughput::Elements(2 * (n * n * n) as u64));
        g.bench_with_input(BenchmarkId::new("gemm", n), &a, |b, a| {
            b.iter(|| ferrosci::linalg::matmul(black_box(a), a))
        });
    }
    g.finish();
}

criterion_group!(benches, bench_linalg);
criterion_main!(benches);
