//! ferrosci::special part B (Bessel, elliptic, exponential integrals, zeta,
//! hypergeometric) against mpmath at 50 digits, with SciPy's error on the same
//! points as the bar (`python3 tools/fixtures/special_b.py`).
mod common;

use common::{Case, check_family};
use ferrosci::special as sp;

fn order(c: &Case) -> f64 {
    if c.has("v") {
        c.f64("v")
    } else {
        c.i64("n") as f64
    }
}

#[test]
fn bessel_jy_vs_mpmath() {
    check_family(
        "bessel_jy",
        |c, f| {
            let x = c.f64("x");
            match f {
                "jv" => sp::jv(order(c), x),
                "yv" => sp::yv(order(c), x),
                "j0" => sp::j0(x),
                "j1" => sp::j1(x),
                "y0" => sp::y0(x),
                "y1" => sp::y1(x),
                "jn" => sp::jn(c.i64("n") as i32, x),
                "yn" => sp::yn(c.i64("n") as i32, x),
                other => panic!("unknown function {other}"),
            }
        },
        // Documented exception (module docs): Y_3.7(22) sits next to a zero.
        &[("yv", 1.1e-13)],
    );
}

#[test]
fn bessel_ik_vs_mpmath() {
    check_family(
        "bessel_ik",
        |c, f| {
            let x = c.f64("x");
            match f {
                "iv" => sp::iv(order(c), x),
                "ive" => sp::ive(order(c), x),
                "kv" => sp::kv(order(c), x),
                "kve" => sp::kve(order(c), x),
                "i0" => sp::i0(x),
                "i1" => sp::i1(x),
                "i0e" => sp::i0e(x),
                "i1e" => sp::i1e(x),
                "k0" => sp::k0(x),
                "k1" => sp::k1(x),
                "k0e" => sp::k0e(x),
                "k1e" => sp::k1e(x),
                "kn" => sp::kn(c.i64("n") as i32, x),
                other => panic!("unknown function {other}"),
            }
        },
        &[],
    );
}

#[test]
fn bessel_derivatives_and_spherical_vs_mpmath() {
    check_family(
        "bessel_deriv",
        |c, f| {
            let x = c.f64("x");
            let d = f.ends_with("_d");
            match f.trim_end_matches("_d") {
                "jvp" => sp::jvp(c.f64("v"), x, c.usize("n") as u32),
                "yvp" => sp::yvp(c.f64("v"), x, c.usize("n") as u32),
                "ivp" => sp::ivp(c.f64("v"), x, c.usize("n") as u32),
                "kvp" => sp::kvp(c.f64("v"), x, c.usize("n") as u32),
                "spherical_jn" => sp::spherical_jn(c.i64("n"), x, d),
                "spherical_yn" => sp::spherical_yn(c.i64("n"), x, d),
                "spherical_in" => sp::spherical_in(c.i64("n"), x, d),
                "spherical_kn" => sp::spherical_kn(c.i64("n"), x, d),
                other => panic!("unknown function {other}"),
            }
        },
        // Documented exceptions (module docs): sums of cylinder functions.
        &[("spherical_yn_d", 4e-14), ("yvp", 4e-14)],
    );
}

#[test]
fn elliptic_vs_mpmath() {
    check_family(
        "elliptic",
        |c, f| match f {
            "ellipk" => sp::ellipk(c.f64("m")),
            "ellipe" => sp::ellipe(c.f64("m")),
            "ellipkm1" => sp::ellipkm1(c.f64("p")),
            "ellipkinc" => sp::ellipkinc(c.f64("phi"), c.f64("m")),
            "ellipeinc" => sp::ellipeinc(c.f64("phi"), c.f64("m")),
            "ellipj_sn" => sp::ellipj(c.f64("u"), c.f64("m")).sn,
            "ellipj_cn" => sp::ellipj(c.f64("u"), c.f64("m")).cn,
            "ellipj_dn" => sp::ellipj(c.f64("u"), c.f64("m")).dn,
            "ellipj_ph" => sp::ellipj(c.f64("u"), c.f64("m")).ph,
            "elliprf" => sp::elliprf(c.f64("x"), c.f64("y"), c.f64("z")),
            "elliprd" => sp::elliprd(c.f64("x"), c.f64("y"), c.f64("z")),
            "elliprg" => sp::elliprg(c.f64("x"), c.f64("y"), c.f64("z")),
            "elliprj" => sp::elliprj(c.f64("x"), c.f64("y"), c.f64("z"), c.f64("p")),
            "elliprc" => sp::elliprc(c.f64("x"), c.f64("y")),
            other => panic!("unknown function {other}"),
        },
        &[],
    );
}

