#!/usr/bin/env python3
"""Runs ferrosci's criterion benches and the same workloads in SciPy, in one
run on this machine, and prints a table: workload, ferrosci median, SciPy
median, ratio (ferrosci / SciPy; below 1 means ferrosci is faster).

Usage: python3 tools/bench/compare.py MODULE [MODULE ...] [--all-cores] [--filter REGEX]

Single-threaded by default (RAYON_NUM_THREADS=1 for ferrosci;
OPENBLAS_NUM_THREADS=1 and workers=1 for SciPy); --all-cores lifts both.
SciPy runs with its fastest OpenBLAS kernel: this machine sets
OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE, which select a slower one, so they are
removed from the SciPy process's environment alone. ferrosci runs in a default
`cargo bench` build (no target-cpu=native).
"""
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
HERE = pathlib.Path(__file__).resolve().parent


def rust_side(module, all_cores, flt):
    home = ROOT / "target" / "criterion-compare" / module
    shutil.rmtree(home, ignore_errors=True)  # no stale results from removed benches
    env = dict(os.environ, CRITERION_HOME=str(home))
    if not all_cores:
        env["RAYON_NUM_THREADS"] = "1"
    cmd = ["cargo", "bench", "--bench", module, "--"]
    if flt:
        cmd.append(flt)
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=sys.stderr)
    out = {}
    for bench in home.rglob("new/benchmark.json"):
        full_id = json.loads(bench.read_text())["full_id"]
        est = json.loads((bench.parent / "estimates.json").read_text())
        out[full_id] = est["median"]["point_estimate"] * 1e-9
    return out


def scipy_side(module, all_cores, flt):
    env = {k: v for k, v in os.environ.items()
           if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    if all_cores:
        env.pop("OPENBLAS_NUM_THREADS", None)
    else:
        env["OPENBLAS_NUM_THREADS"] = "1"
    cmd = [sys.executable, str(HERE / "scipy_side.py"), module]
    if all_cores:
        cmd.append("--all-cores")
    if flt:
        cmd += ["--filter", flt]
    res = subprocess.run(cmd, cwd=ROOT, env=env, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(res.stdout)


def fmt(sec):
    if sec is None:
        return "—"
    if sec >= 1:
        return f"{sec:.3f} s"
    if sec >= 1e-3:
        return f"{sec*1e3:.3f} ms"
    return f"{sec*1e6:.3f} µs"


def main():
    args = sys.argv[1:]
    all_cores = "--all-cores" in args
    flt = None
    if "--filter" in args:
        flt = args[args.index("--filter") + 1]
    modules = [a for i, a in enumerate(args)
               if not a.startswith("--") and (i == 0 or args[i - 1] != "--filter")]
    print(f"threads: {'all cores' if all_cores else 'one'}\n")
    print("| workload | ferrosci | SciPy | ratio |")
    print("|---|---:|---:|---:|")
    for module in modules:
        rust = rust_side(module, all_cores, flt)
        py = scipy_side(module, all_cores, flt)
        ids = list(py)
        ids += [i for i in sorted(rust) if i not in py and (flt is None or re.search(flt, i))]
        for wid in ids:
            r, p = rust.get(wid), py.get(wid)
            ratio = f"{r / p:.2f}" if r and p else "—"
            print(f"| {wid} | {fmt(r)} | {fmt(p)} | {ratio} |", flush=True)


if __name__ == "__main__":
    main()
