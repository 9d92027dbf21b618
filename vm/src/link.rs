//! Loading and linking: validated archives in, a runnable [`Program`] out.
//!
//! [`Program::link`] validates every module (rkyv's bytecheck, then [`crate::verify`])
//! and checks that every symbolic import names an existing export of the right kind.
//! [`Program::run`] then materialises constants, creates function and class objects,
//! resolves imports to them, and runs the main module's top-level code, which initialises
//! imported modules as its import statements execute (each once, as Python does).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use rkyv::util::AlignedVec;

use crate::bytecode::{
    self, ArchivedConst, ArchivedFunction, ArchivedFunctionKind, ArchivedImportKind, ArchivedModule, CLASS_IMPORT_BIT,
    NO_REG, PosEntry,
};
use crate::interp::{Exc, ExcLink, FuncInfo, InitState, ModRt, Resolved, TbEntry, Vm, names};
use crate::ops::exception_args;
use crate::runtime::IntStrLimit;
use crate::value::{Class, FuncObj, InitKind, MethodKind, Value};

/// The built-in exception classes with their bases (CPython's hierarchy).
pub(crate) const BUILTIN_EXCEPTIONS: [(&str, Option<&str>); 24] = [
    ("BaseException", None),
    ("Exception", Some("BaseException")),
    ("ArithmeticError", Some("Exception")),
    ("LookupError", Some("Exception")),
    ("ValueError", Some("Exception")),
    ("TypeError", Some("Exception")),
    ("KeyError", Some("LookupError")),
    ("IndexError", Some("LookupError")),
    ("ZeroDivisionError", Some("ArithmeticError")),
    ("OverflowError", Some("ArithmeticError")),
    ("AssertionError", Some("Exception")),
    ("RuntimeError", Some("Exception")),
    ("NotImplementedError", Some("RuntimeError")),
    ("RecursionError", Some("RuntimeError")),
    ("StopIteration", Some("Exception")),
    ("MemoryError", Some("Exception")),
    ("AttributeError", Some("Exception")),
    ("NameError", Some("Exception")),
    ("SystemExit", Some("BaseException")),
    ("SystemError", Some("Exception")),
    ("EOFError", Some("Exception")),
    ("UnboundLocalError", Some("NameError")),
    // Raised by `print` when stdout is a pipe whose reader went away (not nameable in
    // Typhon programs, but caught by `except Exception` as in CPython).
    ("OSError", Some("Exception")),
    ("BrokenPipeError", Some("OSError")),
];

/// Why a set of modules cannot be linked.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("module `{module}`: damaged archive: {message}")]
    Archive { module: String, message: String },
    #[error("module `{module}`: invalid bytecode: {error}")]
    Verify { module: String, error: crate::verify::VerifyError },
    #[error("module `{module}` imports `{name}` from `{from}`, which does not export it")]
    MissingExport { module: String, from: String, name: String },
    #[error("module `{module}` needs module `{dep}`, which was not loaded")]
    MissingModule { module: String, dep: String },
    #[error("module `{0}` is loaded twice")]
    Duplicate(String),
    #[error("no module named `{0}`")]
    NoMain(String),
}

/// A module's archived bytecode, owned or shared (for example a memory-mapped cache
/// entry), plus the path shown in tracebacks.
#[derive(Clone)]
pub struct LoadedModule {
    bytes: Arc<dyn AsRef<[u8]> + Send + Sync>,
    path: String,
    /// The address and length of the bytes once they passed rkyv's validation, so that
    /// the link (which looks at every module once per importer) and the run validate each
    /// module once.
    validated: Arc<OnceLock<Result<(usize, usize), String>>>,
    /// Whether [`crate::verify::verify`] accepted the validated archive.
    verified: Arc<OnceLock<bool>>,
}

struct Aligned(AlignedVec<16>);

impl AsRef<[u8]> for Aligned {
    fn as_ref(&self) -> &[u8] {
        self.0.as_slice()
    }
}

