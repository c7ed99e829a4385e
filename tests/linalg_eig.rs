//! ferrosci::linalg's nonsymmetric eigenproblem (hessenberg, schur, rsf2csf,
//! eig, eigvals, qz, ordqz) against SciPy fixtures
//! (`python3 tools/fixtures/linalg_eig.py`) and identities on seeded random
//! input: backward errors, orthogonality, residuals, edge cases, errors.

mod common;

use common::{Case, load};
use ferrosci::Error;
use ferrosci::linalg::*;
use ndarray::{Array1, Array2, ArrayD, Ix1, Ix2, array};
use num_complex::{Complex32, Complex64};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

type C = Complex64;

fn m2(a: ArrayD<f64>) -> Array2<f64> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn c2(a: ArrayD<C>) -> Array2<C> {
    a.into_dimensionality::<Ix2>().expect("2-D")
}
fn c1(a: ArrayD<C>) -> Array1<C> {
    a.into_dimensionality::<Ix1>().expect("1-D")
}
fn random(n: usize, rng: &mut StdRng) -> Array2<f64> {
    Array2::from_shape_fn((n, n), |_| rng.random::<f64>() * 2.0 - 1.0)
}
fn crandom(n: usize, rng: &mut StdRng) -> Array2<C> {
    Array2::from_shape_fn((n, n), |_| {
        C::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5)
    })
}
fn cx(a: &Array2<f64>) -> Array2<C> {
    a.mapv(|v| C::new(v, 0.0))
}
fn fro<T: Scalar>(a: &Array2<T>) -> f64 {
    a.iter().map(|v| v.abs2().to_f64_real()).sum::<f64>().sqrt()
}
fn ct<T: Scalar>(a: &Array2<T>) -> Array2<T> {
    a.t().mapv(|v| v.conj())
}
/// ‖A − R‖_F / (‖A‖_F · n · ε) with `ε` of the element type.
fn backward<T: Scalar>(a: &Array2<T>, r: &Array2<T>, eps: f64) -> f64 {
    let n = a.nrows().max(1) as f64;
    fro(&(a - r)) / (fro(a).max(f64::MIN_POSITIVE) * n * eps)
}
/// ‖QᴴQ − I‖_F / (n · ε).
fn orthogonality<T: Scalar>(q: &Array2<T>, eps: f64) -> f64 {
    let n = q.nrows();
    let i = Array2::from_shape_fn((n, n), |(r, c)| if r == c { T::one() } else { T::zero() });
    fro(&(ct(q).dot(q) - i)) / (n.max(1) as f64 * eps)
}
/// Checks `a = z·t·zᴴ`, `z` unitary, `t` (quasi-)triangular.
fn check_schur<T: Scalar>(
    a: &Array2<T>,
    t: &Array2<T>,
    z: &Array2<T>,
    eps: f64,
    quasi: bool,
    ctx: &str,
) {
    let n = a.nrows();
    let be = backward(a, &z.dot(t).dot(&ct(z)), eps);
    assert!(be < 20.0, "{ctx}: backward error {be}");
    let oe = orthogonality(z, eps);
    assert!(oe < 20.0, "{ctx}: orthogonality {oe}");
    for i in 0..n {
        for j in 0..i {
            let v = t[[i, j]];
            if quasi && i == j + 1 {
                if v != T::zero() {
                    // A standardised 2 × 2 block: equal diagonal, opposite signs.
                    assert!(
                        j == 0 || t[[j, j - 1]] == T::zero(),
                        "{ctx}: adjacent blocks at {j}"
                    );
                    assert_eq!(t[[j, j]], t[[i, i]], "{ctx}: block at {j} not standardised");
                    assert!(
                        (t[[j, i]].re() < T::Real::zero()) != (v.re() < T::Real::zero()),
                        "{ctx}: block at {j} has real eigenvalues"
                    );
                }
            } else {
                assert!(v == T::zero(), "{ctx}: t[{i}, {j}] = {v}");
            }
        }
    }
}
use num_traits::Zero;

/// Matches two multisets of complex numbers greedily within `tol·scale`.
fn same_eigenvalues(got: &[C], want: &[C], tol: f64, ctx: &str) {
    assert_eq!(got.len(), want.len(), "{ctx}: count");
    let scale = want.iter().fold(1.0_f64, |s, w| s.max(w.norm()));
    let mut used = vec![false; want.len()];
    for g in got {
        let best = (0..want.len())
            .filter(|&k| !used[k])
            .min_by(|&a, &b| (want[a] - g).norm().total_cmp(&(want[b] - g).norm()))
            .expect("one left");
        assert!(
            (want[best] - g).norm() <= tol * scale,
            "{ctx}: eigenvalue {g} has no match (nearest {}), all: {want:?}",
            want[best]
        );
        used[best] = true;
    }
}

