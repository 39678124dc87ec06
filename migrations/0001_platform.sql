-- Platform: reference areas and agencies, users, sessions, sign-in attempts, audit log.
-- Times are ISO 8601 UTC text ("2026-11-25T16:57:28Z") in both engines.

CREATE TABLE area (
  code TEXT PRIMARY KEY,
  level TEXT NOT NULL CHECK (level IN ('province', 'district', 'subdistrict', 'village')),
  parent_code TEXT REFERENCES area (code),
  province_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX area_parent ON area (parent_code);
CREATE INDEX area_province ON area (province_code, level);

CREATE TABLE agency (
  code TEXT PRIMARY KEY,
  province_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  kind TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX agency_province ON agency (province_code);

CREATE TABLE app_user (
  id {{ID}},
  province_code TEXT NOT NULL,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  agency_code TEXT REFERENCES agency (code),
  area_code TEXT REFERENCES area (code),
  community_id BIGINT,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

-- Only the SHA-256 of the session token is stored; the token lives in the cookie.
CREATE TABLE user_session (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  csrf_token TEXT NOT NULL,
  address TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE login_attempt (
  id {{ID}},
  username TEXT NOT NULL,
  address TEXT NOT NULL,
  at TEXT NOT NULL,
  success INTEGER NOT NULL
);
CREATE INDEX login_attempt_username ON login_attempt (username, at);
CREATE INDEX login_attempt_address ON login_attempt (address, at);

CREATE TABLE audit_log (
  id {{ID}},
  province_code TEXT NOT NULL,
  user_id BIGINT,
  username TEXT,
  at TEXT NOT NULL,
  address TEXT NOT NULL,
  request_id TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT
);
CREATE INDEX audit_log_entity ON audit_log (entity, id);
CREATE INDEX audit_log_username ON audit_log (username, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- The audit log is append-only, enforced by the database itself.
--@sqlite
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--@end
--@postgres
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
--@end
