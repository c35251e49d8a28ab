// Covers: arrow functions `(a, b) -> expr` with inferred and explicit types, arrow functions
// returning functions (currying), Void-returning arrows, arrows as arguments to Array methods.
class Main {
	static function apply<A, B>(f:A->B, x:A):B
		return f(x);

	static function main() {
		var inc = x -> x + 1;
		var add = (a:Int, b:Int) -> a + b;
		var curried = (a:Int) -> (b:Int) -> (c:Int) -> a * 100 + b * 10 + c;
		Sys.println(inc(1) + " " + add(2, 3) + " " + curried(1)(2)(3));
		var log = [];
		var say = (s:String) -> log.push(s);
		say("a");
		say("b");
		Sys.println(log);
		var none = () -> "nothing";
		Sys.println(none());
		Sys.println(apply(s -> s.length, "four"));
		Sys.println([3, 1, 2].map(x -> x * x).filter(x -> x > 1));
		var words = ["pear", "fig", "banana"];
		words.sort((a, b) -> a.length - b.length);
		Sys.println(words);
		var fs:Array<Int->Int> = [x -> x, x -> x * 2, x -> x * x];
		Sys.println([for (f in fs) f(5)]);
	}
}
