PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE book_meta (
	key   TEXT PRIMARY KEY NOT NULL,
	value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO book_meta VALUES('copy_file','65024:11518098');
INSERT INTO book_meta VALUES('copy_id','01a23cda-280a-7d18-9e51-00942eaadcff');
INSERT INTO book_meta VALUES('copy_name','office');
INSERT INTO book_meta VALUES('created_at','2026-11-24T17:00:59Z');
INSERT INTO book_meta VALUES('family_id','01a23cda-294d-7cfb-b87b-aff1cdc5d51b');
INSERT INTO book_meta VALUES('family_key','91568e08eb7b4e1c97ae444307a8667a418e0cbfe193970f9fd5029003a14b3d');
INSERT INTO book_meta VALUES('summary_day','2026-11-24');
INSERT INTO book_meta VALUES('sync_exported','33');
INSERT INTO book_meta VALUES('sync_exported_at','2026-11-24T17:01:00Z');
CREATE TABLE collectors (
	login  TEXT PRIMARY KEY NOT NULL CHECK (length(login) BETWEEN 1 AND 64),
	name   TEXT,
	email  TEXT,
	active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
) WITHOUT ROWID;
INSERT INTO collectors VALUES('other',NULL,NULL,1);
INSERT INTO collectors VALUES('tester',NULL,NULL,1);
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
, ref_no INTEGER) WITHOUT ROWID;
INSERT INTO customers VALUES('Q1','Alpha Ltd',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'en','business','tester',NULL,'2026-11-24T17:00:59.821Z',9000000001);
INSERT INTO customers VALUES('Q2','Bêta SPRL',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'fr','business','tester',NULL,'2026-11-24T17:00:59.821Z',9000000002);
INSERT INTO customers VALUES('Q3','Gamma NV',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'nl','business','tester',NULL,'2026-11-24T17:00:59.821Z',9000000003);
INSERT INTO customers VALUES('Q4','Delta SA',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'fr','public','tester',NULL,'2026-11-24T17:00:59.821Z',9000000004);
INSERT INTO customers VALUES('Q5','Epsilon GmbH',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'de','business','other',NULL,'2026-11-24T17:00:59.821Z',9000000005);
INSERT INTO customers VALUES('Q7','Zeta 株式会社',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'en','business','tester',NULL,'2026-11-24T17:00:59.821Z',9000000006);
INSERT INTO customers VALUES('Q8','Ëta Société',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'fr','consumer','tester',NULL,'2026-11-24T17:00:59.821Z',9000000007);
INSERT INTO customers VALUES('Q9','Paid Up BV',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,'nl','business','tester',NULL,'2026-11-24T17:00:59.821Z',9000000008);
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
	imported_at TEXT NOT NULL, description TEXT, ref_no INTEGER,
	CHECK ((status = 'open') = (open_amount <> 0)),
	CHECK ((kind = 'invoice' AND amount >= 0 AND open_amount >= 0)
	    OR (kind = 'credit_note' AND amount <= 0 AND open_amount <= 0))
) WITHOUT ROWID;
INSERT INTO invoices VALUES('Q1-1','Q1','invoice','2026-09-25','2026-10-25',100000,100000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000009);
INSERT INTO invoices VALUES('Q2-1','Q2','invoice','2026-07-27','2026-08-26',50000,50000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000010);
INSERT INTO invoices VALUES('Q3-1','Q3','invoice','2026-10-15','2026-11-14',20000,20000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000011);
INSERT INTO invoices VALUES('Q4-1','Q4','invoice','2026-08-26','2026-09-25',30000,30000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000012);
INSERT INTO invoices VALUES('Q5-1','Q5','invoice','2025-12-01','2026-01-01',500000,500000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000013);
INSERT INTO invoices VALUES('Q7-1','Q7','invoice','2026-10-02','2026-11-01',5000,5000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000014);
INSERT INTO invoices VALUES('Q8-1','Q8','invoice','2026-10-24','2026-11-23',8000,8000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000015);
INSERT INTO invoices VALUES('Q8-2','Q8','invoice','2026-05-02','2026-06-01',90000,90000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000016);
INSERT INTO invoices VALUES('Q9-1','Q9','invoice','2026-11-01','2026-12-01',70000,70000,'EUR',NULL,'open',NULL,'2026-11-24T17:00:59.897Z',NULL,9000000017);
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
INSERT INTO payments VALUES('PAY-1','Q2','2026-11-23',10000,'EUR','Q2-1',NULL,'2026-11-24T17:01:00.501Z');
CREATE TABLE activity_types (
	type TEXT PRIMARY KEY NOT NULL
) WITHOUT ROWID;
INSERT INTO activity_types VALUES('call');
INSERT INTO activity_types VALUES('dispute');
INSERT INTO activity_types VALUES('email');
INSERT INTO activity_types VALUES('letter');
INSERT INTO activity_types VALUES('note');
INSERT INTO activity_types VALUES('payment');
INSERT INTO activity_types VALUES('plan');
INSERT INTO activity_types VALUES('promise');
INSERT INTO activity_types VALUES('sms');
INSERT INTO activity_types VALUES('snooze');
INSERT INTO activity_types VALUES('system');
INSERT INTO activity_types VALUES('task');
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
INSERT INTO activities VALUES('0190a000-0000-7000-8000-000000000004','Q1','2026-11-20T14:05:00Z','call','tester','test',NULL,'Call: reached (2:05)','Will pay on Friday.',NULL,NULL);
INSERT INTO activities VALUES('0190a000-0000-7000-8000-000000000005','Q1','2026-11-21T09:30:00Z','note','tester','test',NULL,'Asked for a copy of invoice Q1-1',NULL,NULL,NULL);
INSERT INTO activities VALUES('01a23cda-290d-75cf-98b7-50507329fce3','Q1','2026-11-24T17:01:00Z','promise','office','01a23cda-280a-7d18-9e51-00942eaadcff',NULL,'Promise to pay 300.00 EUR by 2026-12-10',NULL,'{"promise":"01a23cda-290d-702c-985b-5e180d97b56e","amount":30000,"date":"2026-12-10"}',NULL);
INSERT INTO activities VALUES('01a23cda-2932-79ad-aca9-1420afd43cd5','Q2','2026-11-24T17:01:00Z','task','office','01a23cda-280a-7d18-9e51-00942eaadcff',NULL,'Follow-up on 2026-11-30: send the statement',NULL,NULL,NULL);
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
INSERT INTO promises VALUES('0190a000-0000-7000-8000-000000000001','Q3',20000,'EUR','2026-11-10','2026-11-03T10:00:00Z','tester','broken',0,NULL,'2026-11-13T06:00:00Z');
INSERT INTO promises VALUES('01a23cda-290d-702c-985b-5e180d97b56e','Q1',30000,'EUR','2026-12-10','2026-11-24T17:01:00Z','office','open',0,NULL,'2026-11-24T17:01:00Z');
CREATE TABLE promise_invoices (
	promise_id TEXT NOT NULL REFERENCES promises(id) ON DELETE CASCADE,
	invoice_no TEXT NOT NULL,
	PRIMARY KEY (promise_id, invoice_no)
) WITHOUT ROWID;
INSERT INTO promise_invoices VALUES('01a23cda-290d-702c-985b-5e180d97b56e','Q1-1');
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
INSERT INTO disputes VALUES('0190a000-0000-7000-8000-000000000003','Q8-2','Q8','quality',NULL,'open','2026-06-10T10:00:00Z','tester',NULL,NULL,'2026-06-10T10:00:00Z');
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
INSERT INTO tasks VALUES('0190a000-0000-7000-8000-000000000002','Q4','2026-11-20','call back','open','tester','2026-11-10T09:00:00Z',NULL,NULL,'2026-11-10T09:00:00Z');
INSERT INTO tasks VALUES('01a23cda-2931-7203-a871-d29c5e0a3d44','Q2','2026-11-30','send the statement','open','office','2026-11-24T17:01:00Z',NULL,NULL,'2026-11-24T17:01:00Z');
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
INSERT INTO import_runs VALUES('01a23cda-282e-746b-baf6-faa7e5b1658f','customers','/work/wt-chg/tests/data/queue-customers.csv','2026-11-24T17:00:59.821Z',8,8,0,0,0);
INSERT INTO import_runs VALUES('01a23cda-287a-75bf-9733-75876061bab0','invoices','/work/wt-chg/tests/data/queue-invoices.csv','2026-11-24T17:00:59.897Z',9,9,0,0,0);
INSERT INTO import_runs VALUES('01a23cda-2ad6-7ecd-9057-e936b9b468e2','payments','/tmp/tmp.u6trwkPonb/pay.csv','2026-11-24T17:01:00.501Z',1,1,0,0,0);
CREATE TABLE account_summary (
	account_no    TEXT PRIMARY KEY NOT NULL REFERENCES customers(account_no) ON DELETE CASCADE,
	collector     TEXT,              -- copies of customers' columns
	name          TEXT NOT NULL,
	segment       TEXT,
	as_of         TEXT NOT NULL,
	open_total    INTEGER NOT NULL,  -- every open item, credit notes included
	overdue       INTEGER NOT NULL,  -- open invoices past due, open disputes left out
	overdue_items INTEGER NOT NULL,
	due_weight    INTEGER NOT NULL,  -- sum of open x day number (days since 1970) of the due date
	oldest_due    TEXT,              -- of the overdue items
	next_due      TEXT,              -- earliest due date of the open invoices not yet overdue
	disputed      INTEGER NOT NULL,  -- open amount of invoices under an open dispute
	disputes      INTEGER NOT NULL,  -- open disputes
	promise_status TEXT,             -- of the latest promise not cancelled: open, kept, ...
	promise_date  TEXT,              -- its promised date
	task_date     TEXT,              -- the earliest open task: its date
	task_text     TEXT,              -- and its text
	missed_date   TEXT               -- the earliest missed installment of an active plan
, snoozed_until TEXT, plan_next_date TEXT, followed_at TEXT, recontact_date TEXT, last_contact TEXT, worked_at TEXT, dunning_level INTEGER NOT NULL DEFAULT 0, phone TEXT) WITHOUT ROWID;
INSERT INTO account_summary VALUES('Q1','tester','Alpha Ltd','business','2026-11-24',100000,100000,1,2075100000,'2026-10-25',NULL,0,0,'open','2026-12-10',NULL,NULL,NULL,NULL,NULL,'2026-11-24T17:01:00Z',NULL,NULL,'2026-11-24T17:01:00Z',0,NULL);
INSERT INTO account_summary VALUES('Q2','tester','Bêta SPRL','business','2026-11-24',50000,50000,1,1034550000,'2026-08-26',NULL,0,0,NULL,NULL,'2026-11-30','send the statement',NULL,NULL,NULL,NULL,NULL,NULL,'2026-11-24T17:01:00Z',0,NULL);
INSERT INTO account_summary VALUES('Q3','tester','Gamma NV','business','2026-11-24',20000,20000,1,415420000,'2026-11-14',NULL,0,0,'broken','2026-11-10',NULL,NULL,NULL,NULL,NULL,'2026-11-03T10:00:00Z',NULL,NULL,NULL,0,NULL);
INSERT INTO account_summary VALUES('Q4','tester','Delta SA','public','2026-11-24',30000,30000,1,621630000,'2026-09-25',NULL,0,0,NULL,NULL,'2026-11-20','call back',NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL);
INSERT INTO account_summary VALUES('Q5','other','Epsilon GmbH','business','2026-11-24',500000,500000,1,10227000000,'2026-01-01',NULL,0,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL);
INSERT INTO account_summary VALUES('Q7','tester','Zeta 株式会社','business','2026-11-24',5000,5000,1,103790000,'2026-11-01',NULL,0,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL);
INSERT INTO account_summary VALUES('Q8','tester','Ëta Société','consumer','2026-11-24',98000,8000,1,166240000,'2026-11-23',NULL,90000,1,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL);
INSERT INTO account_summary VALUES('Q9','tester','Paid Up BV','business','2026-11-24',70000,0,0,0,NULL,'2026-12-01',0,0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL);
CREATE TABLE account_snoozes (
	id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 36),
	account_no TEXT NOT NULL REFERENCES customers(account_no),
	until      TEXT NOT NULL,         -- out of the queue before this day
	user       TEXT NOT NULL,
	at         TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE sync_copies (
	n  INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE
);
INSERT INTO sync_copies VALUES(1,'rules');
INSERT INTO sync_copies VALUES(2,'01a23cda-280a-7d18-9e51-00942eaadcff');
CREATE TABLE sync_rows (
	tbl       TEXT NOT NULL,
	key       TEXT NOT NULL,
	rev       INTEGER NOT NULL,
	at        INTEGER NOT NULL,
	copy      INTEGER NOT NULL REFERENCES sync_copies(n),
	base_at   INTEGER,
	base_copy INTEGER REFERENCES sync_copies(n),
	gone      INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1)),
	seq       INTEGER NOT NULL,
	PRIMARY KEY (tbl, key)
) WITHOUT ROWID;
INSERT INTO sync_rows VALUES('activities','0190a000-0000-7000-8000-000000000004',1,1796317259953,2,NULL,NULL,0,25);
INSERT INTO sync_rows VALUES('activities','0190a000-0000-7000-8000-000000000005',1,1796317259953,2,NULL,NULL,0,26);
INSERT INTO sync_rows VALUES('activities','01a23cda-290d-75cf-98b7-50507329fce3',1,1796317260045,2,NULL,NULL,0,29);
INSERT INTO sync_rows VALUES('activities','01a23cda-2932-79ad-aca9-1420afd43cd5',1,1796317260082,2,NULL,NULL,0,31);
INSERT INTO sync_rows VALUES('collectors','other',1,1796317259823,2,NULL,NULL,0,10);
INSERT INTO sync_rows VALUES('collectors','tester',1,1796317259823,2,NULL,NULL,0,11);
INSERT INTO sync_rows VALUES('customers','Q1',1,1796317259822,2,NULL,NULL,0,2);
INSERT INTO sync_rows VALUES('customers','Q2',1,1796317259822,2,NULL,NULL,0,3);
INSERT INTO sync_rows VALUES('customers','Q3',1,1796317259822,2,NULL,NULL,0,4);
INSERT INTO sync_rows VALUES('customers','Q4',1,1796317259822,2,NULL,NULL,0,5);
INSERT INTO sync_rows VALUES('customers','Q5',1,1796317259822,2,NULL,NULL,0,6);
INSERT INTO sync_rows VALUES('customers','Q7',1,1796317259822,2,NULL,NULL,0,7);
INSERT INTO sync_rows VALUES('customers','Q8',1,1796317259822,2,NULL,NULL,0,8);
INSERT INTO sync_rows VALUES('customers','Q9',1,1796317259822,2,NULL,NULL,0,9);
INSERT INTO sync_rows VALUES('disputes','0190a000-0000-7000-8000-000000000003',1,1796317259949,2,NULL,NULL,0,24);
INSERT INTO sync_rows VALUES('import_runs','01a23cda-282e-746b-baf6-faa7e5b1658f',1,1796317259822,2,NULL,NULL,0,1);
INSERT INTO sync_rows VALUES('import_runs','01a23cda-287a-75bf-9733-75876061bab0',1,1796317259898,2,NULL,NULL,0,12);
INSERT INTO sync_rows VALUES('import_runs','01a23cda-2ad6-7ecd-9057-e936b9b468e2',1,1796317260502,2,NULL,NULL,0,32);
INSERT INTO sync_rows VALUES('invoices','Q1-1',1,1796317259898,2,NULL,NULL,0,13);
INSERT INTO sync_rows VALUES('invoices','Q2-1',1,1796317259898,2,NULL,NULL,0,14);
INSERT INTO sync_rows VALUES('invoices','Q3-1',1,1796317259898,2,NULL,NULL,0,15);
INSERT INTO sync_rows VALUES('invoices','Q4-1',1,1796317259898,2,NULL,NULL,0,16);
INSERT INTO sync_rows VALUES('invoices','Q5-1',1,1796317259898,2,NULL,NULL,0,17);
INSERT INTO sync_rows VALUES('invoices','Q7-1',1,1796317259898,2,NULL,NULL,0,18);
INSERT INTO sync_rows VALUES('invoices','Q8-1',1,1796317259898,2,NULL,NULL,0,19);
INSERT INTO sync_rows VALUES('invoices','Q8-2',1,1796317259898,2,NULL,NULL,0,20);
INSERT INTO sync_rows VALUES('invoices','Q9-1',1,1796317259898,2,NULL,NULL,0,21);
INSERT INTO sync_rows VALUES('payments','PAY-1',1,1796317260502,2,NULL,NULL,0,33);
INSERT INTO sync_rows VALUES('promises','0190a000-0000-7000-8000-000000000001',1,1796317259927,2,NULL,NULL,0,22);
INSERT INTO sync_rows VALUES('promises','01a23cda-290d-702c-985b-5e180d97b56e',1,1796317260045,2,NULL,NULL,0,28);
INSERT INTO sync_rows VALUES('tasks','0190a000-0000-7000-8000-000000000002',1,1796317259945,2,NULL,NULL,0,23);
INSERT INTO sync_rows VALUES('tasks','01a23cda-2931-7203-a871-d29c5e0a3d44',1,1796317260081,2,NULL,NULL,0,30);
CREATE TABLE sync_peers (
	copy_id    TEXT PRIMARY KEY NOT NULL,
	name       TEXT,
	user       TEXT,              -- who made their last file
	last_seq   INTEGER NOT NULL,  -- the sender's seq the last file reached
	last_made  TEXT NOT NULL,     -- when that file was made
	received   TEXT NOT NULL,     -- when it was imported here
	files      INTEGER NOT NULL,
	units      INTEGER NOT NULL   -- units that file brought that were new or newer
) WITHOUT ROWID;
CREATE TABLE procedures (
	name  TEXT PRIMARY KEY NOT NULL CHECK (name GLOB '[a-z0-9]*' AND length(name) BETWEEN 1 AND 32
	                                       AND name NOT GLOB '*[^a-z0-9_-]*'),
	kind  TEXT NOT NULL DEFAULT 'business' CHECK (kind IN ('business', 'consumer')),
	title TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO procedures VALUES('business','business','Businesses: reminders, formal notice, agency');
INSERT INTO procedures VALUES('consumer','consumer','Belgian consumers (Code of Economic Law, book XIX)');
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
INSERT INTO procedure_steps VALUES('business',1,-3,'email','pre-due',0,0);
INSERT INTO procedure_steps VALUES('business',2,7,'email','reminder-1',0,0);
INSERT INTO procedure_steps VALUES('business',3,21,'letter','reminder-2',0,0);
INSERT INTO procedure_steps VALUES('business',4,35,'registered','formal-notice',0,1);
INSERT INTO procedure_steps VALUES('business',5,50,'agency','agency',0,1);
INSERT INTO procedure_steps VALUES('consumer',1,7,'email','consumer-reminder-1',0,0);
INSERT INTO procedure_steps VALUES('consumer',2,28,'letter','consumer-reminder-2',750,1);
INSERT INTO procedure_steps VALUES('consumer',3,49,'agency','agency',0,1);
CREATE TABLE segment_procedures (
	segment   TEXT PRIMARY KEY NOT NULL,
	procedure TEXT NOT NULL REFERENCES procedures(name)
) WITHOUT ROWID;
INSERT INTO segment_procedures VALUES('consumer','consumer');
CREATE TABLE interest_rates (
	country TEXT NOT NULL CHECK (length(country) = 2),
	since   TEXT NOT NULL CHECK (since GLOB '[0-9][0-9][0-9][0-9]-0[17]-01'),
	rate    INTEGER NOT NULL CHECK (rate BETWEEN 0 AND 10000),
	PRIMARY KEY (country, since)
) WITHOUT ROWID;
CREATE TABLE account_dunning (
	account_no TEXT PRIMARY KEY NOT NULL REFERENCES customers(account_no),
	hold       INTEGER NOT NULL DEFAULT 0 CHECK (hold IN (0, 1)),
	procedure  TEXT,
	rate       INTEGER CHECK (rate IS NULL OR rate BETWEEN 0 AND 10000),
	note       TEXT,
	user       TEXT NOT NULL,
	updated_at TEXT NOT NULL
, claims INTEGER CHECK (claims IS NULL OR claims = 0)) WITHOUT ROWID;
CREATE TABLE dunning_pending (
	id         INTEGER PRIMARY KEY,
	account_no TEXT NOT NULL REFERENCES customers(account_no),
	step       INTEGER NOT NULL,
	channel    TEXT NOT NULL CHECK (channel IN ('email', 'letter', 'registered', 'sms')),
	recipient  TEXT,           -- the address or number; NULL for a letter
	file       TEXT,           -- the letter (or the e-mail's PDF), NULL none
	at         TEXT NOT NULL,  -- when it was recorded (UTC)
	pid        INTEGER NOT NULL, -- the process handing it over, on host:
	host       TEXT NOT NULL,  -- while it lives, the row is not "unknown" but on its way
	-- the journal entry it becomes (activities' columns)
	type       TEXT NOT NULL,
	user       TEXT NOT NULL,
	invoice_no TEXT,
	summary    TEXT NOT NULL,
	body       TEXT,
	detail     TEXT NOT NULL CHECK (json_valid(detail))
);
CREATE TABLE account_aging (
	account_no  TEXT NOT NULL REFERENCES customers(account_no) ON DELETE CASCADE,
	currency    TEXT NOT NULL,
	as_of       TEXT NOT NULL,
	next_change TEXT,
	a0 INTEGER NOT NULL, a1 INTEGER NOT NULL, a2 INTEGER NOT NULL,
	a3 INTEGER NOT NULL, a4 INTEGER NOT NULL, a5 INTEGER NOT NULL,
	d0 INTEGER NOT NULL, d1 INTEGER NOT NULL, d2 INTEGER NOT NULL,
	d3 INTEGER NOT NULL, d4 INTEGER NOT NULL, d5 INTEGER NOT NULL,
	n0 INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL,
	n3 INTEGER NOT NULL, n4 INTEGER NOT NULL, n5 INTEGER NOT NULL, k1 INTEGER NOT NULL DEFAULT 0, k2 INTEGER NOT NULL DEFAULT 0, k3 INTEGER NOT NULL DEFAULT 0, k4 INTEGER NOT NULL DEFAULT 0, k5 INTEGER NOT NULL DEFAULT 0, late_since TEXT, af INTEGER NOT NULL DEFAULT 0, df INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (account_no, currency)
) WITHOUT ROWID;
INSERT INTO account_aging VALUES('Q1','EUR','2026-11-24','2026-11-25',0,100000,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,'2026-10-25',0,0);
INSERT INTO account_aging VALUES('Q2','EUR','2026-11-24','2026-11-25',0,0,0,50000,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,'2026-08-26',0,0);
INSERT INTO account_aging VALUES('Q3','EUR','2026-11-24','2026-12-15',0,20000,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,'2026-11-14',0,0);
INSERT INTO account_aging VALUES('Q4','EUR','2026-11-24','2026-11-25',0,0,30000,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,'2026-09-25',0,0);
INSERT INTO account_aging VALUES('Q5','EUR','2026-11-24',NULL,0,0,0,0,0,500000,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,'2026-01-01',0,0);
INSERT INTO account_aging VALUES('Q7','EUR','2026-11-24','2026-12-02',0,5000,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,'2026-11-01',0,0);
INSERT INTO account_aging VALUES('Q8','EUR','2026-11-24','2026-11-29',0,8000,0,0,90000,0,0,0,0,0,90000,0,0,1,0,0,1,0,0,0,0,0,0,'2026-11-23',0,0);
INSERT INTO account_aging VALUES('Q9','EUR','2026-11-24','2026-12-02',70000,0,0,0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,NULL,0,0);
CREATE TABLE aging_totals (
	currency TEXT PRIMARY KEY NOT NULL,
	a0 INTEGER NOT NULL DEFAULT 0,
	a1 INTEGER NOT NULL DEFAULT 0,
	a2 INTEGER NOT NULL DEFAULT 0,
	a3 INTEGER NOT NULL DEFAULT 0,
	a4 INTEGER NOT NULL DEFAULT 0,
	a5 INTEGER NOT NULL DEFAULT 0,
	d0 INTEGER NOT NULL DEFAULT 0,
	d1 INTEGER NOT NULL DEFAULT 0,
	d2 INTEGER NOT NULL DEFAULT 0,
	d3 INTEGER NOT NULL DEFAULT 0,
	d4 INTEGER NOT NULL DEFAULT 0,
	d5 INTEGER NOT NULL DEFAULT 0,
	n0 INTEGER NOT NULL DEFAULT 0,
	n1 INTEGER NOT NULL DEFAULT 0,
	n2 INTEGER NOT NULL DEFAULT 0,
	n3 INTEGER NOT NULL DEFAULT 0,
	n4 INTEGER NOT NULL DEFAULT 0,
	n5 INTEGER NOT NULL DEFAULT 0,
	c0 INTEGER NOT NULL DEFAULT 0,
	c1 INTEGER NOT NULL DEFAULT 0,
	c2 INTEGER NOT NULL DEFAULT 0,
	c3 INTEGER NOT NULL DEFAULT 0,
	c4 INTEGER NOT NULL DEFAULT 0,
	c5 INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO aging_totals VALUES('EUR',70000,133000,30000,50000,90000,500000,0,0,0,0,90000,0,1,4,1,1,1,1,1,4,1,1,1,1);
CREATE TABLE bank_statements (
	id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 200),
	format      TEXT NOT NULL CHECK (format IN ('coda', 'camt.053', 'camt.054')),
	iban        TEXT,
	currency    TEXT NOT NULL CHECK (length(currency) = 3),
	seq         TEXT,
	date        TEXT NOT NULL,          -- the statement's (closing) date
	opening     INTEGER,                -- cents
	closing     INTEGER,
	movements   INTEGER NOT NULL,
	warning     TEXT,                   -- e.g. the movements do not add up
	file        TEXT NOT NULL,          -- the file's name, as given
	imported_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE bank_movements (
	id             TEXT PRIMARY KEY NOT NULL,
	statement_id   TEXT NOT NULL REFERENCES bank_statements(id),
	booking_date   TEXT NOT NULL,
	value_date     TEXT,
	amount         INTEGER NOT NULL,
	currency       TEXT NOT NULL CHECK (length(currency) = 3),
	counterparty   TEXT,
	iban           TEXT,
	bic            TEXT,
	reference      TEXT,                -- structured: 12 digits (OGM) or 'RF..'
	communication  TEXT,                -- free text
	bank_ref       TEXT,
	status         TEXT NOT NULL CHECK (status IN ('debit', 'unmatched', 'suggested', 'matched', 'ignored')),
	account_no     TEXT REFERENCES customers(account_no),
	rule           TEXT,
	unapplied      INTEGER NOT NULL DEFAULT 0,
	ledger_payment TEXT,
	updated_at     TEXT NOT NULL,
	CHECK ((status = 'matched') = (account_no IS NOT NULL)),
	CHECK ((status = 'debit') = (amount < 0))
) WITHOUT ROWID;
CREATE TABLE bank_allocations (
	movement_id TEXT NOT NULL REFERENCES bank_movements(id) ON DELETE CASCADE,
	invoice_no  TEXT NOT NULL REFERENCES invoices(invoice_no),
	amount      INTEGER NOT NULL CHECK (amount > 0),
	ledger_open INTEGER NOT NULL,
	booked      INTEGER NOT NULL DEFAULT 0 CHECK (booked IN (0, 1)),
	PRIMARY KEY (movement_id, invoice_no)
) WITHOUT ROWID;
CREATE TABLE customer_ibans (
	iban       TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
	account_no TEXT NOT NULL REFERENCES customers(account_no),
	source     TEXT NOT NULL CHECK (source IN ('import', 'learned')),
	PRIMARY KEY (iban, account_no)
) WITHOUT ROWID;
CREATE INDEX customers_collector ON customers(collector);
CREATE INDEX invoices_account ON invoices(account_no, due_date);
CREATE INDEX payments_account ON payments(account_no, date);
CREATE INDEX payments_invoice ON payments(invoice_no) WHERE invoice_no IS NOT NULL;
CREATE INDEX activities_account ON activities(account_no, at);
CREATE TRIGGER activities_append_only_update BEFORE UPDATE ON activities
BEGIN
	SELECT RAISE(ABORT, 'activities is a journal: entries cannot be changed (add a correction)');
END;
CREATE TRIGGER activities_append_only_delete BEFORE DELETE ON activities
BEGIN
	SELECT RAISE(ABORT, 'activities is a journal: entries cannot be deleted (add a correction)');
END;
CREATE INDEX promises_account ON promises(account_no, promised_date);
CREATE INDEX plans_account ON plans(account_no);
CREATE INDEX disputes_account ON disputes(account_no);
CREATE INDEX tasks_account ON tasks(account_no, status, due_date);
CREATE INDEX account_summary_next_due ON account_summary(next_due);
CREATE INDEX promises_latest ON promises(account_no, made_at, status, promised_date);
CREATE INDEX account_snoozes_account ON account_snoozes(account_no, at);
CREATE INDEX sync_rows_seq ON sync_rows(seq);
CREATE INDEX disputes_open ON disputes(invoice_no) WHERE status = 'open';
CREATE VIEW sync_touch(tbl, key, gone) AS SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER sync_touch_insert INSTEAD OF INSERT ON sync_touch BEGIN
	INSERT INTO sync_rows(tbl, key, rev, at, copy, gone, seq)
	VALUES (NEW.tbl, NEW.key, 1, CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER),
		(SELECT n FROM sync_copies WHERE id = (SELECT value FROM book_meta WHERE key = 'copy_id')),
		coalesce(NEW.gone, 0), (SELECT coalesce(max(seq), 0) + 1 FROM sync_rows))
	ON CONFLICT (tbl, key) DO UPDATE SET
		-- the base moves on unless the unit was last changed here, after the last export
		base_at = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER)
			FROM book_meta WHERE key = 'sync_exported'), 0), base_at, at),
		base_copy = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER)
			FROM book_meta WHERE key = 'sync_exported'), 0), base_copy, copy),
		-- and so does the number: a change made on top of version n is n+1,
		-- however many rows and commands it took
		rev = iif(copy = excluded.copy AND seq > coalesce((SELECT CAST(value AS INTEGER)
			FROM book_meta WHERE key = 'sync_exported'), 0), rev, rev + 1),
		at = excluded.at, copy = excluded.copy,
		gone = coalesce(NEW.gone, gone), seq = excluded.seq;
