//! The checker: the file being validated and the diagnostics sink, carried
//! together, with the checks every entity's rules share (ids, links, allowed
//! values, years, numbers, dates).

use super::*;

/// One file under validation and the list its problems go to.
pub(super) struct Checker<'a> {
    file: &'a str,
    diags: &'a mut Diagnostics,
}

impl<'a> Checker<'a> {
    /// A checker of `file` that records into `diags`.
    pub(super) fn new(file: &'a str, diags: &'a mut Diagnostics) -> Self {
        Checker { file, diags }
    }

    /// The file under validation, relative to the site root.
    pub(super) fn file(&self) -> &'a str {
        self.file
    }

    /// The diagnostics sink, for a check of another file.
    pub(super) fn diags(&mut self) -> &mut Diagnostics {
        self.diags
    }

    /// The place of a value of this file.
    pub(super) fn place<T>(&self, at: &Spanned<T>) -> Place {
        Place::of(self.file, at)
    }

    /// An error at a value of this file, with a hint on how to fix it.
    pub(super) fn error<T>(
        &mut self,
        at: &Spanned<T>,
        code: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags
            .error_hint(Place::of(self.file, at), code, message, hint);
    }

    /// An error at a value of this file, without a hint.
    pub(super) fn error_plain<T>(
        &mut self,
        at: &Spanned<T>,
        code: &'static str,
        message: impl Into<String>,
    ) {
        self.diags.error(Place::of(self.file, at), code, message);
    }

    /// An error at a place of its own (a file, or a shifted place).
    pub(super) fn error_at(
        &mut self,
        place: Place,
        code: &'static str,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) {
        self.diags.error_hint(place, code, message, hint);
    }

    /// A link's address, with an error when its scheme is not allowed.
    pub(super) fn link_url(&mut self, url: &Spanned<String>) -> String {
        if !is_safe_link(&url.value) {
            self.error(
                url,
                "unsafe-link",
                format!(
                    "link `{}` uses an address kind that is not allowed",
                    url.value
                ),
                "use an http://, https:// or mailto: address, or a path inside the site",
            );
        }
        url.value.clone()
    }

    /// Checks that an id is URL-safe, has no stray space and is not a name
    /// Windows reserves.
    pub(super) fn check_id(&mut self, id: &Spanned<String>, what: &str) {
        let trimmed = id.value.trim();
        if let Some(space) = crate::load::pasted::stray_space(&id.value)
            && is_url_safe_id(trimmed)
        {
            self.error(
                id,
                "bad-id",
                format!(
                    "{what} id `{trimmed}` has {space} before or after it, which cannot be seen"
                ),
                format!("delete the space, so the line reads `{trimmed}` with nothing after it"),
            );
            return;
        }
        if !is_url_safe_id(&id.value) {
            self.error(
                id,
                "bad-id",
                format!("{what} id `{}` is not URL-safe", id.value),
                "use lowercase ASCII letters, digits and `-` only, starting with a letter or digit (e.g. `somu-soumu`)",
            );
        }
        self.reserved_name(self.place(id), &format!("{what} id"), &id.value);
    }

    /// Checks a file or folder name that becomes an id (a plan folder, a
    /// page file): URL-safe and not reserved by Windows. `hint` says how
    /// to name it.
    pub(super) fn file_name_id(&mut self, place: Place, what: &str, name: &str, hint: &str) {
        if !is_url_safe_id(name) {
            self.error_at(
                place.clone(),
                "bad-id",
                format!("{what} `{name}` is not URL-safe"),
                hint,
            );
        }
        self.reserved_name(place, what, name);
    }

    /// Refuses a name Windows cannot use for a file or folder (see
    /// [`is_windows_reserved`]): the published site could not be copied there.
    pub(super) fn reserved_name(&mut self, place: Place, what: &str, name: &str) {
        if is_windows_reserved(name) {
            self.error_at(
                place,
                "reserved-name",
                format!("{what} `{name}` is a file name Windows reserves for devices"),
                format!("Windows cannot use con, prn, aux, nul, com0–com9 or lpt0–lpt9 as a file name (with any extension), so the published site could not be copied or unzipped there; choose another, e.g. `{name}-1`"),
            );
        }
    }

    /// The allowed value `value` is, or an error listing them.
    pub(super) fn one_of<'v>(
        &mut self,
        value: &Spanned<String>,
        what: &str,
        allowed: &[&'v str],
    ) -> Option<&'v str> {
        let found = allowed.iter().find(|a| **a == value.value).copied();
        if found.is_none() {
            self.error(
                value,
                "bad-value",
                format!("{what} `{}` is not one of the allowed values", value.value),
                format!("write one of: {}", allowed.join(", ")),
            );
        }
        found
    }

    /// [`Checker::one_of`] for the words of an enum (`names`, e.g.
    /// [`Direction::NAMES`]): the value the word stands for.
    pub(super) fn one_of_named<T: Copy>(
        &mut self,
        value: &Spanned<String>,
        what: &str,
        names: &[(&str, T)],
    ) -> Option<T> {
        let allowed: Vec<&str> = names.iter().map(|(word, _)| *word).collect();
        let word = self.one_of(value, what, &allowed)?;
        names.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
    }

    /// A plausible fiscal year, or 0 after an error.
    pub(super) fn year_in_range(&mut self, year: &Spanned<i64>, what: &str) -> i32 {
        if !years::plausible(year.value) {
            self.error(
                year,
                "bad-year",
                format!("{what} {} is not a plausible fiscal year", year.value),
                "write the fiscal year in the Western calendar, e.g. 2025 for 令和7年度",
            );
            return 0;
        }
        year.value as i32
    }

    /// A fiscal year inside `period`, or an error (the year is returned either way).
    pub(super) fn year_in_period(
        &mut self,
        year: &Spanned<i64>,
        what: &str,
        period: Period,
    ) -> i32 {
        let y = self.year_in_range(year, what);
        if y != 0 && !period.contains(y) {
            self.error(
                year,
                "year-out-of-period",
                format!(
                    "{what} {y} is outside the plan period {}–{}",
                    period.from, period.to
                ),
                format!("use a fiscal year from {} to {}", period.from, period.to),
            );
        }
        y
    }

    /// A finite number, or 0 after an error.
    pub(super) fn finite(&mut self, value: &Spanned<f64>, what: &str) -> f64 {
        if !value.value.is_finite() {
            self.error(
                value,
                "not-finite",
                format!("{what} is not a finite number"),
                "write a plain number such as 12.5; if there is no value yet, leave the entry out",
            );
            return 0.0;
        }
        value.value
    }

    /// Whether `value` is a date that exists ([`Date`]: `YYYY-MM-DD`, or also
    /// `YYYY-MM` when `allow_month`). If not, an error at `place` says so:
    /// `hint` for a text not written as a date, the month's last day for a day
    /// past it (2025-02-31).
    pub(super) fn date_ok(
        &mut self,
        place: Place,
        value: &str,
        allow_month: bool,
        what: &str,
        hint: &str,
    ) -> bool {
        match Date::parse(value, allow_month) {
            Ok(_) => true,
            Err(DateError::Day { year, month, days }) => {
                self.error_at(
                    place,
                    "bad-date",
                    format!("{what} `{value}` is not a date: {year}年{month}月 has {days} days"),
                    format!(
                        "check the day; the last day of the month is {year:04}-{month:02}-{days:02}"
                    ),
                );
                false
            }
            Err(DateError::Form | DateError::Month) => {
                self.error_at(
                    place,
                    "bad-date",
                    format!("{what} `{value}` is not a date"),
                    hint,
                );
                false
            }
        }
    }

    /// The entries of `list` whose ids are valid and not already used, with
    /// an error for each other one.
    pub(super) fn unique_by_id<'r, T>(
        &mut self,
        list: &'r [T],
        id: impl Fn(&T) -> &Spanned<String>,
        what: &str,
    ) -> Vec<&'r T> {
        let mut seen: HashMap<&str, u64> = HashMap::new();
        let mut out = Vec::new();
        for entry in list {
            let key = id(entry);
            self.check_id(key, what);
            if let Some(line) = seen.insert(&key.value, key.referenced.line()) {
                self.error(
                    key,
                    "duplicate-id",
                    format!("duplicate {what} id `{}`", key.value),
                    format!("it is already used on line {line}"),
                );
            } else {
                out.push(entry);
            }
        }
        out
    }
}
