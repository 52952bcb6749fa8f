-- Rain and water: gauges, readings, staged file imports, duplicate reports, normals, and the
-- rainstorm-signal suggestions put to the duty officer.

-- `key` is a compact integer used by the readings table: ten years of hourly data for 200
-- gauges is 17.5 million rows, and a 36-byte UUID in each would roughly double the file.
CREATE TABLE rain_stations (
  id            TEXT PRIMARY KEY,
  key           INTEGER NOT NULL UNIQUE,
  code          TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
  name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
  name_en       TEXT NOT NULL DEFAULT '',
  type          TEXT NOT NULL CHECK (type IN ('rain', 'water')),
  lat           REAL,
  lng           REAL,
  source        TEXT NOT NULL DEFAULT '',
  warning_m     REAL,
  guarantee_m   REAL,
  flood_limit_m REAL,
  notes         TEXT NOT NULL DEFAULT '',
  deleted_at    TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  CHECK ((lat IS NULL) = (lng IS NULL))
) STRICT;

CREATE UNIQUE INDEX rain_stations_by_code ON rain_stations (code) WHERE deleted_at IS NULL;

-- One import file or one manual entry. Readings point at their batch for source and time.
CREATE TABLE rain_batches (
  id            TEXT PRIMARY KEY,
  key           INTEGER NOT NULL UNIQUE,
  kind          TEXT NOT NULL CHECK (kind IN ('file', 'manual')),
  source        TEXT NOT NULL,
  file_hash     TEXT NOT NULL DEFAULT '',
  mapping       TEXT CHECK (mapping IS NULL OR json_valid(mapping)),
  status        TEXT NOT NULL CHECK (status IN ('staging', 'committed', 'cancelled')),
  rows_read     INTEGER NOT NULL DEFAULT 0,
  readings      INTEGER NOT NULL DEFAULT 0,
  inserted      INTEGER NOT NULL DEFAULT 0,
  replaced      INTEGER NOT NULL DEFAULT 0,
  unchanged     INTEGER NOT NULL DEFAULT 0,
  duplicates    INTEGER NOT NULL DEFAULT 0,
  skipped_rows  INTEGER NOT NULL DEFAULT 0,
  actor_name    TEXT NOT NULL,
  committed_at  TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;

CREATE INDEX rain_batches_by_created ON rain_batches (created_at);

-- The readings. value_milli is thousandths of a millimetre (rain) or of a metre (water level),
-- NULL when missing: missing is stored, never as 0. quality: 0 ok, 1 suspect, 2 missing,
-- 3 estimated. interval_s is 0 for instantaneous water levels. Clustered by station and time
-- (WITHOUT ROWID), so any window of one gauge is one contiguous range of the B-tree.
CREATE TABLE rain_readings (
  station_key INTEGER NOT NULL REFERENCES rain_stations (key),
  end_ms      INTEGER NOT NULL,
  interval_s  INTEGER NOT NULL CHECK (interval_s >= 0),
  value_milli INTEGER,
  quality     INTEGER NOT NULL CHECK (quality BETWEEN 0 AND 3),
  trace       INTEGER NOT NULL DEFAULT 0 CHECK (trace IN (0, 1)),
  batch_key   INTEGER NOT NULL REFERENCES rain_batches (key),
  PRIMARY KEY (station_key, end_ms, interval_s),
  CHECK ((value_milli IS NULL) = (quality = 2))
) STRICT, WITHOUT ROWID;

-- Parsed rows of a file being imported, packed per chunk; deleted on commit or cancel.
CREATE TABLE rain_import_chunks (
  batch_key  INTEGER NOT NULL REFERENCES rain_batches (key),
  seq        INTEGER NOT NULL,
  first_row  INTEGER NOT NULL,
  row_count  INTEGER NOT NULL,
  stations   TEXT NOT NULL CHECK (json_valid(stations)),
  data       BLOB NOT NULL,
  PRIMARY KEY (batch_key, seq)
) STRICT;

-- Row-level problems found while staging; kept after commit as the file's error report.
CREATE TABLE rain_import_errors (
  batch_key  INTEGER NOT NULL REFERENCES rain_batches (key),
  chunk_seq  INTEGER NOT NULL,
  row        INTEGER NOT NULL,
  col        INTEGER,
  code       TEXT NOT NULL,
  severity   TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  message_zh TEXT NOT NULL,
  message_en TEXT NOT NULL
) STRICT;

CREATE INDEX rain_import_errors_by_batch_row ON rain_import_errors (batch_key, row);
CREATE INDEX rain_import_errors_by_batch_chunk ON rain_import_errors (batch_key, chunk_seq);

-- Every merge of two copies of the same station, time and interval, and which one was kept.
CREATE TABLE rain_duplicates (
  id            TEXT PRIMARY KEY,
  batch_key     INTEGER NOT NULL REFERENCES rain_batches (key),
  station_key   INTEGER NOT NULL REFERENCES rain_stations (key),
  end_ms        INTEGER NOT NULL,
  interval_s    INTEGER NOT NULL,
  kept_milli    INTEGER,
  dropped_milli INTEGER,
  kept          TEXT NOT NULL CHECK (kept IN ('existing', 'incoming')),
  rule          TEXT NOT NULL,
  conflict      INTEGER NOT NULL CHECK (conflict IN (0, 1)),
  created_at    TEXT NOT NULL
) STRICT;

CREATE INDEX rain_duplicates_by_batch ON rain_duplicates (batch_key);
CREATE INDEX rain_duplicates_by_station_end ON rain_duplicates (station_key, end_ms);

-- Normals entered by users per station and period key ('season', '07', 'meiyu', …).
CREATE TABLE rain_normals (
  id         TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES rain_stations (id),
  period     TEXT NOT NULL CHECK (length(period) BETWEEN 1 AND 40),
  normal_mm  REAL NOT NULL CHECK (normal_mm >= 0),
  basis      TEXT NOT NULL DEFAULT '1991–2020',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE UNIQUE INDEX rain_normals_by_station_period ON rain_normals (station_id, period);

-- A signal the rolling sums reached, suggested to the duty officer; never issued by the app.
CREATE TABLE rain_signal_suggestions (
  id          TEXT PRIMARY KEY,
  station_id  TEXT NOT NULL REFERENCES rain_stations (id),
  colour      TEXT NOT NULL CHECK (colour IN ('blue', 'yellow', 'orange', 'red')),
  window_key  TEXT NOT NULL,
  total_mm    REAL NOT NULL,
  threshold_mm REAL NOT NULL,
  at_ms       INTEGER NOT NULL,
  status      TEXT NOT NULL CHECK (status IN ('open', 'accepted', 'dismissed')),
  decided_by  TEXT,
  decided_at  TEXT,
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX rain_signal_suggestions_by_station_at ON rain_signal_suggestions (station_id, at_ms);
CREATE INDEX rain_signal_suggestions_by_status_at ON rain_signal_suggestions (status, at_ms);
