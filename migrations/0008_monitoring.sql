-- Monitoring: early warnings (each with an owner agency, a due date and a
-- resolution), the thresholds that raise them, and a revision per province that
-- orders the writers of warnings and keys the in-memory copy. Warnings are derived
-- from the records of other modules (action plan, progress, procurement, KPI
-- results): those are referenced by element id without foreign keys and read
-- through the modules' services. Dates are ISO YYYY-MM-DD (Thai civil day).

-- One warning as raised. A cause that comes back after a resolution gives a new
-- row (the resolved one keeps its note and the measure at its resolution).
CREATE TABLE monitoring_warning (
  id {{ID}},
  province_code TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('procurement_not_committed', 'behind_disbursement_target',
    'kpi_below_trajectory', 'progress_report_missing', 'reserve_available', 'instalment_overdue')),
  element_id BIGINT NOT NULL,
  -- What inside the element the cause is about ('' for the element itself), e.g.
  -- 'procurement:12'; (kind, element_id, subject) is the cause's key.
  subject TEXT NOT NULL DEFAULT '',
  agency_code TEXT,
  raised_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  -- How bad the cause is (larger is worse) and whether it is past its due date
  -- (1) or an early warning (0); kept current while open.
  measure DOUBLE PRECISION NOT NULL DEFAULT 0,
  severity INTEGER NOT NULL DEFAULT 0,
  message_th TEXT NOT NULL,
  message_en TEXT NOT NULL,
  resolved_on TEXT,
  resolved_at TEXT,
  resolved_by TEXT,
  -- 1 when the system resolved it because its cause went away.
  resolved_automatically INTEGER NOT NULL DEFAULT 0,
  resolution_note_th TEXT,
  resolved_measure DOUBLE PRECISION,
  resolved_severity INTEGER,
  demo INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX monitoring_warning_year ON monitoring_warning (province_code, fiscal_year, kind);
-- At most one open warning per cause, whoever evaluates first.
CREATE UNIQUE INDEX monitoring_warning_open ON monitoring_warning
  (province_code, fiscal_year, kind, element_id, subject) WHERE status = 'open';

-- Bumped first in every transaction that writes warnings of the province: writers
-- queue on the row and the in-memory copy knows when it is stale.
CREATE TABLE monitoring_state (
  province_code TEXT PRIMARY KEY,
  revision BIGINT NOT NULL DEFAULT 0
);

-- Thresholds set for a province (defaults in src/modules/monitoring/model.hpp,
-- explained in the module's README); a missing row means the default.
CREATE TABLE monitoring_setting (
  province_code TEXT NOT NULL,
  setting_key TEXT NOT NULL,
  value DOUBLE PRECISION NOT NULL,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (province_code, setting_key)
);
