"""SciPy side of benches/linalg_more.rs: same workloads, same ids."""
import numpy as np
import scipy.linalg as sl


def matrix(n):
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    return np.sin((i * 131 + j * 71 + i * j * 7) * 0.618 + 0.3)


def sym(n):
    a = matrix(n)
    return a + a.T


def spd(n):
    a = matrix(n)
    return a.T @ a + n * np.eye(n)


def band(n, u):
    r, j = np.meshgrid(np.arange(u + 1), np.arange(n), indexing="ij")
    ab = np.cos((r * 17 + j * 5) * 0.37)
    ab[u, :] = 2.0 * u + 1.0 + np.sin(np.arange(n) * 3.0)
    return ab


def workloads(workers):
    for n in (100, 500):
        a = sym(n)
        yield f"linalg_more/ldl/{n}", lambda a=a: sl.ldl(a)
    n = 500
    a, s = sym(n), spd(n)
    yield f"linalg_more/eigh_subset10/{n}", lambda: sl.eigh(a, subset_by_index=(n - 10, n - 1))
    yield f"linalg_more/eigh_generalized/{n}", lambda: sl.eigh(a, s)
    yield f"linalg_more/pinvh/{n}", lambda: sl.pinvh(a)
    yield f"linalg_more/polar/{n}", lambda: sl.polar(a)
    for n in (1000, 4000):
        d = np.sin(np.arange(n) * 0.3)
        e = 1.0 + np.cos(np.arange(n - 1) * 0.7)
        yield f"linalg_more/eigvalsh_tridiagonal/{n}", lambda d=d, e=e: sl.eigvalsh_tridiagonal(d, e)
        yield (f"linalg_more/eigh_tridiagonal_i10/{n}",
               lambda d=d, e=e: sl.eigh_tridiagonal(d, e, select="i", select_range=(0, 9)))
        if n == 1000:
            yield f"linalg_more/eigh_tridiagonal/{n}", lambda d=d, e=e: sl.eigh_tridiagonal(d, e)
    for n, u in ((1000, 10), (2000, 40)):
        ab = band(n, u)
        yield f"linalg_more/eigvals_banded/{n}x{u}", lambda ab=ab: sl.eigvals_banded(ab)
        yield f"linalg_more/cholesky_banded/{n}x{u}", lambda ab=ab: sl.cholesky_banded(ab)
        yield (f"linalg_more/eigvals_banded_i10/{n}x{u}",
               lambda ab=ab: sl.eigvals_banded(ab, select="i", select_range=(0, 9)))
    ab = band(500, 10)
    for n in (50, 200):
        a, s = matrix(n), spd(n)
        yield f"linalg_more/qz/{n}", lambda a=a, s=s: sl.qz(a, s)
        yield f"linalg_more/ordqz_lhp/{n}", lambda a=a, s=s: sl.ordqz(a, s, sort="lhp")
    for n in (100, 300):
        a, s = matrix(n), spd(n)
        yield f"linalg_more/eig_generalized/{n}", lambda a=a, s=s: sl.eig(a, s)
        yield f"linalg_more/eigvals_generalized/{n}", lambda a=a, s=s: sl.eigvals(a, s)
        ac, sc = a.astype(complex), s.astype(complex)
        yield f"linalg_more/eig_generalized_complex/{n}", lambda a=ac, s=sc: sl.eig(a, s)
        yield f"linalg_more/eigvals_generalized_complex/{n}", lambda a=ac, s=sc: sl.eigvals(a, s)
    yield "linalg_more/eig_banded/500x10", lambda: sl.eig_banded(ab)
