-- 015-references.sql — schema version 15: a number the book hands out
-- once to each account and each invoice, from which the structured
-- reference it is paid with is made when the ledger gave none (an OGM of
-- ref_no, or RF + check + ref_no). One sequence for both, so that a
-- reference names one thing in the book; the rows carry it to the other
-- copies, so it is the same on every copy. Made before from the invoice
-- number's digits, VF-1001 and AF-1001 of two debtors shared one.
ALTER TABLE customers ADD COLUMN ref_no INTEGER;
ALTER TABLE invoices ADD COLUMN ref_no INTEGER;
UPDATE customers SET ref_no = n.n
  FROM (SELECT account_no, row_number() OVER (ORDER BY account_no) AS n FROM customers) AS n
 WHERE n.account_no = customers.account_no;
UPDATE invoices SET ref_no = n.n
  FROM (SELECT invoice_no, (SELECT count(*) FROM customers)
                           + row_number() OVER (ORDER BY invoice_no) AS n FROM invoices) AS n
 WHERE n.invoice_no = invoices.invoice_no;
CREATE UNIQUE INDEX customers_ref_no ON customers(ref_no) WHERE ref_no IS NOT NULL;
CREATE UNIQUE INDEX invoices_ref_no ON invoices(ref_no) WHERE ref_no IS NOT NULL;
