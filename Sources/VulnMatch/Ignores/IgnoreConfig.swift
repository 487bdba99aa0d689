import Foundation
import YAMLInput
import Yams

/// A Grype configuration file (`.grype.yaml`) or Hallmark's `.hallmark.yaml` of the
/// same schema, as far as scanning needs it: the `ignore:` rules (with their lines
/// and comments) and `fail-on-severity`. Other keys are left alone, so existing
/// files work unchanged.
public struct IgnoreConfig: Sendable, Equatable {
    /// The largest configuration file read.
    public static let maxFileSize = 1 << 20
    /// The file names looked for in the working directory, in order.
    public static let defaultFileNames = [".grype.yaml", ".grype.yml", ".hallmark.yaml", ".hallmark.yml"]

    /// The file it was read from.
    public var path: String
    public var rules: [IgnoreRule]
    /// Grype's `fail-on-severity`, if set.
    public var failOnSeverity: Severity?

    public init(path: String, rules: [IgnoreRule], failOnSeverity: Severity? = nil) {
        self.path = path
        self.rules = rules
        self.failOnSeverity = failOnSeverity
    }

    /// Reads the file at `path`.
    public static func load(path: String) throws(IgnoreConfigError) -> IgnoreConfig {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = attributes?[.size] as? Int, size > maxFileSize {
            throw IgnoreConfigError(path: path, line: nil, message: "\(size) bytes is over the \(maxFileSize)-byte limit for a configuration file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IgnoreConfigError(path: path, line: nil, message: "cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw IgnoreConfigError(path: path, line: nil, message: "is not UTF-8 text")
        }
        return try parse(text, path: path)
    }

    /// Parses `text`, naming `path` in errors.
    public static func parse(_ text: String, path: String) throws(IgnoreConfigError) -> IgnoreConfig {
        let root: Node?
        do {
            root = try YAMLDocument.compose(text)
        } catch {
            throw IgnoreConfigError(path: path, line: error.line, message: error.message)
        }
        guard let root else { return IgnoreConfig(path: path, rules: []) }
        guard let top = root.mapping else {
            throw IgnoreConfigError(path: path, line: root.mark?.line, message: "the top level must be a mapping (keys such as ignore:)")
        }
        var config = IgnoreConfig(path: path, rules: [])
        if let severity = top["fail-on-severity"], severity.null == nil {
            // A gate that does not parse must not turn itself off.
            guard let name = severity.string, let threshold = Severity(threshold: name) else {
                throw IgnoreConfigError(path: path, line: severity.mark?.line,
                                        message: "fail-on-severity: '\(severity.string ?? "")' is not one of \(Severity.thresholdNames)")
            }
            config.failOnSeverity = threshold
        }
        guard let ignore = top["ignore"] else { return config }
        guard let entries = ignore.sequence else {
            if ignore.null != nil { return config }
            throw IgnoreConfigError(path: path, line: ignore.mark?.line, message: "ignore: must be a list of rules")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let starts = entries.compactMap { $0.mark?.line }
        for (index, entry) in entries.enumerated() {
            let next = index + 1 < starts.count ? starts[index + 1] : nil
            config.rules.append(try IgnoreRuleReader(path: path, lines: lines).rule(entry, nextEntryLine: next))
        }
        return config
    }

    /// The first of ``defaultFileNames`` in `directory`, if any.
    public static func defaultPath(in directory: String) -> String? {
        defaultFileNames.map { "\(directory)/\($0)" }.first { FileManager.default.fileExists(atPath: $0) }
    }
}

/// A configuration file that cannot be used, with where and why.
public struct IgnoreConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
