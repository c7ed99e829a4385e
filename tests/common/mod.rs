//! Shared test helpers: loading the SciPy/mpmath reference fixtures written by
//! `tools/fixtures/*.py`, and comparing results with stated tolerances.
//!
//! Fixture format (see `tools/fixtures/common.py`):
//! ```text
//! { "generator": "tools/fixtures/fft.py", "versions": {...},
//!   "cases": [ { "id": "...", "args": {...}, "expected": <value>, "rtol": 1e-12, "atol": 0.0 } ] }
//! ```
//! A value is a number, a string "nan"/"inf"/"-inf", a bool, a string, a list,
//! an object, or an array `{"dtype": "f64"|"c128"|"i64", "shape": [...], "data": [...]}`
//! with `data` flat in row-major order (complex as `[re, im]` pairs).
#![allow(dead_code)] // each test binary uses a different subset

use ndarray::{ArrayD, IxDyn};
use num_complex::Complex64;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// One reference case.
#[derive(Debug, Clone)]
pub struct Case {
    pub id: String,
    pub args: Value,
    pub expected: Value,
    pub rtol: f64,
    pub atol: f64,
}

impl Case {
    /// The argument `name`, panicking with the case id if it is missing.
    pub fn arg(&self, name: &str) -> &Value {
        self.args
            .get(name)
            .unwrap_or_else(|| panic!("case {}: no argument {name:?}", self.id))
    }
    pub fn f64(&self, name: &str) -> f64 {
        as_f64(self.arg(name))
    }
    pub fn usize(&self, name: &str) -> usize {
        self.arg(name)
            .as_u64()
            .unwrap_or_else(|| panic!("case {}: {name} is not an unsigned integer", self.id))
            as usize
    }
    pub fn i64(&self, name: &str) -> i64 {
        self.arg(name)
            .as_i64()
            .unwrap_or_else(|| panic!("case {}: {name} is not an integer", self.id))
    }
    pub fn str(&self, name: &str) -> &str {
        self.arg(name)
            .as_str()
            .unwrap_or_else(|| panic!("case {}: {name} is not a string", self.id))
    }
    pub fn array(&self, name: &str) -> ArrayD<f64> {
        as_array(self.arg(name))
    }
    pub fn carray(&self, name: &str) -> ArrayD<Complex64> {
        as_carray(self.arg(name))
    }
    /// Whether the argument is present (and not JSON null).
    pub fn has(&self, name: &str) -> bool {
        self.args.get(name).is_some_and(|v| !v.is_null())
    }
    /// Context for a failure message: case id and its inputs.
    pub fn ctx(&self) -> String {
        let args = self.args.to_string();
        let args = if args.len() > 400 {
            format!("{}…", &args[..400])
        } else {
            args
        };
        format!("case {} (args {args})", self.id)
    }
}

/// Loads `tests/fixtures/<module>/<name>.json`.
pub fn load(module: &str, name: &str) -> Vec<Case> {
    let path: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "tests",
        "fixtures",
        module,
        &format!("{name}.json"),
    ]
    .iter()
    .collect();
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read fixture {}: {e}", path.display()));
    let root: Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("fixture {} is not JSON: {e}", path.display()));
    let cases = root["cases"]
        .as_array()
        .unwrap_or_else(|| panic!("fixture {} has no cases", path.display()));
    assert!(!cases.is_empty(), "fixture {} has no cases", path.display());
    cases
        .iter()
        .map(|c| Case {
            id: c["id"].as_str().unwrap_or("?").to_string(),
            args: c["args"].clone(),
            expected: c["expected"].clone(),
            rtol: c.get("rtol").map_or(0.0, as_f64),
            atol: c.get("atol").map_or(0.0, as_f64),
        })
        .collect()
}

