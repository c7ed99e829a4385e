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
    }
    for name, (f, x) in grids.items():
        yield f"special/{name}/{N}", (lambda f=f, x=x: f(x))
