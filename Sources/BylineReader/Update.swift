import BylineModel

/// The only place reader state changes: apply one action, return what the outside world must do.
public func update(_ state: inout ReaderState, _ action: Action) -> [Effect] {
    let selectionBefore = state.selection
    let rowBefore = state.selectedRow
    let revisionBefore = state.revision
    let listBefore = state.listPlace
    if action.isFromUser {
        state.userActed = true
        // New arrivals that were on screen in the list when a key was pressed have been seen.
        if !state.fresh.isEmpty {
            for row in state.visibleRows { state.fresh.remove(state.rows[row]) }
        }
        state.message = nil
        state.highlightedBlock = nil
        state.sortingAtStart = false  // a key before the starting order arrived: keep the user's place
        state.pendingJump = nil
        state.replay = nil
    }
    var effects = state.apply(action)
    effects += state.settle()
    if state.librarySearch?.showing == true { effects += state.loadMoreResults() }
    // Saves go first: a `.quit` after them ends the loop.
    if !state.outbox.isEmpty {
        effects.insert(.saveState(state.outbox), at: 0)
        state.outbox = []
    }
    // Parse ahead where the next key is likely to go: the neighbours, nearest in the direction
    // of travel first; after a move of more than two rows (a page, a jump) a list page either
    // way as well. A line move parses one new article (the one two rows on); the page either way
    // waits until a page is what the user moves by. Only while a pane shows articles.
    if state.selection != selectionBefore, state.showsArticle, !state.bodyDeferred {
        let step = state.selectedRow >= rowBefore ? 1 : -1
        var ahead = [state.selectedRow + step, state.selectedRow - step, state.selectedRow + 2 * step]
        if state.layout.list != nil, state.listCapacity > 3, abs(state.selectedRow - rowBefore) > 2 {
            let page = state.listCapacity - 1
            ahead += [state.selectedRow + step * page, state.selectedRow - step * page]
        }
        let ids = ahead.compactMap { state.rows.id(at: $0) }
        if !ids.isEmpty { effects.append(.prefetch(ids)) }
    }
    // Work done in the background that nothing on screen shows does not need a frame, nor does
    // a list move that moved nothing (up at the top, down at the bottom: a frame that would
    // draw the same screen, about 0.4 M instructions).
    if state.revision == revisionBefore && !action.isQuiet
        && !(action.isListMove && effects.isEmpty && listBefore.isQuiet && state.listPlace == listBefore) {
        state.revision &+= 1
    }
    return effects
}

/// What a move in the list changes on screen, to tell a move that moved nothing: the list
/// focused with nothing over it, where the selection and the scroll are, and nothing that a
/// key clears (a message, a highlighted block, articles marked new).
struct ListPlace: Equatable {
    var focus: Pane
    var covered: Bool
    var selection: ArticleID?
    var selectedRow: Int
    var listTop: Int
    var bodyTop: Int
    var cleared: Bool

    /// The list is focused, uncovered, with nothing for a key to clear.
    var isQuiet: Bool { focus == .list && !covered && cleared }
}

extension ReaderState {
    /// Where the list is now. A property read in place: an initializer taking the state would
    /// copy all of it (about 2.5 k instructions a key, retains and releases included).
    var listPlace: ListPlace {
        ListPlace(focus: focus, covered: overlay != nil || prompt != nil || people != nil, selection: selection,
                  selectedRow: selectedRow, listTop: listTop, bodyTop: bodyTop,
                  cleared: message == nil && highlightedBlock == nil && fresh.isEmpty)
    }
}

extension Action {
    /// Whether the action comes from the user (a key), as opposed to the terminal or a worker:
    /// only user actions clear the status line's message.
    var isFromUser: Bool {
        switch self {
        case .resize, .start, .showSelection, .themeApplied, .notice, .articleLoaded, .headlinesLoaded,
             .folderEvents, .folderChanged, .stateLoaded, .leaving, .filesChecked, .subfolderArticles, .rowsSorted,
             .copied, .piped, .startIndexing, .indexing, .librarySearched, .peopleLoaded, .quotesLoaded:
            return false
        default:
            return true
        }
    }

    /// A move of the list's selection by rows, a page or to an end.
    var isListMove: Bool {
        switch self {
        case .moveUp, .moveDown, .pageUp, .pageDown, .top, .bottom: return true
        default: return false
        }
    }

