"""Times the SciPy side of one module's benchmark workloads.

Usage: python3 tools/bench/scipy_side.py MODULE [--all-cores] [--filter REGEX]
Imports tools/bench/MODULE.py, whose `workloads(workers)` yields
(id, callable) pairs with ids equal to the criterion benchmark ids of
benches/MODULE.rs, times each callable whose id matches REGEX (all without it) and prints {id: median seconds} as JSON.
Run it through compare.py, which sets up the environment for SciPy's fastest
kernels.
"""
import importlib
import json
import re
import pathlib
import statistics
import sys
import timeit

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))


def median_seconds(fn, budget=2.0, samples=15):
    """Median time per call: calls are batched so one sample lasts >= ~20 ms
    (or a single call if slower), and at most `budget` seconds are spent."""
    fn()  # warm up: plans, caches, imports
    timer = timeit.Timer(fn)
    number, t = timer.autorange()  # smallest batch taking >= 0.2 s
    per_call = t / number
    number = max(1, int(0.02 / per_call)) if per_call < 0.02 else 1
    samples = max(5, min(samples, int(budget / max(per_call * number, 1e-9))))
    times = timer.repeat(repeat=samples, number=number)
    return statistics.median(times) / number


def main():
    module = sys.argv[1]
    workers = -1 if "--all-cores" in sys.argv else 1
    flt = sys.argv[sys.argv.index("--filter") + 1] if "--filter" in sys.argv else None
    mod = importlib.import_module(module)
    out = {}
    for wid, fn in mod.workloads(workers):
        if flt is not None and not re.search(flt, wid):
            continue
        out[wid] = median_seconds(fn)
        print(f"  scipy {wid}: {out[wid]*1e3:.4f} ms", file=sys.stderr)
    try:
        from threadpoolctl import threadpool_info
        info = [f"{i.get('internal_api')} {i.get('version')} {i.get('architecture')} threads={i.get('num_threads')}"
                for i in threadpool_info()]
        print("  SciPy thread pools: " + "; ".join(info), file=sys.stderr)
    except ImportError:
        pass
    print(json.dumps(out))


if __name__ == "__main__":
    main()
