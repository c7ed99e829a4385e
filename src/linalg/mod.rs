//! Dense linear algebra: SciPy's `scipy.linalg` (and numpy.linalg's `slogdet`).
//!
//! Every function is generic over the element type through the sealed
//! [`Scalar`] trait: `f32`, `f64`, `Complex32` and `Complex64`, as LAPACK.
//! Inputs are `&ArrayRef2<T>` (owned arrays and views alike, any layout);
//! results are owned arrays or structs named like SciPy's tuples. SciPy's
//! keywords live in an options struct taken by the `_with` variant.
//!
//! | SciPy | ferrosci | what it does |
//! |---|---|---|
//! | `solve(a, b)` | [`solve`], [`solve_with`] ([`SolveOptions`], [`AssumeA`]) | `a·x = b`; general, triangular, diagonal, tridiagonal, banded, positive definite |
//! | `solve_banded` | [`solve_banded`] | banded systems in LAPACK band storage, pivoted LU |
//! | `solveh_banded` | [`solveh_banded`], [`solveh_banded_with`] ([`SolvehBandedOptions`]) | Hermitian positive-definite banded systems, Cholesky |
//! | `solve_triangular` | [`solve_triangular`], [`solve_triangular_with`] | triangular systems, `trans`, `unit_diagonal` |
//! | `inv` | [`inv`] | inverse by LU |
//! | `det` | [`det`] | determinant by LU |
//! | `numpy.linalg.slogdet` | [`slogdet`] ([`Slogdet`]) | sign and log-magnitude of the determinant |
//! | `lu(a)` | [`lu`] ([`Lu`]) | `a = p·l·u`, any `M × N` |
//! | `lu(a, permute_l=True)` | [`lu_permute_l`] ([`LuPermuted`]) | `a = pl·u` |
//! | `lu_factor` / `lu_solve` | [`lu_factor`] ([`LuFactor`]), [`lu_solve`], [`lu_solve_with`] ([`Trans`]) | reusable LU |
//! | `qr(a)` | [`qr`] ([`Qr`]) | `a = q·r`, blocked Householder |
//! | `qr(a, mode='economic')` | [`qr_economic`] | thin `q` (`M × K`), `r` (`K × N`) |
//! | `qr(a, mode='r')` | [`qr_r`] | `r` only |
//! | `qr(a, pivoting=True)` | [`qr_pivoting`], [`qr_pivoting_economic`] ([`QrPivoted`]) | `a[:, p] = q·r`, rank-revealing |
//! | `svd(a)` | [`svd`], [`svd_with`] ([`Svd`], [`SvdOptions`]) | `a = u·diag(s)·vt`; `full_matrices` |
//! | `svdvals` | [`svdvals`] | singular values only |
//! | `lstsq` | [`lstsq`], [`lstsq_with`] ([`Lstsq`], [`LstsqOptions`]) | minimum-norm least squares, by SVD |
//! | `pinv` | [`pinv`], [`pinv_with`] ([`PinvOptions`]) | Moore–Penrose pseudo-inverse |
//! | `numpy.linalg.matrix_rank` | [`matrix_rank`], [`matrix_rank_with`] ([`MatrixRankOptions`]) | numerical rank |
//! | `null_space`, `orth` | [`null_space`], [`orth`] | orthonormal bases of the null space and range |
//! | `norm` | [`norm`], [`norm_with`] ([`NormOptions`], [`NormOrd`]) | vector and matrix norms of every order |
//! | `numpy.linalg.cond` | [`cond`], [`cond_with`] | condition number |
//! | `eigh` | [`eigh`], [`eigh_with`] ([`Eigh`], [`EighOptions`]) | Hermitian eigenvalues (ascending) and eigenvectors |
//! | `eigvalsh` | [`eigvalsh`], [`eigvalsh_with`] | Hermitian eigenvalues only |
//! | `eig(a)` | [`eig`] ([`Eig`]) | eigenvalues and right eigenvectors of a general matrix (complex output) |
//! | `eig(a, left=True)` | [`eig_left`] ([`EigLeft`]) | also the left eigenvectors |
//! | `eigvals(a)` | [`eigvals`] | eigenvalues only |
//! | `eig(a, b)`, `eigvals(a, b)` | [`eig_generalized`], [`eig_generalized_left`], [`eigvals_generalized`] | generalized problem `a·v = λ·b·v` by QZ; `inf`/NaN for singular `b` as SciPy |
//! | `qz(a, b)` | [`qz`] ([`Qz`]) | generalized Schur form `a = q·aa·zᵀ`, `b = q·bb·zᵀ`; real input: quasi-triangular `aa` (`output='real'`) |
//! | `qz(a, b, output='complex')` | [`qz_complex`] | complex generalized Schur form, also for real input |
//! | `ordqz(a, b, sort)` | [`ordqz`] ([`OrdQz`], [`QzSort`]) | reordered generalized Schur form, selected eigenvalues first; real input: real form |
//! | `ordqz(a, b, sort, output='complex')` | [`ordqz_complex`] | reordered complex generalized Schur form |
//! | `hessenberg` | [`hessenberg`], [`hessenberg_q`] ([`Hessenberg`]) | upper Hessenberg form `a = q·h·qᴴ`; `calc_q` |
//! | `schur` | [`schur`] ([`Schur`]) | real (quasi-triangular) or complex Schur form `a = z·t·zᴴ` |
//! | `schur(output='complex')` | [`schur_complex`] | complex Schur form of real input |
//! | `schur(sort=...)` | [`schur_sorted`], [`schur_complex_sorted`] ([`SortedSchur`], [`SchurSort`]) | selected eigenvalues first; `sdim` |
//! | `rsf2csf` | [`rsf2csf`] | real Schur form to complex Schur form |
//! | `eigh(a, b, type=...)` | [`eigh_generalized`], [`eigh_generalized_with`] | generalized Hermitian-definite problem `a·v = λ·b·v` (types 1, 2, 3) |
//! | `eigh(a, b, eigvals_only=True)` | [`eigvalsh_generalized`], [`eigvalsh_generalized_with`] | its eigenvalues only |
//! | `eigh(..., subset_by_index / subset_by_value)` | [`EighOptions`] fields, bisection + inverse iteration | selected eigenpairs only |
//! | `eigh_tridiagonal` | [`eigh_tridiagonal`], [`eigh_tridiagonal_with`] ([`EighTridiagonalOptions`], [`EigSelect`]) | symmetric tridiagonal eigenpairs; `select`, `select_range`, `tol` |
//! | `eigvalsh_tridiagonal` | [`eigvalsh_tridiagonal`], [`eigvalsh_tridiagonal_with`] | its eigenvalues only |
//! | `eig_banded` | [`eig_banded`], [`eig_banded_with`] ([`EigBandedOptions`]) | Hermitian band eigenpairs (Givens band reduction); `lower`, `select` |
//! | `eigvals_banded` | [`eigvals_banded`], [`eigvals_banded_with`] | its eigenvalues only |
//! | `ldl` | [`ldl`], [`ldl_with`] ([`Ldl`], [`LdlOptions`]) | Bunch–Kaufman `a = lu·d·luᴴ`, SciPy's `lu`, `d`, `perm` |
//! | `polar` | [`polar`], [`polar_with`] ([`Polar`], [`PolarOptions`], [`PolarSide`]) | `a = u·p` or `p·u`, from the SVD |
//! | `pinvh` | [`pinvh`], [`pinvh_with`] ([`PinvhOptions`]) | Hermitian pseudo-inverse from `eigh`; `atol`, `rtol`, `lower` |
//! | `subspace_angles` | [`subspace_angles`] | principal angles between column spaces |
//! | `cholesky_banded` | [`cholesky_banded`], [`cholesky_banded_with`] ([`CholeskyBandedOptions`]) | banded Cholesky factor in band storage |
//! | `cho_solve_banded` | [`cho_solve_banded`] | solves with that factor |
//! | `rq(a)` | [`rq`], [`rq_economic`] ([`Rq`]) | `a = r·q` |
//! | `bandwidth` | [`bandwidth`] | lower and upper bandwidth |
//! | `issymmetric`, `ishermitian` | [`issymmetric`], [`ishermitian`] (`_with`: [`SymmetryOptions`]) | structure tests |
//! | `cholesky` | [`cholesky`], [`cholesky_with`] ([`CholeskyOptions`]) | `a = Uᴴ·U` or `L·Lᴴ` |
//! | `cho_factor` / `cho_solve` | [`cho_factor`], [`cho_factor_with`] ([`ChoFactor`]), [`cho_solve`] | reusable Cholesky |
//! | `solve_toeplitz` | [`solve_toeplitz`] | Toeplitz systems by Levinson recursion, O(n²) |
//! | `solve_circulant` | [`solve_circulant`], [`solve_circulant_with`] ([`SolveCirculantOptions`], [`CirculantSingular`]) | circulant systems through the DFT; `singular`, `tol` |
//! | `toeplitz`, `hankel` | [`toeplitz`], [`hankel`] | constant-diagonal / anti-diagonal matrices from `c` and optional `r` |
//! | `circulant` | [`circulant`] | cyclic shifts of a column |
//! | `companion` | [`companion`] | companion matrix of a polynomial |
//! | `convolution_matrix` | [`convolution_matrix`], [`convolution_matrix_with`] ([`ConvolutionMatrixOptions`], [`ConvolutionMode`]) | `A·v = convolve(a, v)`; full, same, valid |
//! | `leslie` | [`leslie`] | Leslie population matrix |
//! | `fiedler` | [`fiedler`] | distances between the entries of a vector |
//! | `block_diag` | [`block_diag`] | blocks along the diagonal |
//! | `dft` | [`dft`], [`dft_with`] ([`DftOptions`], [`DftScale`]) | DFT matrix, unscaled, `1/√n` or `1/n` |
//! | `hadamard` | [`hadamard`] | Sylvester Hadamard matrix, `n` a power of 2 |
//! | `helmert` | [`helmert`], [`helmert_with`] ([`HelmertOptions`]) | Helmert contrasts; `full` |
//! | `hilbert`, `invhilbert` | [`hilbert`], [`invhilbert`] | Hilbert matrix and its exact inverse |
//! | `pascal`, `invpascal` | [`pascal`], [`invpascal`] (`_with`: [`PascalOptions`], [`PascalKind`]) | Pascal matrix (symmetric, lower, upper) and its inverse |
//! | `expm` | [`expm`] | matrix exponential, scaling and squaring with Al-Mohy–Higham Padé degree selection |
//! | `expm_frechet` | [`expm_frechet`], [`expm_frechet_with`] ([`ExpmFrechet`], [`ExpmFrechetOptions`], [`FrechetMethod`]) | `e^A` and its Fréchet derivative in direction `E` |
//! | `expm_cond` | [`expm_cond`] | relative condition number of `expm` (Frobenius norm, Kronecker form) |
//! | `cosm`, `sinm`, `tanm` | [`cosm`], [`sinm`], [`tanm`] | trigonometric matrix functions through `expm(±iA)` |
//! | `coshm`, `sinhm`, `tanhm` | [`coshm`], [`sinhm`], [`tanhm`] | hyperbolic matrix functions through `expm(±A)` |
//! | `sqrtm` | [`sqrtm`] ([`MaybeComplex`]) | principal square root, recursive blocked Schur method |
//! | `logm` | [`logm`] | principal logarithm, inverse scaling and squaring on the Schur form |
//! | `fractional_matrix_power` | [`fractional_matrix_power`] | `A^t`, Higham–Lin Schur–Padé |
//! | `funm` | [`funm`] ([`Funm`]) | `f(A)` for a scalar `f`, Schur–Parlett, with SciPy's error estimate |
//! | `signm` | [`signm`] | matrix sign function |
//! | `solve_sylvester` | [`solve_sylvester`] | `A·X + X·B = Q`, Bartels–Stewart |
//! | `solve_continuous_lyapunov` | [`solve_continuous_lyapunov`] | `A·X + X·Aᴴ = Q` |
//! | `solve_discrete_lyapunov` | [`solve_discrete_lyapunov`], [`solve_discrete_lyapunov_with`] ([`DiscreteLyapunovOptions`], [`DiscreteLyapunovMethod`]) | `A·X·Aᴴ − X + Q = 0`, direct or bilinear |
//! | `solve_continuous_are` | [`solve_continuous_are`], [`solve_continuous_are_with`] ([`AreOptions`]) | continuous Riccati equation, stabilizing solution |
//! | `solve_discrete_are` | [`solve_discrete_are`], [`solve_discrete_are_with`] | discrete Riccati equation, stabilizing solution |
//! | `numpy.kron` | [`kron`] | Kronecker product |
//! | `khatri_rao` | [`khatri_rao`] | column-wise Kronecker product |
//!
//! # Errors, as SciPy's
//! A singular matrix where SciPy raises `LinAlgError` (`solve`, `inv`,
//! `lu_solve`, `solve_triangular`) is [`Error::Singular`](crate::Error::Singular)
//! with the 0-based index of the zero pivot; where SciPy answers (`det` = 0,
//! `lu`, `lu_factor`) so do we. A non-square matrix is
//! [`Error::ShapeMismatch`](crate::Error::ShapeMismatch) with its shape; NaN or
//! infinity (SciPy's `check_finite=True`) and a matrix that is not positive
//! definite are [`Error::InvalidArgument`](crate::Error::InvalidArgument).
//! 0 × 0 inputs give SciPy's answers (`det` = 1, empty inverse and solution).
//!
//! # Matrix functions and equations
//! `sqrtm`, `logm`, `funm`, `signm` and `fractional_matrix_power` return a
//! [`MaybeComplex`]: real for real input unless the answer is genuinely
//! complex (SciPy's dtype rule). They work on the complex Schur form in
//! double precision (real input through the real Schur form and `rsf2csf`,
//! as SciPy). Where SciPy warns and returns infinities or perturbed values
//! (the logarithm of a singular matrix, a square root that does not exist)
//! these return an error. The Riccati solvers use the matrix sign function
//! (continuous) and structure-preserving doubling (discrete) rather than
//! SciPy's QZ on an extended pencil; both give the stabilizing solution,
//! after SciPy's symplectic scaling by default (`balanced`).
//!
//! # Kernels and speed
//! The factorizations are recursive (LU after Toledo, Cholesky likewise), so
//! nearly all flops go through one GEMM: for f64 on CPUs with AVX-512F a
//! packed, cache-blocked kernel with a 512-bit FMA micro-kernel (about
//! 114 GFLOP/s of a Zen 5 core's 122 peak), elsewhere and for the other
//! element types `matrixmultiply` (the crate behind ndarray's `dot`, AVX2 at
//! best: 78 GFLOP/s at n = 1000 on the same core).
//!
//! The Hermitian eigensolver tridiagonalises in panels (rank-2k trailing
//! updates through GEMM) and finds eigenvectors by divide and conquer; the
//! SVD bidiagonalises in panels (QR first for tall matrices), finds the
//! bidiagonal's singular vectors by divide and conquer (`gesdd`'s method;
//! implicit QR below 33 and for `svdvals`) and applies the reflectors to
//! them in blocks. Against SciPy (OpenBLAS, one thread; quiet
//! `compare.py linalg` run, 2026-12-06): n ≤ 16 is 4.8–100× faster per call;
//! LU, Cholesky, `inv`, `det`, `solve` 0.76–1.09×, QR 0.91×, `eigh`
//! 0.81–0.90×, `eig` 1.22×, SVD 1.14–1.17× and `svdvals` 1.34× SciPy's time
//! (docs/BENCHMARKS.md).
//!
//! The nonsymmetric eigenproblem (`eig`, `schur`, `hessenberg`) reduces to
//! Hessenberg form in panels (`lahr2`-style, GEMM trailing updates, `Q` by
//! the blocked `orgqr`), then runs small-bulge multishift QR with aggressive
//! early deflation on real active blocks above 75 rows (chains of bulges
//! chased through a sliding window whose accumulated reflectors reach the
//! rest of `T` and `Z` through GEMM), finishing with Francis double-shift QR;
//! complex input uses single-shift QR. [`qz`] runs real double-shift QZ,
//! [`qz_complex`] single-shift QZ; `eig(a, b)` of real input runs the real
//! QZ and back-substitution on the quasi-triangular pair, as LAPACK's
//! `ggev` (`eig(a, b)` about 2× faster than through complex QZ at n = 100
//! and 300, docs/BENCHMARKS.md). Eigenvectors still come one at a time from
//! back-substitution on the Schur form (then one GEMM with `Z`): blocked
//! `trevc`-style solves are the next step.
//! Eigenvalues without vectors (`eigvalsh`, `eigvalsh_tridiagonal`,
//! `eigvals_banded`) and every `select`/`subset` come from bisection on
//! Sturm counts, 16 shifts per pass (the count is bound by division
//! latency), to LAPACK `stebz`'s accuracy; selected eigenvectors from
//! inverse iteration with reorthogonalisation inside clusters. Band matrices
//! are reduced to tridiagonal form by Givens bulge chasing on band storage.
//! Against SciPy (`python3 tools/bench/compare.py linalg_more`, shared
//! machine, rough): `ldl`, `pinvh`, `cholesky_banded` and selected
//! tridiagonal eigenpairs 0.3–1.1× SciPy's time; `eigvals_banded` 1–1.7×;
//! `eigvalsh_tridiagonal` 1.8–2.5×; `eigh` subsets, generalized `eigh` and
//! `polar` 3–3.7× before the blocked reductions above landed (not yet
//! re-measured).

