import BylineCanvas
import BylineModel
import BylineStore
import Foundation

/// Why the reader stopped.
public enum ExitReason: Equatable, Sendable {
    case quit
    case signal(Int32)
    case inputClosed
}

/// The loop that ties a terminal to the reader: it waits for keys, resizes, signals, the
/// inbox and the folder watcher in one blocking wait; turns each into an ``Action``; runs it
/// through ``update(_:_:)``; hands effects to the ``Background`` (or carries them out itself:
/// quitting, repainting, themes); and draws a frame when something on screen changed.
///
/// When an action leaves something on screen waiting for a worker (a list move to an article
/// not parsed yet), the frame is held back for at most `loadWait` seconds, so a quick answer
/// shows at once and a slow one (a huge file) shows "Loading…" meanwhile. Keys are read the
/// whole time.
public final class ReaderLoop<T: Terminal> {
    public let terminal: T
    public let keyMap: KeyMap
    public let screen: Screen
    public let inbox: Inbox
    public let background: Background
    public let watcher: FolderWatcher?
    public let loadWait: Double
    /// Loads a theme by name and hands it to the terminal; returns an error message on failure.
    public let loadTheme: (String) -> String?
    /// Called before the loop waits, at most once every ``idleInterval`` seconds (the reader
    /// gives malloc's free memory back to the system here).
    public var whenIdle: (() -> Void)?
    public var idleInterval: Double = 1
    /// While the keys of one read are processed: the background work they ask for, carried out
    /// after the last of them (nil: carried out at once).
    private var batch: [Effect]?

    public init(terminal: T, library: Library, keyMap: KeyMap = .standard, inbox: Inbox = Inbox(),
                watcher: FolderWatcher? = nil, store: StoreOpening = StoreOpening(.open(.none(reason: nil))),
                index: SearchIndexLocation? = nil, backgroundMode: Background.Mode = .threads, loadWait: Double = 0.05,
                loadTheme: @escaping (String) -> String? = { _ in nil }) {
        self.terminal = terminal
        self.keyMap = keyMap
        self.screen = Screen(keyMap: keyMap)
        self.inbox = inbox
        self.watcher = watcher
        self.background = Background(library: library, inbox: inbox, watcher: watcher, store: store, index: index, mode: backgroundMode)
        self.loadWait = loadWait
        self.loadTheme = loadTheme
    }

    deinit { background.stop() }

    /// Run until the user quits, a signal arrives or input goes away.
    public func run(_ state: inout ReaderState) -> ExitReason {
        var presented: Int?
        var waitingSince: Date?
        var lastIdle = Date()
        var frame = Canvas(size: terminal.size)
        // The search index is brought up to date once the first article is on screen.
        var indexing = false
        let descriptors = [inbox.descriptor] + (watcher.map { [$0.descriptor] } ?? [])
        for action in [Action.resize(terminal.size), .start] {
            if process(action, &state, presented: &presented) { return leave(&state, .quit) }
        }
        while true {
            // Carry out everything workers posted.
            for action in inbox.drain() {
                if process(action, &state, presented: &presented) { return leave(&state, .quit) }
            }
            // Draw, unless the screen waits (briefly) for a worker's answer.
            var timeout: Double?
            if presented != state.revision {
                if state.awaitingVisible {
                    let since = waitingSince ?? Date()
                    waitingSince = since
                    let left = loadWait - Date().timeIntervalSince(since)
                    if left > 0 { timeout = left }
                }
                if timeout == nil {
                    screen.render(state, into: &frame)
                    terminal.present(frame)
                    presented = state.revision
                    waitingSince = nil
                    if state.bodyDeferred && !state.awaitingVisible {
                        // The list is on screen: now show the selected article.
                        if process(.showSelection, &state, presented: &presented) { return leave(&state, .quit) }
                        continue
                    }
                    if !indexing && !state.bodyDeferred && !state.awaitingVisible {
                        indexing = true
                        if process(.startIndexing, &state, presented: &presented) { return leave(&state, .quit) }
                    }
                }
            } else {
                waitingSince = nil
            }
            if inbox.hasPending { continue }
            if let whenIdle, Date().timeIntervalSince(lastIdle) >= idleInterval {
                whenIdle()
                lastIdle = Date()
            }
            // Wait for the next thing to happen. Each key is read in the mode the keys before
            // it left (a key that opens a prompt changes what the next one means).
            batch = []
            for event in terminal.wait(for: descriptors, timeout: timeout) {
                var action: Action?
                switch event {
                case .key(let key):
                    action = keyMap.action(for: key, mode: state.inputMode)
                case .resize(let size):
                    action = .resize(size)
                case .signal(let number):
                    return leave(&state, .signal(number))
                case .inputClosed:
                    return leave(&state, .inputClosed)
                case .repaint:
                    terminal.invalidate()
                    presented = nil
                case .ready(let fd):
                    if let watcher, fd == watcher.descriptor { action = .folderEvents(watcher.readEvents()) }
                case .mouse(let event):
                    action = state.inputMode == .prompt ? nil : .mouse(event)
                }
                if let action, process(action, &state, presented: &presented) { return leave(&state, .quit) }
            }
            performBatch()
        }
    }

    /// Carries out the work the keys of one read asked for. A query pasted or typed ahead
    /// arrives as many keys at once, each asking for a library search: only the last is made
    /// (the answers to the others would be dropped anyway), so it never waits behind a search
    /// of its first letters.
    private func performBatch() {
        guard let held = batch else { return }
        batch = nil
        for effect in Effect.latestSearchOnly(held) { background.perform(effect) }
    }

    /// The way out: what is to be saved is saved (a quit has asked for it already; a signal or a
    /// lost terminal asks now), and the saves are waited for, briefly.
    private func leave(_ state: inout ReaderState, _ reason: ExitReason) -> ExitReason {
        performBatch()
        if reason != .quit {
            var presented: Int?
            _ = process(.leaving, &state, presented: &presented)
        }
        background.finishSaving(timeout: 0.5)
        return reason
    }

    /// Runs one action through `update` and carries out its effects. Returns true to quit.
    private func process(_ action: Action, _ state: inout ReaderState, presented: inout Int?) -> Bool {
        var pending = [action]
        while !pending.isEmpty {
            for effect in update(&state, pending.removeFirst()) {
                switch effect {
                case .quit:
                    return true
                case .redrawAll:
                    terminal.invalidate()
                    presented = nil
                case .loadTheme(let name):
                    pending.append(.themeApplied(name: name, error: loadTheme(name)))
                case .copy(let text, let what):
                    pending.append(.copied(terminal.copyToClipboard(text).map { "Not copied: \($0)" } ?? "Copied \(what)"))
                case .pipe(let command, let text):
                    pending.append(.piped(command: command, status: terminal.runCommand(command, input: text)))
                    presented = nil
                default:
                    if batch != nil { batch?.append(effect) } else { background.perform(effect) }
                }
            }
        }
        return false
    }
}