impl LoadedModule {
    /// From bytes produced by [`bytecode::to_bytes`].
    pub fn from_aligned(bytes: AlignedVec<16>, path: impl Into<String>) -> LoadedModule {
        LoadedModule {
            bytes: Arc::new(Aligned(bytes)),
            path: path.into(),
            validated: Arc::default(),
            verified: Arc::default(),
        }
    }

    /// From any byte buffer; it must start at a 16-byte aligned address (a mapped file
    /// region does) or it is copied into an aligned buffer.
    pub fn from_shared(bytes: Arc<dyn AsRef<[u8]> + Send + Sync>, path: impl Into<String>) -> LoadedModule {
        let slice = (*bytes).as_ref();
        if !(slice.as_ptr() as usize).is_multiple_of(16) {
            let mut aligned = AlignedVec::<16>::with_capacity(slice.len());
            aligned.extend_from_slice(slice);
            return LoadedModule::from_aligned(aligned, path);
        }
        LoadedModule { bytes, path: path.into(), validated: Arc::default(), verified: Arc::default() }
    }

    pub fn bytes(&self) -> &[u8] {
        (*self.bytes).as_ref()
    }

    /// The path tracebacks show for the module's code.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// Validates and verifies the module now, so that a host can do it for many modules
    /// in parallel before [`Program::link`], which then finds the work done. Returns
    /// whether the module is sound (the link reports why not).
    pub fn check(&self) -> bool {
        self.verified().is_ok()
    }

    /// The archive, validated and verified; the error the link reports otherwise.
    fn verified(&self) -> Result<&ArchivedModule, LinkError> {
        let archived = self.archived().map_err(|message| LinkError::Archive { module: self.path.clone(), message })?;
        if !*self.verified.get_or_init(|| crate::verify::verify(archived).is_ok()) {
            // Verified before and refused: verify again for the reason.
            let name = archived.name.as_str().to_owned();
            crate::verify::verify(archived).map_err(|error| LinkError::Verify { module: name.clone(), error })?;
        }
        Ok(archived)
    }

    fn archived(&self) -> Result<&ArchivedModule, String> {
        let bytes = self.bytes();
        let here = (bytes.as_ptr() as usize, bytes.len());
        let validated = self.validated.get_or_init(|| bytecode::access(bytes).map(|_| here).map_err(|e| e.to_string()));
        match validated {
            Ok(checked) if *checked == here => {
                // SAFETY: these very bytes (same address and length, behind an `Arc` that
                // shares them immutably: an owned buffer or a mapped cache entry that is
                // never modified) passed `bytecode::access`'s full validation above.
                Ok(unsafe { rkyv::access_unchecked::<ArchivedModule>(bytes) })
            }
            // A buffer that moved (an `AsRef` that hands out different slices) is
            // validated again, every time.
            Ok(_) => bytecode::access(bytes).map_err(|e| e.to_string()),
            Err(message) => Err(message.clone()),
        }
    }
}

/// Limits and inputs of one run.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// `sys.argv` (the script path first, as in CPython).
    pub argv: Vec<String>,
    /// Guest frames allowed (CPython's default is 1000).
    pub recursion_limit: usize,
    /// Host stack for the interpreter thread (natives may re-enter the interpreter).
    pub stack_size: usize,
    /// The run's budget of backward jumps and guest calls (every loop iteration and every
    /// call spends one, so it bounds the instruction count); `None` is unbounded. When it
    /// is spent the run stops with exit status [`FUEL_EXHAUSTED`] and a message on stderr,
    /// not with a guest exception: `except` and `finally` blocks do not run.
    pub fuel: Option<u64>,
    /// Where tracebacks find the source of each frame, as CPython's do; `None` prints
    /// frames without their lines (the VM reads no file itself).
    pub source_files: Option<Arc<dyn SourceFiles>>,
}

/// The text of source files, for tracebacks: the host's files, through the host.
pub trait SourceFiles: Send + Sync + std::fmt::Debug {
    /// The text of the file a module was loaded as (`LoadedModule::path`), as it is now;
    /// `None` when there is no such file.
    fn text(&self, path: &str) -> Option<String>;
}

