-- Background jobs: in-app notifications, the e-mail outbox, and the lease of daily jobs.
-- Dates are TEXT 'YYYY-MM-DD'; instants are TEXT (RFC 3339, UTC).
--
-- A lease table instead of the generic `job` queue of the stack notes: the only recurring
-- job (deadline reminders) recomputes everything from the plans for the day, so it has no
-- payload to queue and may simply run again; the work that must survive a crash and be
-- retried is mail, and mail_outbox is its own queue (claim, lock expiry, backoff, dedupe).
-- job_lease only makes one instance at a time run a named job, at most once per local day.
-- Every row a job writes carries a dedupe_key, so a repeated run inserts nothing new.

CREATE TABLE notification (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    -- NULL: addressed to the unit, seen by every official of it.
    user_id       INTEGER REFERENCES app_user(id) ON DELETE CASCADE,
    -- reminder | overdue
    kind          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    link          TEXT    NOT NULL,
    occurrence_id INTEGER REFERENCES obligation_occurrence(id) ON DELETE CASCADE,
    created_at    TEXT    NOT NULL,
    read_at       TEXT,
    dedupe_key    TEXT    NOT NULL UNIQUE
);
CREATE INDEX notification_unit ON notification(unit_id, id);
CREATE INDEX notification_user ON notification(user_id, id);

CREATE TABLE mail_outbox (
    id              INTEGER PRIMARY KEY,
    to_addr         TEXT    NOT NULL,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    dedupe_key      TEXT    NOT NULL UNIQUE,
    created_at      TEXT    NOT NULL,
    -- Claims so far (a claim counts even if the sender crashes before reporting).
    attempts        INTEGER NOT NULL DEFAULT 0,
    -- When the mail may be tried (again); NULL once sent or given up.
    next_attempt_at TEXT,
    -- The instance sending it, until locked_until (after that another may take it over).
    locked_by       TEXT,
    locked_until    TEXT,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at);

CREATE TABLE job_lease (
    name         TEXT PRIMARY KEY,
    holder       TEXT,
    leased_until TEXT,
    -- The local date (UTC+7) of the last completed run.
    last_run_on  TEXT
);
