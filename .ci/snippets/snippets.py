#!/usr/bin/env python3
"""Extracts the C# blocks of the docs into console projects, and explains build errors block by block.

Used by .ci/check-snippets.sh; the conventions are in .ci/snippets/README.md.

  snippets.py prepare REPO WORK VERSION   writes WORK/app-N/ (copies of WORK/console, the fresh console app), one
                                          per set of packages the pages name, each with its blocks as files,
                                          and WORK/snippets.slnx and WORK/index.json
  snippets.py report REPO WORK LOG        prints the errors of LOG (a build log) grouped by doc block
"""
import json
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^\n`]*)$")
CSHARP_LANGUAGES = {"csharp", "cs", "c#"}
TAGS = {"fragment", "no-compile"}
ADD_PACKAGE = re.compile(r"dotnet add (?:\S+ )?package\s+(?P<id>[A-Za-z0-9_.\-]+)")
USING_DIRECTIVE = re.compile(r"^\s*(global\s+)?using\s+(static\s+)?(\w+\s*=\s*)?[\w.]+(<[^;]*>)?\s*;\s*(//.*)?$")
FILE_NAMESPACE = re.compile(r"^\s*namespace\s+[\w.]+\s*;")
TYPE_START = re.compile(
    r"^(\[[^\]]*\]\s*)*((public|internal|private|protected|file|sealed|static|abstract|partial|readonly|ref|unsafe|new)\s+)*"
    r"(class|struct|interface|enum|record|delegate)\b")
ATTRIBUTE_LINE = re.compile(r"^\[[^\]]*\]\s*$")
OWN_PACKAGE_PREFIX = "TrendAccount.Sdk"
# Packages every project gets besides the SDK's own: what .ci/snippets/FragmentContext.cs needs.
CONTEXT_PACKAGES = ["Microsoft.Extensions.Hosting.Abstractions"]


class Block:
    def __init__(self, path, number, line, tags, lines):
        self.path = path          # repository-relative markdown path
        self.number = number      # 1-based C# block number in the file
        self.line = line          # 1-based line of the first code line
        self.tags = tags
        self.lines = lines

    @property
    def name(self):
        return f"{self.path} block {self.number} (line {self.line - 1})"


def markdown_files(repo):
    files = ["README.md"]
    for folder in ["docs"]:
        root = os.path.join(repo, folder)
        for dirpath, _, names in sorted(os.walk(root)):
            files += [os.path.relpath(os.path.join(dirpath, n), repo) for n in sorted(names) if n.endswith(".md")]
    # Each package's own README (shipped in the package), and those of the samples and benchmarks.
    for folder in ["src", "samples"]:
        for name in sorted(os.listdir(os.path.join(repo, folder))):
            if os.path.isfile(os.path.join(repo, folder, name, "README.md")):
                files.append(f"{folder}/{name}/README.md")
    files.append("benchmarks/README.md")
    return [f for f in files if os.path.isfile(os.path.join(repo, f))]


def parse(repo, path, problems):
    """Returns (C# blocks, packages named by `dotnet add package`) of one markdown file."""
    text = open(os.path.join(repo, path), encoding="utf-8").read().split("\n")
    blocks, packages = [], []
    i, number = 0, 0
    while i < len(text):
        m = FENCE.match(text[i])
        if not m:
            i += 1
            continue
        fence, indent = m.group("fence"), len(m.group("indent"))
        words = m.group("info").split()
        start = i + 1
        i += 1
        while i < len(text) and not re.match(r"^[ \t]*" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", text[i]):
            i += 1
        body = [line[indent:] if line[:indent].strip() == "" else line for line in text[start:i]]
        i += 1
        language = words[0].lower() if words else ""
        if language in ("sh", "bash", "shell", "console", "powershell", "pwsh", ""):
            packages += [p.group("id") for line in body for p in ADD_PACKAGE.finditer(line)]
        if language not in CSHARP_LANGUAGES:
            continue
        number += 1
        tags = words[1:]
        unknown = [t for t in tags if t not in TAGS]
        if unknown:
            problems.append(f"{path}:{start}: unknown tag {' '.join(unknown)!r} after ```{words[0]} "
                            f"(known: {', '.join(sorted(TAGS))})")
        blocks.append(Block(path, number, start + 1, tags, body))
    return blocks, packages


