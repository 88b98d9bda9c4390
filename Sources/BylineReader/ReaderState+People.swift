import BylineModel
import BylineStore

/// `P`: the speakers of the whole library, their quotes, and the way into an article at one.
extension ReaderState {
    /// Opens People (the speakers, a prompt to narrow them), or closes it.
    mutating func togglePeople() -> [Effect] {
        if overlay == .people {
            closePeople()
            return []
        }
        overlay = .people
        let view = people ?? PeopleView()
        people = view
        if view.person == nil {
            prompt = Prompt(kind: .people, text: view.filter)
            return [.loadPeople(view.filter)]
        }
        return []
    }

    mutating func closePeople() {
        overlay = nil
        if prompt?.kind == .people { prompt = nil }
    }

    /// The name typed changed: narrow the speakers.
    mutating func filterPeople(_ text: String) -> [Effect] {
        guard var view = people, view.filter != text else { return [] }
        view.filter = text
        view.waiting = true
        people = view
        return [.loadPeople(text)]
    }

    mutating func peopleLoaded(filter: String, _ speakers: [SpeakerSummary]) {
        guard var view = people, view.filter == filter else { return }
        let chosen = view.speakers[safe: view.selected]?.name
        view.speakers = speakers
        view.waiting = false
        // The same name stays chosen as the list narrows, when it is still there.
        view.selected = chosen.flatMap { name in speakers.firstIndex { $0.name == name } } ?? 0
        view.top = 0
        people = view
        movePeople(by: 0)
    }

    mutating func quotesLoaded(name: String, _ quotes: [PersonQuote], total: Int) {
        guard var view = people, view.person == name else { return }
        // Read again (the index grew): the choice stays where it was.
        let again = !view.quotes.isEmpty
        view.quotes = quotes
        view.quoteTotal = total
        if !again {
            view.quoteSelected = 0
            view.quoteTop = 0
        }
        view.waiting = false
        people = view
        if again { movePeople(by: 0) }
    }

    /// Rows of People's list on screen: a speaker a line, a quote two.
    var peopleCapacity: Int {
        let lines = max(1, size.height - 1 - PeoplePane.headerLines)
        return people?.person == nil ? lines : max(1, lines / 2)
    }

    /// Moves the choice in People's list, keeping it on screen.
    mutating func movePeople(by delta: Int) {
        guard var view = people else { return }
        let count = view.rowCount
        let height = peopleCapacity
        func place(_ selected: inout Int, _ top: inout Int) {
            selected = Self.clamp(selected.addingReportingOverflow(delta).partialValue, 0, count - 1)
            if selected < top { top = selected }
            if selected >= top + height { top = selected - height + 1 }
            top = Self.clamp(top, 0, count - height)
        }
        if view.person == nil {
            place(&view.selected, &view.top)
        } else {
            place(&view.quoteSelected, &view.quoteTop)
        }
        people = view
    }

    /// Enter: a speaker's quotes, or the article of a quote, opened at it.
    mutating func openChosen() -> [Effect] {
        guard var view = people else { return [] }
        if view.person == nil {
            guard let speaker = view.speakers[safe: view.selected] else { return [] }
            prompt = nil
            view.person = speaker.name
            view.quotes = []
            view.quoteTotal = 0
            view.waiting = true
            people = view
            return [.loadQuotes(speaker.name)]
        }
        guard let quote = view.quotes[safe: view.quoteSelected] else { return [] }
        guard let id = quote.id, !quote.missing, library.isPresent(id) else {
            message = "That article's file is gone"
            return []
        }
        closePeople()
        open(id, atBlock: quote.block)
        let separator = BoxGlyphs.forMode(ascii: ascii).separator
        message = "quote" + separator + (view.person ?? "")
        return []
    }

    /// Esc in a speaker's quotes: back to the speakers, with the name typed before.
    mutating func backToSpeakers() {
        guard var view = people, view.person != nil else {
            closePeople()
            return
        }
        view.person = nil
        view.quotes = []
        people = view
        prompt = Prompt(kind: .people, text: view.filter)
    }

    /// Opens an article in the body at a block (People's quote): out of a library search whose
    /// results do not hold it, the reading position on the block, the block highlighted.
    mutating func open(_ id: ArticleID, atBlock block: Int) {
        if rows.row(of: id) == nil { leaveLibrarySearch() }
        guard let row = rows.row(of: id) else { return }
        select(row: row)
        focus = .body
        markRead()
        restoreFor = nil
        search = nil
        let position = TextPosition(block: max(TextPosition.header, block), offset: 0)
        bodyAnchor = position
        bodyAnchorOnSpacing = false
        if let body, let article, block >= 0, article.blocks.indices.contains(block) {
            scrollBody(to: body.lineRange(ofBlock: block).lowerBound)
        } else if let body {
            scrollBody(to: body.line(of: position))
        }
        highlightedBlock = block >= 0 ? block : nil
        deriveShown()
    }
}
