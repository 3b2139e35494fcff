import OversightDomain

/// Organisations straight from the parsed tree: a national team's register holds ten thousand.
extension Direct {
    static func organisation(_ value: JSONValue) throws(DirectRefusal) -> Organisation {
        var fields = try DirectFields(value)
        let code = try identifier(OrgCode.self, fields.required("code"))
        let name = try string(fields.required("name"))
        let odsName = try fields.optional("odsName").map(string)
        let kind = try raw(OrganisationKind.self, fields.required("kind"))
        let type = try fields.optional("type").map { (value) throws(DirectRefusal) in try raw(ProviderType.self, value) }
        let subtype = try fields.optional("subtype").map(string)
        let typeProvenance = try fields.optional("typeProvenance").map(provenance)
        let region = try identifier(RegionCode.self, fields.required("region"))
        let memberships = try list(fields.required("memberships"), membership)
        let opened = try fields.optional("opened").map(date)
        let closed = try fields.optional("closed").map(date)
        let provenance = try provenance(fields.required("provenance"))
        let successors = try fields.optional("successors").map { (value) throws(DirectRefusal) in try list(value, succession) } ?? []
        try fields.finish()
        return Organisation(code: code, name: name, odsName: odsName, kind: kind, type: type, subtype: subtype,
                            typeProvenance: typeProvenance, region: region, memberships: memberships, opened: opened,
                            closed: closed, provenance: provenance, successors: successors)
    }

    static func membership(_ value: JSONValue) throws(DirectRefusal) -> Membership {
        var fields = try DirectFields(value)
        let footprint = try identifier(FootprintID.self, fields.required("footprint"))
        let role = try raw(Membership.Role.self, fields.required("role"))
        let from = try fields.optional("from").map(date)
        let to = try fields.optional("to").map(date)
        let provenance = try provenance(fields.required("provenance"))
        try fields.finish()
        return Membership(footprint: footprint, role: role, from: from, to: to, provenance: provenance)
    }

    static func succession(_ value: JSONValue) throws(DirectRefusal) -> OrganisationSuccession {
        var fields = try DirectFields(value)
        let org = try identifier(OrgCode.self, fields.required("org"))
        let kind = try raw(Succession.Kind.self, fields.required("kind"))
        let date = try date(fields.required("date"))
        let note = try fields.optional("note").map(string)
        let provenance = try provenance(fields.required("provenance"))
        try fields.finish()
        return OrganisationSuccession(org: org, kind: kind, date: date, note: note, provenance: provenance)
    }
}
