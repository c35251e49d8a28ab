class K { public var f:Int->Int; public function new() { f = function(x) return x + 100; } public static function st(x:Int) return x * 3; }
class Main {
  static function id(x:Dynamic):Dynamic return x;
  static function main() {
    var f:Dynamic->Dynamic = id;
    var g:Int->Int = cast f;
    trace(g(5));
    var h:Float->Float = cast f;
    trace(h(2.5));
    var o = {cb: function(a:Int, b:String) return b + a, n: 3};
    trace(o.cb(1, "x"));
    var k = new K();
    trace(k.f(1));
    var kd:Dynamic = k;
    trace(kd.f(2));
    var cls:Dynamic = K;
    trace(cls.st(4));
    trace(Reflect.callMethod(K, Reflect.field(K, "st"), [5]));
    trace(Reflect.compareMethods(k.f, k.f) + " " + Reflect.compareMethods(K.st, K.st));
    var anon:Dynamic = {a: 1, b: 2};
    Reflect.deleteField(anon, "a");
    trace(Reflect.fields(anon));
    var cp = Reflect.copy({x: 1, y: "z"});
    trace(cp.x + cp.y);

    try { var x:Dynamic = "s"; var y:K = cast(x, K); trace(y); } catch (e:Dynamic) { trace("cast: " + e); }
    var big = 2147483647;
    big++;
    trace(big);
    trace((0xFF00 & 0x0FF0) + " " + (0xF0 | 0x0F) + " " + (5 ^ 3) + " " + ~5);
    var a:haxe.Int64 = haxe.Int64.make(0x7FFFFFFF, 0xFFFFFFFF);
    var b = a + 1;
    trace(b + " " + (a * 2) + " " + haxe.Int64.div(a, 7) + " " + (a >> 33));
    var u8 = new hl.Bytes(4); u8[0] = 255; u8[1] = 300;
    trace(u8[0] + " " + u8[1]);
    var e = Type.createEnumIndex(haxe.io.Error, 1);
    trace(e);
    trace(Type.getEnumConstructs(haxe.io.Error));
    var m:Map<K, Int> = new Map(); m.set(k, 5);
    trace(m.get(k));
    var fs:Array<Void->Int> = [];
    for (i in 0...3) fs.push(() -> i * i);
    trace([for (f in fs) f()]);
    var n:Null<Float> = null;
    trace(n == null ? "null float" : "x");
    var sum = 0.0; for (i in 0...10) sum += i / 4;
    trace(sum);
    trace(Std.string(Math.POSITIVE_INFINITY) + " " + Std.string(Math.NaN) + " " + (1/0 > 0));
    var dyn:Dynamic = 5;
    trace(dyn > 3 && dyn < 10);
    trace((dyn:Int) + 1);
    var arr2:Array<Float> = [1, 2];
    var darr:Dynamic = arr2;
    trace(darr[1] + 1);
    trace(Std.parseFloat("3.25e2") + " " + Std.parseInt("0x1F") + " " + Std.parseInt("abc"));
  }
}
