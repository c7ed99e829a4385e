"""SciPy side of benches/linalg.rs: same workloads, same ids."""
import numpy as np
import scipy.linalg as sl


def matrix(n):
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    return np.sin((i * 131 + j * 71 + i * j * 7) * 0.618 + 0.3)


def spd(n):
    a = matrix(n)
    return a.T @ a + n * np.eye(n)


def workloads(workers):
    for n in (200, 1000, 2000):
        a = matrix(n)
        yield f"linalg/lu_factor/{n}", lambda a=a: sl.lu_factor(a)
    for n in (200, 1000, 2000):
        a = matrix(n)
        yield f"linalg/gemm/{n}", lambda a=a: a @ a
    n = 1000
    a, s = matrix(n), spd(n)
    rhs = np.cos(np.arange(n))
    yield f"linalg/cholesky/{n}", lambda: sl.cholesky(s)
    yield f"linalg/qr/{n}", lambda: sl.qr(a)
    yield f"linalg/inv/{n}", lambda: sl.inv(a)
    yield f"linalg/det/{n}", lambda: sl.det(a)
    yield f"linalg/solve/{n}", lambda: sl.solve(a, rhs)
    for n in (200, 500, 1000):
        a = matrix(n)
        yield f"linalg/svd/{n}", lambda a=a: sl.svd(a, full_matrices=False)
    a = matrix(1000)
    yield "linalg/svdvals/1000", lambda: sl.svdvals(a)
    for n in (500, 1000):
        s = spd(n)
        yield f"linalg/eigh/{n}", lambda s=s: sl.eigh(s)
    for n in (4, 16):
        a = matrix(n)
        rhs = np.cos(np.arange(n))
        yield f"linalg/det_small/{n}", lambda a=a: sl.det(a)
        yield f"linalg/inv_small/{n}", lambda a=a: sl.inv(a)
        yield f"linalg/solve_small/{n}", lambda a=a, rhs=rhs: sl.solve(a, rhs)
        s = spd(n)
        yield f"linalg/eigh_small/{n}", lambda s=s: sl.eigh(s)
        yield f"linalg/eigvalsh_small/{n}", lambda s=s: sl.eigvalsh(s)
    # Nonsymmetric eigenproblem (linalg-eig).
    a = matrix(500)
    yield "linalg/eig/500", lambda: sl.eig(a)
    yield "linalg/eigvals/500", lambda: sl.eigvals(a)
    yield "linalg/schur/500", lambda: sl.schur(a)
