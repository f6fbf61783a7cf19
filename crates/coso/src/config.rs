//! The configuration of the `coso` binary, read in one place and in one order:
//! defaults → TOML file (`--config FILE`, else `COSO_CONFIG`, else `./coso.toml` if present)
//! → environment (`COSO_*`) → command-line flags.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use serde::Deserialize;

mod limits;
mod open311;

pub use limits::LimitsConfig;

/// The default database: an embedded SQLite file beside the working directory.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://./data/coso.db";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_LOG: &str = coso_store::DEFAULT_LOG_FILTER;
const DEFAULT_CONFIG_FILE: &str = "coso.toml";

/// A database URL whose password never shows in `Debug` or `Display`.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl(String);

impl DatabaseUrl {
    fn parse(raw: &str, key: &str) -> Result<DatabaseUrl, ConfigError> {
        let v = raw.trim();
        let known = ["sqlite:", "postgres:", "postgresql:"].iter().any(|s| v.starts_with(s));
        if known && v.len() > "sqlite:".len() {
            Ok(DatabaseUrl(v.to_string()))
        } else {
            Err(ConfigError::Invalid {
                key: key.to_string(),
                value: redact_url(v),
                expected: "cần URL dạng sqlite://đường/dẫn.db hoặc postgres://… (expected a sqlite:// or postgres:// URL)",
            })
        }
    }

    /// The URL itself, password included: for connecting only, never for printing.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({:?})", redact_url(&self.0))
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&redact_url(&self.0))
    }
}

/// Replaces the password of `scheme://user:password@host/…` and of a `password=` query
/// parameter with `***`.
pub fn redact_url(url: &str) -> String {
    let mut out = url.to_string();
    if let Some(start) = url.find("://").map(|i| i + 3) {
        let authority_end = url[start..].find(['/', '?']).map_or(url.len(), |i| start + i);
        if let Some(at) = url[start..authority_end].rfind('@').map(|i| start + i)
            && let Some(colon) = url[start..at].find(':').map(|i| start + i)
        {
            out = format!("{}***{}", &url[..=colon], &url[at..]);
        }
    }
    if let Some(q) = out.find('?') {
        let (head, query) = out.split_at(q + 1);
        let query: Vec<String> = query
            .split('&')
            .map(|kv| match kv.split_once('=') {
                Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                _ => kv.to_string(),
            })
            .collect();
        out = format!("{head}{}", query.join("&"));
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Pretty,
    Json,
}

/// Settings of the web server that have defaults in coso-web; `None` keeps its default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebConfig {
    pub session_hours: Option<i64>,
    pub login_attempts_per_minute: Option<u32>,
    pub max_failed_logins: Option<i64>,
    pub max_upload_bytes: Option<usize>,
    /// The largest photo of a petition sent by the public.
    pub max_photo_bytes: Option<usize>,
    /// The bearer token a scraper on another machine sends to read `/metrics`.
    pub metrics_token: Option<coso_web::Secret>,
    /// The applications that post to Open311 with an `api_key` (`open311_api_keys`).
    pub open311_api_keys: Vec<coso_web::Open311Client>,
}

/// The outgoing mail server of the reminder e-mails (`[mail]` in the file). Without a host,
/// mails wait in the outbox.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailConfig {
    pub smtp_host: Option<String>,
    pub smtp_port: Option<u16>,
    pub from: Option<String>,
    pub starttls: Option<bool>,
    pub username: Option<String>,
    /// From `COSO_SMTP_PASSWORD` (preferred: secrets stay out of files) or the file.
    pub password: Option<String>,
    /// Working days before a due date when reminders go out (default 5 and 1).
    pub reminder_days: Option<Vec<u32>>,
    /// The public address of the site, for links in mails.
    pub base_url: Option<String>,
}

/// When the background jobs run (`[jobs]` in the file); `None` keeps coso-jobs' default
/// (a tick every 60 s, the daily reminders from 07:00 Vietnam time).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JobsConfig {
    /// How often the job loop wakes up to send queued mail and check the daily run.
    pub tick_seconds: Option<u64>,
    /// The local time (UTC+7) from which the day's reminders are computed.
    pub daily_at: Option<NaiveTime>,
}

/// The rule of the chairman's reception days (`[reception]` in the file).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReceptionConfig {
    /// Whether a vice-chairman's session counts as the chairman's before 2026-07-01 (it never
    /// does after); `None` keeps coso-app's default (it counts).
    pub deputy_counts_before_2026_07_01: Option<bool>,
}

