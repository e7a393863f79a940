import Foundation
import TutorCore
import Yams

/// Reads typed fields from a composed YAML node, recording a `file:line` diagnostic for every
/// missing or mistyped field instead of throwing, so one pass reports all problems.
struct YAMLFields {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    /// Composes YAML text into a node (with line marks), or records why it is not YAML.
    mutating func compose(_ text: String) -> Node? {
        if text.utf8.count > ContentLimits.fileBytes {
            error(1, "file too large (more than \(ContentLimits.fileBytes) bytes)"); return nil
        }
        do {
            return try YAMLGuard.compose(ContentText.normalized(text))
        } catch let v as YAMLGuard.Violation {
            error(v.line, v.message)
        } catch let e as YamlError {
            error(LessonParser.yamlErrorLine(e) ?? 1, "bad YAML: \(LessonParser.yamlErrorSummary(e))")
        } catch {
            self.error(1, "bad YAML: \(error)")
        }
        return nil
    }

    mutating func error(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message))
    }

    /// Advice: the content still loads.
    mutating func warning(_ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message, severity: .warning))
    }

    var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    func line(_ node: Node?) -> Int { node?.mark?.line ?? 1 }

    mutating func node(_ parent: Node, _ key: String, context: String) -> Node? {
        guard let n = parent.field(key) else { error(line(parent), "\(context): missing '\(key)'"); return nil }
        return n
    }

    mutating func string(_ parent: Node, _ key: String, context: String, required: Bool = true) -> String? {
        guard let n = parent.field(key) else {
            if required { error(line(parent), "\(context): missing '\(key)'") }
            return nil
        }
        guard let s = n.scalar?.string, !ContentText.isBlank(s) else {
            error(line(n), "\(context): '\(key)' must be a non-empty string"); return nil
        }
        return Sanitize.text(s)
    }

    mutating func int(_ parent: Node, _ key: String, context: String) -> Int? {
        guard let n = node(parent, key, context: context) else { return nil }
        guard let v = n.int else { error(line(n), "\(context): '\(key)' must be an integer"); return nil }
        return v
    }

    /// `{ko: "...", en: "..."}`: both languages required.
    mutating func localized(_ parent: Node, _ key: String, context: String, required: Bool = true) -> Localized? {
        guard let n = parent.field(key) else {
            if required { error(line(parent), "\(context): missing '\(key)'") }
            return nil
        }
        return localized(n, name: key, context: context)
    }

    mutating func localized(_ n: Node, name: String, context: String) -> Localized? {
        guard n.mapping != nil else { error(line(n), "\(context): '\(name)' must be {ko: ..., en: ...}"); return nil }
        let ko = string(n, "ko", context: "\(context) \(name)")
        let en = string(n, "en", context: "\(context) \(name)")
        guard let ko, let en else { return nil }
        return Localized(ko: ko, en: en)
    }

    /// `{ko: [..], en: [..]}`.
    mutating func localizedList(_ parent: Node, _ key: String, context: String) -> LocalizedList? {
        guard let n = node(parent, key, context: context) else { return nil }
        func list(_ lang: String) -> [String]? {
            guard let seq = n.field(lang)?.sequence else {
                error(line(n), "\(context): '\(key).\(lang)' must be a list of strings"); return nil
            }
            let items = seq.compactMap { $0.scalar?.string }.map { Sanitize.text($0) }
            if items.count != seq.count || items.contains(where: \.isEmpty) {
                error(line(n), "\(context): '\(key).\(lang)' must hold only non-empty strings"); return nil
            }
            return items
        }
        guard let ko = list("ko"), let en = list("en") else { return nil }
        return LocalizedList(ko: ko, en: en)
    }
}
