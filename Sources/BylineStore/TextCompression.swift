import CZstd
import Foundation

/// The search index's compact copy of an article's text: zstd at level 1 (about 0.44 of the
/// text on the generated corpus, at about 80 MB/s here; decompression several times faster).
///
/// The copy is what FTS5 reads for snippets and what it needs to take a changed or deleted
/// article out of the index; see DECISIONS.md ("Search index").
enum TextCompression {
    /// zstd's fastest standard level: most of the size gain for a fraction of the time.
    static let level: Int32 = 1

    /// The text's UTF-8, compressed.
    static func compress(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        let bound = ZSTD_compressBound(utf8.count)
        var output = [UInt8](repeating: 0, count: bound)
        let written = output.withUnsafeMutableBytes { out in
            utf8.withUnsafeBytes { input in
                ZSTD_compress(out.baseAddress, bound, input.baseAddress, input.count, level)
            }
        }
        guard ZSTD_isError(written) == 0 else { return [] }
        output.removeSubrange(written...)
        return output
    }

    /// The text back, or "" for bytes that are not a zstd frame made by ``compress(_:)``.
    static func decompress(_ bytes: UnsafeRawBufferPointer) -> String {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        let size = ZSTD_getFrameContentSize(base, bytes.count)
        // Unknown or error sizes (the two largest values) and absurd ones mean damage.
        guard size > 0, size < UInt64(Int32.max) else { return "" }
        return String(unsafeUninitializedCapacity: Int(size)) { buffer in
            let got = ZSTD_decompress(buffer.baseAddress, Int(size), base, bytes.count)
            return ZSTD_isError(got) == 0 ? got : 0
        }
    }

    /// ``decompress(_:)`` of an array.
    static func decompress(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { decompress($0) }
    }
}
