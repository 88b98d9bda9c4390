/// Keys as a config file spells them: a character (`x`, `G`, `]`), `ctrl-x`, or a name
/// (`space`, `enter`, `tab`, `shift-tab`, `esc`, `backspace`, `delete`, `up`, `down`, `left`,
/// `right`, `pgup`, `pgdn`, `home`, `end`, `f1` … `f24`). Names are not case-sensitive; a
/// single character is.
extension Key {
    /// The key a config name means, or nil.
    public init?(configName name: String) {
        if name.count == 1, let c = name.first, !c.isWhitespace, c.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
            self = .char(c)
            return
        }
        let lower = name.lowercased()
        if lower.hasPrefix("ctrl-"), lower.count == 6, let c = lower.last, c.isASCII, c.isLetter {
            self = .ctrl(c)
            return
        }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...24).contains(n) {
            self = .function(n)
            return
        }
        guard let named = Self.named[lower] else { return nil }
        self = named
    }

    /// How a config file writes the key.
    public var configName: String {
        switch self {
        case .char(" "): "space"
        case .char(let c): String(c)
        case .ctrl(let c): "ctrl-\(c)"
        case .function(let n): "f\(n)"
        default: Self.named.first { $0.value == self && Self.preferred.contains($0.key) }?.key ?? label
        }
    }

    private static let named: [String: Key] = [
        "space": .char(" "), "enter": .enter, "return": .enter, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
        "esc": .escape, "escape": .escape, "backspace": .backspace, "delete": .delete, "del": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end,
    ]
    private static let preferred: Set<String> = ["enter", "tab", "shift-tab", "esc", "backspace", "delete", "up", "down",
                                                 "left", "right", "pgup", "pgdn", "home", "end"]
}

/// A key binding in a config file that cannot be used.
public struct KeyConfigError: Error, Equatable, Sendable {
    /// The key as written.
    public var key: String
    public var message: String
}

extension KeyMap {
    /// This key map with a config file's `[keys]` table applied: each key is taken from whatever
    /// it did in the normal mode and given the named action (`none` leaves it unbound).
    public func applying(_ overrides: [(key: String, action: String)]) throws(KeyConfigError) -> KeyMap {
        var bindings = self.bindings
        let names = Set(bindings.compactMap { $0.action.bindingName })
        for (keyName, actionName) in overrides {
            guard let key = Key(configName: keyName) else {
                throw KeyConfigError(key: keyName, message: "unknown key \"\(keyName)\" (a character, ctrl-x, space, enter, esc, tab, up, pgdn, f1… see the README)")
            }
            let action = actionName.lowercased()
            guard action == "none" || names.contains(action) else {
                throw KeyConfigError(key: keyName, message: "unknown action \"\(actionName)\" for \"\(keyName)\" (byline --list-actions lists them; none unbinds)")
            }
            bindings = bindings.map { b in
                guard b.modes.contains(.normal), b.keys.contains(key) else { return b }
                return KeyBinding(b.keys.filter { $0 != key }, b.action, b.help, section: b.section, modes: b.modes)
            }
            if action != "none", let i = bindings.firstIndex(where: { $0.modes.contains(.normal) && $0.action.bindingName == action }) {
                let b = bindings[i]
                bindings[i] = KeyBinding(b.keys + [key], b.action, b.help, section: b.section, modes: b.modes)
            }
        }
        return KeyMap(bindings: bindings)
    }

    /// Every action a key can be bound to: name and help, in the help's order.
    public var bindableActions: [(name: String, help: String)] {
        bindings.compactMap { b in b.modes.contains(.normal) ? b.action.bindingName.map { ($0, b.help) } : nil }
    }
}
