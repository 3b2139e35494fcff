import OversightDomain

extension Edit {
    /// The edit's change against these records, its refusal said as every backend says it
    /// (`StoreError.invalidEdit`, naming the field when there is one).
    public func checkedChange(against dataset: Dataset) throws(StoreError) -> Change {
        do {
            return try change(against: dataset)
        } catch {
            throw .invalidEdit(field: error.field, message: error.message)
        }
    }
}