/// The exit status of a run stopped because its fuel ran out.
pub const FUEL_EXHAUSTED: i32 = 125;

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions { argv: Vec::new(), recursion_limit: 1000, stack_size: 256 << 20, fuel: None, source_files: None }
    }
}

/// Linked, verified modules ready to run.
pub struct Program {
    modules: Vec<LoadedModule>,
    names: Vec<String>,
    /// Module indices such that every module comes after those it imports.
    order: Vec<usize>,
}

impl Program {
    /// Validates, verifies and cross-checks `modules` (in any order).
    pub fn link(modules: Vec<LoadedModule>) -> Result<Program, LinkError> {
        let mut names = Vec::with_capacity(modules.len());
        let mut index: HashMap<String, usize> = HashMap::new();
        for module in &modules {
            let archived = module.verified()?;
            let name = archived.name.as_str().to_owned();
            if index.insert(name.clone(), names.len()).is_some() {
                return Err(LinkError::Duplicate(name));
            }
            names.push(name);
        }
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); modules.len()];
        for (idx, module) in modules.iter().enumerate() {
            let archived =
                module.archived().map_err(|message| LinkError::Archive { module: module.path.clone(), message })?;
            let this = names[idx].clone();
            for dep in archived.deps.iter() {
                // A dependency without code is a namespace package (a directory without
                // `__init__.py`): importing it runs nothing.
                if let Some(&d) = index.get(dep.as_str()) {
                    edges[idx].push(d);
                }
            }
            for import in archived.imports.iter() {
                let from = import.module.as_str();
                let name = import.name.as_str();
                let missing =
                    || LinkError::MissingExport { module: this.clone(), from: from.to_owned(), name: name.to_owned() };
                if from == "builtins" {
                    if !BUILTIN_EXCEPTIONS.iter().any(|(n, _)| *n == name) {
                        return Err(missing());
                    }
                    continue;
                }
                let Some(&d) = index.get(from) else {
                    return Err(LinkError::MissingModule { module: this.clone(), dep: from.to_owned() });
                };
                edges[idx].push(d);
                let target =
                    modules[d].archived().map_err(|message| LinkError::Archive { module: from.to_owned(), message })?;
                let found = match import.kind {
                    ArchivedImportKind::Function => find_function(target, name).is_some(),
                    ArchivedImportKind::Class => target.classes.iter().any(|c| c.name.as_str() == name),
                    ArchivedImportKind::Global => target.globals.iter().any(|g| g.as_str() == name),
                };
                if !found {
                    return Err(missing());
                }
            }
        }
        let mut order = Vec::with_capacity(modules.len());
        let mut state = vec![0u8; modules.len()];
        for start in 0..modules.len() {
            // Iterative post-order DFS: imports can be deep, the host stack is not.
            let mut stack = vec![(start, 0usize)];
            while let Some((node, next)) = stack.pop() {
                if next == 0 {
                    if state[node] != 0 {
                        continue;
                    }
                    state[node] = 1;
                }
                if let Some(&dep) = edges[node].get(next) {
                    stack.push((node, next + 1));
                    if state[dep] == 0 {
                        stack.push((dep, 0));
                    }
                } else {
                    state[node] = 2;
                    order.push(node);
                }
            }
        }
        Ok(Program { modules, names, order })
    }

    /// Runs module `main` as `__main__`; returns the process exit status. Output goes to
    /// `stdout`; an uncaught exception's traceback goes to `stderr` (status 1).
    pub fn run(
        &self,
        main: &str,
        options: &RunOptions,
        stdout: &mut (dyn Write + Send),
        stderr: &mut (dyn Write + Send),
    ) -> i32 {
        let Some(main_idx) = self.names.iter().position(|n| n == main) else {
            let _ = writeln!(stderr, "{}", LinkError::NoMain(main.to_owned()));
            return 1;
        };
        let result = std::thread::scope(|scope| {
            std::thread::Builder::new()
                .stack_size(options.stack_size)
                .spawn_scoped(scope, || self.run_here(main_idx, options, stdout, stderr))
                .map(|handle| handle.join().unwrap_or(70))
        });
        result.unwrap_or(70)
    }

    fn run_here(
        &self,
        main_idx: usize,
        options: &RunOptions,
        stdout: &mut (dyn Write + Send),
        stderr: &mut (dyn Write + Send),
    ) -> i32 {
        let mut archived = Vec::with_capacity(self.modules.len());
        for module in &self.modules {
            match module.archived() {
                Ok(a) => archived.push(a),
                Err(message) => {
                    let _ = writeln!(stderr, "{}", LinkError::Archive { module: module.path.clone(), message });
                    return 1;
                }
            }
        }
        let mut vm = Vm {
            value_buffer: Vec::with_capacity(8),
            arg_buffer: Vec::with_capacity(8),
            str_cache: vec![Value::None; 1024],
            ascii_chars: (0u8..128).map(|b| Value::str(char::from(b).to_string())).collect(),
            scratch: String::new(),
            top: 0,
            mods: Vec::with_capacity(archived.len()),
            regs: Vec::with_capacity(1 << 12),
            frames: Vec::with_capacity(64),
            exc_classes: Vec::new(),
            name_table: names::WELL_KNOWN.iter().map(|n| (*n).to_owned()).collect(),
            out: Vec::with_capacity(1 << 16),
            stdout,
            stdout_failed: false,
            recursion_limit: options.recursion_limit,
            native_depth: 0,
            tb: Vec::new(),
            tb_exc: None,
            chain: Box::default(),
            argv: options.argv.clone(),
            int_limit: IntStrLimit::default(),
            rng: 0x853C_49E6_748F_EA9B,
            nan_serial: 0,
            main_module: main_idx,
            start_time: std::time::Instant::now(),
            // `saturating_add(1)`: a budget of n allows n ticks (the n+1st stops the run).
            fuel: options.fuel.map_or(u64::MAX, |f| f.saturating_add(1)),
        };
        let mut next_id = 0u32;
        for (name, base) in BUILTIN_EXCEPTIONS {
            let base = base.and_then(|b| vm.exc_classes.iter().find(|c| c.name == b).cloned());
            next_id += 1;
            vm.exc_classes.push(Rc::new(Class {
                name: name.to_owned(),
                module: "builtins".to_owned(),
                base,
                fields: Vec::new(),
                field_ids: Vec::new(),
                methods: Vec::new(),
                dataclass: None,
                is_exception: true,
                init: RefCell::new(InitKind::Exception),
                attrs: RefCell::new(Vec::new()),
                field_defaults: RefCell::new(Vec::new()),
                defined: Cell::new(true),
                id: next_id,
            }));
        }
        let mut intern: HashMap<String, u32> =
            vm.name_table.iter().enumerate().map(|(idx, n)| (n.clone(), idx as u32)).collect();
        // Placeholders keep module indices stable while modules are built in import order.
        let mut built: Vec<Option<ModRt<'_>>> = (0..archived.len()).map(|_| None).collect();
        for &idx in &self.order {
            let arch = archived[idx];
            let module = self.build_module(idx, arch, &archived, &built, &mut vm, &mut intern, &mut next_id);
            built[idx] = Some(module);
        }
        vm.mods = built.into_iter().flatten().collect();
        if vm.mods.len() != archived.len() {
            return 1;
        }
        vm.mods[main_idx].state = InitState::Running;
        let init = vm.mods[main_idx].arch.init.to_native() as usize;
        let fobj = vm.mods[main_idx].func_objs[init].clone();
        let result = vm.push_frame(&fobj, Vec::new(), NO_REG, true).and_then(|()| vm.run_frames(0));
        let status = match result {
            Ok(_) => 0,
            Err(Exc::Raised(exc)) => self.report(&mut vm, &exc, options.source_files.as_deref(), stderr),
            Err(Exc::OutOfFuel) => {
                let _ = writeln!(stderr, "typhon: run stopped: instruction budget (fuel) exhausted");
                FUEL_EXHAUSTED
            }
        };
        // Output goes before the traceback only in the terminal's interleaving; CPython
        // flushes stdout at exit, after printing the traceback, and so does this.
        vm.flush_at_exit(stderr).unwrap_or(status)
    }

    #[allow(clippy::too_many_arguments)]
    fn build_module<'p>(
        &self,
        idx: usize,
        arch: &'p ArchivedModule,
        archived: &[&'p ArchivedModule],
        built: &[Option<ModRt<'p>>],
        vm: &mut Vm<'p>,
        intern: &mut HashMap<String, u32>,
        next_id: &mut u32,
    ) -> ModRt<'p> {
        let consts = arch
            .consts
            .iter()
            .map(|c| match c {
                ArchivedConst::Int(v) => Value::Int(v.to_native()),
                ArchivedConst::BigInt(text) => {
                    text.as_str().parse::<num_bigint::BigInt>().map(Value::from_bigint).unwrap_or(Value::Int(0))
                }
                ArchivedConst::Float(f) => Value::Float(f.to_native()),
                ArchivedConst::Str(s) => Value::str(s.as_str()),
            })
            .collect();
        let mut intern_name = |name: &str, table: &mut Vec<String>| -> u32 {
            if let Some(&id) = intern.get(name) {
                return id;
            }
            let id = table.len() as u32;
            table.push(name.to_owned());
            intern.insert(name.to_owned(), id);
            id
        };
        let name_ids = arch.names.iter().map(|n| intern_name(n.as_str(), &mut vm.name_table)).collect();
        let funcs: Vec<FuncInfo<'p>> = arch
            .functions
            .iter()
            .map(|f| FuncInfo {
                code: f.code.as_slice(),
                n_regs: f.n_regs.to_native() as usize,
                n_params: f.params.len(),
                arch: f,
            })
            .collect();
        let func_objs: Vec<Rc<FuncObj>> = (0..funcs.len())
            .map(|f| {
                Rc::new(FuncObj {
                    module: idx as u32,
                    func: f as u32,
                    defaults: RefCell::new(vec![None; funcs[f].n_params]),
                    cells: Vec::new(),
                })
            })
            .collect();
        let lookup_import = |import_idx: usize| -> Option<Resolved> {
            let import = arch.imports.get(import_idx)?;
            let from = import.module.as_str();
            let name = import.name.as_str();
            if from == "builtins" {
                return vm_exc_class(&vm.exc_classes, name).map(Resolved::Class);
            }
            let target_idx = self.names.iter().position(|n| n == from)?;
            let target = built.get(target_idx)?.as_ref()?;
            match import.kind {
                ArchivedImportKind::Function => {
                    let f = find_function(archived[target_idx], name)?;
                    target.func_objs.get(f).cloned().map(Resolved::Func)
                }
                ArchivedImportKind::Class => {
                    let c = archived[target_idx].classes.iter().position(|c| c.name.as_str() == name)?;
                    target.classes.get(c).cloned().map(Resolved::Class)
                }
                ArchivedImportKind::Global => {
                    let g = archived[target_idx].globals.iter().position(|g| g.as_str() == name)?;
                    Some(Resolved::Global(target_idx, g))
                }
            }
        };
        let imports: Vec<Resolved> =
            (0..arch.imports.len()).map(|i| lookup_import(i).unwrap_or(Resolved::Global(idx, 0))).collect();
        let mut classes: Vec<Rc<Class>> = Vec::with_capacity(arch.classes.len());
        for class in arch.classes.iter() {
            let base = class.base.as_ref().and_then(|b| {
                let b = b.to_native();
                if b & CLASS_IMPORT_BIT != 0 {
                    match imports.get((b & !CLASS_IMPORT_BIT) as usize) {
                        Some(Resolved::Class(c)) => Some(c.clone()),
                        _ => None,
                    }
                } else {
                    classes.get(b as usize).cloned()
                }
            });
            let mut methods: Vec<(u32, Rc<FuncObj>, MethodKind)> =
                base.as_ref().map(|b| b.methods.clone()).unwrap_or_default();
            let mut own_init = None;
            for method in class.methods.iter() {
                let name_id = intern_name(method.name.as_str(), &mut vm.name_table);
                let func = method.func.to_native() as usize;
                let Some(fobj) = func_objs.get(func).cloned() else { continue };
                let kind = match funcs[func].arch.kind {
                    ArchivedFunctionKind::StaticMethod => MethodKind::Static,
                    ArchivedFunctionKind::ClassMethod => MethodKind::Class,
                    _ => MethodKind::Instance,
                };
                if name_id == names::INIT {
                    own_init = Some(fobj.clone());
                }
                match methods.iter_mut().find(|m| m.0 == name_id) {
                    Some(entry) => *entry = (name_id, fobj, kind),
                    None => methods.push((name_id, fobj, kind)),
                }
            }
            methods.sort_by_key(|m| m.0);
            let dataclass = class.dataclass.as_ref().map(|d| (d.frozen, d.order, d.eq));
            let init = match (own_init, dataclass) {
                (Some(fobj), _) => InitKind::User(fobj),
                (None, Some(_)) => InitKind::Dataclass,
                (None, None) => base.as_ref().map(|b| b.init.borrow().clone()).unwrap_or(InitKind::None),
            };
            *next_id += 1;
            let fields: Vec<String> = class.fields.iter().map(|f| f.as_str().to_owned()).collect();
            let field_ids = fields.iter().map(|f| intern_name(f, &mut vm.name_table)).collect();
            classes.push(Rc::new(Class {
                name: class.name.as_str().to_owned(),
                module: arch.name.as_str().to_owned(),
                is_exception: base.as_ref().is_some_and(|b| b.is_exception),
                base,
                field_defaults: RefCell::new(vec![None; fields.len()]),
                fields,
                field_ids,
                methods,
                dataclass,
                init: RefCell::new(init),
                attrs: RefCell::new(Vec::new()),
                defined: Cell::new(false),
                id: *next_id,
            }));
        }
        let deps =
            arch.deps.iter().map(|d| self.names.iter().position(|n| n == d.as_str()).unwrap_or(usize::MAX)).collect();
        ModRt {
            arch,
            name: arch.name.as_str().to_owned(),
            consts,
            name_ids,
            funcs,
            func_objs,
            classes,
            imports,
            deps,
            // Unbound until the module's code assigns them: a read before that is a NameError.
            globals: vec![Value::Unbound; arch.globals.len()],
            state: InitState::NotStarted,
        }
    }

    /// Appends a traceback (`tb` innermost first) as CPython prints it.
    fn push_traceback(
        &self,
        vm: &Vm<'_>,
        tb: &[TbEntry],
        source_files: Option<&dyn SourceFiles>,
        files: &mut HashMap<String, Option<String>>,
        text: &mut String,
    ) {
        text.push_str("Traceback (most recent call last):\n");
        // As CPython: the newest `TRACEBACK_LIMIT` entries, and a frame line repeated more
        // than `RECURSIVE_CUTOFF` times in a row is told as a count.
        let skip = tb.len().saturating_sub(TRACEBACK_LIMIT);
        let mut last: Option<(u32, u32, u32)> = None;
        let mut repeats = 0;
        for entry in tb.iter().rev().skip(skip) {
            let func = &vm.mods[entry.module as usize].funcs[entry.func as usize].arch;
            let line_number = crate::calls::line_at(func, entry.pc as usize);
            let key = (entry.module, entry.func, line_number);
            if last != Some(key) {
                push_repeated(text, repeats);
                last = Some(key);
                repeats = 0;
            }
            repeats += 1;
            if repeats > RECURSIVE_CUTOFF {
                continue;
            }
            let path = &self.modules.get(entry.module as usize).map(|m| m.path.clone()).unwrap_or_default();
            let name =
                if matches!(func.kind, ArchivedFunctionKind::ModuleInit) { "<module>" } else { func.name.as_str() };
            text.push_str(&format!("  File \"{path}\", line {line_number}, in {name}\n"));
            let source = files.entry(path.clone()).or_insert_with(|| source_files.and_then(|files| files.text(path)));
            if let Some((line_start, line)) = source.as_deref().and_then(|source| nth_line(source, line_number)) {
                // CPython shows the line without its indentation (trailing blanks stay),
                // and marks the instruction's part of it.
                let shown = line.trim_start_matches(is_blank);
                if !shown.is_empty() {
                    text.push_str(&format!("    {shown}\n"));
                    let position = position_at(func, entry.pc as usize);
                    if let Some(carets) = position.and_then(|position| carets(line_start, line, position)) {
                        text.push_str(&carets);
                    }
                }
            }
        }
        push_repeated(text, repeats);
    }

    /// Prints an uncaught exception as CPython does and returns the exit status.
    fn report(
        &self,
        vm: &mut Vm<'_>,
        exc: &Value,
        source_files: Option<&dyn SourceFiles>,
        stderr: &mut (dyn Write + Send),
    ) -> i32 {
        let Value::Instance(inst) = exc else { return 1 };
        if inst.class.name == "SystemExit" && inst.class.module == "builtins" {
            let args = exception_args(exc);
            return match args.first() {
                None | Some(Value::None) => 0,
                Some(Value::Int(code)) => *code as i32,
                // Beyond a C long, CPython's conversion fails and it exits with -1, which
                // the system reports as 255.
                Some(Value::BigInt(_)) => 255,
                Some(Value::Bool(b)) => i32::from(*b),
                Some(other) => {
                    let text = vm.py_str(other).unwrap_or_default();
                    let _ = writeln!(stderr, "{text}");
                    1
                }
            };
        }
        // The chain, oldest first: causes (`raise ... from`) and contexts (raised while
        // handling), each with the line CPython prints between it and the next.
        let mut chain: Vec<(Value, &str)> = Vec::new();
        let mut current = exc.clone();
        loop {
            let link = vm.chain.links.iter().find(|(linked, _)| linked.is(&current)).map(|(_, link)| link.clone());
            let next = match link {
                Some(ExcLink { cause: Some(cause), .. }) => (cause, CAUSE_SEPARATOR),
                Some(ExcLink { context: Some(context), suppress_context: false, .. }) => (context, CONTEXT_SEPARATOR),
                _ => break,
            };
            if next.0.is(exc) || chain.iter().any(|(seen, _)| seen.is(&next.0)) {
                break;
            }
            current = next.0.clone();
            chain.push(next);
        }
        let mut files: HashMap<String, Option<String>> = HashMap::new();
        let mut text = String::new();
        for (chained, separator) in chain.iter().rev() {
            let tb = vm.chain.caught.iter().rev().find(|caught| caught.exc.is(chained)).map(|caught| caught.tb.clone());
            if let Some(tb) = tb {
                self.push_traceback(vm, &tb, source_files, &mut files, &mut text);
            }
            text.push_str(&exception_line(vm, chained));
            text.push_str(separator);
        }
        let tb = std::mem::take(&mut vm.tb);
        self.push_traceback(vm, &tb, source_files, &mut files, &mut text);
        text.push_str(&exception_line(vm, exc));
        let _ = stderr.write_all(text.as_bytes());
        let _ = stderr.flush();
        1
    }
}

