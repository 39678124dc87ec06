-- OTOP Nawatwithi community tourism (src/modules/tourism/README.md). Money in satang.
-- Ids of other modules' records (areas, plan projects) are stored without foreign keys.
CREATE TABLE tourism_community (
  id {{ID}},
  province_code TEXT NOT NULL,
  area_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  story TEXT NOT NULL DEFAULT '',
  contact_phone TEXT,
  payee_name TEXT NOT NULL,
  payee_kind TEXT NOT NULL,            -- community_enterprise | otop_group
  promptpay_id TEXT,                   -- phone 0XXXXXXXXX or 13-digit ID (checksum checked)
  biller_id TEXT,                      -- bank-issued biller id (tag 30) when the group has one
  bank_account TEXT,
  cbt_scores TEXT NOT NULL,            -- JSON: the national CBT standard's 5 dimensions, 0..5
  cbt_evidence TEXT NOT NULL DEFAULT '',
  program_member INTEGER NOT NULL DEFAULT 1,
  carrying_capacity_per_day BIGINT NOT NULL,
  offered_capacity_per_day BIGINT NOT NULL,
  fund_opening_satang BIGINT NOT NULL DEFAULT 0,
  plan_project_ids TEXT NOT NULL DEFAULT '[]',  -- JSON: plan projects funding tourism here
  joined_on TEXT NOT NULL,             -- YYYY-MM-DD, for "still active after 12 months"
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX tourism_community_province ON tourism_community (province_code);
CREATE UNIQUE INDEX tourism_community_demo_key ON tourism_community (demo_key);

-- Products and experiences share one table of things a community sells; `kind` tells
-- them apart and the kind-specific columns stay NULL for the other kind.
CREATE TABLE tourism_item (
  id {{ID}},
  province_code TEXT NOT NULL,
  community_id BIGINT NOT NULL REFERENCES tourism_community (id),
  kind TEXT NOT NULL,                  -- product | experience
  name_th TEXT NOT NULL,
  name_en TEXT,
  price_satang BIGINT NOT NULL,
  producer_name TEXT,                  -- product
  producer_kind TEXT,                  -- product: community_group | individual | sme
  otop_group TEXT,                     -- product: food | drink | textile | souvenir | herbal
  cdd_group TEXT,                      -- product: A | B | C | D
  stars INTEGER,                       -- product: OTOP Product Champion 1..5
  star_round INTEGER,                  -- product: the rating round (BE year, e.g. 2567)
  standards TEXT NOT NULL DEFAULT '[]',-- product: JSON list of fda, mpc, tis, halal
  stock BIGINT,                        -- product
  duration_minutes BIGINT,             -- experience
  capacity BIGINT,                     -- experience: people per day
  languages TEXT NOT NULL DEFAULT '[]',-- experience: JSON list
  season_from_month INTEGER,           -- experience: 1..12, NULL = all year
  season_to_month INTEGER,
  guide_licence TEXT,                  -- experience: the licensed guide's licence number
  tour_licence_holder TEXT,            -- experience sold as a package: whose tour-business licence
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX tourism_item_community ON tourism_item (community_id, kind);
CREATE UNIQUE INDEX tourism_item_demo_key ON tourism_item (demo_key);

-- Every price an item has had, so a sale made offline is checked against the price of
-- its moment and a later price change never alters a sale.
CREATE TABLE tourism_price (
  item_id BIGINT NOT NULL REFERENCES tourism_item (id),
  valid_from TEXT NOT NULL,            -- RFC 3339 UTC
  price_satang BIGINT NOT NULL,
  PRIMARY KEY (item_id, valid_from)
);

-- Star ratings per round: upgrades per round for the program view.
CREATE TABLE tourism_star_rating (
  item_id BIGINT NOT NULL REFERENCES tourism_item (id),
  star_round INTEGER NOT NULL,
  stars INTEGER NOT NULL,
  PRIMARY KEY (item_id, star_round)
);

-- How many people are booked per day, per community (its offered capacity) and per
-- experience (its capacity): a booking is one conditional UPDATE of these rows.
CREATE TABLE tourism_day_load (
  scope TEXT NOT NULL,                 -- community | experience
  scope_id BIGINT NOT NULL,
  day TEXT NOT NULL,                   -- YYYY-MM-DD
  booked BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (scope, scope_id, day)
);

CREATE TABLE tourism_booking (
  id {{ID}},
  province_code TEXT NOT NULL,
  community_id BIGINT NOT NULL,
  experience_id BIGINT NOT NULL,
  day TEXT NOT NULL,
  party_size BIGINT NOT NULL,
  contact_name TEXT NOT NULL,
  contact_phone TEXT NOT NULL,
  created_at TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tourism_booking_community ON tourism_booking (community_id, day);

CREATE TABLE tourism_split_rule (
  community_id BIGINT NOT NULL REFERENCES tourism_community (id),
  applies_to TEXT NOT NULL,            -- product | experience
  producer_percent INTEGER NOT NULL,
  guide_percent INTEGER NOT NULL,
  homestay_percent INTEGER NOT NULL,
  fund_percent INTEGER NOT NULL,
  PRIMARY KEY (community_id, applies_to)
);

CREATE TABLE tourism_sale (
  id {{ID}},
  province_code TEXT NOT NULL,
  community_id BIGINT NOT NULL REFERENCES tourism_community (id),
  device_id TEXT NOT NULL,
  sequence BIGINT NOT NULL,
  sold_at TEXT NOT NULL,
  month TEXT NOT NULL,                 -- YYYY-MM of sold_at in Thailand (UTC+7)
  total_satang BIGINT NOT NULL,
  to_residents_satang BIGINT NOT NULL,
  to_fund_satang BIGINT NOT NULL,
  previous_hash TEXT NOT NULL,
  receipt_hash TEXT NOT NULL,
  lines_text TEXT NOT NULL,            -- kind:id:quantity:unit_price_satang;… as sent
  gap_before INTEGER NOT NULL DEFAULT 0, -- the sale before it on the device is not here (yet)
  payment_status TEXT NOT NULL DEFAULT 'unpaid', -- unpaid | verified
  payment_reference TEXT,
  verified_by BIGINT,
  verified_at TEXT,
  created_by BIGINT,
  created_at TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX tourism_sale_device_sequence ON tourism_sale (device_id, sequence);
CREATE INDEX tourism_sale_community_month ON tourism_sale (community_id, month);
-- The sales page reads newest first by (sold_at, id) without a sort.
CREATE INDEX tourism_sale_community_sold ON tourism_sale (community_id, sold_at, id);

-- Running totals of a community's sales, kept with each sale in its transaction, so
-- the sales page does not count a year of sales on every read.
CREATE TABLE tourism_sale_total (
  community_id BIGINT PRIMARY KEY,
  sales BIGINT NOT NULL,
  total_satang BIGINT NOT NULL
);

CREATE TABLE tourism_sale_line (
  sale_id BIGINT NOT NULL REFERENCES tourism_sale (id),
  position INTEGER NOT NULL,
  community_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  item_id BIGINT NOT NULL,
  quantity BIGINT NOT NULL,
  unit_price_satang BIGINT NOT NULL,
  to_producer_satang BIGINT NOT NULL,
  to_guide_satang BIGINT NOT NULL,
  to_homestay_satang BIGINT NOT NULL,
  to_fund_satang BIGINT NOT NULL,
  PRIMARY KEY (sale_id, position)
);
CREATE INDEX tourism_sale_line_community ON tourism_sale_line (community_id, sale_id);

-- Transport for the routes: stops (piers, communities), legs (ferry or road) in
-- timetables the province keeps, and notices.
CREATE TABLE tourism_stop (
  id {{ID}},
  province_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  latitude DOUBLE PRECISION NOT NULL,
  longitude DOUBLE PRECISION NOT NULL,
  community_id BIGINT,
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT
);
CREATE UNIQUE INDEX tourism_stop_demo_key ON tourism_stop (demo_key);

CREATE TABLE tourism_route (
  id {{ID}},
  province_code TEXT NOT NULL,
  name_th TEXT NOT NULL,
  name_en TEXT NOT NULL,
  stop_ids TEXT NOT NULL,              -- JSON: the stops in order
  demo INTEGER NOT NULL DEFAULT 0,
  demo_key TEXT
);
CREATE UNIQUE INDEX tourism_route_demo_key ON tourism_route (demo_key);

CREATE TABLE tourism_trip (
  id {{ID}},
  province_code TEXT NOT NULL,
  route_id BIGINT NOT NULL REFERENCES tourism_route (id),
  mode TEXT NOT NULL,                  -- ferry | road
  operator_name TEXT NOT NULL,
  operator_url TEXT NOT NULL,        -- GTFS agency_url
  headsign TEXT NOT NULL,
  days TEXT NOT NULL,                  -- seven 0/1 from Monday, as GTFS calendar.txt
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  stop_times TEXT NOT NULL,            -- JSON [{stop_id, arrival, departure}] (HH:MM:SS)
  demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tourism_trip_route ON tourism_trip (route_id);

CREATE TABLE tourism_notice (
  id {{ID}},
  province_code TEXT NOT NULL,
  route_id BIGINT NOT NULL REFERENCES tourism_route (id),
  text_th TEXT NOT NULL,
  text_en TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  created_at TEXT NOT NULL,
  demo INTEGER NOT NULL DEFAULT 0
);
