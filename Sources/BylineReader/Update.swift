import BylineModel

/// The only place reader state changes: apply one action, return what the outside world must do.
public func update(_ state: inout ReaderState, _ action: Action) -> [Effect] {
    let selectedBefore = state.selected
    var effects = apply(&state, action)
    // Parse ahead where one key can go next: the neighbours, nearest in the direction of travel
    // first, then a list page either way. Only while a pane shows articles, not a list alone.
    if state.selected != selectedBefore && state.article != nil {
        let step = state.selected > selectedBefore ? 1 : -1
        var ahead = [state.selected + step, state.selected - step, state.selected + 2 * step]
        if let list = state.layout.list, list.height > 3 {
            let page = list.height - 1
            ahead += [state.selected + step * page, state.selected - step * page]
        }
        effects.append(.prefetch(ahead))
    }
    return effects
}

/// The body of `update`: one case per action.
private func apply(_ state: inout ReaderState, _ action: Action) -> [Effect] {
    var effects: [Effect] = []
    if !isThemeMessage(action) { state.message = nil }
    switch action {
    case .moveDown: move(&state, by: 1)
    case .moveUp: move(&state, by: -1)
    case .pageDown: move(&state, by: page(state))
    case .pageUp: move(&state, by: -page(state))
    case .top: move(&state, by: Int.min / 2)
    case .bottom: move(&state, by: Int.max / 2)

    case .focusForward:
        switch state.focus {
        case .list:
            state.focus = .body
            state.read.insert(state.selected)
        case .body:
            if !state.sidebarEntries.isEmpty { state.focus = .sidebar }
        case .sidebar:
            if let chosen = state.chosenQuote ?? state.currentSidebarEntry { choose(&state, entry: chosen) }
            // The sidebar alone on screen: show the body where the quote is.
            if !state.layout.shows(.body) { state.focus = .body }
        }
    case .focusBack:
        switch state.focus {
        case .list: break
        case .body: state.focus = .list
        case .sidebar: state.focus = .body
        }
    case .cycleFocus:
        let order: [Focus] = [.list, .body, .sidebar]
        var next = state.focus
        repeat {
            next = order[(order.firstIndex(of: next)! + 1) % order.count]
        } while next == .sidebar && state.size.width >= 120 && state.sidebarToggled
        state.focus = next
        if next == .body { state.read.insert(state.selected) }

    case .nextQuote: jumpToPullQuote(&state, forward: true)
    case .previousQuote: jumpToPullQuote(&state, forward: false)
    case .nextCrosshead: jumpToCrosshead(&state, forward: true)
    case .previousCrosshead: jumpToCrosshead(&state, forward: false)
    case .nextArticle: select(&state, state.selected + 1)
    case .previousArticle: select(&state, state.selected - 1)

    case .toggleSidebar:
        state.sidebarToggled.toggle()
        if state.focus == .sidebar && !state.layout.shows(.sidebar) { state.focus = .body }
    case .toggleZoom:
        state.zoomed.toggle()
        keepTopBlock(&state) { $0.refresh() }
        return effects
    case .toggleHelp:
        state.overlay = state.overlay == .help ? nil : .help
        state.overlayTop = 0
    case .toggleProblems:
        state.overlay = state.overlay == .problems ? nil : .problems
        state.overlayTop = 0
    case .closeOverlay:
        state.overlay = nil
        state.overlayTop = 0
    case .toggleFooters: state.footersUnfolded.toggle()

    case .cycleTheme:
        effects.append(.loadTheme(nextTheme(after: state.themeName, in: state.themeNames)))
    case .themeApplied(let name, let error):
        if let error {
            state.message = "Theme \(name) skipped: \(error)"
            let next = nextTheme(after: name, in: state.themeNames)
            if next != state.themeName { effects.append(.loadTheme(next)) }
        } else {
            state.themeName = name
            let skipped = state.message.map { $0.contains("skipped") ? $0 + " · " : "" } ?? ""
            state.message = skipped + "Theme: \(name)"
        }
    case .showSelection:
        state.bodyDeferred = false
        state.refresh()
        if state.article != nil { effects.append(.prefetch([state.selected + 1])) }
    case .redraw: effects.append(.redrawAll)
    case .quit: effects.append(.quit)
    case .resize(let size):
        keepTopBlock(&state) {
            $0.size = size
            $0.refresh()
        }
        return effects
    }
    state.refresh()
    return effects
}

// MARK: - Moving

private func isThemeMessage(_ action: Action) -> Bool {
    if case .themeApplied = action { return true }
    return false
}

private func page(_ state: ReaderState) -> Int {
    switch state.focus {
    case .list: return max(1, (state.layout.list?.height ?? 1) - 1)
    case .body: return max(1, state.bodyHeight - 2)
    case .sidebar: return 3
    }
}

private func move(_ state: inout ReaderState, by delta: Int) {
    if state.overlay != nil { state.overlayTop = max(0, state.overlayTop.addingReportingOverflow(delta).partialValue); return }
    switch state.focus {
    case .list:
        select(&state, clamp(state.selected.addingReportingOverflow(delta).partialValue, 0, state.library.count - 1))
    case .body:
        state.bodyTop = state.bodyTop.addingReportingOverflow(delta).partialValue
        state.read.insert(state.selected)
        state.clampScroll()
    case .sidebar:
        let entries = state.sidebarEntries
        guard !entries.isEmpty else { return }
        let from = state.chosenQuote ?? state.currentSidebarEntry ?? 0
        choose(&state, entry: clamp(from.addingReportingOverflow(delta).partialValue, 0, entries.count - 1))
    }
}

