import BylineModel

/// What workers bring back: parsed articles and changes to the folder.
extension ReaderState {
    mutating func articleLoaded(_ id: ArticleID, _ loaded: Article) -> [Effect] {
        loadingArticles.remove(id)
        if id == articleID {
            replaceArticle(loaded)
            revision &+= 1
            if let (action, waitingFor) = replay, waitingFor == id {
                replay = nil
                deriveShown()
                return apply(action)
            }
        }
        if let jump = pendingJump, jump.candidate == id {
            pendingJump = nil
            guard let row = rows.row(of: id) else { return [] }
            revision &+= 1
            if loaded.quotes.contains(where: \.pull) {
                // Look at it again through the cache, as for a parsed neighbour.
                return continueJump(forward: jump.forward, after: row - (jump.forward ? 1 : -1), looked: jump.looked)
            }
            return continueJump(forward: jump.forward, after: row, looked: jump.looked + 1)
        }
        return []
    }

    /// Takes in what a worker found on disk: new rows in their places, gone ones out (the
    /// selection stays, marked deleted, until the user moves away), rewritten ones read again.
    /// The selection and the list's scroll stay on the same articles.
    mutating func folderChanged(_ change: FolderChange) -> [Effect] {
        if let note = change.note { report(note) }
        let topID = rows.id(at: listTop)
        let shownHeadline = selection.flatMap { library.cachedHeadline($0) ?? (articleID == $0 ? article?.headline : nil) }
        if let id = articleID, change.present.contains(library.path(of: id)), let top = article?.blocks[safe: bodyAnchor.block] {
            reanchorText = top.text
        }
        let result = library.apply(change)
        var effects: [Effect] = []
        guard !result.isEmpty || change.note != nil else { return [] }
        revision &+= 1

        var gone = Set<ArticleID>()
        for id in result.removed {
            if id == selection {
                deleted[id] = shownHeadline ?? library.name(of: id)
            } else {
                gone.insert(id)
            }
        }
        removeRows(gone)
        // Under a search's results the library's own rows lose even the selected result: it
        // stays (marked deleted) only where it is on screen.
        if librarySearch?.showing == true { librarySearch?.libraryRows.remove(Set(result.removed)) }
        read.subtract(gone)
        fresh.subtract(gone)
        loadingHeadlines.subtract(gone)

        var back: [ArticleID] = []
        for id in result.added {
            if deleted.removeValue(forKey: id) != nil {
                back.append(id)
            } else {
                fresh.insert(id)
            }
        }
        let order = pendingSort ?? sortOrder
        let shelf = library
        changeLibraryRows { $0.insert(result.added, library: shelf, order: order) }
        // Rewritten (or back from deletion): what was read is forgotten; the shown article is
        // read again and keeps its place, the list asks for headlines on screen anew.
        for id in result.modified + back {
            loadingHeadlines.remove(id)
            if id == articleID, loadingArticles.insert(id).inserted {
                effects.append(.loadArticle(id))
            }
        }
        if let topID, let row = rows.row(of: topID) { listTop = row }
        syncSelectedRow()
        // The search index follows the folder.
        let touched = result.added + result.modified + result.removed
        if !touched.isEmpty { effects.append(.index(touched)) }
        return effects
    }
}

extension ReaderState {
    /// Asks a worker for the rows in `order` (it stats the files when the order needs it).
    mutating func requestSort(_ order: ListOrder) -> [Effect] {
        pendingSort = order
        return [.sortRows(order, rows.ids)]
    }

    /// Takes in rows a worker sorted: rows that came or went meanwhile are reconciled, the
    /// selection stays on its article and keeps its place on screen (at start: the top).
    mutating func rowsSorted(_ order: ListOrder, _ ids: [ArticleID]) {
        guard order == pendingSort, order == sortOrder else { return }
        pendingSort = nil
        let current = Set(rows.ids)
        let sorted = ids.filter { current.contains($0) }
        let known = Set(sorted)
        let arrived = rows.ids.filter { !known.contains($0) }
        let offset = selectedRow - listTop
        rows = RowsView(library.merge(arrived, into: sorted, order: order))
        if sortingAtStart {
            sortingAtStart = false
            selection = rows.id(at: 0)
            selectedRow = 0
            listTop = 0
        } else {
            syncSelectedRow()
            listTop = max(0, selectedRow - offset)
            message = "Sorted \(order.label)"
        }
        revision &+= 1
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