END
;
CREATE TRIGGER activities_sync_insert AFTER INSERT ON activities WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('activities', NEW.id, 0); END;
CREATE TRIGGER activities_sync_update AFTER UPDATE ON activities WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('activities', NEW.id, 0); END;
CREATE TRIGGER activities_sync_delete AFTER DELETE ON activities WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('activities', OLD.id, 1); END;
CREATE TRIGGER promises_sync_insert AFTER INSERT ON promises WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.id, 0); END;
CREATE TRIGGER promises_sync_update AFTER UPDATE ON promises WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.id, 0); END;
CREATE TRIGGER promises_sync_delete AFTER DELETE ON promises WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', OLD.id, 1); END;
CREATE TRIGGER plans_sync_insert AFTER INSERT ON plans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.id, 0); END;
CREATE TRIGGER plans_sync_update AFTER UPDATE ON plans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.id, 0); END;
CREATE TRIGGER plans_sync_delete AFTER DELETE ON plans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', OLD.id, 1); END;
CREATE TRIGGER disputes_sync_insert AFTER INSERT ON disputes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('disputes', NEW.id, 0); END;
CREATE TRIGGER disputes_sync_update AFTER UPDATE ON disputes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('disputes', NEW.id, 0); END;
CREATE TRIGGER disputes_sync_delete AFTER DELETE ON disputes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('disputes', OLD.id, 1); END;
CREATE TRIGGER tasks_sync_insert AFTER INSERT ON tasks WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('tasks', NEW.id, 0); END;
CREATE TRIGGER tasks_sync_update AFTER UPDATE ON tasks WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('tasks', NEW.id, 0); END;
CREATE TRIGGER tasks_sync_delete AFTER DELETE ON tasks WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('tasks', OLD.id, 1); END;
CREATE TRIGGER account_snoozes_sync_insert AFTER INSERT ON account_snoozes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_snoozes', NEW.id, 0); END;
CREATE TRIGGER account_snoozes_sync_update AFTER UPDATE ON account_snoozes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_snoozes', NEW.id, 0); END;
CREATE TRIGGER account_snoozes_sync_delete AFTER DELETE ON account_snoozes WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_snoozes', OLD.id, 1); END;
CREATE TRIGGER promise_invoices_sync_insert AFTER INSERT ON promise_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.promise_id, NULL); END;
CREATE TRIGGER promise_invoices_sync_update AFTER UPDATE ON promise_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('promises', NEW.promise_id, NULL); END;
CREATE TRIGGER promise_invoices_sync_delete AFTER DELETE ON promise_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM promises WHERE id = OLD.promise_id)
BEGIN INSERT INTO sync_touch VALUES ('promises', OLD.promise_id, NULL); END;
CREATE TRIGGER plan_installments_sync_insert AFTER INSERT ON plan_installments WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_installments_sync_update AFTER UPDATE ON plan_installments WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_installments_sync_delete AFTER DELETE ON plan_installments WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id)
BEGIN INSERT INTO sync_touch VALUES ('plans', OLD.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_insert AFTER INSERT ON plan_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_update AFTER UPDATE ON plan_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('plans', NEW.plan_id, NULL); END;
CREATE TRIGGER plan_invoices_sync_delete AFTER DELETE ON plan_invoices WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM plans WHERE id = OLD.plan_id)
BEGIN INSERT INTO sync_touch VALUES ('plans', OLD.plan_id, NULL); END;
CREATE TRIGGER account_dunning_sync_insert AFTER INSERT ON account_dunning WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_dunning', NEW.account_no, 0); END;
CREATE TRIGGER account_dunning_sync_update AFTER UPDATE ON account_dunning WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_dunning', NEW.account_no, 0); END;
CREATE TRIGGER account_dunning_sync_delete AFTER DELETE ON account_dunning WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('account_dunning', OLD.account_no, 1); END;
CREATE INDEX activities_corrects ON activities(corrects) WHERE corrects IS NOT NULL;
CREATE INDEX invoices_reference ON invoices(reference) WHERE reference IS NOT NULL;
CREATE INDEX promises_made ON promises(made_at);
CREATE INDEX plans_made ON plans(created_at);
CREATE INDEX dunning_pending_account ON dunning_pending(account_no);
CREATE INDEX account_aging_next ON account_aging(next_change);
CREATE INDEX account_aging_day ON account_aging(as_of);
CREATE TRIGGER account_aging_add AFTER INSERT ON account_aging BEGIN
	INSERT INTO aging_totals(currency, a0, a1, a2, a3, a4, a5, d0, d1, d2, d3, d4, d5,
		n0, n1, n2, n3, n4, n5, c0, c1, c2, c3, c4, c5) VALUES (NEW.currency, NEW.a0, NEW.a1,
		NEW.a2, NEW.a3, NEW.a4, NEW.a5, NEW.d0, NEW.d1, NEW.d2, NEW.d3, NEW.d4, NEW.d5,
		NEW.n0, NEW.n1, NEW.n2, NEW.n3, NEW.n4, NEW.n5, NEW.n0 > 0, NEW.n1 > 0, NEW.n2 > 0,
		NEW.n3 > 0, NEW.n4 > 0, NEW.n5 > 0)
	ON CONFLICT (currency) DO UPDATE SET a0 = a0 + excluded.a0, a1 = a1 + excluded.a1,
		a2 = a2 + excluded.a2, a3 = a3 + excluded.a3, a4 = a4 + excluded.a4,
		a5 = a5 + excluded.a5, d0 = d0 + excluded.d0, d1 = d1 + excluded.d1,
		d2 = d2 + excluded.d2, d3 = d3 + excluded.d3, d4 = d4 + excluded.d4,
		d5 = d5 + excluded.d5, n0 = n0 + excluded.n0, n1 = n1 + excluded.n1,
		n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4,
		n5 = n5 + excluded.n5, c0 = c0 + excluded.c0, c1 = c1 + excluded.c1,
		c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4,
		c5 = c5 + excluded.c5;
