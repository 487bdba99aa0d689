import Catalog
import Foundation

/// A ``FileResolver`` over files held in memory, as the image walker would hand them over.
struct MemoryResolver: FileResolver {
    let files: [String: ResolvedFile]

    init(_ files: [ResolvedFile]) {
        self.files = Dictionary(files.map { ($0.path, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// Files with text content.
    init(_ texts: [String: String]) {
        self.init(texts.map { ResolvedFile(path: $0.key, content: Array($0.value.utf8)) })
    }

    func file(at path: String) -> ResolvedFile? { files[path] }

    func files(where predicate: (String) -> Bool) -> [ResolvedFile] {
        files.values.filter { predicate($0.path) }.sorted { $0.path < $1.path }
    }

    /// The files below `directories` of the real filesystem rooted at `root` that one of
    /// `selectors` selects by path (within its size limit), with paths made absolute inside `root`.
    static func loading(root: String, directories: [String], selectors: [FileSelector]) -> MemoryResolver {
        var found: [ResolvedFile] = []
        let rootURL = URL(fileURLWithPath: root).standardizedFileURL
        for directory in directories {
            let start = rootURL.appendingPathComponent(directory)
            guard let enumerator = FileManager.default.enumerator(at: start, includingPropertiesForKeys: [.isRegularFileKey])
            else { continue }
            for case let url as URL in enumerator {
                let path = "/" + url.standardizedFileURL.path.dropFirst(rootURL.path.count).drop { $0 == "/" }
                let limits = selectors.compactMap { selector -> Int? in
                    if case .path(let matches) = selector.match, matches(path) { selector.maxSize } else { nil }
                }
                guard let limit = limits.max(), (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                      let data = FileManager.default.contents(atPath: url.path), data.count <= limit
                else { continue }
                found.append(ResolvedFile(path: path, content: Array(data)))
            }
        }
        return MemoryResolver(found)
    }
}

/// Fixture files checked in next to the tests.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}

/// Runs a command and returns its standard output, or nil if it cannot run or fails.
func run(_ executable: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
}

extension CatalogResult {
    /// `name@version` of every package, sorted.
    var nameVersions: [String] { packages.map { "\($0.name)@\($0.version)" }.sorted() }

    /// The package called `name`.
    func package(_ name: String) -> CatalogPackage? { packages.first { $0.name == name } }
}
