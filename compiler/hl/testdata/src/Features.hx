enum Shape { Circle(r:Float); Rect(w:Int, h:Int); Empty; }
interface I { function f(x:Int):Int; }
class Base implements I { public var v:Int; public function new(v) { this.v = v; } public function f(x:Int) return x + v; }
class Sub extends Base { override public function f(x:Int) return x * v; dynamic public function g() return 3; }
class Features {
  static function area(s:Shape):Float return switch s { case Circle(r): Math.PI * r * r; case Rect(w, h): w * h; case Empty: 0; };
  static function main() {
    var m = new Map<String,Int>(); m["a"] = 1;
    var o:Dynamic = {x: 1, y: "s"}; o.z = 2.5;
    var i:I = new Sub(4);
    try { throw "boom"; } catch (e:String) { trace(e); }
    var f = function(a:Int) return a + i.f(2);
    trace(area(Rect(2,3)), f(1), o, m, haxe.Int64.make(1,2), Std.string(1.5));
    var b = haxe.io.Bytes.alloc(4); b.setInt32(0, 7);
    trace(Type.getClassName(Sub), Reflect.fields(o).length, [for (x in 0...3) x * 2]);
  }
}
