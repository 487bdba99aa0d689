/// RFC 3339 times as OSV writes them (`2021-07-16T01:31:33.917972Z`, `2023-04-02T13:40:32Z`,
/// offsets allowed). Checked by shape so that they compare correctly as text once
/// normalised to UTC by their writers (osv.dev always writes `Z`).
enum OSVTimestamp {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return false }
        let digit = { (index: Int) in bytes[index] >= 0x30 && bytes[index] <= 0x39 }
        let datePositions = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        guard datePositions.allSatisfy(digit), bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return false }
        var index = 19
        if bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, digit(index) { index += 1 }
        }
        guard index < bytes.count else { return false }
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") { return index == bytes.count - 1 }
        return bytes.count - index == 6 && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
    }
}
