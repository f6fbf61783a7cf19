-- Dissemination (phổ biến, tuyên truyền): a unit's news posts with their images, its library of
-- legal documents with their files, and the log of its trainings and dissemination events.

-- status: draft | published. published_on: the day it was first published.
CREATE TABLE news_post (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    title        TEXT    NOT NULL,
    body         TEXT    NOT NULL,
    category     TEXT    NOT NULL,
    status       TEXT    NOT NULL,
    published_on TEXT,
    search_text  TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL
);
-- A unit's published posts, newest first; its drafts for the officials.
CREATE INDEX news_post_unit ON news_post(unit_id, status, published_on, id);

-- Images without their metadata, in the order they were sent.
CREATE TABLE news_image (
    id           INTEGER PRIMARY KEY,
    post_id      INTEGER NOT NULL REFERENCES news_post(id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    data         BLOB    NOT NULL
);
CREATE UNIQUE INDEX news_image_post ON news_image(post_id, position);

-- kind: law | resolution | decree | circular | decision | plan | convention | other.
-- expires_on: the first day it is no longer in force. file_text: what could be read of the file.
CREATE TABLE library_document (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    kind         TEXT    NOT NULL,
    number       TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    issued_on    TEXT    NOT NULL,
    issuer       TEXT    NOT NULL,
    expires_on   TEXT,
    file_name    TEXT,
    content_type TEXT,
    data         BLOB,
    search_text  TEXT    NOT NULL,
    created_at   TEXT    NOT NULL
);
CREATE INDEX library_document_unit ON library_document(unit_id, issued_on);

-- form: training | conference | meeting | online | radio | leaflet | other.
CREATE TABLE training_event (
    id           INTEGER PRIMARY KEY,
    unit_id      INTEGER NOT NULL REFERENCES unit(id),
    held_on      TEXT    NOT NULL,
    topic        TEXT    NOT NULL,
    form         TEXT    NOT NULL,
    audience     TEXT    NOT NULL,
    attendance   INTEGER NOT NULL,
    notes        TEXT,
    created_at   TEXT    NOT NULL
);
CREATE INDEX training_event_unit ON training_event(unit_id, held_on);
