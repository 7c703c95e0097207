//! Randomness and words: a splitmix64 generator and the Japanese word lists
//! it draws sentences, titles and numbers from.

use std::fmt::Write as _;

/// splitmix64: tiny, fast and good enough for synthetic text.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// A number in `lo..=hi`.
    pub(crate) fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    /// True with `pct` percent probability.
    pub(crate) fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    /// A float in `[0, 1)`.
    pub(crate) fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    pub(crate) fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

pub(crate) const AREAS: &[&str] = &[
    "行政手続",
    "県有施設",
    "公共データ",
    "職員研修",
    "窓口サービス",
    "電子申請",
    "庁内業務",
    "財政運営",
    "公共交通",
    "防災情報",
    "子育て支援",
    "地域医療",
    "観光振興",
    "中小企業支援",
    "農業経営",
    "森林資源",
    "道路維持管理",
    "県立学校",
    "文化施設",
    "広報発信",
    "働き方",
    "人材育成",
    "市町村連携",
    "官民共創",
    "デジタル基盤",
    "情報セキュリティ",
    "公金収納",
    "契約事務",
    "統計調査",
    "移住定住",
];
pub(crate) const METHODS: &[&str] = &[
    "オンライン化",
    "デジタル化",
    "効率化",
    "見える化",
    "標準化",
    "最適化",
    "集約化",
    "共同化",
    "民間活用",
    "データ連携",
    "ペーパーレス化",
    "キャッシュレス化",
    "自動化",
    "多言語化",
    "再編",
];
pub(crate) const ACTIONS: &[&str] = &[
    "の推進",
    "の強化",
    "の促進",
    "の充実",
    "の見直し",
    "に向けた取組",
    "の検討",
    "の拡大",
    "の着実な実施",
    "による業務改善",
];
pub(crate) const NOUNS: &[&str] = &[
    "手続の件数",
    "利用者の満足度",
    "職員の負担",
    "事務処理の時間",
    "紙の書類",
    "問い合わせの件数",
    "システムの運用経費",
    "情報の共有",
    "現場の人手",
    "データの精度",
    "施設の稼働率",
    "相談の件数",
];
pub(crate) const PROBLEMS: &[&str] = &[
    "増加",
    "偏り",
    "長期化",
    "不足",
    "重複",
    "属人化",
    "老朽化",
    "分散",
];
pub(crate) const BENEFITS: &[&str] = &[
    "県民の利便性の向上",
    "業務の効率化",
    "経費の節減",
    "サービスの質の向上",
    "職員の働きやすさの向上",
    "行政の透明性の向上",
    "地域の持続的な発展",
];
pub(crate) const VERBS: &[&str] = &[
    "見直します",
    "整理します",
    "共有します",
    "点検します",
    "拡充します",
    "周知します",
    "検証します",
    "進めます",
];
pub(crate) const PAST: &[&str] = &[
    "実施した",
    "見直した",
    "周知した",
    "試行した",
    "導入した",
    "点検した",
    "拡大した",
];
pub(crate) const GOALS: &[&str] = &[
    "DX等による質の高い行政サービス提供",
    "官民共創による持続可能な公共づくり",
    "未来を切り拓く職員の育成と組織風土改革",
    "持続可能な財政基盤の確立",
    "県民との対話による開かれた県政",
    "市町村との連携による広域的な課題解決",
];
pub(crate) const BUREAUS: &[&str] = &[
    "総務部",
    "知事戦略部",
    "デジタル推進部",
    "健康福祉部",
    "環境森林部",
    "農政部",
    "産業経済部",
    "県土整備部",
    "生活こども部",
    "地域創生部",
    "危機管理部",
    "会計局",
    "教育委員会事務局",
    "企業局",
];
pub(crate) const STEMS: &[&str] = &[
    "総務",
    "企画",
    "人事",
    "財政",
    "管財",
    "広報",
    "統計",
    "情報政策",
    "福祉",
    "医療",
    "保健予防",
    "環境政策",
    "森林保全",
    "農業構造",
    "観光",
    "商政",
    "労働政策",
    "道路整備",
    "河川",
    "都市計画",
    "住宅政策",
    "子育て支援",
    "文化振興",
    "スポーツ振興",
    "消防保安",
    "学校人事",
    "生涯学習",
    "契約検査",
    "施設管理",
    "業務改革",
];
/// (unit, decimal places, typical size).
pub(crate) const UNITS: &[(&str, u8, f64)] = &[
    ("件", 0, 5000.0),
    ("%", 1, 60.0),
    ("時間", 1, 20.0),
    ("人", 0, 800.0),
    ("者", 0, 300.0),
    ("回", 0, 120.0),
    ("日", 1, 14.0),
    ("億円", 1, 40.0),
];
pub(crate) const METRICS: &[&str] = &[
    "件数",
    "利用率",
    "処理時間",
    "参加者数",
    "登録者数",
    "実施回数",
    "取得日数",
    "削減額",
];

pub(crate) fn sentence(r: &mut Rng, year: i32) -> String {
    let area = r.pick(AREAS);
    let noun = r.pick(NOUNS);
    match r.below(6) {
        0 => format!(
            "{area}については、{noun}の{}が課題となっています。",
            r.pick(PROBLEMS)
        ),
        1 => format!(
            "{year}年度までに{area}の{}を進め、{}を目指します。",
            r.pick(METHODS),
            r.pick(BENEFITS)
        ),
        2 => format!(
            "関係所属と連携し、{area}に関する{noun}を{}。",
            r.pick(VERBS)
        ),
        3 => format!(
            "これまでの取組で{noun}は改善しましたが、{}への対応が引き続き必要です。",
            r.pick(PROBLEMS)
        ),
        4 => format!(
            "{area}の{}により、{}につなげます。",
            r.pick(METHODS),
            r.pick(BENEFITS)
        ),
        _ => format!(
            "利用者の声をもとに{noun}を定期的に把握し、必要に応じて取組を{}。",
            r.pick(VERBS)
        ),
    }
}

/// A paragraph of `lo..=hi` sentences on one line.
pub(crate) fn para(r: &mut Rng, lo: usize, hi: usize, year: i32) -> String {
    let n = r.range(lo, hi);
    (0..n).map(|_| sentence(r, year)).collect()
}

/// Markdown prose: a paragraph, sometimes a second one or a short list.
pub(crate) fn prose(r: &mut Rng, year: i32) -> String {
    let mut s = para(r, 2, 4, year);
    s.push('\n');
    if r.chance(30) {
        s.push('\n');
        for _ in 0..r.range(2, 4) {
            let _ = writeln!(s, "- {}の{}", r.pick(AREAS), r.pick(METHODS));
        }
    } else if r.chance(30) {
        s.push('\n');
        s.push_str(&para(r, 1, 2, year));
        s.push('\n');
    }
    s
}

pub(crate) fn item_title(r: &mut Rng) -> String {
    format!("{}の{}{}", r.pick(AREAS), r.pick(METHODS), r.pick(ACTIONS))
}

/// `v` rounded to `places` decimals.
pub(crate) fn round(v: f64, places: u8) -> f64 {
    let f = 10f64.powi(places as i32);
    (v * f).round() / f
}
