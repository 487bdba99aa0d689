/// Reads the file ownership lists dpkg keeps per package, `var/lib/dpkg/info/<package>.list`
/// (or `<package>:<arch>.list` for Multi-Arch: same packages): one absolute path per line.
enum DpkgFileListParser {
    static let directory = "/var/lib/dpkg/info/"
    /// Lists larger than this are skipped (the largest real ones are a few MiB).
    static let maxSize = 16 << 20

    static func matches(_ path: String) -> Bool {
        guard path.hasPrefix(directory), path.hasSuffix(".list") else { return false }
        let name = path.dropFirst(directory.count).dropLast(".list".count)
        return !name.isEmpty && !name.contains("/")
    }

    /// The list of `package` (architecture-qualified first, as dpkg names it for
    /// Multi-Arch: same packages), if there is one.
    static func file(for package: String, architecture: String?, in files: any FileResolver) -> ResolvedFile? {
        if let architecture, let qualified = files.file(at: directory + package + ":" + architecture + ".list") {
            return qualified
        }
        return files.file(at: directory + package + ".list")
    }

    /// The absolute paths of `file`, sorted, without `/.` and duplicates; lines that are not
    /// absolute paths are left out.
    static func paths(in file: ResolvedFile) -> [String] {
        var paths = Set<String>()
        for line in file.content.split(separator: UInt8(ascii: "\n")) {
            let path = String(decoding: line, as: UTF8.self)
            guard path.hasPrefix("/"), path != "/.", !path.contains("\0") else { continue }
            paths.insert(path)
        }
        return paths.sorted()
    }
}
