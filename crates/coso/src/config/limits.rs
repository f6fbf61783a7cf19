//! `[limits]`: how often sign-in, password reset and public intake may be tried, per IP address
//! and per account. Each key may also come from `COSO_LIMITS_<KEY>` (upper case), which wins
//! over the file; a missing key keeps the default of coso-web or coso-app.

use std::fmt::Display;
use std::ops::RangeInclusive;
use std::str::FromStr;

use serde::Deserialize;

use super::ConfigError;

/// The limits; `None` keeps the default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LimitsConfig {
    /// Sign-in attempts per minute from one IP address.
    pub sign_in_per_ip_per_minute: Option<u32>,
    /// Failed sign-ins for one account from one IP address before attempts wait.
    pub sign_in_failures_per_address: Option<i64>,
    /// Failed sign-ins for one account from every address before attempts wait.
    pub sign_in_failures_per_account: Option<i64>,
    /// The longest wait after failed sign-ins, in minutes.
    pub sign_in_backoff_cap_minutes: Option<i64>,
    /// Password reset requests per hour from one IP address.
    pub password_reset_per_ip_per_hour: Option<u32>,
    /// Password reset mails per hour to one account.
    pub password_reset_per_account_per_hour: Option<i64>,
    /// How long a password reset link may be used, in minutes.
    pub password_reset_link_minutes: Option<i64>,
    /// How long the link that verifies a resident's e-mail may be used, in hours.
    pub email_verification_link_hours: Option<i64>,
    /// Public intake submissions per minute from one IP address.
    pub intake_per_ip_per_minute: Option<u32>,
    /// Open311 requests per minute from one client known by its `api_key`.
    pub open311_client_per_minute: Option<u32>,
    /// The shortest posting of a disclosure, in days (PUB-6, unverified; default 30).
    pub disclosure_posting_min_days: Option<u32>,
    /// Days after its content is adopted or received within which a disclosure is due (PUB-6,
    /// unverified; default 2).
    pub disclosure_publish_within_days: Option<u32>,
    /// Days a finished case keeps its sender's personal data after its last step; 0 keeps
    /// it for ever (default 1826, five years).
    pub closed_case_personal_data_days: Option<u32>,
    /// How many days before 18 November a convention's review counts as that year's (HU-7,
    /// unverified; default 30).
    pub convention_review_window_days: Option<u32>,
    /// Days between a community meeting's invitation and the meeting (unverified; default 5).
    pub decision_invitation_days_before: Option<u32>,
    /// Days between the reminder and the meeting (unverified; default 1).
    pub decision_reminder_days_before: Option<u32>,
    /// What a village-head or board election's count is held against (VH-5, unverified):
    /// `households` (default) or `present`.
    pub election_threshold_base: Option<coso_domain::election::Base>,
    /// How the count compares with half of it (VH-5, unverified): `gt`, more than half
    /// (default), or `ge`, at least half; community decisions on matters (4)–(5) follow it.
    pub election_threshold_comparison: Option<coso_domain::decision::Comparison>,
    /// The first and last month of the year an annual community conference counts in
    /// (CONF-1; default 10 and 12).
    pub conference_window_from_month: Option<u32>,
    pub conference_window_to_month: Option<u32>,
}

/// The `[limits]` table of the file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FileLimits {
    sign_in_per_ip_per_minute: Option<u32>,
    sign_in_failures_per_address: Option<i64>,
    sign_in_failures_per_account: Option<i64>,
    sign_in_backoff_cap_minutes: Option<i64>,
    password_reset_per_ip_per_hour: Option<u32>,
    password_reset_per_account_per_hour: Option<i64>,
    password_reset_link_minutes: Option<i64>,
    email_verification_link_hours: Option<i64>,
    intake_per_ip_per_minute: Option<u32>,
    open311_client_per_minute: Option<u32>,
    disclosure_posting_min_days: Option<u32>,
    disclosure_publish_within_days: Option<u32>,
    closed_case_personal_data_days: Option<u32>,
    convention_review_window_days: Option<u32>,
    decision_invitation_days_before: Option<u32>,
    decision_reminder_days_before: Option<u32>,
    election_threshold_base: Option<String>,
    election_threshold_comparison: Option<String>,
    conference_window_from_month: Option<u32>,
    conference_window_to_month: Option<u32>,
}

