#!/bin/sh
# sync.t — three copies kept in step by files: the office imports the
# ledger and exports; two collectors import that, work offline on the same
# accounts (calls, notes, promises, a plan, disputes, the same promise and
# the same task changed on both), exchange files in different orders, and
# all three converge, conflicts listed and journaled. Then: the same file
# twice, --dry-run, a truncated file, a flipped byte, a foreign file, a
# file from a newer schema, a file whose accounts the book lacks, a cp of
# a book, a row deleted on one copy and changed on another, sync show,
# sync status and clone.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/queue_book.sh"
O="$T/office.db" A="$T/alice.db" B="$T/bob.db"
o() { "$R" -d "$O" --user office "$@"; }
a() { "$R" -d "$A" --user alice "$@"; }
b() { "$R" -d "$B" --user bob "$@"; }

# state DB: what a copy shows, and every row that travels, in one text
state() {
	for acc in Q1 Q2 Q3 Q4 Q5 Q7 Q8 Q9; do
		"$R" -d "$1" history "$acc" --format tsv
		"$R" -d "$1" plan show "$acc" --format tsv 2>/dev/null
	done
	"$R" -d "$1" accounts --format tsv
	"$R" -d "$1" promises --format tsv
	sqlite3 "$1" "SELECT * FROM promises ORDER BY id; SELECT * FROM promise_invoices ORDER BY 1, 2;
		SELECT * FROM plans ORDER BY id; SELECT * FROM plan_installments ORDER BY 1, 2;
		SELECT * FROM disputes ORDER BY id; SELECT * FROM tasks ORDER BY id;
		SELECT * FROM customers ORDER BY 1; SELECT * FROM invoices ORDER BY 1; SELECT * FROM payments ORDER BY 1;
		SELECT count(*), min(at), max(at) FROM activities;
		SELECT tbl, key, rev, at, c.id, gone FROM sync_rows JOIN sync_copies c ON c.n = copy ORDER BY tbl, key"
}

# isnt A B NAME: passes when A and B differ
isnt() { [ "$1" != "$2" ]; _result $? "$3" "both: $1"; }

# same_book DB1 DB2 NAME: passes when both show the same book (diff otherwise)
same_book() {
	state "$1" > "$T/state1"
	state "$2" > "$T/state2"
	d=$(diff "$T/state1" "$T/state2")
	_result $? "$3" "$d"
}

queue_book "$O"
ok "the office names its copy" o sync name office
P=$(o promise add Q1 --date 2026-12-10 --amount 300)
like "$P" '^[0-9a-f-]{36}$' "the office records a promise on Q1"
TASK=$(o task add Q2 --date 2026-11-30 send the statement)
out=$(o export changes -o "$T/o1.chg")
like "$out" "o1.chg: [0-9]+ units: 2 collectors, 2 ledger imports, 8 accounts, 9 invoices, 4 journal entries, 2 promises, 1 dispute, 2 tasks$" "export changes: the ledger and the work, counted"
like "$(head -1 "$T/o1.chg")" "^relance changes 3$" "the file begins with its format"
is "$(stat -c %a "$T/o1.chg")" 600 "a change file is as private as the book"
like "$(sed -n 2p "$T/o1.chg")" "^schema $SCHEMA$" "then the schema version"
like "$(sed -n 3p "$T/o1.chg")" "^family $(sqlite3 "$O" "SELECT value FROM book_meta WHERE key = 'family_id'")$" "then the book's family"
like "$(tail -1 "$T/o1.chg")" "^hmac-sha256 [0-9a-f]{64}$" "and ends with its signature"
like "$(o export changes -o "$T/o0.chg")" ": 0 units \(nothing new since the last export\)" "a second export has nothing new"
ln -s "$T/target.chg" "$T/link.chg"
ok "export through a symbolic link" o export changes --all -o "$T/link.chg"
ok "writes where the link points" test -L "$T/link.chg" -a -s "$T/target.chg"
is "$(stat -c %a "$T/target.chg")" 600 "and makes it private too"
touch "$T/stale.chg.tmp"
ok "a .tmp left by a crash is no obstacle" o export changes -o "$T/stale.chg"

