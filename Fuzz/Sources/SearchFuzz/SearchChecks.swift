// What the `search` target checks of each answer.
import BylineStore
import FuzzSupport

/// Checks of one input's queries against ``FuzzIndex``; a failure traps with the input.
struct SearchChecks {
    let index: SearchIndex
    /// The input, for the message of a failure.
    let text: String

    func violated(_ what: String) -> Never { Fuzz.violated(what, text) }

    /// The only problems a query may have: the plan's, saying what to type.
    private static let plannedProblems = ["by: needs a name: ", "head: needs a word: ", "say what to find, not only what to leave out (",
                                          "nothing to search for: type "]

    // MARK: - Reading the query

    /// `SearchQuery` reads the text into terms that are pieces of it, in order, without their
    /// quotes; a bare word holds no space and no trailing `*`; an empty field is `by:` or `head:`.
    func checkParse(_ typed: String) {
        let query = SearchQuery(typed)
        let scalars = Array(typed.unicodeScalars)
        var from = 0
        for term in query.terms {
            if term.text.contains("\"") { violated("a term holds a quote: \(term)") }
            if !term.quoted && (term.text.unicodeScalars.contains { $0.properties.isWhitespace } || term.text.hasSuffix("*")) {
                violated("a bare word holds a space or ends in *: \(term)")
            }
            guard let at = Self.find(Array(term.text.unicodeScalars), in: scalars, from: from) else {
                violated("a term is not in the text, in order: \(term)")
            }
            from = at + term.text.unicodeScalars.count
        }
        for speaker in query.speakers where speaker.name.contains("\"") { violated("a name holds a quote: \(speaker)") }
        for field in query.emptyFields where !["by:", "head:"].contains(field.lowercased()) { violated("an empty field \(field)") }
        if query.terms.count + query.speakers.count + query.emptyFields.count > scalars.count {
            violated("more terms than characters: \(query)")
        }
        if query.highlights.count != query.terms.filter({ !$0.excluded }).count { violated("highlights are not the terms to find") }
    }

    private static func find(_ needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
        guard !needle.isEmpty else { return from }
        guard haystack.count >= needle.count else { return nil }
        var at = from
        while at + needle.count <= haystack.count {
            if haystack[at..<(at + needle.count)].elementsEqual(needle) { return at }
            at += 1
        }
        return nil
    }

    // MARK: - Searching

    /// A page, checked: hits (as many as the total and the page allow, each once, in the
    /// scope, with sound snippets), or none, or one of the plan's one-line problems.
    @discardableResult
    func search(_ query: SearchQuery, scope: SearchScope, offset: Int = 0, limit: Int = 50) -> SearchPage {
        let page = index.search(query, in: scope, offset: offset, limit: limit)
        var context: String { "\(String(describing: query).prefix(300)) at \(offset)+\(limit)" }
        if let problem = page.problem {
            if problem.contains(where: \.isNewline) || !Self.plannedProblems.contains(where: problem.lowercased().hasPrefix) {
                violated("not one of the plan's one-line problems: \(problem.debugDescription) for \(context)")
            }
            if !page.hits.isEmpty || page.total != 0 { violated("a problem with hits for \(context)") }
            return page
        }
        if page.hits.count != min(limit, max(0, page.total - offset)) {
            violated("\(page.hits.count) hits of \(page.total) for \(context)")
        }
        if Set(page.hits.map(\.article)).count != page.hits.count { violated("an article found twice for \(context)") }
        for hit in page.hits {
            if !FuzzIndex.keys.contains(hit.article) || !Self.contains(scope, hit.article) {
                violated("\(hit.article) found outside the scope for \(context)")
            }
            if hit.snippet.contains(where: \.isNewline) { violated("a snippet of two lines: \(hit.snippet.debugDescription)") }
            for range in hit.matches where range.lowerBound < hit.snippet.startIndex || range.upperBound > hit.snippet.endIndex
                || range.isEmpty {
                violated("a mark outside its snippet \(hit.snippet.debugDescription) for \(context)")
            }
        }
        return page
    }

    private static func contains(_ scope: SearchScope, _ key: ArticleKey) -> Bool {
        scope.files.contains(key)
            || scope.folders.contains { $0.library == key.library && ($0.recursive || !key.path.contains("/")) }
    }

    private func found(_ query: SearchQuery, scope: SearchScope = FuzzIndex.scopes[0]) -> (page: SearchPage, keys: Set<ArticleKey>) {
        let page = search(query, scope: scope)
        return (page, Set(page.hits.map(\.article)))
    }

