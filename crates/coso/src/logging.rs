//! Structured logs on stderr: human-readable by default, JSON lines with `COSO_LOG_FORMAT=json`.
//! Nothing logged here or by the commands carries a password or a session id.

use tracing_subscriber::EnvFilter;

use crate::config::{Config, LogFormat};

/// Starts logging. One-shot commands (`quiet`) log warnings only unless a filter was configured.
pub fn init(cfg: &Config, quiet: bool) {
    let wanted = if quiet && cfg.log == crate::config::DEFAULT_LOG { "warn" } else { cfg.log.as_str() };
    let filter = EnvFilter::try_new(wanted).unwrap_or_else(|_| EnvFilter::new(crate::config::DEFAULT_LOG));
    let colours = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(colours);
    // A second initialisation (never in the binary) is not an error worth stopping for.
    let _ = match cfg.log_format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Pretty => builder.try_init(),
    };
}