# the collectors start from the office's file, in new books of its family
like "$(a import changes "$T/o1.chg" 2>&1)" "o1.chg: this book is of no family yet.*relance sync join BOOK.*nothing was changed" "a new book of no family takes no file"
like "$(a sync join "$O")" "alice.db: now of the family of .*office.db" "alice's new book joins the office's family"
ok "bob's too" b sync join "$O"
out=$(a import changes "$T/o1.chg")
like "$out" "o1.chg: [0-9]+ units: [0-9]+ new \([0-9]+ journal entries\), 0 newer, 0 already here, 0 older, 0 conflicts" "alice's new book takes the office's file"
ok "bob's takes it too" b import changes "$T/o1.chg"
a sync name alice >/dev/null; b sync name bob >/dev/null
same_book "$A" "$O" "alice's copy shows what the office's shows"
same_book "$B" "$O" "and so does bob's"

before=$(state "$A")
out=$(a import changes "$T/o1.chg")
like "$out" "0 new .* [0-9]+ already here.*\(nothing changed\)$" "the same file twice: all already here"
is "$(state "$A")" "$before" "and the book is as it was"
like "$(a import changes --dry-run "$T/o1.chg")" "\(dry run: nothing written\)" "--dry-run reports"

# the ledger moves at the office
printf 'payment_ref,account_no,date,amount,invoice_no\nPAY-1,Q2,2026-11-23,100.00,Q2-1\n' > "$T/pay.csv"
ok "the office imports a payment" o import payments "$T/pay.csv"
like "$(o export changes -o "$T/o2.chg")" "o2.chg: [0-9]+ units?: .*1 payment" "and exports it"

# offline work on the same accounts
ok "alice logs a call on Q1" a log call Q1 --outcome reached --note "alice: will pay on the 15th"
ok "alice notes" a note Q1 "alice: sent the copy invoice"
ok "alice moves the promise" a promise change "$P" --date 2026-12-15
ok "alice sets up a plan on Q4" a plan add Q4 --installments 3 --every month --first 2026-12-01
ok "alice opens a dispute on Q7-1" a dispute Q7-1 --reason price
ok "alice marks the office's task done" a task done "$TASK"
sleep 1
ok "bob logs a call on Q1" b log call Q1 --outcome busy
ok "bob notes" b note Q1 "bob: the debtor withdrew the promise"
ok "bob cancels the same promise, later" b promise cancel "$P" --note "withdrawn by phone"
ok "bob opens a dispute on Q7-1 too" b dispute Q7-1 --reason quality
ok "bob marks the same task done" b task done "$TASK"
ok "alice exports" a export changes -o "$T/a1.chg"
ok "bob exports" b export changes -o "$T/b1.chg"

# the files go round in different orders
ok "office: alice's file" o import changes "$T/a1.chg"
out=$(o import changes "$T/b1.chg")
like "$out" "Conflict: promise $P changed on two copies; the change made on copy [0-9a-f]{8} at .* gave way to the change made on copy [0-9a-f]{8} at .*\(account Q1\)" "office: bob's file conflicts with alice's on the promise, and says so"
like "$out" "promised_date: 2026-12-15 \(kept: 2026-12-10\)" "naming the field that lost"
like "$out" "Conflict: task $TASK changed on two copies" "and on the task"
like "$out" "2 conflicts \(2 won by the file, 0 kept here\)" "two conflicts, both won by the later file"
out=$(a import changes "$T/o2.chg" "$T/b1.chg")
like "$out" "b1.chg: .*2 conflicts \(2 won by the file, 0 kept here\)" "alice: the office's then bob's"
before=$(state "$B")
out=$(b import changes --dry-run "$T/a1.chg")
like "$out" "a1.chg: .*[1-9][0-9]* new .*2 conflicts .*\(dry run: nothing written\)$" "--dry-run: bob sees what alice's file would bring, conflicts and all"
is "$(state "$B")" "$before" "and nothing is written"
out=$(b import changes "$T/a1.chg" "$T/o2.chg")
like "$out" "a1.chg: .*2 conflicts \(0 won by the file, 2 kept here\)" "bob: alice's (the earlier change loses) then the office's"

