//! Recognising what copying from Excel or Word leaves in a content file —
//! full-width (全角) colons, spaces and digits, numbers written `1,234`,
//! `12.5%` or `210者`, text saved as Shift_JIS or UTF-16, an empty file — so
//! the message says what to type instead of what the parser missed.

use crate::diagnostics::{Diagnostic, Place, Severity};

/// How to save a file as UTF-8, said once for every encoding message.
const SAVE_AS_UTF8: &str = "open the file in a text editor and save it as UTF-8 (「UTF-8 で保存」; in メモ帳: 名前を付けて保存 → 文字コード「UTF-8」); a table from Excel can instead be read with `kohyo import`, which understands Shift_JIS";

/// Decodes a content file, which must be UTF-8 (a byte-order mark is
/// allowed). Anything else is one error that names the encoding found —
/// UTF-16 or Shift_JIS — and, for Shift_JIS, the line of the first character
/// that is not UTF-8.
pub fn decode(bytes: Vec<u8>, file: &str) -> Result<String, Diagnostic> {
    let err = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(err) => err,
    };
    let valid = err.utf8_error().valid_up_to();
    let bytes = err.into_bytes();
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.iter().take(64).filter(|&&b| b == 0).count() >= 4;
    if utf16 {
        return Err(encoding_error(
            Place::file(file),
            "the file is saved as UTF-16 (Windows' \"Unicode\"), but content files must be UTF-8"
                .into(),
        ));
    }
    let before = &bytes[..valid];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let place = Place {
        file: file.to_string(),
        line: 1 + before.iter().filter(|&&b| b == b'\n').count() as u64,
        column: 1 + String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count() as u64,
    };
    let sjis = encoding_rs::SHIFT_JIS
        .decode_without_bom_handling_and_without_replacement(&bytes)
        .is_some();
    let message = if sjis {
        "the file is saved as Shift_JIS (the encoding of older Windows programs and Excel), but content files must be UTF-8"
    } else {
        "the file is not UTF-8 text (its encoding is not one kohyo knows)"
    };
    Err(encoding_error(place, message.into()))
}

fn encoding_error(place: Place, message: String) -> Diagnostic {
    Diagnostic {
        place,
        severity: Severity::Error,
        code: "encoding",
        message,
        hint: Some(SAVE_AS_UTF8.into()),
    }
}

/// The invisible space around `value`, in words, if it has one before or
/// after it: "a full-width space (全角スペース)" (pasted from Excel) or "a space".
pub fn stray_space(value: &str) -> Option<&'static str> {
    let trimmed = value.trim();
    (trimmed != value).then_some(if value.contains('\u{3000}') {
        "a full-width space (全角スペース)"
    } else {
        "a space"
    })
}

/// The lines of `text` as YAML counts them: a line ends at `\n`, `\r\n` or
/// a lone `\r` (`str::lines` treats a lone `\r` as part of the line, which
/// would put every later position one line too high).
fn yaml_lines(text: &str) -> impl Iterator<Item = &str> {
    text.split("\r\n").flat_map(|part| part.split(['\r', '\n']))
}

/// Whether `text` holds nothing but blank lines and comments.
pub fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        l.is_empty() || l.starts_with('#')
    })
}

/// The error for a file with nothing in it.
pub fn empty(file: &str) -> Diagnostic {
    Diagnostic {
        place: Place::file(file),
        severity: Severity::Error,
        code: "empty-file",
        message: "the file is empty (it has no keys, only blank lines or comments)".into(),
        hint: Some("write its keys (docs/content-format.md lists them and has an example); an item or results file that is not needed can be deleted".into()),
    }
}

/// Full-width characters pasted where YAML needs half-width ones: a colon
/// after a key (`title：…`), a space after the colon (`title:　…`) or
/// indentation (`　　title: …`). `first_line` is the line number of the
/// first line of `text` minus one (front matter starts below `---`).
pub fn full_width_structure(text: &str, file: &str, first_line: u64) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (n, line) in yaml_lines(text).enumerate() {
        let place = |column: usize| Place {
            file: file.to_string(),
            line: first_line + n as u64 + 1,
            column: column as u64 + 1,
        };
        let chars: Vec<char> = line.chars().collect();
        let indent = chars
            .iter()
            .take_while(|c| matches!(c, ' ' | '\u{3000}' | '-'))
            .count();
        if let Some(at) = chars[..indent].iter().position(|&c| c == '\u{3000}') {
            found.push(pasted(
                place(at),
                "the line is indented with full-width spaces (全角スペース)".into(),
                "indent with half-width (半角) spaces only, lined up with the lines around it"
                    .into(),
            ));
            continue;
        }
        let key_len = chars[indent..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
            .count();
        if key_len == 0 {
            continue;
        }
        let key: String = chars[indent..indent + key_len].iter().collect();
        let after = indent + key_len;
        match (chars.get(after), chars.get(after + 1)) {
            (Some('：'), _) => found.push(pasted(
                place(after),
                format!("the colon after `{key}` is full-width (全角の「：」)"),
                format!("write a half-width colon and a space: `{key}: `"),
            )),
            (Some(':'), Some('\u{3000}')) => found.push(pasted(
                place(after + 1),
                format!("the space after `{key}:` is full-width (全角スペース)"),
                format!("write a half-width space after the colon: `{key}: `"),
            )),
            _ => {}
        }
    }
    found
}

