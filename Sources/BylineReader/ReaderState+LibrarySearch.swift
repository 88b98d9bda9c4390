import BylineModel

/// Searching the whole library from the list: results as the query is typed, opening them with
/// the words marked, and Esc back to the library as it was.
extension ReaderState {
    /// `/`: in the list, search the library; in the article, find text in it.
    mutating func find() -> [Effect] {
        guard focus == .list, layout.shows(.list) else { return apply(.openPrompt(.findInArticle)) }
        overlay = nil
        if librarySearch == nil {
            librarySearch = LibrarySearch(query: "", libraryRows: rows, selection: selection, row: selectedRow, top: listTop)
        }
        // Again over results: edit their query.
        prompt = Prompt(kind: .searchLibrary, text: librarySearch?.query ?? "")
        return []
    }

    /// The query changed as it was typed: search again (an empty query shows the library).
    mutating func searchLibraryAsTyped(_ text: String) -> [Effect] {
        guard var found = librarySearch else { return [] }
        let query = text.trimmingSpaces
        guard query != found.query else { return [] }
        found.query = query
        librarySearch = found
        guard !query.isEmpty else {
            showLibraryRows()
            return []
        }
        return requestResults(offset: 0)
    }

    /// Asks for a page of results of the current query; `refreshing`: the results loaded so far
    /// are made again, the selection kept on its article.
    mutating func requestResults(offset: Int, limit: Int = LibrarySearch.pageSize, refreshing: Bool = false) -> [Effect] {
        guard var found = librarySearch, !found.query.isEmpty else { return [] }
        searchSerial &+= 1
        found.serial = searchSerial
        found.waiting = true
        found.refreshing = refreshing
        librarySearch = found
        return [.searchLibrary(LibraryRequest(query: found.query, offset: offset, limit: limit, serial: searchSerial))]
    }

    /// A page of results arrived: the first page replaces the list's rows (the selection on the
    /// best match), later pages add to them. One that indexing finished behind is asked again.
    mutating func librarySearched(_ answer: LibraryAnswer) -> [Effect] {
        guard var found = librarySearch, answer.request.serial == found.serial else { return [] }
        found.waiting = false
        let stale = found.stale
        found.stale = false
        let refresh = found.refreshing
        found.refreshing = false
        found.problem = answer.problem
        found.total = answer.total
        found.words = answer.words
        found.partial = indexProgress != nil
        let first = answer.request.offset == 0
        if first {
            found.snippets = [:]
            found.missing = []
        }
        var ids = first ? [] : rows.ids
        var seen = Set(ids)
        for hit in answer.hits where seen.insert(hit.id).inserted {
            ids.append(hit.id)
            found.snippets[hit.id] = hit.snippet
            if hit.missing { found.missing.insert(hit.id) }
        }
        if !found.showing {
            found.libraryRows = rows
            found.librarySelection = selection
            found.libraryRow = selectedRow
            found.libraryTop = listTop
        }
        found.showing = true
        librarySearch = found
        rows = RowsView(ids)
        if first && !refresh {
            selection = rows.id(at: 0)
            selectedRow = 0
            listTop = 0
            bodyTop = 0
            bodyAnchor = .top
            bodyAnchorOnSpacing = false
            chosenQuote = nil
            markResultWords()
        } else {
            syncSelectedRow()
        }
        revision &+= 1
        guard stale, !found.query.isEmpty else { return [] }
        return requestResults(offset: 0, limit: max(LibrarySearch.pageSize, rows.count), refreshing: true)
    }

    /// The shown article marks the search's words and opens at the first of them.
    mutating func markResultWords() {
        guard let found = librarySearch, found.showing, !found.words.isEmpty else { return }
        var marking = BodySearch(query: found.query, words: found.words, origin: .top, originOnSpacing: false)
        marking.scrollPending = true
        search = marking
        restoreFor = nil
    }

