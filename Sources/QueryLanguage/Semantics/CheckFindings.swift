/// What checking one statement finds besides errors, gathered as it goes and handed back in the checked
/// statement: a value, so checking the same statement twice finds the same things.
struct CheckFindings {
  /// Values no activity has, with the nearest one it does.
  var warnings: [QueryError] = []
  /// The plan's actors by their folded names, worked out the first time a condition on `vem` needs them.
  var foldedActors: [String: String]?
  /// The regular expressions compiled, with their values' places: a statement is refused when one passes
  /// its bound on work while it runs.
  var patterns: [(pattern: TextPattern, range: SourceRange)] = []
  /// The work the statement's regular expressions may spend, shared by them all.
  let patternBudget = PatternBudget()
}
