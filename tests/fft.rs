//! ferrosci::fft against scipy.fft fixtures (`python3 tools/fixtures/fft.py`)
//! and identities on seeded random input.

mod common;

use common::{Case, assert_array_close, check_array, check_carray};
use ferrosci::Error;
use ferrosci::fft::{self, FftOptions, FftnOptions, Norm, ShiftOptions};
use ndarray::{Array1, Array2, ArrayD, Axis, IxDyn};
use num_complex::{Complex32, Complex64};
use rand::rngs::StdRng;
use rand::{RngExt, SeedableRng};

fn norm_of(c: &Case) -> Norm {
    if !c.has("norm") {
        return Norm::Backward;
    }
    match c.str("norm") {
        "backward" => Norm::Backward,
        "ortho" => Norm::Ortho,
        "forward" => Norm::Forward,
        other => panic!("unknown norm {other}"),
    }
}

fn list(c: &Case, name: &str) -> Option<Vec<i64>> {
    c.has(name).then(|| {
        let v = c.arg(name);
        match v.as_array() {
            Some(a) => a.iter().map(|x| x.as_i64().unwrap()).collect(),
            None => vec![v.as_i64().unwrap()],
        }
    })
}

fn opts_1d(c: &Case) -> FftOptions {
    FftOptions {
        n: c.has("n").then(|| c.usize("n")),
        axis: if c.has("axis") {
            c.i64("axis") as isize
        } else {
            -1
        },
        norm: norm_of(c),
    }
}

fn opts_nd(c: &Case) -> FftnOptions {
    FftnOptions {
        s: list(c, "s").map(|v| v.into_iter().map(|x| x as usize).collect()),
        axes: list(c, "axes").map(|v| v.into_iter().map(|x| x as isize).collect()),
        norm: norm_of(c),
    }
}

enum Out {
    C(ArrayD<Complex64>),
    R(ArrayD<f64>),
}

fn run(c: &Case) -> Out {
    let f = c.str("func");
    let real_in = c.arg("x")["dtype"] != "c128";
    let xc = c.carray("x");
    let o1 = opts_1d(c);
    let on = opts_nd(c);
    let r =
        |e: ferrosci::Result<ArrayD<f64>>| Out::R(e.unwrap_or_else(|e| panic!("{}: {e}", c.ctx())));
    let z = |e: ferrosci::Result<ArrayD<Complex64>>| {
        Out::C(e.unwrap_or_else(|e| panic!("{}: {e}", c.ctx())))
    };
    match f {
        // Real input goes through the real-input overload of the complex transforms.
        "fft" if real_in => z(fft::fft_with(&c.array("x"), &o1)),
        "fft" => z(fft::fft_with(&xc, &o1)),
        "ifft" => z(fft::ifft_with(&xc, &o1)),
        "rfft" => z(fft::rfft_with(&c.array("x"), &o1)),
        "irfft" => r(fft::irfft_with(&xc, &o1)),
        "hfft" => r(fft::hfft_with(&xc, &o1)),
        "ihfft" => z(fft::ihfft_with(&c.array("x"), &o1)),
        "fftn" => z(fft::fftn_with(&xc, &on)),
        "ifftn" => z(fft::ifftn_with(&xc, &on)),
        "rfftn" => z(fft::rfftn_with(&c.array("x"), &on)),
        "irfftn" => r(fft::irfftn_with(&xc, &on)),
        "hfftn" => r(fft::hfftn_with(&xc, &on)),
        "ihfftn" => z(fft::ihfftn_with(&c.array("x"), &on)),
        "fft2" => z(fft::fft2_with(&xc, &on)),
        "ifft2" => z(fft::ifft2_with(&xc, &on)),
        "rfft2" => z(fft::rfft2_with(&c.array("x"), &on)),
        "irfft2" => r(fft::irfft2_with(&xc, &on)),
        "hfft2" => r(fft::hfft2_with(&xc, &on)),
        "ihfft2" => z(fft::ihfft2_with(&c.array("x"), &on)),
        other => panic!("unknown func {other}"),
    }
}

fn check_transforms(name: &str) {
    for c in common::load("fft", name) {
        match run(&c) {
            Out::C(y) => check_carray(&c, &y),
            Out::R(y) => check_array(&c, &y),
        }
    }
}

#[test]
fn one_d_transforms_match_scipy() {
    check_transforms("one_d");
}

