//! The checked content model: plain data with resolved references.
//!
//! Built by `validate` from the raw records once every rule holds, so code
//! that reads it can trust it: every policy, division and mark an item names
//! exists, years lie in range and numbers are finite. It knows nothing of
//! templates or output paths.

pub mod cycles;
mod ids;
mod index;
mod indicator;
mod item;
mod plan;
mod refs;
mod results;

pub use crate::achievement::{Direction, Measure, Outcome, SeriesKind, TargetPoint, TargetSeries};
pub use ids::*;
pub use index::Index;
pub use indicator::*;
pub use item::*;
pub use plan::*;
pub use refs::*;
pub use results::*;

/// The whole site: settings, divisions, plans and pages.
#[derive(Debug, Clone)]
pub struct Site {
    /// Site-wide settings.
    pub settings: Settings,
    /// Divisions in the order of `divisions.yaml`.
    pub divisions: Vec<Division>,
    /// Plans: the current one first, then archived ones, newest first.
    pub plans: Vec<Plan>,
    /// Markdown pages, by `order` then slug.
    pub pages: Vec<Page>,
    /// Synonym groups of the site search (built-in and `content/synonyms.yaml`).
    pub synonyms: Vec<Vec<String>>,
    /// Position of each division id in [`Site::divisions`].
    /// Built by [`Site::index_divisions`] once the divisions are in place.
    pub division_index: Index<DivisionId, usize>,
}

impl Site {
    /// The division with this id.
    ///
    /// Looked up in [`Site::division_index`]; if the index does not have it
    /// (not built, or `divisions` changed since), found by a search instead.
    pub fn division(&self, id: &str) -> Option<&Division> {
        self.division_position(id).map(|i| &self.divisions[i])
    }

    /// The position in [`Site::divisions`] of the division with this id,
    /// found as [`Site::division`] finds it.
    pub fn division_position(&self, id: &str) -> Option<usize> {
        self.division_index
            .get(id)
            .copied()
            .filter(|&i| self.divisions.get(i).is_some_and(|d| d.id == id))
            .or_else(|| self.divisions.iter().position(|d| d.id == id))
    }

    /// Fills [`Site::division_index`] from [`Site::divisions`]; the first of
    /// two divisions with the same id wins, as in a search from the start.
    pub fn index_divisions(&mut self) {
        let mut index = Index::default();
        for (i, d) in self.divisions.iter().enumerate() {
            index.insert_first(d.id.clone(), i);
        }
        self.division_index = index;
    }

    /// The plan shown on the home page: the current one, else the newest.
    pub fn main_plan(&self) -> Option<&Plan> {
        self.plans.first()
    }
}

/// Site-wide settings from `site.yaml`.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Site title.
    pub title: String,
    /// Publishing organisation.
    pub organisation: String,
    /// Absolute base URL, ending in `/`, if set.
    pub base_url: Option<String>,
    /// Interface language (`ja`).
    pub language: String,
    /// Whether fiscal years also show their Japanese era.
    pub era_years: bool,
    /// Description for page metadata.
    pub description: Option<String>,
    /// Contact paragraph (Markdown).
    pub contact: Option<String>,
    /// Notice on every page (Markdown).
    pub notice: Option<String>,
    /// Whether the organisation publishes the site itself.
    pub official: bool,
    /// Licence of the published data.
    pub licence: Licence,
}

/// A licence.
#[derive(Debug, Clone)]
pub struct Licence {
    /// Short name.
    pub name: String,
    /// Link to its text.
    pub url: Option<String>,
}

/// A division 所属.
#[derive(Debug, Clone)]
pub struct Division {
    /// URL-safe id.
    pub id: DivisionId,
    /// Official name.
    pub name: String,
    /// Bureau 部局, when known.
    pub bureau: Option<String>,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// How to reach it (text as written).
    pub contact: Option<String>,
    /// Its own web page (a safe address).
    pub url: Option<String>,
}

/// A Markdown page.
#[derive(Debug, Clone)]
pub struct Page {
    /// URL-safe slug (its file name).
    pub slug: String,
    /// Title.
    pub title: String,
    /// Navigation order.
    pub order: i64,
    /// Date `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Description.
    pub description: Option<String>,
    /// Body (Markdown).
    pub body: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether [`Site::division`] finds the same division as a search from the start.
    fn finds_as_a_search(site: &Site, id: &str) -> bool {
        let searched = site.divisions.iter().find(|d| d.id == id);
        match (site.division(id), searched) {
            (Some(found), Some(searched)) => std::ptr::eq(found, searched),
            (found, searched) => found.is_none() && searched.is_none(),
        }
    }

    #[test]
    fn division_by_id_matches_a_search() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut site = crate::pipeline::load_site(root).expect("the sample site loads");
        assert!(site.divisions.len() > 1);
        assert_eq!(site.division_index.len(), site.divisions.len());
        let ids: Vec<String> = site.divisions.iter().map(|d| d.id.to_string()).collect();
        for id in ids
            .iter()
            .map(String::as_str)
            .chain(["", "no-such-division"])
        {
            assert!(finds_as_a_search(&site, id), "{id}");
        }
        // A stale or missing index still finds every division.
        site.divisions.reverse();
        assert!(ids.iter().all(|id| finds_as_a_search(&site, id)));
        site.division_index.clear();
        assert!(ids.iter().all(|id| finds_as_a_search(&site, id)));
        // With two divisions of one id, the first wins, as in a search.
        let mut twin = site.divisions[1].clone();
        twin.id.clone_from(&site.divisions[0].id);
        site.divisions.push(twin);
        site.index_divisions();
        assert!(ids.iter().all(|id| finds_as_a_search(&site, id)));
        let first = site.division(&site.divisions[0].id).unwrap();
        assert!(std::ptr::eq(first, &site.divisions[0]));
    }
}