END;
CREATE TRIGGER account_aging_remove AFTER DELETE ON account_aging BEGIN
	UPDATE aging_totals SET a0 = a0 - OLD.a0, a1 = a1 - OLD.a1, a2 = a2 - OLD.a2,
		a3 = a3 - OLD.a3, a4 = a4 - OLD.a4, a5 = a5 - OLD.a5, d0 = d0 - OLD.d0,
		d1 = d1 - OLD.d1, d2 = d2 - OLD.d2, d3 = d3 - OLD.d3, d4 = d4 - OLD.d4,
		d5 = d5 - OLD.d5, n0 = n0 - OLD.n0, n1 = n1 - OLD.n1, n2 = n2 - OLD.n2,
		n3 = n3 - OLD.n3, n4 = n4 - OLD.n4, n5 = n5 - OLD.n5, c0 = c0 - (OLD.n0 > 0),
		c1 = c1 - (OLD.n1 > 0), c2 = c2 - (OLD.n2 > 0), c3 = c3 - (OLD.n3 > 0),
		c4 = c4 - (OLD.n4 > 0), c5 = c5 - (OLD.n5 > 0) WHERE currency = OLD.currency;
END;
CREATE TRIGGER account_aging_change AFTER UPDATE ON account_aging BEGIN
	UPDATE aging_totals SET a0 = a0 - OLD.a0, a1 = a1 - OLD.a1, a2 = a2 - OLD.a2,
		a3 = a3 - OLD.a3, a4 = a4 - OLD.a4, a5 = a5 - OLD.a5, d0 = d0 - OLD.d0,
		d1 = d1 - OLD.d1, d2 = d2 - OLD.d2, d3 = d3 - OLD.d3, d4 = d4 - OLD.d4,
		d5 = d5 - OLD.d5, n0 = n0 - OLD.n0, n1 = n1 - OLD.n1, n2 = n2 - OLD.n2,
		n3 = n3 - OLD.n3, n4 = n4 - OLD.n4, n5 = n5 - OLD.n5, c0 = c0 - (OLD.n0 > 0),
		c1 = c1 - (OLD.n1 > 0), c2 = c2 - (OLD.n2 > 0), c3 = c3 - (OLD.n3 > 0),
		c4 = c4 - (OLD.n4 > 0), c5 = c5 - (OLD.n5 > 0) WHERE currency = OLD.currency;
	INSERT INTO aging_totals(currency, a0, a1, a2, a3, a4, a5, d0, d1, d2, d3, d4, d5,
		n0, n1, n2, n3, n4, n5, c0, c1, c2, c3, c4, c5) VALUES (NEW.currency, NEW.a0, NEW.a1,
		NEW.a2, NEW.a3, NEW.a4, NEW.a5, NEW.d0, NEW.d1, NEW.d2, NEW.d3, NEW.d4, NEW.d5,
		NEW.n0, NEW.n1, NEW.n2, NEW.n3, NEW.n4, NEW.n5, NEW.n0 > 0, NEW.n1 > 0, NEW.n2 > 0,
		NEW.n3 > 0, NEW.n4 > 0, NEW.n5 > 0)
	ON CONFLICT (currency) DO UPDATE SET a0 = a0 + excluded.a0, a1 = a1 + excluded.a1,
		a2 = a2 + excluded.a2, a3 = a3 + excluded.a3, a4 = a4 + excluded.a4,
		a5 = a5 + excluded.a5, d0 = d0 + excluded.d0, d1 = d1 + excluded.d1,
		d2 = d2 + excluded.d2, d3 = d3 + excluded.d3, d4 = d4 + excluded.d4,
		d5 = d5 + excluded.d5, n0 = n0 + excluded.n0, n1 = n1 + excluded.n1,
		n2 = n2 + excluded.n2, n3 = n3 + excluded.n3, n4 = n4 + excluded.n4,
		n5 = n5 + excluded.n5, c0 = c0 + excluded.c0, c1 = c1 + excluded.c1,
		c2 = c2 + excluded.c2, c3 = c3 + excluded.c3, c4 = c4 + excluded.c4,
		c5 = c5 + excluded.c5;