#[test]
fn every_axis_and_nd_transform_matches_scipy() {
    check_transforms("axes");
}

#[test]
fn helpers_match_scipy() {
    for c in common::load("fft", "helpers") {
        match c.str("func") {
            "fftfreq" => check_array(&c, &fft::fftfreq(c.usize("n"), c.f64("d")).unwrap()),
            "rfftfreq" => check_array(&c, &fft::rfftfreq(c.usize("n"), c.f64("d")).unwrap()),
            f @ ("next_fast_len" | "prev_fast_len") => {
                let real = c.arg("real").as_bool().unwrap();
                let got = if f == "next_fast_len" {
                    fft::next_fast_len(c.usize("n"), real)
                } else {
                    fft::prev_fast_len(c.usize("n"), real)
                };
                assert_eq!(got as u64, c.expected.as_u64().unwrap(), "{}", c.ctx());
            }
            f @ ("fftshift" | "ifftshift") => {
                let x = c.array("x");
                let opts = ShiftOptions {
                    axes: list(&c, "axes").map(|v| v.into_iter().map(|a| a as isize).collect()),
                };
                let got = if f == "fftshift" {
                    fft::fftshift_with(&x, &opts)
                } else {
                    fft::ifftshift_with(&x, &opts)
                };
                check_array(&c, &got.unwrap());
            }
            other => panic!("unknown func {other}"),
        }
    }
}

fn crand(rng: &mut StdRng, shape: &[usize]) -> ArrayD<Complex64> {
    ArrayD::from_shape_simple_fn(IxDyn(shape), || {
        Complex64::new(rng.random::<f64>() - 0.5, rng.random::<f64>() - 0.5)
    })
}

fn tol(n: usize) -> f64 {
    1e-12 * (n.max(2) as f64).log2()
}

/// Sizes that exercise every code path: 1, primes, odd, powers of two,
/// highly composite (and rustfft's Bluestein/Rader for the large primes).
const SIZES: [usize; 12] = [1, 2, 3, 8, 15, 17, 64, 97, 360, 1009, 1024, 4096];

#[test]
fn inverse_of_forward_is_identity_for_every_norm() {
    let mut rng = StdRng::seed_from_u64(1);
    for n in SIZES {
        let x = crand(&mut rng, &[n]);
        let xr = x.mapv(|z| z.re);
        for norm in [Norm::Backward, Norm::Ortho, Norm::Forward] {
            let o = FftOptions {
                norm,
                ..Default::default()
            };
            let back = fft::ifft_with(&fft::fft_with(&x, &o).unwrap(), &o).unwrap();
            assert_array_close(&back, &x, 0.0, tol(n), &format!("ifft(fft) n={n} {norm:?}"));
            let o = FftOptions {
                n: Some(n),
                norm,
                ..Default::default()
            };
            let back = fft::irfft_with(&fft::rfft_with(&xr, &o).unwrap(), &o).unwrap();
            assert_array_close(
                &back,
                &xr,
                0.0,
                tol(n),
                &format!("irfft(rfft) n={n} {norm:?}"),
            );
            let back = fft::hfft_with(&fft::ihfft_with(&xr, &o).unwrap(), &o).unwrap();
            assert_array_close(
                &back,
                &xr,
                0.0,
                tol(n),
                &format!("hfft(ihfft) n={n} {norm:?}"),
            );
        }
    }
}

#[test]
fn parseval_holds_with_ortho() {
    let mut rng = StdRng::seed_from_u64(2);
    for n in SIZES {
        let x = crand(&mut rng, &[n]);
        let y = fft::fft_with(
            &x,
            &FftOptions {
                norm: Norm::Ortho,
                ..Default::default()
            },
        )
        .unwrap();
        let ex: f64 = x.iter().map(|z| z.norm_sqr()).sum();
        let ey: f64 = y.iter().map(|z| z.norm_sqr()).sum();
        assert!(
            (ex - ey).abs() <= tol(n) * ex,
            "Parseval n={n}: {ex} vs {ey}"
        );
    }
}

/// Naive O(n²) DFT in f64 as an independent reference at larger sizes.
fn dft(x: &Array1<Complex64>) -> Array1<Complex64> {
    let n = x.len();
    Array1::from_shape_fn(n, |k| {
        x.iter()
            .enumerate()
            .map(|(j, &v)| {
                let t = -2.0 * std::f64::consts::PI * ((j * k) % n) as f64 / n as f64;
                v * Complex64::new(t.cos(), t.sin())
            })
            .sum()
    })
}

