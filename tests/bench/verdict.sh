# verdict GOT OP WANT UNIT: "met" or "missed by X"; OP ge (GOT >= WANT) or
# le.  Sourced by tests/bench.sh and tests/bench/load.sh (from the top).
verdict() {
	awk -v g="$1" -v op="$2" -v w="$3" -v u="${4:-}" 'BEGIN {
		if (g == "" || g == "-") { print "not measured"; exit }
		if (op == "ge") ok = g >= w; else ok = g <= w
		if (ok) { print "**met**"; exit }
		if (op == "ge") printf "**missed** by %.2f× (%.2f%s < %.2f%s)\n", w / g, g, u, w, u
		else printf "**missed** by %.2f× (%.2f%s > %.2f%s)\n", g / w, g, u, w, u }'
}
