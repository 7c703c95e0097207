//! Raw content records: serde structs that mirror the YAML files one to one.
//!
//! Every struct denies unknown keys, so a misspelt key is an error instead of
//! being silently ignored. Values that other records refer to, or that need a
//! range check, are wrapped in [`Spanned`] so validation can point at their
//! line and column. Nothing here checks meaning: that is `validate`'s job.

mod indicator;
mod item;
mod plan;
mod results;
mod synonyms;

pub use indicator::*;
pub use item::*;
pub use plan::*;
pub use results::*;
pub use synonyms::*;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::achievement::{Direction, Measure, SeriesKind, TargetKind};

/// A URL-safe id: lowercase ASCII letters, digits and `-`, starting with a
/// letter or digit, not ending with `-`, at most 64 characters.
pub const ID_PATTERN: &str = "^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$";

/// A date written `YYYY-MM-DD`.
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";

/// A month `YYYY-MM` or a date `YYYY-MM-DD`.
pub const MONTH_OR_DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$";

/// An absolute `http://` or `https://` address.
pub const HTTP_URL_PATTERN: &str = "^https?://";

/// The schema's `enum` of the words in `names`, with `null` when the key may
/// be left out: the words come from the enum the validator reads them into.
fn names<T>(names: &[(&'static str, T)], optional: bool) -> serde_json::Value {
    let words = names.iter().map(|(word, _)| serde_json::Value::from(*word));
    let null = optional.then_some(serde_json::Value::Null);
    words.chain(null).collect()
}

/// `content/site.yaml`: settings that apply to the whole site.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSite {
    /// Site title, shown in every page title and header.
    pub title: String,
    /// The organisation that publishes the plan, e.g. 群馬県.
    pub organisation: String,
    /// Absolute URL the site is served from; used only for sitemap and canonical links.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(HTTP_URL_PATTERN))]
    pub base_url: Option<Spanned<String>>,
    /// Language of the interface; only `ja` for now.
    #[serde(default)]
    #[schemars(with = "Option<String>", extend("enum" = ["ja", null]))]
    pub language: Option<Spanned<String>>,
    /// Show the Japanese era beside fiscal years: 2025年度（令和7年度）.
    #[serde(default)]
    pub era_years: bool,
    /// One-sentence description used in page metadata.
    #[serde(default)]
    pub description: Option<String>,
    /// Who to contact about the plan (Markdown).
    #[serde(default)]
    pub contact: Option<String>,
    /// A notice shown at the top of every page, on screen and in print
    /// (Markdown), e.g. that the site is a sample and not the official one.
    #[serde(default)]
    pub notice: Option<String>,
    /// Whether the organisation itself publishes this site; only then is it
    /// shown as the publisher (発行).
    #[serde(default)]
    pub official: bool,
    /// Licence of the published data (also accepted as `license`), shown in
    /// every page footer, on the data page and in `data/catalog.jsonld`.
    /// Left out, CC BY 4.0. For `CC BY 4.0` and 公共データ利用規約（第1.0版）
    /// (`PDL1.0`) the link to the licence text is filled in when `url` is
    /// left out.
    #[serde(default, alias = "license")]
    #[schemars(example = serde_json::json!({"name": "公共データ利用規約（第1.0版）"}))]
    pub licence: Option<RawLicence>,
}

/// A licence: its name and where its text lives.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLicence {
    /// Short name, e.g. `CC BY 4.0`.
    pub name: String,
    /// Link to the licence text.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
}

/// `content/divisions.yaml`: every division (所属) that items may name.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDivisions {
    /// The divisions, in display order.
    pub divisions: Vec<RawDivision>,
}

/// One division 所属.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDivision {
    /// URL-safe id (ASCII letters, digits, `-`), used in page addresses.
    #[schemars(with = "String", pattern(ID_PATTERN))]
    pub id: Spanned<String>,
    /// Official name, e.g. デジタルトランスフォーメーション課.
    #[schemars(with = "String")]
    pub name: Spanned<String>,
    /// Bureau 部局 the division belongs to.
    #[serde(default)]
    pub bureau: Option<String>,
    /// Other spellings found in documents, e.g. （総）総務課; items may use them.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub aliases: Vec<Spanned<String>>,
    /// How residents reach the division, shown on its page as written,
    /// e.g. 電話 027-000-0000（代表）.
    #[serde(default)]
    pub contact: Option<String>,
    /// The division's own web page: an `https://`, `http://` or `mailto:`
    /// address (other kinds are refused).
    #[serde(default)]
    #[schemars(with = "Option<String>", example = &"https://www.pref.example.jp/soshiki/jinji/")]
    pub url: Option<Spanned<String>>,
}

/// Front matter of a Markdown page in `content/pages/`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPageMeta {
    /// Page title.
    pub title: String,
    /// Position in navigation; lower first.
    #[serde(default)]
    pub order: Option<i64>,
    /// Date of the page, `YYYY-MM-DD`.
    #[serde(default)]
    #[schemars(with = "Option<String>", pattern(DATE_PATTERN))]
    pub date: Option<Spanned<String>>,
    /// One-sentence description for metadata.
    #[serde(default)]
    pub description: Option<String>,
}
