// swift-tools-version: 6.0
import PackageDescription

// Release builds reach generic types' metadata through their accessor functions, given the conformances
// the compiler already knows, rather than by demangling a name at run time: demangling looks each
// conformance up by scanning every conformance in the program, about 10 µs a lookup on first use, and a
// query on the 2021 plan made a dozen such lookups before it had answered.
let release: [SwiftSetting] = [
  .unsafeFlags(
    ["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release))
]

let package = Package(
  name: "sekom",
  products: [
    .executable(name: "sekom", targets: ["sekom"])
  ],
  targets: [
    // The plan: activities, Swedish rules for time, actors and status, plan files, the 2021 plan.
    // It reads files and the clock through Platform.
    .target(name: "PlanModel", dependencies: ["Platform"], swiftSettings: release),
    // The operating system, and the one place that imports the C library: reading files and folders, the
    // atomic writer every file sekom writes goes through, the terminal's width, the clock, signals, threads.
    .target(name: "Platform", dependencies: ["CPlatform"], swiftSettings: release),
    // What Swift cannot write safely: the signal handler that removes temporary files, renameat2(2).
    .target(name: "CPlatform"),
    // The query language: lexer, parser, checker, evaluator, output formats and script runner.
    .target(name: "QueryLanguage", dependencies: ["PlanModel", "Platform"], swiftSettings: release),
    // libedit, the system's line editor, loaded when the REPL starts (its headers from libedit-dev, in
    // /usr/include; not linked, so no pkg-config), with wrappers for the variadic calls Swift cannot make.
    .systemLibrary(name: "CLibedit", providers: [.apt(["libedit-dev"])]),
    // zlib, loaded when a Word document is imported (its header from zlib1g-dev; not linked, as libedit).
    .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
    // A Word document (.docx) read as the text the handlingsplan importer reads: a zip reader and an XML
    // scanner of our own, used by `sekom import` only.
    .target(name: "WordImport", dependencies: ["CZlib"], swiftSettings: release),
    // A small Swift API over libedit: read a line with editing, history and completion.
    .target(name: "LineEditor", dependencies: ["CLibedit", "Platform"], swiftSettings: release),
    // The interactive loop: prompts, continuation lines, history entries, completion, the init file.
    .target(
      name: "REPL", dependencies: ["QueryLanguage", "PlanModel", "LineEditor", "Platform"],
      swiftSettings: release),
    // Thin wiring: command-line options to a session.
    .executableTarget(
      name: "sekom",
      dependencies: [
        "PlanModel", "QueryLanguage", "REPL", "Platform", "LineEditor", "WordImport",
      ],
      // A release build carries the Swift runtime inside: it runs on any Linux machine with libedit, and
      // starts in half the time, with no Swift libraries to find and link at every start.
      swiftSettings: release,
      // `-static-stdlib` exports the program's own symbols (`-export-dynamic`, for the runtime's libraries):
      // nothing looks them up, and the runtime's start-up `dladdr` walks every one of them. gold, swiftc's
      // linker on Linux, writes the binary through a shared mapping by default, which leaves it in the page
      // cache in 4 KiB pieces: every start then maps it with more page-fault work (0.25 ms, measured).
      linkerSettings: [
        .unsafeFlags(
          ["-static-stdlib", "-Xlinker", "--no-export-dynamic", "-Xlinker", "--no-mmap-output-file"],
          .when(configuration: .release))
      ]
    ),
    // What the fuzz targets check (fuzz/Support): built here too, so that the fuzz regression tests run the
    // same checks on the inputs the fuzzer found; fuzz/build.sh builds it with the fuzzer's instrumentation.
    .target(name: "FuzzChecks", dependencies: ["PlanModel", "QueryLanguage"], path: "fuzz/Support"),
    // The 2021 document is read from Resources/ by path, not bundled.
    .testTarget(
      name: "PlanModelTests", dependencies: ["PlanModel", "Platform", "FuzzChecks"], exclude: ["Resources"]),
    .testTarget(name: "QueryLanguageTests", dependencies: ["QueryLanguage", "PlanModel", "FuzzChecks"]),
    .testTarget(name: "REPLTests", dependencies: ["REPL", "QueryLanguage", "LineEditor", "Platform"]),
    .testTarget(name: "WordImportTests", dependencies: ["WordImport", "PlanModel", "CZlib"]),
    .testTarget(name: "PlatformTests", dependencies: ["Platform"]),
    // The executable's own code, tested in place (`@testable import sekom`): the reports of check and diff.
    .testTarget(name: "SekomTests", dependencies: ["sekom", "QueryLanguage"]),
    // CZlib: the tests' zip bomb is deflated with zlib.
    .testTarget(name: "SekomEndToEndTests", dependencies: ["sekom", "CZlib"]),
  ]
)
