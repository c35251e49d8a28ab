class Node { public var next:Node; public var val:Int; public var name:String; public function new(v, n) { val = v; next = n; name = "n" + v; } }
enum Tree { Leaf; Br(l:Tree, r:Tree, v:Int); }
class Main {
  static function build(d:Int):Tree return d == 0 ? Leaf : Br(build(d-1), build(d-1), d);
  static function count(t:Tree):Int return switch t { case Leaf: 1; case Br(l, r, _): count(l) + count(r); };
  static function main() {
    var total = 0;
    for (round in 0...6) {
      var head:Node = null;
      for (i in 0...20000) head = new Node(i, head);
      var s = 0; var n = head;
      while (n != null) { s += n.val + n.name.length; n = n.next; }
      total += s;
      var m = new Map<String, Array<Int>>();
      for (i in 0...2000) m.set("k" + i, [i, i+1]);
      total += m.get("k77")[1];
      total += count(build(12));
      var o:Dynamic = {};
      for (i in 0...50) Reflect.setField(o, "f" + i, "v" + i);
      total += Reflect.fields(o).length;
    }
    trace(total);
  }
}
