// Covers: comparisons through Dynamic: == between Int and Float boxes, strings by value, objects
// by identity, enums, null; < > ordering of numbers and strings; Reflect.compare on numbers,
// strings and mixed; sorting an Array<Dynamic> of numbers with Reflect.compare.
enum E {
	X;
	Y(v:Int);
}

class Main {
	static function main() {
		var i:Dynamic = 3;
		var f:Dynamic = 3.0;
		var g:Dynamic = 3.5;
		Sys.println(i == f);
		Sys.println(i == g);
		Sys.println(i < g);
		Sys.println(g > i);
		var s1:Dynamic = "abc";
		var s2:Dynamic = "ab" + "c";
		var s3:Dynamic = "abd";
		Sys.println(s1 == s2);
		Sys.println(s1 < s3);
		var o1:Dynamic = {a: 1};
		var o2:Dynamic = {a: 1};
		Sys.println(o1 == o2);
		Sys.println(o1 == o1);
		var e1:Dynamic = X;
		var e2:Dynamic = X;
		Sys.println(e1 == e2);
		var n:Dynamic = null;
		Sys.println(n == null);
		Sys.println(i == null);
		Sys.println(Reflect.compare(1, 2) + " " + Reflect.compare(2, 1) + " " + Reflect.compare(2, 2));
		Sys.println(Reflect.compare("b", "a") + " " + Reflect.compare("a", "b") + " " + Reflect.compare("a", "a"));
		Sys.println(Reflect.compare(1.5, 1));
		var nums:Array<Dynamic> = [3, 1.5, -2, 10, 0];
		nums.sort(Reflect.compare);
		Sys.println(nums);
		var strs = ["pear", "Apple", "fig", "apple"];
		strs.sort(Reflect.compare);
		Sys.println(strs);
		var bt:Dynamic = true;
		Sys.println(bt == true);
		var a1 = [1];
		var a2:Dynamic = a1;
		Sys.println(a2 == a1);
	}
}