#[test]
fn fft_and_rfft_match_a_direct_dft() {
    let mut rng = StdRng::seed_from_u64(3);
    for n in [1usize, 6, 31, 128, 210, 257, 1000, 1009] {
        let x = crand(&mut rng, &[n]).into_dimensionality().unwrap();
        let want = dft(&x);
        let scale = want.iter().map(|z| z.norm()).fold(0.0, f64::max);
        assert_array_close(
            &fft::fft(&x).unwrap(),
            &want,
            0.0,
            tol(n) * scale,
            &format!("fft n={n}"),
        );
        let xr = x.mapv(|z| Complex64::new(z.re, 0.0));
        let want = dft(&xr);
        let got = fft::rfft(&x.mapv(|z| z.re)).unwrap();
        assert_array_close(
            &got,
            &want.slice(ndarray::s![..n / 2 + 1]).to_owned(),
            0.0,
            tol(n) * scale,
            &format!("rfft n={n}"),
        );
    }
}

#[test]
fn strided_axes_match_contiguous_transforms_in_3d() {
    // Large enough that the gather path and (with rayon) the parallel path run.
    let mut rng = StdRng::seed_from_u64(4);
    let x = crand(&mut rng, &[40, 64, 36]);
    for axis in 0..3 {
        let got = fft::fft_with(
            &x,
            &FftOptions {
                axis: axis as isize,
                ..Default::default()
            },
        )
        .unwrap();
        for (lane_in, lane_out) in x.lanes(Axis(axis)).into_iter().zip(got.lanes(Axis(axis))) {
            let want = fft::fft(&lane_in.to_owned()).unwrap();
            assert_array_close(
                &lane_out.to_owned(),
                &want,
                0.0,
                1e-12,
                &format!("axis {axis}"),
            );
        }
    }
    let xr = x.mapv(|z| z.re);
    let back = fft::irfftn_with(
        &fft::rfftn(&xr).unwrap(),
        &FftnOptions {
            s: Some(vec![40, 64, 36]),
            ..Default::default()
        },
    )
    .unwrap();
    assert_array_close(&back, &xr, 0.0, 1e-13, "irfftn(rfftn) 3-D");
}

#[test]
fn views_and_fortran_layout_give_the_same_answer() {
    let mut rng = StdRng::seed_from_u64(5);
    let x = crand(&mut rng, &[6, 10]);
    let want = fft::fft2(&x).unwrap();
    let t = x.t().to_owned(); // (10, 6) row-major
    let f = fft::fft2(&t.t()).unwrap(); // a Fortran-order view of x
    assert_array_close(&f, &want, 0.0, 1e-13, "fortran view");
    let sliced = fft::fft(&x.slice(ndarray::s![.., ..;2])).unwrap();
    let owned = fft::fft(&x.slice(ndarray::s![.., ..;2]).to_owned()).unwrap();
    assert_array_close(&sliced, &owned, 0.0, 0.0, "strided view");
}

#[test]
fn single_precision_matches_double() {
    let mut rng = StdRng::seed_from_u64(6);
    let x = crand(&mut rng, &[3, 100]);
    let x32 = x.mapv(|z| Complex32::new(z.re as f32, z.im as f32));
    let y32 = fft::fftn(&x32)
        .unwrap()
        .mapv(|z| Complex64::new(z.re as f64, z.im as f64));
    let y = fft::fftn(&x32.mapv(|z| Complex64::new(z.re as f64, z.im as f64))).unwrap();
    assert_array_close(&y32, &y, 0.0, 1e-5, "f32 fftn");
    let r32 = fft::rfft(&x32.mapv(|z| z.re)).unwrap();
    assert_eq!(r32.shape(), &[3, 51]);
    let back = fft::irfft(&r32).unwrap();
    assert!(
        back.iter()
            .zip(x32.iter())
            .all(|(b, z)| (b - z.re).abs() < 1e-5)
    );
}

fn invalid_name(e: Error) -> &'static str {
    match e {
        Error::InvalidArgument { name, .. } => name,
        other => panic!("expected InvalidArgument, got {other:?}"),
    }
}

