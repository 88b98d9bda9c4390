/// The people (and organisations) an article has named so far, and who was last the subject
/// of a sentence: what `he`, `she`, a lone surname or `the actress` refer back to.
struct SpeakerRegistry {
    typealias Gender = GivenNames.Gender

    struct Entity {
        var name: String
        var words: [String]
        /// `words` in lower case (`TextScan.lowercased`), made once.
        var lowerWords: [String]
        var gender: Gender
        /// The sex comes from a title or role (Mrs, actress), not only from a given name.
        var genderCertain = false
        var organisation: Bool
        /// Roles and titles seen with the name ("prime minister", "governor").
        var roles: Set<String>
        /// Whether the bytes of `name` compare as text (`WordTable.comparesAsBytes`): then it
        /// equals another such name exactly when their bytes are equal.
        var nameBytesDecide = false
    }

    /// Someone a sentence was about: a named entity, or an unnamed source.
    struct Mention {
        var entity: Int?
        var gender: Gender
        var paragraph: Int
        /// The subject of a sentence or a speaker (not someone only spoken about).
        var subject: Bool
    }

    private(set) var entities: [Entity] = []
    /// (Room for the tens of people an article names, made once: grown from empty, each
    /// dictionary hashed its keys again three or four times an article.)
    private var bySurname = [String: Int](minimumCapacity: 16)
    private var byGiven = [String: [Int]](minimumCapacity: 16)
    /// A filter of the hashes of the byte keys of the keys of `bySurname` and `byGiven` (see
    /// `WordTable.byteKey`): a word whose bytes compare as text and whose hash is not marked
    /// here is not known, and needs no string hashed (or made) to say so. One bit per hash's low
    /// ten bits: a marked bit may be another key's, so it only sends the word on to the exact
    /// look-up.
    private var keyFilter = KeyFilter()
    /// The keys of `bySurname` and `byGiven` that have a byte key, filed under it with what
    /// the dictionaries say of them, so a word whose bytes compare as text is answered from
    /// its bytes, with no string hashed.
    private var nameKeys = NameKeys()
    /// Subjects and speakers, in reading order (only the latest few are kept).
    private var mentions: [Mention] = []

    // MARK: - Naming

    /// The entity a name refers to, registering it when new. A single word is matched to a
    /// full name seen before (surname first, then a given name used by one person only).
    mutating func entity(named words: [String], gender: Gender, organisation: Bool = false, role: String? = nil) -> Int {
        let key = words.map(TextScan.lowercased)
        if !organisation {
            if key.count == 1 {
                if let e = surname(key[0]) { addRole(role, e); return e }
                if let e = soleGivenName(key[0]) { addRole(role, e); return e }
            } else if let last = key.last, let e = surname(last) {
                // "John Boehner" after "John A. Boehner"; "Mrs Platt" after "Joan Platt".
                let known = entities[e].lowerWords
                if key.dropLast().allSatisfy({ known.contains($0) || $0.count == 1 }) && key.first == known.first {
                    addRole(role, e)
                    return e
                }
            }
        }
        let name = words.joined(separator: " ")
        // Two names whose bytes compare as text and differ in length are not equal: most are
        // told apart so, without comparing them as strings.
        let bytesDecide = name.utf8.withContiguousStorageIfAvailable(WordTable<Int>.comparesAsBytes) ?? false
        let length = name.utf8.count
        if let e = entities.firstIndex(where: { ($0.nameBytesDecide && bytesDecide && $0.name.utf8.count != length) ? false : $0.name == name }) {
            addRole(role, e)
            return e
        }
        entities.append(Entity(name: name, words: words, lowerWords: key, gender: gender, organisation: organisation, roles: [],
                               nameBytesDecide: bytesDecide))
        let e = entities.count - 1
        addRole(role, e)
        if !organisation, key.count >= 2 {
            bySurname[key[key.count - 1]] = e
            byGiven[key[0], default: []].append(e)
            noteKey(key[key.count - 1], surname: e)
            noteKey(key[0], givenName: e)
        }
        return e
    }

    /// `bySurname[key]`: from the bytes when they compare as text (every key equal to such a
    /// word is filed in ``nameKeys`` under those bytes), else from the dictionary.
    private func surname(_ key: String) -> Int? {
        if let decided = fromBytes(key, nameKeys.surname(_:hash:)) { return decided }
        return bySurname[key]
    }

    /// What `lookUp` finds in ``nameKeys`` for `key`'s bytes (nil inside when the key filter
    /// rules them out), or nil when the bytes do not compare as text and the dictionaries
    /// must answer.
    @inline(__always)
    private func fromBytes(_ key: String, _ lookUp: (UnsafeBufferPointer<UInt8>, UInt32) -> Int?) -> Int?? {
        let decided = key.utf8.withContiguousStorageIfAvailable { b -> Int?? in
            guard WordTable<Int>.comparesAsBytes(b) else { return nil }
            let hash = WordTable<Int>.hashBytes(b)
            guard keyFilter.mayContain(hash) else { return .some(nil) }
            return .some(lookUp(b, hash))
        }
        return decided ?? nil
    }

    /// `byGiven[key]` when it lists one entity, as ``surname(_:)`` reads it.
    private func soleGivenName(_ key: String) -> Int? {
        if let decided = fromBytes(key, nameKeys.soleGivenName(_:hash:)) { return decided }
        guard let list = byGiven[key], list.count == 1 else { return nil }
        return list[0]
    }

