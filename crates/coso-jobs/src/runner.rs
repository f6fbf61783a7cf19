//! The job loop: once a day compute the reminders and write them with their mails; on every
//! tick drain the outbox. Safe with several instances on one database: the daily run is
//! leased, every written row has a dedupe key, and mails are claimed row by row.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use coso_app::App;
use coso_app::clock::{Clock, VIETNAM};
use coso_calendar::{Announcement, HolidayCalendar};
use coso_domain::UnitId;
use coso_store::{NewMail, NewNotification, NotificationBatch, StoreError};
use tokio::task::JoinHandle;

use crate::case_reminders::{case_batch, plan_case_reminders};
use crate::mail::{SendError, SmtpConfig, SmtpConfigError, SmtpSender};
use crate::reminders::{DEFAULT_OFFSETS, OVERDUE_CATCH_UP_DAYS, Reminder, plan_reminders};

/// The lease name of the daily reminder run.
pub const REMINDER_JOB: &str = "reminders";

/// How long one instance may hold the daily run before another may take it over.
const REMINDER_LEASE: TimeDelta = TimeDelta::minutes(10);

/// Mails claimed at once; the outbox is drained batch by batch.
const MAIL_BATCH: i64 = 20;

/// Retry delays after a transient failure: 1 min, 2, 4, … up to 6 hours.
const MAX_BACKOFF: TimeDelta = TimeDelta::hours(6);

#[derive(Debug, Clone)]
pub struct JobsConfig {
    /// Reminders this many working days before a due date.
    pub offsets: Vec<u32>,
    /// How often the loop wakes up.
    pub tick: Duration,
    /// This instance's name in locks (unique among instances sharing a database).
    pub instance: String,
    /// The daily run starts at the first tick after this local time (UTC+7).
    pub daily_at: NaiveTime,
    /// The public address of the site, put before links in mails (`https://coso.example.vn`).
    pub base_url: Option<String>,
    /// `None`: mails stay in the outbox until a server is configured.
    pub smtp: Option<SmtpConfig>,
}

