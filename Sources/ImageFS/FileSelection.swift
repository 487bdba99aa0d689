import Catalog

/// The selectors of everyone reading one walk (each cataloger, plus the distro
/// files), and which of them want a given file. A consumer takes a file through the
/// first of its selectors that matches it.
struct FileSelection: Sendable {
    /// One selector that matched, for consumer `consumer`.
    struct Match: Sendable {
        var consumer: Int
        var selector: FileSelector
    }

    /// What the walk kept of one file: content per consumer, and problems met.
    struct Capture: Sendable {
        var contents: [Int: [UInt8]] = [:]
        var problems: [String] = []
    }

    let consumers: [[FileSelector]]
    /// The longest magic any selector tests (bytes to peek at).
    let magicLength: Int
    /// The consumer given every regular file's ``FileDigest`` (encoded), if any.
    let digestConsumer: Int?
    /// The most bytes of one file read, whatever the selectors allow (``WalkOptions/maxFileSize``).
    let maxFileSize: Int

    /// The selection of `consumers`; with `digests`, one more consumer (index
    /// `consumers.count`) receives every regular file's size and digests.
    init(_ consumers: [[FileSelector]], digests: Bool = false, maxFileSize: Int = WalkOptions.defaultMaxFileSize) {
        self.consumers = consumers
        self.maxFileSize = maxFileSize
        digestConsumer = digests ? consumers.count : nil
        magicLength = consumers.joined().reduce(0) { longest, selector in
            if case .magic(let magic) = selector.match { return max(longest, magic.count) }
            return longest
        }
    }

    /// The consumers that select `path` by path.
    func pathMatches(_ path: String) -> [Match] {
        var matches: [Match] = []
        for (consumer, selectors) in consumers.enumerated() {
            for selector in selectors {
                if case .path(let predicate) = selector.match, predicate(path) {
                    matches.append(Match(consumer: consumer, selector: selector))
                    break
                }
            }
        }
        return matches
    }

    /// Whether a consumer not among `matches` tests file magic, so the first bytes are needed.
    func needsHead(besides matches: [Match]) -> Bool {
        guard magicLength > 0 else { return false }
        return consumers.indices.contains { consumer in
            !matches.contains { $0.consumer == consumer } && hasMagic(consumer)
        }
    }

    /// The consumers not among `matches` whose magic `head` starts with.
    func magicMatches(_ head: ArraySlice<UInt8>, besides matches: [Match]) -> [Match] {
        var found: [Match] = []
        for (consumer, selectors) in consumers.enumerated() where !matches.contains(where: { $0.consumer == consumer }) {
            for selector in selectors {
                if case .magic(let magic) = selector.match, head.starts(with: magic) {
                    found.append(Match(consumer: consumer, selector: selector))
                    break
                }
            }
        }
        return found
    }

    /// The largest content any of `matches` takes, within ``maxFileSize``.
    func readLimit(_ matches: [Match]) -> Int {
        matches.map(limit).max() ?? 0
    }

    /// The largest content `match` takes.
    private func limit(_ match: Match) -> Int {
        min(match.selector.maxSize, maxFileSize)
    }

    /// Hands `content` (of a file of `size` bytes) to each match: too large for its
    /// selector → a problem; else its `reduce` (if any) applied now. `digest`, when
    /// the file was hashed, goes to the digest consumer.
    func capture(path: String, size: Int64, content: [UInt8]?, matches: [Match], digest: FileDigest?) -> Capture {
        var capture = Capture()
        if let digestConsumer, let digest { capture.contents[digestConsumer] = digest.encoded }
        var refusedLimit: Int?
        for match in matches {
            guard let content, size <= Int64(limit(match)) else {
                refusedLimit = max(refusedLimit ?? 0, limit(match))
                continue
            }
            guard let reduce = match.selector.reduce else {
                capture.contents[match.consumer] = content
                continue
            }
            do {
                if let reduced = try reduce(path, content) { capture.contents[match.consumer] = reduced }
            } catch {
                capture.problems.append("could not be reduced: \(error)")
            }
        }
        if let refusedLimit {
            let which = refusedLimit == maxFileSize ? "limit on one selected file read into memory" : "limit for selected files"
            capture.problems.append("skipped: \(size) bytes exceeds the \(refusedLimit)-byte \(which)")
        }
        return capture
    }

    private func hasMagic(_ consumer: Int) -> Bool {
        consumers[consumer].contains { if case .magic = $0.match { true } else { false } }
    }
}