    /// Whether a single word is a surname or given name of someone already named.
    func knows(_ word: String) -> Bool {
        knows(lowercased: TextScan.lowercased(word))
    }

    /// Files a key just set in `bySurname` to `surname` (or given `givenName` added to in
    /// `byGiven`) under its byte key, in the filter and in ``nameKeys``.
    private mutating func noteKey(_ key: String, surname: Int? = nil, givenName: Int? = nil) {
        // A key without a byte key can equal no text whose bytes compare as text.
        guard let form = WordTable<Int>.byteKey(of: key) else { return }
        form.withUnsafeBufferPointer { b in
            keyFilter.insert(WordTable<Int>.hashBytes(b))
            if let surname { nameKeys.addSurname(b, of: surname) }
            if let givenName { nameKeys.addGivenName(b, of: givenName) }
        }
    }

    /// ``knows(lowercased:)`` for a lower-case word given as its bytes, which must be ASCII.
    func knows(asciiLowercased b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard keyFilter.mayContain(WordTable<Int>.hashBytes(b)) else { return false }
        return nameKeys.knows(b)
    }

    /// ``knows(lowercased:)`` for a lower-case word given as its bytes, which must compare as
    /// text (`WordTable.comparesAsBytes`: ASCII does).
    func knows(lowercasedBytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        keyFilter.mayContain(WordTable<Int>.hashBytes(b)) && nameKeys.knows(b)
    }

    /// ``knows(_:)`` for a word in lower case already (as `ParagraphTokens.lower` gives it).
    func knows(lowercased k: String) -> Bool {
        // Bytes that compare as text equal a key exactly when they are its byte key, and every
        // key with a byte key is in `nameKeys`: no string is hashed for them.
        let decided = k.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            guard WordTable<Int>.comparesAsBytes(b) else { return nil }
            guard keyFilter.mayContain(WordTable<Int>.hashBytes(b)) else { return false }
            return nameKeys.knows(b)
        }
        if let decided, let answer = decided { return answer }
        return bySurname[k] != nil || byGiven[k]?.count == 1
    }

    private mutating func addRole(_ role: String?, _ e: Int) {
        guard let role else { return }
        entities[e].roles.insert(role)
    }

    mutating func setGender(_ gender: Gender, of e: Int, certain: Bool = false) {
        if certain && !entities[e].genderCertain && gender != .unknown {
            entities[e].gender = gender
            entities[e].genderCertain = true
        } else if entities[e].gender == .unknown {
            entities[e].gender = gender
        }
    }

    // MARK: - Salience

    /// Notes that `entity` (nil: an unnamed source) was the subject of a sentence or spoke.
    mutating func mention(_ entity: Int?, gender: Gender, paragraph: Int, subject: Bool = true) {
        mentions.append(Mention(entity: entity, gender: gender, paragraph: paragraph, subject: subject))
        if mentions.count > 64 { mentions.removeFirst(32) }
    }

    /// The entity `he`/`she` (or a role word, for `the actress`) refers to: the latest subject or
    /// speaker of a matching sex, in this paragraph or the three before. Nil when that latest one
    /// is an unnamed source or is an organisation. In the pronoun's own paragraph a sex known only
    /// from a given name does not rule anyone out (Glenn Close, Ashton Hayward).
    func resolve(gender: Gender, paragraph: Int) -> Int? {
        func fits(_ m: Mention) -> Bool {
            var g = m.entity.map { entities[$0].gender } ?? m.gender
            if let e = m.entity, !entities[e].genderCertain, m.paragraph == paragraph { g = .unknown }
            return gender == .unknown || g == .unknown || g == gender
        }
        for m in mentions.reversed() where m.subject {
            guard m.paragraph >= paragraph - 3 else { break }
            guard fits(m) else { continue }
            guard let e = m.entity else { return nil }
            if entities[e].organisation { continue }
            return e
        }
        // No subject: the one person named in this paragraph ("Among the passengers was X.").
        let here = Set(mentions.filter { $0.paragraph == paragraph && !$0.subject && fits($0) }.compactMap(\.entity))
        return here.count == 1 ? here.first : nil
    }

    /// The person last named with an office (`the prime minister`, `the governor`); nil for a
    /// description (`the star`, `the actress`), which stands for the latest subject instead.
    func holder(ofRole role: String) -> Int? {
        guard Self.offices.contains(role) else { return nil }
        return entities.lastIndex { !$0.organisation && $0.roles.contains(role) }
    }

    static let offices: WordSet = [
        "president", "prime minister", "chancellor", "governor", "mayor", "senator", "congressman",
        "congresswoman", "judge", "secretary", "leader", "coach", "manager", "captain", "director",
        "chairman", "chairwoman", "premier", "pm", "duke", "duchess", "king", "queen", "prince", "princess",
    ]
}

/// A set of 32-bit hashes that may answer yes wrongly, never no: 1,024 bits, one a hash's low ten
/// bits (an article names tens of people, so few bits are set).
struct KeyFilter {
    private var bits = [UInt64](repeating: 0, count: 16)

    mutating func insert(_ hash: UInt32) {
        bits[Int(hash >> 6 & 15)] |= 1 << UInt64(hash & 63)
    }

    /// False only when `hash` was never inserted.
    func mayContain(_ hash: UInt32) -> Bool {
        bits[Int(hash >> 6 & 15)] & 1 << UInt64(hash & 63) != 0
    }
}
