"""SciPy side of benches/fft.rs: ids equal criterion's full ids."""
import numpy as np
import scipy.fft as F


def signal(n):
    k = np.arange(n)
    return np.sin(k * 0.37) + 1j * np.cos(k * 0.11)


def workloads(workers):
    for n in [1 << 10, 1 << 16, 1 << 20, 1_000_000, 999_983]:
        x = signal(n)
        yield f"fft/c2c/{n}", lambda x=x: F.fft(x, workers=workers)
    n = 1 << 20
    xr = signal(n).real.copy()
    yield f"fft/r2c/{n}", lambda: F.rfft(xr, workers=workers)
    n = 1 << 16
    xd = signal(n).real.copy()
    yield f"fft/dct2/{n}", lambda: F.dct(xd, workers=workers)
    for n in [1024, 4096]:
        i, j = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        x2 = np.sin((i * 7 + j).astype(float)) + 1j * np.cos(j.astype(float))
        yield f"fft/fft2/{n}", lambda x2=x2: F.fft2(x2, workers=workers)
