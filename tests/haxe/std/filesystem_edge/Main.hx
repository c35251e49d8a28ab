// Covers: sys.FileSystem edge cases and errors: stat with every field (gid/uid of our own files
// equal to each other, atime/mtime/ctime as Dates after 2020, dev/ino/nlink/rdev/size/mode; mode
// printed as file type and permission bits set by chmod through Sys.command), stat of a directory,
// isDirectory/exists of missing paths, the error messages of stat, readDirectory, deleteFile,
// deleteDirectory (missing, non-empty), rename (missing source) and createDirectory over a file,
// createDirectory of an existing directory (no error), rename over an existing file, fullPath of
// a missing path (null), absolutePath of absolute and relative paths, non-ASCII and astral file
// names, an empty directory listing, Sys.setCwd to a missing directory. Runs in a fresh temporary
// directory; paths in messages are relative.
import sys.FileSystem;

class Main {
	static function tryIt(label:String, f:() -> Dynamic) {
		try {
			Sys.println('$label: ${f()}');
		} catch (e:Dynamic) {
			Sys.println('$label: error ${Std.string(e)}');
		}
	}

	static function main() {
		sys.io.File.saveContent("f.txt", "hello");
		FileSystem.createDirectory("dir");
		Sys.command("chmod", ["640", "f.txt"]);
		var s = FileSystem.stat("f.txt");
		Sys.println('size ${s.size} nlink ${s.nlink} rdev ${s.rdev} ino>0 ${s.ino > 0} dev>=0 ${s.dev >= 0}');
		Sys.println('mode type ${StringTools.hex(s.mode & 0xF000)} perms ${StringTools.hex(s.mode & 0x1FF)}');
		var d = FileSystem.stat("dir");
		Sys.println('dir mode type ${StringTools.hex(d.mode & 0xF000)} same owner ${d.uid == s.uid && d.gid == s.gid}');
		Sys.println('times after 2020 ${s.mtime.getFullYear() >= 2020} ${s.atime.getFullYear() >= 2020} ${s.ctime.getFullYear() >= 2020} mtime<=now ${s.mtime.getTime() <= Date.now().getTime() + 1000}');

		Sys.println('missing: exists ${FileSystem.exists("nope")} isDirectory ${FileSystem.isDirectory("nope")} file isDirectory ${FileSystem.isDirectory("f.txt")}');
		tryIt("stat missing", () -> FileSystem.stat("nope"));
		tryIt("readDirectory missing", () -> FileSystem.readDirectory("nope"));
		tryIt("readDirectory of a file", () -> FileSystem.readDirectory("f.txt"));
		tryIt("readDirectory empty", () -> FileSystem.readDirectory("dir"));
		tryIt("deleteFile missing", () -> {FileSystem.deleteFile("nope"); "done";});
		tryIt("deleteDirectory missing", () -> {FileSystem.deleteDirectory("nope"); "done";});
		sys.io.File.saveContent("dir/inner.txt", "x");
		tryIt("deleteDirectory non-empty", () -> {FileSystem.deleteDirectory("dir"); "done";});
		tryIt("rename missing", () -> {FileSystem.rename("nope", "other"); "done";});
		tryIt("createDirectory over a file", () -> {FileSystem.createDirectory("f.txt/sub"); "done";});
		tryIt("createDirectory existing", () -> {FileSystem.createDirectory("dir"); "done";});
		sys.io.File.saveContent("g.txt", "other");
		tryIt("rename over existing", () -> {FileSystem.rename("g.txt", "f.txt"); sys.io.File.getContent("f.txt");});
		tryIt("fullPath missing", () -> FileSystem.fullPath("nope/deeper"));
		tryIt("absolutePath absolute", () -> FileSystem.absolutePath("/a/b/../c"));
		tryIt("absolutePath relative", () -> FileSystem.absolutePath("x/y") == haxe.io.Path.join([Sys.getCwd(), "x/y"]));
		var names = ["é.txt", "😀.txt", "space name.txt"];
		for (n in names) sys.io.File.saveContent(n, n);
		var list = FileSystem.readDirectory(".");
		list.sort(Reflect.compare);
		Sys.println('listing $list');
		Sys.println('astral content ${sys.io.File.getContent("😀.txt")} exists ${FileSystem.exists("😀.txt")}');
		tryIt("setCwd missing", () -> {Sys.setCwd("nope"); "done";});
		FileSystem.deleteFile("dir/inner.txt");
		FileSystem.deleteDirectory("dir");
		Sys.println('dir gone ${!FileSystem.exists("dir")}');
	}
}
