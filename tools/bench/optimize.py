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
    tut_cons = [{"type": "ineq", "fun": lambda x: np.array([x[0] - 2 * x[1] + 2])},
                {"type": "ineq", "fun": lambda x: np.array([-x[0] - 2 * x[1] + 6])},
                {"type": "ineq", "fun": lambda x: np.array([-x[0] + 2 * x[1] + 2])}]
    tut_bounds = so.Bounds([0, 0], [np.inf, np.inf])
    yield "optimize/cobyla_tutorial_ineq", lambda: so.minimize(
        lambda x: (x[0] - 1) ** 2 + (x[1] - 2.5) ** 2, np.array([2.0, 0.0]), method="COBYLA",
        constraints=tut_cons, bounds=tut_bounds)
    yield "optimize/cobyqa_rosen2", lambda: so.minimize(so.rosen, x2, method="COBYQA")
    yield "optimize/brentq_cos", lambda: so.brentq(lambda x: np.cos(x) - x, 0.0, 1.0)
    x = np.linspace(-5.0, 5.0, 10_000)
    y = _gauss4(x, 2.0, 0.4, 0.7, 0.3) + 0.05 * np.sin(37.0 * x * x)
    p0 = np.array([1.0, 0.0, 1.0, 0.0])
    yield "optimize/least_squares_trf_gauss4_10000", lambda: so.least_squares(lambda p: _gauss4(x, *p) - y, p0)
    yield "optimize/least_squares_trf_gauss4_10000_jac", lambda: so.least_squares(lambda p: _gauss4(x, *p) - y, p0,
                                                                                  jac=lambda p: _gauss4_jac(x, *p))
    yield "optimize/curve_fit_gauss4_10000", lambda: so.curve_fit(_gauss4, x, y, p0)
    # SciPy's model is always the array one.
    yield "optimize/curve_fit_array_gauss4_10000", lambda: so.curve_fit(_gauss4, x, y, p0)
    yield "optimize/gauss4_eval_10000", lambda: _gauss4(x, 2.0, 0.4, 0.7, 0.3) - y


def _gauss4(x, a, mu, s, c):
    return a * np.exp(-0.5 * ((x - mu) / s) ** 2) + c


def _gauss4_jac(x, a, mu, s, c):
    z = (x - mu) / s
    e = np.exp(-0.5 * z * z)
    return np.stack([e, a * e * z / s, a * e * z * z / s, np.ones_like(x)], axis=1)
