/// What the index runs for a ``SearchQuery``: FTS5 expressions built only of quoted tokens
/// (so nothing typed can be read by FTS5 as syntax: no stray `"`, `*`, `-`, `AND`, `NEAR`,
/// `col:`), the speaker filters, or the one line that says why there is nothing to run.
///
/// Each term is cut into tokens by the index's own tokenizer (passed in as `tokenize`), and
/// written back as a phrase of those tokens: `O'Connor` becomes `"o connor"`, `café*` becomes
/// `"cafe" *`. A term without any token (`*`, `—`, `""`) is left out.
struct SearchPlan: Equatable {
    /// The expression an article must match (terms to find, `NOT` those to leave out), or nil
    /// when the query has no term to find (only speakers).
    var match: String?
    /// The excluded terms alone (`"a" OR "b"`), for a query without terms to find.
    var exclusion: String?
    /// The tokens of each phrase to find, in the order they stand in ``match`` (for their
    /// document frequencies, which the ranking weighs them by).
    var phrases: [(tokens: [String], prefix: Bool, headlineOnly: Bool)] = []
    /// How many phrases ``match`` is written with: those to find, then those left out.
    var matchPhraseCount: Int { match == nil ? 0 : phrases.count + excludedCount }
    private var excludedCount = 0
    /// Expressions for the speaker-name index, one per `by:`, with whether it excludes.
    var speakers: [(match: String, excluded: Bool)]
    /// Why nothing can be searched (one line), or nil.
    var problem: String?

    /// An example of each form, for messages.
    static let forms = "words, \"a phrase\", prefix*, -word, head:word, by:Name"

    init(_ query: SearchQuery, tokenize: (String) -> [String]) {
        speakers = []
        var found: [String] = []
        var left: [String] = []
        for term in query.terms {
            let tokens = tokenize(term.text)
            guard !tokens.isEmpty else { continue }
            var phrase = Self.phrase(tokens, prefix: term.prefix)
            if term.field == .headline { phrase = "{headline} : " + phrase }
            if term.excluded {
                left.append(phrase)
            } else {
                found.append(phrase)
                phrases.append((tokens, term.prefix, term.field == .headline))
            }
        }
        var emptyNames: [String] = []
        for speaker in query.speakers {
            let tokens = tokenize(speaker.name)
            guard !tokens.isEmpty else {
                emptyNames.append(speaker.name)
                continue
            }
            speakers.append((Self.phrase(tokens, prefix: speaker.prefix), speaker.excluded))
        }
        exclusion = left.isEmpty ? nil : left.joined(separator: " OR ")
        excludedCount = left.count
        if !found.isEmpty {
            let all = found.joined(separator: " AND ")
            match = left.isEmpty ? all : "(\(all)) NOT (\(exclusion!))"
        }
        problem = Self.problem(query, found: !found.isEmpty, speakers: speakers, emptyNames: emptyNames)
    }

    /// `"tok1 tok2"`, with ` *` for a prefix. Quotes inside are doubled, though the tokenizer
    /// never leaves one in a token.
    static func phrase(_ tokens: [String], prefix: Bool) -> String {
        let body = tokens.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"")
        return "\"\(body)\"" + (prefix ? " *" : "")
    }

    private static func problem(_ query: SearchQuery, found: Bool, speakers: [(match: String, excluded: Bool)],
                                emptyNames: [String]) -> String? {
        if let field = query.emptyFields.first {
            return field.lowercased() == "by:"
                ? "by: needs a name: by:Núñez or by:\"Maria Núñez\""
                : "\(field) needs a word: head:bridge or head:\"swing bridge\""
        }
        if !emptyNames.isEmpty {
            return "by: needs a name: by:Núñez or by:\"Maria Núñez\""
        }
        if found || speakers.contains(where: { !$0.excluded }) { return nil }
        if query.terms.contains(where: { $0.excluded }) || !speakers.isEmpty {
            return "say what to find, not only what to leave out (\(forms))"
        }
        return "nothing to search for: type \(forms)"
    }

    static func == (a: SearchPlan, b: SearchPlan) -> Bool {
        a.match == b.match && a.exclusion == b.exclusion && a.problem == b.problem
            && a.speakers.map(\.match) == b.speakers.map(\.match) && a.speakers.map(\.excluded) == b.speakers.map(\.excluded)
            && a.phrases.map(\.tokens) == b.phrases.map(\.tokens) && a.phrases.map(\.prefix) == b.phrases.map(\.prefix)
    }
}
