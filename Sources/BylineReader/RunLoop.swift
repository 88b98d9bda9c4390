import BylineCanvas

/// Why the reader stopped.
public enum ExitReason: Equatable, Sendable {
    case quit
    case signal(Int32)
    case inputClosed
}

/// The loop that ties a terminal to the reader: event → action → update → effects → frame.
public struct RunLoop<T: Terminal> {
    public let terminal: T
    public let keyMap: KeyMap
    public let screen: Screen
    /// Loads a theme by name and hands it to the terminal; returns an error message on failure.
    public let loadTheme: (String) -> String?

    /// Parses neighbouring articles in the background (nil: parse only on demand).
    public let prefetcher: Prefetcher?

    public init(terminal: T, keyMap: KeyMap = .standard, prefetcher: Prefetcher? = nil,
                loadTheme: @escaping (String) -> String? = { _ in nil }) {
        self.terminal = terminal
        self.keyMap = keyMap
        self.screen = Screen(keyMap: keyMap)
        self.prefetcher = prefetcher
        self.loadTheme = loadTheme
    }

    /// Run until the user quits, a signal arrives or input goes away.
    public func run(_ state: inout ReaderState) -> ExitReason {
        if state.size != terminal.size { _ = update(&state, .resize(terminal.size)) }
        terminal.present(screen.render(state))
        if state.bodyDeferred {
            // The list is on screen: now parse the selected article and show it.
            let effects = update(&state, .showSelection)
            terminal.present(screen.render(state))
            for case .prefetch(let indices) in effects { prefetcher?.warm(indices) }
        }
        while true {
            let action: Action
            switch terminal.nextEvent() {
            case .key(let key):
                guard let bound = keyMap.action(for: key, overlayOpen: state.overlay != nil) else { continue }
                action = bound
            case .resize(let size):
                action = .resize(size)
            case .signal(let number):
                return .signal(number)
            case .inputClosed:
                return .inputClosed
            case .repaint:
                terminal.invalidate()
                terminal.present(screen.render(state))
                continue
            case .none:
                continue
            }
            var pending = [action]
            while !pending.isEmpty {
                let effects = update(&state, pending.removeFirst())
                for effect in effects {
                    switch effect {
                    case .quit:
                        return .quit
                    case .redrawAll:
                        terminal.invalidate()
                    case .loadTheme(let name):
                        pending.append(.themeApplied(name: name, error: loadTheme(name)))
                    case .prefetch(let indices):
                        prefetcher?.warm(indices)
                    }
                }
            }
            terminal.present(screen.render(state))
        }
    }
}
