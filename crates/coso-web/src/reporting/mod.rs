//! What the plan, report and task features share: which unit a reporting screen opens on and
//! the units a user may switch to. Who may read, send and review is decided by `coso_app`.

pub mod access;
