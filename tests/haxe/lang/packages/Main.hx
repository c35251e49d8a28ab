// Covers: packages and imports, classes in other files and sub-packages, import aliases (as),
// module-level sub-types (several classes in one module), private classes, fully qualified
// names, trace from another file (prefix is the file path as given to the compiler:
// pkg/Util.hx:NN). Type.getClassName returns the dotted path.
import pkg.Util;
import pkg.sub.Deep as D;
import pkg.Util.Helper;

class Main {
	static function main() {
		Sys.println(Util.twice(21));
		Sys.println(D.name());
		Sys.println(new Helper().id);
		Sys.println(pkg.sub.Deep.name().length);
		Util.hello();
		Sys.println(Type.getClassName(Util) + " " + Type.getClassName(D) + " " + Type.getClassName(Helper));
		Sys.println(Type.getClassName(Type.getClass(new Helper())));
		Sys.println(Type.resolveClass("pkg.sub.Deep") == D);
	}
}
