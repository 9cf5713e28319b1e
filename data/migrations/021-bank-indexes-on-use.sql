-- 021-bank-indexes-on-use.sql — schema version 21: the two indexes of
-- open invoices the matching of bank credits looks up (018) are made by
-- the first import of a bank statement (src/bank/bank_store.c), not for
-- every book: kept up to date, they made each import of the ledger's
-- invoices a third slower (3.2 s more for a million rows), a cost a book
-- that reads no bank statement has no reason to pay.
DROP INDEX IF EXISTS invoices_no_key;
DROP INDEX IF EXISTS invoices_open_amount;
