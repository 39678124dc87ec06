-- Annual action plan and money: the projects of one fiscal year (main and reserve),
-- allocation by budget line, spending plans, GFMIS month-end positions, reserve
-- promotions, and the national disbursement targets. Plans and their elements
-- belong to the plan module: they are referenced by id without a foreign key and
-- checked through plan::PlanService. Money is integer satang; fiscal years are
-- Buddhist era; months are 'YYYY-MM' (Common Era).

-- แผนปฏิบัติราชการประจำปี: one per plan and fiscal year.
CREATE TABLE action_plan (
  id {{ID}},
  province_code TEXT NOT NULL,
  plan_id BIGINT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  closed_by TEXT,
  closed_at TEXT,
  -- Bumped by every change of the plan's projects or money, in the same
  -- transaction: the key of the in-memory spending model (several servers stay
  -- correct without messages) and the lock that orders writers of one plan.
  revision BIGINT NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (plan_id, fiscal_year)
);
CREATE INDEX action_plan_province ON action_plan (province_code, fiscal_year);

-- A plan project requested in the year; code, name and agency are a snapshot of
-- the plan element when it joined (the live plan tree is shown when it has it).
CREATE TABLE action_plan_project (
  id {{ID}},
  action_plan_id BIGINT NOT NULL REFERENCES action_plan (id),
  province_code TEXT NOT NULL,
  element_id BIGINT NOT NULL,
  code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  agency_code TEXT,
  kind TEXT NOT NULL CHECK (kind IN ('main', 'reserve')),
  ranking INTEGER,
  budget_source TEXT NOT NULL
    CHECK (budget_source IN ('provincial', 'province_group', 'ministry', 'local', 'other')),
  requested_satang BIGINT NOT NULL CHECK (requested_satang >= 0),
  priority INTEGER,
  design_ready INTEGER NOT NULL DEFAULT 0,
  land_ready INTEGER NOT NULL DEFAULT 0,
  contract_ready INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
  cancel_reason TEXT,
  decision_ref TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (action_plan_id, element_id)
);

-- A budget line of a project: GFMIS expense type, capital or current as GFMIS
-- classifies it, budget code and amount.
CREATE TABLE action_plan_line (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES action_plan_project (id),
  action_plan_id BIGINT NOT NULL REFERENCES action_plan (id),
  province_code TEXT NOT NULL,
  gfmis_code TEXT NOT NULL,
  expense_type TEXT NOT NULL
    CHECK (expense_type IN ('personnel', 'operating', 'investment', 'subsidy', 'other')),
  is_capital INTEGER NOT NULL,
  allocated_satang BIGINT NOT NULL CHECK (allocated_satang >= 0),
  contract_satang BIGINT CHECK (contract_satang >= 0),
  budget_holder TEXT,
  paying_agency TEXT,
  carry_over_until TEXT,
  carry_over_consent TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (project_id, gfmis_code)
);
CREATE INDEX action_plan_line_plan ON action_plan_line (action_plan_id);

-- Month-end position of a line as GFMIS reports it. Monthly flows are derived.
CREATE TABLE action_plan_position (
  line_id BIGINT NOT NULL REFERENCES action_plan_line (id),
  month TEXT NOT NULL,
  action_plan_id BIGINT NOT NULL,
  province_code TEXT NOT NULL,
  po_outstanding_satang BIGINT NOT NULL CHECK (po_outstanding_satang >= 0),
  disbursed_to_date_satang BIGINT NOT NULL CHECK (disbursed_to_date_satang >= 0),
  source TEXT NOT NULL CHECK (source IN ('entry', 'import', 'demo')),
  entered_by TEXT NOT NULL,
  entered_at TEXT NOT NULL,
  PRIMARY KEY (line_id, month)
);
CREATE INDEX action_plan_position_plan ON action_plan_position (action_plan_id);

-- แผนการใช้จ่ายงบประมาณ: planned cumulative disbursement of a line at a month end.
CREATE TABLE action_plan_spending_plan (
  line_id BIGINT NOT NULL REFERENCES action_plan_line (id),
  month TEXT NOT NULL,
  action_plan_id BIGINT NOT NULL,
  planned_cumulative_satang BIGINT NOT NULL CHECK (planned_cumulative_satang >= 0),
  PRIMARY KEY (line_id, month)
);
CREATE INDEX action_plan_spending_plan_plan ON action_plan_spending_plan (action_plan_id);

-- Contract instalments due on a capital line (for the year-end forecast).
CREATE TABLE action_plan_instalment (
  line_id BIGINT NOT NULL REFERENCES action_plan_line (id),
  due_month TEXT NOT NULL,
  action_plan_id BIGINT NOT NULL,
  amount_satang BIGINT NOT NULL CHECK (amount_satang >= 0),
  PRIMARY KEY (line_id, due_month)
);
CREATE INDEX action_plan_instalment_plan ON action_plan_instalment (action_plan_id);

-- A reserve project made main from savings, with the committee's decision.
CREATE TABLE action_plan_promotion (
  id {{ID}},
  action_plan_id BIGINT NOT NULL REFERENCES action_plan (id),
  project_id BIGINT NOT NULL REFERENCES action_plan_project (id),
  province_code TEXT NOT NULL,
  element_id BIGINT NOT NULL,
  budget_source TEXT NOT NULL,
  committee_th TEXT NOT NULL,
  meeting_th TEXT NOT NULL,
  resolution_th TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  skip_reason_th TEXT,
  savings_before_satang BIGINT NOT NULL,
  plan_version INTEGER,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX action_plan_promotion_plan ON action_plan_promotion (action_plan_id);

-- National disbursement targets as data, per fiscal year × category × quarter ×
-- base × measure; quarter 4 is the whole year. A row with no percent is a quarter
-- not announced (editable by an admin, never invented).
CREATE TABLE disbursement_target (
  id {{ID}},
  fiscal_year INTEGER NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('overall', 'current', 'capital')),
  quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  base TEXT NOT NULL CHECK (base IN ('annual_budget', 'carry_over', 'combined')),
  measure TEXT NOT NULL CHECK (measure IN ('disbursed', 'committed')),
  percent DOUBLE PRECISION CHECK (percent >= 0 AND percent <= 100),
  source TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  updated_by TEXT,
  updated_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (fiscal_year, category, quarter, base, measure)
);

-- Commitment deadlines of a fiscal year (e.g. single-year procurement by end of Q1).
CREATE TABLE commitment_deadline (
  id {{ID}},
  fiscal_year INTEGER NOT NULL,
  deadline_key TEXT NOT NULL,
  rule_th TEXT NOT NULL,
  rule_en TEXT NOT NULL,
  deadline TEXT NOT NULL,
  source TEXT NOT NULL,
  UNIQUE (fiscal_year, deadline_key)
);
