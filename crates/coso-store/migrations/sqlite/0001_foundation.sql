-- Foundation: units, households, accounts, sessions, audit log.
-- Dates are TEXT 'YYYY-MM-DD'; instants are TEXT (RFC 3339, UTC); booleans are INTEGER 0/1.

CREATE TABLE unit (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL,
    name        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    parent_id   INTEGER REFERENCES unit(id),
    -- Materialized path of ids from the root: '/1/57/312/'. Subtree = prefix.
    path        TEXT    NOT NULL DEFAULT '',
    official    INTEGER NOT NULL DEFAULT 0,
    valid_from  TEXT    NOT NULL,
    valid_to    TEXT,
    search_text TEXT    NOT NULL,
    sort_key    TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    UNIQUE (code, valid_from)
);
CREATE INDEX unit_parent ON unit(parent_id, sort_key);
CREATE INDEX unit_path ON unit(path);
CREATE INDEX unit_kind ON unit(kind, sort_key);
CREATE INDEX unit_code ON unit(code);

-- Merges, splits and renames: a ceased unit points to the units that took over.
CREATE TABLE unit_succession (
    predecessor_id INTEGER NOT NULL REFERENCES unit(id),
    successor_id   INTEGER NOT NULL REFERENCES unit(id),
    kind           TEXT    NOT NULL,
    effective      TEXT    NOT NULL,
    PRIMARY KEY (predecessor_id, successor_id)
);

CREATE TABLE household (
    id             INTEGER PRIMARY KEY,
    village_id     INTEGER NOT NULL REFERENCES unit(id),
    code           TEXT    NOT NULL,
    address        TEXT    NOT NULL,
    representative TEXT    NOT NULL,
    member_count   INTEGER NOT NULL,
    phone          TEXT,
    valid_from     TEXT    NOT NULL,
    valid_to       TEXT,
    search_text    TEXT    NOT NULL,
    sort_key       TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    UNIQUE (village_id, code)
);
CREATE INDEX household_village ON household(village_id, sort_key);

CREATE TABLE app_user (
    id              INTEGER PRIMARY KEY,
    email           TEXT    NOT NULL UNIQUE,
    display_name    TEXT    NOT NULL,
    password_hash   TEXT    NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1,
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT,
    created_at      TEXT    NOT NULL
);

CREATE TABLE role_grant (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    role       TEXT    NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES unit(id),
    created_at TEXT    NOT NULL,
    UNIQUE (user_id, role, unit_id)
);

-- Only a hash of the session token is stored: a copy of the database opens no session.
CREATE TABLE session (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    csrf_token TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL
);
CREATE INDEX session_expiry ON session(expires_at);

CREATE TABLE audit_log (
    id            INTEGER PRIMARY KEY,
    at            TEXT    NOT NULL,
    actor_user_id INTEGER,
    actor         TEXT    NOT NULL,
    action        TEXT    NOT NULL,
    entity        TEXT    NOT NULL,
    entity_id     TEXT    NOT NULL,
    unit_id       INTEGER,
    before_json   TEXT,
    after_json    TEXT,
    request_id    TEXT
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_at ON audit_log(at);