    /// Background results whose handler bumps the revision itself when they show.
    var isQuiet: Bool {
        switch self {
        case .articleLoaded, .headlinesLoaded, .folderEvents, .folderChanged, .leaving, .filesChecked, .rowsSorted,
             .startIndexing, .indexing: return true
        default: return false
        }
    }
}

extension ReaderState {
    /// The body of `update`: one case per action.
    mutating func apply(_ action: Action) -> [Effect] {
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: page)
        case .pageUp: move(by: -page)
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)

        case .focusForward: focusForward()
        case .focusBack:
            if focus == .list, librarySearch != nil {
                leaveLibrarySearch()
                return []
            }
            if search != nil {
                search = nil
                return []
            }
            switch focus {
            case .list: break
            case .body: focus = .list
            case .sidebar: focus = .body
            }
        case .cycleFocus:
            let order: [Pane] = [.list, .body, .sidebar]
            var next = focus
            repeat {
                next = order[(order.firstIndex(of: next)! + 1) % order.count]
            } while next == .sidebar && size.width >= 120 && sidebarToggled
            focus = next
            if next == .body { markRead() }

        case .nextQuote, .previousQuote, .nextCrosshead, .previousCrosshead:
            showBody()
            guard article != nil else {
                // The article is still being parsed: jump once it is here.
                if let selection { replay = (action, selection) }
                return []
            }
            switch action {
            case .nextQuote: return jumpToPullQuote(forward: true)
            case .previousQuote: return jumpToPullQuote(forward: false)
            case .nextCrosshead: jumpToCrosshead(forward: true)
            default: jumpToCrosshead(forward: false)
            }
        case .nextArticle: select(row: selectedRow + 1)
        case .previousArticle: select(row: selectedRow - 1)
        case .find: return find()
        case .togglePeople: return togglePeople()
        case .openChosen: return openChosen()
        case .nextMatch: stepMatch(forward: true)
        case .previousMatch: stepMatch(forward: false)
        case .toggleRead: toggleRead()
        case .copyQuote: return copyQuote()
        case .copyArticle: return copyArticle()
        case .copied(let note): message = note
        case .piped(let command, let status):
            message = "| \(command): " + CommandStatus.describe(status)
            return [.redrawAll]
        case .mouse(let event): mouse(event)
        case .nextUnread: selectUnread(forward: true)
        case .previousUnread: selectUnread(forward: false)
        case .markAllRead:
            let unread = rows.ids.filter { !read.contains($0) }.count
            guard unread > 0 else {
                message = "Every article here is read"
                return []
            }
            prompt = Prompt(kind: .confirmMarkAllRead(unread))

        case .toggleSidebar:
            if layout.panes.count == 1 {
                // One pane at a time (under 80 columns, or zoomed): the quotes take its place,
                // and `s` again gives the text back.
                focus = focus == .sidebar ? .body : .sidebar
                if focus == .body { markRead() }
            } else {
                sidebarToggled.toggle()
                if focus == .sidebar && !layout.shows(.sidebar) { focus = .body }
            }
        case .toggleZoom: zoomed.toggle()
        case .toggleHelp:
            overlay = overlay == .help ? nil : .help
            overlayTop = 0
        case .toggleProblems:
            overlay = overlay == .problems ? nil : .problems
            overlayTop = 0
            // The list must hold every unreadable file: check those never looked at.
            if overlay == .problems, !checkingFiles, library.uncheckedCount > 0 {
                checkingFiles = true
                return [.checkFiles]
            }
        case .closeOverlay:
            if overlay == .people {
                backToSpeakers()
                return []
            }
            overlay = nil
            overlayTop = 0
        case .toggleFooters: footersUnfolded.toggle()

        case .cycleTheme:
            return [.loadTheme(Self.theme(after: themeName, in: themeNames))]
        case .themeApplied(let name, let error):
            if let error {
                // Errors are written for stderr ("byline: file:line: ..."); here the program's
                // name is noise.
                let reason = error.hasPrefix("byline: ") ? String(error.dropFirst(8)) : error
                report("Theme \(name) skipped: \(reason)")
                let next = Self.theme(after: name, in: themeNames)
                if next != themeName { return [.loadTheme(next)] }
            } else {
                themeName = name
                let skipped = message.map { $0.contains("skipped") ? $0 + " · " : "" } ?? ""
                message = skipped + "Theme: \(name)"
            }
        case .notice(let text): report(text)
        case .openPrompt(let kind):
            overlay = nil
            if kind == .findInArticle {
                showBody()
                guard article != nil else {
                    message = "No article to search"
                    return []
                }
                search = BodySearch(query: "", origin: bodyAnchor, originOnSpacing: bodyAnchorOnSpacing)
            }
            prompt = Prompt(kind: kind)
        case .editPrompt(let edit):
            guard var open = prompt else { break }
            if open.kind == .people, edit == .historyBack || edit == .historyForward {
                // Up and Down choose a name.
                movePeople(by: edit == .historyBack ? -1 : 1)
                return []
            }
            open.apply(edit, history: promptHistory[open.kind] ?? [])
            prompt = open
            if open.kind == .findInArticle { searchAsTyped(open.string) }
            if open.kind == .searchLibrary { return searchLibraryAsTyped(open.string) }
            if open.kind == .people { return filterPeople(open.string) }
            if case .confirmMarkAllRead = open.kind, case .insert(let answer) = edit { confirmMarkAllRead(answer) }
        case .submitPrompt: return submitPrompt()
        case .cancelPrompt:
            if prompt?.kind == .findInArticle, let found = search {
                // Esc while typing: no search, and back to where the reading was.
                search = nil
                returnTo(found.origin, onSpacing: found.originOnSpacing)
            }
            if prompt?.kind == .searchLibrary { leaveLibrarySearch() }
            if prompt?.kind == .people {
                people = nil
                overlay = nil
            }
            prompt = nil
        case .redraw: return [.redrawAll]
        case .back:
            let effects = goBack()
            if effects.contains(.quit) { leave() }
            return effects
        case .readOn: readOn()
        case .widenList: resizeList(by: Layout.listStep)
        case .narrowList: resizeList(by: -Layout.listStep)
        case .quit:
            leave()
            return [.quit]
        case .leaving: leave()
        case .resize(let newSize): size = newSize
        case .start:
            var effects: [Effect] = [.loadState]
            // An empty list: are the articles one level down?
            if rows.isEmpty, !library.recursive, !library.folders.isEmpty { effects.append(.countSubfolderArticles) }
            if sortOrder != .name {
                sortingAtStart = true
                effects += requestSort(sortOrder)
            }
            return effects
        case .stateLoaded(let saved): takeIn(saved)
        case .cycleSort:
            if librarySearch?.showing == true {
                message = "Results are in order of relevance (Esc: the whole library)"
                return []
            }
            sortOrder = sortOrder.next
            message = "Sorting \(sortOrder.label)…"
            return requestSort(sortOrder)
        case .rowsSorted(let order, let ids): rowsSorted(order, ids)
        case .subfolderArticles(let count): articlesInSubfolders = count
        case .startIndexing: return [.index(nil)]
        case .indexing(let progress, let finished): return indexing(progress, finished: finished)
        case .librarySearched(let answer): return librarySearched(answer)
        case .peopleLoaded(let filter, let speakers): peopleLoaded(filter: filter, speakers)
        case .quotesLoaded(let name, let quotes, let total): quotesLoaded(name: name, quotes, total: total)
        case .showSelection: bodyDeferred = false

        case .articleLoaded(let id, let loaded): return articleLoaded(id, loaded)
        case .headlinesLoaded(let ids):
            ids.forEach { loadingHeadlines.remove($0) }
            let loaded = Set(ids)
            if visibleRows.contains(where: { loaded.contains(rows[$0]) }) { revision &+= 1 }
        case .folderEvents(let events): return events.isEmpty ? [] : [.examine(events)]
        case .folderChanged(let change): return folderChanged(change)
        case .filesChecked(let finished):
            if finished { checkingFiles = false }
            revision &+= 1
        }
        return []
    }

    private static func theme(after name: String, in names: [String]) -> String {
        guard !names.isEmpty else { return name }
        guard let i = names.firstIndex(of: name) else { return names[0] }
        return names[(i + 1) % names.count]
    }
}