#[test]
fn expint_vs_mpmath() {
    check_family(
        "expint",
        |c, f| {
            let x = c.f64("x");
            match f {
                "exp1" => sp::exp1(x),
                "expi" => sp::expi(x),
                "expn" => sp::expn(c.i64("n"), x),
                "sici_si" => sp::sici(x).0,
                "sici_ci" => sp::sici(x).1,
                "shichi_shi" => sp::shichi(x).0,
                "shichi_chi" => sp::shichi(x).1,
                "spence" => sp::spence(x),
                other => panic!("unknown function {other}"),
            }
        },
        &[],
    );
}

#[test]
fn zeta_vs_mpmath() {
    check_family(
        "zeta",
        |c, f| {
            let x = c.f64("x");
            match f {
                "zeta" => sp::zeta(x, None),
                "zetac" => sp::zetac(x),
                "zeta_hurwitz" => sp::zeta(x, Some(c.f64("q"))),
                other => panic!("unknown function {other}"),
            }
        },
        &[],
    );
}

#[test]
fn airy_and_zeros_vs_mpmath() {
    check_family(
        "airy_zeros",
        |c, f| {
            if let Some(kind) = f.strip_prefix("airy_").or_else(|| f.strip_prefix("airye_")) {
                let x = c.f64("x");
                let a = if f.starts_with("airye") {
                    sp::airye(x)
                } else {
                    sp::airy(x)
                };
                return match kind {
                    "ai" => a.ai,
                    "aip" => a.aip,
                    "bi" => a.bi,
                    "bip" => a.bip,
                    other => panic!("unknown airy part {other}"),
                };
            }
            let (k, nt) = (c.usize("k"), c.usize("nt"));
            let n = || c.usize("n") as u32;
            match f {
                "ai_zeros" => sp::ai_zeros(nt).unwrap().zeros[k],
                "ai_zeros_p" => sp::ai_zeros(nt).unwrap().zeros_p[k],
                "bi_zeros" => sp::bi_zeros(nt).unwrap().zeros[k],
                "bi_zeros_p" => sp::bi_zeros(nt).unwrap().zeros_p[k],
                "jn_zeros" => sp::jn_zeros(n(), nt).unwrap()[k],
                "jnp_zeros" => sp::jnp_zeros(n(), nt).unwrap()[k],
                "yn_zeros" => sp::yn_zeros(n(), nt).unwrap()[k],
                "ynp_zeros" => sp::ynp_zeros(n(), nt).unwrap()[k],
                other => panic!("unknown function {other}"),
            }
        },
        &[],
    );
}

#[test]
fn zeros_reject_nt_zero() {
    let err = sp::jn_zeros(1, 0).unwrap_err().to_string();
    assert!(err.contains("nt"), "{err}");
    assert!(sp::ai_zeros(0).is_err());
    assert!(sp::jnyn_zeros(3, 0).is_err());
}

#[test]
fn hypergeometric_vs_mpmath() {
    check_family(
        "hypergeometric",
        |c, f| {
            let x = c.f64("x");
            match f {
                "hyp0f1" => sp::hyp0f1(c.f64("b"), x),
                "hyp1f1" => sp::hyp1f1(c.f64("a"), c.f64("b"), x),
                "hyp2f1" => sp::hyp2f1(c.f64("a"), c.f64("b"), c.f64("c"), x),
                other => panic!("unknown function {other}"),
            }
        },
        // Documented exception (module docs): an alternating series.
        &[("hyp1f1", 1.6e-13)],
    );
}

#[test]
fn lambertw_vs_mpmath() {
    check_family(
        "lambertw",
        |c, f| {
            if f == "wrightomega" {
                return sp::wrightomega(c.f64("x"));
            }
            let z = common::as_c64(c.arg("z"));
            let w = sp::lambertw(z, c.i64("k"));
            match f {
                "lambertw_re" => w.re,
                "lambertw_im" => w.im,
                other => panic!("unknown function {other}"),
            }
        },
        &[],
    );
}

