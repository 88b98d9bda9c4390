import BylineModel
import BylineStore

extension ReaderState {
    /// Applies an action as the reader would, but with the file reading it asks for done at once
    /// on this thread and the answers fed back through ``update(_:_:)``: the state the screen
    /// would show once everything settled. For tests, benchmarks and tools; the reader itself
    /// runs the same effects on workers (``ReaderLoop``). Returns the effects of the action itself.
    /// - Parameters:
    ///   - readingAhead: also parse what `.prefetch` asks for (false leaves it unparsed).
    ///   - store: the state store to load from and save to (default: none).
    ///   - index: the search index to build and search (default: none; give a file to keep it
    ///     from one action to the next).
    @discardableResult
    public mutating func send(_ action: Action, readingAhead: Bool = true, store: StateStore? = nil,
                              index: SearchIndexLocation? = nil) -> [Effect] {
        let inbox = Inbox()
        let background = Background(library: library, inbox: inbox, store: StoreOpening(store ?? .open(.none(reason: nil))),
                                    index: index, mode: .inline)
        let effects = update(&self, action)
        var pending = effects
        while !pending.isEmpty {
            for effect in pending {
                if case .prefetch = effect, !readingAhead { continue }
                background.perform(effect)
            }
            pending = inbox.drain().flatMap { update(&self, $0) }
        }
        return effects
    }

    /// ``send(_:readingAhead:store:index:)`` for several actions in turn.
    public mutating func send(_ actions: [Action], store: StateStore? = nil, index: SearchIndexLocation? = nil) {
        for action in actions { send(action, store: store, index: index) }
    }
}