fn exp_c2(case: &Case, name: &str) -> Array2<C> {
    c2(common::as_carray(&case.expected[name]))
}
fn exp_c1(case: &Case, name: &str) -> Array1<C> {
    c1(common::as_carray(&case.expected[name]))
}
fn is_real(case: &Case, name: &str) -> bool {
    case.arg(name)["dtype"] == "f64"
}

#[test]
fn hessenberg_matches_scipy() {
    for case in load("linalg", "eig_hessenberg") {
        let ctx = case.ctx();
        let a = c2(case.carray("a"));
        let (h, q) = if is_real(&case, "a") {
            let ar = a.mapv(|v| v.re);
            let r = hessenberg_q(&ar).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            assert_eq!(hessenberg(&ar).unwrap(), r.h, "{ctx}: h alone");
            (cx(&r.h), cx(&r.q))
        } else {
            let r = hessenberg_q(&a).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            (r.h, r.q)
        };
        // Same reflector convention as LAPACK: the same h and q up to rounding.
        let (hw, qw) = (exp_c2(&case, "h"), exp_c2(&case, "q"));
        let scale = fro(&a).max(1.0);
        assert!(fro(&(&h - &hw)) < case.rtol * scale, "{ctx}: h {h} vs {hw}");
        assert!(fro(&(&q - &qw)) < case.rtol * scale, "{ctx}: q {q} vs {qw}");
    }
}

#[test]
fn hessenberg_identities() {
    let mut rng = StdRng::seed_from_u64(1);
    for n in [0, 1, 2, 3, 10, 33] {
        let a = random(n, &mut rng);
        let r = hessenberg_q(&a).unwrap();
        assert!(
            backward(&a, &r.q.dot(&r.h).dot(&r.q.t()), f64::EPSILON) < 10.0,
            "n={n}"
        );
        assert!(orthogonality(&r.q, f64::EPSILON) < 10.0, "n={n}");
        for i in 0..n {
            for j in 0..i.saturating_sub(1) {
                assert_eq!(r.h[[i, j]], 0.0);
            }
        }
        let c = crandom(n, &mut rng);
        let r = hessenberg_q(&c).unwrap();
        assert!(
            backward(&c, &r.q.dot(&r.h).dot(&ct(&r.q)), f64::EPSILON) < 10.0,
            "n={n}"
        );
        // f32
        let a32 = a.mapv(|v| v as f32);
        let r = hessenberg_q(&a32).unwrap();
        assert!(backward(&a32, &r.q.dot(&r.h).dot(&r.q.t()), f32::EPSILON as f64) < 10.0);
    }
}

#[test]
fn schur_identities_random() {
    let mut rng = StdRng::seed_from_u64(2);
    for n in [0, 1, 2, 3, 4, 7, 16, 40] {
        let a = random(n, &mut rng);
        let s = schur(&a).unwrap();
        check_schur(&a, &s.t, &s.z, f64::EPSILON, true, &format!("real n={n}"));
        let s = schur_complex(&a).unwrap();
        check_schur(
            &cx(&a),
            &s.t,
            &s.z,
            f64::EPSILON,
            false,
            &format!("real→complex n={n}"),
        );
        let c = crandom(n, &mut rng);
        let s = schur(&c).unwrap();
        check_schur(
            &c,
            &s.t,
            &s.z,
            f64::EPSILON,
            false,
            &format!("complex n={n}"),
        );
        let a32 = a.mapv(|v| v as f32);
        let s = schur(&a32).unwrap();
        check_schur(
            &a32,
            &s.t,
            &s.z,
            f32::EPSILON as f64,
            true,
            &format!("f32 n={n}"),
        );
        let c32 = c.mapv(|v| Complex32::new(v.re as f32, v.im as f32));
        let s = schur(&c32).unwrap();
        check_schur(
            &c32,
            &s.t,
            &s.z,
            f32::EPSILON as f64,
            false,
            &format!("c32 n={n}"),
        );
    }
}

