-- Notifications (platform/notifications) and the public portal's feedback
-- (modules/portal). Times are ISO 8601 UTC text in both engines.

-- One message a domain change announced (outbox.hpp: enqueued in the change's own
-- transaction). Exactly one target: an agency's users or one user.
CREATE TABLE notification_message (
  id {{ID}},
  province_code TEXT NOT NULL,
  topic TEXT NOT NULL,
  target_agency TEXT,
  target_user_id BIGINT,
  subject_th TEXT NOT NULL,
  body_th TEXT NOT NULL,
  link TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- The in-app list: one row per user told, written with the message.
CREATE TABLE notification_inbox (
  id {{ID}},
  province_code TEXT NOT NULL,
  message_id BIGINT NOT NULL REFERENCES notification_message (id),
  user_id BIGINT NOT NULL,
  read_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX notification_inbox_user ON notification_inbox (user_id, id);

-- E-mail and LINE deliveries the worker sends (delivery.hpp): pending until sent,
-- tried again with growing waits, `failed` after the last try, `over_quota` when
-- the LINE plan's monthly pushes ran out.
CREATE TABLE notification_delivery (
  id {{ID}},
  province_code TEXT NOT NULL,
  message_id BIGINT NOT NULL REFERENCES notification_message (id),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'line')),
  address TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'over_quota')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  sent_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX notification_delivery_due ON notification_delivery (status, next_attempt_at);

-- What a user chose to be told, per topic and channel (no row: in the app only).
CREATE TABLE notification_preference (
  user_id BIGINT NOT NULL,
  topic TEXT NOT NULL,
  in_app INTEGER NOT NULL DEFAULT 1,
  email INTEGER NOT NULL DEFAULT 0,
  line INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (user_id, topic)
);

-- Where a user is reached: an e-mail address, a LINE user id (linked through the
-- LINE webhook with a one-time code).
CREATE TABLE notification_contact (
  user_id BIGINT PRIMARY KEY,
  province_code TEXT NOT NULL,
  email TEXT,
  line_user_id TEXT,
  version INTEGER NOT NULL DEFAULT 1
);

-- An office's LINE group (linked by a code sent in the group), pushed to once for
-- messages to the agency.
CREATE TABLE notification_agency_group (
  agency_code TEXT PRIMARY KEY,
  province_code TEXT NOT NULL,
  line_group_id TEXT NOT NULL,
  linked_at TEXT NOT NULL
);

-- One-time codes a user (or an agency's officer, for its group) sends to the LINE
-- account to link it; only the code's SHA-256 is kept.
CREATE TABLE notification_link_code (
  code_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL,
  agency_code TEXT,
  expires_at TEXT NOT NULL
);

-- LINE pushes counted per month (yyyy-mm, Thailand) against the plan's quota.
CREATE TABLE notification_line_quota (
  month TEXT PRIMARY KEY,
  pushes INTEGER NOT NULL DEFAULT 0
);

-- Public feedback on a project (modules/portal): phone and ID numbers masked before
-- it is stored, held until an officer approves, rejects or refers it (to the
-- provincial complaint centre); the receipt's SHA-256 finds it again. Only a keyed
-- hash of the sender's address (the hourly limit) and the form's nonce (single use)
-- are kept of the sender.
CREATE TABLE portal_feedback (
  id {{ID}},
  province_code TEXT NOT NULL,
  element_id BIGINT NOT NULL,
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment_th TEXT NOT NULL,
  receipt_hash TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('held', 'approved', 'rejected', 'referred')),
  answer_th TEXT,
  answered_at TEXT,
  moderated_by TEXT,
  moderated_at TEXT,
  address_hash TEXT,
  form_nonce TEXT UNIQUE,
  user_id BIGINT,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX portal_feedback_element ON portal_feedback (element_id, status);
CREATE INDEX portal_feedback_status ON portal_feedback (province_code, status, id);
CREATE INDEX portal_feedback_address ON portal_feedback (address_hash, created_at);

-- The HMAC key of the portal's form tokens and address hashes, made by the first
-- server that needs it so every server shares it.
CREATE TABLE portal_setting (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
