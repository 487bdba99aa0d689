/// The little DER (ASN.1 distinguished encoding) that keys need: reading tag-length-value
/// elements with every length checked against the bytes there are, and writing them.
struct DERElement {
    static let integer: UInt8 = 0x02
    static let bitString: UInt8 = 0x03
    static let octetString: UInt8 = 0x04
    static let null: UInt8 = 0x05
    static let objectIdentifier: UInt8 = 0x06
    static let sequence: UInt8 = 0x30

    let tag: UInt8
    let content: ArraySlice<UInt8>

    /// The one element that is all of `bytes`.
    static func parse(_ bytes: ArraySlice<UInt8>, what: String) throws(KeyError) -> DERElement {
        let (element, rest) = try next(bytes, what: what)
        guard rest.isEmpty else { throw .malformed("\(what): trailing bytes after the DER element") }
        return element
    }

    /// The first element of `bytes` and what follows it.
    static func next(_ bytes: ArraySlice<UInt8>, what: String) throws(KeyError) -> (DERElement, ArraySlice<UInt8>) {
        var index = bytes.startIndex
        guard bytes.count >= 2 else { throw .malformed("\(what): truncated DER") }
        let tag = bytes[index]
        index += 1
        var length = Int(bytes[index])
        index += 1
        if length & 0x80 != 0 {
            let count = length & 0x7f
            guard (1...4).contains(count), bytes.endIndex - index >= count else { throw .malformed("\(what): bad DER length") }
            length = 0
            for _ in 0..<count {
                length = length << 8 | Int(bytes[index])
                index += 1
            }
        }
        guard length <= bytes.endIndex - index else { throw .malformed("\(what): DER length runs past the end") }
        return (DERElement(tag: tag, content: bytes[index..<(index + length)]), bytes[(index + length)...])
    }

    /// The elements of a constructed element (a SEQUENCE), requiring tag `tag`.
    func children(_ tag: UInt8 = DERElement.sequence, what: String) throws(KeyError) -> [DERElement] {
        guard self.tag == tag else { throw .malformed("\(what): expected DER tag \(tag), found \(self.tag)") }
        var rest = content
        var elements: [DERElement] = []
        while !rest.isEmpty {
            let (element, after) = try DERElement.next(rest, what: what)
            elements.append(element)
            rest = after
        }
        return elements
    }

    /// The content, requiring tag `tag`.
    func content(_ tag: UInt8, what: String) throws(KeyError) -> ArraySlice<UInt8> {
        guard self.tag == tag else { throw .malformed("\(what): expected DER tag \(tag), found \(self.tag)") }
        return content
    }

    /// A non-negative INTEGER that fits an Int.
    func integer(what: String) throws(KeyError) -> Int {
        let bytes = try content(DERElement.integer, what: what)
        guard !bytes.isEmpty, bytes.count <= 8, bytes[bytes.startIndex] & 0x80 == 0 else { throw .malformed("\(what): bad INTEGER") }
        return bytes.reduce(0) { $0 << 8 | Int($1) }
    }

    /// `tag`, the length and `content`, encoded.
    static func encode(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8]
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var value = content.count
            var bytes: [UInt8] = []
            while value > 0 {
                bytes.insert(UInt8(value & 0xff), at: 0)
                value >>= 8
            }
            length = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + length + content
    }

    /// A non-negative INTEGER.
    static func encodeInteger(_ value: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var rest = value
        repeat {
            bytes.insert(UInt8(rest & 0xff), at: 0)
            rest >>= 8
        } while rest > 0
        if bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return encode(integer, bytes)
    }
}
