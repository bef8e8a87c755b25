//! The canonical YAML text of the spec: a fixed header, then the document in block
//! style, two-space indents, long prose folded (`>-`) at [`WIDTH`] columns.
//!
//! Hand-written because no YAML serializer folds long strings; every emitted text
//! is parsed back and compared with the document, so an emitter bug fails regen
//! instead of writing a spec that says something else.

use std::fmt::Write;

use crate::doc::{Mapping, Value};
use crate::error::{Error, Result};

/// Lines are folded to fit this many columns where the text allows it.
pub const WIDTH: usize = 88;

/// The document as YAML, after `header` (each line of which must be a comment).
pub fn yaml(doc: &Value, header: &str) -> Result<String> {
    let mut out = String::from(header);
    match doc {
        Value::Mapping(map) if !map.is_empty() => mapping(&mut out, map, 0, false),
        _ => {
            return Err(Error::new(
                "only a non-empty mapping can be emitted as a document",
            ));
        }
    }
    let parsed: Value = serde_norway::from_str(&out)
        .map_err(|e| Error::new(format!("xtask emitted YAML it cannot read back: {e}")))?;
    if &parsed != doc {
        return Err(Error::new(
            "xtask emitted YAML that reads back as a different document (an emitter bug)",
        ));
    }
    Ok(out)
}

/// The document as pretty JSON, two-space indents, with a final newline.
pub fn json(doc: &Value) -> Result<String> {
    serde_json::to_string_pretty(doc)
        .map(|text| text + "\n")
        .map_err(|e| Error::new(format!("cannot write the document as JSON: {e}")))
}

fn mapping(out: &mut String, map: &Mapping, indent: usize, first_inline: bool) {
    for (i, (key, value)) in map.iter().enumerate() {
        if i > 0 || !first_inline {
            pad(out, indent);
        }
        let key = key_text(key);
        out.push_str(&key);
        out.push(':');
        after_key(out, value, indent, indent + key.len() + 2);
    }
}

fn sequence(out: &mut String, items: &[Value], indent: usize, first_inline: bool) {
    for (i, item) in items.iter().enumerate() {
        if i > 0 || !first_inline {
            pad(out, indent);
        }
        out.push_str("- ");
        match item {
            Value::Mapping(map) if !map.is_empty() => mapping(out, map, indent + 2, true),
            Value::Sequence(seq) if !seq.is_empty() => sequence(out, seq, indent + 2, true),
            scalar => {
                out.push_str(&scalar_text(scalar, indent + 2, indent + 2));
                out.push('\n');
            }
        }
    }
}

/// The value of a mapping entry whose `key:` is written; `column` is where an
/// inline scalar would start.
fn after_key(out: &mut String, value: &Value, indent: usize, column: usize) {
    match value {
        Value::Mapping(map) if !map.is_empty() => {
            out.push('\n');
            mapping(out, map, indent + 2, false);
        }
        Value::Sequence(seq) if !seq.is_empty() => {
            out.push('\n');
            sequence(out, seq, indent + 2, false);
        }
        scalar => {
            out.push(' ');
            out.push_str(&scalar_text(scalar, indent + 2, column));
            out.push('\n');
        }
    }
}

fn scalar_text(value: &Value, block_indent: usize, column: usize) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => string_text(s, block_indent, column),
        Value::Mapping(_) => "{}".to_string(),
        Value::Sequence(_) => "[]".to_string(),
        Value::Tagged(tagged) => scalar_text(&tagged.value, block_indent, column),
    }
}

fn string_text(s: &str, block_indent: usize, column: usize) -> String {
    let fits = !s.contains('\n') && column + s.len() <= WIDTH;
    // Prose only: folding a long token with no space would gain nothing.
    let foldable = is_foldable(s) && s.contains([' ', '\n']);
    if is_plain(s) && (fits || !foldable) {
        s.to_string()
    } else if foldable && !fits {
        folded(s, block_indent)
    } else {
        quoted(s)
    }
}

fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) if is_plain(s) => s.clone(),
        Value::String(s) => quoted(s),
        other => scalar_text(other, 0, 0),
    }
}

/// Whether `s` can be written without quotes and still read back as this string.
fn is_plain(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let safe_start = first.is_ascii_alphabetic() || matches!(first, '/' | '_' | '$' | '(');
    let safe_chars = s.chars().all(|c| !c.is_control() && c != '\t');
    safe_start
        && safe_chars
        && !s.ends_with([' ', ':'])
        && !s.contains(": ")
        && !s.contains(" #")
        && reads_back_as_string(s)
}