fn pasted(place: Place, message: String, hint: String) -> Diagnostic {
    Diagnostic {
        place,
        severity: Severity::Error,
        code: "full-width",
        message,
        hint: Some(hint),
    }
}

/// The value written at `column` (1-based, in characters) of `line`: a
/// quoted scalar with its quotes, or a plain one up to a comment or, inside
/// `{…}` and `[…]`, the next `,`.
fn scalar_at(line: &str, column: u64, in_flow: bool) -> String {
    let rest: String = line
        .chars()
        .skip(usize::try_from(column.max(1) - 1).unwrap_or(usize::MAX))
        .collect();
    if let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let end = rest[1..].find(quote).map_or(rest.len(), |i| i + 2);
        return rest[..end].to_string();
    }
    let end = rest
        .find(" #")
        .into_iter()
        .chain(in_flow.then(|| rest.find([',', '}', ']'])).flatten())
        .min()
        .unwrap_or(rest.len());
    rest[..end].trim().to_string()
}

/// Full-width digits, signs and spaces (全角) turned into half-width ones.
fn half_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '０'..='９' | '．' | '，' | '－' | '％' | '＋' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            '\u{2212}' => '-',
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A message and hint for a number written the way a spreadsheet shows it,
/// if `written` (the value as in the file) is one: full-width digits,
/// quotes, thousands separators, a trailing `%` or unit.
pub fn explain_number(written: &str, whole: bool) -> Option<(String, String)> {
    let mut problems: Vec<String> = Vec::new();
    let mut value = written.to_string();
    let half = half_width(&value);
    if half != value {
        problems.push("it is written in full-width (全角) characters".into());
        value = half;
    }
    if let Some(inner) = value
        .strip_prefix('"')
        .and_then(|v| v.strip_suffix('"'))
        .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
    {
        problems.push("it is in quotes, which makes it text".into());
        value = inner.to_string();
    }
    let value = value.trim().to_string();
    let digits_end = value
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == ',' || c == '.' || (i == 0 && c == '-')))
        .map_or(value.len(), |(i, _)| i);
    let (number, unit) = value.split_at(digits_end);
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut plain = number.to_string();
    if plain.contains(',') {
        problems.push("it has a thousands separator (,)".into());
        plain.retain(|c| c != ',');
    }
    let unit = unit.trim();
    if !unit.is_empty() {
        problems.push(format!("it has a unit ({unit}) after the number"));
    }
    if problems.is_empty() || plain.parse::<f64>().is_err() || (whole && plain.contains('.')) {
        return None;
    }
    let mut hint = format!("write the number alone, in half-width (半角) digits, as `{plain}`");
    if !unit.is_empty() {
        hint.push_str(&format!(
            "; the unit belongs in the indicator's `unit` (e.g. `unit: {unit}`)"
        ));
    }
    Some((
        format!("`{written}` is not a plain number: {}", problems.join("; ")),
        hint,
    ))
}

/// Rewrites a parser error on a number written like a spreadsheet cell.
/// `line` is the text of the error's line (in the file as given).
pub fn refine(d: &mut Diagnostic, line: &str) {
    let number =
        d.message.contains("expected a whole number") || d.message.contains("expected a number");
    if number {
        let before: String = line
            .chars()
            .take(usize::try_from(d.place.column.max(1) - 1).unwrap_or(0))
            .collect();
        let in_flow = before.contains('{') || before.contains('[');
        let written = scalar_at(line, d.place.column, in_flow);
        if let Some((message, hint)) = explain_number(&written, d.message.contains("whole number"))
        {
            d.code = "not-a-number";
            d.message = message;
            d.hint = Some(hint);
        }
        return;
    }
    // `{value: 1,234}`: the comma ends the value and `234` reads as a key.
    if d.code == "unknown-key" && d.place.column > 2 {
        let chars: Vec<char> = line.chars().collect();
        let at = usize::try_from(d.place.column - 1).unwrap_or(usize::MAX);
        if at > chars.len() || chars.get(at - 1) != Some(&',') {
            return;
        }
        let start = chars[..at - 1]
            .iter()
            .rposition(|c| !(c.is_ascii_digit() || *c == ','))
            .map_or(0, |i| i + 1);
        let end = chars[at..]
            .iter()
            .position(|c| !c.is_ascii_digit())
            .map_or(chars.len(), |i| at + i);
        let written: String = chars[start..end].iter().collect();
        if start < at - 1
            && let Some((message, hint)) = explain_number(&written, false)
        {
            d.code = "not-a-number";
            d.place.column = start as u64 + 1;
            d.message = message;
            d.hint = Some(hint);
        }
    }
}

