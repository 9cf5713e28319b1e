-- 005-dunning.sql — schema version 5: dunning procedures, the statutory
-- interest rates, and each account's dunning settings.
--
-- Procedures and rates are the book's reference data: the same for every
-- collector, changed by `relance procedures import` and `relance rates set`
-- (or :procedures in the workstation). Which step an invoice has reached is
-- not stored: it is read from the journal, where every reminder sent is an
-- entry whose detail names its procedure, step and invoices (dunning.c), so
-- that copies of the book that exchange their journals agree on it.

-- kind 'consumer' brings the Belgian consumer rules (Code of Economic Law,
-- book XIX): a free first reminder, 14 days, capped fees and damages.
CREATE TABLE procedures (
	name  TEXT PRIMARY KEY NOT NULL CHECK (name GLOB '[a-z0-9]*' AND length(name) BETWEEN 1 AND 32
	                                       AND name NOT GLOB '*[^a-z0-9_-]*'),
	kind  TEXT NOT NULL DEFAULT 'business' CHECK (kind IN ('business', 'consumer')),
	title TEXT NOT NULL
) WITHOUT ROWID;

-- A step: `days` after the due date (negative: before it); what is
-- sent and how; the fee it adds (cents); claims: interest and the fixed
-- compensation (for consumers: the damages) are claimed from this step on.
CREATE TABLE procedure_steps (
	procedure TEXT NOT NULL REFERENCES procedures(name) ON DELETE CASCADE,
	step      INTEGER NOT NULL CHECK (step BETWEEN 1 AND 20),
	days      INTEGER NOT NULL CHECK (days BETWEEN -90 AND 3650),
	channel   TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'registered', 'sms', 'call',
	                                           'agency', 'lawyer')),
	template  TEXT NOT NULL CHECK (template GLOB '[a-z0-9]*' AND template NOT GLOB '*[^a-z0-9_-]*'),
	fee       INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
	claims    INTEGER NOT NULL DEFAULT 0 CHECK (claims IN (0, 1)),
	PRIMARY KEY (procedure, step)
) WITHOUT ROWID;

-- Which procedure a segment follows; other segments follow 'business'.
CREATE TABLE segment_procedures (
	segment   TEXT PRIMARY KEY NOT NULL,
	procedure TEXT NOT NULL REFERENCES procedures(name)
) WITHOUT ROWID;

INSERT INTO procedures(name, kind, title) VALUES
	('business', 'business', 'Businesses: reminders, formal notice, agency'),
	('consumer', 'consumer', 'Belgian consumers (Code of Economic Law, book XIX)');
INSERT INTO procedure_steps(procedure, step, days, channel, template, fee, claims) VALUES
	('business', 1, -3, 'email', 'pre-due', 0, 0),
	('business', 2, 7, 'email', 'reminder-1', 0, 0),
	('business', 3, 21, 'letter', 'reminder-2', 0, 0),
	('business', 4, 35, 'registered', 'formal-notice', 0, 1),
	('business', 5, 50, 'agency', 'agency', 0, 1),
	('consumer', 1, 7, 'email', 'consumer-reminder-1', 0, 0),
	('consumer', 2, 28, 'letter', 'consumer-reminder-2', 750, 1),
	('consumer', 3, 49, 'agency', 'agency', 0, 1);
INSERT INTO segment_procedures(segment, procedure) VALUES ('consumer', 'consumer');

-- The statutory late-payment rate for business debts, per country, fixed
-- per half-year: a row holds from its date (1 January or 1 July) until the
-- next. Rates in hundredths of a percent (1050: 10.50 %).
CREATE TABLE interest_rates (
	country TEXT NOT NULL CHECK (length(country) = 2),
	since   TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-0[17]-01'),
	rate    INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000),
	PRIMARY KEY (country, since)
) WITHOUT ROWID;
-- Belgium: ECB main refinancing rate + 8 points, rounded up to the next half
-- point (law of 2 August 2002). France: ECB rate + 10 points (L441-10).
INSERT INTO interest_rates(country, since, rate) VALUES
	('BE', '2023-01-01', 1050), ('BE', '2023-07-01', 1200),
	('BE', '2024-01-01', 1250), ('BE', '2024-07-01', 1250),
	('BE', '2025-01-01', 1150), ('BE', '2025-07-01', 1050),
	('BE', '2026-01-01', 1050),
	('FR', '2023-01-01', 1250), ('FR', '2023-07-01', 1400),
	('FR', '2024-01-01', 1450), ('FR', '2024-07-01', 1425),
	('FR', '2025-01-01', 1315), ('FR', '2025-07-01', 1215),
	('FR', '2026-01-01', 1215);

-- An account's own dunning settings, collector work that travels between
-- copies: held out of dunning, another procedure than its segment's, a
-- contractual interest rate (hundredths of a percent) instead of the law's.
CREATE TABLE account_dunning (
	account_no TEXT PRIMARY KEY NOT NULL REFERENCES customers(account_no),
	hold       INTEGER NOT NULL DEFAULT 0 CHECK (hold IN (0, 1)),
	procedure  TEXT,
	rate       INTEGER CHECK (rate IS NULL OR rate BETWEEN 0 AND 10000),
	note       TEXT,
	user       TEXT NOT NULL,
	updated_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER account_dunning_sync_insert AFTER INSERT ON account_dunning WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_dunning', NEW.account_no, 0); END;
CREATE TRIGGER account_dunning_sync_update AFTER UPDATE ON account_dunning WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_dunning', NEW.account_no, 0); END;
CREATE TRIGGER account_dunning_sync_delete AFTER DELETE ON account_dunning WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_dunning', OLD.account_no, 1); END;
