import YAMLInput
import Yams

/// Reads a workflow file into a ``Workflow``, keeping positions. The file size is
/// capped, and a document whose aliases would expand too far is refused before it is
/// composed (``YAMLDocument``).
public enum WorkflowParser {
    /// The largest workflow file read.
    public static let maxSize = 1 << 20

    /// Parses a workflow file's bytes, which must be UTF-8 as GitHub requires; an invalid
    /// sequence is an error naming its line.
    public static func parse(bytes: [UInt8], path: String) throws(WorkflowError) -> Workflow {
        guard bytes.count <= maxSize else { throw WorkflowError(path: path, line: nil, message: "over the \(maxSize)-byte limit for a workflow") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw WorkflowError(path: path, line: firstInvalidUTF8Line(bytes), message: "not UTF-8 text (GitHub reads workflows as UTF-8); re-save the file as UTF-8")
        }
        return try parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) throws(WorkflowError) -> Workflow {
        guard text.utf8.count <= maxSize else { throw WorkflowError(path: path, line: nil, message: "over the \(maxSize)-byte limit for a workflow") }
        let root: Node?
        do {
            // Every scalar is read as a string, so no implicit tag resolution (regexes per scalar) is needed.
            root = try YAMLDocument.compose(text, resolver: .basic)
        } catch {
            throw WorkflowError(path: path, line: error.line, message: error.message)
        }
        guard let mapping = root?.mapping else { throw WorkflowError(path: path, line: root?.mark?.line, message: "a workflow is a mapping with jobs:") }
        var workflow = Workflow(path: path, permissions: nil, jobs: [], lines: text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(Substring($0)) })
        if let (_, on) = entry(mapping, "on") {
            workflow.triggers = (on.scalar?.string).map { [$0] } ?? on.sequence?.compactMap(\.scalar?.string) ?? on.mapping?.keys.compactMap(\.scalar?.string) ?? []
        }
        if let (key, node) = entry(mapping, "permissions") { workflow.permissions = try permissions(node, at: position(key), path: path) }
        guard let jobs = field(mapping, "jobs")?.mapping else { return workflow }
        for (key, value) in jobs {
            guard let id = key.scalar?.string, let job = value.mapping else { continue }
            var steps: [Step] = []
            for step in field(job, "steps")?.sequence.map(Array.init) ?? [] {
                guard let fields = step.mapping else { continue }
                var inputs: [String: String] = [:]
                var inputPositions: [String: SourcePosition] = [:]
                for (inputKey, inputValue) in field(fields, "with")?.mapping.map(Array.init) ?? [] {
                    guard let name = inputKey.scalar?.string else { continue }
                    inputs[name] = inputValue.scalar?.string ?? ""
                    inputPositions[name] = position(inputKey)
                }
                let uses = field(fields, "uses")
                steps.append(Step(position: position(step), id: field(fields, "id")?.scalar?.string, name: field(fields, "name")?.scalar?.string,
                                  uses: uses?.scalar?.string, usesPosition: uses.map(position),
                                  run: field(fields, "run")?.scalar?.string, condition: field(fields, "if")?.scalar?.string,
                                  continueOnError: field(fields, "continue-on-error")?.scalar?.string, inputs: inputs, inputPositions: inputPositions))
            }
            let needs = field(job, "needs").map { node in (node.scalar?.string).map { [$0] } ?? (node.sequence.map(Array.init) ?? []).compactMap(\.scalar?.string) } ?? []
            var jobPermissions: Permissions?
            if let (key, node) = entry(job, "permissions") { jobPermissions = try permissions(node, at: position(key), path: path) }
            workflow.jobs.append(Job(id: id, position: position(key), permissions: jobPermissions,
                                     steps: steps, needs: needs, condition: field(job, "if")?.scalar?.string, uses: field(job, "uses")?.scalar?.string))
        }
        return workflow
    }

    /// The 1-based line of the first byte sequence that is not valid UTF-8.
    static func firstInvalidUTF8Line(_ bytes: [UInt8]) -> Int {
        var line = 1
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            if String(validating: bytes[start..<index], as: UTF8.self) == nil { return line }
            line += 1
            start = index + 1
        }
        return line
    }

    static func position(_ node: Node) -> SourcePosition {
        SourcePosition(line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// The value of `name` in `mapping`, matched by the key's text (Yams' own subscript
    /// compares resolved tags, which costs a regex match per key).
    static func field(_ mapping: Node.Mapping, _ name: String) -> Node? {
        entry(mapping, name)?.1
    }

    /// The key node and value of `name` in `mapping`.
    static func entry(_ mapping: Node.Mapping, _ name: String) -> (Node, Node)? {
        mapping.first { $0.key.scalar?.string == name }.map { ($0.key, $0.value) }
    }

    /// A permissions block; `at` is the position of its `permissions:` key.
    static func permissions(_ node: Node, at: SourcePosition, path: String) throws(WorkflowError) -> Permissions {
        if let text = node.scalar?.string {
            switch text {
            case "read-all": return Permissions(position: at, all: .read)
            case "write-all": return Permissions(position: at, all: .write)
            default: throw WorkflowError(path: path, line: at.line, message: "permissions: '\(text)' is not read-all or write-all")
            }
        }
        var scopes: [String: Permissions.Level] = [:]
        for (key, value) in node.mapping.map(Array.init) ?? [] {
            guard let scope = key.scalar?.string else { continue }
            switch value.scalar?.string {
            case "write": scopes[scope] = .write
            case "read": scopes[scope] = .read
            default: scopes[scope] = Permissions.Level.none
            }
        }
        return Permissions(position: at, scopes: scopes)
    }
}

/// A workflow file that cannot be analysed.
public struct WorkflowError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String { "\(path)\(line.map { ":\($0)" } ?? ""): \(message)" }
}