    /// The text as typed: checked in `scope`; there with the word every article holds in front,
    /// it finds the same articles (or the same problem); and pages of `paging` rows join up to
    /// the first page of 50.
    func checkQuery(_ typed: String, scope: SearchScope, paging: Int?) {
        let alone = found(SearchQuery(typed), scope: scope)
        let anchored = found(SearchQuery(FuzzIndex.anchor + " " + typed), scope: scope)
        if alone.page.problem == nil {
            if anchored.keys != alone.keys || anchored.page.total != alone.page.total {
                violated("\(FuzzIndex.anchor) in front finds \(anchored.keys.count) of \(anchored.page.total), not \(alone.keys.count) of \(alone.page.total)")
            }
        } else if let problem = alone.page.problem, problem.hasPrefix("say what") || problem.hasPrefix("nothing to search") {
            if let still = anchored.page.problem { violated("with a word to find, still \(still)") }
        } else if anchored.page.problem != alone.page.problem {
            violated("\(FuzzIndex.anchor) in front changes the problem to \(String(describing: anchored.page.problem))")
        }
        guard let paging else { return }
        let first = search(SearchQuery(typed), scope: scope, limit: paging)
        let rest = search(SearchQuery(typed), scope: scope, offset: paging, limit: 50 - paging)
        let whole = first.hits.map(\.article) + rest.hits.map(\.article)
        if whole != alone.page.hits.map(\.article) || first.total != alone.page.total || rest.total != alone.page.total {
            violated("pages of \(paging) give \(whole), not \(alone.page.hits.map(\.article))")
        }
    }

    /// A term (any text, even one the reader of queries never makes): as ``checkSplit``; in the
    /// headline it finds no more than anywhere.
    func checkTerm(_ term: SearchQuery.Term) {
        var excluded = term, anywhere = term
        excluded.excluded = true
        anywhere.field = .anywhere
        guard let found = checkSplit(SearchQuery(terms: [term]), with: SearchQuery(terms: [anchorTerm, term]),
                                     without: SearchQuery(terms: [anchorTerm, excluded]), empty: "nothing to search for", "\(term)"),
              term.field == .headline else { return }
        if !found.isSubset(of: self.found(SearchQuery(terms: [anywhere])).keys) { violated("the headline finds more than anywhere: \(term)") }
    }

    /// A `by:` name: as ``checkSplit``, with the articles quoting the speaker.
    func checkSpeaker(_ speaker: SearchQuery.Speaker) {
        var excluded = speaker
        excluded.excluded = true
        checkSplit(SearchQuery(speakers: [speaker]), with: SearchQuery(terms: [anchorTerm], speakers: [speaker]),
                   without: SearchQuery(terms: [anchorTerm], speakers: [excluded]), empty: "by: needs a name", "\(speaker)")
    }

    private var anchorTerm: SearchQuery.Term { SearchQuery.Term(FuzzIndex.anchor) }

    /// A filter searched `alone`, and `with` and `without` it beside the anchor, which every
    /// article holds: with it, it finds what it finds alone, and without it exactly the other
    /// articles. With no word in it, its problem starts with `empty`. Returns what it finds alone
    /// (nil when it has nothing to search for).
    @discardableResult
    private func checkSplit(_ alone: SearchQuery, with: SearchQuery, without: SearchQuery, empty: String, _ what: String) -> Set<ArticleKey>? {
        let (page, keys) = found(alone)
        if let problem = page.problem {
            if !problem.hasPrefix(empty) { violated("\(what) alone: \(problem)") }
            return nil
        }
        let all = FuzzIndex.anchored
        let withKeys = found(with).keys, withoutKeys = found(without).keys
        if withKeys != keys { violated("with the anchor, \(what) finds \(withKeys.count), alone \(keys.count)") }
        if !withKeys.isDisjoint(with: withoutKeys) || withKeys.union(withoutKeys) != all {
            violated("\(what) and its exclusion do not split the articles: \(withKeys.count) + \(withoutKeys.count) of \(all.count)")
        }
        return keys
    }

    // MARK: - People

    /// People narrowed by the text: speakers of the index, most quoted first, each with as many
    /// quotes as ``SearchIndex/quotes(by:in:offset:limit:)`` gives; and the text as a name.
    func checkPeople(matching filter: String, scope: SearchScope) {
        let everyone = Set(index.people(in: scope).map(\.name))
        let people = index.people(in: scope, matching: filter)
        for (i, person) in people.enumerated() {
            if !everyone.contains(person.name) || !FuzzIndex.speakers.contains(person.name) { violated("People lists \(person.name)") }
            if person.quotes < 1 || person.articles < 1 || person.articles > person.quotes { violated("People counts \(person)") }
            if i > 0 && people[i - 1].quotes < person.quotes { violated("People is not most quoted first") }
        }
        for person in people.prefix(2) {
            let quotes = index.quotes(by: person.name, in: scope)
            if quotes.total != person.quotes || quotes.quotes.count != person.quotes { violated("\(person) has \(quotes.total) quotes") }
            checkQuotes(quotes, scope: scope)
        }
        checkQuotes(index.quotes(by: filter, in: scope, limit: 2), scope: scope)
    }

    private func checkQuotes(_ quotes: SpeakerQuotes, scope: SearchScope) {
        if quotes.quotes.count > quotes.total { violated("\(quotes.quotes.count) quotes of \(quotes.total)") }
        for quote in quotes.quotes where !Self.contains(scope, quote.article) { violated("a quote outside the scope: \(quote)") }
    }
}
