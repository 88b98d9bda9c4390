/// The words of the names an article has filed (surnames and given names, in lower case),
/// kept as UTF-8 bytes with whether each is a surname and how many people have it as a given
/// name: what `SpeakerRegistry.knows(lowercased:)` answers for a word whose bytes compare as
/// text (`WordTable.comparesAsBytes`) without hashing a string. The keys are few (tens an
/// article), so they are found by a scan of their 32-bit hashes (FNV-1a, as
/// `WordTable.hashBytes`), then their bytes.
struct NameKeys {
    private var hashes: [UInt32] = []
    /// Where each key's bytes lie in ``bytes``.
    private var ranges: [Range<Int>] = []
    private var bytes: [UInt8] = []
    private var surname: [Bool] = []
    private var givenCount: [Int32] = []
    /// Per key: the entity it was last filed as the surname of (-1 none), and the first it
    /// was filed as the given name of: what `bySurname` and `byGiven` hold for it.
    private var surnameOf: [Int32] = []
    private var firstGivenOf: [Int32] = []

    /// How many keys are filed.
    var count: Int { hashes.count }

    /// Room for the keys of the tens of names an article files, made once (grown from empty,
    /// the seven arrays were made again three or four times each an article).
    init() {
        hashes.reserveCapacity(16)
        ranges.reserveCapacity(16)
        bytes.reserveCapacity(128)
        surname.reserveCapacity(16)
        givenCount.reserveCapacity(16)
        surnameOf.reserveCapacity(16)
        firstGivenOf.reserveCapacity(16)
    }

    /// Notes `key` as the surname of entity `e` (the latest so noted).
    mutating func addSurname(_ key: UnsafeBufferPointer<UInt8>, of e: Int) {
        let k = file(key)
        surname[k] = true
        surnameOf[k] = Int32(e)
    }

    /// Notes `key` as one more person's given name: entity `e`'s.
    mutating func addGivenName(_ key: UnsafeBufferPointer<UInt8>, of e: Int) {
        let k = file(key)
        if givenCount[k] == 0 { firstGivenOf[k] = Int32(e) }
        givenCount[k] += 1
    }

    /// The entity whose surname `key` was last noted as, if any.
    func surname(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        guard let k = index(of: key, hash: hash), surname[k] else { return nil }
        return Int(surnameOf[k])
    }

    /// The one entity `key` was noted as the given name of, if exactly one.
    func soleGivenName(_ key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        guard let k = index(of: key, hash: hash), givenCount[k] == 1 else { return nil }
        return Int(firstGivenOf[k])
    }

    /// Whether `key` names one person: a surname, or the given name of one person only.
    func knows(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let k = index(of: key, hash: WordTable<Bool>.hashBytes(key)) else { return false }
        return surname[k] || givenCount[k] == 1
    }

    /// The place of `key`, filed (as nobody's name yet) when new.
    private mutating func file(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = WordTable<Bool>.hashBytes(key)
        if let k = index(of: key, hash: hash) { return k }
        let start = bytes.count
        bytes.append(contentsOf: key)
        hashes.append(hash)
        ranges.append(start..<bytes.count)
        surname.append(false)
        givenCount.append(0)
        surnameOf.append(-1)
        firstGivenOf.append(-1)
        return hashes.count - 1
    }

    private func index(of key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int? {
        bytes.withUnsafeBufferPointer { stored in
            for k in hashes.indices where hashes[k] == hash {
                let r = ranges[k]
                if r.count == key.count, UnsafeBufferPointer(rebasing: stored[r]).elementsEqual(key) { return k }
            }
            return nil
        }
    }
}
