typedef Pt = { x:Int, y:Float, ?name:String };
class A { public var v:Int; public function new(v) this.v = v; public function get() return v; public dynamic function dyn(x:Int) return x * 2; }
class Main {
  static function deep(n:Int):Int return n == 0 ? 0 : 1 + deep(n - 1);
  static function sum(p:Pt) return p.x + p.y;
  static function meth() {
    var f = function() { throw "deep"; };
    f();
  }
  static function main() {
    var p:Pt = {x: 1, y: 2.5};
    trace(sum(p));
    var a = new A(7);
    var pa:{var v:Int; function get():Int;} = a;
    trace(pa.v + pa.get());
    pa.v = 9;
    trace(a.v);
    var d:Dynamic = a;
    trace(d.get() + d.v);
    trace(d.dyn(4));
    a.dyn = function(x) return x * 10;
    trace(a.dyn(4));
    var g = a.get;
    trace(g());
    var r = Reflect.callMethod(a, Reflect.field(a, "get"), []);
    trace(r);
    trace(Reflect.field(p, "x"));
    Reflect.setField(p, "x", 42);
    trace(p.x);
    trace(Reflect.hasField(a, "v") + " " + Reflect.hasField(a, "zz"));
    var fn:Dynamic = function(a:Int, b:Int) return a - b;
    trace(fn(10, 3));
    trace(Reflect.callMethod(null, fn, [20, 5]));
    var va = Reflect.makeVarArgs(function(args:Array<Dynamic>) return args.length);
    trace(va(1, 2, 3));
    var e = Type.createEnum(haxe.io.Error, "Custom", ["x"]);
    trace(e);
    trace(Type.enumConstructor(e) + " " + Type.enumParameters(e));
    trace(Type.getInstanceFields(A));
    var inst = Type.createInstance(A, [3]);
    trace(inst.get());
    var empty = Type.createEmptyInstance(A);
    trace(empty.v);
    trace(Std.string(null) + " " + Std.string(true) + " " + Std.string(1.5));
    var dd:Dynamic = 3;
    var ee:Dynamic = 3.0;
    trace(dd == ee);
    trace(dd < 4);
    var s:Dynamic = "abc";
    trace(s.length);
    trace(Std.isOfType(s, String) + " " + Std.isOfType(dd, Int) + " " + Std.isOfType(ee, Float));
    trace(deep(1000));
    try { deep(100000000); } catch (e:Dynamic) { trace("caught: " + e); }
    var l = new List<Int>(); l.add(1); l.add(2);
    trace(l);
    var i64:haxe.Int64 = haxe.Int64.make(1, 2);
    trace(i64);
    try { meth(); } catch (e:Dynamic) { trace(haxe.CallStack.toString(haxe.CallStack.exceptionStack())); }
    meth();
  }
}
