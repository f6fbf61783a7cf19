-- Democracy inside agencies (legal-rules §1.7): the yearly staff conference with its
-- resolutions (AG-3, AG-4) and the register of internal rules with their versions.

CREATE TABLE staff_conference (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    work_year   INTEGER NOT NULL,
    held_on     TEXT,
    staff       INTEGER NOT NULL CHECK (staff > 0),
    present     INTEGER NOT NULL CHECK (present >= 0 AND present <= staff),
    minutes     TEXT,
    created_by  INTEGER REFERENCES app_user(id),
    created_at  TEXT    NOT NULL
);
CREATE INDEX staff_conference_unit ON staff_conference(unit_id, work_year);

CREATE TABLE staff_conference_resolution (
    id            INTEGER PRIMARY KEY,
    conference_id INTEGER NOT NULL REFERENCES staff_conference(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT    NOT NULL,
    yes           INTEGER NOT NULL CHECK (yes >= 0),
    UNIQUE (conference_id, position)
);

CREATE TABLE internal_rule (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    kind        TEXT    NOT NULL,
    title       TEXT    NOT NULL,
    sort_key    TEXT    NOT NULL,
    created_by  INTEGER REFERENCES app_user(id),
    created_at  TEXT    NOT NULL
);
CREATE INDEX internal_rule_unit ON internal_rule(unit_id, sort_key);

CREATE TABLE internal_rule_version (
    id          INTEGER PRIMARY KEY,
    rule_id     INTEGER NOT NULL REFERENCES internal_rule(id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    number      TEXT,
    issued_on   TEXT    NOT NULL,
    summary     TEXT,
    created_by  INTEGER REFERENCES app_user(id),
    created_at  TEXT    NOT NULL,
    UNIQUE (rule_id, version)
);
