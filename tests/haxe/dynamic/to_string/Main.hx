// Covers: conversion of Dynamic values to String by concatenation, Std.string and trace:
// boxed numbers, bools, null, arrays, objects with toString reached dynamically, enums, nested
// Dynamic arrays; string + Dynamic and Dynamic + string.
// HashLink rule: trace with extra arguments joins them with ", " (Main.hx:21: 5, extra, 3);
// haxe --interp joins with ",".
class T {
	public function new() {}

	public function toString()
		return "T!";
}

class Main {
	static function main() {
		var vals:Array<Dynamic> = [1, -2.25, true, null, "s", [1, [2, "x"]], new T(), haxe.ds.Option.Some(1)];
		for (v in vals)
			Sys.println("v=" + v);
		for (v in vals)
			Sys.println(Std.string(v) + "|");
		var d:Dynamic = 5;
		Sys.println(d + "x");
		Sys.println("x" + d);
		trace(d, "extra", 3);
		var t:Dynamic = new T();
		Sys.println(t + "");
		var s = "" + t.toString();
		Sys.println(s);
	}
}
