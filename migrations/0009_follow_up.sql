-- Follow-up and review (issue 11): committees and their member agencies, meetings
-- with the standard agenda, frozen meeting packs, resolutions (มติ), directives
-- (ข้อสั่งการ) with their status history, audit and inspection findings, evidence
-- files, and the yearly PDCA review. Plans, projects and KPIs belong to the plan
-- module: referenced by element id without foreign keys. Dates are ISO YYYY-MM-DD
-- (Thai civil day); timestamps ISO UTC.

CREATE TABLE follow_up_committee (
  id {{ID}},
  province_code TEXT NOT NULL,
  short_th TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  -- What the committee is for (e.g. the monthly acceleration of spending).
  purpose_th TEXT NOT NULL DEFAULT '',
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (province_code, short_th)
);

-- Member agencies of a committee and their seat (ประธาน, กรรมการ, เลขานุการ …).
CREATE TABLE follow_up_committee_member (
  committee_id BIGINT NOT NULL REFERENCES follow_up_committee (id),
  agency_code TEXT NOT NULL,
  seat_th TEXT NOT NULL,
  position INTEGER NOT NULL,
  PRIMARY KEY (committee_id, agency_code)
);

-- A meeting: attendees and the six agenda items as JSON (their shape is the
-- module's model), the approval of the previous meeting's minutes.
CREATE TABLE follow_up_meeting (
  id {{ID}},
  province_code TEXT NOT NULL,
  committee_id BIGINT NOT NULL REFERENCES follow_up_committee (id),
  held_on TEXT NOT NULL,
  title_th TEXT NOT NULL,
  attendees TEXT NOT NULL DEFAULT '[]',
  agenda TEXT NOT NULL,
  previous_meeting_id BIGINT,
  -- NULL: not decided yet; 1 approved (with corrections in the note); 0 not approved.
  previous_minutes_approved INTEGER,
  previous_minutes_note_th TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_meeting_committee ON follow_up_meeting (province_code, committee_id, held_on);

-- The issued pack of a meeting: at most one, never updated (no UPDATE statement
-- exists for it). The documents are kept as base64 with their SHA-256, so the bytes
-- served later are the bytes issued, on either engine and on any server.
CREATE TABLE follow_up_pack (
  id {{ID}},
  meeting_id BIGINT NOT NULL UNIQUE REFERENCES follow_up_meeting (id),
  province_code TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  summary TEXT NOT NULL,
  pdf_base64 TEXT NOT NULL,
  pdf_sha256 TEXT NOT NULL,
  xlsx_base64 TEXT NOT NULL,
  xlsx_sha256 TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL
);

-- A resolution (มติ) of a meeting, numbered within it; other modules cite its id.
CREATE TABLE follow_up_resolution (
  id {{ID}},
  province_code TEXT NOT NULL,
  meeting_id BIGINT NOT NULL REFERENCES follow_up_meeting (id),
  number INTEGER NOT NULL,
  agenda_item INTEGER NOT NULL CHECK (agenda_item BETWEEN 1 AND 6),
  text_th TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (meeting_id, number)
);

CREATE TABLE follow_up_directive (
  id {{ID}},
  province_code TEXT NOT NULL,
  meeting_id BIGINT NOT NULL REFERENCES follow_up_meeting (id),
  text_th TEXT NOT NULL,
  agency_code TEXT NOT NULL,
  due_on TEXT NOT NULL,
  element_ids TEXT NOT NULL DEFAULT '[]',
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'done', 'cancelled')),
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_directive_agency ON follow_up_directive (province_code, status, agency_code);

-- The status history of a directive: each change with the note of what was done.
CREATE TABLE follow_up_directive_update (
  id {{ID}},
  directive_id BIGINT NOT NULL REFERENCES follow_up_directive (id),
  status TEXT NOT NULL,
  note_th TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX follow_up_directive_update_of ON follow_up_directive_update (directive_id, id);

CREATE TABLE follow_up_finding (
  id {{ID}},
  province_code TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('internal_audit', 'governance_inspection',
    'government_inspector', 'state_audit_office')),
  agency_code TEXT NOT NULL,
  element_ids TEXT NOT NULL DEFAULT '[]',
  finding_th TEXT NOT NULL,
  risk TEXT NOT NULL CHECK (risk IN ('low', 'medium', 'high')),
  recommendation_th TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'responded', 'closed')),
  response_th TEXT,
  responded_by TEXT,
  responded_at TEXT,
  closure_note_th TEXT,
  closure_evidence TEXT,
  closed_by TEXT,
  closed_at TEXT,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT UNIQUE,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX follow_up_finding_agency ON follow_up_finding (province_code, status, agency_code);

-- Evidence files of a directive or a finding (PDF, JPEG, PNG), base64 like packs.
CREATE TABLE follow_up_evidence (
  id {{ID}},
  province_code TEXT NOT NULL,
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('directive', 'finding')),
  owner_id BIGINT NOT NULL,
  file_name TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  content_base64 TEXT NOT NULL,
  uploaded_by TEXT NOT NULL,
  uploaded_at TEXT NOT NULL
);
CREATE INDEX follow_up_evidence_owner ON follow_up_evidence (owner_kind, owner_id);

-- The yearly PDCA review's own entries (the figures come live from other modules):
-- lessons learned and proposed changes by the strategy office, and the plan draft a
-- revision started from it.
CREATE TABLE follow_up_review (
  province_code TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  lessons_th TEXT NOT NULL DEFAULT '',
  proposed_changes TEXT NOT NULL DEFAULT '[]',
  revision_plan_id BIGINT,
  revision_version INTEGER,
  demo INTEGER NOT NULL DEFAULT 0,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1,
  PRIMARY KEY (province_code, fiscal_year)
);
