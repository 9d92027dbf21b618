//! The register and code accessors shared by the interpreter loop (`interp.rs`) and its
//! out-of-line instructions (`interp_cold.rs`), defined once so their `unsafe` reads and
//! the reasoning that justifies them cannot drift apart.

/// Defines, in the calling function, the macros `w!` (operand word `i` of the current
/// instruction), `reg!`/`reg_mut!` (a register of the running frame), `set!` and the
/// payload-only writers `set_int!`, `set_float!`, `set_bool!`. They read the caller's own
/// `vm` (`self`), `code`, `pc` and `base`, whose names are passed in because a macro
/// defined elsewhere cannot see a function's locals. `$d` must be a literal `$`: it lets
/// this macro write the inner macros' own metavariables on stable Rust.
// rustfmt re-indents the inner macros on every run (it does not understand `$d`), so
// the layout is kept by hand.
#[rustfmt::skip]
macro_rules! register_accessors {
    ($d:tt, $vm:ident, $code:ident, $pc:ident, $base:ident) => {
        macro_rules! w {
            ($d i:expr) => {
                // SAFETY: the verifier proved that no instruction is truncated, that
                // jumps land on instruction starts and that code cannot run off its end.
                {
                    let at = $pc + $d i;
                    unsafe { $code.get_unchecked(at) }.to_native() as usize
                }
            };
        }
        macro_rules! reg {
            ($d r:expr) => {
                // SAFETY: the verifier proved every register operand is below the
                // function's register count, and `grow` keeps `regs` at least
                // `base + n_regs` long for the running frame.
                (*{
                    let idx = $base + $d r;
                    unsafe { $vm.regs.get_unchecked(idx) }
                })
            };
        }
        macro_rules! reg_mut {
            ($d r:expr) => {{
                let idx = $base + $d r;
                // SAFETY: as for `reg!`: verified register operand, `regs` long enough.
                unsafe { $vm.regs.get_unchecked_mut(idx) }
            }};
        }
        macro_rules! set {
            ($d r:expr, $d v:expr) => {{
                let value = $d v;
                crate::value::assign(reg_mut!($d r), value);
            }};
        }
        // Writing just the payload when the register already holds the same kind avoids
        // building a 16-byte temporary (and a store-forwarding stall) in hot loops.
        macro_rules! set_int {
            ($d r:expr, $d v:expr) => {{
                let value: i64 = $d v;
                match reg_mut!($d r) {
                    Value::Int(slot) => *slot = value,
                    slot => crate::value::assign(slot, Value::Int(value)),
                }
            }};
        }
        macro_rules! set_float {
            ($d r:expr, $d v:expr) => {{
                let value: f64 = $d v;
                match reg_mut!($d r) {
                    Value::Float(slot) => *slot = value,
                    slot => crate::value::assign(slot, Value::Float(value)),
                }
            }};
        }
        macro_rules! set_bool {
            ($d r:expr, $d v:expr) => {{
                let value: bool = $d v;
                match reg_mut!($d r) {
                    Value::Bool(slot) => *slot = value,
                    slot => crate::value::assign(slot, Value::Bool(value)),
                }
            }};
        }
    };
}
