import BylineModel
import BylineReader

extension ReaderState {
    /// Applies an action as the reader would, with the file reading it asks for done at once on
    /// this thread (the workers' answers fed back through ``update(_:_:)``), so a test sees the
    /// state the screen would show once everything settled. Returns the effects of the action
    /// itself.
    @discardableResult
    public mutating func send(_ action: Action) -> [Effect] {
        let inbox = Inbox()
        let background = Background(library: library, inbox: inbox, mode: .inline)
        let effects = update(&self, action)
        var pending = effects
        while !pending.isEmpty {
            pending.forEach(background.perform)
            pending = inbox.drain().flatMap { update(&self, $0) }
        }
        return effects
    }

    /// ``send(_:)`` for several actions in turn.
    public mutating func send(_ actions: [Action]) {
        for action in actions { send(action) }
    }
}
