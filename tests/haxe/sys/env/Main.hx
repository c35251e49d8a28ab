// Covers: Sys.getEnv for set, empty and unset variables (null), Sys.putEnv then getEnv,
// non-ASCII values, Sys.environment() lookup.
class Main {
	static function main() {
		Sys.println(Sys.getEnv("FIBERUS_TEST_A"));
		Sys.println("[" + Sys.getEnv("FIBERUS_TEST_EMPTY") + "]");
		Sys.println(Sys.getEnv("FIBERUS_TEST_UNSET_XYZ"));
		Sys.println(Sys.getEnv("FIBERUS_TEST_UTF"));
		Sys.putEnv("FIBERUS_TEST_NEW", "set-at-runtime");
		Sys.println(Sys.getEnv("FIBERUS_TEST_NEW"));
		Sys.println(Sys.environment().get("FIBERUS_TEST_A"));
	}
}
