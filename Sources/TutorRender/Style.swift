/// Semantic colours: screens say what a thing *is*; the terminal back end picks the colour for
/// the palette it has (256, 8 or none). Meaning must never rely on colour alone.
public enum Role: UInt8, CaseIterable, Sendable, Hashable {
    case normal, heading, emphasis, code, dim, accent, border, title, selection, keyHint
    case quote, warning, error, success
    case syn, ack, fin, data, loss, timer
}

public struct Style: Sendable, Hashable {
    public var role: Role
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false,
                reverse: Bool = false, dim: Bool = false) {
        self.role = role; self.bold = bold; self.underline = underline
        self.reverse = reverse; self.dim = dim
    }

    public static let plain = Style()
}

/// One terminal cell. A wide grapheme occupies its cell (width 2) and the next one (width 0,
/// a continuation that is never drawn on its own).
public struct Cell: Sendable, Hashable {
    public var grapheme: String
    public var width: UInt8
    public var style: Style

    public init(_ grapheme: String, width: UInt8 = 1, style: Style = .plain) {
        self.grapheme = grapheme; self.width = width; self.style = style
    }

    public static let blank = Cell(" ")
    public var isContinuation: Bool { width == 0 }
}

/// A span of text in one style: the unit wrapping and paragraphs work with.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .plain) { self.text = text; self.style = style }
    public var width: Int { TextWidth.width(of: text) }
}

/// A line of styled spans.
public typealias Line = [Span]

public extension Array where Element == Span {
    var width: Int { reduce(0) { $0 + $1.width } }
    var plainText: String { map(\.text).joined() }
}
