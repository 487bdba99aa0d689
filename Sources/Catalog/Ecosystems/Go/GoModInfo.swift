/// The module info text of a Go binary (`runtime/debug.BuildInfo` in text form): one
/// tab-separated line per item, `path <main package path>`, `mod <path> <version> <sum>`,
/// `dep <path> <version> <sum>`, `=> <path> <version> <sum>` (a replacement of the line
/// before) and `build <key>=<value>`.
struct GoModInfo: Sendable {
    /// A module as the build used it.
    struct Module: Sendable {
        var path: String
        var version: String
        var sum: String?
        /// The `=>` replacement, as (path, version); a local directory replacement has no version.
        var replacement: (path: String, version: String?)?
    }

    /// The main package's import path.
    var path: String?
    /// The main module.
    var main: Module?
    /// The dependency modules, in the binary's order.
    var dependencies: [Module] = []
    /// The `build` settings (`-compiler`, `GOOS`, `vcs.revision`, ...), in order.
    var settings: [(key: String, value: String)] = []

    /// Parses the text; lines it does not understand are collected in `problems`.
    init(parsing text: String, problems: inout [String]) {
        for (number, line) in text.split(whereSeparator: \.isNewline).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "path" where fields.count >= 2:
                path = fields[1]
            case "mod" where fields.count >= 3:
                main = Module(path: fields[1], version: fields[2], sum: fields.count > 3 ? fields[3] : nil)
            case "dep" where fields.count >= 3:
                dependencies.append(Module(path: fields[1], version: fields[2], sum: fields.count > 3 ? fields[3] : nil))
            case "=>" where fields.count >= 2:
                let replacement = (path: fields[1], version: fields.count > 2 && !fields[2].isEmpty ? Optional(fields[2]) : nil)
                if dependencies.isEmpty { main?.replacement = replacement } else { dependencies[dependencies.count - 1].replacement = replacement }
            case "build" where fields.count >= 2:
                let setting = fields[1...].joined(separator: "\t")
                let parts = setting.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                settings.append((String(parts[0]), parts.count > 1 ? String(parts[1]) : ""))
            default:
                problems.append("module info line \(number + 1) not understood: '\(line.prefix(80))'")
            }
        }
    }
}
