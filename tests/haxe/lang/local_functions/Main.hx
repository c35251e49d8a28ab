// Covers: named local functions, recursion of local functions, nested local functions capturing
// outer locals at several depths, local functions passed as values.
class Main {
	static function main() {
		function fact(n:Int):Int
			return n <= 1 ? 1 : n * fact(n - 1);
		Sys.println(fact(10));
		var depth = 0;
		function outer(x:Int) {
			var y = x * 2;
			function inner(z:Int) {
				depth++;
				return x + y + z + depth;
			}
			return inner(1) + inner(2);
		}
		Sys.println(outer(3));
		Sys.println(depth);
		function isEven(n:Int):Bool
			return n == 0 ? true : !isEven(n - 1);
		Sys.println(isEven(10) + " " + isEven(7));
		var fibs = [];
		function fib(n:Int):Int
			return n < 2 ? n : fib(n - 1) + fib(n - 2);
		for (i in 0...15)
			fibs.push(fib(i));
		Sys.println(fibs.join(","));
		var ops = [function(a:Int) return a + 1, function(a:Int) return a * 3];
		var v = 2;
		for (o in ops)
			v = o(v);
		Sys.println(v);
	}
}