#[test]
fn bad_input_names_the_argument() {
    let x = Array2::<f64>::ones((3, 4));
    let e = |r: ferrosci::Result<ArrayD<Complex64>>| invalid_name(r.unwrap_err());
    let xd = x.clone().into_dyn();
    assert_eq!(
        e(fft::fft_with(
            &xd,
            &FftOptions {
                n: Some(0),
                ..Default::default()
            }
        )),
        "n"
    );
    assert_eq!(
        e(fft::fft_with(
            &xd,
            &FftOptions {
                axis: 2,
                ..Default::default()
            }
        )),
        "axis"
    );
    assert_eq!(
        e(fft::fft_with(
            &xd,
            &FftOptions {
                axis: -3,
                ..Default::default()
            }
        )),
        "axis"
    );
    assert_eq!(e(fft::fft(&ArrayD::<f64>::zeros(IxDyn(&[0])))), "x");
    assert_eq!(e(fft::fft(&ArrayD::<f64>::zeros(IxDyn(&[])))), "x");
    let nd = |s: Option<Vec<usize>>, axes: Option<Vec<isize>>| FftnOptions {
        s,
        axes,
        ..Default::default()
    };
    assert_eq!(e(fft::fftn_with(&xd, &nd(Some(vec![2, 2, 2]), None))), "s");
    assert_eq!(
        e(fft::fftn_with(&xd, &nd(Some(vec![2, 2]), Some(vec![0])))),
        "s"
    );
    assert_eq!(e(fft::fftn_with(&xd, &nd(Some(vec![0, 2]), None))), "s");
    assert_eq!(e(fft::fftn_with(&xd, &nd(None, Some(vec![0, 0])))), "axes");
    assert_eq!(e(fft::fftn_with(&xd, &nd(None, Some(vec![5])))), "axes");
    assert_eq!(e(fft::fft2(&Array1::<f64>::ones(3).into_dyn())), "axes");
    assert_eq!(e(fft::rfftn_with(&xd, &nd(None, Some(vec![])))), "axes");
    let msg = fft::fftn_with(&xd, &nd(None, Some(vec![1, -1])))
        .unwrap_err()
        .to_string();
    assert!(msg.contains("unique"), "{msg}");
    // irfft's default length 2(m-1) is 0 for a single point.
    assert_eq!(
        invalid_name(fft::irfft(&Array1::<f64>::ones(1)).unwrap_err()),
        "x"
    );
    assert_eq!(invalid_name(fft::fftfreq(0, 1.0).unwrap_err()), "n");
    assert_eq!(
        invalid_name(
            fft::fftshift_with(
                &x,
                &ShiftOptions {
                    axes: Some(vec![2])
                }
            )
            .unwrap_err()
        ),
        "axes"
    );
}