private func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { min(max(value, low), max(low, high)) }

/// Show another article from its top.
private func select(_ state: inout ReaderState, _ index: Int) {
    guard state.library.count > 0 else { return }
    let target = clamp(index, 0, state.library.count - 1)
    guard target != state.selected else { return }
    state.selected = target
    state.bodyTop = 0
    state.chosenQuote = nil
    if state.focus != .list { state.read.insert(target) }
    state.refresh()
}

/// Mark a sidebar entry and scroll the body so its quote is in view.
private func choose(_ state: inout ReaderState, entry: Int) {
    state.chosenQuote = entry
    guard let article = state.article, let body = state.body else { return }
    let entries = state.sidebarEntries
    guard entry < entries.count else { return }
    let range = body.lineRange(ofBlock: article.quotes[entries[entry]].block)
    scrollIntoView(&state, range)
    state.read.insert(state.selected)
}

private func scrollIntoView(_ state: inout ReaderState, _ range: Range<Int>) {
    let height = state.bodyHeight
    let visible = state.bodyTop..<(state.bodyTop + height)
    if range.lowerBound >= visible.lowerBound && range.upperBound <= visible.upperBound { return }
    state.bodyTop = range.lowerBound - min(height / 4, max(0, height - range.count))
    state.clampScroll()
}

// MARK: - Jumps

/// `]` and `[`: the next or previous pull quote, crossing into neighbouring articles.
private func jumpToPullQuote(_ state: inout ReaderState, forward: Bool) {
    state.overlay = nil
    showBody(&state)
    guard let article = state.article, let body = state.body else { return }
    let entries = state.sidebarEntries
    let pulls = entries.indices.filter { article.quotes[entries[$0]].pull }
    let start: (Int) -> Int = { body.lineRange(ofBlock: article.quotes[entries[$0]].block).lowerBound }
    var target: Int?
    if let chosen = state.chosenQuote, pulls.contains(chosen), state.currentSidebarEntry == chosen {
        let i = pulls.firstIndex(of: chosen)!
        let j = forward ? i + 1 : i - 1
        target = pulls.indices.contains(j) ? pulls[j] : nil
    } else if forward {
        target = pulls.first(where: { start($0) >= state.bodyTop })
    } else {
        target = pulls.last(where: { start($0) < state.bodyTop })
    }
    if let target {
        choose(&state, entry: target)
        return
    }
    // Past the last (or before the first): the neighbouring article that has pull quotes.
    let step = forward ? 1 : -1
    var index = state.selected + step
    var looked = 0
    while index >= 0 && index < state.library.count && looked < 500 {
        let candidate = state.library.article(at: index)
        if candidate.quotes.contains(where: \.pull) {
            select(&state, index)
            guard let shown = state.article else { return }
            let pullsThere = state.sidebarEntries.filter { shown.quotes[$0].pull }
            choose(&state, entry: forward ? 0 : pullsThere.count - 1)
            return
        }
        index += step
        looked += 1
    }
    state.message = forward ? "No more pull quotes" : "No earlier pull quotes"
}

/// Jumps land in the body: when it is not on screen (the list or quotes alone), focus it.
private func showBody(_ state: inout ReaderState) {
    guard !state.layout.shows(.body), !state.layout.tooSmall, state.library.count > 0 else { return }
    state.focus = .body
    state.read.insert(state.selected)
    state.refresh()
}

/// `}` and `{`: put the next or previous crosshead at the top of the body.
private func jumpToCrosshead(_ state: inout ReaderState, forward: Bool) {
    showBody(&state)
    guard let article = state.article, let body = state.body else { return }
    let starts = article.blocks.indices.filter { article.blocks[$0].kind == .crosshead }.map { body.blockStart[$0] }
    let target = forward ? starts.first(where: { $0 > state.bodyTop }) : starts.last(where: { $0 < state.bodyTop })
    guard let target else {
        state.message = forward ? "No more crossheads" : "No earlier crossheads"
        return
    }
    state.bodyTop = target
    state.read.insert(state.selected)
    state.clampScroll()
}

// MARK: - Reflow

/// Run a change that reflows the body, keeping the block at the top of the body in view.
private func keepTopBlock(_ state: inout ReaderState, _ change: (inout ReaderState) -> Void) {
    let topBlock = state.body?.block(atLine: state.bodyTop)
    let offsetInBlock = topBlock.map { state.bodyTop - (state.body?.blockStart[$0] ?? 0) } ?? state.bodyTop
    let wasAtTop = state.bodyTop == 0
    change(&state)
    if wasAtTop {
        state.bodyTop = 0
    } else if let topBlock, let body = state.body, topBlock < body.blockStart.count {
        let range = body.lineRange(ofBlock: topBlock)
        state.bodyTop = range.lowerBound + min(offsetInBlock, max(0, range.count - 1))
    }
    state.clampScroll()
}

private func nextTheme(after name: String, in names: [String]) -> String {
    guard !names.isEmpty else { return name }
    guard let i = names.firstIndex(of: name) else { return names[0] }
    return names[(i + 1) % names.count]
}