/// A scalar: a JSON number or one of the strings "nan", "inf", "-inf".
pub fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().expect("number"),
        Value::String(s) => match s.as_str() {
            "nan" => f64::NAN,
            "inf" => f64::INFINITY,
            "-inf" => f64::NEG_INFINITY,
            other => panic!("not a float: {other:?}"),
        },
        Value::Bool(b) => f64::from(u8::from(*b)),
        other => panic!("not a float: {other}"),
    }
}

/// A complex scalar: `[re, im]` or a real number.
pub fn as_c64(v: &Value) -> Complex64 {
    match v {
        Value::Array(p) if p.len() == 2 => Complex64::new(as_f64(&p[0]), as_f64(&p[1])),
        other => Complex64::new(as_f64(other), 0.0),
    }
}

fn shape_of(v: &Value) -> Vec<usize> {
    v["shape"]
        .as_array()
        .expect("array value has a shape")
        .iter()
        .map(|d| d.as_u64().expect("shape entries are integers") as usize)
        .collect()
}

/// A real n-d array (also accepts a plain JSON list of numbers as 1-D).
pub fn as_array(v: &Value) -> ArrayD<f64> {
    if let Value::Array(list) = v {
        let data: Vec<f64> = list.iter().map(as_f64).collect();
        return ArrayD::from_shape_vec(IxDyn(&[data.len()]), data).expect("1-D list");
    }
    assert_ne!(v["dtype"], "c128", "expected a real array, found complex");
    let data: Vec<f64> = v["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(as_f64)
        .collect();
    ArrayD::from_shape_vec(IxDyn(&shape_of(v)), data).expect("shape matches data")
}

/// A complex n-d array; real arrays are promoted.
pub fn as_carray(v: &Value) -> ArrayD<Complex64> {
    if v["dtype"] != "c128" {
        return as_array(v).mapv(|x| Complex64::new(x, 0.0));
    }
    let flat: Vec<f64> = v["data"]
        .as_array()
        .expect("data")
        .iter()
        .map(as_f64)
        .collect();
    let data: Vec<Complex64> = flat
        .chunks_exact(2)
        .map(|p| Complex64::new(p[0], p[1]))
        .collect();
    ArrayD::from_shape_vec(IxDyn(&shape_of(v)), data).expect("shape matches data")
}

/// Whether `got` is within `atol + rtol·|want|` of `want`; NaN matches NaN and
/// infinities must match exactly.
pub fn close(got: f64, want: f64, rtol: f64, atol: f64) -> bool {
    if want.is_nan() {
        return got.is_nan();
    }
    if want.is_infinite() || got.is_infinite() {
        return got == want;
    }
    (got - want).abs() <= atol + rtol * want.abs()
}

/// Asserts [`close`], printing the context, expected and got values.
#[track_caller]
pub fn assert_close(got: f64, want: f64, rtol: f64, atol: f64, ctx: &str) {
    assert!(
        close(got, want, rtol, atol),
        "{ctx}: expected {want:e}, got {got:e} (rel. error {:e}, rtol {rtol:e}, atol {atol:e})",
        ((got - want) / want).abs()
    );
}

/// Values comparable element by element.
pub trait Approx: Copy + std::fmt::Debug {
    fn close_to(self, want: Self, rtol: f64, atol: f64) -> bool;
}
impl Approx for f64 {
    fn close_to(self, want: f64, rtol: f64, atol: f64) -> bool {
        close(self, want, rtol, atol)
    }
}
impl Approx for Complex64 {
    fn close_to(self, want: Complex64, rtol: f64, atol: f64) -> bool {
        if want.re.is_nan() || want.im.is_nan() || !want.re.is_finite() || !want.im.is_finite() {
            return close(self.re, want.re, rtol, atol) && close(self.im, want.im, rtol, atol);
        }
        (self - want).norm() <= atol + rtol * want.norm()
    }
}

/// Asserts that two arrays have the same shape and agree element-wise; on
/// failure reports the first offending index and the worst error.
#[track_caller]
pub fn assert_array_close<T: Approx, D: ndarray::Dimension>(
    got: &ndarray::ArrayRef<T, D>,
    want: &ndarray::ArrayRef<T, D>,
    rtol: f64,
    atol: f64,
    ctx: &str,
) {
    assert_eq!(got.shape(), want.shape(), "{ctx}: shape differs");
    let bad = got
        .indexed_iter()
        .zip(want.iter())
        .find(|((_, g), w)| !g.close_to(**w, rtol, atol));
    if let Some(((idx, g), w)) = bad {
        panic!(
            "{ctx}: at index {idx:?} expected {w:?}, got {g:?} (rtol {rtol:e}, atol {atol:e}); shape {:?}",
            got.shape()
        );
    }
}

/// Compares a result against the case's expected array (real or complex,
/// reshaped to the result's dimension) with the case's tolerances.
#[track_caller]
pub fn check_array<D: ndarray::Dimension>(case: &Case, got: &ndarray::ArrayRef<f64, D>) {
    let want = as_array(&case.expected);
    assert_array_close(
        &got.view().into_dyn(),
        &want,
        case.rtol,
        case.atol,
        &case.ctx(),
    );
}

/// Complex counterpart of [`check_array`].
#[track_caller]
pub fn check_carray<D: ndarray::Dimension>(case: &Case, got: &ndarray::ArrayRef<Complex64, D>) {
    let want = as_carray(&case.expected);
    assert_array_close(
        &got.view().into_dyn(),
        &want,
        case.rtol,
        case.atol,
        &case.ctx(),
    );
}

/// Compares a scalar result against the case's expected scalar.
#[track_caller]
pub fn check_scalar(case: &Case, got: f64) {
    assert_close(
        got,
        as_f64(&case.expected),
        case.rtol,
        case.atol,
        &case.ctx(),
    );
}

/// Units in the last place between two finite doubles (for ulp-based accuracy
/// statistics of special functions).
pub fn ulps(got: f64, want: f64) -> f64 {
    if got == want || (got.is_nan() && want.is_nan()) {
        return 0.0;
    }
    if !got.is_finite() || !want.is_finite() {
        return f64::INFINITY;
    }
    let spacing = |x: f64| {
        let a = x.abs().max(f64::MIN_POSITIVE);
        f64::from_bits(a.to_bits() + 1) - a
    };
    (got - want).abs() / spacing(want)
}

/// Per-function error statistics against a reference, with SciPy's error on
/// the same points: the usual targets are median ≤ 2 ulp and max ≤ 1e-13 or
/// ≤ SciPy's max.
#[derive(Default)]
pub struct ErrStats {
    /// Errors in units of `f64::EPSILON`.
    pub ulps: Vec<f64>,
    pub worst: f64,
    pub worst_case: String,
    pub scipy_worst: f64,
}

impl ErrStats {
    /// Records one point's relative error `err` (NaN counts as ∞) and SciPy's.
    pub fn add(&mut self, err: f64, scipy_err: f64, describe: impl FnOnce() -> String) {
        let err = if err.is_nan() { f64::INFINITY } else { err };
        if err > self.worst {
            self.worst = err;
            self.worst_case = describe();
        }
        let scipy_err = if scipy_err.is_nan() {
            f64::INFINITY
        } else {
            scipy_err
        };
        self.scipy_worst = self.scipy_worst.max(scipy_err);
        self.ulps.push(err / f64::EPSILON);
    }

    /// Prints a summary line for `name`; true if the targets are met.
    pub fn report(&mut self, name: &str) -> bool {
        self.ulps.sort_by(f64::total_cmp);
        let median = self.ulps[self.ulps.len() / 2];
        println!(
            "{name:9} n={:4} median {median:5.2} ulp, max {:9.2e} (scipy {:9.2e})  worst {}",
            self.ulps.len(),
            self.worst,
            self.scipy_worst,
            self.worst_case
        );
        median <= 2.0 && (self.worst <= 1e-13 || self.worst <= self.scipy_worst)
    }
}

// ---- accuracy statistics of scalar special functions against mpmath ----

/// Accuracy of one function over its fixture points.
#[derive(Default)]
pub struct Stats {
    pub ulps: Vec<f64>,
    pub worst_rel: f64,
    pub worst_case: String,
    pub scipy_worst_rel: f64,
}

/// Relative error, with values below 1e-300 compared absolutely (subnormal
/// results carry no relative precision), and errors at zeros of oscillating
/// functions measured against the local amplitude `scale`.
pub fn rel_err(got: f64, want: f64, scale: f64) -> f64 {
    if want.is_nan() {
        return if got.is_nan() { 0.0 } else { f64::INFINITY };
    }
    if want.is_infinite() || got.is_infinite() {
        return if got == want { 0.0 } else { f64::INFINITY };
    }
    if want.abs() < 1e-300 {
        return if (got - want).abs() < 1e-300 {
            0.0
        } else {
            f64::INFINITY
        };
    }
    (got - want).abs() / want.abs().max(scale)
}

/// Runs `eval` over the fixture `name` (cases with args `f` and `scipy`,
/// optionally `scale`), groups by function, and checks the targets: median ≤
/// 2 ulp; maximum relative error ≤ 1e-13 and no worse than SciPy's maximum
/// on the same points (`allow` lists documented exceptions with their limit).
pub fn check_family(name: &str, eval: impl Fn(&Case, &str) -> f64, allow: &[(&str, f64)]) {
    let mut by_fn: BTreeMap<String, Stats> = BTreeMap::new();
    for case in load("special", name) {
        let f = case.str("f").to_string();
        let want = as_f64(&case.expected);
        let got = eval(&case, &f);
        let sci = case.f64("scipy");
        let st = by_fn.entry(f).or_default();
        let scale = if case.has("scale") {
            case.f64("scale")
        } else {
            0.0
        };
        let e = rel_err(got, want, scale);
        if e > st.worst_rel || (e.is_nan() && !st.worst_rel.is_nan()) {
            st.worst_rel = e;
            st.worst_case = format!("{} want {want:e} got {got:e}", case.ctx());
        }
        st.scipy_worst_rel = st.scipy_worst_rel.max(rel_err(sci, want, scale));
        if want.is_finite() && want.abs() >= 1e-300 && scale == 0.0 {
            st.ulps.push(ulps(got, want));
        }
    }
    let mut failures = Vec::new();
    for (f, st) in &mut by_fn {
        st.ulps.sort_by(f64::total_cmp);
        let median = st.ulps.get(st.ulps.len() / 2).copied().unwrap_or(0.0);
        let limit = allow.iter().find(|(n, _)| n == f).map_or(1e-13, |a| a.1);
        println!(
            "{f:8} n={:4} median {median:5.1} ulp, max rel {:9.2e} (scipy {:9.2e})",
            st.ulps.len(),
            st.worst_rel,
            st.scipy_worst_rel
        );
        // the bar: ≤ 1e-13 and no worse than SciPy (4ε of slack), unless a
        // documented exception in `allow` sets the limit
        let max_ok = if allow.iter().any(|(n, _)| n == f) {
            st.worst_rel <= limit
        } else {
            st.worst_rel <= limit && st.worst_rel <= st.scipy_worst_rel.max(4.0 * f64::EPSILON)
        };
        if std::env::var_os("SPECIAL_VERBOSE").is_some() {
            println!("    worst: {}", st.worst_case);
        }
        if median > 2.0 || !max_ok {
            failures.push(format!("{f}: median {median} ulp, worst {}", st.worst_case));
        }
    }
    assert!(
        failures.is_empty(),
        "accuracy targets missed:\n{}",
        failures.join("\n")
    );
}