/// Rewrites the error for a file that is a list (lines starting with `- `)
/// where a mapping of keys is needed; for `divisions.yaml`, whose list
/// belongs under a `divisions:` key, it says exactly that.
pub fn refine_top_level_list(d: &mut Diagnostic, text: &str) {
    let first = text
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'));
    if !first.is_some_and(|l| l.starts_with("- ") || l == "-") || !d.message.contains("mapping") {
        return;
    }
    d.code = "top-level-list";
    if d.place.file.ends_with("divisions.yaml") {
        d.message =
            "the divisions are written as a bare list; the list must come under a `divisions:` key"
                .into();
        d.hint = Some("add a line `divisions:` at the top of the file and indent every line of the list under it by two spaces".into());
    } else {
        d.message =
            "the file is a list (lines starting with `- `), but it must be a mapping of `key: value` lines".into();
        d.hint = Some("see docs/content-format.md for the keys this file starts with".into());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_spreadsheets_show_them() {
        let hint = |w: &str| explain_number(w, false).map(|(_, h)| h);
        assert_eq!(
            explain_number("1,234", false).unwrap().0,
            "`1,234` is not a plain number: it has a thousands separator (,)"
        );
        assert!(hint("\"1,234\"").unwrap().contains("`1234`"));
        assert!(
            hint("12.5%")
                .unwrap()
                .contains("`12.5`; the unit belongs in the indicator's `unit` (e.g. `unit: %`)")
        );
        assert!(hint("210者").unwrap().contains("`unit: 者`"));
        assert!(hint("１２.５").unwrap().contains("`12.5`"));
        assert_eq!(explain_number("12.5", false), None, "nothing to say");
        assert_eq!(explain_number("第一", true), None);
        assert_eq!(explain_number("1.5", true), None);
    }

    #[test]
    fn a_comma_in_a_flow_mapping_is_a_thousands_separator() {
        let mut d = Diagnostic {
            place: Place {
                file: "a.yaml".into(),
                line: 1,
                column: 17,
            },
            severity: Severity::Error,
            code: "unknown-key",
            message: "unknown key `234`".into(),
            hint: None,
        };
        refine(&mut d, "{year: 1, value: 1,234}");
        assert_eq!(
            (d.code, d.place.column),
            ("unknown-key", 17),
            "not after a comma"
        );
        d.place.column = 20;
        refine(&mut d, "{year: 1, value: 1,234}");
        assert_eq!((d.code, d.place.column), ("not-a-number", 18));
        d.code = "unknown-key";
        d.place.column = 99;
        refine(&mut d, "{a: 1,2}");
        assert_eq!(
            d.code, "unknown-key",
            "a column past the end changes nothing"
        );
    }

    #[test]
    fn values_are_cut_where_yaml_ends_them() {
        assert_eq!(scalar_at("value: 12.5% # 概算", 8, false), "12.5%");
        assert_eq!(scalar_at("{year: 2023, value: 12.5%}", 21, true), "12.5%");
        assert_eq!(scalar_at("value: \"1,234\"", 8, false), "\"1,234\"");
    }

    #[test]
    fn full_width_colons_spaces_and_indentation() {
        let text = "number: 1\ntitle：題名\n　　policy: 1\nnote:　メモ\nsummary: 目標：達成\n";
        let found = full_width_structure(text, "a.yaml", 0);
        let places: Vec<String> = found.iter().map(|d| d.place.to_string()).collect();
        assert_eq!(places, ["a.yaml:2:6", "a.yaml:3:1", "a.yaml:4:6"]);
    }

    #[test]
    fn encodings_are_named() {
        let sjis = encoding_rs::SHIFT_JIS
            .encode("title: 例\nnote: 人事課\n")
            .0
            .into_owned();
        let d = decode(sjis, "a.yaml").unwrap_err();
        assert!(d.message.contains("Shift_JIS"), "{d}");
        assert_eq!((d.place.line, d.place.column), (1, 8));
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("a: 1".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(
            decode(utf16, "a.yaml")
                .unwrap_err()
                .message
                .contains("UTF-16")
        );
        assert_eq!(decode(b"a: 1".to_vec(), "a.yaml").unwrap(), "a: 1");
    }
}
