-- schema.sql — the book, schema version 1.
--
-- Three kinds of table:
--   ledger      customers, invoices, payments: owned by the accounting system,
--               imported, keyed by its own numbers. Re-importing the same file
--               changes nothing.
--   work        activities (the journal), promises, plans, disputes, tasks:
--               made here by collectors, keyed by globally unique ids (uid.c:
--               UUIDv7 text) so that copies of the book never mint the same key.
--               The journal is append-only, enforced below by triggers.
--   reference   collectors, activity_types, book_meta, import_runs.
--
-- Money is INTEGER cents plus a currency code. Dates are ISO 'YYYY-MM-DD' text;
-- timestamps are UTC ISO-8601 'YYYY-MM-DDTHH:MM:SSZ'.
-- This file is migration 1. Later versions are data/migrations/NNN-*.sql; an
-- old migration is never edited.

-- 'RELA': marks the file as a relance book.
PRAGMA application_id = 1380273217;

-- One row per fact about this copy: copy_id (random, made at creation), created_at.
CREATE TABLE book_meta (
	key   TEXT PRIMARY KEY NOT NULL,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE collectors (
	login  TEXT PRIMARY KEY NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
	name   TEXT,
	email  TEXT,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) WITHOUT ROWID;

-- Accounts: the debtors, as the ledger knows them.
CREATE TABLE customers (
	account_no   TEXT PRIMARY KEY NOT NULL CHECK (length(account_no) BETWEEN 1 AND 64),
	name         TEXT NOT NULL CHECK (length(name) > 0),
	vat_no       TEXT,
	contact      TEXT,
	phone        TEXT,        -- one or more numbers, separated by ';'
	email        TEXT,        -- one or more addresses, separated by ';'
	street       TEXT,
	postcode     TEXT,
	city         TEXT,
	country      TEXT CHECK (country IS NULL OR length(country) = 2),
	language     TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('fr', 'nl', 'en', 'de')),
	segment      TEXT,
	collector    TEXT REFERENCES collectors(login),
	credit_limit INTEGER,     -- cents; NULL: no limit set
	imported_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX customers_collector ON customers(collector);

-- Invoices and credit notes. A credit note's amounts are negative.
-- status follows open_amount: 'open' while something is owed (or, for a credit
-- note, still to be used), 'closed' once it is zero; an invoice the ledger
-- stopped listing (import --snapshot) is closed with open_amount 0.
CREATE TABLE invoices (
	invoice_no  TEXT PRIMARY KEY NOT NULL CHECK (length(invoice_no) BETWEEN 1 AND 64),
	account_no  TEXT NOT NULL REFERENCES customers(account_no),
	kind        TEXT NOT NULL DEFAULT 'invoice' CHECK (kind IN ('invoice', 'credit_note')),
	issue_date  TEXT,
	due_date    TEXT NOT NULL,
	amount      INTEGER NOT NULL,
	open_amount INTEGER NOT NULL,
	currency    TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
	reference   TEXT,         -- structured: 12 digits (OGM/VCS) or 'RF..'; else as given
	status      TEXT NOT NULL CHECK (status IN ('open', 'closed')),
	closed_on   TEXT,
	imported_at TEXT NOT NULL,
	CHECK ((status = 'open') = (open_amount <> 0)),
	CHECK ((kind = 'invoice' AND amount >= 0 AND open_amount >= 0)
	    OR (kind = 'credit_note' AND amount <= 0 AND open_amount <= 0))
) WITHOUT ROWID;
CREATE INDEX invoices_account ON invoices(account_no, due_date);

-- Money received, as the ledger reports it. Payments do not change open
-- amounts (the ledger does); they count for promises and plans.
CREATE TABLE payments (
	payment_ref   TEXT PRIMARY KEY NOT NULL CHECK (length(payment_ref) BETWEEN 1 AND 64),
	account_no    TEXT NOT NULL REFERENCES customers(account_no),
	date          TEXT NOT NULL,
	amount        INTEGER NOT NULL,
	currency      TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
	invoice_no    TEXT,       -- as the ledger gave it; may name an invoice not in the book
	communication TEXT,
	imported_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX payments_account ON payments(account_no, date);
CREATE INDEX payments_invoice ON payments(invoice_no) WHERE invoice_no IS NOT NULL;

-- Kinds of journal entry; later migrations add rows, never remove them.
CREATE TABLE activity_types (
	type TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
INSERT INTO activity_types(type) VALUES
	('call'), ('note'), ('email'), ('letter'), ('sms'), ('promise'), ('dispute'),
	('plan'), ('task'), ('system');

-- The journal: every call, letter, note, promise, dispute and plan event.
-- Append-only: a correction is a new entry whose `corrects` names the old one.
CREATE TABLE activities (
	id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	account_no TEXT NOT NULL REFERENCES customers(account_no),
	at         TEXT NOT NULL,         -- UTC timestamp
	type       TEXT NOT NULL REFERENCES activity_types(type),
	user       TEXT NOT NULL,         -- collector login, or 'system'
	copy_id    TEXT NOT NULL,         -- the copy of the book that made it
	invoice_no TEXT,                  -- the invoice it is about, if one
	summary    TEXT NOT NULL,
	body       TEXT,
	detail     TEXT,                  -- JSON object of type-specific fields
	corrects   TEXT REFERENCES activities(id)
) WITHOUT ROWID;
CREATE INDEX activities_account ON activities(account_no, at);

CREATE TRIGGER activities_append_only_update BEFORE UPDATE ON activities
BEGIN
	SELECT RAISE(ABORT, 'activities is a journal: entries cannot be changed (add a correction)');
END;
CREATE TRIGGER activities_append_only_delete BEFORE DELETE ON activities
BEGIN
	SELECT RAISE(ABORT, 'activities is a journal: entries cannot be deleted (add a correction)');
END;

-- Promises to pay. paid_amount and status are kept by the promise rules.
CREATE TABLE promises (
	id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	account_no    TEXT NOT NULL REFERENCES customers(account_no),
	amount        INTEGER NOT NULL CHECK (amount > 0),
	currency      TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
	promised_date TEXT NOT NULL,
	made_at       TEXT NOT NULL,
	user          TEXT NOT NULL,
	status        TEXT NOT NULL DEFAULT 'open'
	              CHECK (status IN ('open', 'kept', 'partly_kept', 'broken', 'cancelled')),
	paid_amount   INTEGER NOT NULL DEFAULT 0,
	note          TEXT,
	updated_at    TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX promises_account ON promises(account_no, promised_date);

CREATE TABLE promise_invoices (
	promise_id TEXT NOT NULL REFERENCES promises(id) ON DELETE CASCADE,
	invoice_no TEXT NOT NULL,
	PRIMARY KEY (promise_id, invoice_no)
) WITHOUT ROWID;

-- Payment plans and their installments (seq 0 is the down payment, if any).
CREATE TABLE plans (
	id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	account_no   TEXT NOT NULL REFERENCES customers(account_no),
	currency     TEXT NOT NULL DEFAULT 'EUR' CHECK (length(currency) = 3),
	total        INTEGER NOT NULL CHECK (total > 0),
	down_payment INTEGER NOT NULL DEFAULT 0 CHECK (down_payment >= 0),
	fee          INTEGER NOT NULL DEFAULT 0 CHECK (fee >= 0),
	frequency    TEXT NOT NULL CHECK (frequency IN ('week', '2weeks', 'month')),
	first_date   TEXT NOT NULL,
	status       TEXT NOT NULL DEFAULT 'active'
	             CHECK (status IN ('active', 'completed', 'broken', 'cancelled')),
	user         TEXT NOT NULL,
	note         TEXT,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX plans_account ON plans(account_no);

CREATE TABLE plan_installments (
	plan_id     TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL CHECK (seq >= 0),
	due_date    TEXT NOT NULL,
	amount      INTEGER NOT NULL CHECK (amount > 0),
	paid_amount INTEGER NOT NULL DEFAULT 0,
	status      TEXT NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid', 'late', 'missed')),
	PRIMARY KEY (plan_id, seq)
) WITHOUT ROWID;

CREATE TABLE plan_invoices (
	plan_id    TEXT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	invoice_no TEXT NOT NULL,
	PRIMARY KEY (plan_id, invoice_no)
) WITHOUT ROWID;

-- Disputes: a disputed invoice leaves dunning and the overdue figures while open.
CREATE TABLE disputes (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	invoice_no  TEXT NOT NULL REFERENCES invoices(invoice_no),
	account_no  TEXT NOT NULL REFERENCES customers(account_no),
	reason      TEXT NOT NULL CHECK (reason IN ('price', 'quality', 'not_delivered',
	                                            'not_received', 'already_paid', 'other')),
	note        TEXT,
	status      TEXT NOT NULL DEFAULT 'open'
	            CHECK (status IN ('open', 'credit_note', 'rejected', 'resolved')),
	opened_at   TEXT NOT NULL,
	opened_by   TEXT NOT NULL,
	resolved_at TEXT,
	resolved_by TEXT,
	updated_at  TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX disputes_account ON disputes(account_no);
CREATE UNIQUE INDEX disputes_one_open ON disputes(invoice_no) WHERE status = 'open';

-- Follow-up tasks.
CREATE TABLE tasks (
	id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	account_no TEXT NOT NULL REFERENCES customers(account_no),
	due_date   TEXT NOT NULL,
	text       TEXT NOT NULL CHECK (length(text) > 0),
	status     TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
	user       TEXT NOT NULL,
	created_at TEXT NOT NULL,
	done_at    TEXT,
	done_by    TEXT,
	updated_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX tasks_account ON tasks(account_no, status, due_date);

-- One row per import that wrote to the book: when the ledger was last read.
CREATE TABLE import_runs (
	id       TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	kind     TEXT NOT NULL CHECK (kind IN ('customers', 'invoices', 'payments')),
	file     TEXT NOT NULL,
	at       TEXT NOT NULL,
	rows     INTEGER NOT NULL,
	new      INTEGER NOT NULL,
	changed  INTEGER NOT NULL,
	closed   INTEGER NOT NULL,
	snapshot INTEGER NOT NULL CHECK (snapshot IN (0, 1))
) WITHOUT ROWID;