/// Between an exception and the one raised `from` it.
const CAUSE_SEPARATOR: &str = "\nThe above exception was the direct cause of the following exception:\n\n";

/// Between an exception and one raised while it was handled.
const CONTEXT_SEPARATOR: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// The last line of an exception's report: its class (qualified unless built in or of
/// the main module) and its message.
fn exception_line(vm: &mut Vm<'_>, exc: &Value) -> String {
    let Value::Instance(inst) = exc else { return String::new() };
    let message = vm.py_str(exc).unwrap_or_default();
    let class_name = if inst.class.module == "builtins" || inst.class.module == vm.mods[vm.main_module].name {
        inst.class.name.clone()
    } else {
        format!("{}.{}", inst.class.module, inst.class.name)
    };
    if message.is_empty() { format!("{class_name}\n") } else { format!("{class_name}: {message}\n") }
}

/// At most this many traceback entries are printed, the newest (CPython's default
/// `sys.tracebacklimit`).
const TRACEBACK_LIMIT: usize = 1000;

/// A frame line repeated more often than this in a row is printed this often, then
/// counted (CPython's `TB_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// CPython's line for a frame line repeated `repeats` times in a row, if it was cut off.
fn push_repeated(text: &mut String, repeats: usize) {
    if repeats > RECURSIVE_CUTOFF {
        let more = repeats - RECURSIVE_CUTOFF;
        let plural = if more > 1 { "s" } else { "" };
        text.push_str(&format!("  [Previous line repeated {more} more time{plural}]\n"));
    }
}

