-- 020-reference-numbers.sql — schema version 20: the numbers the book
-- hands out for payment references (015) start at 9,000,000,001
-- (PAYREF_BOOK_FIRST, src/book/payref_owner.h). From 1, they met the
-- references ledgers make of their invoice numbers (invoice 101:
-- +++000/0000/10197+++ is the OGM of 101): the ledger's reference was then
-- shared with an account of the book and left unused. The numbers given
-- so far move up by 9,000,000,000, all of them, in one statement.
UPDATE customers SET ref_no = ref_no + 9000000000 WHERE ref_no < 9000000000;
UPDATE invoices SET ref_no = ref_no + 9000000000 WHERE ref_no < 9000000000;
