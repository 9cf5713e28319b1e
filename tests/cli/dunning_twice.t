#!/bin/sh
# dunning_twice.t — two `dunning run`s at once on one book (a cron job and a
# collector, say), with a slow sendmail: each message goes once, the
# journal holds each step once, and neither run fails on a locked book.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
# a sendmail that takes its time, so that the two runs overlap
cat > "$T/slow" <<SH
#!/bin/sh
sleep 0.3
exec "$T/sendmail"
SH
chmod +x "$T/slow"
sed -i "s|^set sendmail = .*|set sendmail = \"$T/slow\"|" "$HOME/.config/relance/relancerc"
want=$("$R" -d "$B" dunning run --dry-run --format tsv 2>/dev/null | tail -n +2 | awk -F'\t' '$4 == "email"' | cut -f1,3 | sort -u | wc -l)
ok "some e-mails are due" test "$want" -ge 3
"$R" -d "$B" dunning run > "$T/one.out" 2> "$T/one.err" &
"$R" -d "$B" dunning run > "$T/two.out" 2> "$T/two.err" &
wait
unlike "$(cat "$T/one.err" "$T/two.err")" "locked|failed: [1-9]" "neither run failed"
unlike "$(cat "$T/one.err" "$T/two.err")" "database:" "nor met a database error on the way (the pending record is made durable outside any transaction)"
is "$(ls "$T/mail" | wc -l)" "$want" "each e-mail went once ($want), not twice"
is "$(sqlite3 "$B" "SELECT count(*) FROM (SELECT account_no, json_extract(detail, '\$.dunning.step') FROM activities
	WHERE detail LIKE '{\"dunning\":%' GROUP BY 1, 2 HAVING count(*) > 1)")" 0 "no step is in the journal twice"
ok "the book is right" "$R" -d "$B" check
done_testing
