//! The stack of open brackets, with constant-time "where is the innermost `(`?" so that
//! error recovery stays linear even with thousands of open brackets.

/// An open bracket: its character and where it is.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Bracket {
    pub(crate) open: u8,
    pub(crate) offset: u32,
    /// Index of the next bracket of the same kind further out, or `NONE`.
    previous_same: u32,
}

const NONE: u32 = u32::MAX;

#[derive(Default)]
pub(crate) struct BracketStack {
    items: Vec<Bracket>,
    /// Per kind (`(`, `[`, `{`): index of the innermost open one, or `NONE`.
    innermost_of_kind: [u32; 3],
}

fn kind_index(open: u8) -> usize {
    match open {
        b'(' => 0,
        b'[' => 1,
        _ => 2,
    }
}

impl BracketStack {
    pub(crate) fn new() -> BracketStack {
        BracketStack { items: Vec::new(), innermost_of_kind: [NONE; 3] }
    }

    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(crate) fn last(&self) -> Option<&Bracket> {
        self.items.last()
    }

    pub(crate) fn push(&mut self, open: u8, offset: u32) {
        let kind = kind_index(open);
        let previous_same = self.innermost_of_kind[kind];
        self.innermost_of_kind[kind] = self.items.len() as u32;
        self.items.push(Bracket { open, offset, previous_same });
    }

    pub(crate) fn pop(&mut self) -> Option<Bracket> {
        let bracket = self.items.pop()?;
        self.innermost_of_kind[kind_index(bracket.open)] = bracket.previous_same;
        Some(bracket)
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        while self.items.len() > len {
            self.pop();
        }
    }

    pub(crate) fn clear(&mut self) {
        self.items.clear();
        self.innermost_of_kind = [NONE; 3];
    }

    /// The index of the innermost open bracket `open`, if it is at `base` or above.
    pub(crate) fn innermost(&self, open: u8, base: usize) -> Option<usize> {
        let idx = self.innermost_of_kind[kind_index(open)];
        (idx != NONE && idx as usize >= base).then_some(idx as usize)
    }
}
