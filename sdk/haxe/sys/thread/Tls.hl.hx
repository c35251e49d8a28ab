package sys.thread;

import fiberus.Fiber;

/**
	A fiber-local variable: each fiber (Haxe thread) sees its own `value`,
	null until it sets one.
**/
class Tls<T> {
	static var nextId:fiberus.AtomicInt = 0;

	final id:Int;

	public var value(get, set):T;

	public function new():Void {
		id = nextId.increment();
	}

	function get_value():T {
		var m = @:privateAccess Fiber.current().locals;
		return m == null ? null : m.get(id);
	}

	function set_value(v:T):T {
		var f = Fiber.current();
		var m = @:privateAccess f.locals;
		if (m == null) {
			m = new haxe.ds.IntMap();
			@:privateAccess f.locals = m;
		}
		m.set(id, v);
		return v;
	}
}