# the office journaled that alice changed its promise and its task (work
# of another copy changed); those entries go round like any other
h=$(o history Q1 --format tsv)
like "$h" "	system	system	Changed on another copy: promise $P, last changed on copy [0-9a-f]{8} at .*, was changed on copy [0-9a-f]{8} at " "the office journals that another copy changed its promise"
o export changes -o "$T/o2b.chg" >/dev/null
a import changes "$T/o2b.chg" >/dev/null; b import changes "$T/o2b.chg" >/dev/null
same_book "$A" "$O" "alice and the office converge, whatever the order"
same_book "$B" "$O" "bob and the office too"
like "$(o promises Q1 --format tsv | grep "$P")" "	cancelled	" "the later change wins: the promise is cancelled everywhere"
h=$(o history Q1 --format tsv)
like "$h" "Promise changed: 300.00 EUR by 2026-12-15" "alice's change that lost is in the journal"
like "$h" "Conflict: promise .* gave way" "with the conflict itself"
is "$(printf '%s\n' "$h" | grep -c 'Conflict: promise')" 1 "one conflict entry, though three copies saw the conflict"
like "$h" "	call	alice	Call: reached.*	$(a sync status | sed -n 's/^this copy: \([0-9a-f-]*\).*/\1/p')$" "every entry shows who and which copy made it"
like "$(o history Q1 | grep 'Call: busy')" "bob *$" "the text history names the copy"
is "$(sqlite3 "$O" "SELECT count(*) FROM disputes WHERE invoice_no = 'Q7-1' AND status = 'open'")" 2 "both disputes on Q7-1 are there"
like "$(o accounts --format tsv | grep '^Q7')" "	0.00	" "and Q7-1 counts once, out of the overdue"
like "$(o items Q2 --format tsv)" "Q2-1" "the ledger's change reached the collectors' copies too"
is "$(b history Q2 --format tsv | grep -c 'PAY-1')" 1 "bob has the office's payment"
ok "the office's book passes its checks" o check
ok "alice's too" a check

# a second round changes nothing and keeps them equal
ok "office exports again" o export changes -o "$T/o3.chg"
like "$(a import changes "$T/o3.chg")" "0 new .*\(nothing changed\)" "alice has all of it already"
same_book "$A" "$O" "still equal"
like "$(a sync status)" "received from:" "sync status lists the copies heard from"
like "$(a sync status)" "[0-9a-f-]{36}  office  office  2026-[0-9T:-]+Z  2026-[0-9T:-]+Z +[0-9]+ +[0-9]+ +[0-9]+$" "with the office's name, who exported, when, and how much"

