import Testing
@testable import BylineStore

@Suite("Saved positions against a changed file")
struct SavedPositionTests {
    let signature = FileSignature(size: 1000, modified: 5_000)
    var changed: FileSignature { FileSignature(size: 1200, modified: 6_000) }

    func saved(block: Int, blockCount: Int = 10, anchor: Int64? = nil) -> SavedPosition {
        SavedPosition(position: ReadingPosition(block: block, offset: 17), blockCount: blockCount, signature: signature, anchor: anchor)
    }

    @Test("an unchanged file gets its position back")
    func unchanged() {
        #expect(saved(block: 4).restorable(signature: signature, blockCount: 10) == ReadingPosition(block: 4, offset: 17))
        #expect(saved(block: 4).restorable(signature: nil, blockCount: 10) == ReadingPosition(block: 4, offset: 17))
    }

    @Test("a changed file keeps the position while its block exists, else opens at the top")
    func changedWithoutAnchor() {
        #expect(saved(block: 4).restorable(signature: changed, blockCount: 5) == ReadingPosition(block: 4, offset: 17))
        #expect(saved(block: 4).restorable(signature: changed, blockCount: 4) == nil)
        #expect(saved(block: 0).restorable(signature: changed, blockCount: 0) == nil)
    }

    @Test("with an anchor, the block is found where it moved, or the position is dropped")
    func changedWithAnchor() {
        let blocks = ["one", "two", "new paragraph", "three", "four", "three"].map(BlockFingerprint.of)
        let position = saved(block: 2, anchor: BlockFingerprint.of("three"))
        // "three" was block 2; a paragraph was inserted before it: the nearest "three" is block 3.
        #expect(position.restorable(signature: changed, blockCount: blocks.count) { blocks[$0] } == ReadingPosition(block: 3, offset: 17))
        let gone = saved(block: 2, anchor: BlockFingerprint.of("deleted"))
        #expect(gone.restorable(signature: changed, blockCount: blocks.count) { blocks[$0] } == nil)
    }

    @Test("the same file parsed into another number of blocks counts as changed")
    func blockCountChanged() {
        let position = saved(block: 2, blockCount: 10, anchor: BlockFingerprint.of("x"))
        #expect(position.restorable(signature: signature, blockCount: 9) { _ in BlockFingerprint.of("y") } == nil)
    }

    @Test("signatures: a content hash is compared only when both sides have one")
    func signatures() {
        #expect(FileSignature(size: 1, modified: 2, contentHash: 3).matches(FileSignature(size: 1, modified: 2)))
        #expect(!FileSignature(size: 1, modified: 2, contentHash: 3).matches(FileSignature(size: 1, modified: 2, contentHash: 4)))
        #expect(!FileSignature(size: 1, modified: 2).matches(FileSignature(size: 1, modified: 3)))
        #expect(FileSignature.of(path: "/no/such/file") == nil)
        #expect((FileSignature.of(path: "/proc/self/exe")?.size ?? 0) > 0)
    }
}
