// Dynamic and Reflect workload: a loop over a mixed array of class instances and anonymous
// objects, read and written through Dynamic field access, Reflect.field/setField/hasField,
// Reflect.callMethod, Std.isOfType and Dynamic arithmetic.
// Usage: Main [iterations]   (default 30000 passes over 1000 objects).
class Point {
	public var x:Int;
	public var y:Int;
	public var name:String;

	public function new(x, y) {
		this.x = x;
		this.y = y;
		this.name = "p" + x;
	}

	public function sum():Int {
		return x + y;
	}
}

class Main {
	static function makeObjects(n:Int):Array<Dynamic> {
		var objs:Array<Dynamic> = [];
		for (i in 0...n) {
			if (i % 2 == 0)
				objs.push(new Point(i, i * 2));
			else
				objs.push({x: i, y: i * 3, name: "a" + i, sum: null});
		}
		return objs;
	}

	static function args():Array<String> {
		#if js
		return js.Syntax.code("process.argv.slice(2)");
		#else
		return Sys.args();
		#end
	}

	static function println(s:String) {
		#if js
		js.Syntax.code("console.log({0})", s);
		#else
		Sys.println(s);
		#end
	}

	static function main() {
		var args = args();
		var iterations = args.length > 0 ? Std.parseInt(args[0]) : 30000;
		var objs = makeObjects(1000);
		var total = 0, points = 0, calls = 0;
		var acc:Dynamic = 0;
		for (iter in 0...iterations) {
			for (o in objs) {
				// plain Dynamic field access
				var x:Int = o.x;
				o.y = (o.y + x + iter) & 0xffff;
				// Reflect
				var y:Int = Reflect.field(o, "y");
				Reflect.setField(o, "x", (x + 1) & 0xfff);
				total = (total + x + y + Reflect.field(o, "name").length) & 0x3fffffff;
				if (Std.isOfType(o, Point)) {
					points++;
					var p:Point = o;
					total = (total + Reflect.callMethod(p, Reflect.field(p, "sum"), [])) & 0x3fffffff;
				} else if (Reflect.hasField(o, "sum")) {
					calls++;
				}
				// Dynamic arithmetic (boxed ints)
				acc = (acc + (y & 7)) & 0xffffff;
			}
		}
		var fieldCount = 0;
		for (o in objs)
			if (!Std.isOfType(o, Point))
				fieldCount += Reflect.fields(o).length;
		println('total=$total points=$points calls=$calls acc=$acc fields=$fieldCount');
	}
}
