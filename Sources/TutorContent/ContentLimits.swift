import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The limits every content file is held to (docs/CONTENT.md, "Limits"), defined once. Content is
/// untrusted: without them a few hundred bytes of YAML aliases expand to gigabytes, and deep
/// nesting overflows the stack of the recursive YAML composer and Markdown converters.
public enum ContentLimits {
    /// Bytes in one lesson, quiz or glossary file (the largest shipped file is about 52 KB).
    public static let fileBytes = 1 << 20
    /// Bytes in a notes file for `nettutor import` (Notion exports of a whole course).
    public static let notesBytes = 8 << 20
    /// Nested `[`/`{` flow collections in YAML.
    public static let yamlDepth = 32
    /// Columns of block indentation in YAML (spaces plus `- `, `? `, `: ` markers): every block
    /// level takes at least one column, so this bounds block nesting. Block scalars (`|`, `>`)
    /// may be indented further.
    public static let yamlIndent = 64
    /// YAML nodes after aliases are expanded (the largest shipped file has a few thousand).
    public static let yamlNodes = 100_000
    /// Nested Markdown containers and inlines (quotes, lists, emphasis, links).
    public static let markdownDepth = 32
    /// Cells of one Markdown table (the largest shipped table has under 100).
    public static let markdownTableCells = 20_000
}

/// Text as the parsers want it: a UTF-8 byte order mark dropped and CRLF line endings made LF,
/// so files saved on Windows load like any other.
public enum ContentText {
    public static func normalized(_ text: String) -> String {
        // Byte checks first: scanning `unicodeScalars` of every file was a hot spot of `check`.
        let hasBOM = text.utf8.starts(with: [0xEF, 0xBB, 0xBF])
        guard hasBOM || containsByte(text, 0x0D) else { return text }
        var s = Substring(text)
        if hasBOM { s = Substring(s.unicodeScalars.dropFirst()) }
        // "\r\n" is one Character in Swift, so search the scalars.
        guard s.unicodeScalars.contains("\r") else { return String(s) }
        return s.replacingOccurrences(of: "\r\n", with: "\n")
    }

    /// Whether the UTF-8 of `text` holds `byte` (memchr over the contiguous storage).
    static func containsByte(_ text: String, _ byte: UInt8) -> Bool {
        var text = text
        return text.withUTF8 { buf in buf.count > 0 && memchr(buf.baseAddress!, Int32(byte), buf.count) != nil }
    }

    /// `text.trimmingCharacters(in: .whitespaces).isEmpty` (tab and Unicode Zs) without
    /// Foundation's bridging, which was a tenth of `check`.
    public static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || ($0.value >= 0x80 && $0.properties.generalCategory == .spaceSeparator) }
    }

    public enum ReadError: Error, Equatable { case unreadable, tooLarge(limit: Int), notUTF8, notRegular }

    /// Reads at most `limit` bytes (so a huge file, or a device like /dev/zero, is refused
    /// without being read whole) and normalizes the text. Only a regular file is read: the open
    /// does not block (a FIFO in a content folder would wait for a writer forever) and fstat
    /// checks what it is. `pipes`: a pipe is read too (`import <(…)`, `/dev/stdin`).
    public static func read(path: String, limit: Int, pipes: Bool = false) -> Result<String, ReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (pipes ? 0 : O_NONBLOCK))
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(.unreadable) }
        let kind = st.st_mode & S_IFMT
        guard kind == S_IFREG || (pipes && (kind == S_IFIFO || kind == S_IFCHR)) else { return .failure(.notRegular) }
        // Plain read(2) into one buffer sized from fstat (plus one byte to see a file that grew):
        // FileHandle and Data cost more than the parse of a small file.
        var bytes = [UInt8](repeating: 0, count: min(limit + 1, kind == S_IFREG ? Int(st.st_size) + 1 : 65_536))
        var count = 0
        while count <= limit {
            if count == bytes.count { bytes.append(contentsOf: repeatElement(0, count: min(limit + 1, bytes.count * 2) - bytes.count)) }
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0 { if errno == EINTR { continue }; return .failure(.unreadable) }
            if n == 0 { break }
            count += n
        }
        if count > limit { return .failure(.tooLarge(limit: limit)) }
        guard let text = String(validating: bytes[..<count], as: UTF8.self) else { return .failure(.notUTF8) }
        return .success(normalized(text))
    }
}
