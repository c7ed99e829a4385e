//! Robustness sweep over every public scalar function of `ferrosci::special`:
//! each is called on NaN, ±0, subnormal/tiny, ±1, ±0.5, ±2.5, ±1e10, ±1e300
//! and ±inf (a smaller subset per argument for 3- and 4-argument functions,
//! integer orders on {0, ±1, 5, 1e9, MIN/MAX}). No call may panic or take
//! longer than 50 ms (the test profile is opt-level 3); a watchdog ends the
//! process, naming the call, if one hangs.
use ferrosci::special as sp;
use num_complex::Complex64;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

const INF: f64 = f64::INFINITY;
const NAN: f64 = f64::NAN;
const FULL: [f64; 19] = [
    NAN, 0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 1.0, -1.0, 0.5, -0.5, 2.5, -2.5, 1e10, -1e10,
    1e300, -1e300, INF, -INF,
];
const MID: [f64; 13] = [
    NAN, 0.0, -0.0, 5e-324, 1.0, -1.0, 0.5, -2.5, 2.5, 1e10, -1e300, INF, -INF,
];
const SMALL: [f64; 9] = [NAN, 0.0, 1e-300, -1.0, 0.5, 2.5, -1e10, 1e300, -INF];
const OPT: [Option<f64>; 14] = [
    None,
    Some(NAN),
    Some(0.0),
    Some(5e-324),
    Some(1.0),
    Some(-1.0),
    Some(0.5),
    Some(-2.5),
    Some(2.5),
    Some(1e10),
    Some(-1e300),
    Some(1e300),
    Some(INF),
    Some(-INF),
];
/// Huge parameters of the hypergeometric functions (integer and not, both
/// signs) next to ordinary ones, and their arguments.
const HUGE_P: [f64; 14] = [
    1e8,
    -1e8,
    -1e8 - 0.5,
    1e10,
    -1e10,
    -1e10 - 0.5,
    1e15,
    -1e15,
    1e300,
    -1e300,
    0.5,
    -2.5,
    3.0,
    1e8 + 0.25,
];
const HUGE_X: [f64; 7] = [-1e10, -2.0, -0.5, 0.5, 0.999, 1.0, 2.0];
const I32: [i32; 7] = [0, 1, -1, 5, 1_000_000_000, i32::MAX, i32::MIN];
const I64: [i64; 7] = [0, 1, -1, 5, 1_000_000_000, i64::MAX, i64::MIN];
const U32: [u32; 4] = [0, 1, 5, u32::MAX];
const U64: [u64; 5] = [0, 1, 5, 1_000_000_000, u64::MAX];
const BOOL: [bool; 2] = [false, true];

/// Every (re, im) pair of `parts`.
fn grid(parts: &[f64]) -> Vec<Complex64> {
    parts
        .iter()
        .flat_map(|&re| parts.iter().map(move |&im| Complex64::new(re, im)))
        .collect()
}

fn cfull() -> Vec<Complex64> {
    grid(&MID)
}
fn cmid() -> Vec<Complex64> {
    grid(&SMALL)
}
fn csmall() -> Vec<Complex64> {
    grid(&[NAN, 0.0, -1.0, 2.5, 1e300, -INF])
}

const LIMIT: Duration = Duration::from_millis(50);
/// A function whose sweep has not ended after this long is reported as hung.
const HANG: Duration = Duration::from_secs(5);

#[derive(Default)]
struct Guard {
    current: Arc<Mutex<String>>,
    failures: Vec<String>,
    calls: usize,
}

impl Guard {
    fn call<R>(&mut self, name: &str, args: impl Fn() -> String, f: impl FnOnce() -> R) {
        *self.current.lock().unwrap() = format!("{name}{}", args());
        let t = Instant::now();
        let r = catch_unwind(AssertUnwindSafe(f));
        let dt = t.elapsed();
        self.calls += 1;
        if r.is_err() {
            self.failures.push(format!("panic: {name}{}", args()));
        } else if dt > LIMIT {
            self.failures
                .push(format!("slow ({dt:?}): {name}{}", args()));
        }
        std::hint::black_box(r.ok());
    }
}

