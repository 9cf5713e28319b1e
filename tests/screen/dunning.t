#!/bin/sh
# dunning.t (screen) — dunning in the workstation: each open item's level and
# next step; L previews the next reminder whole and sends it only on y; Q
# shows the EPC QR code for the overdue balance; the call key asks before
# calling a consumer at night; :procedures edits the procedures in the
# editor, again after an error, all or nothing.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/screen.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/d.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
# the "editor": its first run breaks the file, later runs make step 7 step 8
cat > "$T/ed.sh" <<ED
#!/bin/sh
n=\$(cat "$T/runs" 2>/dev/null || echo 0)
echo \$((n + 1)) > "$T/runs"
if [ "\$n" = 0 ] || [ -f "$T/always-bad" ]; then
	echo "stepp 9 email reminder-1" >> "\$1"
else
	sed -i 's/^step 7 email reminder-1/step 8 email reminder-1/; /^stepp/d' "\$1"
fi
ED
chmod +x "$T/ed.sh"
mails() { ls "$T/mail" | wc -l; }

screen_start 110 40 EDITOR="$T/ed.sh" VISUAL= RELANCE_CLOCK=23:15 -- -d "$B" --all
wait_for "everyone"
type ":goto B1" && send Enter
screen_has "Dunning" "the open items have a dunning column"
screen_has "I-7 .* 0>2 today" "I-7: nothing sent yet, step 2 due today"
screen_has "I-FUT .* 0>1 12-07" "I-FUT: its pre-due step on 12-07"

send L
screen_has "relance: reminder" "L opens the next reminder"
screen_has "Step 1 of business: email, template pre-due \(fr\), 1 invoice" "the first due: I-PRE's pre-due e-mail"
screen_has "To compta@alpha\.example" "to the account's address"
screen_has "Due today" "it is due"
screen_has "Subject: " "its subject"
screen_has "I-PRE" "the invoice in its text"
screen_has "send this reminder now\? \(y/n\)" "and a question"
type "n"
screen_has "nothing sent" "n: nothing sent"
is "$(mails)" 0 "no e-mail went"

send L
wait_for "send this reminder now"
type "y"
screen_has "step 1 done \(email\)" "y: sent"
is "$(mails)" 1 "the e-mail went to sendmail"
screen_has "email .*Dunning step 1 \(pre-due\) by e-mail: 1 invoice" "it is in the history"
screen_has "I-PRE .* 1>2 12-04" "I-PRE's level moved on, its next step dated"

send L
screen_has "Step 2 of business: email, template reminder-1 \(fr\)" "L again: the next one due, I-7's first reminder"
type "y"
screen_has "step 2 done" "sent"
pay=$(sqlite3 "$B" "SELECT json_extract(detail, '$.dunning.pay_by') FROM activities WHERE account_no = 'B1' AND detail LIKE '%\"step\":2%'")
like "$pay" "^2026-[0-9-]+$" "the reminder has a day to pay by"
is "$("$R" -d "$B" queue --all --all-dates --format tsv | awk -F '\t' '$2 == "B1" { print $8 "|" $9 "|" $12 }')" "call again|$pay|1" \
   "sent by hand, a reminder is the collector's work: the account is worked, and comes back on its day to pay by"
send L
screen_has "Not due before 2026-12-04" "L with nothing due: the next one, with its day"
screen_has "not due before 2026-12-04: nothing to send yet" "and no question: a step is not sent before its day"
is "$(mails)" 2 "nothing more went"
send q

send Q
screen_has "relance: qr code" "Q shows the QR code"
screen_has "Pay 250\.00 EUR to Relance Test SA, BE71 0961 2345 6769" "for the overdue balance (I-7), to the company's IBAN"
screen_has "Reference \+\+\+[0-9]{3}/[0-9]{4}/[0-9]{5}\+\+\+" "with the account's reference"
screen_has "▀|▄" "drawn in half blocks"
send q
screen_has "relance: account B1" "q: back to the account"

type ":goto D1" && send Enter
screen_has "D-30 .* 0 disputed" "a disputed invoice: no next step"
type ":goto H1" && send Enter
screen_has "H-30 .* 0 hold" "an account on hold"

# sent from elsewhere while the preview waits for its answer
type ":goto C1" && send Enter
screen_has "relance: account C1" "a consumer's account"
send L
wait_for "send this reminder now"
before=$(mails)
"$R" -d "$B" dunning run --account C1 >/dev/null 2>&1
is "$(mails)" "$((before + 1))" "a dunning run sends C1's reminder meanwhile"
type "y"
screen_has "not sent: the account's reminders changed meanwhile" "y then sends nothing: the account is read again first"
is "$(mails)" "$((before + 1))" "the reminder went once"

# calling hours
send c
screen_has "23:15: consumers may not be called between 22:00 and 08:00" "c at 23:15 asks first"
type "n"
screen_has "no call" "n: no call"
unlike "$(screen)" "CALL Jean" "and no call runs"

# :procedures
type ":procedures" && send Enter
screen_has "line [0-9]+: stepp: expected procedure, step or segment\. Edit again\?" "an error in the file is shown, its line named, and the editor offered again"
type "y"
screen_has "procedures saved: 2 procedures, 8 steps" "the second edit is saved"
like "$("$R" -d "$B" procedures export)" "step 8 email reminder-1" "and in the book"
touch "$T/always-bad"
type ":procedures" && send Enter
wait_for "Edit again"
type "n"
screen_has "the procedures are as they were" "n: nothing changes"
like "$("$R" -d "$B" procedures export)" "step 8 email reminder-1" "the book keeps the last good ones"
unlike "$("$R" -d "$B" procedures export)" "stepp" "and not the broken line"

send q q
wait_exit
is "$EXIT" 0 "quits cleanly"
done_testing