/// The longest tick: with a longer one whole days could pass without a reminder run.
const MAX_TICK_SECONDS: u64 = 86_400;

/// The typed configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub database_url: DatabaseUrl,
    pub listen: SocketAddr,
    /// A `tracing` filter (`RUST_LOG` syntax).
    pub log: String,
    pub log_format: LogFormat,
    pub secure_cookies: bool,
    /// How long in-flight requests may take to finish after a shutdown signal.
    pub shutdown_timeout_secs: u64,
    pub web: WebConfig,
    pub mail: MailConfig,
    pub jobs: JobsConfig,
    pub limits: LimitsConfig,
    pub reception: ReceptionConfig,
    /// The file that was read, if any.
    pub file: Option<PathBuf>,
}

/// Values given on the command line; they win over everything else.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub config_file: Option<PathBuf>,
    pub database_url: Option<String>,
    pub listen: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("Không đọc được tệp cấu hình {path}: {source} (cannot read the configuration file)")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("Tệp cấu hình {path} sai cú pháp TOML: {message} (invalid configuration file)")]
    Toml { path: PathBuf, message: String },
    #[error("Cấu hình sai: {key} = «{value}»: {expected}")]
    Invalid { key: String, value: String, expected: &'static str },
}

/// The file's shape: every key optional, unknown keys rejected (a typo must not be ignored).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    listen: Option<String>,
    log: Option<String>,
    log_format: Option<String>,
    secure_cookies: Option<bool>,
    shutdown_timeout_secs: Option<u64>,
    #[serde(default)]
    web: FileWeb,
    #[serde(default)]
    mail: FileMail,
    #[serde(default)]
    jobs: FileJobs,
    #[serde(default)]
    limits: limits::FileLimits,
    #[serde(default)]
    reception: FileReception,
    #[serde(default)]
    open311_api_keys: Vec<open311::FileKey>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileReception {
    deputy_counts_before_2026_07_01: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileJobs {
    tick_seconds: Option<u64>,
    daily_at: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileMail {
    smtp_host: Option<String>,
    smtp_port: Option<u16>,
    from: Option<String>,
    starttls: Option<bool>,
    username: Option<String>,
    password: Option<String>,
    reminder_days: Option<Vec<u32>>,
    base_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileWeb {
    session_hours: Option<i64>,
    login_attempts_per_minute: Option<u32>,
    max_failed_logins: Option<i64>,
    max_upload_bytes: Option<usize>,
    max_photo_bytes: Option<usize>,
    metrics_token: Option<String>,
}

/// The shortest metrics token accepted: long enough not to be guessed.
const MIN_METRICS_TOKEN: usize = 16;

impl Config {
    /// Reads the configuration from the process environment.
    pub fn load(o: &Overrides) -> Result<Config, ConfigError> {
        Self::load_with(o, &|k| std::env::var(k).ok(), Path::new("."))
    }

    /// Reads the configuration with `env` as the environment and `cwd` as the folder where
    /// `coso.toml` is looked for.
    pub fn load_with(o: &Overrides, env: &dyn Fn(&str) -> Option<String>, cwd: &Path) -> Result<Config, ConfigError> {
        let explicit =
            o.config_file.clone().or_else(|| env("COSO_CONFIG").filter(|s| !s.trim().is_empty()).map(PathBuf::from));
        let (file, path) = match explicit {
            Some(p) => (read_file(&p)?, Some(p)),
            None => {
                let p = cwd.join(DEFAULT_CONFIG_FILE);
                if p.is_file() { (read_file(&p)?, Some(p)) } else { (FileConfig::default(), None) }
            }
        };
        let from_file =
            |k: &str| format!("{k} (tệp {})", path.as_deref().map_or_else(String::new, |p| p.display().to_string()));

        // Each value: the flag, else the environment, else the file, else the default; the
        // key names where it came from, for the error message.
        let pick = |flag: Option<&String>,
                    var: &str,
                    file_value: Option<&String>,
                    file_key: &str,
                    default: &str|
         -> (String, String) {
            if let Some(v) = flag {
                (v.clone(), format!("--{}", file_key.replace('_', "-")))
            } else if let Some(v) = env(var) {
                (v, var.to_string())
            } else if let Some(v) = file_value {
                (v.clone(), from_file(file_key))
            } else {
                (default.to_string(), file_key.to_string())
            }
        };

        let (db, db_key) = pick(
            o.database_url.as_ref(),
            "COSO_DATABASE_URL",
            file.database_url.as_ref(),
            "database_url",
            DEFAULT_DATABASE_URL,
        );
        let database_url = DatabaseUrl::parse(&db, &db_key)?;

        let (listen, listen_key) =
            pick(o.listen.as_ref(), "COSO_LISTEN", file.listen.as_ref(), "listen", DEFAULT_LISTEN);
        let listen = listen.trim().parse::<SocketAddr>().map_err(|_| ConfigError::Invalid {
            key: listen_key,
            value: listen.clone(),
            expected: "cần địa chỉ IP:cổng, ví dụ 127.0.0.1:8080 (expected IP:port)",
        })?;

        let (log, log_key) = pick(None, "COSO_LOG", file.log.as_ref(), "log", DEFAULT_LOG);
        if tracing_subscriber::EnvFilter::try_new(&log).is_err() {
            return Err(ConfigError::Invalid {
                key: log_key,
                value: log,
                expected: "cần bộ lọc nhật ký, ví dụ «info» hoặc «info,tower_http=debug» (expected a log filter)",
            });
        }

        let (format, format_key) = pick(None, "COSO_LOG_FORMAT", file.log_format.as_ref(), "log_format", "pretty");
        let log_format = match format.trim().to_ascii_lowercase().as_str() {
            "pretty" | "text" => LogFormat::Pretty,
            "json" => LogFormat::Json,
            _ => {
                return Err(ConfigError::Invalid {
                    key: format_key,
                    value: format,
                    expected: "cần «json» hoặc «pretty» (expected json or pretty)",
                });
            }
        };

        let secure_cookies = match env("COSO_SECURE_COOKIES") {
            Some(v) => parse_bool(&v).ok_or(ConfigError::Invalid {
                key: "COSO_SECURE_COOKIES".into(),
                value: v,
                expected: "cần true/false, 1/0, yes/no hoặc on/off (expected a boolean)",
            })?,
            None => file.secure_cookies.unwrap_or(false),
        };

        let web = WebConfig {
            session_hours: positive(file.web.session_hours, "web.session_hours", &from_file)?,
            login_attempts_per_minute: positive(
                file.web.login_attempts_per_minute,
                "web.login_attempts_per_minute",
                &from_file,
            )?,
            max_failed_logins: positive(file.web.max_failed_logins, "web.max_failed_logins", &from_file)?,
            max_upload_bytes: positive(file.web.max_upload_bytes, "web.max_upload_bytes", &from_file)?,
            max_photo_bytes: positive(file.web.max_photo_bytes, "web.max_photo_bytes", &from_file)?,
            metrics_token: match env("COSO_METRICS_TOKEN").filter(|t| !t.is_empty()) {
                Some(t) => Some(parse_metrics_token(&t, "COSO_METRICS_TOKEN".into())?),
                None => file
                    .web
                    .metrics_token
                    .map(|t| parse_metrics_token(&t, from_file("web.metrics_token")))
                    .transpose()?,
            },
            open311_api_keys: open311::read(file.open311_api_keys, env, &from_file)?,
        };
        let shutdown_timeout_secs = file.shutdown_timeout_secs.unwrap_or(30);
        let m = file.mail;
        if let Some(days) = &m.reminder_days
            && (days.is_empty() || days.iter().any(|d| *d == 0 || *d > 60))
        {
            return Err(ConfigError::Invalid {
                key: from_file("mail.reminder_days"),
                value: format!("{days:?}"),
                expected: "cần danh sách số ngày làm việc từ 1 đến 60, ví dụ [5, 1] (expected working days 1–60)",
            });
        }
        let mail = MailConfig {
            smtp_host: env("COSO_SMTP_HOST").or(m.smtp_host).filter(|h| !h.trim().is_empty()),
            smtp_port: m.smtp_port,
            from: m.from,
            starttls: m.starttls,
            username: m.username,
            password: env("COSO_SMTP_PASSWORD").or(m.password),
            reminder_days: m.reminder_days,
            base_url: m.base_url,
        };

        let tick_seconds = match env("COSO_JOBS_TICK_SECONDS") {
            Some(v) => Some(parse_tick(&v, "COSO_JOBS_TICK_SECONDS".into())?),
            None => file
                .jobs
                .tick_seconds
                .map(|n| parse_tick(&n.to_string(), from_file("jobs.tick_seconds")))
                .transpose()?,
        };
        let daily_at = match env("COSO_JOBS_DAILY_AT") {
            Some(v) => Some(parse_daily_at(&v, "COSO_JOBS_DAILY_AT".into())?),
            None => file.jobs.daily_at.map(|v| parse_daily_at(&v, from_file("jobs.daily_at"))).transpose()?,
        };
        let jobs = JobsConfig { tick_seconds, daily_at };
        let limits =
            LimitsConfig::read(file.limits, env, &from_file, web.login_attempts_per_minute, web.max_failed_logins)?;

        Ok(Config {
            database_url,
            listen,
            log,
            log_format,
            secure_cookies,
            shutdown_timeout_secs,
            web,
            mail,
            jobs,
            limits,
            reception: ReceptionConfig {
                deputy_counts_before_2026_07_01: file.reception.deputy_counts_before_2026_07_01,
            },
            file: path,
        })
    }
}

fn read_file(path: &Path) -> Result<FileConfig, ConfigError> {
    let text =
        std::fs::read_to_string(path).map_err(|source| ConfigError::Read { path: path.to_path_buf(), source })?;
    toml::from_str(&text).map_err(|e| ConfigError::Toml { path: path.to_path_buf(), message: e.message().to_string() })
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" | "" => Some(false),
        _ => None,
    }
}

fn parse_tick(v: &str, key: String) -> Result<u64, ConfigError> {
    match v.trim().parse::<u64>() {
        Ok(n) if (1..=MAX_TICK_SECONDS).contains(&n) => Ok(n),
        _ => Err(ConfigError::Invalid {
            key,
            value: v.to_string(),
            expected: "cần số giây từ 1 đến 86400, ví dụ 60 (expected seconds, 1–86400)",
        }),
    }
}

/// `HH:MM` on the 24-hour clock, Vietnam time.
fn parse_daily_at(v: &str, key: String) -> Result<NaiveTime, ConfigError> {
    NaiveTime::parse_from_str(v.trim(), "%H:%M").map_err(|_| ConfigError::Invalid {
        key,
        value: v.to_string(),
        expected: "cần giờ dạng HH:MM theo giờ Việt Nam, ví dụ 07:00 (expected HH:MM, Vietnam time)",
    })
}

/// A bearer token: at least [`MIN_METRICS_TOKEN`] visible ASCII characters, so that it fits an
/// `Authorization` header as it is. The value is a secret: an error never shows it.
fn parse_metrics_token(v: &str, key: String) -> Result<coso_web::Secret, ConfigError> {
    if v.len() >= MIN_METRICS_TOKEN && v.bytes().all(|b| b.is_ascii_graphic()) {
        Ok(coso_web::Secret::new(v))
    } else {
        Err(ConfigError::Invalid {
            key,
            value: "***".into(),
            expected: "cần chuỗi bí mật từ 16 ký tự ASCII trở lên, không có khoảng trắng (expected 16 or more visible ASCII characters)",
        })
    }
}

fn positive<T: PartialOrd + Default + ToString>(
    v: Option<T>,
    key: &str,
    from_file: &dyn Fn(&str) -> String,
) -> Result<Option<T>, ConfigError> {
    match v {
        Some(n) if n <= T::default() => Err(ConfigError::Invalid {
            key: from_file(key),
            value: n.to_string(),
            expected: "cần một số dương (expected a positive number)",
        }),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn load(o: &Overrides, env: &[(&str, &str)], file: Option<&str>) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().expect("temp dir");
        if let Some(text) = file {
            std::fs::write(dir.path().join("coso.toml"), text).expect("write");
        }
        let env: HashMap<String, String> = env.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::load_with(o, &|k| env.get(k).cloned(), dir.path())
    }

    #[test]
    fn defaults() {
        let c = load(&Overrides::default(), &[], None).expect("defaults");
        assert_eq!(c.database_url.expose(), DEFAULT_DATABASE_URL);
        assert_eq!(c.listen.to_string(), "127.0.0.1:8080");
        assert_eq!(c.log_format, LogFormat::Pretty);
        assert!(!c.secure_cookies);
        assert_eq!(c.file, None);
    }

    #[test]
    fn the_deputy_reception_setting_is_read_from_the_file() {
        let c = load(&Overrides::default(), &[], None).expect("defaults");
        assert_eq!(c.reception.deputy_counts_before_2026_07_01, None);
        let file = "[reception]\ndeputy_counts_before_2026_07_01 = false\n";
        let c = load(&Overrides::default(), &[], Some(file)).expect("file");
        assert_eq!(c.reception.deputy_counts_before_2026_07_01, Some(false));
        assert!(load(&Overrides::default(), &[], Some("[reception]\ndeputy_counts = true\n")).is_err(), "typo refused");
    }

    #[test]
    fn flags_beat_environment_beat_file() {
        let file = "database_url = \"sqlite://file.db\"\nlisten = \"0.0.0.0:9000\"\nlog_format = \"json\"\nsecure_cookies = true\n[web]\nmax_upload_bytes = 1000\n";
        let c = load(&Overrides::default(), &[], Some(file)).expect("file");
        assert_eq!(c.database_url.expose(), "sqlite://file.db");
        assert_eq!((c.listen.port(), c.log_format, c.secure_cookies), (9000, LogFormat::Json, true));
        assert_eq!(c.web.max_upload_bytes, Some(1000));
        let env = [
            ("COSO_DATABASE_URL", "sqlite://env.db"),
            ("COSO_LISTEN", "127.0.0.1:9001"),
            ("COSO_SECURE_COOKIES", "no"),
        ];
        let c = load(&Overrides::default(), &env, Some(file)).expect("env");
        assert_eq!((c.database_url.expose(), c.listen.port(), c.secure_cookies), ("sqlite://env.db", 9001, false));
        let flags = Overrides {
            database_url: Some("sqlite://flag.db".into()),
            listen: Some("127.0.0.1:9002".into()),
            ..Default::default()
        };
        let c = load(&flags, &env, Some(file)).expect("flags");
        assert_eq!((c.database_url.expose(), c.listen.port()), ("sqlite://flag.db", 9002));
    }

    #[test]
    fn bad_values_are_named_loudly() {
        let e = load(&Overrides::default(), &[("COSO_LISTEN", "localhost")], None).expect_err("bad listen").to_string();
        assert!(e.contains("COSO_LISTEN") && e.contains("localhost") && e.contains("IP:cổng"), "{e}");
        let e = load(&Overrides::default(), &[("COSO_LOG_FORMAT", "xml")], None).expect_err("bad format").to_string();
        assert!(e.contains("COSO_LOG_FORMAT") && e.contains("json"), "{e}");
        let e =
            load(&Overrides::default(), &[("COSO_SECURE_COOKIES", "maybe")], None).expect_err("bad bool").to_string();
        assert!(e.contains("COSO_SECURE_COOKIES"), "{e}");
        let e = load(&Overrides::default(), &[("COSO_DATABASE_URL", "mysql://u:hunter2@h/db")], None)
            .expect_err("bad url")
            .to_string();
        assert!(e.contains("COSO_DATABASE_URL") && !e.contains("hunter2"), "{e}");
        let e = load(&Overrides::default(), &[], Some("listn = \"x\"\n")).expect_err("unknown key").to_string();
        assert!(e.contains("listn"), "{e}");
        let e = load(&Overrides::default(), &[], Some("[web]\nsession_hours = 0\n")).expect_err("zero").to_string();
        assert!(e.contains("web.session_hours"), "{e}");
        let missing = Overrides { config_file: Some("/nonexistent/coso.toml".into()), ..Default::default() };
        assert!(matches!(load(&missing, &[], None), Err(ConfigError::Read { .. })));
    }

    #[test]
    fn job_timing_from_file_and_environment() {
        let c = load(&Overrides::default(), &[], None).expect("defaults");
        assert_eq!(c.jobs, JobsConfig::default(), "coso-jobs keeps its defaults");
        let file = "[jobs]\ntick_seconds = 5\ndaily_at = \"00:00\"\n";
        let c = load(&Overrides::default(), &[], Some(file)).expect("file");
        assert_eq!((c.jobs.tick_seconds, c.jobs.daily_at), (Some(5), NaiveTime::from_hms_opt(0, 0, 0)));
        let env = [("COSO_JOBS_TICK_SECONDS", "30"), ("COSO_JOBS_DAILY_AT", "6:45")];
        let c = load(&Overrides::default(), &env, Some(file)).expect("env");
        assert_eq!((c.jobs.tick_seconds, c.jobs.daily_at), (Some(30), NaiveTime::from_hms_opt(6, 45, 0)));
    }

    #[test]
    fn bad_job_timing_is_named_loudly() {
        for (text, key) in [
            ("[jobs]\ntick_seconds = 0\n", "jobs.tick_seconds"),
            ("[jobs]\ntick_seconds = 90000\n", "jobs.tick_seconds"),
            ("[jobs]\ndaily_at = \"7h\"\n", "jobs.daily_at"),
            ("[jobs]\ndaily_at = \"24:00\"\n", "jobs.daily_at"),
            ("[jobs]\ntick = 5\n", "tick"),
        ] {
            let e = load(&Overrides::default(), &[], Some(text)).expect_err(text).to_string();
            assert!(e.contains(key), "{e}");
        }
        let e =
            load(&Overrides::default(), &[("COSO_JOBS_TICK_SECONDS", "1m")], None).expect_err("bad tick").to_string();
        assert!(e.contains("COSO_JOBS_TICK_SECONDS") && e.contains("«1m»") && e.contains("số giây"), "{e}");
        let e =
            load(&Overrides::default(), &[("COSO_JOBS_DAILY_AT", "07:00:00")], None).expect_err("bad time").to_string();
        assert!(e.contains("COSO_JOBS_DAILY_AT") && e.contains("HH:MM"), "{e}");
    }

    #[test]
    fn the_metrics_token_from_file_or_environment_never_shows() {
        let c = load(&Overrides::default(), &[], None).expect("defaults");
        assert_eq!(c.web.metrics_token, None, "no token: metrics only for this machine");
        let file = "[web]\nmetrics_token = \"file-token-0123456789\"\n";
        let c = load(&Overrides::default(), &[], Some(file)).expect("file");
        assert_eq!(c.web.metrics_token, Some(coso_web::Secret::new("file-token-0123456789")));
        let env = [("COSO_METRICS_TOKEN", "env-token-0123456789")];
        let c = load(&Overrides::default(), &env, Some(file)).expect("env");
        assert_eq!(c.web.metrics_token, Some(coso_web::Secret::new("env-token-0123456789")));
        assert!(!format!("{c:?}").contains("env-token"), "{c:?}");
        let e = load(&Overrides::default(), &[("COSO_METRICS_TOKEN", "short-secret")], None)
            .expect_err("too short")
            .to_string();
        assert!(e.contains("COSO_METRICS_TOKEN") && e.contains("16 ký tự") && !e.contains("short-secret"), "{e}");
        let e = load(&Overrides::default(), &[], Some("[web]\nmetrics_token = \"has a space in it, 0123\"\n"))
            .expect_err("space")
            .to_string();
        assert!(e.contains("web.metrics_token") && !e.contains("space in it"), "{e}");
    }

    #[test]
    fn limits_from_file_and_environment() {
        let c = load(&Overrides::default(), &[], None).expect("defaults");
        assert_eq!(c.limits, LimitsConfig::default(), "coso-web and coso-app keep their defaults");
        let file = "[limits]\nsign_in_per_ip_per_minute = 30\nsign_in_failures_per_address = 3\n\
                    sign_in_failures_per_account = 12\nsign_in_backoff_cap_minutes = 10\n\
                    password_reset_per_ip_per_hour = 6\npassword_reset_per_account_per_hour = 2\n\
                    password_reset_link_minutes = 20\nintake_per_ip_per_minute = 4\n";
        let c = load(&Overrides::default(), &[], Some(file)).expect("file");
        let l = &c.limits;
        assert_eq!(
            (l.sign_in_per_ip_per_minute, l.sign_in_failures_per_address, l.sign_in_failures_per_account),
            (Some(30), Some(3), Some(12))
        );
        assert_eq!((l.sign_in_backoff_cap_minutes, l.password_reset_link_minutes), (Some(10), Some(20)));
        assert_eq!(
            (l.password_reset_per_ip_per_hour, l.password_reset_per_account_per_hour, l.intake_per_ip_per_minute),
            (Some(6), Some(2), Some(4))
        );
        let env = [("COSO_LIMITS_INTAKE_PER_IP_PER_MINUTE", "9"), ("COSO_LIMITS_SIGN_IN_BACKOFF_CAP_MINUTES", "30")];
        let c = load(&Overrides::default(), &env, Some(file)).expect("env");
        assert_eq!((c.limits.intake_per_ip_per_minute, c.limits.sign_in_backoff_cap_minutes), (Some(9), Some(30)));
        let c = load(&Overrides::default(), &[("COSO_LIMITS_EMAIL_VERIFICATION_LINK_HOURS", "72")], None).expect("env");
        assert_eq!(c.limits.email_verification_link_hours, Some(72));
        let older = "[web]\nlogin_attempts_per_minute = 7\nmax_failed_logins = 4\n";
        let c = load(&Overrides::default(), &[], Some(older)).expect("older names");
        assert_eq!((c.limits.sign_in_per_ip_per_minute, c.limits.sign_in_failures_per_address), (Some(7), Some(4)));
    }

    #[test]
    fn bad_limits_are_named_loudly() {
        for (text, key) in [
            ("[limits]\nsign_in_per_ip_per_minute = 0\n", "limits.sign_in_per_ip_per_minute"),
            ("[limits]\nsign_in_backoff_cap_minutes = 5000\n", "limits.sign_in_backoff_cap_minutes"),
            ("[limits]\npassword_reset_link_minutes = 1\n", "limits.password_reset_link_minutes"),
            ("[limits]\nemail_verification_link_hours = 0\n", "limits.email_verification_link_hours"),
            ("[limits]\nsign_in_failures_per_account = 5\n", "limits.sign_in_failures_per_account"),
            ("[limits]\nsign_in_failures_per_address = 30\n", "limits.sign_in_failures_per_account"),
            ("[limits]\nintake_per_minute = 5\n", "intake_per_minute"),
        ] {
            let e = load(&Overrides::default(), &[], Some(text)).expect_err(text).to_string();
            assert!(e.contains(key), "{e}");
        }
        let env = [("COSO_LIMITS_PASSWORD_RESET_PER_ACCOUNT_PER_HOUR", "nhiều")];
        let e = load(&Overrides::default(), &env, None).expect_err("not a number").to_string();
        assert!(e.contains("COSO_LIMITS_PASSWORD_RESET_PER_ACCOUNT_PER_HOUR") && e.contains("«nhiều»"), "{e}");
        let e = load(&Overrides::default(), &[("COSO_LIMITS_SIGN_IN_FAILURES_PER_ACCOUNT", "3")], None)
            .expect_err("below the per-address limit")
            .to_string();
        assert!(e.contains("COSO_LIMITS_SIGN_IN_FAILURES_PER_ACCOUNT") && e.contains("lớn hơn"), "{e}");
    }

    #[test]
    fn the_election_threshold_and_the_conference_window_are_configured() {
        let file = "[limits]\nelection_threshold_base = \"present\"\nconference_window_from_month = 11\n";
        let env = [("COSO_LIMITS_ELECTION_THRESHOLD_COMPARISON", "ge")];
        let l = load(&Overrides::default(), &env, Some(file)).expect("limits").limits;
        assert_eq!(l.election_threshold_base, Some(coso_domain::election::Base::Present));
        assert_eq!(l.election_threshold_comparison, Some(coso_domain::decision::Comparison::AtLeastHalf));
        assert_eq!((l.conference_window_from_month, l.conference_window_to_month), (Some(11), None));
        for (text, key) in [
            ("[limits]\nelection_threshold_base = \"attendees\"\n", "limits.election_threshold_base"),
            ("[limits]\nelection_threshold_comparison = \"most\"\n", "limits.election_threshold_comparison"),
            ("[limits]\nconference_window_from_month = 13\n", "limits.conference_window_from_month"),
            ("[limits]\nconference_window_to_month = 9\n", "limits.conference_window_to_month"),
        ] {
            let e = load(&Overrides::default(), &[], Some(text)).expect_err(text).to_string();
            assert!(e.contains(key), "{e}");
        }
    }

    #[test]
    fn the_password_never_shows() {
        let c = load(
            &Overrides::default(),
            &[("COSO_DATABASE_URL", "postgres://coso:s3cr%40t@db.internal:5432/coso?sslmode=disable")],
            None,
        )
        .expect("pg url");
        for shown in [format!("{c:?}"), c.database_url.to_string()] {
            assert!(!shown.contains("s3cr"), "{shown}");
            assert!(shown.contains("postgres://coso:***@db.internal:5432/coso"), "{shown}");
        }
        assert_eq!(redact_url("postgres://h/db?user=a&password=x"), "postgres://h/db?user=a&password=***");
        assert_eq!(redact_url("sqlite://./data/coso.db"), "sqlite://./data/coso.db");
        assert_eq!(redact_url("postgres://user@h/db"), "postgres://user@h/db");
    }
}
