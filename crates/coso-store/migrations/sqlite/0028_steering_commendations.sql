-- Steering committees and commendation (issue 15, part 5): the body that issues a plan inside
-- its unit (people's committee, steering committee or Party committee).

-- people_committee | steering_committee | party_committee
ALTER TABLE plan ADD COLUMN issuing_body TEXT NOT NULL DEFAULT 'people_committee';

-- A unit's steering committee (Ban Chỉ đạo): one per unit.
CREATE TABLE steering_committee (
    id         INTEGER PRIMARY KEY,
    unit_id    INTEGER NOT NULL UNIQUE REFERENCES unit(id),
    name       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    updated_at TEXT    NOT NULL
);

-- Its members, each with an optional linked account and the areas (units) they follow.
CREATE TABLE steering_member (
    id           INTEGER PRIMARY KEY,
    committee_id INTEGER NOT NULL REFERENCES steering_committee(id) ON DELETE CASCADE,
    name         TEXT    NOT NULL,
    sort_key     TEXT    NOT NULL,
    position     TEXT    NOT NULL,
    user_id      INTEGER REFERENCES app_user(id),
    created_at   TEXT    NOT NULL
);
CREATE INDEX steering_member_committee ON steering_member(committee_id, sort_key);
CREATE INDEX steering_member_user ON steering_member(user_id);

CREATE TABLE steering_area (
    member_id INTEGER NOT NULL REFERENCES steering_member(id) ON DELETE CASCADE,
    unit_id   INTEGER NOT NULL REFERENCES unit(id),
    PRIMARY KEY (member_id, unit_id)
);
CREATE INDEX steering_area_unit ON steering_area(unit_id);

-- The register of commendations a unit decided. form: certificate | merit | emulation_flag |
-- praise_letter. A commendation goes to a unit of the subtree or to a person.
CREATE TABLE commendation (
    id                INTEGER PRIMARY KEY,
    register_unit_id  INTEGER NOT NULL REFERENCES unit(id),
    recipient_unit_id INTEGER REFERENCES unit(id),
    recipient_person  TEXT,
    form              TEXT    NOT NULL,
    year              INTEGER NOT NULL,
    reason            TEXT    NOT NULL,
    decision_number   TEXT    NOT NULL,
    decided_on        TEXT    NOT NULL,
    created_at        TEXT    NOT NULL
);
CREATE INDEX commendation_register ON commendation(register_unit_id, year);
CREATE INDEX commendation_recipient ON commendation(recipient_unit_id);

-- Models worth copying (mô hình, điển hình) of a unit. status: piloting | recognised |
-- replicating | stopped.
CREATE TABLE model_practice (
    id               INTEGER PRIMARY KEY,
    register_unit_id INTEGER NOT NULL REFERENCES unit(id),
    unit_id          INTEGER NOT NULL REFERENCES unit(id),
    name             TEXT    NOT NULL,
    sort_key         TEXT    NOT NULL,
    year             INTEGER NOT NULL,
    description      TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    created_at       TEXT    NOT NULL
);
CREATE INDEX model_practice_register ON model_practice(register_unit_id, year);
CREATE INDEX model_practice_unit ON model_practice(unit_id, sort_key);
