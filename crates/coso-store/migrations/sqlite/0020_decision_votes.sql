-- Household ballots and online votes of a community decision (DEC-9 to DEC-11).

-- The ballot plan (DEC-9): purpose, content (the question on every ballot), who is asked and
-- the period, ending on the day the ballots must be back.
CREATE TABLE decision_ballot_plan (
    decision_id  INTEGER PRIMARY KEY REFERENCES decision(id) ON DELETE CASCADE,
    purpose      TEXT    NOT NULL,
    content      TEXT    NOT NULL,
    participants TEXT    NOT NULL,
    starts_on    TEXT    NOT NULL,
    ends_on      TEXT    NOT NULL,
    created_by   INTEGER REFERENCES app_user(id),
    created_at   TEXT    NOT NULL
);

-- One ballot per household of the snapshot, with its random short code; collected_on is set
-- when the sheet comes back.
CREATE TABLE decision_ballot (
    decision_id  INTEGER NOT NULL,
    household_id INTEGER NOT NULL,
    code         TEXT    NOT NULL,
    collected_on TEXT,
    PRIMARY KEY (decision_id, household_id),
    FOREIGN KEY (decision_id, household_id) REFERENCES decision_household(decision_id, household_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX decision_ballot_code ON decision_ballot(code);

-- The count entered twice by two members independently, and the reconciled one.
-- slot: first | second | reconciled.
CREATE TABLE decision_tally_entry (
    decision_id   INTEGER NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
    slot          TEXT    NOT NULL,
    yes_votes     INTEGER NOT NULL,
    no_votes      INTEGER NOT NULL,
    invalid_votes INTEGER NOT NULL,
    entered_by    INTEGER NOT NULL REFERENCES app_user(id),
    entered_at    TEXT    NOT NULL,
    PRIMARY KEY (decision_id, slot)
);

-- One online vote per household (DEC-11), replaced when the representative votes again.
-- choice: yes | no.
CREATE TABLE decision_online_vote (
    decision_id  INTEGER NOT NULL,
    household_id INTEGER NOT NULL,
    choice       TEXT    NOT NULL,
    voted_by     INTEGER NOT NULL REFERENCES app_user(id),
    voted_at     TEXT    NOT NULL,
    changes      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (decision_id, household_id),
    FOREIGN KEY (decision_id, household_id) REFERENCES decision_household(decision_id, household_id) ON DELETE CASCADE
);