    /// The selection moved near the end of the results loaded: ask for the next page.
    mutating func loadMoreResults() -> [Effect] {
        guard let found = librarySearch, found.showing, !found.waiting, rows.count < found.total,
              selectedRow >= rows.count - listCapacity else { return [] }
        return requestResults(offset: rows.count)
    }

    /// Enter in the library search's prompt: the results stay in the list (none: back to the
    /// library, with a note).
    mutating func submitLibrarySearch() {
        guard let found = librarySearch else { return }
        if found.query.isEmpty {
            leaveLibrarySearch()
        } else if found.showing, !found.waiting, rows.isEmpty, found.problem == nil {
            leaveLibrarySearch()
            message = "Nothing found for /\(found.query)"
        }
    }

    /// Back to the whole library, the selection where it was before the search.
    mutating func leaveLibrarySearch() {
        guard librarySearch != nil else { return }
        showLibraryRows()
        librarySearch = nil
        if search?.words.isEmpty == false { search = nil }
    }

    /// The list shows the library again (the search stays, for its prompt).
    private mutating func showLibraryRows() {
        guard let found = librarySearch, found.showing else { return }
        // A result whose file was deleted while it was selected is not in the library's rows.
        if let leaving = selection, deleted.removeValue(forKey: leaving) != nil { read.remove(leaving) }
        rows = found.libraryRows
        librarySearch?.showing = false
        librarySearch?.snippets = [:]
        librarySearch?.missing = []
        librarySearch?.total = 0
        if let id = found.librarySelection, rows.row(of: id) != nil {
            selection = id
        } else {
            selection = nil
            selectedRow = min(found.libraryRow, max(0, rows.count - 1))
        }
        listTop = found.libraryTop
        syncSelectedRow()
        bodyTop = 0
        bodyAnchor = .top
        bodyAnchorOnSpacing = false
        chosenQuote = nil
        if let id = selection, positions[id] != nil { restoreFor = id }
    }

    /// Runs a change to the whole library's rows, whether the list shows them or results.
    mutating func changeLibraryRows(_ change: (inout RowsView) -> Void) {
        if var found = librarySearch, found.showing {
            change(&found.libraryRows)
            librarySearch = found
        } else {
            change(&rows)
        }
    }

    /// Takes articles out of the list, and out of the library's rows under a search's results.
    mutating func removeRows(_ gone: Set<ArticleID>) {
        changeLibraryRows { $0.remove(gone) }
        if librarySearch?.showing == true { rows.remove(gone) }
    }

    /// Index progress arrived. When the index is done, results made from part of it are made
    /// again from all of it.
    mutating func indexing(_ progress: IndexProgress, finished: Bool) -> [Effect] {
        let shown = finished || progress.total == 0 ? nil : progress
        // The status line shows the progress: a frame only when it changed.
        if shown != indexProgress { revision &+= 1 }
        indexProgress = shown
        var effects = refreshPeople(finished: finished)
        guard finished, var found = librarySearch else { return effects }
        if found.waiting {
            // The search under way may have read the index before its last batch.
            found.stale = true
            librarySearch = found
            return effects
        }
        // Folder changes were indexed, or the whole index is done: refresh the results, keeping
        // the selection on its article. Always: an answer that came before indexing showed any
        // progress was read from an index still being built too.
        guard found.showing else { return effects }
        effects += requestResults(offset: 0, limit: max(LibrarySearch.pageSize, rows.count), refreshing: true)
        return effects
    }

    /// People, open while the index grows: the names (or the quotes) are read again when it is
    /// done, and after each batch while none showed yet.
    private mutating func refreshPeople(finished: Bool) -> [Effect] {
        guard overlay == .people, let view = people, !view.waiting else { return [] }
        if let person = view.person {
            return finished || view.quotes.isEmpty ? [.loadQuotes(person)] : []
        }
        return finished || view.speakers.isEmpty ? [.loadPeople(view.filter)] : []
    }
}

extension String {
    /// Without spaces at either end.
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
