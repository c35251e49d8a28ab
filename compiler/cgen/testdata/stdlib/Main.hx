import haxe.Json;
import haxe.Serializer;
import haxe.Unserializer;
class P { public var a:Int; public var b:Array<String>; public function new() { a = 1; b = ["x"]; } }
class Main {
  static function main() {
    var o = Json.parse('{"a": 1, "b": [1, 2, {"c": "d"}], "e": null, "f": 1.5, "g": true}');
    var a:Int = o.a; var f:Float = o.f; trace(a + " " + o.b[2].c + " " + f);
    trace(Json.stringify({x: 1, y: [true, false], z: "q\"uote"}));
    var s = Serializer.run({p: new P(), arr: [1, 2, 3], str: "hé"});
    trace(s);
    var u:Dynamic = Unserializer.run(s);
    trace(Std.string(u.arr[2]) + " " + Std.string(u.p.b[0]) + " " + u.str);
    var r = ~/([a-z]+)(\d+)/;
    if (r.match("abc123def")) trace(r.matched(1) + "-" + r.matched(2) + "-" + r.matchedRight());
    trace(~/,/g.replace("a,b,c", ";"));
    var b = haxe.io.Bytes.alloc(8);
    b.setInt32(0, 0x12345678); b.setFloat(4, 1.5);
    trace(b.getInt32(0) + " " + b.getFloat(4) + " " + b.toHex());
    var bb = new haxe.io.BytesBuffer(); bb.addString("hi"); bb.addByte(33);
    trace(bb.getBytes().toString());
    trace(haxe.crypto.Base64.encode(haxe.io.Bytes.ofString("hello")));
    trace(haxe.crypto.Md5.encode("abc"));
    var d = new Date(2020, 0, 15, 10, 30, 0);
    trace(d.getFullYear() + " " + d.getMonth() + " " + d.getDay());
    trace(DateTools.format(d, "%Y-%m-%d"));
    var x = Xml.parse("<a b='1'><c>t</c></a>");
    trace(x.firstElement().get("b") + " " + x.firstElement().firstElement().firstChild().nodeValue);
    var stack = new haxe.ds.GenericStack<Int>(); stack.add(1); stack.add(2);
    trace(stack.pop());
    var bt = new haxe.ds.BalancedTree<String, Int>(); bt.set("b", 2); bt.set("a", 1);
    trace([for (k in bt.keys()) k]);
    var v = new haxe.ds.Vector<Int>(3); v[1] = 5;
    trace(v[1] + v.length);
    trace(Lambda.count([1,2,3], function(x) return x > 1));
    trace(haxe.io.Path.extension("a/b.txt") + " " + StringTools.trim("  x ") + " " + StringTools.urlEncode("a b"));
    trace(Std.random(1) + " " + Math.abs(-2) + " " + Math.round(-2.5) + " " + Math.isNaN(Math.NaN));
    var e:haxe.EnumFlags<haxe.io.Error> = new haxe.EnumFlags();
    trace(e.toInt());
    trace(Type.typeof(1) + " " + Type.typeof("s") + " " + Type.typeof(null) + " " + Type.typeof(1.5) + " " + Type.typeof({}));
    trace([1,2,3].map(i -> i * 2).filter(i -> i > 2));
    var ui = new haxe.iterators.StringIteratorUnicode("a😀");
    for (c in ui) trace(c);
  }
}
