//! What changed between a committed file and the text a task makes of it.

use similar::{ChangeTag, TextDiff};

/// `(added, removed)` lines from `old` to `new`.
pub fn line_counts(old: &str, new: &str) -> (usize, usize) {
    TextDiff::from_lines(old, new).iter_all_changes().fold(
        (0, 0),
        |(add, del), change| match change.tag() {
            ChangeTag::Insert => (add + 1, del),
            ChangeTag::Delete => (add, del + 1),
            ChangeTag::Equal => (add, del),
        },
    )
}

/// A unified diff from `old` to `new` with these header labels, cut to at most
/// `max_lines` lines (a note says how many more there were).
pub fn unified(labels: (&str, &str), old: &str, new: &str, max_lines: usize) -> String {
    let text = TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(labels.0, labels.1)
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= max_lines {
        return text;
    }
    format!(
        "{}\n... {} more diff lines\n",
        lines[..max_lines].join("\n"),
        lines.len() - max_lines
    )
}
