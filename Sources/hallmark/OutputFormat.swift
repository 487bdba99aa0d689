import ArgumentParser

/// `--format`: human text or the documented JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}
