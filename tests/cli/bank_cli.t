#!/bin/sh
# bank_cli.t — the bank commands without bank files (the readers' tests
# bring those): what an empty book lists, usage errors, files refused whole
# (one bad file keeps the others of the call out), and the errors that
# name what is wrong. The matching engine is tests/unit/bank_match.c's.
. "$(dirname "$0")/../lib/tap.sh"
export RELANCE_DB="$T/book.db"
printf 'account_no,name\nA1,Acme\n' > "$T/c.csv"
ok "a book" "$R" import customers "$T/c.csv"

out=$("$R" bank statements 2>&1)
is "$?" 0 "bank statements on a book without any"
is "$out" "statement  iban  date  opening  closing  movements" "its columns, no rows"
is "$("$R" bank list --format tsv)" "$(printf 'id\tdate\tamount\tcurrency\tcounterparty\tiban\treference\tcommunication\tstatus\taccount_no\tinvoices\trule')" \
	"bank list --format tsv: the columns of the issue"
is "$("$R" bank list --unmatched --format json)" "[]" "bank list --unmatched --format json: an empty array"

out=$("$R" bank list --format xml 2>&1)
is "$?" 2 "a bad --format is a usage error"
like "$out" "bank list: --format xml: use text, tsv or json" "named"
out=$("$R" bank 2>&1)
is "$?" 2 "bank alone: usage"
out=$("$R" bank frob 2>&1)
is "$?" 2 "an unknown subcommand: usage"
like "$out" "bank: frob: say statements, list, match, unmatch or ignore" "named"
out=$("$R" bank match X 2>&1)
is "$?" 2 "bank match without an account: usage"
like "$out" "usage: relance bank match ID ACCOUNT" "says how"
out=$("$R" bank match X A1 F-1=1,2.3 2>&1)
is "$?" 2 "a bad amount: usage"
like "$out" "F-1=1,2.3: the amount must be more than 0" "named"

out=$("$R" bank match nope A1 2>&1)
is "$?" 1 "bank match of no movement fails"
like "$out" "bank match: no movement 'nope'" "naming it"
out=$("$R" bank unmatch nope 2>&1)
is "$?" 1 "bank unmatch of no movement fails"
like "$out" "bank unmatch: no movement 'nope'" "naming it"
out=$("$R" bank ignore nope 2>&1)
is "$?" 1 "bank ignore of no movement fails"
like "$out" "bank ignore: no movement 'nope'" "naming it"

printf 'not a statement\n' > "$T/bad.txt"
out=$("$R" import bank "$T/bad.txt" 2>&1)
is "$?" 1 "a file that is no statement is refused"
like "$out" "bad.txt:1: not a bank statement" "with the file and line"
like "$out" "nothing was imported" "and says nothing was imported"
out=$("$R" import bank "$T/missing.cod" 2>&1)
is "$?" 1 "a file that cannot be read is refused"
like "$out" "missing.cod: cannot be read" "named"
out=$("$R" import bank 2>&1)
is "$?" 2 "import bank without a file: usage"
is "$("$R" bank statements --format tsv | wc -l)" 1 "nothing was stored"

like "$("$R" --help)" "bank +the bank statements read" "relance --help lists bank"
like "$("$R" bank --help)" "bank match ID ACCOUNT \[INVOICE\[=AMOUNT\]...\]" "bank --help shows its usage"
like "$("$R" import --help)" "import bank FILE" "import --help shows import bank"
done_testing
