// Covers: the value model: Int/Float/Bool boxed into Dynamic and Null<T>, unboxing with
// defaults, Null<Int> arithmetic, identity of boxes vs value equality, Bool/Int/Float fields of
// objects and anonymous structures, passing primitives through generic containers.
class Main {
	static function id<T>(x:T):T
		return x;

	static function main() {
		var i:Dynamic = 42;
		var f:Dynamic = 0.5;
		var b:Dynamic = true;
		Sys.println(i + f);
		Sys.println(b == true);
		var ni:Null<Int> = 5;
		var nn:Null<Int> = null;
		Sys.println(ni + 1);
		Sys.println(nn == null);
		var nf:Null<Float> = 1.25;
		Sys.println(nf * 2);
		var nb:Null<Bool> = false;
		Sys.println(nb == false);
		var x:Dynamic = 1000;
		var y:Dynamic = 1000;
		Sys.println(x == y);
		var s1:Dynamic = "ab";
		var s2:Dynamic = "a" + "b".toString();
		Sys.println(s1 == s2);
		Sys.println(id(3) + id(0.25) + " " + id(true) + " " + id("s"));
		var arr:Array<Null<Int>> = [1, null, 3];
		Sys.println(arr);
		var sum = 0;
		for (v in arr)
			if (v != null)
				sum += v;
		Sys.println(sum);
		var fi:Float = 7;
		Sys.println(fi);
		var di:Dynamic = 7.0;
		Sys.println(di);
		var intFromDyn:Int = di;
		Sys.println(intFromDyn);
		var asF:Float = i;
		Sys.println(asF / 8);
		var bools = [true, false, true];
		Sys.println(bools);
		var o:{a:Int, ?b:Null<Float>} = {a: 1};
		Sys.println(o.b == null);
		o.b = 2.5;
		Sys.println(o.a + o.b);
	}
}
