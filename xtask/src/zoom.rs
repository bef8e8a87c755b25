//! Zoom's conventions: its own operationIds, and rate-limit labels that it states
//! only in prose ("Rate Limit Label: LIGHT").

use crate::doc::{self, Value};
use crate::error::{Error, Result};

/// Our extension holding Zoom's operationId.
pub const OPERATION_ID: &str = "x-zoom-operation-id";
/// Our extension holding the rate-limit label.
pub const RATE_LIMIT_LABEL: &str = "x-zoom-rate-limit-label";

/// Moves each operationId into `x-zoom-operation-id` (unless that is already set)
/// and reads each rate-limit label out of the operation's description.
pub fn adopt(spec: &mut Value) -> Result<()> {
    for (path, method, at) in doc::operations(spec) {
        let name = format!("{} {path}", method.to_uppercase());
        let Some(Value::Mapping(op)) = doc::get_mut(spec, &at) else {
            continue;
        };
        if !op.contains_key(OPERATION_ID) {
            let id = op.remove("operationId").ok_or_else(|| {
                Error::new(format!("{name}: Zoom's document gives no operationId"))
            })?;
            op.insert(OPERATION_ID.into(), id);
        }
        let label = op
            .get("description")
            .and_then(Value::as_str)
            .and_then(rate_limit_label)
            .map(str::to_string);
        match label {
            Some(label) => {
                op.insert(RATE_LIMIT_LABEL.into(), label.into());
            }
            None if op.contains_key(RATE_LIMIT_LABEL) => {}
            None => {
                return Err(Error::new(format!(
                    "{name}: its description names no rate-limit label \
                     (Zoom writes \"Rate Limit Label: LIGHT\")"
                )));
            }
        }
    }
    Ok(())
}

/// Undoes [`adopt`]: Zoom's operationIds back in place, labels only in prose.
pub fn restore(spec: &mut Value) {
    for (_, _, at) in doc::operations(spec) {
        if let Some(Value::Mapping(op)) = doc::get_mut(spec, &at) {
            if let Some(id) = op.remove(OPERATION_ID) {
                op.insert("operationId".into(), id);
            }
            op.remove(RATE_LIMIT_LABEL);
        }
    }
}

/// The label in "Rate Limit Label: LIGHT" or "**Rate Limit Label**: `LIGHT`".
pub fn rate_limit_label(description: &str) -> Option<&str> {
    const MARK: &str = "Rate Limit Label";
    let start = description.find(MARK)? + MARK.len();
    let rest = description[start..]
        .trim_start_matches(|c: char| matches!(c, '*' | ':' | '`') || c.is_whitespace());
    let end = rest
        .find(|c: char| !(c.is_ascii_uppercase() || c == '-'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

#[cfg(test)]
mod tests {
    use super::rate_limit_label;

    #[test]
    fn labels_are_read_from_both_of_zooms_spellings() {
        assert_eq!(
            rate_limit_label("x.\n\nRate Limit Label: LIGHT"),
            Some("LIGHT")
        );
        assert_eq!(
            rate_limit_label("**Rate Limit Label**: `RESOURCE-INTENSIVE`\n"),
            Some("RESOURCE-INTENSIVE")
        );
        assert_eq!(rate_limit_label("Rate Limit Label: "), None);
        assert_eq!(rate_limit_label("no label here"), None);
    }
}
