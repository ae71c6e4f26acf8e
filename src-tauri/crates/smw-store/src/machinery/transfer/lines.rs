//! Reading an export's lines in bounded memory: a line longer than any record or audit entry
//! the app writes is refused before it is read whole, and a byte-order mark some editors put
//! in front of the first line is skipped.

use crate::error::{StoreError, StoreResult};
use std::io::BufRead;

/// No line the app writes comes near this: the longest, an audit entry holding a 100 000
/// character description before and after an edit, escaped twice, is a few megabytes.
pub(super) const MAX_LINE_BYTES: usize = 64 << 20;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads the next line into `text` (cleared first, newline kept). Returns false at the end of
/// the input. `line_no` is the number the line will have, for the errors.
pub(super) fn next_line(input: &mut dyn BufRead, text: &mut String, line_no: u64) -> StoreResult<bool> {
    text.clear();
    let mut bytes = std::mem::take(text).into_bytes();
    let outcome = read_bounded(input, &mut bytes, line_no);
    if line_no == 1 && bytes.starts_with(BOM) {
        bytes.drain(..BOM.len());
    }
    let read = outcome?;
    match String::from_utf8(bytes) {
        Ok(line) => {
            *text = line;
            Ok(read)
        }
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            Err(super::import::bad(line_no, format!("not UTF-8 text (at byte {})", at + 1)))
        }
    }
}

fn read_bounded(input: &mut dyn BufRead, bytes: &mut Vec<u8>, line_no: u64) -> StoreResult<bool> {
    loop {
        let available = match input.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(StoreError::Io(error)),
        };
        if available.is_empty() {
            return Ok(!bytes.is_empty());
        }
        let (taken, done) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (available.len(), false),
        };
        if bytes.len() + taken > MAX_LINE_BYTES {
            return Err(super::import::bad(
                line_no,
                format!("the line is longer than {} MiB, more than any line an export holds", MAX_LINE_BYTES >> 20),
            ));
        }
        bytes.extend_from_slice(&available[..taken]);
        input.consume(taken);
        if done {
            return Ok(true);
        }
    }
}
