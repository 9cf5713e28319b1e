/* time_local.c — a stored UTC timestamp shown in a zone: the zone's name as
 * given, timestamps that do not exist refused (not carried into the
 * next month), and a name too long to show whole (a POSIX TZ rule) replaced by
 * its abbreviation, never cut. */
#include "base/lib.h"
#include "tap.h"

#include <string.h>

int main(void)
{
	struct local_time lt;
	is_int(time_local("2026-11-21T09:30:00Z", "Europe/Brussels", &lt), 0, "a timestamp in a named zone");
	is_str(lt.when, "2026-11-21 10:30", "Brussels is UTC+1 in November");
	is_str(lt.zone, "Europe/Brussels", "the zone as given");
	is_int(lt.offset, 3600, "its offset");

	const char *rule = "<+0100>-01:00:00<+0200>-02:00:00,M3.5.0/02:00:00,M10.5.0/03:00:00,";
	ok(strlen(rule) >= sizeof lt.zone, "the rule is longer than a zone's name can be (%zu)", strlen(rule));
	is_int(time_local("2026-07-01T12:00:00Z", rule, &lt), 0, "a timestamp under a POSIX rule");
	is_str(lt.when, "2026-07-01 14:00", "summer time of the rule");
	is_str(lt.zone, "+0200", "a rule too long to show is named by its abbreviation, not cut");

	is_int(time_local("2026-13-01T12:00:00Z", "UTC", &lt), -1, "a 13th month is no timestamp");
	is_str(lt.when, "2026-13-01T12:00", "kept as it is, to the minute, as the history shows stamps");
	is_int(time_local("2026-02-29T12:00:00Z", "UTC", &lt), -1, "nor is a 29 February of 2026");
	is_int(time_local("2026-11-30T24:00:00Z", "UTC", &lt), -1, "nor a 25th hour");
	return done_testing();
}
