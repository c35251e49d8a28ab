class Main {
  static function main() {
    trace("hello " + 42);
    var a = [1,2,3];
    a.push(4);
    Std.string(a);
    trace(a);
  }
}