impl Default for JobsConfig {
    fn default() -> Self {
        let host = std::env::var("HOSTNAME").unwrap_or_else(|_| "coso".to_string());
        let started = Clock::system().now().timestamp_micros();
        JobsConfig {
            offsets: DEFAULT_OFFSETS.to_vec(),
            tick: Duration::from_secs(60),
            instance: format!("{host}-{}-{started:x}", std::process::id()),
            daily_at: NaiveTime::from_hms_opt(7, 0, 0).unwrap_or(NaiveTime::MIN),
            base_url: None,
            smtp: None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Smtp(#[from] SmtpConfigError),
    #[error(transparent)]
    App(coso_app::Error),
}

/// What one run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RunReport {
    /// This instance computed today's reminders (false: already done, not yet time, or
    /// another instance holds the run).
    pub reminders_ran: bool,
    pub notifications: u64,
    pub mails_queued: u64,
    pub mails_sent: u64,
    pub mails_failed: u64,
    /// Finished cases whose personal data the retention setting removed today.
    pub personal_data_removed: u64,
    /// Citizen reception visits whose visitors' names and address it removed today.
    pub visit_data_removed: u64,
}

impl RunReport {
    pub fn is_empty(&self) -> bool {
        !self.reminders_ran
            && self.notifications == 0
            && self.mails_queued == 0
            && self.mails_sent == 0
            && self.mails_failed == 0
            && self.personal_data_removed == 0
            && self.visit_data_removed == 0
    }
}

pub struct Jobs {
    app: App,
    config: JobsConfig,
    sender: Option<SmtpSender>,
    told_no_smtp: AtomicBool,
}

impl Jobs {
    /// The jobs of `app`, whose clock they run on.
    pub fn new(app: App, config: JobsConfig) -> Result<Jobs, JobError> {
        let sender = config.smtp.as_ref().map(SmtpSender::new).transpose()?;
        Ok(Jobs { app, config, sender, told_no_smtp: AtomicBool::new(false) })
    }

    /// One tick at `now`: the daily reminders if due and not yet done anywhere, then the outbox.
    pub async fn run_once(&self, now: DateTime<Utc>) -> Result<RunReport, JobError> {
        let local = now.with_timezone(&VIETNAM);
        let today = local.date_naive();
        let mut report = RunReport::default();
        if local.time() >= self.config.daily_at
            && self.app.store().claim_daily_job(REMINDER_JOB, &self.config.instance, today, now, REMINDER_LEASE).await?
        {
            let daily = async {
                let reminded = self.remind(today, now).await?;
                let removed = coso_app::cases::remove_expired_personal_data(&self.app).await.map_err(JobError::App)?;
                // After the cases: a visit follows the cases it led to.
                let visits = coso_app::cases::remove_expired_visit_data(&self.app).await.map_err(JobError::App)?;
                Ok::<_, JobError>((reminded, removed, visits))
            };
            match daily.await {
                Ok(((notifications, mails), removed, visits)) => {
                    report.personal_data_removed = removed;
                    report.visit_data_removed = visits;
                    self.app.store().finish_daily_job(REMINDER_JOB, &self.config.instance, today).await?;
                    report.reminders_ran = true;
                    report.notifications = notifications;
                    report.mails_queued = mails;
                }
                Err(e) => {
                    // Free the lease at once so the next tick retries rather than in 10 minutes.
                    if let Err(release) = self.app.store().release_daily_job(REMINDER_JOB, &self.config.instance).await
                    {
                        tracing::warn!(error = %release, "could not release the reminder lease");
                    }
                    return Err(e);
                }
            }
        }
        let (sent, failed) = self.drain_outbox(now).await?;
        report.mails_sent = sent;
        report.mails_failed = failed;
        Ok(report)
    }

    /// Computes the reminders of `today` and writes the new ones with their mails, without
    /// the daily lease (the dedupe keys still make it idempotent). Returns how many
    /// notifications and mails were new.
    pub async fn remind(&self, today: NaiveDate, now: DateTime<Utc>) -> Result<(u64, u64), JobError> {
        let calendar = self.calendar().await?;
        let max_offset = self.config.offsets.iter().copied().max().unwrap_or(0);
        // The furthest due date with a reminder today; if the calendar cannot say, a
        // generous span in calendar days.
        let to = calendar
            .add_working_days(today, max_offset)
            .unwrap_or_else(|_| today + TimeDelta::days(i64::from(max_offset) * 2 + 14));
        let from = today - TimeDelta::days(OVERDUE_CATCH_UP_DAYS);
        let items = self.app.store().due_for_reminders(from, to).await?;
        let reminders = plan_reminders(&items, today, &calendar, &self.config.offsets);
        let open_cases: Vec<_> =
            self.app.store().open_cases_due_by(to).await?.into_iter().filter(|c| c.due_on >= Some(from)).collect();
        let case_reminders = plan_case_reminders(&open_cases, today, &calendar, &self.config.offsets);
        // Overdue findings of supervision boards go to the commune chairman's inbox, once each.
        let escalated = match coso_app::boards::escalate_overdue(&self.app, today).await {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, "overdue board findings not escalated today");
                0
            }
        };
        if reminders.is_empty() && case_reminders.is_empty() {
            return Ok((escalated, 0));
        }
        let mut batch = self.batch(&reminders).await?;
        let cases = case_batch(&self.app, &case_reminders, self.config.base_url.as_deref()).await?;
        batch.notifications.extend(cases.notifications);
        batch.mails.extend(cases.mails);
        let written = self.app.store().insert_notifications_and_mail(&batch, now).await?;
        if written.notifications > 0 || written.mails > 0 {
            tracing::info!(notifications = written.notifications, mails = written.mails, %today, "deadline reminders written");
        }
        Ok((written.notifications + escalated, written.mails))
    }

    /// Sends the mails due at `now` until none is left; returns (sent, failed).
    pub async fn drain_outbox(&self, now: DateTime<Utc>) -> Result<(u64, u64), JobError> {
        let Some(sender) = &self.sender else {
            if !self.told_no_smtp.swap(true, Ordering::Relaxed) {
                tracing::warn!("no SMTP server configured: mails stay in the outbox until one is");
            }
            return Ok((0, 0));
        };
        let (mut sent, mut failed) = (0, 0);
        loop {
            let batch = self.app.store().claim_mail(&self.config.instance, now, MAIL_BATCH).await?;
            if batch.is_empty() {
                return Ok((sent, failed));
            }
            for mail in &batch {
                match sender.send(mail).await {
                    Ok(()) => {
                        self.app.store().mark_sent(mail.id, self.app.now()).await?;
                        sent += 1;
                    }
                    Err(e) => {
                        failed += 1;
                        let retry_at = match &e {
                            SendError::Permanent(_) => None,
                            SendError::Transient(_) => Some(now + backoff(mail.attempts)),
                        };
                        tracing::warn!(mail = mail.id, attempts = mail.attempts, error = %e, "mail not sent");
                        self.app.store().mark_failed(mail.id, &self.config.instance, &e.to_string(), retry_at).await?;
                    }
                }
            }
        }
    }