def split_block(block):
    """Splits a block into using directives, statements and type declarations: lists of (line number, text) runs."""
    usings, statements, types = [], [], []
    lines = list(enumerate(block.lines, start=block.line))
    k = 0
    # Leading using directives (and the comments and blank lines among them) go to the top of the file.
    while k < len(lines) and (USING_DIRECTIVE.match(lines[k][1]) or not lines[k][1].strip() or lines[k][1].lstrip().startswith("//")):
        if USING_DIRECTIVE.match(lines[k][1]):
            usings.append(lines[k])
        k += 1
    order = []   # "statement" / "type" in the order they appear
    while k < len(lines):
        number, text = lines[k]
        if TYPE_START.match(text) or (ATTRIBUTE_LINE.match(text) and _next_code_is_type(lines, k)):
            end = _type_end(lines, k)
            types.append(lines[k:end])
            order.append("type")
            k = end
            continue
        if text.strip():
            order.append("statement")
        statements.append(lines[k])
        k += 1
    return usings, statements, types, order


def _next_code_is_type(lines, k):
    for _, text in lines[k + 1:]:
        if ATTRIBUTE_LINE.match(text):
            continue
        return bool(TYPE_START.match(text))
    return False


def _type_end(lines, k):
    """Index after the declaration starting at k: where its braces close, or its first ';' outside braces."""
    depth, opened = 0, False
    for j in range(k, len(lines)):
        code = re.sub(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'|//.*$', "", lines[j][1])
        for ch in code:
            if ch == "{":
                depth, opened = depth + 1, True
            elif ch == "}":
                depth -= 1
            elif ch == ";" and depth == 0 and not opened:
                return j + 1
        if opened and depth <= 0:
            return j + 1
    return len(lines)


def line_directive(number, path):
    return f'#line {number} "{path}"'


def emit_runs(out, runs, source):
    """Writes lines with a #line directive at the start of each run of consecutive lines."""
    previous = None
    for number, text in runs:
        if previous is None or number != previous + 1:
            out.append(line_directive(number, source))
        out.append(text)
        previous = number
    out.append("#line default")


def render(block, index, repo, context_usings, problems):
    """The C# file for one block, or None when it is not compiled."""
    source = os.path.join(repo, block.path)
    fragment = "fragment" in block.tags
    out = ["// Generated by .ci/snippets/snippets.py from " + block.name,
           "#pragma warning disable CS1998, CS8321, CS0168, CS0219, CS0162"]
    if any(FILE_NAMESPACE.match(text) for text in block.lines):
        # A whole file with its own namespace: compiled as written.
        emit_runs(out, list(enumerate(block.lines, start=block.line)), source)
        return "\n".join(out) + "\n"
    usings, statements, types, order = split_block(block)
    if not fragment and "type" in order and "statement" in order[order.index("type"):]:
        problems.append(f"{block.name}: statements follow a type declaration; in a program (a console app's "
                        "Program.cs) top-level statements come first. Move them up, or tag the block ```csharp fragment.")
    if fragment:
        out += context_usings
    emit_runs(out, usings, source)
    # A program stands alone. The fragments of one page share a namespace, so a fragment may use the types that
    # another fragment of the same page declares (a context class declared once, used by the next block).
    page = re.sub(r"[^A-Za-z0-9]+", "_", block.path).strip("_")
    # Programs are outside Snippets.Context, so the stand-in types there (MyMailer, ...) are not theirs to use.
    namespace = f"Snippets.Context.Pages.{page}" if fragment else f"Snippets.Programs.Block{index:03d}"
    out.append(f"namespace {namespace}")
    out.append("{")
    if any(text.strip() for _, text in statements):
        if fragment:
            out.append(f"internal sealed class Fragment{index:03d} : global::Snippets.Context.FragmentContext")
            out.append("{")
            out.append("public async global::System.Threading.Tasks.Task RunAsync()")
        else:
            out.append("internal static class Program")
            out.append("{")
            out.append("public static async global::System.Threading.Tasks.Task RunAsync(string[] args)")
        out.append("{")
        emit_runs(out, statements, source)
        out.append("}")
        out.append("}")
    for declaration in types:
        emit_runs(out, declaration, source)
    out.append("}")
    return "\n".join(out) + "\n"


