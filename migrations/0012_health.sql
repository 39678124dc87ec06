-- TRAT-FC epidemic control (src/modules/health): outbreaks and their configuration,
-- checkpoints and screenings, people (PDPA: each with its legal basis and a log of
-- every view), cases with classification history and lab tests, contacts with their
-- daily follow-up visits, chains, teams and tasks, the breach register.
-- Dates are ISO 'YYYY-MM-DD' (Common Era); timestamps ISO 8601 UTC.

-- การระบาด: a disease outbreak and its configuration.
CREATE TABLE health_outbreak (
  id {{ID}},
  province_code TEXT NOT NULL,
  disease_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  started_on TEXT NOT NULL,
  ended_on TEXT,
  follow_up_days INTEGER NOT NULL CHECK (follow_up_days BETWEEN 1 AND 60),
  visits_per_day INTEGER NOT NULL DEFAULT 1 CHECK (visits_per_day BETWEEN 1 AND 4),
  not_seen_alert_days INTEGER NOT NULL DEFAULT 2,
  zero_case_days INTEGER NOT NULL DEFAULT 28,
  case_id_mask TEXT NOT NULL,
  eoc_level INTEGER NOT NULL DEFAULT 1,
  retention_until TEXT NOT NULL,
  next_case_seq BIGINT NOT NULL DEFAULT 1,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX health_outbreak_province ON health_outbreak (province_code, ended_on);

-- The disease's legal category over time (COVID-19: dangerous until 2022-09-30).
CREATE TABLE health_legal_period (
  outbreak_id BIGINT NOT NULL REFERENCES health_outbreak (id),
  category TEXT NOT NULL CHECK (category IN ('dangerous', 'under_surveillance', 'notifiable')),
  from_on TEXT NOT NULL,
  to_on TEXT
);
CREATE INDEX health_legal_period_outbreak ON health_legal_period (outbreak_id);

-- Orders of the provincial communicable disease committee in force.
CREATE TABLE health_order (
  outbreak_id BIGINT NOT NULL REFERENCES health_outbreak (id),
  title_th TEXT NOT NULL,
  from_on TEXT NOT NULL,
  to_on TEXT
);
CREATE INDEX health_order_outbreak ON health_order (outbreak_id);

-- A person under the module's care. Legal basis PDPA s.26(5)(b) with the
-- Communicable Diseases Act B.E. 2558; anonymised after the retention end.
CREATE TABLE health_person (
  id {{ID}},
  province_code TEXT NOT NULL,
  id_type TEXT NOT NULL CHECK (id_type IN ('thai_id', 'passport', 'cambodian_id', 'other')),
  id_number TEXT,
  name TEXT NOT NULL,
  phone TEXT,
  legal_basis TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  anonymised INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX health_person_identity ON health_person (province_code, id_type, id_number);

-- Every view of a person's record: who, when, why (break_glass for an admin).
CREATE TABLE health_person_access (
  id {{ID}},
  person_id BIGINT NOT NULL,
  username TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT,
  break_glass INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX health_person_access_person ON health_person_access (person_id, id);

CREATE TABLE health_checkpoint (
  id {{ID}},
  province_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_km TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('province_border', 'district', 'subdistrict', 'village',
    'pier', 'island', 'border_crossing', 'international_control')),
  area_code TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE
);

-- A screening; at a village checkpoint without a referral no person is kept.
CREATE TABLE health_screening (
  id {{ID}},
  province_code TEXT NOT NULL,
  checkpoint_id BIGINT NOT NULL REFERENCES health_checkpoint (id),
  person_id BIGINT,
  screened_at TEXT NOT NULL,
  screened_on TEXT NOT NULL,  -- the day in Thailand, for the board
  temperature_c DOUBLE PRECISION NOT NULL,
  symptoms TEXT NOT NULL DEFAULT '',
  origin TEXT,
  destination_area_code TEXT,
  decision TEXT NOT NULL CHECK (decision IN ('cleared', 'refer', 'quarantine')),
  client_id TEXT,
  created_by TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX health_screening_client ON health_screening (province_code, client_id);
CREATE INDEX health_screening_day ON health_screening (province_code, screened_on);

CREATE TABLE health_cluster (
  id {{ID}},
  province_code TEXT NOT NULL,
  outbreak_id BIGINT NOT NULL,
  name_th TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE
);

CREATE TABLE health_case (
  id {{ID}},
  province_code TEXT NOT NULL,
  outbreak_id BIGINT NOT NULL REFERENCES health_outbreak (id),
  case_number TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES health_person (id),
  disease_code TEXT NOT NULL,
  classification TEXT NOT NULL CHECK (classification IN ('not_a_case', 'pui', 'suspect',
    'probable', 'confirmed')),
  onset_on TEXT,
  reported_on TEXT NOT NULL,
  infected_in TEXT NOT NULL CHECK (infected_in IN ('local', 'other_province', 'cross_border')),
  district_code TEXT,
  place_of_care TEXT,
  outcome TEXT,
  episode INTEGER NOT NULL DEFAULT 1,
  source_case_id BIGINT,
  from_contact_id BIGINT,
  cluster_id BIGINT,
  suspected_at TEXT NOT NULL,
  notice_due_at TEXT,
  notified_at TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (outbreak_id, case_number)
);
-- The board's counts read these indexes only (covering), never the case rows.
CREATE INDEX health_case_board ON health_case (outbreak_id, classification, infected_in, reported_on);
CREATE INDEX health_case_local ON health_case (province_code, disease_code, infected_in,
  classification, district_code, reported_on);
CREATE INDEX health_case_notice ON health_case (outbreak_id, notified_at, notice_due_at);
CREATE INDEX health_case_reported ON health_case (province_code, reported_on);
CREATE INDEX health_case_person ON health_case (person_id);
CREATE INDEX health_case_cluster ON health_case (cluster_id);
CREATE INDEX health_case_source ON health_case (source_case_id);

CREATE TABLE health_case_history (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES health_case (id),
  classification TEXT NOT NULL,
  at TEXT NOT NULL,
  reason TEXT,
  by_user TEXT NOT NULL
);
CREATE INDEX health_case_history_case ON health_case_history (case_id);

CREATE TABLE health_lab_test (
  id {{ID}},
  case_id BIGINT NOT NULL REFERENCES health_case (id),
  kind TEXT NOT NULL CHECK (kind IN ('rt_pcr', 'atk')),
  result TEXT NOT NULL CHECK (result IN ('positive', 'negative', 'inconclusive')),
  taken_on TEXT NOT NULL
);
CREATE INDEX health_lab_test_case ON health_lab_test (case_id);

-- An exposure event: a market, a boat trip (everyone on one sailing's manifest).
CREATE TABLE health_event (
  id {{ID}},
  province_code TEXT NOT NULL,
  outbreak_id BIGINT NOT NULL,
  case_id BIGINT,
  name_th TEXT NOT NULL,
  occurred_on TEXT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE health_team (
  id {{ID}},
  province_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('srrt', 'cdcu', 'mcatt', 'treatment',
    'active_case_finding', 'volunteers', 'measures')),
  name_th TEXT NOT NULL,
  area_code TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE
);

-- A contact; last_visit_* are the last follow-up's outcome kept here so a board or
-- a "not seen for N days" list never scans the visits.
CREATE TABLE health_contact (
  id {{ID}},
  province_code TEXT NOT NULL,
  outbreak_id BIGINT NOT NULL,
  case_id BIGINT,
  event_id BIGINT,
  person_id BIGINT NOT NULL REFERENCES health_person (id),
  last_contact_on TEXT NOT NULL,
  exposure TEXT NOT NULL CHECK (exposure IN ('household', 'workplace', 'community', 'travel',
    'healthcare', 'other')),
  risk TEXT NOT NULL CHECK (risk IN ('high', 'low')),
  follow_up_until TEXT NOT NULL,
  team_id BIGINT,
  district_code TEXT,
  status TEXT NOT NULL DEFAULT 'following' CHECK (status IN ('following', 'completed',
    'converted')),
  last_visit_on TEXT,
  last_visit_status TEXT,
  converted_case_id BIGINT,
  demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX health_contact_case ON health_contact (case_id);
-- Covering for the board: contacts under follow-up and their kept last visit.
CREATE INDEX health_contact_period ON health_contact (outbreak_id, follow_up_until,
  last_contact_on, status, last_visit_on, last_visit_status);
CREATE INDEX health_contact_person ON health_contact (person_id);

CREATE TABLE health_follow_up (
  id {{ID}},
  contact_id BIGINT NOT NULL REFERENCES health_contact (id),
  team_id BIGINT,
  due_on TEXT NOT NULL,
  visit INTEGER NOT NULL DEFAULT 1,
  performed INTEGER,
  symptoms TEXT NOT NULL DEFAULT '',
  done_at TEXT,
  done_by TEXT,
  UNIQUE (contact_id, due_on, visit)
);
CREATE INDEX health_follow_up_team_day ON health_follow_up (team_id, due_on);
CREATE INDEX health_follow_up_day ON health_follow_up (due_on);

-- Tasks of the teams with their deadlines (contacts listed within 24 h of the
-- confirmation, on site within 24 h, MCATT within 72 h).
CREATE TABLE health_task (
  id {{ID}},
  province_code TEXT NOT NULL,
  team_id BIGINT NOT NULL REFERENCES health_team (id),
  case_id BIGINT,
  kind TEXT NOT NULL,
  place TEXT NOT NULL,
  due_at TEXT NOT NULL,
  done_at TEXT,
  created_by TEXT NOT NULL
);
CREATE INDEX health_task_due ON health_task (province_code, due_at);

-- PDPA breach register: the PDPC must be told within 72 hours of discovery.
CREATE TABLE health_breach (
  id {{ID}},
  province_code TEXT NOT NULL,
  discovered_at TEXT NOT NULL,
  description TEXT NOT NULL,
  people_affected BIGINT NOT NULL,
  high_risk INTEGER NOT NULL DEFAULT 0,
  notify_due_at TEXT NOT NULL,
  notified_at TEXT,
  recorded_by TEXT NOT NULL
);
