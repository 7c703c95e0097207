//! An implementation item 実施項目: its place in the structure, projects 事業,
//! links, roadmap rows and evaluation rows.

use super::*;

/// How an item's place in the structure is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// Stated by the source documents.
    Documented,
    /// Read from meaning where the source is ambiguous.
    Inferred,
    /// The source does not tell.
    Unknown,
}

/// An implementation item 実施項目.
#[derive(Debug, Clone)]
pub struct Item {
    /// Number, unique in the plan.
    pub number: ItemNumber,
    /// Title.
    pub title: String,
    /// Where it sits in the plan's structure, resolved by `validate`.
    pub parent: Parent,
    /// Ids of its marks.
    pub marks: Vec<String>,
    /// Ids of its responsible divisions.
    pub divisions: Vec<DivisionId>,
    /// How its place in the structure is known.
    pub placement: Placement,
    /// Summary (Markdown).
    pub summary: Option<String>,
    /// Editorial note (Markdown).
    pub note: Option<String>,
    /// Projects 事業.
    pub projects: Vec<Project>,
    /// Indicators 指標.
    pub indicators: Vec<Indicator>,
    /// The file it was read from, relative to the site root.
    pub source_file: String,
}

impl Item {
    /// Number of its goal (first level), in a plan of two or more levels.
    pub fn goal(&self) -> Option<GoalNumber> {
        self.parent.goal().map(GoalRef::number)
    }

    /// Number of its policy (second level), in a plan of three or four levels.
    pub fn policy(&self) -> Option<PolicyNumber> {
        self.parent.policy().map(PolicyRef::number)
    }

    /// Number of its third-level node, in a plan of four levels.
    pub fn node(&self) -> Option<NodeNumber> {
        self.parent.node().map(NodeRef::number)
    }
}

/// A project 事業.
#[derive(Debug, Clone)]
pub struct Project {
    /// Title.
    pub title: String,
    /// Ids of responsible divisions 取組所属.
    pub divisions: Vec<DivisionId>,
    /// Ids of related divisions 関係所属.
    pub related_divisions: Vec<DivisionId>,
    /// Situation and issues 現状・課題 (Markdown).
    pub situation: Option<String>,
    /// Actions 取組内容 (Markdown).
    pub actions: Option<String>,
    /// Related information 関連情報.
    pub links: Vec<Link>,
    /// Roadmap 工程表.
    pub roadmap: Vec<RoadmapRow>,
    /// What is evaluated 評価.
    pub evaluation: Vec<EvaluationRow>,
}

/// A related link; `url` is checked to be safe.
#[derive(Debug, Clone)]
pub struct Link {
    /// Text.
    pub title: String,
    /// Address, if any.
    pub url: Option<String>,
}

/// A roadmap row.
#[derive(Debug, Clone)]
pub struct RoadmapRow {
    /// What is planned.
    pub label: String,
    /// Years it spans; `None` when the source gives no years (年度の記載なし).
    pub years: Option<Period>,
    /// Detail line.
    pub detail: Option<String>,
}

/// A row of what is evaluated.
#[derive(Debug, Clone)]
pub struct EvaluationRow {
    /// What is evaluated.
    pub label: String,
    /// Detail line.
    pub detail: Option<String>,
}
