-- Household ballots and online votes of a community decision (DEC-9 to DEC-11).

-- The ballot plan (DEC-9): purpose, content (the question on every ballot), who is asked and
-- the period, ending on the day the ballots must be back.
CREATE TABLE decision_ballot_plan (
    decision_id  BIGINT PRIMARY KEY REFERENCES decision(id) ON DELETE CASCADE,
    purpose      TEXT    NOT NULL,
    content      TEXT    NOT NULL,
    participants TEXT    NOT NULL,
    starts_on    DATE    NOT NULL,
    ends_on      DATE    NOT NULL,
    created_by   BIGINT  REFERENCES app_user(id),
    created_at   TIMESTAMPTZ NOT NULL
);

-- One ballot per household of the snapshot, with its random short code; collected_on is set
-- when the sheet comes back.
CREATE TABLE decision_ballot (
    decision_id  BIGINT  NOT NULL,
    household_id BIGINT  NOT NULL,
    code         TEXT    NOT NULL,
    collected_on DATE,
    PRIMARY KEY (decision_id, household_id),
    FOREIGN KEY (decision_id, household_id) REFERENCES decision_household(decision_id, household_id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX decision_ballot_code ON decision_ballot(code);

-- The count entered twice by two members independently, and the reconciled one.
-- slot: first | second | reconciled.
CREATE TABLE decision_tally_entry (
    decision_id   BIGINT  NOT NULL REFERENCES decision(id) ON DELETE CASCADE,
    slot          TEXT    NOT NULL,
    yes_votes     BIGINT  NOT NULL,
    no_votes      BIGINT  NOT NULL,
    invalid_votes BIGINT  NOT NULL,
    entered_by    BIGINT  NOT NULL REFERENCES app_user(id),
    entered_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (decision_id, slot)
);

-- One online vote per household (DEC-11), replaced when the representative votes again.
-- choice: yes | no.
CREATE TABLE decision_online_vote (
    decision_id  BIGINT  NOT NULL,
    household_id BIGINT  NOT NULL,
    choice       TEXT    NOT NULL,
    voted_by     BIGINT  NOT NULL REFERENCES app_user(id),
    voted_at     TIMESTAMPTZ NOT NULL,
    changes      BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (decision_id, household_id),
    FOREIGN KEY (decision_id, household_id) REFERENCES decision_household(decision_id, household_id) ON DELETE CASCADE
);
