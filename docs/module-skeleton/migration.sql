-- migrations/NNNN_sample.sql (next free number). One file serves both engines:
-- {{ID}} becomes the engine's identity column (see src/db/README.md).
CREATE TABLE sample_item (
  id {{ID}},
  province_code TEXT NOT NULL,
  plan_id BIGINT NOT NULL,          -- the plan module's id; no foreign key across modules
  title TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open',
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX sample_item_plan ON sample_item (plan_id);
CREATE UNIQUE INDEX sample_item_demo_key ON sample_item (demo_key);