#[test]
fn edge_cases_follow_scipy() {
    // An empty batch is fine when the transformed axis is not empty.
    let y = fft::fft(&Array2::<f64>::zeros((0, 4))).unwrap();
    assert_eq!(y.shape(), &[0, 4]);
    // No axes: fftn returns the input as complex.
    let x = Array2::from_shape_fn((2, 3), |(i, j)| (i * 3 + j) as f64);
    let y = fft::fftn_with(
        &x,
        &FftnOptions {
            axes: Some(vec![]),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(y.mapv(|z| z.re), x);
    // NaN and inf propagate instead of failing.
    let y = fft::fft(&Array1::from(vec![1.0, f64::NAN, 2.0, 3.0])).unwrap();
    assert!(y.iter().all(|z| z.re.is_nan() || z.im.is_nan()));
    // An infinite sample makes the sum infinite (other bins may be NaN, where
    // pocketfft's different operation order gives inf).
    let y = fft::rfft(&Array1::from(vec![f64::INFINITY, 0.0, 0.0, 0.0])).unwrap();
    assert_eq!(y[0].re, f64::INFINITY);
    assert!(y.iter().all(|z| !z.re.is_finite()));
    // Huge and tiny magnitudes scale exactly.
    for s in [1e300, 1e-300] {
        let y = fft::fft(&Array1::from(vec![s, s, s, s])).unwrap();
        assert_eq!(y[0].re, 4.0 * s);
    }
    // One point: the transform is the identity (up to norm).
    let y = fft::rfft(&Array1::from(vec![2.5])).unwrap();
    assert_eq!(y.to_vec(), vec![Complex64::new(2.5, 0.0)]);
}

#[test]
fn fftpack_matches_scipy_fftpack() {
    use ferrosci::fft::fftpack::{self, PackOptions};
    for c in common::load("fft", "fftpack") {
        let period = || (c.has("period")).then(|| c.f64("period"));
        let x1 = || c.array("x").into_dimensionality::<ndarray::Ix1>().unwrap();
        let opts = PackOptions {
            n: c.has("n").then(|| c.usize("n")),
            axis: if c.has("axis") {
                c.i64("axis") as isize
            } else {
                -1
            },
        };
        let got: ArrayD<f64> = match c.str("func") {
            "rfft" => fftpack::rfft_with(&c.array("x"), &opts).unwrap(),
            "irfft" => fftpack::irfft_with(&c.array("x"), &opts).unwrap(),
            "rfftfreq" => fftpack::rfftfreq(c.usize("n"), c.f64("d"))
                .unwrap()
                .into_dyn(),
            "diff" => fftpack::diff(&x1(), c.i64("order") as i32, period())
                .unwrap()
                .into_dyn(),
            "hilbert" => fftpack::hilbert(&x1()).unwrap().into_dyn(),
            "ihilbert" => fftpack::ihilbert(&x1()).unwrap().into_dyn(),
            "shift" => fftpack::shift(&x1(), c.f64("a"), period())
                .unwrap()
                .into_dyn(),
            f @ ("dct" | "idct" | "dst" | "idst") => {
                let o = fft::DctOptions {
                    r#type: dct_type(&c),
                    norm: norm_of(&c),
                    ..Default::default()
                };
                let x = c.array("x");
                match f {
                    "dct" => fftpack::dct_with(&x, &o),
                    "idct" => fftpack::idct_with(&x, &o),
                    "dst" => fftpack::dst_with(&x, &o),
                    _ => fftpack::idst_with(&x, &o),
                }
                .unwrap()
            }
            other => panic!("unknown func {other}"),
        };
        check_array(&c, &got);
    }
}

#[test]
fn fftpack_packed_layout_round_trips() {
    use ferrosci::fft::fftpack;
    let mut rng = StdRng::seed_from_u64(7);
    for n in [1usize, 2, 3, 10, 11, 64] {
        let x = crand(&mut rng, &[n]).mapv(|z| z.re);
        let back = fftpack::irfft(&fftpack::rfft(&x).unwrap()).unwrap();
        assert_array_close(
            &back,
            &x,
            0.0,
            tol(n),
            &format!("fftpack irfft(rfft) n={n}"),
        );
        assert_eq!(fftpack::next_fast_len(n), fft::next_fast_len(n, true));
    }
    assert_eq!(
        invalid_name(fftpack::hilbert(&Array1::<f64>::zeros(0)).unwrap_err()),
        "x"
    );
}

fn dct_type(c: &Case) -> fft::DctType {
    match c.i64("type") {
        1 => fft::DctType::Type1,
        2 => fft::DctType::Type2,
        3 => fft::DctType::Type3,
        4 => fft::DctType::Type4,
        t => panic!("bad type {t}"),
    }
}

#[test]
fn dct_and_dst_match_scipy() {
    for c in common::load("fft", "trig") {
        let x = c.array("x");
        let orth = c
            .has("orthogonalize")
            .then(|| c.arg("orthogonalize").as_bool().unwrap());
        let o1 = fft::DctOptions {
            r#type: dct_type(&c),
            n: c.has("n").then(|| c.usize("n")),
            axis: if c.has("axis") {
                c.i64("axis") as isize
            } else {
                -1
            },
            norm: norm_of(&c),
            orthogonalize: orth,
        };
        let on = fft::DctnOptions {
            r#type: dct_type(&c),
            s: list(&c, "s").map(|v| v.into_iter().map(|x| x as usize).collect()),
            axes: list(&c, "axes").map(|v| v.into_iter().map(|x| x as isize).collect()),
            norm: norm_of(&c),
            orthogonalize: orth,
        };
        let got = match c.str("func") {
            "dct" => fft::dct_with(&x, &o1),
            "idct" => fft::idct_with(&x, &o1),
            "dst" => fft::dst_with(&x, &o1),
            "idst" => fft::idst_with(&x, &o1),
            "dctn" => fft::dctn_with(&x, &on),
            "idctn" => fft::idctn_with(&x, &on),
            "dstn" => fft::dstn_with(&x, &on),
            "idstn" => fft::idstn_with(&x, &on),
            other => panic!("unknown func {other}"),
        };
        check_array(&c, &got.unwrap_or_else(|e| panic!("{}: {e}", c.ctx())));
    }
}

#[test]
fn dct_round_trips_at_larger_sizes_and_rejects_bad_input() {
    let mut rng = StdRng::seed_from_u64(8);
    for n in [2usize, 97, 360, 1024, 1031] {
        let x = crand(&mut rng, &[n]).mapv(|z| z.re);
        for ty in [
            fft::DctType::Type1,
            fft::DctType::Type2,
            fft::DctType::Type3,
            fft::DctType::Type4,
        ] {
            for norm in [Norm::Backward, Norm::Ortho] {
                let o = fft::DctOptions {
                    r#type: ty,
                    norm,
                    ..Default::default()
                };
                let back = fft::idct_with(&fft::dct_with(&x, &o).unwrap(), &o).unwrap();
                assert_array_close(&back, &x, 0.0, tol(n), &format!("idct(dct) {ty:?} n={n}"));
                let back = fft::idst_with(&fft::dst_with(&x, &o).unwrap(), &o).unwrap();
                assert_array_close(&back, &x, 0.0, tol(n), &format!("idst(dst) {ty:?} n={n}"));
            }
        }
        // Orthonormal DCT-II preserves energy.
        let y = fft::dct_with(
            &x,
            &fft::DctOptions {
                norm: Norm::Ortho,
                ..Default::default()
            },
        )
        .unwrap();
        let (ex, ey) = (
            x.iter().map(|v| v * v).sum::<f64>(),
            y.iter().map(|v| v * v).sum::<f64>(),
        );
        assert!((ex - ey).abs() <= tol(n) * ex, "DCT Parseval n={n}");
    }
    let one = Array1::from(vec![1.0]);
    let o = fft::DctOptions {
        r#type: fft::DctType::Type1,
        ..Default::default()
    };
    assert_eq!(invalid_name(fft::dct_with(&one, &o).unwrap_err()), "x");
    let o = fft::DctOptions {
        n: Some(0),
        ..Default::default()
    };
    assert_eq!(invalid_name(fft::dst_with(&one, &o).unwrap_err()), "n");
    let o = fft::DctnOptions {
        axes: Some(vec![3]),
        ..Default::default()
    };
    assert_eq!(invalid_name(fft::dctn_with(&one, &o).unwrap_err()), "axes");
}

#[test]
fn fast_hankel_transform_matches_scipy() {
    for c in common::load("fft", "hankel") {
        let bias = c.f64("bias");
        match c.str("func") {
            "fhtoffset" => {
                let o = fft::FhtoffsetOptions {
                    initial: c.f64("initial"),
                    bias,
                };
                common::check_scalar(
                    &c,
                    fft::fhtoffset_with(c.f64("dln"), c.f64("mu"), &o).unwrap(),
                );
            }
            f => {
                let o = fft::FhtOptions {
                    offset: c.f64("offset"),
                    bias,
                };
                let x = c.array("x");
                let got = if f == "fht" {
                    fft::fht_with(&x, c.f64("dln"), c.f64("mu"), &o)
                } else {
                    fft::ifht_with(&x, c.f64("dln"), c.f64("mu"), &o)
                };
                check_array(&c, &got.unwrap());
            }
        }
    }
    let a = Array1::from(vec![1.0, 2.0]);
    assert_eq!(invalid_name(fft::fht(&a, 0.0, 0.0).unwrap_err()), "dln");
    assert_eq!(invalid_name(fft::fht(&a, 0.1, f64::NAN).unwrap_err()), "mu");
    assert_eq!(
        invalid_name(fft::ifht(&Array1::<f64>::zeros(0), 0.1, 0.0).unwrap_err()),
        "a"
    );
}

#[test]
fn large_inputs_take_the_parallel_copy_and_agree_with_the_serial_one() {
    // 2^20 elements: the contiguous input is copied in parallel (with rayon),
    // the transposed view serially; both must give the same transform.
    let mut rng = StdRng::seed_from_u64(9);
    let x = crand(&mut rng, &[1024, 1024]);
    let xt = x.t().to_owned();
    let a = fft::fft2(&x).unwrap();
    let b = fft::fft2(&xt.t()).unwrap();
    assert_array_close(&a, &b, 0.0, 0.0, "parallel vs serial copy");
}