mod banded;
mod banded_eig;
mod cholesky;
mod eig;
mod eigh;
mod expm;
mod funm;
mod hessenberg;
pub(crate) mod kernels; // simd's level-1 loops also serve optimize
mod ldl;
mod logm;
mod lstsq;
mod lu;
mod matfun_util;
mod matfuncs;
mod matrix_equations;
mod maybe_complex;
mod named_matrices;
mod norm;
mod pinvh;
mod polar;
mod products;
mod qr;
mod qz;
mod riccati;
mod scalar;
mod schur;
mod small;
mod solve;
mod special_matrices;
mod sqrtm;
mod structure;
mod structured_solve;
mod subspace;
mod svd;
mod triangular_fun;
mod tridiagonal_eig;
mod util;

pub use banded::{
    CholeskyBandedOptions, SolvehBandedOptions, cho_solve_banded, cholesky_banded,
    cholesky_banded_with, solve_banded, solveh_banded, solveh_banded_with,
};
pub use banded_eig::{
    EigBandedOptions, eig_banded, eig_banded_with, eigvals_banded, eigvals_banded_with,
};
pub use cholesky::{
    ChoFactor, CholeskyOptions, cho_factor, cho_factor_with, cho_solve, cholesky, cholesky_with,
};
pub use eig::{
    Eig, EigLeft, eig, eig_generalized, eig_generalized_left, eig_left, eigvals,
    eigvals_generalized,
};
pub use eigh::{
    Eigh, EighOptions, eigh, eigh_generalized, eigh_generalized_with, eigh_with, eigvalsh,
    eigvalsh_generalized, eigvalsh_generalized_with, eigvalsh_with,
};
pub use expm::{
    ExpmFrechet, ExpmFrechetOptions, FrechetMethod, expm, expm_cond, expm_frechet,
    expm_frechet_with,
};
pub use funm::{Funm, funm, signm};
pub use hessenberg::{Hessenberg, hessenberg, hessenberg_q};
#[doc(hidden)]
pub use kernels::gemm::matmul;
pub use ldl::{Ldl, LdlOptions, ldl, ldl_with};
pub use logm::{fractional_matrix_power, logm};
pub use lstsq::{
    Lstsq, LstsqOptions, MatrixRankOptions, PinvOptions, lstsq, lstsq_with, matrix_rank,
    matrix_rank_with, null_space, orth, pinv, pinv_with,
};
pub use lu::{
    Lu, LuFactor, LuPermuted, LuSolveOptions, lu, lu_factor, lu_permute_l, lu_solve, lu_solve_with,
};
pub use matfuncs::{coshm, cosm, sinhm, sinm, tanhm, tanm};
pub use matrix_equations::{
    DiscreteLyapunovMethod, DiscreteLyapunovOptions, solve_continuous_lyapunov,
    solve_discrete_lyapunov, solve_discrete_lyapunov_with, solve_sylvester,
};
pub use maybe_complex::MaybeComplex;
pub use named_matrices::{
    DftOptions, DftScale, HelmertOptions, PascalKind, PascalOptions, dft, dft_with, hadamard,
    helmert, helmert_with, hilbert, invhilbert, invpascal, invpascal_with, pascal, pascal_with,
};
pub use norm::{NormOptions, NormOrd, cond, cond_with, norm, norm_with};
pub use pinvh::{PinvhOptions, pinvh, pinvh_with};
pub use polar::{Polar, PolarOptions, PolarSide, polar, polar_with};
pub use products::{khatri_rao, kron};
pub use qr::{
    Qr, QrPivoted, Rq, qr, qr_economic, qr_pivoting, qr_pivoting_economic, qr_r, rq, rq_economic,
};
pub use qz::{OrdQz, Qz, QzSort, ordqz, ordqz_complex, qz, qz_complex};
pub use riccati::{
    AreOptions, solve_continuous_are, solve_continuous_are_with, solve_discrete_are,
    solve_discrete_are_with,
};
pub use scalar::{RealScalar, Scalar};
pub use schur::{
    Schur, SchurSort, SortedSchur, rsf2csf, schur, schur_complex, schur_complex_sorted,
    schur_sorted,
};
pub use solve::{
    AssumeA, Slogdet, SolveOptions, SolveTriangularOptions, Trans, det, inv, slogdet, solve,
    solve_triangular, solve_triangular_with, solve_with,
};
pub use special_matrices::{
    ConvolutionMatrixOptions, ConvolutionMode, block_diag, circulant, companion,
    convolution_matrix, convolution_matrix_with, fiedler, hankel, leslie, toeplitz,
};
pub use sqrtm::sqrtm;
pub use structure::{
    SymmetryOptions, bandwidth, ishermitian, ishermitian_with, issymmetric, issymmetric_with,
};
pub use structured_solve::{
    CirculantSingular, SolveCirculantOptions, solve_circulant, solve_circulant_with, solve_toeplitz,
};
pub use subspace::subspace_angles;
pub use svd::{Svd, SvdOptions, svd, svd_with, svdvals};
pub use tridiagonal_eig::{
    EigSelect, EighTridiagonalOptions, eigh_tridiagonal, eigh_tridiagonal_with,
    eigvalsh_tridiagonal, eigvalsh_tridiagonal_with,
};