# files that are refused change nothing
before=$(state "$A")
head -c 200 "$T/b1.chg" > "$T/trunc.chg"
out=$(a import changes "$T/trunc.chg" 2>&1)
is "$?" 1 "a truncated file: exit 1"
like "$out" "trunc.chg: truncated: its last line is not its signature; nothing was changed" "and says so"
cp "$T/b1.chg" "$T/flip.chg"
size=$(wc -c < "$T/flip.chg")
printf 'X' | dd of="$T/flip.chg" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
out=$(a import changes "$T/flip.chg" 2>&1)
like "$out" "flip.chg: its signature does not match: it was changed after a copy of this book wrote it, or it was not written by one; nothing was changed" "a flipped byte: refused"
out=$(a import changes "$DATA/queue-customers.csv" 2>&1)
like "$out" "queue-customers.csv: not a relance changes file" "a foreign file: refused"
# sign FILE: its signature with the family's key, as only a copy of the
# book (or one who stole its key) can make it
KEY=$(sqlite3 "$A" "SELECT value FROM book_meta WHERE key = 'family_key'")
sign() { openssl dgst -sha256 -mac HMAC -macopt "hexkey:$KEY" < "$1" | sed 's/.* //'; }
# a file from a newer schema, with a good signature
{ sed '1,/^$/!d' "$T/b1.chg" | sed "s/^schema .*/schema 99/"
  sed '1,/^$/d' "$T/b1.chg" | sed '$d'; } > "$T/new.body"
{ cat "$T/new.body"; printf 'hmac-sha256 %s\n' "$(sign "$T/new.body")"; } > "$T/newer.chg"
out=$(a import changes "$T/newer.chg" 2>&1)
like "$out" "newer.chg: made by a book of schema version 99; this relance knows up to $SCHEMA: use a relance that knows schema 99" "a newer schema: refused, naming the version needed"
# a good signature over a header that lies about its contents
{ sed '1,/^$/!d' "$T/b1.chg" | sed "s/^units .*/units 3/"
  sed '1,/^$/d' "$T/b1.chg" | sed '$d'; } > "$T/lie.body"
{ cat "$T/lie.body"; printf 'hmac-sha256 %s\n' "$(sign "$T/lie.body")"; } > "$T/lie.chg"
out=$(a import changes "$T/lie.chg" 2>&1)
like "$out" "lie.chg: damaged: its rows and their versions do not match \([0-9]+ units, 3 listed in its header\); nothing was changed" "a header that lies about its units: refused"
is "$(state "$A")" "$before" "none of them changed anything"

# two imports within a second: each gives versions to its own rows only
printf 'account_no,name\nS1,Same Second One\n' > "$T/s1.csv"
printf 'account_no,name\nS2,Same Second Two\n' > "$T/s2.csv"
"$R" -d "$T/fast.db" import customers "$T/s1.csv" >/dev/null
"$R" -d "$T/fast.db" export changes -o "$T/f1.chg" >/dev/null
"$R" -d "$T/fast.db" import customers "$T/s2.csv" >/dev/null
like "$("$R" -d "$T/fast.db" export changes -o "$T/f2.chg")" "f2.chg: 2 units: 1 ledger import, 1 account$" "an import right after another sends only its own rows (and its record)"

# a collector's file into a book without the ledger (a file has what the
# copy made and what it received since its last export: a1.chg passed on
# the office's ledger, a later one does not)
a note Q2 "alice: a later note" >/dev/null
like "$(a export changes -o "$T/a9.chg")" "a9.chg: [0-9]+ units: " "a later export: what came or was made since"
"$R" -d "$T/empty.db" sync join "$O" >/dev/null
out=$("$R" -d "$T/empty.db" import changes "$T/a9.chg" 2>&1)
like "$out" "a9.chg: it has [a-z ]+ of account Q[0-9], which this book does not have: import first the changes that bring it" "work without its accounts: refused"
is "$(sqlite3 "$T/empty.db" "SELECT count(*) FROM activities")" 0 "and nothing written"

# sync show
out=$("$R" sync show "$T/a1.chg")
like "$out" "format 3, signature not checked: no copy of its book at hand" "sync show without a book shows the file, unchecked"
out=$(a sync show "$T/a1.chg")
like "$out" "format 3, signed by a copy of this book" "with a copy of the book, it checks the signature"
like "$out" "copy: +[0-9a-f-]{36} \(alice\)" "names the sending copy"
like "$out" "promises:
  id=\"$P\" account_no=\"Q1\" amount=30000 .*promised_date=\"2026-12-15\"" "and shows rows with their columns"
like "$out" "units and their versions:" "and the versions"

