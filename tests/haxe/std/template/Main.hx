// Covers: haxe.Template: variables, ::if::/::else::, ::foreach::, expressions, macros, escaping.
class Main {
	static function main() {
		var t = new haxe.Template("Hello ::name::! ::if (n > 1)::many::else::one::end:: [::foreach items::(::__current__::)::end::]");
		Sys.println(t.execute({name: "World", n: 3, items: [1, 2, 3]}));
		Sys.println(t.execute({name: "<b>", n: 1, items: []}));
		var m = new haxe.Template("$$upper(::word::) ::x::+1");
		Sys.println(m.execute({word: "hey", x: 4}, {upper: (resolve:String->Dynamic, s:String) -> s.toUpperCase()}));
	}
}
