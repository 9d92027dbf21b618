//! Runs a Typhon program (a `.py` file or a directory with `main.py`) through typeck,
//! the compiler and the VM, executing from archived bytecode; prints its stdout and
//! stderr and exits with its status. `--disasm` prints the bytecode instead.

#[path = "../tests/support/mod.rs"]
mod support;

use std::io::Write;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let disasm = args.iter().any(|a| a == "--disasm");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: run_file [--disasm] PATH");
        std::process::exit(2);
    };
    let path = Path::new(path);
    if disasm {
        let (sources, _) = match support::load(path) {
            Ok(loaded) => loaded,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(2);
            }
        };
        match support::build(&sources) {
            Ok(modules) => {
                for module in modules {
                    match typhon_vm::bytecode::access(module.bytes()) {
                        Ok(archived) => print!("{}", typhon_vm::disasm::disassemble(archived)),
                        Err(e) => eprintln!("{e}"),
                    }
                }
            }
            Err(e) => {
                eprint!("{e}");
                std::process::exit(1);
            }
        }
        return;
    }
    match support::run_path(path) {
        Ok(outcome) => {
            let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
            let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
            std::process::exit(outcome.status);
        }
        Err(e) => {
            eprint!("{e}");
            std::process::exit(1);
        }
    }
}
