import Catalog
import Foundation
import Testing

/// A resolver that selects and reduces files as the image walker does: each file goes
/// to the first selector that matches it by path or magic, is skipped past `maxSize`,
/// and is replaced by what the selector's `reduce` returns (dropped on nil).
struct SelectedFiles: FileResolver {
    private(set) var selected: [String: ResolvedFile] = [:]

    init(_ catalogers: [any Cataloger], files: [(path: String, content: [UInt8])]) throws {
        let selectors = catalogers.flatMap(\.selectors)
        for (path, content) in files {
            guard let selector = selectors.first(where: { Self.matches($0, path: path, content: content) }),
                  content.count <= selector.maxSize else { continue }
            if let reduce = selector.reduce {
                if let reduced = try reduce(path, content) { selected[path] = ResolvedFile(path: path, content: reduced) }
            } else {
                selected[path] = ResolvedFile(path: path, content: content)
            }
        }
    }

    private static func matches(_ selector: FileSelector, path: String, content: [UInt8]) -> Bool {
        switch selector.match {
        case .path(let predicate): predicate(path)
        case .magic(let magic): content.starts(with: magic)
        }
    }

    func file(at path: String) -> ResolvedFile? { selected[path] }

    func files(where predicate: (String) -> Bool) -> [ResolvedFile] {
        selected.values.filter { predicate($0.path) }.sorted { $0.path < $1.path }
    }
}

/// Runs `cataloger` over `files` the way an image source would.
func catalog(_ cataloger: any Cataloger, _ files: [(path: String, content: [UInt8])], context: CatalogContext = CatalogContext()) throws -> CatalogResult {
    cataloger.catalog(try SelectedFiles([cataloger], files: files), context: context)
}

/// A tool a test needs is missing: the failure says which Debian package provides it.
struct MissingTool: Error, CustomStringConvertible {
    let tool: String
    let package: String
    var description: String { "'\(tool)' is not installed; install it with: apt-get install -y \(package)" }
}

/// A command that exited unsuccessfully.
struct CommandFailed: Error, CustomStringConvertible {
    let command: [String]
    let status: Int32
    let output: String
    var description: String { "\(command.joined(separator: " ")) exited with \(status): \(output.suffix(2000))" }
}

enum Shell {
    /// The absolute path of `tool` on PATH, or a ``MissingTool`` naming the package.
    static func require(_ tool: String, package: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw MissingTool(tool: tool, package: package)
    }

    /// Runs `arguments` (the first found on PATH) in `directory`; its standard output, or `CommandFailed`.
    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:], package: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try require(arguments[0], package: package))
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errorFile = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: errorFile.path])
        }
        defer { try? FileManager.default.removeItem(at: errorFile) }
        let errors = try FileHandle(forWritingTo: errorFile)
        defer { try? errors.close() }
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let errorText = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
            throw CommandFailed(command: arguments, status: process.terminationStatus, output: text + errorText)
        }
        return text
    }
}

/// A fresh temporary directory, removed by `cleanUp`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hallmark-binary-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes `text` at `relative`, creating directories.
    func write(_ text: String, to relative: String) throws {
        let file = path(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func bytes(_ relative: String) throws -> [UInt8] { Array(try Data(contentsOf: path(relative))) }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}
