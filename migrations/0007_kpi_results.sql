-- KPI results: the actual values of the plan's KPIs per fiscal year and period,
-- each KPI's scoring rubric, and (for the reports module) the eMENSCR M-step
-- statuses of a project as officers entered them. KPIs and plans belong to the
-- plan module and action plans to the action_plan module: referenced by id
-- without a foreign key and checked through their services. Fiscal years are
-- Buddhist era.

-- One actual value of a KPI (a plan element, stable across versions) for a fiscal
-- year and a period (Q1–Q4 or the whole year), with its evidence. data_year is the
-- year the figure describes when it lags the fiscal year (GDP, poverty).
CREATE TABLE kpi_actual (
  id {{ID}},
  province_code TEXT NOT NULL,
  plan_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  period TEXT NOT NULL CHECK (period IN ('Q1', 'Q2', 'Q3', 'Q4', 'year')),
  value DOUBLE PRECISION NOT NULL,
  evidence_th TEXT NOT NULL,
  data_year INTEGER,
  source_th TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (element_id, fiscal_year, period)
);
CREATE INDEX kpi_actual_plan ON kpi_actual (plan_id, fiscal_year);

-- How a KPI's actual becomes a score: thresholds as a JSON array of
-- {"value", "score"} (ordered as the direction says), linear between them.
CREATE TABLE kpi_rubric (
  element_id BIGINT PRIMARY KEY,
  province_code TEXT NOT NULL,
  plan_id BIGINT NOT NULL,
  thresholds TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('higher_is_better', 'lower_is_better')),
  weight DOUBLE PRECISION NOT NULL CHECK (weight > 0),
  demo INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX kpi_rubric_plan ON kpi_rubric (plan_id);

-- reports module: the status of each eMENSCR step (M1–M7) of a project in an
-- action plan, as the officer entered it in eMENSCR (free text, never interpreted:
-- what each step means is NESDC's, not ours). One versioned row per project.
CREATE TABLE emenscr_project_steps (
  action_plan_id BIGINT NOT NULL,
  element_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  steps TEXT NOT NULL,  -- JSON array of {"step": "M1", "status_th": "…", "entered_on": "YYYY-MM-DD"|null}
  demo INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (action_plan_id, element_id)
);