/// The defaults the cross-check between keys assumes when one is missing (coso-app's).
const DEFAULT_FAILURES_PER_ADDRESS: i64 = 5;
const DEFAULT_FAILURES_PER_ACCOUNT: i64 = 20;

impl LimitsConfig {
    /// Reads `[limits]` with the environment over the file. `older_*` are the earlier names
    /// `web.login_attempts_per_minute` and `web.max_failed_logins`, used when the new key is
    /// absent.
    pub(super) fn read(
        file: FileLimits,
        env: &dyn Fn(&str) -> Option<String>,
        from_file: &dyn Fn(&str) -> String,
        older_per_minute: Option<u32>,
        older_failures: Option<i64>,
    ) -> Result<LimitsConfig, ConfigError> {
        let read = Reader { env, from_file };
        let c = LimitsConfig {
            sign_in_per_ip_per_minute: read
                .key(
                    "sign_in_per_ip_per_minute",
                    file.sign_in_per_ip_per_minute,
                    1..=10_000,
                    "cần số lần từ 1 đến 10000 mỗi phút (expected 1–10000)",
                )?
                .or(older_per_minute),
            sign_in_failures_per_address: read
                .key(
                    "sign_in_failures_per_address",
                    file.sign_in_failures_per_address,
                    1..=1_000,
                    "cần số lần sai từ 1 đến 1000 (expected 1–1000)",
                )?
                .or(older_failures),
            sign_in_failures_per_account: read.key(
                "sign_in_failures_per_account",
                file.sign_in_failures_per_account,
                2..=10_000,
                "cần số lần sai từ 2 đến 10000 (expected 2–10000)",
            )?,
            sign_in_backoff_cap_minutes: read.key(
                "sign_in_backoff_cap_minutes",
                file.sign_in_backoff_cap_minutes,
                1..=1_440,
                "cần số phút từ 1 đến 1440 (expected 1–1440 minutes)",
            )?,
            password_reset_per_ip_per_hour: read.key(
                "password_reset_per_ip_per_hour",
                file.password_reset_per_ip_per_hour,
                1..=10_000,
                "cần số lần từ 1 đến 10000 mỗi giờ (expected 1–10000)",
            )?,
            password_reset_per_account_per_hour: read.key(
                "password_reset_per_account_per_hour",
                file.password_reset_per_account_per_hour,
                1..=100,
                "cần số thư từ 1 đến 100 mỗi giờ (expected 1–100)",
            )?,
            password_reset_link_minutes: read.key(
                "password_reset_link_minutes",
                file.password_reset_link_minutes,
                5..=1_440,
                "cần số phút từ 5 đến 1440 (expected 5–1440 minutes)",
            )?,
            email_verification_link_hours: read.key(
                "email_verification_link_hours",
                file.email_verification_link_hours,
                1..=720,
                "cần số giờ từ 1 đến 720 (expected 1–720 hours)",
            )?,
            intake_per_ip_per_minute: read.key(
                "intake_per_ip_per_minute",
                file.intake_per_ip_per_minute,
                // Up to a gateway's or a load test's rate: every request from one address.
                1..=10_000_000,
                "cần số lần từ 1 đến 10000000 mỗi phút (expected 1–10000000)",
            )?,
            open311_client_per_minute: read.key(
                "open311_client_per_minute",
                file.open311_client_per_minute,
                1..=10_000_000,
                "cần số lần từ 1 đến 10000000 mỗi phút (expected 1–10000000)",
            )?,
            disclosure_posting_min_days: read.key(
                "disclosure_posting_min_days",
                file.disclosure_posting_min_days,
                1..=365,
                "cần số ngày từ 1 đến 365 (expected 1–365 days)",
            )?,
            disclosure_publish_within_days: read.key(
                "disclosure_publish_within_days",
                file.disclosure_publish_within_days,
                0..=365,
                "cần số ngày từ 0 đến 365 (expected 0–365 days)",
            )?,
            closed_case_personal_data_days: read.key(
                "closed_case_personal_data_days",
                file.closed_case_personal_data_days,
                0..=36_500,
                "cần số ngày từ 0 (giữ mãi) đến 36500 (expected 0–36500 days)",
            )?,
            convention_review_window_days: read.key(
                "convention_review_window_days",
                file.convention_review_window_days,
                0..=180,
                "cần số ngày từ 0 đến 180 (expected 0–180 days)",
            )?,
            decision_invitation_days_before: read.key(
                "decision_invitation_days_before",
                file.decision_invitation_days_before,
                1..=60,
                "cần số ngày từ 1 đến 60 (expected 1–60 days)",
            )?,
            decision_reminder_days_before: read.key(
                "decision_reminder_days_before",
                file.decision_reminder_days_before,
                0..=30,
                "cần số ngày từ 0 đến 30 (expected 0–30 days)",
            )?,
            election_threshold_base: read.choice(
                "election_threshold_base",
                file.election_threshold_base,
                |code| coso_domain::election::Base::ALL.into_iter().find(|b| b.as_str() == code),
                "cần households hoặc present (expected households or present)",
            )?,
            election_threshold_comparison: read.choice(
                "election_threshold_comparison",
                file.election_threshold_comparison,
                |code| code.parse().ok(),
                "cần gt (trên 50%) hoặc ge (từ 50% trở lên) (expected gt or ge)",
            )?,
            conference_window_from_month: read.key(
                "conference_window_from_month",
                file.conference_window_from_month,
                1..=12,
                "cần tháng từ 1 đến 12 (expected 1–12)",
            )?,
            conference_window_to_month: read.key(
                "conference_window_to_month",
                file.conference_window_to_month,
                1..=12,
                "cần tháng từ 1 đến 12 (expected 1–12)",
            )?,
        };
        let window = coso_domain::conference::Window::default();
        let (from, to) = (
            c.conference_window_from_month.unwrap_or(window.from_month),
            c.conference_window_to_month.unwrap_or(window.to_month),
        );
        if to < from {
            return Err(ConfigError::Invalid {
                key: read.name("conference_window_to_month"),
                value: to.to_string(),
                expected: "cần không trước conference_window_from_month (expected no earlier than conference_window_from_month)",
            });
        }
        let per_address = c.sign_in_failures_per_address.unwrap_or(DEFAULT_FAILURES_PER_ADDRESS);
        let per_account = c.sign_in_failures_per_account.unwrap_or(DEFAULT_FAILURES_PER_ACCOUNT);
        if per_account <= per_address {
            return Err(ConfigError::Invalid {
                key: read.name("sign_in_failures_per_account"),
                value: per_account.to_string(),
                expected: "cần lớn hơn sign_in_failures_per_address, để một địa chỉ IP không khóa được người dùng ở địa chỉ khác (expected more than sign_in_failures_per_address)",
            });
        }
        Ok(c)
    }
}

