// A small ray tracer, rendered in parallel: every row of the image is an index of
// Jobs.parallelFor, so the workers share the rows; each row writes only its own pixels,
// which makes the image the same whatever the number of workers.
//
//   fiberus run examples/raytrace/Main.hx -- [width] [out.ppm]
//   FIBERUS_WORKERS=1 fiberus run examples/raytrace/Main.hx     # the same image, one thread
import fiberus.Fiber;
import fiberus.Jobs;
import haxe.io.Bytes;

class Main {
	static function main() {
		var args = Sys.args();
		var width = args.length > 0 ? Std.parseInt(args[0]) : 480;
		var height = Std.int(width * 3 / 4);
		var scene = Scene.demo();
		var image = Bytes.alloc(width * height * 3);

		var start = Sys.time();
		// Rows of different cost (sky is cheap, reflections are not): a grain of 1 row per
		// job lets idle workers steal the expensive ones.
		Jobs.parallelFor(0, height, 1, y -> scene.renderRow(image, width, height, y));
		var took = Sys.time() - start;

		var sum = 0;
		for (i in 0...image.length)
			sum = (sum * 31 + image.get(i)) & 0x3fffffff;
		Sys.println('${width}x$height, checksum $sum');
		var threads = Fiber.getThreadCount();
		Sys.stderr().writeString('rendered in ${Math.round(took * 1000)} ms on $threads thread${threads == 1 ? "" : "s"}\n');
		if (args.length > 1) {
			var out = sys.io.File.write(args[1]);
			out.writeString('P6\n$width $height\n255\n');
			out.write(image);
			out.close();
			Sys.stderr().writeString('wrote ${args[1]}\n');
		}
	}
}

class Vec {
	public var x:Float;
	public var y:Float;
	public var z:Float;

	public inline function new(x:Float, y:Float, z:Float) {
		this.x = x;
		this.y = y;
		this.z = z;
	}

	public inline function add(o:Vec):Vec return new Vec(x + o.x, y + o.y, z + o.z);
	public inline function sub(o:Vec):Vec return new Vec(x - o.x, y - o.y, z - o.z);
	public inline function scale(k:Float):Vec return new Vec(x * k, y * k, z * k);
	public inline function dot(o:Vec):Float return x * o.x + y * o.y + z * o.z;
	public inline function mul(o:Vec):Vec return new Vec(x * o.x, y * o.y, z * o.z);

	public inline function normalize():Vec {
		var len = Math.sqrt(dot(this));
		return scale(1 / len);
	}
}

class Sphere {
	public var center:Vec;
	public var radius:Float;
	public var color:Vec;
	public var mirror:Float; // share of reflected light

	public function new(center:Vec, radius:Float, color:Vec, mirror:Float) {
		this.center = center;
		this.radius = radius;
		this.color = color;
		this.mirror = mirror;
	}

	// Distance along the ray to the nearest hit in front of its origin, or -1.
	public function hit(origin:Vec, dir:Vec):Float {
		var oc = origin.sub(center);
		var b = oc.dot(dir);
		var c = oc.dot(oc) - radius * radius;
		var disc = b * b - c;
		if (disc < 0)
			return -1;
		var s = Math.sqrt(disc);
		var t = -b - s;
		if (t > 1e-4)
			return t;
		t = -b + s;
		return t > 1e-4 ? t : -1;
	}
}

class Scene {
	var spheres:Array<Sphere>;
	var light:Vec;

	function new(spheres:Array<Sphere>, light:Vec) {
		this.spheres = spheres;
		this.light = light.normalize();
	}

	public static function demo():Scene {
		var spheres = [new Sphere(new Vec(0, -1000, 0), 999, new Vec(0.8, 0.8, 0.75), 0.1)];
		for (i in 0...5) {
			var a = i * 2 * Math.PI / 5;
			spheres.push(new Sphere(new Vec(Math.cos(a) * 2.2, 0, 6 + Math.sin(a) * 2.2), 0.9,
				new Vec(0.3 + 0.15 * i, 0.9 - 0.15 * i, 0.5), i % 2 == 0 ? 0.5 : 0.05));
		}
		spheres.push(new Sphere(new Vec(0, 0.4, 6), 1.3, new Vec(0.95, 0.95, 0.95), 0.8));
		return new Scene(spheres, new Vec(-1, 2, -1.5));
	}

	public function renderRow(image:Bytes, width:Int, height:Int, y:Int) {
		var eye = new Vec(0, 2.6, -1.2);
		for (x in 0...width) {
			// 2x2 samples a pixel, averaged
			var c = new Vec(0, 0, 0);
			for (s in 0...4) {
				var u = (x + 0.25 + 0.5 * (s & 1)) / width * 2 - 1;
				var v = 1 - (y + 0.25 + 0.5 * (s >> 1)) / height * 2;
				var dir = new Vec(u * 4 / 3, v - 0.55, 1.8).normalize();
				c = c.add(shade(eye, dir, 4));
			}
			var p = (y * width + x) * 3;
			image.set(p, toByte(c.x / 4));
			image.set(p + 1, toByte(c.y / 4));
			image.set(p + 2, toByte(c.z / 4));
		}
	}

	static inline function toByte(v:Float):Int {
		var g = Math.sqrt(v < 0 ? 0 : (v > 1 ? 1 : v)); // gamma 2
		return Std.int(g * 255 + 0.5);
	}

	function shade(origin:Vec, dir:Vec, depth:Int):Vec {
		var nearest = -1.0, hit:Sphere = null;
		for (s in spheres) {
			var t = s.hit(origin, dir);
			if (t > 0 && (hit == null || t < nearest)) {
				nearest = t;
				hit = s;
			}
		}
		if (hit == null) { // sky: a vertical gradient
			var k = 0.5 * (dir.y + 1);
			return new Vec(1 - 0.5 * k, 1 - 0.3 * k, 1);
		}
		var point = origin.add(dir.scale(nearest));
		var normal = point.sub(hit.center).scale(1 / hit.radius);
		var lit = normal.dot(light);
		if (lit > 0 && inShadow(point, light))
			lit = 0;
		var diffuse = hit.color.scale(0.15 + 0.85 * (lit > 0 ? lit : 0));
		if (depth == 0 || hit.mirror == 0)
			return diffuse;
		var reflected = dir.sub(normal.scale(2 * dir.dot(normal)));
		return diffuse.scale(1 - hit.mirror).add(shade(point, reflected, depth - 1).mul(hit.color).scale(hit.mirror));
	}

	function inShadow(point:Vec, toLight:Vec):Bool {
		for (s in spheres)
			if (s.hit(point, toLight) > 0)
				return true;
		return false;
	}
}
