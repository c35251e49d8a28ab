// Covers: macros that use sys.thread (Mutex, Lock, Thread) at compile time while the program uses
// Fiberus's fiber-based sys.thread overrides at run time: the overrides (sdk/haxe, named *.hl.hx)
// must not replace the macro interpreter's own sys.thread classes.
import haxe.macro.Expr;

class Main {
	macro static function locked(e:Expr):Expr {
		var m = new sys.thread.Mutex();
		m.acquire();
		var ok = m.tryAcquire();
		m.release();
		m.release();
		var l = new sys.thread.Lock();
		l.release();
		var got = l.wait(0.0);
		var t = sys.thread.Thread.current() != null;
		return macro $v{'macro: recursive=$ok lock=$got thread=$t'} + " " + $e;
	}

	static function main() {
		Sys.println(locked("runtime"));
		var m = new sys.thread.Mutex();
		m.acquire();
		Sys.println("tryAcquire (recursive) " + m.tryAcquire());
		m.release();
		m.release();
		var l = new sys.thread.Lock();
		var done = false;
		sys.thread.Thread.create(() -> {
			m.acquire();
			done = true;
			m.release();
			l.release();
		});
		Sys.println("lock " + l.wait());
		Sys.println("done " + done);
	}
}
