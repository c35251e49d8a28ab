// Covers: enumeration order of anonymous object fields (Reflect.fields) and the printing of
// multi-field anonymous objects.
// HashLink 1.12 rules (hl-bytecode.md 2.5, 7.8): dynamic objects keep fields sorted by field-name
// hash and Reflect.fields lists them in that order; an object literal is typed with its fields
// sorted by name, and printing follows the runtime object's order. HashLink >= 1.14 uses
// insertion order for dynobj fields added at run time. This test follows 1.12 (the reference).
class Main {
	static function main() {
		var o = {zeta: 1, alpha: 2, mid: 3};
		trace(o);
		Sys.println(Reflect.fields(o));
		var d:Dynamic = {};
		d.b = 1;
		d.a = 2;
		d.c = 3;
		d.fileName = 4;
		d.className = 5;
		Sys.println(Reflect.fields(d));
		Sys.println(d);
		var p = {x: 1.5, y: -2, name: "pt", ok: true};
		Sys.println(p);
	}
}
