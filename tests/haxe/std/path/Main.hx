// Covers: haxe.io.Path: parsing dir/file/ext, withoutExtension, withoutDirectory, directory,
// extension, join, normalize, addTrailingSlash, removeTrailingSlashes, isAbsolute.
import haxe.io.Path;

class Main {
	static function main() {
		var p = new Path("/usr/lib/file.tar.gz");
		Sys.println(p.dir + " " + p.file + " " + p.ext + " " + p.toString());
		Sys.println(Path.withoutExtension("a/b.c.d") + " " + Path.withoutDirectory("a/b/c.txt") + " " + Path.directory("a/b/c.txt") + " " + Path.extension("x.hx"));
		Sys.println(Path.join(["a", "b/", "/c", "d.txt"]));
		Sys.println(Path.normalize("a/./b/../c//d/") + " " + Path.normalize("../x/../y"));
		Sys.println(Path.addTrailingSlash("dir") + " " + Path.removeTrailingSlashes("dir///"));
		Sys.println(Path.isAbsolute("/x") + " " + Path.isAbsolute("x/y"));
		Sys.println(Path.extension("noext") + "|" + Path.directory("file") + "|");
		Sys.println(new Path("dir/.hidden").ext + " " + new Path("dir/.hidden").file);
	}
}
