#!/bin/sh
# bank_versions.t — what a bank import writes for a credit the rules match
# and the versions it makes, where its fast path could go wrong: the
# movement written matched at once (account, rule, unapplied rest as its
# allocations leave it), each unit it wrote given one new version, and
# the versions numbered without a gap in the order the import first wrote
# each unit (the movement, then the invoices it pays, then the journal
# entry), as the triggers would have made them one at a time; the same
# again for a second file in a book that already has the first.
. "$(dirname "$0")/../lib/tap.sh"
export RELANCE_DB="$T/book.db"
r() { "$R" "$@"; }
q() { sqlite3 "$RELANCE_DB" "$@"; }
BANK="$DATA/bank"
mkdir -p "$HOME/.config/relance"
printf 'set company-name = "Relance Test SA"\nset company-iban = "BE68 5390 0754 7034"\n' \
	> "$HOME/.config/relance/relancerc"
ok "the customers" r import customers "$BANK/match-customers.csv"
ok "the invoices" r import invoices "$BANK/match-invoices.csv"

# import FILE: imports it; the versions it made are those above seq $s
import() {
	s=$(q "SELECT coalesce(max(seq), 0) FROM sync_rows")
	ok "$1 imported" r import bank "$1"
	new=$(q "SELECT count(*) FROM sync_rows WHERE seq > $s")
	isnt_zero=$([ "$new" -gt 0 ] && echo yes)
	is "$isnt_zero" yes "$1: new versions"
	is "$(q "SELECT max(seq) - $s FROM sync_rows WHERE seq > $s")" "$new" \
		"$1: numbered from $((s + 1)) without a gap"
	is "$(q "SELECT count(*) FROM bank_movements m WHERE NOT EXISTS (SELECT 1 FROM sync_rows v
		WHERE v.tbl = 'bank_movements' AND v.key = m.id AND v.seq > $s AND v.rev = 1)
		AND m.statement_id IN (SELECT id FROM bank_statements WHERE file = '$1')")" 0 \
		"$1: every movement has its first version"
	# every matched credit: the movement's version before its invoices'
	# and its journal entry's (its invoices' may be an earlier credit's)
	is "$(q "SELECT count(*) FROM bank_movements m JOIN sync_rows v ON v.tbl = 'bank_movements' AND v.key = m.id
		WHERE m.status = 'matched' AND v.seq > $s AND (
		EXISTS (SELECT 1 FROM bank_allocations a JOIN sync_rows w ON w.tbl = 'invoices' AND w.key = a.invoice_no
			WHERE a.movement_id = m.id AND w.seq > $s AND w.seq < v.seq
			AND NOT EXISTS (SELECT 1 FROM bank_allocations b JOIN sync_rows u ON u.tbl = 'bank_movements'
				AND u.key = b.movement_id WHERE b.invoice_no = a.invoice_no AND u.seq < v.seq AND u.seq > $s))
		OR NOT EXISTS (SELECT 1 FROM activities j JOIN sync_rows x ON x.tbl = 'activities' AND x.key = j.id
			WHERE j.detail LIKE '%\"movement\":\"' || m.id || '\"%' AND x.seq > v.seq))")" 0 \
		"$1: a matched credit's version comes before its invoices' and its entry's"
}

s0=$(q "SELECT coalesce(max(seq), 0) FROM sync_rows")
import "$BANK/match.cod"
matched=$(q "SELECT count(*) FROM bank_movements WHERE status = 'matched'")
is "$([ "$matched" -ge 3 ] && echo yes)" yes "the CODA file's credits are matched ($matched)"
is "$(q "SELECT count(*) FROM bank_movements m WHERE status = 'matched' AND (account_no IS NULL OR rule IS NULL
	OR unapplied <> amount - (SELECT coalesce(sum(amount), 0) FROM bank_allocations a WHERE a.movement_id = m.id))")" 0 \
	"each matched movement written with its account, rule and unapplied rest"
is "$(q "SELECT count(*) FROM bank_movements WHERE status <> 'matched' AND (account_no IS NOT NULL OR rule IS NOT NULL
	OR unapplied <> 0)")" 0 "the others with none"
is "$(q "SELECT count(*) FROM activities WHERE type = 'payment'")" "$matched" "one payment entry for each matched credit"
is "$(q "SELECT count(*) FROM invoices i WHERE EXISTS (SELECT 1 FROM bank_allocations a WHERE a.invoice_no = i.invoice_no)
	AND NOT EXISTS (SELECT 1 FROM sync_rows v WHERE v.tbl = 'invoices' AND v.key = i.invoice_no AND v.seq > $s0)")" 0 \
	"every invoice paid: a new version"
# the second file, into a book that has the first
ref=$(r qr RF01 --payload | sed -n '10,11p' | while read -r l; do
	r ref check "$l" >/dev/null 2>&1 && printf '%s\n' "$l"
done | head -n 1 | tr -d '+/ ')
sed "s/@ACCOUNT-REFERENCE-RF01@/$ref/" "$BANK/match.xml" > "$T/match.xml"
import "$T/match.xml"
is "$(r check >/dev/null 2>&1; echo $?)" 0 "the book checks out"
done_testing