/// The blanks a traceback strips from a source line's start.
fn is_blank(char: char) -> bool {
    matches!(char, ' ' | '\t' | '\x0c')
}

/// The byte offset and text (without its line break) of line `line` (1-based) of
/// `source`, split at `\n`, `\r\n` and `\r` as Python reads source.
fn nth_line(source: &str, line: u32) -> Option<(usize, &str)> {
    let mut start = 0;
    for _ in 1..line {
        let rest = &source[start..];
        let end = rest.find(['\n', '\r'])?;
        let skip = if rest[end..].starts_with("\r\n") { 2 } else { 1 };
        start += end + skip;
    }
    let rest = &source[start..];
    if rest.is_empty() && line > 1 {
        return None;
    }
    Some((start, rest.find(['\n', '\r']).map_or(rest, |end| &rest[..end])))
}

/// The source range of the instruction at `pc`.
fn position_at(func: &ArchivedFunction, pc: usize) -> Option<PosEntry> {
    let idx = func.positions.partition_point(|entry| entry.pc.to_native() as usize <= pc).checked_sub(1)?;
    let entry = &func.positions[idx];
    let entry = PosEntry {
        pc: entry.pc.to_native(),
        start: entry.start.to_native(),
        end: entry.end.to_native(),
        anchor_start: entry.anchor_start.to_native(),
        anchor_end: entry.anchor_end.to_native(),
    };
    (entry.start < entry.end).then_some(entry)
}