def pinned_versions(repo):
    tree = ET.parse(os.path.join(repo, "Directory.Packages.props"))
    properties = {el.tag: (el.text or "").strip() for group in tree.getroot().iter("PropertyGroup") for el in group}
    versions = {}
    for el in tree.getroot().iter("PackageVersion"):
        version = re.sub(r"\$\((\w+)\)", lambda m: properties.get(m.group(1), m.group(0)), el.get("Version"))
        versions[el.get("Include").lower()] = version
    return versions, properties.get("MicrosoftExtensionsVersion")


def prepare(repo, work, version):
    problems = []
    pages = []
    for path in markdown_files(repo):
        blocks, packages = parse(repo, path, problems)
        pages.append((path, blocks, packages))
    base = next((packages for path, _, packages in pages if path == "README.md"), [])
    versions, extensions_version = pinned_versions(repo)
    own = sorted(f[: -len(".nupkg")][: -len(version) - 1] for f in os.listdir(os.path.join(work, "feed"))
                 if f.endswith(f".{version}.nupkg"))
    prelude = os.path.join(repo, ".ci/snippets/FragmentUsings.cs")
    prelude_lines = list(enumerate(open(prelude, encoding="utf-8").read().split("\n"), start=1))

    def context_usings(packages):
        """The prelude's using directives, less those marked for a package the project does not reference."""
        lines = []
        for number, text in prelude_lines:
            m = USING_DIRECTIVE.match(text)
            if not m:
                continue
            needs = re.search(r"//\s*needs\s+([\w.]+)", text)
            if needs and needs.group(1) not in packages:
                continue
            lines += [line_directive(number, prelude), text]
        return lines + ["#line default"]

    # One project per set of packages: a page's blocks see the packages that the page names (dotnet add package)
    # plus those README.md names (its Install section comes first for every reader), never those another page
    # names, so a page that forgets to name a package it needs fails.
    groups = {}
    index = []
    counter = 0
    skipped = []
    for path, blocks, packages in pages:
        named = {p for p in base + packages}
        missing = sorted(p for p in named if p.startswith(OWN_PACKAGE_PREFIX) and p not in own)
        if missing:
            problems.append(f"{path} names {', '.join(missing)}, which src/ does not pack")
        key = tuple(sorted(named, key=str.lower))
        for block in blocks:
            if "no-compile" in block.tags:
                skipped.append(block.name)
                continue
            counter += 1
            code = render(block, counter, repo, context_usings(named), problems)
            groups.setdefault(key, []).append((counter, block, code))

    template = os.path.join(work, "console")
    projects = []
    for n, (named, items) in enumerate(sorted(groups.items()), start=1):
        folder = os.path.join(work, f"app-{n}")
        shutil.copytree(template, folder)
        # Solutions want distinct project names: SnippetsApp1, SnippetsApp2, ...
        csproj = os.path.join(folder, f"SnippetsApp{n}.csproj")
        os.rename(os.path.join(folder, _single(template, ".csproj")), csproj)
        references = [(p, version) for p in named if p in own]
        for package in [p for p in named if not p.startswith(OWN_PACKAGE_PREFIX)] + CONTEXT_PACKAGES:
            pinned = versions.get(package.lower())
            if pinned is None and package.startswith("Microsoft.Extensions.") and extensions_version:
                pinned = extensions_version
            if pinned is None:
                problems.append(f"a page names package {package} (dotnet add package) that Directory.Packages.props "
                                "does not pin: add a PackageVersion so the snippets build against a known version.")
                continue
            references.append((package, pinned))
        text = open(csproj, encoding="utf-8").read()
        items_xml = "\n".join(f'    <PackageReference Include="{p}" Version="{v}" />' for p, v in references)
        text = text.replace("</Project>", f"  <ItemGroup>\n{items_xml}\n  </ItemGroup>\n"
                            f'  <ItemGroup>\n    <Compile Include="{os.path.join(repo, ".ci/snippets/FragmentContext.cs")}" '
                            f'Link="FragmentContext.cs" />\n  </ItemGroup>\n</Project>')
        open(csproj, "w", encoding="utf-8").write(text)
        os.makedirs(os.path.join(folder, "Snippets"))
        for counter, block, code in items:
            slug = re.sub(r"[^A-Za-z0-9]+", "_", block.path).strip("_")
            open(os.path.join(folder, "Snippets", f"{counter:03d}_{slug}_L{block.line - 1}.cs"), "w", encoding="utf-8").write(code)
            index.append({"path": block.path, "number": block.number, "fence": block.line - 1,
                          "first": block.line, "last": block.line + len(block.lines) - 1,
                          "tags": block.tags, "project": f"app-{n}"})
        projects.append((f"app-{n}", csproj, named, len(items)))

    with open(os.path.join(work, "snippets.slnx"), "w", encoding="utf-8") as sln:
        sln.write("<Solution>\n" + "".join(f'  <Project Path="{os.path.relpath(c, work)}" />\n' for _, c, _, _ in projects)
                  + "</Solution>\n")
    json.dump(index, open(os.path.join(work, "index.json"), "w"), indent=1)

    compiled = sum(count for *_, count in projects)
    print(f"snippets: {compiled} C# blocks from {sum(1 for _, b, _ in pages if b)} pages in {len(projects)} project(s); "
          f"{len(skipped)} marked no-compile")
    print(f"  TrendAccount.* packages as {version}; every project also has {', '.join(CONTEXT_PACKAGES)} (for fragments)")
    for name, _, named, count in projects:
        print(f"  {name}: {count} block(s); packages: {', '.join(named)}")
    for name in skipped:
        print(f"  not compiled (no-compile): {name}")
    if problems:
        print("\nsnippet check: the docs break the snippet conventions (.ci/snippets/README.md):", file=sys.stderr)
        for problem in problems:
            print("  " + problem, file=sys.stderr)
        return 1
    return 0


