//! Writing items as JSON Lines or a table, with progress on a terminal.

use std::io::{self, IsTerminal, Write};

use serde::Serialize;
use serde_json::Value;

use crate::args::Format;

/// The columns of a table: a title and the JSON field each shows.
pub type Columns = &'static [(&'static str, &'static str, usize)];

/// Writes items to standard output as they arrive.
pub struct Output {
    out: io::BufWriter<io::StdoutLock<'static>>,
    format: Format,
    columns: Columns,
    written: usize,
    progress: bool,
}

impl Output {
    pub fn new(format: Format, columns: Columns) -> Self {
        Self {
            out: io::BufWriter::new(io::stdout().lock()),
            format,
            columns,
            written: 0,
            progress: io::stderr().is_terminal(),
        }
    }

    /// Writes one item: a JSON line, or a table row (after the header).
    pub fn item(&mut self, item: &impl Serialize) -> io::Result<()> {
        let value = serde_json::to_value(item).map_err(io::Error::other)?;
        self.value(&value)
    }

    pub fn value(&mut self, value: &Value) -> io::Result<()> {
        match self.format {
            Format::Jsonl | Format::Json => {
                serde_json::to_writer(&mut self.out, value).map_err(io::Error::other)?;
                self.out.write_all(b"\n")?;
            }
            Format::Table => {
                if self.written == 0 {
                    let titles: Vec<_> = self.columns.iter().map(|(t, _, w)| pad(t, *w)).collect();
                    writeln!(self.out, "{}", titles.join("  ").trim_end())?;
                }
                let cells: Vec<_> = self
                    .columns
                    .iter()
                    .map(|(_, field, width)| pad(&cell(value, field), *width))
                    .collect();
                writeln!(self.out, "{}", cells.join("  ").trim_end())?;
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Flushes what is written and, on a terminal, shows the count so far.
    pub fn page_done(&mut self) -> io::Result<()> {
        self.out.flush()?;
        if self.progress {
            eprint!("\r{} items…", self.written);
        }
        Ok(())
    }

    /// Flushes and clears the progress line.
    pub fn finish(&mut self) -> io::Result<()> {
        self.out.flush()?;
        if self.progress && self.written > 0 {
            eprint!("\r\x1b[2K");
        }
        Ok(())
    }
}

/// A field as table text: strings bare, arrays by their length, absent as "-",
/// without terminal control characters.
fn cell(value: &Value, field: &str) -> String {
    match value.get(field) {
        None | Some(Value::Null) => "-".into(),
        Some(Value::String(s)) => printable(s),
        Some(Value::Array(a)) => a.len().to_string(),
        Some(other) => printable(&other.to_string()),
    }
}

/// `text` without the characters a terminal acts on instead of showing: C0 and
/// C1 controls (escape sequences start with one) and the bidirectional overrides
/// that reorder what is shown. Text from Zoom, or from whatever answers in its
/// place, must not move the cursor, retitle the window or disguise a line.
pub fn printable(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            !(c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'))
        })
        .collect()
}

fn pad(text: &str, width: usize) -> String {
    let shown: String = text.chars().take(width).collect();
    format!("{shown:<width$}")
}
