/// What a field holds, which decides the operators it has and how its values are read.
public enum FieldType: String, Sendable {
  case integer = "number"
  case text
  case actors = "actor list"
  case time
  case date
  case category
}
