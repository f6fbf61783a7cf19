-- The disclosure register (công khai, Law 10/2022 Art. 11–13): the catalogue of required items
-- (loaded from assets/disclosure/*.json when the store migrates), the disclosures of communes and
-- agencies, their radio broadcast days, files (attachments and photos of the posted notice) and
-- the village heads' relays.

CREATE TABLE disclosure_item (
    id             INTEGER PRIMARY KEY,
    catalogue      TEXT    NOT NULL,
    -- commune | agency
    level          TEXT    NOT NULL,
    number         INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    legal_basis    TEXT    NOT NULL,
    radio_required INTEGER NOT NULL DEFAULT 0,
    verified       INTEGER NOT NULL DEFAULT 0,
    note           TEXT,
    indicator      TEXT    NOT NULL,
    UNIQUE (catalogue, level, number)
);

CREATE TABLE disclosure (
    id                 INTEGER PRIMARY KEY,
    unit_id            INTEGER NOT NULL REFERENCES unit(id),
    item_id            INTEGER NOT NULL REFERENCES disclosure_item(id),
    title              TEXT    NOT NULL,
    content            TEXT    NOT NULL,
    legal_basis        TEXT,
    -- Form codes in the law's order, comma-separated: posting,radio
    forms              TEXT    NOT NULL,
    other_form_basis   TEXT,
    place              TEXT,
    posted_from        TEXT    NOT NULL,
    posted_to          TEXT,
    convention_vote_on TEXT,
    search_text        TEXT    NOT NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL
);
CREATE INDEX disclosure_unit ON disclosure(unit_id, posted_from);

CREATE TABLE disclosure_broadcast (
    disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    aired_on      TEXT    NOT NULL,
    PRIMARY KEY (disclosure_id, aired_on)
);

-- kind: attachment (PDF, DOCX, XLSX) | photo (JPEG, PNG without metadata).
CREATE TABLE disclosure_file (
    id            INTEGER PRIMARY KEY,
    disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL,
    file_name     TEXT    NOT NULL,
    content_type  TEXT    NOT NULL,
    size          INTEGER NOT NULL,
    sha256        TEXT    NOT NULL,
    data          BLOB    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX disclosure_file_disclosure ON disclosure_file(disclosure_id);

CREATE TABLE disclosure_relay (
    id            INTEGER PRIMARY KEY,
    disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    village_id    INTEGER NOT NULL REFERENCES unit(id),
    method        TEXT    NOT NULL,
    relayed_on    TEXT    NOT NULL,
    note          TEXT,
    recorded_by   TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (disclosure_id, village_id)
);
