#!/bin/sh
# dunning_journal_forms.t — a dry run's sweep of the whole journal reads
# dunning entries of every form as `dunning status`, which reads each
# account alone, does: escapes, a step written as a string, a key twice,
# invalid JSON, spaces and members the rules do not read.
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/dunning_book.sh"
B="$T/book.db"
dunning_book "$B" || { echo "Bail out! cannot build the book"; exit 1; }
dunning_config
before=$("$R" -d "$B" dunning run --dry-run --format tsv --quiet | tail -n +2 | cut -f1-3 | sort)
like "$before" "B2	I-40	2" "before: I-40 is due at step 2"
like "$before" "B1	I-7	2" "before: I-7 is due at step 2"
like "$before" "R1	R-OLD	2" "before: R-OLD is due at step 2"
sqlite3 "$B" "
INSERT INTO activities(id, account_no, at, type, user, copy_id, summary, detail) VALUES
 ('0190a000-0000-7000-8000-0000000000e1', 'B2', '2026-11-20T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"procedure\":\"business\",\"step\":2,\"template\":\"reminder-1\",\"invoices\":[\"I-\\u00340\"],\"sent_on\":\"2026-11-20\",\"pay_by\":\"2026-12-04\"}}'),
 ('0190a000-0000-7000-8000-0000000000e2', 'B1', '2026-11-20T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"procedure\":\"business\",\"step\":\"2\",\"invoices\":[\"I-7\"],\"pay_by\":\"2026-12-01\"}}'),
 ('0190a000-0000-7000-8000-0000000000e3', 'R1', '2026-11-20T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{ \"procedure\" : \"business\", \"extra\": {\"a\":[1,2.5e3,true,null,-0]}, \"step\": 2,
    \"invoices\": [ \"R-OLD\" ], \"sent_on\": \"2026-11-20\", \"pay_by\": null }, \"note\": \"x\"}'),
 ('0190a000-0000-7000-8000-0000000000e4', 'C1', '2026-11-20T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"step\":2,\"invoices\":[\"C-10\"]'),
 ('0190a000-0000-7000-8000-0000000000e5', 'B1', '2026-11-21T05:00:00Z', 'email', 'system', 'test', 'Reminder',
  '{\"dunning\":{\"procedure\":\"business\",\"step\":1,\"step\":3,\"invoices\":[\"I-PRE\"],\"sent_on\":\"2026-11-21\"}}'),
 ('0190a000-0000-7000-8000-0000000000e6', 'C1', '2026-11-21T05:00:00Z', 'note', 'system', 'test', 'Waived',
  '{\"interest_waived\":{\"invoices\":[\"C-10\"]}}');
" || { echo "Bail out! cannot write the journal"; exit 1; }
dry=$("$R" -d "$B" dunning run --dry-run --format tsv --quiet | tail -n +2 | cut -f1-3 | sort)
alone=$(for a in $(sqlite3 "$B" "SELECT account_no FROM customers ORDER BY account_no"); do
	"$R" -d "$B" dunning status "$a" --format tsv | tail -n +2 |
		awk -F'\t' -v a="$a" '$7 == "due" { print a "\t" $1 "\t" $8 }'
done | sort)
is "$dry" "$alone" "the dry run says what each account's status, read alone, says"
unlike "$dry" "I-40" "an entry naming I-40 with an escape counts (read by SQLite)"
unlike "$dry" "I-7" "an entry whose step is a string counts (read by SQLite)"
unlike "$dry" "R-OLD" "an entry with spaces and members the rules do not read counts (read in C)"
like "$dry" "C1	C-10	1" "an entry that is not JSON does not"
done_testing