# a plain cp of a book takes its own identity
cp "$A" "$T/alice2.db"
id1=$(a sync status | sed -n 's/^this copy: \([0-9a-f-]*\).*/\1/p')
id2=$("$R" -d "$T/alice2.db" sync status | sed -n 's/^this copy: \([0-9a-f-]*\).*/\1/p')
isnt "$id1" "$id2" "a cp of a book gets a copy id of its own when first opened"
like "$("$R" -d "$T/alice2.db" sync status)" "made from copy $id1" "and says which copy it was made from"
"$R" -d "$T/alice2.db" --user alice note Q9 "from the copied file" >/dev/null
"$R" -d "$T/alice2.db" export changes -o "$T/c1.chg" >/dev/null
ok "its file imports" o import changes "$T/c1.chg"
like "$(o history Q9 --format tsv | grep 'from the copied file')" "	$id2$" "its work carries its own id, not alice's"

# a book from before schema 4, copied with cp before its upgrade: each
# file takes its own id when relance first opens it
M="$(dirname "$0")/../../data"
cat "$M/schema.sql" "$M/migrations/002-"*.sql "$M/migrations/003-"*.sql > "$T/v3.sql"
printf "INSERT INTO book_meta VALUES ('copy_id', '01a20000-0000-7000-8000-00000000aaaa'), ('created_at', '2026-11-01T00:00:00Z');
INSERT INTO customers(account_no, name, imported_at) VALUES ('OLD1', 'Old Ltd', '2026-11-01T00:00:00Z');
INSERT INTO activities(id, account_no, at, type, user, copy_id, summary)
VALUES ('01a20000-0000-7000-8000-00000000bbbb', 'OLD1', '2026-11-02T10:00:00Z', 'note', 'tester',
        '01a20000-0000-7000-8000-00000000aaaa', 'an old note');
PRAGMA user_version = 3;\n" >> "$T/v3.sql"
sqlite3 "$T/v3a.db" < "$T/v3.sql"
cp "$T/v3a.db" "$T/v3b.db"
ida=$("$R" -d "$T/v3a.db" sync status | sed -n 's/^this copy: \([0-9a-f-]*\).*/\1/p')
idb=$("$R" -d "$T/v3b.db" sync status | sed -n 's/^this copy: \([0-9a-f-]*\).*/\1/p')
is "$(sqlite3 "$T/v3a.db" 'PRAGMA user_version')" "$SCHEMA" "a schema 3 book is brought up to date"
isnt "$ida" "01a20000-0000-7000-8000-00000000aaaa" "and takes a copy id of its own"
isnt "$ida" "$idb" "as does its cp: the two no longer share an id"
like "$("$R" -d "$T/v3b.db" sync status)" "made from copy 01a20000-0000-7000-8000-00000000aaaa" "each says where it came from"
ok "its rows have their versions" "$R" -d "$T/v3a.db" check
like "$("$R" -d "$T/v3a.db" export changes -o "$T/v3.chg")" "2 units: 1 account, 1 journal entry" "and go in its first export"

# clone
out=$(o clone "$O" "$T/carol.db" --name carol)
like "$out" "carol.db: a new copy of .*office.db, copy [0-9a-f-]{36}" "clone makes a new copy"
like "$("$R" -d "$T/carol.db" sync status)" "\(carol\).*
made from copy .*
waiting to be exported: 0 units" "named, with nothing to send"
fails "clone will not overwrite" o clone "$O" "$T/carol.db"
same_book "$T/carol.db" "$O" "a clone shows what its source shows"
is "$(sqlite3 "$T/carol.db" "SELECT value FROM book_meta WHERE key = 'family_id'")" \
   "$(sqlite3 "$O" "SELECT value FROM book_meta WHERE key = 'family_id'")" "a clone is of its source's family"
