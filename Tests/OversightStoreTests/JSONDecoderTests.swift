import OversightDomain
import Testing
@testable import OversightStore

private struct Person: Decodable, Equatable {
    var name: String
    var age: Int
    var height: Double?
}

private struct Team: Decodable, Equatable {
    var people: [Person]
    var scores: [MetricID: Double]
    var leads: [String: Person]
}

/// Type errors with their path and position, the integer and 2^53 rules, and unknown fields at any depth.
@Suite("JSON value decoder")
struct JSONDecoderTests {
    @Test("a value of the wrong type is reported at its own path and position, in words")
    func typeMismatch() throws {
        let text = "{\n  \"name\": 5,\n  \"age\": 3\n}"
        #expect(located(try decodingProblems(Person.self, text), in: text) == ["2:11 $.name: expected a string, found a number"])
        let problems = try decodingProblems(Person.self, #"{"name": "Ann", "age": "three"}"#)
        #expect(problems.map(\.kind) == [.typeMismatch])
        #expect(problems.map(\.message) == [#"expected a whole number, found the string "three""#])
    }

    @Test("a missing field is reported at the object that lacks it")
    func missingField() throws {
        let text = "[\n  {\"name\": \"Ann\"}\n]"
        #expect(located(try decodingProblems([Person].self, text), in: text) == [#"2:3 $[0]: missing field "age""#])
    }

    @Test("null where a value is required says so")
    func nullValue() throws {
        let problems = try decodingProblems(Person.self, #"{"name": null, "age": 1}"#)
        #expect(problems.map(\.description) == ["$.name: expected a string, found null"])
    }

    @Test("objects and arrays in the wrong place are named")
    func containerMismatch() throws {
        #expect(try decodingProblems(Person.self, "[1]").map(\.message) == ["expected an object, found an array"])
        #expect(try decodingProblems([Int].self, #"{"a": 1}"#).map(\.message) == ["expected an array, found an object"])
        #expect(try decodingProblems(Team.self, #"{"people": [], "scores": [], "leads": {}}"#).map(\.description)
                == ["$.scores: expected an object, found an empty array"])
    }

    @Test("type errors deep inside arrays and dictionaries carry the full path")
    func deepPaths() throws {
        let text = """
        {"people": [{"name": "A", "age": 1}, {"name": "B", "age": 2.5}],
         "scores": {}, "leads": {}}
        """
        #expect(located(try decodingProblems(Team.self, text), in: text)
                == ["1:59 $.people[1].age: expected a whole number, found the number 2.5"])
        let scores = #"{"people": [], "scores": {"OF0023": 1, "OF0024": "high"}, "leads": {}}"#
        #expect(try decodingProblems(Team.self, scores).map(\.description)
                == [#"$.scores.OF0024: expected a number, found the string "high""#])
        let leads = #"{"people": [], "scores": {}, "leads": {"north": {"name": "C"}}}"#
        #expect(try decodingProblems(Team.self, leads).map(\.description) == [#"$.leads.north: missing field "age""#])
    }

    @Test("Int is read only from integer literals; Double from any number")
    func integerRule() throws {
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode(Int.self, from: JSONParser.parse("42")) == 42)
        #expect(try decoder.decode(Int.self, from: JSONParser.parse("-0")) == 0)
        #expect(try decodingProblems(Int.self, "42.0").map(\.message) == ["expected a whole number, found the number 42.0"])
        #expect(try decodingProblems(Int.self, "1e2").map(\.message) == ["expected a whole number, found the number 1e2"])
        #expect(try decoder.decode(Double.self, from: JSONParser.parse("42")) == 42)
        #expect(try decoder.decode(Double.self, from: JSONParser.parse("4.25e1")) == 42.5)
        #expect(try decoder.decode(Float.self, from: JSONParser.parse("0.1")) == Float(0.1))
        #expect(try decodingProblems(UInt8.self, "300").map(\.message) == ["the number 300 is out of range (0 to 255)"])
        #expect(try decodingProblems(UInt.self, "-1").map(\.kind) == [.invalidValue])
        #expect(try decodingProblems(Double.self, "1e400").map(\.message) == ["the number 1e400 is too large to store"])
        #expect(try decodingProblems(Bool.self, "1").map(\.message) == ["expected true or false, found a number"])
    }

