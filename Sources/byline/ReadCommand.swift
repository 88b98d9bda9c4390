import ArgumentParser
import BylineModel
import BylineReader
import BylineTerminal
import BylineTheme
import Foundation

/// `byline read [PATH...]`: the reader, as a subcommand (what `byline [PATH...]` does).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Open the reader (what byline does with no subcommand).",
        discussion: "With no PATH, opens the bundled sample library. Press ? in the reader for the keys."
    )

    @OptionGroup var options: ReaderOptions

    func run() throws {
        try options.settings.openReader()
    }
}

extension ReaderSettings {
    /// Opens the reader with these settings; returns only for `--list-themes` (it exits).
    func openReader() throws {
        MallocTuning.apply()
        let environment = ProcessInfo.processInfo.environment
        let data = DataLocator(environment: environment)
        // Everything that can fail on bad input fails here, before the terminal is touched.
        let themes: ThemeSetup
        do {
            themes = try ThemeSetup(themeOption: theme, colorChoice: color, shippedDirectory: data.folder("Themes"), environment: environment)
        } catch {
            Self.fail(error.description)
        }
        if listThemes {
            print(themes.listing(), terminator: "")
            return
        }
        let keyMap: KeyMap
        do throws(KeyConfigError) {
            keyMap = try KeyMap.standard.applying(themes.config.keyBindings.map { ($0.key, $0.action) })
        } catch {
            let setting = themes.config.keyBindings.first { $0.key == error.key }
            let place = [BylineConfig.path(environment: environment), setting?.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
            Self.fail("byline: \(place.isEmpty ? "config" : place): \(error.message)")
        }
        if listKeys {
            print(Self.keyListing(keyMap), terminator: "")
            return
        }
        if listActions {
            print(keyMap.bindableActions.map { $0.name.padding(toLength: 20, withPad: " ", startingAt: 0) + $0.help }.joined(separator: "\n"))
            return
        }
        // The state store opens on a thread of its own while the folder is listed.
        let stateLocation = StateOptions.location(option: statePath, noState: noState, configured: themes.config.state, environment: environment)
        let store = StoreOpening(stateLocation)
        let library: Library
        do {
            if paths.isEmpty {
                guard let samples = data.folder("Samples") else {
                    Self.fail("byline: the bundled sample library was not found; set BYLINE_DATA_DIR or give a folder")
                }
                library = try Library(folder: samples)
            } else {
                library = try Library(paths: paths, recursive: recursive)
            }
        } catch {
            Self.fail(error.description)
        }
        // Watch the folder (inotify) unless told not to; a note says why when it cannot.
        var watcher: FolderWatcher?
        var notice: String?
        if !noWatch && themes.config.watch != false {
            let limit = environment["BYLINE_INOTIFY_WATCH_LIMIT"].flatMap { Int($0) }
            (watcher, notice) = FolderWatcher.start(library: library, watchLimit: limit)
        }
        let useASCII = ascii || !Self.localeIsUTF8(environment)
        let terminal: CursesTerminal
        do {
            let mouse = !noMouse && themes.config.mouse != false
            terminal = try CursesTerminal.start(options: .init(colors: themes.wantsColor, utf8: !useASCII, mouse: mouse), environment: environment)
        } catch {
            Self.fail(error.description)
        }
        let depth = themes.depth(colorCount: terminal.colorCount)
        terminal.setPalette(themes.current.resolved(depth: depth))
        var state = ReaderState(library: library, size: terminal.size, ascii: useASCII,
                                themeNames: themes.names, themeName: themes.currentKey, deferBody: true, notice: notice,
                                sort: sort ?? themes.config.sort.flatMap(ListOrder.init(rawValue:)) ?? .name, fromTop: fromTop)
        state.clipboard = !noClipboard && themes.config.clipboard != false
        let loop = ReaderLoop(terminal: terminal, library: library, keyMap: keyMap, watcher: watcher, store: store,
                              index: .beside(stateLocation)) { name in
            do throws(ThemeError) {
                let next = try themes.load(name)
                terminal.setPalette(next.resolved(depth: depth))
                return nil
            } catch {
                return error.description
            }
        }
        loop.whenIdle = { [background = loop.background] in
            background.closeIdleIndexReaders()
            MallocTuning.trim()
        }
        let reason = loop.run(&state)
        terminal.stop()
        // What the store had to say (a store moved aside, state not saved) stays on the screen.
        for notice in loop.background.storeNotices {
            try? FileHandle.standardError.write(contentsOf: Data(("byline: " + TextSanitizer.sanitize(notice) + "\n").utf8))
        }
        // Exit at once: the run loop saved the state on its way out, and freeing a large
        // library's caches would only delay the exit (after a hangup, sshd is waiting for us).
        switch reason {
        case .quit:
            Foundation.exit(0)
        case .inputClosed:
            Foundation.exit(1)
        case .signal(let number):
            Foundation.exit(128 + number)
        }
    }

    /// `--list-keys`: the keys of the normal mode (with the config's `[keys]` applied), their
    /// action's name and help.
    static func keyListing(_ keyMap: KeyMap) -> String {
        var out = ""
        for binding in keyMap.bindings where binding.modes.contains(.normal) && !binding.keys.isEmpty {
            let keys = binding.keys.map(\.configName).joined(separator: " ")
            out += keys.padding(toLength: 18, withPad: " ", startingAt: 0) + " "
                + (binding.action.bindingName ?? "").padding(toLength: 20, withPad: " ", startingAt: 0) + binding.help + "\n"
        }
        return out
    }

    /// Print a one-line error and exit with status 2. The message may quote a path, a theme name
    /// or TERM as given, so controls are stripped and it is kept to one line.
    static func fail(_ message: String) -> Never {
        let line = TextSanitizer.sanitize(message).split(separator: "\n").joined(separator: " ")
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(2)
    }

    /// Whether the locale the user asked for speaks UTF-8.
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }
}