#[test]
fn schur_eigenvalues_match_scipy() {
    for case in load("linalg", "eig_eig") {
        let ctx = case.ctx();
        let a = c2(case.carray("a"));
        let want = exp_c1(&case, "w").to_vec();
        let n = a.nrows();
        let diag: Vec<C> = if is_real(&case, "a") {
            let ar = a.mapv(|v| v.re);
            let s = schur(&ar).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            check_schur(&ar, &s.t, &s.z, f64::EPSILON, true, &ctx);
            let s = schur_complex(&ar).unwrap();
            check_schur(&cx(&ar), &s.t, &s.z, f64::EPSILON, false, &ctx);
            (0..n).map(|i| s.t[[i, i]]).collect()
        } else {
            let s = schur(&a).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            check_schur(&a, &s.t, &s.z, f64::EPSILON, false, &ctx);
            (0..n).map(|i| s.t[[i, i]]).collect()
        };
        // Defective eigenvalues are only accurate to ε^(1/k).
        let tol = if case.id.contains("jordan") || case.id.contains("companion") {
            1e-3
        } else {
            1e-12
        };
        same_eigenvalues(&diag, &want, tol, &ctx);
    }
}

#[test]
fn schur_sorted_matches_scipy() {
    for case in load("linalg", "eig_schur") {
        let ctx = case.ctx();
        let a = c2(case.carray("a"));
        let sort = match case.str("sort") {
            "lhp" => SchurSort::Lhp,
            "rhp" => SchurSort::Rhp,
            "iuc" => SchurSort::Iuc,
            _ => SchurSort::Ouc,
        };
        let sdim_want = case.expected["sdim"].as_u64().unwrap() as usize;
        let lead_want = exp_c1(&case, "lead").to_vec();
        let (t, sdim) = if !is_real(&case, "a") {
            let s = schur_sorted(&a, sort).unwrap();
            check_schur(&a, &s.t, &s.z, f64::EPSILON, false, &ctx);
            (s.t, s.sdim)
        } else {
            let ar = a.mapv(|v| v.re);
            if case.str("output") == "real" {
                let s = schur_sorted(&ar, sort).unwrap();
                check_schur(&ar, &s.t, &s.z, f64::EPSILON, true, &ctx);
                (cx(&s.t), s.sdim)
            } else {
                let s = schur_complex_sorted(&ar, sort).unwrap();
                check_schur(&cx(&ar), &s.t, &s.z, f64::EPSILON, false, &ctx);
                (s.t, s.sdim)
            }
        };
        assert_eq!(sdim, sdim_want, "{ctx}: sdim");
        let lead = eigvals(&t.slice(ndarray::s![..sdim, ..sdim]).to_owned()).unwrap();
        same_eigenvalues(&lead.to_vec(), &lead_want, 1e-10, &ctx);
    }
}

#[test]
fn schur_sorted_custom_predicate() {
    let mut rng = StdRng::seed_from_u64(3);
    let a = random(12, &mut rng);
    let s = schur_sorted(&a, SchurSort::Custom(|z| z.im.abs() > 0.0)).unwrap();
    check_schur(&a, &s.t, &s.z, f64::EPSILON, true, "custom");
    let w = eigvals(&a).unwrap();
    let pairs = w.iter().filter(|z| z.im != 0.0).count();
    assert_eq!(s.sdim, pairs);
    for i in 0..s.sdim {
        let sub = if i + 1 < 12 { s.t[[i + 1, i]] } else { 0.0 };
        let above = if i > 0 { s.t[[i, i - 1]] } else { 0.0 };
        assert!(
            sub != 0.0 || above != 0.0,
            "entry {i} of the leading part is a real eigenvalue"
        );
    }
}

#[test]
fn rsf2csf_matches_scipy() {
    for case in load("linalg", "eig_rsf2csf") {
        let ctx = case.ctx();
        let t = m2(case.array("t"));
        let z = m2(case.array("z"));
        let r = rsf2csf(&t, &z).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let (tw, zw) = (exp_c2(&case, "t"), exp_c2(&case, "z"));
        assert!(
            fro(&(&r.t - &tw)) < case.rtol * fro(&tw).max(1.0),
            "{ctx}: t {} vs {tw}",
            r.t
        );
        assert!(
            fro(&(&r.z - &zw)) < case.rtol * fro(&zw).max(1.0),
            "{ctx}: z {} vs {zw}",
            r.z
        );
    }
}

