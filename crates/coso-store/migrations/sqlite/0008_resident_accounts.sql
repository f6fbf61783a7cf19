-- Resident accounts: sign-up with a verified e-mail, and the link of a resident account to
-- the household it represents. Instants are TEXT (RFC 3339, UTC).

-- NULL until the owner of the address opens the mailed link. Accounts made before sign-up
-- existed were made by administrators, who vouch for the address: they count as verified.
ALTER TABLE app_user ADD COLUMN email_verified_at TEXT;
UPDATE app_user SET email_verified_at = created_at;

-- A single-use link that proves the address; only a hash of its token is stored.
CREATE TABLE email_verification (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT
);
CREATE INDEX email_verification_user ON email_verification(user_id, created_at);

-- A resident's request to represent a household of the register, and what became of it.
CREATE TABLE household_link (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    household_id INTEGER NOT NULL REFERENCES household(id) ON DELETE CASCADE,
    -- pending | confirmed | refused | ended
    status       TEXT    NOT NULL,
    requested_at TEXT    NOT NULL,
    decided_by   INTEGER REFERENCES app_user(id) ON DELETE SET NULL,
    decided_at   TEXT,
    note         TEXT
);
-- One confirmed representative account per household at a time…
CREATE UNIQUE INDEX household_link_confirmed ON household_link(household_id) WHERE status = 'confirmed';
-- …and one open (pending or confirmed) link per account.
CREATE UNIQUE INDEX household_link_open ON household_link(user_id) WHERE status IN ('pending', 'confirmed');
CREATE INDEX household_link_household ON household_link(household_id, status);
