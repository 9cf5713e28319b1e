-- 008-dunning-pending.sql — schema version 8: reminders on their way.
--
-- A reminder that leaves the book (an e-mail given to sendmail, a text to
-- the SMS command, a letter written for the post) is recorded here, in a
-- transaction of its own, before it is handed over; once the hand-over has
-- succeeded the row becomes its journal entry (the step taken) and is
-- deleted, in one transaction; a hand-over that fails deletes it. A row
-- left behind is a message whose outcome is unknown: the run was killed
-- between the two. The next run does not send its invoices again and says
-- so; `relance dunning pending` lists such rows and resolves them (sent:
-- journaled as they are; retry: deleted, the next run sends again).
--
-- The row keeps the journal entry the message becomes, word for word, so
-- that marking it sent journals what was sent. It belongs to this copy of
-- the book (the sender's outbox): it does not travel between copies.
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
CREATE INDEX dunning_pending_account ON dunning_pending(account_no);
