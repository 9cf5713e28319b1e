#!/bin/sh
# deps.sh — check build/test dependencies; install the missing ones with
# apt-get when running as root, otherwise print the exact command and fail.
# Arguments: "check command":debian-package ...
missing=""
for spec in "$@"; do
	check=${spec%:*}
	pkg=${spec##*:}
	sh -c "$check" >/dev/null 2>&1 || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "relance: installing missing packages:$missing" >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >&2 && apt-get install -y -qq $missing >&2 && exit 0
	echo "relance: apt-get failed; install by hand: apt-get install$missing" >&2
	exit 1
fi
echo "relance: missing build dependencies. Run:" >&2
echo "    sudo apt-get install$missing" >&2
exit 1
