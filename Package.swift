// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "sekom",
  products: [
    .executable(name: "sekom", targets: ["sekom"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The plan: activities, Swedish rules for time, actors and status, plan files, the 2021 plan.
    .target(name: "PlanModel"),
    // The query language: lexer, parser, checker, evaluator, output formats and script runner.
    .target(name: "QueryLanguage", dependencies: ["PlanModel"]),
    // Thin wiring: command-line options to a session.
    .executableTarget(
      name: "sekom",
      dependencies: [
        "PlanModel", "QueryLanguage",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "PlanModelTests", dependencies: ["PlanModel"]),
    .testTarget(name: "QueryLanguageTests", dependencies: ["QueryLanguage", "PlanModel"]),
    .testTarget(name: "SekomEndToEndTests", dependencies: ["sekom"]),
  ]
)
