/// Work asked for by several keys read at once.
extension Effect {
    /// `effects` in order, without the library searches that a later one in the list replaces:
    /// the reader takes only the answer to its latest request (by serial), so the earlier ones
    /// would be made for nothing, and the search thread would be busy with them when the last
    /// arrives.
    static func latestSearchOnly(_ effects: [Effect]) -> [Effect] {
        guard let last = effects.lastIndex(where: { if case .searchLibrary = $0 { true } else { false } }) else {
            return effects
        }
        return effects.enumerated().compactMap { index, effect in
            if case .searchLibrary = effect, index != last { return nil }
            return effect
        }
    }
}
