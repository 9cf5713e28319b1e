#!/bin/sh
# procedures.t — the dunning procedures as a text file: the book's built-in
# two exported, imported back unchanged, a changed one taking effect, every
# kind of error named FILE:LINE with its field and changing nothing, the
# consumer rules refused where a file breaks them; and the rates table.
. "$(dirname "$0")/../lib/tap.sh"

B="$T/book.db"
"$R" -d "$B" import customers "$DATA/customers.csv" >/dev/null || { echo "Bail out! no book"; exit 1; }

"$R" -d "$B" procedures export -o "$T/p.txt"
is "$?" 0 "procedures export"
like "$(cat "$T/p.txt")" "procedure business business Businesses" "the business procedure"
like "$(cat "$T/p.txt")" "step -3 email pre-due
step 7 email reminder-1
step 21 letter reminder-2
step 35 registered formal-notice claims
step 50 agency agency claims" "its five steps, as the issue wants them"
like "$(cat "$T/p.txt")" "step 28 letter consumer-reminder-2 fee 7.50 claims" "the consumer's paid reminder"
like "$(cat "$T/p.txt")" "segment consumer consumer" "the consumer segment's mapping"
ok "import it back" "$R" -d "$B" procedures import "$T/p.txt"
"$R" -d "$B" procedures export -o "$T/p2.txt"
ok "unchanged by the round trip" cmp "$T/p.txt" "$T/p2.txt"

cat > "$T/new.txt" <<'TXT'
# a shorter procedure for retail, and business with a call
procedure business business Business, with a call
step 10 email reminder-1
step 20 call call
step 30 registered formal-notice fee 15.00 claims

procedure retail consumer Retail # customers
step 10 email consumer-reminder-1
step 40 sms sms fee 2.00 claims

segment retail retail
segment consumer retail
TXT
ok "import a changed file" "$R" -d "$B" procedures import "$T/new.txt"
out=$("$R" -d "$B" procedures list)
like "$out" "retail \\(consumer\\): Retail # customers" "a title keeps its '#'"
like "$out" " 2    \\+20 days  call " "the call step"
like "$out" "fee 15.00  claims" "the fee"
like "$out" "segment consumer follows retail" "the mappings"
unlike "$out" "^consumer " "the procedure the file left out is gone"

# errors: each named, nothing changed
before=$("$R" -d "$B" procedures export)
bad() { # NAME FILE-CONTENT EXPECTED-MESSAGE
	printf '%s\n' "$2" > "$T/bad.txt"
	out=$("$R" -d "$B" procedures import "$T/bad.txt" 2>&1)
	rc=$?
	[ $rc -eq 1 ]
	_result $? "$1: refused (exit 1)" "exit $rc: $out"
	like "$out" "$3" "$1: the message"
}
bad "a wrong channel" "procedure business business B
step 7 fax reminder-1" "bad.txt:2: channel: fax is not email, letter, registered, sms, call, agency or lawyer"
bad "an unknown template" "procedure business business B
step 7 email remindr-1" "bad.txt:2: template: no template remindr-1"
bad "days going backwards" "procedure business business B
step 7 email reminder-1
step 5 letter reminder-2" "bad.txt:3: days: 5 is not after the step before \\(7\\)"
bad "days not a number" "procedure business business B
step seven email reminder-1" "bad.txt:2: days: seven is not a number"
bad "a bad fee" "procedure business business B
step 7 email reminder-1 fee 1,2,3" "bad.txt:2: fee: 1,2,3 is not an amount"
bad "a step before any procedure" "step 7 email reminder-1" "bad.txt:1: a step belongs to a procedure"
bad "no business procedure" "procedure other business O
step 7 email reminder-1" "procedure business is missing"
bad "a segment naming nothing" "procedure business business B
step 7 email reminder-1
segment x nosuch" "bad.txt:3: procedure: segment x names procedure nosuch"
bad "a procedure twice" "procedure business business B
step 7 email reminder-1
procedure business business B" "bad.txt:3: name: procedure business is already defined on line 1"
bad "a consumer's first reminder with a fee" "procedure business business B
step 7 email reminder-1
procedure c consumer C
step 7 email consumer-reminder-1 fee 5.00" "bad.txt:4: fee: a consumer's first reminder \\(and any step before it\\) is free"
bad "a consumer's first reminder by SMS" "procedure business business B
step 7 email reminder-1
procedure c consumer C
step -3 email pre-due
step 7 sms sms" "bad.txt:5: channel: a consumer's first reminder goes by email, letter or registered letter \\(XIX.2\\), not sms"
bad "a consumer's pre-due step with a fee" "procedure business business B
step 7 email reminder-1
procedure c consumer C
step -3 email pre-due fee 1.00
step 7 email consumer-reminder-1" "bad.txt:4: fee: a consumer's first reminder \\(and any step before it\\) is free"
bad "a consumer fee above 7.50" "procedure business business B
step 7 email reminder-1
procedure c consumer C
step 7 email consumer-reminder-1
step 30 letter consumer-reminder-2 fee 10.00 claims" "bad.txt:5: fee: a consumer's reminder costs at most 7.50"
bad "too many words" "procedure business business B
step 7 email reminder-1 claims claims claims claims claims claims claims claims claims claims" "bad.txt:2: step: too many words"
bad "a word out of place" "procedure business business B
stepp 7 email reminder-1" "bad.txt:2: stepp: expected procedure, step or segment"
out=$("$R" -d "$B" procedures import "$T/bad.txt" 2>&1)
like "$out" "2 errors: nothing was changed" "the count (the procedure left without a step is the second), and that nothing changed"
is "$("$R" -d "$B" procedures export)" "$before" "after all of these, the procedures are as they were"
ok "--dry-run checks a good file" "$R" -d "$B" procedures import --dry-run "$T/p.txt"
is "$("$R" -d "$B" procedures export)" "$before" "and changes nothing"
fails "a missing file" "$R" -d "$B" procedures import "$T/nosuch.txt"

# --- rates -----------------------------------------------------------------------
out=$("$R" -d "$B" rates list --country BE --format tsv)
like "$out" "BE	2024-01-01	12.50" "Belgium 2024: 12.50 %"
like "$out" "BE	2025-07-01	10.50" "second half of 2025: 10.50 %"
like "$("$R" -d "$B" rates list --country FR --format tsv)" "FR	2025-01-01	13.15" "France: ECB + 10 points"
ok "rates set" "$R" -d "$B" rates set BE 2026-07-01 10.25
like "$("$R" -d "$B" rates list --country BE --format tsv)" "BE	2026-07-01	10.25" "the new half-year"
fails "a date that starts no half-year" "$R" -d "$B" rates set BE 2026-03-01 10
fails "a country in lower case" "$R" -d "$B" rates set be 2026-07-01 10
fails "a rate that is not a number" "$R" -d "$B" rates set BE 2026-07-01 ten

done_testing
