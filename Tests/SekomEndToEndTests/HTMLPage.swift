import Foundation

/// An HTML page as a real HTML parser (Python's html.parser) reads it: its structure and the texts of the
/// elements the tests look at.
struct HTMLPage: Decodable {
  var doctypes: Int
  /// How many times each element starts.
  var starts: [String: Int]
  /// End tags that close no open element, and elements left open at the end: empty for a whole page.
  var misnested: [String]
  /// Text after `</html>`, or before the doctype.
  var outside: String
  var title: String
  var h1: [String]
  var h2: [String]
  var pre: [String]
  var cells: [String]
  /// The `<section class="result">` elements.
  var results: Int

  static let parser = """
    import sys, json
    from html.parser import HTMLParser
    VOID = {'meta', 'br', 'img', 'link', 'hr', 'input'}
    TEXTS = ('title', 'h1', 'h2', 'pre', 'td')
    class P(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.stack = []; self.doctypes = 0; self.starts = {}; self.misnested = []; self.outside = ''
            self.ended = False; self.results = 0; self.texts = {t: [] for t in TEXTS}
        def handle_decl(self, decl):
            if decl.lower() == 'doctype html': self.doctypes += 1
        def handle_starttag(self, tag, attrs):
            self.starts[tag] = self.starts.get(tag, 0) + 1
            if tag == 'section' and ('class', 'result') in attrs: self.results += 1
            if tag in VOID: return
            self.stack.append(tag)
            if tag in TEXTS: self.texts[tag].append('')
        def handle_endtag(self, tag):
            if self.stack and self.stack[-1] == tag: self.stack.pop()
            else: self.misnested.append('/' + tag)
            if tag == 'html': self.ended = True
        def handle_data(self, data):
            if self.ended or self.doctypes == 0: self.outside += data.strip()
            for tag in reversed(self.stack):
                if tag in TEXTS: self.texts[tag][-1] += data; break
    p = P(); p.feed(sys.stdin.read()); p.close()
    print(json.dumps({'doctypes': p.doctypes, 'starts': p.starts, 'misnested': p.misnested + p.stack,
        'outside': p.outside, 'title': ''.join(p.texts['title']), 'h1': p.texts['h1'], 'h2': p.texts['h2'],
        'pre': p.texts['pre'], 'cells': p.texts['td'], 'results': p.results}))
    """

  init(_ html: String) throws {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", HTMLPage.parser]
    let input = Pipe()
    let output = Pipe()
    python.standardInput = input
    python.standardOutput = output
    try python.run()
    input.fileHandleForWriting.write(Data(html.utf8))
    try input.fileHandleForWriting.close()
    let data = SekomProcess.readToEnd(output.fileHandleForReading)
    python.waitUntilExit()
    self = try JSONDecoder().decode(HTMLPage.self, from: data)
  }

  /// One page, whole: one doctype, one html, head and body, every element closed, nothing outside.
  var isWhole: Bool {
    doctypes == 1 && starts["html"] == 1 && starts["head"] == 1 && starts["body"] == 1 && misnested.isEmpty
      && outside.isEmpty
  }
}
