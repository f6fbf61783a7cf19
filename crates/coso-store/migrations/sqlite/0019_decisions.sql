-- Community decisions (Nhân dân bàn và quyết định): the decision with its result, the villages
-- a whole-commune decision asks, and the households eligible, snapshotted from the register at
-- opening with their representatives and whether each attended.

-- matter: 1–6 (DEC-1); form: meeting | ballot | online; status: open | closed;
-- comparison: gt | ge (against all households); outcome: adopted | not_adopted | ratio_unreachable;
-- voting_method: show_of_hands | secret_ballot. counting_board: a JSON array of names.
CREATE TABLE decision (
    id              INTEGER PRIMARY KEY,
    unit_id         INTEGER NOT NULL REFERENCES unit(id),
    matter          INTEGER NOT NULL,
    form            TEXT    NOT NULL,
    title           TEXT    NOT NULL,
    held_on         TEXT    NOT NULL,
    ends_on         TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    comparison      TEXT    NOT NULL,
    households      INTEGER NOT NULL,
    present         INTEGER,
    yes_votes       INTEGER,
    no_votes        INTEGER,
    invalid_votes   INTEGER,
    outcome         TEXT,
    reason          TEXT,
    voting_method   TEXT,
    secretary       TEXT,
    secretary_votes INTEGER,
    counting_board  TEXT,
    board_votes     INTEGER,
    created_by      INTEGER REFERENCES app_user(id),
    created_at      TEXT    NOT NULL,
    tallied_at      TEXT,
    closed_at       TEXT
);
CREATE INDEX decision_unit ON decision(unit_id, held_on);
CREATE INDEX decision_held ON decision(held_on);

CREATE TABLE decision_village (
    decision_id INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
    village_id  INTEGER NOT NULL REFERENCES unit(id),
    PRIMARY KEY (decision_id, village_id)
);

CREATE TABLE decision_household (
    decision_id    INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
    household_id   INTEGER NOT NULL REFERENCES household(id),
    village_id     INTEGER NOT NULL REFERENCES unit(id),
    household_code TEXT    NOT NULL,
    representative TEXT    NOT NULL,
    sort_key       TEXT    NOT NULL,
    attended       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (decision_id, household_id)
);
CREATE INDEX decision_household_order ON decision_household(decision_id, village_id, sort_key);