    @Test("integers up to ±2^53 decode exactly, with no trip through Double")
    func exactIntegers() throws {
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode(Int64.self, from: JSONParser.parse("9007199254740992")) == 9_007_199_254_740_992)
        #expect(try decoder.decode(Int.self, from: JSONParser.parse("-9007199254740991")) == -9_007_199_254_740_991)
        #expect(try decoder.decode([Int].self, from: JSONParser.parse("[9007199254740991, 9007199254740992]"))
                == [9_007_199_254_740_991, 9_007_199_254_740_992])
        // One past the limit never reaches the decoder: the parser refuses it.
        #expect(syntaxError("9007199254740993")?.kind == .inexactInteger)
    }

    @Test("optional fields may be absent or null")
    func optionals() throws {
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode(Person.self, from: JSONParser.parse(#"{"name": "A", "age": 1}"#)) == Person(name: "A", age: 1))
        #expect(try decoder.decode(Person.self, from: JSONParser.parse(#"{"name": "A", "age": 1, "height": null}"#))
                == Person(name: "A", age: 1))
        #expect(try decoder.decode([Int?].self, from: JSONParser.parse("[1, null, 3]")) == [1, nil, 3])
    }

    @Test("unknown fields are all reported, with path and the key's position, at any depth")
    func unknownFields() throws {
        let text = """
        {
          "people": [
            {"name": "A", "age": 1},
            {"name": "B", "age": 2, "colour": "red"}
          ],
          "scores": {"OF0023": 1},
          "leads": {"north": {"name": "C", "age": 3, "nickname": "Cee", "size": {"h": 1}}},
          "version": 2
        }
        """
        let problems = try decodingProblems(Team.self, text)
        #expect(problems.allSatisfy { $0.kind == .unknownField })
        #expect(located(problems, in: text) == [
            #"4:29 $.people[1].colour: unknown field "colour": nothing reads it, so it would be lost when the store is saved; check its spelling, or remove it"#,
            #"7:46 $.leads.north.nickname: unknown field "nickname": nothing reads it, so it would be lost when the store is saved; check its spelling, or remove it"#,
            #"7:65 $.leads.north.size: unknown field "size": nothing reads it, so it would be lost when the store is saved; check its spelling, or remove it"#,
            #"8:3 $.version: unknown field "version": nothing reads it, so it would be lost when the store is saved; check its spelling, or remove it"#,
        ])
    }

    @Test("the value can be had alongside its unknown fields")
    func valueWithUnknownFields() throws {
        let value = try JSONParser.parse(#"{"name": "A", "age": 1, "extra": true}"#)
        let (person, unknown) = try JSONValueDecoder().decodeReportingUnknownFields(Person.self, from: value)
        #expect(person == Person(name: "A", age: 1))
        #expect(unknown.map(\.path) == [DataPath([.key("extra")])])
    }

    @Test("a key counts as read once decodeNil asks for it, but not when contains only looks")
    func askingRule() throws {
        struct Looker: Decodable {
            enum Keys: String, CodingKey { case looked, nulled, tried }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                _ = container.contains(.looked)
                _ = try container.decodeNil(forKey: .nulled)
                _ = try? container.decode(Int.self, forKey: .tried)
            }
        }
        let problems = try decodingProblems(Looker.self, #"{"looked": 1, "nulled": 2, "tried": "x"}"#)
        #expect(problems.map(\.path.description) == ["$.looked"])
    }

    @Test("what a failed attempt opened is not checked; what the successful one read is")
    func failedAttemptRolledBack() throws {
        struct Wide: Decodable { var a: Int; var b: Int; var c: Int }
        struct Narrow: Decodable { var a: Int }
        struct Either: Decodable {
            enum Keys: String, CodingKey { case shape }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                if (try? container.decode(Wide.self, forKey: .shape)) == nil {
                    _ = try container.decode(Narrow.self, forKey: .shape)
                }
            }
        }
        let problems = try decodingProblems(Either.self, #"{"shape": {"a": 1, "b": 2}}"#)
        #expect(problems.map(\.path.description) == ["$.shape.b"])
    }

    @Test("array elements a type never read are reported")
    func unreadElements() throws {
        struct Pair: Decodable {
            var first: Int
            var second: Int
            init(from decoder: any Decoder) throws {
                var container = try decoder.unkeyedContainer()
                first = try container.decode(Int.self)
                second = try container.decode(Int.self)
            }
        }
        let text = "[1, 2, 3, 4]"
        #expect(located(try decodingProblems(Pair.self, text), in: text)
                == ["1:8 $[2]: only the first 2 of 4 elements were read; the rest would be lost when the store is saved"])
        #expect(try decodingProblems(Pair.self, "[1]").map(\.message) == ["expected another element; the array holds only 1"])
    }

    @Test("a domain type's own refusal is reported at the value it refused")
    func domainRefusal() throws {
        struct Meeting: Decodable { var period: Period; var date: CalendarDate }
        let text = "{\n  \"period\": \"2025-27\",\n  \"date\": \"2025-07-01\"\n}"
        #expect(located(try decodingProblems(Meeting.self, text), in: text)
                == ["2:13 $.period: “2025-27” is not a period like 2025-26-Q1 or 2025-26"])
        let date = #"{"period": "2025-26", "date": "2025-02-30"}"#
        #expect(try decodingProblems(Meeting.self, date).map(\.description)
                == ["$.date: day 30 of Feb 2025 does not exist; type the date as 2025-07-01"])
        #expect(try decodingProblems(Direction.self, #""sideways""#).map(\.kind) == [.invalidValue])
    }

    @Test("an error that is not a DecodingError is placed where it was thrown")
    func foreignError() throws {
        struct Refusal: Error, CustomStringConvertible { var description: String { "not today" } }
        struct Picky: Decodable { init(from decoder: any Decoder) throws { throw Refusal() } }
        struct Holder: Decodable { var inner: [Picky] }
        #expect(try decodingProblems(Holder.self, #"{"inner": [{}]}"#).map(\.description) == ["$.inner[0]: not today"])
    }

    @Test("keys in messages and paths never carry a raw control character")
    func escapedKeys() throws {
        let problems = try decodingProblems(Person.self, #"{"name": "A", "age": 1, "x\u001b[2J": 0}"#)
        #expect(problems.map(\.description)
                == [#"$["x\u001B[2J"]: unknown field "x\u001B[2J": nothing reads it, so it would be lost when the store is saved; check its spelling, or remove it"#])
    }

    @Test("nested containers and super decoders count as reading their key")
    func nestedContainers() throws {
        struct Outer: Decodable {
            var x: Int
            var list: [Int]
            enum Keys: String, CodingKey { case inner, list }
            enum InnerKeys: String, CodingKey { case x }
            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                x = try container.nestedContainer(keyedBy: InnerKeys.self, forKey: .inner).decode(Int.self, forKey: .x)
                var items = try container.nestedUnkeyedContainer(forKey: .list)
                var list: [Int] = []
                while !items.isAtEnd { list.append(try items.decode(Int.self)) }
                self.list = list
            }
        }
        let value = try JSONParser.parse(#"{"inner": {"x": 7, "y": 8}, "list": [1, 2]}"#)
        let (outer, unknown) = try JSONValueDecoder().decodeReportingUnknownFields(Outer.self, from: value)
        #expect(outer.x == 7 && outer.list == [1, 2])
        #expect(unknown.map(\.path.description) == ["$.inner.y"])
    }

    @Test("large objects decode through the key index as well as small ones")
    func largeObject() throws {
        let members = (0..<100).map { "\"m\($0)\": \($0)" }.joined(separator: ", ")
        let decoded = try JSONValueDecoder().decode([String: Int].self, from: JSONParser.parse("{" + members + "}"))
        #expect(decoded.count == 100 && decoded["m99"] == 99)
        struct Few: Decodable { var m3: Int; var m70: Int }
        let problems = try decodingProblems(Few.self, "{" + members + "}")
        #expect(problems.count == 98)
        #expect(problems.first?.path.description == "$.m0")
    }

    @Test("dictionaries keyed by integers and identifiers decode like the standard library's, bad keys named")
    func dictionaryKeys() throws {
        let decoder = JSONValueDecoder()
        #expect(try decoder.decode([Int: String].self, from: JSONParser.parse(#"{"1": "a", "-2": "b"}"#)) == [1: "a", -2: "b"])
        #expect(try decodingProblems([Int: String].self, #"{"1": "a", "x": "b"}"#).map(\.description)
                == [#"$.x: the key "x" is not a valid Int"#])
        #expect(try decoder.decode([MetricID: MetricValue].self, from: JSONParser.parse(#"{"OF1": 1.5, "OF2": null, "OF3": "n/a"}"#))
                == ["OF1": .number(1.5), "OF2": .missing, "OF3": .notApplicable])
        #expect(try decodingProblems([ThemeID: Int].self, #"{"a": 1, "b": true}"#).map(\.description)
                == ["$.b: expected a whole number, found true"])
    }

    @Test("nothing of a decode outlives it (the nodes and their session are freed)")
    func nodesAreFreed() throws {
        final class Watch: @unchecked Sendable { weak var node: DecodingNode? }
        let watch = Watch()
        struct Spy: Decodable {
            init(from decoder: any Decoder) throws {
                let watch = decoder.userInfo[CodingUserInfoKey(rawValue: "watch")!] as! Watch
                watch.node = (decoder as? ValueSlot)?.owner
                _ = try decoder.container(keyedBy: JSONKey.self).allKeys
            }
        }
        let decoder = JSONValueDecoder(userInfo: [CodingUserInfoKey(rawValue: "watch")!: watch])
        _ = try decoder.decodeReportingUnknownFields([Spy].self, from: JSONParser.parse(#"[{"a": 1}]"#))
        #expect(watch.node == nil, "a decoding node is still alive after the decode returned")
    }

    @Test("userInfo reaches init(from:)")
    func userInfo() throws {
        let key = CodingUserInfoKey(rawValue: "unit")!
        struct Reader: Decodable {
            var unit: String
            init(from decoder: any Decoder) throws {
                unit = decoder.userInfo[CodingUserInfoKey(rawValue: "unit")!] as? String ?? "none"
                _ = try decoder.singleValueContainer().decodeNil()
            }
        }
        let reader = try JSONValueDecoder(userInfo: [key: "percent"]).decode(Reader.self, from: JSONParser.parse("null"))
        #expect(reader.unit == "percent")
    }
}
