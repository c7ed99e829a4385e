"""SciPy side of benches/optimize.rs (ids match criterion's)."""
import numpy as np
from scipy import optimize as so


def _alternating(n):
    return np.array([-1.2 if i % 2 == 0 else 1.0 for i in range(n)])


def workloads(workers):
    x10, x2, x1000 = _alternating(10), _alternating(2), _alternating(1000)
    yield "optimize/bfgs_rosen10_jac", lambda: so.minimize(so.rosen, x10, method="BFGS", jac=so.rosen_der)
    yield "optimize/nelder_mead_rosen2", lambda: so.minimize(so.rosen, x2, method="Nelder-Mead")
    yield "optimize/lbfgsb_rosen1000_jac", lambda: so.minimize(so.rosen, x1000, method="L-BFGS-B", jac=so.rosen_der)
    yield "optimize/newton_cg_rosen10_hessp", lambda: so.minimize(so.rosen, x10, method="Newton-CG", jac=so.rosen_der,
                                                              hessp=so.rosen_hess_prod)
    yield "optimize/powell_rosen2", lambda: so.minimize(so.rosen, x2, method="Powell")
    yield "optimize/brentq_cos", lambda: so.brentq(lambda x: np.cos(x) - x, 0.0, 1.0)
