// Covers: string interpolation with '$ident' and '${expr}', nested quotes, interpolation of
// Int/Float/Bool/null/arrays/objects/enums, escaped dollars, multi-line strings.
enum E {
// HashLink rule: Float to string is %.15g (0.1 + 0.2 prints 0.3).
	A(x:Int);
}

class P {
	public var n = 3;

	public function new() {}

	public function toString()
		return "P" + n;
}

class Main {
	static function main() {
		var name = "world";
		var n = 42;
		var f = 2.5;
		var b = false;
		var nul:String = null;
		Sys.println('hello $name');
		Sys.println('n=$n f=$f b=$b null=$nul');
		Sys.println('sum ${n + 8} call ${name.toUpperCase()} cond ${n > 40 ? "big" : "small"}');
		Sys.println('arr ${[1, 2]} enum ${A(5)} obj ${new P()}');
		Sys.println('dollar $$ and $$name and $');
		Sys.println('nested ${'inner ${n * 2}'}');
		var p = new P();
		Sys.println('field ${p.n} method ${p.toString()}');
		Sys.println("double quotes do not interpolate $name");
		var multi = 'line1
line2 $n';
		Sys.println(multi);
		Sys.println('${1}${2}${"3"}');
		var fl = 0.1 + 0.2;
		Sys.println('float $fl');
	}
}
