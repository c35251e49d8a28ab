// Covers: sys.io.Process control: getPid (positive, differs from the next process), exitCode(false)
// while running (null) and after the end, kill of a sleeping process (exit code of a SIGKILLed
// child as HashLink reports it), close, a command line run through the shell (args null), an
// argument with spaces and quotes passed verbatim, reading a large output (larger than a pipe
// buffer) before waiting, a missing program (error as on HashLink), Sys.command with and without
// arguments and its exit status; stdout of the child interleaved with ours (flushed first).
import sys.io.Process;

class Main {
	static function main() {
		var p = new Process("sleep", ["5"]);
		var pid = p.getPid();
		Sys.println('pid positive ${pid > 0}');
		Sys.println('running exitCode(false): ${p.exitCode(false)}');
		p.kill();
		var code = p.exitCode();
		Sys.println('killed exit code $code');
		Sys.println('exitCode(false) after end: ${p.exitCode(false)}');
		p.close();

		var q = new Process("echo", ["a b", "'quoted'", "\"dq\"", "$HOME"]);
		Sys.println('other pid ${q.getPid() != pid}');
		Sys.println('args verbatim: ' + q.stdout.readLine());
		q.close();

		var sh = new Process("echo shell $((6 * 7)) | tr a-z A-Z");
		Sys.println('shell: ' + sh.stdout.readLine() + ' exit ' + sh.exitCode());
		sh.close();

		var big = new Process("sh", ["-c", "i=0; while [ $i -lt 20000 ]; do echo line$i; i=$((i+1)); done"]);
		var all = big.stdout.readAll().toString();
		Sys.println('big output ${all.length} bytes, exit ${big.exitCode()}');
		big.close();

		var err = new Process("sh", ["-c", "echo out; echo err 1>&2; exit 7"]);
		Sys.println('stdout ${err.stdout.readAll().toString().length} stderr ${err.stderr.readAll().toString().length} exit ${err.exitCode()}');
		err.close();

		try {
			var m = new Process("/nonexistent/program", []);
			Sys.println('missing: exit ${m.exitCode()}');
			m.close();
		} catch (e:Dynamic) {
			Sys.println('missing: ${Std.string(e)}');
		}
		Sys.stdout().flush();
		Sys.println('command: ' + Sys.command("echo", ["child says hi"]));
		Sys.println('command shell: ' + Sys.command("exit 4"));
	}
}
