-- Procurements under the Public Procurement Act B.E. 2560 and their contracts
-- (src/modules/procurement). A procurement hangs off a plan project (element_id)
-- and the action plan of its fiscal year, referenced by id without a foreign key
-- and checked through their modules' services. Money is integer satang; dates are
-- ISO 'YYYY-MM-DD' (Common Era); fiscal years Buddhist era.

CREATE TABLE procurement (
  id {{ID}},
  province_code TEXT NOT NULL,
  element_id BIGINT NOT NULL,
  action_plan_id BIGINT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  agency_code TEXT,
  title_th TEXT NOT NULL,
  method TEXT NOT NULL
    CHECK (method IN ('e_market', 'e_bidding', 'price_quotation', 'selection', 'specific')),
  budget_satang BIGINT NOT NULL CHECK (budget_satang >= 0),
  reference_price_satang BIGINT NOT NULL CHECK (reference_price_satang >= 0),
  method_reason_th TEXT,
  legal_ground TEXT,
  egp_project_number TEXT,
  in_e_catalog INTEGER NOT NULL DEFAULT 0,
  multi_year INTEGER NOT NULL DEFAULT 0,
  plan_exempt INTEGER NOT NULL DEFAULT 0,
  tor_hearing INTEGER NOT NULL DEFAULT 0,
  allocated_on TEXT,
  plan_published TEXT,
  tor_hearing_from TEXT,
  tor_hearing_to TEXT,
  invitation TEXT,
  bid_day TEXT,
  winner_announced TEXT,
  contract_signed TEXT,
  contract_end TEXT,
  winner_name TEXT,
  winner_tax_id TEXT,
  winner_agreed_satang BIGINT,
  winner_reason_th TEXT,
  contract_number TEXT,
  contract_value_satang BIGINT CHECK (contract_value_satang >= 0),
  terminated_on TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX procurement_element ON procurement (element_id);
CREATE INDEX procurement_action_plan ON procurement (action_plan_id);

-- Bidders and their offered prices (สขร.1), in the order entered.
CREATE TABLE procurement_bidder (
  procurement_id BIGINT NOT NULL REFERENCES procurement (id),
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  tax_id TEXT,
  offered_satang BIGINT NOT NULL CHECK (offered_satang >= 0),
  PRIMARY KEY (procurement_id, position)
);

-- Contract instalments (งวดงาน) and their inspection (ตรวจรับ).
CREATE TABLE procurement_instalment (
  procurement_id BIGINT NOT NULL REFERENCES procurement (id),
  number INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  amount_satang BIGINT NOT NULL CHECK (amount_satang > 0),
  delivered_on TEXT,
  inspected_on TEXT,
  committee_th TEXT,
  accepted INTEGER,
  inspection_note_th TEXT,
  PRIMARY KEY (procurement_id, number)
);

-- Time extensions, penalty waivers, penalties, termination: appended, never changed.
CREATE TABLE procurement_event (
  id {{ID}},
  procurement_id BIGINT NOT NULL REFERENCES procurement (id),
  kind TEXT NOT NULL CHECK (kind IN ('extension', 'penalty_waiver', 'penalty', 'termination')),
  on_date TEXT NOT NULL,
  days INTEGER,
  amount_satang BIGINT,
  new_end TEXT,
  reason_th TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX procurement_event_procurement ON procurement_event (procurement_id);

-- The holidays the Cabinet announces for a calendar year (substitution days
-- included), loaded by the strategy office or an admin. National, not province
-- data. A year without a row here is "not loaded": deadlines then say so.
CREATE TABLE holiday_year (
  year INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  loaded_by TEXT NOT NULL,
  loaded_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE holiday (
  date TEXT PRIMARY KEY,
  year INTEGER NOT NULL REFERENCES holiday_year (year),
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL DEFAULT ''
);
CREATE INDEX holiday_year_index ON holiday (year);

-- One row: bumped by every procurement or holiday write in its transaction, so
-- each server's in-memory read model knows when it is stale (several servers).
-- `token` is new with every write: a number reused after a rolled-back write is
-- still told apart.
CREATE TABLE procurement_revision (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  revision BIGINT NOT NULL,
  token TEXT NOT NULL
);
INSERT INTO procurement_revision (id, revision, token) VALUES (1, 0, 'start');
