// Covers: sys.FileSystem: createDirectory (nested), exists, isDirectory, readDirectory (sorted
// before printing), rename, deleteFile, deleteDirectory, stat (size), fullPath, absolutePath;
// Sys.getCwd/setCwd. Runs in a fresh temporary directory.
import sys.FileSystem;

class Main {
	static function main() {
		FileSystem.createDirectory("d1/d2/d3");
		Sys.println(FileSystem.exists("d1/d2/d3") + " " + FileSystem.isDirectory("d1/d2") + " " + FileSystem.exists("nope"));
		sys.io.File.saveContent("d1/f.txt", "12345");
		sys.io.File.saveContent("d1/g.txt", "");
		var names = FileSystem.readDirectory("d1");
		names.sort(Reflect.compare);
		Sys.println(names);
		Sys.println(FileSystem.stat("d1/f.txt").size + " " + FileSystem.isDirectory("d1/f.txt"));
		FileSystem.rename("d1/g.txt", "d1/h.txt");
		Sys.println(FileSystem.exists("d1/g.txt") + " " + FileSystem.exists("d1/h.txt"));
		FileSystem.deleteFile("d1/h.txt");
		FileSystem.deleteDirectory("d1/d2/d3");
		var after = FileSystem.readDirectory("d1");
		after.sort(Reflect.compare);
		Sys.println(after);
		var full = FileSystem.fullPath("d1");
		Sys.println(StringTools.endsWith(full, "/d1") + " " + haxe.io.Path.isAbsolute(full));
		var cwd = Sys.getCwd();
		Sys.println(StringTools.endsWith(cwd, "/"));
		Sys.setCwd("d1");
		Sys.println(FileSystem.exists("f.txt"));
		Sys.setCwd(cwd);
		Sys.println(FileSystem.absolutePath("x") == haxe.io.Path.join([cwd, "x"]));
		try {
			FileSystem.deleteDirectory("d1");
		} catch (e:Dynamic) {
			Sys.println("cannot delete non-empty directory");
		}
	}
}
