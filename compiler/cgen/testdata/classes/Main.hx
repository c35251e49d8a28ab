interface Shape { function area():Float; function name():String; }
class Base implements Shape {
  public var w:Float;
  public function new(w:Float) { this.w = w; }
  public function area():Float return w * w;
  public function name():String return "Base";
  public function toString() return "Base(" + w + ")";
}
class Sub extends Base {
  public var h:Int = 3;
  public function new(w:Float, h:Int) { super(w); this.h = h; }
  override public function area():Float return w * h;
  override public function name():String return "Sub" + h;
}
enum Color { Red; Green; Rgb(r:Int, g:Int, b:Int); Named(s:String, c:Color); }
class MyErr extends haxe.Exception {}
// fields named like C keywords or GNU C predefined macros
class Weird { public var int:Int = 1; public var linux:Int = 2; public var unix:String = "u"; public var t:Int = 3; public var char:Float = 1.5;
  public function new() {} public function register() return int + linux + t; public function volatile() return unix; }
class Main {
  static var counter = 0;
  static function fib(n:Int):Int return n < 2 ? n : fib(n-1) + fib(n-2);
  static function colorStr(c:Color):String {
    return switch c { case Red: "red"; case Green: "green"; case Rgb(r,g,b): 'rgb($r,$g,$b)'; case Named(s, c2): s + ":" + colorStr(c2); }
  }
  static function thrower(x:Int) { if (x > 2) throw new MyErr("too big " + x); return x; }
  static function main() {
    trace(fib(20));
    var shapes:Array<Shape> = [new Base(2), new Sub(2, 5)];
    for (s in shapes) trace(s.name() + " " + s.area());
    var b = new Base(1.5);
    trace(b);
    trace(Std.string(new Sub(1, 2)));
    var adders = [for (i in 0...3) function(x:Int) return x + i];
    trace(adders[2](10));
    var total = 0;
    var f = function() { total += 5; counter++; };
    f(); f();
    trace(total + " " + counter);
    trace(colorStr(Rgb(1,2,3)) + " " + colorStr(Named("x", Green)));
    trace(Rgb(1,2,3));
    trace(Red);
    try { thrower(1); thrower(5); } catch (e:MyErr) { trace("caught " + e.message); }
    try { throw "str"; } catch (e:String) { trace("caught string " + e); }
    try { var a:Dynamic = null; a.foo(); } catch (e:Dynamic) { trace("dyn " + e); }
    var o = {x: 1, y: "hi", z: 2.5};
    trace(o.x + o.y + o.z);
    trace(o);
    var d:Dynamic = o;
    d.w = 42;
    trace(d.w + d.x);
    trace(Reflect.fields(d).length);
    var m = new Map<String,Int>();
    m.set("a", 1); m.set("b", 2);
    trace(m.get("a") + m.get("b"));
    var im = new Map<Int,String>();
    im.set(5, "five");
    trace(im.get(5));
    var arr = [5, 3, 9, 1];
    arr.sort((a, b) -> a - b);
    trace(arr);
    trace([1.5, 2.0]);
    trace(["a", "b"].join("-"));
    var sb = new StringBuf();
    sb.add("x"); sb.add(1); sb.addChar(65);
    trace(sb.toString());
    trace(Std.parseInt("123") + 1);
    trace(Math.floor(3.7) + Math.sqrt(16));
    trace(Std.int(1e10));
    trace(1 << 33);
    var sh = 33;
    trace(1 << sh);
    trace(7 % 0);
    trace("abc".charCodeAt(1));
    trace("hello".substr(1, 3) + "hello".indexOf("l"));
    trace(Type.getClassName(Type.getClass(b)));
    trace(Std.isOfType(new Sub(1,1), Base));
    var sh2:Shape = new Sub(3, 3);
    trace(Std.downcast(sh2, Sub) != null);
    var x:Null<Int> = null;
    trace(x == null);
    x = 5;
    trace(x + 1);
    trace(0.1 + 0.2);
    var w = new Weird();
    trace(w.register() + " " + w.volatile() + " " + w.char);
    var dw:Dynamic = w;
    trace(dw.linux + " " + Reflect.fields(w));
    trace({"é": 1, "ü": "x", "a b": 2});
  }
}
