-- 009-invoice-description.sql — schema version 9: what an invoice was for.
--
-- The ledger's own words for what was sold ("Abonnement fibre, novembre
-- 2026"), from the optional description column of the invoices import: a
-- Belgian consumer's first reminder must say what the debt is for (Code of
-- Economic Law, XIX.2), and letters list it under the invoice. One line of
-- at most 140 characters; NULL when the ledger gave none. Ledger data: an
-- import sets it, a re-import that says otherwise changes it, and it
-- travels between copies with its invoice.
ALTER TABLE invoices ADD COLUMN description TEXT;
