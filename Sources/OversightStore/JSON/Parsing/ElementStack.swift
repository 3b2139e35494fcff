/// The elements of the arrays (or members of the objects) being read, innermost last. When a
/// container closes, its elements are moved out into an exactly-sized array: one allocation and no
/// reference counting, where copying a slice out of an `Array` and then removing it would retain
/// and release every element. The owner must call `release()` once it is done.
struct ElementStack<Element> {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = capacity
        storage = .allocate(capacity: capacity)
    }

    mutating func push(_ element: Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    subscript(position: Int) -> Element { storage[position] }

    /// Moves the elements from `start` to the top into a new array, leaving the stack at `start`.
    mutating func pop(from start: Int) -> [Element] {
        let moved = count - start
        let source = storage + start
        count = start
        return [Element](unsafeUninitializedCapacity: moved) { buffer, initialized in
            buffer.baseAddress?.moveInitialize(from: source, count: moved)
            initialized = moved
        }
    }

    /// Frees the storage and whatever is still on the stack (after an error, the open containers' elements).
    mutating func release() {
        storage.deinitialize(count: count)
        storage.deallocate()
        count = 0
        capacity = 0
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
