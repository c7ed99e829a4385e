"""SciPy side of benches/special.rs: the same functions on the same 10^6-point grids."""
import numpy as np
import scipy.special as sc

N = 1_000_000


def workloads(workers):
    grids = {
        "gamma": (sc.gamma, np.linspace(0.1, 20.0, N)),
        "gammaln": (sc.gammaln, np.linspace(0.1, 100.0, N)),
        "erf": (sc.erf, np.linspace(-3.0, 3.0, N)),
        "erfinv": (sc.erfinv, np.linspace(-0.999, 0.999, N)),
        "ndtri": (sc.ndtri, np.linspace(1e-6, 1.0 - 1e-6, N)),
        "betainc_2_3": (lambda x: sc.betainc(2.0, 3.0, x), np.linspace(0.0, 1.0, N)),
        "jv_2.5": (lambda x: sc.jv(2.5, x), np.linspace(0.01, 50.0, N)),
        "kv_1.5": (lambda x: sc.kv(1.5, x), np.linspace(0.01, 20.0, N)),
        "hyp2f1": (lambda x: sc.hyp2f1(0.5, 1.5, 2.5, x), np.linspace(-0.99, 0.99, N)),
        "ellipk": (sc.ellipk, np.linspace(0.0, 0.999, N)),
        "dawsn": (sc.dawsn, np.linspace(-10.0, 10.0, N)),
        "eval_legendre_10": (lambda x: sc.eval_legendre(10, x), np.linspace(-1.0, 1.0, N)),
        "eval_laguerre_10": (lambda x: sc.eval_laguerre(10, x), np.linspace(0.0, 40.0, N)),
        "eval_legendre_10.5": (lambda x: sc.eval_legendre(10.5, x), np.linspace(-0.99, 1.0, N)),
        "eval_laguerre_10.5": (lambda x: sc.eval_laguerre(10.5, x), np.linspace(0.0, 40.0, N)),
        "struve_0.7": (lambda x: sc.struve(0.7, x), np.linspace(0.01, 50.0, N)),
        "lpmv_2_5.5": (lambda x: sc.lpmv(2.0, 5.5, x), np.linspace(-0.9, 0.9, N)),
    }
    for name, (f, x) in grids.items():
        yield f"special/{name}/{N}", (lambda f=f, x=x: f(x))
