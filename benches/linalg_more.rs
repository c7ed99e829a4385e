//! ferrosci::linalg timings for ldl, eigh subsets and generalized problems,
//! eigh_tridiagonal, eig_banded, cholesky_banded, polar, pinvh, qz, ordqz and the
//! generalized eig (real input, and the same pencil as complex input); the SciPy
//! side is tools/bench/linalg_more.py (`python3 tools/bench/compare.py linalg_more`).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ferrosci::linalg::{
    EigBandedOptions, EigSelect, EighOptions, EighTridiagonalOptions, QzSort, cholesky_banded,
    eig_banded, eig_generalized, eigh_generalized, eigh_tridiagonal, eigh_tridiagonal_with,
    eigh_with, eigvals_banded, eigvals_banded_with, eigvals_generalized, eigvalsh_tridiagonal, ldl,
    ordqz, pinvh, polar, qz,
};
use ndarray::{Array1, Array2};
use num_complex::Complex64;
use std::hint::black_box;
use std::time::Duration;

/// The same deterministic matrices as tools/bench/linalg_more.py.
fn matrix(n: usize) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |(i, j)| {
        ((i * 131 + j * 71 + i * j * 7) as f64 * 0.618 + 0.3).sin()
    })
}

fn sym(n: usize) -> Array2<f64> {
    let a = matrix(n);
    &a + &a.t()
}

fn spd(n: usize) -> Array2<f64> {
    let a = matrix(n);
    a.t().dot(&a) + Array2::<f64>::eye(n) * n as f64
}

/// Upper band storage of a symmetric band matrix with `u` superdiagonals.
fn band(n: usize, u: usize) -> Array2<f64> {
    Array2::from_shape_fn((u + 1, n), |(r, j)| {
        if r == u {
            2.0 * u as f64 + 1.0 + ((j * 3) as f64).sin()
        } else {
            ((r * 17 + j * 5) as f64 * 0.37).cos()
        }
    })
}

fn bench_linalg_more(c: &mut Criterion) {
    let mut g = c.benchmark_group("linalg_more");
    g.sample_size(10)
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_secs(1));
    for n in [100usize, 500] {
        let a = sym(n);
        g.bench_with_input(BenchmarkId::new("ldl", n), &a, |b, a| {
            b.iter(|| ldl(black_box(a)).unwrap())
        });
    }
    let n = 500;
    let (a, s) = (sym(n), spd(n));
    let top = EighOptions {
        subset_by_index: Some((n - 10, n - 1)),
        ..Default::default()
    };
    g.bench_with_input(BenchmarkId::new("eigh_subset10", n), &a, |b, a| {
        b.iter(|| eigh_with(black_box(a), &top).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("eigh_generalized", n), &a, |b, a| {
        b.iter(|| eigh_generalized(black_box(a), &s).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("pinvh", n), &a, |b, a| {
        b.iter(|| pinvh(black_box(a)).unwrap())
    });
    g.bench_with_input(BenchmarkId::new("polar", n), &a, |b, a| {
        b.iter(|| polar(black_box(a)).unwrap())
    });
    for n in [1000usize, 4000] {
        let d = Array1::from_shape_fn(n, |i| (i as f64 * 0.3).sin());
        let e = Array1::from_shape_fn(n - 1, |i| 1.0 + (i as f64 * 0.7).cos());
        g.bench_with_input(BenchmarkId::new("eigvalsh_tridiagonal", n), &n, |b, _| {
            b.iter(|| eigvalsh_tridiagonal(black_box(&d), &e).unwrap())
        });
        let sel = EighTridiagonalOptions {
            select: EigSelect::Index(0, 9),
            ..Default::default()
        };
        g.bench_with_input(BenchmarkId::new("eigh_tridiagonal_i10", n), &n, |b, _| {
            b.iter(|| eigh_tridiagonal_with(black_box(&d), &e, &sel).unwrap())
        });
        if n == 1000 {
            g.bench_with_input(BenchmarkId::new("eigh_tridiagonal", n), &n, |b, _| {
                b.iter(|| eigh_tridiagonal(black_box(&d), &e).unwrap())
            });
        }
    }
    for (n, u) in [(1000usize, 10usize), (2000, 40)] {
        let ab = band(n, u);
        let id = format!("{n}x{u}");
        g.bench_with_input(BenchmarkId::new("eigvals_banded", &id), &ab, |b, ab| {
            b.iter(|| eigvals_banded(black_box(ab)).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("cholesky_banded", &id), &ab, |b, ab| {
            b.iter(|| cholesky_banded(black_box(ab)).unwrap())
        });
        let sel = EigBandedOptions {
            select: EigSelect::Index(0, 9),
            ..Default::default()
        };
        g.bench_with_input(BenchmarkId::new("eigvals_banded_i10", &id), &ab, |b, ab| {
            b.iter(|| eigvals_banded_with(black_box(ab), &sel).unwrap())
        });
    }
    for n in [50usize, 200] {
        let (a, s) = (matrix(n), spd(n));
        g.bench_with_input(BenchmarkId::new("qz", n), &a, |b, a| {
            b.iter(|| qz(black_box(a), &s).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("ordqz_lhp", n), &a, |b, a| {
            b.iter(|| ordqz(black_box(a), &s, QzSort::Lhp).unwrap())
        });
    }
    for n in [100usize, 300] {
        let (a, s) = (matrix(n), spd(n));
        g.bench_with_input(BenchmarkId::new("eig_generalized", n), &a, |b, a| {
            b.iter(|| eig_generalized(black_box(a), &s).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("eigvals_generalized", n), &a, |b, a| {
            b.iter(|| eigvals_generalized(black_box(a), &s).unwrap())
        });
        let c = |m: &Array2<f64>| m.mapv(|v| Complex64::new(v, 0.0));
        let (ac, sc) = (c(&a), c(&s));
        g.bench_with_input(
            BenchmarkId::new("eig_generalized_complex", n),
            &ac,
            |b, a| b.iter(|| eig_generalized(black_box(a), &sc).unwrap()),
        );
        g.bench_with_input(
            BenchmarkId::new("eigvals_generalized_complex", n),
            &ac,
            |b, a| b.iter(|| eigvals_generalized(black_box(a), &sc).unwrap()),
        );
    }
    let ab = band(500, 10);
    g.bench_with_input(BenchmarkId::new("eig_banded", "500x10"), &ab, |b, ab| {
        b.iter(|| eig_banded(black_box(ab)).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench_linalg_more);
criterion_main!(benches);