/// ‖A·V − V·diag(w)‖_F / (‖A‖_F · n · ε).
fn residual(a: &Array2<C>, v: &Array2<C>, w: &Array1<C>, eps: f64) -> f64 {
    let n = a.nrows().max(1) as f64;
    let vw = v * &w.view().insert_axis(ndarray::Axis(0));
    fro(&(a.dot(v) - vw)) / (fro(a).max(f64::MIN_POSITIVE) * n * eps)
}

/// Whether `got` equals `want` up to a unit complex factor.
fn same_up_to_phase(got: ndarray::ArrayView1<C>, want: ndarray::ArrayView1<C>, tol: f64) -> bool {
    let ip: C = want.iter().zip(got.iter()).map(|(w, g)| w.conj() * g).sum();
    if ip.norm() == 0.0 {
        return false;
    }
    let phase = ip / ip.norm();
    want.iter()
        .zip(got.iter())
        .all(|(w, g)| (w * phase - g).norm() <= tol)
}

#[test]
fn eig_matches_scipy() {
    for case in load("linalg", "eig_eig") {
        let ctx = case.ctx();
        let a = c2(case.carray("a"));
        let n = a.nrows();
        let r = if is_real(&case, "a") {
            let ar = a.mapv(|v| v.re);
            let r = eig_left(&ar).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            assert_eq!(eigvals(&ar).unwrap(), r.w, "{ctx}: eigvals and eig agree");
            // Conjugate pairs are exact, positive imaginary part first.
            for i in 0..n {
                if r.w[i].im > 0.0 {
                    assert_eq!(r.w[i + 1], r.w[i].conj(), "{ctx}");
                    assert_eq!(
                        r.vr.column(i + 1),
                        r.vr.column(i).mapv(|v| v.conj()),
                        "{ctx}"
                    );
                } else if r.w[i].im == 0.0 {
                    assert!(
                        r.vr.column(i).iter().all(|v| v.im == 0.0),
                        "{ctx}: real vector"
                    );
                }
            }
            r
        } else {
            eig_left(&a).unwrap_or_else(|e| panic!("{ctx}: {e}"))
        };
        let want = exp_c1(&case, "w");
        let defective = case.id.contains("jordan") || case.id.contains("companion");
        let tol = if defective { 1e-3 } else { 1e-12 };
        same_eigenvalues(&r.w.to_vec(), &want.to_vec(), tol, &ctx);
        let res = residual(&a, &r.vr, &r.w, f64::EPSILON);
        assert!(res < 30.0, "{ctx}: right residual {res}");
        let ah = ct(&a);
        let wc = r.w.mapv(|v| v.conj());
        let res = residual(&ah, &r.vl, &wc, f64::EPSILON);
        assert!(res < 30.0, "{ctx}: left residual {res}");
        for k in 0..n {
            let nr: f64 =
                r.vr.column(k)
                    .iter()
                    .map(|v| v.norm_sqr())
                    .sum::<f64>()
                    .sqrt();
            assert!((nr - 1.0).abs() < 1e-14, "{ctx}: norm {nr}");
        }
        if defective
            || case.id.contains("zeros")
            || case.id.contains("hermitian")
            || case.id.contains("triangular_4")
        {
            continue; // eigenvectors of repeated eigenvalues are not unique
        }
        // Simple eigenvalues: the same vectors as SciPy up to a phase.
        let (vr_w, vl_w) = (exp_c2(&case, "vr"), exp_c2(&case, "vl"));
        for k in 0..n {
            let j = (0..n)
                .min_by(|&x, &y| {
                    (want[x] - r.w[k])
                        .norm()
                        .total_cmp(&(want[y] - r.w[k]).norm())
                })
                .unwrap();
            assert!(
                same_up_to_phase(r.vr.column(k), vr_w.column(j), 1e-9),
                "{ctx}: vr[:, {k}] {} vs {}",
                r.vr.column(k),
                vr_w.column(j)
            );
            assert!(
                same_up_to_phase(r.vl.column(k), vl_w.column(j), 1e-9),
                "{ctx}: vl[:, {k}]"
            );
        }
    }
}

