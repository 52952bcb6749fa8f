-- Duty log search for 1–2-character terms (issue #4). The trigram index (0002) cannot serve them,
-- and LIKE over every entry took 110 ms for a 2-character word found nowhere in 200k entries.
-- This index holds, for each current entry, every single character and every pair of adjacent
-- characters of each searchable column, so a 1-character term is one token and a 2-character
-- term is one token. Pairs never span two columns, as LIKE on each column would not match them.
--
-- Each token is the hex of the characters' UTF-8 bytes: the tokenizer then sees plain ASCII
-- alphanumerics it cannot split, fold or drop. UTF-8 is prefix-free, so one character's hex never
-- equals two characters' hex. Text is lower()ed first, which (without ICU) folds ASCII letters
-- only, exactly as LIKE compares them. db/repos/dutyLog.ts encodes a term the same way.
--
-- Each document also holds the entry's status and channel as tokens ('zs' || status, 'zc' ||
-- channel without '_', which the tokenizer would split on; neither is hex), so a short term with
-- those filters is counted in the index alone.
--
-- Contentless with detail=none: only "which entries hold this token" is needed, not positions or
-- the text; contentless_delete lets a retired version leave the index by rowid alone.
CREATE VIRTUAL TABLE duty_log_fts_grams USING fts5 (
  grams, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii'
);

-- Character positions 1..8192, to walk a text in SQL: triggers cannot use a recursive CTE.
-- Log fields are at most 5000 characters (the contract); the guard below refuses longer text
-- rather than index part of it.
CREATE TABLE duty_log_gram_positions (n INTEGER PRIMARY KEY) STRICT;
INSERT INTO duty_log_gram_positions (n)
  WITH RECURSIVE counter (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM counter WHERE n < 8192)
  SELECT n FROM counter;

CREATE TRIGGER duty_log_entries_grams_guard BEFORE INSERT ON duty_log_entries
WHEN max(length(NEW.from_name), length(NEW.from_unit), length(NEW.content), length(NEW.action_taken),
  length(NEW.forwarded_to), length(NEW.result)) > 8192
BEGIN
  SELECT RAISE(ABORT, 'duty log text longer than the search index covers (8192 characters)');
END;

-- At the last position of a column substr(…, n, 2) is one character, so the final character is
-- indexed twice as a single; harmless, as detail=none keeps presence only.
CREATE TRIGGER duty_log_entries_grams_insert AFTER INSERT ON duty_log_entries
BEGIN
  INSERT INTO duty_log_fts_grams (rowid, grams)
  SELECT NEW.rowid, 'zs' || NEW.status || ' zc' || replace(NEW.channel, '_', '') || ' '
      || coalesce(group_concat(hex(substr(c.text, p.n, 1)) || ' ' || hex(substr(c.text, p.n, 2)), ' '), '')
    FROM (SELECT lower(NEW.from_name) AS text UNION ALL SELECT lower(NEW.from_unit) UNION ALL SELECT lower(NEW.content)
          UNION ALL SELECT lower(NEW.action_taken) UNION ALL SELECT lower(NEW.forwarded_to) UNION ALL SELECT lower(NEW.result)) AS c
    JOIN duty_log_gram_positions AS p ON p.n <= length(c.text);
END;

CREATE TRIGGER duty_log_entries_grams_retire AFTER UPDATE OF is_current ON duty_log_entries
WHEN OLD.is_current = 1 AND NEW.is_current = 0
BEGIN
  DELETE FROM duty_log_fts_grams WHERE rowid = OLD.rowid;
END;

-- Backfill: the same tokens for every current entry already recorded.
INSERT INTO duty_log_fts_grams (rowid, grams)
  SELECT e.rowid, 'zs' || e.status || ' zc' || replace(e.channel, '_', '') || ' '
      || coalesce(group_concat(hex(substr(c.text, p.n, 1)) || ' ' || hex(substr(c.text, p.n, 2)), ' '), '')
    FROM duty_log_entries AS e
    JOIN (SELECT rowid AS entry, lower(from_name) AS text FROM duty_log_entries WHERE is_current = 1
          UNION ALL SELECT rowid, lower(from_unit) FROM duty_log_entries WHERE is_current = 1
          UNION ALL SELECT rowid, lower(content) FROM duty_log_entries WHERE is_current = 1
          UNION ALL SELECT rowid, lower(action_taken) FROM duty_log_entries WHERE is_current = 1
          UNION ALL SELECT rowid, lower(forwarded_to) FROM duty_log_entries WHERE is_current = 1
          UNION ALL SELECT rowid, lower(result) FROM duty_log_entries WHERE is_current = 1) AS c ON c.entry = e.rowid
    JOIN duty_log_gram_positions AS p ON p.n <= length(c.text)
    GROUP BY e.rowid;

-- Handover drafts (issue #4), in this file because it is the duty desk's one migration number:
-- the outgoing officer's edits to the drafted handover text, kept until it is signed. One per
-- outgoing day. Signing copies the text into duty_handovers; from then on the draft is frozen.
CREATE TABLE duty_handover_drafts (
  id           TEXT PRIMARY KEY,
  outgoing_day TEXT NOT NULL UNIQUE,
  lang         TEXT NOT NULL CHECK (lang IN ('zh', 'en')),
  text         TEXT NOT NULL,
  saved_by     TEXT NOT NULL,
  saved_at_ms  INTEGER NOT NULL,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE TRIGGER duty_handover_drafts_frozen_insert BEFORE INSERT ON duty_handover_drafts
WHEN EXISTS (SELECT 1 FROM duty_handovers WHERE outgoing_day = NEW.outgoing_day)
BEGIN
  SELECT RAISE(ABORT, 'the handover of this day is signed; its draft is frozen');
END;

CREATE TRIGGER duty_handover_drafts_frozen_update BEFORE UPDATE ON duty_handover_drafts
WHEN EXISTS (SELECT 1 FROM duty_handovers WHERE outgoing_day = OLD.outgoing_day)
BEGIN
  SELECT RAISE(ABORT, 'the handover of this day is signed; its draft is frozen');
END;

CREATE TRIGGER duty_handover_drafts_no_delete BEFORE DELETE ON duty_handover_drafts
BEGIN
  SELECT RAISE(ABORT, 'handover drafts are kept');
END;

-- An incident opened from a log entry (the log's "open an incident" button) is looked up by that
-- entry, both to show it beside the entry and to refuse opening a second one.
CREATE INDEX duty_incidents_by_log_entry ON duty_incidents (log_entry_id) WHERE log_entry_id IS NOT NULL;
