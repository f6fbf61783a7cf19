-- Plans, their tasks and targets, the obligations they put on target units, report templates,
-- and the submissions (implementing plans and reports) with every version kept.
-- Dates are TEXT 'YYYY-MM-DD'; instants are TEXT (RFC 3339, UTC); JSON is TEXT.

CREATE TABLE report_template (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    -- JSON of coso_domain::report::Template: indicators, narrative sections, criteria, rank bands.
    definition  TEXT    NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL
);

CREATE TABLE plan (
    id             INTEGER PRIMARY KEY,
    -- The issuing unit.
    unit_id        INTEGER NOT NULL REFERENCES unit(id),
    -- An implementing plan points to the plan it implements: the cascade walked upward.
    parent_plan_id INTEGER REFERENCES plan(id),
    number         TEXT,
    issued_on      TEXT,
    title          TEXT    NOT NULL,
    year           INTEGER NOT NULL,
    -- JSON array of coso_documents::CitedDocument.
    legal_bases    TEXT    NOT NULL DEFAULT '[]',
    -- JSON array of coso_documents::Section (the section tree with its text).
    sections       TEXT    NOT NULL DEFAULT '[]',
    -- JSON of the whole coso_documents::Document, for rendering in the official format.
    document       TEXT,
    search_text    TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    created_by     TEXT    NOT NULL
);
CREATE INDEX plan_unit ON plan(unit_id, year);
CREATE INDEX plan_parent ON plan(parent_plan_id);

CREATE TABLE plan_task (
    id             INTEGER PRIMARY KEY,
    plan_id        INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL,
    text           TEXT    NOT NULL,
    lead_unit_id   INTEGER REFERENCES unit(id),
    -- The lead and partners as written in the document, when they match no unit.
    lead_text      TEXT,
    partner_text   TEXT    NOT NULL DEFAULT '[]',
    due_date       TEXT,
    -- 'MM-DD': due every year on that day.
    due_recurring  TEXT,
    -- not_started | in_progress | done (overdue is derived from the due date).
    status         TEXT    NOT NULL DEFAULT 'not_started',
    progress       INTEGER NOT NULL DEFAULT 0,
    updated_at     TEXT    NOT NULL
);
CREATE INDEX plan_task_plan ON plan_task(plan_id, position);
CREATE INDEX plan_task_lead ON plan_task(lead_unit_id);

CREATE TABLE plan_task_partner (
    task_id INTEGER NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES unit(id),
    PRIMARY KEY (task_id, unit_id)
);

CREATE TABLE task_note (
    id         INTEGER PRIMARY KEY,
    task_id    INTEGER NOT NULL REFERENCES plan_task(id) ON DELETE CASCADE,
    body       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    created_by TEXT    NOT NULL
);

-- Evidence files of tasks and reports, stored in the database so that one file is the backup.
CREATE TABLE evidence_file (
    id           INTEGER PRIMARY KEY,
    task_id      INTEGER REFERENCES plan_task(id) ON DELETE CASCADE,
    submission_id INTEGER,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    data         BLOB    NOT NULL,
    created_at   TEXT    NOT NULL,
    created_by   TEXT    NOT NULL
);
CREATE INDEX evidence_task ON evidence_file(task_id);
CREATE INDEX evidence_submission ON evidence_file(submission_id);

-- The units that must act on a plan.
CREATE TABLE plan_target (
    plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    unit_id INTEGER NOT NULL REFERENCES unit(id),
    PRIMARY KEY (plan_id, unit_id)
);
CREATE INDEX plan_target_unit ON plan_target(unit_id);

-- What every target unit of a plan must send: its implementing plan, or a report for a period.
CREATE TABLE obligation (
    id               INTEGER PRIMARY KEY,
    plan_id          INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    position         INTEGER NOT NULL,
    -- implementing_plan | report
    kind             TEXT    NOT NULL,
    -- monthly | quarterly | six_month | nine_month | annual | ad_hoc (NULL for implementing_plan)
    period           TEXT,
    due_date         TEXT,
    -- 'MM-DD': due every year on that day.
    due_recurring    TEXT,
    receiver_unit_id INTEGER NOT NULL REFERENCES unit(id),
    template_id      INTEGER REFERENCES report_template(id),
    -- The sentence of the document the obligation was read from.
    raw              TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX obligation_plan ON obligation(plan_id, position);
-- What a unit has received to review.
CREATE INDEX obligation_receiver ON obligation(receiver_unit_id);

-- One concrete occurrence of an obligation: the 6-month report of 2026, due 2026-06-14.
CREATE TABLE obligation_occurrence (
    id            INTEGER PRIMARY KEY,
    obligation_id INTEGER NOT NULL REFERENCES obligation(id) ON DELETE CASCADE,
    -- '2026', '2026-H1', '2026-Q3', '2026-05', or '' for a one-off.
    period_key    TEXT    NOT NULL,
    due_date      TEXT,
    UNIQUE (obligation_id, period_key)
);
CREATE INDEX occurrence_due ON obligation_occurrence(due_date);

-- What a target unit sent for an occurrence. The current state; every version is in
-- submission_version.
CREATE TABLE submission (
    id                  INTEGER PRIMARY KEY,
    occurrence_id       INTEGER NOT NULL REFERENCES obligation_occurrence(id) ON DELETE CASCADE,
    unit_id             INTEGER NOT NULL REFERENCES unit(id),
    -- submitted | accepted | returned
    status              TEXT    NOT NULL,
    version             INTEGER NOT NULL,
    -- The local date (UTC+7) of the first submission: on time or late is judged on it.
    first_submitted_on  TEXT    NOT NULL,
    submitted_at        TEXT    NOT NULL,
    implementing_plan_id INTEGER REFERENCES plan(id),
    -- JSON object indicator code → number, of the current version.
    indicator_values    TEXT    NOT NULL DEFAULT '{}',
    score               REAL,
    rank                TEXT,
    UNIQUE (occurrence_id, unit_id)
);
CREATE INDEX submission_unit ON submission(unit_id);

CREATE TABLE submission_version (
    id             INTEGER PRIMARY KEY,
    submission_id  INTEGER NOT NULL REFERENCES submission(id) ON DELETE CASCADE,
    version        INTEGER NOT NULL,
    -- JSON of coso_domain::report::ReportContent: indicator values, narrative, self-assessment.
    content        TEXT    NOT NULL,
    score          REAL,
    rank           TEXT,
    submitted_at   TEXT    NOT NULL,
    submitted_by   TEXT    NOT NULL,
    -- accepted | returned, with the reviewer's comment; NULL while waiting.
    review         TEXT,
    review_comment TEXT,
    reviewed_at    TEXT,
    reviewed_by    TEXT,
    UNIQUE (submission_id, version)
);