struct Reader<'a> {
    env: &'a dyn Fn(&str) -> Option<String>,
    from_file: &'a dyn Fn(&str) -> String,
}

impl Reader<'_> {
    fn env_var(key: &str) -> String {
        format!("COSO_LIMITS_{}", key.to_ascii_uppercase())
    }

    /// The name an error gives the key: the variable when it is set, else the file's key.
    fn name(&self, key: &str) -> String {
        let var = Self::env_var(key);
        if (self.env)(&var).is_some() { var } else { (self.from_file)(&format!("limits.{key}")) }
    }

    /// A key whose value is one of a few codes, read by `parse`.
    fn choice<T>(
        &self,
        key: &str,
        file_value: Option<String>,
        parse: impl Fn(&str) -> Option<T>,
        expected: &'static str,
    ) -> Result<Option<T>, ConfigError> {
        let var = Self::env_var(key);
        let (raw, name) = match (self.env)(&var) {
            Some(v) => (Some(v), var),
            None => (file_value, (self.from_file)(&format!("limits.{key}"))),
        };
        let Some(raw) = raw else { return Ok(None) };
        parse(raw.trim()).map(Some).ok_or(ConfigError::Invalid { key: name, value: raw, expected })
    }

    fn key<T: FromStr + PartialOrd + Display + Copy>(
        &self,
        key: &str,
        file_value: Option<T>,
        range: RangeInclusive<T>,
        expected: &'static str,
    ) -> Result<Option<T>, ConfigError> {
        let var = Self::env_var(key);
        let (raw, name) = match (self.env)(&var) {
            Some(v) => (Some(v), var),
            None => (file_value.map(|v| v.to_string()), (self.from_file)(&format!("limits.{key}"))),
        };
        let Some(raw) = raw else { return Ok(None) };
        match raw.trim().parse::<T>() {
            Ok(n) if range.contains(&n) => Ok(Some(n)),
            _ => Err(ConfigError::Invalid { key: name, value: raw, expected }),
        }
    }
}
