// Covers: Date in a non-UTC time zone with daylight saving (env: TZ=EST5EDT,M3.2.0,M11.1.0, a POSIX
// rule that needs no tz database): local getters vs getUTCFullYear/Month/Date/Day/Hours/
// Minutes/Seconds, getTimezoneOffset in winter and summer (minutes, positive west of UTC),
// Date.fromTime and getTime round trips, a local time in the skipped DST hour and one in the
// repeated hour, Date.fromString (local), toString, DateTools.format with %Y-%m-%d %H:%M:%S and
// %A/%B names, DateTools.seconds/minutes/hours/days, DateTools.getMonthDays of a leap February,
// month/day overflow in the constructor (normalised as C's mktime does), and a date before 1970
// built from fields (HashLink 1.12 rule: it wraps to 2105, the time being taken as unsigned 32-bit
// seconds).
class Main {
	static function show(label:String, d:Date) {
		Sys.println('$label: local ${d.toString()} day ${d.getDay()} | utc ${d.getUTCFullYear()}-${d.getUTCMonth() + 1}-${d.getUTCDate()} ${d.getUTCHours()}:${d.getUTCMinutes()}:${d.getUTCSeconds()} day ${d.getUTCDay()} | offset ${d.getTimezoneOffset()} | time ${d.getTime()}');
	}

	static function main() {
		show("winter", new Date(2024, 0, 15, 12, 30, 45));
		show("summer", new Date(2024, 6, 4, 23, 59, 59));
		show("from time 0", Date.fromTime(0));
		show("from utc", Date.fromTime(1710054000000.0));
		show("skipped hour", new Date(2024, 2, 10, 2, 30, 0));
		show("repeated hour", new Date(2024, 10, 3, 1, 30, 0));
		show("fromString", Date.fromString("2023-12-31 23:00:00"));
		show("fromString day", Date.fromString("2000-02-29"));
		show("before 1970", new Date(1969, 6, 20, 20, 17, 0));
		show("month overflow", new Date(2023, 12, 1, 0, 0, 0));
		show("day overflow", new Date(2023, 1, 30, 0, 0, 0));
		var d = new Date(2024, 1, 29, 8, 5, 3);
		Sys.println(DateTools.format(d, "%Y-%m-%d %H:%M:%S %A %B %a %b %e %y %%"));
		Sys.println('leap feb ${DateTools.getMonthDays(d)} ${DateTools.getMonthDays(new Date(2023, 1, 1, 0, 0, 0))}');
		var back = Date.fromTime(d.getTime());
		Sys.println('round trip ${back.toString() == d.toString()} ${back.getTime() == d.getTime()}');
		Sys.println('seconds/minutes/hours/days ${DateTools.seconds(2)} ${DateTools.minutes(1)} ${DateTools.hours(1)} ${DateTools.days(1)}');
	}
}
