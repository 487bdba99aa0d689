import Foundation

/// The SPDXIDs of a document's files, as raw bytes in one buffer with an
/// open-addressing index, so the hundreds of thousands of lookups while
/// filtering relationships allocate nothing and hash no `String`s.
struct FileIDSet: Sendable {
    private var storage: [UInt8] = []
    /// Per slot: 0 when empty, else 1 + the index in `entries`.
    private var slots: [Int32] = Array(repeating: 0, count: 1024)
    private var entries: [(hash: UInt64, start: Int, count: Int)] = []

    /// The number of IDs.
    var count: Int { entries.count }
    /// Whether there are no IDs.
    var isEmpty: Bool { entries.isEmpty }

    /// Adds `id` (raw string content) unless it is already there.
    mutating func insert(_ id: UnsafeBufferPointer<UInt8>) {
        let hash = Self.hash(id)
        if find(id, hash: hash) != nil { return }
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append((hash, storage.count, id.count))
        storage.append(contentsOf: id)
        place(Int32(entries.count), hash: hash)
    }

    /// Whether `id` (raw string content) is in the set.
    func contains(_ id: UnsafeBufferPointer<UInt8>) -> Bool { find(id, hash: Self.hash(id)) != nil }

    private func find(_ id: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.hash == hash && entry.count == id.count {
                let same = storage.withUnsafeBufferPointer { all in
                    id.count == 0 || memcmp(all.baseAddress! + entry.start, id.baseAddress!, id.count) == 0
                }
                if same { return Int(slots[slot]) - 1 }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private mutating func place(_ value: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = value
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        for (index, entry) in entries.enumerated() { place(Int32(index + 1), hash: entry.hash) }
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
