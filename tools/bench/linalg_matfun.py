"""SciPy side of benches/linalg_matfun.rs: same workloads, same ids."""
import numpy as np
import scipy.linalg as sl


def matrix(n):
    i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    return np.sin((i * 131 + j * 71 + i * j * 7) * 0.618 + 0.3) / np.sqrt(n)


def workloads(workers):
    for n in (10, 100, 500):
        a = 4.0 * matrix(n)
        yield f"linalg_matfun/expm/{n}", lambda a=a: sl.expm(a)
    n = 200
    p = matrix(n) + 3.0 * np.eye(n)
    yield f"linalg_matfun/sqrtm/{n}", lambda: sl.sqrtm(p)
    yield f"linalg_matfun/logm/{n}", lambda: sl.logm(p)
    q = matrix(n)
    bm = (matrix(n) + 2.0 * np.eye(n)).T.copy()
    yield f"linalg_matfun/solve_sylvester/{n}", lambda: sl.solve_sylvester(p, bm, q)
    n = 100
    a = matrix(n)
    bb = matrix(n)[:, :5].copy()
    qq, rr = np.eye(n), np.eye(5)
    yield f"linalg_matfun/solve_continuous_are/{n}", lambda: sl.solve_continuous_are(a, bb, qq, rr)
    yield f"linalg_matfun/solve_discrete_are/{n}", lambda: sl.solve_discrete_are(a, bb, qq, rr)
