-- Inspections of how units carry out grassroots democracy (kiểm tra việc thực hiện QCDC): the
-- inspection a unit plans of a unit below it (or of itself), its team, the checklist copied from
-- a report template's criteria with the finding on each, evidence files, the conclusion, the
-- remediation tasks it ordered, and the disclosure that published its result.

-- kind: scheduled | surprise | self; status: planned | in_progress | concluded | closed.
CREATE TABLE inspection (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    target_id     INTEGER NOT NULL REFERENCES unit(id),
    kind          TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    subject       TEXT    NOT NULL,
    starts_on     TEXT    NOT NULL,
    ends_on       TEXT,
    template_code TEXT    NOT NULL,
    conclusion    TEXT,
    concluded_on  TEXT,
    closed_on     TEXT,
    disclosure_id INTEGER REFERENCES disclosure(id),
    created_at    TEXT    NOT NULL
);
CREATE INDEX inspection_unit ON inspection(unit_id, starts_on);
CREATE INDEX inspection_target ON inspection(target_id, starts_on);

-- role: head | deputy | member | secretary.
CREATE TABLE inspection_member (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    sort_key      TEXT    NOT NULL,
    role          TEXT    NOT NULL,
    user_id       INTEGER REFERENCES app_user(id),
    UNIQUE (inspection_id, position)
);
CREATE INDEX inspection_member_user ON inspection_member(user_id);

-- verdict: met | partly | not_met, NULL until assessed.
CREATE TABLE inspection_criterion (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    code          TEXT    NOT NULL,
    label         TEXT    NOT NULL,
    guidance      TEXT    NOT NULL,
    verdict       TEXT,
    note          TEXT,
    assessed_at   TEXT,
    UNIQUE (inspection_id, code)
);

-- status: open | done; overdue is read from due_on.
CREATE TABLE inspection_remediation (
    id            INTEGER PRIMARY KEY,
    inspection_id INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    title         TEXT    NOT NULL,
    lead_unit_id  INTEGER NOT NULL REFERENCES unit(id),
    due_on        TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    done_on       TEXT,
    done_note     TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX inspection_remediation_of ON inspection_remediation(inspection_id);
-- The tasks a lead unit still has to finish, by deadline.
CREATE INDEX inspection_remediation_open ON inspection_remediation(lead_unit_id, due_on) WHERE status = 'open';

-- Evidence of a finding (criterion_id) or of a remediation task (remediation_id).
CREATE TABLE inspection_evidence (
    id             INTEGER PRIMARY KEY,
    inspection_id  INTEGER NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    criterion_id   INTEGER REFERENCES inspection_criterion(id) ON DELETE CASCADE,
    remediation_id INTEGER REFERENCES inspection_remediation(id) ON DELETE CASCADE,
    file_name      TEXT    NOT NULL,
    content_type   TEXT    NOT NULL,
    data           BLOB    NOT NULL,
    created_at     TEXT    NOT NULL
);
CREATE INDEX inspection_evidence_of ON inspection_evidence(inspection_id);
