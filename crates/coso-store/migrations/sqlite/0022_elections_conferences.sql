-- Village-head elections (Decree 59/2023 Art. 6–9) and annual community conferences
-- (Law 10/2022 Art. 33, Decree 59/2023 Art. 10–11).

-- A dismissal recognised by the commune, with the interim head it appointed (VH-7).
CREATE TABLE village_head_dismissal (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    head_name     TEXT    NOT NULL,
    recognised_on TEXT    NOT NULL,
    interim_name  TEXT    NOT NULL,
    interim_from  TEXT    NOT NULL,
    created_by    INTEGER REFERENCES app_user(id),
    created_at    TEXT    NOT NULL
);
CREATE INDEX village_head_dismissal_unit ON village_head_dismissal(unit_id, recognised_on);

-- status: preparing | held | recognised | rerun. The steps' dates are when each was done
-- (VH-1 plan, VH-2 team, VH-3 notice, VH-4 candidates); the count is the meeting's.
CREATE TABLE village_election (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    title         TEXT    NOT NULL,
    meeting_on    TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    dismissal_id  INTEGER REFERENCES village_head_dismissal(id),
    plan_on       TEXT,
    team_on       TEXT,
    notice_on     TEXT,
    candidates_on TEXT,
    households    INTEGER,
    present       INTEGER,
    received_on   TEXT,
    decided_on    TEXT,
    created_by    INTEGER REFERENCES app_user(id),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX village_election_unit ON village_election(unit_id, meeting_on);
-- At most one election follows a dismissal.
CREATE UNIQUE INDEX village_election_dismissal ON village_election(dismissal_id) WHERE dismissal_id IS NOT NULL;

-- role: candidate | team. votes: a candidate's votes once the count is in.
CREATE TABLE village_election_person (
    election_id INTEGER NOT NULL REFERENCES village_election(id) ON DELETE CASCADE,
    role        TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    name        TEXT    NOT NULL,
    votes       INTEGER,
    PRIMARY KEY (election_id, role, position)
);

CREATE TABLE community_conference (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    held_on      TEXT    NOT NULL,
    place        TEXT,
    plan_sent_on TEXT,
    notice_on    TEXT,
    minutes      TEXT,
    created_by   INTEGER REFERENCES app_user(id),
    created_at   TEXT    NOT NULL
);
CREATE INDEX community_conference_unit ON community_conference(unit_id, held_on);
