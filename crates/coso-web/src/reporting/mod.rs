//! What the plan, report and task features share: who may read a plan, send for a unit and
//! review what a unit receives, and the web face of the reporting errors.

pub mod access;
