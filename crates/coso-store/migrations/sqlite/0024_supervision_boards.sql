-- Supervision boards (Law 10/2022 Art. 36–41): the People's Inspection Board of a commune or an
-- agency and the community investment supervision board of one project; their members, yearly
-- plans, activities with photos, findings sent to units with their answers, and reports.

-- kind: inspection | investment; status: active | dissolved; reports: quarterly | half_yearly.
-- project_key is the project's name folded, for GS-1 (one board per project).
CREATE TABLE board (
    id             INTEGER PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES unit(id),
    kind           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    reports        TEXT    NOT NULL,
    elected_by     TEXT    NOT NULL,
    elected_on     TEXT    NOT NULL,
    project_name   TEXT,
    project_key    TEXT,
    project_investor TEXT,
    project_budget INTEGER,
    project_contributions INTEGER,
    project_starts_on TEXT,
    project_ends_on   TEXT,
    dissolved_on   TEXT,
    dissolved_reason TEXT,
    created_at     TEXT    NOT NULL
);
CREATE INDEX board_unit ON board(unit_id, kind);
-- BTT-2 / BTT-6: one working People's Inspection Board per commune or agency.
CREATE UNIQUE INDEX board_one_inspection ON board(unit_id) WHERE kind = 'inspection' AND status = 'active';
-- GS-1: one working board per project.
CREATE UNIQUE INDEX board_one_per_project ON board(unit_id, project_key) WHERE kind = 'investment' AND status = 'active';

-- role: head | deputy | member; source: front | inspection_board | resident.
CREATE TABLE board_member (
    id         INTEGER PRIMARY KEY,
    board_id   INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    sort_key   TEXT    NOT NULL,
    role       TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    village_id INTEGER REFERENCES unit(id),
    user_id    INTEGER REFERENCES app_user(id),
    UNIQUE (board_id, position)
);
CREATE INDEX board_member_user ON board_member(user_id);

CREATE TABLE board_plan (
    board_id   INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    year       INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    updated_at TEXT    NOT NULL,
    PRIMARY KEY (board_id, year)
);

-- kind: supervision | visit.
CREATE TABLE board_activity (
    id         INTEGER PRIMARY KEY,
    board_id   INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    held_on    TEXT    NOT NULL,
    notes      TEXT,
    created_at TEXT    NOT NULL
);
CREATE INDEX board_activity_board ON board_activity(board_id, held_on);

-- Photos of a visit, without their metadata (cases::photos).
CREATE TABLE board_photo (
    id           INTEGER PRIMARY KEY,
    activity_id  INTEGER NOT NULL REFERENCES board_activity(id) ON DELETE CASCADE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    data         BLOB    NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX board_photo_activity ON board_photo(activity_id);

-- status: sent | answered | closed. escalated_at: when the overdue finding went to the commune
-- chairman.
CREATE TABLE board_finding (
    id          INTEGER PRIMARY KEY,
    board_id    INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    activity_id INTEGER REFERENCES board_activity(id),
    to_unit_id  INTEGER NOT NULL REFERENCES unit(id),
    subject     TEXT    NOT NULL,
    body        TEXT    NOT NULL,
    sent_on     TEXT    NOT NULL,
    due_on      TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    escalated_at TEXT,
    answer      TEXT,
    answered_on TEXT,
    answered_by INTEGER REFERENCES app_user(id),
    closed_on   TEXT,
    created_at  TEXT    NOT NULL
);
CREATE INDEX board_finding_board ON board_finding(board_id, sent_on);
-- The overdue overview and the daily escalation walk the findings waiting for an answer.
CREATE INDEX board_finding_waiting ON board_finding(due_on) WHERE status = 'sent';

-- period_key: 2026-Q1 … or 2026-H1 / 2026 (the second half).
CREATE TABLE board_report (
    id         INTEGER PRIMARY KEY,
    board_id   INTEGER NOT NULL REFERENCES board(id) ON DELETE CASCADE,
    period_key TEXT    NOT NULL,
    summary    TEXT    NOT NULL,
    sent_on    TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (board_id, period_key)
);