END;
CREATE INDEX account_summary_queue
	ON account_summary(collector, overdue, name, segment, due_weight, oldest_due, disputes,
			   promise_status, promise_date, task_date, task_text, missed_date, snoozed_until,
			   plan_next_date, followed_at, recontact_date, last_contact, worked_at, dunning_level,
			   phone, open_total)
	WHERE overdue > 0 OR oldest_due IS NOT NULL OR promise_status IS NOT NULL OR promise_date IS NOT NULL
	   OR task_date IS NOT NULL OR missed_date IS NOT NULL OR snoozed_until IS NOT NULL
	   OR plan_next_date IS NOT NULL OR recontact_date IS NOT NULL OR worked_at IS NOT NULL;
CREATE INDEX promises_open ON promises(promised_date) WHERE status = 'open';
CREATE INDEX bank_statements_date ON bank_statements(date);
CREATE INDEX bank_movements_status ON bank_movements(status, booking_date) WHERE status IN ('unmatched', 'suggested');
CREATE INDEX bank_movements_account ON bank_movements(account_no, booking_date) WHERE account_no IS NOT NULL;
CREATE INDEX bank_movements_bank_ref ON bank_movements(bank_ref) WHERE bank_ref IS NOT NULL;
CREATE INDEX bank_allocations_invoice ON bank_allocations(invoice_no) WHERE booked = 0;
CREATE INDEX customer_ibans_account ON customer_ibans(account_no);
CREATE VIEW money_received(account_no, date, amount, invoice_no, source) AS
	SELECT account_no, date, amount, invoice_no, payment_ref FROM payments
	UNION ALL
	SELECT m.account_no, m.booking_date, a.amount, a.invoice_no, m.id
	  FROM bank_allocations a JOIN bank_movements m ON m.id = a.movement_id
	 WHERE m.status = 'matched' AND m.ledger_payment IS NULL
	UNION ALL
	SELECT account_no, booking_date, unapplied, NULL, id FROM bank_movements
	 WHERE status = 'matched' AND unapplied > 0 AND ledger_payment IS NULL;
