//! Levenberg–Marquardt in the manner of MINPACK's `lmder`/`lmdif`
//! (Moré, "The Levenberg–Marquardt algorithm: implementation and theory",
//! 1978): a trust region `‖D p‖ ≤ Δ` in variables scaled by `D` (the
//! Jacobian's column norms, never decreasing, or the user's `1/x_scale`),
//! the Levenberg–Marquardt parameter found by Newton's method on the
//! secular equation, and MINPACK's radius updates and convergence tests.
//! The subproblem is solved from an SVD of `J D⁻¹` rather than a QR.

use super::lsq_common::{
    EPS, JacSource, ResidualFn, all_finite, call_fun, jac_dot, jacobian, solve_tr_subproblem,
    svd_uf,
};
use crate::Result;
use ndarray::{Array1, Array2, ArrayRef1, ShapeBuilder, Zip};

/// Settings of one LM run.
pub(crate) struct LmSettings<'s> {
    pub ftol: f64,
    pub xtol: f64,
    pub gtol: f64,
    pub max_nfev: usize,
    /// `None`: scale by the Jacobian's column norms (`x_scale='jac'`).
    pub x_scale: Option<&'s Array1<f64>>,
    /// Relative finite-difference step (MINPACK `√epsfcn`).
    pub diff_step: Option<f64>,
    /// Finite differences as MINPACK's `lmdif` (SciPy `leastsq`, counted in
    /// `nfev`) rather than as `approx_derivative` (`least_squares`, not counted).
    pub minpack_fd: bool,
    /// MINPACK's initial-radius factor (100).
    pub factor: f64,
}

/// What LM hands back.
pub(crate) struct LmOutcome {
    pub x: Array1<f64>,
    pub fun: Array1<f64>,
    /// Jacobian at the start of the last outer iteration.
    pub jac: Array2<f64>,
    pub nfev: usize,
    pub njev: usize,
    /// MINPACK's `info`: 1 ftol, 2 xtol, 3 both, 4 gtol, 5 max_nfev,
    /// 6/7/8 ftol/xtol/gtol too small for machine precision.
    pub info: i32,
}

fn norm(v: &ArrayRef1<f64>) -> f64 {
    v.dot(v).sqrt()
}

/// MINPACK-style forward differences: step `√epsfcn·|xⱼ|` (or `√epsfcn`
/// at 0); these evaluations count in `nfev`.
pub(crate) fn fd_jacobian(
    fun: &mut ResidualFn<'_>,
    x: &ArrayRef1<f64>,
    f0: &ArrayRef1<f64>,
    rel: f64,
    nfev: &mut usize,
) -> Result<Array2<f64>> {
    let (m, n) = (f0.len(), x.len());
    let mut jac = Array2::zeros((m, n).f());
    let mut xp = x.to_owned();
    for j in 0..n {
        let xj = x[j];
        let h = if xj == 0.0 { rel } else { rel * xj.abs() };
        xp[j] = xj + h;
        let f1 = call_fun(fun, &xp, m)?;
        *nfev += 1;
        Zip::from(jac.column_mut(j))
            .and(&f1)
            .and(f0)
            .for_each(|c, &a, &b| *c = (a - b) / h);
        xp[j] = xj;
    }
    Ok(jac)
}