#[test]
fn eig_identities_random_and_types() {
    let mut rng = StdRng::seed_from_u64(4);
    for n in [2, 5, 17, 50] {
        let a = random(n, &mut rng);
        let r = eig(&a).unwrap();
        assert!(residual(&cx(&a), &r.vr, &r.w, f64::EPSILON) < 30.0, "n={n}");
        let c = crandom(n, &mut rng);
        let r = eig_left(&c).unwrap();
        assert!(
            residual(&c, &r.vr, &r.w, f64::EPSILON) < 30.0,
            "complex n={n}"
        );
        assert!(residual(&ct(&c), &r.vl, &r.w.mapv(|v| v.conj()), f64::EPSILON) < 30.0);
        // f32 against f64
        let r32 = eig(&a.mapv(|v| v as f32)).unwrap();
        let w64 = eigvals(&a).unwrap();
        let w32: Vec<C> = r32
            .w
            .iter()
            .map(|z| C::new(z.re as f64, z.im as f64))
            .collect();
        same_eigenvalues(&w32, &w64.to_vec(), 1e-4, &format!("f32 n={n}"));
        let v32 = r32.vr.mapv(|z| C::new(z.re as f64, z.im as f64));
        let w32 = Array1::from(w32);
        assert!(
            residual(&cx(&a), &v32, &w32, f32::EPSILON as f64) < 30.0,
            "f32 n={n}"
        );
    }
}

#[test]
fn eig_edge_cases() {
    let e = Array2::<f64>::zeros((0, 0));
    let r = eig(&e).unwrap();
    assert_eq!((r.w.len(), r.vr.dim()), (0, (0, 0)));
    assert_eq!(eigvals(&e).unwrap().len(), 0);
    let s = schur(&e).unwrap();
    assert_eq!(s.t.dim(), (0, 0));
    let one = array![[-2.5_f64]];
    let r = eig(&one).unwrap();
    assert_eq!(r.w[0], C::new(-2.5, 0.0));
    assert_eq!(r.vr[[0, 0]], C::new(1.0, 0.0));
    // Overflow-prone scaling: huge and tiny entries.
    let big = array![[1e300_f64, 1e300], [0.0, -1e300]];
    let r = eig(&big).unwrap();
    same_eigenvalues(
        &r.w.to_vec(),
        &[C::new(1e300, 0.0), C::new(-1e300, 0.0)],
        1e-14,
        "huge",
    );
    assert!(r.vr.iter().all(|v| v.is_finite()));
    let tiny = array![[1e-300_f64, 2e-300], [-3e-300, 1e-300]];
    let w = eigvals(&tiny).unwrap();
    let s6 = 6.0_f64.sqrt() * 1e-300;
    same_eigenvalues(
        &w.to_vec(),
        &[C::new(1e-300, s6), C::new(1e-300, -s6)],
        1e-13,
        "tiny",
    );
}

