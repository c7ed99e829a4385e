//! Newton–Krylov's Jacobian: finite-difference Jacobian-vector products
//! and (L)GMRES inner solves (SciPy `KrylovJacobian`; Baker, Jessup,
//! Manteuffel, "A technique for accelerating the convergence of restarted
//! GMRES", SIAM J. Matrix Anal. Appl. 26, 2005, for the kept corrections).

use super::nonlin::{Counted, KrylovMethod};
use super::trust_region::norm2;
use ndarray::Array1;
use std::collections::VecDeque;

/// State of the Newton–Krylov Jacobian at the current point.
pub(crate) struct Krylov {
    pub(crate) x0: Array1<f64>,
    pub(crate) f0: Array1<f64>,
    pub(crate) rdiff: f64,
    pub(crate) omega: f64,
    pub(crate) method: KrylovMethod,
    pub(crate) inner_maxiter: usize,
    pub(crate) outer_k: usize,
    pub(crate) outer: VecDeque<Array1<f64>>,
    pub(crate) failed: bool,
}

impl Krylov {
    pub(crate) fn update_step(&mut self) {
        let mx = self.x0.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        let mf = self.f0.iter().fold(0.0f64, |m, v| m.max(v.abs()));
        self.omega = self.rdiff * mx.max(1.0) / mf.max(1.0);
    }

    /// `J v ≈ (F(x + σv) − F(x))/σ` with `σ = ω/‖v‖`.
    pub(crate) fn matvec(&mut self, v: &Array1<f64>, fun: &mut Counted<'_, '_>) -> Array1<f64> {
        let nv = norm2(v);
        if nv == 0.0 {
            return Array1::zeros(v.len());
        }
        let sc = self.omega / nv;
        let r = (fun.call(&(&self.x0 + &(v * sc))) - &self.f0) / sc;
        if r.iter().any(|x| !x.is_finite()) {
            self.failed = true;
        }
        r
    }

    /// Flexible GMRES for `J x = b` from 0 to the relative residual `rtol`:
    /// directions are first the kept corrections (LGMRES), then Arnoldi
    /// vectors. Givens rotations track the residual.
    pub(crate) fn solve(
        &mut self,
        b: &Array1<f64>,
        rtol: f64,
        fun: &mut Counted<'_, '_>,
    ) -> Array1<f64> {
        let n = b.len();
        let bnorm = norm2(b);
        if bnorm == 0.0 {
            return Array1::zeros(n);
        }
        let (steps, nouter) = match self.method {
            KrylovMethod::Lgmres => (30, self.outer.len().min(30)),
            KrylovMethod::Gmres => (self.inner_maxiter.max(1), 0),
        };
        let mut vs: Vec<Array1<f64>> = vec![b / bnorm];
        let mut zs: Vec<Array1<f64>> = Vec::new();
        let mut h: Vec<Vec<f64>> = Vec::new(); // columns of the rotated Hessenberg matrix
        let (mut cs, mut sn) = (Vec::<f64>::new(), Vec::<f64>::new());
        let mut g = vec![1.0f64]; // residual vector in units of ‖b‖
        for j in 0..steps {
            let z = if j < nouter {
                self.outer[j].clone()
            } else {
                vs[j].clone()
            };
            let mut w = self.matvec(&z, fun);
            if self.failed {
                break;
            }
            let mut col = Vec::with_capacity(j + 2);
            for v in &vs {
                let c = v.dot(&w);
                w.scaled_add(-c, v);
                col.push(c);
            }
            let hn = norm2(&w);
            col.push(hn);
            for i in 0..j {
                let (a, b2) = (col[i], col[i + 1]);
                col[i] = cs[i] * a + sn[i] * b2;
                col[i + 1] = -sn[i] * a + cs[i] * b2;
            }
            let (a, b2) = (col[j], col[j + 1]);
            let r = a.hypot(b2);
            let (c, s) = if r == 0.0 {
                (1.0, 0.0)
            } else {
                (a / r, b2 / r)
            };
            col[j] = r;
            col[j + 1] = 0.0;
            cs.push(c);
            sn.push(s);
            g.push(-s * g[j]);
            g[j] *= c;
            h.push(col);
            zs.push(z);
            let breakdown = hn <= 1e-14 * r.abs().max(f64::MIN_POSITIVE);
            if g[j + 1].abs() <= rtol || breakdown || !hn.is_finite() {
                break;
            }
            vs.push(w / hn);
        }
        let k = zs.len();
        // Back substitution R y = g.
        let mut y = vec![0.0; k];
        for i in (0..k).rev() {
            let mut s = g[i];
            for (jj, yj) in y.iter().enumerate().skip(i + 1) {
                s -= h[jj][i] * yj;
            }
            y[i] = s / h[i][i];
        }
        let mut x = Array1::zeros(n);
        for (z, yi) in zs.iter().zip(&y) {
            x.scaled_add(yi * bnorm, z);
        }
        if x.iter().any(|v| !v.is_finite()) {
            return Array1::zeros(n);
        }
        let nx = norm2(&x);
        if self.method == KrylovMethod::Lgmres && nx > 0.0 {
            self.outer.push_back(&x / nx);
            while self.outer.len() > self.outer_k {
                self.outer.pop_front();
            }
        }
        x
    }
}