/// Wronskians and other identities on seeded random points.
#[test]
fn identities_on_random_points() {
    use rand::rngs::StdRng;
    use rand::{RngExt, SeedableRng};
    let mut rng = StdRng::seed_from_u64(20261122);
    let pi = std::f64::consts::PI;
    for _ in 0..300 {
        let nu: f64 = rng.random_range(0.0..30.0);
        let x: f64 = rng.random_range(0.05..60.0);
        // J_ν Y_{ν+1} - J_{ν+1} Y_ν = -2/(πx) (DLMF 10.5.2)
        let (j0, j1, y0, y1) = (
            sp::jv(nu, x),
            sp::jv(nu + 1.0, x),
            sp::yv(nu, x),
            sp::yv(nu + 1.0, x),
        );
        let w = j0 * y1 - j1 * y0;
        let scale = (j0 * y1).abs().max((j1 * y0).abs());
        assert!(
            (w + 2.0 / (pi * x)).abs() <= 1e-13 * scale.max(2.0 / (pi * x)),
            "J/Y Wronskian at nu={nu}, x={x}: {w} vs {}",
            -2.0 / (pi * x)
        );
        // I_ν K_{ν+1} + I_{ν+1} K_ν = 1/x (DLMF 10.28.2), scaled forms
        let wi = sp::ive(nu, x) * sp::kve(nu + 1.0, x) + sp::ive(nu + 1.0, x) * sp::kve(nu, x);
        assert!(
            (wi * x - 1.0).abs() < 1e-13,
            "I/K Wronskian at nu={nu}, x={x}: {}",
            wi * x
        );
    }
    for _ in 0..200 {
        let m: f64 = rng.random_range(0.001..0.999);
        // Legendre's relation E K' + E' K - K K' = π/2 (DLMF 19.7.1)
        let (k, e, kp, ep) = (
            sp::ellipk(m),
            sp::ellipe(m),
            sp::ellipk(1.0 - m),
            sp::ellipe(1.0 - m),
        );
        assert!(
            (e * kp + ep * k - k * kp - pi / 2.0).abs() < 1e-14,
            "Legendre relation at m={m}"
        );
        let phi: f64 = rng.random_range(-10.0..10.0);
        let u = sp::ellipkinc(phi, m);
        let j = sp::ellipj(u, m);
        assert!(
            (j.ph - phi).abs() < 1e-12 * phi.abs().max(1.0),
            "am(F(φ|m)|m) = φ at {phi}, {m}"
        );
    }
    for _ in 0..200 {
        let s: f64 = rng.random_range(1.1..20.0);
        let q: f64 = rng.random_range(0.1..50.0);
        // ζ(s, q) - ζ(s, q+1) = q^{-s}
        let d = sp::zeta(s, Some(q)) - sp::zeta(s, Some(q + 1.0));
        assert!(
            (d - q.powf(-s)).abs() < 1e-13 * sp::zeta(s, Some(q)),
            "Hurwitz shift at {s}, {q}"
        );
        // w e^w = z on branch 0 and -1
        let z =
            num_complex::Complex64::new(rng.random_range(-5.0..5.0), rng.random_range(-5.0..5.0));
        for k in [0, -1, 3] {
            let w = sp::lambertw(z, k);
            assert!(
                (w * w.exp() - z).norm() < 1e-13 * z.norm().max(1.0),
                "lambertw({z}, {k})"
            );
        }
    }
}