type Sweep = (&'static str, fn(&mut Guard));

#[test]
fn every_scalar_function_survives_extreme_inputs() {
    // Panics are caught and reported below, not printed one by one.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let (mut calls, mut failures) = (0, Vec::new());
    for &(name, sweep) in SWEEPS.iter() {
        // Each function runs on its own thread so that a hung call (which
        // cannot be interrupted) is reported without stopping the sweep.
        let current = Arc::new(Mutex::new(String::new()));
        let mut g = Guard {
            current: current.clone(),
            ..Guard::default()
        };
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            sweep(&mut g);
            let _ = tx.send((g.calls, g.failures));
        });
        match rx.recv_timeout(HANG) {
            Ok((c, f)) => {
                calls += c;
                failures.extend(f);
            }
            Err(_) => failures.push(format!(
                "hang (> {HANG:?}) in {name}: {}",
                current.lock().unwrap()
            )),
        }
    }
    let total = start.elapsed();
    std::panic::set_hook(default_hook);
    assert!(calls > 100_000, "only {calls} calls");
    assert!(
        failures.is_empty(),
        "{} failures in {calls} calls ({total:?} in all):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

const SWEEPS: &[Sweep] = &[
    ("airy", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("airy", || format!("({:?})", a0), || sp::airy(a0));
        }
    }),
    ("airye", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("airye", || format!("({:?})", a0), || sp::airye(a0));
        }
    }),
    ("lpmv", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "lpmv",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::lpmv(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("hankel1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "hankel1",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::hankel1(a0, a1),
                );
            }
        }
    }),
    ("hankel1e", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "hankel1e",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::hankel1e(a0, a1),
                );
            }
        }
    }),
    ("hankel2", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "hankel2",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::hankel2(a0, a1),
                );
            }
        }
    }),
    ("hankel2e", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "hankel2e",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::hankel2e(a0, a1),
                );
            }
        }
    }),
    ("iv_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "iv_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::iv_complex(a0, a1),
                );
            }
        }
    }),
    ("ive_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "ive_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::ive_complex(a0, a1),
                );
            }
        }
    }),
    ("jv_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "jv_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::jv_complex(a0, a1),
                );
            }
        }
    }),
    ("jve_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "jve_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::jve_complex(a0, a1),
                );
            }
        }
    }),
    ("kv_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "kv_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::kv_complex(a0, a1),
                );
            }
        }
    }),
    ("kve_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "kve_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::kve_complex(a0, a1),
                );
            }
        }
    }),
    ("yv_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "yv_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::yv_complex(a0, a1),
                );
            }
        }
    }),
    ("yve_complex", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in cmid().iter() {
                g.call(
                    "yve_complex",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::yve_complex(a0, a1),
                );
            }
        }
    }),
    ("h1vp", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in csmall().iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "h1vp",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::h1vp(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("h2vp", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in csmall().iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "h2vp",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::h2vp(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("ivp", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "ivp",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::ivp(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("ivp_complex", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in csmall().iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "ivp_complex",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::ivp_complex(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("jvp", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "jvp",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::jvp(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("jvp_complex", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in csmall().iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "jvp_complex",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::jvp_complex(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("kvp", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "kvp",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::kvp(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("kvp_complex", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in csmall().iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "kvp_complex",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::kvp_complex(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("spherical_in", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in MID.iter() {
                for &a2 in BOOL.iter() {
                    g.call(
                        "spherical_in",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::spherical_in(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("spherical_jn", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in MID.iter() {
                for &a2 in BOOL.iter() {
                    g.call(
                        "spherical_jn",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::spherical_jn(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("spherical_kn", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in MID.iter() {
                for &a2 in BOOL.iter() {
                    g.call(
                        "spherical_kn",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::spherical_kn(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("spherical_yn", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in MID.iter() {
                for &a2 in BOOL.iter() {
                    g.call(
                        "spherical_yn",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::spherical_yn(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("yvp", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "yvp",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::yvp(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("yvp_complex", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in csmall().iter() {
                for &a2 in U32.iter() {
                    g.call(
                        "yvp_complex",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::yvp_complex(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("i0", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("i0", || format!("({:?})", a0), || sp::i0(a0));
        }
    }),
    ("i0e", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("i0e", || format!("({:?})", a0), || sp::i0e(a0));
        }
    }),
    ("i1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("i1", || format!("({:?})", a0), || sp::i1(a0));
        }
    }),
    ("i1e", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("i1e", || format!("({:?})", a0), || sp::i1e(a0));
        }
    }),
    ("iv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call("iv", || format!("({:?}, {:?})", a0, a1), || sp::iv(a0, a1));
            }
        }
    }),
    ("ive", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "ive",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::ive(a0, a1),
                );
            }
        }
    }),
    ("k0", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("k0", || format!("({:?})", a0), || sp::k0(a0));
        }
    }),
    ("k0e", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("k0e", || format!("({:?})", a0), || sp::k0e(a0));
        }
    }),
    ("k1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("k1", || format!("({:?})", a0), || sp::k1(a0));
        }
    }),
    ("k1e", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("k1e", || format!("({:?})", a0), || sp::k1e(a0));
        }
    }),
    ("kn", |g: &mut Guard| {
        for &a0 in I32.iter() {
            for &a1 in FULL.iter() {
                g.call("kn", || format!("({:?}, {:?})", a0, a1), || sp::kn(a0, a1));
            }
        }
    }),
    ("kv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call("kv", || format!("({:?}, {:?})", a0, a1), || sp::kv(a0, a1));
            }
        }
    }),
    ("kve", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "kve",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::kve(a0, a1),
                );
            }
        }
    }),
    ("j0", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("j0", || format!("({:?})", a0), || sp::j0(a0));
        }
    }),
    ("j1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("j1", || format!("({:?})", a0), || sp::j1(a0));
        }
    }),
    ("jn", |g: &mut Guard| {
        for &a0 in I32.iter() {
            for &a1 in FULL.iter() {
                g.call("jn", || format!("({:?}, {:?})", a0, a1), || sp::jn(a0, a1));
            }
        }
    }),
    ("jv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call("jv", || format!("({:?}, {:?})", a0, a1), || sp::jv(a0, a1));
            }
        }
    }),
    ("jve", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "jve",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::jve(a0, a1),
                );
            }
        }
    }),
    ("y0", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("y0", || format!("({:?})", a0), || sp::y0(a0));
        }
    }),
    ("y1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("y1", || format!("({:?})", a0), || sp::y1(a0));
        }
    }),
    ("yn", |g: &mut Guard| {
        for &a0 in I32.iter() {
            for &a1 in FULL.iter() {
                g.call("yn", || format!("({:?}, {:?})", a0, a1), || sp::yn(a0, a1));
            }
        }
    }),
    ("yv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call("yv", || format!("({:?}, {:?})", a0, a1), || sp::yv(a0, a1));
            }
        }
    }),
    ("yve", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "yve",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::yve(a0, a1),
                );
            }
        }
    }),
    ("beta", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "beta",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::beta(a0, a1),
                );
            }
        }
    }),
    ("betaln", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "betaln",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::betaln(a0, a1),
                );
            }
        }
    }),
    ("binom", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "binom",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::binom(a0, a1),
                );
            }
        }
    }),
    ("comb", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "comb",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::comb(a0, a1),
                );
            }
        }
    }),
    ("comb_exact", |g: &mut Guard| {
        for &a0 in U64.iter() {
            for &a1 in U64.iter() {
                g.call(
                    "comb_exact",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::comb_exact(a0, a1),
                );
            }
        }
    }),
    ("factorial", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("factorial", || format!("({:?})", a0), || sp::factorial(a0));
        }
    }),
    ("factorial2", |g: &mut Guard| {
        for &a0 in I64.iter() {
            g.call(
                "factorial2",
                || format!("({:?})", a0),
                || sp::factorial2(a0),
            );
        }
    }),
    ("factorialk", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in I64.iter() {
                g.call(
                    "factorialk",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::factorialk(a0, a1),
                );
            }
        }
    }),
    ("loggamma", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("loggamma", || format!("({:?})", a0), || sp::loggamma(a0));
        }
    }),
    ("multigammaln", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in U32.iter() {
                g.call(
                    "multigammaln",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::multigammaln(a0, a1),
                );
            }
        }
    }),
    ("perm", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "perm",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::perm(a0, a1),
                );
            }
        }
    }),
    ("poch", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "poch",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::poch(a0, a1),
                );
            }
        }
    }),
    ("elliprc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "elliprc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::elliprc(a0, a1),
                );
            }
        }
    }),
    ("elliprd", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "elliprd",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::elliprd(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("elliprf", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "elliprf",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::elliprf(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("elliprg", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "elliprg",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::elliprg(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("elliprj", |g: &mut Guard| {
        for &a0 in SMALL.iter() {
            for &a1 in SMALL.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "elliprj",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::elliprj(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("agm", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "agm",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::agm(a0, a1),
                );
            }
        }
    }),
    ("boxcox", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "boxcox",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::boxcox(a0, a1),
                );
            }
        }
    }),
    ("boxcox1p", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "boxcox1p",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::boxcox1p(a0, a1),
                );
            }
        }
    }),
    ("cbrt", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("cbrt", || format!("({:?})", a0), || sp::cbrt(a0));
        }
    }),
    ("cosdg", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("cosdg", || format!("({:?})", a0), || sp::cosdg(a0));
        }
    }),
    ("cosm1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("cosm1", || format!("({:?})", a0), || sp::cosm1(a0));
        }
    }),
    ("cotdg", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("cotdg", || format!("({:?})", a0), || sp::cotdg(a0));
        }
    }),
    ("entr", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("entr", || format!("({:?})", a0), || sp::entr(a0));
        }
    }),
    ("exp2", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("exp2", || format!("({:?})", a0), || sp::exp2(a0));
        }
    }),
    ("exp10", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("exp10", || format!("({:?})", a0), || sp::exp10(a0));
        }
    }),
    ("expit", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("expit", || format!("({:?})", a0), || sp::expit(a0));
        }
    }),
    ("expm1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("expm1", || format!("({:?})", a0), || sp::expm1(a0));
        }
    }),
    ("exprel", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("exprel", || format!("({:?})", a0), || sp::exprel(a0));
        }
    }),
    ("huber", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "huber",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::huber(a0, a1),
                );
            }
        }
    }),
    ("inv_boxcox", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "inv_boxcox",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::inv_boxcox(a0, a1),
                );
            }
        }
    }),
    ("inv_boxcox1p", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "inv_boxcox1p",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::inv_boxcox1p(a0, a1),
                );
            }
        }
    }),
    ("kl_div", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "kl_div",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::kl_div(a0, a1),
                );
            }
        }
    }),
    ("log_expit", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("log_expit", || format!("({:?})", a0), || sp::log_expit(a0));
        }
    }),
    ("log1p", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("log1p", || format!("({:?})", a0), || sp::log1p(a0));
        }
    }),
    ("logit", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("logit", || format!("({:?})", a0), || sp::logit(a0));
        }
    }),
    ("pseudo_huber", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "pseudo_huber",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::pseudo_huber(a0, a1),
                );
            }
        }
    }),
    ("radian", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "radian",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::radian(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("rel_entr", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "rel_entr",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::rel_entr(a0, a1),
                );
            }
        }
    }),
    ("round", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("round", || format!("({:?})", a0), || sp::round(a0));
        }
    }),
    ("sinc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("sinc", || format!("({:?})", a0), || sp::sinc(a0));
        }
    }),
    ("sindg", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("sindg", || format!("({:?})", a0), || sp::sindg(a0));
        }
    }),
    ("tandg", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("tandg", || format!("({:?})", a0), || sp::tandg(a0));
        }
    }),
    ("xlog1py", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "xlog1py",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::xlog1py(a0, a1),
                );
            }
        }
    }),
    ("xlogy", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "xlogy",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::xlogy(a0, a1),
                );
            }
        }
    }),
    ("dawsn", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("dawsn", || format!("({:?})", a0), || sp::dawsn(a0));
        }
    }),
    ("bdtr", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "bdtr",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::bdtr(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("bdtrc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "bdtrc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::bdtrc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("chdtr", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "chdtr",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::chdtr(a0, a1),
                );
            }
        }
    }),
    ("chdtrc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "chdtrc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::chdtrc(a0, a1),
                );
            }
        }
    }),
    ("fdtr", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "fdtr",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::fdtr(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("fdtrc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "fdtrc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::fdtrc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("gdtr", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "gdtr",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::gdtr(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("gdtrc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "gdtrc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::gdtrc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("nbdtr", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nbdtr",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nbdtr(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("nbdtrc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nbdtrc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nbdtrc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("pdtr", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "pdtr",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::pdtr(a0, a1),
                );
            }
        }
    }),
    ("pdtrc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "pdtrc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::pdtrc(a0, a1),
                );
            }
        }
    }),
    ("stdtr", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "stdtr",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::stdtr(a0, a1),
                );
            }
        }
    }),
    ("ellipe", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("ellipe", || format!("({:?})", a0), || sp::ellipe(a0));
        }
    }),
    ("ellipeinc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "ellipeinc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::ellipeinc(a0, a1),
                );
            }
        }
    }),
    ("ellipj", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "ellipj",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::ellipj(a0, a1),
                );
            }
        }
    }),
    ("ellipk", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("ellipk", || format!("({:?})", a0), || sp::ellipk(a0));
        }
    }),
    ("ellipkinc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "ellipkinc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::ellipkinc(a0, a1),
                );
            }
        }
    }),
    ("ellipkm1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("ellipkm1", || format!("({:?})", a0), || sp::ellipkm1(a0));
        }
    }),
    ("erf", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("erf", || format!("({:?})", a0), || sp::erf(a0));
        }
    }),
    ("erfc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("erfc", || format!("({:?})", a0), || sp::erfc(a0));
        }
    }),
    ("erfcinv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("erfcinv", || format!("({:?})", a0), || sp::erfcinv(a0));
        }
    }),
    ("erfcx", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("erfcx", || format!("({:?})", a0), || sp::erfcx(a0));
        }
    }),
    ("erfinv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("erfinv", || format!("({:?})", a0), || sp::erfinv(a0));
        }
    }),
    ("log_ndtr", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("log_ndtr", || format!("({:?})", a0), || sp::log_ndtr(a0));
        }
    }),
    ("ndtr", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("ndtr", || format!("({:?})", a0), || sp::ndtr(a0));
        }
    }),
    ("ndtri", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("ndtri", || format!("({:?})", a0), || sp::ndtri(a0));
        }
    }),
    ("ndtri_exp", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("ndtri_exp", || format!("({:?})", a0), || sp::ndtri_exp(a0));
        }
    }),
    ("exp1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("exp1", || format!("({:?})", a0), || sp::exp1(a0));
        }
    }),
    ("expi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("expi", || format!("({:?})", a0), || sp::expi(a0));
        }
    }),
    ("expn", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "expn",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::expn(a0, a1),
                );
            }
        }
    }),
    ("shichi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("shichi", || format!("({:?})", a0), || sp::shichi(a0));
        }
    }),
    ("sici", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("sici", || format!("({:?})", a0), || sp::sici(a0));
        }
    }),
    ("spence", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("spence", || format!("({:?})", a0), || sp::spence(a0));
        }
    }),
    ("dawsn_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "dawsn_complex",
                || format!("({:?})", a0),
                || sp::dawsn_complex(a0),
            );
        }
    }),
    ("erf_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "erf_complex",
                || format!("({:?})", a0),
                || sp::erf_complex(a0),
            );
        }
    }),
    ("erfc_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "erfc_complex",
                || format!("({:?})", a0),
                || sp::erfc_complex(a0),
            );
        }
    }),
    ("erfcx_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "erfcx_complex",
                || format!("({:?})", a0),
                || sp::erfcx_complex(a0),
            );
        }
    }),
    ("erfi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("erfi", || format!("({:?})", a0), || sp::erfi(a0));
        }
    }),
    ("erfi_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "erfi_complex",
                || format!("({:?})", a0),
                || sp::erfi_complex(a0),
            );
        }
    }),
    ("wofz", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call("wofz", || format!("({:?})", a0), || sp::wofz(a0));
        }
    }),
    ("fresnel", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("fresnel", || format!("({:?})", a0), || sp::fresnel(a0));
        }
    }),
    ("fresnel_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "fresnel_complex",
                || format!("({:?})", a0),
                || sp::fresnel_complex(a0),
            );
        }
    }),
    ("voigt_profile", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "voigt_profile",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::voigt_profile(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("digamma", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("digamma", || format!("({:?})", a0), || sp::digamma(a0));
        }
    }),
    ("gamma", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("gamma", || format!("({:?})", a0), || sp::gamma(a0));
        }
    }),
    ("gammaln", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("gammaln", || format!("({:?})", a0), || sp::gammaln(a0));
        }
    }),
    ("gammasgn", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("gammasgn", || format!("({:?})", a0), || sp::gammasgn(a0));
        }
    }),
    ("polygamma", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "polygamma",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::polygamma(a0, a1),
                );
            }
        }
    }),
    ("psi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("psi", || format!("({:?})", a0), || sp::psi(a0));
        }
    }),
    ("rgamma", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("rgamma", || format!("({:?})", a0), || sp::rgamma(a0));
        }
    }),
    ("hyp0f1", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "hyp0f1",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::hyp0f1(a0, a1),
                );
            }
        }
    }),
    ("hyp1f1", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "hyp1f1",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::hyp1f1(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("hyp2f1", |g: &mut Guard| {
        for &a0 in SMALL.iter() {
            for &a1 in SMALL.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "hyp2f1",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::hyp2f1(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("hyp0f1 (huge b)", |g: &mut Guard| {
        for &a0 in HUGE_P.iter() {
            for &a1 in HUGE_X.iter().chain(&[1e300, -1e300]) {
                g.call(
                    "hyp0f1",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::hyp0f1(a0, a1),
                );
            }
        }
    }),
    ("hyp1f1 (huge parameters)", |g: &mut Guard| {
        for &a0 in HUGE_P.iter() {
            for &a1 in HUGE_P.iter() {
                for &a2 in HUGE_X.iter() {
                    g.call(
                        "hyp1f1",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::hyp1f1(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("hyp2f1 (huge parameters)", |g: &mut Guard| {
        for &a0 in HUGE_P.iter() {
            for &a1 in HUGE_P.iter() {
                for &a2 in HUGE_P.iter() {
                    for &a3 in HUGE_X.iter() {
                        g.call(
                            "hyp2f1",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::hyp2f1(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("hyperu (huge parameters)", |g: &mut Guard| {
        for &a0 in HUGE_P.iter() {
            for &a1 in HUGE_P.iter() {
                for &a2 in HUGE_X.iter().filter(|x| **x >= 0.0).chain(&[1e10]) {
                    g.call(
                        "hyperu",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::hyperu(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("hyperu", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "hyperu",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::hyperu(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("betainc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "betainc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::betainc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("betaincc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "betaincc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::betaincc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("gammainc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "gammainc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::gammainc(a0, a1),
                );
            }
        }
    }),
    ("gammaincc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "gammaincc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::gammaincc(a0, a1),
                );
            }
        }
    }),
    ("bdtri", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "bdtri",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::bdtri(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("chdtri", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "chdtri",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::chdtri(a0, a1),
                );
            }
        }
    }),
    ("fdtri", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "fdtri",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::fdtri(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("gdtrix", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "gdtrix",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::gdtrix(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("nbdtri", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nbdtri",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nbdtri(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("pdtri", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "pdtri",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::pdtri(a0, a1),
                );
            }
        }
    }),
    ("stdtrit", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "stdtrit",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::stdtrit(a0, a1),
                );
            }
        }
    }),
    ("betainccinv", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "betainccinv",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::betainccinv(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("betaincinv", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "betaincinv",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::betaincinv(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("gammainccinv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "gammainccinv",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::gammainccinv(a0, a1),
                );
            }
        }
    }),
    ("gammaincinv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "gammaincinv",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::gammaincinv(a0, a1),
                );
            }
        }
    }),
    ("bdtrik", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "bdtrik",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::bdtrik(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("bdtrin", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "bdtrin",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::bdtrin(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("btdtria", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "btdtria",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::btdtria(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("btdtrib", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "btdtrib",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::btdtrib(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("chdtriv", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "chdtriv",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::chdtriv(a0, a1),
                );
            }
        }
    }),
    ("chndtridf", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "chndtridf",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::chndtridf(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("chndtrinc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "chndtrinc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::chndtrinc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("chndtrix", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "chndtrix",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::chndtrix(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("gdtria", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "gdtria",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::gdtria(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("gdtrib", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "gdtrib",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::gdtrib(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("nbdtrik", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nbdtrik",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nbdtrik(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("nbdtrin", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nbdtrin",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nbdtrin(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("ncfdtri", |g: &mut Guard| {
        for &a0 in SMALL.iter() {
            for &a1 in SMALL.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "ncfdtri",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::ncfdtri(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("ncfdtrinc", |g: &mut Guard| {
        for &a0 in SMALL.iter() {
            for &a1 in SMALL.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "ncfdtrinc",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::ncfdtrinc(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("nctdtrinc", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nctdtrinc",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nctdtrinc(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("nctdtrit", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nctdtrit",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nctdtrit(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("pdtrik", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "pdtrik",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::pdtrik(a0, a1),
                );
            }
        }
    }),
    ("stdtridf", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "stdtridf",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::stdtridf(a0, a1),
                );
            }
        }
    }),
    ("kolmogi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("kolmogi", || format!("({:?})", a0), || sp::kolmogi(a0));
        }
    }),
    ("kolmogorov", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call(
                "kolmogorov",
                || format!("({:?})", a0),
                || sp::kolmogorov(a0),
            );
        }
    }),
    ("smirnov", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "smirnov",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::smirnov(a0, a1),
                );
            }
        }
    }),
    ("smirnovi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "smirnovi",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::smirnovi(a0, a1),
                );
            }
        }
    }),
    ("lambertw", |g: &mut Guard| {
        for &a0 in cmid().iter() {
            for &a1 in I64.iter() {
                g.call(
                    "lambertw",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::lambertw(a0, a1),
                );
            }
        }
    }),
    ("wrightomega", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call(
                "wrightomega",
                || format!("({:?})", a0),
                || sp::wrightomega(a0),
            );
        }
    }),
    ("wrightomega_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "wrightomega_complex",
                || format!("({:?})", a0),
                || sp::wrightomega_complex(a0),
            );
        }
    }),
    ("sph_harm_y", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in I64.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "sph_harm_y",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::sph_harm_y(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("loggamma_complex", |g: &mut Guard| {
        for &a0 in cfull().iter() {
            g.call(
                "loggamma_complex",
                || format!("({:?})", a0),
                || sp::loggamma_complex(a0),
            );
        }
    }),
    ("chndtr", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "chndtr",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::chndtr(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("ncfdtr", |g: &mut Guard| {
        for &a0 in SMALL.iter() {
            for &a1 in SMALL.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "ncfdtr",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::ncfdtr(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("nctdtr", |g: &mut Guard| {
        for &a0 in MID.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "nctdtr",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::nctdtr(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("eval_chebyc", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_chebyc",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_chebyc(a0, a1),
                );
            }
        }
    }),
    ("eval_chebys", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_chebys",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_chebys(a0, a1),
                );
            }
        }
    }),
    ("eval_chebyt", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_chebyt",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_chebyt(a0, a1),
                );
            }
        }
    }),
    ("eval_sh_chebyt", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_sh_chebyt",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_sh_chebyt(a0, a1),
                );
            }
        }
    }),
    ("eval_sh_chebyu", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_sh_chebyu",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_sh_chebyu(a0, a1),
                );
            }
        }
    }),
    ("eval_sh_jacobi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in SMALL.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "eval_sh_jacobi",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::eval_sh_jacobi(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("eval_chebyu", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_chebyu",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_chebyu(a0, a1),
                );
            }
        }
    }),
    ("eval_gegenbauer", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "eval_gegenbauer",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::eval_gegenbauer(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("eval_genlaguerre", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in MID.iter() {
                for &a2 in MID.iter() {
                    g.call(
                        "eval_genlaguerre",
                        || format!("({:?}, {:?}, {:?})", a0, a1, a2),
                        || sp::eval_genlaguerre(a0, a1, a2),
                    );
                }
            }
        }
    }),
    ("eval_hermite", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_hermite",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_hermite(a0, a1),
                );
            }
        }
    }),
    ("eval_hermitenorm", |g: &mut Guard| {
        for &a0 in I64.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_hermitenorm",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_hermitenorm(a0, a1),
                );
            }
        }
    }),
    ("eval_jacobi", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in SMALL.iter() {
                for &a2 in SMALL.iter() {
                    for &a3 in SMALL.iter() {
                        g.call(
                            "eval_jacobi",
                            || format!("({:?}, {:?}, {:?}, {:?})", a0, a1, a2, a3),
                            || sp::eval_jacobi(a0, a1, a2, a3),
                        );
                    }
                }
            }
        }
    }),
    ("eval_laguerre", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_laguerre",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_laguerre(a0, a1),
                );
            }
        }
    }),
    ("eval_legendre", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_legendre",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_legendre(a0, a1),
                );
            }
        }
    }),
    ("eval_sh_legendre", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "eval_sh_legendre",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::eval_sh_legendre(a0, a1),
                );
            }
        }
    }),
    ("owens_t", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "owens_t",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::owens_t(a0, a1),
                );
            }
        }
    }),
    ("modstruve", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "modstruve",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::modstruve(a0, a1),
                );
            }
        }
    }),
    ("struve", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in FULL.iter() {
                g.call(
                    "struve",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::struve(a0, a1),
                );
            }
        }
    }),
    ("zeta", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            for &a1 in OPT.iter() {
                g.call(
                    "zeta",
                    || format!("({:?}, {:?})", a0, a1),
                    || sp::zeta(a0, a1),
                );
            }
        }
    }),
    ("zetac", |g: &mut Guard| {
        for &a0 in FULL.iter() {
            g.call("zetac", || format!("({:?})", a0), || sp::zetac(a0));
        }
    }),
];
