/// Global options may come before a subcommand, or between a command and its nested one
/// (`nettutor --lang ko export anki`); ArgumentParser reads options only after the name of the
/// command that declares them (the leaf), so they are moved there.
public enum GlobalArguments {
    /// The command names: each with the names of its own subcommands.
    public struct Tree {
        public var children: [String: Tree]
        public init(children: [String: Tree]) { self.children = children }
    }

    public static let withValue: Set<String> = ["--lang", "--content", "--data-dir"]
    public static let flags: Set<String> = ["--ascii", "--no-color", "--content-only", "--no-mouse"]

    public static func movedToLeaf(_ args: [String], tree: Tree) -> [String] {
        var path: [String] = [], globals: [String] = [], node = tree, i = 0
        while i < args.count {
            let a = args[i]
            if let child = node.children[a] { path.append(a); node = child; i += 1; continue }
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if withValue.contains(name) {
                globals.append(a)
                if !a.contains("="), i + 1 < args.count { globals.append(args[i + 1]); i += 1 }
            } else if flags.contains(a) {
                globals.append(a)
            } else if path.isEmpty {
                return args  // something else first (e.g. --version, --help): leave it alone
            } else {
                break
            }
            i += 1
        }
        return path + globals + args[i...]
    }
}
