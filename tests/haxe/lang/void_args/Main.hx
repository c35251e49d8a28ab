// Covers: functions with a parameter of type Void (an explicit `arg:Void`, and a generic callback
// `T->Void` with T = Void, whose HashLink type is `(void) -> void`): compiled, called directly,
// through closures, and through dynamic calls (Reflect.callMethod, Dynamic, wrappers to Dynamic).
class Box<T> {
	final v:T;

	public function new(v:T)
		this.v = v;

	public function map<S>(f:() -> S):Box<S>
		return new Box(f());

	public function handle(cb:T->Void)
		cb(v);
}

class Main {
	static var count = 0;

	@:keep static function explicitVoidArg(arg:Void) {
		count += 10;
	}

	static function main() {
		function bump() {
			count++;
		}
		new Box(42).map(bump).handle(_ -> count++);
		Sys.println("generic: " + count);
		var box = new Box(42).map(bump);
		box.handle(_ -> count += 100);
		Sys.println("closure: " + count);
		var d:Dynamic = explicitVoidArg;
		Reflect.callMethod(null, d, [null]);
		Sys.println("reflect: " + count);
		d(null);
		Sys.println("dynamic: " + count);
		var h:Dynamic = box.handle;
		h(function(x:Dynamic) count += 1000);
		Sys.println("handle: " + count);
	}
}
