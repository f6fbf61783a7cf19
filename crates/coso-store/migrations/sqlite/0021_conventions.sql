-- Village conventions (hương ước, quy ước, Decree 61/2023): the convention of a village or
-- residential group with where it stands, its posting, the vote that adopted it (judged
-- against all households), the dossier, the commune's recognition or return and the last
-- yearly review; every version of its text; the opinions collected while it was posted.
-- Linking the vote to a community decision is left for later.

-- kind: huong_uoc | quy_uoc; status: proposed | drafting | posted | adopted | submitted |
-- in_force | returned; vote_form: meeting | ballot; outcome: adopted | not_adopted |
-- ratio_unreachable. Version columns hold a version's number.
CREATE TABLE convention (
    id                    INTEGER PRIMARY KEY,
    unit_id               INTEGER NOT NULL REFERENCES unit(id),
    kind                  TEXT    NOT NULL,
    title                 TEXT    NOT NULL,
    status                TEXT    NOT NULL,
    current_version       INTEGER NOT NULL,
    posted_version        INTEGER,
    posted_on             TEXT,
    posting_place         TEXT,
    vote_form             TEXT,
    vote_on               TEXT,
    households            INTEGER,
    present               INTEGER,
    yes                   INTEGER,
    outcome               TEXT,
    meeting_lacked_on     TEXT,
    adopted_version       INTEGER,
    adopted_on            TEXT,
    submitted_on          TEXT,
    returned_on           TEXT,
    return_reason         TEXT,
    in_force_version      INTEGER,
    recognised_on         TEXT,
    decision_number       TEXT,
    reviewed_on           TEXT,
    review_note           TEXT,
    created_by            INTEGER REFERENCES app_user(id),
    created_at            TEXT    NOT NULL,
    updated_at            TEXT    NOT NULL
);
CREATE INDEX convention_unit ON convention(unit_id, status);

CREATE TABLE convention_version (
    id            INTEGER PRIMARY KEY,
    convention_id INTEGER NOT NULL REFERENCES convention(id) ON DELETE CASCADE,
    number        INTEGER NOT NULL,
    body          TEXT    NOT NULL,
    note          TEXT,
    created_by    INTEGER REFERENCES app_user(id),
    created_at    TEXT    NOT NULL,
    UNIQUE (convention_id, number)
);

CREATE TABLE convention_opinion (
    id             INTEGER PRIMARY KEY,
    convention_id  INTEGER NOT NULL REFERENCES convention(id) ON DELETE CASCADE,
    version_number INTEGER NOT NULL,
    received_on    TEXT    NOT NULL,
    opinions       INTEGER NOT NULL,
    source         TEXT    NOT NULL,
    summary        TEXT    NOT NULL,
    created_at     TEXT    NOT NULL
);
CREATE INDEX convention_opinion_convention ON convention_opinion(convention_id, received_on);
