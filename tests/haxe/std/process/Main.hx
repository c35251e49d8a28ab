// Covers: sys.io.Process: running a command with arguments, reading its stdout and stderr,
// writing to its stdin, exit codes; Sys.command with a shell command's exit status.
class Main {
	static function main() {
		var p = new sys.io.Process("echo", ["hello", "from echo"]);
		Sys.println(p.stdout.readAll().toString() + "exit " + p.exitCode());
		p.close();
		var cat = new sys.io.Process("cat", []);
		cat.stdin.writeString("piped é\n");
		cat.stdin.close();
		Sys.println(cat.stdout.readLine() + " / exit " + cat.exitCode());
		cat.close();
		var sh = new sys.io.Process("sh", ["-c", "echo err >&2; exit 3"]);
		Sys.println(sh.stderr.readAll().toString() + "code " + sh.exitCode());
		sh.close();
		Sys.println(Sys.command("sh", ["-c", "exit 5"]));
		Sys.println(Sys.command("true"));
	}
}