/// The line of `^` (and `~`) under a traceback's source line that CPython 3.11 prints for
/// an instruction covering `position` (byte offsets in the file); `None` when it prints
/// none: the instruction covers the whole line without anchors, or does not start on it.
fn carets(line_start: usize, line: &str, position: PosEntry) -> Option<String> {
    let (start, end) = (position.start as usize, position.end as usize);
    let line_end = line_start + line.len();
    if start < line_start || start >= line_end {
        return None;
    }
    let chars = |byte: usize| line.get(..byte - line_start).map(|before| before.chars().count());
    let start_offset = chars(start)?;
    let (end_offset, anchors) = if end <= line_end {
        let (anchor_start, anchor_end) = (position.anchor_start as usize, position.anchor_end as usize);
        let anchors = if anchor_start < anchor_end && line_start <= anchor_start && anchor_end <= line_end {
            Some((chars(anchor_start)?, chars(anchor_end)?))
        } else {
            None
        };
        (chars(end)?, anchors)
    } else {
        // An instruction spanning lines: marked to the last non-blank of its first line.
        (line.trim_end_matches(is_blank).chars().count(), None)
    };
    let truncation = line.chars().take_while(|&char| is_blank(char)).count();
    let stripped_len = line.chars().count() - truncation;
    if end_offset <= start_offset || (end_offset - start_offset == stripped_len && anchors.is_none()) {
        return None;
    }
    let mut out = String::from("    ");
    for offset in truncation..end_offset {
        out.push(match anchors {
            _ if offset < start_offset => ' ',
            Some((left, right)) if left <= offset && offset < right => '^',
            Some(_) => '~',
            None => '^',
        });
    }
    out.push('\n');
    Some(out)
}

fn vm_exc_class(classes: &[Rc<Class>], name: &str) -> Option<Rc<Class>> {
    classes.iter().find(|c| c.name == name).cloned()
}

/// The index of module-level function `name` (top-level `def`s are the exports).
fn find_function(module: &ArchivedModule, name: &str) -> Option<usize> {
    module.functions.iter().position(|f| matches!(f.kind, ArchivedFunctionKind::TopLevel) && f.name.as_str() == name)
}