"$R" -d "$T/carol.db" --user carol note Q3 "carol: from the clone" >/dev/null
"$R" -d "$T/carol.db" export changes -o "$T/c1.chg" >/dev/null
like "$(o import changes "$T/c1.chg")" "c1.chg: 1 unit: 1 new" "and its files are taken by its source"

# a book that is not a copy of this one: another demo, same accounts
queue_book "$T/stranger.db"
"$R" -d "$T/stranger.db" --user mallory note Q1 "renamed by a stranger" >/dev/null
"$R" -d "$T/stranger.db" export changes -o "$T/s1.chg" >/dev/null
before=$(state "$T/carol.db")
out=$("$R" -d "$T/carol.db" import changes "$T/s1.chg" 2>&1)
like "$out" "s1.chg: it comes from another book \(family [0-9a-f]{8}\), not from a copy of this one \(family [0-9a-f]{8}\).*nothing was changed" "a file of an unrelated book is refused whole"
is "$(state "$T/carol.db")" "$before" "and changes nothing"

# a row deleted on one copy and changed on another
T2=$(o task add Q9 --date 2026-12-01 call about the new order)
o export changes -o "$T/o4.chg" >/dev/null
a import changes "$T/o4.chg" >/dev/null; b import changes "$T/o4.chg" >/dev/null
sqlite3 "$B" "DELETE FROM tasks WHERE id = '$T2'"
b export changes -o "$T/b2.chg" >/dev/null
ok "alice does the task" a task done "$T2"
out=$(a import changes "$T/b2.chg")
like "$out" "Conflict: task $T2 deleted and changed on two copies" "a change to a row deleted elsewhere is reported"

# a full round: each sends to the office, the office to each
round() {
	a export changes -o "$T/ra.chg" >/dev/null
	b export changes -o "$T/rb.chg" >/dev/null
	o import changes "$T/ra.chg" "$T/rb.chg" >/dev/null
	o export changes -o "$T/ro.chg" >/dev/null
	a import changes "$T/ro.chg" >/dev/null
	b import changes "$T/ro.chg" >/dev/null
}
ok "the office gets alice's later file too" o import changes "$T/a9.chg"
round
same_book "$A" "$O" "after a full round, alice's copy is the office's"
same_book "$B" "$O" "and bob's"

# the rules reach the same verdicts on every copy, and they meet as one
P2=$(o promise add Q3 --date 2026-11-26 --amount 50)
o export changes -o "$T/o5.chg" >/dev/null
for db in "$A" "$B"; do "$R" -d "$db" import changes "$T/o5.chg" >/dev/null; done
export RELANCE_TODAY=2026-12-10
for db in "$O" "$A" "$B"; do
	"$R" -d "$db" promises >/dev/null
	"$R" -d "$db" plan show Q4 >/dev/null
done
like "$(o promises --format tsv | grep "$P2")" "	broken	" "each copy finds the promise broken on its own"
for db in "$A" "$B"; do "$R" -d "$db" export changes -o "$db.chg" >/dev/null; done
o export changes -o "$T/o6.chg" >/dev/null
o import changes "$A.chg" "$B.chg" >/dev/null
a import changes "$T/o6.chg" "$B.chg" >/dev/null
b import changes "$A.chg" "$T/o6.chg" >/dev/null
is "$(o history Q3 --format tsv | grep -c 'Promise broken')" 1 "one verdict in the journal, though three copies reached it"
like "$(o history Q3 --format tsv | grep 'Promise broken')" "	2026-11-30T00:00:00Z	system	system	.*	rules$" "dated when the grace ran out, by the rules"
unlike "$(o history Q3 --format tsv)" "Conflict" "and no conflict: a verdict is not a change"
like "$(o plan show Q4 --format tsv)" "	missed	active" "alice's plan: an installment missed on every copy"
is "$(o history Q4 --format tsv | grep -c 'Installment 1 .*missed')" 1 "journaled once"
same_book "$A" "$O" "the copies still show the same book"
same_book "$B" "$O" "all three"
done_testing
