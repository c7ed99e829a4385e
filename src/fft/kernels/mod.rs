//! Hot loops: running a transform along one axis of a row-major buffer,
//! batched and (with the `rayon` feature) split across cores.

pub(crate) mod lanes;
pub(crate) mod real;
pub(crate) mod trig;
