-- 018-bank-match.sql — what the matching of bank credits (src/bank/
-- bank_match.c) looks up among the open invoices, each in one step of an
-- index rather than a pass over the book: an invoice number as people
-- write it in a transfer's message (upper case, without blanks, dashes
-- and the zeros in front: "f 001-23" finds F-123), and an amount. Only
-- open invoices: a credit pays nothing else. The queries must spell the
-- expression exactly as here for the index to be used.
CREATE INDEX invoices_no_key ON invoices(ltrim(upper(replace(replace(invoice_no, ' ', ''), '-', '')), '0'))
	WHERE status = 'open';
CREATE INDEX invoices_open_amount ON invoices(open_amount) WHERE status = 'open';
