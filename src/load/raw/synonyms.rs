//! `content/synonyms.yaml` as written: the site's own groups of words a
//! search treats as one (checked and merged with the built-in ones in
//! `validate::synonyms`).

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

/// `content/synonyms.yaml`: groups of words that a search treats as the
/// same word.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSynonyms {
    /// Whether the built-in groups (在宅勤務 = テレワーク, 電子申請 =
    /// オンライン申請, …) apply too; `true` when left out.
    #[serde(default)]
    #[schemars(with = "Option<bool>")]
    pub defaults: Option<bool>,
    /// Groups of at least two words each, e.g. `[ネツゲン, NETSUGEN]`: a
    /// search for any of them finds pages with any of them.
    #[schemars(with = "Vec<Vec<String>>")]
    pub groups: Vec<Vec<Spanned<String>>>,
}
