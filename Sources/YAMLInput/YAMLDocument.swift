import Yams

/// Composes YAML that others wrote (workflows, `.grype.yaml`) into Yams nodes, after
/// ``AliasBudget`` has measured the document without expanding it: a document whose
/// aliases would expand past ``AliasBudget/maxExpandedNodes`` nodes, or that nests
/// deeper than ``AliasBudget/maxDepth``, is refused before Yams builds (and hashes)
/// anything, so a few hundred bytes cannot cost minutes or gigabytes.
public enum YAMLDocument {
    /// The root node of `text`, or `nil` for an empty document. `resolver` is Yams'
    /// tag resolver (`.basic` reads every scalar as a string).
    public static func compose(_ text: String, resolver: Resolver = .default) throws(YAMLInputError) -> Node? {
        try AliasBudget.check(text)
        do {
            return try Yams.compose(yaml: text, resolver, .default, .utf8)
        } catch let error as YamlError {
            throw YAMLInputError(line: error.line, message: "invalid YAML: \(error)")
        } catch {
            throw YAMLInputError(line: nil, message: "invalid YAML: \(error)")
        }
    }
}

extension YamlError {
    /// The 1-based line the error points at, when it has one.
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        default: nil
        }
    }
}
