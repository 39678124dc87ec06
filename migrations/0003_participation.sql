-- Participation: people's needs, votes, links to the plan, public forums, SWOT
-- items, and the Thai full-text index over needs. Plans and their elements belong
-- to the plan module: they are referenced by id without a foreign key and checked
-- through plan::PlanService.

-- Server-side settings of this module, e.g. the HMAC secret for public form tokens
-- (created on first use, so every server sharing the database signs alike).
CREATE TABLE participation_setting (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- เวทีประชาคม: a public forum held in an area, with attendance by sector.
CREATE TABLE forum (
  id {{ID}},
  province_code TEXT NOT NULL,
  plan_id BIGINT NOT NULL,
  title_th TEXT NOT NULL,
  title_en TEXT NOT NULL DEFAULT '',
  held_on TEXT NOT NULL,
  area_code TEXT NOT NULL REFERENCES area (code),
  district_code TEXT NOT NULL,
  attendance_people INTEGER NOT NULL DEFAULT 0 CHECK (attendance_people >= 0),
  attendance_private INTEGER NOT NULL DEFAULT 0 CHECK (attendance_private >= 0),
  attendance_civil_society INTEGER NOT NULL DEFAULT 0 CHECK (attendance_civil_society >= 0),
  attendance_state INTEGER NOT NULL DEFAULT 0 CHECK (attendance_state >= 0),
  notes TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  demo_key TEXT UNIQUE,
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX forum_plan ON forum (plan_id, held_on);
CREATE INDEX forum_district ON forum (district_code);

-- ความต้องการของประชาชน. Contact details and the address hash of a public
-- submitter are for moderators and the rate limit only, never for public lists.
CREATE TABLE need (
  id {{ID}},
  province_code TEXT NOT NULL,
  plan_id BIGINT NOT NULL,
  receipt TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL CHECK (source IN ('officer', 'public', 'forum')),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  dimension TEXT NOT NULL CHECK (dimension IN ('economy', 'society', 'environment', 'security')),
  sector TEXT NOT NULL CHECK (sector IN ('people', 'private', 'civil_society', 'state')),
  area_code TEXT NOT NULL REFERENCES area (code),
  district_code TEXT NOT NULL,
  subdistrict_code TEXT,
  forum_id BIGINT REFERENCES forum (id),
  status TEXT NOT NULL CHECK (status IN ('pending_moderation', 'new', 'accepted', 'merged',
                                         'linked', 'declined', 'rejected')),
  decline_reason TEXT,
  merged_into_id BIGINT REFERENCES need (id),
  vote_count INTEGER NOT NULL DEFAULT 0,
  submitter_name TEXT,
  submitter_phone TEXT,
  submitter_address_hash TEXT,
  form_nonce TEXT UNIQUE,
  created_by BIGINT REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  -- thai::search_text(title + description): words separated by spaces.
  search_text TEXT NOT NULL,
  demo_key TEXT UNIQUE,
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX need_plan_status ON need (plan_id, status);
CREATE INDEX need_district ON need (district_code, status);
CREATE INDEX need_subdistrict ON need (subdistrict_code);
CREATE INDEX need_area ON need (area_code);
CREATE INDEX need_forum ON need (forum_id);
CREATE INDEX need_merged_into ON need (merged_into_id);
CREATE INDEX need_public_address ON need (submitter_address_hash, created_at);

-- One vote per signed-in user per need.
CREATE TABLE need_vote (
  need_id BIGINT NOT NULL REFERENCES need (id),
  user_id BIGINT NOT NULL REFERENCES app_user (id),
  voted_at TEXT NOT NULL,
  PRIMARY KEY (need_id, user_id)
);
CREATE INDEX need_vote_user ON need_vote (user_id);

-- A guideline or project (plan element, stable id) that answers a need.
CREATE TABLE need_link (
  need_id BIGINT NOT NULL REFERENCES need (id),
  element_id BIGINT NOT NULL,
  element_kind TEXT NOT NULL CHECK (element_kind IN ('guideline', 'project')),
  linked_by BIGINT REFERENCES app_user (id),
  linked_at TEXT NOT NULL,
  PRIMARY KEY (need_id, element_id)
);
CREATE INDEX need_link_element ON need_link (element_id);

-- SWOT analysis of a plan, each item with the evidence behind it.
CREATE TABLE swot_item (
  id {{ID}},
  province_code TEXT NOT NULL,
  plan_id BIGINT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('strength', 'weakness', 'opportunity', 'threat')),
  text_th TEXT NOT NULL,
  text_en TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL,
  evidence_source TEXT,
  dimension TEXT CHECK (dimension IN ('economy', 'society', 'environment', 'security')),
  position INTEGER NOT NULL DEFAULT 0,
  created_by BIGINT REFERENCES app_user (id),
  created_at TEXT NOT NULL,
  demo_key TEXT UNIQUE,
  demo INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX swot_item_plan ON swot_item (plan_id, kind, position);

-- Thai full-text search over needs. The text is segmented into words by ICU before
-- it is stored (Thai has no spaces), so each engine only splits on spaces and
-- never runs its own word parser (which would split Thai words at vowel marks).
--@sqlite
-- External-content FTS5 table holding published needs only (a need waiting for
-- moderation or rejected is never found), kept in step by triggers. The tokenizer
-- keeps Thai vowel and tone marks (category M) inside words. A second column holds
-- the plan as one token ("plan12"), so a search inside one plan stays in the index.
-- FTS5 must be told the exact old text of a row it holds, hence one trigger per
-- status transition.
ALTER TABLE need ADD COLUMN search_scope TEXT GENERATED ALWAYS AS ('plan' || plan_id) VIRTUAL;
CREATE VIRTUAL TABLE need_search USING fts5 (
  search_text, search_scope, content = 'need', content_rowid = 'id',
  tokenize = "unicode61 categories 'L* N* Co M*'"
);
CREATE TRIGGER need_search_insert AFTER INSERT ON need
WHEN new.status NOT IN ('pending_moderation', 'rejected') BEGIN
  INSERT INTO need_search (rowid, search_text, search_scope)
  VALUES (new.id, new.search_text, 'plan' || new.plan_id);
END;
CREATE TRIGGER need_search_delete AFTER DELETE ON need
WHEN old.status NOT IN ('pending_moderation', 'rejected') BEGIN
  INSERT INTO need_search (need_search, rowid, search_text, search_scope)
  VALUES ('delete', old.id, old.search_text, 'plan' || old.plan_id);
END;
CREATE TRIGGER need_search_change AFTER UPDATE OF search_text, status, plan_id ON need
WHEN old.status NOT IN ('pending_moderation', 'rejected')
 AND new.status NOT IN ('pending_moderation', 'rejected') BEGIN
  INSERT INTO need_search (need_search, rowid, search_text, search_scope)
  VALUES ('delete', old.id, old.search_text, 'plan' || old.plan_id);
  INSERT INTO need_search (rowid, search_text, search_scope)
  VALUES (new.id, new.search_text, 'plan' || new.plan_id);
END;
CREATE TRIGGER need_search_unpublish AFTER UPDATE OF search_text, status, plan_id ON need
WHEN old.status NOT IN ('pending_moderation', 'rejected')
 AND new.status IN ('pending_moderation', 'rejected') BEGIN
  INSERT INTO need_search (need_search, rowid, search_text, search_scope)
  VALUES ('delete', old.id, old.search_text, 'plan' || old.plan_id);
END;
CREATE TRIGGER need_search_publish AFTER UPDATE OF search_text, status, plan_id ON need
WHEN old.status IN ('pending_moderation', 'rejected')
 AND new.status NOT IN ('pending_moderation', 'rejected') BEGIN
  INSERT INTO need_search (rowid, search_text, search_scope)
  VALUES (new.id, new.search_text, 'plan' || new.plan_id);
END;
--@end
--@postgres
-- A narrow side table holding published needs only, kept by a trigger: the words
-- as lexemes exactly as stored (array_to_tsvector runs no parser, so Thai vowel
-- and tone marks never split a word) plus the plan as one more lexeme ("#plan12";
-- '#' never occurs in a search term), with a GIN index. Kept apart from `need`
-- so a match costs a small row, not a wide one (measured in docs/performance.md,
-- "Participation and search").
CREATE TABLE need_search (
  need_id BIGINT PRIMARY KEY REFERENCES need (id) ON DELETE CASCADE,
  terms tsvector NOT NULL
);
CREATE INDEX need_search_terms ON need_search USING GIN (terms);
CREATE FUNCTION need_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM need_search WHERE need_id = OLD.id;
  END IF;
  IF NEW.status NOT IN ('pending_moderation', 'rejected') THEN
    INSERT INTO need_search (need_id, terms)
    VALUES (NEW.id, array_to_tsvector(array_append(
      array_remove(string_to_array(NEW.search_text, ' '), ''), '#plan' || NEW.plan_id)));
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER need_search_insert AFTER INSERT ON need
FOR EACH ROW EXECUTE FUNCTION need_search_sync();
CREATE TRIGGER need_search_update AFTER UPDATE OF search_text, status, plan_id ON need
FOR EACH ROW EXECUTE FUNCTION need_search_sync();
--@end
