#!/bin/sh
# sync_parents.t — an import checks the foreign keys of only the tables
# its merge could break: those it wrote and those that refer to them. A
# file whose rows name a parent this book lacks is refused, and so is one
# that deletes a parent whose children this book keeps (the children are
# not in the file, the merge did not write them); a file of journal
# entries alone leaves the other tables unread and is taken.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
O="$T/office.db"
queue_book "$O"
"$R" -d "$O" export changes -o "$T/first.chg" >/dev/null

# a clone changed behind relance's back (the sqlite3 shell keeps no
# foreign keys), then what changed since it was made sent
evil() {
	rm -f "$T/evil.db" "$T/evil.chg"
	"$R" -d "$O" clone "$O" "$T/evil.db" >/dev/null
	sqlite3 "$T/evil.db" "$1"
	"$R" -d "$T/evil.db" export changes -o "$T/evil.chg" >/dev/null
}
# an account the clone changed, then deleted: the deletion is newer than
# the change this book took from it (no conflict, no overwrite: nothing
# journaled, so only the tables the merge touched and their children are
# checked)
rm -f "$T/evil.db"
"$R" -d "$O" clone "$O" "$T/evil.db" >/dev/null
sqlite3 "$T/evil.db" "UPDATE customers SET city = 'Nowhere' WHERE account_no = 'Q9';
	INSERT INTO sync_touch(tbl, key, gone) VALUES ('customers', 'Q9', 0)"
"$R" -d "$T/evil.db" export changes -o "$T/change.chg" >/dev/null
like "$("$R" -d "$O" import changes "$T/change.chg" 2>&1)" "change.chg: 1 unit: 0 new .*, 1 newer" "the clone's change of Q9 is taken"
sqlite3 "$T/evil.db" "DELETE FROM customer_ibans WHERE account_no = 'Q9'; DELETE FROM customers WHERE account_no = 'Q9';
	INSERT INTO sync_touch(tbl, key, gone) VALUES ('customers', 'Q9', 1)"
"$R" -d "$T/evil.db" export changes -o "$T/evil.chg" >/dev/null
before=$(book_dump "$O")
is "$(sqlite3 "$O" "SELECT count(*) > 0 FROM invoices WHERE account_no = 'Q9'")" 1 "Q9 has invoices here"
out=$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)
like "$out" "evil.chg: it has invoices of account Q9, which this book does not have: .*; nothing was changed" \
	"then its deletion, whose invoices stay here, is refused"
is "$(book_dump "$O")" "$before" "and the book is unchanged"

evil "INSERT INTO activities(id, account_no, at, type, user, copy_id, summary)
	VALUES ('0190a000-0000-7000-8000-0000000000f1', 'NOPE', '2026-11-24T10:00:00Z', 'note', 'mallory', 'x', 'orphan')"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" \
	"evil.chg: it has journal entries of account NOPE, which this book does not have" \
	"a journal entry of an account this book lacks is refused"
is "$(book_dump "$O")" "$before" "and the book is unchanged"

evil "INSERT INTO activities(id, account_no, at, type, user, copy_id, summary)
	VALUES ('0190a000-0000-7000-8000-0000000000f2', 'Q2', '2026-11-24T10:00:00Z', 'nosuchtype', 'mallory', 'x', 'odd')"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "evil.chg: it has .*which this book does not have" \
	"a journal entry of a type this book lacks is refused"
is "$(book_dump "$O")" "$before" "and the book is unchanged"

evil "INSERT INTO activities(id, account_no, at, type, user, copy_id, summary)
	VALUES ('0190a000-0000-7000-8000-0000000000f3', 'Q2', '2026-11-24T10:00:00Z', 'note', 'mallory', 'x', 'fine')"
like "$("$R" -d "$O" import changes "$T/evil.chg" 2>&1)" "evil.chg: 1 unit: 1 new" "a journal entry of an account here is taken"
is "$(sqlite3 "$O" "SELECT summary FROM activities WHERE id = '0190a000-0000-7000-8000-0000000000f3'")" fine "and written"
done_testing
