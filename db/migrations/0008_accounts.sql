-- Accounts for sign-in on a shared PC or the duty-room LAN. Never deleted: the audit trail names
-- them, so leaving is `active = 0`. The password hash is a self-describing scrypt string
-- (db/passwords.ts), so the cost parameters can be raised later without a migration.
CREATE TABLE accounts (
  id                     TEXT PRIMARY KEY,
  -- Stored normalised (NFKC, lower case), so 'Zhang' and 'zhang' cannot both exist.
  username               TEXT NOT NULL CHECK (length(username) BETWEEN 2 AND 32),
  display_name           TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 50),
  role                   TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'duty_officer', 'safety_staff', 'viewer')),
  password_hash          TEXT NOT NULL,
  active                 INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  must_change_password   INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),
  failed_attempts        INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
  locked_until_ms        INTEGER,
  last_login_at_ms       INTEGER,
  -- A session carries the epoch it began in; a reset, a change or a deactivation bumps it and so
  -- signs the person out everywhere (no clock involved, so two changes in one millisecond still count).
  session_epoch          INTEGER NOT NULL DEFAULT 0 CHECK (session_epoch >= 0),
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX accounts_by_username ON accounts (username);

-- Optimistic concurrency (docs/CONVENTIONS.md): every update must name the version it read.
ALTER TABLE events ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