/// Non-finite and extreme inputs: SciPy's conventions, no panics, no hangs.
#[test]
fn edge_cases() {
    let nan = f64::NAN;
    let inf = f64::INFINITY;
    // Domains
    assert!(sp::jv(0.5, -1.0).is_nan() && sp::yv(1.0, -1.0).is_nan() && sp::kv(1.0, -1.0).is_nan());
    assert!(sp::iv(2.5, -1.0).is_nan() && sp::ellipk(1.5).is_nan() && sp::ellipe(2.0).is_nan());
    assert!(sp::exp1(-1.0).is_nan() && sp::expn(-1, 1.0).is_nan() && sp::spence(-1.0).is_nan());
    assert!(sp::zeta(0.5, Some(1.0)).is_nan() && sp::elliprf(-1.0, 1.0, 1.0).is_nan());
    assert!(sp::hyp2f1(1.0, 2.0, 3.0, 1.5).is_nan() && sp::hyp0f1(-2.0, 1.0).is_nan());
    // Poles and limits
    assert_eq!(sp::yv(2.0, 0.0), -inf);
    assert_eq!(sp::kv(2.0, 0.0), inf);
    assert_eq!(sp::jv(-2.5, 0.0), inf);
    assert_eq!(sp::jv(-2.0, 0.0), 0.0);
    assert_eq!(sp::iv(-2.5, 0.0), inf);
    assert_eq!(sp::ellipk(1.0), inf);
    assert_eq!(sp::ellipk(-inf), 0.0);
    assert_eq!(sp::ellipkm1(0.0), inf);
    assert_eq!(sp::exp1(0.0), inf);
    assert_eq!(sp::expi(0.0), -inf);
    assert_eq!(sp::zeta(1.0, None), inf);
    assert_eq!(sp::zeta(inf, None), 1.0);
    assert_eq!(sp::zetac(inf), 0.0);
    assert_eq!(sp::hyp2f1(1.0, 1.0, 3.0, 1.0), 2.0);
    assert_eq!(sp::hyp2f1(1.0, 2.0, 3.0, 1.0), inf);
    assert_eq!(sp::hyp1f1(1.0, -2.0, 1.0), inf);
    assert_eq!(sp::kv(1.0, inf), 0.0);
    assert_eq!(sp::kve(1.0, 1e300), (std::f64::consts::PI / 2e300).sqrt());
    assert_eq!(sp::iv(1.0, 1e4), inf);
    assert_eq!(sp::elliprf(0.0, 0.0, 1.0), inf);
    assert_eq!(
        sp::lambertw(num_complex::Complex64::new(0.0, 0.0), -1).re,
        -inf
    );
    // Integer-order symmetry for negative arguments
    assert_eq!(sp::jn(3, -2.0), -sp::jn(3, 2.0));
    assert_eq!(sp::i1(-2.0), -sp::i1(2.0));
    assert_eq!(sp::kn(-3, 2.0), sp::kn(3, 2.0));
    // Every function answers NaN/±∞ without panicking, and huge work is refused
    // quickly (NaN) rather than run for minutes.
    let start = std::time::Instant::now();
    for &x in &[nan, inf, -inf, 0.0, -0.0, 1e-300, -1e-300, 1e300, -1e300] {
        for &v in &[nan, inf, -inf, 0.0, 1.5, -2.5, 1e9, -1e9] {
            let _ = (
                sp::jv(v, x),
                sp::yv(v, x),
                sp::iv(v, x),
                sp::kv(v, x),
                sp::ive(v, x),
                sp::kve(v, x),
            );
            let _ = (
                sp::jvp(v, x, 2),
                sp::hyp0f1(v, x),
                sp::hyp1f1(v, 1.5, x),
                sp::hyp2f1(v, 0.5, 1.5, x),
            );
            let _ = (
                sp::ellipkinc(x, v),
                sp::ellipeinc(x, v),
                sp::ellipj(x, v),
                sp::elliprj(x, v, 1.0, v),
            );
            let _ = (
                sp::zeta(x, Some(v)),
                sp::elliprc(x, v),
                sp::elliprd(x, v, 1.0),
                sp::elliprg(x, v, 1.0),
            );
        }
        let _ = (
            sp::airy(x),
            sp::airye(x),
            sp::exp1(x),
            sp::expi(x),
            sp::expn(3, x),
            sp::sici(x),
        );
        let _ = (
            sp::shichi(x),
            sp::spence(x),
            sp::zeta(x, None),
            sp::zetac(x),
            sp::wrightomega(x),
        );
        let _ = (
            sp::spherical_jn(5, x, true),
            sp::spherical_yn(5, x, true),
            sp::spherical_in(5, x, true),
        );
        let _ = (
            sp::spherical_kn(5, x, true),
            sp::ellipk(x),
            sp::ellipe(x),
            sp::ellipkm1(x),
        );
        let _ = sp::lambertw(num_complex::Complex64::new(x, 1.0), 2);
    }
    assert!(sp::jv(1e9, 1e9).is_nan() || sp::jv(1e9, 1e9).abs() < 1.0);
    assert!(
        start.elapsed().as_secs() < 20,
        "edge cases took {:?}",
        start.elapsed()
    );
}
