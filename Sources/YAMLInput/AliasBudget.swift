import CYaml

/// Measures a YAML stream from libyaml's events, without building nodes: how many
/// nodes it would have with every alias expanded, and how deep it nests.
///
/// Yams shares an aliased node instead of copying it, but whatever walks the nodes
/// (its own duplicate-key check hashes every mapping key; a model built from them)
/// pays for the expansion, which doubles with each level of a "billion laughs"
/// document. Counting here costs one pass over the events, whatever the aliases.
public enum AliasBudget {
    /// The most nodes a document may have once its aliases are expanded. Real
    /// workflows and ignore files have a few thousand.
    public static let maxExpandedNodes = 100_000
    /// The deepest nesting of sequences and mappings accepted (Yams composes recursively).
    public static let maxDepth = 256

    /// Throws when `text` exceeds ``maxExpandedNodes`` or ``maxDepth``; syntax errors are
    /// left for the composer to report.
    public static func check(_ text: String) throws(YAMLInputError) {
        var text = text
        try text.withUTF8 { bytes in Result { () throws(YAMLInputError) in try check(bytes) } }.get()
    }

    private static func check(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLInputError) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { throw YAMLInputError(line: nil, message: "out of memory reading YAML") }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
        var count = NodeCount()
        var event = yaml_event_t()
        while true {
            // A syntax error ends the measurement; the composer reports it with its context.
            guard yaml_parser_parse(&parser, &event) == 1 else { return }
            defer { yaml_event_delete(&event) }
            let line = Int(event.start_mark.line) + 1
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return
            case YAML_DOCUMENT_START_EVENT:
                count = NodeCount()
            case YAML_SCALAR_EVENT:
                try count.leaf(size: 1, anchor: name(event.data.scalar.anchor), line: line)
            case YAML_ALIAS_EVENT:
                // An undefined alias is the composer's error to report; it adds nothing here.
                try count.leaf(size: count.size(ofAnchor: name(event.data.alias.anchor)) ?? 1, anchor: nil, line: line)
            case YAML_SEQUENCE_START_EVENT:
                try count.open(anchor: name(event.data.sequence_start.anchor), line: line)
            case YAML_MAPPING_START_EVENT:
                try count.open(anchor: name(event.data.mapping_start.anchor), line: line)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                count.close()
            default:
                break
            }
        }
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}

/// The running count of one document: the expanded size of each open collection and
/// of each anchor, and of the whole document so far.
private struct NodeCount {
    private struct Open {
        var anchor: String?
        var size = 1
    }

    private var open: [Open] = []
    private var anchors: [String: Int] = [:]
    private var total = 0

    func size(ofAnchor anchor: String?) -> Int? {
        anchor.flatMap { anchors[$0] }
    }

    /// A sequence or mapping starts: one node, holding what follows until it closes.
    mutating func open(anchor: String?, line: Int) throws(YAMLInputError) {
        guard open.count < AliasBudget.maxDepth else {
            throw YAMLInputError(line: line, message: "nested deeper than \(AliasBudget.maxDepth) levels")
        }
        try count(1, line: line)
        open.append(Open(anchor: anchor))
    }

    mutating func close() {
        guard let closed = open.popLast() else { return }
        if let anchor = closed.anchor { anchors[anchor] = closed.size }
        if let parent = open.indices.last { open[parent].size += closed.size }
    }

    /// A scalar, or an alias standing for `size` nodes.
    mutating func leaf(size: Int, anchor: String?, line: Int) throws(YAMLInputError) {
        try count(size, line: line)
        if let anchor { anchors[anchor] = size }
        if let parent = open.indices.last { open[parent].size += size }
    }

    /// Adds `size` nodes to the document. Every size is at most the budget (the total
    /// is checked before any collection or anchor can grow past it), so no sum overflows.
    private mutating func count(_ size: Int, line: Int) throws(YAMLInputError) {
        total += size
        guard total <= AliasBudget.maxExpandedNodes else {
            throw YAMLInputError(line: line, message: "has more than \(AliasBudget.maxExpandedNodes) nodes once its aliases are expanded (a YAML alias bomb?): write the repeated parts out, or use fewer aliases")
        }
    }
}
