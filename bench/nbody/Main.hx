// N-body simulation of the Jovian planets (benchmarks-game algorithm).
// Usage: Main [steps]   (default 10,000,000). Prints the energy before and after.
class Body {
	public var x:Float;
	public var y:Float;
	public var z:Float;
	public var vx:Float;
	public var vy:Float;
	public var vz:Float;
	public var mass:Float;

	public function new(x, y, z, vx, vy, vz, mass) {
		this.x = x;
		this.y = y;
		this.z = z;
		this.vx = vx;
		this.vy = vy;
		this.vz = vz;
		this.mass = mass;
	}
}

class Main {
	static inline var PI = 3.141592653589793;
	static inline var SOLAR_MASS = 4 * PI * PI;
	static inline var DAYS_PER_YEAR = 365.24;

	static function planets():Array<Body> {
		var d = DAYS_PER_YEAR, m = SOLAR_MASS;
		return [
			new Body(0, 0, 0, 0, 0, 0, m),
			new Body(4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01, 1.66007664274403694e-03 * d,
				7.69901118419740425e-03 * d, -6.90460016972063023e-05 * d, 9.54791938424326609e-04 * m),
			new Body(8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01, -2.76742510726862411e-03 * d,
				4.99852801234917238e-03 * d, 2.30417297573763929e-05 * d, 2.85885980666130812e-04 * m),
			new Body(1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01, 2.96460137564761618e-03 * d,
				2.37847173959480950e-03 * d, -2.96589568540237556e-05 * d, 4.36624404335156298e-05 * m),
			new Body(1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01, 2.68067772490389322e-03 * d,
				1.62824170038242295e-03 * d, -9.51592254519715870e-05 * d, 5.15138902046611451e-05 * m),
		];
	}

	static function offsetMomentum(bodies:Array<Body>) {
		var px = 0.0, py = 0.0, pz = 0.0;
		for (b in bodies) {
			px += b.vx * b.mass;
			py += b.vy * b.mass;
			pz += b.vz * b.mass;
		}
		var sun = bodies[0];
		sun.vx = -px / SOLAR_MASS;
		sun.vy = -py / SOLAR_MASS;
		sun.vz = -pz / SOLAR_MASS;
	}

	static function energy(bodies:Array<Body>):Float {
		var e = 0.0;
		var n = bodies.length;
		for (i in 0...n) {
			var b = bodies[i];
			e += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz);
			for (j in i + 1...n) {
				var b2 = bodies[j];
				var dx = b.x - b2.x, dy = b.y - b2.y, dz = b.z - b2.z;
				e -= (b.mass * b2.mass) / Math.sqrt(dx * dx + dy * dy + dz * dz);
			}
		}
		return e;
	}

	static function advance(bodies:Array<Body>, dt:Float) {
		var n = bodies.length;
		for (i in 0...n) {
			var b = bodies[i];
			for (j in i + 1...n) {
				var b2 = bodies[j];
				var dx = b.x - b2.x, dy = b.y - b2.y, dz = b.z - b2.z;
				var d2 = dx * dx + dy * dy + dz * dz;
				var mag = dt / (d2 * Math.sqrt(d2));
				b.vx -= dx * b2.mass * mag;
				b.vy -= dy * b2.mass * mag;
				b.vz -= dz * b2.mass * mag;
				b2.vx += dx * b.mass * mag;
				b2.vy += dy * b.mass * mag;
				b2.vz += dz * b.mass * mag;
			}
		}
		for (b in bodies) {
			b.x += dt * b.vx;
			b.y += dt * b.vy;
			b.z += dt * b.vz;
		}
	}

	// fixed formats x with `digits` decimals, like C's printf("%.*f").
	static function fixed(x:Float, digits:Int):String {
		var scale = 1.0;
		for (_ in 0...digits)
			scale *= 10;
		var neg = x < 0;
		var v = Math.fround(Math.abs(x) * scale);
		var ip = Math.ffloor(v / scale);
		var frac = Std.string(Std.int(v - ip * scale));
		while (frac.length < digits)
			frac = "0" + frac;
		return (neg ? "-" : "") + Std.int(ip) + "." + frac;
	}

	static function main() {
		var args = Sys.args();
		var steps = args.length > 0 ? Std.parseInt(args[0]) : 10000000;
		var bodies = planets();
		offsetMomentum(bodies);
		Sys.println(fixed(energy(bodies), 9));
		for (_ in 0...steps)
			advance(bodies, 0.01);
		Sys.println(fixed(energy(bodies), 9));
	}
}
