-- Citizen reception (tiếp công dân): the published schedule of reception days, and the log of
-- sessions held and of the visits received at each (the visitors' personal data).

-- kind: weekly (weekday 1–7) | one_off (on_date) | cancelled (on_date; no part, place, receiver).
CREATE TABLE reception_schedule (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    kind          TEXT    NOT NULL,
    weekday       INTEGER,
    on_date       TEXT,
    part_of_day   TEXT,
    place         TEXT,
    receiver_kind TEXT,
    note          TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX reception_schedule_unit ON reception_schedule(unit_id);

CREATE TABLE reception_session (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    held_on       TEXT    NOT NULL,
    receiver_kind TEXT    NOT NULL,
    receiver_name TEXT    NOT NULL,
    place         TEXT    NOT NULL,
    kind          TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX reception_session_unit ON reception_session(unit_id, held_on);

CREATE TABLE reception_visit (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES reception_session(id),
    visitor_names  TEXT    NOT NULL,
    people_count   INTEGER NOT NULL,
    crowded        INTEGER NOT NULL DEFAULT 0,
    address        TEXT    NOT NULL,
    content        TEXT    NOT NULL,
    outcome        TEXT    NOT NULL,
    refusal_ground TEXT,
    note           TEXT,
    created_at     TEXT    NOT NULL
);
CREATE INDEX reception_visit_session ON reception_visit(session_id);
