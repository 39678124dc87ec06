-- Monthly project progress from the field, site photos, and the idempotency record
-- of replayable writes (the platform kit src/platform/idempotency, used by progress,
-- photos, procurements). Plan elements and action plans belong to other modules:
-- referenced by id without a foreign key and checked through their services.
-- Months are 'YYYY-MM' (Common Era); fiscal years Buddhist era.

-- รายงานความก้าวหน้าประจำเดือน: one per project and month.
CREATE TABLE progress_report (
  id {{ID}},
  province_code TEXT NOT NULL,
  element_id BIGINT NOT NULL,
  action_plan_id BIGINT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  month TEXT NOT NULL,
  physical_percent DOUBLE PRECISION NOT NULL
    CHECK (physical_percent >= 0 AND physical_percent <= 100),
  status TEXT NOT NULL CHECK (status IN ('not_started', 'procuring', 'contracted',
    'in_progress', 'delayed', 'completed', 'cancelled')),
  activities_th TEXT NOT NULL DEFAULT '',
  problems_th TEXT NOT NULL DEFAULT '',
  fixes_th TEXT NOT NULL DEFAULT '',
  reason_th TEXT,
  indicators TEXT NOT NULL DEFAULT '[]',  -- JSON [{index, value}]
  agency_code TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (element_id, month)
);
-- The dashboards' read model loads a fiscal year at once.
CREATE INDEX progress_report_year ON progress_report (fiscal_year, element_id);

-- A site photo: the file lives in the deployment's photo directory
-- (docs/decisions/0009-photo-storage.md); the row holds what is searched and shown.
CREATE TABLE progress_photo (
  id {{ID}},
  province_code TEXT NOT NULL,
  element_id BIGINT NOT NULL,
  file_name TEXT NOT NULL UNIQUE,
  content_type TEXT NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  size_bytes BIGINT NOT NULL,
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  taken_at TEXT NOT NULL,
  latitude DOUBLE PRECISION,
  longitude DOUBLE PRECISION,
  accuracy_m DOUBLE PRECISION,
  position_source TEXT NOT NULL CHECK (position_source IN ('device', 'exif', 'none')),
  demo INTEGER NOT NULL DEFAULT 0,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX progress_photo_element ON progress_photo (element_id);

-- A write sent with an Idempotency-Key header: replayed with the same request it gets
-- the stored answer; with another request, 409. Keyed by user and key; kept until
-- expires_at (ISO UTC), then forgotten.
CREATE TABLE idempotency_key (
  id {{ID}},
  username TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  UNIQUE (username, idempotency_key)
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);
