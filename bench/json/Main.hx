// haxe.Json round trip: builds a few MB of records (ints, floats, strings with escapes and
// non-ASCII, bools, nulls, nested objects and arrays), then stringifies and parses it again
// `rounds` times, walking the parsed data through typed fields each time.
// Usage: Main [records] [rounds]   (default 20000 records, about 3.5 MB of JSON, 10 rounds).
typedef Point = {x:Float, y:Float};

typedef Item = {
	id:Int,
	name:String,
	tags:Array<String>,
	pos:Point,
	path:Array<Point>,
	active:Bool,
	parent:Null<Int>,
	note:String,
};

class Main {
	static function makeItems(n:Int):Array<Item> {
		var items:Array<Item> = [];
		for (i in 0...n) {
			items.push({
				id: i,
				name: "item-" + i,
				tags: ["tag" + (i % 7), "group" + (i % 13), i % 2 == 0 ? "even" : "odd"],
				pos: {x: i * 0.5 + 0.25, y: -i - 0.75},
				path: [for (k in 0...3) {x: k + 0.5, y: i % 100 + 0.125}],
				active: i % 3 == 0,
				parent: i % 5 == 0 ? null : i - 1,
				note: 'line ${i % 10}\n"quoted"\tback\\slash caf\u00e9 \u65e5\u672c',
			});
		}
		return items;
	}

	// checksum walks the data through typed fields (dynamic access on most targets).
	static function checksum(items:Array<Item>):Int {
		var sum = 0;
		for (it in items) {
			sum = (sum + it.id + it.name.length + it.note.length) & 0x3fffffff;
			for (t in it.tags)
				sum = (sum + t.length) & 0x3fffffff;
			sum = (sum + Std.int(it.pos.x * 4) - Std.int(it.pos.y * 4)) & 0x3fffffff;
			for (p in it.path)
				sum = (sum + Std.int(p.x * 2 + p.y * 8)) & 0x3fffffff;
			if (it.active)
				sum += 3;
			if (it.parent != null)
				sum = (sum + it.parent) & 0x3fffffff;
		}
		return sum;
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
		var n = args.length > 0 ? Std.parseInt(args[0]) : 20000;
		var rounds = args.length > 1 ? Std.parseInt(args[1]) : 10;
		var items = makeItems(n);
		println('records=$n checksum=${checksum(items)}');
		var total = 0, text = "";
		for (_ in 0...rounds) {
			text = haxe.Json.stringify(items);
			items = haxe.Json.parse(text);
			total = (total + checksum(items)) & 0x3fffffff;
		}
		// Field order inside an object may differ between targets, lengths may not.
		println('rounds=$rounds length=${text.length} checksum=$total');
	}
}
