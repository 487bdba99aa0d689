import VersionSchemes
import VulnDB

/// Whether a version falls in an OSV `affected[]` entry: its explicit `versions`, or
/// any of its `ECOSYSTEM`/`SEMVER` ranges, events evaluated in version order (not
/// file order); `introduced: 0` is the lowest version. `GIT` ranges need commits and
/// are not evaluated against package versions.
enum RangeEvaluation {
    /// The outcome for one affected entry.
    struct Outcome {
        var affected: Bool
        /// The `fixed` versions above the package's version, in the ranges that affect it.
        var fixedVersions: [String]
        /// Whether any range could be evaluated (else only `versions` was consulted).
        var evaluated: Bool
    }

    static func evaluate(_ entry: OSVAffected, version: String, scheme: VersionScheme?) -> Outcome {
        var outcome = Outcome(affected: entry.versions.contains(version), fixedVersions: [], evaluated: false)
        for range in entry.ranges where range.type != .git {
            let rangeScheme: VersionScheme? = range.type == .semver ? (scheme == .golang ? .golang : .semver) : scheme
            guard let rangeScheme else { continue }
            let comparable = range.type == .semver && rangeScheme == .golang ? "v" + version.trimmingPrefix("v") : version
            guard let current = try? ParsedVersion(comparable, scheme: rangeScheme),
                  let sorted = try? sort(range.events, scheme: rangeScheme)
            else { continue }
            outcome.evaluated = true
            var inRange = false
            var fixes: [String] = []
            var limited = false
            for (event, eventVersion) in sorted {
                let order = eventVersion.map { current.compare(to: $0) } ?? 1
                switch event {
                case .introduced: if order >= 0 { inRange = true }
                case .fixed:
                    if order >= 0 { inRange = false } else if inRange { fixes.append(event.version) }
                case .lastAffected: if order > 0 { inRange = false }
                case .limit: if order >= 0 { limited = true }
                }
            }
            if inRange && !limited {
                outcome.affected = true
                outcome.fixedVersions += fixes.prefix(1)
            }
        }
        return outcome
    }

    /// An event's version in the scheme; nil for the "lowest version" markers (`0`, `0.0.0-0`).
    static func normalized(_ version: String, scheme: VersionScheme) -> String? {
        if version == "0" || version == "0.0.0-0" || version == "v0.0.0-0" { return nil }
        if scheme == .golang, !version.hasPrefix("v") { return "v" + version }
        return version
    }

    /// Events with their parsed versions, ordered by version (the lowest marker first, ties
    /// in file order); throws when an event version is not valid in the scheme.
    static func sort(_ events: [OSVEvent], scheme: VersionScheme) throws -> [(OSVEvent, ParsedVersion?)] {
        let parsed = try events.map { event in
            (event, try normalized(event.version, scheme: scheme).map { try ParsedVersion($0, scheme: scheme) })
        }
        return parsed.enumerated().sorted { left, right in
            switch (left.element.1, right.element.1) {
            case (nil, nil): return left.offset < right.offset
            case (nil, _): return true
            case (_, nil): return false
            case (let a?, let b?):
                let order = a.compare(to: b)
                return order == 0 ? left.offset < right.offset : order < 0
            }
        }.map(\.element)
    }
}

extension String {
    /// Without `prefix` at the start, if there.
    func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
