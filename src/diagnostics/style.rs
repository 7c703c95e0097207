//! Terminal colours: used only when the stream is a terminal and `NO_COLOR`
//! is not set (see <https://no-color.org>).

use std::io::IsTerminal;

/// Whether to colour one output stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    on: bool,
}

/// A colour or weight, as an ANSI SGR code.
#[derive(Debug, Clone, Copy)]
pub enum Paint {
    /// Bold: the first line of a problem.
    Bold,
    /// Cyan: hints.
    Hint,
    /// Blue: the line-number gutter of a snippet.
    Gutter,
    /// Bold red: the caret under the offending column, and `error`.
    Error,
    /// Green: a successful summary.
    Ok,
}

impl Paint {
    fn code(self) -> &'static str {
        match self {
            Paint::Bold => "1",
            Paint::Hint => "36",
            Paint::Gutter => "34",
            Paint::Error => "1;31",
            Paint::Ok => "32",
        }
    }
}

impl Style {
    /// Colours for standard output.
    pub fn stdout() -> Self {
        Self::new(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR"),
        )
    }

    /// Colours for standard error.
    pub fn stderr() -> Self {
        Self::new(
            std::io::stderr().is_terminal(),
            std::env::var_os("NO_COLOR"),
        )
    }

    /// Colours only for a terminal, and never when `NO_COLOR` is set to a
    /// non-empty value.
    pub fn new(terminal: bool, no_color: Option<std::ffi::OsString>) -> Self {
        Style {
            on: terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }

    /// No colours at all (for a browser, or a file).
    pub fn plain() -> Self {
        Style { on: false }
    }

    /// `text` in `paint`, or unchanged when colours are off.
    pub fn paint(self, paint: Paint, text: &str) -> String {
        if self.on && !text.is_empty() {
            format!("\x1b[{}m{text}\x1b[0m", paint.code())
        } else {
            text.to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_only_on_a_terminal_without_no_color() {
        assert!(Style::new(true, None).on);
        assert!(Style::new(true, Some("".into())).on);
        assert!(!Style::new(true, Some("1".into())).on);
        assert!(!Style::new(false, None).on);
        assert_eq!(Style::plain().paint(Paint::Bold, "x"), "x");
        assert_eq!(
            Style::new(true, None).paint(Paint::Bold, "x"),
            "\x1b[1mx\x1b[0m"
        );
    }
}
