import CZstd
import Foundation

/// The search index's compact copy of an article's text: zstd at level 1 (about 0.44 of the
/// text on the generated corpus; decompression several times faster than compression).
///
/// The copy is what snippets are cut from and what FTS5 needs to take a changed or deleted
/// article out of the index; see DECISIONS.md ("Search index").
///
/// A ``TextCompression`` holds zstd's working state, made once and used for many articles:
/// zstd's one-shot calls make and clear a fresh context each time, which for 3 KB articles
/// costs more than the compression itself. One instance serves one thread at a time.
final class TextCompression {
    /// zstd's fastest standard level: most of the size gain for a fraction of the time.
    static let level: Int32 = 1

    private var compressor: OpaquePointer?
    private var decompressor: OpaquePointer?

    init() {}

    deinit {
        ZSTD_freeCCtx(compressor)
        ZSTD_freeDCtx(decompressor)
    }

    /// The text's UTF-8, compressed.
    func compress(_ text: String) -> [UInt8] {
        compress(Array(text.utf8))
    }

    /// The bytes, compressed.
    func compress(_ utf8: [UInt8]) -> [UInt8] {
        if compressor == nil { compressor = ZSTD_createCCtx() }
        let bound = ZSTD_compressBound(utf8.count)
        return [UInt8](unsafeUninitializedCapacity: bound) { buffer, count in
            let written = utf8.withUnsafeBytes { input in
                ZSTD_compressCCtx(compressor, buffer.baseAddress, bound, input.baseAddress, input.count, Self.level)
            }
            count = ZSTD_isError(written) == 0 ? written : 0
        }
    }

    /// The text's UTF-8 back (empty for bytes that are not a zstd frame made by ``compress(_:)``).
    func decompress(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
        let size = ZSTD_getFrameContentSize(base, bytes.count)
        // Unknown or error sizes (the two largest values) and absurd ones mean damage.
        guard size > 0, size < UInt64(Int32.max) else { return [] }
        if decompressor == nil { decompressor = ZSTD_createDCtx() }
        return [UInt8](unsafeUninitializedCapacity: Int(size)) { buffer, count in
            let got = ZSTD_decompressDCtx(decompressor, buffer.baseAddress, Int(size), base, bytes.count)
            count = ZSTD_isError(got) == 0 ? got : 0
        }
    }

    /// ``decompress(_:)`` as a string.
    func decompressString(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: decompress(bytes), as: UTF8.self)
    }
}
