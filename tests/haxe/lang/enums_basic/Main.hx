// Covers: enums without and with parameters, switch over enums with captures, enum equality
// (== on parameterless constructors, Type.enumEq on constructors with params), printing of
// enum values by trace and Std.string (HashLink format: Ctor(a,b) without spaces).
enum Color {
	Red;
	Green;
	Blue;
	Rgb(r:Int, g:Int, b:Int);
	Named(name:String, alpha:Float);
}

class Main {
	static function describe(c:Color):String {
		return switch (c) {
			case Red: "red";
			case Green: "green";
			case Blue: "blue";
			case Rgb(r, 0, 0): "reddish " + r;
			case Rgb(r, g, b): 'rgb $r $g $b';
			case Named(n, a) if (a < 0.5): "faint " + n;
			case Named(n, _): "named " + n;
		}
	}

	static function main() {
		var cs = [Red, Green, Blue, Rgb(200, 0, 0), Rgb(1, 2, 3), Named("sky", 0.25), Named("sea", 1)];
		for (c in cs)
			Sys.println(describe(c));
		trace(Rgb(1, 2, 3));
		Sys.println(Std.string(Named("x", 1.5)));
		Sys.println(Std.string(Blue));
		Sys.println(cs);
		Sys.println(Red == Red);
		Sys.println(Red == Blue);
		Sys.println(Type.enumEq(Rgb(1, 2, 3), Rgb(1, 2, 3)));
		Sys.println(Type.enumEq(Rgb(1, 2, 3), Rgb(1, 2, 4)));
		Sys.println(Type.enumIndex(Blue) + " " + Type.enumIndex(Named("a", 0)));
		Sys.println(Type.enumConstructor(Rgb(0, 0, 0)));
		Sys.println(Type.enumParameters(Named("p", 2)));
		var e:EnumValue = Green;
		Sys.println(e.getIndex() + " " + e.getName());
		Sys.println(e.match(Green) + " " + Rgb(1, 1, 1).match(Rgb(_, 1, _)));
	}
}
