//! Sign-in backoff instead of a lock: after repeated failures for one e-mail from one address
//! (and, looser, for one e-mail from every address), the next attempt waits a delay that
//! doubles with each further failure, up to a cap. A count is forgotten once the cap has
//! passed since its last failure, so the first try after a wait is never refused again.

use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};
use coso_store::{FailedSignIns, LoginFailures};

/// The wait after the failure that reaches a limit; each further failure doubles it.
pub const FIRST_DELAY: Duration = Duration::minutes(1);

/// When failed sign-ins make the next attempt wait.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignInLimits {
    /// Failures for one e-mail from one address before its attempts must wait.
    pub failures_per_address: i64,
    /// Failures for one e-mail from every address before every attempt must wait. Only an
    /// address that is not waiting yet adds to it, so one address alone never reaches it when
    /// it is above [`SignInLimits::failures_per_address`]: an attacker's address does not lock
    /// the real user out from another one.
    pub failures_per_account: i64,
    /// The longest wait, and how long a count is remembered after its last failure.
    pub backoff_cap: Duration,
}

impl Default for SignInLimits {
    fn default() -> Self {
        SignInLimits { failures_per_address: 5, failures_per_account: 20, backoff_cap: Duration::minutes(15) }
    }
}

impl SignInLimits {
    /// Counts whose last failure is older than this are forgotten.
    pub fn window_start(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        now - self.backoff_cap
    }

    /// The wait after `failures` failures when `limit` are allowed: none below the limit, then
    /// [`FIRST_DELAY`] doubled per further failure, at most the cap.
    pub fn delay(&self, failures: i64, limit: i64) -> Duration {
        if failures < limit {
            return Duration::zero();
        }
        let doublings = u32::try_from((failures - limit).min(20)).unwrap_or(20);
        (FIRST_DELAY * (1i32 << doublings)).min(self.backoff_cap)
    }

    /// Until when an attempt with these counts must wait; `None` when it may be tried now.
    pub fn wait_until(&self, counts: &FailedSignIns, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let until = |f: Option<LoginFailures>, limit: i64| f.map(|f| f.last_failure_at + self.delay(f.failures, limit));
        [until(counts.pair, self.failures_per_address), until(counts.account, self.failures_per_account)]
            .into_iter()
            .flatten()
            .filter(|t| *t > now)
            .max()
    }

    /// Whether a failure from this address still adds to the e-mail's count across addresses.
    pub fn counts_for_account(&self, counts: &FailedSignIns) -> bool {
        counts.pair.is_none_or(|p| p.failures < self.failures_per_address)
    }
}

/// The address a count is kept for: IPv4 as it is, IPv6 by its /64 network (one subscriber
/// usually holds a whole /64 and could otherwise change address at every attempt).
pub fn address_key(ip: IpAddr) -> String {
    match ip.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
    }
}

/// The refusal shown while an attempt must wait. The same for every e-mail, known or not.
pub fn wait_message(until: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (until - now).num_seconds().max(1);
    let minutes = (seconds + 59) / 60;
    format!(
        "Đăng nhập sai nhiều lần liên tiếp. Vui lòng thử lại sau {minutes} phút (từ {} giờ Việt Nam).",
        coso_domain::clock::vietnam_time_text(until)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(minute: i64) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-05T03:00:00Z").expect("time").to_utc() + Duration::minutes(minute)
    }

    #[test]
    fn the_delay_doubles_from_the_limit_up_to_the_cap() {
        let l = SignInLimits::default();
        let minutes: Vec<i64> = (3..=12).map(|f| l.delay(f, 5).num_minutes()).collect();
        assert_eq!(minutes, [0, 0, 1, 2, 4, 8, 15, 15, 15, 15]);
        assert_eq!(l.delay(i64::MAX, 5), Duration::minutes(15), "no overflow");
    }

    #[test]
    fn the_longer_of_the_two_waits_applies_and_ends() {
        let l = SignInLimits::default();
        let counts = FailedSignIns {
            pair: Some(LoginFailures { failures: 5, last_failure_at: at(0) }),
            account: Some(LoginFailures { failures: 21, last_failure_at: at(0) }),
        };
        assert_eq!(l.wait_until(&counts, at(0)), Some(at(2)));
        assert_eq!(l.wait_until(&counts, at(2)), None);
        assert!(!l.counts_for_account(&counts), "an address already waiting adds nothing more");
        assert!(l.counts_for_account(&FailedSignIns::default()));
    }

    #[test]
    fn ipv6_is_kept_by_network() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().expect("ip");
        let b: IpAddr = "2001:db8:1:2:bbbb::9".parse().expect("ip");
        assert_eq!(address_key(a), address_key(b));
        assert_eq!(address_key("::ffff:10.0.0.1".parse().expect("ip")), "10.0.0.1");
    }

    #[test]
    fn the_wait_message_says_when() {
        let m = wait_message(at(2), at(0) + Duration::seconds(30));
        assert!(m.contains("2 phút") && m.contains("10:02 05/12/2026"), "{m}");
    }
}
