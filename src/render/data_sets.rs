//! What each published data set is and what its columns mean, written in
//! the plans' own level names (目標・方針・実施項目 in Gunma's plan): the data
//! page prints it and the catalogue (`data/catalog.jsonld`) carries it.

use super::data::DataSet;
use crate::model::Site;
use crate::views::levels::SiteLevels;

/// The data sets of `site`, in the order their files are made; `rows` are
/// the row counts of structure, item-divisions, indicators, evaluations and
/// rates. The third-level columns are listed only when a plan has four levels.
pub(super) fn describe(site: &Site, four_levels: bool, rows: [usize; 5]) -> Vec<DataSet> {
    let l = SiteLevels::new(site);
    let (goal, policy, node, item) = (&l.goal, &l.policy, &l.node, &l.item);
    let mut structure = vec![
        ("plan", "計画のID".to_string()),
        ("goal", format!("{goal}の番号")),
        ("goal_title", format!("{goal}の名称")),
        ("policy", format!("{policy}の番号")),
        ("policy_title", format!("{policy}の名称")),
    ];
    if four_levels {
        structure.push(("node", format!("{node}の番号")));
        structure.push(("node_title", format!("{node}の名称")));
    }
    structure.extend([
        ("item", format!("{item}の番号")),
        ("title", format!("{item}の名称")),
        (
            "divisions",
            "取組所属の名称（複数のときは ; で区切る。1所属1行の表は item-divisions）".to_string(),
        ),
        ("marks", "印（★＝官民データ活用推進計画の取組項目など）".to_string()),
        (
            "placement",
            "体系への位置付けの根拠（documented＝資料で確認、inferred＝意味から読み取り、unknown＝資料に記載なし）".to_string(),
        ),
    ]);
    vec![
        DataSet {
            name: "structure",
            title: format!("計画の体系（{item}の一覧）"),
            row: format!("{item}1件"),
            columns: structure,
            rows: rows[0],
        },
        DataSet {
            name: "item-divisions",
            title: format!("{item}と取組所属の対応"),
            row: format!("{item}と取組所属の組1件"),
            columns: vec![
                ("plan", "計画のID".to_string()),
                ("item", format!("{item}の番号")),
                ("division_id", "所属のID".to_string()),
                ("division", "所属の名称".to_string()),
            ],
            rows: rows[1],
        },
        DataSet {
            name: "indicators",
            title: "指標の値（縦持ち）".to_string(),
            row: "指標・年度・系列ごとの値1件".to_string(),
            columns: vec![
                ("plan", "計画のID".to_string()),
                ("goal", format!("{goal}の番号（計画全体の指標は空欄）")),
                ("item", format!("{item}の番号（{goal}・計画全体の指標は空欄）")),
                ("indicator", "指標のID".to_string()),
                ("name", "指標の名称".to_string()),
                ("kind", "指標の種別（target＝数値目標、reference＝参考指標）".to_string()),
                (
                    "measure",
                    "測り方（quantity＝数量、rank＝順位（小さいほどよい）、judgement＝数値でなく判定）".to_string(),
                ),
                ("unit", "単位".to_string()),
                (
                    "direction",
                    "よい方向（higher＝高いほどよい、lower＝低いほどよい、neither＝なし）".to_string(),
                ),
                ("fiscal_year", "年度（西暦）".to_string()),
                (
                    "series",
                    "系列（baseline＝策定時、target＝目標、target-cumulative＝累計の目標、target-cumulative-amount＝累計の目標の基になった各年度の額、target-cap＝上限、target-floor＝下限、target-range-low／target-range-high＝目標範囲の下端／上端、actual＝実績、actual-total＝公表された実績の累計）".to_string(),
                ),
                ("series_label", "目標の系列の計画での名称（計画が名付けているとき）".to_string()),
                ("value", "値（数値。実績が未公表のときや判定のときは空欄）".to_string()),
                ("judgement", "数値でない判定（計画の判定の言葉、例：達成）".to_string()),
                (
                    "outcome",
                    "判定が目標について示すこと（met＝達成、partly＝一部達成、not-met＝未達成。計画が定めないときは空欄）".to_string(),
                ),
                (
                    "year_given",
                    "資料が値の年度を示しているか（false のとき fiscal_year は、値を収めた評価結果の年度で、資料が示した年度ではない）".to_string(),
                ),
                ("note", "備考（未公表の理由、数値でない判定など）".to_string()),
            ],
            rows: rows[2],
        },
        DataSet {
            name: "evaluations",
            title: format!("{item}の評価"),
            row: format!("{item}・年度ごとの評価1件"),
            columns: vec![
                ("plan", "計画のID".to_string()),
                ("fiscal_year", "評価の対象年度（西暦）".to_string()),
                ("item", format!("{item}の番号")),
                ("grade", "評価（計画の評価区分の記号）".to_string()),
                ("grade_label", "評価区分の名称".to_string()),
            ],
            rows: rows[3],
        },
        DataSet {
            name: "rates",
            title: "計画実施率などの率と公表された集計値".to_string(),
            row: "計画・年度ごとの率または集計値1件".to_string(),
            columns: vec![
                ("plan", "計画のID".to_string()),
                ("fiscal_year", "評価の対象年度（西暦）".to_string()),
                ("name", "名称（例：計画実施率）".to_string()),
                (
                    "origin",
                    "出どころ（computed＝このサイトが評価区分の数から計算した値、published＝団体が公表したとおりの値で再計算しない）".to_string(),
                ),
                ("count", "数えた項目の数（公表・計算されたとき）".to_string()),
                ("of", "全体の項目の数（公表・計算されたとき）".to_string()),
                ("value", "値（数値）".to_string()),
                ("unit", "値の単位".to_string()),
                ("counter", "count と of の数え方（例：項目）".to_string()),
                ("note", "備考".to_string()),
            ],
            rows: rows[4],
        },
    ]
}