#[test]
fn errors_as_the_rest_of_linalg() {
    let rect = Array2::<f64>::zeros((2, 3));
    for e in [
        eig(&rect).err(),
        eigvals(&rect).err(),
        schur(&rect).err(),
        hessenberg(&rect).err(),
    ] {
        match e {
            Some(Error::ShapeMismatch {
                name: "a",
                expected,
                got,
            }) => {
                assert_eq!((expected, got), (vec![2, 2], vec![2, 3]));
            }
            other => panic!("expected ShapeMismatch, got {other:?}"),
        }
    }
    for bad in [f64::NAN, f64::INFINITY] {
        let a = array![[1.0, bad], [0.0, 1.0]];
        assert!(matches!(
            eig(&a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        assert!(matches!(
            schur(&a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        assert!(matches!(
            hessenberg_q(&a),
            Err(Error::InvalidArgument { name: "a", .. })
        ));
        let z = Array2::<f64>::eye(2);
        assert!(matches!(
            rsf2csf(&a, &z),
            Err(Error::InvalidArgument { name: "t", .. })
        ));
    }
    let t = Array2::<f64>::eye(3);
    assert!(matches!(
        rsf2csf(&t, &Array2::eye(2)),
        Err(Error::ShapeMismatch { name: "z", .. })
    ));
}

/// Eigenvalue match that also accepts `inf` against `inf`; LAPACK may
/// leave a rounding-level `β` (|λ| ~ 1/ε) where we deflate an exact zero.
fn same_generalized(got: &[C], want: &[C], tol: f64, ctx: &str) {
    let inf = |v: &C| !v.re.is_finite() || !v.im.is_finite() || v.norm() > 1e12;
    let (gi, gf): (Vec<C>, Vec<C>) = got.iter().partition(|v| inf(v));
    let (wi, wf): (Vec<C>, Vec<C>) = want.iter().partition(|v| inf(v));
    assert_eq!(
        gi.len(),
        wi.len(),
        "{ctx}: infinite eigenvalues {got:?} vs {want:?}"
    );
    same_eigenvalues(&gf, &wf, tol, ctx);
}

#[test]
fn eig_generalized_matches_scipy() {
    let cases = ["eig_generalized", "eig_generalized_real"].map(|f| load("linalg", f));
    for case in cases.into_iter().flatten() {
        let ctx = case.ctx();
        let a = c2(case.carray("a"));
        let b = c2(case.carray("b"));
        let n = a.nrows();
        let r = if is_real(&case, "a") {
            let (ar, br) = (a.mapv(|v| v.re), b.mapv(|v| v.re));
            let r = eig_generalized_left(&ar, &br).unwrap_or_else(|e| panic!("{ctx}: {e}"));
            let w = eigvals_generalized(&ar, &br).unwrap();
            same_generalized(&w.to_vec(), &r.w.to_vec(), 1e-14, &ctx);
            r
        } else {
            eig_generalized_left(&a, &b).unwrap_or_else(|e| panic!("{ctx}: {e}"))
        };
        let want = exp_c1(&case, "w");
        // Fixture rtol 1e-10 (1e-8 for graded pencils): eigenvalues to a tenth of it.
        same_generalized(&r.w.to_vec(), &want.to_vec(), case.rtol / 10.0, &ctx);
        let scale = fro(&a) + fro(&b);
        for k in 0..n {
            let (vr, vl) = (r.vr.column(k), r.vl.column(k));
            let nr: f64 = vr.iter().map(|v| v.norm_sqr()).sum::<f64>().sqrt();
            assert!((nr - 1.0).abs() < 1e-14, "{ctx}: norm {nr}");
            // Homogeneous residual, valid for infinite eigenvalues too.
            let w = r.w[k];
            let (al, be) = if w.re.is_finite() {
                (w, C::new(1.0, 0.0))
            } else {
                (C::new(1.0, 0.0), C::new(0.0, 0.0))
            };
            let res = (a.dot(&vr) * be - b.dot(&vr) * al)
                .iter()
                .map(|v| v.norm_sqr())
                .sum::<f64>()
                .sqrt();
            assert!(
                res < 100.0 * f64::EPSILON * scale * (1.0 + al.norm()),
                "{ctx}: right residual {res} for {w}"
            );
            let vlh = vl.mapv(|v| v.conj());
            let res = (vlh.dot(&a) * be - vlh.dot(&b) * al)
                .iter()
                .map(|v| v.norm_sqr())
                .sum::<f64>()
                .sqrt();
            assert!(
                res < 100.0 * f64::EPSILON * scale * (1.0 + al.norm()),
                "{ctx}: left residual {res} for {w}"
            );
        }
        // Simple finite eigenvalues: SciPy's vectors up to a phase.
        let (vr_w, vl_w) = (exp_c2(&case, "vr"), exp_c2(&case, "vl"));
        for k in 0..n {
            if !r.w[k].re.is_finite() {
                continue;
            }
            let j = (0..n)
                .min_by(|&x, &y| {
                    (want[x] - r.w[k])
                        .norm()
                        .total_cmp(&(want[y] - r.w[k]).norm())
                })
                .unwrap();
            assert!(
                same_up_to_phase(r.vr.column(k), vr_w.column(j), 10.0 * case.rtol),
                "{ctx}: vr[:, {k}] {} vs {}",
                r.vr.column(k),
                vr_w.column(j)
            );
            assert!(
                same_up_to_phase(r.vl.column(k), vl_w.column(j), 10.0 * case.rtol),
                "{ctx}: vl[:, {k}] {} vs {}",
                r.vl.column(k),
                vl_w.column(j)
            );
        }
    }
}

/// Checks `a = q·aa·zᴴ`, `b = q·bb·zᴴ`, unitary `q`, `z`, triangular
/// `aa`, `bb`, `bb`'s diagonal real and non-negative.
fn check_qz(
    a: &Array2<C>,
    b: &Array2<C>,
    aa: &Array2<C>,
    bb: &Array2<C>,
    q: &Array2<C>,
    z: &Array2<C>,
    ctx: &str,
) {
    let n = a.nrows();
    let e = backward(a, &q.dot(aa).dot(&ct(z)), f64::EPSILON);
    assert!(e < 30.0, "{ctx}: a backward error {e}");
    let e = backward(b, &q.dot(bb).dot(&ct(z)), f64::EPSILON);
    assert!(e < 30.0, "{ctx}: b backward error {e}");
    assert!(
        orthogonality(q, f64::EPSILON) < 20.0 && orthogonality(z, f64::EPSILON) < 20.0,
        "{ctx}"
    );
    for i in 0..n {
        for j in 0..i {
            assert!(
                aa[[i, j]] == C::zero() && bb[[i, j]] == C::zero(),
                "{ctx}: not triangular at ({i}, {j})"
            );
        }
        assert!(
            bb[[i, i]].im == 0.0 && bb[[i, i]].re >= 0.0,
            "{ctx}: bb[{i}, {i}] = {}",
            bb[[i, i]]
        );
    }
}

#[test]
fn qz_and_ordqz_match_scipy() {
    for case in load("linalg", "qz_ordqz") {
        let ctx = case.ctx();
        let a = c2(case.carray("a"));
        let b = c2(case.carray("b"));
        let sort = match case.str("sort") {
            "lhp" => QzSort::Lhp,
            "rhp" => QzSort::Rhp,
            "iuc" => QzSort::Iuc,
            _ => QzSort::Ouc,
        };
        let r = if is_real(&case, "a") {
            let (ar, br) = (a.mapv(|v| v.re), b.mapv(|v| v.re));
            let q = qz_complex(&ar, &br).unwrap();
            check_qz(&a, &b, &q.aa, &q.bb, &q.q, &q.z, &ctx);
            ordqz_complex(&ar, &br, sort).unwrap()
        } else {
            let q = qz_complex(&a, &b).unwrap();
            check_qz(&a, &b, &q.aa, &q.bb, &q.q, &q.z, &ctx);
            ordqz_complex(&a, &b, sort).unwrap()
        };
        check_qz(&a, &b, &r.aa, &r.bb, &r.q, &r.z, &ctx);
        let k = case.expected["k"].as_u64().unwrap() as usize;
        let lead: Vec<C> = (0..k)
            .map(|i| {
                if r.beta[i] == C::zero() {
                    C::new(f64::INFINITY, 0.0)
                } else {
                    r.alpha[i] / r.beta[i]
                }
            })
            .collect();
        same_generalized(&lead, &exp_c1(&case, "lead").to_vec(), 1e-10, &ctx);
        for i in 0..r.alpha.len() {
            assert_eq!(
                (r.alpha[i], r.beta[i]),
                (r.aa[[i, i]], r.bb[[i, i]]),
                "{ctx}"
            );
        }
    }
}

#[test]
fn generalized_edge_cases_and_errors() {
    let mut rng = StdRng::seed_from_u64(5);
    // Random pencils of several sizes, real and complex: residuals.
    for n in [0, 1, 2, 9, 30] {
        let (a, b) = (crandom(n, &mut rng), crandom(n, &mut rng));
        let r = qz_complex(&a, &b).unwrap();
        check_qz(&a, &b, &r.aa, &r.bb, &r.q, &r.z, &format!("n={n}"));
        let ar = random(n, &mut rng);
        let r = eig_generalized(&ar, &Array2::eye(n)).unwrap();
        same_eigenvalues(
            &r.w.to_vec(),
            &eigvals(&ar).unwrap().to_vec(),
            1e-10,
            &format!("b = I, n={n}"),
        );
    }
    // Singular pencil (both a and b lose rank on the same row): NaN, as SciPy.
    let a = array![[1.0, 2.0], [0.0, 0.0]];
    let b = array![[1.0, 0.0], [0.0, 0.0]];
    let w: Array1<C> = eigvals_generalized(&a, &b).unwrap();
    assert_eq!(w.iter().filter(|v| v.re.is_nan()).count(), 1, "{w}");
    assert!(
        w.iter().any(|v| (v - C::new(1.0, 0.0)).norm() < 1e-14),
        "{w}"
    );
    // Errors.
    let sq = Array2::<f64>::eye(2);
    assert!(matches!(
        eig_generalized(&sq, &Array2::eye(3)),
        Err(Error::ShapeMismatch { name: "b", .. })
    ));
    assert!(matches!(
        qz_complex(&Array2::<f64>::zeros((2, 3)), &sq),
        Err(Error::ShapeMismatch { name: "a", .. })
    ));
    let nan = array![[f64::NAN, 0.0], [0.0, 1.0]];
    assert!(matches!(
        eig_generalized(&sq, &nan),
        Err(Error::InvalidArgument { name: "b", .. })
    ));
    assert!(matches!(
        ordqz_complex(&nan, &sq, QzSort::Lhp),
        Err(Error::InvalidArgument { name: "a", .. })
    ));
}

#[test]
fn stress_small_integer_matrices() {
    // Small integer entries give exact zeros, repeated and defective
    // eigenvalues and exactly singular b: every path must still converge.
    let mut rng = StdRng::seed_from_u64(6);
    for trial in 0..300 {
        let n = 1 + trial % 7;
        let a = Array2::from_shape_fn((n, n), |_| (rng.random::<f64>() * 5.0).floor() - 2.0);
        let b = Array2::from_shape_fn((n, n), |_| (rng.random::<f64>() * 3.0).floor() - 1.0);
        let ctx = format!("trial {trial}: a = {a}, b = {b}");
        let r = eig(&a).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let scale = fro(&a).max(1.0);
        let res = fro(&(cx(&a).dot(&r.vr) - &r.vr * &r.w.view().insert_axis(ndarray::Axis(0))));
        // Defective eigenvalues: residual still small (vectors nearly parallel).
        assert!(res < 1e-10 * scale, "{ctx}: residual {res}");
        let s = schur_sorted(&a, SchurSort::Lhp).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        check_schur(&a, &s.t, &s.z, f64::EPSILON, true, &ctx);
        let q = ordqz_complex(&a, &b, QzSort::Iuc).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        check_qz(&cx(&a), &cx(&b), &q.aa, &q.bb, &q.q, &q.z, &ctx);
        // Real QZ vectors: homogeneous residuals wherever the eigenvalue is
        // defined (not NaN from a singular pencil).
        let g = eig_generalized_left(&a, &b).unwrap_or_else(|e| panic!("{ctx}: {e}"));
        let scale = fro(&a) + fro(&b);
        for k in 0..n {
            let w = g.w[k];
            if w.re.is_nan() {
                continue;
            }
            let (al, be) = if w.re.is_finite() {
                (w, C::new(1.0, 0.0))
            } else {
                (C::new(1.0, 0.0), C::new(0.0, 0.0))
            };
            let tol = 1e-10 * scale * (1.0 + al.norm());
            let vr = g.vr.column(k);
            let res =
                fro(&(cx(&a).dot(&vr) * be - cx(&b).dot(&vr) * al).insert_axis(ndarray::Axis(1)));
            assert!(res < tol, "{ctx}: right residual {res} for {w}");
            let vlh = g.vl.column(k).mapv(|v| v.conj());
            let res =
                fro(&(vlh.dot(&cx(&a)) * be - vlh.dot(&cx(&b)) * al).insert_axis(ndarray::Axis(1)));
            assert!(res < tol, "{ctx}: left residual {res} for {w}");
        }
    }
}

#[test]
fn single_precision_sorted_and_generalized() {
    let mut rng = StdRng::seed_from_u64(7);
    let eps = f32::EPSILON as f64;
    let a = random(9, &mut rng).mapv(|v| v as f32);
    let s = schur_sorted(&a, SchurSort::Rhp).unwrap();
    check_schur(&a, &s.t, &s.z, eps, true, "f32 sorted");
    let want = eigvals(&a.mapv(|v| v as f64)).unwrap();
    assert_eq!(s.sdim, want.iter().filter(|z| z.re >= 0.0).count());
    let c = crandom(6, &mut rng).mapv(|v| Complex32::new(v.re as f32, v.im as f32));
    let s = schur_sorted(&c, SchurSort::Ouc).unwrap();
    check_schur(&c, &s.t, &s.z, eps, false, "c32 sorted");
    for i in 0..6 {
        let outside = s.t[[i, i]].norm() > 1.0;
        assert_eq!(outside, i < s.sdim, "c32 sorted: entry {i}");
    }
    let b = random(9, &mut rng).mapv(|v| v as f32);
    let w32 = eigvals_generalized(&a, &b).unwrap();
    let w64 = eigvals_generalized(&a.mapv(|v| v as f64), &b.mapv(|v| v as f64)).unwrap();
    let w32: Vec<C> = w32
        .iter()
        .map(|z| C::new(z.re as f64, z.im as f64))
        .collect();
    same_eigenvalues(&w32, &w64.to_vec(), 1e-3, "f32 pencil");
}
