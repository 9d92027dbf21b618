//! Python's slice arithmetic (`PySlice_Unpack` + `PySlice_AdjustIndices`), shared by
//! every sequence type.

use super::errors::{RtResult, RuntimeError};

/// The concrete positions a slice selects in a sequence of known length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    /// How many elements the slice selects.
    pub len: usize,
}

impl SliceIndices {
    /// Resolves `seq[start:stop:step]` for a sequence of `length` elements. Bounds are
    /// the slice's values clamped to i64 (CPython clamps to Py_ssize_t likewise).
    pub fn new(length: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> RtResult<SliceIndices> {
        let step = step.unwrap_or(1);
        if step == 0 {
            return Err(RuntimeError::value("slice step cannot be zero"));
        }
        // CPython keeps -step representable.
        let step = step.max(-i64::MAX);
        let length = length as i64;
        let backwards = step < 0;
        let adjust = |value: i64| {
            if value < 0 {
                let value = value + length;
                if value < 0 { if backwards { -1 } else { 0 } } else { value }
            } else if value >= length {
                if backwards { length - 1 } else { length }
            } else {
                value
            }
        };
        let start = adjust(start.unwrap_or(if backwards { i64::MAX } else { 0 }));
        let stop = adjust(stop.unwrap_or(if backwards { i64::MIN } else { i64::MAX }));
        let len = if backwards {
            if stop < start { (start - stop - 1) / (-step) + 1 } else { 0 }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIndices { start, stop, step, len: len as usize })
    }

    /// The selected positions, in order.
    pub fn positions(self) -> impl Iterator<Item = usize> {
        (0..self.len as i64).map(move |k| (self.start + k * self.step) as usize)
    }
}

/// Resolves a subscript `seq[index]`: negative counts from the end; `None` when out
/// of range (the caller raises its own "`<type> index out of range`").
pub fn resolve_index(length: usize, index: i64) -> Option<usize> {
    let length = length as i64;
    let resolved = if index < 0 { index.checked_add(length)? } else { index };
    (0..length).contains(&resolved).then_some(resolved as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn picks(length: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> Vec<usize> {
        SliceIndices::new(length, start, stop, step).expect("valid").positions().collect()
    }

    #[test]
    fn slices_clamp_like_python() {
        assert_eq!(picks(5, None, None, Some(-1)), [4, 3, 2, 1, 0]);
        assert_eq!(picks(5, Some(-2), None, None), [3, 4]);
        assert_eq!(picks(5, Some(10), Some(-10), Some(-2)), [4, 2, 0]);
        assert_eq!(picks(5, Some(3), Some(1), None), Vec::<usize>::new());
        assert_eq!(picks(5, Some(i64::MIN), Some(i64::MAX), Some(i64::MIN)), Vec::<usize>::new());
        let err = SliceIndices::new(5, None, None, Some(0)).expect_err("zero step");
        assert_eq!(err.message, "slice step cannot be zero");
        assert_eq!(resolve_index(3, -1), Some(2));
        assert_eq!(resolve_index(3, 3), None);
        assert_eq!(resolve_index(3, i64::MIN), None);
    }
}
