-- Dialogues between the commune's government and the people (DLG-1…DLG-4): the dialogue and
-- the villages it is held for, residents' questions and the answers given on the day, the
-- commitments made there with their progress, and the voters' requests for a dialogue.

-- A request signed by voters (DLG-2); required is true when the signatures reach 10 % of the
-- voters, until a dialogue is set up for it.
CREATE TABLE dialogue_request (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    subject     TEXT    NOT NULL,
    signatures  INTEGER NOT NULL,
    voters      INTEGER NOT NULL,
    required    INTEGER NOT NULL,
    received_on TEXT    NOT NULL,
    created_by  INTEGER REFERENCES app_user(id),
    created_at  TEXT    NOT NULL
);
CREATE INDEX dialogue_request_unit ON dialogue_request(unit_id, received_on);

-- status: planned | announced | published.
CREATE TABLE dialogue (
    id            INTEGER PRIMARY KEY,
    unit_id       INTEGER NOT NULL REFERENCES unit(id),
    topic         TEXT,
    held_on       TEXT    NOT NULL,
    place         TEXT,
    online        INTEGER NOT NULL DEFAULT 0,
    voters        INTEGER,
    status        TEXT    NOT NULL,
    request_id    INTEGER REFERENCES dialogue_request(id),
    results       TEXT,
    created_by    INTEGER REFERENCES app_user(id),
    created_at    TEXT    NOT NULL,
    announced_on  TEXT,
    published_on  TEXT
);
CREATE INDEX dialogue_unit ON dialogue(unit_id, held_on);
CREATE UNIQUE INDEX dialogue_request_once ON dialogue(request_id) WHERE request_id IS NOT NULL;

CREATE TABLE dialogue_village (
    dialogue_id INTEGER NOT NULL REFERENCES dialogue(id) ON DELETE CASCADE,
    village_id  INTEGER NOT NULL REFERENCES unit(id),
    PRIMARY KEY (dialogue_id, village_id)
);

-- author_label is how the sender asked to be shown; author_id is NULL for a visitor without
-- an account.
CREATE TABLE dialogue_question (
    id            INTEGER PRIMARY KEY,
    dialogue_id   INTEGER NOT NULL REFERENCES dialogue(id) ON DELETE CASCADE,
    author_id     INTEGER REFERENCES app_user(id),
    author_label  TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    answer        TEXT,
    answered_at   TEXT,
    hidden_reason TEXT,
    hidden_at     TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX dialogue_question_dialogue ON dialogue_question(dialogue_id, id);

-- status: planned | in_progress | done (late is how a commitment past due is shown).
CREATE TABLE dialogue_commitment (
    id            INTEGER PRIMARY KEY,
    dialogue_id   INTEGER NOT NULL REFERENCES dialogue(id) ON DELETE CASCADE,
    question_id   INTEGER REFERENCES dialogue_question(id),
    owner_unit_id INTEGER NOT NULL REFERENCES unit(id),
    body          TEXT    NOT NULL,
    due_on        TEXT    NOT NULL,
    status        TEXT    NOT NULL,
    percent       INTEGER NOT NULL DEFAULT 0,
    done_on       TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX dialogue_commitment_dialogue ON dialogue_commitment(dialogue_id, id);
CREATE INDEX dialogue_commitment_owner ON dialogue_commitment(owner_unit_id, due_on);

CREATE TABLE dialogue_progress (
    id            INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES dialogue_commitment(id) ON DELETE CASCADE,
    status        TEXT    NOT NULL,
    percent       INTEGER NOT NULL,
    note          TEXT    NOT NULL,
    on_date       TEXT    NOT NULL,
    created_by    INTEGER REFERENCES app_user(id),
    created_at    TEXT    NOT NULL
);
CREATE INDEX dialogue_progress_commitment ON dialogue_progress(commitment_id, id);