    /// Runs [`Jobs::run_once`] every `config.tick` until `shutdown` completes. A run in
    /// progress is finished first (a run cut short would only leave work for the next one).
    pub fn spawn(self, shutdown: impl Future<Output = ()> + Send + 'static) -> JoinHandle<()> {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(self.config.tick);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Skip);
            tokio::pin!(shutdown);
            loop {
                tokio::select! {
                    _ = &mut shutdown => break,
                    _ = ticks.tick() => {
                        match self.run_once(self.app.now()).await {
                            Ok(report) if !report.is_empty() => tracing::info!(?report, "background jobs ran"),
                            Ok(_) => {}
                            Err(e) => tracing::error!(error = %e, "background jobs failed; retrying on the next tick"),
                        }
                    }
                }
            }
        })
    }

    /// The working-day calendar with the announcements stored at run time; a stored
    /// announcement that does not parse is logged and left out (the built-in rule applies).
    async fn calendar(&self) -> Result<HolidayCalendar, JobError> {
        let mut extra = Vec::new();
        for (year, body) in self.app.store().holiday_announcements().await? {
            match Announcement::from_json(&body) {
                Ok(a) if a.validate().is_ok() => extra.push(a),
                Ok(_) | Err(_) => {
                    tracing::warn!(year, "stored holiday announcement is invalid; using the built-in rule")
                }
            }
        }
        Ok(HolidayCalendar::new(extra).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "holiday announcements rejected; using the built-in calendar");
            HolidayCalendar::builtin().clone()
        }))
    }

    /// One notification per unit and one mail per official of the unit.
    async fn batch(&self, reminders: &[Reminder]) -> Result<NotificationBatch, JobError> {
        let mut batch = NotificationBatch::default();
        let mut officials = HashMap::new();
        for r in reminders {
            batch.notifications.push(NewNotification {
                unit_id: r.item.unit_id,
                user_id: None,
                kind: r.kind.notification_kind(),
                title: r.title.clone(),
                body: r.body.clone(),
                link: r.link.to_string(),
                occurrence_id: Some(r.item.occurrence_id),
                dedupe_key: r.dedupe_key.clone(),
            });
            if let Entry::Vacant(slot) = officials.entry(r.item.unit_id) {
                slot.insert(self.app.store().officials_of_unit(UnitId(r.item.unit_id)).await?);
            }
            for person in officials.get(&r.item.unit_id).into_iter().flatten() {
                batch.mails.push(NewMail {
                    to_addr: person.email.clone(),
                    subject: r.title.clone(),
                    body: mail_body(&person.display_name, r, self.config.base_url.as_deref()),
                    dedupe_key: format!("{}:mail:{}", r.dedupe_key, person.user_id),
                });
            }
        }
        Ok(batch)
    }
}

fn mail_body(name: &str, r: &Reminder, base_url: Option<&str>) -> String {
    let link = match base_url {
        Some(base) => format!("{}{}", base.trim_end_matches('/'), r.link),
        None => r.link.to_string(),
    };
    format!(
        "Kính gửi {name},\n\n{}\n\n{}\n\nXem hộp thư của đơn vị: {link}\n\n--\nThư gửi tự động từ hệ thống coso; vui lòng không trả lời thư này.\n",
        r.title, r.body
    )
}

fn backoff(attempts: i64) -> TimeDelta {
    let exp = u32::try_from(attempts.saturating_sub(1).clamp(0, 16)).unwrap_or(16);
    TimeDelta::minutes(1i64 << exp).min(MAX_BACKOFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_six_hours() {
        assert_eq!(backoff(1), TimeDelta::minutes(1));
        assert_eq!(backoff(2), TimeDelta::minutes(2));
        assert_eq!(backoff(5), TimeDelta::minutes(16));
        assert_eq!(backoff(40), TimeDelta::hours(6));
    }
}
