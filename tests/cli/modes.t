#!/bin/sh
# modes.t — everything relance writes is mode 0600 and every directory it
# makes 0700, whatever the umask (000 here: nothing may lean on it): the
# book and its -wal and -shm, exports (to a file, over a file, through a
# link), change files, clones, procedures, QR codes, the demo's files,
# letters and their directory, which is under $XDG_DATA_HOME, never the
# working directory.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
umask 000
mode() { stat -c %a "$1" 2>&1; }

B="$T/data/b.db"
"$R" -d "$B" demo --accounts 20 >/dev/null
is "$(mode "$B")" 600 "a book made under umask 000 is 0600"
is "$(mode "$T/data")" 700 "and the directory made for it 0700"
"$R" import customers "$DATA/customers.csv" >/dev/null
is "$(mode "$HOME/.local/share/relance").$(mode "$HOME/.local/share")" 700.700 \
   "the default book's directories are 0700, parents too"

# -wal and -shm: kept while another reader holds the book open
(echo "BEGIN; SELECT count(*) FROM sqlite_schema;"; sleep 3) | sqlite3 "$B" >/dev/null &
sleep 1
"$R" -d "$B" note C000001 "while someone reads" >/dev/null
is "$(mode "$B-wal").$(mode "$B-shm")" 600.600 "the book's -wal and -shm are 0600 too"
wait

# exports
"$R" -d "$B" export promises -o "$T/p.csv"
is "$(mode "$T/p.csv")" 600 "export -o FILE: 0600"
touch "$T/open.csv" && chmod 644 "$T/open.csv"
"$R" -d "$B" export promises -o "$T/open.csv"
is "$(mode "$T/open.csv")" 600 "export -o over a 0644 file: replaced by a 0600 one"
ln -s "$T/target.csv" "$T/link.csv"
"$R" -d "$B" export promises -o "$T/link.csv"
is "$(mode "$T/target.csv")" 600 "export -o LINK naming no file yet: the file made is 0600"
ok "and the link is still a link" test -L "$T/link.csv"
"$R" -d "$B" export changes -o "$T/c.chg" >/dev/null
is "$(mode "$T/c.chg")" 600 "export changes: 0600"
"$R" -d "$B" procedures export -o "$T/proc.txt"
is "$(mode "$T/proc.txt")" 600 "procedures export -o: 0600"
ok "and it is the procedures" grep -q "^procedure" "$T/proc.txt"
"$R" clone "$B" "$T/clone.db" >/dev/null
is "$(mode "$T/clone.db")" 600 "clone: 0600"
"$R" demo --csv "$T/csv" --accounts 5 >/dev/null
is "$(mode "$T/csv"):$(mode "$T/csv/customers.csv"):$(mode "$T/csv/invoices.csv"):$(mode "$T/csv/payments.csv")" \
   "700:600:600:600" "demo --csv: the directory 0700, its files 0600"

# letters and QR codes: letters-dir left to its default
D="$T/dun.db"
dunning_book "$D" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
sed -i '/letters-dir/d' "$HOME/.config/relance/relancerc"
like "$("$R" config | grep letters-dir)" "letters-dir = \"?$HOME/.local/share/relance/letters\"?" \
     "letters-dir defaults to ~/.local/share/relance/letters"
like "$(XDG_DATA_HOME="$T/xdg" "$R" config | grep letters-dir)" "$T/xdg/relance/letters" \
     "... under \$XDG_DATA_HOME when it is set"
mkdir "$T/cwd"
ledger_read "$D" 2026-12-09
(cd "$T/cwd" && "$R" -d "$D" dunning run --account B1 && RELANCE_TODAY=2026-12-09 "$R" -d "$D" dunning run --account B1) >/dev/null 2>&1
L="$HOME/.local/share/relance/letters"
ok "the letter is written in the default letters directory" test -s "$L/B1-s3-2026-12-09.pdf"
is "$(mode "$L")" 700 "which is made 0700"
is "$(mode "$L/B1-s3-2026-12-09.pdf")" 600 "and the letter 0600"
is "$(ls -A "$T/cwd")" "" "nothing is written in the working directory"
"$R" -d "$D" qr C1 --png "$T/qr.png"
is "$(mode "$T/qr.png")" 600 "qr --png: 0600"
"$R" -d "$D" letter B1 -o "$T/b1.pdf" >/dev/null 2>&1
is "$(mode "$T/b1.pdf")" 600 "letter -o: 0600"
mkdir "$T/sub"
"$R" -d "$D" qr C1 --png "$T/sub" 2>"$T/err"
like "$(cat "$T/err")" "qr: cannot write .*sub: Is a directory" "qr --png onto a directory says why"
done_testing
