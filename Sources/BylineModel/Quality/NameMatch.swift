/// Whether two speaker strings name the same person or organisation, as a reader would judge
/// it: titles and full stops aside, one name's words are all in the other's and they share the
/// first or the last word ("Boehner", "John Boehner" and "Speaker John A. Boehner" agree;
/// "Jamie Murray" and "Andy Murray" do not).
enum NameMatch {
    static func same(_ a: String, _ b: String) -> Bool {
        let x = words(a), y = words(b)
        guard !x.isEmpty, !y.isEmpty else { return false }
        let (short, long) = x.count <= y.count ? (x, y) : (y, x)
        guard Set(short).isSubset(of: Set(long)) else { return false }
        return short.first == long.first || short.last == long.last
    }

    private static let ignored: Set<String> = [
        "the", "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
        "prince", "princess", "sen", "senator", "rep", "gov", "president", "judge", "jr", "iii",
    ]

    private static func words(_ s: String) -> [String] {
        TextScan.normalized(s.replacingOccurrences(of: ".", with: ""))
            .split(separator: " ").map(String.init).filter { !ignored.contains($0) }
    }
}