CREATE UNIQUE INDEX customers_ref_no ON customers(ref_no) WHERE ref_no IS NOT NULL;
CREATE UNIQUE INDEX invoices_ref_no ON invoices(ref_no) WHERE ref_no IS NOT NULL;
CREATE TRIGGER bank_statements_sync_insert AFTER INSERT ON bank_statements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_statements', NEW.id, 0); END;
CREATE TRIGGER bank_statements_sync_update AFTER UPDATE ON bank_statements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_statements', NEW.id, 0); END;
CREATE TRIGGER bank_statements_sync_delete AFTER DELETE ON bank_statements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_statements', OLD.id, 1); END;
CREATE TRIGGER bank_movements_sync_insert AFTER INSERT ON bank_movements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.id, 0); END;
CREATE TRIGGER bank_movements_sync_update AFTER UPDATE ON bank_movements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.id, 0); END;
CREATE TRIGGER bank_movements_sync_delete AFTER DELETE ON bank_movements WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', OLD.id, 1); END;
CREATE TRIGGER bank_allocations_sync_insert AFTER INSERT ON bank_allocations WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.movement_id, NULL); END;
CREATE TRIGGER bank_allocations_sync_update AFTER UPDATE ON bank_allocations WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', NEW.movement_id, NULL); END;
CREATE TRIGGER bank_allocations_sync_delete AFTER DELETE ON bank_allocations WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM bank_movements WHERE id = OLD.movement_id)
BEGIN INSERT INTO sync_touch VALUES ('bank_movements', OLD.movement_id, NULL); END;
CREATE TRIGGER customer_ibans_sync_insert AFTER INSERT ON customer_ibans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('customers', NEW.account_no, NULL); END;
CREATE TRIGGER customer_ibans_sync_update AFTER UPDATE ON customer_ibans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('customers', NEW.account_no, NULL); END;
CREATE TRIGGER customer_ibans_sync_delete AFTER DELETE ON customer_ibans WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
	AND EXISTS (SELECT 1 FROM customers WHERE account_no = OLD.account_no)
BEGIN INSERT INTO sync_touch VALUES ('customers', OLD.account_no, NULL); END;
CREATE INDEX bank_movements_ledger_payment ON bank_movements(ledger_payment) WHERE ledger_payment IS NOT NULL;
CREATE INDEX import_runs_kind_at ON import_runs(kind, at);
CREATE TRIGGER import_runs_sync_insert AFTER INSERT ON import_runs WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('import_runs', NEW.id, 0); END;
CREATE TRIGGER import_runs_sync_delete AFTER DELETE ON import_runs WHEN (SELECT 1 FROM book_meta WHERE key = 'sync_quiet') IS NULL
BEGIN INSERT INTO sync_touch VALUES ('import_runs', OLD.id, 1); END;
COMMIT;
PRAGMA application_id = 1380273217;
PRAGMA user_version = 21;
