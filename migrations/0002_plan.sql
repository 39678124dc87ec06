-- Strategic plan: plans, their versions, and the elements of each version.
-- An element keeps one `element_id` (plan_element_identity.id) in every version it
-- appears in. Every other row is keyed by (plan_version_id, element_id), so a
-- revision copies each table with one INSERT ... SELECT, and old versions stay
-- readable as they were. Money is integer satang; fiscal years are Buddhist era.

CREATE TABLE plan (
  id {{ID}},
  province_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  first_fiscal_year INTEGER NOT NULL,
  last_fiscal_year INTEGER NOT NULL,
  demo_key TEXT UNIQUE,
  demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  CHECK (first_fiscal_year <= last_fiscal_year)
);
CREATE INDEX plan_province ON plan (province_code);

CREATE TABLE plan_version (
  id {{ID}},
  plan_id BIGINT NOT NULL REFERENCES plan (id),
  province_code TEXT NOT NULL,
  number INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'superseded')),
  based_on INTEGER,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  approved_by TEXT,
  approved_at TEXT,
  note TEXT,
  -- Bumped by every change inside the version: the key of cached drafts and of the
  -- project search index.
  revision BIGINT NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (plan_id, number)
);
-- At most one open draft per plan.
CREATE UNIQUE INDEX plan_version_one_draft ON plan_version (plan_id) WHERE status = 'draft';

-- The stable identity of an element across versions; other modules link to it.
CREATE TABLE plan_element_identity (
  id {{ID}},
  plan_id BIGINT NOT NULL REFERENCES plan (id),
  province_code TEXT NOT NULL,
  kind TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX plan_element_identity_plan ON plan_element_identity (plan_id);

CREATE TABLE plan_element (
  plan_version_id BIGINT NOT NULL REFERENCES plan_version (id),
  element_id BIGINT NOT NULL REFERENCES plan_element_identity (id),
  plan_id BIGINT NOT NULL REFERENCES plan (id),
  province_code TEXT NOT NULL,
  parent_id BIGINT,
  kind TEXT NOT NULL CHECK (kind IN ('vision', 'mission', 'value', 'goal', 'strategy',
                                     'guideline', 'kpi', 'program', 'project')),
  code TEXT,
  text_th TEXT NOT NULL,
  text_en TEXT NOT NULL,
  description_th TEXT NOT NULL DEFAULT '',
  description_en TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_version_id, element_id),
  FOREIGN KEY (plan_version_id, parent_id) REFERENCES plan_element (plan_version_id, element_id)
);
CREATE UNIQUE INDEX plan_element_code ON plan_element (plan_version_id, code)
  WHERE code IS NOT NULL;
CREATE INDEX plan_element_parent ON plan_element (plan_version_id, parent_id, position);
CREATE INDEX plan_element_element ON plan_element (element_id, plan_version_id);

CREATE TABLE plan_element_dimension (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  dimension TEXT NOT NULL CHECK (dimension IN ('economy', 'society', 'environment', 'security')),
  PRIMARY KEY (plan_version_id, element_id, dimension),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_element (plan_version_id, element_id)
);

-- Links to the national reference targets (data/alignment-catalog.json codes).
CREATE TABLE plan_element_alignment (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  target_code TEXT NOT NULL,
  PRIMARY KEY (plan_version_id, element_id, target_code),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_element (plan_version_id, element_id)
);
CREATE INDEX plan_element_alignment_target ON plan_element_alignment (target_code);

CREATE TABLE plan_kpi (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  unit_th TEXT NOT NULL DEFAULT '',
  unit_en TEXT NOT NULL DEFAULT '',
  direction TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better',
                                               'within_range')),
  range_low DOUBLE PRECISION,
  range_high DOUBLE PRECISION,
  baseline_value DOUBLE PRECISION,
  baseline_year INTEGER,
  formula_th TEXT NOT NULL DEFAULT '',
  formula_en TEXT NOT NULL DEFAULT '',
  data_source_th TEXT NOT NULL DEFAULT '',
  data_source_en TEXT NOT NULL DEFAULT '',
  frequency TEXT NOT NULL DEFAULT 'yearly',
  owner_agency_code TEXT REFERENCES agency (code),
  PRIMARY KEY (plan_version_id, element_id),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_element (plan_version_id, element_id)
);

-- Targets are edited in place, one fiscal year at a time; each row has its version.
CREATE TABLE plan_kpi_target (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  value DOUBLE PRECISION,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (plan_version_id, element_id, fiscal_year),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_kpi (plan_version_id, element_id)
);

CREATE TABLE plan_project (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  project_kind TEXT NOT NULL CHECK (project_kind IN ('main', 'reserve')),
  ranking INTEGER,
  proposal_status TEXT NOT NULL DEFAULT 'accepted'
    CHECK (proposal_status IN ('proposed', 'accepted')),
  proposed_by_agency TEXT REFERENCES agency (code),
  agency_code TEXT REFERENCES agency (code),
  first_fiscal_year INTEGER,
  last_fiscal_year INTEGER,
  budget_source TEXT NOT NULL CHECK (budget_source IN ('provincial', 'province_group',
                                                       'ministry', 'local', 'other')),
  budget_satang BIGINT NOT NULL DEFAULT 0 CHECK (budget_satang >= 0),
  objectives_th TEXT NOT NULL DEFAULT '',
  objectives_en TEXT NOT NULL DEFAULT '',
  start_date TEXT,
  end_date TEXT,
  term TEXT NOT NULL DEFAULT 'short_term' CHECK (term IN ('short_term', 'long_term')),
  PRIMARY KEY (plan_version_id, element_id),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_element (plan_version_id, element_id),
  CHECK (project_kind = 'main' OR ranking IS NOT NULL)
);
CREATE INDEX plan_project_agency_code ON plan_project (agency_code);

CREATE TABLE plan_project_area (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES area (code),
  position INTEGER NOT NULL,
  PRIMARY KEY (plan_version_id, element_id, area_code),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_project (plan_version_id, element_id)
);
CREATE INDEX plan_project_area_code ON plan_project_area (area_code);

-- Supporting agencies (the responsible one is plan_project.agency_code).
CREATE TABLE plan_project_agency (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  agency_code TEXT NOT NULL REFERENCES agency (code),
  position INTEGER NOT NULL,
  PRIMARY KEY (plan_version_id, element_id, agency_code),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_project (plan_version_id, element_id)
);

-- Further guidelines a project serves, besides the one it hangs under.
CREATE TABLE plan_project_guideline (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  guideline_id BIGINT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (plan_version_id, element_id, guideline_id),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_project (plan_version_id, element_id),
  FOREIGN KEY (plan_version_id, guideline_id) REFERENCES plan_element (plan_version_id, element_id)
);

-- Output and outcome indicators of a project.
CREATE TABLE plan_project_indicator (
  plan_version_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  position INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('output', 'outcome')),
  text_th TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  unit_th TEXT NOT NULL DEFAULT '',
  target_value DOUBLE PRECISION,
  PRIMARY KEY (plan_version_id, element_id, position),
  FOREIGN KEY (plan_version_id, element_id) REFERENCES plan_project (plan_version_id, element_id)
);
