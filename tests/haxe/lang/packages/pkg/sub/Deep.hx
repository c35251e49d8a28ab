package pkg.sub;

class Deep {
	public static function name()
		return "deep " + Hidden.v;
}

private class Hidden {
	public static var v = 9;
}