/// Runs LM from `x0` with `f0 = fun(x0)` (already counted in `nfev`).
pub(crate) fn lm(
    fun: &mut ResidualFn<'_>,
    jac: &mut JacSource<'_, '_>,
    x0: Array1<f64>,
    f0: Array1<f64>,
    st: &LmSettings<'_>,
) -> Result<LmOutcome> {
    let n = x0.len();
    let m = f0.len();
    let rel = st.diff_step.unwrap_or(0.0).max(EPS.sqrt());
    let mut x = x0;
    let mut f = f0;
    let mut nfev = 1;
    let mut njev = 0;
    let mut fnorm = norm(&f);
    let mut par = 0.0;
    let mut first = true;
    let mut delta = 0.0;
    let mut xnorm = 0.0;
    let mut diag = Array1::<f64>::ones(n);
    let free = Array1::from_elem(n, f64::NEG_INFINITY);
    'outer: loop {
        njev += 1;
        let jm = match jac {
            JacSource::Fd(..) if st.minpack_fd => fd_jacobian(fun, &x, &f, rel, &mut nfev)?,
            _ => jacobian(jac, fun, &x, &f, &free, &free.mapv(|v| -v))?,
        };
        let colnorm = Array1::from_shape_fn(n, |j| norm(&jm.column(j)));
        if first {
            diag = match st.x_scale {
                Some(xs) => xs.mapv(|v| 1.0 / v),
                None => colnorm.mapv(|c| if c == 0.0 { 1.0 } else { c }),
            };
            xnorm = norm(&(&diag * &x));
            delta = st.factor * xnorm;
            if delta == 0.0 {
                delta = st.factor;
            }
        }
        // Scaled gradient test: the largest cosine between f and a column.
        let jtf = jm.t().dot(&f);
        let mut gnorm: f64 = 0.0;
        if fnorm != 0.0 {
            for j in 0..n {
                if colnorm[j] != 0.0 {
                    gnorm = gnorm.max((jtf[j] / (colnorm[j] * fnorm)).abs());
                }
            }
        }
        if gnorm <= st.gtol {
            return Ok(LmOutcome {
                x,
                fun: f,
                jac: jm,
                nfev,
                njev,
                info: 4,
            });
        }
        if st.x_scale.is_none() {
            diag.zip_mut_with(&colnorm, |d, &c| *d = d.max(c));
        }
        // SVD of J D⁻¹ for the scaled subproblem min ‖J p + f‖, ‖D p‖ ≤ Δ.
        let (uf, s, v) = svd_uf(&jm, &f, Some(&diag.mapv(|d| 1.0 / d)))?;
        loop {
            let (z, p_par) = solve_tr_subproblem(m, &uf, &s, &v, delta, par);
            par = p_par;
            let p = &z / &diag;
            let pnorm = norm(&z);
            if first {
                delta = delta.min(pnorm);
            }
            let x_new = &x + &p;
            let f_new = call_fun(fun, &x_new, m)?;
            nfev += 1;
            let fnorm1 = if all_finite(&f_new) {
                norm(&f_new)
            } else {
                f64::INFINITY
            };
            let actred = if 0.1 * fnorm1 < fnorm {
                1.0 - (fnorm1 / fnorm).powi(2)
            } else {
                -1.0
            };
            let jp = jac_dot(&jm, &p);
            let t1 = norm(&jp) / fnorm;
            let t2 = par.sqrt() * pnorm / fnorm;
            let prered = t1 * t1 + t2 * t2 / 0.5;
            let dirder = -(t1 * t1 + t2 * t2);
            let ratio = if prered != 0.0 { actred / prered } else { 0.0 };
            if ratio <= 0.25 {
                let mut temp = if actred >= 0.0 {
                    0.5
                } else {
                    0.5 * dirder / (dirder + 0.5 * actred)
                };
                if 0.1 * fnorm1 >= fnorm || temp < 0.1 {
                    temp = 0.1;
                }
                delta = temp * delta.min(pnorm / 0.1);
                par /= temp;
            } else if par == 0.0 || ratio >= 0.75 {
                delta = pnorm / 0.5;
                par *= 0.5;
            }
            let accept = ratio >= 1e-4;
            if accept {
                x = x_new;
                f = f_new;
                xnorm = norm(&(&diag * &x));
                fnorm = fnorm1;
                first = false;
            }
            let ft = actred.abs() <= st.ftol && prered <= st.ftol && 0.5 * ratio <= 1.0;
            let xt = delta <= st.xtol * xnorm;
            let code = match (ft, xt) {
                (true, true) => 3,
                (true, false) => 1,
                (false, true) => 2,
                _ if nfev >= st.max_nfev => 5,
                _ if actred.abs() <= EPS && prered <= EPS && 0.5 * ratio <= 1.0 => 6,
                _ if delta <= EPS * xnorm => 7,
                _ if gnorm <= EPS => 8,
                _ => 0,
            };
            if code != 0 {
                return Ok(LmOutcome {
                    x,
                    fun: f,
                    jac: jm,
                    nfev,
                    njev,
                    info: code,
                });
            }
            if accept {
                continue 'outer;
            }
        }
    }
}
