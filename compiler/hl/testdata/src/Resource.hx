class Resource { static function main() { trace(haxe.Resource.getString("r")); var x:hl.UI16 = 3; var y:Single = 1.5; trace(x, y); } }
