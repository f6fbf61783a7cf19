-- Citizen cases (issue 12): petitions, complaints, denunciations and the information of
-- anonymous denunciations. Dates are TEXT 'YYYY-MM-DD'; instants are TEXT (RFC 3339, UTC).
--
-- The sender's identity lives in case_sender, apart from the case, so that the rows a handler
-- reads never carry it; reading a denouncer's identity needs a clearance row on the case's
-- unit or above it (Law on Denunciations Art. 9, 56).

-- A unit in a remote, hard-to-reach area: longer complaint periods (KN-3, KN-4, KN-6).
ALTER TABLE unit ADD COLUMN remote INTEGER NOT NULL DEFAULT 0;

CREATE TABLE case_category (
    id       INTEGER PRIMARY KEY,
    -- NULL: a category shipped with coso, offered to every unit.
    unit_id  INTEGER REFERENCES unit(id),
    code     TEXT    NOT NULL,
    name     TEXT    NOT NULL,
    sort_key TEXT    NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1,
    UNIQUE (unit_id, code)
);

INSERT INTO case_category (unit_id, code, name, sort_key, active) VALUES
    (NULL, 'dat_dai', 'Đất đai', '01', 1),
    (NULL, 'moi_truong', 'Môi trường', '02', 1),
    (NULL, 'chinh_sach_xa_hoi', 'Chính sách xã hội', '03', 1),
    (NULL, 'an_ninh_trat_tu', 'An ninh, trật tự', '04', 1),
    (NULL, 'ha_tang', 'Hạ tầng, giao thông', '05', 1),
    (NULL, 'can_bo', 'Thái độ, trách nhiệm của cán bộ', '06', 1),
    (NULL, 'khac', 'Khác', '99', 1);

CREATE TABLE citizen_case (
    id                   INTEGER PRIMARY KEY,
    -- The tracking code given to the sender: 80 random bits, XXXX-XXXX-XXXX-XXXX.
    code                 TEXT    NOT NULL UNIQUE,
    -- The unit that must handle the case now (changes when it is forwarded).
    unit_id              INTEGER NOT NULL REFERENCES unit(id),
    -- petition | complaint | denunciation | information
    kind                 TEXT    NOT NULL,
    -- received | accepted | forwarded | refused | answered | closed | withdrawn
    status               TEXT    NOT NULL,
    -- web | app | desk | letter | village_head
    channel              TEXT    NOT NULL,
    category             TEXT    NOT NULL,
    received_on          TEXT    NOT NULL,
    content              TEXT    NOT NULL,
    search_text          TEXT    NOT NULL,
    remote               INTEGER NOT NULL DEFAULT 0,
    -- normal | complex | especially_complex
    complexity           TEXT    NOT NULL,
    crowded              INTEGER NOT NULL DEFAULT 0,
    over_level           INTEGER NOT NULL DEFAULT 0,
    publish              INTEGER NOT NULL DEFAULT 0,
    sender_user_id       INTEGER REFERENCES app_user(id),
    handler_user_id      INTEGER REFERENCES app_user(id),
    accepted_on          TEXT,
    answered_on          TEXT,
    closed_on            TEXT,
    decision_received_on TEXT,
    parent_id            INTEGER REFERENCES citizen_case(id),
    instance             INTEGER NOT NULL DEFAULT 1,
    extensions           INTEGER NOT NULL DEFAULT 0,
    -- The due date of the next step while the case is open (the inbox's order), and of the
    -- step that resolves it (the statistics' on time / late); kept by the use cases.
    due_on               TEXT,
    resolution_due_on    TEXT,
    public_answer        TEXT,
    rating               INTEGER,
    rating_comment       TEXT,
    rated_at             TEXT,
    created_at           TEXT    NOT NULL,
    updated_at           TEXT    NOT NULL
);
CREATE INDEX citizen_case_unit_status ON citizen_case(unit_id, status, received_on);
CREATE INDEX citizen_case_unit_kind ON citizen_case(unit_id, kind);
CREATE INDEX citizen_case_sender ON citizen_case(sender_user_id);
CREATE INDEX citizen_case_handler ON citizen_case(handler_user_id);
CREATE INDEX citizen_case_parent ON citizen_case(parent_id);

CREATE TABLE case_sender (
    case_id   INTEGER PRIMARY KEY REFERENCES citizen_case(id),
    name      TEXT,
    address   TEXT,
    phone     TEXT,
    email     TEXT,
    id_number TEXT
);

CREATE TABLE case_action (
    id            INTEGER PRIMARY KEY,
    case_id       INTEGER NOT NULL REFERENCES citizen_case(id),
    action        TEXT    NOT NULL,
    on_date       TEXT    NOT NULL,
    note          TEXT,
    actor_user_id INTEGER REFERENCES app_user(id),
    actor_label   TEXT    NOT NULL,
    -- JSON: refusal ground, units of a forward, handler, extension days, answer.
    detail        TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX case_action_case ON case_action(case_id, id);

CREATE TABLE case_file (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES citizen_case(id),
    action_id    INTEGER REFERENCES case_action(id),
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL,
    data         BLOB    NOT NULL,
    -- A handwriting scan of a denouncer: only cleared readers.
    identity     INTEGER NOT NULL DEFAULT 0,
    public       INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT    NOT NULL
);
CREATE INDEX case_file_case ON case_file(case_id);

-- Who may read the identity of denouncers on a unit's subtree.
CREATE TABLE clearance (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    -- denunciation
    kind       TEXT    NOT NULL,
    unit_id    INTEGER NOT NULL REFERENCES unit(id),
    granted_by TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    UNIQUE (user_id, kind, unit_id)
);
