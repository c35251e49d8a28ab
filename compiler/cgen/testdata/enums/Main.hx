enum Op { Add(a:Expr, b:Expr); Neg(e:Expr); }
enum Expr { Num(v:Float); Bin(op:Op); Var(name:String); }
interface Animal { var legs(default, null):Int; function speak():String; }
class Dog implements Animal {
  public var legs(default, null):Int = 4;
  public function new() {}
  public function speak() return "woof";
}
class Bird implements Animal {
  public var legs(default, null):Int = 2;
  public function new() {}
  public function speak() return "tweet";
}
class Main {
  static function eval(e:Expr):Float {
    return switch e {
      case Num(v): v;
      case Var(_): 0;
      case Bin(Add(a, b)): eval(a) + eval(b);
      case Bin(Neg(x)): -eval(x);
    }
  }
  static function apply(f:Int->Int, x:Int) return f(x);
  static function twice(f:Dynamic, x:Dynamic):Dynamic return f(f(x));
  static function risky(i:Int):Int {
    if (i % 3 == 0) throw 'bad $i';
    return i;
  }
  static function main() {
    var e = Bin(Add(Num(1.5), Bin(Neg(Num(4)))));
    trace(eval(e));
    trace(e);
    trace(Type.enumEq(Num(1), Num(1)) + " " + Type.enumEq(Num(1), Num(2)));
    var animals:Array<Animal> = [new Dog(), new Bird()];
    var legs = 0;
    for (a in animals) { legs += a.legs; trace(a.speak()); }
    trace(legs);
    var inc = function(x:Int) return x + 1;
    trace(apply(inc, 41));
    trace(twice(inc, 5));
    var dyn:Dynamic = inc;
    var typed:Int->Int = dyn;
    trace(typed(9));
    var f2 = Math.max.bind(10);
    trace(f2(3));
    var ok = 0, bad = 0;
    for (i in 0...10) {
      try {
        if (i == 7) continue;
        ok += risky(i);
      } catch (s:String) {
        bad++;
        if (i == 9) break;
      }
    }
    trace(ok + " " + bad);
    try {
      try { throw new haxe.Exception("inner"); }
      catch (e:haxe.Exception) { trace("rethrowing " + e.message); throw e; }
    } catch (e:Dynamic) { trace("outer " + e); }
    var s = "b";
    trace(switch s { case "a": 1; case "b": 2; default: 3; });
    var n = 5;
    trace(switch n { case 1, 2: "small"; case 5: "five"; default: "other"; });
    var arr:Array<Dynamic> = [3, "x", 1.5, null, true];
    trace(arr);
    trace(arr.length + " " + arr[1]);
    var sm = ["zeta" => 1, "alpha" => 2, "mid" => 3, "beta" => 4, "omega" => 5, "k1" => 6, "k2" => 7];
    trace([for (k in sm.keys()) k].join(","));
    var im = [for (i in 0...5) i * 7 => i];
    trace([for (k in im.keys()) k].join(","));
    var fl = [3.5, -1.25, 2.0];
    fl.sort(Reflect.compare);
    trace(fl);
    var strs = ["pear", "apple", "fig"];
    strs.sort(Reflect.compare);
    trace(strs);
    trace("x".code + " " + String.fromCharCode(0x41) + " " + "é".length + " " + "😀".length);
    trace(StringTools.hex(255) + " " + StringTools.replace("aXbXc", "X", "-") + " " + "A,B".split(","));
    trace(Std.string({a: 1, b: {c: [1, 2]}}));
    var single:Single = 0.1;
    trace(single);
    var u:UInt = 0x7fffffff; u += 10;
    trace(u);
    trace(-7 % 3 + " " + (-7 >> 1) + " " + (-7 >>> 28) + " " + (5 / 2));
  }
}