def _single(folder, suffix):
    found = [f for f in os.listdir(folder) if f.endswith(suffix)]
    if len(found) != 1:
        raise SystemExit(f"expected one {suffix} in {folder}, found {found}")
    return found[0]


DIAGNOSTIC = re.compile(r"^\s*(?P<file>[^\s(][^(]*?)\((?P<line>\d+),(?P<col>\d+)\): (?P<kind>error|warning) (?P<code>\w+): "
                        r"(?P<message>.*?)(?: \[[^\]]*\])?\s*$")


def report(repo, work, log):
    index = json.load(open(os.path.join(work, "index.json")))
    seen, errors, other = set(), {}, []
    for raw in open(log, encoding="utf-8", errors="replace"):
        m = DIAGNOSTIC.match(raw.rstrip("\n"))
        if not m or m.group("kind") != "error":
            if re.search(r"\berror\b", raw) and ": error " in raw and raw.strip() not in seen:
                seen.add(raw.strip())
                other.append(raw.strip())
            continue
        path = m.group("file")
        if os.path.isabs(path) and path.startswith(repo + os.sep):
            path = os.path.relpath(path, repo)
        line = int(m.group("line"))
        key = (path, line, m.group("col"), m.group("code"), m.group("message"))
        if key in seen:
            continue
        seen.add(key)
        block = next((b for b in index if b["path"] == path and b["first"] <= line <= b["last"]), None)
        title = (f"{path}, C# block {block['number']} (```csharp{' ' + ' '.join(block['tags']) if block['tags'] else ''} "
                 f"at line {block['fence']}, built in {block['project']})") if block else path
        errors.setdefault(title, []).append(f"  {path}:{line}:{m.group('col')}: {m.group('code')}: {m.group('message')}")
    if not errors and not other:
        print("snippet check: the build failed without a compiler error; the end of its log:")
        for raw in open(log, encoding="utf-8", errors="replace").readlines()[-40:]:
            print("  " + raw.rstrip())
        return
    count = sum(len(v) for v in errors.values())
    print(f"snippet check FAILED: {count} compiler error(s) in {len(errors)} doc block(s). Each block is compiled as a "
          "console app's Program.cs (or, tagged fragment, with the names of .ci/snippets/FragmentContext.cs); see "
          ".ci/snippets/README.md.\n")
    for title, lines in errors.items():
        print(title)
        print("\n".join(lines))
        print()
    for line in other:
        print(line)


def main(argv):
    if len(argv) == 5 and argv[1] == "prepare":
        return prepare(os.path.abspath(argv[2]), os.path.abspath(argv[3]), argv[4])
    if len(argv) == 5 and argv[1] == "report":
        report(os.path.abspath(argv[2]), os.path.abspath(argv[3]), argv[4])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
