"""SciPy side of benches/special_b.rs: the same functions on the same 10⁶ points."""
import numpy as np
import scipy.special as sc

N = 1_000_000


def workloads(workers):
    x = np.linspace(0.01, 50.0, N)
    yield f"special/jv_2.5/{N}", lambda: sc.jv(2.5, x)
    x2 = np.linspace(0.01, 20.0, N)
    yield f"special/kv_1.5/{N}", lambda: sc.kv(1.5, x2)
    x3 = np.linspace(-0.99, 0.99, N)
    yield f"special/hyp2f1/{N}", lambda: sc.hyp2f1(0.5, 1.5, 2.5, x3)
    x4 = np.linspace(0.0, 0.999, N)
    yield f"special/ellipk/{N}", lambda: sc.ellipk(x4)
