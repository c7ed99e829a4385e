//! Real generalized Schur form: `qz` and `ordqz` (SciPy's default
//! `output='real'`) against SciPy fixtures (tools/fixtures/linalg_qz.py),
//! plus structural invariants and edge cases.

mod common;

use common::load;
use ferrosci::Error;
use ferrosci::linalg::{OrdQz, Qz, QzSort, ordqz, qz, qz_complex};
use ndarray::{Array2, ArrayD, Ix2, array};
use num_complex::Complex64 as C;

fn m2(a: ArrayD<f64>) -> Array2<f64> {
    a.into_dimensionality::<Ix2>().unwrap()
}

fn fro(a: &Array2<f64>) -> f64 {
    a.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// ‖a − r‖_F / (‖a‖_F · n · ε).
fn backward(a: &Array2<f64>, r: &Array2<f64>) -> f64 {
    let n = a.nrows().max(1) as f64;
    fro(&(a - r)) / (fro(a).max(f64::MIN_POSITIVE) * n * f64::EPSILON)
}

/// ‖qᵀq − I‖_F / (n · ε).
fn orthogonality(q: &Array2<f64>) -> f64 {
    let n = q.nrows();
    fro(&(q.t().dot(q) - Array2::<f64>::eye(n))) / (n.max(1) as f64 * f64::EPSILON)
}

/// `a = q·aa·zᵀ`, `b = q·bb·zᵀ`, orthogonal `q`, `z`, `aa` quasi-triangular
/// with standardised 2 × 2 blocks (the block of `bb` diagonal, positive),
/// `bb` upper triangular with non-negative diagonal. Returns the number of
/// 2 × 2 blocks.
fn check_form(a: &Array2<f64>, b: &Array2<f64>, r: &Qz<f64>, ctx: &str) -> usize {
    let Qz { aa, bb, q, z } = r;
    let n = a.nrows();
    let e = backward(a, &q.dot(aa).dot(&z.t()));
    assert!(e < 30.0, "{ctx}: a backward error {e}");
    let e = backward(b, &q.dot(bb).dot(&z.t()));
    assert!(e < 30.0, "{ctx}: b backward error {e}");
    let (oq, oz) = (orthogonality(q), orthogonality(z));
    assert!(oq < 20.0 && oz < 20.0, "{ctx}: orthogonality {oq}, {oz}");
    let mut pairs = 0;
    for i in 0..n {
        for j in 0..i {
            assert!(bb[[i, j]] == 0.0, "{ctx}: bb[{i}, {j}] = {}", bb[[i, j]]);
            if i > j + 1 {
                assert!(aa[[i, j]] == 0.0, "{ctx}: aa[{i}, {j}] = {}", aa[[i, j]]);
            }
        }
        assert!(bb[[i, i]] >= 0.0, "{ctx}: bb[{i}, {i}] = {}", bb[[i, i]]);
        if i > 0 && aa[[i, i - 1]] != 0.0 {
            pairs += 1;
            assert!(
                i < 2 || aa[[i - 1, i - 2]] == 0.0,
                "{ctx}: adjacent subdiagonal entries at {i}"
            );
            assert!(
                bb[[i - 1, i]] == 0.0 && bb[[i, i]] > 0.0 && bb[[i - 1, i - 1]] > 0.0,
                "{ctx}: bb block at {} not positive diagonal",
                i - 1
            );
        }
    }
    pairs
}

/// `α/β` as SciPy: `inf` for `β = 0 ≠ α`, NaN for `0/0`.
fn ratio(alpha: C, beta: f64) -> C {
    if beta != 0.0 {
        alpha / beta
    } else if alpha != C::new(0.0, 0.0) {
        C::new(f64::INFINITY, 0.0)
    } else {
        C::new(f64::NAN, 0.0)
    }
}

/// The same multiset of eigenvalues: huge or infinite ones only counted,
/// NaN skipped, the others matched greedily within `tol·max(1, |w|)`.
fn same_eigenvalues(got: &[C], want: &[C], tol: f64, ctx: &str) {
    assert_eq!(got.len(), want.len(), "{ctx}");
    let big = |v: &C| !(v.re.is_finite() && v.im.is_finite()) || v.norm() > 1e10;
    let nan = |v: &C| v.re.is_nan() || v.im.is_nan();
    let count = |w: &[C], f: &dyn Fn(&C) -> bool| w.iter().filter(|v| f(v)).count();
    assert_eq!(
        count(got, &big),
        count(want, &big),
        "{ctx}: {got:?} vs {want:?}"
    );
    let mut used = vec![false; got.len()];
    for w in want.iter().filter(|v| !big(v) && !nan(v)) {
        let best = (0..got.len())
            .filter(|&k| !used[k] && !big(&got[k]))
            .min_by(|&x, &y| (got[x] - w).norm().total_cmp(&(got[y] - w).norm()));
        let k = best.unwrap_or_else(|| panic!("{ctx}: no match for {w} in {got:?}"));
        assert!(
            (got[k] - w).norm() <= tol * w.norm().max(1.0),
            "{ctx}: eigenvalue {w} vs {} (all {got:?})",
            got[k]
        );
        used[k] = true;
    }
}

fn half_disc(alpha: C, beta: C) -> bool {
    alpha.norm() > 0.5 * beta.norm()
}

fn sort_named(name: &str) -> QzSort {
    match name {
        "lhp" => QzSort::Lhp,
        "rhp" => QzSort::Rhp,
        "iuc" => QzSort::Iuc,
        "ouc" => QzSort::Ouc,
        _ => QzSort::Custom(half_disc),
    }
}

fn select(sort: QzSort, alpha: C, beta: f64) -> bool {
    let b = C::new(beta, 0.0);
    let zero = beta == 0.0;
    match sort {
        QzSort::Lhp => !zero && (alpha / b).re < 0.0,
        QzSort::Rhp => !zero && (alpha / b).re > 0.0,
        QzSort::Iuc => !zero && (alpha / b).norm() < 1.0,
        QzSort::Ouc => (zero && alpha.norm() > 0.0) || (!zero && (alpha / b).norm() > 1.0),
        QzSort::Custom(f) => f(alpha, b),
    }
}

#[test]
fn qz_matches_scipy() {
    for case in load("linalg", "qz") {
        let ctx = case.ctx();
        let (a, b) = (m2(case.array("a")), m2(case.array("b")));
        let r = qz(&a, &b).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let pairs = check_form(&a, &b, &r, &ctx);
        if case.id.starts_with("both_singular") {
            continue; // a singular pencil: its "eigenvalues" are arbitrary
        }
        // A real pair could split differently only for ill-conditioned input.
        let want_pairs = case.expected["blocks2"].as_u64().unwrap() as usize;
        assert_eq!(pairs, want_pairs, "{ctx}: 2 × 2 blocks\n{}", r.aa);
    }
}

#[test]
fn ordqz_matches_scipy() {
    for case in load("linalg", "qz") {
        let ctx = case.ctx();
        let (a, b) = (m2(case.array("a")), m2(case.array("b")));
        let want = common::as_carray(&case.expected["w"]);
        let undetermined = case.id.starts_with("both_singular");
        let sdim = case.expected["sdim"].as_object().unwrap();
        for (name, count) in sdim {
            let ctx = format!("{ctx} sort {name}");
            let sort = sort_named(name);
            let OrdQz {
                aa,
                bb,
                alpha,
                beta,
                q,
                z,
            } = ordqz(&a, &b, sort).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            let r = Qz { aa, bb, q, z };
            check_form(&a, &b, &r, &ctx);
            let n = a.nrows();
            // alpha, beta describe aa, bb: beta is bb's diagonal, and the
            // eigenvalues of each diagonal block are alpha/beta.
            for i in 0..n {
                assert_eq!(beta[i], r.bb[[i, i]], "{ctx}");
                if (i == 0 || r.aa[[i, i - 1]] == 0.0) && (i + 1 == n || r.aa[[i + 1, i]] == 0.0) {
                    assert!(alpha[i] == C::new(r.aa[[i, i]], 0.0), "{ctx}: alpha[{i}]");
                }
            }
            if undetermined {
                continue; // a singular pencil: its "eigenvalues" are arbitrary
            }
            let w: Vec<C> = (0..n).map(|i| ratio(alpha[i], beta[i])).collect();
            same_eigenvalues(&w, want.as_slice().unwrap(), case.rtol, &ctx);
            let sel: Vec<bool> = (0..n).map(|i| select(sort, alpha[i], beta[i])).collect();
            let k = sel.iter().filter(|&&s| s).count();
            assert_eq!(k as u64, count.as_u64().unwrap(), "{ctx}: selected {w:?}");
            assert!(sel[..k].iter().all(|&s| s), "{ctx}: not leading {sel:?}");
        }
    }
}

#[test]
fn ordqz_keeps_conjugate_pairs_together() {
    // Eigenvalues 3, ±2i (scaled by b), −1: 'rhp' moves only 3 and the pair
    // stays a standardised 2 × 2 block.
    let a = array![
        [-1.0, 1.0, 0.5, 0.0],
        [0.0, 0.0, -2.0, 1.0],
        [0.0, 2.0, 0.0, 0.3],
        [0.0, 0.0, 0.0, 3.0]
    ];
    let b = array![
        [1.0, 0.2, 0.0, 0.1],
        [0.0, 2.0, 0.0, 0.0],
        [0.0, 0.0, 1.0, 0.5],
        [0.0, 0.0, 0.0, 1.0]
    ];
    for sort in [QzSort::Rhp, QzSort::Iuc, QzSort::Ouc, QzSort::Lhp] {
        let r = ordqz(&a, &b, sort).unwrap();
        let qzr = Qz {
            aa: r.aa.clone(),
            bb: r.bb.clone(),
            q: r.q.clone(),
            z: r.z.clone(),
        };
        assert_eq!(check_form(&a, &b, &qzr, "pairs"), 1);
        let w: Vec<C> = (0..4).map(|i| ratio(r.alpha[i], r.beta[i])).collect();
        let want = [
            C::new(3.0, 0.0),
            C::new(-1.0, 0.0),
            C::new(0.0, 2f64.sqrt()),
            C::new(0.0, -(2f64.sqrt())),
        ];
        same_eigenvalues(&w, &want, 1e-12, "pairs");
    }
    // 'ouc' takes 3 and the pair |±√2 i| > 1: −1 (on the circle) stays last.
    let r = ordqz(&a, &b, QzSort::Ouc).unwrap();
    assert!((ratio(r.alpha[3], r.beta[3]) + 1.0).norm() < 1e-12);
}

#[test]
fn edge_cases() {
    // 0 × 0 and 1 × 1.
    let e = Array2::<f64>::zeros((0, 0));
    let r = qz(&e, &e).unwrap();
    assert_eq!(r.aa.dim(), (0, 0));
    assert_eq!(ordqz(&e, &e, QzSort::Lhp).unwrap().alpha.len(), 0);
    let r = qz(&array![[2.0]], &array![[-4.0]]).unwrap();
    assert_eq!(r.bb[[0, 0]], 4.0);
    assert_eq!(r.aa[[0, 0]], -2.0);
    let r = ordqz(&array![[2.0]], &array![[-4.0]], QzSort::Lhp).unwrap();
    assert!(r.alpha[0] == C::new(-2.0, 0.0) && r.beta[0] == 4.0);
    // b = 0: every eigenvalue infinite; a = b = 0: all 0/0.
    let a = array![[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 10.0]];
    let z3 = Array2::<f64>::zeros((3, 3));
    let r = ordqz(&a, &z3, QzSort::Ouc).unwrap();
    assert!(r.beta.iter().all(|&b| b == 0.0) && r.alpha.iter().all(|a| a.norm() > 0.0));
    let r = ordqz(&z3, &z3, QzSort::Ouc).unwrap();
    assert!(r.alpha.iter().all(|a| a.norm() == 0.0) && r.beta.iter().all(|&b| b == 0.0));
    // Errors: NaN, infinity, non-square, mismatched shapes.
    let nan = array![[1.0, f64::NAN], [0.0, 1.0]];
    let eye = Array2::<f64>::eye(2);
    assert!(matches!(qz(&nan, &eye), Err(Error::InvalidArgument { .. })));
    assert!(matches!(qz(&eye, &nan), Err(Error::InvalidArgument { .. })));
    let inf = array![[1.0, f64::INFINITY], [0.0, 1.0]];
    assert!(matches!(
        ordqz(&inf, &eye, QzSort::Lhp),
        Err(Error::InvalidArgument { .. })
    ));
    let rect = Array2::<f64>::zeros((2, 3));
    assert!(matches!(qz(&rect, &rect), Err(Error::ShapeMismatch { .. })));
    assert!(matches!(
        qz(&eye, &Array2::<f64>::eye(3)),
        Err(Error::ShapeMismatch { .. })
    ));
    assert!(matches!(
        ordqz(&eye, &rect, QzSort::Rhp),
        Err(Error::ShapeMismatch { .. })
    ));
}

#[test]
fn complex_input_gives_complex_form() {
    let a = array![
        [C::new(1.0, 1.0), C::new(2.0, 0.0)],
        [C::new(0.0, -1.0), C::new(3.0, 0.5)]
    ];
    let b = array![
        [C::new(1.0, 0.0), C::new(0.0, 1.0)],
        [C::new(0.5, 0.0), C::new(2.0, 0.0)]
    ];
    let r = qz(&a, &b).unwrap();
    assert!(r.aa[[1, 0]] == C::new(0.0, 0.0) && r.bb[[1, 0]] == C::new(0.0, 0.0));
    let zh = r.z.t().mapv(|v| v.conj());
    assert!(
        (r.q.dot(&r.aa).dot(&zh) - &a)
            .iter()
            .all(|e| e.norm() < 1e-14)
    );
    let o = ordqz(&a, &b, QzSort::Iuc).unwrap();
    let w: Vec<C> = (0..2).map(|i| o.alpha[i] / o.beta[i]).collect();
    let k = w.iter().take_while(|v| v.norm() < 1.0).count();
    assert!(w[k..].iter().all(|v| v.norm() >= 1.0));
}

/// Uniform numbers in `[−1, 1)` from a fixed linear congruential sequence.
fn pseudo_random(n: usize, seed: u64) -> Array2<f64> {
    let mut s = seed;
    Array2::from_shape_fn((n, n), |_| {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (s >> 11) as f64 / (1u64 << 52) as f64 - 1.0
    })
}

#[test]
fn larger_pencils_keep_structure() {
    for (n, seed) in [(40, 1), (61, 2)] {
        let a = pseudo_random(n, seed);
        let mut b = pseudo_random(n, seed + 100);
        // Two zero columns in b: two infinite eigenvalues.
        b.column_mut(3).fill(0.0);
        b.column_mut(n / 2).fill(0.0);
        let ctx = format!("n = {n}");
        let r = qz(&a, &b).unwrap();
        check_form(&a, &b, &r, &ctx);
        let infinite = (0..n).filter(|&i| r.bb[[i, i]] == 0.0).count();
        assert_eq!(infinite, 2, "{ctx}");
        // The eigenvalues agree with the complex QZ's.
        let c = qz_complex(&a, &b).unwrap();
        let want: Vec<C> = (0..n)
            .map(|i| ratio(c.aa[[i, i]], c.bb[[i, i]].re))
            .collect();
        let o = ordqz(&a, &b, QzSort::Rhp).unwrap();
        let got: Vec<C> = (0..n).map(|i| ratio(o.alpha[i], o.beta[i])).collect();
        same_eigenvalues(&got, &want, 1e-8, &ctx);
        for sort in [QzSort::Lhp, QzSort::Iuc, QzSort::Ouc] {
            let o = ordqz(&a, &b, sort).unwrap();
            let qzr = Qz {
                aa: o.aa,
                bb: o.bb,
                q: o.q,
                z: o.z,
            };
            check_form(&a, &b, &qzr, &ctx);
            let sel: Vec<bool> = (0..n)
                .map(|i| select(sort, o.alpha[i], o.beta[i]))
                .collect();
            let k = sel.iter().filter(|&&s| s).count();
            assert!(k > 0 && sel[..k].iter().all(|&s| s), "{ctx}: {sel:?}");
        }
    }
}

#[test]
fn stress_small_integer_pencils() {
    // Entries in {−2, …, 2}: repeated, infinite and 0/0 eigenvalues, exact
    // zeros everywhere; the form must hold regardless.
    let mut s = 7_u64;
    let mut next = || {
        s = s
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((s >> 33) % 5) as f64 - 2.0
    };
    for trial in 0..300 {
        let n = 2 + trial % 7;
        let a = Array2::from_shape_fn((n, n), |_| next());
        let b = Array2::from_shape_fn((n, n), |_| if next() > 0.0 { next() } else { 0.0 });
        let ctx = format!("trial {trial}: a = {a}, b = {b}");
        let r = qz(&a, &b).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        check_form(&a, &b, &r, &ctx);
        for sort in [QzSort::Lhp, QzSort::Ouc] {
            // An ill-conditioned swap may be refused, as SciPy's ValueError.
            match ordqz(&a, &b, sort) {
                Ok(o) => {
                    let qzr = Qz {
                        aa: o.aa,
                        bb: o.bb,
                        q: o.q,
                        z: o.z,
                    };
                    check_form(&a, &b, &qzr, &ctx);
                }
                Err(e) => assert!(
                    matches!(e, Error::InvalidArgument { name: "sort", .. }),
                    "{ctx}"
                ),
            }
        }
    }
}

#[test]
fn single_precision() {
    let a = pseudo_random(12, 5).mapv(|v| v as f32);
    let b = pseudo_random(12, 6).mapv(|v| v as f32);
    let r = qz(&a, &b).unwrap();
    let err = (r.q.dot(&r.aa).dot(&r.z.t()) - &a)
        .iter()
        .fold(0.0_f32, |m, v| m.max(v.abs()));
    assert!(err < 1e-4, "{err}");
    let o = ordqz(&a, &b, QzSort::Iuc).unwrap();
    let inside: Vec<bool> = (0..12)
        .map(|i| (o.alpha[i] / o.beta[i]).norm() < 1.0)
        .collect();
    let k = inside.iter().filter(|&&x| x).count();
    assert!(k > 0 && inside[..k].iter().all(|&x| x), "{inside:?}");
}