/// Catches plain scalars YAML resolves to something else (`true`, `null`, `Yes` ...).
fn reads_back_as_string(s: &str) -> bool {
    let parsed: std::result::Result<Value, _> = serde_norway::from_str(&format!("k: {s}"));
    matches!(parsed, Ok(Value::Mapping(map)) if map.get("k").and_then(Value::as_str) == Some(s))
}

/// Whether `s` can be a folded block scalar: prose with no whitespace at the edges
/// of any line, and no control characters.
fn is_foldable(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('\n')
        && !s.ends_with('\n')
        && s.chars()
            .all(|c| c == '\n' || (!c.is_control() && c != '\t'))
        && s.split('\n')
            .all(|line| !line.starts_with(' ') && !line.ends_with(' '))
}

/// `>-` then the text: each line break becomes an empty line (YAML folding turns a
/// single break between text lines into a space), each paragraph wrapped at
/// single spaces.
fn folded(s: &str, indent: usize) -> String {
    let mut out = String::from(">-");
    for (i, paragraph) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for line in wrap(paragraph, WIDTH.saturating_sub(indent).max(20)) {
            out.push('\n');
            pad(&mut out, indent);
            out.push_str(line);
        }
    }
    out
}

/// Greedy word wrap that breaks only at a space with text on both sides, so
/// folding the lines back restores the text exactly.
fn wrap(text: &str, width: usize) -> Vec<&str> {
    let mut lines = Vec::new();
    let mut rest = text;
    while rest.len() > width {
        let bytes = rest.as_bytes();
        let breakable = |i: &usize| {
            bytes[*i] == b' '
                && *i > 0
                && bytes[*i - 1] != b' '
                && bytes.get(*i + 1).is_some_and(|b| *b != b' ')
        };
        let Some(at) = (1..=width.min(bytes.len() - 1))
            .rev()
            .find(breakable)
            .or_else(|| (width..bytes.len()).find(breakable))
        else {
            break;
        };
        lines.push(&rest[..at]);
        rest = &rest[at + 1..];
    }
    if !rest.is_empty() {
        lines.push(rest);
    }
    lines
}

/// Single quotes where they suffice, else a JSON string (valid YAML double-quoted).
fn quoted(s: &str) -> String {
    if s.chars().all(|c| !c.is_control()) {
        format!("'{}'", s.replace('\'', "''"))
    } else {
        serde_json::to_string(s).expect("a string always serializes")
    }
}

fn pad(out: &mut String, indent: usize) {
    let _ = write!(out, "{:indent$}", "");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(strings: &[&str]) {
        let mut map = Mapping::new();
        for (i, s) in strings.iter().enumerate() {
            map.insert(format!("k{i}").into(), (*s).into());
            map.insert((*s).into(), Value::Sequence(vec![(*s).into()]));
        }
        let doc = Value::Mapping(map);
        let text = yaml(&doc, "# test\n").unwrap();
        let parsed: Value = serde_norway::from_str(&text).unwrap();
        assert_eq!(parsed, doc, "{text}");
    }

    #[test]
    fn strings_yaml_would_misread_are_quoted() {
        round_trip(&[
            "true",
            "null",
            "~",
            "yes",
            "No",
            "on",
            "123",
            "1e3",
            "0x1F",
            "2025-02-14",
            "127.0.0.1",
            "'200'",
            "#/components/x",
            "- item",
            "a: b",
            "a #b",
            "ends:",
            " lead",
            "trail ",
            "",
            "*alias",
            "&anchor",
            "!tag",
            "@at",
            "`tick",
            "{x}",
            "[x]",
            "%x",
            "|x",
            ">x",
            "?x",
            "\"q\"",
            "it's",
            "tab\there",
            "bell\u{7}",
        ]);
    }

    #[test]
    fn prose_is_folded_and_reads_back_exactly() {
        let long = "word ".repeat(40);
        round_trip(&[
            long.trim_end(),
            "First paragraph that is long enough to need folding at the width limit of the file.\n\nSecond.",
            "one\ntwo",
            "a\n\n\nb",
            "double  spaces  stay  where  they  are in text that is long enough to need wrapping at all",
            "a_very_long_token_without_any_spaces_at_all_that_cannot_be_wrapped_anywhere_so_stays_long",
            "trailing newline\n",
            "line with trailing space \nnext",
            "unicode – dash and ‘quotes’ and emoji 🎉 in a line that is long enough to be folded",
        ]);
    }

    #[test]
    fn wrapping_never_breaks_at_a_double_space() {
        let text = "aaaa  bbbb cccc";
        assert_eq!(wrap(text, 6), vec!["aaaa  bbbb", "cccc"]);
    }
}
