-- Consultation on drafts (lấy ý kiến): the consultation and the villages asked, the sections
-- of the draft, residents' comments and supports, the counts a village brings from paper or a
-- meeting, and the answers given at the close.

-- status: draft | open | closed | answered; audience: unit | villages | staff.
CREATE TABLE consultation (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    title       TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    audience    TEXT    NOT NULL,
    opens_on    TEXT    NOT NULL,
    closes_on   TEXT    NOT NULL,
    status      TEXT    NOT NULL,
    file_name   TEXT,
    created_by  INTEGER REFERENCES app_user(id),
    created_at  TEXT    NOT NULL,
    opened_at   TEXT,
    closed_at   TEXT,
    answered_at TEXT,
    -- The disclosure of the results (item 9 of the commune's register), once published.
    disclosure_id INTEGER REFERENCES disclosure(id)
);
CREATE INDEX consultation_unit ON consultation(unit_id, opens_on);

CREATE TABLE consultation_village (
    consultation_id INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    village_id      INTEGER NOT NULL REFERENCES unit(id),
    PRIMARY KEY (consultation_id, village_id)
);

CREATE TABLE consultation_section (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    heading         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    UNIQUE (consultation_id, position)
);

-- kind: accepted | explained | not_accepted. One answer may serve a group of comments.
CREATE TABLE consultation_answer (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL,
    reason          TEXT,
    created_at      TEXT    NOT NULL
);
CREATE INDEX consultation_answer_consultation ON consultation_answer(consultation_id);

-- section_id NULL: a comment on the whole draft. author_label is how the author is shown
-- (initials or the household), fixed when the comment is given.
CREATE TABLE consultation_comment (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    section_id      INTEGER REFERENCES consultation_section(id),
    author_id       INTEGER NOT NULL REFERENCES app_user(id),
    author_label    TEXT    NOT NULL,
    village_id      INTEGER REFERENCES unit(id),
    body            TEXT    NOT NULL,
    supports        INTEGER NOT NULL DEFAULT 0,
    hidden_reason   TEXT,
    hidden_at       TEXT,
    answer_id       INTEGER REFERENCES consultation_answer(id),
    created_at      TEXT    NOT NULL
);
CREATE INDEX consultation_comment_section ON consultation_comment(consultation_id, section_id, id);

-- One support per account and comment.
CREATE TABLE consultation_support (
    comment_id INTEGER NOT NULL REFERENCES consultation_comment(id) ON DELETE CASCADE,
    user_id    INTEGER NOT NULL REFERENCES app_user(id),
    created_at TEXT    NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);

-- method: meeting | household_copy | ballot | suggestion_box | organisations | social_network.
CREATE TABLE consultation_paper (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
    section_id      INTEGER REFERENCES consultation_section(id),
    village_id      INTEGER NOT NULL REFERENCES unit(id),
    agree           INTEGER NOT NULL,
    disagree        INTEGER NOT NULL,
    method          TEXT    NOT NULL,
    collected_on    TEXT    NOT NULL,
    note            TEXT,
    entered_by      INTEGER REFERENCES app_user(id),
    created_at      TEXT    NOT NULL
);
CREATE INDEX consultation_paper_consultation ON consultation_paper(consultation_id, section_id);
