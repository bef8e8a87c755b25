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

/// A field as table text: strings bare, arrays by their length, absent as "-".
fn cell(value: &Value, field: &str) -> String {
    match value.get(field) {
        None | Some(Value::Null) => "-".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a.len().to_string(),
        Some(other) => other.to_string(),
    }
}

fn pad(text: &str, width: usize) -> String {
    let shown: String = text.chars().take(width).collect();
    format!("{shown:<width$}")
}
