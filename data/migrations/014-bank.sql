-- 014-bank.sql — schema version 14: bank statements (CODA, camt.053,
-- camt.054), their movements, and the matches of credits to invoices
-- (src/bank/). Keys are made from what the bank says, so that the same
-- statement read on two copies of the book is the same rows.

-- A statement: CODA's account and sequence, camt's Stmt/Id and sequence.
-- opening and closing are NULL where the bank gives none (camt.054).
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
CREATE INDEX bank_statements_date ON bank_statements(date);

-- A movement: its statement's id, '/', its number in the statement.
-- amount is signed: a credit (money in) > 0. status: a debit is 'debit'
-- and never matched; a credit is 'unmatched', 'suggested' (candidates,
-- none certain), 'matched' (account_no set, rule says which rule or
-- 'manual'), or 'ignored' (not a customer payment). unapplied: what a
-- matched credit leaves on the account beyond the invoices it pays.
-- ledger_payment: the ledger's payment (payments.payment_ref) that
-- showed the same money; from then on the ledger's figures count.
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
CREATE INDEX bank_movements_status ON bank_movements(status, booking_date) WHERE status IN ('unmatched', 'suggested');
CREATE INDEX bank_movements_account ON bank_movements(account_no, booking_date) WHERE account_no IS NOT NULL;
CREATE INDEX bank_movements_bank_ref ON bank_movements(bank_ref) WHERE bank_ref IS NOT NULL;

-- What a matched credit paid of each invoice. ledger_open: the invoice's
-- open amount as the ledger last gave it when the match was made; booked:
-- 1 once a ledger import shows the money (the ledger's open amount fell
-- by it), after which it is no longer subtracted.
CREATE TABLE bank_allocations (
	movement_id TEXT NOT NULL REFERENCES bank_movements(id) ON DELETE CASCADE,
	invoice_no  TEXT NOT NULL REFERENCES invoices(invoice_no),
	amount      INTEGER NOT NULL CHECK (amount > 0),
	ledger_open INTEGER NOT NULL,
	booked      INTEGER NOT NULL DEFAULT 0 CHECK (booked IN (0, 1)),
	PRIMARY KEY (movement_id, invoice_no)
) WITHOUT ROWID;
CREATE INDEX bank_allocations_invoice ON bank_allocations(invoice_no) WHERE booked = 0;

-- The accounts a counterparty's IBAN belongs to: from the customers
-- file's iban column ('import') or a confirmed match ('learned').
CREATE TABLE customer_ibans (
	iban       TEXT NOT NULL CHECK (length(iban) BETWEEN 15 AND 34),
	account_no TEXT NOT NULL REFERENCES customers(account_no),
	source     TEXT NOT NULL CHECK (source IN ('import', 'learned')),
	PRIMARY KEY (iban, account_no)
) WITHOUT ROWID;
CREATE INDEX customer_ibans_account ON customer_ibans(account_no);

-- The journal's word for money received from the bank.
INSERT INTO activity_types(type) VALUES ('payment');

-- Money received, from the ledger and from the bank, as promises and plans
-- count it: the ledger's payments; and a matched bank credit (what it paid
-- of each invoice, and its unapplied rest) until the ledger's payments
-- show the same money.
CREATE VIEW money_received(account_no, date, amount, invoice_no, source) AS
	SELECT account_no, date, amount, invoice_no, payment_ref FROM payments
	UNION ALL
	SELECT m.account_no, m.booking_date, a.amount, a.invoice_no, m.id
	  FROM bank_allocations a JOIN bank_movements m ON m.id = a.movement_id
	 WHERE m.status = 'matched' AND m.ledger_payment IS NULL
	UNION ALL
	SELECT account_no, booking_date, unapplied, NULL, id FROM bank_movements
	 WHERE status = 'matched' AND unapplied > 0 AND ledger_payment IS NULL;
