# state.sh — sourced by tests/cli/sync_import_same.t: load SQL DB makes the
# book DB from a fixture, as the same copy (not a cp of it: a book knows
# its file); state DB prints every row of every table of the book, sorted,
# but for when a peer's file was received (the clock's) and the book's
# file; versions name their copies by id.
load() {
	sqlite3 "$2" < "$1" &&
	sqlite3 "$2" "UPDATE book_meta SET value = '$(stat -c %d:%i "$2")' WHERE key = 'copy_file'"
}
state() {
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
		AND name NOT IN ('sync_peers', 'sync_rows', 'book_meta') ORDER BY name"); do
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM \"$t\" ORDER BY $(sqlite3 "$1" "SELECT group_concat(cid + 1, ', ')
			FROM pragma_table_info('$t')")"
	done
	echo "== book_meta"
	sqlite3 "$1" "SELECT * FROM book_meta WHERE key <> 'copy_file' ORDER BY key"
	echo "== sync_peers"
	sqlite3 "$1" "SELECT copy_id, name, user, last_seq, last_made, files, units FROM sync_peers ORDER BY 1"
	echo "== sync_rows"
	sqlite3 "$1" "SELECT tbl, key, rev, at, c.id, base_at, b.id, gone, seq FROM sync_rows
		JOIN sync_copies c ON c.n = copy LEFT JOIN sync_copies b ON b.n = base_copy ORDER BY tbl, key"
}
