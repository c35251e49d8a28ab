// Covers: Array<Dynamic> (HashLink hl.types.ArrayDyn) holding mixed values, Dynamic access to
// typed arrays (an Array<Int> seen as Dynamic), push of mixed types, sort with Reflect.compare,
// printing mixed arrays, arrays of arrays through Dynamic.
class Main {
	static function main() {
		var a:Array<Dynamic> = [1, "two", 3.5, null, true];
		a.push([1, 2]);
		a.push({k: 1}.k);
		Sys.println(a);
		Sys.println(a.length);
		Sys.println(a[1]);
		Sys.println(a[5][1]);
		var typed = [10, 20, 30];
		var d:Dynamic = typed;
		d.push(40);
		d[0] = 11;
		Sys.println(typed + " " + d.length);
		var n:Array<Dynamic> = [3, 1.5, 2];
		n.sort(Reflect.compare);
		Sys.println(n);
		var asDyn:Array<Dynamic> = cast [1, 2, 3];
		Sys.println(asDyn.map(x -> x * 2));
		var grid:Dynamic = [[1, 2], [3, 4]];
		Sys.println(grid[1][0] + grid[0][1]);
		a.remove("two");
		Sys.println(a.indexOf(3.5) + " " + a.length);
		var strs:Array<Dynamic> = ["b", "a"];
		strs.reverse();
		Sys.println(strs.join("-"));
	}
}
