// Covers: Type.getEnum, getEnumName, getEnumConstructs, createEnum, createEnumIndex, allEnums,
// enumConstructor, enumIndex, enumParameters, enumEq, resolveEnum.
// HashLink rule: createEnum with an unknown name throws "Unknown enum constructor Op.Missing".
enum Op {
	Nop;
	Push(v:Int);
	Jump(to:Int, cond:Bool);
	Halt;
}

class Main {
	static function main() {
		var e = Push(3);
		Sys.println(Type.getEnumName(Type.getEnum(e)));
		Sys.println(Type.getEnumConstructs(Op));
		Sys.println(Type.createEnum(Op, "Jump", [5, true]));
		Sys.println(Type.createEnumIndex(Op, 1, [9]));
		Sys.println(Type.createEnum(Op, "Halt"));
		Sys.println(Type.allEnums(Op));
		Sys.println(Type.enumConstructor(e) + " " + Type.enumIndex(e) + " " + Type.enumParameters(e));
		Sys.println(Type.enumEq(Jump(1, false), Jump(1, false)) + " " + Type.enumEq(Jump(1, false), Jump(1, true)) + " " + Type.enumEq(Nop, Nop));
		Sys.println(Type.resolveEnum("Op") == Op);
		Sys.println(Type.resolveEnum("Nothing") == null);
		Sys.println(Type.createEnum(Op, "Nop") == Nop);
		try {
			Type.createEnum(Op, "Missing");
		} catch (e:Dynamic) {
			Sys.println("error: " + e);
		}
	}
}
