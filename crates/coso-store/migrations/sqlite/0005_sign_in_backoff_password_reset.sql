-- Sign-in backoff and password reset links. Instants are TEXT (RFC 3339, UTC).
--
-- login_failure counts failed sign-ins per (e-mail, client address) pair, and per e-mail
-- across every address (ip = ''). It lives in the database rather than in each instance's
-- memory so that several instances share the count and a restart does not forget it. The
-- e-mail is kept as its SHA-256: unknown e-mails get rows too (they are answered exactly
-- like real ones), and what was typed, sometimes a password in the wrong field, is not kept.
-- Rows older than the window are deleted as new failures come in.
CREATE TABLE login_failure (
    email_hash      TEXT    NOT NULL,
    ip              TEXT    NOT NULL,
    failures        INTEGER NOT NULL,
    last_failure_at TEXT    NOT NULL,
    PRIMARY KEY (email_hash, ip)
);
CREATE INDEX login_failure_last ON login_failure(last_failure_at);

-- A single-use link to set a new password; only a hash of its token is stored.
CREATE TABLE password_reset (
    token_hash TEXT    PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT
);
CREATE INDEX password_reset_user ON password_reset(user_id, created_at);
