-- Map: imported MBTiles files (the tiles stay in their own files under <dataDir>/tiles),
-- the staging area of uploads, the map's own markers, and imported boundary/road shapes.

CREATE TABLE map_tilesets (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  file_name    TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('base', 'overlay')),
  format       TEXT NOT NULL CHECK (format IN ('png', 'jpg', 'webp')),
  coord_system TEXT NOT NULL CHECK (coord_system IN ('wgs84', 'gcj02', 'bd09')),
  minzoom      INTEGER NOT NULL,
  maxzoom      INTEGER NOT NULL,
  bounds       TEXT CHECK (bounds IS NULL OR json_valid(bounds)),
  attribution  TEXT NOT NULL DEFAULT '',
  tile_count   INTEGER NOT NULL,
  size_bytes   INTEGER NOT NULL,
  visible      INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
  opacity      REAL NOT NULL DEFAULT 1 CHECK (opacity BETWEEN 0 AND 1),
  position     INTEGER NOT NULL,
  notes        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;

CREATE INDEX map_tilesets_by_position ON map_tilesets (deleted_at, position);

-- An upload is all-or-nothing: chunks wait here until commit checks the whole file.
CREATE TABLE map_uploads (
  id             TEXT PRIMARY KEY,
  file_name      TEXT NOT NULL,
  size_bytes     INTEGER NOT NULL,
  received_bytes INTEGER NOT NULL DEFAULT 0,
  next_index     INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE map_upload_chunks (
  upload_id TEXT NOT NULL REFERENCES map_uploads (id) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  data      BLOB NOT NULL,
  PRIMARY KEY (upload_id, idx)
) STRICT;

CREATE TABLE map_markers (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('hazard', 'shelter', 'gauge', 'note')),
  lat        REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng        REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;

CREATE INDEX map_markers_by_deleted ON map_markers (deleted_at, name);

CREATE TABLE map_shapes (
  id            TEXT PRIMARY KEY,
  kind          TEXT NOT NULL UNIQUE CHECK (kind IN ('boundary', 'roads')),
  name          TEXT NOT NULL,
  geojson       TEXT NOT NULL CHECK (json_valid(geojson)),
  feature_count INTEGER NOT NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
