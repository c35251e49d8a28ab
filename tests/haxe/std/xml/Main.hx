// Covers: Xml.parse of elements, attributes, text, CDATA, comments, nested children; iteration
// with elements()/elementsNamed(); attribute get/set/exists; Xml.toString; building a document
// with createElement/addChild; haxe.xml.Access; parse errors.
// Attributes are read by name (their enumeration order is a map order, not printed).
class Main {
	static function main() {
		var x = Xml.parse('<root a="1"><item id="x">text &amp; more</item><item id="y"/><!-- c --><![CDATA[<raw>]]></root>');
		var root = x.firstElement();
		Sys.println(root.nodeName + " " + root.get("a") + " " + root.exists("b"));
		for (e in root.elementsNamed("item"))
			Sys.println(e.get("id") + ":" + (e.firstChild() == null ? "empty" : e.firstChild().nodeValue));
		var kinds = [for (c in root) Std.string(c.nodeType)];
		Sys.println(kinds);
		Sys.println(root.toString());
		var doc = Xml.createDocument();
		var el = Xml.createElement("list");
		doc.addChild(el);
		for (i in 0...3) {
			var it = Xml.createElement("n");
			it.set("v", Std.string(i));
			it.addChild(Xml.createPCData(i == 1 ? "one<" : "n" + i));
			el.addChild(it);
		}
		Sys.println(doc.toString());
		var acc = new haxe.xml.Access(x.firstElement());
		Sys.println(acc.node.item.att.id + " " + acc.nodes.item.length + " " + acc.has.a);
		try {
			Xml.parse("<a><b></a>");
		} catch (e:Dynamic) {
			Sys.println("parse error");
		}
		var pretty = haxe.xml.Printer.print(Xml.parse("<a><b>t</b></a>"), true);
		Sys.println(pretty);
	}
}
