//! The order in which the streaming pass parses files: dependencies first, as far as a
//! quick look at the text can tell. A module can only be checked (and its tree freed)
//! once the modules it imports are checked; parsing in dependency order means trees
//! rarely wait, so few are alive at once. The order only affects speed and memory, never
//! the report: the imports that count are the parser's (`imports_of`), not these.

use std::collections::HashMap;

use crate::graph::ModuleId;

/// The modules of the project that `text` (module `module`) seems to import: the names
/// on lines that start with `import` or `from`, found without lexing or parsing. Strings
/// and continuation lines can fool it, which costs at most a less useful order.
pub(crate) fn likely_imports(
    text: &str,
    module: &str,
    is_package: bool,
    by_name: &HashMap<String, ModuleId>,
) -> Vec<ModuleId> {
    let mut found = Vec::new();
    let mut add = |name: &str| {
        // Importing `a.b.c` runs the packages `a` and `a.b` first.
        let parents = name.match_indices('.').map(|(idx, _)| &name[..idx]);
        for module in parents.chain([name]) {
            if let Some(&id) = by_name.get(module)
                && !found.contains(&id)
            {
                found.push(id);
            }
        }
    };
    // Only lines with the word `import` in them matter: finding those with a substring
    // search is several times faster than splitting the whole text into lines.
    let mut next_line_start = 0;
    for (at, _) in text.match_indices("import") {
        if at < next_line_start {
            continue;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |newline| at + newline);
        next_line_start = line_end;
        let line = text[line_start..line_end].trim_start();
        if let Some(rest) = line.strip_prefix("import ") {
            for item in rest.split(',') {
                // `a.b as c`: the module is the first word.
                if let Some(name) = item.split_whitespace().next() {
                    add(name);
                }
            }
        } else if let Some(rest) = line.strip_prefix("from ") {
            let Some(target) = rest.split_whitespace().next() else { continue };
            let level = target.bytes().take_while(|&byte| byte == b'.').count();
            let name = &target[level..];
            let name = (!name.is_empty()).then_some(name);
            if let Some(absolute) = typhon_typeck::resolve_relative(module, is_package, level as u32, name) {
                add(&absolute);
            }
        }
    }
    found
}

/// A depth-first post-order of the modules along `imports`, starting from each module in
/// turn: every module comes after what it imports, except inside cycles.
pub(crate) fn dependencies_first(imports: &[Vec<ModuleId>]) -> Vec<ModuleId> {
    let mut order = Vec::with_capacity(imports.len());
    let mut visited = vec![false; imports.len()];
    // An explicit stack of (module, next import to visit): import chains can be long.
    let mut stack: Vec<(ModuleId, usize)> = Vec::new();
    for start in 0..imports.len() {
        if visited[start] {
            continue;
        }
        visited[start] = true;
        stack.push((ModuleId(start as u32), 0));
        while let Some((module, next)) = stack.last_mut() {
            let module = *module;
            match imports[module.index()].get(*next) {
                Some(&target) => {
                    *next += 1;
                    if !visited[target.index()] {
                        visited[target.index()] = true;
                        stack.push((target, 0));
                    }
                }
                None => {
                    stack.pop();
                    order.push(module);
                }
            }
        }
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> HashMap<String, ModuleId> {
        list.iter().enumerate().map(|(idx, name)| (name.to_string(), ModuleId(idx as u32))).collect()
    }

    #[test]
    fn import_lines_are_found_without_parsing() {
        let by_name = names(&["a", "a.b", "pkg", "pkg.util", "pkg.sub.x"]);
        let text = "import a.b as c, a\nfrom .util import f\nfrom . import util\n    from .sub.x import (\n        y)\nimport missing\nx = 1\n";
        let found = likely_imports(text, "pkg.main", false, &by_name);
        assert_eq!(found, [ModuleId(0), ModuleId(1), ModuleId(2), ModuleId(3), ModuleId(4)]);
    }

    #[test]
    fn dependencies_come_first_and_cycles_do_not_loop() {
        // 0 imports 2, 2 imports 1, 1 imports 0 (a cycle), 3 imports 1.
        let imports = vec![vec![ModuleId(2)], vec![ModuleId(0)], vec![ModuleId(1)], vec![ModuleId(1)]];
        assert_eq!(dependencies_first(&imports), [ModuleId(1), ModuleId(2), ModuleId(0), ModuleId(3)]);
        let chain: Vec<Vec<ModuleId>> =
            (0..100_000).map(|idx| if idx == 0 { vec![] } else { vec![ModuleId(idx - 1)] }).collect();
        assert_eq!(dependencies_first(&chain).first(), Some(&ModuleId(0)));
    }
}
