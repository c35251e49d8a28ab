// Covers: Date: construction from fields, getters, getTime (ms, multiple of 1000 in HashLink),
// toString "YYYY-MM-DD HH:MM:SS", Date.fromString (date, date-time, time), Date.fromTime, DateTools
// (format, delta, days in month). Runs with TZ=UTC (env file) so local time equals UTC.
// HashLink rule: dates are 32-bit seconds; UTC getters need hl-ver 1.11 and are not used.
class Main {
	static function main() {
		var d = new Date(2024, 1, 29, 13, 45, 30);
		Sys.println(d.getFullYear() + " " + d.getMonth() + " " + d.getDate() + " " + d.getHours() + " " + d.getMinutes() + " " + d.getSeconds() + " " + d.getDay());
		Sys.println(d.toString());
		Sys.println(d.getTime());
		Sys.println(Date.fromTime(0).toString());
		Sys.println(Date.fromTime(1700000000000.0).toString());
		Sys.println(Date.fromString("2001-09-09 01:46:40").getTime());
		Sys.println(Date.fromString("1999-12-31").toString());
		Sys.println(Date.fromString("10:20:30").getTime());
		Sys.println(DateTools.format(d, "%Y/%m/%d %H:%M:%S"));
		Sys.println(DateTools.delta(d, DateTools.days(1)).toString());
		Sys.println(DateTools.getMonthDays(d) + " " + DateTools.getMonthDays(new Date(2023, 1, 1, 0, 0, 0)));
		Sys.println(new Date(2024, 11, 31, 23, 59, 59).getTime() - new Date(2024, 0, 1, 0, 0, 0).getTime());
		Sys.println(Date.now().getFullYear() >= 2024);
	}
}
